"""HTML, Markdown and JSON exports of a real report: escaping, redaction, notes, resources.

The report comes from the real pipeline run on a PDF the test writes (fpdf2), with contact
details in the header and in a work bullet, and markup in the résumé's text.
"""

from __future__ import annotations

import base64
import copy
import json
import re

import jsonschema
import markupsafe
import pytest
from pdf_factory import build_resume_pdf

from analyzer.exports import export_report, redact_report, render_html
from analyzer.report.build import analyze, report_schema

EMAIL = "casey@example.org"
PHONE = "+44 20 7946 0958"
SECTIONS = (
    ("Experience", (
        "**Backend Developer, Acme Cloud\tMar 2021 – Present",
        "• Built a billing API in Python and FastAPI used by 3 teams <script>alert(1)</script>",
        "• Wrote the runbook at https://wiki.acme.example/billing and answered casey@example.org",
        "• Cut database load by 30% with Redis caching",
    )),
    ("Skills", ("Python, FastAPI, Django, PostgreSQL, Redis, Docker, Git",)),
    ("Education", ("BSc Computer Science, Example University",)),
)
NOTE = {"text": "Good progress <b>since</b> June.\nCall me: +44 20 7946 0958.",
        "created_at": "2026-11-30T09:00:00+00:00"}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    pdf = build_resume_pdf(tmp_path_factory.mktemp("resume") / "casey.pdf", SECTIONS)
    data = analyze(pdf).to_dict()
    data["repositories"] = [{  # as a GitHub read would add it
        "source": "github", "name": "casey-example/billing-api",
        "url": "https://github.com/casey-example/billing-api", "description": "Billing API",
        "stack": ["python"], "evidence": [], "checks": [], "warnings": []}]
    return data


def test_the_report_holds_what_the_tests_look_for(report):
    assert report["candidate"]["email"] == EMAIL
    assert report["candidate"]["phone"] == PHONE
    assert report["candidate"]["github"] == "casey-example"
    texts = [e["text"] for s in report["skills"] for e in s["evidence"]]
    assert any("<script>" in t for t in texts)


def test_html_has_the_sections_a_candidate_reads(report, taxonomy):
    page = render_html(report, taxonomy=taxonomy)
    for heading in ("Readiness", "Gaps, most important first", "Projects to build next",
                    "Skills and the evidence for them"):
        assert f">{heading}</h2>" in page
    assert "Casey Example" in page
    assert f"<strong>{report['readiness']['score']:g}</strong>" in page
    for skill in report["skills"]:
        assert skill["name"] in page
    for gap in report["gaps"]:
        assert str(markupsafe.escape(gap["reason"])) in page
    for project in report["projects"]:
        assert project["title"] in page
    assert taxonomy.categories[report["skills"][0]["category"]] in page


def test_the_chart_is_an_inlined_matplotlib_svg_with_every_group(report, taxonomy):
    page = render_html(report, taxonomy=taxonomy)
    encoded = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', page).group(1)
    svg = base64.b64decode(encoded).decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "Matplotlib" in svg
    for group in report["readiness"]["groups"]:
        first_word = group["name"].split()[0]
        assert first_word in svg


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(2)>'
PLACES = {
    "candidate name": lambda r: r["candidate"].update(name=HOSTILE),
    "evidence text": lambda r: r["skills"][0]["evidence"][0].update(text=HOSTILE),
    "gap reason": lambda r: r["gaps"][0].update(reason=HOSTILE),
    "project title": lambda r: r["projects"][0].update(title=HOSTILE),
    "check detail": lambda r: r["checks"][0].update(detail=HOSTILE),
    "warning": lambda r: r["warnings"].append(HOSTILE),
    "resource title": lambda r: r["gaps"][0].update(resources=[{"title": HOSTILE, "url": "https://a.example"}]),
}


@pytest.mark.parametrize("place", sorted(PLACES))
def test_hostile_strings_are_escaped(report, taxonomy, place):
    data = copy.deepcopy(report)
    PLACES[place](data)
    page = render_html(data, taxonomy=taxonomy)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_markup_in_the_resume_and_in_notes_stays_text(report, taxonomy):
    page = render_html(report, notes=[NOTE], taxonomy=taxonomy)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Good progress &lt;b&gt;since&lt;/b&gt; June." in page
    assert "<script>" not in page and "<b>since" not in page


def test_a_javascript_resource_link_is_not_a_link(report, taxonomy):
    data = copy.deepcopy(report)
    data["gaps"][0]["resources"] = [{"title": "Click", "url": "javascript:alert(1)"},
                                    {"title": "MDN Web Docs", "url": "https://developer.mozilla.org/",
                                     "kind": "documentation"}]
    page = render_html(data, taxonomy=taxonomy)
    assert 'href="javascript' not in page
    assert '<a href="https://developer.mozilla.org/">MDN Web Docs</a>' in page
    assert "Where to learn it" in page and "documentation" in page


def test_resources_are_left_out_when_the_report_has_none(report, taxonomy):
    data = copy.deepcopy(report)
    for gap in data["gaps"]:  # reports of schema 1.1 carry resources per gap; an older one has none
        gap.pop("resources", None)
    assert "Where to learn it" not in render_html(data, taxonomy=taxonomy)


CONTACTS = (EMAIL, PHONE, "github.com/casey-example", "wiki.acme.example", "casey-example/billing-api")


@pytest.mark.parametrize("fmt", ["html", "markdown", "json"])
def test_redaction_leaves_out_email_phone_and_links_everywhere(report, taxonomy, fmt):
    plain = export_report(report, fmt, notes=[NOTE], taxonomy=taxonomy).decode("utf-8")
    for item in (EMAIL, PHONE, "github.com/casey-example"):
        assert item in plain, item
    redacted = export_report(report, fmt, notes=[NOTE], redact=True, taxonomy=taxonomy).decode("utf-8")
    for item in CONTACTS:
        assert item not in redacted, item
    # the only links left are the public learning resources of the taxonomy, never the candidate's
    public = {r.url.rstrip("/") for r in taxonomy.resources if r.url}
    left = {u.rstrip("/.,;") for u in re.findall(r"https?://[^\s\"'<>)\]]+", redacted)}
    assert {u.rstrip("/") for u in left} <= public, left - public
    assert "[removed]" in redacted  # the bullet and the note stay, without the contacts
    assert "Cut database load by 30% with Redis caching" in redacted
    assert "billing-api" in redacted  # the repository stays, without its owner and link


def test_a_redacted_report_still_follows_the_schema_and_the_original_is_unchanged(report):
    before = copy.deepcopy(report)
    redacted = redact_report(report)
    jsonschema.validate(redacted, report_schema())
    assert report == before
    assert redacted["candidate"]["email"] is None and redacted["candidate"]["links"] == []
    assert redacted["readiness"] == report["readiness"]
    assert [s["id"] for s in redacted["skills"]] == [s["id"] for s in report["skills"]]


@pytest.mark.parametrize("fmt", ["html", "markdown", "json"])
@pytest.mark.parametrize("with_notes", [False, True])
def test_notes_only_when_chosen(report, taxonomy, fmt, with_notes):
    data = export_report(report, fmt, notes=[NOTE] if with_notes else None,
                         taxonomy=taxonomy).decode("utf-8")
    assert ("Good progress" in data) is with_notes
    assert ("Notes from your coach" in data) is (with_notes and fmt != "json")
    if fmt == "json":
        parsed = json.loads(data)
        assert ("notes" in parsed) is with_notes
        jsonschema.validate(parsed["report"] if with_notes else parsed, report_schema())


def test_markdown_export_is_the_report_renderer(report, taxonomy):
    from analyzer.report.markdown import render_markdown

    text = export_report(report, "markdown", taxonomy=taxonomy).decode("utf-8")
    assert text == render_markdown(report, taxonomy.categories).rstrip("\n") + "\n"


def test_a_posting_match_is_shown_when_present(report, taxonomy):
    data = copy.deepcopy(report)
    assert "Match with" not in render_html(data, taxonomy=taxonomy)
    data["match"] = {"title": "Backend Engineer at Parcel Co", "score": 61.5,
                     "formula": "required items weigh 2, nice to have 1",
                     "items": [{"id": "kafka", "name": "Kafka", "requirement": "required",
                                "status": "missing", "evidence": []},
                               {"id": "python", "name": "Python", "requirement": "nice_to_have",
                                "status": "used", "evidence": [{"text": "Built a billing API in Python"}]}]}
    page = render_html(data, taxonomy=taxonomy)
    assert "Match with Backend Engineer at Parcel Co" in page
    assert "61.5" in page and "Kafka" in page and "nice to have" in page


def test_an_unknown_format_is_refused(report):
    with pytest.raises(ValueError, match="Unknown export format 'docx'"):
        export_report(report, "docx")


def test_schema_1_1_parts_are_shown_when_present(report, taxonomy):
    """Seniority, resources in the taxonomy's shape and interview prompts (report schema 1.1)."""
    data = copy.deepcopy(report)
    data["interview_prompts"] = []
    assert "Be ready to talk about" not in render_html(data, taxonomy=taxonomy)
    data["candidate"].update(seniority="junior", seniority_reason="a junior engineer with 3 years of software work")
    data["gaps"][0]["resources"] = [{"id": "mdn", "name": "MDN Web Docs", "kind": "documentation",
                                     "url": "https://developer.mozilla.org/", "use": "reference for web APIs",
                                     "articles": ["a.md"]}]
    data["interview_prompts"] = [{"skill": "docker", "name": "Docker", "why": "Listed, never shown in use.",
                                  "questions": ["How do you keep an image small?", "What is a layer?"]}]
    page = render_html(data, taxonomy=taxonomy)
    assert "seniority: <strong>junior</strong>" in page and "3 years of software work" in page
    assert '<a href="https://developer.mozilla.org/">MDN Web Docs</a>' in page
    assert "(documentation)" in page and "reference for web APIs" in page
    assert "Be ready to talk about" in page and "How do you keep an image small?" in page
