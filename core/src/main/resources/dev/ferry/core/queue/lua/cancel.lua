--[[
cancel: a queued job is cancelled at once and never starts; for a running job the
request is recorded and its worker told, and the worker confirms (confirm_cancel) once
the demo has stopped. A finished job is left as it is.
KEYS[1] job hash           ferry:{d}:job:<id>
KEYS[2] high stream        ferry:{d}:stream:high
KEYS[3] normal stream      ferry:{d}:stream:normal
KEYS[4] queued index       ferry:{d}:state:queued
KEYS[5] cancelled index    ferry:{d}:state:cancelled
KEYS[6] delayed set        ferry:{d}:delayed
KEYS[7] stats              ferry:{d}:stats
KEYS[8] webhook stream     ferry:{d}:webhooks
ARGV[1] job id
ARGV[2] events channel     ferry:{d}:events:<id>
ARGV[3] cancel channel     ferry:{d}:cancel, which workers follow
ARGV[4] consumer group
Returns the job's state after the call
Errors  NOT_FOUND
]]
local job_key, high, normal, queued, cancelled, delayed, stats, hooks = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]
local id, channel, cancel_channel, group = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local record = redis.call('HMGET', job_key, 'state', 'priority')
local state = record[1]
if not state then
  return redis.error_reply('NOT_FOUND')
end
if state == 'queued' then
  local now = now_ms()
  drop_entry(job_key, record[2] == 'high' and high or normal, group)
  redis.call('ZREM', delayed, id)
  move_state(job_key, id, queued, cancelled, 'cancelled', now)
  finish(job_key, now, 'cancelled', 'cancelled before it started')
  redis.call('HINCRBY', stats, 'cancelled', 1)
  bump(job_key, channel)
  webhook_event(job_key, hooks, id, 'completed')
  return 'cancelled'
end
if state == 'running' then
  if redis.call('HGET', job_key, 'cancel') ~= '1' then
    redis.call('HSET', job_key, 'cancel', '1')
    bump(job_key, channel)
  end
  redis.call('PUBLISH', cancel_channel, id)
end
return state
