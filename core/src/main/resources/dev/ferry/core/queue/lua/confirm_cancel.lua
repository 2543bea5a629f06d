--[[
confirm_cancel: the worker stopped a running job that was cancelled.
KEYS[1] job hash           ferry:{d}:job:<id>
KEYS[2] stream             ferry:{d}:stream:<priority of the job>
KEYS[3] running index      ferry:{d}:state:running
KEYS[4] cancelled index    ferry:{d}:state:cancelled
KEYS[5] stats              ferry:{d}:stats
KEYS[6] webhook stream     ferry:{d}:webhooks
ARGV[1] consumer group
ARGV[2] worker id
ARGV[3] events channel     ferry:{d}:events:<id>
ARGV[4] job id
Returns the job's record after the transition, as HGETALL lists it
Errors  NOT_OWNER when the job is no longer running on this worker
]]
local job_key, stream, running, cancelled, stats, hooks = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local group, worker, channel, id = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if not owned_by(job_key, worker) then
  return redis.error_reply('NOT_OWNER job is no longer running on this worker')
end
local now = now_ms()
drop_entry(job_key, stream, group)
move_state(job_key, id, running, cancelled, 'cancelled', now)
finish(job_key, now, 'cancelled', 'cancelled while running')
redis.call('HINCRBY', stats, 'cancelled', 1)
bump(job_key, channel)
webhook_event(job_key, hooks, id, 'completed')
return redis.call('HGETALL', job_key)
