#!/usr/bin/env bash
# Starts the local stack (dev/README.md): Kafka, Apicurio Registry, dynalite, the local Secrets
# Manager and, when built, the Meta Graph API simulator; then provisions provisioning/pipeline.yaml.
# Idempotent: parts already running are left alone. Set STACK_SKIP_PROVISION=1 to skip provisioning.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
source "$ROOT_DIR/dev/lib/stack.sh"

STACK_SRC="$ROOT_DIR/dev/stack"
DEV_SERVERS_JAR="$ROOT_DIR/dev/servers/target/dev-servers.jar"
OPS_CLI_JAR="$ROOT_DIR/ops-cli/target/ops-cli.jar"
MAVEN_STACK=(./mvnw -q -B -f dev/stack/pom.xml -s dev/stack/maven-settings.xml "-Dstack.dir=$STACK_DIR")
TOTAL_START=$(now)
cd "$ROOT_DIR"

# --- Fetch and build what is missing ------------------------------------------------------------

fetch_kafka() {
  [ -f "$STACK_DIR/kafka/libs/kafka_2.13-4.3.1.jar" ] && return 0
  local t=$(now)
  log "fetching Kafka jars from Maven Central"
  "${MAVEN_STACK[@]}" dependency:copy-dependencies@kafka-jars
  log "Kafka jars fetched in $(elapsed "$t")"
}

fetch_apicurio() {
  [ -f "$STACK_DIR/apicurio/quarkus-run.jar" ] && return 0
  local t=$(now)
  log "fetching Apicurio Registry from Maven Central"
  "${MAVEN_STACK[@]}" dependency:copy@apicurio-dist
  mkdir -p "$STACK_DIR/apicurio"
  tar xzf "$STACK_DIR/downloads/apicurio-registry-app.tar.gz" -C "$STACK_DIR/apicurio"
  rm -f "$STACK_DIR/downloads/apicurio-registry-app.tar.gz"
  log "Apicurio Registry fetched in $(elapsed "$t")"
}

install_dynalite() {
  [ -x "$STACK_SRC/node_modules/.bin/dynalite" ] && return 0
  local t=$(now)
  log "installing dynalite (npm ci)"
  (cd "$STACK_SRC" && npm ci --no-audit --no-fund --loglevel=error)
  log "dynalite installed in $(elapsed "$t")"
}

# Builds the dev-servers and ops-cli shaded jars when missing or older than their sources; offline
# first (fast), online when something is not in ~/.m2 yet.
build_jars() {
  local modules=()
  stale "$DEV_SERVERS_JAR" dev/servers/src dev/servers/pom.xml && modules+=(dev/servers)
  stale "$OPS_CLI_JAR" ops-cli/src ops-cli/pom.xml common/src common/pom.xml && modules+=(ops-cli)
  [ ${#modules[@]} -gt 0 ] || return 0
  local list t=$(now)
  list=$(IFS=,; echo "${modules[*]}")
  log "building $list"
  local build=(./mvnw -q -B -pl "$list" -am package -DskipTests -Dspotless.check.skip=true)
  "${build[@]}" -o >"$LOG_DIR/build.log" 2>&1 || "${build[@]}" >"$LOG_DIR/build.log" 2>&1 ||
    { tail -n 40 "$LOG_DIR/build.log" >&2; die "building $list failed (log: $LOG_DIR/build.log)"; }
  log "built $list in $(elapsed "$t")"
}

# --- Parts ---------------------------------------------------------------------------------------

declare -A STARTED_AT

start_kafka() {
  [ -n "$(part_pid kafka)" ] && { log "kafka already running"; return 0; }
  local dir="$STACK_DIR/kafka"
  mkdir -p "$dir/data"
  { cat "$STACK_SRC/kafka-server.properties"; echo "log.dirs=$dir/data"; } >"$dir/server.properties"
  local java_opts=(-Xms256m -Xmx1g "-Dorderflow.stack=$STACK_DIR"
    "-Dlog4j2.configurationFile=$STACK_SRC/kafka-log4j2.properties" -cp "$dir/libs/*")
  if [ ! -f "$dir/data/meta.properties" ]; then
    # A cluster id is 16 random bytes in URL-safe base64 without padding, as `random-uuid` prints.
    local cluster_id
    cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    java "${java_opts[@]}" kafka.tools.StorageTool format -t "$cluster_id" \
      -c "$dir/server.properties" --standalone >"$LOG_DIR/kafka-format.log" 2>&1 ||
      { tail -n 20 "$LOG_DIR/kafka-format.log" >&2; die "formatting Kafka storage failed"; }
  fi
  STARTED_AT[kafka]=$(now)
  launch kafka 9092 "$dir" java "${java_opts[@]}" kafka.Kafka "$dir/server.properties"
}

kafka_ready() {
  grep -q 'Kafka Server started' "$LOG_DIR/kafka.log" && port_in_use 9092
}

start_registry() {
  [ -n "$(part_pid registry)" ] && { log "registry already running"; return 0; }
  mkdir -p "$STACK_DIR/registry-data"
  STARTED_AT[registry]=$(now)
  launch registry 8081 "$STACK_DIR/apicurio" java -Xmx512m "-Dorderflow.stack=$STACK_DIR" \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=8081 -Dquarkus.management.enabled=false \
    "-Dapicurio.datasource.url=jdbc:h2:file:$STACK_DIR/registry-data/registry" \
    -jar quarkus-run.jar
}

start_dynalite() {
  [ -n "$(part_pid dynalite)" ] && { log "dynalite already running"; return 0; }
  mkdir -p "$STACK_DIR/dynalite-data"
  STARTED_AT[dynalite]=$(now)
  launch dynalite 4567 "$STACK_SRC" node node_modules/dynalite/cli.js --host 127.0.0.1 \
    --port 4567 --path "$STACK_DIR/dynalite-data" --createTableMs 50 --deleteTableMs 50 \
    --updateTableMs 50
}

dev_servers_java() {
  echo java "-Dorderflow.stack=$STACK_DIR" "-Dlogback.configurationFile=$STACK_SRC/dev-servers-logback.xml" -cp "$DEV_SERVERS_JAR"
}

start_secrets() {
  [ -n "$(part_pid secrets)" ] && { log "secrets already running"; return 0; }
  mkdir -p "$STACK_DIR/secrets-data"
  STARTED_AT[secrets]=$(now)
  # shellcheck disable=SC2046 # word splitting of the java command is intended
  launch secrets 4584 "$ROOT_DIR" $(dev_servers_java) -Xmx128m -XX:TieredStopAtLevel=1 \
    dev.orderflow.devservers.secrets.LocalSecretsManager --port 4584 \
    --file "$STACK_DIR/secrets-data/secrets.json"
}

has_meta_simulator() {
  grep -qaF 'dev/orderflow/devservers/meta/MetaGraphSimulator.class' "$DEV_SERVERS_JAR"
}

start_meta() {
  has_meta_simulator || return 0
  [ -n "$(part_pid meta)" ] && { log "meta already running"; return 0; }
  STARTED_AT[meta]=$(now)
  # shellcheck disable=SC2046
  launch meta 8090 "$ROOT_DIR" $(dev_servers_java) -Xmx512m \
    dev.orderflow.devservers.meta.MetaGraphSimulator --port 8090
}

await_started() {
  local name=$1
  shift
  [ -n "${STARTED_AT[$name]:-}" ] || return 0
  await "$name" "$@"
}

set_global_compatibility() {
  curl -sf -m 5 -X PUT -H 'Content-Type: application/json' \
    -d '{"compatibility":"BACKWARD"}' "$SCHEMA_REGISTRY_URL/config" >/dev/null ||
    die "could not set the registry's global compatibility"
}

provision() {
  if [ "${STACK_SKIP_PROVISION:-0}" = 1 ]; then
    log "provisioning skipped (STACK_SKIP_PROVISION=1)"
    return 0
  fi
  local t=$(now)
  java -XX:TieredStopAtLevel=1 -jar "$OPS_CLI_JAR" provision \
    --file "$ROOT_DIR/provisioning/pipeline.yaml" --env local 2>&1 | tee "$LOG_DIR/provision.log" ||
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
await_started kafka 60 "${STARTED_AT[kafka]:-}" kafka_ready
await_started registry 120 "${STARTED_AT[registry]:-}" http_ok "$SCHEMA_REGISTRY_URL/subjects"
await_started dynalite 30 "${STARTED_AT[dynalite]:-}" http_answers "$AWS_ENDPOINT_URL"
await_started secrets 30 "${STARTED_AT[secrets]:-}" http_ok "$AWS_ENDPOINT_URL_SECRETS_MANAGER"
await_started meta 60 "${STARTED_AT[meta]:-}" http_answers "$META_GRAPH_URL"
set_global_compatibility
provision
log "stack ready in $(elapsed "$TOTAL_START") (logs: $LOG_DIR)"
