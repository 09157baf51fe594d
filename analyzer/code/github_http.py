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
  When GitHub refuses (rate limit) or fails (5xx after the retries, time-out, no connection),
  it answers from the cache instead: the stored answer, however stale (up to
  :data:`MAX_STALE`), asked for with the standard ``only-if-cached`` and ``max-stale``
  directives. After a rate limit or a connection failure every later GET of the read goes to
  the cache only (:class:`CacheMiss` when it holds nothing), so a spent limit or a dead
  server costs no more waiting.
* :class:`BoundedRetry`: PyGithub's ``GithubRetry`` that never waits longer than
  ``max_rate_limit_wait`` for a ``Retry-After`` and stops retrying time-outs once another
  attempt would pass ``deadline`` seconds.
* :class:`RequestMeter`: requests sent, cache answers, stale answers and the latest REST
  rate-limit headers.
* :func:`translate_error`: a PyGithub or requests exception, or an answer that is not the
  GitHub API's, as the one-sentence :mod:`analyzer.errors` exception a user can act on.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sqlite3
import threading
import time
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import platformdirs
import requests
from github import GithubException, GithubRetry
from github.GithubException import (
    BadAttributeException,
    IncompletableObject,
    RateLimitExceededExceedsMaxWait,
    RateLimitExceededException,
)
from github.Requester import RequestsResponse
from requests.adapters import HTTPAdapter
from requests_cache import DO_NOT_CACHE, EXPIRE_IMMEDIATELY, CachedSession
from requests_cache.backends.sqlite import SQLiteDict
from urllib3.exceptions import MaxRetryError
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from analyzer.errors import GitHubError, GitHubUnavailableError, GitHubUserNotFoundError, RateLimitError

TOKEN_LIMIT = 5000  # requests/hour with a token (GitHub REST docs, "Rate limits for the REST API")
ANONYMOUS_LIMIT = 60  # requests/hour without one (same page)
TOKEN_PLACES = "GITHUB_TOKEN, or the token field in the dashboard"
"""Where a user gives a token, in words that fit both front ends (the CLI reads the variable)."""
TOKEN_ADVICE = (f"a GitHub token raises the limit from {ANONYMOUS_LIMIT} to {TOKEN_LIMIT:,} requests an hour "
                f"({TOKEN_PLACES})")
"""The clause that ends an anonymous rate-limit message (no capital, no full stop)."""
MAX_STALE = 365 * 86400
"""Seconds: when GitHub cannot be asked, cached answers up to a year old are used (ours: a profile
changes slowly, and the warning dates the data); older ones count as absent."""
MALFORMED = (TypeError, KeyError, AttributeError, ValueError, BadAttributeException, IncompletableObject)
"""What PyGithub raises on JSON of the wrong shape (a list where an object belongs, an object
without its ``url``, a string where a number belongs ...)."""
_TOKEN_LIKE = re.compile(r"\b(?:gh[pousr]_|github_pat_)\w+|\b[0-9a-f]{40}\b")  # GitHub's token formats
_JSON_START = re.compile(rb"\s*[\[{]")


class CacheMiss(Exception):
    """The cache holds no answer for a request that GitHub cannot be asked now; ``reason`` is
    the rate limit or outage that stopped the asking."""

    def __init__(self, reason: Exception) -> None:
        super().__init__(str(reason))
        self.reason = reason


class NotGitHubAnswer(Exception):
    """A 2xx answer whose body is not JSON: the address is a web page or another service."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind  # "HTML" or "text that is not JSON"


class RequestMeter:
    """Thread-safe tally of requests sent, cache answers and the latest REST rate-limit headers.

    ``refused``: the rate limit or connection failure after which later GETs go to the cache
    only (cleared by :meth:`begin` unless it is a rate limit that has not reset). ``stale``:
    answers served from the cache because GitHub could not be asked, ``stale_reason`` the first
    such failure, ``stale_date`` (UTC) when the oldest of those answers was fetched or last confirmed.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.sent = self.cached = self.stale = 0
        self.remaining: int | None = None
        self.reset: int | None = None
        self.refused: Exception | None = None
        self.stale_reason: Exception | None = None
        self.stale_date: datetime | None = None

    def begin(self) -> None:
        """Start a profile read: forget the previous read's outage and stale answers."""
        with self._lock:
            if not _is_rate_limit(self.refused) or not self.reset or self.reset <= time.time():
                self.refused = None
            self.stale, self.stale_reason, self.stale_date = 0, None, None

    def cache_only(self) -> Exception | None:
        """Why GitHub must not be asked now (a refusal, or a spent limit that has not reset), else None."""
        with self._lock:
            if self.refused is None and self.remaining == 0 and self.reset and self.reset > time.time():
                self.refused = RateLimitExceededException(403, {"message": "API rate limit exceeded"}, {
                    "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(self.reset)})
            return self.refused

    def refuse(self, reason: Exception) -> None:
        with self._lock:
            self.refused = self.refused or reason
        self.note_limit(getattr(reason, "headers", None) or {})

    def hit(self) -> None:
        with self._lock:
            self.cached += 1

    def served_stale(self, response: Any, reason: Exception) -> None:
        """Count an answer the cache gave in place of GitHub's; dated by its ``Date`` header."""
        try:
            fetched = parsedate_to_datetime(response.headers["Date"])
        except (KeyError, TypeError, ValueError):
            fetched = getattr(response, "created_at", None)
        with self._lock:
            self.stale += 1
            self.cached += 1
            self.stale_reason = self.stale_reason or reason
            if fetched and (self.stale_date is None or fetched < self.stale_date):
                self.stale_date = fetched.astimezone(timezone.utc)

    def record(self, response: requests.Response) -> None:
        revalidated, from_cache = getattr(response, "revalidated", False), getattr(response, "from_cache", False)
        retries = getattr(getattr(response.raw, "retries", None), "history", None) or ()
        with self._lock:
            self.cached += from_cache or revalidated
            self.sent += 0 if from_cache or revalidated else 1 + len(retries)
        if not from_cache or revalidated:  # a cached answer's headers are stale
            self.note_limit(response.headers)

    def note_limit(self, headers: Any) -> None:
        """Keep the REST ("core") limit's remaining count and reset time; other limits are ignored."""
        headers = {k.lower(): v for k, v in headers.items()}
        if headers.get("x-ratelimit-resource", "core") != "core" or "x-ratelimit-remaining" not in headers \
                or "x-ratelimit-reset" not in headers:
            return
        remaining, reset = int(float(headers["x-ratelimit-remaining"])), int(float(headers["x-ratelimit-reset"]))
        with self._lock:
            if self.reset is None or reset > self.reset:
                self.remaining, self.reset = remaining, reset
            elif reset == self.reset:  # answers arrive out of order: the lowest count is the latest
                self.remaining = min(self.remaining, remaining)


class CachedConnection:
    """The connection PyGithub's Requester expects (``request()`` then ``getresponse()``),
    sending through the client's requests-cache session and answering from the cache when
    GitHub refuses or fails (see the module docstring). PyGithub's own keeps the pending
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
        send = functools.partial(self._session.request, verb, self._root + url, data=body,
                                 timeout=self._timeout, allow_redirects=False)
        refused = self._meter.cache_only()
        if refused is not None:
            return self._checked(self._from_cache(send, verb, headers, refused))
        try:
            response = send(headers=headers)
        except (GithubException, requests.RequestException) as exc:
            if isinstance(exc, GithubException) and (verb != "GET" or not _is_rate_limit(exc)):
                raise  # GraphQL's rate limit is its own: REST may go on
            self._meter.refuse(exc)
            return self._checked(self._from_cache(send, verb, headers, exc, fresh_error=True))
        self._meter.record(response)
        if verb == "GET" and (response.status_code >= 500 or response.status_code in (403, 429)):
            failure = GithubException(response.status_code, _message(response), dict(response.headers))
            limited = _is_rate_limit(failure)
            if limited:
                self._meter.refuse(failure)
            if limited or response.status_code >= 500:
                with contextlib.suppress(CacheMiss):  # else PyGithub turns GitHub's answer into the error
                    return self._checked(self._from_cache(send, verb, headers, failure))
        return self._checked(response)

    def _from_cache(self, send: Any, verb: str, headers: dict[str, str], reason: Exception,
                    fresh_error: bool = False) -> requests.Response:
        """The cached answer, however stale; else ``reason`` again (it just happened) or :class:`CacheMiss`."""
        kept = None
        if verb == "GET":
            kept = send(headers={**headers, "Cache-Control": f"only-if-cached,max-stale={MAX_STALE}"})
        if kept is None or kept.status_code != 200:  # a miss is requests-cache's 504 "Not Cached"
            if fresh_error:
                raise reason
            raise CacheMiss(reason)
        self._meter.served_stale(kept, reason)
        return kept

    @staticmethod
    def _checked(response: requests.Response) -> RequestsResponse:
        """PyGithub's view of ``response``, once a 2xx body is known to be JSON."""
        if 200 <= response.status_code < 300 and response.content and not _JSON_START.match(response.content):
            raise NotGitHubAnswer("HTML" if response.content.lstrip()[:1] == b"<" else "text that is not JSON")
        return RequestsResponse(response)

    def close(self) -> None:
        """The session belongs to :class:`analyzer.github.GitHubClient`, which closes it."""


def _message(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


class BoundedRetry(GithubRetry):
    """``GithubRetry`` that refuses, instead of sleeping, a ``Retry-After`` longer than
    ``max_rate_limit_wait`` (urllib3 would honour any value, even an hour), and gives up on
    time-outs once another attempt of ``timeout`` seconds would end past ``deadline`` seconds
    of waiting for this request (15 s time-outs and a 20 s deadline: no retry after a time-out;
    refused connections fail at once and keep their retries)."""

    def __init__(self, *, timeout: float | None = None, deadline: float | None = None, **kwargs: Any) -> None:
        self.timeout, self.deadline = timeout, deadline
        super().__init__(**kwargs)

    def new(self, **kw: Any) -> BoundedRetry:
        kw.update(timeout=self.timeout, deadline=self.deadline)
        return super().new(**kw)

    def increment(self, method: str | None = None, url: str | None = None, response: Any = None,
                  error: Exception | None = None, _pool: Any = None, _stacktrace: Any = None) -> BoundedRetry:
        if isinstance(error, Urllib3Timeout) and self.timeout and self.deadline is not None:
            waited = self.timeout * (1 + sum(isinstance(h.error, Urllib3Timeout) for h in self.history))
            if waited + self.timeout > self.deadline:
                raise MaxRetryError(_pool, url, error) from error
        return super().increment(method, url, response, error, _pool, _stacktrace)

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


def _is_rate_limit(exc: Exception | None) -> bool:
    """True for GitHub's primary or secondary rate-limit answer (403 or 429)."""
    if not isinstance(exc, GithubException) or exc.status not in (403, 429):
        return False
    headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
    message = exc.data.get("message", "") if isinstance(exc.data, dict) else ""
    return (isinstance(exc, RateLimitExceededException) or "rate limit" in str(message).lower()
            or headers.get("x-ratelimit-remaining") == "0" or "retry-after" in headers)


def translate_error(exc: Exception, base_url: str, authenticated: bool,
                    user: str | None = None) -> GitHubError | GitHubUserNotFoundError:
    """Our error for a PyGithub or requests exception, a :class:`CacheMiss`, a
    :class:`NotGitHubAnswer` or JSON of the wrong shape (:data:`MALFORMED`); the sentence never
    quotes headers.

    ``base_url`` is named when GitHub cannot be reached; ``authenticated`` picks the rate-limit
    sentence; with ``user``, a 404 means that user does not exist.
    """
    if isinstance(exc, CacheMiss):
        exc = exc.reason
    if isinstance(exc, NotGitHubAnswer) or (isinstance(exc, MALFORMED) and not isinstance(exc, requests.RequestException)):
        # (requests' InvalidHeader is a ValueError too: it is a request problem, not an answer)
        kind = exc.kind if isinstance(exc, NotGitHubAnswer) else "unexpected JSON"
        return GitHubError(f"{base_url} did not answer like the GitHub API (got {kind}): check GITHUB_API_URL.")
    if not isinstance(exc, GithubException):
        reason = "did not answer in time" if "timed out" in str(exc).lower() else "could not be reached"
        return GitHubUnavailableError(f"GitHub at {base_url} {reason}: check the connection "
                                      "(or GITHUB_API_URL) and try again.")
    status, headers = exc.status, {k.lower(): v for k, v in (exc.headers or {}).items()}
    message = exc.data.get("message", "") if isinstance(exc.data, dict) else ""
    message = _TOKEN_LIKE.sub("[token]", str(message or ""))[:200]  # GitHub's words, never a secret
    if _is_rate_limit(exc):
        return _rate_limit_error(headers, message, authenticated)
    if status == 401:
        return GitHubError(f"GitHub refused the token (401 Bad credentials): check it ({TOKEN_PLACES}), "
                           "or leave it out to read public repositories without one.")
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
    return RateLimitError(f"GitHub's rate limit for anonymous requests is used up {when}: try again then; "
                          f"{TOKEN_ADVICE}.", reset)


def stale_warning(meter: RequestMeter, base_url: str, authenticated: bool) -> str | None:
    """The sentence for a read answered (partly) from the cache because GitHub could not be
    asked, naming why and how old the data is; None when every answer was fresh."""
    if not meter.stale or meter.stale_reason is None:
        return None
    error = translate_error(meter.stale_reason, base_url, authenticated)
    what = str(error).split(": ", 1)[0]
    when = f" of {meter.stale_date:%Y-%m-%d %H:%M} UTC" if meter.stale_date else ""
    if isinstance(error, RateLimitError):
        advice = "try again after the reset" if authenticated else f"use a GitHub token ({TOKEN_PLACES})"
    else:
        advice = "try again later"
    return f"{what}: repositories were read from the cache{when}; {advice} for fresh data."
