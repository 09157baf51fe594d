"""The workspace on a real SQLite file and a real PostgreSQL server (see conftest.py)."""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, inspect, text

from analyzer.errors import InputError, NotInWorkspaceError
from analyzer.workspace import open_workspace
from analyzer.workspace.privacy import drop_control_characters
from analyzer.workspace.storage import REDACTED, scrub_secrets

TOKEN = "ghp_" + "Zx9" * 12  # the shape of a classic personal access token


class Clock:
    """A clock that moves one minute per call, so history order is known."""

    def __init__(self) -> None:
        self.now = datetime(2027, 3, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def _report(score: float, *skills: str, gaps: tuple[str, ...] = ()) -> dict:
    """A small report dict in the shape of ``Report.to_dict()``."""
    return {
        "schema_version": "1.0", "generated_at": "2027-03-01T09:00:00+00:00",
        "taxonomy": {"version": 1, "sha256": "ab" * 32},
        "skills": [{"id": s, "name": s.title(), "status": "claimed", "strength": "listed",
                    "factor": 0.5, "evidence": []} for s in skills],
        "readiness": {"score": score, "groups": []},
        "gaps": [{"id": g, "name": g.title(), "kind": "missing", "importance": 1.0}
                 for g in gaps],
        "checks": [],
    }


@pytest.fixture
def ws(database_url):
    with open_workspace(database_url, clock=Clock()) as workspace:
        yield workspace


def _row_counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()
                    for t in inspect(conn).get_table_names() if t != "alembic_version"}
    finally:
        engine.dispose()


def test_a_real_report_round_trips(ws, real_report):
    report_id = ws.save_report("Casey Example", real_report, inputs={"resume": b"%PDF-1.4"})
    stored = ws.get_report(report_id)
    assert stored.report == real_report
    assert stored.candidate == "Casey Example"
    assert stored.score == real_report["readiness"]["score"]
    assert stored.schema_version == real_report["schema_version"]
    assert stored.taxonomy_sha256 == real_report["taxonomy"]["sha256"]
    assert stored.taxonomy_version == str(real_report["taxonomy"]["version"])
    # the digest of the input, not the input
    assert stored.inputs == {"resume": hashlib.sha256(b"%PDF-1.4").hexdigest()}
    assert stored.kept_file is None and ws.stored_file(report_id) is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**53, 2**53)
    | st.floats(allow_nan=False, allow_infinity=False, width=32) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=20)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(extra=json_values, name=st.text(min_size=1, max_size=40).filter(lambda s: drop_control_characters(s).strip()))
@example(extra={"k\x00": "a\x00b"}, name="Ada\x00 Lovelace")  # PostgreSQL text cannot hold NUL
def test_any_json_round_trips(ws, extra, name):
    report = _report(55.5, "python")
    report["extra"] = extra
    report_id = ws.save_report(name, report)
    stored = ws.get_report(report_id)
    assert stored.report == json.loads(json.dumps(scrub_secrets(report)))
    assert stored.candidate == " ".join(drop_control_characters(name).split())
    assert "\x00" not in stored.candidate


def test_history_is_oldest_first_and_candidates_show_the_latest(ws):
    first = ws.save_report("Ada", _report(40.0, "python"))
    second = ws.save_report("Ada", _report(55.0, "python", "sql"))
    ws.save_report("Grace", _report(70.0, "java"))
    history = ws.history("Ada")
    assert [h.id for h in history] == [first, second]
    assert [h.score for h in history] == [40.0, 55.0]
    assert history[0].created_at < history[1].created_at
    assert history[0].to_dict()["created_at"].startswith("2027-03-01T09:")
    people = {c.name: c for c in ws.candidates()}
    assert people["Ada"].reports == 2 and people["Ada"].latest_score == 55.0
    assert people["Ada"].latest_report_id == second
    assert people["Grace"].reports == 1
    assert set(ws.latest_reports()) == {"Ada", "Grace"}
    assert ws.latest_reports()["Ada"].id == second


def test_notes_tags_and_cohorts(ws):
    ws.save_report("Ada", _report(40.0, "python"), cohort="Spring")
    ws.save_report("Grace", _report(70.0, "java"))
    ws.add_note("Ada", "Practise SQL joins.")
    ws.add_note("Ada", "  Mock interview on Friday.  ")
    assert [n.text for n in ws.notes("Ada")] == ["Practise SQL joins.", "Mock interview on Friday."]
    ws.add_tag("Ada", "needs-sql")
    ws.add_tag("Ada", "needs-sql")  # twice is harmless
    ws.add_tag("Grace", "ready")
    assert ws.tags("Ada") == ["needs-sql"] and ws.tags() == ["needs-sql", "ready"]
    ws.remove_tag("Ada", "needs-sql")
    assert ws.tags("Ada") == []
    assert [c.name for c in ws.candidates(cohort="Spring")] == ["Ada"]
    ws.add_to_cohort("Grace", "Spring")
    assert [c.name for c in ws.candidates(cohort="Spring")] == ["Ada", "Grace"]
    ws.remove_from_cohort("Ada", "Spring")
    assert [c.name for c in ws.candidates(cohort="Spring")] == ["Grace"]
    assert [(c.name, c.candidates) for c in ws.cohorts()] == [("Spring", 1)]


def test_postings_belong_to_a_cohort(ws):
    parsed = {"skills": [{"id": "postgresql", "name": "PostgreSQL", "requirement": "required",
                          "any_of": None}]}
    posting_id = ws.add_posting("Spring", "Backend developer", "We need PostgreSQL.", parsed)
    ws.add_posting("Spring", "Platform engineer", "Kubernetes all day.")
    postings = ws.postings("Spring")
    assert [p.title for p in postings] == ["Backend developer", "Platform engineer"]
    assert postings[0].parsed == parsed and postings[1].parsed is None
    ws.delete_posting(posting_id)
    assert [p.title for p in ws.postings("Spring")] == ["Platform engineer"]


def test_delete_cascades_to_reports_notes_files_and_memberships(ws, database_url):
    for n in range(3):
        ws.save_report("Ada", _report(40.0 + n, "python"), cohort="Spring",
                       resume_file=b"%PDF-1.4 ada", resume_filename="ada.pdf")
    keep = ws.save_report("Grace", _report(70.0, "java"), cohort="Spring",
                          resume_file=b"%PDF-1.4 grace", resume_filename="grace.pdf")
    ws.add_note("Ada", "one")
    ws.add_note("Grace", "two")
    ws.add_tag("Ada", "needs-sql")
    before = _row_counts(database_url)
    deleted = ws.delete_candidate("Ada")
    assert (deleted.reports, deleted.notes, deleted.files) == (3, 1, 3)
    after = _row_counts(database_url)
    assert after == {**before, "candidates": 1, "reports": 1, "notes": 1, "stored_files": 1,
                     "candidate_tags": 0, "cohort_members": 1}
    assert ws.stored_file(keep) == ("grace.pdf", b"%PDF-1.4 grace")
    with pytest.raises(NotInWorkspaceError, match="no candidate named 'Ada'"):
        ws.history("Ada")
    assert [c.name for c in ws.candidates()] == ["Grace"]


def test_the_resume_file_is_kept_only_when_asked(ws, database_url):
    ws.save_report("Ada", _report(40.0), inputs={"resume": b"%PDF-1.4 secret file"})
    kept = ws.save_report("Ada", _report(41.0), resume_file=b"%PDF-1.4 kept",
                          resume_filename="ada.pdf")
    assert _row_counts(database_url)["stored_files"] == 1
    assert ws.stored_file(kept) == ("ada.pdf", b"%PDF-1.4 kept")
    assert [h.kept_file for h in ws.history("Ada")] == [None, "ada.pdf"]


@pytest.mark.parametrize("call, message", [
    (lambda ws: ws.get_report(999), "There is no report 999"),
    (lambda ws: ws.history("Nobody"), "no candidate named 'Nobody'"),
    (lambda ws: ws.add_note("Nobody", "hi"), "no candidate named 'Nobody'"),
    (lambda ws: ws.cohort("Nobody"), "no cohort named 'Nobody'"),
    (lambda ws: ws.postings("Nobody"), "no cohort named 'Nobody'"),
    (lambda ws: ws.delete_candidate("Nobody"), "no candidate named 'Nobody'"),
    (lambda ws: ws.save_report("   ", _report(1.0)), "candidate name is empty"),
    (lambda ws: ws.save_report("x" * 201, _report(1.0)), "at most 200"),
    (lambda ws: ws.add_posting("Spring", "Title", "  "), "posting text is empty"),
])
def test_bad_names_and_ids_are_one_sentence_input_errors(ws, call, message):
    ws.save_report("Ada", _report(40.0))
    with pytest.raises(InputError, match=message) as caught:
        call(ws)
    assert "\n" not in str(caught.value)


def test_a_failed_save_stores_nothing(ws, database_url):
    ws.save_report("Ada", _report(40.0))
    before = _row_counts(database_url)
    with pytest.raises(TypeError):
        ws.save_report("Grace", {"not": "a report"})
    broken = _report(50.0)
    broken["readiness"]["score"] = "not a number"
    with pytest.raises(ValueError):
        ws.save_report("Grace", broken, cohort="Spring")
    assert _row_counts(database_url) == before


def test_no_token_is_ever_stored(ws, database_url, real_report, monkeypatch, tmp_path):
    # a report made while a token was set, whose evidence happens to quote a token
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    report = copy.deepcopy(real_report)
    report["skills"][0]["evidence"].append(
        {"source": "repo", "strength": "demonstrated", "text": f"token = '{TOKEN}' in .env"})
    report["warnings"].append("github_pat_" + "A1b2" * 10 + " was found in a README")
    report_id = ws.save_report("Ada", report, inputs={"github": b"ada"})
    ws.add_note("Ada", f"Checked the repositories. Her token was {TOKEN} by mistake.")
    ws.add_posting("Spring", "Backend", f"Call the API with {TOKEN}.")
    stored = json.dumps(ws.get_report(report_id).report)
    assert TOKEN not in stored and "github_pat_" not in stored and REDACTED in stored
    # every text column of every table
    engine = create_engine(database_url)
    with engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f"SELECT * FROM {table}")):
                assert TOKEN not in repr(tuple(row)), table
    engine.dispose()
    # and the bytes of the SQLite file with its write-ahead log
    if database_url.startswith("sqlite"):
        files = list(Path(database_url.removeprefix("sqlite:///")).parent.glob("workspace.sqlite3*"))
        everything = b"".join(path.read_bytes() for path in files)
        assert b"Checked the repositories" in everything  # the grep reads the stored data
        assert TOKEN.encode() not in everything and b"github_pat_" not in everything


def test_scrub_secrets_reaches_keys_and_nested_values():
    value = {"a": [f"x {TOKEN} y", {TOKEN: 1}], "b": "secret-value-123"}
    assert scrub_secrets(value, ("secret-value-123",)) == {
        "a": [f"x {REDACTED} y", {REDACTED: 1}], "b": REDACTED}
