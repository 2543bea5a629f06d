--[[
delete: an operator removes a dead letter: its record and every index that lists it. The
caller then deletes its folder in the data folder. Only a dead letter is deleted here;
other finished jobs leave with retention (expire).
KEYS[1] job hash           ferry:{d}:job:<id>
KEYS[2] failed index       ferry:{d}:state:failed
KEYS[3] created index      ferry:{d}:created
KEYS[4] dead-letter index  ferry:{d}:dead
ARGV[1] job id
Returns 'deleted'
Errors  NOT_FOUND, NOT_DEAD_LETTER when the job is not in the dead-letter index
]]
local job_key, failed, created, dead_letters = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local id = ARGV[1]
local state = redis.call('HGET', job_key, 'state')
if not state then
  return redis.error_reply('NOT_FOUND')
end
if state ~= 'failed' or not redis.call('ZSCORE', dead_letters, id) then
  return redis.error_reply('NOT_DEAD_LETTER job ' .. id .. ' is ' .. state .. ' and not a dead letter')
end
redis.call('DEL', job_key)
redis.call('ZREM', failed, id)
redis.call('ZREM', created, id)
redis.call('ZREM', dead_letters, id)
return 'deleted'
