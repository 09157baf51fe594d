"""Evidence and checks: the plain types every stage shares (bottom layer, no imports of ours).

Evidence is the proof behind every skill jobready reports.

An :class:`Evidence` says where a skill was seen: a résumé line (``source="resume"``,
with section, page and the line's text) or a repository file (``source="github"`` or
``"repo"`` for a local folder, with repository, path and, for GitHub, a URL).

Strength, weakest to strongest (see ``STRENGTH_FACTOR`` for the numbers readiness uses):

- ``listed``: named in a skills list, summary or header;
- ``applied``: used in a work, projects or volunteer bullet;
- ``quantified``: used in a bullet that carries a number or a measured outcome;
- ``demonstrated``: found in code (a dependency, a Dockerfile, a CI workflow, a test suite).

A :class:`Check` is one pass/fail check a coach makes, on a résumé (:mod:`analyzer.resume.checks`)
or a repository (:mod:`analyzer.code.portfolio`); it lives here so both stages share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Source = Literal["resume", "github", "repo"]
Strength = Literal["listed", "applied", "quantified", "demonstrated"]

STRENGTHS: tuple[str, ...] = ("listed", "applied", "quantified", "demonstrated")
"""Strength names in increasing order."""


@dataclass(frozen=True)
class Evidence:
    """One place a skill was seen.

    Attributes:
        source: ``"resume"``, ``"github"`` or ``"repo"``.
        strength: one of :data:`STRENGTHS`.
        text: the résumé line, or a short description of the repository finding
            (``"fastapi==0.110 in project/requirements.txt"``).
        section: JSON Resume section of the résumé line (``"work"``, ``"skills"`` …), else None.
        page: 1-based résumé page, else None.
        repo: repository full name (``"octocat/hello"``) or local folder name, else None.
        path: file path inside the repository, else None.
        line: 1-based line in that file of the declaration read from the code (a route, a
            database setting, a password hashing call), else None.
        url: link to the file on GitHub, else None.
        detail: optional extra explanation (``"implied by PostgreSQL"``).
    """

    source: Source
    strength: Strength
    text: str
    section: str | None = None
    page: int | None = None
    repo: str | None = None
    path: str | None = None
    line: int | None = None
    url: str | None = None
    detail: str | None = None

    def to_dict(self) -> dict:
        """Plain dict with the None fields left out (the report's JSON shape)."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


def strength_rank(strength: str) -> int:
    """Index of ``strength`` in :data:`STRENGTHS` (0 = weakest); ValueError if unknown."""
    return STRENGTHS.index(strength)


@dataclass(frozen=True)
class Check:
    """One résumé or portfolio check.

    Attributes:
        id: stable id (``contact_details``).
        name: short title.
        passed: True, False, or None when it cannot be told.
        detail: what was found, one sentence.
        advice: what to do, one sentence (empty when passed).
    """

    id: str
    name: str
    passed: bool | None
    detail: str
    advice: str = ""

    def to_dict(self) -> dict:
        """The report's JSON shape."""
        return dict(self.__dict__)
