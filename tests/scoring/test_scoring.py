"""Profile, readiness, gaps and project suggestions on the real taxonomy.

Evidence is built directly (no PDF) so each case states exactly what the candidate shows.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.evidence import STRENGTHS, Evidence
from analyzer.scoring.gaps import claim_gaps, find_gaps
from analyzer.scoring.profile import STRENGTH_FACTOR, build_profile, candidate_stack
from analyzer.scoring.projects import candidate_level, suggest_projects
from analyzer.scoring.readiness import score_readiness
from analyzer.taxonomy.loader import load_taxonomy

TAXONOMY = load_taxonomy()
TAXONOMY_PROJECTS = {p.id: p for p in TAXONOMY.projects}


def resume_ev(strength: str, text: str = "line", section: str = "work") -> Evidence:
    return Evidence(source="resume", strength=strength, text=text, section=section, page=1)


def code_ev(path: str = "requirements.txt") -> Evidence:
    return Evidence(source="github", strength="demonstrated", text=f"dependency in {path}",
                    repo="someone/api", path=path, url=f"https://github.com/someone/api/blob/main/{path}")


def profile_of(*pairs, code=False):
    return build_profile(pairs, TAXONOMY, code_examined=code)


def run(profile):
    readiness = score_readiness(profile, TAXONOMY)
    stack = candidate_stack(profile, TAXONOMY)
    gaps = find_gaps(readiness, profile, TAXONOMY, stack)
    return readiness, stack, gaps


@pytest.mark.parametrize(
    ("pairs", "group", "expected"),
    [
        # any-of: Spring Boot meets "a backend framework" without Django
        ([("java", resume_ev("applied")), ("spring_boot", resume_ev("applied"))], "backend_framework", 80),
        ([("django", resume_ev("quantified"))], "backend_framework", 90),
        ([("flask", resume_ev("listed", section="skills"))], "backend_framework", 50),
        ([("flask", code_ev())], "backend_framework", 100),
        # implied: PostgreSQL used in a bullet ⇒ the relational group via PostgreSQL itself
        ([("postgresql", resume_ev("applied"))], "relational_database", 80),
        ([], "relational_database", 0),
        # need: 2 — one soft skill is half the group
        ([("communication", resume_ev("applied"))], "soft_skills", 40),
        ([("communication", resume_ev("applied")), ("teamwork", resume_ev("applied"))], "soft_skills", 80),
    ],
)
def test_group_scores(pairs, group, expected):
    readiness, _, _ = run(profile_of(*pairs))
    assert readiness.group(group).score == expected


def test_implied_skill_takes_factor_of_its_source():
    profile = profile_of(("django", resume_ev("quantified")))
    python = profile.get("python")
    assert python is not None and python.status == "implied"
    assert python.implied_by == ("django",)
    assert python.factor == STRENGTH_FACTOR["quantified"]
    assert python.evidence == ()


def test_overall_is_the_weighted_mean_of_groups():
    readiness, _, _ = run(profile_of(("python", resume_ev("applied")), ("git", resume_ev("listed"))))
    total = sum(g.weight for g in readiness.groups)
    expected = sum(g.weight * g.score for g in readiness.groups) / total
    assert readiness.score == pytest.approx(expected, abs=0.05)
    assert 0 < readiness.score < 100
    assert "group weight" in readiness.formula


def test_gaps_are_ranked_and_explained():
    profile = profile_of(("python", resume_ev("applied")), ("git", resume_ev("listed", section="skills")))
    readiness, stack, gaps = run(profile)
    importances = [g.importance for g in gaps]
    assert importances == sorted(importances, reverse=True)
    by_id = {g.id: g for g in gaps}
    rel = by_id["relational_database"]
    assert rel.kind == "missing"
    group = next(g for g in TAXONOMY.groups if g.id == "relational_database")
    assert rel.reason == group.missing_reason
    assert rel.importance == pytest.approx(round(group.weight, 3), abs=0.001)
    # a Python candidate is pointed at the Python stack's database and framework
    assert rel.suggestions[0] == stack.database
    assert by_id["backend_framework"].suggestions[0] == "fastapi"
    # git listed only: a weak gap, with a reason that says so
    assert by_id["version_control"].kind == "weak"
    assert "only listed" in by_id["version_control"].reason
    assert "backend_language" not in by_id or by_id["backend_language"].kind != "missing"


def test_projects_close_gaps_in_the_candidates_stack():
    profile = profile_of(("python", resume_ev("applied")), ("fastapi", resume_ev("applied")))
    readiness, stack, gaps = run(profile)
    assert stack.language == "python" and stack.framework == "fastapi"
    picks = suggest_projects(gaps, stack, TAXONOMY, readiness.score)
    assert 1 <= len(picks) <= 3
    gap_ids = {g.id for g in gaps}
    closed = [c for p in picks for c in p.closes]
    assert set(closed) <= gap_ids
    assert len(closed) == len(set(closed)), "greedy cover must not count a gap twice"
    from analyzer.scoring.projects import CODE_GROUPS

    catalog = {p.id: p for p in TAXONOMY.projects}
    for pick in picks:
        is_code = not CODE_GROUPS.isdisjoint(catalog[pick.id].exercises)
        assert ("FastAPI" in pick.title) == is_code, pick.title
    assert all(p.why for p in picks)
    # the first pick closes the single most important gap or more value than any other
    assert gaps[0].id in closed


def test_java_candidate_gets_java_stack():
    profile = profile_of(("java", resume_ev("applied")), ("spring_boot", resume_ev("applied")),
                         ("mysql", resume_ev("applied")))
    _, stack, gaps = run(profile)
    assert (stack.language, stack.framework, stack.database) == ("java", "spring_boot", "mysql")
    assert "backend_framework" not in {g.id for g in gaps if g.kind == "missing"}


def test_claimed_vs_demonstrated():
    profile = profile_of(
        ("python", resume_ev("applied")), ("python", code_ev()),
        ("docker", resume_ev("listed", section="skills")),
        ("pytest", code_ev("tests/test_api.py")),
        code=True,
    )
    claims = claim_gaps(profile)
    assert claims.verified == ("python",)
    assert claims.claimed_only == ("docker",)
    assert claims.demonstrated_only == ("pytest",)
    assert claim_gaps(profile_of(("python", resume_ev("applied")))).claimed_only == ()


@pytest.mark.parametrize(("score", "level"), [(0, "beginner"), (39.9, "beginner"), (40, "intermediate"),
                                              (69.9, "intermediate"), (70, "advanced"), (100, "advanced")])
def test_candidate_level(score, level):
    assert candidate_level(score) == level


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(TAXONOMY.skills)), st.sampled_from(STRENGTHS)), max_size=25))
def test_scores_stay_in_range(picks):
    pairs = [(sid, code_ev() if strength == "demonstrated" else resume_ev(strength)) for sid, strength in picks]
    readiness, stack, gaps = run(profile_of(*pairs))
    assert 0 <= readiness.score <= 100
    assert all(0 <= g.score <= 100 for g in readiness.groups)
    assert all(0 <= g.importance <= 1 for g in gaps)
    assert all(g.reason for g in gaps)
    for pick in suggest_projects(gaps, stack, TAXONOMY, readiness.score):
        assert set(pick.closes) <= {g.id for g in gaps}


def test_claim_implied_by_code_is_verified():
    # Python on the résumé, Django in a repository: Django implies Python, so it is shown
    profile = profile_of(("python", resume_ev("applied")), ("django", code_ev()), code=True)
    assert profile.get("python").status == "verified"
    assert "python" not in claim_gaps(profile).claimed_only


def test_database_follows_theirs_but_relational_projects_stay_relational():
    profile = profile_of(("javascript", resume_ev("applied")), ("express", resume_ev("applied")),
                         ("mongodb", resume_ev("applied")))
    stack = candidate_stack(profile, TAXONOMY)
    assert (stack.language, stack.framework, stack.database) == ("javascript", "express", "mongodb")
    readiness, _, gaps = run(profile)
    picks = suggest_projects(gaps, stack, TAXONOMY, readiness.score, limit=10)
    relational = [p for p in picks if "relational_database" in TAXONOMY_PROJECTS[p.id].exercises]
    others = [p for p in picks if "relational_database" not in TAXONOMY_PROJECTS[p.id].exercises
              and "MongoDB" in p.stack]
    assert relational and all("PostgreSQL" in p.stack and "MongoDB" not in p.stack for p in relational)
    assert all("Express" in p.stack for p in relational + others)
    with_mysql = profile_of(("javascript", resume_ev("applied")), ("mysql", resume_ev("listed")))
    assert candidate_stack(with_mysql, TAXONOMY).database == "mysql"


def test_groups_only_a_resume_can_show_are_not_assessed_without_one():
    profile = build_profile([("python", code_ev()), ("flask", code_ev())], TAXONOMY,
                            code_examined=True, resume_examined=False)
    readiness, _, gaps = run(profile)
    soft = readiness.group("soft_skills")
    assert not soft.assessed and soft.explanation.startswith("Not assessed")
    assert "soft_skills" not in {g.id for g in gaps}
    counted = [g for g in readiness.groups if g.assessed]
    expected = sum(g.weight * g.score for g in counted) / sum(g.weight for g in counted)
    assert readiness.score == pytest.approx(expected, abs=0.05)
    # the same evidence with a résumé examined: soft skills count, and are missing
    with_resume = build_profile([("python", code_ev())], TAXONOMY, code_examined=True)
    assert score_readiness(with_resume, TAXONOMY).group("soft_skills").assessed
    assert claim_gaps(profile).demonstrated_only == ()  # nothing to compare without a résumé


def test_project_reason_names_the_level_honestly():
    profile = profile_of(("python", resume_ev("applied")))
    readiness, stack, gaps = run(profile)
    own = candidate_level(readiness.score)
    for pick in suggest_projects(gaps, stack, TAXONOMY, readiness.score):
        if pick.closes:
            assert ("suits" in pick.why) == (pick.difficulty == own), pick.why


@pytest.mark.parametrize("strength, api_score", [
    ("listed", 40.0),       # what a merely listed skill implies counts IMPLIED_FROM_LISTED
    ("applied", 80.0),      # implied from a skill used in a bullet: that skill's factor
    ("quantified", 90.0),
])
def test_implied_skill_factor_follows_its_source(strength, api_score):
    profile = profile_of(("express", resume_ev(strength, "Express", "skills" if strength == "listed" else "work")))
    readiness, _, _ = run(profile)
    api = next(g for g in readiness.groups if g.id == "api_style")
    assert api.score == api_score
    assert profile.get("express").factor == STRENGTH_FACTOR[strength]  # the skill itself is not cut
