"""What the pages share per server process: the taxonomy, the spaCy matcher, the database.

``st.cache_resource`` keeps one object per process (and per argument), so every session
reuses the compiled matcher and the database engine. Imports of the analyzer happen inside
the functions: importing this module costs nothing, which keeps the first paint fast.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    from analyzer.skills import SkillMatcher
    from analyzer.taxonomy import Taxonomy


@st.cache_resource(show_spinner=False)
def cached_taxonomy() -> Taxonomy:
    """The project's skill taxonomy, loaded once per server process.

    Raises :class:`analyzer.errors.TaxonomyError` when the file is missing or invalid
    (not cached, so a fixed file is picked up on the next run).
    """
    from analyzer.taxonomy import load_taxonomy

    return load_taxonomy()


@st.cache_resource(show_spinner=False)
def cached_matcher() -> SkillMatcher:
    """The spaCy skill matcher compiled from :func:`cached_taxonomy`, once per process (~2 s).

    It is compiled inside :func:`analyzer.startup.loading`: it lives as long as the server, so
    later collections leave it alone and each analysis runs about 10 % faster.
    """
    from analyzer.skills import SkillMatcher
    from analyzer.startup import loading

    with loading():
        return SkillMatcher(cached_taxonomy())


def database_url() -> str | None:
    """``DATABASE_URL`` if set, else None (the workspace's default SQLite file)."""
    return os.environ.get("DATABASE_URL") or None


@st.cache_resource(show_spinner=False)
def cached_workspace(url: str | None):
    """The coach's workspace for ``url`` (None: the CLI's default SQLite file), once per process.

    Keyed by the URL so a test (or a server) pointed at another database gets its own.
    Migrations run on first use inside :func:`analyzer.workspace.open_workspace`; its
    :class:`analyzer.errors.JobreadyError` reaches the caller as one sentence.
    """
    from analyzer.workspace import open_workspace

    return open_workspace(url)


def workspace():
    """The workspace of this server's ``DATABASE_URL`` (see :func:`cached_workspace`)."""
    return cached_workspace(database_url())


@st.cache_data(show_spinner=False, max_entries=16)
def cached_cohort(url: str | None, name: str, fingerprint: tuple):
    """:meth:`Workspace.cohort` for ``name``, kept while ``fingerprint`` is unchanged.

    ``fingerprint`` is the cohort's (candidate, latest report id) pairs and posting ids
    (:func:`cohort_fingerprint`): a new report, member or posting makes a new key, so the
    k-means grouping runs once per state of the cohort instead of on every rerun.
    """
    return cached_workspace(url).cohort(name)


def cohort_fingerprint(space, name: str) -> tuple:
    """Two cheap queries that change whenever the cohort's analysis would."""
    members = tuple((c.name, c.latest_report_id) for c in space.candidates(name))
    return members, tuple(p.id for p in space.postings(name))


def workspace_ui():
    """(the workspace, its cohort names), or None after an st.error sentence when it cannot be opened."""
    from analyzer.errors import JobreadyError

    try:
        space = workspace()
        return space, [c.name for c in space.cohorts()]
    except JobreadyError as exc:
        st.error(str(exc))
        return None


def load_ui(label: str):
    """Taxonomy and matcher loaded under a spinner, after the page painted; None + st.error on failure."""
    from analyzer.errors import JobreadyError

    try:
        with st.spinner(label):
            taxonomy = cached_taxonomy()
            cached_matcher()
    except JobreadyError as exc:
        st.error(str(exc))
        return None
    return taxonomy
