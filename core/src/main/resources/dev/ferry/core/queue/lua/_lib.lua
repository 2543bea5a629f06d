--[[
Shared helpers, prepended to every queue script when it is loaded.
Every script runs as one atomic step; the time comes from Redis so that machines with
skewed clocks still agree on ages, deadlines and heartbeats.
]]
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- Moves a job from one state index to another and records the state on its hash.
local function move_state(job_key, id, from_index, to_index, state, now)
  redis.call('ZREM', from_index, id)
  redis.call('ZADD', to_index, now, id)
  redis.call('HSET', job_key, 'state', state)
end

-- Counts a change of the job record and tells event followers (SSE) its new version.
local function bump(job_key, channel)
  local version = redis.call('HINCRBY', job_key, 'version', 1)
  redis.call('PUBLISH', channel, version)
  return version
end

-- True when the job is running on this worker; a reclaimed or cancelled job is not.
local function owned_by(job_key, worker)
  local s = redis.call('HMGET', job_key, 'state', 'worker')
  return s[1] == 'running' and s[2] == worker
end

-- Removes the job's current stream entry: acknowledged for the group, then deleted.
local function drop_entry(job_key, stream, group)
  local entry = redis.call('HGET', job_key, 'entry')
  if entry then
    redis.call('XACK', stream, group, entry)
    redis.call('XDEL', stream, entry)
    redis.call('HDEL', job_key, 'entry')
  end
end

-- Appends a fresh stream entry for the job so a worker can claim it.
local function enqueue_entry(job_key, stream, id)
  local entry = redis.call('XADD', stream, '*', 'job', id)
  redis.call('HSET', job_key, 'entry', entry)
  return entry
end

local function finish(job_key, now, code, message)
  redis.call('HSET', job_key, 'finished_at', now)
  if code then
    redis.call('HSET', job_key, 'error_code', code, 'error_message', message)
  end
end

-- Flat key/value list to a table.
local function to_map(flat)
  local m = {}
  for i = 1, #flat, 2 do m[flat[i]] = flat[i + 1] end
  return m
end

-- Records a webhook event of the job, in the same step as the transition that caused it, when
-- the job has a webhook asking for that event. Progress is sent at most once per 500 ms per job.
-- Each event gets the job's next sequence number and a copy of the record as it is now.
local function webhook_event(job_key, hooks, id, event)
  local fields = redis.call('HMGET', job_key, 'webhook', 'webhook_progress_at')
  if not fields[1] then return end
  local wanted = false
  for _, e in ipairs(cjson.decode(fields[1]).events) do
    if e == event then wanted = true end
  end
  if not wanted then return end
  if event == 'progress' then
    local now = now_ms()
    if fields[2] and now - tonumber(fields[2]) < 500 then return end
    redis.call('HSET', job_key, 'webhook_progress_at', now)
  end
  local sequence = redis.call('HINCRBY', job_key, 'webhook_seq', 1)
  redis.call('XADD', hooks, '*', 'job', id, 'event', event, 'sequence', sequence,
    'record', cjson.encode(redis.call('HGETALL', job_key)))
end
