--[[
webhook_settle: records what became of one delivery attempt: settled (delivered or given up),
its event leaves the stream; else its next attempt is due after a delay.
KEYS[1] webhook stream     ferry:{d}:webhooks
KEYS[2] retry set          ferry:{d}:webhook:retries
KEYS[3] attempts hash      ferry:{d}:webhook:attempts
ARGV[1] consumer group
ARGV[2] stream entry id of the delivery
ARGV[3] attempts made so far
ARGV[4] delay before the next attempt, ms; '' when the delivery is settled
Returns 1
]]
local hooks, retries, attempts = KEYS[1], KEYS[2], KEYS[3]
local group, entry, made, delay = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('XACK', hooks, group, entry)
if delay == '' then
  redis.call('XDEL', hooks, entry)
  redis.call('ZREM', retries, entry)
  redis.call('HDEL', attempts, entry)
else
  redis.call('ZADD', retries, now_ms() + tonumber(delay), entry)
  redis.call('HSET', attempts, entry, made)
end
return 1
