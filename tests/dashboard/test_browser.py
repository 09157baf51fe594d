"""The Analyze page in a real browser: `streamlit run app.py` driven by Playwright in Chromium.

Uses Debian's Chromium (/usr/bin/chromium, installed by scripts/setup.sh), never a browser
downloaded by ``playwright install`` (fixtures in ``conftest.py``). The screenshots are kept
in the test's tmp_path. The whole coach's flow is ``test_flow_browser.py``.
"""

from __future__ import annotations

from playwright.sync_api import expect

from analyzer.report import analyze

WAIT_MS = 60_000


def test_uploaded_resume_renders_the_report_in_chromium(dashboard_server, browser, resume_pdf, taxonomy,
                                                       tmp_path):
    expected = analyze(resume_pdf, taxonomy=taxonomy).to_dict()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(dashboard_server.url)
    page.locator("input[type=file]").set_input_files(str(resume_pdf))

    score = f"{expected['readiness']['score']:g} / 100"
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(score, timeout=WAIT_MS)
    expect(page.get_by_text("Readiness of Casey Example")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible(timeout=WAIT_MS)
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)

    page.get_by_role("tab", name="Skills & evidence").click()
    first_skill = expected["skills"][0]["name"]
    cells = page.get_by_test_id("stTable").locator("td")
    expect(cells.filter(has_text=first_skill).first).to_have_text(first_skill)
    page.get_by_role("tab", name=f"Gaps ({len(expected['gaps'])})").click()
    top_gap = expected["gaps"][0]["name"]
    expect(page.get_by_text(f"1. {top_gap}", exact=False)).to_be_visible()
    page.screenshot(path=str(tmp_path / "gaps.png"), full_page=True)


def test_page_paints_before_spacy_is_loaded(dashboard_server, browser):
    """The title and the upload box come first; the matcher is compiled after (issue 7)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(dashboard_server.url)
    expect(page.locator("h1").first).to_have_text("jobready", timeout=WAIT_MS)
    expect(page.locator("input[type=file]")).to_be_attached()
    expect(page.get_by_text("Upload a résumé PDF in the sidebar")).to_be_visible(timeout=WAIT_MS)
