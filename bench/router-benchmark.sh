#!/usr/bin/env bash
# Routed orders/s with a cold and a warm buyer cache, next to a passthrough topology's rate,
# measured in one run on the same broker. Needs the local stack (dev/start.sh).
#   bench/router-benchmark.sh [orders=20000] [buyers=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
source dev/lib/env.sh

classpath_file=notification-router/target/bench.classpath
./mvnw -q -B -pl notification-router -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath_file" >/dev/null
classpath="notification-router/target/test-classes:notification-router/target/classes:$(cat "$classpath_file")"

exec java -Xmx1g -cp "$classpath" dev.orderflow.router.bench.RouterBenchmark "$@"
