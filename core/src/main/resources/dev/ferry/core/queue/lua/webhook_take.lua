--[[
webhook_take: hands one dispatcher the webhook deliveries to attempt now: events no dispatcher
has read yet, events a dead dispatcher read and never settled (idle past the lease), and retries
whose time has come. A retry taken is pushed a lease into the future, so a dispatcher that dies
while sending it leaves it to another. The group is created on first use, from the stream's start.
KEYS[1] webhook stream     ferry:{d}:webhooks
KEYS[2] retry set          ferry:{d}:webhook:retries
KEYS[3] attempts hash      ferry:{d}:webhook:attempts
ARGV[1] consumer group
ARGV[2] dispatcher id (the consumer)
ARGV[3] most deliveries of each kind to take
ARGV[4] lease, ms
Returns a list of deliveries, each {entry id, attempts made so far, {field, value, ...}}
]]
local hooks, retries, attempts = KEYS[1], KEYS[2], KEYS[3]
local group, consumer, wanted, lease = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
redis.pcall('XGROUP', 'CREATE', hooks, group, '0', 'MKSTREAM')
local now = now_ms()
local taken = {}
local function take(entry)
  if entry and entry[2] then
    taken[#taken + 1] = {entry[1], tonumber(redis.call('HGET', attempts, entry[1]) or '0'), entry[2]}
  end
end
for _, entry in ipairs(redis.call('XAUTOCLAIM', hooks, group, consumer, lease, '0-0', 'COUNT', wanted)[2]) do
  take(entry)
end
local fresh = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', wanted, 'STREAMS', hooks, '>')
if fresh then
  for _, entry in ipairs(fresh[1][2]) do take(entry) end
end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', retries, '-inf', now, 'LIMIT', 0, wanted)) do
  local entry = redis.call('XRANGE', hooks, id, id)[1]
  if entry then
    redis.call('ZADD', retries, now + lease, id)
    take(entry)
  else
    redis.call('ZREM', retries, id)
    redis.call('HDEL', attempts, id)
  end
end
return taken
