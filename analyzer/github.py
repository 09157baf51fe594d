"""GitHub edge: a user's public repositories, read with PyGithub within the rate limit.

    client = make_client()        # GITHUB_API_URL and GITHUB_TOKEN from the environment
    portfolio = client.fetch_profile("octocat", progress=lambda done, total, name: print(done, total, name))

Requests for a profile of R repositories (R <= ``max_repos``): one list of the user's
repositories (most recently pushed first, 100 a page); per repository, the recursive git tree
of its default branch; the files :func:`analyzer.repos.select_files` picks, as git blobs (REST,
one request each) or, with a token, in GraphQL queries of up to ``GRAPHQL_BATCH`` items that
also bring each repository's languages. Without a token, ``GET .../languages`` is asked while
budget remains; otherwise languages are estimated from the tree.

The budget is the ``X-RateLimit-Remaining`` GitHub reports after the list (capped by
``max_requests``). Trees go first in priority order (non-forks, most recently pushed first),
then files round-robin (each repository's best file before anyone's second), then languages.
What does not fit is listed in ``skipped_files`` and in the warnings. Reasons in
``skipped_files``: "over 1 MB", "binary file", "request budget", "not found", "the read
stopped early", "beyond the first N files", or GitHub's answer ("GitHub answered 502 (...)").

Caching (:mod:`analyzer.github_http`): every GET goes through requests-cache (SQLite,
``github.sqlite``) and is revalidated each time, and a ``304`` costs nothing; file texts are
kept by blob SHA, so a text read once, by REST or GraphQL, costs nothing again. The token
travels only in the Authorization header and is never logged or stored.

Faults: one sentence each (:class:`GitHubUserNotFoundError`, :class:`RateLimitError`,
:class:`GitHubUnavailableError`, :class:`GitHubError`). Once repositories have been read, a
rate limit, a time-out or a lost connection ends the read with a partial Portfolio and a
warning; a 5xx on one repository is a warning for that repository. Retries are PyGithub's
``GithubRetry`` (urllib3), ``retries`` per request; no wait for a rate limit exceeds
``max_rate_limit_wait`` seconds.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import os
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from github import Auth, Github, GithubException
from requests_cache import CachedSession
from requests_cache.backends.sqlite import SQLiteDict

from analyzer.errors import GitHubError, GitHubUserNotFoundError, RateLimitError
from analyzer.github_http import (BoundedRetry, CachedConnection, RequestMeter, default_cache_dir, open_caches,
                                  translate_error)
from analyzer.repos import MAX_FILE_BYTES, RepoSnapshot, TreeEntry, languages_from_tree, select_files

__all__ = ["DEFAULT_API_URL", "GRAPHQL_BATCH", "GitHubClient", "Portfolio", "default_cache_dir", "make_client"]

DEFAULT_API_URL = "https://api.github.com"
GRAPHQL_BATCH = 50  # items (blobs, language lists) per GraphQL query: a few MB at most per answer
WORKERS = 4  # requests at once; GitHub's best practices ask integrations not to send many concurrently
BACKOFF_FACTOR = 0.25  # seconds; urllib3 waits 0.25, 0.5, 1 ... between retries
USER_AGENT = "jobready (PyGithub)"
_LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9])){0,38}")  # GitHub's rule; _ for Enterprise
_SHA = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")  # SHA-1 or SHA-256 object names


@dataclass(frozen=True)
class Portfolio:
    """What :meth:`GitHubClient.fetch_profile` read about one user.

    Attributes:
        user: the login as given.
        snapshots: one per repository, in priority order (non-forks, most recently pushed first).
        requests_used: requests of this profile that GitHub answered with content (retries
            included, 304s not).
        cached_hits: answers taken from the cache: 304 revalidations and file texts reused by SHA.
        rate_limit_remaining: ``X-RateLimit-Remaining`` of the REST ("core") limit at the end, or None.
        rate_limit_reset: when that limit resets (UTC), or None.
        warnings: one sentence each (budget, truncated trees, empty repositories, partial reads).
    """

    user: str
    snapshots: tuple[RepoSnapshot, ...]
    requests_used: int
    cached_hits: int
    rate_limit_remaining: int | None
    rate_limit_reset: datetime | None
    warnings: tuple[str, ...] = ()



def make_client(token: str | None = None, base_url: str | None = None, *, retries: int = 3,
                max_rate_limit_wait: float = 0, cache_dir: Path | str | None = None, timeout: float = 15,
                workers: int = WORKERS, graphql: bool | None = None) -> GitHubClient:
    """A :class:`GitHubClient` for ``base_url`` (default ``$GITHUB_API_URL``, else api.github.com).

    Args:
        token: a personal access token (default ``$GITHUB_TOKEN``): 5,000 requests an hour
            instead of 60. Sent in the Authorization header only.
        retries: retries per request on 5xx, time-outs and refused connections.
        max_rate_limit_wait: longest wait, in seconds, for a rate limit; longer means a
            RateLimitError (or a partial Portfolio) at once.
        cache_dir: folder of ``github.sqlite`` (default :func:`default_cache_dir`).
        timeout: seconds to wait for each answer.
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
                         raise_on_status=False)  # after the last retry PyGithub sees the answer (status, headers)
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
            RateLimitError: the limit is spent before any repository could be read.
            GitHubUnavailableError: 5xx, time-out or no connection, after the retries.
            GitHubError: anything else GitHub refused (a bad token ...).
        """
        login = user.strip().lstrip("@")
        if not _LOGIN.fullmatch(login):
            raise GitHubUserNotFoundError(f"{user!r} is not a GitHub user name: use the name in github.com/NAME.")
        return _ProfileRead(self, login, max_requests).run(progress, max_repos)

    def translate(self, exc: Exception, user: str | None = None) -> GitHubError | GitHubUserNotFoundError:
        """Our error for a PyGithub or requests exception (:func:`analyzer.github_http.translate_error`)."""
        return translate_error(exc, self.base_url, self.authenticated, user)


class _Skipped(GitHubError):
    """Not attempted: an earlier rate limit or outage stopped the read."""


@dataclass
class _Work:
    """One repository while it is read (changed by one thread at a time)."""

    repo: Any  # github.Repository.Repository, as listed
    tree_allowed: bool = False
    tree: tuple[TreeEntry, ...] | None = None  # None: not read
    truncated: bool = False
    wanted: list[TreeEntry] = field(default_factory=list)  # files still to fetch
    rest: list[TreeEntry] = field(default_factory=list)  # ... of which REST may fetch these
    files: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    languages_allowed: bool = False  # may spend a REST request on GET .../languages
    languages: dict[str, int] | None = None  # GitHub's, once read


class _ProfileRead:
    """One :meth:`GitHubClient.fetch_profile` call: its budget, warnings and early stop."""

    def __init__(self, client: GitHubClient, user: str, max_requests: int | None) -> None:
        self.client, self.user, self.max_requests = client, user, max_requests
        self.budget: int | None = None  # requests left; None = GitHub reported no limit
        self.warnings = list(client.warnings)
        self.stopped: GitHubError | None = None
        self._lock = threading.Lock()
        self._start = (client.meter.sent, client.meter.cached)

    def run(self, progress: Callable[[int, int, str], None] | None, max_repos: int) -> Portfolio:
        meter = self.client.meter
        try:
            works = [_Work(repo) for repo in self._list(max_repos)]
        except (GithubException, requests.RequestException) as exc:
            raise self.client.translate(exc, self.user) from exc
        remaining = meter.remaining
        if self.max_requests is not None:
            left = self.max_requests - (meter.sent - self._start[0])
            remaining = left if remaining is None else min(remaining, left)
        self.budget = None if remaining is None else max(remaining, 0)
        for work in works:  # trees first, in priority order
            work.tree_allowed = self.take()
        with ThreadPoolExecutor(self.client.workers, thread_name_prefix="github") as pool:
            list(pool.map(self._read_tree, works))
            if self.stopped and not any(w.tree is not None for w in works):
                raise self.stopped
            for work in works:
                self._plan(work)
            if self.client.graphql:
                pending = [(w, e) for w in works if w.tree for e in [None, *w.wanted]
                           if e is None or _SHA.fullmatch(e.sha or "")]  # only hex SHAs go into a query
                list(pool.map(self._graphql, [pending[i:i + GRAPHQL_BATCH]
                                              for i in range(0, len(pending), GRAPHQL_BATCH)]))
            self._allocate(works)
            snapshots: list[RepoSnapshot | None] = [None] * len(works)
            futures = {pool.submit(self._finish, work): i for i, work in enumerate(works)}
            for done, future in enumerate(as_completed(futures), 1):
                snapshots[futures[future]] = future.result()
                if progress:
                    progress(done, len(works), works[futures[future]].repo.full_name)
        self._summarise(works)
        reset = datetime.fromtimestamp(meter.reset, timezone.utc) if meter.reset else None
        return Portfolio(self.user, tuple(snapshots), meter.sent - self._start[0], meter.cached - self._start[1],
                         meter.remaining, reset, tuple(dict.fromkeys(self.warnings)))

    def take(self) -> bool:
        """Reserve one request; False when the budget is spent or the read has stopped."""
        with self._lock:
            if self.stopped or self.budget == 0:
                return False
            if self.budget is not None:
                self.budget -= 1
            return True

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(*args)`` with errors translated. A rate limit, a time-out or a lost connection
        stops every later call (:class:`_Skipped`): waiting again for each repository would
        only multiply the wait. A 5xx answer stays the repository's own problem."""
        if self.stopped:
            raise _Skipped("the read stopped early")
        try:
            return fn(*args, **kwargs)
        except (GithubException, requests.RequestException) as exc:
            error = self.client.translate(exc)
            if isinstance(error, RateLimitError) or isinstance(exc, requests.RequestException):
                with self._lock:
                    self.stopped = self.stopped or error
            raise error from exc

    def _list(self, max_repos: int) -> list[Any]:
        listed, own, more = [], 0, False
        for repo in self.client.github.get_user(self.user, lazy=True).get_repos(
                type="owner", sort="pushed", direction="desc"):
            if own >= max_repos:
                more = True
                break
            listed.append(repo)
            own += not repo.fork
        listed.sort(key=lambda r: (r.fork, -(r.pushed_at.timestamp() if r.pushed_at else 0)))
        if more or len(listed) > max_repos:
            self.warnings.append(f"Only the {max_repos} most recently pushed repositories of {self.user} were "
                                 "read (forks last): raise max_repos to read more.")
        return listed[:max_repos]

    def _read_tree(self, work: _Work) -> None:
        if not work.tree_allowed:
            return
        name = work.repo.full_name
        try:
            tree = self.call(_git_tree, work.repo)
        except GitHubError as error:
            if not isinstance(error, _Skipped) and error is not self.stopped:
                self.warnings.append(f"{name}: its file tree could not be read ({str(error).rstrip('.')}).")
            return
        if tree is None:
            work.tree = ()
            self.warnings.append(f"{name}: empty repository (no commits yet), nothing to read.")
            return
        work.tree = tuple(TreeEntry(e.path, e.type, e.size if e.type == "blob" else None, e.sha)
                          for e in tree.tree if e.type in ("blob", "tree"))
        work.truncated = bool(tree.truncated)
        if work.truncated:
            self.warnings.append(f"{name}: GitHub truncated its file tree (too many files), "
                                 f"so only the first {len(work.tree)} entries were examined.")

    def _plan(self, work: _Work) -> None:
        """The files :func:`analyzer.repos.select_files` picks (it skips those over 1 MB), less
        the ones whose text an earlier run kept."""
        if not work.tree:
            return
        selection = select_files(work.tree)
        work.skipped.update(selection.skipped)
        entries = {e.path: e for e in work.tree}
        for entry in (entries[p] for p in selection.paths):
            text = self.client.blobs.get(entry.sha) if _SHA.fullmatch(entry.sha or "") else None
            if text is None:
                work.wanted.append(entry)
            else:
                work.files[entry.path] = text
                self.client.meter.hit()

    def _graphql(self, batch: list[tuple[_Work, TreeEntry | None]]) -> None:
        """Languages (entry None) and file texts in one GraphQL query; what fails is left to REST."""
        query, where = _graphql_query(batch)
        try:
            _, answer = self.client.github.requester.graphql_query(query, {})
        except (GithubException, requests.RequestException) as exc:
            self.warnings.append(f"GraphQL could not be read ({str(self.client.translate(exc)).rstrip('.')}); "
                                 "REST was used instead, within the rate limit.")
            return
        for (work, entry), (repo_alias, field_alias) in zip(batch, where):
            found = ((answer.get("data") or {}).get(repo_alias) or {}).get(field_alias)
            if entry is None:
                work.languages = {e["node"]["name"]: int(e["size"]) for e in (found or {}).get("edges") or []}
            elif found is None:  # GitHub has no such object: REST would answer 404 as well
                work.skipped[entry.path] = "not found"
            else:
                self._store(work, entry, None if found.get("isBinary") else found.get("text"),
                            int(found.get("byteSize") or 0))

    def _allocate(self, works: list[_Work]) -> None:
        """Give REST requests round-robin (each repository's best file first), then languages."""
        queues = [[e for e in w.wanted if e.path not in w.files and e.path not in w.skipped] for w in works]
        for rank in range(max(map(len, queues), default=0)):
            for work, queue in zip(works, queues):
                if rank < len(queue):
                    if self.take():
                        work.rest.append(queue[rank])
                    else:
                        work.skipped[queue[rank].path] = "the read stopped early" if self.stopped else "request budget"
        for work in works:
            work.languages_allowed = bool(work.tree) and work.languages is None and self.take()

    def _store(self, work: _Work, entry: TreeEntry, text: str | None, size: int) -> None:
        """Keep a file's text (also by blob SHA, for later runs) or say why it was skipped."""
        if size > MAX_FILE_BYTES:
            work.skipped[entry.path] = "over 1 MB"
        elif text is None:
            work.skipped[entry.path] = "binary file"
        else:
            work.files[entry.path] = text
            if _SHA.fullmatch(entry.sha or ""):
                self.client.blobs[entry.sha] = text

    def _finish(self, work: _Work) -> RepoSnapshot:
        """Read the repository's allotted blobs and languages; build its snapshot."""
        for entry in work.rest:
            try:
                blob = self.call(work.repo.get_git_blob, entry.sha)
                data = base64.b64decode(blob.content) if blob.encoding == "base64" else blob.content.encode()
                self._store(work, entry, None if b"\0" in data[:8000] else data.decode("utf-8", "replace"), len(data))
            except GitHubError as error:
                work.skipped[entry.path] = str(error).split(": ", 1)[0]  # "GitHub answered 404 (...)"
        if work.languages_allowed:
            try:  # PyGithub adds the request's "url" to the answer
                work.languages = {k: v for k, v in self.call(work.repo.get_languages).items() if isinstance(v, int)}
            except GitHubError:
                pass
        repo = work.repo
        return RepoSnapshot(
            source="github", name=repo.name, full_name=repo.full_name, html_url=repo.html_url,
            description=repo.description, homepage=repo.homepage or None, fork=bool(repo.fork),
            archived=bool(repo.archived), topics=tuple(repo.topics or ()),
            license=repo.license.spdx_id if repo.license else None, created_at=repo.created_at,
            pushed_at=repo.pushed_at, default_branch=repo.default_branch, language=repo.language,
            languages=work.languages if work.languages is not None else languages_from_tree(work.tree or ()),
            tree=work.tree or (), tree_truncated=work.truncated, files=work.files, skipped_files=work.skipped)

    def _summarise(self, works: list[_Work]) -> None:
        """Warnings for what the budget or an early stop left out."""
        unread = [w.repo.full_name for w in works if w.tree is None]
        budget_files = sum(reason == "request budget" for w in works for reason in w.skipped.values())
        estimated = sum(bool(w.tree) and w.languages is None for w in works)
        if self.stopped:
            self.warnings.append(f"{self.stopped} Only part of the profile was read: "
                                 f"{len(works) - len(unread)} of {len(works)} repositories.")
        elif unread:
            self.warnings.append(f"{len(unread)} repositories were listed but not read, to stay within "
                                 f"GitHub's rate limit: {', '.join(unread)}.")
        if budget_files:
            self.warnings.append(f"{budget_files} files were not read, to stay within GitHub's rate limit"
                                 + ("." if self.client.authenticated else ": set GITHUB_TOKEN for a higher limit."))
        if estimated and not self.stopped:
            self.warnings.append(f"Languages of {estimated} repositories were estimated from their file "
                                 "trees, to stay within GitHub's rate limit.")


def _git_tree(repo: Any) -> Any:
    """The recursive tree of the default branch, or None for an empty repository (GitHub: 409)."""
    if not repo.default_branch:
        return None
    try:
        return repo.get_git_tree(repo.default_branch, recursive=True)
    except GithubException as exc:
        if exc.status == 409:
            return None
        raise


def _graphql_query(batch: list[tuple[_Work, TreeEntry | None]]) -> tuple[str, list[tuple[str, str]]]:
    """One GraphQL query for ``batch`` (a None entry asks for the repository's languages) and
    each item's (repository alias, field alias) in the answer."""
    groups: dict[str, list[int]] = {}
    for i, (work, _) in enumerate(batch):
        groups.setdefault(work.repo.full_name, []).append(i)
    where: list[tuple[str, str]] = [("", "")] * len(batch)
    parts = []
    for r, (full_name, indexes) in enumerate(groups.items()):
        fields = []
        for f, i in enumerate(indexes):
            entry = batch[i][1]
            where[i] = (f"r{r}", "languages" if entry is None else f"f{f}")
            fields.append("languages(first: 100) { edges { size node { name } } }" if entry is None else
                          f'f{f}: object(oid: "{entry.sha}") {{ ... on Blob {{ text byteSize isBinary }} }}')
        owner, name = full_name.split("/", 1)
        parts.append(f"r{r}: repository(owner: {json.dumps(owner)}, name: {json.dumps(name)}) {{ {' '.join(fields)} }}")
    return "query { " + " ".join(parts) + " }", where
