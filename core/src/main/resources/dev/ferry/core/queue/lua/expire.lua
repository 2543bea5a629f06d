--[[
expire: forgets finished jobs older than the retention period. The caller then deletes
their folders in the data folder.
KEYS[1] succeeded index    ferry:{d}:state:succeeded
KEYS[2] failed index       ferry:{d}:state:failed
KEYS[3] cancelled index    ferry:{d}:state:cancelled
KEYS[4] created index      ferry:{d}:created
KEYS[5] job key prefix     ferry:{d}:job:
KEYS[6] dead-letter index  ferry:{d}:dead
ARGV[1] retention, ms
ARGV[2] most jobs to forget
Returns the ids of the forgotten jobs
]]
local created, prefix, dead_letters = KEYS[4], KEYS[5], KEYS[6]
local cutoff, limit = now_ms() - tonumber(ARGV[1]), tonumber(ARGV[2])
local gone = {}
for s = 1, 3 do
  local index = KEYS[s]
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', cutoff, 'LIMIT', 0, limit - #gone)) do
    redis.call('DEL', prefix .. id)
    redis.call('ZREM', index, id)
    redis.call('ZREM', created, id)
    redis.call('ZREM', dead_letters, id)
    gone[#gone + 1] = id
  end
  if #gone >= limit then break end
end
return gone
