"""The HTTP layer under PyGithub: cache, retries, rate-limit meter, and GitHub's failures as ours.

:func:`analyzer.github.make_client` puts these together; nothing here reads a profile.

* :func:`open_caches`: a requests-cache session (SQLite ``github.sqlite`` in
  :func:`default_cache_dir`) and the blob-text store (SHA → text) in the same file. Every GET
  is revalidated with ``If-None-Match`` each time; GitHub does not charge a ``304`` to a
  request with an ``Authorization`` header (GitHub REST docs, "Best practices for using the
  REST API"). Blob answers are not cached: their texts are kept by SHA instead, since a blob
  never changes under its SHA. The token travels only in the Authorization header, which
  requests-cache keeps out of cache keys and redacts from what it stores; it is never logged.
* :class:`CachedConnection`: the connection class PyGithub's Requester builds, sending
  through that session, so one ``Github`` is cached without patching requests or PyGithub.
* :class:`BoundedRetry`: PyGithub's ``GithubRetry`` that never waits longer than
  ``max_rate_limit_wait`` for a ``Retry-After``.
* :class:`RequestMeter`: requests sent, cache answers and the latest REST rate-limit headers.
* :func:`translate_error`: a PyGithub or requests exception as the one-sentence
  :mod:`analyzer.errors` exception a user can act on.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import platformdirs
import requests
from github import GithubException, GithubRetry
from github.GithubException import RateLimitExceededException, RateLimitExceededExceedsMaxWait
from github.Requester import RequestsResponse
from requests.adapters import HTTPAdapter
from requests_cache import DO_NOT_CACHE, EXPIRE_IMMEDIATELY, CachedSession
from requests_cache.backends.sqlite import SQLiteDict

from analyzer.errors import GitHubError, GitHubUnavailableError, GitHubUserNotFoundError, RateLimitError

TOKEN_LIMIT = 5000  # requests/hour with a token (GitHub REST docs, "Rate limits for the REST API")
ANONYMOUS_LIMIT = 60  # requests/hour without one (same page)
_TOKEN_LIKE = re.compile(r"\b(?:gh[pousr]_|github_pat_)\w+|\b[0-9a-f]{40}\b")  # GitHub's token formats


class RequestMeter:
    """Thread-safe tally of requests sent, cache answers and the latest REST rate-limit headers."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.sent = self.cached = 0
        self.remaining: int | None = None
        self.reset: int | None = None

    def hit(self) -> None:
        with self._lock:
            self.cached += 1

    def record(self, response: requests.Response) -> None:
        revalidated, from_cache = getattr(response, "revalidated", False), getattr(response, "from_cache", False)
        retries = getattr(getattr(response.raw, "retries", None), "history", None) or ()
        headers = response.headers
        with self._lock:
            self.cached += from_cache or revalidated
            self.sent += 0 if from_cache or revalidated else 1 + len(retries)
            if (from_cache and not revalidated) or headers.get("X-RateLimit-Resource", "core") != "core" \
                    or "X-RateLimit-Remaining" not in headers or "X-RateLimit-Reset" not in headers:
                return  # stale headers, or another limit (GraphQL has its own)
            remaining, reset = int(float(headers["X-RateLimit-Remaining"])), int(float(headers["X-RateLimit-Reset"]))
            if self.reset is None or reset > self.reset:
                self.remaining, self.reset = remaining, reset
            elif reset == self.reset:  # answers arrive out of order: the lowest count is the latest
                self.remaining = min(self.remaining, remaining)


class CachedConnection:
    """The connection PyGithub's Requester expects (``request()`` then ``getresponse()``),
    sending through the client's requests-cache session. PyGithub's own keeps the pending
    request on the instance; here it is per thread, so workers can share one ``Github``."""

    def __init__(self, host: str, port: int | None = None, *args: Any, session: requests.Session,
                 meter: RequestMeter, scheme: str, read_timeout: float, **kwargs: Any) -> None:
        self.host, self.port = host, port
        self._root = f"{scheme}://{host}" + (f":{port}" if port else "")
        self._session, self._meter, self._timeout = session, meter, read_timeout
        self._pending = threading.local()

    def request(self, verb: str, url: str, input: Any, headers: dict[str, str], stream: bool = False) -> None:
        self._pending.call = (verb, url, input, headers)

    def getresponse(self) -> RequestsResponse:
        verb, url, body, headers = self._pending.call
        response = self._session.request(verb, self._root + url, data=body, headers=headers,
                                         timeout=self._timeout, allow_redirects=False)
        self._meter.record(response)
        return RequestsResponse(response)

    def close(self) -> None:
        """The session belongs to :class:`analyzer.github.GitHubClient`, which closes it."""


class BoundedRetry(GithubRetry):
    """``GithubRetry`` that refuses, instead of sleeping, a ``Retry-After`` longer than
    ``max_rate_limit_wait`` (urllib3 would honour any value, even an hour)."""

    def get_retry_after(self, response: Any) -> float | None:
        seconds = super().get_retry_after(response)
        if seconds is not None and self.max_rate_limit_wait is not None and seconds > self.max_rate_limit_wait:
            raise RateLimitExceededExceedsMaxWait(response.status, None, dict(response.headers), wait=seconds)
        return seconds


def _public_vary(response: requests.Response, *args: Any, **kwargs: Any) -> requests.Response:
    """Drop ``Authorization`` from ``Vary`` before the response is cached: requests-cache treats
    a Vary on a header it ignores as a permanent miss, so with a token nothing would ever be
    revalidated. Everything cached is public (``/users/{u}/repos`` lists public repositories
    only), hence the same for every token."""
    vary = response.headers.get("Vary")
    if vary and "authorization" in vary.lower():
        response.headers["Vary"] = ", ".join(v.strip() for v in vary.split(",") if v.strip().lower() != "authorization")
    return response


def default_cache_dir() -> Path:
    """``$JOBREADY_CACHE_DIR``, else the user cache folder (``~/.cache/jobready`` on Linux)."""
    return Path(os.environ.get("JOBREADY_CACHE_DIR") or platformdirs.user_cache_dir("jobready"))


def open_caches(cache_dir: Path | str | None, retry: BoundedRetry,
                workers: int) -> tuple[CachedSession, Any, list[str]]:
    """The HTTP cache session and the blob-text store (SHA -> text), both in ``github.sqlite``;
    in memory, with a warning, when the folder cannot be used."""
    settings = dict(expire_after=EXPIRE_IMMEDIATELY, urls_expire_after={"*/git/blobs/*": DO_NOT_CACHE},
                    allowable_methods=("GET",), allowable_codes=(200,))
    folder = Path(cache_dir) if cache_dir else default_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = str(folder / "github.sqlite")  # WAL: no fsync per commit, and readers never wait
        session = CachedSession(path, backend="sqlite", wal=True, **settings)
        blobs, warnings = SQLiteDict(path, table_name="blob_texts", serializer=None, wal=True), []
    except (OSError, sqlite3.Error) as exc:
        session, blobs = CachedSession(backend="memory", **settings), {}
        warnings = [f"The cache folder {folder} cannot be used ({exc}): GitHub answers were not kept "
                    "for the next run; set JOBREADY_CACHE_DIR to a writable folder."]
    session.hooks["response"].append(_public_vary)
    adapter = HTTPAdapter(max_retries=retry, pool_connections=2, pool_maxsize=workers + 2)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session, blobs, warnings


def translate_error(exc: Exception, base_url: str, authenticated: bool,
                    user: str | None = None) -> GitHubError | GitHubUserNotFoundError:
    """Our error for a PyGithub or requests exception; the sentence never quotes headers.

    ``base_url`` is named when GitHub cannot be reached; ``authenticated`` picks the rate-limit
    sentence; with ``user``, a 404 means that user does not exist.
    """
    if not isinstance(exc, GithubException):
        reason = "did not answer in time" if "timed out" in str(exc).lower() else "could not be reached"
        return GitHubUnavailableError(f"GitHub at {base_url} {reason}: check the connection "
                                      "(or GITHUB_API_URL) and try again.")
    status, headers = exc.status, {k.lower(): v for k, v in (exc.headers or {}).items()}
    message = exc.data.get("message", "") if isinstance(exc.data, dict) else ""
    message = _TOKEN_LIKE.sub("[token]", str(message or ""))[:200]  # GitHub's words, never a secret
    if status in (403, 429) and (isinstance(exc, RateLimitExceededException) or "rate limit" in message.lower()
                                 or headers.get("x-ratelimit-remaining") == "0" or "retry-after" in headers):
        return _rate_limit_error(headers, message, authenticated)
    if status == 401:
        return GitHubError("GitHub refused the token (401 Bad credentials): check GITHUB_TOKEN, "
                           "or unset it to read public repositories without one.")
    if status == 404 and user:
        return GitHubUserNotFoundError(f"GitHub has no user named {user!r}: check the spelling.")
    if status >= 500:
        return GitHubUnavailableError(f"GitHub answered {status} ({message or 'server error'}) "
                                      "even after retrying: try again in a few minutes.")
    return GitHubError(f"GitHub answered {status}{f' ({message})' if message else ''}: "
                       "check the user name and GITHUB_API_URL.")


def _rate_limit_error(headers: dict[str, str], message: str, authenticated: bool) -> RateLimitError:
    reset_text = headers.get("x-ratelimit-reset", "")
    reset = datetime.fromtimestamp(int(reset_text), timezone.utc) if reset_text.isdigit() else None
    if headers.get("x-ratelimit-remaining") != "0" and not message.lower().startswith("api rate limit"):
        return RateLimitError("GitHub's secondary rate limit stopped the requests (too many at once): "
                              "wait a few minutes and try again.", reset)
    when = f"until {reset:%Y-%m-%d %H:%M} UTC" if reset else "for now"
    if authenticated:
        return RateLimitError(f"GitHub's rate limit for this token is used up {when}: try again then.", reset)
    return RateLimitError(f"GitHub's rate limit for anonymous requests is used up {when}: try again then, "
                          f"or set GITHUB_TOKEN, since a token raises the limit from {ANONYMOUS_LIMIT} "
                          f"to {TOKEN_LIMIT:,} requests an hour.", reset)

