#!/usr/bin/env bash
# Starts the local stack (dev/README.md): Kafka, Apicurio Registry, dynalite, the local Secrets
# Manager and, when built, the Meta Graph API simulator; then provisions provisioning/pipeline.yaml.
# Idempotent: parts already running are left alone. Set STACK_SKIP_PROVISION=1 to skip provisioning.
#   dev/start.sh --with-prometheus   also a real Prometheus with deploy/prometheus's rules
#                                    (dev/prometheus.sh), scraping the services' ops ports
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
source "$ROOT_DIR/dev/lib/stack.sh"

STACK_SRC="$ROOT_DIR/dev/stack"
DEV_SERVERS_JAR="$ROOT_DIR/dev/servers/target/dev-servers.jar"
OPS_CLI_JAR="$ROOT_DIR/ops-cli/target/ops-cli.jar"
MAVEN_STACK=(./mvnw -q -B -f dev/stack/pom.xml -s dev/stack/maven-settings.xml "-Dstack.dir=$STACK_DIR")
TOTAL_START=$(now)
cd "$ROOT_DIR"

WITH_PROMETHEUS=false
case "${1:-}" in
  --with-prometheus) WITH_PROMETHEUS=true ;;
  "") ;;
  *) die "unknown option $1 (use --with-prometheus)" ;;
esac

# --- Fetch and build what is missing ------------------------------------------------------------

fetch_kafka() {
  [ -f "$STACK_DIR/kafka/libs/kafka_2.13-4.3.1.jar" ] && return 0
  local t
  t=$(now)
  log "fetching Kafka jars from Maven Central"
  "${MAVEN_STACK[@]}" dependency:copy-dependencies@kafka-jars
  log "Kafka jars fetched in $(elapsed "$t")"
}

fetch_apicurio() {
  [ -f "$STACK_DIR/apicurio/quarkus-run.jar" ] && return 0
  local t
  t=$(now)
  log "fetching Apicurio Registry from Maven Central"
  "${MAVEN_STACK[@]}" dependency:copy@apicurio-dist
  mkdir -p "$STACK_DIR/apicurio"
  tar xzf "$STACK_DIR/downloads/apicurio-registry-app.tar.gz" -C "$STACK_DIR/apicurio"
  rm -f "$STACK_DIR/downloads/apicurio-registry-app.tar.gz"
  log "Apicurio Registry fetched in $(elapsed "$t")"
}

install_dynalite() {
  [ -x "$STACK_SRC/node_modules/.bin/dynalite" ] && return 0
  local t
  t=$(now)
  log "installing dynalite (npm ci)"
  (cd "$STACK_SRC" && npm ci --no-audit --no-fund --loglevel=error)
  log "dynalite installed in $(elapsed "$t")"
}

# Builds the dev-servers and ops-cli shaded jars when missing or older than their sources; offline
# first (fast), online when something is not in ~/.m2 yet.
build_jars() {
  local modules=()
  stale "$DEV_SERVERS_JAR" dev/servers/src dev/servers/pom.xml common/src common/pom.xml && modules+=(dev/servers)
  stale "$OPS_CLI_JAR" ops-cli/src ops-cli/pom.xml common/src common/pom.xml && modules+=(ops-cli)
  [ ${#modules[@]} -gt 0 ] || return 0
  local list t
  t=$(now)
  list=$(IFS=,; echo "${modules[*]}")
  log "building $list"
  local build=(./mvnw -q -B -pl "$list" -am package -DskipTests -Dspotless.check.skip=true)
  "${build[@]}" -o >"$LOG_DIR/build.log" 2>&1 || "${build[@]}" >"$LOG_DIR/build.log" 2>&1 ||
    { tail -n 40 "$LOG_DIR/build.log" >&2; die "building $list failed (log: $LOG_DIR/build.log)"; }
  log "built $list in $(elapsed "$t")"
}

# Class-data sharing archives (one per part, rebuilt by the JVM when its class path changes) cut the
# JVMs' start-up, which dominates the stack's start on two busy cores.
cds() { echo "-XX:+AutoCreateSharedArchive" "-XX:SharedArchiveFile=$STACK_DIR/cds/$1.jsa" "-Xlog:cds*=off"; }

# JDK 23+ prints a WARNING block when the broker's jars use sun.misc.Unsafe unless it is allowed;
# JDK 21 and 22 do not know the flag (and would refuse to start).
JAVA_MAJOR=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
unsafe_access() { if [ "${JAVA_MAJOR%%.*}" -ge 23 ]; then echo "--sun-misc-unsafe-memory-access=allow"; fi; }
mkdir -p "$STACK_DIR/cds"

# --- Parts ---------------------------------------------------------------------------------------

declare -A LAUNCHED_AT TIMEOUT_S QUIET
LAUNCHING=()

# started NAME TIMEOUT: records that NAME was just launched and how long it may take to answer.
started() {
  LAUNCHED_AT[$1]=$(now)
  TIMEOUT_S[$1]=$2
  LAUNCHING+=("$1")
}

# running NAME PORT TIMEOUT: true, and nothing to launch, when this checkout's NAME runs (it is
# still awaited, quietly: it may be starting) or when PORT is already served by a process this
# checkout did not start. The stack is one per machine on fixed ports: a checkout's tests use the
# stack another checkout started, and only that checkout's dev/stop.sh stops it.
running() {
  if [ -n "$(part_pid "$1")" ]; then
    log "$1 already running"
    started "$1" "$3"
    QUIET[$1]=1
    return 0
  fi
  if port_in_use "$2"; then
    log "$1: using what already serves 127.0.0.1:$2 ($(port_owner "$2")), not started here"
    return 0
  fi
  return 1
}

start_kafka() {
  running kafka "$STACK_KAFKA_PORT" 60 && return 0
  local dir="$STACK_DIR/kafka"
  mkdir -p "$dir/data"
  # The ports are appended: in a properties file the last value of a key wins.
  local broker="127.0.0.1:$STACK_KAFKA_PORT" controller="127.0.0.1:$STACK_KAFKA_CONTROLLER_PORT"
  {
    cat "$STACK_SRC/kafka-server.properties"
    echo "log.dirs=$dir/data"
    echo "controller.quorum.bootstrap.servers=$controller"
    echo "listeners=PLAINTEXT://$broker,CONTROLLER://$controller"
    echo "advertised.listeners=PLAINTEXT://$broker,CONTROLLER://$controller"
  } >"$dir/server.properties"
  # shellcheck disable=SC2046 # an empty flag list must vanish
  local java_opts=(-Xms256m -Xmx1g "-Dorderflow.stack=$STACK_DIR" --enable-native-access=ALL-UNNAMED
    $(unsafe_access)
    "-Dlog4j2.configurationFile=$STACK_SRC/kafka-log4j2.properties" -cp "$dir/libs/*")
  if [ ! -f "$dir/data/meta.properties" ]; then
    # A cluster id is 16 random bytes in URL-safe base64 without padding, as `random-uuid` prints;
    # like Kafka's Uuid.randomUuid it never starts with '-', which the format tool would read as a
    # flag (one fresh stack in 64 failed that way).
    local cluster_id=-
    while [[ $cluster_id == -* ]]; do
      cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    done
    java "${java_opts[@]}" kafka.tools.StorageTool format -t "$cluster_id" \
      -c "$dir/server.properties" --standalone >"$LOG_DIR/kafka-format.log" 2>&1 ||
      { tail -n 20 "$LOG_DIR/kafka-format.log" >&2; die "formatting Kafka storage failed"; }
  fi
  started kafka 60
  # shellcheck disable=SC2046
  launch kafka "$STACK_KAFKA_PORT" "$dir" java "${java_opts[@]}" $(cds kafka) kafka.Kafka "$dir/server.properties"
}

ready_kafka() {
  grep -q 'Kafka Server started' "$LOG_DIR/kafka.log" && port_in_use "$STACK_KAFKA_PORT"
}

# Apicurio's build always serves Quarkus' management interface (health, metrics); it is moved to
# a port of the stack's own and to the loopback address.
start_registry() {
  running registry "$STACK_REGISTRY_PORT" 120 && return 0
  mkdir -p "$STACK_DIR/registry-data"
  started registry 120
  # shellcheck disable=SC2046
  launch registry "$STACK_REGISTRY_PORT" "$STACK_DIR/apicurio" java -Xmx512m "-Dorderflow.stack=$STACK_DIR" \
    $(cds registry) --enable-native-access=ALL-UNNAMED -Dquarkus.http.host=127.0.0.1 \
    "-Dquarkus.http.port=$STACK_REGISTRY_PORT" -Dquarkus.management.host=127.0.0.1 \
    "-Dquarkus.management.port=$STACK_REGISTRY_MANAGEMENT_PORT" \
    "-Dapicurio.datasource.url=jdbc:h2:file:$STACK_DIR/registry-data/registry" \
    -jar quarkus-run.jar
}

start_dynalite() {
  running dynalite "$STACK_DYNALITE_PORT" 30 && return 0
  mkdir -p "$STACK_DIR/dynalite-data"
  started dynalite 30
  launch dynalite "$STACK_DYNALITE_PORT" "$STACK_SRC" node dynalite.js --host 127.0.0.1 \
    --port "$STACK_DYNALITE_PORT" --path "$STACK_DIR/dynalite-data" --createTableMs 50 --deleteTableMs 50 \
    --updateTableMs 50
}

# The servers run from a copy: a later `mvnw package` rewrites target/dev-servers.jar in place,
# which would break a JVM still loading classes from it. mv gives the copy a fresh inode.
dev_servers_jar() {
  local copy="$STACK_DIR/bin/dev-servers.jar"
  if [ ! -f "$copy" ] || [ "$DEV_SERVERS_JAR" -nt "$copy" ]; then
    mkdir -p "$STACK_DIR/bin"
    cp "$DEV_SERVERS_JAR" "$copy.tmp" && mv -f "$copy.tmp" "$copy"
  fi
  echo "$copy"
}

dev_servers_java() {
  echo java "-Dorderflow.stack=$STACK_DIR" \
    "-Dlogback.configurationFile=$STACK_SRC/dev-servers-logback.xml" -cp "$(dev_servers_jar)"
}

start_secrets() {
  running secrets "$STACK_SECRETS_PORT" 30 && return 0
  mkdir -p "$STACK_DIR/secrets-data"
  started secrets 30
  # shellcheck disable=SC2046 # word splitting of the java command is intended
  launch secrets "$STACK_SECRETS_PORT" "$ROOT_DIR" $(dev_servers_java) $(cds secrets) -Xmx128m \
    -XX:TieredStopAtLevel=1 dev.orderflow.devservers.secrets.LocalSecretsManager --port "$STACK_SECRETS_PORT" \
    --file "$STACK_DIR/secrets-data/secrets.json"
}

has_meta_simulator() {
  grep -qaF 'dev/orderflow/devservers/meta/MetaGraphSimulator.class' "$DEV_SERVERS_JAR"
}

start_meta() {
  has_meta_simulator || return 0
  running meta "$STACK_META_PORT" 60 && return 0
  started meta 60
  # shellcheck disable=SC2046
  launch meta "$STACK_META_PORT" "$ROOT_DIR" $(dev_servers_java) $(cds meta) -Xmx512m \
    dev.orderflow.devservers.meta.MetaGraphSimulator --port "$STACK_META_PORT"
}

ready_registry() { http_ok "$SCHEMA_REGISTRY_URL/subjects"; }
ready_dynalite() { http_answers "$AWS_ENDPOINT_URL"; }
ready_secrets() { http_ok "$AWS_ENDPOINT_URL_SECRETS_MANAGER"; }
ready_meta() { http_answers "$META_GRAPH_URL"; }

set_global_compatibility() {
  curl -sf -m 5 -X PUT -H 'Content-Type: application/json' \
    -d '{"compatibility":"BACKWARD"}' "$SCHEMA_REGISTRY_URL/config" >/dev/null ||
    die "could not set the registry's global compatibility"
}

# The marker says the local stack runs and where: the ops tool uses it as if given --local.
write_marker() {
  {
    echo "# Written by dev/start.sh once the local stack answered; dev/stop.sh removes it."
    local name
    for name in "${STACK_MARKER_VARS[@]}"; do echo "$name=${!name}"; done
  } >"$STACK_MARKER.tmp" && mv -f "$STACK_MARKER.tmp" "$STACK_MARKER"
}

provision() {
  if [ "${STACK_SKIP_PROVISION:-0}" = 1 ]; then
    log "provisioning skipped (STACK_SKIP_PROVISION=1)"
    return 0
  fi
  local t
  t=$(now)
  # shellcheck disable=SC2046
  java -XX:TieredStopAtLevel=1 $(cds ops-cli) --enable-native-access=ALL-UNNAMED -jar "$OPS_CLI_JAR" provision \
    --file "$ROOT_DIR/provisioning/pipeline.yaml" --env local --local 2>&1 | tee "$LOG_DIR/provision.log" ||
    die "provisioning failed (log: $LOG_DIR/provision.log)"
  log "provisioned in $(elapsed "$t")"
}

fetch_kafka
fetch_apicurio
install_dynalite
build_jars

# Launch everything first and wait afterwards: the JVMs warm up side by side.
start_kafka
start_registry
start_dynalite
start_secrets
start_meta
await_all "${LAUNCHING[@]+"${LAUNCHING[@]}"}"
set_global_compatibility
write_marker
provision
if $WITH_PROMETHEUS; then
  dev/prometheus.sh
fi
log "stack ready in $(elapsed "$TOTAL_START") (logs: $LOG_DIR)"
