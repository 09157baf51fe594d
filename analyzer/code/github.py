"""GitHub edge: a user's public repositories, read with PyGithub within the rate limit.

    client = make_client()        # GITHUB_API_URL and GITHUB_TOKEN from the environment
    portfolio = client.fetch_profile("octocat", progress=lambda done, total, name: print(done, total, name))

This module builds the client: one PyGithub ``Github`` whose requests go through the cache,
retries and rate-limit meter of :mod:`analyzer.code.github_http`. How a profile is read within the
budget (what is asked, in which order, what is left out) is :mod:`analyzer.code.github_profile`.

Caching: every GET goes through requests-cache (SQLite, ``github.sqlite``) and is revalidated
each time, and a ``304`` costs nothing; file texts are kept by blob SHA, so a text read once,
by REST or GraphQL, costs nothing again. The token travels only in the Authorization header
and is never logged or stored.

Faults: one sentence each (:class:`GitHubUserNotFoundError`, :class:`RateLimitError`,
:class:`GitHubUnavailableError`, :class:`GitHubError`). When GitHub refuses (rate limit) or
fails (5xx, time-out, no connection), what the cache holds answers instead, with a warning
dating it; after a rate limit or a connection failure nothing more is asked of GitHub in that
read. Only when the cache holds no file tree at all is the error raised. Retries are PyGithub's
``GithubRetry`` (urllib3), ``retries`` per request, no wait for a rate limit over
``max_rate_limit_wait`` seconds and no retry of a time-out past ``deadline`` seconds.
"""

from __future__ import annotations

import functools
import math
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from github import Auth, Github
from requests_cache import CachedSession
from requests_cache.backends.sqlite import SQLiteDict

from analyzer.code.github_http import (
    BoundedRetry,
    CachedConnection,
    RequestMeter,
    default_cache_dir,
    open_caches,
    translate_error,
)
from analyzer.code.github_profile import GRAPHQL_BATCH, Portfolio, ProfileRead
from analyzer.errors import GitHubError, GitHubUserNotFoundError

__all__ = ["DEFAULT_API_URL", "GRAPHQL_BATCH", "GitHubClient", "Portfolio", "default_cache_dir", "make_client"]

DEFAULT_API_URL = "https://api.github.com"
WORKERS = 4  # requests at once; GitHub's best practices ask integrations not to send many concurrently
BACKOFF_FACTOR = 0.25  # seconds; urllib3 waits 0.25, 0.5, 1 ... between retries
DEADLINE = 20.0  # seconds one request may spend on time-outs, retries included (ours: a dead server fails in ~15 s)
USER_AGENT = "jobready (PyGithub)"
_LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9])){0,38}")  # GitHub's rule; _ for Enterprise


def make_client(token: str | None = None, base_url: str | None = None, *, retries: int = 3,
                max_rate_limit_wait: float = 0, cache_dir: Path | str | None = None, timeout: float = 15,
                deadline: float = DEADLINE, workers: int = WORKERS, graphql: bool | None = None) -> GitHubClient:
    """A :class:`GitHubClient` for ``base_url`` (default ``$GITHUB_API_URL``, else api.github.com).

    Args:
        token: a personal access token (default ``$GITHUB_TOKEN``): 5,000 requests an hour
            instead of 60. Sent in the Authorization header only.
        retries: retries per request on 5xx, time-outs and refused connections.
        max_rate_limit_wait: longest wait, in seconds, for a rate limit; longer means a
            RateLimitError (or a partial Portfolio) at once.
        cache_dir: folder of ``github.sqlite`` (default :func:`default_cache_dir`).
        timeout: seconds to wait for each answer.
        deadline: seconds one request may spend timing out; no time-out is retried past it.
        workers: requests at once.
        graphql: read file texts and languages with GraphQL (default: with a token; GitHub's
            GraphQL API refuses anonymous requests).

    Raises:
        GitHubError: ``base_url`` is not an http(s) URL.
    """
    token = token or os.environ.get("GITHUB_TOKEN") or None
    base_url = (base_url or os.environ.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise GitHubError(f"{base_url!r} is not a GitHub API address: use a URL such as {DEFAULT_API_URL}.")
    retry = BoundedRetry(total=retries, max_rate_limit_wait=max_rate_limit_wait, backoff_factor=BACKOFF_FACTOR,
                         timeout=timeout, deadline=deadline, raise_on_status=False)  # after the last retry PyGithub sees the answer (status, headers)
    session, blobs, warnings = open_caches(cache_dir, retry, workers)
    github = Github(auth=Auth.Token(token) if token else None, base_url=base_url, timeout=max(1, math.ceil(timeout)),
                    user_agent=USER_AGENT, per_page=100, retry=retry, lazy=True,
                    seconds_between_requests=None, seconds_between_writes=None)
    meter = RequestMeter()
    # PyGithub builds its connection lazily from this per-Requester attribute: swapping it routes
    # this client's requests through the cache without patching requests or PyGithub globally.
    requester = github.requester
    if not hasattr(requester, "_Requester__connectionClass"):
        raise RuntimeError("This PyGithub version cannot take a connection class: install PyGithub 2.x.")
    requester._Requester__connectionClass = functools.partial(
        CachedConnection, session=session, meter=meter, scheme=parts.scheme, read_timeout=timeout)
    return GitHubClient(github, session, blobs, meter, authenticated=token is not None, workers=workers,
                        graphql=bool(token) if graphql is None else graphql, base_url=base_url, warnings=warnings)


class GitHubClient:
    """Reads GitHub profiles through one PyGithub ``Github`` and one cache; build it with
    :func:`make_client`. Counts in a Portfolio are exact when one profile is read at a time."""

    def __init__(self, github: Github, session: CachedSession, blobs: Any, meter: RequestMeter, *,
                 authenticated: bool, graphql: bool, workers: int, base_url: str, warnings: list[str]) -> None:
        self.github, self.session, self.blobs, self.meter = github, session, blobs, meter
        self.authenticated, self.graphql, self.workers, self.base_url = authenticated, graphql, workers, base_url
        self.warnings = tuple(warnings)

    def __enter__(self) -> GitHubClient:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close the PyGithub connection, the HTTP session and the on-disk caches."""
        self.github.close()
        self.session.close()
        if isinstance(self.blobs, SQLiteDict):
            self.blobs.close()

    def fetch_profile(self, user: str, *, progress: Callable[[int, int, str], None] | None = None,
                      max_repos: int = 30, max_requests: int | None = None) -> Portfolio:
        """Read up to ``max_repos`` public repositories of ``user`` (see the module docstring).

        Args:
            user: a GitHub login (``@`` and surrounding spaces are ignored).
            progress: called in this thread as ``progress(done, total, full_name)`` after each
                repository, ``done`` in 1..total.
            max_repos: repositories read, forks last.
            max_requests: spend at most this many requests (default: all GitHub allows now).

        Raises:
            GitHubUserNotFoundError: no such user (or not a valid login).
            RateLimitError: the limit is spent and the cache holds no repository of the user.
            GitHubUnavailableError: 5xx, time-out or no connection, after the retries, and
                the cache holds no repository of the user.
            GitHubError: anything else GitHub refused (a bad token ...), or an answer that is
                not the GitHub API's (check GITHUB_API_URL).
        """
        login = user.strip().lstrip("@")
        if not _LOGIN.fullmatch(login):
            raise GitHubUserNotFoundError(f"{user!r} is not a GitHub user name: use the name in github.com/NAME.")
        return ProfileRead(self, login, max_requests).run(progress, max_repos)

    def translate(self, exc: Exception, user: str | None = None) -> GitHubError | GitHubUserNotFoundError:
        """Our error for a PyGithub, requests or cache exception (:func:`analyzer.github_http.translate_error`)."""
        return translate_error(exc, self.base_url, self.authenticated, user)
