"""The coach's whole flow in a real browser: Playwright driving Debian's Chromium.

upload a résumé → save it to a new candidate → upload a second version → open the
candidate → see the history chart → compare the two reports → add a note → export the PDF.

A screenshot of each step is kept in ``tests/artifacts/flow/`` (git-ignored), named
``01-upload.png`` … ``08-export.png``, so a person can look at what the coach saw. The
expected scores come from the library run on the same PDFs; what was stored is read back
from the server's database through :mod:`analyzer.workspace`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from pdf_factory import DEFAULT_SECTIONS, build_resume_pdf
from playwright.sync_api import expect

from analyzer.report import analyze

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "flow"
WAIT_MS = 90_000
NOTE = "Discussed the CI/CD gap; next: deploy the billing API with a pipeline."

SECOND_VERSION = (
    ("Experience", (
        *DEFAULT_SECTIONS[0][1],
        "• Deployed the billing API to AWS with a GitHub Actions CI/CD pipeline",
    )),
    ("Skills", ("Python, FastAPI, Django, PostgreSQL, Redis, Docker, Git, AWS, GitHub Actions",)),
    DEFAULT_SECTIONS[2],
)


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    return ARTIFACTS


def settle(page) -> None:
    """Wait until the script run is over (the app root says its script is not running)."""
    page.wait_for_timeout(300)  # a rerun asked for by the last action may not have started yet
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
        state="attached", timeout=WAIT_MS)


def shot(page, folder: Path, name: str) -> None:
    settle(page)
    page.screenshot(path=str(folder / name), full_page=True)


def test_upload_save_compare_note_export(dashboard_server, browser, artifacts, tmp_path, taxonomy):
    first = build_resume_pdf(tmp_path / "casey-v1.pdf")
    second = build_resume_pdf(tmp_path / "casey-v2.pdf", sections=SECOND_VERSION)
    score_1 = analyze(first, taxonomy=taxonomy).readiness.score
    score_2 = analyze(second, taxonomy=taxonomy).readiness.score
    assert score_2 > score_1  # the second version adds cloud and CI/CD

    page = browser.new_page(viewport={"width": 1400, "height": 1700})
    page.goto(dashboard_server.url)
    expect(page.locator("h1").first).to_have_text("jobready", timeout=WAIT_MS)

    # 1. upload a résumé
    page.locator("input[type=file]").set_input_files(str(first))
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(f"{score_1:g} / 100", timeout=WAIT_MS)
    expect(page.get_by_role("tab", name="Overview")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible(timeout=WAIT_MS)
    shot(page, artifacts, "01-upload.png")

    # 2. save it to a new candidate (the name comes from the résumé)
    expect(page.get_by_label("New candidate's name", exact=True)).to_have_value("Casey Example",
                                                                                timeout=WAIT_MS)
    page.get_by_role("button", name="Save report").click()
    expect(page.get_by_text("Saved as report 1 of Casey Example.")).to_be_visible(timeout=WAIT_MS)
    shot(page, artifacts, "02-saved.png")

    # 3. upload a second version; it opens on the Overview tab and saves to the same candidate
    page.get_by_role("tab", name="Skills & evidence").click()
    page.locator("input[type=file]").set_input_files(str(second))
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(f"{score_2:g} / 100", timeout=WAIT_MS)
    expect(page.get_by_role("tab", name="Overview")).to_have_attribute("aria-selected", "true")
    page.get_by_role("button", name="Save report").click()
    expect(page.get_by_text("Saved as report 2 of Casey Example.")).to_be_visible(timeout=WAIT_MS)
    shot(page, artifacts, "03-second-version.png")

    # 4. open the candidate
    page.get_by_role("link", name="Open Casey Example").click()
    expect(page.locator("h1").first).to_have_text("Candidates", timeout=WAIT_MS)
    expect(page.get_by_role("heading", name="Casey Example")).to_be_visible(timeout=WAIT_MS)
    shot(page, artifacts, "04-candidate.png")

    # 5. see the history chart (two points: one per saved report)
    expect(page.get_by_text("Readiness over time")).to_be_visible(timeout=WAIT_MS)
    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart).to_be_visible(timeout=WAIT_MS)
    shot(page, artifacts, "05-history.png")

    # 6. compare the two reports
    page.get_by_role("tab", name="Compare").click()
    panel = page.get_by_role("tabpanel", name="Compare")
    change = round(score_2 - score_1, 1)
    expect(panel.get_by_text(f"{change:+g} points", exact=True)).to_be_visible(timeout=WAIT_MS)
    expect(panel.get_by_text("Report #1", exact=True)).to_be_visible()
    expect(panel.get_by_text("Skills gained")).to_be_visible()
    shot(page, artifacts, "06-compare.png")

    # 7. add a note
    page.get_by_role("tab", name="Notes").click()
    page.get_by_label("New note", exact=True).fill(NOTE)
    page.get_by_role("button", name="Add note").click()
    expect(page.get_by_text(NOTE)).to_be_visible(timeout=WAIT_MS)
    shot(page, artifacts, "07-note.png")

    # 8. export the PDF (with the note)
    page.get_by_role("tab", name="Export").click()
    page.get_by_role("button", name="Prepare the PDF").click()
    download_button = page.get_by_role("button", name="Download the PDF")
    expect(download_button).to_be_visible(timeout=WAIT_MS)
    with page.expect_download(timeout=WAIT_MS) as download:
        download_button.click()
    pdf = tmp_path / download.value.suggested_filename
    download.value.save_as(pdf)
    assert re.fullmatch(r"casey-example-report-2\.pdf", pdf.name)
    assert pdf.read_bytes().startswith(b"%PDF-")
    with pdfplumber.open(pdf) as document:
        words = " ".join((page_.extract_text() or "") for page_ in document.pages).split()
    assert " ".join(NOTE.split()[:4]) in " ".join(words)  # the coach's note is in the document
    shot(page, artifacts, "08-export.png")

    # what the coach did is in the database the server uses
    from analyzer.workspace import open_workspace

    with open_workspace(dashboard_server.database_url) as space:
        history = space.history("Casey Example")
        assert [e.score for e in history] == [score_1, score_2]
        assert [n.text for n in space.notes("Casey Example")] == [NOTE]
    assert sorted(p.name for p in artifacts.glob("*.png")) == [
        "01-upload.png", "02-saved.png", "03-second-version.png", "04-candidate.png",
        "05-history.png", "06-compare.png", "07-note.png", "08-export.png"]
