# Sourced by every script: picks the newest JDK on the machine (21 or later), sets the stack's
# addresses, and defines small helpers. Nothing here starts a process. The ops tool's wrappers
# (ops/dlq, ops/provision) set ORDERFLOW_NO_STACK_ADDRESSES=1: it gets the local stack only when
# asked (--local) or while the marker dev/start.sh writes ($STACK_DIR/stack.env) exists. No AWS
# credentials are set here: they would shadow the default chain; the local path adds its own.

find_java_home() {
  local best="" best_ver=0 dir ver
  for dir in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$dir/bin/java" ] || continue
    ver=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    ver=${ver%%.*}
    [[ "$ver" =~ ^[0-9]+$ ]] || continue
    if [ "$ver" -gt "$best_ver" ]; then best_ver=$ver; best=$dir; fi
  done
  if [ "$best_ver" -lt 21 ]; then
    echo "error: no JDK 21 or newer found (looked in \$JAVA_HOME and /usr/lib/jvm); install one" >&2
    return 1
  fi
  echo "$best"
}

JAVA_HOME=$(find_java_home) || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export ROOT_DIR
export STACK_DIR="${STACK_DIR:-$ROOT_DIR/dev/.stack}"
# The stack's ports (dev/README.md, "A second stack"): override them, with STACK_DIR, to run a
# stack of your own beside the shared one. The services' ops ports follow STACK_OPS_PORT_BASE:
# order-ingest +0, notification-router +1, whatsapp-sender +2, instagram-sender +3.
export STACK_KAFKA_PORT="${STACK_KAFKA_PORT:-9092}"
export STACK_KAFKA_CONTROLLER_PORT="${STACK_KAFKA_CONTROLLER_PORT:-9093}"
export STACK_REGISTRY_PORT="${STACK_REGISTRY_PORT:-8081}"
export STACK_REGISTRY_MANAGEMENT_PORT="${STACK_REGISTRY_MANAGEMENT_PORT:-9000}"
export STACK_DYNALITE_PORT="${STACK_DYNALITE_PORT:-4567}"
export STACK_SECRETS_PORT="${STACK_SECRETS_PORT:-4584}"
export STACK_META_PORT="${STACK_META_PORT:-8090}"
export STACK_OPS_PORT_BASE="${STACK_OPS_PORT_BASE:-8181}"
# The ops wrappers set ORDERFLOW_NO_STACK_ADDRESSES: the ops tool fills in the local stack only
# when asked (--local, or the marker below), never from here.
if [ -z "${ORDERFLOW_NO_STACK_ADDRESSES:-}" ]; then
  export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$STACK_KAFKA_PORT}"
  export SCHEMA_REGISTRY_URL="${SCHEMA_REGISTRY_URL:-http://127.0.0.1:$STACK_REGISTRY_PORT/apis/ccompat/v7}"
  export AWS_ENDPOINT_URL="${AWS_ENDPOINT_URL:-http://127.0.0.1:$STACK_DYNALITE_PORT}"
  export AWS_ENDPOINT_URL_SECRETS_MANAGER="${AWS_ENDPOINT_URL_SECRETS_MANAGER:-http://127.0.0.1:$STACK_SECRETS_PORT}"
  export AWS_REGION="${AWS_REGION:-eu-west-1}"
  export META_GRAPH_URL="${META_GRAPH_URL:-http://127.0.0.1:$STACK_META_PORT}"
fi
# The marker of a running local stack, and the variables it holds (dev/start.sh, the ops tool).
STACK_MARKER="$STACK_DIR/stack.env"
STACK_MARKER_VARS=(KAFKA_BOOTSTRAP_SERVERS SCHEMA_REGISTRY_URL AWS_REGION AWS_ENDPOINT_URL
  AWS_ENDPOINT_URL_SECRETS_MANAGER META_GRAPH_URL)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
