--[[
pause: an operator stops a demo's queue. Jobs are still submitted and queued, but claim
hands none out until resume; running jobs finish as usual.
KEYS[1] paused flag        ferry:{d}:paused
Returns 1 when the queue was running, 0 when it was already paused
]]
local paused = KEYS[1]
return redis.call('SET', paused, '1', 'NX') and 1 or 0
