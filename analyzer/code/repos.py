"""Repository evidence: what a repository's files prove about its author's skills.

Works the same on GitHub data (``analyzer.code.github`` builds the :class:`RepoSnapshot`) and on a
local folder (:func:`snapshot_from_folder`)::

    snapshot = snapshot_from_folder("~/code/todo-api")
    analysis = analyze_repo(snapshot, load_taxonomy())
    analysis.stack        # ("python", "fastapi")
    analysis.evidence     # (("fastapi", Evidence(strength="demonstrated", path="requirements.txt", …)), …)

This module holds :class:`RepoAnalysis` (the snapshot types live in :mod:`analyzer.code.snapshot`), picks the files worth reading (:func:`select_files`), reads local
folders, estimates languages from a tree, and turns what the detectors of
:mod:`analyzer.code.detectors` find (dependencies, language bytes, Docker, CI, deploy configs,
schemas, migrations, tests, git) into :class:`~analyzer.evidence.Evidence` of strength
``demonstrated`` naming the repository and path, one per skill and file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import quote

from analyzer.code.codereading import code_evidence, code_file_priority, is_code_file
from analyzer.code.detectors import (
    counted_languages,
    infrastructure_evidence,
    language_evidence,
    package_evidence,
    project_evidence,
    testing_evidence,
    unresolved_signals,
    version_control_evidence,
)
from analyzer.code.manifests import (
    EXCLUDED_DIRS,
    MANIFEST_KINDS,
    Dependency,
    file_kind,
    is_env_example,
    is_excluded,
    read_manifests,
)
from analyzer.code.packagemap import frontend_roots, normal_name
from analyzer.code.portfolio import (
    CI_KINDS,
    blob_paths,
    docker_paths,
    is_secret_suspect,
    license_from_text,
    portfolio_checks,
    root_readme,
)
from analyzer.code.snapshot import MAX_FILE_BYTES, MAX_TREE_ENTRIES, RepoSnapshot, TreeEntry
from analyzer.code.testsuites import TestSuite, find_tests, test_files
from analyzer.errors import RepoFolderError
from analyzer.evidence import Check, Evidence
from analyzer.taxonomy.loader import Taxonomy

__all__ = ["Check", "FileSelection", "RepoAnalysis", "RepoSnapshot", "TreeEntry", "analyze_repo",
           "languages_from_tree", "select_files", "snapshot_from_folder", "unresolved_signals", "wanted_files"]

MAX_CODE_BYTES = 50_000_000
"""Source and configuration text read from one local folder beyond the selected files (ours: a
large service holds a few MB of code; past 50 MB a folder is a monorepo or holds data, and the
report needs its route tables and settings, not every file)."""

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
              "code_db": (3, 2), "code_routes": (3, 3), "code_passwords": (4, 1), "code_auth": (4, 2),
              "code_users": (4, 2),
              "openapi": (4, 2), "graphql": (4, 2), "alembic": (4, 1), "env": (4, 2), "k8s": (5, 2),
              "test": (6, 3), "license": (7, 1), "secret": (8, 3)}
_CODE_KINDS = ("code_db", "code_routes", "code_passwords", "code_auth", "code_users")  # by analyzer.code.codereading.code_file_priority
_LAST = 9  # editor images (.devcontainer, Gitpod): they say nothing about the app's own container
# Manifest kinds by the language whose packages they declare, in order of preference when one
# repository has several (a requirements file lists packages; a pyproject.toml may hold only tool settings).
_MANIFESTS_OF = {
    "Python": ("requirements", "pipfile", "pyproject", "setup_cfg"), "JavaScript": ("package_json",),
    "TypeScript": ("package_json",), "TSX": ("package_json",), "Java": ("pom", "gradle"), "Kotlin": ("gradle", "pom"),
    "Groovy": ("gradle", "pom"), "Scala": ("pom", "gradle"), "Ruby": ("gemfile",), "PHP": ("composer",),
    "Go": ("gomod",), "Rust": ("cargo",), "C#": ("csproj", "nuget_config"), "F#": ("csproj", "nuget_config")}
_KIND_RANK = {kind: min((kinds.index(kind) for kinds in _MANIFESTS_OF.values() if kind in kinds), default=0)
              for kind in MANIFEST_KINDS}  # for a repository without a main language
_SECONDARY_MANIFEST = re.compile(r"(?i)(^|[-_.])(dev|develop|development|local|test|tests|testing|lint|docs?|ci)[-_.]")
TINY_MANIFEST_BYTES = 64
"""A manifest this small is usually an include (``-r requirements/base.txt``): another one says more."""


@dataclass(frozen=True)
class FileSelection:
    """:func:`select_files`' answer: the paths to read, and the wanted paths left out with why."""

    paths: tuple[str, ...]
    skipped: dict[str, str]


def select_files(tree: Sequence[TreeEntry], limit: int | None = None) -> FileSelection:
    """The files detection needs, most valuable first, and the ones left out.

    First the repository's most informative dependency manifest (:func:`_main_manifest`) and
    its root README (the README and live-link checks need it), so that a request budget shared
    round-robin between repositories (``analyzer.code.github_profile``) reads both of every
    repository before anyone's third file. Then: the other manifests, Dockerfiles and compose
    files, CI configs, deploy configs and nested READMEs, the source files worth reading
    (:func:`analyzer.code.codereading.code_file_priority`: two database settings, three route
    tables, one password module, two auth modules, two user models or login modules), API schemas and example .env files, Kubernetes manifests, up to three test files (largest, smallest, middle: enough to tell
    real tests from stubs), the licence, credential-named files. Shallow paths first within a
    kind, editor images (``.devcontainer/``, Gitpod) last; each kind is capped (four
    ``package.json`` …). Nothing under ``node_modules/``, ``vendor/``, ``dist/``, ``build/``.
    Blobs over :data:`MAX_FILE_BYTES` are left out as ``"over 1 MB"``; past ``limit`` as
    ``"beyond the first N files"``.
    """
    blobs = [e for e in tree if e.type == "blob" and not is_excluded(e.path)]
    candidates = [(file_kind(e.path), e) for e in blobs if file_kind(e.path) in _SELECTION.keys() - {"env"}]
    candidates += [("env", e) for e in blobs if is_env_example(e.path)]  # a real .env is flagged by name, not read
    candidates += [("test", e) for e in _sample_tests(test_files(blobs))]
    candidates += [("secret", e) for e in blobs if is_secret_suspect(e.path)]
    candidates += [(_CODE_KINDS[rank], e) for e in blobs if file_kind(e.path) is None and not is_secret_suspect(e.path)
                   for rank in [code_file_priority(e.path)] if rank is not None]
    images = {e.path for kind, e in candidates if kind in ("dockerfile", "compose")}
    editor_images = images - set(docker_paths(images))
    candidates.sort(key=lambda c: (_LAST if c[1].path in editor_images else _SELECTION[c[0]][0],
                                   c[1].path.count("/"), c[1].path))
    taken: dict[str, int] = {}
    chosen: dict[str, TreeEntry] = {}
    skipped: dict[str, str] = {}
    for kind, entry in candidates:
        if entry.path in chosen or entry.path in skipped or taken.get(kind, 0) >= _SELECTION[kind][1]:
            continue
        taken[kind] = taken.get(kind, 0) + 1
        if entry.size is not None and entry.size > MAX_FILE_BYTES:
            skipped[entry.path] = "over 1 MB"
        else:
            chosen[entry.path] = entry
    first = [p for p in (_main_manifest(list(chosen.values()), tree), root_readme(chosen)) if p]
    ordered = list(dict.fromkeys([*first, *chosen]))
    if limit is not None:
        skipped.update({p: f"beyond the first {limit} files" for p in ordered[limit:]})
        ordered = ordered[:limit]
    return FileSelection(tuple(ordered), skipped)


def _main_manifest(entries: Sequence[TreeEntry], tree: Sequence[TreeEntry]) -> str | None:
    """The manifest most likely to name the repository's packages: of its largest language
    (by bytes in ``tree``) if it has one, not nested two folders deep, of the preferred kind
    (:data:`_MANIFESTS_OF`), not for development or tests only (``requirements-dev.txt``),
    not a tiny include, shallow, then large."""
    main = next(iter(counted_languages(languages_from_tree(tree))), ("", 0, 0.0))[0]
    own = _MANIFESTS_OF.get(main, ())

    def key(entry: TreeEntry) -> tuple:
        kind, depth = file_kind(entry.path), entry.path.count("/")
        rank = own.index(kind) if kind in own else _KIND_RANK.get(kind or "", 0)
        return (bool(own) and kind not in own, depth > 1, rank,
                bool(_SECONDARY_MANIFEST.search(entry.path.rsplit("/", 1)[-1])),
                (entry.size or 0) < TINY_MANIFEST_BYTES, depth, -(entry.size or 0), entry.path)

    manifests = [e for e in entries if file_kind(e.path) in MANIFEST_KINDS]
    return min(manifests, key=key).path if manifests else None


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
    virtualenvs, ``dist``, ``build`` and caches), reads the files :func:`select_files` picks and
    every source and configuration file the code readers look into
    (:func:`analyzer.code.codereading.is_code_file`, up to :data:`MAX_CODE_BYTES` in all), each at
    most :data:`MAX_FILE_BYTES` (bigger, binary or unreadable ones go to ``skipped_files`` with
    the reason), computes ``languages`` from file sizes by extension,
    the licence from the LICENSE text, and the branch and last commit time from ``.git`` when
    present (else ``pushed_at`` is the newest file's modification time; ``pushed_at_source`` says
    which); ``git_dir`` tells whether ``.git`` is there. The walk stops after ``max_entries`` tree
    entries (``tree_truncated=True``).

    Raises:
        RepoFolderError: the path is missing, not a folder, or cannot be listed.
    """
    folder = Path(path).expanduser()
    if not folder.exists():
        raise RepoFolderError(f"{folder} does not exist: pass the path of a cloned repository folder.")
    if not folder.is_dir():
        raise RepoFolderError(f"{folder} is not a folder: pass the repository's folder, not a file inside it.")
    tree, truncated, skipped, newest = _walk(folder, max_entries)
    selection = select_files(tree)
    skipped.update(selection.skipped)
    files: dict[str, str] = {}
    code = [e.path for e in tree if e.type == "blob" and (e.size or 0) <= MAX_FILE_BYTES and is_code_file(e.path)
            and not is_excluded(e.path) and not is_secret_suspect(e.path) and not _GENERATED.search(e.path.lower())
            and e.path not in selection.paths]
    budget = MAX_CODE_BYTES
    for rel in [*selection.paths, *code]:
        text, problem = _read_text(folder / rel)
        if problem:
            skipped.setdefault(rel, problem)
        elif rel in selection.paths or len(text) <= budget:
            files[rel] = text
            budget -= len(text) if rel not in selection.paths else 0
        else:
            skipped[rel] = "past the 50 MB of code read per folder"
    languages = languages_from_tree(tree)
    licence_text = next((files[p] for p in files if file_kind(p) == "license"), "")
    pushed_at, branch = _git_facts(folder)
    found_by = "last commit" if pushed_at else "newest file" if newest else None
    pushed_at = pushed_at or (datetime.fromtimestamp(newest, tz=timezone.utc) if newest else None)
    name = folder.resolve().name
    return RepoSnapshot(
        source="repo", name=name, full_name=name, license=license_from_text(licence_text),
        pushed_at=pushed_at, pushed_at_source=found_by, default_branch=branch, language=max(languages, key=languages.get, default=None),
        languages=languages, tree=tuple(tree), tree_truncated=truncated, files=files, skipped_files=skipped,
        git_dir=(folder / ".git").exists())


def _walk(folder: Path, max_entries: int) -> tuple[list[TreeEntry], bool, dict[str, str], float | None]:
    """Tree entries under ``folder`` sorted by path, whether the walk stopped early, unreadable
    folders, and the newest file's modification time (POSIX seconds; None without files)."""
    entries: list[TreeEntry] = []
    skipped: dict[str, str] = {}
    newest: float | None = None
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
                return sorted(entries, key=lambda e: e.path), True, skipped, newest
            if child.is_dir(follow_symlinks=False):
                if child.name not in EXCLUDED_DIRS:
                    entries.append(TreeEntry(rel, "tree"))
                    pending.append(rel)
            elif child.is_file(follow_symlinks=False):  # leaves out symlinks, sockets and FIFOs
                stat = child.stat(follow_symlinks=False)
                entries.append(TreeEntry(rel, "blob", stat.st_size))
                newest = max(newest or 0.0, stat.st_mtime)
    return sorted(entries, key=lambda e: e.path), False, skipped, newest


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


GIT_TIMEOUT = 5.0
"""Seconds ``git log`` may take on a local folder (it reads one commit: milliseconds normally)."""


def _git_facts(folder: Path) -> tuple[datetime | None, str | None]:
    """(time of the last commit, current branch from ``.git/HEAD``); either None when unknown.

    The time comes from the reflog ``.git/logs/HEAD`` (commit, merge, pull and rebase entries:
    a fresh clone's "clone:" entry is the download time, not activity), else from
    :func:`_last_commit_time` (``git log``, for a fresh clone).
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
    if pushed:
        return datetime.fromtimestamp(pushed, tz=timezone.utc), branch
    return (_last_commit_time(folder) if git.exists() else None), branch


def _last_commit_time(folder: Path) -> datetime | None:
    """Committer time of HEAD by ``git log -1 --format=%cI``, or None (no git, no commits, a
    folder git refuses, or :data:`GIT_TIMEOUT` passed). The repository's own config cannot
    run anything here: ``log`` starts no pager (output is captured), hooks or fsmonitor."""
    executable = shutil.which("git")
    if executable is None:
        return None
    try:
        done = subprocess.run([executable, "--no-pager", "-c", "core.fsmonitor=false", "-C", str(folder), "log", "-1",
                               "--format=%cI"], capture_output=True, text=True, timeout=GIT_TIMEOUT, check=False,
                              stdin=subprocess.DEVNULL)
        return datetime.fromisoformat(done.stdout.strip()).astimezone(timezone.utc) if done.returncode == 0 else None
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


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


# --- evidence ------------------------------------------------------------------------------

class _Collector:
    """Evidence gathered for one repository: one entry per (skill, path), texts merged
    (the :class:`analyzer.detectors.EvidenceSink` the detectors fill)."""

    def __init__(self, snapshot: RepoSnapshot):
        self.snapshot = snapshot
        self.found: dict[tuple[str, str | None], list[str]] = {}
        self.details: dict[tuple[str, str | None], str | None] = {}
        self.lines: dict[tuple[str, str | None], int] = {}

    def add(self, skill_id: str | None, path: str | None, text: str, detail: str | None = None,
            line: int | None = None) -> None:
        if skill_id:
            texts = self.found.setdefault((skill_id, path), [])
            if text not in texts:
                texts.append(text)
            self.details.setdefault((skill_id, path), detail)
            if line is not None:
                self.lines.setdefault((skill_id, path), line)

    def evidence(self) -> tuple[tuple[str, Evidence], ...]:
        snap = self.snapshot
        result = []
        for (skill_id, path), texts in self.found.items():
            shown = ", ".join(texts[:4]) + (f" and {len(texts) - 4} more" if len(texts) > 4 else "")
            text = f"{shown} in {path}" if path and path not in shown else shown
            line = self.lines.get((skill_id, path))
            result.append((skill_id, Evidence(source=snap.source, strength="demonstrated", text=text,
                                              repo=snap.full_name, path=path, line=line, url=_url(snap, path, line),
                                              detail=self.details[(skill_id, path)])))
        return tuple(result)


def _url(snapshot: RepoSnapshot, path: str | None, line: int | None = None) -> str | None:
    """The file's page on GitHub (``{html_url}/blob/{branch}/{path}``, ``#L{line}`` when a line is
    known); None for local folders."""
    if snapshot.source != "github" or not snapshot.html_url:
        return None
    if path is None:
        return snapshot.html_url
    kind = "tree" if path.endswith("/") else "blob"
    anchor = f"#L{line}" if line and kind == "blob" else ""
    return f"{snapshot.html_url}/{kind}/{snapshot.default_branch or 'HEAD'}/{quote(path.rstrip('/'))}{anchor}"


# --- analysis -------------------------------------------------------------------------------

def analyze_repo(snapshot: RepoSnapshot, taxonomy: Taxonomy, *, today: date | None = None) -> RepoAnalysis:
    """Turn one repository snapshot into skill evidence, a stack summary and portfolio checks.

    Args:
        snapshot: from :func:`snapshot_from_folder` or ``analyzer.code.github``.
        taxonomy: skills and their ``packages`` (ecosystem → names or fnmatch globs).
        today: the date "recent activity" is measured from (default: today).
    Returns:
        :class:`RepoAnalysis`; bad manifests and unread files become warnings, never exceptions.
    """
    found = read_manifests(snapshot.files)
    collector = _Collector(snapshot)
    languages = language_evidence(snapshot.languages, taxonomy, collector)
    package_evidence(found.dependencies, taxonomy, collector, frontend_roots(snapshot.files))
    infrastructure_evidence(snapshot.files, taxonomy, blob_paths(snapshot), found.services, collector)
    code_evidence(snapshot.files, snapshot.tree, taxonomy, collector,
                  frozenset(normal_name(d.ecosystem, d.name) for d in found.dependencies))
    tests = find_tests(snapshot)
    testing_evidence(tests, taxonomy, collector)
    project_evidence(snapshot, taxonomy, collector)
    version_control_evidence(snapshot, taxonomy, collector)
    evidence = collector.evidence()
    # the stack names curated frameworks: the vocabulary files libraries such as Click or Viper there too
    frameworks = [sid for sid, _ in evidence if "framework" in taxonomy.skills[sid].category
                  and getattr(taxonomy.skills[sid], "kind", "skill") != "technology"]
    names = [taxonomy.skills[sid].name for sid in dict.fromkeys(sid for sid, _ in evidence)]
    checks = portfolio_checks(snapshot, tests, stack_names=names, today=today or date.today())
    return RepoAnalysis(
        snapshot=replace(snapshot, files={}), evidence=evidence,
        stack=tuple(dict.fromkeys([*languages, *frameworks])), checks=checks,
        warnings=(*found.warnings, *_skip_warnings(snapshot)), tests=tests, dependencies=found.dependencies)


def _skip_warnings(snapshot: RepoSnapshot) -> list[str]:
    by_reason: dict[str, list[str]] = {}
    for path, reason in snapshot.skipped_files.items():
        by_reason.setdefault(reason, []).append(path)
    warnings = [f"{snapshot.full_name}: {len(paths)} file(s) not read ({reason}): {', '.join(paths[:3])}"
                f"{' …' if len(paths) > 3 else ''}." for reason, paths in by_reason.items()]
    if snapshot.tree_truncated:
        warnings.append(f"{snapshot.full_name}: the file list was truncated, so files past it were not examined.")
    return warnings
