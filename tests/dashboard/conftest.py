"""Fixtures for the dashboard's tests: a temporary workspace database and a live server.

``workspace_url`` (automatic) points ``DATABASE_URL`` at a fresh SQLite file in ``tmp_path``
(AppTest runs the app in this process, so the environment variable is what it reads).
``dashboard_server`` starts ``streamlit run app.py`` on a free 127.0.0.1 port with its own
home, cache and database, for the Playwright tests in Debian's Chromium.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dashboard import server


@pytest.fixture(autouse=True)
def workspace_url(tmp_path, monkeypatch) -> str:
    """``DATABASE_URL`` for every dashboard test: a new SQLite file under ``tmp_path``
    (never the coach's own workspace in the user's data directory)."""
    url = f"sqlite:///{tmp_path / 'workspace.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


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
    port = server.free_port()
    process = server.start(tmp_path, port, database_url=database_url)
    url = f"http://127.0.0.1:{port}"
    try:
        server.wait_until_up(url, process)
        yield Server(url, database_url)
    finally:
        server.stop(process)


@pytest.fixture
def browser():
    """Debian's Chromium (never a browser downloaded by ``playwright install``), headless."""
    from playwright.sync_api import sync_playwright

    assert server.CHROMIUM.exists(), (
        "Chromium is missing: install Debian's chromium package (bash scripts/setup.sh does it).")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(server.CHROMIUM), args=server.CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
