"""A fake GitHub API on 127.0.0.1: real HTTP, the small slice of the REST API jobready reads.

    with FakeGitHub(users=["octo"], repos=[make_repo("api", {"requirements.txt": "flask\\n"})]) as gh:
        client = make_client(base_url=gh.base_url, cache_dir=tmp_path)

Endpoints: ``GET /users/{u}``, ``/users/{u}/repos`` (``per_page``/``page``, ``Link`` header,
``sort``/``direction``), ``/repos/{o}/{r}``, ``/languages``, ``/git/trees/{ref}?recursive=1``,
``/contents/{path}`` (base64; files over 1 MB come back with ``encoding: "none"`` as on
GitHub), ``/git/blobs/{sha}``, ``/rate_limit`` and ``POST /graphql`` for one narrow query
shape (``alias: repository(owner:, name:) { languages(...) { edges { size node { name } } }
alias: object(oid: | expression:) { ... on Blob { text byteSize isBinary } } }``).

Like GitHub, every 200 carries an ``ETag`` and the ``X-RateLimit-*`` headers; a matching
``If-None-Match`` gets a 304. Following GitHub's REST docs ("Best practices": conditional
requests), a 304 is free for a request with an ``Authorization`` header and charged without
one (``free_anonymous_304=True`` makes it free for everyone). A spent bucket answers 403
"API rate limit exceeded". Faults: :meth:`FakeGitHub.fail` (any status, N times),
:meth:`FakeGitHub.delay`, :meth:`FakeGitHub.impersonate` (a 200 with any body: a web page, JSON
of another shape), ``latency`` per request, and per repository ``empty`` (409 on git
data) or ``truncated`` (half the tree, ``"truncated": true``). :attr:`FakeGitHub.log` keeps
every request with its headers.

The fixtures are built by the tests; :func:`load_corpus` reads the shared corpus format
(``repos/OWNER__NAME.json``) for the scripts.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

ANONYMOUS_LIMIT = 60  # GitHub REST docs, "Rate limits for the REST API": per hour without a token
TOKEN_LIMIT = 5000  # same page: per hour for a personal access token
VARY = "Accept, Authorization, Cookie, X-GitHub-OTP"  # what api.github.com sends
RATE_LIMITED = ("API rate limit exceeded for 127.0.0.1. (But here's the good news: "
                "Authenticated requests get a higher rate limit.)")
SECONDARY = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."


def git_sha(data: bytes, kind: str = "blob") -> str:
    """The SHA-1 git gives an object: ``sha1(b"blob <size>\\0" + data)``."""
    return hashlib.sha1(f"{kind} {len(data)}\0".encode() + data).hexdigest()


@dataclass
class FakeRepo:
    """One repository: the REST object's fields, its git tree and the blobs the server can serve."""

    owner: str
    name: str
    tree: list[dict]
    blobs: dict[str, bytes]
    meta: dict = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    empty: bool = False
    truncated: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    @property
    def default_branch(self) -> str:
        return self.meta.get("default_branch") or "main"

    @property
    def tree_sha(self) -> str:
        return git_sha(json.dumps(self.tree, sort_keys=True).encode(), "tree")


def make_repo(name: str, files: dict[str, str | bytes], *, owner: str = "octo",
              languages: dict[str, int] | None = None, **meta) -> FakeRepo:
    """A repository whose tree holds ``files`` (path -> text or bytes) and their folders.

    ``meta`` overrides REST fields (``fork``, ``pushed_at``, ``language``...); ``empty`` and
    ``truncated`` set the faults of the same name.
    """
    empty, truncated = meta.pop("empty", False), meta.pop("truncated", False)
    blobs, entries, folders = {}, [], set()
    for path, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        sha = git_sha(data)
        blobs[sha] = data
        entries.append({"path": path, "mode": "100644", "type": "blob", "sha": sha, "size": len(data)})
        parts = path.split("/")
        folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
    entries += [{"path": f, "mode": "040000", "type": "tree", "sha": git_sha(f.encode(), "tree")}
                for f in folders]
    entries.sort(key=lambda e: e["path"])
    meta.setdefault("pushed_at", "2024-01-01T00:00:00Z")
    return FakeRepo(owner, name, [] if empty else entries, blobs, meta,
                    dict(languages or {}), empty=empty, truncated=truncated)


def load_corpus(folder: str | Path, owner: str = "devuser", copies: int = 1,
                limit: int | None = None) -> list[FakeRepo]:
    """Repositories from the shared corpus (``repos/OWNER__NAME.json``), owned by ``owner``.

    ``copies`` > 1 repeats every repository under new names (``NAME-2`` …) for larger
    profiles; ``limit`` keeps the first N. Blobs hold the texts of ``files``; every other blob
    of the tree (the corpus keeps no source code) answers a one-line placeholder, so that, as on
    GitHub, every file in the tree can be read and the request counts match a real profile's.
    """
    repos = []
    paths = sorted(Path(folder, "repos").glob("*.json"))
    for copy in range(1, copies + 1):
        for path in paths:
            data = json.loads(path.read_text("utf-8"))
            meta = dict(data["repo"])
            name = meta["name"] if copy == 1 else f"{meta['name']}-{copy}"
            by_path = {e["path"]: e["sha"] for e in data["tree"]["tree"]}
            blobs = {by_path[p]: text.encode() for p, text in data["files"].items() if p in by_path}
            blobs.update({e["sha"]: b"# source text not kept in the corpus\n" for e in data["tree"]["tree"]
                          if e["type"] == "blob" and e["sha"] not in blobs})
            meta.pop("full_name", None)
            meta["name"] = name
            repos.append(FakeRepo(owner, name, data["tree"]["tree"], blobs, meta, data["languages"]))
    return repos[:limit]


@dataclass(frozen=True)
class Logged:
    """One request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]
    status: int
    charged: bool


class FakeGitHub:
    """The server; a context manager that starts it on a random port (see the module docstring)."""

    def __init__(self, users=(), repos=(), *, latency: float = 0.0, anonymous_limit: int = ANONYMOUS_LIMIT,
                 token_limit: int = TOKEN_LIMIT, free_anonymous_304: bool = False, port: int = 0):
        self.users = {u: {} for u in users}
        self.repos: dict[str, FakeRepo] = {}
        for repo in repos:
            self.add_repo(repo)
        self.latency = latency
        self.limits = {"anonymous": anonymous_limit, "token": token_limit}
        self.free_anonymous_304 = free_anonymous_304
        self.port = port
        self.log: list[Logged] = []
        self.arrived: list[str] = []  # every request's path on arrival, answered or not (time-outs)
        self._used: dict[str, int] = {}
        self._faults: list[dict] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.reset_at = int(time.time()) + 3600
        self._server: ThreadingHTTPServer | None = None

    # -- set-up -------------------------------------------------------------
    def add_repo(self, repo: FakeRepo) -> None:
        self.repos[repo.full_name.lower()] = repo
        self.users.setdefault(repo.owner, {})

    def fail(self, pattern: str, status: int = 502, times: int = 1, *, message: str = "Server Error",
             headers: dict[str, str] | None = None) -> None:
        """Answer ``status`` to the next ``times`` requests whose path matches ``pattern`` (regex)."""
        self._faults.append({"re": re.compile(pattern), "status": status, "times": times,
                             "message": message, "headers": headers or {}})

    def impersonate(self, pattern: str, body: bytes, content_type: str = "text/html; charset=utf-8",
                    times: int = 1_000_000) -> None:
        """Answer 200 with ``body`` to requests whose path matches ``pattern``: what a web site or
        another service says when GITHUB_API_URL points at it."""
        self._faults.append({"re": re.compile(pattern), "body": body, "type": content_type, "times": times})

    def delay(self, pattern: str, seconds: float, times: int = 1_000_000) -> None:
        """Wait ``seconds`` before answering requests whose path matches ``pattern``."""
        self._faults.append({"re": re.compile(pattern), "delay": seconds, "times": times})

    def limit(self, bucket: str) -> int:
        """The hourly limit of a bucket: ``"anonymous"``, a token, or ``"graphql:" + token``."""
        return self.limits["anonymous" if bucket == "anonymous" else "token"]

    def set_remaining(self, remaining: int, bucket: str = "anonymous") -> None:
        self._used[bucket] = self.limit(bucket) - remaining

    def remaining(self, bucket: str = "anonymous") -> int:
        return self.limit(bucket) - self._used.get(bucket, 0)

    # -- what happened ------------------------------------------------------
    @property
    def charged(self) -> int:
        """Requests charged against a rate limit, all buckets."""
        return sum(1 for r in self.log if r.charged)

    @property
    def not_modified(self) -> int:
        return sum(1 for r in self.log if r.status == 304)

    def requests_to(self, pattern: str) -> list[Logged]:
        return [r for r in self.log if re.search(pattern, r.path)]

    def clear_log(self) -> None:
        """Forget every request and refill every bucket, as an hour later."""
        with self._lock:
            self.log.clear()
            self.arrived.clear()
            self._used.clear()

    # -- life cycle -----------------------------------------------------------
    def __enter__(self) -> "FakeGitHub":
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopping.set()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # -- answering ------------------------------------------------------------
    def _matching(self, path: str, kind: str) -> dict | None:
        """The first live fault of ``kind`` ("status", "body" or "delay") for ``path``, used once."""
        with self._lock:
            for fault in self._faults:
                if kind in fault and fault["times"] > 0 and fault["re"].search(path):
                    fault["times"] -= 1
                    return fault
        return None

    def _charge(self, bucket: str, charge: bool) -> tuple[int, int]:
        """Charge one request if ``charge``; return (limit, remaining) after it."""
        limit = self.limit(bucket)
        with self._lock:
            if charge:
                self._used[bucket] = self._used.get(bucket, 0) + 1
            return limit, limit - self._used.get(bucket, 0)

    def rate_headers(self, bucket: str, limit: int, remaining: int) -> dict[str, str]:
        return {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(max(remaining, 0)),
                "X-RateLimit-Reset": str(self.reset_at), "X-RateLimit-Used": str(limit - max(remaining, 0)),
                "X-RateLimit-Resource": "graphql" if bucket.startswith("graphql") else "core"}

    def route(self, method: str, path: str, query: dict, body: bytes) -> tuple[int, object, dict]:
        """(status, JSON payload, extra headers) for one request."""
        base = self.base_url
        if method == "POST":
            return (200, self._graphql(body), {}) if path == "/graphql" else (404, _NOT_FOUND, {})
        if m := re.fullmatch(r"/users/([^/]+)", path):
            return (200, self._user(m[1]), {}) if m[1] in self.users else (404, _NOT_FOUND, {})
        if m := re.fullmatch(r"/users/([^/]+)/repos", path):
            return self._repo_list(m[1], query) if m[1] in self.users else (404, _NOT_FOUND, {})
        m = re.fullmatch(r"/repos/([^/]+)/([^/]+)(/.*)?", path)
        repo = self.repos.get(f"{m[1]}/{m[2]}".lower()) if m else None
        if repo is None:
            return 404, _NOT_FOUND, {}
        rest = m[3] or ""
        if rest == "":
            return 200, self._repo(repo), {}
        if rest == "/languages":
            return 200, repo.languages, {}
        if repo.empty and rest.startswith(("/git/", "/contents/")):
            return 409, {"message": "Git Repository is empty."}, {}
        if m := re.fullmatch(r"/git/trees/(.+)", rest):
            if unquote(m[1]) not in (repo.default_branch, repo.tree_sha, "HEAD"):
                return 404, _NOT_FOUND, {}
            entries = repo.tree[: len(repo.tree) // 2] if repo.truncated else repo.tree
            url = f"{base}/repos/{repo.full_name}/git"
            return 200, {"sha": repo.tree_sha, "url": f"{url}/trees/{repo.tree_sha}", "truncated": repo.truncated,
                         "tree": [{**e, "url": f"{url}/{e['type']}s/{e['sha']}"} for e in entries]}, {}
        if m := re.fullmatch(r"/git/blobs/([0-9a-f]+)", rest):
            if m[1] not in repo.blobs:
                return 404, {"message": "No object found for the path"}, {}
            data = repo.blobs[m[1]]
            return 200, {"sha": m[1], "size": len(data), "url": f"{base}/repos/{repo.full_name}/git/blobs/{m[1]}",
                         "content": base64.encodebytes(data).decode(), "encoding": "base64"}, {}
        if m := re.fullmatch(r"/contents/(.+)", rest):
            return self._contents(repo, unquote(m[1]))
        return 404, _NOT_FOUND, {}

    def _user(self, login: str) -> dict:
        owned = [r for r in self.repos.values() if r.owner == login]
        return {"login": login, "id": abs(hash(login)) % 10**8, "type": "User", "url": f"{self.base_url}/users/{login}",
                "html_url": f"https://github.com/{login}", "public_repos": len(owned), **self.users[login]}

    def _repo(self, repo: FakeRepo) -> dict:
        base = f"{self.base_url}/repos/{repo.full_name}"
        fields = {"description": None, "homepage": None, "language": None, "topics": [], "license": None,
                  "fork": False, "archived": False, "private": False, "visibility": "public",
                  "created_at": "2023-01-01T00:00:00Z", "stargazers_count": 0, "forks_count": 0, "size": 1,
                  "html_url": f"https://github.com/{repo.full_name}"}
        fields.update({k: v for k, v in repo.meta.items() if v is not None or k not in fields})
        owner = {"login": repo.owner, "type": "User", "url": f"{self.base_url}/users/{repo.owner}"}
        return {**fields, "name": repo.name, "full_name": repo.full_name, "owner": owner, "url": base,
                "default_branch": repo.default_branch, "languages_url": f"{base}/languages",
                "trees_url": f"{base}/git/trees{{/sha}}", "contents_url": f"{base}/contents/{{+path}}"}

    def _repo_list(self, login: str, query: dict) -> tuple[int, list, dict]:
        per_page = min(int(query.get("per_page", 30)), 100)
        page = int(query.get("page", 1))
        sort = query.get("sort", "full_name")
        descending = query.get("direction", "asc" if sort == "full_name" else "desc") == "desc"
        owned = [self._repo(r) for r in self.repos.values() if r.owner == login]
        owned.sort(key=lambda r: (r.get(f"{sort}_at") or "") if sort != "full_name" else r["full_name"].lower(),
                   reverse=descending)
        last = max(1, -(-len(owned) // per_page))
        links = []
        for rel, number in (("next", page + 1), ("last", last)):
            if page < last:
                params = {**query, "page": number, "per_page": per_page}
                links.append(f'<{self.base_url}/users/{login}/repos?{urlencode(params)}>; rel="{rel}"')
        headers = {"Link": ", ".join(links)} if links else {}
        return 200, owned[(page - 1) * per_page: page * per_page], headers

    def _contents(self, repo: FakeRepo, path: str) -> tuple[int, dict, dict]:
        entry = next((e for e in repo.tree if e["path"] == path and e["type"] == "blob"), None)
        if entry is None or entry["sha"] not in repo.blobs:
            return 404, _NOT_FOUND, {}
        data = repo.blobs[entry["sha"]]
        big = len(data) > 1_048_576
        return 200, {"type": "file", "name": path.rsplit("/", 1)[-1], "path": path, "sha": entry["sha"],
                     "size": len(data), "encoding": "none" if big else "base64",
                     "content": "" if big else base64.encodebytes(data).decode(),
                     "url": f"{self.base_url}/repos/{repo.full_name}/contents/{quote(path)}"}, {}

    def _graphql(self, body: bytes) -> dict:
        """Answer the one query shape jobready sends (see the module docstring)."""
        query = json.loads(body or b"{}").get("query", "")
        blocks = list(_GQL_REPO.finditer(query))
        data: dict = {}
        for i, block in enumerate(blocks):
            repo = self.repos.get(f"{json.loads(block['owner'])}/{json.loads(block['name'])}".lower())
            end = blocks[i + 1].start() if i + 1 < len(blocks) else len(query)
            if repo is None:
                data[block["alias"]] = None
                continue
            objects = {}
            if "languages(" in query[block.end():end]:
                objects["languages"] = {"edges": [{"size": n, "node": {"name": k}} for k, n in repo.languages.items()]}
            for obj in _GQL_OBJECT.finditer(query, block.end(), end):
                sha = json.loads(obj["oid"]) if obj["oid"] else self._sha_at(repo, json.loads(obj["expr"]))
                blob = repo.blobs.get(sha)
                binary = blob is not None and b"\0" in blob[:8000]
                objects[obj["alias"]] = None if blob is None else {
                    "byteSize": len(blob), "isBinary": binary,
                    "text": None if binary else blob.decode("utf-8", errors="replace")}
            data[block["alias"]] = objects
        return {"data": data}

    @staticmethod
    def _sha_at(repo: FakeRepo, expression: str) -> str | None:
        path = expression.split(":", 1)[-1]
        return next((e["sha"] for e in repo.tree if e["path"] == path), None)


_NOT_FOUND = {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}
_STRING = r'"(?:[^"\\]|\\.)*"'
_GQL_REPO = re.compile(rf"(?P<alias>\w+)\s*:\s*repository\(\s*owner:\s*(?P<owner>{_STRING})\s*,\s*"
                       rf"name:\s*(?P<name>{_STRING})\s*\)")
_GQL_OBJECT = re.compile(rf"(?P<alias>\w+)\s*:\s*object\(\s*(?:oid:\s*(?P<oid>{_STRING})|"
                         rf"expression:\s*(?P<expr>{_STRING}))\s*\)")


class _Handler(BaseHTTPRequestHandler):
    fake: FakeGitHub
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: avoid a 40 ms delayed-ACK stall

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        self._answer("GET")

    def do_POST(self) -> None:
        self._answer("POST")

    def _answer(self, method: str) -> None:
        fake = self.fake
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with fake._lock:
            fake.arrived.append(self.path)
        if fake.latency:
            fake._stopping.wait(fake.latency)
        url = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        auth = self.headers.get("Authorization")
        token = auth.split()[-1] if auth else None
        bucket = ("graphql:" if url.path == "/graphql" else "") + (token or "anonymous")
        delay = fake._matching(url.path, "delay")
        if delay and fake._stopping.wait(delay["delay"]):
            return
        fault = fake._matching(url.path, "status")
        extra: dict = {}
        impostor = fake._matching(url.path, "body")
        if impostor:
            self._send(200, {"Content-Type": impostor["type"]}, impostor["body"])
            return
        if fault:
            status, payload, charge = fault["status"], {"message": fault["message"]}, False
            extra = dict(fault["headers"])
        elif url.path == "/rate_limit":
            status, payload, charge = 200, self._rate_limit(bucket), False
        elif url.path == "/graphql" and not token:
            status, payload, charge = 401, {"message": "This endpoint requires you to be authenticated."}, False
        elif fake.remaining(bucket) <= 0:
            status, payload, charge = 403, {"message": RATE_LIMITED}, False
        else:
            status, payload, extra = fake.route(method, url.path, query, body)
            charge = True
        data = json.dumps(payload).encode()
        etag = f'W/"{hashlib.sha1(data).hexdigest()}"'
        if status == 200 and method == "GET" and self.headers.get("If-None-Match") == etag:
            status, data = 304, b""
            charge = not (token or fake.free_anonymous_304)
        limit, remaining = fake._charge(bucket, charge)
        headers = {**fake.rate_headers(bucket, limit, remaining), **extra, "Vary": VARY,
                   "Content-Type": "application/json; charset=utf-8"}
        if status in (200, 304):
            headers.update({"ETag": etag, "Cache-Control": "private, max-age=60, s-maxage=60"})
        with fake._lock:
            fake.log.append(Logged(method, self.path, dict(self.headers), status, charge))
        self._send(status, headers, data)

    def _send(self, status: int, headers: dict[str, str], data: bytes) -> None:
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a time-out test)
            pass

    def _rate_limit(self, bucket: str) -> dict:
        core = {"limit": self.fake.limit(bucket),
                "remaining": self.fake.remaining(bucket), "reset": self.fake.reset_at}
        return {"resources": {"core": core}, "rate": core}
