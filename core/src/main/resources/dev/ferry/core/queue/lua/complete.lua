--[[
complete: a job succeeded. Called only after its outputs are written, so an acknowledged
job always has its files (at-least-once delivery).
KEYS[1] job hash           ferry:{d}:job:<id>
KEYS[2] stream             ferry:{d}:stream:<priority of the job>
KEYS[3] running index      ferry:{d}:state:running
KEYS[4] succeeded index    ferry:{d}:state:succeeded
KEYS[5] stats              ferry:{d}:stats
ARGV[1] consumer group
ARGV[2] worker id
ARGV[3] result, JSON
ARGV[4] files, JSON
ARGV[5] events channel     ferry:{d}:events:<id>
ARGV[6] job id
Returns the job's record after the transition, as HGETALL lists it
Errors  NOT_OWNER when the job is no longer running on this worker
]]
local job_key, stream, running, succeeded, stats = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local group, worker, result, files, channel, id = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
if not owned_by(job_key, worker) then
  return redis.error_reply('NOT_OWNER job is no longer running on this worker')
end
local now = now_ms()
drop_entry(job_key, stream, group)
move_state(job_key, id, running, succeeded, 'succeeded', now)
redis.call('HSET', job_key, 'finished_at', now, 'result', result, 'files', files)
redis.call('HDEL', job_key, 'error_code', 'error_message', 'retry_at')
redis.call('HINCRBY', stats, 'succeeded', 1)
bump(job_key, channel)
return redis.call('HGETALL', job_key)
