#!/bin/sh
# Writes a class-data sharing archive for a Playfield jar: a training run starts the node (a
# one-member cluster on 127.0.0.1, players in memory, so Hazelcast, the store and the gateway all
# load), waits for /ready, stops it with SIGTERM, and the JVM writes every class it loaded into
# ARCHIVE as it exits. A node started with -XX:SharedArchiveFile=ARCHIVE maps those classes instead
# of loading and verifying them again: on a 2-core machine its start took half the CPU time (3.1 s
# instead of 6.2 s, BENCHMARKS.md "Starting faster"), which is what a restarted node in a busy
# cluster waits for.
#
#   deploy/class-archive.sh target/playfield.jar target/playfield.jsa [java options...]
#   java -XX:SharedArchiveFile=target/playfield.jsa @config/jvm.options -jar target/playfield.jar
#
# The archive belongs to the jar and the JVM it was made with: after a rebuild or a JDK update the
# JVM says the archive does not match and starts without it (slower, nothing else changes), so make
# it again. Needs a POSIX shell and curl; uses ports 18480-18482 on 127.0.0.1 unless
# CLASS_ARCHIVE_PORT (and the two after it) says otherwise.
set -eu
jar="${1:?usage: class-archive.sh JAR ARCHIVE [java options...]}"
archive="${2:?usage: class-archive.sh JAR ARCHIVE [java options...]}"
shift 2
http_port="${CLASS_ARCHIVE_PORT:-18480}"
cluster_port=$((http_port + 1))
bus_port=$((http_port + 2))
rm -f "$archive"

PLAYFIELD_CLUSTER=true PLAYFIELD_CLUSTER_NAME="class-archive-$$" PLAYFIELD_CLUSTER_HOST=127.0.0.1 \
PLAYFIELD_CLUSTER_PORT="$cluster_port" PLAYFIELD_CLUSTER_MEMBERS="127.0.0.1:$cluster_port" \
PLAYFIELD_EVENTBUS_PORT="$bus_port" PLAYFIELD_HTTP_HOST=127.0.0.1 PLAYFIELD_HTTP_PORT="$http_port" \
PLAYFIELD_DATABASE_URL= PLAYFIELD_DATABASE_IN_MEMORY=true \
PLAYFIELD_AUTH_TOKEN_SECRET="class-archive-training-run-only-not-a-secret" PLAYFIELD_ADMIN_TOKEN= \
  java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=error "$@" -jar "$jar" &
node=$!

ready=false
tries=0
while [ "$tries" -lt 600 ]; do
  if curl -fsS -o /dev/null "http://127.0.0.1:$http_port/ready" 2>/dev/null; then ready=true; break; fi
  if ! kill -0 "$node" 2>/dev/null; then break; fi
  sleep 0.2
  tries=$((tries + 1))
done
kill -TERM "$node" 2>/dev/null || true
wait "$node" || true
if [ "$ready" != true ] || [ ! -s "$archive" ]; then
  echo "class-archive: the training run did not become ready or wrote no archive; see its output above" >&2
  exit 1
fi
echo "class-archive: wrote $archive for $jar"
