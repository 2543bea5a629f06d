--[[
complete: a job succeeded. Called only after its outputs are written, so an acknowledged
job always has its files (at-least-once delivery).
KEYS[1] job hash           ferry:{d}:job:<id>
KEYS[2] stream             ferry:{d}:stream:<priority of the job>
KEYS[3] running index      ferry:{d}:state:running
KEYS[4] succeeded index    ferry:{d}:state:succeeded
KEYS[5] stats              ferry:{d}:stats
KEYS[6] timings list       ferry:{d}:timings
KEYS[7] webhook stream     ferry:{d}:webhooks
ARGV[1] consumer group
ARGV[2] worker id
ARGV[3] result, JSON
ARGV[4] files, JSON
ARGV[5] events channel     ferry:{d}:events:<id>
ARGV[6] job id
ARGV[7] device of the worker
ARGV[8] how many timings the list keeps
Returns the job's record after the transition, as HGETALL lists it
Errors  NOT_OWNER when the job is no longer running on this worker
]]
local job_key, stream, running, succeeded, stats, timings, hooks = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local group, worker, result, files, channel, id, device, kept =
  ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], tonumber(ARGV[8])
if not owned_by(job_key, worker) then
  return redis.error_reply('NOT_OWNER job is no longer running on this worker')
end
local now = now_ms()
drop_entry(job_key, stream, group)
move_state(job_key, id, running, succeeded, 'succeeded', now)
redis.call('HSET', job_key, 'finished_at', now, 'result', result, 'files', files)
redis.call('HDEL', job_key, 'error_code', 'error_message', 'retry_at')
redis.call('HINCRBY', stats, 'succeeded', 1)
-- Wait counts from submission, so it includes earlier attempts and their backoffs.
local times = redis.call('HMGET', job_key, 'created_at', 'started_at')
redis.call('LPUSH', timings, cjson.encode({wait_ms = times[2] - times[1], run_ms = now - times[2], worker = worker, device = device}))
redis.call('LTRIM', timings, 0, kept - 1)
bump(job_key, channel)
webhook_event(job_key, hooks, id, 'completed')
return redis.call('HGETALL', job_key)
