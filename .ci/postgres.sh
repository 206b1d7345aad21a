#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster.
#
#   bash .ci/postgres.sh ./mvnw -pl loyalty-core verify
#   bash .ci/postgres.sh bash          # a shell with LOYALTY_PG_* set; the cluster goes when it exits
#
# Installs PostgreSQL from Debian's packages when no server binaries are found (needs root and
# apt-get), creates a cluster in a temporary directory, starts it on a free port of 127.0.0.1,
# creates the database "loyalty" owned by the user "loyalty", exports
#
#   LOYALTY_PG_URL       jdbc:postgresql://127.0.0.1:<port>/loyalty
#   LOYALTY_PG_USER      loyalty
#   LOYALTY_PG_PASSWORD  a random password
#
# runs the command, then stops the server and deletes the directory, whatever the command did.
# The server refuses to run as root, so as root the cluster belongs to the "postgres" user.
# The cluster is for tests: fsync and synchronous_commit are off. With LOYALTY_PG_DURABLE=1 they
# keep PostgreSQL's defaults (on), so that benchmarks can measure commits that wait for the disk.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi

log() { echo "postgres.sh: $*" >&2; }

find_bin_dir() {
    local dir
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return 0
    fi
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
        return 0
    fi
    return 1
}

if ! BIN=$(find_bin_dir); then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        log "no PostgreSQL server binaries (pg_ctl, initdb) found; install PostgreSQL (Debian: apt-get install postgresql)"
        exit 1
    fi
    log "installing PostgreSQL from Debian's packages"
    # only the throwaway cluster below is wanted, not the package's default one
    mkdir -p /etc/postgresql-common
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
        echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    fi
    export DEBIAN_FRONTEND=noninteractive UCF_FORCE_CONFFOLD=1
    apt-get update -qq </dev/null
    apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
        postgresql </dev/null >/dev/null
    BIN=$(find_bin_dir) || { log "PostgreSQL was installed but pg_ctl was not found"; exit 1; }
fi
log "using $("$BIN/postgres" --version) from $BIN"

DIR=$(mktemp -d -t loyalty-pg.XXXXXX)
chmod 755 "$DIR"
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" --shell /bin/sh postgres
    chown postgres "$DIR"
    if command -v runuser >/dev/null 2>&1; then
        as_owner() { runuser -u postgres -- "$@"; }
    else
        as_owner() { su -s /bin/sh postgres -c "$(printf '%q ' "$@")"; }
    fi
else
    as_owner() { "$@"; }
fi

cleanup() {
    local code=$?
    if [ -f "$DIR/data/postmaster.pid" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
echo "$PASSWORD" > "$DIR/pwfile"
chmod 644 "$DIR/pwfile"
as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --pwfile="$DIR/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }

DURABILITY="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
if [ "${LOYALTY_PG_DURABLE:-}" = "1" ]; then
    DURABILITY=""
    log "durable cluster: fsync and synchronous_commit keep their defaults"
fi
started=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    PORT=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR $DURABILITY -c max_connections=200" \
        >/dev/null 2>&1; then
        started=yes
        break
    fi
    log "could not start on port $PORT (attempt $attempt)"
done
if [ -z "$started" ]; then
    cat "$DIR/server.log" >&2 || true
    exit 1
fi

as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d postgres <<SQL
CREATE ROLE loyalty LOGIN PASSWORD '$PASSWORD';
CREATE DATABASE loyalty OWNER loyalty;
SQL

export LOYALTY_PG_URL="jdbc:postgresql://127.0.0.1:$PORT/loyalty"
export LOYALTY_PG_USER=loyalty
export LOYALTY_PG_PASSWORD="$PASSWORD"
log "PostgreSQL is up: LOYALTY_PG_URL=$LOYALTY_PG_URL (user $LOYALTY_PG_USER)"

set +e
"$@"
status=$?
set -e
log "command exited with $status; stopping PostgreSQL"
exit "$status"
