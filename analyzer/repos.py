"""Repository evidence: what a repository's files prove about its author's skills.

Works the same on GitHub data (``analyzer.github`` builds the :class:`RepoSnapshot`) and on a
local folder (:func:`snapshot_from_folder`)::

    snapshot = snapshot_from_folder("~/code/todo-api")
    analysis = analyze_repo(snapshot, load_taxonomy())
    analysis.stack        # ("python", "fastapi")
    analysis.evidence     # (("fastapi", Evidence(strength="demonstrated", path="requirements.txt", …)), …)

Detectors: declared dependencies (``analyzer.manifests``) mapped through the taxonomy's
``packages``; language bytes; Dockerfiles and compose files; container images of databases and
brokers; CI configurations; migration folders and SQL files; OpenAPI and GraphQL schemas;
deploy configurations (Procfile, fly.toml, render.yaml, Kubernetes manifests, Terraform);
tests that really test (``analyzer.portfolio``). Every finding is an
:class:`~analyzer.evidence.Evidence` of strength ``demonstrated`` naming the repository and path.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from packaging.utils import canonicalize_name

from analyzer.checks import Check
from analyzer.errors import RepoFolderError
from analyzer.evidence import Evidence
from analyzer.manifests import (EXCLUDED_DIRS, MANIFEST_KINDS, Dependency, Service, file_kind, is_env_example,
                                is_excluded, is_kubernetes_manifest, read_manifests)
from analyzer.portfolio import (CI_KINDS, TestSuite, blob_paths, ci_paths, docker_paths, find_tests,
                                is_secret_suspect, license_from_text, portfolio_checks, test_files)
from analyzer.taxonomy import Taxonomy

__all__ = ["Check", "FileSelection", "RepoAnalysis", "RepoSnapshot", "TreeEntry", "analyze_repo",
           "languages_from_tree", "select_files", "snapshot_from_folder", "unresolved_signals", "wanted_files"]

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


@dataclass(frozen=True)
class RepoAnalysis:
    """The result of :func:`analyze_repo`.

    ``snapshot``: the input without file texts (they may hold secrets). ``evidence``:
    ``(skill_id, Evidence)`` pairs, one per skill and file. ``stack``: language then framework
    skill ids. ``checks``: the portfolio checks. ``tests``: the test-suite verdict.
    ``dependencies``: every declared package. ``warnings``: one sentence each.
    """

    snapshot: RepoSnapshot
    evidence: tuple[tuple[str, Evidence], ...]
    stack: tuple[str, ...]
    checks: tuple[Check, ...]
    warnings: tuple[str, ...]
    tests: TestSuite | None = None
    dependencies: tuple[Dependency, ...] = ()


# --- which files to read --------------------------------------------------------------------

# (priority, per-kind cap): lower priority is read first; the cap keeps nested copies few.
_SELECTION = {**{k: (0, 4) for k in MANIFEST_KINDS}, "requirements": (0, 6), "dockerfile": (1, 4),
              "compose": (1, 3), **{k: (2, 6) for k in CI_KINDS}, "readme": (3, 2), "procfile": (3, 2),
              **{k: (3, 1) for k in ("fly", "render", "app_json", "vercel", "netlify", "railway", "app_engine")},
              "openapi": (4, 2), "graphql": (4, 2), "alembic": (4, 1), "env": (4, 2), "k8s": (5, 2),
              "test": (6, 3), "license": (7, 1), "secret": (8, 3)}


@dataclass(frozen=True)
class FileSelection:
    """:func:`select_files`' answer: the paths to read, and the wanted paths left out with why."""

    paths: tuple[str, ...]
    skipped: dict[str, str]


def select_files(tree: Sequence[TreeEntry], limit: int | None = None) -> FileSelection:
    """The files detection needs, most valuable first, and the ones left out.

    Order: dependency manifests, Dockerfiles and compose files, CI configs, deploy configs and
    the README, API schemas and example .env files, Kubernetes manifests, up to three test files (largest,
    smallest, middle: enough to tell real tests from stubs), the licence, credential-named
    files. Shallow paths first within a kind; each kind is capped (four ``package.json`` …).
    Nothing under ``node_modules/``, ``vendor/``, ``dist/``, ``build/``. Blobs over
    :data:`MAX_FILE_BYTES` are left out as ``"over 1 MB"``; past ``limit`` as ``"beyond the first N files"``.
    """
    blobs = [e for e in tree if e.type == "blob" and not is_excluded(e.path)]
    candidates = [(file_kind(e.path), e) for e in blobs if file_kind(e.path) in _SELECTION.keys() - {"env"}]
    candidates += [("env", e) for e in blobs if is_env_example(e.path)]  # a real .env is flagged by name, not read
    candidates += [("test", e) for e in _sample_tests(test_files(blobs))]
    candidates += [("secret", e) for e in blobs if is_secret_suspect(e.path)]
    candidates.sort(key=lambda c: (_SELECTION[c[0]][0], c[1].path.count("/"), c[1].path))
    taken: dict[str, int] = {}
    paths: list[str] = []
    skipped: dict[str, str] = {}
    for kind, entry in candidates:
        if entry.path in paths or entry.path in skipped or taken.get(kind, 0) >= _SELECTION[kind][1]:
            continue
        taken[kind] = taken.get(kind, 0) + 1
        if entry.size is not None and entry.size > MAX_FILE_BYTES:
            skipped[entry.path] = "over 1 MB"
        elif limit is not None and len(paths) >= limit:
            skipped[entry.path] = f"beyond the first {limit} files"
        else:
            paths.append(entry.path)
    return FileSelection(tuple(paths), skipped)


def wanted_files(tree: Sequence[TreeEntry], limit: int | None = None) -> list[str]:
    """The paths detection needs, most valuable first (see :func:`select_files` for order and caps)."""
    return list(select_files(tree, limit).paths)


def _sample_tests(entries: Sequence[TreeEntry]) -> list[TreeEntry]:
    """Largest, smallest and middle-sized test files: a real suite shows in the largest, a stub in all."""
    by_size = sorted(entries, key=lambda e: (e.size or 0, e.path))
    picks = [by_size[-1], by_size[0], by_size[len(by_size) // 2]] if by_size else []
    return list({e.path: e for e in picks}.values())


# --- local folders --------------------------------------------------------------------------

def snapshot_from_folder(path: str | Path, *, max_entries: int = MAX_TREE_ENTRIES) -> RepoSnapshot:
    """Read a local repository folder into a :class:`RepoSnapshot` (``source="repo"``).

    Walks the folder (not following symlinks; skipping ``.git``, ``node_modules``, ``vendor``,
    virtualenvs, ``dist``, ``build`` and caches), reads the files :func:`select_files` picks
    (each at most :data:`MAX_FILE_BYTES`; bigger, binary or unreadable ones go to
    ``skipped_files`` with the reason), computes ``languages`` from file sizes by extension,
    the licence from the LICENSE text, and the branch and last commit time from ``.git`` when present.
    The walk stops after ``max_entries`` tree entries (``tree_truncated=True``).

    Raises:
        RepoFolderError: the path is missing, not a folder, or cannot be listed.
    """
    folder = Path(path).expanduser()
    if not folder.exists():
        raise RepoFolderError(f"{folder} does not exist: pass the path of a cloned repository folder.")
    if not folder.is_dir():
        raise RepoFolderError(f"{folder} is not a folder: pass the repository's folder, not a file inside it.")
    tree, truncated, skipped = _walk(folder, max_entries)
    selection = select_files(tree)
    skipped.update(selection.skipped)
    files: dict[str, str] = {}
    for rel in selection.paths:
        text, problem = _read_text(folder / rel)
        if problem:
            skipped[rel] = problem
        else:
            files[rel] = text
    languages = languages_from_tree(tree)
    licence_text = next((files[p] for p in files if file_kind(p) == "license"), "")
    pushed_at, branch = _git_facts(folder)
    name = folder.resolve().name
    return RepoSnapshot(
        source="repo", name=name, full_name=name, license=license_from_text(licence_text),
        pushed_at=pushed_at, default_branch=branch, language=max(languages, key=languages.get, default=None),
        languages=languages, tree=tuple(tree), tree_truncated=truncated, files=files, skipped_files=skipped)


def _walk(folder: Path, max_entries: int) -> tuple[list[TreeEntry], bool, dict[str, str]]:
    """Tree entries under ``folder`` sorted by path, whether the walk stopped early, unreadable folders."""
    entries: list[TreeEntry] = []
    skipped: dict[str, str] = {}
    pending = [""]
    while pending:
        rel_dir = pending.pop()
        try:
            with os.scandir(folder / rel_dir) as listing:
                children = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            if not rel_dir:
                raise RepoFolderError(f"{folder} cannot be listed ({exc.strerror}): check its permissions.") from exc
            skipped[rel_dir + "/"] = f"unreadable folder ({exc.strerror})"
            continue
        for child in children:
            rel = f"{rel_dir}/{child.name}" if rel_dir else child.name
            if len(entries) >= max_entries:
                return sorted(entries, key=lambda e: e.path), True, skipped
            if child.is_dir(follow_symlinks=False):
                if child.name not in EXCLUDED_DIRS:
                    entries.append(TreeEntry(rel, "tree"))
                    pending.append(rel)
            elif child.is_file(follow_symlinks=False):  # leaves out symlinks, sockets and FIFOs
                entries.append(TreeEntry(rel, "blob", child.stat(follow_symlinks=False).st_size))
    return sorted(entries, key=lambda e: e.path), False, skipped


def _read_text(file: Path) -> tuple[str, str | None]:
    """(text, None), or ("", reason) for a file over 1 MB, binary (has NUL bytes) or unreadable."""
    try:
        with open(file, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return "", f"unreadable ({exc.strerror})"
    if len(data) > MAX_FILE_BYTES:
        return "", "over 1 MB"
    if b"\0" in data:
        return "", "binary file"
    return data.decode("utf-8", errors="replace"), None


def _git_facts(folder: Path) -> tuple[datetime | None, str | None]:
    """(time of the last local commit from ``.git/logs/HEAD``, current branch from ``.git/HEAD``).

    Only commit, merge, pull and rebase reflog entries count: a fresh clone's "clone:" entry is
    the download time, not activity. Either value is None when unknown.
    """
    git = folder / ".git"
    branch = pushed = None
    try:
        head = (git / "HEAD").read_text(encoding="utf-8", errors="replace").strip()
        branch = head.removeprefix("ref: refs/heads/") if head.startswith("ref: refs/heads/") else None
        for line in (git / "logs" / "HEAD").read_text(encoding="utf-8", errors="replace").splitlines():
            match = re.search(r"> (\d{9,11}) [+-]\d{4}\t(commit|merge|pull|rebase)", line)
            if match:
                pushed = max(pushed or 0, int(match.group(1)))
    except OSError:
        pass
    return (datetime.fromtimestamp(pushed, tz=timezone.utc) if pushed else None), branch


_EXTENSIONS = {
    "py": "Python", "js": "JavaScript", "mjs": "JavaScript", "cjs": "JavaScript", "jsx": "JavaScript",
    "ts": "TypeScript", "mts": "TypeScript", "cts": "TypeScript", "tsx": "TSX", "java": "Java", "kt": "Kotlin",
    "kts": "Kotlin", "go": "Go", "rb": "Ruby", "php": "PHP", "cs": "C#", "fs": "F#", "rs": "Rust",
    "scala": "Scala", "ex": "Elixir", "exs": "Elixir", "erl": "Erlang", "swift": "Swift", "c": "C", "h": "C",
    "cc": "C++", "cpp": "C++", "hpp": "C++", "dart": "Dart", "lua": "Lua", "groovy": "Groovy",
    "clj": "Clojure", "hs": "Haskell", "pl": "Perl", "sh": "Shell", "bash": "Shell", "ps1": "PowerShell",
    "html": "HTML", "htm": "HTML", "css": "CSS", "scss": "SCSS", "sass": "Sass", "less": "Less", "vue": "Vue",
    "svelte": "Svelte", "ejs": "EJS", "erb": "HTML+ERB", "hbs": "Handlebars", "pug": "Pug", "twig": "Twig",
    "mako": "Mako", "j2": "Jinja", "jinja": "Jinja", "jinja2": "Jinja", "ipynb": "Jupyter Notebook",
}
_NOT_COUNTED_DIRS = frozenset({"vendor", "third_party", "third-party", "node_modules", "bower_components", "dist",
                               "build", "doc", "docs", "documentation", "generated", "__generated__"})
_GENERATED = re.compile(r"\.min\.(js|css)$|\.map$|\.pb(\.gw)?\.go$|_pb2(_grpc)?\.py$|\.generated\.\w+$"
                        r"|(^|/)(gradlew|mvnw)(\.bat|\.cmd)?$")


def languages_from_tree(tree: Iterable[TreeEntry]) -> dict[str, int]:
    """Bytes per language by file extension, largest first, like GitHub's ``languages``.

    Leaves out vendored, generated and documentation folders (``vendor/``, ``dist/``, ``docs/`` …),
    minified and source-map files, protobuf output and build wrappers, as GitHub Linguist does.
    """
    totals: dict[str, int] = {}
    for entry in tree:
        lower = entry.path.lower()
        if entry.type != "blob" or not entry.size or _GENERATED.search(lower):
            continue
        if _NOT_COUNTED_DIRS.intersection(lower.split("/")[:-1]):
            continue
        name = lower.rsplit("/", 1)[-1]
        if name.endswith(".blade.php"):
            language = "Blade"
        elif name == "dockerfile":
            language = "Dockerfile"
        else:
            language = _EXTENSIONS.get(name.rsplit(".", 1)[-1]) if "." in name else None
        if language:
            totals[language] = totals.get(language, 0) + entry.size
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


# --- from findings to skill ids -------------------------------------------------------------

# Non-package signals → names or aliases to look up in the taxonomy (first that exists wins).
_SIGNALS: dict[str, tuple[str, ...]] = {
    "docker": ("docker",), "docker_compose": ("docker compose", "docker-compose", "docker_compose"),
    "ci_cd": ("ci_cd", "ci/cd", "continuous integration"), "github_actions": ("github actions", "github_actions"),
    "gitlab_ci": ("gitlab ci", "gitlab ci/cd", "gitlab_ci"), "circleci": ("circleci",),
    "travis": ("travis ci", "travis_ci", "travis"), "jenkins": ("jenkins",),
    "migrations": ("database migrations", "migrations", "schema migrations", "database_migrations"),
    "sql": ("sql",), "openapi": ("openapi", "swagger"), "rest": ("rest api", "rest apis", "rest", "restful api"),
    "graphql": ("graphql",), "heroku": ("heroku",), "fly_io": ("fly.io", "fly_io"), "render": ("render",),
    "vercel": ("vercel",), "netlify": ("netlify",), "railway": ("railway",),
    "app_engine": ("google app engine", "google cloud", "gcp"), "kubernetes": ("kubernetes", "k8s"),
    "terraform": ("terraform",), "testing": ("automated testing", "unit testing", "testing", "automated_testing"),
    "postgresql": ("postgresql", "postgres"), "mysql": ("mysql",), "mariadb": ("mariadb", "mysql"),
    "redis": ("redis",), "mongodb": ("mongodb", "mongo"), "rabbitmq": ("rabbitmq",),
    "elasticsearch": ("elasticsearch",), "opensearch": ("opensearch", "elasticsearch"),
    "memcached": ("memcached",), "kafka": ("apache kafka", "kafka"), "cassandra": ("cassandra",),
    "neo4j": ("neo4j",), "nginx": ("nginx",), "sql_server": ("sql server", "microsoft sql server", "mssql"),
    "dynamodb": ("dynamodb",), "aws": ("aws", "amazon web services"), "prometheus": ("prometheus",),
    "grafana": ("grafana",), "sqlite": ("sqlite",), "sqlc": ("sqlc",), "make": ("make", "makefile"),
}
# Container image (last path part) → signal: the database or broker a compose, CI or Dockerfile runs.
_IMAGES = {"postgres": "postgresql", "postgresql": "postgresql", "postgis": "postgresql", "timescaledb": "postgresql",
           "mysql": "mysql", "mariadb": "mariadb", "redis": "redis", "valkey": "redis", "mongo": "mongodb",
           "mongodb": "mongodb", "rabbitmq": "rabbitmq", "elasticsearch": "elasticsearch",
           "opensearch": "opensearch", "memcached": "memcached", "kafka": "kafka", "cp-kafka": "kafka",
           "cassandra": "cassandra", "neo4j": "neo4j", "nginx": "nginx", "dynamodb-local": "dynamodb",
           "localstack": "aws", "prometheus": "prometheus", "grafana": "grafana", "sqlite": "sqlite"}
_SERVICE_CONTEXT = {"dockerfile": "Dockerfile base image", "compose": "compose service", "ci": "CI job container",
                    "env": "example environment file"}
_FILE_SIGNALS = {  # file kind → (signal, what the file is)
    **{kind: (signal, "deploy configuration") for kind, signal in (
        ("procfile", "heroku"), ("app_json", "heroku"), ("fly", "fly_io"), ("render", "render"), ("vercel", "vercel"),
        ("netlify", "netlify"), ("railway", "railway"), ("app_engine", "app_engine"))},
    "terraform": ("terraform", "infrastructure code"), "alembic": ("migrations", "Alembic configuration"),
    "sqlc": ("sqlc", "sqlc configuration"), "makefile": ("make", "build targets"),
}
_LANGUAGE_TERMS = {"Go": ("go", "golang"), "C#": ("c#", "csharp"), "TSX": ("typescript",), "Shell": ("bash", "shell")}
_NOT_BACKEND = frozenset({"HTML", "CSS", "SCSS", "Sass", "Less", "Stylus", "Blade", "EJS", "HTML+ERB", "Handlebars",
                          "Pug", "Twig", "Mako", "Jinja", "Vue", "Svelte", "Markdown", "Dockerfile", "Makefile",
                          "Procfile", "Jupyter Notebook", "PowerShell", "Batchfile"})
MIN_LANGUAGE_BYTES = 2_000
MIN_LANGUAGE_SHARE = 0.05
"""A language counts as a skill at >= 2,000 bytes and >= 5 % of the repository's programming bytes
(ours: a config script or a stray helper must not make a language; one real module does)."""
_MIGRATION_DIR = re.compile(r"(^|/)(migrations|db/migrate|db/migration|database/migrations|db/changelog)/.+$")
_NOT_MIGRATIONS = frozenset({"__init__.py", "README", "alembic.ini", "env.py", "script.py.mako", ".gitkeep", ".keep"})


def _signal(taxonomy: Taxonomy, key: str) -> str | None:
    """The taxonomy skill id for a signal key (by id, name or alias), or None if it has none."""
    for term in _SIGNALS.get(key, (key,)):
        if term in taxonomy.skills:
            return term
        skill = taxonomy.lookup(term)
        if skill:
            return skill.id
    return None


def unresolved_signals(taxonomy: Taxonomy) -> list[str]:
    """Signals (Docker, CI, image and deploy kinds) the taxonomy has no skill for: their evidence is skipped."""
    return [key for key in _SIGNALS if _signal(taxonomy, key) is None]


def _normal(ecosystem: str, name: str) -> str:
    return canonicalize_name(name) if ecosystem == "pypi" else name.lower()


class _PackageIndex:
    """The taxonomy's ``packages`` map, inverted: (ecosystem, package) → skill ids (exact names and globs)."""

    def __init__(self, taxonomy: Taxonomy):
        self.exact: dict[tuple[str, str], list[str]] = {}
        self.globs: dict[str, list[tuple[str, str]]] = {}
        for skill in taxonomy.skills.values():
            for ecosystem, names in skill.packages.items():
                for name in names:
                    key = _normal(ecosystem, name)
                    if any(c in key for c in "*?["):
                        self.globs.setdefault(ecosystem, []).append((key, skill.id))
                    else:
                        self.exact.setdefault((ecosystem, key), []).append(skill.id)

    def skills(self, dep: Dependency) -> list[str]:
        names = {_normal(dep.ecosystem, dep.name)}
        if dep.ecosystem == "go":  # github.com/jackc/pgx/v5 is the module github.com/jackc/pgx, major version 5
            names.add(re.sub(r"/v\d+$", "", dep.name.lower()))
        found = [sid for name in names for sid in self.exact.get((dep.ecosystem, name), ())]
        found += [sid for pattern, sid in self.globs.get(dep.ecosystem, ())
                  if any(fnmatch.fnmatchcase(name, pattern) for name in names)]
        return list(dict.fromkeys(found))


@functools.lru_cache(maxsize=8)
def _index(taxonomy: Taxonomy) -> _PackageIndex:
    return _PackageIndex(taxonomy)  # Taxonomy compares by identity, so each loaded taxonomy gets one index


class _Collector:
    """Evidence gathered for one repository: one entry per (skill, path), texts merged."""

    def __init__(self, snapshot: RepoSnapshot):
        self.snapshot = snapshot
        self.found: dict[tuple[str, str | None], list[str]] = {}
        self.details: dict[tuple[str, str | None], str | None] = {}

    def add(self, skill_id: str | None, path: str | None, text: str, detail: str | None = None) -> None:
        if skill_id:
            texts = self.found.setdefault((skill_id, path), [])
            if text not in texts:
                texts.append(text)
            self.details.setdefault((skill_id, path), detail)

    def evidence(self) -> tuple[tuple[str, Evidence], ...]:
        snap = self.snapshot
        result = []
        for (skill_id, path), texts in self.found.items():
            shown = ", ".join(texts[:4]) + (f" and {len(texts) - 4} more" if len(texts) > 4 else "")
            text = f"{shown} in {path}" if path and path not in shown else shown
            result.append((skill_id, Evidence(source=snap.source, strength="demonstrated", text=text,
                                              repo=snap.full_name, path=path, url=_url(snap, path),
                                              detail=self.details[(skill_id, path)])))
        return tuple(result)


def _url(snapshot: RepoSnapshot, path: str | None) -> str | None:
    """The file's page on GitHub (``{html_url}/blob/{branch}/{path}``); None for local folders."""
    if snapshot.source != "github" or not snapshot.html_url:
        return None
    if path is None:
        return snapshot.html_url
    kind = "tree" if path.endswith("/") else "blob"
    return f"{snapshot.html_url}/{kind}/{snapshot.default_branch or 'HEAD'}/{quote(path.rstrip('/'))}"


# --- analysis -------------------------------------------------------------------------------

def analyze_repo(snapshot: RepoSnapshot, taxonomy: Taxonomy, *, today: date | None = None) -> RepoAnalysis:
    """Turn one repository snapshot into skill evidence, a stack summary and portfolio checks.

    Args:
        snapshot: from :func:`snapshot_from_folder` or ``analyzer.github``.
        taxonomy: skills and their ``packages`` (ecosystem → names or fnmatch globs).
        today: the date "recent activity" is measured from (default: today).
    Returns:
        :class:`RepoAnalysis`; bad manifests and unread files become warnings, never exceptions.
    """
    found = read_manifests(snapshot.files)
    collector = _Collector(snapshot)
    languages = _language_evidence(snapshot, taxonomy, collector)
    index = _index(taxonomy)
    for dep in found.dependencies:
        for skill_id in index.skills(dep):
            collector.add(skill_id, dep.path, _label(dep), "development dependency" if dep.dev else None)
    paths = blob_paths(snapshot)
    _infrastructure_evidence(snapshot, taxonomy, paths, found.services, collector)
    tests = find_tests(snapshot)
    testing = _signal(taxonomy, "testing")
    if tests.status == "real":
        for path in tests.real[:3]:
            collector.add(testing, path, "test file with real assertions")
    elif tests.status == "present":
        for path in tests.files[:3]:
            collector.add(testing, path, "test file", "test files present (content not read)")
    evidence = collector.evidence()
    frameworks = [sid for sid, _ in evidence if "framework" in taxonomy.skills[sid].category]
    names = [taxonomy.skills[sid].name for sid in dict.fromkeys(sid for sid, _ in evidence)]
    checks = portfolio_checks(snapshot, tests, stack_names=names, today=today or date.today())
    return RepoAnalysis(
        snapshot=replace(snapshot, files={}), evidence=evidence,
        stack=tuple(dict.fromkeys([*languages, *frameworks])), checks=checks,
        warnings=(*found.warnings, *_skip_warnings(snapshot)), tests=tests, dependencies=found.dependencies)


def _label(dep: Dependency) -> str:
    """``Flask==3.0`` for PEP 440 specifiers, ``express ^4.18`` otherwise; long version texts left out."""
    if not dep.spec or len(dep.spec) > 24:
        return dep.name
    return f"{dep.name}{dep.spec}" if dep.ecosystem == "pypi" else f"{dep.name} {dep.spec}"


def _language_evidence(snapshot: RepoSnapshot, taxonomy: Taxonomy, collector: _Collector) -> list[str]:
    """Language skills by bytes (markup and templates such as HTML, Blade, EJS do not count)."""
    code = {lang: size for lang, size in snapshot.languages.items() if lang not in _NOT_BACKEND}
    total = sum(code.values())
    found = []
    for language, size in sorted(code.items(), key=lambda item: -item[1]):
        if size < MIN_LANGUAGE_BYTES or size < MIN_LANGUAGE_SHARE * total:
            continue
        skill_id = next(filter(None, (_signal(taxonomy, t) for t in (language, *_LANGUAGE_TERMS.get(language, ())))),
                        None)
        if skill_id:
            collector.add(skill_id, None, f"{language}: {size:,} bytes, {size / total:.0%} of the code")
            found.append(skill_id)
    return list(dict.fromkeys(found))


def _infrastructure_evidence(snapshot: RepoSnapshot, taxonomy: Taxonomy, paths: Sequence[str],
                             services: Iterable[Service], collector: _Collector) -> None:
    """Docker, images, CI, deploy configs, API schemas, Kubernetes, migrations and SQL files."""
    def add(key: str, path: str, text: str, detail: str | None = None) -> None:
        collector.add(_signal(taxonomy, key), path, text, detail)

    for path in docker_paths(paths)[:4]:
        compose = file_kind(path) == "compose"
        add("docker", path, "compose file" if compose else "Dockerfile")
        if compose:
            add("docker_compose", path, "compose file")
    for service in services:
        key = "sql_server" if service.name.endswith("mssql/server") else _IMAGES.get(service.name.rsplit("/", 1)[-1])
        if key:
            text = f"{service.name} configured" if service.context == "env" else f"{service.name} image"
            add(key, service.path, text, _SERVICE_CONTEXT[service.context])
    for path in ci_paths(paths):
        add(file_kind(path), path, "CI configuration")  # the CI kinds are signal keys
        add("ci_cd", path, "CI configuration")
    for path in paths:
        kind = file_kind(path)
        if kind in _FILE_SIGNALS:
            signal, what = _FILE_SIGNALS[kind]
            add(signal, path, what)
        elif kind == "openapi":
            add("openapi", path, "API specification")
            add("rest", path, "API specification")
        elif kind == "graphql":
            add("graphql", path, "GraphQL schema")
        elif kind == "k8s":
            text = snapshot.files.get(path)
            if text is not None and is_kubernetes_manifest(path, text):
                add("kubernetes", path, "Kubernetes manifest")
            elif text is None and re.search(r"(^|/)(k8s|kubernetes|kube|eks|gke|aks|helm|charts)/", path.lower()):
                add("kubernetes", path, "Kubernetes manifest", "content not read")
    migrations: dict[str, int] = {}
    for path in paths:
        match = _MIGRATION_DIR.search(path)
        if match and not is_excluded(path) and path.rsplit("/", 1)[-1] not in _NOT_MIGRATIONS:
            folder = path[: match.end(2)] + "/"
            migrations[folder] = migrations.get(folder, 0) + 1
    for folder, count in list(migrations.items())[:3]:
        add("migrations", folder, f"{count} migration file{'s' if count > 1 else ''} in {folder}")
    sql = [p for p in paths if p.lower().endswith(".sql") and not is_excluded(p)]
    if sql:
        add("sql", sql[0], f"{len(sql)} .sql file{'s' if len(sql) > 1 else ''} ({sql[0]}…)")


def _skip_warnings(snapshot: RepoSnapshot) -> list[str]:
    by_reason: dict[str, list[str]] = {}
    for path, reason in snapshot.skipped_files.items():
        by_reason.setdefault(reason, []).append(path)
    warnings = [f"{snapshot.full_name}: {len(paths)} file(s) not read ({reason}): {', '.join(paths[:3])}"
                f"{' …' if len(paths) > 3 else ''}." for reason, paths in by_reason.items()]
    if snapshot.tree_truncated:
        warnings.append(f"{snapshot.full_name}: the file list was truncated, so files past it were not examined.")
    return warnings
