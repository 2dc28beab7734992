#!/bin/bash
# Usage: cds-training.sh ARCHIVE JAR CONFIG
# One training run for AppCDS: starts the registry as the image does (with storage in a scratch directory, on
# loopback), waits until GET /v2/ answers 200, and stops it with SIGTERM. As the JVM exits it writes every class
# it loaded to ARCHIVE, so the image's later starts map them instead of loading, verifying and linking them again.
# No curl in the base image: bash's /dev/tcp sends the request.
set -euo pipefail
archive=$1 jar=$2 config=$3
storage=$(mktemp -d)

REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY=$storage REGISTRY_HTTP_ADDR=127.0.0.1:5000 \
  java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" serve "$config" &
registry=$!

answered=false
for _ in $(seq 300); do
  if (exec 3<>/dev/tcp/127.0.0.1/5000 \
      && printf 'GET /v2/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3 \
      && head -n 1 <&3 | grep -q ' 200 ') 2>/dev/null; then
    answered=true
    break
  fi
  sleep 0.1
done

kill -TERM "$registry"
wait "$registry" || true  # 143: stopped by SIGTERM, as intended
rm -rf "$storage"
if [ "$answered" != true ]; then
  echo "cds-training: the registry did not answer GET /v2/ within 30 s" >&2
  exit 1
fi
test -s "$archive"
