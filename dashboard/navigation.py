"""The dashboard's pages for ``st.navigation``, and links between them.

Pages are the ``main()`` functions of the page modules; a page is found again by its
``url_path`` (Streamlit names a page by it), so :func:`page` can be called from any page to
build an ``st.page_link`` or ``st.switch_page`` target.
"""

from __future__ import annotations

import streamlit as st

from dashboard import analyze, candidates, cohorts, postings, taxonomy

# url_path → (main, title, Material icon); the first page is the default one
PAGES = {
    "analyze": (analyze.main, "Analyze", ":material/upload_file:"),
    "candidates": (candidates.main, "Candidates", ":material/group:"),
    "cohorts": (cohorts.main, "Cohorts", ":material/groups:"),
    "postings": (postings.main, "Postings", ":material/work:"),
    "taxonomy": (taxonomy.main, "Taxonomy", ":material/account_tree:"),
}


def page(url_path: str):
    """The ``st.Page`` registered under ``url_path`` (a key of :data:`PAGES`)."""
    main, title, icon = PAGES[url_path]
    return st.Page(main, title=title, icon=icon, url_path=url_path, default=url_path == "analyze")


def pages() -> list:
    """Every page, in the sidebar's order."""
    return [page(url_path) for url_path in PAGES]
