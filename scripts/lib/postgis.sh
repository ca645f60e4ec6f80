# Shared by run.sh and test.sh: install what a fresh Debian machine lacks, and run a project-local PostGIS cluster.
# PostgreSQL refuses to run as root, so as root the cluster runs as the postgres user.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
POSTGIS_CONTROL=/usr/share/postgresql/15/extension/postgis.control

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "Need root to run: $*" >&2; return 1
  fi
}

# ensure_packages PACKAGE...: apt-get installs the Debian packages that are missing.
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} (about a minute)..."
    as_root apt-get update -qq
    # Through env, because sudo resets the environment: no debconf prompt may wait on a hidden terminal.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# as_postgres COMMAND...: runs a PostgreSQL binary as the postgres user when we are root.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# start_cluster DATA_DIR PORT: creates the cluster on first use and starts it unless it is running.
# Sets CLUSTER_STARTED=1 when this call started it, so only the caller that started it stops it.
CLUSTER_STARTED=0
start_cluster() {
  local data=$1 port=$2
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    # Only the cluster's own folder changes hands; its parents stay as they are (they need only be traversable).
    if [ "$(id -u)" = 0 ]; then chown postgres: "$data"; fi
    chmod 700 "$data"
    as_postgres "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  fi
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$data/log.txt" -w \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1" start >/dev/null
    CLUSTER_STARTED=1
  fi
}

# stop_cluster DATA_DIR [MODE]: stops the cluster in that folder (never by process name).
stop_cluster() {
  as_postgres "$PG_BIN/pg_ctl" -D "$1" -m "${2:-fast}" stop >/dev/null 2>&1 || true
}

# A folder for the throwaway clusters the test fixtures start (SOCIALINFRA_TEST_TMP), removed on exit. The postgres
# user must be able to reach it, so it is not under a private home. A test process that was killed leaves its
# cluster running: each is stopped by its folder before the folder goes.
use_test_clusters_folder() {
  export SOCIALINFRA_TEST_TMP
  SOCIALINFRA_TEST_TMP=$(mktemp -d "/tmp/socialinfra-$1.XXXXXX")
  chmod 755 "$SOCIALINFRA_TEST_TMP"
  trap remove_test_clusters EXIT
}

remove_test_clusters() {
  for cluster in "$SOCIALINFRA_TEST_TMP"/pg-*; do
    [ -f "$cluster/PG_VERSION" ] && stop_cluster "$cluster" immediate
  done
  rm -rf "$SOCIALINFRA_TEST_TMP"
}
