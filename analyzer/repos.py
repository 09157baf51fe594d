"""Repository evidence: what a repository's files prove about its author's skills.

Work in progress (the contract in docs/design.md is stable: names and shapes below won't change).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal


@dataclass(frozen=True)
class TreeEntry:
    """One entry of a repository tree (GitHub's git tree shape)."""

    path: str
    type: Literal["blob", "tree"]
    size: int | None = None
    sha: str | None = None


@dataclass(frozen=True)
class RepoSnapshot:
    """Everything jobready knows about one repository (GitHub's or a local folder)."""

    source: Literal["github", "repo"]
    name: str
    full_name: str
    html_url: str | None = None
    description: str | None = None
    homepage: str | None = None
    fork: bool = False
    archived: bool = False
    topics: tuple[str, ...] = ()
    license: str | None = None
    created_at: datetime | None = None
    pushed_at: datetime | None = None
    default_branch: str | None = None
    language: str | None = None
    languages: dict[str, int] = field(default_factory=dict)
    tree: tuple[TreeEntry, ...] = ()
    tree_truncated: bool = False
    files: dict[str, str] = field(default_factory=dict)
    skipped_files: dict[str, str] = field(default_factory=dict)
    own_commits: bool | None = None
