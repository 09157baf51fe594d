"""A gap's reason must be true: "nothing mentions X" only when nothing does (issue 7, §1).

Table-driven: each case is the evidence a résumé gave, the group, and words the reason must
(and must not) hold. Profiles are built with the real build_profile and scored for real.
"""

from __future__ import annotations

import pytest

from analyzer.evidence import Evidence
from analyzer.scoring.gaps import find_gaps
from analyzer.scoring.profile import build_profile, candidate_stack
from analyzer.scoring.readiness import score_readiness
from analyzer.taxonomy.loader import load_taxonomy

TAXONOMY = load_taxonomy()
GROUPS = {g.id: g for g in TAXONOMY.groups}


def ev(strength: str, section: str, text: str = "a line", detail: str | None = None) -> Evidence:
    return Evidence(source="resume", strength=strength, text=text, section=section, page=1,
                    detail=detail)


COURSE = ev("listed", "education", "Coursework: Databases, Operating Systems, Compilers, Cloud Computing (A)",
          'a course title ("Cloud Computing")')

CASES = [
    # (id, credited evidence, uncredited evidence, group, reason must contain, must not contain)
    ("nothing at all", [], [], "cloud_hosting",
     [GROUPS["cloud_hosting"].missing_reason], []),
    ("only a course title", [], [("cloud_computing", COURSE)], "cloud_hosting",
     ["Only a course title mentions it (\"Cloud Computing\")", "show it in a project"],
     ["No cloud platform"]),
    ("listed in the skills section", [("redis", ev("listed", "skills", "Tech: Redis, Git"))], [],
     "nosql_or_caching", ["Redis is only listed in the skills section", "show it used"], ["Nothing"]),
    ("named in the summary", [("docker", ev("listed", "basics", "Proficient in Docker"))], [],
     "containers", ["Docker is only named in the summary or header"], []),
    ("implied only", [("express", ev("listed", "skills", "Express, React"))], [], "api_style",
     ["API development is only implied by Express"], []),
    ("a GitHub profile link", [("version_control", ev(
        "listed", "basics", "github.com/ada", "a GitHub profile link (github.com/ada)"))], [],
     "version_control", ["rests only on a GitHub profile link"], []),
    ("one soft skill, only listed", [("teamwork", ev("listed", "skills", "Soft: Teamwork"))], [],
     "soft_skills", ["Teamwork and collaboration is only listed in the skills section",
                     "asks for 2", "work or project bullet."], ["in code"]),
    ("one soft skill of two", [("leadership", ev("applied", "work", "Led a team of 5"))], [],
     "soft_skills", ["Only Leadership is shown in use", "asks for 2", "show another"], ["Nothing"]),
]


@pytest.mark.parametrize(("credited", "uncredited", "group", "must", "must_not"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_gap_reason_says_what_was_found(credited, uncredited, group, must, must_not):
    profile = build_profile(credited, TAXONOMY, uncredited=uncredited)
    readiness = score_readiness(profile, TAXONOMY)
    gaps = {g.id: g for g in find_gaps(readiness, profile, TAXONOMY,
                                       candidate_stack(profile, TAXONOMY))}
    reason = gaps[group].reason
    assert all(words in reason for words in must), reason
    assert not any(words in reason for words in must_not), reason


def test_readiness_explanation_of_a_zero_group_is_true_too():
    profile = build_profile([], TAXONOMY, uncredited=[("cloud_computing", COURSE)])
    explanation = score_readiness(profile, TAXONOMY).group("cloud_hosting").explanation
    assert explanation.startswith("Only a course title mentions it") and explanation.endswith("→ 10")
    empty = score_readiness(build_profile([], TAXONOMY), TAXONOMY).group("cloud_hosting")
    assert empty.explanation == f"{GROUPS['cloud_hosting'].missing_reason} → 0"


def test_a_course_title_earns_a_token_score_and_no_skill():
    profile = build_profile([], TAXONOMY, uncredited=[("cloud_computing", COURSE)])
    readiness = score_readiness(profile, TAXONOMY)
    assert readiness.group("cloud_hosting").score == 10   # 100 × COURSE_FACTOR
    assert readiness.group("cloud_hosting").met_by == ()
    assert profile.get("cloud_computing") is None
    soft = build_profile([], TAXONOMY, uncredited=[("communication", COURSE)])
    assert score_readiness(soft, TAXONOMY).group("soft_skills").score == 5  # need 2


def test_a_course_title_in_a_real_resume_is_cited_not_credited():
    from analyzer.report.build import analyze
    from analyzer.resume.parse import resume_from_text

    resume = resume_from_text(
        "Ada Example\nada@example.com\nEducation\nBSc Computer Science, Some University, 2024\n"
        "Coursework: Cloud Computing, Operating Systems\nSkills\nPython, Git\n")
    report = analyze(resume, taxonomy=TAXONOMY)
    cloud = report.readiness.group("cloud_hosting")
    assert cloud.score == 10 and "Cloud Computing" in cloud.explanation
    assert any(g.id == "cloud_hosting" and "course title" in g.reason for g in report.gaps)
