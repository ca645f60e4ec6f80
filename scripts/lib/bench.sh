# Shared by the benchmarks that run the app over their own throwaway cluster (bench-map, bench-gaps, bench-networks,
# bench-load). Source after postgis.sh, with root set.

bench_app=""
bench_data=""

# bench_cleanup: stops the app, then the cluster (by its folder). Set as the EXIT trap by bench_cluster.
bench_cleanup() {
  if [ -n "$bench_app" ]; then kill -TERM "$bench_app" 2>/dev/null || true; wait "$bench_app" 2>/dev/null || true; fi
  if [ -n "$bench_data" ]; then stop_cluster "$bench_data"; fi
}

# bench_cluster DATA PORT: a new cluster in DATA (whatever was there is removed), stopped again when the script exits.
bench_cluster() {
  bench_data=$1
  rm -rf "$bench_data"
  start_cluster "$bench_data" "$2"
  trap bench_cleanup EXIT
}

# bench_start_app URL: builds the app (Release) and starts it at URL with the demo borough, over the database named by
# ConnectionStrings__SocialInfra (which the caller exports); returns when /health answers.
bench_start_app() {
  export Database__MigrateOnStartup=true DemoBorough__LoadOnStartup=true ASPNETCORE_ENVIRONMENT=Production Map__LocalAuthority=E09000002
  dotnet build "$root/src/SocialInfra.Web" -c Release -v quiet -nologo >/dev/null
  (cd "$root/src/SocialInfra.Web" && exec dotnet bin/Release/net10.0/SocialInfra.Web.dll --urls "$1" >/dev/null) &
  bench_app=$!
  for _ in $(seq 1 120); do curl -sf "$1/health" >/dev/null && return 0; sleep 0.5; done
  echo "the app did not answer $1/health within a minute" >&2
  return 1
}

# time_ms URL: the median and 95th percentile of 30 requests, after 3 to warm up.
time_ms() {
  for _ in 1 2 3; do curl -sf -o /dev/null "$1"; done
  for _ in $(seq 1 30); do curl -sf -o /dev/null -w '%{time_total}\n' "$1"; done | sort -n \
    | awk '{ t[NR] = $1 * 1000 } END { printf "median %7.1f ms   p95 %7.1f ms", t[int(NR / 2) + 1], t[int(NR * 0.95)] }'
}
