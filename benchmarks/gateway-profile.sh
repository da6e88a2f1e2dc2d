#!/usr/bin/env bash
# benchmarks/gateway-profile.sh: the gateway's own cost per request, without the platform (decision 46).
#
# Starts, inside a private network namespace (the platform's fixed ports, nobody else's):
#   - a trivial upstream: nginx answering a static JSON body on 127.0.0.1:8082, where dossier-service would be;
#   - nginx as a plain reverse proxy (upstream keep-alive) on 127.0.0.1:8095 in front of it;
#   - gateway-service (gateway-service/target/gateway-service.jar) on 127.0.0.1:8080, EGOV_JVM_PROFILE=production
#     settings as ./egov sets them, rate limits off, routing /api/v1/** of dossier-service to the upstream;
# then warms each path up and measures with wrk, interleaved: for each round, connection count and URL, the upstream
# directly, through nginx and through the gateway, back to back. Besides req/s it reports the gateway's CPU time per
# request (from /proc/PID/stat): on a shared machine that figure moves less than throughput.
#
#   benchmarks/gateway-profile.sh                  # 30 s warm-up per path, 15 s steps, 2 rounds
#   ROUNDS=1 STEP=10 WARMUP=20 benchmarks/gateway-profile.sh
#   JFR=1 benchmarks/gateway-profile.sh            # also a JFR recording of the gateway during round 1
#   GATEWAY_JAVA_OPTS="-Dx=y" benchmarks/gateway-profile.sh   # extra JVM options for the gateway (experiments)
#
# Output: a table on stdout and in benchmarks/target/gateway-profile/results.tsv; the JFR recording and its top
# frames in the same directory. Needs nginx, wrk, a built gateway jar, and unshare (root or user namespaces).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT:-$ROOT/benchmarks/target/gateway-profile}"
if [[ "${INSIDE:-}" != 1 ]]; then
  mkdir -p "$OUT"
  exec unshare -n env INSIDE=1 OUT="$OUT" bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi

ROUNDS="${ROUNDS:-2}" STEP="${STEP:-15}" WARMUP="${WARMUP:-30}" CONNECTIONS="${CONNECTIONS:-8 32}"
JAVA="${JAVA:-$(command -v java)}"
JCMD="$(dirname "$(readlink -f "$JAVA")")/jcmd"
rm -rf "$OUT/nginx" && mkdir -p "$OUT/nginx"
say() { printf 'gateway-profile: %s\n' "$*" >&2; }

# a body of the size of a public lookup's answer (~0.6 kB)
BODY='{"code":"HS-2026-000123","procedureCode":"1.001193","procedureName":"Đăng ký khai sinh","status":"RECEIVED","submittedAt":"2026-12-05T08:00:00Z","dueAt":"2026-12-10T17:00:00Z","agency":"UBND phường Bến Nghé","history":[{"status":"SUBMITTED","at":"2026-12-05T08:00:00Z"},{"status":"RECEIVED","at":"2026-12-05T08:05:00Z"}],"fee":{"amount":0,"currency":"VND","paid":true},"note":"Hồ sơ đang được xử lý theo quy định; kết quả trả qua cổng dịch vụ công và tại bộ phận một cửa."}'
cat >"$OUT/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream service { server 127.0.0.1:8082; keepalive 64; }
  server {
    listen 127.0.0.1:8082;
    location / { default_type application/json; return 200 '$BODY'; }
  }
  server {
    listen 127.0.0.1:8095;
    location / { proxy_pass http://service; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
EOF
nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -e "$OUT/nginx/error.log"

declare -A PID=()
cleanup() {
  local p
  # `|| true` on each: under set -e, a JVM's exit status 143 from `wait` ended the trap early and left the
  # second gateway and nginx running
  for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [[ -f "$OUT/nginx/nginx.pid" ]]; then kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true; fi
  true
}
trap cleanup EXIT

# start_gateway NAME PORT JAR EXTRA_JAVA_OPTS: the gateway as ./egov starts it with EGOV_JVM_PROFILE=production
# (egov: JVM_OPTS), rate limits off as in ./egov bench; every dossier-service route points at the trivial upstream,
# so nothing else needs to run
start_gateway() {
  local name=$1 port=$2 jar=$3 opts=$4
  # shellcheck disable=SC2086
  env SERVER_PORT="$port" SPRING_PROFILES_ACTIVE=local GATEWAY_RATE_LIMITS_ENABLED=false \
    DOSSIER_SERVICE_URL=http://127.0.0.1:8082 \
    "$JAVA" -XX:+UseG1GC -Xss512k -Xms64m -XX:G1PeriodicGCInterval=10000 -XX:MaxHeapFreeRatio=40 -Xmx384m \
    $opts -jar "$jar" >"$OUT/$name.log" 2>&1 &
  PID[$name]=$!
}
wait_ready() {
  local name=$1 port=$2
  for _ in $(seq 1 360); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" && { say "$name up (pid ${PID[$name]})"; return; }
    kill -0 "${PID[$name]}" 2>/dev/null || { tail -40 "$OUT/$name.log" >&2; exit 1; }
    sleep 0.5
  done
  say "$name did not start"; exit 1
}
PATHS="direct nginx gateway"
declare -A PORT=([direct]=8082 [nginx]=8095 [gateway]=8080 [gatewayB]=8079)
start_gateway gateway 8080 "${GATEWAY_JAR:-$ROOT/gateway-service/target/gateway-service.jar}" "${GATEWAY_JAVA_OPTS:-}"
# GATEWAY_B_JAR and/or GATEWAY_B_JAVA_OPTS: a second gateway on 8079, measured right after the first (A/B in one run)
if [[ -n "${GATEWAY_B_JAR:-}${GATEWAY_B_JAVA_OPTS:-}" ]]; then
  start_gateway gatewayB 8079 "${GATEWAY_B_JAR:-$ROOT/gateway-service/target/gateway-service.jar}" "${GATEWAY_B_JAVA_OPTS:-}"
  PATHS="$PATHS gatewayB"
fi
for name in "${!PID[@]}"; do wait_ready "$name" "${PORT[$name]}"; done

LOOKUP='/api/v1/public/dossiers/HS-2026-000123?secret=Kx7pQ2mR9s'
SEARCH='/api/v1/procedures?q=khai%20sinh'
for path in $PATHS; do
  for url in "$LOOKUP" "$SEARCH"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$path]}$url")
    [[ "$code" == 200 ]] || { say "$path $url answered $code"; exit 1; }
  done
done

cpu_ticks() { [[ -n "${PID[$1]:-}" ]] && awk '{ print $14 + $15 }' "/proc/${PID[$1]}/stat" || echo 0; }
TICK=$(getconf CLK_TCK)

# run PATH URL CONNECTIONS SECONDS → "req/s non2xx p50 p99 cpu_ms_per_request"
run() {
  local path=$1 url=$2 c=$3 seconds=$4 before after out
  before=$(cpu_ticks "$path")
  out=$(wrk -t1 -c"$c" -d"${seconds}s" --latency "http://127.0.0.1:${PORT[$path]}$url" 2>&1)
  after=$(cpu_ticks "$path")
  awk -v before="$before" -v after="$after" -v tick="$TICK" -v path="$path" '
    /Requests\/sec/ { rps = $2 }
    /requests in/ { n = $1 }
    /Non-2xx or 3xx responses/ { bad += $NF }
    /Socket errors/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    END { cpu = (path ~ /^gateway/ && n > 0) ? sprintf("%.3f", (after - before) * 1000 / tick / n) : "-";
          printf "%s %d %s %s %s\n", rps, bad, p50, p99, cpu }' <<<"$out"
}

say "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
say "warm-up: ${WARMUP} s per URL through the gateway (the JIT), 3 s per URL for nginx and the upstream"
for path in $PATHS; do
  [[ $path == gateway* ]] || continue
  for url in "$LOOKUP" "$SEARCH"; do run "$path" "$url" 32 "$WARMUP" >/dev/null; done
done
for path in nginx direct; do
  for url in "$LOOKUP" "$SEARCH"; do run "$path" "$url" 32 3 >/dev/null; done
done

if [[ "${JFR:-}" == 1 ]]; then
  "$JCMD" "${PID[gateway]}" JFR.start name=profile settings=profile filename="$OUT/gateway.jfr" >/dev/null
fi
printf 'round\tconnections\tscenario\tpath\treq/s\tnon2xx\tp50\tp99\tgateway_cpu_ms_per_req\tload\n' >"$OUT/results.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for c in $CONNECTIONS; do
    for scenario in lookup search; do
      url=$LOOKUP; [[ $scenario == search ]] && url=$SEARCH
      for path in $PATHS; do
        read -r rps bad p50 p99 cpu <<<"$(run "$path" "$url" "$c" "$STEP")"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$c" "$scenario" "$path" "$rps" "$bad" "$p50" "$p99" \
          "$cpu" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/results.tsv"
      done
    done
  done
  if [[ "${JFR:-}" == 1 && $round == 1 ]]; then
    "$JCMD" "${PID[gateway]}" JFR.stop name=profile >/dev/null
    jfr="$(dirname "$JCMD")/jfr"
    "$jfr" print --stack-depth 64 --events jdk.ExecutionSample "$OUT/gateway.jfr" >"$OUT/samples.txt"
    # top frames (self) and, per sample, every distinct method on the stack (inclusive)
    awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); self[$0]++; total++ }
         END { for (f in self) printf "%6.2f%%  %s\n", 100 * self[f] / total, f }' "$OUT/samples.txt" \
      | sort -rn | head -40 >"$OUT/top-self.txt"
    awk '/stackTrace = \[/ { inside = 1; split("", seen); total++; next }
         inside && /^[ \t]*\]/ { inside = 0; next }
         inside { l = $0; sub(/^[ \t]+/, "", l); sub(/[ \t]*line:.*/, "", l); if (!(l in seen)) { seen[l] = 1; incl[l]++ } }
         END { for (f in incl) printf "%6.2f%%  %s\n", 100 * incl[f] / total, f }' "$OUT/samples.txt" \
      | sort -rn | head -300 >"$OUT/top-inclusive.txt"
    say "JFR: $OUT/gateway.jfr, $OUT/top-self.txt, $OUT/top-inclusive.txt"
  fi
done

say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
# ratios per round: each gateway / direct and / nginx
awk -F'\t' 'NR > 1 { v[$1 FS $2 FS $3 FS $4] = $5; c[$1 FS $2 FS $3 FS $4] = $9 }
  END { printf "\nround connections scenario gateway   /direct /nginx nginx/direct cpu-ms/req\n";
        for (k in v) { split(k, p, FS); if (p[4] !~ /^gateway/) continue; b = p[1] FS p[2] FS p[3];
          printf "%5s %11s %-8s %-8s %7.2f %6.2f %12.2f %10s\n", p[1], p[2], p[3], p[4], v[k] / v[b FS "direct"],
            v[k] / v[b FS "nginx"], v[b FS "nginx"] / v[b FS "direct"], c[k] } }' "$OUT/results.tsv" | sort -k1,1n -k2,2n -k3,4
