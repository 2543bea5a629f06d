# Runs redis-server ($1) with its configuration file ($2), and stops it (SIGTERM: Redis completes
# its append-only file and exits) once the JVM that started this script is gone, however it went,
# kill -9 included: the JVM holds the only writer of this script's stdin, and the kernel closes
# it when the JVM ends, so reading stdin returns end-of-file exactly then.
# Prints redis-server's pid as its first line; exits when redis-server exits.

# A background job's stdin would be /dev/null: keep the JVM's pipe on fd 3 for the reader.
exec 3<&0
# In a session of its own where setsid exists (Linux), so that a Ctrl-C or a TERM sent to Ferry's
# whole process group reaches Ferry but not Redis: Ferry stops the worker first, Redis last.
if command -v setsid >/dev/null 2>&1; then
  setsid "$1" "$2" >&2 </dev/null 3<&- &
else
  "$1" "$2" >&2 </dev/null 3<&- &
fi
redis=$!
echo "$redis"
# Nor may they end this script before the JVM ends: it stops Redis once the JVM is gone.
trap '' INT HUP TERM
{ while read -r _; do :; done; kill -TERM "$redis" 2>/dev/null; } <&3 &
reader=$!
exec 3<&-
wait "$redis"
status=$?
# Redis stopped on its own: its pid may be reused, so the reader must never signal it now.
kill -KILL "$reader" 2>/dev/null
exit "$status"
