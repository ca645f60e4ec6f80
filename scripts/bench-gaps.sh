#!/usr/bin/env bash
# Times gap analysis, as the gap page and /api/gaps ask for it:
#   1. the demo borough (17 wards, 110 LSOAs): composite, one category, one category with the two-step floating
#      catchment, and a what-if (median and 95th percentile of 30 requests each);
#   2. a generated England-sized dataset added beside it: 300 districts, 6,900 wards, 33,755 LSOAs and 200,000 places
#      (85% open) over a 2° × 1.38° block of Wales and the Marches, away from the demo borough. One district is timed
#      as above, then the full recompute: the composite of all 300 districts, one after the other.
# Starts its own throwaway cluster and the app (Release).
#   scripts/bench-gaps.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgis.sh"
. "$root/scripts/lib/bench.sh"

data=${SOCIALINFRA_BENCH_PGDATA:-/var/tmp/socialinfra-bench-gaps-$(id -u)/pgdata}
port=${SOCIALINFRA_BENCH_PGPORT:-5435}
url=http://127.0.0.1:${SOCIALINFRA_BENCH_HTTP:-5091}

ensure_packages postgresql-15 postgresql-15-postgis-3 curl
bench_cluster "$data" "$port"
psql_() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_ -qc "CREATE DATABASE socialinfra"

export ConnectionStrings__SocialInfra="Host=127.0.0.1;Port=$port;Username=postgres;Database=socialinfra"
bench_start_app "$url"

elapsed() { awk -v from="$1" -v to="$(date +%s.%N)" 'BEGIN { print to - from }'; }
report() { # label path
  printf '  %-62s %s\n' "$1" "$(time_ms "$url$2")"
}

echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GiB"
echo "demo borough (Barking and Dagenham):"
report "composite" "/api/gaps?lad=E09000002"
report "libraries" "/api/gaps?lad=E09000002&category=library"
report "libraries, capacity-aware (2SFCA)" "/api/gaps?lad=E09000002&category=library&accessibility=true"
report "libraries, what if one opened at 51.5500,0.1400" "/api/gaps?lad=E09000002&category=library&add=51.55,0.14"
report "gap page (/Gaps?category=library)" "/Gaps?category=library"

echo "generating the England-sized dataset..."
started=$(date +%s.%N)
psql_ -d socialinfra -q -f - < "$root/scripts/lib/england.sql"
printf 'generated in %.0f s: %s\n' "$(elapsed "$started")" \
  "$(psql_ -d socialinfra -tAc "SELECT (SELECT count(*) FROM \"Wards\") || ' wards, ' || (SELECT count(*) FROM \"Lsoas\") || ' LSOAs, ' || (SELECT count(*) FROM \"Places\") || ' places in the database'")"

echo "one generated district (E08000150, 23 wards):"
report "composite" "/api/gaps?lad=E08000150"
report "libraries" "/api/gaps?lad=E08000150&category=library"
report "libraries, capacity-aware (2SFCA)" "/api/gaps?lad=E08000150&category=library&accessibility=true"
echo "demo borough again, with 200,000 more places in the database:"
report "composite" "/api/gaps?lad=E09000002"

echo "full recompute: the composite of every generated district (6,900 wards), one request after another..."
started=$(date +%s.%N)
for d in $(seq 1 300); do
  curl -sf -o /dev/null "$url/api/gaps?lad=E08$(printf '%06d' "$d")"
done
printf '  %-62s %.1f s\n' "all 300 districts, composite" "$(elapsed "$started")"
started=$(date +%s.%N)
for d in $(seq 1 300); do
  curl -sf -o /dev/null "$url/api/gaps?lad=E08$(printf '%06d' "$d")&category=library&accessibility=true"
done
printf '  %-62s %.1f s\n' "all 300 districts, libraries with 2SFCA" "$(elapsed "$started")"
