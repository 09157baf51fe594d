"""Repository snapshots: the plain data every code detector reads.

:class:`RepoSnapshot` (with its :class:`TreeEntry` tree) is built by :mod:`analyzer.code.github`
from the GitHub API and by :func:`analyzer.code.repos.snapshot_from_folder` from a local folder,
then read by the detectors (:mod:`analyzer.code.detectors`, :mod:`analyzer.code.portfolio`,
:mod:`analyzer.code.testsuites`). It sits below all of them so none has to import another's module
for the types (no import loop).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

MAX_FILE_BYTES = 1_000_000
"""Files over 1 MB are never read: manifests and configs are far smaller; bigger ones are data or bundles."""

MAX_TREE_ENTRIES = 20_000
"""A folder walk stops here (``tree_truncated``), so a home directory passed by mistake cannot hang."""


@dataclass(frozen=True)
class TreeEntry:
    """One entry of a repository tree, in GitHub's git-tree shape; ``size`` in bytes (blobs only)."""

    path: str
    type: Literal["blob", "tree"]
    size: int | None = None
    sha: str | None = None


@dataclass(frozen=True)
class RepoSnapshot:
    """Everything jobready knows about one repository, GitHub's or a local folder's.

    ``source``: ``"github"`` or ``"repo"`` (local folder). ``languages``: bytes per language.
    ``files``: ``{path: text}`` of the fetched manifest, config, README and test files.
    ``skipped_files``: ``{path: reason}`` for wanted files not read (``"over 1 MB"`` …).
    ``own_commits``: for forks, whether the user committed anything (None = unknown).
    ``pushed_at_source``: how a local folder's ``pushed_at`` was found, ``"last commit"`` (git)
    or ``"newest file"`` (file dates, no git history); None for GitHub's push time.
    ``git_dir``: a local folder holds git metadata (``.git``, a folder, or a file in a worktree
    or submodule); not set for GitHub repositories, which are git repositories by definition.
    The dicts are not copied: treat them as read-only.
    """

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
    pushed_at_source: Literal["last commit", "newest file"] | None = None
    git_dir: bool = False
