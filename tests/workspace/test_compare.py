"""compare_reports: what changed between two report dicts (a pure function)."""

from __future__ import annotations

import pytest

from analyzer.workspace.compare import compare_reports

FACTOR = {"listed": 0.5, "applied": 0.8, "quantified": 0.9, "demonstrated": 1.0}


def skill(sid: str, strength: str = "listed", status: str = "claimed",
          factor: float | None = None) -> dict:
    return {"id": sid, "name": sid.replace("_", " ").title(), "status": status,
            "strength": None if status == "implied" else strength,
            "factor": factor if factor is not None else FACTOR[strength]}


def report(score=50.0, skills=(), groups=(), gaps=(), checks=()) -> dict:
    return {
        "schema_version": "1.0", "generated_at": "2027-03-01T09:00:00+00:00",
        "skills": list(skills),
        "readiness": {"score": score, "groups": [
            {"id": g, "name": g.title(), "score": s, "assessed": s is not None}
            for g, s in groups]},
        "gaps": [{"id": g, "name": g.title(), "kind": "missing", "reason": f"No {g}."}
                 for g in gaps],
        "checks": [{"id": c, "name": c.title(), "passed": ok, "detail": "", "advice": f"Fix {c}."}
                   for c, ok in checks],
    }


@pytest.mark.parametrize("before, after, field, expected", [
    # skills gained and lost
    (report(skills=[skill("python")]), report(skills=[skill("python"), skill("docker")]),
     "skills_gained", [("docker", None, "listed")]),
    (report(skills=[skill("python"), skill("php")]), report(skills=[skill("python")]),
     "skills_lost", [("php", "listed", None)]),
    # strength up and down; an implied skill reads as "implied"
    (report(skills=[skill("docker")]), report(skills=[skill("docker", "demonstrated")]),
     "skills_stronger", [("docker", "listed", "demonstrated")]),
    (report(skills=[skill("sql", "applied")]), report(skills=[skill("sql", status="implied",
                                                                    factor=0.5)]),
     "skills_weaker", [("sql", "applied", "implied")]),
    # the same skill with the same evidence is no change
    (report(skills=[skill("git")]), report(skills=[skill("git")]), "skills_stronger", []),
])
def test_skill_changes(before, after, field, expected):
    result = compare_reports(before, after)
    assert [(s.id, s.before, s.after) for s in getattr(result, field)] == expected


@pytest.mark.parametrize("before_groups, after_groups, up, down", [
    ([("api", 40.0), ("sql", 80.0)], [("api", 80.0), ("sql", 50.0)], ["api"], ["sql"]),
    ([("api", 40.0)], [("api", 40.0)], [], []),
    ([("api", 40.0)], [("api", 40.04)], [], []),  # below SCORE_STEP: rounding, not change
    ([("api", None)], [("api", 80.0)], [], []),  # not assessed before: no change to report
    ([("api", 10.0), ("sql", 0.0)], [("api", 30.0), ("sql", 60.0)], ["sql", "api"], []),
])
def test_group_changes(before_groups, after_groups, up, down):
    result = compare_reports(report(groups=before_groups), report(groups=after_groups))
    assert [g.id for g in result.groups_up] == up
    assert [g.id for g in result.groups_down] == down


def test_gaps_checks_and_score():
    before = report(40.0, gaps=["sql", "cloud"], checks=[("email", False), ("dates", True)])
    after = report(52.5, gaps=["cloud", "testing"], checks=[("email", True), ("dates", False)])
    result = compare_reports(before, after, labels=("report 1", "report 2"))
    assert [g.id for g in result.gaps_closed] == ["sql"]
    assert [g.id for g in result.gaps_opened] == ["testing"]
    assert [c.id for c in result.checks_fixed] == ["email"]
    assert [(c.id, c.detail) for c in result.checks_broken] == [("dates", "Fix dates.")]
    assert result.score_change == 12.5
    data = result.to_dict()
    assert data["score"] == {"before": 40.0, "after": 52.5, "change": 12.5}
    markdown = result.to_markdown()
    assert markdown.startswith("# What changed: report 1 → report 2")
    assert "(+12.5 points)" in markdown and "## Gaps closed\n\n- Sql" in markdown
    assert "## Checks broken\n\n- Dates: Fix dates." in markdown


def test_a_report_compared_with_itself_has_no_changes():
    same = report(61.0, skills=[skill("python", "applied")], groups=[("api", 80.0)],
                  gaps=["sql"], checks=[("email", True)])
    result = compare_reports(same, same)
    assert result.unchanged and result.score_change == 0
    assert "Nothing else changed." in result.to_markdown()


def test_missing_keys_read_as_empty():
    result = compare_reports({"schema_version": "0.9"}, report(30.0, skills=[skill("go")]))
    assert result.score_change is None and [s.id for s in result.skills_gained] == ["go"]
    assert "not scored in both reports" in result.to_markdown()


def test_compare_real_reports_both_ways(real_report):
    fewer = {**real_report, "skills": real_report["skills"][1:]}
    forward = compare_reports(fewer, real_report)
    backward = compare_reports(real_report, fewer)
    assert [s.id for s in forward.skills_gained] == [real_report["skills"][0]["id"]]
    assert [s.id for s in backward.skills_lost] == [real_report["skills"][0]["id"]]
