#!/usr/bin/env bash
# ./egov bench [--quick]: the benchmark harness of issue 17 (benchmarks/README.md).
#
# Outside: builds (the Maven mirror is reachable there), then runs itself again inside a private network
# namespace, because the platform uses fixed loopback ports and other platforms may run on this machine.
# Inside: starts the platform as ./egov up does, with production JVM settings and the gateway's rate limits
# off, in its own work directory (.egov-bench), measures the stack at rest and the start time, seeds dossiers,
# puts nginx in front of dossier-service when there is an nginx binary, runs the Gatling scenarios
# (./mvnw -Pbench), which write target/bench/report.md and Gatling's HTML report, and stops everything.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BENCH="$ROOT/benchmarks/target/bench"
say() { printf 'bench: %s\n' "$*"; }

# 45 s warm-up per path (decision 31): with production JIT settings the gateway needs about that long before its
# throughput settles (C2 compiles Netty's, Reactor's and the filters' hot paths; ~2.2 ms CPU per request in the
# first 16 s against ~0.7 ms after 45 s), so a shorter warm-up measured the JIT rather than the gateway
STEP_SECONDS=20 WARMUP_SECONDS=45 SEED=200 SCALE=""
# which simulations run, in this order (EGOV_BENCH_SIMULATIONS="ScaleSimulation" --scale runs the scale part alone)
SIMULATIONS="${EGOV_BENCH_SIMULATIONS:-PublicReadSimulation SubmissionSimulation NoticeSimulation}"
for arg in "$@"; do
  case "$arg" in
    --quick) STEP_SECONDS=5 WARMUP_SECONDS=5 SEED=40 ;;
    # 10 k, then 1 M generated dossiers (EGOV_BENCH_SCALE_MAX to stop earlier): loading 1 M takes minutes
    --scale) SCALE="10000 ${EGOV_BENCH_SCALE_MAX:-1000000}" ;;
    *) echo "usage: ./egov bench [--quick] [--scale]  (--quick: 5 s steps, for trying the harness out;" \
         "--scale: also lookup and officer queue p99 with 10 k and 1 M generated dossiers)" >&2; exit 2 ;;
  esac
done
[[ -n "$SCALE" && "$SIMULATIONS" != *ScaleSimulation* ]] && SIMULATIONS="$SIMULATIONS ScaleSimulation"

if [[ "${EGOV_BENCH_INSIDE:-}" != 1 ]]; then
  # like ./egov up: build only when a pom or a main source changed since the last build of the bench
  stamp="$ROOT/benchmarks/target/bench.build.stamp"
  if [[ ! -f "$stamp" || -n "$(find . -path ./.egov -prune -o -path ./.egov-bench -prune -o -path '*/target' -prune -o \
        \( -name pom.xml -o -path '*/src/main/*' -o -path './benchmarks/src/*' \) -type f -newer "$stamp" -print -quit)" ]]; then
    say "building the platform and the benchmarks (./mvnw -Pbench -DskipTests package)"
    ./mvnw -B -q -o -Pbench -DskipTests package || ./mvnw -B -q -Pbench -DskipTests package
    touch "$stamp"
  else
    say "build: up to date"
  fi
  # the devstack downloads Keycloak's distribution on its first start; inside the namespace there is no network
  kc=$(sed -n 's:.*<keycloak-server.version>\(.*\)</keycloak-server.version>.*:\1:p' pom.xml | head -1)
  if [[ "${EGOV_BENCH_NETNS:-on}" == on && -n "$kc" \
        && ! -s "$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$kc/keycloak-quarkus-dist-$kc.tar.gz" ]]; then
    say "fetching Keycloak $kc's distribution into the Maven repository (the namespace has no network)"
    ./mvnw -B -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc:tar.gz" -Dtransitive=false
  fi
  # the Gatling plugin runs inside, offline: resolved here (package does not use it)
  ./mvnw -B -q -o -Pbench -pl benchmarks dependency:resolve-plugins >/dev/null 2>&1 \
    || ./mvnw -B -q -Pbench -pl benchmarks dependency:resolve-plugins
  if [[ "${EGOV_BENCH_NETNS:-on}" == on ]]; then
    say "entering a private network namespace (unshare -n); EGOV_BENCH_NETNS=off runs on the host's loopback"
    exec unshare -n env EGOV_BENCH_INSIDE=1 bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
  fi
fi

# --- inside ------------------------------------------------------------------------------------------------
export EGOV_WORKDIR="$ROOT/.egov-bench" EGOV_JVM_PROFILE=production EGOV_BUILD=skip
# the gateway's per-address quotas (gateway-service application.yml, egov.gateway.rate-limits) would answer
# the load with 429s: a benchmark of the proxy path, not of the quota
export GATEWAY_RATE_LIMITS_ENABLED=false
mkdir -p "$BENCH"
rm -rf "$BENCH/gatling" "$BENCH/report.md" "$BENCH"/figures-*.tsv "$BENCH/gatling.log"
NGINX_PORT=8095 NGINX_PID=""

stop_all() {
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null || true
  ./egov down >>"$BENCH/egov.log" 2>&1 || true
}
trap stop_all EXIT

up_seconds() {
  local start end
  start=$(date +%s.%N)
  if ! ./egov up >>"$BENCH/egov.log" 2>&1; then tail -30 "$BENCH/egov.log" >&2; say "the platform did not start; see $BENCH/egov.log and $EGOV_WORKDIR/logs"; exit 1; fi
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }'
}

: >"$BENCH/egov.log"
# a warm start maps the class-data archives the JVMs wrote at an earlier clean stop (./egov, decision 69): each app's
# archive there and not older than its jar, and Keycloak's
archives_current() {
  local s name
  for s in identity-service dossier-service payment-service notification-service web-portal gateway-service; do
    name="$EGOV_WORKDIR/apps/$s"
    [[ -f "$name.jsa" && -f "$name/$s.jar" && ! "$ROOT/$s/target/$s.jar" -nt "$name/$s.jar" ]] || return 1
  done
  [[ -f "$EGOV_WORKDIR/apps/keycloak.jsa" && -f "$EGOV_WORKDIR/apps/kafka.jsa" && -f "$EGOV_WORKDIR/apps/devinfra.lean.jsa" ]] || return 1
  # the stand-ins' jar (./egov copies it again, and drops their archives, when the built one is newer)
  local built
  for built in "$ROOT"/devstack/target/devstack-*.jar; do
    [[ "$built" == *-sources.jar || "$built" == *-tests.jar || ! "$built" -nt "$EGOV_WORKDIR/apps/devstack.jar" ]] || return 1
  done
}
if ! [[ -d "$EGOV_WORKDIR/postgres" && -d "$EGOV_WORKDIR/kafka" ]] || ! archives_current; then
  say "▶ starting the platform once (the first time builds Keycloak: minutes; the JVMs write their class-data archives as they stop)"
  up_seconds >/dev/null
  ./egov down >>"$BENCH/egov.log" 2>&1
fi
# the warm start twice: with ./egov up's own JVM flags (what a developer or operator waits for locally; the issue's
# figure), then with the production flags the rest of the run measures
say "▶ starting the platform warm with ./egov up's own JVM flags (C1, serial collector), timed"
UP_LOCAL=$(EGOV_JVM_PROFILE= up_seconds)
./egov down >>"$BENCH/egov.log" 2>&1
say "▶ starting the platform warm with the production JVM flags, timed"
UP=$(up_seconds)
say "up in $UP_LOCAL s with ./egov up's flags, $UP s with the production flags"

# --- stack at rest: PSS of every process this work directory started (egov marks them with EGOV_PROCESS_OF)
say "▶ stack at rest (20 s settle, then PSS from /proc/*/smaps_rollup)"
sleep 20
PSS_KB=0 PROCESSES=0
for f in $(grep -lzxF "EGOV_PROCESS_OF=$EGOV_WORKDIR" /proc/[0-9]*/environ 2>/dev/null || true); do
  pid="${f#/proc/}"; pid="${pid%/environ}"
  kb=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
  [[ -n "$kb" ]] || continue
  PSS_KB=$((PSS_KB + kb)) PROCESSES=$((PROCESSES + 1))
done
PSS=$(awk -v k="$PSS_KB" 'BEGIN { printf "%.2f GB (%d MB)", k / 1024 / 1024, k / 1024 }')
say "stack at rest: $PSS in $PROCESSES processes"

# --- seed: dossiers submitted as the demo citizen, through the API, for the public lookup
say "▶ seeding $SEED dossiers through the API (the demo citizen's birth registrations)"
TOKEN=$(curl -s -d grant_type=password -d client_id=egov-local-cli -d username=001090012345 -d password=Demo@2026 \
  -d scope=openid http://127.0.0.1:8080/auth/realms/egov/protocol/openid-connect/token \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$TOKEN" ]] || { say "no token for the demo citizen"; exit 1; }
printf '%%PDF-1.4\n1 0 obj<<>>endobj\n%% to khai\ntrailer<<>>\n%%%%EOF\n' >"$BENCH/form.pdf"
: >"$BENCH/lookups.csv"
for i in $(seq 1 "$SEED"); do
  dossier='{"procedureCode":"1.001193","formData":{"childName":"Nguyễn Thị Bench '"$i"'","childDateOfBirth":"2026-11-01","childSex":"FEMALE","placeOfBirth":"Bệnh viện Phụ sản Hà Nội","relationship":"MOTHER"},"documents":[{"requirementCode":"TO_KHAI","fileName":"to-khai.pdf"},{"requirementCode":"GIAY_CHUNG_SINH","fileName":"giay-chung-sinh.pdf"}]}'
  answer=$(curl -s -H "Authorization: Bearer $TOKEN" -H "Idempotency-Key: bench-seed-$RANDOM-$i-$(date +%s%N)" \
    -F "dossier=$dossier;type=application/json" \
    -F "files=@$BENCH/form.pdf;filename=to-khai.pdf;type=application/pdf" \
    -F "files=@$BENCH/form.pdf;filename=giay-chung-sinh.pdf;type=application/pdf" \
    http://127.0.0.1:8080/api/v1/dossiers)
  code=$(sed -n 's/.*"code":"\([^"]*\)".*/\1/p' <<<"$answer")
  secret=$(sed -n 's/.*"lookupSecret":"\([^"]*\)".*/\1/p' <<<"$answer")
  if [[ -z "$code" || -z "$secret" ]]; then say "seeding failed: $answer"; exit 1; fi
  echo "$code,$secret" >>"$BENCH/lookups.csv"
done

# --- nginx on a loopback port in front of the same dossier-service (Debian: apt-get install nginx-light)
NGINX_URL=""
if command -v nginx >/dev/null; then
  mkdir -p "$BENCH/nginx/logs"
  cat >"$BENCH/nginx/nginx.conf" <<NGINX
# written by benchmarks/bench.sh: a plain reverse proxy with upstream keep-alive, the comparison for the gateway
worker_processes auto;
pid $BENCH/nginx/nginx.pid;
error_log $BENCH/nginx/logs/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $BENCH/nginx/body;
  proxy_temp_path $BENCH/nginx/proxy;
  fastcgi_temp_path $BENCH/nginx/fastcgi;
  uwsgi_temp_path $BENCH/nginx/uwsgi;
  scgi_temp_path $BENCH/nginx/scgi;
  upstream dossier { server 127.0.0.1:8082; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://dossier;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
NGINX
  nginx -p "$BENCH/nginx" -c "$BENCH/nginx/nginx.conf" >"$BENCH/nginx/logs/stdout.log" 2>&1 &
  NGINX_PID=$!
  for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/$NGINX_PORT) 2>/dev/null && break; sleep 0.2; done
  NGINX_URL="http://127.0.0.1:$NGINX_PORT"
  say "nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') on $NGINX_URL in front of dossier-service"
else
  say "no nginx binary (Debian: apt-get install nginx-light): its column says \"not installed\""
fi

MEM=$(awk '/^MemTotal:/ { printf "%.1f GB", $2 / 1024 / 1024 }' /proc/meminfo)
cat >"$BENCH/bench.properties" <<PROPS
date=$(date -u +%Y-%m-%dT%H:%MZ)
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' 2>/dev/null || echo ' (with uncommitted changes)')
cores=$(nproc)
memory=$MEM
load=load average $(cut -d' ' -f1-3 /proc/loadavg) at the start (shared with other builds: compare ratios, not absolute figures)
jvm=EGOV_JVM_PROFILE=production: -XX:+UseG1GC, full JIT (no TieredStopAtLevel), heaps as ./egov up sets them, class-data sharing archives (decision 69)
rate.limits=off for the run (GATEWAY_RATE_LIMITS_ENABLED=false)
step.seconds=$STEP_SECONDS
warmup.seconds=$WARMUP_SECONDS
connections=8,32
seeded=$SEED dossiers (birth registrations submitted through the API); lookups cycle through them
db.url=jdbc:postgresql://127.0.0.1:15432/dossier
db.user=egov
db.password=egov-dev
direct.url=http://127.0.0.1:8082
gateway.url=http://127.0.0.1:8080
nginx.url=$NGINX_URL
pss=$PSS
pss.processes=$PROCESSES (launchers, JVMs, PostgreSQL, Kafka's broker, Keycloak)
up.seconds=$UP
up.local.seconds=$UP_LOCAL
gatling.report=benchmarks/target/bench/gatling/ (index.html of the newest run)
not.measured=$([[ -z "$SCALE" ]] && echo "scale at 10 k and 1 M dossiers (./egov bench --scale)" || echo nothing)
PROPS

# each simulation is a Gatling run of its own (its own HTML report); each writes its figures and the report again
run_simulation() {
  say "▶ $1 (Gatling; its charts go to $BENCH/gatling)"
  ./mvnw -B -o -Pbench -pl benchmarks verify -Dbench.simulations="vn.egov.bench.$1" 2>&1 \
    | tee -a "$BENCH/gatling.log" | grep --line-buffered -E '^bench|Please open the following file|ERROR|BUILD' || true
}
rm -f "$BENCH/scale.properties"
for simulation in $SIMULATIONS; do
  if [[ "$simulation" == ScaleSimulation ]]; then
    [[ -n "$SCALE" ]] || SCALE="10000 ${EGOV_BENCH_SCALE_MAX:-1000000}"
    for dossiers in $SCALE; do
      echo "scale.dossiers=$dossiers" >"$BENCH/scale.properties"
      run_simulation ScaleSimulation
    done
  else
    run_simulation "$simulation"
  fi
done
[[ -f "$BENCH/report.md" ]] || { say "no report; see $BENCH/gatling.log"; exit 1; }
say "done: $BENCH/report.md"
