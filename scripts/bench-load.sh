#!/usr/bin/env bash
# Load and fault test at England scale (issue 9). Starts its own throwaway cluster (with pg_stat_statements) and the
# app (Release, Production), loads the demo borough, adds the England-sized dataset (scripts/lib/england.sql), then:
#   1. for each map and gap endpoint: one connection for 15 s, giving the app's mean time per request beside
#      PostgreSQL's own time (planning + execution, from pg_stat_statements) for the queries those requests ran;
#   2. for each: 200 concurrent connections for 60 s with wrk: p50/p95/p99, requests/s and errors;
#   3. the fault: PostgreSQL restarted (pg_ctl restart -m fast) 10 s into a 40 s run of 50 connections; requests
#      are counted by status, and /health is polled every 0.25 s to show it leave and return to Healthy.
#   scripts/bench-load.sh            (about 10 minutes on 2 cores)
#   LOAD_SECONDS=20 scripts/bench-load.sh   (a shorter run)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgis.sh"

data=${SOCIALINFRA_BENCH_PGDATA:-/var/tmp/socialinfra-bench-load-$(id -u)/pgdata}
port=${SOCIALINFRA_BENCH_PGPORT:-5436}
url=http://127.0.0.1:${SOCIALINFRA_BENCH_HTTP:-5092}
seconds=${LOAD_SECONDS:-60}
report="$root/scripts/lib/wrk-report.lua"

ensure_packages postgresql-15 postgresql-15-postgis-3 curl wrk
rm -rf "$data"
start_cluster "$data" "$port"
app=""
cleanup() {
  if [ -n "$app" ]; then kill -TERM "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  stop_cluster "$data"
}
trap cleanup EXIT
psql_() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_ -qc "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" -c "ALTER SYSTEM SET max_connections = 150"
as_postgres "$PG_BIN/pg_ctl" -D "$data" -w restart -m fast >/dev/null
psql_ -qc "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()" >/dev/null
psql_ -qc "CREATE DATABASE socialinfra"
psql_ -d socialinfra -qc "CREATE EXTENSION pg_stat_statements"

export ConnectionStrings__SocialInfra="Host=127.0.0.1;Port=$port;Username=postgres;Database=socialinfra;Maximum Pool Size=100"
export Database__MigrateOnStartup=true DemoBorough__LoadOnStartup=true ASPNETCORE_ENVIRONMENT=Production Map__LocalAuthority=E09000002
export Logging__LogLevel__Default=Error
dotnet build "$root/src/SocialInfra.Web" -c Release -v quiet -nologo >/dev/null
(cd "$root/src/SocialInfra.Web" && exec dotnet bin/Release/net10.0/SocialInfra.Web.dll --urls "$url" >/dev/null) &
app=$!
for _ in $(seq 1 120); do curl -sf "$url/health" >/dev/null && break; sleep 0.5; done

echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GiB; wrk on loopback beside the app and PostgreSQL"
echo "generating the England-sized dataset..."
psql_ -d socialinfra -q -f - < "$root/scripts/lib/england.sql"
psql_ -d socialinfra -tAc "SELECT (SELECT count(*) FROM \"LocalAuthorities\") || ' districts, ' || (SELECT count(*) FROM \"Wards\") || ' wards, ' || (SELECT count(*) FROM \"Lsoas\") || ' LSOAs, ' || (SELECT count(*) FROM \"Places\") || ' places'"

declare -A endpoints=(
  ["map, clusters (zoom 13, ~1,500 places in view)"]="/api/places?bbox=-3.4,52.6,-3.2,52.7&zoom=13"
  ["map, points (zoom 16)"]="/api/places?bbox=-3.31,52.64,-3.29,52.65&zoom=16"
  ["gaps, composite of one district (23 wards)"]="/api/gaps?lad=E08000150"
  ["gaps, libraries with 2SFCA"]="/api/gaps?lad=E08000150&category=library&accessibility=true"
)
names=("map, clusters (zoom 13, ~1,500 places in view)" "map, points (zoom 16)" "gaps, composite of one district (23 wards)" "gaps, libraries with 2SFCA")

for name in "${names[@]}"; do
  path=${endpoints[$name]}
  curl -sf -o /dev/null "$url$path" || { echo "$path failed"; exit 1; }
  for _ in $(seq 1 20); do curl -sf -o /dev/null "$url$path"; done
done

echo
echo "1. the app's time beside PostgreSQL's (one connection, 15 s each):"
for name in "${names[@]}"; do
  path=${endpoints[$name]}
  psql_ -d socialinfra -qtAc "SELECT pg_stat_statements_reset()" >/dev/null
  line=$(wrk -t1 -c1 -d15s -s "$report" "$url$path" | tail -1)
  requests=$(sed -E 's/^requests ([0-9]+).*/\1/' <<<"$line")
  app_ms=$(sed -E 's/.*mean ([0-9.]+) ms.*/\1/' <<<"$line")
  sql_ms=$(psql_ -d socialinfra -tAc "SELECT round((sum(total_plan_time + total_exec_time) / $requests)::numeric, 3) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'")
  printf '  %-48s app %7.2f ms   SQL %7.2f ms   app/SQL %.2f   (%s requests)\n' "$name" "$app_ms" "$sql_ms" \
    "$(awk -v a="$app_ms" -v s="$sql_ms" 'BEGIN { print a / s }')" "$requests"
done

echo
echo "2. 200 concurrent connections for $seconds s each:"
for name in "${names[@]}"; do
  path=${endpoints[$name]}
  printf '  %s\n    ' "$name"
  wrk -t2 -c200 -d"${seconds}s" --timeout 30s -s "$report" "$url$path" | tail -1
done

echo
echo "3. PostgreSQL restarted 10 s into 40 s of 50 connections on the gap endpoint:"
health_log=$(mktemp)
(
  started=$(date +%s.%N); last=""
  while true; do
    status=$(curl -s -m 2 "$url/health" | sed -nE 's/.*"status":"([A-Za-z]+)".*/\1/p' | head -1)
    status=${status:-no answer}
    if [ "$status" != "$last" ]; then
      printf '    %5.2f s  /health %s\n' "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" "$status" >>"$health_log"
      last=$status
    fi
    sleep 0.25
  done
) &
poller=$!
(sleep 10; as_postgres "$PG_BIN/pg_ctl" -D "$data" -w restart -m fast >/dev/null; echo "    (restarted at about 10 s)" >>"$health_log") &
restarter=$!
WRK_COUNT_STATUS=1 wrk -t2 -c50 -d40s --timeout 30s -s "$report" "$url/api/gaps?lad=E08000150" | tail -2 | sed 's/^/    /'
wait "$restarter"
sleep 1
kill "$poller" 2>/dev/null || true; wait "$poller" 2>/dev/null || true
cat "$health_log"; rm -f "$health_log"
after=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/gaps?lad=E08000150")
echo "    after the run: /api/gaps answers $after, with no restart of the app"
