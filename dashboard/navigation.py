"""The dashboard's pages for ``st.navigation``, and links between them.

Each page is a module of this package run as a script (Streamlit runs a page file with
``__name__ == "__main__"``, and each ends with ``main()``), registered by its path so
``st.page_link``, ``st.switch_page`` and ``AppTest.switch_page`` can name it.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PACKAGE = Path(__file__).resolve().parent
# page file → (title, Material icon); the first page is the default one
PAGES = {
    "analyze.py": ("Analyze", ":material/upload_file:"),
    "candidates.py": ("Candidates", ":material/group:"),
    "cohorts.py": ("Cohorts", ":material/groups:"),
    "postings.py": ("Postings", ":material/work:"),
    "taxonomy.py": ("Taxonomy", ":material/account_tree:"),
}


def page(file: str):
    """The ``st.Page`` of ``file`` (a key of :data:`PAGES`, e.g. ``"candidates.py"``)."""
    title, icon = PAGES[file]
    return st.Page(PACKAGE / file, title=title, icon=icon, default=file == "analyze.py")


def pages() -> list:
    """Every page, in the sidebar's order."""
    return [page(file) for file in PAGES]
