#!/usr/bin/env bash
# The demo: one command from a fresh clone to orders delivered as (simulated) WhatsApp and
# Instagram messages.
#   dev/demo.sh          start the stack and the five services, send the demo orders, print what
#                        happened; everything keeps running for you to explore
#   dev/demo.sh --containers
#                        the same, with each service run from its image under podman (host
#                        network; images built by dev/images.sh when missing: after a change,
#                        run dev/images.sh to rebuild them)
#   dev/demo.sh --with-prometheus
#                        also a real Prometheus with deploy/prometheus's rules (dev/prometheus.sh);
#                        after the orders, instagram-sender is stopped until OrderflowScrapeDown
#                        fires (about 2 min), the rule states are printed and the sender restarted
#                        (combines with --containers)
#   dev/demo.sh --stop   stop the services and the stack
# Running it again reuses what runs and sends new orders (ids are unique per run; the demo buyers
# are overwritten in place).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
source "$ROOT_DIR/dev/lib/stack.sh"
cd "$ROOT_DIR"

SERVICES=(order-ingest notification-router whatsapp-sender instagram-sender meta-webhooks)
declare -A OPS_PORT=([order-ingest]=$STACK_OPS_PORT_BASE [notification-router]=$((STACK_OPS_PORT_BASE + 1))
  [whatsapp-sender]=$((STACK_OPS_PORT_BASE + 2)) [instagram-sender]=$((STACK_OPS_PORT_BASE + 3))
  [meta-webhooks]=$((STACK_OPS_PORT_BASE + 4)))
# meta-webhooks' endpoint, where the demo points the simulated Meta's status and inbound webhooks.
WEBHOOKS_HTTP_PORT=${WEBHOOKS_HTTP_PORT:-8085}
export META_WEBHOOKS_URL="http://127.0.0.1:$WEBHOOKS_HTTP_PORT/webhooks/meta"
# Longer than the services' own shutdown bound (Kafka Streams' close: 30 s).
SERVICE_STOP_TIMEOUT_S=45

# Extra environment per service on the local stack (everything else is the services' defaults:
# standard topics, the buyers table, the local secret). Registration is off, as in production:
# dev/start.sh's provisioning registered the contracts, and a service checks them before it starts.
service_env() {
  echo "SERVICE_ENVIRONMENT=local SCHEMA_REGISTRY_AUTO_REGISTER=false"
  case "$1" in
    order-ingest | notification-router) echo "KAFKA_STREAMS_STATE_DIR=$STACK_DIR/state/$1" ;;
    whatsapp-sender | instagram-sender) echo "CREDENTIALS_SECRET_NAME=orderflow/local/meta-credentials" ;;
    meta-webhooks) echo "CREDENTIALS_SECRET_NAME=orderflow/local/meta-credentials WEBHOOKS_HTTP_PORT=$WEBHOOKS_HTTP_PORT" ;;
  esac
}

stop_all() {
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    stop_part "${SERVICES[$i]}" "$SERVICE_STOP_TIMEOUT_S"
  done
  dev/stop.sh
}

CONTAINERS=false
WITH_PROMETHEUS=false
for arg in "$@"; do
  case "$arg" in
    --stop) stop_all; exit 0 ;;
    --containers) CONTAINERS=true ;;
    --with-prometheus) WITH_PROMETHEUS=true ;;
    -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $arg (use --containers, --with-prometheus, --stop or --help)" ;;
  esac
done

# --- The stack, and what the demo runs ------------------------------------------------------------
if $WITH_PROMETHEUS; then
  # Only the services the demo runs: a target that is never up would keep OrderflowScrapeDown
  # firing.
  PROMETHEUS_SCRAPE_PORTS="${OPS_PORT[*]}" dev/start.sh --with-prometheus
else
  dev/start.sh
fi

# The shaded jar: of the jars a module builds, the largest (it carries the dependencies).
service_jar() {
  find "$ROOT_DIR/$1/target" -maxdepth 1 -name '*.jar' ! -name 'original-*' -printf '%s %p\n' 2>/dev/null |
    sort -rn | head -1 | cut -d' ' -f2-
}

modules=(bench)
for s in "${SERVICES[@]}"; do [ -d "$s/src/main/java" ] && modules+=("$s"); done
list=$(IFS=,; echo "${modules[*]}")

# True when a module's jar is missing or older than any source or POM it may be built from.
jars_stale() {
  local m jar
  for m in "${modules[@]}"; do
    jar=$(service_jar "$m")
    [ -n "$jar" ] || return 0
    stale "$jar" pom.xml ./*/pom.xml ./*/src/main dev/servers/pom.xml dev/servers/src/main && return 0
  done
  return 1
}

if jars_stale; then
  log "building $list (offline first)"
  # Tests are not even compiled: the demo runs the jars only (dev/test.sh builds and runs the rest).
  build=(./mvnw -q -B -pl "$list" -am package -Dmaven.test.skip=true -Dspotless.check.skip=true)
  "${build[@]}" -o >"$LOG_DIR/demo-build.log" 2>&1 || "${build[@]}" >"$LOG_DIR/demo-build.log" 2>&1 ||
    { tail -n 40 "$LOG_DIR/demo-build.log" >&2; die "build failed (log: $LOG_DIR/demo-build.log)"; }
else
  log "$list up to date"
fi

# --- The services, each its own process ------------------------------------------------------------
if $CONTAINERS; then
  source "$ROOT_DIR/dev/lib/images.sh"
  missing=()
  for s in "${SERVICES[@]}"; do podman image exists "$(image_name "$s")" || missing+=("$s"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "building the images of ${missing[*]} (dev/images.sh)"
    dev/images.sh "${missing[@]}"
  fi
fi

# The command that runs service $1 with the environment in the remaining arguments: its jar, or
# with --containers its image in the foreground (podman passes the SIGTERM of --stop on to it; the
# container and its state volume go with it). The state dir is then the image's own volume.
service_command() {
  local s=$1
  shift
  if $CONTAINERS; then
    # The label puts STACK_DIR on the command line, where part_pid looks for it.
    local args=(podman run --rm --name "orderflow-demo-$s" --label "orderflow.stack=$STACK_DIR"
      --network host --env OPS_HOST=127.0.0.1)
    local kv
    for kv in "$@"; do
      [[ $kv == KAFKA_STREAMS_STATE_DIR=* ]] || args+=(--env "$kv")
    done
    echo "${args[@]}" "$(image_name "$s")"
  else
    echo env "$@" java -Xms64m -Xmx384m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
      "-Dorderflow.stack=$STACK_DIR" -jar "$STACK_DIR/services/$s.jar"
  fi
}

# start_services NAME...: launches each service not running yet and waits until it is ready.
start_services() {
  local s jar started=()
  for s in "$@"; do
    if [ -n "$(part_pid "$s")" ]; then
      log "$s already running"
      continue
    fi
    jar=$(service_jar "$s")
    if [ -z "$jar" ]; then
      log "warning: $s is not built in this checkout (no jar in $s/target); the demo runs without it"
      continue
    fi
    mkdir -p "$STACK_DIR/services"
    # The copy keeps a later rebuild from replacing the jar under the running JVM.
    cp "$jar" "$STACK_DIR/services/$s.jar.tmp" && mv -f "$STACK_DIR/services/$s.jar.tmp" "$STACK_DIR/services/$s.jar"
    # shellcheck disable=SC2046 # service_env and service_command print words without spaces
    launch "$s" "${OPS_PORT[$s]}" "$ROOT_DIR" \
      $(service_command "$s" $(service_env "$s") ORDERFLOW_PROFILE=local OPS_PORT="${OPS_PORT[$s]}")
    started+=("$s")
  done
  for s in "${started[@]+"${started[@]}"}"; do
    for _ in $(seq 1 900); do
      http_ok "http://127.0.0.1:${OPS_PORT[$s]}/health/ready" && break
      [ -n "$(part_pid "$s")" ] || fail_part "$s" "exited during start-up"
      sleep 0.2
    done
    http_ok "http://127.0.0.1:${OPS_PORT[$s]}/health/ready" || fail_part "$s" "not ready within 180 s"
    log "$s ready on :${OPS_PORT[$s]}"
  done
}
start_services "${SERVICES[@]}"

# --- The orders, and what came of them ---------------------------------------------------------------
status=0
java -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -jar bench/target/bench.jar demo || status=$?

# --- With Prometheus: an outage, the alert it fires, the rule states --------------------------------
PROMETHEUS_URL="http://127.0.0.1:${PROMETHEUS_PORT:-9090}"
alert_state() {
  curl -sf "$PROMETHEUS_URL/api/v1/alerts" |
    jq -r --arg a "$1" --arg i "$2" '[.data.alerts[] | select(.labels.alertname == $a and .labels.instance == $i) | .state] | first // "inactive"'
}
show_alert_firing() {
  local victim=instagram-sender target state="" t
  target="127.0.0.1:${OPS_PORT[$victim]}"
  # The outage is the demo's own process: the shared Meta simulator's faults would reach every
  # other client of the stack.
  log "outage: stopping $victim; OrderflowScrapeDown fires once $target has not answered for 2 min"
  t=$(now)
  stop_part "$victim" "$SERVICE_STOP_TIMEOUT_S"
  for _ in $(seq 1 120); do
    state=$(alert_state OrderflowScrapeDown "$target")
    [ "$state" = firing ] && break
    sleep 2
  done
  log "OrderflowScrapeDown{instance=\"$target\"} is $state after $(elapsed "$t")"
  dev/prometheus.sh --status
  log "restarting $victim"
  start_services "$victim"
  [ "$state" = firing ]
}
if $WITH_PROMETHEUS && [ "$status" = 0 ]; then
  show_alert_firing || status=$?
fi

cat <<EOT

The stack and the services keep running. Explore:
  curl -s $META_GRAPH_URL/_sim/messages | head -c 2000     # what the simulated Meta API received
  curl -s http://127.0.0.1:${OPS_PORT[order-ingest]}/metrics | grep -v '^#' | head   # order-ingest (+1 router, +2/+3 senders)
  kcat -b $KAFKA_BOOTSTRAP_SERVERS -C -t orders.rejected.v1 -e           # if kcat is installed
  ops/order show vendor-lagos-gadgets:DEMO-<run>-2   # one order's story: intake, route, ledger, Meta's statuses, verdict
  logs: $LOG_DIR/<service>.log
$($WITH_PROMETHEUS && echo "  dev/prometheus.sh --status       # Prometheus on $PROMETHEUS_URL: targets and rule states")
Run dev/demo.sh again to send new orders; dev/demo.sh --stop stops everything.
EOT
exit "$status"
