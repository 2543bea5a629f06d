--[[
resume: an operator lets a paused demo's queue run again, and wakes idle workers so they
claim its queued jobs at once.
KEYS[1] paused flag        ferry:{d}:paused
ARGV[1] wake channel       ferry:{d}:wake
Returns 1 when the queue was paused, 0 when it was already running
]]
local paused = KEYS[1]
local wake = ARGV[1]
local was_paused = redis.call('DEL', paused)
if was_paused == 1 then
  redis.call('PUBLISH', wake, 'resumed')
end
return was_paused
