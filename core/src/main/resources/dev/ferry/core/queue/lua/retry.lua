--[[
retry: an operator sends a dead letter back to the queue with a fresh attempt budget
(attempts and worker deaths start again from 0). Only a dead letter is retried: a job
failed for its input would fail again.
KEYS[1] job hash           ferry:{d}:job:<id>
KEYS[2] high stream        ferry:{d}:stream:high
KEYS[3] normal stream      ferry:{d}:stream:normal
KEYS[4] failed index       ferry:{d}:state:failed
KEYS[5] queued index       ferry:{d}:state:queued
KEYS[6] dead-letter index  ferry:{d}:dead
ARGV[1] job id
ARGV[2] events channel     ferry:{d}:events:<id>
ARGV[3] wake channel       ferry:{d}:wake
Returns 'queued'
Errors  NOT_FOUND, NOT_DEAD_LETTER when the job is not in the dead-letter index
]]
local job_key, high, normal, failed, queued, dead_letters = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local id, channel, wake = ARGV[1], ARGV[2], ARGV[3]
local record = redis.call('HMGET', job_key, 'state', 'priority')
if not record[1] then
  return redis.error_reply('NOT_FOUND')
end
if record[1] ~= 'failed' or not redis.call('ZSCORE', dead_letters, id) then
  return redis.error_reply('NOT_DEAD_LETTER job ' .. id .. ' is ' .. record[1] .. ' and not a dead letter')
end
redis.call('ZREM', dead_letters, id)
move_state(job_key, id, failed, queued, 'queued', now_ms())
redis.call('HSET', job_key, 'attempts', 0, 'deaths', 0)
redis.call('HDEL', job_key, 'worker', 'started_at', 'finished_at', 'cancel',
  'progress_current', 'progress_total', 'progress_message')
enqueue_entry(job_key, record[2] == 'high' and high or normal, id)
bump(job_key, channel)
redis.call('PUBLISH', wake, id)
return 'queued'
