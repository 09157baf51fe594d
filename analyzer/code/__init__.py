"""Stage 1c, code evidence: a GitHub user or local folders → repository snapshots → skill evidence.

Takes a GitHub username (read through PyGithub within the rate limit) or local repository folders;
gives per repository a :class:`RepoSnapshot` (tree, languages, the files worth reading), skill
evidence of strength ``demonstrated`` naming the repository, file and line, portfolio checks, and
(:func:`read_code_sources`) the keyword arguments :func:`analyzer.report.analyze` takes.

- :mod:`analyzer.code.snapshot`: :class:`RepoSnapshot`, :class:`TreeEntry` (the shared data);
- :mod:`analyzer.code.github`, :mod:`analyzer.code.github_http`, :mod:`analyzer.code.github_profile`:
  the client, its cached HTTP layer with retries, and one profile read within the request budget;
- :mod:`analyzer.code.repos`: file choice, local folders, :func:`analyze_repo`;
- :mod:`analyzer.code.manifests`, :mod:`analyzer.code.dependencies`: manifest parsing;
- :mod:`analyzer.code.detectors`, :mod:`analyzer.code.testsuites`, :mod:`analyzer.code.portfolio`:
  findings → evidence, real tests vs stubs, portfolio checks;
- :mod:`analyzer.code.sources`: :func:`read_code_sources`, :class:`RepositorySummary`.

The GitHub client (:func:`make_client`) is imported on first use, so folder-only runs do not pay
for PyGithub. Raises :class:`analyzer.errors.GitHubError` family and ``RepoFolderError``.
"""

from importlib import import_module

from analyzer.code.repos import RepoAnalysis, analyze_repo, snapshot_from_folder
from analyzer.code.snapshot import RepoSnapshot, TreeEntry
from analyzer.code.sources import RepositorySummary, read_code_sources

__all__ = ["GitHubClient", "RepoAnalysis", "RepoSnapshot", "RepositorySummary", "TreeEntry", "analyze_repo",
           "make_client", "read_code_sources", "snapshot_from_folder"]


def __getattr__(name: str):
    if name in ("GitHubClient", "make_client"):
        return getattr(import_module("analyzer.code.github"), name)
    raise AttributeError(f"module 'analyzer.code' has no attribute {name!r}")
