--[[
position: where a job stands in its demo's queue; reads only. Jobs start high priority
first, then in stream order, so the jobs ahead are the high stream's entries not yet
delivered to a worker and, for a normal job, the normal stream's undelivered entries up
to its own. The cost is bounded by the entries ahead, at most FERRY_MAX_QUEUED per stream.
KEYS[1] job hash           ferry:{d}:job:<id>
KEYS[2] high stream        ferry:{d}:stream:high
KEYS[3] normal stream      ferry:{d}:stream:normal
ARGV[1] consumer group
Returns {position, Redis time in ms}: position 1 starts next, 0 is running, -1 is finished or unknown
]]
local job_key, high, normal = KEYS[1], KEYS[2], KEYS[3]
local group = ARGV[1]
local now = now_ms()
local record = redis.call('HMGET', job_key, 'state', 'priority', 'entry')
if record[1] == 'running' then
  return {0, now}
end
if record[1] ~= 'queued' then
  return {-1, now}
end

-- Entries a worker has not been handed yet, up to and including entry id 'last'.
local function waiting(stream, last)
  if redis.call('EXISTS', stream) == 0 then
    return 0
  end
  for _, info in ipairs(redis.call('XINFO', 'GROUPS', stream)) do
    local g = to_map(info)
    if g['name'] == group then
      return #redis.call('XRANGE', stream, '(' .. g['last-delivered-id'], last)
    end
  end
  return 0
end

local own, entry = normal, record[3]
local position = 0
if record[2] == 'high' then
  own = high
else
  position = waiting(high, '+')
end
if entry then
  position = position + waiting(own, entry)
else
  -- A retry waiting out its backoff joins the end of its stream when promoted.
  position = position + waiting(own, '+') + 1
end
return {position, now}
