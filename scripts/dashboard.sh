#!/usr/bin/env bash
# The main job on its embedded defaults: install whatever is missing, then serve the dashboard on
# http://127.0.0.1:8501 with the SQLite workspace in the user's data directory (DATABASE_URL
# selects another database). Extra arguments go to `streamlit run` (e.g. --server.port 8600).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/streamlit run app.py --server.address 127.0.0.1 --browser.gatherUsageStats false "$@"
