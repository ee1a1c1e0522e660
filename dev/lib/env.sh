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
if [ -z "${ORDERFLOW_NO_STACK_ADDRESSES:-}" ]; then
  export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}"
  export SCHEMA_REGISTRY_URL="${SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081/apis/ccompat/v7}"
  export AWS_ENDPOINT_URL="${AWS_ENDPOINT_URL:-http://127.0.0.1:4567}"
  export AWS_ENDPOINT_URL_SECRETS_MANAGER="${AWS_ENDPOINT_URL_SECRETS_MANAGER:-http://127.0.0.1:4584}"
  export AWS_REGION="${AWS_REGION:-eu-west-1}"
  export META_GRAPH_URL="${META_GRAPH_URL:-http://127.0.0.1:8090}"
fi
# The marker of a running local stack, and the variables it holds (dev/start.sh, the ops tool).
STACK_MARKER="$STACK_DIR/stack.env"
STACK_MARKER_VARS=(KAFKA_BOOTSTRAP_SERVERS SCHEMA_REGISTRY_URL AWS_REGION AWS_ENDPOINT_URL
  AWS_ENDPOINT_URL_SECRETS_MANAGER META_GRAPH_URL)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
