--[[
fail: an attempt failed. A retryable failure with attempts left waits in the delayed set
for its backoff, then goes back to the stream (see promote); otherwise the job is failed.
A retryable failure without attempts left is also a dead letter: the job could have
succeeded and ran out of retries. A failure that is not retryable (bad input) is the
client's to fix, failed but not a dead letter.
KEYS[1] job hash           ferry:{d}:job:<id>
KEYS[2] stream             ferry:{d}:stream:<priority of the job>
KEYS[3] running index      ferry:{d}:state:running
KEYS[4] queued index       ferry:{d}:state:queued
KEYS[5] failed index       ferry:{d}:state:failed
KEYS[6] delayed set        ferry:{d}:delayed
KEYS[7] stats              ferry:{d}:stats
KEYS[8] dead-letter index  ferry:{d}:dead
KEYS[9] webhook stream     ferry:{d}:webhooks
ARGV[1] consumer group
ARGV[2] worker id
ARGV[3] error code
ARGV[4] error message
ARGV[5] '1' when another attempt could succeed
ARGV[6] backoff before the next attempt, ms
ARGV[7] events channel     ferry:{d}:events:<id>
ARGV[8] job id
Returns the job's record after the transition, as HGETALL lists it
Errors  NOT_OWNER when the job is no longer running on this worker
]]
local job_key, stream, running, queued, failed, delayed, stats, dead_letters, hooks =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8], KEYS[9]
local group, worker, code, message, retryable, backoff, channel, id =
  ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5] == '1', tonumber(ARGV[6]), ARGV[7], ARGV[8]
if not owned_by(job_key, worker) then
  return redis.error_reply('NOT_OWNER job is no longer running on this worker')
end
local now = now_ms()
local record = redis.call('HMGET', job_key, 'attempts', 'max_attempts')
drop_entry(job_key, stream, group)
redis.call('HSET', job_key, 'error_code', code, 'error_message', message)
if retryable and tonumber(record[1]) < tonumber(record[2]) then
  move_state(job_key, id, running, queued, 'queued', now)
  redis.call('HSET', job_key, 'retry_at', now + backoff)
  redis.call('ZADD', delayed, now + backoff, id)
else
  move_state(job_key, id, running, failed, 'failed', now)
  finish(job_key, now)
  redis.call('HINCRBY', stats, 'failed', 1)
  if retryable then
    redis.call('ZADD', dead_letters, now, id)
  end
end
bump(job_key, channel)
if redis.call('HGET', job_key, 'state') == 'failed' then
  webhook_event(job_key, hooks, id, 'completed')
end
return redis.call('HGETALL', job_key)
