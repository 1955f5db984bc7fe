#!/usr/bin/env bash
# A worker-run ingest, by hand (docs/operations.md): a real `prefect server`, the csi-process pool,
# `prefect deploy --name ingest-news`, one run of it over the bundled sample site on loopback, and
# `prefect worker start --run-once`. Prints the stored job variables, where the run's tasks ran and its runs row.
# Everything lives in a temporary directory (its own PREFECT_HOME, warehouse and free ports).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/csi-worker-check.XXXX")
export PREFECT_HOME=$WORK/prefect PREFECT_SERVER_ANALYTICS_ENABLED=false DO_NOT_TRACK=1 PREFECT_UI_ENABLED=false
PORT=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.venv/bin/prefect server start --host 127.0.0.1 --port "$PORT" > "$WORK/server.log" 2>&1 &
SERVER=$!
SITE=
trap 'kill $SERVER $SITE 2> /dev/null || true' EXIT
export PREFECT_API_URL=http://127.0.0.1:$PORT/api
until curl -sf "$PREFECT_API_URL/health" > /dev/null; do sleep 1; done
.venv/bin/prefect work-pool create csi-process --type process > /dev/null
CSI_HOME=$(pwd) .venv/bin/prefect --no-prompt deploy --name ingest-news > "$WORK/deploy.log" 2>&1
.venv/bin/python -c "
import time
from csi.sample_site import serve_site
with serve_site() as base:
    open('$WORK/base', 'w').write(base)
    time.sleep(3600)" &
SITE=$!
until [ -s "$WORK/base" ]; do sleep 0.5; done
.venv/bin/prefect deployment inspect ingest/ingest-news | grep job_variables
.venv/bin/prefect deployment run ingest/ingest-news --param sources_file="$(pwd)/csi/samples/sources.toml" \
    --param base_url="$(cat "$WORK/base")" --param db="$WORK/csi.duckdb" > /dev/null
START=$(date +%s)
CSI_HOME=$(pwd) .venv/bin/prefect worker start --pool csi-process --run-once > "$WORK/worker.log" 2>&1
echo "worker --run-once: $(( $(date +%s) - START )) s"
grep -E "tasks run on|Task run 'parse|Flow run .* Finished in state" "$WORK/worker.log" | sed -E 's/^[0-9:.]+ \| //'
.venv/bin/python -c "
import duckdb
con = duckdb.connect('$WORK/csi.snapshot.duckdb', read_only=True)
print(con.execute(\"SELECT flow, state, counts->>'\$.documents_this_run' FROM runs\").fetchall())"
echo "logs in $WORK"
