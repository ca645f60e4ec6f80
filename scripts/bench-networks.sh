#!/usr/bin/env bash
# Times the value-network pages over the demo borough, first with one small network, then with a generated load far
# beyond a borough's: 1,000 more organisations, 100 networks of 40 organisations and 10 places each, and 200 random
# relationships drawn in each (repeats dropped: about 13,300 kept). Median and 95th percentile of 30 requests each.
# Starts its own throwaway cluster and the app (Release).
#   scripts/bench-networks.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgis.sh"
. "$root/scripts/lib/bench.sh"

data=${SOCIALINFRA_BENCH_PGDATA:-/var/tmp/socialinfra-bench-networks-$(id -u)/pgdata}
port=${SOCIALINFRA_BENCH_PGPORT:-5436}
url=http://127.0.0.1:${SOCIALINFRA_BENCH_HTTP:-5092}

ensure_packages postgresql-15 postgresql-15-postgis-3 curl
bench_cluster "$data" "$port"
psql_() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -d socialinfra "$@"; }
as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE socialinfra"

export ConnectionStrings__SocialInfra="Host=127.0.0.1;Port=$port;Username=postgres;Database=socialinfra"
bench_start_app "$url"

row() { printf '  %-48s %s\n' "$1" "$(time_ms "$url$2")"; }
pages() {
  local network
  network=$(psql_ -Atc "SELECT \"NetworkId\" FROM \"NetworkMembers\" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
  row "/Networks (list, borough-wide figures)" "/Networks"
  row "/Networks/{id} (figures, graph, tables)" "/Networks/$network"
  row "/api/networks/{id} (map GeoJSON)" "/api/networks/$network"
  row "/Networks/Wards (connected provision)" "/Networks/Wards"
  row "/Gaps (composite, with connected provision)" "/Gaps"
  row "/Gaps/Ward/E05000036 (ward report)" "/Gaps/Ward/E05000036"
}

echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GiB"
# One small network: the council and three libraries, two relationships.
psql_ -q <<'SQL'
INSERT INTO "ValueNetworks" ("Id", "Name", "Values") VALUES ('00000000-0000-7000-8000-000000000001', 'Libraries Together', ARRAY['Trust']);
INSERT INTO "NetworkMembers" ("Id", "NetworkId", "OrganisationId")
  SELECT gen_random_uuid(), '00000000-0000-7000-8000-000000000001', "Id" FROM "Organisations" ORDER BY "Name" LIMIT 1;
INSERT INTO "NetworkMembers" ("Id", "NetworkId", "PlaceId")
  SELECT gen_random_uuid(), '00000000-0000-7000-8000-000000000001', "Id" FROM "Places" ORDER BY "Name" LIMIT 3;
INSERT INTO "NetworkRelationships" ("Id", "NetworkId", "FromMemberId", "ToMemberId", "Kind")
  SELECT gen_random_uuid(), o."NetworkId", o."Id", p."Id", 'Funding'
  FROM "NetworkMembers" o JOIN "NetworkMembers" p ON p."NetworkId" = o."NetworkId" AND p."PlaceId" IS NOT NULL
  WHERE o."OrganisationId" IS NOT NULL LIMIT 2;
SQL
echo "demo borough ($(psql_ -Atc 'SELECT count(*) FROM "Places"') places), one network of 4 members:"
pages

echo "generating 100 networks of 50 members, drawing 200 relationships in each..."
psql_ -q <<'SQL'
INSERT INTO "Organisations" ("Id", "Name", "Kind")
  SELECT gen_random_uuid(), 'Bench organisation ' || g, (ARRAY['Vcfse', 'Private', 'LocalAuthority', 'CommunityGroup', 'Health'])[1 + g % 5]
  FROM generate_series(1, 1000) AS g;
INSERT INTO "ValueNetworks" ("Id", "Name", "Values")
  SELECT gen_random_uuid(), 'Bench network ' || g, ARRAY['Participation'] FROM generate_series(1, 100) AS g;
INSERT INTO "NetworkMembers" ("Id", "NetworkId", "OrganisationId")
  SELECT gen_random_uuid(), n."Id", o."Id" FROM "ValueNetworks" AS n
  CROSS JOIN LATERAL (SELECT "Id" FROM "Organisations" WHERE "Name" LIKE 'Bench%' AND n."Id" IS NOT NULL ORDER BY random() LIMIT 40) AS o
  WHERE n."Name" LIKE 'Bench%';
INSERT INTO "NetworkMembers" ("Id", "NetworkId", "PlaceId")
  SELECT gen_random_uuid(), n."Id", p."Id" FROM "ValueNetworks" AS n
  CROSS JOIN LATERAL (SELECT "Id" FROM "Places" WHERE n."Id" IS NOT NULL ORDER BY random() LIMIT 10) AS p
  WHERE n."Name" LIKE 'Bench%';
INSERT INTO "NetworkRelationships" ("Id", "NetworkId", "FromMemberId", "ToMemberId", "Kind")
  SELECT gen_random_uuid(), n."Id", a."Id", b."Id", (ARRAY['Partnership', 'Funding', 'Referral', 'SharedSpace', 'Commissioning'])[1 + (random() * 4)::int]
  FROM "ValueNetworks" AS n
  CROSS JOIN LATERAL generate_series(1, 200) AS g
  CROSS JOIN LATERAL (SELECT "Id" FROM "NetworkMembers" WHERE "NetworkId" = n."Id" AND g > 0 ORDER BY random() LIMIT 1) AS a
  CROSS JOIN LATERAL (SELECT "Id" FROM "NetworkMembers" WHERE "NetworkId" = n."Id" AND "Id" <> a."Id" ORDER BY random() LIMIT 1) AS b
  WHERE n."Name" LIKE 'Bench%'
  ON CONFLICT DO NOTHING;
ANALYZE;
SQL
echo "with $(psql_ -Atc 'SELECT count(*) FROM "ValueNetworks"') networks, $(psql_ -Atc 'SELECT count(*) FROM "NetworkMembers"') members, $(psql_ -Atc 'SELECT count(*) FROM "NetworkRelationships"') relationships:"
pages
