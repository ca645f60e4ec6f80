#!/usr/bin/env bash
# Load and fault test at England scale (issue 9). Starts its own throwaway cluster (with pg_stat_statements) and the
# app (Release, Production), loads the demo borough, adds the England-sized dataset (scripts/lib/england.sql), then:
#   1. for each map and gap endpoint: one connection for 15 s, giving the app's mean time per request beside
#      PostgreSQL's own time (planning + execution, from pg_stat_statements) for the queries those requests ran;
#   2. for each: 200 concurrent connections for 60 s with wrk: p50/p95/p99, requests/s and errors;
#   3. faults, during 45 s of 50 connections on the gap endpoint: PostgreSQL restarted (pg_ctl restart -m fast) at
#      10 s, then stopped at 25 s and started again 5 s later; requests are counted by status (a 503 is a clean
#      failure; any other 5xx or a dropped connection is not), and /health is polled every 0.25 s;
#   4. the reliability and security tests (scripts/test.sh, filtered): outage and recovery, interrupted imports,
#      property tests over the API, every form and the import parsers, text PostgreSQL cannot store, upload limits,
#      rate limits, headers, the role matrix.
# Fails if a run under load has any error, a fault causes anything but 503s (or the app has not recovered after it),
# or a test fails.
#   scripts/bench-load.sh            (about 15 minutes on 2 cores)
#   LOAD_SECONDS=20 scripts/bench-load.sh   (a shorter run)
#   SKIP_LOAD=1 scripts/bench-load.sh       (only the faults and the tests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgis.sh"
. "$root/scripts/lib/bench.sh"

data=${SOCIALINFRA_BENCH_PGDATA:-/var/tmp/socialinfra-bench-load-$(id -u)/pgdata}
port=${SOCIALINFRA_BENCH_PGPORT:-5437}
url=http://127.0.0.1:${SOCIALINFRA_BENCH_HTTP:-5093}
seconds=${LOAD_SECONDS:-60}
report="$root/scripts/lib/wrk-report.lua"

ensure_packages postgresql-15 postgresql-15-postgis-3 curl wrk
bench_cluster "$data" "$port"
psql_() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_ -qc "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" -c "ALTER SYSTEM SET max_connections = 150"
as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$data/log.txt" -w restart -m fast >/dev/null
psql_ -qc "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()" >/dev/null
psql_ -qc "CREATE DATABASE socialinfra"
psql_ -d socialinfra -qc "CREATE EXTENSION pg_stat_statements"

export ConnectionStrings__SocialInfra="Host=127.0.0.1;Port=$port;Username=postgres;Database=socialinfra;Maximum Pool Size=100"
export Logging__LogLevel__Default=Error
bench_start_app "$url"

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

failed=0
if [ -z "${SKIP_LOAD:-}" ]; then
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
  line=$(wrk -t2 -c200 -d"${seconds}s" --timeout 30s -s "$report" "$url$path" | tail -1)
  echo "$line"
  grep -q 'errors: connect 0, read 0, write 0, timeout 0, non-2xx 0' <<<"$line" || failed=1
done
fi

echo
echo "3. faults during 45 s of 50 connections on the gap endpoint: PostgreSQL restarted at 10 s, stopped at 25 s for 5 s:"
health_log=$(mktemp)
(
  started=$(date +%s.%N); last=""
  while true; do
    # The first "status" is the overall one; each check's follows.
    status=$(curl -s -m 2 "$url/health" | grep -o '"status":"[A-Za-z]*"' | head -1 | cut -d'"' -f4 || true)
    status=${status:-no answer}
    if [ "$status" != "$last" ]; then
      printf '    %5.2f s  /health %s\n' "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" "$status" >>"$health_log"
      last=$status
    fi
    sleep 0.25
  done
) &
poller=$!
(
  sleep 10; as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$data/log.txt" -w restart -m fast >/dev/null; echo "    (restarted at about 10 s)" >>"$health_log"
  sleep 14; as_postgres "$PG_BIN/pg_ctl" -D "$data" -w stop -m fast >/dev/null; echo "    (stopped at about 25 s)" >>"$health_log"
  sleep 5; start_cluster "$data" "$port"; echo "    (started at about 30 s)" >>"$health_log"
) &
restarter=$!
faults=$(WRK_COUNT_STATUS=1 wrk -t2 -c50 -d45s --timeout 30s -s "$report" "$url/api/gaps?lad=E08000150" | tail -2)
sed 's/^/    /' <<<"$faults"
grep -q 'errors: connect 0, read 0, write 0, timeout 0' <<<"$faults" || failed=1
grep -q 'other 5xx 0, other 0' <<<"$faults" || failed=1
wait "$restarter" || failed=1
sleep 1
kill "$poller" 2>/dev/null || true; wait "$poller" 2>/dev/null || true
cat "$health_log"; rm -f "$health_log"
after=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/gaps?lad=E08000150")
echo "    after the run: /api/gaps answers $after, with no restart of the app"
[ "$after" = 200 ] || failed=1

echo
echo "4. the reliability and security tests:"
# Without the benchmark's own settings: the tests start their own databases and apps.
env -u ConnectionStrings__SocialInfra -u Database__MigrateOnStartup -u DemoBorough__LoadOnStartup -u ASPNETCORE_ENVIRONMENT \
  -u Map__LocalAuthority -u Logging__LogLevel__Default bash "$root/scripts/test.sh" --filter "FullyQualifiedName~Resilience|FullyQualifiedName~Fuzz|FullyQualifiedName~InterruptedImport|FullyQualifiedName~UploadLimit|FullyQualifiedName~RateLimit|FullyQualifiedName~SecurityHeader|FullyQualifiedName~UnstorableText|FullyQualifiedName~AuthorisationMatrix" \
  >/tmp/socialinfra-bench-load-tests.log 2>&1 || failed=1
echo "    $(tail -1 /tmp/socialinfra-bench-load-tests.log)   (log: /tmp/socialinfra-bench-load-tests.log)"
if [ "$failed" -ne 0 ]; then
  echo "FAILED: see above"
  exit 1
fi
echo "all held"
