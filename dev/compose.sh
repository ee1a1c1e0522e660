#!/usr/bin/env bash
# The whole product from docker-compose.yml, with Debian's podman-compose (no Docker engine):
#   dev/compose.sh up      build what is missing (images, the stack's servers), start everything,
#                          wait until the five services are ready
#   dev/compose.sh demo    send the demo orders through it (bench demo) and print what came of them
#   dev/compose.sh down    stop and remove the containers (volumes stay; --volumes removes them)
#   dev/compose.sh test    what CI runs: up, demo (every order must be matched), check that Kafka's
#                          and the registry's data sit in their volumes, then down --volumes
# Ports are the stack's (dev/lib/env.sh) unless STACK_*_PORT say otherwise; `test` moves every port
# by COMPOSE_PORT_OFFSET (default 20000) so it runs beside the shared stack, never on it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
source "$ROOT_DIR/dev/lib/stack.sh"
source "$ROOT_DIR/dev/lib/images.sh"
cd "$ROOT_DIR"

PROJECT="${COMPOSE_PROJECT:-orderflow}"
SERVICES=(order-ingest notification-router whatsapp-sender instagram-sender meta-webhooks)
export ORDERFLOW_VERSION="$IMAGES_TAG"
export STACK_SERVERS_DIR="$STACK_DIR"

# The ops ports: the stack's base, +0 .. +4 in SERVICES' order.
ops_ports() {
  export ORDER_INGEST_OPS_PORT=$STACK_OPS_PORT_BASE
  export NOTIFICATION_ROUTER_OPS_PORT=$((STACK_OPS_PORT_BASE + 1))
  export WHATSAPP_SENDER_OPS_PORT=$((STACK_OPS_PORT_BASE + 2))
  export INSTAGRAM_SENDER_OPS_PORT=$((STACK_OPS_PORT_BASE + 3))
  export META_WEBHOOKS_OPS_PORT=$((STACK_OPS_PORT_BASE + 4))
  export META_WEBHOOKS_PORT="${META_WEBHOOKS_PORT:-8085}"
}

ops_port_of() {
  local var
  var="$(echo "$1" | tr 'a-z-' 'A-Z_')_OPS_PORT"
  echo "${!var}"
}

# Every port the compose file listens on moved by $1, and the addresses the demo reads with them.
offset_ports() {
  local by=$1
  export STACK_KAFKA_PORT=$((9092 + by)) STACK_KAFKA_CONTROLLER_PORT=$((9093 + by))
  export STACK_REGISTRY_PORT=$((8081 + by)) STACK_REGISTRY_MANAGEMENT_PORT=$((9000 + by))
  export STACK_DYNALITE_PORT=$((4567 + by)) STACK_SECRETS_PORT=$((4584 + by))
  export STACK_META_PORT=$((8090 + by)) STACK_OPS_PORT_BASE=$((8181 + by))
  export META_WEBHOOKS_PORT=$((8085 + by))
}

addresses() {
  export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$STACK_KAFKA_PORT"
  export SCHEMA_REGISTRY_URL="http://127.0.0.1:$STACK_REGISTRY_PORT/apis/ccompat/v7"
  export AWS_ENDPOINT_URL="http://127.0.0.1:$STACK_DYNALITE_PORT"
  export AWS_ENDPOINT_URL_SECRETS_MANAGER="http://127.0.0.1:$STACK_SECRETS_PORT"
  export META_GRAPH_URL="http://127.0.0.1:$STACK_META_PORT"
  # Where the simulator posts its webhooks: the compose meta-webhooks, on its (moved) port.
  export META_WEBHOOKS_URL="http://127.0.0.1:${META_WEBHOOKS_PORT:-8085}/webhooks/meta"
}

# Debian's podman-compose 1.0.3 cannot run network_mode: host services by itself (see the wrapper).
compose() {
  podman-compose --podman-path "$ROOT_DIR/dev/containers/podman-host-network" -p "$PROJECT" \
    -f docker-compose.yml "$@"
}

# What the compose file mounts: the servers dev/start.sh fetches, the dev-servers jar, dynalite.
prepare() {
  command -v podman-compose >/dev/null || die "podman-compose is not installed (apt-get install podman-compose)"
  local maven=(./mvnw -q -B -f dev/stack/pom.xml -s dev/stack/maven-settings.xml "-Dstack.dir=$STACK_DIR")
  if [ ! -f "$STACK_DIR/kafka/libs/kafka_2.13-4.3.1.jar" ]; then
    log "fetching Kafka jars from Maven Central"
    "${maven[@]}" dependency:copy-dependencies@kafka-jars
  fi
  if [ ! -f "$STACK_DIR/apicurio/quarkus-run.jar" ]; then
    log "fetching Apicurio Registry from Maven Central"
    "${maven[@]}" dependency:copy@apicurio-dist
    mkdir -p "$STACK_DIR/apicurio"
    tar xzf "$STACK_DIR/downloads/apicurio-registry-app.tar.gz" -C "$STACK_DIR/apicurio"
    rm -f "$STACK_DIR/downloads/apicurio-registry-app.tar.gz"
  fi
  [ -x dev/stack/node_modules/.bin/dynalite ] ||
    (cd dev/stack && npm ci --no-audit --no-fund --loglevel=error)
  if stale dev/servers/target/dev-servers.jar dev/servers/src dev/servers/pom.xml ||
    [ ! -f bench/target/bench.jar ]; then
    log "building dev/servers and bench"
    ./mvnw -q -B -o -pl dev/servers,bench -am package -Dmaven.test.skip=true -Dspotless.check.skip=true ||
      ./mvnw -q -B -pl dev/servers,bench -am package -Dmaven.test.skip=true -Dspotless.check.skip=true
  fi
  dev/images.sh --stack
}

up() {
  local port s t
  for port in "$STACK_KAFKA_PORT" "$STACK_KAFKA_CONTROLLER_PORT" "$STACK_REGISTRY_PORT" \
    "$STACK_REGISTRY_MANAGEMENT_PORT" "$STACK_DYNALITE_PORT" "$STACK_SECRETS_PORT" "$STACK_META_PORT" \
    "$META_WEBHOOKS_PORT" $(for s in "${SERVICES[@]}"; do ops_port_of "$s"; done); do
    port_in_use "$port" && die "port $port is taken by $(port_owner "$port"); the compose file needs it (see COMPOSE_PORT_OFFSET)"
  done
  t=$(now)
  log "podman-compose up: Kafka :$STACK_KAFKA_PORT, registry :$STACK_REGISTRY_PORT, ops :$STACK_OPS_PORT_BASE.."
  mkdir -p "$IMAGES_WORK"
  compose up -d >"$IMAGES_WORK/compose-up.log" 2>&1 ||
    { tail -n 40 "$IMAGES_WORK/compose-up.log" >&2; die "podman-compose up failed (log: $IMAGES_WORK/compose-up.log)"; }
  for s in "${SERVICES[@]}"; do
    port=$(ops_port_of "$s")
    for _ in $(seq 1 900); do
      http_ok "http://127.0.0.1:$port/health/ready" && break
      sleep 0.2
    done
    if ! http_ok "http://127.0.0.1:$port/health/ready"; then
      podman logs --tail 40 "${PROJECT}_${s}_1" >&2 || true
      podman logs --tail 20 "${PROJECT}_provision_1" >&2 || true
      die "$s (container ${PROJECT}_${s}_1) not ready on :$port within 180 s"
    fi
    log "$s ready on :$port"
  done
  [ "$(podman inspect --format '{{.State.ExitCode}}' "${PROJECT}_provision_1")" = 0 ] ||
    die "provisioning did not succeed: $(podman logs --tail 20 "${PROJECT}_provision_1" 2>&1)"
  log "compose up in $(elapsed "$t")"
}

demo() {
  java -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -jar bench/target/bench.jar demo
}

down() {
  local t
  t=$(now)
  compose down "$@" >"$IMAGES_WORK/compose-down.log" 2>&1 ||
    { tail -n 20 "$IMAGES_WORK/compose-down.log" >&2; die "podman-compose down failed"; }
  log "compose down in $(elapsed "$t")"
}

# The named volumes really hold the data: Kafka's topic directories and the registry's database.
check_volumes() {
  local kafka registry
  kafka=$(podman volume inspect --format '{{.Mountpoint}}' "${PROJECT}_kafka-data")
  registry=$(podman volume inspect --format '{{.Mountpoint}}' "${PROJECT}_registry-data")
  [ -f "$kafka/meta.properties" ] && compgen -G "$kafka/orders.created.v1-*" >/dev/null ||
    die "Kafka's data is not in the kafka-data volume ($kafka)"
  compgen -G "$registry/registry*.db" >/dev/null ||
    die "the registry's data is not in the registry-data volume ($registry)"
  log "volumes hold the data: $(du -sh "$kafka" | cut -f1) of Kafka's, $(du -sh "$registry" | cut -f1) of the registry's"
}

case "${1:-}" in
  up) ops_ports; addresses; prepare; up ;;
  demo) ops_ports; addresses; demo ;;
  down) shift; ops_ports; down "$@" ;;
  test)
    offset_ports "${COMPOSE_PORT_OFFSET:-20000}"
    ops_ports
    addresses
    PROJECT="${COMPOSE_PROJECT:-orderflow-compose-test}"
    TOTAL=$(now)
    prepare
    # A leftover of an interrupted run would keep its old data.
    down --volumes || true
    trap 'down --volumes || true' EXIT
    up
    demo | tee "$IMAGES_WORK/compose-demo.out"
    grep -q 'lost=0 wrong=0' "$IMAGES_WORK/compose-demo.out" || die "the compose demo did not report lost=0 wrong=0"
    check_volumes
    trap - EXIT
    down --volumes
    log "compose test passed in $(elapsed "$TOTAL")"
    ;;
  -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "usage: dev/compose.sh up | demo | down [--volumes] | test" ;;
esac
