"""One profile read: what :meth:`analyzer.code.github.GitHubClient.fetch_profile` asks GitHub, in
which order, within which budget, and what it leaves out.

Requests for a profile of R repositories (R <= ``max_repos``): one list of the user's
repositories (most recently pushed first, 100 a page); per repository, the recursive git tree
of its default branch; the files :func:`analyzer.repos.select_files` picks, as git blobs (REST,
one request each) or, with a token, in GraphQL queries of up to ``GRAPHQL_BATCH`` items that
also bring each repository's languages. Without a token, ``GET .../languages`` is asked while
budget remains; otherwise languages are estimated from the tree.

The budget is the ``X-RateLimit-Remaining`` GitHub reports after the list (capped by
``max_requests``). Trees go first in priority order (non-forks, most recently pushed first),
then files round-robin (each repository's main manifest and README, :func:`analyzer.repos.select_files`'s
first two, before anyone's third file), then languages.
Once GitHub has refused or failed, requests go to the cache only (:mod:`analyzer.code.github_http`)
and cost nothing. What does not fit is listed in ``skipped_files`` and in the warnings.
Reasons in ``skipped_files``: "over 1 MB", "binary file", "request budget", "not found", "the
read stopped early", "not in the cache", "beyond the first N files", or GitHub's answer
("GitHub answered 502 (...)").
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections.abc import Callable, MutableMapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Protocol

import requests
from github import Github, GithubException

from analyzer.code.github_http import MALFORMED, TOKEN_ADVICE, CacheMiss, NotGitHubAnswer, RequestMeter, stale_warning
from analyzer.code.repos import languages_from_tree, select_files
from analyzer.code.snapshot import MAX_FILE_BYTES, RepoSnapshot, TreeEntry
from analyzer.errors import GitHubError, RateLimitError

GRAPHQL_BATCH = 50  # items (blobs, language lists) per GraphQL query: a few MB at most per answer
_SHA = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")  # SHA-1 or SHA-256 object names


class GitHubClient(Protocol):
    """What a profile read needs of its client; :class:`analyzer.code.github.GitHubClient` has it.

    Declared here, below the client, so the client may import the profile read without a loop.
    """

    github: Github
    blobs: MutableMapping[str, str]
    meter: RequestMeter
    authenticated: bool
    graphql: bool
    workers: int
    base_url: str
    warnings: Sequence[str]

    def translate(self, exc: Exception, user: str | None = None) -> GitHubError: ...


@dataclass(frozen=True)
class Portfolio:
    """What :meth:`GitHubClient.fetch_profile` read about one user.

    Attributes:
        user: the login as given.
        snapshots: one per repository, in priority order (non-forks, most recently pushed first).
        requests_used: requests of this profile that GitHub answered with content (retries
            included, 304s not).
        cached_hits: answers taken from the cache: 304 revalidations, file texts reused by SHA and
            stored answers given when GitHub could not be asked (rate limit, outage).
        rate_limit_remaining: ``X-RateLimit-Remaining`` of the REST ("core") limit at the end, or None.
        rate_limit_reset: when that limit resets (UTC), or None.
        warnings: one sentence each (budget, truncated trees, empty repositories, partial reads,
            answers taken from the cache because GitHub refused or failed).
    """

    user: str
    snapshots: tuple[RepoSnapshot, ...]
    requests_used: int
    cached_hits: int
    rate_limit_remaining: int | None
    rate_limit_reset: datetime | None
    warnings: tuple[str, ...] = ()


class _Skipped(GitHubError):
    """Not attempted: an earlier rate limit or outage stopped the read, and the cache lacked it."""


_FAULTS = (GithubException, requests.RequestException, CacheMiss, NotGitHubAnswer, *MALFORMED)


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


class ProfileRead:
    """One :meth:`GitHubClient.fetch_profile` call: its budget, warnings and early stop."""

    def __init__(self, client: GitHubClient, user: str, max_requests: int | None) -> None:
        self.client, self.user, self.max_requests = client, user, max_requests
        self.budget: int | None = None  # requests left; None = GitHub reported no limit
        self.warnings = list(client.warnings)
        self.stopped: GitHubError | None = None
        self._lock = threading.Lock()
        client.meter.begin()
        self._start = (client.meter.sent, client.meter.cached)

    def run(self, progress: Callable[[int, int, str], None] | None, max_repos: int) -> Portfolio:
        meter = self.client.meter
        try:
            works = [_Work(repo) for repo in self._list(max_repos)]
        except _FAULTS as exc:
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
            refused = meter.cache_only()
            if works and not any(w.tree is not None for w in works) and (self.stopped or (refused and meter.stale)):
                raise self.stopped or self.client.translate(refused)  # the cache held no file tree either
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
        """Reserve one request; False when the budget is spent or the read has stopped. Once
        GitHub refused, requests go to the cache only and cost nothing."""
        with self._lock:
            if self.stopped:
                return False
            if self.client.meter.cache_only():
                return True
            if self.budget == 0:
                return False
            if self.budget is not None:
                self.budget -= 1
            return True

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(*args)`` with errors translated. After a rate limit, a time-out or a lost
        connection later calls are answered by the cache only (:mod:`analyzer.code.github_http`),
        and what it lacks is :class:`_Skipped`: waiting again for each repository would only
        multiply the wait. A 5xx answer stays the repository's own problem."""
        try:
            return fn(*args, **kwargs)
        except CacheMiss as miss:
            raise _Skipped("the read stopped early" if self.stopped else "not in the cache") from miss
        except _FAULTS as exc:
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
            if not isinstance(repo.full_name, str) or "/" not in repo.full_name:
                raise TypeError("a listed repository has no full_name")  # JSON of another shape
            listed.append(repo)
            own += not repo.fork
        listed.sort(key=lambda r: (r.fork, -(r.pushed_at.timestamp() if r.pushed_at else 0)))
        if more or len(listed) > max_repos:
            self.warnings.append(f"Only the {max_repos} most recently pushed repositories of {self.user} were "
                                 "read (forks last); older ones are not in this report.")
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
        work.tree, work.truncated = tree
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
        if self.client.meter.cache_only():
            return  # GraphQL answers are not cached; REST's cached answers will do
        query, where = _graphql_query(batch)
        try:
            _, answer = self.client.github.requester.graphql_query(query, {})
        except CacheMiss:
            return
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
        """Give REST requests round-robin (each repository's main manifest and README first), then languages."""
        queues = [[e for e in w.wanted if e.path not in w.files and e.path not in w.skipped] for w in works]
        refused = self.client.meter.cache_only()
        for rank in range(max(map(len, queues), default=0)):
            for work, queue in zip(works, queues):
                if rank < len(queue):
                    if refused and _SHA.fullmatch(queue[rank].sha or ""):
                        # a text read before is kept by its SHA (_plan found none): asking the
                        # cache for each blob would only cost time
                        work.skipped[queue[rank].path] = "the read stopped early" if self.stopped else "not in the cache"
                    elif self.take():
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
        try:
            return self._snapshot(work)
        except MALFORMED as exc:
            raise self.client.translate(exc) from exc

    def _snapshot(self, work: _Work) -> RepoSnapshot:
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
        cached = stale_warning(self.client.meter, self.client.base_url, self.client.authenticated)
        if cached:
            self.warnings.append(cached)
        if self.stopped:
            self.warnings.append(f"{self.stopped} Only part of the profile was read: "
                                 f"{len(works) - len(unread)} of {len(works)} repositories.")
        elif unread and self.client.meter.cache_only():
            why = str(self.client.translate(self.client.meter.cache_only())).split(": ", 1)[0]
            self.warnings.append(f"{len(unread)} repositories were listed but not read ({why}, and the cache "
                                 f"held no file tree for them): {', '.join(unread)}.")
        elif unread:
            self.warnings.append(f"{len(unread)} repositories were listed but not read, to stay within "
                                 f"GitHub's rate limit: {', '.join(unread)}.")
        if budget_files:
            self.warnings.append(f"{budget_files} files were not read, to stay within GitHub's rate limit"
                                 + ("." if self.client.authenticated else f": {TOKEN_ADVICE}."))
        if estimated and not self.stopped:
            self.warnings.append(f"Languages of {estimated} repositories were estimated from their file "
                                 "trees, to stay within GitHub's rate limit.")


def _git_tree(repo: Any) -> tuple[tuple[TreeEntry, ...], bool] | None:
    """(entries, truncated) of the default branch's recursive tree, or None for an empty
    repository (GitHub: 409)."""
    if not repo.default_branch:
        return None
    try:
        tree = repo.get_git_tree(repo.default_branch, recursive=True)
    except GithubException as exc:
        if exc.status == 409:
            return None
        raise
    return tuple(TreeEntry(e.path, e.type, e.size if e.type == "blob" else None, e.sha)
                 for e in tree.tree if e.type in ("blob", "tree")), bool(tree.truncated)


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
