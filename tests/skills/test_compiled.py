"""The compiled artifacts in models/ are in step with the taxonomy (rebuild: `jobready taxonomy compile`).

``models/taxonomy.pickle`` (the validated taxonomy) and ``models/skill_terms.json`` (the term
table of the matcher) are stamped with the sha256 of skill_taxonomy.yaml + technologies.yaml;
a stale artifact is ignored at run time, and these tests fail so that it is rebuilt.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import spacy

import analyzer
from analyzer.skills.matcher import SkillMatcher, compile_terms
from analyzer.skills.terms import TermTable, artifact_path
from analyzer.taxonomy.loader import _read, artifact_path as taxonomy_artifact, compile_taxonomy, load_taxonomy, taxonomy_sha256

ROOT = Path(analyzer.__file__).resolve().parent.parent
REBUILD = "run `jobready taxonomy compile` and commit models/"


def test_the_compiled_term_table_is_in_step():
    sha = taxonomy_sha256(ROOT / "skill_taxonomy.yaml")
    data = json.loads((ROOT / "models" / "skill_terms.json").read_text("utf-8"))
    assert data["taxonomy_sha256"] == sha, REBUILD
    assert data["spacy"] == spacy.__version__, REBUILD
    fresh = SkillMatcher(load_taxonomy(ROOT / "skill_taxonomy.yaml"), compiled=False).terms
    loaded = TermTable.load(ROOT / "models" / "skill_terms.json", sha)
    assert loaded is not None
    assert loaded.lower == fresh.lower and loaded.cased == fresh.cased, REBUILD


def test_the_compiled_taxonomy_is_in_step():
    path = ROOT / "skill_taxonomy.yaml"
    compiled = load_taxonomy(path)
    fresh, problems = _read(path)
    assert not problems
    assert compiled.sha256 == taxonomy_sha256(path) == fresh.sha256, REBUILD
    assert dict(compiled.skills) == dict(fresh.skills), REBUILD
    assert compiled.groups == fresh.groups and dict(compiled.categories) == dict(fresh.categories)


def test_a_stale_artifact_is_ignored(tmp_path):
    for name in ("skill_taxonomy.yaml", "technologies.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    compile_taxonomy(tmp_path / "skill_taxonomy.yaml")
    taxonomy = load_taxonomy(tmp_path / "skill_taxonomy.yaml")
    compile_terms(taxonomy)
    assert SkillMatcher(taxonomy).loaded_artifact
    # an edit to the vocabulary changes the sha256: both artifacts are then ignored
    with open(tmp_path / "technologies.yaml", "a", encoding="utf-8") as file:
        file.write("  - {id: zzz_tool, name: Zzzquux Tool, category: tools, source: reviewer}\n")
    edited = load_taxonomy(tmp_path / "skill_taxonomy.yaml")
    assert "zzz_tool" in edited.skills
    matcher = SkillMatcher(edited)
    assert not matcher.loaded_artifact
    assert [m.skill_id for m in matcher.mentions("Skills: Zzzquux Tool, Python", "skills")] == ["zzz_tool", "python"]
    assert taxonomy_artifact(tmp_path / "skill_taxonomy.yaml").is_file()
    assert artifact_path(tmp_path / "skill_taxonomy.yaml").is_file()
