--[[
ensure_groups: creates a demo's streams and their consumer group when missing. An
existing group is left as it is, inside the script: a BUSYGROUP error reply starts like
Redis's BUSY (a script is running) reply, which Redisson retries for seconds before
giving up, so every start of a worker or API would stall.
KEYS[1] high stream        ferry:{d}:stream:high
KEYS[2] normal stream      ferry:{d}:stream:normal
ARGV[1] consumer group
Returns the number of groups created (0, 1 or 2)
]]
local group = ARGV[1]
local created = 0
for s = 1, 2 do
  local reply = redis.pcall('XGROUP', 'CREATE', KEYS[s], group, '0', 'MKSTREAM')
  if type(reply) == 'table' and reply.err then
    if not string.find(reply.err, 'BUSYGROUP', 1, true) then
      return redis.error_reply(reply.err)
    end
  else
    created = created + 1
  end
end
return created
