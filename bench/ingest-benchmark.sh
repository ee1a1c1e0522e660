#!/usr/bin/env bash
# Orders/s through order-ingest next to the raw producer rate, on the running local stack.
# Usage: bench/ingest-benchmark.sh [orders] [partitions]   (defaults 100000 and 3; needs the
# local stack: dev/start.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source dev/lib/env.sh

orders="${1:-100000}"
partitions="${2:-3}"
log "building order-ingest and its test classes"
# One reactor run, so sibling modules resolve to their target/classes (nothing is installed);
# order-ingest comes last, so the classpath file ends up holding its classpath.
cp_file="$PWD/order-ingest/target/bench.classpath"
./mvnw -q -B -pl order-ingest -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
classpath="order-ingest/target/test-classes:order-ingest/target/classes:$(cat "$cp_file")"

log "benchmark: $orders orders, $partitions partitions, broker $KAFKA_BOOTSTRAP_SERVERS"
exec java -Xmx1g -cp "$classpath" dev.orderflow.ingest.it.IngestBenchmark "$orders" "$partitions"
