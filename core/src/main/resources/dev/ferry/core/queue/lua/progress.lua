--[[
progress: records how far a running job is.
KEYS[1] job hash           ferry:{d}:job:<id>
KEYS[2] webhook stream     ferry:{d}:webhooks
ARGV[1] worker id
ARGV[2] current
ARGV[3] total
ARGV[4] message
ARGV[5] events channel     ferry:{d}:events:<id>
ARGV[6] job id
Returns 1 when a cancel was requested for the job, else 0
Errors  NOT_OWNER when the job is no longer running on this worker
]]
local job_key, hooks = KEYS[1], KEYS[2]
local worker, current, total, message, channel, id = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
if not owned_by(job_key, worker) then
  return redis.error_reply('NOT_OWNER job is no longer running on this worker')
end
redis.call('HSET', job_key, 'progress_current', current, 'progress_total', total, 'progress_message', message)
bump(job_key, channel)
webhook_event(job_key, hooks, id, 'progress')
return redis.call('HGET', job_key, 'cancel') == '1' and 1 or 0
