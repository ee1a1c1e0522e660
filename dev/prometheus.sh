#!/usr/bin/env bash
# A real Prometheus (Debian's package: apt-get install prometheus) on 127.0.0.1 scraping the demo
# services' ops endpoints (STACK_OPS_PORT_BASE, 8181 by default: order-ingest +0,
# notification-router +1, whatsapp-sender +2, instagram-sender +3, meta-webhooks +4) as job
# "orderflow", with deploy/prometheus's rules loaded, so a rule can be seen firing against the
# running services. dev/start.sh --with-prometheus and dev/demo.sh --with-prometheus run it.
#   dev/prometheus.sh            start it (idempotent), http://127.0.0.1:${PROMETHEUS_PORT:-9090}
#   dev/prometheus.sh --status   every alerting rule's state and the firing/pending alerts, as text
#   dev/prometheus.sh --stop     stop it
# Evaluation and scrapes run every 5 s here (the rules' own `for:` durations still apply): stop a
# service (or the Meta simulator) and --status shows OrderflowScrapeDown (or the Meta error and
# circuit alerts) go pending, then firing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
source "$ROOT_DIR/dev/lib/stack.sh"

PORT="${PROMETHEUS_PORT:-9090}"
# The ops ports scraped (PROMETHEUS_SCRAPE_PORTS, space-separated): all five services by default.
PORTS="${PROMETHEUS_SCRAPE_PORTS:-$(for i in 0 1 2 3 4; do echo $((STACK_OPS_PORT_BASE + i)); done)}"
DIR="$STACK_DIR/prometheus"
URL="http://127.0.0.1:$PORT"

status() {
  command -v jq >/dev/null || die "--status needs jq (apt-get install jq)"
  http_ok "$URL/-/ready" || die "Prometheus is not running on $URL (dev/prometheus.sh starts it)"
  echo "targets (job orderflow):"
  curl -sf "$URL/api/v1/targets?state=active" |
    jq -r '.data.activeTargets[] | "  \(.health)\t\(.labels.instance)\t\(.lastError // "")"'
  curl -sf "$URL/api/v1/rules" | jq -r '[.data.groups[].rules[]] |
    "rules: \(map(select(.type == "recording")) | length) recording (\(map(select(.type == "recording" and .health != "ok")) | length) unhealthy), \(map(select(.type == "alerting")) | length) alerting: \(map(select(.state == "firing")) | length) firing, \(map(select(.state == "pending")) | length) pending"'
  echo "alerting rules:"
  curl -sf "$URL/api/v1/rules?type=alert" |
    jq -r '.data.groups[].rules[] | "  \(.state)\t\(.name)" + (if (.alerts | length) > 0 then "\t" + ([.alerts[] | (.labels | del(.alertname, .severity) | to_entries | map("\(.key)=\(.value)") | join(","))] | join(" ")) else "" end)'
}

case "${1:-}" in
  --stop) stop_part prometheus; exit 0 ;;
  --status) status; exit 0 ;;
  "") ;;
  *) die "unknown option $1 (use --status or --stop)" ;;
esac

command -v prometheus >/dev/null || die "prometheus is not installed: apt-get install --no-install-recommends prometheus"
if [ -n "$(part_pid prometheus)" ]; then
  log "prometheus already running on $URL"
  exit 0
fi
port_in_use "$PORT" && die "port $PORT is taken by $(port_owner "$PORT"); set PROMETHEUS_PORT"

mkdir -p "$DIR/data"
cat >"$DIR/prometheus.yml" <<YAML
# Written by dev/prometheus.sh; the rules are the deployable ones, unchanged.
global:
  scrape_interval: 5s
  evaluation_interval: 5s
rule_files:
  - $ROOT_DIR/deploy/prometheus/orderflow-rules.yaml
scrape_configs:
  - job_name: orderflow
    metrics_path: /metrics
    static_configs:
      - targets: [$(for p in $PORTS; do printf "'127.0.0.1:%s'," "$p"; done | sed 's/,$//')]
YAML
promtool check config "$DIR/prometheus.yml" >/dev/null

declare -A LAUNCHED_AT TIMEOUT_S QUIET
ready_prometheus() { http_ok "$URL/-/ready"; }
LAUNCHED_AT[prometheus]=$(now)
TIMEOUT_S[prometheus]=60
launch prometheus "$PORT" "$DIR" prometheus \
  --config.file="$DIR/prometheus.yml" \
  --storage.tsdb.path="$DIR/data" \
  --storage.tsdb.retention.time=1d \
  --web.listen-address="127.0.0.1:$PORT"
await_all prometheus
log "prometheus on $URL; dev/prometheus.sh --status for the rule states, --stop to stop it"
