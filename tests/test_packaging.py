"""Shipped files stay in step with their sources.

- ``analyzer/data/skill_taxonomy.yaml`` is a link to the top-level file, so a wheel
  (which only carries files inside the package) ships the same taxonomy;
- ``analyzer/data/models`` is a link to ``models/`` for the same reason;
- ``analyzer/data/sample_resume.pdf`` is what ``python -m analyzer.resume.sample`` writes today.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

import analyzer
from analyzer.resume.sample import SAMPLE_RESUME, build_sample
from analyzer.taxonomy.loader import load_taxonomy

ROOT = Path(analyzer.__file__).resolve().parent.parent


def test_packaged_taxonomy_is_the_top_level_file():
    packaged = Path(analyzer.__file__).parent / "data" / "skill_taxonomy.yaml"
    assert packaged.read_bytes() == (ROOT / "skill_taxonomy.yaml").read_bytes()
    assert load_taxonomy(packaged).sha256 == load_taxonomy(ROOT / "skill_taxonomy.yaml").sha256


def test_packaged_models_are_the_top_level_files():
    """A wheel carries ``analyzer/data/models`` (a link to ``models/``): the compiled taxonomy,
    the term table and the posting-similarity model, so an installed jobready starts as fast
    as a checkout and keeps the similarity."""
    packaged = Path(analyzer.__file__).parent / "data" / "models"
    top = ROOT / "models"
    names = sorted(p.name for p in top.iterdir() if p.is_file())
    assert {"taxonomy.pickle", "skill_terms.json", "posting_similarity.joblib"} <= set(names)
    for name in names:
        assert (packaged / name).read_bytes() == (top / name).read_bytes(), name


def _text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def test_shipped_sample_matches_the_generator(tmp_path):
    fresh = build_sample(tmp_path / "sample.pdf")
    assert _text(fresh) == _text(SAMPLE_RESUME), "run `python -m analyzer.resume.sample` and commit the PDF"
    assert "example.com" in _text(SAMPLE_RESUME)[0]  # fictional contact details only
