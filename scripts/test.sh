#!/usr/bin/env bash
# Runs every test (unit, integration against a real PostGIS, browser tests in headless Chromium).
# On a fresh Debian machine with only the .NET SDK it installs PostGIS and Chromium first; the tests
# start their own throwaway PostgreSQL cluster. Ends with the line "N passed, N failed, N skipped".
#   Extra arguments go to dotnet test, e.g. scripts/test.sh --filter FullyQualifiedName~Api
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgis.sh"
cd "$root"

ensure_packages postgresql-15 postgresql-15-postgis-3 chromium

results="$root/TestResults"
rm -rf "$results"
use_test_clusters_folder tests

status=0
dotnet test "$root/SocialInfra.sln" -c Release --logger "trx" --results-directory "$results" "$@" || status=$?

# Neither xunit runner prints a plain summary, so count the TRX results of every test assembly.
read -r passed failed skipped < <(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
  END { printf "%d %d %d\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["notExecuted"] }')
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -ne 0 ] || [ "${failed:-0}" -ne 0 ] || [ "${passed:-0}" -eq 0 ]; then
  exit 1
fi
