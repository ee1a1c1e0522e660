#!/usr/bin/env bash
# The project's test command: starts the local stack (a no-op when it is up), then builds and tests
# the whole reactor against it (unit tests, then *IT integration tests). Exits with Maven's status.
# Extra arguments go to Maven, e.g. dev/test.sh -pl ops-cli -am
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
"$ROOT_DIR/dev/start.sh"
cd "$ROOT_DIR"
log "running ./mvnw -B verify against KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS"
exec ./mvnw -B verify "$@"
