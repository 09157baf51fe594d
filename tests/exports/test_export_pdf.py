"""The PDF export is a real PDF (WeasyPrint) whose text pdfplumber reads back."""

from __future__ import annotations

import io
import subprocess

import pdfplumber
import pytest
from pdf_factory import build_resume_pdf

from analyzer.exports import render_pdf
from analyzer.report.build import analyze

LONG_URL = "https://example.org/" + "a-very-long-path-segment/" * 12


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    pdf = build_resume_pdf(tmp_path_factory.mktemp("resume") / "casey.pdf")
    data = analyze(pdf).to_dict()
    data["gaps"][0]["resources"] = [{"title": "A resource with a long link", "url": LONG_URL}]
    return data


@pytest.fixture(scope="module")
def pages(report, taxonomy) -> list[dict]:
    data = render_pdf(report, notes=[{"text": "Keep going.", "created_at": "2026-12-01T10:00:00"}],
                      taxonomy=taxonomy)
    assert data.startswith(b"%PDF-")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [{"text": p.extract_text() or "", "width": p.width, "height": p.height,
                 "chars": [(c["x0"], c["x1"], c["top"], c["bottom"]) for c in p.chars]}
                for p in pdf.pages]


def test_the_pdf_text_holds_the_score_the_skills_and_the_notes(report, pages):
    text = "\n".join(p["text"] for p in pages)
    assert f"{report['readiness']['score']:g}" in text
    assert "Casey Example" in text
    for skill in report["skills"]:
        assert skill["name"] in text, skill["name"]
    for project in report["projects"]:
        assert project["title"].split(" —")[0] in text
    assert "Notes from your coach" in text and "Keep going." in text


def test_every_page_is_a4_with_a_page_number(pages):
    for number, page in enumerate(pages, start=1):
        assert round(page["width"]) == 595 and round(page["height"]) == 842  # A4 in points
        assert f"page {number} of {len(pages)}" in page["text"]


def test_no_text_runs_off_the_page(pages):
    """Long links and table cells wrap: every character lies inside the page's margins."""
    for page in pages:
        assert page["chars"]
        for x0, x1, top, bottom in page["chars"]:
            assert 0 < x0 and x1 < page["width"] and 0 < top and bottom < page["height"]


def test_the_long_link_wraps_instead_of_being_cut(report, pages):
    text = "".join(p["text"].replace("\n", "") for p in pages)
    assert LONG_URL in text


def test_redacted_pdf_has_no_contacts(report, taxonomy):
    data = render_pdf(report, redact=True, taxonomy=taxonomy)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert report["candidate"]["email"] not in text
    assert report["candidate"]["phone"] not in text
    assert "github.com/casey-example" not in text
    assert "Casey Example" in text


def test_the_pages_render_to_png(report, taxonomy, tmp_path):
    """pdftoppm (poppler-utils, installed by scripts/setup.sh) reads every page."""
    (tmp_path / "r.pdf").write_bytes(render_pdf(report, taxonomy=taxonomy))
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(tmp_path / "r.pdf"), str(tmp_path / "p")],
                   check=True, timeout=60)
    images = sorted(tmp_path.glob("p-*.png"))
    assert images and all(i.read_bytes().startswith(b"\x89PNG") for i in images)
