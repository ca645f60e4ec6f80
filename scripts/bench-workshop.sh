#!/usr/bin/env bash
# The workshop load test as a benchmark: N participants (default 50) join a workshop on the app over loopback
# (Kestrel, Release build), connect to the live room over WebSockets, then all at once each adds four
# contributions and spends five dots one at a time. It fails if any contribution, dot or event is lost, and prints
# join time, throughput, request latency and how soon other phones hear of a new contribution.
#   scripts/bench-workshop.sh [participants]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgis.sh"
cd "$root"

ensure_packages postgresql-15 postgresql-15-postgis-3

use_test_clusters_folder bench

export SOCIALINFRA_WORKSHOP_PARTICIPANTS=${1:-50}
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
dotnet test "$root/tests/SocialInfra.Tests" -c Release --filter "FullyQualifiedName~Fifty_participants_adding_and_voting_at_once_lose_nothing" \
  --logger "console;verbosity=detailed" 2>&1 \
  | grep -E '^\s*(participants|join \+ connect|request latency|new contribution heard)|Passed|Failed' | sed 's/^ *//'
