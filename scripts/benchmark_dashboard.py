"""First paint of the dashboard on a fresh server, measured in Debian's Chromium.

For each run: start ``streamlit run APP`` in a new process (so nothing is cached: no
imported spaCy, no compiled matcher), wait for its health endpoint, open the page in a
new headless Chromium and time, from the navigation until:

- **first paint**: the page shows content, i.e. the first ``h1`` heading is visible
  (before the fix the browser stays white while the script imports spaCy and compiles
  the taxonomy's matcher; after it the title and the upload box come first);
- **ready**: the hint "Upload a résumé PDF in the sidebar…" is visible: the page drew it
  after loading the taxonomy and compiling the spaCy matcher, so an upload is analysed at once.

With ``--cohort N`` it also times the Cohorts page with N stored reports (issue 10): a
workspace is filled with N candidates in one cohort (reports of generated résumés with
varied skills, made once and saved N times under different names), then, on a warm server,
the time from opening ``/cohorts`` until the page has finished its run (k-means grouping,
heat map and charts drawn).

Usage::

    python scripts/benchmark_dashboard.py            # 3 runs of app.py
    python scripts/benchmark_dashboard.py --app app.py --runs 5
    python scripts/benchmark_dashboard.py --runs 1 --cohort 200

Each run also times :data:`REFERENCE_APP`, a one-line Streamlit page, on its own fresh
server: the floor of any Streamlit dashboard on the machine. Prints one line per run and
the median of each figure (seconds). Uses
``/usr/bin/chromium`` with the project's usual flags; never a downloaded browser.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
from dashboard import server as dashboard_server

TIMEOUT_MS = 120_000
NOT_RUNNING = '[data-testid="stApp"][data-test-script-state="notRunning"]'  # the script run is over


def one_run(app: str, browser, context=None, port: int | None = None) -> tuple[float, float]:
    """(first paint, ready) in seconds for a fresh server.

    By default in a new browser context (nothing cached); with ``context`` and a fixed
    ``port``, in a browser that has opened the same address before (its HTTP cache holds
    Streamlit's scripts), as a coach's browser does when the server is started again.
    """
    port = port or dashboard_server.free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as home:
        server = dashboard_server.start(Path(home), port, app)
        try:
            dashboard_server.wait_until_up(url, server)
            page = (context or browser).new_page(
                **({} if context else {"viewport": {"width": 1400, "height": 1000}}))
            start = time.perf_counter()
            page.goto(url)
            page.locator("h1").first.wait_for(state="visible", timeout=TIMEOUT_MS)
            paint = time.perf_counter() - start
            page.get_by_text("Upload a résumé PDF in the sidebar").wait_for(state="visible", timeout=TIMEOUT_MS)
            ready = time.perf_counter() - start
            page.close()
            return paint, ready
        finally:
            dashboard_server.stop(server)


SKILL_LINES = (
    "Python, FastAPI, PostgreSQL, Docker", "Java, Spring Boot, MySQL, JUnit", "Node.js, Express, MongoDB, Jest",
    "Go, Gin, PostgreSQL, Kubernetes", "PHP, Laravel, MySQL, Redis", "Python, Django, Celery, RabbitMQ, AWS",
)


def fill_cohort(database_url: str, size: int, folder: Path) -> None:
    """``size`` candidates in cohort "Benchmark", one stored report each."""
    sys.path.insert(0, str(REPO_ROOT / "tests"))
    from pdf_factory import build_resume_pdf

    from analyzer.report import analyze
    from analyzer.workspace import open_workspace

    reports = []
    for n, skills in enumerate(SKILL_LINES):
        pdf = build_resume_pdf(folder / f"r{n}.pdf", sections=[
            ("Experience", ["**Developer, Example Ltd\tJan 2022 – Present",
                            f"• Built services with {skills} used by 2,000 people"]),
            ("Skills", [skills])])
        reports.append(analyze(pdf).to_dict())
    with open_workspace(database_url) as space:
        for n in range(size):
            space.save_report(f"Candidate {n + 1:03d}", reports[n % len(reports)], cohort="Benchmark")


def open_cohorts(page, url: str) -> float:
    """Seconds from opening /cohorts until its run is over (tabs drawn, status gone)."""
    start = time.perf_counter()
    page.goto(f"{url}/cohorts")
    page.get_by_role("tab", name="Similar candidates").wait_for(state="visible", timeout=TIMEOUT_MS)
    page.locator(NOT_RUNNING).wait_for(state="attached", timeout=TIMEOUT_MS)
    return time.perf_counter() - start


def cohort_load(app: str, browser, size: int) -> tuple[float, float]:
    """(first open, second open) of /cohorts in seconds, on a warm server with N stored reports.

    The second open reuses the analysis kept by ``st.cache_data`` while the cohort is unchanged.
    """
    port = dashboard_server.free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as home:
        fill_cohort(f"sqlite:///{home}/workspace.sqlite3", size, Path(home))
        server = dashboard_server.start(Path(home), port, app)
        try:
            dashboard_server.wait_until_up(url, server)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)  # warm up: the first run imports the analyzer
            page.locator("h1").first.wait_for(state="visible", timeout=TIMEOUT_MS)
            page.get_by_text("Upload a résumé PDF in the sidebar").wait_for(state="visible", timeout=TIMEOUT_MS)
            first = open_cohorts(page, url)
            again = open_cohorts(page, url)
            page.close()
            return first, again
        finally:
            dashboard_server.stop(server)


REFERENCE_APP = """import streamlit as st
st.title("jobready")
st.write("Upload a résumé PDF in the sidebar")
"""
"""The floor: a one-line Streamlit page with the same heading and hint. Its first paint is
what Streamlit and Chromium cost on this machine before any of our code runs."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default="app.py", help="the Streamlit script, relative to the repository")
    parser.add_argument("--runs", type=int, default=3, help="fresh servers to measure (default 3)")
    parser.add_argument("--returning", action="store_true",
                        help="also time first paint in a browser that opened jobready before")
    parser.add_argument("--cohort", type=int, default=0, metavar="N",
                        help="also time the Cohorts page with N stored reports")
    args = parser.parse_args()
    paints, readies, floors = [], [], []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as folder:
        reference = Path(folder) / "reference_app.py"
        reference.write_text(REFERENCE_APP, "utf-8")
        browser = p.chromium.launch(executable_path=str(dashboard_server.CHROMIUM),
                                     args=dashboard_server.CHROMIUM_ARGS)
        try:
            for run in range(1, args.runs + 1):  # the app and the floor alternate
                paint, ready = one_run(args.app, browser)
                paints.append(paint)
                readies.append(ready)
                floors.append(one_run(str(reference), browser)[0])
                print(f"run {run}: first paint {paint:.2f} s, ready {ready:.2f} s; "
                      f"one-line Streamlit page {floors[-1]:.2f} s", flush=True)
            if args.returning:
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                port = dashboard_server.free_port()
                one_run(args.app, browser, context, port)  # the first visit fills the cache
                again = [one_run(args.app, browser, context, port)[0] for _ in range(args.runs)]
                context.close()
                print(f"returning browser (cache from an earlier visit), fresh server, median of "
                      f"{args.runs}: first paint {statistics.median(again):.2f} s "
                      f"({' '.join(f'{t:.2f}' for t in again)})", flush=True)
            if args.cohort:
                loads = [cohort_load(args.app, browser, args.cohort) for _ in range(args.runs)]
                print(f"cohort page with {args.cohort} stored reports, median of {args.runs}: first open "
                      f"{statistics.median(f for f, _ in loads):.2f} s, again "
                      f"{statistics.median(a for _, a in loads):.2f} s", flush=True)
        finally:
            browser.close()
    print(f"median of {args.runs}: first paint {statistics.median(paints):.2f} s, "
          f"ready {statistics.median(readies):.2f} s; a one-line Streamlit page paints in "
          f"{statistics.median(floors):.2f} s (the floor)")


if __name__ == "__main__":
    main()
