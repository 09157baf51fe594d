"""Code sources: turn a GitHub user and local repository folders into report input.

:func:`read_code_sources` reads every source, runs the repository detectors and returns
the keyword arguments :func:`analyzer.report.analyze` takes for code evidence, so the
CLI and the dashboard share one path::

    sources = read_code_sources("octocat", [Path("~/work/api")], taxonomy)
    report = analyze("resume.pdf", taxonomy=taxonomy, **sources)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from analyzer.code.repos import RepoAnalysis, analyze_repo, snapshot_from_folder
from analyzer.errors import GitHubError, GitHubUserNotFoundError
from analyzer.evidence import Check, Evidence
from analyzer.taxonomy.loader import Taxonomy


@dataclass(frozen=True)
class RepositorySummary:
    """What one repository contributed: its stack, evidence count and portfolio checks."""

    source: str
    name: str
    url: str | None
    description: str | None
    stack: tuple[str, ...]
    evidence: tuple[tuple[str, Evidence], ...]
    checks: tuple[Check, ...]
    warnings: tuple[str, ...] = ()


def summarize(analysis: RepoAnalysis) -> RepositorySummary:
    """The report's view of one analysed repository."""
    snap = analysis.snapshot
    warnings = tuple(analysis.warnings)
    if not analysis.evidence:
        warnings += ("no source code or manifest was recognised: is this the repository's folder?",)
    return RepositorySummary(
        source=snap.source,
        name=snap.full_name or snap.name,
        url=snap.html_url,
        description=snap.description,
        stack=tuple(analysis.stack),
        evidence=tuple(analysis.evidence),
        checks=tuple(analysis.checks),
        warnings=warnings,
    )


def read_code_sources(
    github_user: str | None,
    repo_paths: Sequence[str | Path],
    taxonomy: Taxonomy,
    *,
    token: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    client=None,
    github_errors: str = "raise",
) -> dict:
    """Read GitHub and local folders; return ``analyze()`` keyword arguments.

    Args:
        github_user: GitHub login to read, or None.
        repo_paths: local repository folders (each raises RepoFolderError if missing).
        taxonomy: the loaded taxonomy (maps dependencies to skills).
        token: GitHub token for this call only (never stored); default ``GITHUB_TOKEN``.
        progress: called as ``progress(done, total, repository_name)``.
        client: an ``analyzer.github.GitHubClient`` (tests pass one aimed at a local server).
        github_errors: ``"raise"`` (default) or ``"warn"``: turn a GitHub failure (unknown
            user, rate limit, GitHub unreachable) into a warning, for callers that can still
            report on a résumé or local folders.

    Returns:
        ``{"repositories": tuple[RepositorySummary], "github_user": str | None,
        "github_usage": dict | None, "extra_warnings": tuple[str, ...]}``.

    Raises:
        RepoFolderError, GitHubUserNotFoundError, RateLimitError, GitHubUnavailableError.
    """
    folders = dict.fromkeys(Path(p).expanduser().resolve() for p in repo_paths)  # once each
    summaries = [summarize(analyze_repo(snapshot_from_folder(p), taxonomy)) for p in folders]
    usage = None
    warnings: list[str] = []
    if github_user:
        try:
            portfolio = _read_github(github_user, token, progress, client)
        except (GitHubError, GitHubUserNotFoundError) as exc:
            if github_errors != "warn":
                raise
            warnings.append(f"GitHub was not read: {exc}")
            github_user = None
    if github_user:
        summaries.extend(summarize(analyze_repo(s, taxonomy)) for s in portfolio.snapshots)
        warnings.extend(portfolio.warnings)
        reset = portfolio.rate_limit_reset
        usage = {
            "requests": portfolio.requests_used,
            "cached": portfolio.cached_hits,
            "repositories": len(portfolio.snapshots),
            "rate_limit_remaining": portfolio.rate_limit_remaining,
            "rate_limit_reset": reset.isoformat() if reset else None,
        }
    return {
        "repositories": tuple(summaries),
        "github_user": github_user,
        "github_usage": usage,
        "extra_warnings": tuple(warnings),
    }


def _read_github(user: str, token: str | None, progress, client):
    """One profile read; closes the client when it made it."""
    import logging

    from analyzer.code.github import make_client

    # PyGithub prints every retry and rate-limit back-off to stderr at INFO level;
    # the faults reach the user once, as our own one-sentence errors and warnings
    logging.getLogger("github").setLevel(logging.WARNING)
    owned = client is None
    client = client or make_client(token=token)
    try:
        return client.fetch_profile(user, progress=progress)
    finally:
        if owned:
            client.close()
