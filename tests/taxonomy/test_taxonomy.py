"""Tests for analyzer.taxonomy.loader: the real skill_taxonomy.yaml, and broken files made here."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.code.dependencies import Dependency
from analyzer.code.detectors import package_evidence
from analyzer.errors import TaxonomyError
from analyzer.taxonomy.loader import ENV_VAR, check_phrases, check_taxonomy, default_taxonomy_path, load_taxonomy

REPO_FILE = Path(__file__).resolve().parents[2] / "skill_taxonomy.yaml"
SEEDS = Path("/work/shared/seeds")


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(REPO_FILE)


# ---------------------------------------------------------------- the real file


def test_real_file_is_the_default_and_has_no_problems(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert default_taxonomy_path() == REPO_FILE
    assert check_taxonomy(REPO_FILE) == []
    assert load_taxonomy().path == REPO_FILE


def test_every_reference_resolves(taxonomy):
    skills, groups = taxonomy.skills, {g.id for g in taxonomy.groups}
    for skill in skills.values():
        assert skill.category in taxonomy.categories, skill.id
        assert set(skill.implies) <= set(skills), skill.id
    for group in taxonomy.groups:
        assert set(group.any_of) <= set(skills) and 1 <= group.need <= len(group.any_of)
    for project in taxonomy.projects:
        assert set(project.exercises) <= groups, project.id
        assert set(project.skills) | {u.skill for u in project.upgrades} <= set(skills)
    for stack in taxonomy.stacks.values():
        ids = [stack.language, *stack.frameworks, stack.database, stack.testing, stack.orm]
        assert {i for i in ids if i is not None} <= set(skills), stack.language


def test_names_and_aliases_are_unique_case_insensitively(taxonomy):
    terms = [t.casefold() for s in taxonomy.skills.values() for t in s.terms]
    assert len(terms) == len(set(terms))
    assert sum(len(s.aliases) for s in taxonomy.skills.values()) >= 300


def test_weights_follow_the_article_count_formula(taxonomy):
    n_articles = len(taxonomy.articles)
    entries = [*taxonomy.skills.values(), *taxonomy.groups]
    for entry in entries:
        expected = (len({s.article for s in entry.sources}) + 1) / (n_articles + 1)
        assert entry.weight == pytest.approx(expected), entry.id
        assert 1 / 6 - 1e-9 <= entry.weight <= 1 + 1e-9
    assert {e.weight for e in entries} >= {1 / 6, 1.0}  # both ends are used


def test_origin_matches_sources_and_reviewer_entries_have_notes(taxonomy):
    curated = [s for s in taxonomy.skills.values() if not s.is_technology]
    for entry in [*curated, *taxonomy.groups, *taxonomy.projects]:
        assert (entry.origin == "articles") == bool(entry.sources), entry.id
        if entry.origin == "reviewer":
            assert entry.note, entry.id


def test_article_phrases_occur_in_their_articles(taxonomy):
    listed = {a.file for a in taxonomy.articles}
    sources = [s for e in [*taxonomy.skills.values(), *taxonomy.groups, *taxonomy.projects]
               for s in e.sources]
    # The seed articles live outside the repo. Where they are present (as on the
    # build machine) every phrase must occur in its article; elsewhere only the
    # weaker structural invariant can be checked: every source names a listed
    # article and quotes at least one non-empty phrase.
    if SEEDS.is_dir():
        assert check_phrases(taxonomy, SEEDS) == []
    assert sources and all(s.article in listed and s.phrases and all(p.strip() for p in s.phrases)
                           for s in sources)


def test_projects_cover_every_difficulty_and_groups_explain_gaps(taxonomy):
    assert len(taxonomy.projects) >= 15
    assert {p.difficulty for p in taxonomy.projects} == {"beginner", "intermediate", "advanced"}
    assert all(g.missing_reason.strip() for g in taxonomy.groups)
    assert taxonomy.group("soft_skills").need == 2


@pytest.mark.parametrize("term, skill_id", [
    ("Postgres", "postgresql"), ("golang", "go"), ("RESTful API", "rest"), ("NodeJS", "node_js"),
    ("k8s", "kubernetes"), ("JS", "javascript"), ("Express.js", "express"),
    ("Rails", "ruby_on_rails"), ("Digital Ocean", "digitalocean"), ("MS SQL", "sql_server"),
    ("EC2", "aws"), ("GCP", "google_cloud"),
    ("C#", "csharp"), (".NET", "dotnet"), ("Mongo", "mongodb"), ("Spring Boot", "spring_boot"),
    ("parallel CI", None),
])
def test_lookup_by_name_or_alias(taxonomy, term, skill_id):
    found = taxonomy.lookup(term)
    assert (found.id if found else None) == skill_id


@pytest.mark.parametrize("given_ids, implied_id, implied_by", [
    (["django"], "python", ("django",)),
    (["spring_boot"], "java", ("spring_boot",)),
    (["express"], "javascript", ("express",)),
    (["postgresql", "mysql"], "sql", ("postgresql", "mysql")),
    (["github_actions"], "ci_cd", ("github_actions",)),
    (["kubernetes"], "containers", ("kubernetes",)),
    (["laravel", "php"], "php", ("laravel",)),
])
def test_implied_is_the_transitive_closure(taxonomy, given_ids, implied_id, implied_by):
    assert taxonomy.implied(given_ids)[implied_id] == implied_by


def group_reach(taxonomy, group_id: str) -> set[str]:
    """The skills that meet a group: its own, and every skill implying one of them."""
    members = set(taxonomy.group(group_id).any_of)
    return {s for s in taxonomy.skills if s in members or members & set(taxonomy.implied([s]))}


class FoundSkills(list):
    """An evidence sink (analyzer.detectors.EvidenceSink) that keeps only the skill ids."""

    def add(self, skill_id, path, text, detail=None):
        self.append(skill_id)


@pytest.mark.parametrize("group_id, ecosystem, package, skills", [
    ("auth_security", "pypi", "pydantic", ["data_validation"]),
    ("auth_security", "pypi", "marshmallow", ["data_validation"]),
    ("auth_security", "npm", "zod", ["data_validation"]), ("auth_security", "npm", "joi", ["data_validation"]),
    ("auth_security", "npm", "class-validator", ["data_validation"]),
    ("auth_security", "maven", "org.springframework.boot:spring-boot-starter-validation",
     ["data_validation", "spring_boot"]),
    ("auth_security", "go", "github.com/go-playground/validator/v10", ["data_validation"]),
    ("linux_web_servers", "pypi", "uvicorn", ["wsgi_servers"]),
    ("linux_web_servers", "pypi", "gunicorn", ["wsgi_servers"]),
    ("linux_web_servers", "rubygems", "puma", ["wsgi_servers"]),
    ("linux_web_servers", "npm", "pm2", ["wsgi_servers"]),
    ("linux_web_servers", "maven", "org.apache.tomcat.embed:tomcat-embed-core", []),  # an embedded container
])
def test_validation_and_app_server_packages_meet_no_security_or_server_group(taxonomy, group_id, ecosystem, package,
                                                                             skills):
    found = FoundSkills()
    package_evidence([Dependency(ecosystem, package, "manifest")], taxonomy, found)
    assert found == skills
    assert not set(found) & group_reach(taxonomy, group_id)


def test_no_package_meets_the_linux_and_web_servers_group(taxonomy):
    # running a server is shown by configuration (an Nginx image, a reverse-proxy config), never by a library
    assert not [s for s in group_reach(taxonomy, "linux_web_servers") if taxonomy.skill(s).packages]


def test_helpers_and_frozen_objects(taxonomy):
    assert taxonomy.skill("go").ambiguity.case_sensitive
    assert all(s.category == "databases" for s in taxonomy.by_category("databases"))
    assert len(taxonomy.sha256) == 64
    with pytest.raises(KeyError):
        taxonomy.skill("cobol_on_cogs")
    with pytest.raises(dataclasses.FrozenInstanceError):
        taxonomy.skill("go").name = "Golang"  # type: ignore[misc]
    with pytest.raises(TypeError):
        taxonomy.skills["new"] = taxonomy.skill("go")  # type: ignore[index]
    assert taxonomy.stacks["python"].frameworks[0] == "fastapi"


# ---------------------------------------------------------------- broken files


def minimal() -> dict:
    """The smallest valid taxonomy; each bad case breaks one thing."""
    src = [{"article": "a.txt", "phrases": ["python"]}]
    return {
        "version": 1,
        "articles": [{"file": "a.txt", "title": "A"}],
        "categories": [{"id": "languages", "name": "Languages"},
                       {"id": "frameworks", "name": "Frameworks"},
                       {"id": "databases", "name": "Databases"},
                       {"id": "testing", "name": "Testing"}],
        "skills": [
            {"id": "python", "name": "Python", "category": "languages", "sources": src,
             "origin": "articles", "aliases": ["Py3"]},
            {"id": "django", "name": "Django", "category": "frameworks", "implies": ["python"],
             "origin": "reviewer", "note": "a framework"},
            {"id": "sqlite", "name": "SQLite", "category": "databases", "origin": "reviewer",
             "note": "a database"},
            {"id": "pytest", "name": "pytest", "category": "testing", "origin": "reviewer",
             "note": "a test tool"},
        ],
        "requirement_groups": [
            {"id": "backend_language", "name": "Language", "description": "d",
             "any_of": ["python"], "missing_reason": "No language.", "sources": src,
             "origin": "articles"}],
        "projects": [
            {"id": "todo", "title": "To-do", "difficulty": "beginner", "brief": "b",
             "exercises": ["backend_language"], "skills": ["django"],
             "upgrades": [{"skill": "pytest", "text": "t"}], "origin": "reviewer", "note": "n"}],
        "stacks": [{"language": "python", "frameworks": ["django"], "database": "sqlite",
                    "testing": "pytest", "orm": None}],
    }


def with_change(change):
    data = minimal()
    change(data)
    return yaml.safe_dump(data, sort_keys=False)


DUPLICATE_KEY = with_change(lambda d: None).replace("  name: Python\n",
                                                     "  name: Python\n  name: Python 3\n")


def line_of(text: str, line: str) -> str:
    return f"line {text.splitlines().index(line) + 1}"


BAD_CASES = [
    ("duplicate YAML key", DUPLICATE_KEY, line_of(DUPLICATE_KEY, "  name: Python 3"),
     'duplicate key "name"'),
    ("duplicate alias", with_change(lambda d: d["skills"][1].update(aliases=["PY3"])),
     "skills[1].aliases[0]", 'alias "PY3" also used by skills[0] (python)'),
    ("alias equal to another name",
     with_change(lambda d: d["skills"][0].update(aliases=["django"])),
     "skills[1].name", 'name "Django" also used by skills[0] (python)'),
    ("unknown implies", with_change(lambda d: d["skills"][1].update(implies=["pyhton"])),
     "skills[1].implies[0]", 'unknown skill "pyhton"'),
    ("implies cycle", with_change(lambda d: d["skills"][0].update(implies=["django"])),
     "skills[0].implies", "implies cycle python -> django -> python"),
    ("bad category", with_change(lambda d: d["skills"][1].update(category="framework")),
     "skills[1].category", 'unknown category "framework"'),
    ("unknown field", with_change(lambda d: d["skills"][0].update(alias=["x"])),
     "skills[0].alias", "unknown field"),
    ("bad snake_case id", with_change(lambda d: d["skills"][3].update(id="Py-Test")),
     "skills[3].id", "should match pattern"),
    ("YAML 1.1 boolean", with_change(lambda d: d["skills"][0].update(aliases=[True])),
     "skills[0].aliases[0]", "valid string"),
    ("reviewer without note", with_change(lambda d: d["skills"][2].pop("note")),
     "skills[2].note", "needs a note"),
    ("unknown article", with_change(lambda d: d["skills"][0]["sources"][0].update(article="b.txt")),
     "skills[0].sources[0].article", 'unknown article "b.txt"'),
    ("unknown group exercised", with_change(lambda d: d["projects"][0].update(exercises=["apis"])),
     "projects[0].exercises[0]", 'unknown requirement group "apis"'),
    ("stack field in wrong category",
     with_change(lambda d: d["stacks"][0].update(testing="sqlite")),
     "stacks[0].testing", "expected testing"),
    ("need above any_of", with_change(lambda d: d["requirement_groups"][0].update(need=2)),
     "requirement_groups[0].need", "need is 2"),
    ("duplicate id",
     with_change(lambda d: d["skills"].append(dict(d["skills"][3], name="PyTest2"))),
     "skills[4].id", 'duplicate id "pytest"'),
    ("two-token reject word", with_change(lambda d: d["skills"][0].update(
        ambiguity={"reject_after": ["go to"], "note": "n"})),
     "skills[0].ambiguity.reject_after[0]", "should match pattern"),
    ("ambiguity term not a name", with_change(lambda d: d["skills"][0].update(
        ambiguity={"terms": ["Py"], "note": "n"})),
     "skills[0].ambiguity.terms[0]", '"Py" is neither the name nor an alias of python'),
    ("missing section", with_change(lambda d: d.pop("stacks")), "stacks", "is missing"),
    ("YAML syntax error", "version: 1\narticles: [\n  {file: a.txt\nskills: x\n", "line 4",
     "YAML syntax error"),
    ("not a mapping", "- just\n- a list\n", "top level", "must be a YAML mapping"),
]


@pytest.mark.parametrize("text, location, message", [c[1:] for c in BAD_CASES],
                         ids=[c[0] for c in BAD_CASES])
def test_bad_taxonomy_reports_location_and_message(tmp_path, text, location, message):
    path = tmp_path / "skill_taxonomy.yaml"
    path.write_text(text, encoding="utf-8")
    problems = check_taxonomy(path)
    assert any(p.location == location and message in p.message for p in problems), problems
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(path)
    assert info.value.problems == problems
    assert location in str(info.value) and "fix them" in str(info.value)


def test_minimal_taxonomy_is_valid(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(with_change(lambda d: None), encoding="utf-8")
    assert check_taxonomy(path) == []
    assert load_taxonomy(path).skill("django").weight == pytest.approx(1 / 2)  # 0 of 1 article


def test_every_problem_is_collected_not_just_the_first(tmp_path):
    def break_three(d):
        d["skills"][1]["implies"] = ["nope"]
        d["skills"][2]["category"] = "nope"
        d["projects"][0]["difficulty"] = "expert"
    path = tmp_path / "t.yaml"
    path.write_text(with_change(break_three), encoding="utf-8")
    locations = {p.location for p in check_taxonomy(path)}
    assert {"skills[1].implies[0]", "skills[2].category", "projects[0].difficulty"} <= locations


def test_phrase_check_reports_missing_phrases_and_articles(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(with_change(lambda d: None), encoding="utf-8")
    taxonomy = load_taxonomy(path)
    assert [p.location for p in check_phrases(taxonomy, tmp_path)] == ["articles[0].file"]
    (tmp_path / "a.txt").write_text("We use Python daily.", encoding="utf-8")
    assert check_phrases(taxonomy, tmp_path) == []
    (tmp_path / "a.txt").write_text("We use Java daily.", encoding="utf-8")
    locations = [p.location for p in check_phrases(taxonomy, tmp_path)]
    assert locations == ["skills[0].sources[0].phrases[0]",
                         "requirement_groups[0].sources[0].phrases[0]"]


def test_missing_file_is_one_actionable_problem(tmp_path):
    path = tmp_path / "absent.yaml"
    [problem] = check_taxonomy(path)
    assert problem.location == str(path) and "does not exist" in problem.message
    with pytest.raises(TaxonomyError, match=f"does not exist: pass the path .* or set {ENV_VAR}"):
        load_taxonomy(path)


def test_env_var_selects_the_file_and_edits_reload(tmp_path, monkeypatch):
    path = tmp_path / "custom.yaml"
    path.write_text(with_change(lambda d: None), encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(path))
    first = load_taxonomy()
    assert first.path == path and load_taxonomy() is first  # cached
    path.write_text(with_change(lambda d: d["skills"][0].update(name="Python 3")), encoding="utf-8")
    os.utime(path, ns=(first_ns := path.stat().st_mtime_ns + 10**9, first_ns))
    assert load_taxonomy().skill("python").name == "Python 3"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_problems_not_crashes(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("fuzz") / "t.yaml"
    path.write_bytes(raw)
    problems = check_taxonomy(path)
    assert isinstance(problems, list) and problems  # random bytes are never a valid taxonomy
