--[[
release: a worker that is shutting down hands a running job back. The job is queued
again with a fresh stream entry, and the interrupted attempt is not counted.
KEYS[1] job hash           ferry:{d}:job:<id>
KEYS[2] stream             ferry:{d}:stream:<priority of the job>
KEYS[3] running index      ferry:{d}:state:running
KEYS[4] queued index       ferry:{d}:state:queued
ARGV[1] consumer group
ARGV[2] worker id
ARGV[3] events channel     ferry:{d}:events:<id>
ARGV[4] wake channel       ferry:{d}:wake
ARGV[5] job id
Returns 'queued'
Errors  NOT_OWNER when the job is no longer running on this worker
]]
local job_key, stream, running, queued = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local group, worker, channel, wake, id = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if not owned_by(job_key, worker) then
  return redis.error_reply('NOT_OWNER job is no longer running on this worker')
end
local now = now_ms()
drop_entry(job_key, stream, group)
move_state(job_key, id, running, queued, 'queued', now)
redis.call('HINCRBY', job_key, 'attempts', -1)
redis.call('HDEL', job_key, 'worker', 'started_at', 'progress_current', 'progress_total', 'progress_message')
enqueue_entry(job_key, stream, id)
bump(job_key, channel)
redis.call('PUBLISH', wake, id)
return 'queued'
