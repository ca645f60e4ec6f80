#!/usr/bin/env bash
# Runs SocialInfra with the demo borough (Barking and Dagenham) on http://localhost:5000.
# On a fresh Debian machine with only the .NET SDK it installs PostGIS, starts a project-local
# PostgreSQL cluster, applies the migrations and loads the demo data (again on every start: it is idempotent).
#   SOCIALINFRA_PGDATA  cluster folder   (default /var/tmp/socialinfra-$UID/pgdata, kept between runs)
#   SOCIALINFRA_PGPORT  cluster port     (default 5433)
#   SOCIALINFRA_URLS    where to listen  (default http://localhost:5000)
# With arguments it runs an app command against the same database instead, e.g. the first administrator:
#   scripts/run.sh create-admin --email you@council.gov.uk --name "Your Name"   (asks for the password)
# and "import" runs the import tool (src/SocialInfra.Cli) on a file, e.g.
#   scripts/run.sh import wards Wards_December_2022.geojson --la E09000002 --la-name "Barking and Dagenham"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgis.sh"

data=${SOCIALINFRA_PGDATA:-/var/tmp/socialinfra-$(id -u)/pgdata}
port=${SOCIALINFRA_PGPORT:-5433}
urls=${SOCIALINFRA_URLS:-http://localhost:5000}

ensure_packages postgresql-15 postgresql-15-postgis-3
start_cluster "$data" "$port"
if [ "$CLUSTER_STARTED" = 1 ]; then trap 'stop_cluster "$data"' EXIT; fi
as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'socialinfra'" | grep -q 1 \
  || as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres socialinfra

export ConnectionStrings__SocialInfra="Host=127.0.0.1;Port=$port;Username=postgres;Database=socialinfra"
export Database__MigrateOnStartup=true
export DemoBorough__LoadOnStartup=true
if [ "${1:-}" = import ]; then
  export DemoBorough__LoadOnStartup=false
  dotnet build "$root/src/SocialInfra.Cli" -c Release -v quiet -nologo
  shift
  dotnet "$root/src/SocialInfra.Cli/bin/Release/net10.0/socialinfra-import.dll" "$@"
  exit $?
fi
echo "SocialInfra: PostGIS on port $port ($data); the app will listen on $urls"
dotnet build "$root/src/SocialInfra.Web" -c Release -v quiet -nologo
# The app runs as a child that Ctrl+C or a TERM to this script shuts down cleanly; then the cluster stops.
cd "$root/src/SocialInfra.Web"
if [ $# -gt 0 ]; then
  dotnet "bin/Release/net10.0/SocialInfra.Web.dll" "$@"
  exit $?
fi
dotnet "bin/Release/net10.0/SocialInfra.Web.dll" --urls "$urls" &
app=$!
trap 'kill -TERM "$app" 2>/dev/null; wait "$app"; exit 130' INT TERM
wait "$app"
