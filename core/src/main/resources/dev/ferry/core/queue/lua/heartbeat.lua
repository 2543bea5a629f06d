--[[
heartbeat: a worker says it is alive and what it is doing.
KEYS[1] worker index       ferry:{workers} (member: worker id, score: last beat, ms)
KEYS[2] worker record      ferry:{workers}:worker:<id>
ARGV[1] worker id
ARGV[2] worker description, JSON (host, pid, device, demos, running jobs)
ARGV[3] record lifetime, ms
Returns the Redis time of the beat, ms
]]
local now = now_ms()
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return now
