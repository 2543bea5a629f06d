--[[
submit: records a new job and queues it, in one round trip.
KEYS[1] job hash           ferry:{d}:job:<id>
KEYS[2] stream             ferry:{d}:stream:<priority>
KEYS[3] queued index       ferry:{d}:state:queued
KEYS[4] created index      ferry:{d}:created
KEYS[5] idempotency key    ferry:{d}:idem:<sha256 of the key>, holding '<job id> <fingerprint>'; unused when ARGV[4] is ''
KEYS[6] stats              ferry:{d}:stats
ARGV[1] job id
ARGV[2] most jobs this demo may have queued
ARGV[3] how long an idempotency key is remembered, ms
ARGV[4] the request's fingerprint (demo, params, options, inputs) when it carried an Idempotency-Key, else ''
ARGV[5] wake channel, published so idle workers claim at once
ARGV[6..] field, value pairs of the record: params, priority, max_attempts, time_limit_ms, webhook (JSON, when the job has one)
Returns {'created', id}, {'existing', id of the job first submitted with the key and the same fingerprint},
        or {'conflict', that job's id} when the key came first with another fingerprint (nothing is written)
Errors  QUEUE_FULL when the demo already has ARGV[2] queued jobs
]]
local job_key, stream, queued, created, idem_key, stats = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local id, max_queued, idem_ttl, fingerprint, wake = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5]
local has_idem = fingerprint ~= ''

if has_idem then
  local existing = redis.call('GET', idem_key)
  if existing then
    -- A value without a fingerprint was written before fingerprints were kept: it replays as it always did.
    local first_id, first_fingerprint = string.match(existing, '^(%S+) (%S+)$')
    if not first_id then
      return {'existing', existing}
    end
    if first_fingerprint ~= fingerprint then
      return {'conflict', first_id}
    end
    return {'existing', first_id}
  end
end
if redis.call('ZCARD', queued) >= max_queued then
  return redis.error_reply('QUEUE_FULL')
end

local now = now_ms()
redis.call('HSET', job_key, 'id', id, 'state', 'queued', 'created_at', now, 'attempts', 0, 'version', 1,
  unpack(ARGV, 6))
enqueue_entry(job_key, stream, id)
redis.call('ZADD', queued, now, id)
redis.call('ZADD', created, now, id)
redis.call('HINCRBY', stats, 'submitted', 1)
if has_idem then
  redis.call('SET', idem_key, id .. ' ' .. fingerprint, 'PX', idem_ttl)
end
redis.call('PUBLISH', wake, id)
return {'created', id}
