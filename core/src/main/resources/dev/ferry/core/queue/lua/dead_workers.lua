--[[
dead_workers: lists workers whose last heartbeat is older than the dead-after period.
KEYS[1] worker index       ferry:{workers}
ARGV[1] dead-after period, ms
Returns worker ids
]]
return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now_ms() - tonumber(ARGV[1]))
