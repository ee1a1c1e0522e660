#!/usr/bin/env bash
# The README's first command on a fresh stack, as CI runs it (.ci/run):
#   1. resets the stack of $STACK_DIR (stops what this checkout started there, deletes its data);
#   2. runs dev/demo.sh, which must end with every demo order matched (it exits 1 otherwise);
#   3. runs dev/demo.sh again on the same stack and services (must pass too);
#   4. checks the services' logs and the provisioning output: the pipeline's format on every line,
#      no DEBUG line, no stack trace, no JVM "WARNING:" line;
#   5. dev/demo.sh --stop (also when a step failed).
# It refuses to run on a stack it did not start: with the shared stack up on the default ports,
# give it a STACK_DIR and ports of its own (dev/README.md, "A second stack").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
source "$ROOT_DIR/dev/lib/stack.sh"
cd "$ROOT_DIR"

SERVICES=(order-ingest notification-router whatsapp-sender instagram-sender)
PORTS=("$STACK_KAFKA_PORT" "$STACK_KAFKA_CONTROLLER_PORT" "$STACK_REGISTRY_PORT"
  "$STACK_REGISTRY_MANAGEMENT_PORT" "$STACK_DYNALITE_PORT"
  "$STACK_SECRETS_PORT" "$STACK_META_PORT" "$STACK_OPS_PORT_BASE" $((STACK_OPS_PORT_BASE + 1))
  $((STACK_OPS_PORT_BASE + 2)) $((STACK_OPS_PORT_BASE + 3)))

fresh_stack() {
  dev/demo.sh --stop >/dev/null
  dev/stop.sh --reset >/dev/null
  rm -rf "$STACK_DIR/state"
  for port in "${PORTS[@]}"; do
    if port_in_use "$port"; then
      die "port $port is served by $(port_owner "$port"), not by a stack of $STACK_DIR; a fresh-stack run needs its own ports (dev/README.md, \"A second stack\")"
    fi
  done
  log "fresh stack: $STACK_DIR, Kafka :$STACK_KAFKA_PORT, registry :$STACK_REGISTRY_PORT, ops :$STACK_OPS_PORT_BASE.."
}

run_demo() {
  local n=$1 t
  t=$(now)
  log "demo run $n"
  dev/demo.sh 2>&1 | tee "$LOG_DIR/demo-run-$n.out" ||
    die "demo run $n failed: an order was lost or wrong, or the pipeline did not start (output: $LOG_DIR/demo-run-$n.out)"
  grep -q 'lost=0 wrong=0' "$LOG_DIR/demo-run-$n.out" || die "demo run $n did not report lost=0 wrong=0"
  log "demo run $n passed in $(elapsed "$t")"
}

# check_log FILE STRUCTURED: prints each offending line (at most 5 per rule); fails if any.
check_log() {
  local file=$1 structured=$2 bad=0
  [ -s "$file" ] || { echo "  $file: missing or empty"; return 1; }
  if [ "$structured" = 1 ] && grep -nv '^time=' "$file" | head -5 | grep .; then
    echo "  ^ $file: lines not in the pipeline's format (a stack trace, a JVM warning, another logger)"
    bad=1
  fi
  if grep -n 'level=DEBUG' "$file" | head -5 | grep .; then echo "  ^ $file: DEBUG lines"; bad=1; fi
  if grep -nE '^WARNING: |^[[:space:]]+at [a-zA-Z_$.]+\(|^Caused by: ' "$file" | head -5 | grep .; then
    echo "  ^ $file: stack traces or JVM warnings"
    bad=1
  fi
  return "$bad"
}

check_logs() {
  local failed=0 s
  for s in "${SERVICES[@]}"; do
    check_log "$LOG_DIR/$s.log" 1 || failed=1
    if grep -q 'level=ERROR' "$LOG_DIR/$s.log"; then
      log "note: $s logged errors: $(grep -c 'level=ERROR' "$LOG_DIR/$s.log")"
    fi
  done
  check_log "$LOG_DIR/provision.log" 0 || failed=1
  [ "$failed" = 0 ] || die "the fresh demo's logs are not clean (see above)"
  log "logs clean: ${SERVICES[*]} and provisioning"
}

trap 'dev/demo.sh --stop >/dev/null 2>&1 || true' EXIT
TOTAL=$(now)
fresh_stack
run_demo 1
run_demo 2
check_logs
dev/demo.sh --stop
trap - EXIT
log "fresh-stack demo passed in $(elapsed "$TOTAL")"
