"""The dashboard in a real browser: `streamlit run app.py` driven by Playwright in Chromium.

Uses Debian's Chromium (/usr/bin/chromium, installed by scripts/setup.sh), never a browser
downloaded by ``playwright install``. The screenshot is kept in the test's tmp_path.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from analyzer.report.build import analyze

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
START_TIMEOUT_S = 60


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


def server_environment(tmp_path: Path) -> dict[str, str]:
    """This environment minus any GitHub token, with a fresh home and cache in tmp_path."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_TOKEN", "GITHUB_API_URL")}
    return {**env, "HOME": str(tmp_path), "JOBREADY_CACHE_DIR": str(tmp_path / "cache")}


@pytest.fixture
def dashboard_url(tmp_path):
    """Start `streamlit run app.py` on a free 127.0.0.1 port; stop it after the test."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
               "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    server = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, env=server_environment(tmp_path))
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_uploaded_resume_renders_the_report_in_chromium(dashboard_url, resume_pdf, taxonomy, tmp_path):
    assert CHROMIUM.exists() or shutil.which("chromium"), (
        "Chromium is missing: install Debian's chromium package (bash scripts/setup.sh does it).")
    expected = analyze(resume_pdf, taxonomy=taxonomy).to_dict()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(dashboard_url)
            page.locator("input[type=file]").set_input_files(str(resume_pdf))

            score = f"{expected['readiness']['score']:g} / 100"
            expect(page.get_by_test_id("stMetricValue").first).to_have_text(score, timeout=60_000)
            expect(page.get_by_text("Readiness of Casey Example")).to_be_visible()
            expect(page.locator("[data-testid=stVegaLiteChart]")).to_be_visible()
            page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)

            page.get_by_role("tab", name="Skills & evidence").click()
            first_skill = expected["skills"][0]["name"]  # row 1: always rendered by the grid
            cells = page.get_by_test_id("stDataFrame").locator("td")
            expect(cells.filter(has_text=first_skill).first).to_have_text(first_skill)
            page.get_by_role("tab", name=f"Gaps ({len(expected['gaps'])})").click()
            top_gap = expected["gaps"][0]["name"]
            expect(page.get_by_text(f"1. {top_gap}", exact=False)).to_be_visible()
            page.screenshot(path=str(tmp_path / "gaps.png"), full_page=True)
        finally:
            browser.close()
