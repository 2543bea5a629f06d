--[[
claim: hands up to ARGV[3] queued jobs to one worker and marks them running, high
priority first. Stream entries whose job is no longer queued (cancelled while waiting)
are acknowledged and dropped here, so a cancelled job never starts. While an operator has
paused the demo's queue (the paused flag is set), nothing is claimed.
KEYS[1] high stream        ferry:{d}:stream:high
KEYS[2] normal stream      ferry:{d}:stream:normal
KEYS[3] queued index       ferry:{d}:state:queued
KEYS[4] running index      ferry:{d}:state:running
KEYS[5] job key prefix     ferry:{d}:job:
KEYS[6] paused flag        ferry:{d}:paused
KEYS[7] webhook stream     ferry:{d}:webhooks
ARGV[1] consumer group
ARGV[2] worker id (the consumer)
ARGV[3] most jobs to claim
ARGV[4] events channel prefix, ferry:{d}:events:
Returns a list of claimed jobs, each the flat field/value list of its record
]]
local queued, running, prefix, paused, hooks = KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local group, worker, wanted, events = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]

if redis.call('EXISTS', paused) == 1 then
  return {}
end
local now = now_ms()
local claimed = {}
for s = 1, 2 do
  local stream = KEYS[s]
  while #claimed < wanted do
    local read = redis.call('XREADGROUP', 'GROUP', group, worker, 'COUNT', wanted - #claimed, 'STREAMS', stream, '>')
    if not read then break end
    for _, entry in ipairs(read[1][2]) do
      local entry_id, id = entry[1], entry[2][2]
      local job_key = prefix .. id
      local current = redis.call('HMGET', job_key, 'state', 'entry')
      if current[1] == 'queued' and current[2] == entry_id then
        move_state(job_key, id, queued, running, 'running', now)
        redis.call('HSET', job_key, 'worker', worker, 'started_at', now)
        redis.call('HINCRBY', job_key, 'attempts', 1)
        bump(job_key, events .. id)
        webhook_event(job_key, hooks, id, 'started')
        claimed[#claimed + 1] = redis.call('HGETALL', job_key)
      else
        redis.call('XACK', stream, group, entry_id)
        redis.call('XDEL', stream, entry_id)
      end
    end
  end
end
return claimed
