"""Start the dashboard as a real server for browser tests and benchmarks.

:func:`start` runs ``streamlit run app.py`` on 127.0.0.1 with the project's flags, a private
home, HTTP cache and workspace database, and no GitHub token from the environment;
:func:`wait_until_up` polls Streamlit's health endpoint. Used by ``tests/dashboard`` and
``scripts/benchmark_dashboard.py``; the pages never import it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
"""Debian's Chromium (never a ``playwright install`` download) and its flags for headless runs."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(home: Path, port: int, app: str = "app.py", database_url: str | None = None) -> subprocess.Popen:
    """``streamlit run app`` on 127.0.0.1:``port``, its output in ``home/streamlit.log``.

    ``home`` holds the server's HOME, HTTP cache, data dir and, unless ``database_url`` is
    given, its SQLite workspace.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_TOKEN", "GITHUB_API_URL")}
    env.update(HOME=str(home), JOBREADY_CACHE_DIR=str(home / "cache"), XDG_DATA_HOME=str(home / "data"),
               DATABASE_URL=database_url or f"sqlite:///{home / 'workspace.sqlite3'}",
               PYTHONPATH=str(REPO_ROOT))
    command = [sys.executable, "-m", "streamlit", "run", app, "--server.address", "127.0.0.1",
               "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    with open(home / "streamlit.log", "w") as log:  # the child keeps its own copy of the file
        return subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_until_up(url: str, server: subprocess.Popen, timeout_s: float = 60) -> None:
    """Return once ``url`` answers its health check; raise RuntimeError if the server exits or
    does not answer within ``timeout_s`` seconds."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}: see streamlit.log in its home")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout_s:g} s")


def stop(server: subprocess.Popen) -> None:
    """Terminate the server, killing it if it does not stop within 10 s."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
