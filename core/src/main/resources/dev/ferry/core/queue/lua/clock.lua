--[[
clock: the Redis time, which every queue script uses, so ages are measured on one clock.
Returns ms since the epoch
]]
return now_ms()
