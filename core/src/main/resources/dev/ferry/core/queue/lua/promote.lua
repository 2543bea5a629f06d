--[[
promote: puts retries whose backoff has passed back on their stream.
KEYS[1] delayed set        ferry:{d}:delayed
KEYS[2] high stream        ferry:{d}:stream:high
KEYS[3] normal stream      ferry:{d}:stream:normal
KEYS[4] job key prefix     ferry:{d}:job:
ARGV[1] most jobs to move
ARGV[2] wake channel       ferry:{d}:wake
Returns the number of jobs moved
]]
local delayed, high, normal, prefix = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local limit, wake = ARGV[1], ARGV[2]
local due = redis.call('ZRANGEBYSCORE', delayed, '-inf', now_ms(), 'LIMIT', 0, limit)
for _, id in ipairs(due) do
  local job_key = prefix .. id
  local record = redis.call('HMGET', job_key, 'state', 'priority')
  if record[1] == 'queued' then
    enqueue_entry(job_key, record[2] == 'high' and high or normal, id)
    redis.call('HDEL', job_key, 'retry_at')
  end
  redis.call('ZREM', delayed, id)
end
if #due > 0 then
  redis.call('PUBLISH', wake, #due)
end
return #due
