#!/usr/bin/env bash
# Install everything jobready needs, on a clean Debian machine or a developer's:
#   - Debian packages: chromium (the browser test drives it), fonts-dejavu-core (test PDFs
#     with ligatures use DejaVu Sans; the exports print in it), poppler-utils (pdftoppm, for
#     looking at PDFs), Pango, HarfBuzz and fontconfig (WeasyPrint's PDF export),
#     postgresql (the workspace tests start a throw-away server with its initdb/pg_ctl);
#   - a virtual environment in .venv with jobready and its dev extras.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# WeasyPrint (the PDF export) loads Pango, HarfBuzz and fontconfig at run time
for lib in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
           libharfbuzz-subset.so.0:libharfbuzz-subset0 libfontconfig.so.1:libfontconfig1; do
  ldconfig -p 2>/dev/null | grep -q "${lib%%:*}" || missing+=("${lib##*:}")
done
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Please install these Debian packages first: ${missing[*]}" >&2
    exit 1
  fi
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# reinstall only when pyproject.toml changed since the last install (a stamp holds its hash)
stamp=.venv/.jobready-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
  echo "$want" > "$stamp"
  echo "jobready is installed in .venv" >&2
fi
# byte-compile our own modules (only changed files are redone): where PYTHONDONTWRITEBYTECODE
# is set, Python would otherwise compile them again at every start of jobready
.venv/bin/python -m compileall -q analyzer dashboard app.py >/dev/null
