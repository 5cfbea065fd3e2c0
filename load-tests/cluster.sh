#!/usr/bin/env bash
# A local three-node Lanyard cluster on one PostgreSQL database, for the load generator.
#
#   load-tests/cluster.sh start    create the database if missing, start node1..node3, wait for /healthz
#   load-tests/cluster.sh stop     stop the nodes this script started (SIGTERM, then SIGKILL after 20 s)
#   load-tests/cluster.sh status   each node's pid and /healthz
#
# Node N listens on gRPC 74N0 and HTTP 74N1 (loopback), keeps its files in $CLUSTER_DIR/nodeN
# and its pid in $CLUSTER_DIR/nodeN.pid. Settings (environment):
#   PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) LANYARD_DB (lanyard_cluster)
#   CLUSTER_DIR (/tmp/lanyard-cluster) LANYARD_JAR (sts-server/target/lanyard-server.jar)
#   LOAD_JAR (load-tests/target/benchmarks.jar) JAVA (java)
#   JAVA_OPTS (-Xms512m -Xmx512m -XX:+UseTransparentHugePages -XX:+AlwaysPreTouch: a fixed heap on
#   huge pages, touched at start, which keeps the kernel's page sampling from stalling the nodes)
#   LANYARD_ISSUER (http://127.0.0.1:7411): the session-token issuer, the same on every node, so that
#   a token minted by one node is accepted by the others (each node's default is its own URL)
# All nodes share one key-encryption key ($CLUSTER_DIR/kek, made on first start), since they
# read each other's sealed secrets from the shared store. The root credentials are written by the
# first node to start: $CLUSTER_DIR/node1/root-credentials.json.
# Every node trusts the load generator's identity provider for the web-identity scenario: its key
# store and certificate are made once in $CLUSTER_DIR/idp (LoadGenerator --init-idp) and the nodes
# start with --oidc-ca-file $CLUSTER_DIR/idp/idp-ca.pem; run the generator with
# --idp-dir $CLUSTER_DIR/idp.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
DB="${LANYARD_DB:-lanyard_cluster}"
CLUSTER_DIR="${CLUSTER_DIR:-/tmp/lanyard-cluster}"
JAR="${LANYARD_JAR:-$ROOT/sts-server/target/lanyard-server.jar}"
LOAD_JAR="${LOAD_JAR:-$ROOT/load-tests/target/benchmarks.jar}"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseTransparentHugePages -XX:+AlwaysPreTouch}"
ISSUER="${LANYARD_ISSUER:-http://127.0.0.1:7411}"
NODES=(1 2 3)
STORE="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER"

grpc_port() { echo "74${1}0"; }
http_port() { echo "74${1}1"; }
pid_file() { echo "$CLUSTER_DIR/node$1.pid"; }

running() {
  local f; f="$(pid_file "$1")"
  [[ -f "$f" ]] && kill -0 "$(cat "$f")" 2>/dev/null
}

healthz() {
  curl -fsS --max-time 2 "http://127.0.0.1:$(http_port "$1")/healthz" 2>/dev/null
}

ensure_database() {
  if ! psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atc "select 1 from pg_database where datname='$DB'" | grep -q 1; then
    echo "creating database $DB"
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "create database \"$DB\""
  fi
}

ensure_kek() {
  local kek="$CLUSTER_DIR/kek"
  if [[ ! -f "$kek" ]]; then
    (umask 077; head -c 32 /dev/urandom | base64 -w0 > "$kek")
  fi
  chmod 600 "$kek"
}

# Creates the load generator's IdP in $CLUSTER_DIR/idp (or keeps the one there); sets IDP_CA.
ensure_idp() {
  [[ -f "$LOAD_JAR" ]] || { echo "no load generator jar at $LOAD_JAR; build it: mvn -B -o -q -pl load-tests -am package -DskipTests" >&2; exit 1; }
  IDP_CA="$("$JAVA" -cp "$LOAD_JAR" dev.lanyard.load.LoadGenerator --init-idp "$CLUSTER_DIR/idp")"
}

start() {
  [[ -f "$JAR" ]] || { echo "no server jar at $JAR; build it: mvn -B -o -q -pl sts-server -am package -DskipTests" >&2; exit 1; }
  mkdir -p "$CLUSTER_DIR"
  ensure_database
  ensure_kek
  ensure_idp
  for n in "${NODES[@]}"; do
    if running "$n"; then
      echo "node$n already running (pid $(cat "$(pid_file "$n")"))"
      continue
    fi
    local dir="$CLUSTER_DIR/node$n"
    mkdir -p "$dir"
    # shellcheck disable=SC2086
    nohup "$JAVA" $JAVA_OPTS -jar "$JAR" \
      --store "$STORE" --node-id "node$n" --kek-file "$CLUSTER_DIR/kek" --issuer "$ISSUER" \
      --oidc-ca-file "$IDP_CA" \
      --grpc-port "$(grpc_port "$n")" --http-port "$(http_port "$n")" \
      --data-dir "$dir" > "$dir/node.log" 2>&1 &
    echo $! > "$(pid_file "$n")"
    echo "node$n started (pid $!), gRPC 127.0.0.1:$(grpc_port "$n"), HTTP $(http_port "$n"), log $dir/node.log"
  done
  for n in "${NODES[@]}"; do
    local waited=0
    until healthz "$n" > /dev/null; do
      if ! running "$n"; then
        echo "node$n exited; last lines of its log:" >&2
        tail -20 "$CLUSTER_DIR/node$n/node.log" >&2
        exit 1
      fi
      if (( waited >= 120 )); then
        echo "node$n not healthy after 120 s" >&2
        exit 1
      fi
      sleep 1
      waited=$((waited + 1))
    done
    echo "node$n healthy: $(healthz "$n")"
  done
  local creds
  creds="$(ls "$CLUSTER_DIR"/node*/root-credentials.json 2>/dev/null | head -1 || true)"
  echo "targets: 127.0.0.1:7410,127.0.0.1:7420,127.0.0.1:7430"
  [[ -n "$creds" ]] && echo "root credentials: $creds"
  echo "web identity: --idp-dir $CLUSTER_DIR/idp (nodes trust $IDP_CA)"
  return 0
}

stop() {
  for n in "${NODES[@]}"; do
    local f; f="$(pid_file "$n")"
    if running "$n"; then
      kill -TERM "$(cat "$f")"
      echo "node$n: SIGTERM sent (pid $(cat "$f"))"
    fi
  done
  for n in "${NODES[@]}"; do
    local f; f="$(pid_file "$n")"
    local waited=0
    while running "$n" && (( waited < 20 )); do
      sleep 1
      waited=$((waited + 1))
    done
    if running "$n"; then
      kill -KILL "$(cat "$f")"
      echo "node$n: did not stop in 20 s; SIGKILL sent"
    fi
    rm -f "$f"
  done
  echo "stopped"
}

status() {
  for n in "${NODES[@]}"; do
    if running "$n"; then
      echo "node$n pid $(cat "$(pid_file "$n")"): $(healthz "$n" || echo 'no /healthz answer')"
    else
      echo "node$n not running"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
