"""Fixtures for the dashboard's tests: a temporary workspace database and a live server.

``workspace_url`` (automatic) points ``DATABASE_URL`` at a fresh SQLite file in ``tmp_path``
(AppTest runs the app in this process, so the environment variable is what it reads).
``dashboard_server`` starts ``streamlit run app.py`` on a free 127.0.0.1 port with its own
home, cache and database, for the Playwright tests in Debian's Chromium.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
APP = REPO_ROOT / "app.py"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
START_TIMEOUT_S = 60


@pytest.fixture(autouse=True)
def workspace_url(tmp_path, monkeypatch) -> str:
    """``DATABASE_URL`` for every dashboard test: a new SQLite file under ``tmp_path``
    (never the coach's own workspace in the user's data directory)."""
    url = f"sqlite:///{tmp_path / 'workspace.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"streamlit exited with {server.returncode}: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"streamlit did not answer on {url} within {START_TIMEOUT_S} s")


@dataclass(frozen=True)
class Server:
    """A running dashboard: its URL and the database it writes to."""

    url: str
    database_url: str


@pytest.fixture
def dashboard_server(tmp_path) -> Server:
    """``streamlit run app.py`` on a free 127.0.0.1 port; stopped after the test.

    No GitHub token reaches it; home, HTTP cache and workspace database live in tmp_path.
    """
    database_url = f"sqlite:///{tmp_path / 'workspace.sqlite3'}"
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_TOKEN", "GITHUB_API_URL")}
    env.update(HOME=str(tmp_path), JOBREADY_CACHE_DIR=str(tmp_path / "cache"), DATABASE_URL=database_url)
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
               "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    server = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, server)
        yield Server(url, database_url)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def browser():
    """Debian's Chromium (never a browser downloaded by ``playwright install``), headless."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), (
        "Chromium is missing: install Debian's chromium package (bash scripts/setup.sh does it).")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
