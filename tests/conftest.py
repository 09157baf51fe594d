"""Fixtures shared by the test modules: the project's taxonomy and a generated résumé PDF.

Kept small and generic on purpose; a fixture used by one module lives in that module.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import build_resume_pdf

from analyzer.taxonomy.loader import Taxonomy, load_taxonomy


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    """The project's ``skill_taxonomy.yaml``, loaded once per test run."""
    return load_taxonomy()


@pytest.fixture
def resume_pdf(tmp_path: Path) -> Path:
    """A one-page single-column résumé written by fpdf2 (``pdf_factory.DEFAULT_SECTIONS``)."""
    return build_resume_pdf(tmp_path / "casey.pdf")
