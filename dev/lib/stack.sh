# shellcheck shell=bash
# Helpers for dev/start.sh and dev/stop.sh: one pid file and one log per part under $STACK_DIR.
# Sourced after dev/lib/env.sh. Every process started here carries "-Dorderflow.stack=$STACK_DIR"
# (or $STACK_DIR in its arguments) so a recycled pid is never mistaken for one of ours.

PID_DIR="$STACK_DIR/pids"
LOG_DIR="$STACK_DIR/logs"
mkdir -p "$PID_DIR" "$LOG_DIR"

now() { printf '%s' "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# part_pid NAME: prints the pid of the running part, or nothing (and removes a stale pid file).
part_pid() {
  local file="$PID_DIR/$1.pid" pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$STACK_DIR"; then
    echo "$pid"
  else
    rm -f "$file"
  fi
}

# port_in_use PORT: true when something listens on 127.0.0.1:PORT.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# port_owner PORT: the process listening on PORT, as ss shows it.
port_owner() {
  ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'users:.*' | head -1 || true
}

# launch NAME PORT DIR CMD...: starts CMD in DIR in its own session, output to $LOG_DIR/NAME.log.
launch() {
  local name=$1 port=$2 dir=$3
  shift 3
  if port_in_use "$port"; then
    die "$name: port $port was taken while starting, by $(port_owner "$port")"
  fi
  [ -f "$LOG_DIR/$name.log" ] && mv -f "$LOG_DIR/$name.log" "$LOG_DIR/$name.log.1"
  rm -f "$PID_DIR/$name.pid"
  # The process writes its own pid (setsid may fork), then becomes CMD in a session of its own.
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner bash
  (cd "$dir" && exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_DIR/$name.pid" "$@" \
    >"$LOG_DIR/$name.log" 2>&1 </dev/null) &
  for _ in $(seq 1 50); do
    [ -s "$PID_DIR/$name.pid" ] && return 0
    sleep 0.1
  done
  fail_part "$name" "did not start"
}

# await_all NAME...: polls every 0.1 s until each part's ready_NAME function succeeds, reporting
# each part's time from its launch (LAUNCHED_AT[NAME]); fails with the log's tail when a part dies
# or exceeds its TIMEOUT_S[NAME].
await_all() {
  local pending=("$@") still name
  while [ ${#pending[@]} -gt 0 ]; do
    still=()
    for name in "${pending[@]}"; do
      if "ready_$name"; then
        [ -n "${QUIET[$name]:-}" ] || log "$name ready in $(elapsed "${LAUNCHED_AT[$name]}")"
        continue
      fi
      [ -n "$(part_pid "$name")" ] || fail_part "$name" "exited during start-up"
      if awk -v a="${LAUNCHED_AT[$name]}" -v b="$(now)" -v t="${TIMEOUT_S[$name]}" \
        'BEGIN { exit !(b - a > t) }'; then
        fail_part "$name" "did not answer within ${TIMEOUT_S[$name]} s"
      fi
      still+=("$name")
    done
    pending=("${still[@]+"${still[@]}"}")
    [ ${#pending[@]} -eq 0 ] || sleep 0.1
  done
}

fail_part() {
  printf 'error: %s %s; last lines of %s:\n' "$1" "$2" "$LOG_DIR/$1.log" >&2
  tail -n 40 "$LOG_DIR/$1.log" >&2 || true
  exit 1
}

# http_answers URL: true when the URL answers with any HTTP status.
http_answers() { [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$1")" != "000" ]; }
# http_ok URL: true when the URL answers 2xx.
http_ok() { curl -sf -o /dev/null -m 2 "$1"; }

# stop_part NAME [TIMEOUT_S]: TERM, then KILL after TIMEOUT_S (default 20) seconds; the whole
# session, so child processes go too.
stop_part() {
  local name=$1 timeout_s=${2:-20} pid waited=0 started
  pid=$(part_pid "$name")
  [ -n "$pid" ] || return 0
  started=$(now)
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while [ -d "/proc/$pid" ] && [ "$waited" -lt $((timeout_s * 10)) ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if [ -d "/proc/$pid" ]; then
    log "$name did not stop within $timeout_s s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_DIR/$name.pid"
  log "$name stopped in $(elapsed "$started")"
}

# stale TARGET PATH...: true when TARGET is missing or older than any file under the PATHs.
stale() {
  local target=$1
  shift
  [ -f "$target" ] || return 0
  [ -n "$(find "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]
}
