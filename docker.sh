#!/usr/bin/env bash
# Ferry on Docker: build the image, run Redis, the API and the workers, keep them updated.
# Settings: docker/.env (copy docker/env.template). Guide: docs/operations.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: ./docker.sh [--dry-run] <command> [arguments]

Commands:
  rebuild              build the image, then (re)start this host's services on it
  pull                 git pull, then rebuild (refreshing the base images)
  start                start this host's services (DEPLOY_ROLE, DEPLOY_REDIS) with
                       DEPLOY_WORKERS workers
  stop                 stop every service (containers and volumes are kept)
  restart              stop, then start (applies changes to docker/.env)
  logs [service]       follow the logs of every service, or of one: redis, api,
                       worker (all workers), worker-gpu<N>, worker-cpu
  status               containers, the API's /health and a summary of /monitor
  scale <n>            run n workers on this host (gpu: one per GPU, the first n of
                       DEPLOY_GPUS; cpu: n replicas); DEPLOY_WORKERS keeps it for restarts
  models pull <demo> [model]
                       download models into the data volume (one-off container);
                       any other `ferry models` command works the same (list, verify)
  help                 this text

Options:
  --dry-run            print every command, prefixed with "+ ", instead of running it

Settings come from docker/.env (cp docker/env.template docker/.env, then fill in
REDIS_PASSWORD and FERRY_API_KEYS); FERRY_DOCKER_ENV=<file> reads another file.
DEPLOY_* settings can also be given in the environment, which wins over the file.
EOF
}

die() {
  echo "docker.sh: $*" >&2
  exit 1
}

usage_error() {
  echo "docker.sh: $*" >&2
  echo >&2
  usage >&2
  exit 2
}

# A relative FERRY_DOCKER_ENV is relative to where the script was called from.
if [[ -n ${FERRY_DOCKER_ENV-} && $FERRY_DOCKER_ENV != /* ]]; then
  FERRY_DOCKER_ENV=$PWD/$FERRY_DOCKER_ENV
fi
cd "$(dirname "${BASH_SOURCE[0]}")"

readonly COMPOSE_FILE=docker/compose.yml
readonly DOCKERFILE=docker/Dockerfile
readonly TEMPLATE=docker/env.template
# compose.yml defines worker-gpu0 .. worker-gpu7.
readonly GPU_SLOTS=8
ENV_FILE=${FERRY_DOCKER_ENV:-docker/.env}
DRY_RUN=0

# Runs a command, or with --dry-run prints it as one shell-quoted line.
run() {
  if ((DRY_RUN)); then
    printf '+'
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}

# The value of a setting in the env file (last line wins), with the quoting rules of
# compose's env files: surrounding quotes are removed, " #" starts a comment otherwise.
file_setting() {
  local name=$1 fallback=${2-} line value="" found=""
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%$'\r'}
    line=${line#"${line%%[![:space:]]*}"}
    line=${line#export }
    [[ $line == "$name="* ]] || continue
    value=${line#*=}
    found=1
  done <"$ENV_FILE"
  if [[ $value =~ ^\"(.*)\"$ || $value =~ ^\'(.*)\'$ ]]; then
    value=${BASH_REMATCH[1]}
  else
    value=${value%% #*}
    value=${value%"${value##*[![:space:]]}"}
  fi
  if [[ -z $found || -z $value ]]; then
    value=$fallback
  fi
  printf '%s' "$value"
}

# A deployment setting: the environment wins over the file, as in compose's interpolation.
deploy_setting() {
  local name=$1 fallback=${2-}
  if [[ -n ${!name-} ]]; then
    printf '%s' "${!name}"
  else
    file_setting "$name" "$fallback"
  fi
}

load_settings() {
  if [[ ! -f $ENV_FILE ]]; then
    die "$ENV_FILE not found. Create it from the template and fill in the secrets:
    cp $TEMPLATE docker/.env
then set REDIS_PASSWORD and FERRY_API_KEYS in it (see docs/operations.md)."
  fi
  if ((!DRY_RUN)) && ! docker compose version >/dev/null 2>&1; then
    die "Docker with the Compose plugin is needed (docker compose version fails): see docs/operations.md"
  fi
  ROLE=$(deploy_setting DEPLOY_ROLE all)
  REDIS_HERE=$(deploy_setting DEPLOY_REDIS local)
  VARIANT=$(deploy_setting DEPLOY_VARIANT gpu)
  WORKERS=$(deploy_setting DEPLOY_WORKERS 1)
  GPUS=$(deploy_setting DEPLOY_GPUS "")
  IMAGE=$(deploy_setting DEPLOY_IMAGE ferry:latest)
  case $ROLE in all | front | worker) ;; *) die "DEPLOY_ROLE must be all, front or worker, got '$ROLE'" ;; esac
  case $REDIS_HERE in local | external) ;; *) die "DEPLOY_REDIS must be local or external, got '$REDIS_HERE'" ;; esac
  # Worker hosts always join a Redis that runs elsewhere.
  [[ $ROLE == worker ]] && REDIS_HERE=external
  case $VARIANT in gpu | cpu) ;; *) die "DEPLOY_VARIANT must be gpu or cpu, got '$VARIANT'" ;; esac
  [[ $WORKERS =~ ^[0-9]+$ ]] || die "DEPLOY_WORKERS must be a whole number, got '$WORKERS'"
  gpu_ids >/dev/null
  # compose.yml reads these two from the environment docker.sh gives it.
  FERRY_ENV_FILE=$(cd "$(dirname "$ENV_FILE")" && pwd)/$(basename "$ENV_FILE")
  local node
  node=$(uname -n)
  DEPLOY_NODE=$(deploy_setting DEPLOY_NODE "${node%%.*}")
  [[ $DEPLOY_NODE =~ ^[A-Za-z0-9][A-Za-z0-9-]*$ ]] \
    || die "DEPLOY_NODE must be letters, digits and '-' (it names the workers' containers), got '$DEPLOY_NODE'"
  export FERRY_ENV_FILE DEPLOY_NODE
  local mode
  mode=$(stat -c %a "$ENV_FILE" 2>/dev/null || echo 600)
  if [[ ${mode: -1} != 0 ]]; then
    echo "docker.sh: warning: $ENV_FILE holds secrets and other users can read it: chmod 600 $ENV_FILE" >&2
  fi
}

# Refuses to start containers that would run without their secrets.
check_secrets() {
  local password keys grace stop_grace
  password=$(file_setting REDIS_PASSWORD)
  [[ -n $password ]] || die "REDIS_PASSWORD is empty in $ENV_FILE: set it, e.g. to the output of: openssl rand -hex 32"
  [[ $password =~ ^[A-Za-z0-9._~-]{16,}$ ]] \
    || die "REDIS_PASSWORD in $ENV_FILE must be 16 or more letters, digits or . _ ~ - (openssl rand -hex 32)"
  if [[ $ROLE != worker ]]; then
    keys=$(file_setting FERRY_API_KEYS)
    [[ -n $keys ]] || die "FERRY_API_KEYS is empty in $ENV_FILE: the API needs at least one key (openssl rand -hex 32)"
  fi
  grace=$(file_setting FERRY_SHUTDOWN_GRACE_S 30)
  stop_grace=$(deploy_setting DEPLOY_STOP_GRACE_S 45)
  [[ $grace =~ ^[0-9]+$ && $stop_grace =~ ^[0-9]+$ ]] \
    || die "FERRY_SHUTDOWN_GRACE_S and DEPLOY_STOP_GRACE_S must be whole numbers of seconds"
  ((stop_grace > grace)) \
    || die "DEPLOY_STOP_GRACE_S ($stop_grace) must be longer than FERRY_SHUTDOWN_GRACE_S ($grace), or Docker kills workers mid-handover"
}

compose() {
  run docker compose --env-file "$ENV_FILE" --file "$COMPOSE_FILE" --profile workers "$@"
}

# The GPU ids workers may take, in order: DEPLOY_GPUS, or every slot of compose.yml.
gpu_ids() {
  local ids=() id
  if [[ -z $GPUS ]]; then
    for ((id = 0; id < GPU_SLOTS; id++)); do ids+=("$id"); done
  else
    IFS=', ' read -r -a ids <<<"$GPUS"
    ((${#ids[@]} > 0)) || die "DEPLOY_GPUS lists no GPU id"
  fi
  for id in "${ids[@]}"; do
    if [[ ! $id =~ ^[0-9]+$ ]] || ((id >= GPU_SLOTS)); then
      die "DEPLOY_GPUS lists '$id': GPU ids go from 0 to $((GPU_SLOTS - 1)) (compose.yml has a worker-gpu<N> service for each)"
    fi
  done
  echo "${ids[@]}"
}

all_worker_services() {
  local id
  for ((id = 0; id < GPU_SLOTS; id++)); do echo "worker-gpu$id"; done
  echo worker-cpu
}

# Starts the given services plus n workers, then removes this host's other worker
# containers (left over from a larger scale or the other variant). Without a Redis on
# this host, compose must not start the redis service the others depend on.
start_with_workers() {
  local n=$1 deps=() chosen=() others=() ids service i
  shift
  [[ $REDIS_HERE == external ]] && deps=(--no-deps)
  if ((n > 0)) && [[ $VARIANT == gpu ]]; then
    read -r -a ids <<<"$(gpu_ids)"
    ((n <= ${#ids[@]})) || die "cannot run $n GPU workers: one per GPU, and DEPLOY_GPUS allows ${#ids[@]} (${ids[*]})"
    for ((i = 0; i < n; i++)); do chosen+=("worker-gpu${ids[i]}"); done
    compose up --detach "${deps[@]+"${deps[@]}"}" "$@" "${chosen[@]}"
  elif ((n > 0)); then
    chosen=(worker-cpu)
    compose up --detach "${deps[@]+"${deps[@]}"}" --scale "worker-cpu=$n" "$@" worker-cpu
  elif (($# > 0)); then
    compose up --detach "${deps[@]+"${deps[@]}"}" "$@"
  fi
  while IFS= read -r service; do
    [[ " ${chosen[*]-} " == *" $service "* ]] || others+=("$service")
  done < <(all_worker_services)
  compose rm --stop --force "${others[@]}"
}

# redis (unless DEPLOY_REDIS=external), api (all, front), workers (all, worker).
start_services() {
  check_secrets
  local services=() workers=$WORKERS
  [[ $REDIS_HERE == local ]] && services+=(redis)
  [[ $ROLE != worker ]] && services+=(api)
  [[ $ROLE == front ]] && workers=0
  start_with_workers "$workers" "${services[@]+"${services[@]}"}"
}

build_image() {
  local commit
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  run docker build "$@" --file "$DOCKERFILE" --build-arg "VARIANT=$VARIANT" \
    --build-arg "GIT_COMMIT=$commit" --tag "$IMAGE" .
}

# The image a rebuild replaced is left untagged once its containers are recreated; drop
# it (Ferry's only).
prune_old_images() {
  run docker image prune --force --filter label=org.opencontainers.image.title=ferry
}

# FERRY_DOCKER_BASE_PULL=1 (set by pull) also refreshes the base images.
cmd_rebuild() {
  check_secrets
  if [[ ${FERRY_DOCKER_BASE_PULL-} == 1 ]]; then
    build_image --pull
  else
    build_image
  fi
  start_services
  prune_old_images
}

cmd_pull() {
  check_secrets
  run git pull --ff-only
  if ((!DRY_RUN)); then
    # Rebuild with the docker.sh just pulled, which may differ from this one.
    FERRY_DOCKER_BASE_PULL=1 exec bash docker.sh rebuild
  fi
  FERRY_DOCKER_BASE_PULL=1 cmd_rebuild
}

cmd_logs() {
  (($# <= 1)) || usage_error "logs takes at most one service"
  local services=()
  case ${1-} in
    "") ;;
    redis | api | worker-cpu | worker-gpu[0-7]) services=("$1") ;;
    worker | workers) mapfile -t services < <(all_worker_services) ;;
    *) usage_error "unknown service '$1' (redis, api, worker, worker-gpu<N>, worker-cpu)" ;;
  esac
  compose logs --follow --tail 200 "${services[@]+"${services[@]}"}"
}

cmd_scale() {
  if (($# != 1)) || [[ ! $1 =~ ^[0-9]+$ ]]; then
    usage_error "scale takes the number of workers, e.g.: ./docker.sh scale 2"
  fi
  [[ $ROLE != front ]] || die "this host runs no workers (DEPLOY_ROLE=front)"
  check_secrets
  start_with_workers "$1"
  if [[ $1 != "$WORKERS" ]]; then
    echo "docker.sh: now $1 workers; set DEPLOY_WORKERS=$1 in $ENV_FILE to keep that after a restart" >&2
  fi
}

cmd_models() {
  (($# >= 1)) || usage_error "models needs a command, e.g.: ./docker.sh models pull <demo> [model]"
  check_secrets
  compose run --rm --no-deps cli models "$@"
}

# The API's address from this host: FERRY_URL when set (the API may run elsewhere),
# else the published port.
api_url() {
  local url bind
  url=$(file_setting FERRY_URL)
  if [[ -n $url ]]; then
    echo "${url%/}"
    return
  fi
  bind=$(deploy_setting DEPLOY_API_BIND 127.0.0.1)
  [[ $bind == 0.0.0.0 ]] && bind=127.0.0.1
  echo "http://$bind:$(deploy_setting DEPLOY_API_PORT 8000)"
}

# GET on the API. The key goes to curl on stdin, never on its command line or in output.
api_get() {
  local url=$1 key
  key=$(file_setting FERRY_API_KEY)
  [[ -n $key ]] || key=$(file_setting FERRY_API_KEYS)
  key=${key%%,*}
  if ((DRY_RUN)); then
    printf "+ curl -fsS --max-time 5 -H 'Authorization: Bearer ***' %s\n" "$url"
    return 0
  fi
  printf 'header = "Authorization: Bearer %s"\n' "$key" | curl -fsS --max-time 5 --config - "$url"
}

# A few lines out of /monitor: per-demo queue figures and the workers.
monitor_summary() {
  local body=$1
  if command -v jq >/dev/null 2>&1 && jq -r '
      def list: if type == "object" then [to_entries[] | .value + {name: .key}] elif type == "array" then . else [] end;
      ((.demos // []) | list[] | "  \(.demo // .name): \(.queued // 0) queued, \(.running // 0) running, "
        + "\(.succeeded_last_hour // 0) succeeded and \(.failed_last_hour // 0) failed in the last hour, "
        + "\(.dead_letters // 0) dead letters"),
      "  workers: \((.workers // []) | list | length)",
      ((.workers // []) | list[] | (.info // .) as $w
        | "    \($w.host // $w.id // "?") \($w.device // "?"): \(($w.running_jobs // []) | length) running, "
        + "last heartbeat \(((.heartbeat_age_ms // 0) / 1000 | floor))s ago")
    ' <<<"$body" 2>/dev/null; then
    return
  fi
  printf '  %s\n' "${body:0:1500}"
}

cmd_status() {
  compose ps --all
  local url health monitor
  if [[ $ROLE == worker && -z $(file_setting FERRY_URL) ]]; then
    echo "This host runs no API (DEPLOY_ROLE=worker); set FERRY_URL in $ENV_FILE to check the one its workers serve."
    return 0
  fi
  url=$(api_url)
  if ((DRY_RUN)); then
    api_get "$url/health"
    api_get "$url/monitor"
    return
  fi
  echo
  if health=$(api_get "$url/health" 2>&1); then
    echo "API $url/health: $health"
  else
    echo "API $url/health: not answering ($health)"
    return 1
  fi
  if monitor=$(api_get "$url/monitor" 2>&1); then
    echo "Monitor:"
    monitor_summary "$monitor"
  else
    echo "API $url/monitor: $monitor"
    return 1
  fi
}

main() {
  while (($# > 0)); do
    case $1 in
      --dry-run) DRY_RUN=1 ;;
      --help | -h) usage; return 0 ;;
      --*) usage_error "unknown option '$1'" ;;
      *) break ;;
    esac
    shift
  done
  (($# > 0)) || usage_error "no command given"
  local cmd=$1
  shift
  case $cmd in
    help) usage; return 0 ;;
    rebuild | pull | start | stop | restart | status)
      (($# == 0)) || usage_error "$cmd takes no arguments" ;;
    logs | scale | models) ;;
    *) usage_error "unknown command '$cmd'" ;;
  esac
  load_settings
  case $cmd in
    rebuild) cmd_rebuild ;;
    pull) cmd_pull ;;
    start) start_services ;;
    stop) compose stop ;;
    restart)
      check_secrets
      compose stop
      start_services
      ;;
    logs) cmd_logs "$@" ;;
    status) cmd_status ;;
    scale) cmd_scale "$@" ;;
    models) cmd_models "$@" ;;
  esac
}

main "$@"
