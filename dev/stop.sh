#!/usr/bin/env bash
# Stops the local stack started by dev/start.sh; stopping a stopped stack does nothing.
# Data (topics, schemas, tables, secrets) stays under dev/.stack; `dev/stop.sh --reset` also
# deletes it, so the next start begins empty (downloaded servers are kept).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
source "$ROOT_DIR/dev/lib/stack.sh"

rm -f "$STACK_MARKER"
for part in meta secrets dynalite registry kafka; do
  stop_part "$part"
done

if [ "${1:-}" = "--reset" ]; then
  rm -rf "$STACK_DIR/kafka/data" "$STACK_DIR/registry-data" "$STACK_DIR/dynalite-data" \
    "$STACK_DIR/secrets-data"
  log "stack data deleted"
fi
log "stack stopped"
