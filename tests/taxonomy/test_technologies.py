"""technologies.yaml: the broad vocabulary loads, stays sound, and credits the right groups.

The lint tests read the real file; the validation tests write small broken copies next to a
copy of skill_taxonomy.yaml and check each problem is reported with its location.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
import spacy_lookups_data
import yaml

import analyzer
from analyzer.errors import TaxonomyError
from analyzer.taxonomy.loader import TECHNOLOGIES_FILE, check_taxonomy, load_taxonomy

ROOT = Path(analyzer.__file__).resolve().parent.parent

ISSUE_CATEGORIES = {
    # the categories issue 8 asks for -> the category ids that hold them
    "languages": {"languages"}, "frameworks and libraries": {"frameworks", "libraries", "frontend"},
    "databases and warehouses": {"databases"}, "cloud services": {"cloud"},
    "infrastructure and IaC": {"infrastructure"}, "messaging and streaming": {"messaging"},
    "observability": {"observability"}, "testing": {"testing"}, "build tools": {"build_tools"},
    "security protocols": {"protocols"}, "data engineering": {"data_engineering"},
}


def test_the_vocabulary_is_broad_and_covers_every_category(taxonomy):
    technologies = taxonomy.technologies
    assert len(technologies) >= 1500
    categories = {t.category for t in technologies}
    for what, ids in ISSUE_CATEGORIES.items():
        assert categories & ids, what
        assert sum(t.category in ids for t in technologies) >= 15, what
    assert all(t.category in taxonomy.categories for t in technologies)


def test_curated_skills_keep_their_ids(taxonomy):
    curated = yaml.safe_load((ROOT / "skill_taxonomy.yaml").read_text("utf-8"))["skills"]
    assert [s.id for s in taxonomy.skills.values() if not s.is_technology] == [s["id"] for s in curated]


def test_every_technology_names_its_source(taxonomy):
    data = yaml.safe_load((ROOT / TECHNOLOGIES_FILE).read_text("utf-8"))
    references = {r["id"] for r in data["references"]}
    sources = {t.source for t in taxonomy.technologies}
    assert sources <= references | {"reviewer"}
    assert sources & references, "some entries come from the public references"


def _common_words() -> set[str]:
    """English words in spaCy's lookup tables that are frequent (log prob above -14.5)."""
    folder = Path(spacy_lookups_data.__file__).parent / "data"
    prob = json.load(gzip.open(folder / "en_lexeme_prob.json.gz"))
    index = json.load(gzip.open(folder / "en_lemma_index.json.gz"))
    words = set().union(*map(set, index.values())) | set(json.load(gzip.open(folder / "en_lemma_lookup.json.gz")))
    return {w for w in words if prob.get(w, -99.0) > -14.5}


def test_a_common_english_word_is_never_a_technology_without_a_homonym_rule(taxonomy):
    common = _common_words()
    unruled = []
    for tech in taxonomy.technologies:
        ruled = {t.casefold() for t in tech.ambiguity.terms} if tech.ambiguity else set()
        if tech.ambiguity and not tech.ambiguity.terms:
            ruled = {t.casefold() for t in tech.terms}
        unruled += [f"{tech.id}: {term}" for term in tech.terms
                    if " " not in term and term.casefold() in common and term.casefold() not in ruled]
    assert not unruled


@pytest.mark.parametrize("skill_id, group", [
    ("amazon_redshift", "relational_database"),   # a warehouse speaks SQL
    ("snowflake", "relational_database"),
    ("cassandra", "nosql_or_caching"),             # a curated skill
    ("apache_hbase", "nosql_or_caching"),
    ("azure_cosmos_db", None),                     # an alias of the curated azure skill, not a technology
    ("ibm_db2", "relational_database"),
    ("apache_wicket", "backend_language"),
    ("jenkins_x", "ci_cd"),
])
def test_a_technology_credits_the_group_it_belongs_to(taxonomy, skill_id, group):
    if group is None:
        assert skill_id not in taxonomy.skills
        return
    assert group in taxonomy.groups_crediting(skill_id)


@pytest.mark.parametrize("skill_id", ["apache_spark", "apache_beam", "microsoft_excel", "hashicorp_consul"])
def test_a_technology_outside_every_group_credits_none(taxonomy, skill_id):
    assert taxonomy.skill(skill_id).is_technology
    assert taxonomy.groups_crediting(skill_id) == ()


# -- validation of a broken file -----------------------------------------------------------

def _with_technologies(tmp_path: Path, entries: list[dict], **head) -> Path:
    shutil.copy(ROOT / "skill_taxonomy.yaml", tmp_path / "skill_taxonomy.yaml")
    data = {"version": 1, "references": [{"id": "ref", "title": "A reference", "url": "https://example.org"}],
            "categories": [{"id": "data_engineering", "name": "Data engineering"}], **head,
            "technologies": entries}
    (tmp_path / TECHNOLOGIES_FILE).write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    return tmp_path / "skill_taxonomy.yaml"


GOOD = {"id": "apache_spark", "name": "Apache Spark", "category": "data_engineering",
        "aliases": ["Spark"], "homonyms": ["Spark"], "source": "ref"}


@pytest.mark.parametrize("change, location, phrase", [
    ({"category": "no_such"}, "technologies[0].category", "unknown category"),
    ({"source": "wikipedia"}, "technologies[0].source", "unknown source"),
    ({"implies": ["no_such_skill"]}, "technologies[0].implies[0]", "unknown skill or technology"),
    ({"aliases": ["PostgreSQL"]}, "technologies[0].aliases[0]", "also used by"),
    ({"id": "python"}, "technologies[0].id", "is a skill id"),
    ({"homonyms": ["Sparkle"]}, "technologies[0].homonyms[0]", "neither the name nor an alias"),
    ({"colour": "blue"}, "technologies[0].colour", "Extra inputs"),
])
def test_a_broken_entry_is_reported_with_its_location(tmp_path, change, location, phrase):
    path = _with_technologies(tmp_path, [{**GOOD, **change}])
    problems = check_taxonomy(path)
    assert any(p.location == f"{TECHNOLOGIES_FILE}: {location}" and phrase in p.message
               for p in problems), problems
    with pytest.raises(TaxonomyError):
        load_taxonomy(path)


def test_a_valid_small_vocabulary_loads_with_its_homonym_rule(tmp_path):
    taxonomy = load_taxonomy(_with_technologies(tmp_path, [GOOD]))
    spark = taxonomy.skill("apache_spark")
    assert spark.is_technology and spark.source == "ref"
    assert spark.ambiguity.terms == ("Spark",) and spark.ambiguity.case_sensitive
    assert spark.ambiguity.needs_context and not spark.ambiguity.shared_context
    assert taxonomy.categories["data_engineering"] == "Data engineering"


def test_duplicate_ids_are_reported(tmp_path):
    path = _with_technologies(tmp_path, [GOOD, {**GOOD, "name": "Spark Two", "aliases": [], "homonyms": []}])
    assert any("duplicate id" in p.message for p in check_taxonomy(path))


def test_without_a_technologies_file_only_the_curated_skills_load(tmp_path):
    shutil.copy(ROOT / "skill_taxonomy.yaml", tmp_path / "skill_taxonomy.yaml")
    taxonomy = load_taxonomy(tmp_path / "skill_taxonomy.yaml")
    assert taxonomy.technologies == ()
