--[[
reclaim: recovers the running jobs of a dead worker (no heartbeat for the dead-after
period). Each job counts a worker death; it is queued again unless a cancel was requested
(then cancelled), workers died ARGV[3] times while running it (failed as a poison pill),
or it has used all its attempts (failed, worker_lost); both failures are dead letters.
A job queued again goes on the high stream, as a high-priority job: a stream only grows at
its end, and a job that had already waited its turn must not wait behind the backlog again.
The dead consumer is removed.
KEYS[1] high stream        ferry:{d}:stream:high
KEYS[2] normal stream      ferry:{d}:stream:normal
KEYS[3] running index      ferry:{d}:state:running
KEYS[4] queued index       ferry:{d}:state:queued
KEYS[5] failed index       ferry:{d}:state:failed
KEYS[6] cancelled index    ferry:{d}:state:cancelled
KEYS[7] stats              ferry:{d}:stats
KEYS[8] job key prefix     ferry:{d}:job:
KEYS[9] dead-letter index  ferry:{d}:dead
KEYS[10] webhook stream    ferry:{d}:webhooks
ARGV[1] consumer group
ARGV[2] id of the dead worker
ARGV[3] worker deaths after which a job is a poison pill
ARGV[4] events channel prefix, ferry:{d}:events:
ARGV[5] wake channel       ferry:{d}:wake
Returns a flat list: job id, new state, job id, new state...
]]
local running, queued, failed, cancelled, stats, prefix, dead_letters, hooks = KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8], KEYS[9], KEYS[10]
local group, dead, poison_after, events, wake = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5]

local now = now_ms()
local outcomes = {}
for s = 1, 2 do
  local stream = KEYS[s]
  if redis.call('EXISTS', stream) == 1 then
    for _, pending in ipairs(redis.call('XPENDING', stream, group, '-', '+', 10000, dead)) do
      local entry_id = pending[1]
      local entry = redis.call('XRANGE', stream, entry_id, entry_id)[1]
      local id = entry and entry[2][2]
      local job_key = id and prefix .. id
      if job_key and owned_by(job_key, dead) and redis.call('HGET', job_key, 'entry') == entry_id then
        local deaths = redis.call('HINCRBY', job_key, 'deaths', 1)
        local record = to_map(redis.call('HGETALL', job_key))
        drop_entry(job_key, stream, group)
        local state
        if record['cancel'] == '1' then
          state = 'cancelled'
          move_state(job_key, id, running, cancelled, state, now)
          finish(job_key, now, 'cancelled', 'cancelled while running')
          redis.call('HINCRBY', stats, 'cancelled', 1)
        elseif deaths >= poison_after then
          state = 'failed'
          move_state(job_key, id, running, failed, state, now)
          finish(job_key, now, 'poison', 'workers died ' .. deaths .. ' times while running this job')
          redis.call('HINCRBY', stats, 'failed', 1)
          redis.call('ZADD', dead_letters, now, id)
        elseif tonumber(record['attempts']) >= tonumber(record['max_attempts']) then
          state = 'failed'
          move_state(job_key, id, running, failed, state, now)
          finish(job_key, now, 'worker_lost', 'the worker running the last attempt stopped responding')
          redis.call('HINCRBY', stats, 'failed', 1)
          redis.call('ZADD', dead_letters, now, id)
        else
          state = 'queued'
          move_state(job_key, id, running, queued, state, now)
          redis.call('HSET', job_key, 'error_code', 'worker_lost',
            'error_message', 'worker ' .. dead .. ' stopped responding; the job was queued again')
          redis.call('HSET', job_key, 'priority', 'high')
          enqueue_entry(job_key, KEYS[1], id)
          redis.call('PUBLISH', wake, id)
        end
        bump(job_key, events .. id)
        if state ~= 'queued' then
          webhook_event(job_key, hooks, id, 'completed')
        end
        outcomes[#outcomes + 1] = id
        outcomes[#outcomes + 1] = state
      else
        redis.call('XACK', stream, group, entry_id)
      end
    end
    redis.call('XGROUP', 'DELCONSUMER', stream, group, dead)
  end
end
return outcomes
