"""The Match tab of the Analyze page, driven by AppTest: a real generated résumé PDF is
uploaded, a posting pasted (or a bad one uploaded), and the page must show what the library
computes for the same inputs."""

from __future__ import annotations

from pathlib import Path

from pdf_factory import build_resume_pdf
from streamlit.testing.v1 import AppTest

from analyzer.postings import parse_posting, posting_from_text
from analyzer.report.build import analyze

APP = Path(__file__).resolve().parents[2] / "app.py"
POSTING = """Backend Engineer (Python)
Requirements:
- Python and FastAPI
- PostgreSQL or MySQL
- Kafka
Nice to have:
- Docker is a plus
"""


def analyze_page(pdf: Path, posting_text: str | None = None, posting_file: tuple[str, bytes] | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    resume_box = next(u for u in at.get("file_uploader") if "résumé" in u.proto.label)
    resume_box.upload(pdf.name, pdf.read_bytes(), "application/pdf")
    if posting_text is not None:
        next(t for t in at.text_area if t.label.startswith("…or paste")).input(posting_text)
    if posting_file is not None:
        box = next(u for u in at.get("file_uploader") if "posting" in u.proto.label)
        box.upload(posting_file[0], posting_file[1], "text/plain")
    return at.run()


def text_of(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.caption, *at.subheader]).replace("\\", "")


def test_match_tab_shows_score_items_by_status_and_projects(tmp_path, taxonomy):
    pdf = build_resume_pdf(tmp_path / "casey.pdf")
    posting = parse_posting(posting_from_text(POSTING, name="pasted posting"), taxonomy)
    expected = analyze(pdf, taxonomy=taxonomy, posting=posting).to_dict()["match"]

    at = analyze_page(pdf, POSTING)
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Match" in [t.label for t in at.tabs]
    score = next(m for m in at.metric if m.label == "Match score")
    assert score.value == f"{expected['score']:g} / 100"
    required = next(m for m in at.metric if m.label == "Required met")
    assert required.value == f"{expected['required']['met']} of {expected['required']['total']}"
    shown = text_of(at)
    assert expected["formula"] in shown and "Second signal, not in the score" in shown
    # one expander per status present, each with its items and their evidence
    by_status: dict[str, list[str]] = {}
    for item in expected["items"]:
        by_status.setdefault(item["status"], []).append(item["name"])
    for status, names in by_status.items():
        title = {"missing": "Missing", "implied": "Implied", "listed": "Listed on the résumé",
                 "used": "Used in work or projects", "shown_in_code": "Shown in code"}[status]
        expander = next(e for e in at.expander if e.label == f"{title} · {len(names)}")
        table = expander.table[0].value
        assert sorted(table["Skill"]) == sorted(names)
        assert all(table["In the posting"].str.startswith("line "))
    kafka = next(i for i in expected["items"] if i["name"] == "Apache Kafka")
    assert kafka["status"] == "missing" and kafka["requirement"] == "required"
    for project in expected["projects"]:
        assert project["title"] in shown


def test_a_bad_posting_is_one_error_and_the_report_stays(tmp_path):
    pdf = build_resume_pdf(tmp_path / "casey.pdf")
    at = analyze_page(pdf, posting_file=("empty.txt", b""))
    assert not at.exception
    assert [e.value for e in at.error] == ["empty.txt is empty: paste the posting's text or pass a file that has it."]
    assert "Match" not in [t.label for t in at.tabs]
    assert any(m.label == "Readiness score" for m in at.metric)
