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

data=${SOCIALINFRA_BENCH_PGDATA:-/var/tmp/socialinfra-bench-gaps-$(id -u)/pgdata}
port=${SOCIALINFRA_BENCH_PGPORT:-5435}
url=http://127.0.0.1:${SOCIALINFRA_BENCH_HTTP:-5091}

ensure_packages postgresql-15 postgresql-15-postgis-3 curl
rm -rf "$data"
start_cluster "$data" "$port"
app=""
cleanup() {
  if [ -n "$app" ]; then kill -TERM "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  stop_cluster "$data"
}
trap cleanup EXIT
psql_() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_ -qc "CREATE DATABASE socialinfra"

export ConnectionStrings__SocialInfra="Host=127.0.0.1;Port=$port;Username=postgres;Database=socialinfra"
export Database__MigrateOnStartup=true DemoBorough__LoadOnStartup=true ASPNETCORE_ENVIRONMENT=Production Map__LocalAuthority=E09000002
dotnet build "$root/src/SocialInfra.Web" -c Release -v quiet -nologo >/dev/null
(cd "$root/src/SocialInfra.Web" && exec dotnet bin/Release/net10.0/SocialInfra.Web.dll --urls "$url" >/dev/null) &
app=$!
for _ in $(seq 1 120); do curl -sf "$url/health" >/dev/null && break; sleep 0.5; done

time_ms() { # url -> median and p95 of 30 requests, after 3 to warm up
  for _ in 1 2 3; do curl -sf -o /dev/null "$1"; done
  for _ in $(seq 1 30); do curl -sf -o /dev/null -w '%{time_total}\n' "$1"; done | sort -n \
    | awk '{ t[NR] = $1 * 1000 } END { printf "median %7.1f ms   p95 %7.1f ms", t[int(NR / 2) + 1], t[int(NR * 0.95)] }'
}
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
psql_ -d socialinfra -q <<'SQL'
SELECT setseed(0.42) AS seed \gset
INSERT INTO "LocalAuthorities" ("Code", "Name")
SELECT 'E08' || lpad(d::text, 6, '0'), 'Benchmark district ' || d FROM generate_series(1, 300) AS d;

-- 6,900 wards of 0.02° × 0.02° in 69 rows of 100, 23 to a district.
INSERT INTO "Wards" ("Code", "Name", "BoundaryYear", "LocalAuthorityCode", "Boundary", "ImdScore")
SELECT 'E05' || lpad((900000 + k)::text, 6, '0'), 'Benchmark ward ' || k, 2022,
       'E08' || lpad((k / 23 + 1)::text, 6, '0'),
       ST_Multi(ST_MakeEnvelope(-4 + (k % 100) * 0.02, 52 + (k / 100) * 0.02, -4 + (k % 100 + 1) * 0.02, 52 + (k / 100 + 1) * 0.02, 4326)),
       5 + random() * 55
FROM generate_series(0, 6899) AS k;

UPDATE "LocalAuthorities" AS a SET "Boundary" = (SELECT ST_Multi(ST_Union(w."Boundary")) FROM "Wards" AS w WHERE w."LocalAuthorityCode" = a."Code")
WHERE a."Code" LIKE 'E08%';

-- 33,755 LSOAs at random points, each assigned to the ward its point falls in.
INSERT INTO "Lsoas" ("Code", "Name", "Vintage", "LocalAuthorityCode", "Boundary", "ReferencePoint", "Population", "ImdScore", "WardId")
SELECT 'E01' || lpad((900000 + n)::text, 6, '0'), 'Benchmark LSOA ' || n, 2021, w."LocalAuthorityCode",
       ST_Multi(ST_Expand(p.pt, 0.001)), p.pt, 1000 + floor(random() * 2000)::int, 5 + random() * 55, w."Id"
FROM (SELECT n, ST_SetSRID(ST_MakePoint(-4 + random() * 2, 52 + random() * 1.38), 4326) AS pt FROM generate_series(1, 33755) AS n) AS p
JOIN "Wards" AS w ON w."Code" = 'E05' || lpad((900000 + least(floor((ST_X(p.pt) + 4) / 0.02), 99)::int
                                                + 100 * least(floor((ST_Y(p.pt) - 52) / 0.02), 68)::int)::text, 6, '0');

-- 200,000 places of the 14 physical categories, 85% open, half with a capacity.
INSERT INTO "Places" ("Id", "Name", "CategorySlug", "Ownership", "Permanence", "Activity", "Presence", "Location", "Capacity",
  "AccessibilityFeatures", "Provenance_Licence", "Provenance_RecordedAt", "Provenance_RecordedBy", "Provenance_Source", "Provenance_SourceId")
SELECT gen_random_uuid(), 'Benchmark place ' || n,
       (ARRAY['community-centre','library','park','playground','garden-allotment','market','place-of-worship','sports','youth',
              'cafe-pub','arts','education','health','social-care'])[1 + n % 14],
       'Public', 'Enduring', CASE WHEN random() < 0.85 THEN 'Active' ELSE 'Dormant' END, 'Physical',
       ST_SetSRID(ST_MakePoint(-4 + random() * 2, 52 + random() * 1.38), 4326),
       CASE WHEN n % 2 = 0 THEN 10 + floor(random() * 190)::int END,
       '{}', 'OGL-UK-3.0', now(), 'benchmark', 'benchmark', n::text
FROM generate_series(1, 200000) AS n;
VACUUM ANALYZE;
SQL
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
