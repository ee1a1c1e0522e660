#!/usr/bin/env bash
# The benchmark (bench/README.md): makes sure the local stack runs, builds the services and the
# harness, then runs `bench.jar run` with any options given here, e.g.
#   bench/run.sh                       # 1,000 orders/s for 60 s, realistic mix, 600-byte orders
#   bench/run.sh --rate 500 --duration PT30S --mix whatsapp=0.6,instagram=0.4
#   bench/run.sh --help
# The report lands in bench/target/report/: report.json, report.md, report.png, logs/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../dev/lib/env.sh"
cd "$ROOT_DIR"

if [ "${1:-}" != "--help" ]; then
  dev/start.sh
fi

modules=(bench)
for service in order-ingest notification-router whatsapp-sender instagram-sender; do
  [ -d "$service/src/main/java" ] && modules+=("$service")
done
list=$(IFS=,; echo "${modules[*]}")
log "building $list"
build=(./mvnw -q -B -pl "$list" -am package -DskipTests -Dspotless.check.skip=true)
"${build[@]}" -o >/dev/null 2>&1 || "${build[@]}"

exec java -Xmx1g -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -jar bench/target/bench.jar run \
  --repository-root "$ROOT_DIR" "$@"
