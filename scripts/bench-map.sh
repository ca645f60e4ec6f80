#!/usr/bin/env bash
# Measures what the map asks of the places API with many places in the borough.
# Starts its own throwaway cluster and the app (Release), adds N synthetic places spread over
# Barking and Dagenham (default 50000; source "benchmark", so they are easy to tell apart), then
# times each request 30 times with curl and prints the median and 95th percentile in milliseconds.
#   scripts/bench-map.sh [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgis.sh"
. "$root/scripts/lib/bench.sh"

count=${1:-50000}
data=${SOCIALINFRA_BENCH_PGDATA:-/var/tmp/socialinfra-bench-$(id -u)/pgdata}
port=${SOCIALINFRA_BENCH_PGPORT:-5434}
url=http://127.0.0.1:${SOCIALINFRA_BENCH_HTTP:-5090}

ensure_packages postgresql-15 postgresql-15-postgis-3
bench_cluster "$data" "$port"
psql_() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_ -qc "CREATE DATABASE socialinfra"

export ConnectionStrings__SocialInfra="Host=127.0.0.1;Port=$port;Username=postgres;Database=socialinfra"
bench_start_app "$url"

# Points uniformly over the borough's bounding box, kept only where they fall inside a ward.
psql_ -d socialinfra -qc "
  INSERT INTO \"Places\" (\"Id\", \"Name\", \"CategorySlug\", \"Ownership\", \"Permanence\", \"Activity\", \"Presence\", \"Location\",
    \"AccessibilityFeatures\", \"Provenance_Licence\", \"Provenance_RecordedAt\", \"Provenance_RecordedBy\", \"Provenance_Source\", \"Provenance_SourceId\")
  SELECT gen_random_uuid(), 'Benchmark place ' || n, (ARRAY['community-centre','park','place-of-worship','cafe-pub','sports'])[1 + n % 5],
    (ARRAY['Public','Private','Community'])[1 + n % 3], 'Enduring', (ARRAY['Active','Active','Dormant'])[1 + n % 3], 'Physical',
    pt, '{}', 'OGL-UK-3.0', now(), 'benchmark', 'benchmark', n::text
  FROM (SELECT n, ST_SetSRID(ST_MakePoint(0.065 + random() * 0.125, 51.515 + random() * 0.08), 4326) AS pt FROM generate_series(1, $count * 2) AS n) AS s
  WHERE EXISTS (SELECT 1 FROM \"Wards\" w WHERE ST_Covers(w.\"Boundary\", s.pt))
  LIMIT $count;
  ANALYZE \"Places\";"
total=$(psql_ -d socialinfra -tAc 'SELECT count(*) FROM "Places"')

features() { curl -sf "$1" | grep -o '"type":"Feature"' | wc -l; }

borough="0.0640,51.5100,0.1900,51.6000"
echo "places in the database: $total ($(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
for request in \
  "/api/places?bbox=$borough&zoom=11" \
  "/api/places?bbox=$borough&zoom=13" \
  "/api/places?bbox=0.1300,51.5350,0.1500,51.5450&zoom=16" \
  "/api/places?bbox=0.1300,51.5350,0.1500,51.5450&zoom=16&category=park&activity=active" \
  "/api/places?bbox=0.1380,51.5390,0.1420,51.5410&zoom=18" \
  "/Map" \
  "/Map?near=Village"; do
  printf '%-86s %5s features   %s\n' "$request" "$(features "$url$request")" "$(time_ms "$url$request")"
done
