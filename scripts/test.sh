#!/usr/bin/env bash
# The test suite: install whatever is missing (Debian packages, .venv), then run pytest.
# Extra arguments go to pytest (e.g. tests/resume -q).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
