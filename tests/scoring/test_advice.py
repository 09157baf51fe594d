"""Projects in the candidate's stack and level, resources per gap, interview prompts."""

from __future__ import annotations

import pytest

from analyzer.evidence import Evidence
from analyzer.scoring.advice import interview_prompts, resources_for_gap
from analyzer.scoring.gaps import find_gaps
from analyzer.scoring.profile import build_profile, candidate_stack
from analyzer.scoring.projects import suggest_projects
from analyzer.scoring.readiness import score_readiness
from analyzer.taxonomy.loader import load_taxonomy

TAXONOMY = load_taxonomy()
PROJECTS = {p.id: p for p in TAXONOMY.projects}


def ev(strength: str, section: str = "work") -> Evidence:
    return Evidence("resume", strength, f"a {strength} line", section=section, page=1)


def profile_of(**skills: str):
    return build_profile([(sid, ev(strength, "skills" if strength == "listed" else "work"))
                          for sid, strength in skills.items()], TAXONOMY)


def plan(profile, level=None):
    readiness = score_readiness(profile, TAXONOMY)
    stack = candidate_stack(profile, TAXONOMY)
    gaps = find_gaps(readiness, profile, TAXONOMY, stack)
    return stack, gaps, suggest_projects(gaps, stack, TAXONOMY, readiness.score, level=level)


# -- stack ------------------------------------------------------------------------------

@pytest.mark.parametrize(("skills", "language", "framework", "database"), [
    # Node/TypeScript/Express beats a Python that is only listed
    (dict(typescript="applied", node_js="applied", express="applied", python="listed"),
     "typescript", "express", "postgresql"),
    (dict(javascript="applied", express="applied", mongodb="applied"), "javascript", "express", "mongodb"),
    (dict(java="applied", spring_boot="applied", mysql="applied"), "java", "spring_boot", "mysql"),
    (dict(go="applied", postgresql="listed"), "go", "gin", "postgresql"),
    (dict(python="listed", django="applied"), "python", "django", "postgresql"),
    ({}, "python", "fastapi", "postgresql"),  # nothing shown: the taxonomy's first stack
])
def test_stack_is_what_the_candidate_shows_in_use(skills, language, framework, database):
    stack = candidate_stack(profile_of(**skills), TAXONOMY)
    assert (stack.language, stack.framework, stack.database) == (language, framework, database)


def test_projects_are_phrased_in_the_candidates_stack():
    _, _, picks = plan(profile_of(typescript="applied", node_js="applied", express="applied"))
    coded = [p for p in picks if " — " in p.title]
    assert coded and all("Express" in p.title and "FastAPI" not in p.title for p in coded)
    _, _, go_picks = plan(profile_of(go="applied"))
    assert all("Gin" in p.title for p in go_picks if " — " in p.title)


# -- level ------------------------------------------------------------------------------

def test_seniors_never_get_beginner_projects_and_juniors_do():
    profile = profile_of(python="applied", django="applied")
    _, _, senior = plan(profile, level="advanced")
    _, _, mid = plan(profile, level="intermediate")
    _, _, junior = plan(profile, level="beginner")
    assert senior and all(p.difficulty != "beginner" for p in senior)
    assert mid and all(p.difficulty != "beginner" for p in mid)
    assert any(p.difficulty == "advanced" for p in senior)
    assert all(p.difficulty != "advanced" for p in junior)
    assert [p.id for p in senior] != [p.id for p in junior]


def test_suggestions_differ_when_gaps_differ():
    _, _, a = plan(profile_of(python="applied", django="applied", postgresql="applied", rest="applied"))
    _, _, b = plan(profile_of(python="applied", docker="applied", aws="applied", jwt="applied",
                              pytest="applied", github_actions="applied"))
    assert [p.id for p in a] != [p.id for p in b]


def test_catalog_holds_the_articles_ideas_and_senior_projects():
    assert len(TAXONOMY.projects) >= 30
    from_articles = [p for p in TAXONOMY.projects if p.origin == "articles"]
    assert len(from_articles) >= 15 and all(p.sources for p in from_articles)
    assert {"rate_limited_api", "event_driven_service", "multi_tenant_service"} <= set(PROJECTS)
    assert all(PROJECTS[p].difficulty == "advanced"
               for p in ("rate_limited_api", "event_driven_service", "multi_tenant_service"))


# -- resources --------------------------------------------------------------------------

def gap_named(gaps, gap_id):
    return next(g for g in gaps if g.id == gap_id)


@pytest.mark.parametrize(("skills", "gap_id", "level", "present", "absent"), [
    # a Java candidate with a backend-language gap at beginner level: Codecademy and the Java certification
    (dict(java="listed"), "backend_language", "beginner",
     {"codecademy", "freecodecamp", "oracle_java_se_certification"}, {"aws_developer_certification"}),
    # AWS shown in a list: the AWS certification fits; Azure's does not
    (dict(python="applied", aws="listed"), "cloud_hosting", "intermediate",
     {"aws_developer_certification"}, {"azure_developer_certification", "oracle_java_se_certification"}),
    # a senior is not sent to beginner platforms
    (dict(python="applied"), "relational_database", "advanced", {"official_documentation"},
     {"khan_academy", "codecademy", "udemy"}),
    # problem solving: LeetCode and HackerRank, as the articles pair them
    (dict(python="applied"), "soft_skills", "beginner", {"leetcode", "hackerrank"}, set()),
])
def test_resources_fit_the_gap_level_and_stack(skills, gap_id, level, present, absent):
    profile = profile_of(**skills)
    stack, gaps, _ = plan(profile)
    picks = resources_for_gap(gap_named(gaps, gap_id), profile, stack, TAXONOMY, level, limit=10)
    ids = {r.id for r in picks}
    assert present <= ids and not (absent & ids)
    assert all(r.articles for r in picks)  # each named by a seed article


def test_certification_already_held_is_not_offered():
    profile = profile_of(java="listed", oracle_java_certification="listed")
    stack, gaps, _ = plan(profile)
    picks = resources_for_gap(gap_named(gaps, "backend_language"), profile, stack, TAXONOMY, "beginner", limit=10)
    assert "oracle_java_se_certification" not in {r.id for r in picks}


def test_official_documentation_names_the_candidates_tools():
    profile = profile_of(typescript="applied", node_js="applied", express="applied")
    stack, gaps, _ = plan(profile)
    docs = next(r for r in resources_for_gap(gap_named(gaps, "testing"), profile, stack, TAXONOMY,
                                             "intermediate", limit=10) if r.id == "official_documentation")
    assert docs.name == "Official documentation: Jest"


def test_every_resource_the_issue_names_is_in_the_taxonomy():
    names = {r.name for r in TAXONOMY.resources}
    for expected in ("MDN Web Docs", "freeCodeCamp", "Codecademy", "Khan Academy", "Udemy", "Coursera",
                     "Udacity", "Pluralsight", "YouTube tutorials", "Official documentation", "LeetCode",
                     "HackerRank", "Oracle Certified Professional Java SE Programmer",
                     "AWS Certified Developer", "Microsoft Certified: Azure Developer Associate"):
        assert expected in names
    assert any(r.kind == "bootcamp" for r in TAXONOMY.resources)


# -- interview prompts ------------------------------------------------------------------

def test_prompts_for_skills_only_listed():
    profile = profile_of(python="applied", docker="listed", kafka="listed", teamwork="listed",
                         fastify="listed")
    prompts = {p.skill: p for p in interview_prompts(profile, TAXONOMY)}
    assert {"docker", "kafka", "fastify"} <= set(prompts)
    assert "python" not in prompts  # used in a work bullet
    assert "teamwork" not in prompts  # soft skills are not probed with technical questions
    assert all(2 <= len(p.questions) <= 3 for p in prompts.values())
    # Fastify has no row of its own: the frameworks row, with its name filled in
    assert all("Fastify" in q for q in prompts["fastify"].questions)
    assert "{name}" not in " ".join(q for p in prompts.values() for q in p.questions)


def test_prompts_put_the_candidates_stack_first():
    # TypeScript on Node.js is the stack; Python and Java weigh more in the articles
    profile = profile_of(typescript="listed", node_js="listed", python="listed", java="listed")
    stack = candidate_stack(profile, TAXONOMY)
    assert stack.language == "typescript"
    assert interview_prompts(profile, TAXONOMY, stack=stack)[0].skill == "typescript"
    assert interview_prompts(profile, TAXONOMY)[0].skill != "typescript"


def test_no_prompt_for_a_concept_another_prompt_covers():
    profile = profile_of(python="applied", git="listed", version_control="listed")
    assert [p.skill for p in interview_prompts(profile, TAXONOMY)] == ["git"]


def test_no_prompt_for_a_skill_shown_in_code():
    code = Evidence("repo", "demonstrated", "Dockerfile", repo="app", path="Dockerfile")
    profile = build_profile([("docker", ev("listed", "skills")), ("docker", code)], TAXONOMY,
                            code_examined=True)
    assert "docker" not in {p.skill for p in interview_prompts(profile, TAXONOMY)}
