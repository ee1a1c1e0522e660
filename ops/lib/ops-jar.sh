# shellcheck shell=bash
# Sourced by ops/dlq and ops/provision: selects the JDK (dev/lib/env.sh, without the local
# stack's addresses: the ops tool is handed those only with --local or while the marker
# $STACK_DIR/stack.env that dev/start.sh writes exists) and builds ops-cli's runnable jar when it
# is missing or older than its sources. Sets OPS_JAR.
ORDERFLOW_NO_STACK_ADDRESSES=1
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/dev/lib/env.sh"
unset ORDERFLOW_NO_STACK_ADDRESSES

OPS_JAR="$ROOT_DIR/ops-cli/target/ops-cli.jar"
newest_source=$(find "$ROOT_DIR/ops-cli/src/main" "$ROOT_DIR/common/src/main" -type f -newer "$OPS_JAR" \
  -print -quit 2>/dev/null || true)
if [ ! -f "$OPS_JAR" ] || [ -n "$newest_source" ]; then
  echo "building ops-cli (once, or after a source change)…" >&2
  (cd "$ROOT_DIR" && { ./mvnw -q -B -o -pl ops-cli -am package -DskipTests \
    || ./mvnw -q -B -pl ops-cli -am package -DskipTests; }) >&2 \
    || die "could not build ops-cli; run ./mvnw -pl ops-cli -am package -DskipTests to see why"
fi
