"""Cohort analysis on report dicts: common gaps, the matrix, groups of similar candidates,
the cohort against its postings; and the whole view through a real workspace."""

from __future__ import annotations

import pytest

from analyzer.workspace import open_workspace
from analyzer.workspace.cohort import (
    TargetPosting,
    analyze_cohort,
    common_gaps,
    group_matrix,
    posting_fit,
    similar_groups,
    target_posting,
)


def report(skills: dict[str, float], gaps=(), groups=(), score=50.0) -> dict:
    return {
        "schema_version": "1.0",
        "skills": [{"id": s, "name": s.replace("_", " ").title(), "factor": f}
                   for s, f in skills.items()],
        "readiness": {"score": score, "level": "beginner", "groups": [
            {"id": g, "name": g.title(), "score": v, "assessed": v is not None}
            for g, v in groups]},
        "gaps": [{"id": g, "name": g.title(), "kind": "missing", "importance": 1.0} for g in gaps],
    }


JAVA = {"java": 0.8, "spring": 0.8, "mysql": 0.5, "maven": 0.5}
NODE = {"javascript": 0.8, "node_js": 0.8, "express": 0.8, "mongodb": 0.5}
PYTHON = {"python": 0.8, "django": 0.8, "postgresql": 0.5, "pytest": 0.5}


def cohort_of_three_stacks() -> dict[str, dict]:
    people = {}
    for stack, base in (("java", JAVA), ("node", NODE), ("python", PYTHON)):
        for n in range(3):
            skills = dict(base)
            skills["git"] = 0.5  # everybody has Git: it must not name a group
            if n == 2:
                skills[f"extra_{stack}"] = 0.5
            people[f"{stack.title()} {n}"] = report(skills)
    return people


def test_three_stacks_make_three_groups_named_by_their_stack():
    grouping = similar_groups(cohort_of_three_stacks())
    assert len(grouping.groups) == 3
    assert grouping.silhouette is not None and grouping.silhouette > 0.5
    by_members = {frozenset(g.candidates): g for g in grouping.groups}
    java = by_members[frozenset({"Java 0", "Java 1", "Java 2"})]
    assert {sid for sid, _ in java.distinctive} <= set(JAVA)
    assert "Git" not in java.label and java.label.split(", ")[0] in {"Java", "Spring"}
    assert grouping.structure in ("strong", "reasonable")


def test_grouping_is_repeatable():
    people = cohort_of_three_stacks()
    assert similar_groups(people, seed=0) == similar_groups(people, seed=0)


@pytest.mark.parametrize("people, groups, structure", [
    ({}, 0, "no candidates"),
    ({"A": report(JAVA), "B": report(NODE)}, 1, "too few candidates"),
    ({"A": report(JAVA), "B": report(JAVA), "C": report(JAVA)}, 1, "identical skills"),
    ({"A": report({}), "B": report({}), "C": report({})}, 1, "identical skills"),
])
def test_small_or_uniform_cohorts_are_one_group(people, groups, structure):
    grouping = similar_groups(people)
    assert len(grouping.groups) == groups and grouping.structure == structure
    assert grouping.silhouette is None


def test_common_gaps_most_shared_first():
    people = {"A": report({}, gaps=["sql", "cloud"]), "B": report({}, gaps=["cloud"]),
              "C": report({}, gaps=["cloud", "testing"])}
    gaps = common_gaps(people)
    assert [(g.id, g.count) for g in gaps] == [("cloud", 3), ("sql", 1), ("testing", 1)]
    assert gaps[0].share == 1.0 and gaps[0].candidates == ("A", "B", "C")
    markdown = analyze_cohort("x", people).to_markdown()
    assert "- Cloud: 3 of 3 (3 missing): A, B, C" in markdown


def test_matrix_rows_and_columns():
    people = {"Bea": report({}, groups=[("api", 80.0), ("sql", None)]),
              "al": report({}, groups=[("api", 40.0), ("sql", 50.0)])}
    matrix = group_matrix(people)
    assert matrix.groups == (("api", "Api"), ("sql", "Sql"))
    assert matrix.candidates == ("al", "Bea")
    assert matrix.scores == ((40.0, 50.0), (80.0, None))


def test_target_posting_reads_issue_9_json_with_alternatives():
    parsed = {"skills": [
        {"id": "java", "name": "Java", "requirement": "required", "any_of": 1},
        {"id": "kotlin", "name": "Kotlin", "requirement": "nice_to_have", "any_of": 1},
        {"id": "postgresql", "name": "PostgreSQL", "requirement": "required", "any_of": None},
        {"id": "docker", "name": "Docker", "requirement": "nice_to_have", "any_of": None},
    ]}
    posting = target_posting("Backend", parsed, id=7)
    # an either-or group is required when any member is
    assert posting.required == (("java", "kotlin"), ("postgresql",))
    assert posting.nice_to_have == (("docker",),)
    assert target_posting("Plain", {"required": ["go"], "nice_to_have": ["aws"]}).required == \
        (("go",),)
    assert target_posting("Empty", None).required == ()


def test_posting_fit_scores_like_the_posting_match():
    people = {"Java 0": report(JAVA), "Node 0": report(NODE), "Python 0": report(PYTHON)}
    posting = TargetPosting("Java backend", required=(("java", "kotlin"), ("docker",)),
                            nice_to_have=(("mysql",),), names={"docker": "Docker"})
    fit = posting_fit(people, [posting])[0]
    # Java 0: (2 × (0.8 + 0) + 1 × 0.5) / (2 × 2 + 1 × 1) = 0.42, a match score of 42
    assert fit.ranking[0] == ("Java 0", 0.42)
    assert sorted(fit.ranking[1:]) == [("Node 0", 0.0), ("Python 0", 0.0)]
    # names from the reports, else the id
    assert fit.lacking == (("Docker", 1.0), ("Java or kotlin", 0.667))
    assert "2 × Σ required credits" in fit.formula


def test_the_cohort_view_through_a_workspace(tmp_path):
    with open_workspace(f"sqlite:///{tmp_path / 'w.sqlite3'}") as ws:
        for name, body in cohort_of_three_stacks().items():
            ws.save_report(name, body, cohort="Spring")
        ws.save_report("Java 0", report({**JAVA, "docker": 1.0}, score=70.0))  # newer
        ws.save_report("Outsider", report(JAVA))
        ws.add_posting("Spring", "Java backend", "Java, Docker.", {"required": ["java", "docker"]})
        view = ws.cohort("Spring")
    data = view.to_dict()
    assert [c["name"] for c in data["candidates"]] == sorted(
        cohort_of_three_stacks(), key=str.lower)
    java0 = next(c for c in data["candidates"] if c["name"] == "Java 0")
    assert java0["score"] == 70.0  # the latest report counts
    assert data["postings"][0]["ranking"][0] == {"candidate": "Java 0", "coverage": 0.9}
    assert {"common_gaps", "matrix", "groups"} <= set(data)
    assert "# Cohort Spring" in view.to_markdown()


def test_analyze_cohort_accepts_target_postings_directly():
    people = cohort_of_three_stacks()
    view = analyze_cohort("x", people, [TargetPosting("Go", (("go",),))])
    assert view.postings[0].lacking == (("go", 1.0),)
