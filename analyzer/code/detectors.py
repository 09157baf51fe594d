"""Detectors: which taxonomy skills a repository's findings show, each with a short text.

:func:`analyzer.repos.analyze_repo` reads the files and calls the detectors; each one hands its
findings to an :class:`EvidenceSink` as ``add(skill_id, path, text, detail)``:

* :func:`language_evidence`: languages by bytes (at least :data:`MIN_LANGUAGE_BYTES` and
  :data:`MIN_LANGUAGE_SHARE` of the code; markup and templates do not count);
* :func:`package_evidence`: declared dependencies (``analyzer.code.manifests``) mapped through the
  taxonomy's ``packages`` (ecosystem → exact names or fnmatch globs);
* :func:`infrastructure_evidence`: Dockerfiles and compose files, container images of databases
  and brokers, CI configurations, deploy configurations (Procfile, fly.toml, render.yaml,
  Kubernetes manifests, Terraform), OpenAPI and GraphQL schemas, migration folders, SQL files;
* :func:`testing_evidence`: tests that really test (``analyzer.code.testsuites``);
* :func:`project_evidence`: the repository itself as a personal project, when it holds code of
  the user's own (not a fork without commits of theirs), at least :data:`MIN_PROJECT_CODE_BYTES`;
* :func:`version_control_evidence`: Git, for a GitHub repository or a local folder with ``.git``.

Findings that are not packages are *signals* (``docker``, ``github_actions``, ``postgresql``…);
:func:`signal_skill` looks each one up in the taxonomy by id, name or alias, and
:func:`unresolved_signals` lists those the taxonomy has no skill for.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from analyzer.code.manifests import Dependency, Service, file_kind, is_excluded, is_kubernetes_manifest
from analyzer.code.packagemap import FRONTEND_CATEGORIES, in_frontend, load_package_map, normal_name
from analyzer.code.portfolio import ci_paths, docker_paths
from analyzer.code.testsuites import TestSuite
from analyzer.taxonomy.loader import Taxonomy

if TYPE_CHECKING:
    from analyzer.code.snapshot import RepoSnapshot


class EvidenceSink(Protocol):
    """Where detectors put findings (``analyzer.code.repos`` keeps one entry per skill and path)."""

    def add(self, skill_id: str | None, path: str | None, text: str, detail: str | None = None,
            line: int | None = None) -> None:
        """Record that ``path`` (None: the whole repository) shows ``skill_id`` (None: ignored),
        at 1-based ``line`` when the finding was read from the code."""


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
    "personal_projects": ("personal_projects", "personal projects", "side projects"), "git": ("git",),
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
MIN_PROJECT_CODE_BYTES = 3_000
"""A repository is a personal project from 3,000 bytes of programming-language code (ours: about
a hundred lines, a small service with its routes and models; a lone manifest or a stray script
is not a project)."""
_MIGRATION_DIR = re.compile(r"(^|/)(migrations|db/migrate|db/migration|database/migrations|db/changelog)/.+$")
_NOT_MIGRATIONS = frozenset({"__init__.py", "README", "alembic.ini", "env.py", "script.py.mako", ".gitkeep", ".keep"})


def signal_skill(taxonomy: Taxonomy, key: str) -> str | None:
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
    return [key for key in _SIGNALS if signal_skill(taxonomy, key) is None]


class _PackageIndex:
    """The taxonomy's ``packages`` globs and the ranked package map (``analyzer/data/package_map.yaml``),
    inverted: (ecosystem, package) → skill ids. Map entries whose id the taxonomy lacks are skipped."""

    def __init__(self, taxonomy: Taxonomy):
        self.exact: dict[tuple[str, str], list[str]] = {}
        self.globs: dict[str, list[tuple[str, str]]] = {}
        package_map = load_package_map()
        for ecosystem in package_map.entries:
            for entry in package_map[ecosystem]:
                if entry.id in taxonomy.skills:
                    self.exact.setdefault((ecosystem, normal_name(ecosystem, entry.name)), []).append(entry.id)
        for skill in taxonomy.skills.values():
            for ecosystem, names in skill.packages.items():
                for name in names:
                    key = normal_name(ecosystem, name)
                    if any(c in key for c in "*?["):
                        self.globs.setdefault(ecosystem, []).append((key, skill.id))
                    else:
                        self.exact.setdefault((ecosystem, key), []).append(skill.id)

    def skills(self, dep: Dependency) -> list[str]:
        names = {normal_name(dep.ecosystem, dep.name)}
        if dep.ecosystem == "go":  # github.com/jackc/pgx/v5 is the module github.com/jackc/pgx, major version 5
            names.add(re.sub(r"/v\d+$", "", dep.name.lower()))
        found = [sid for name in names for sid in self.exact.get((dep.ecosystem, name), ())]
        found += [sid for pattern, sid in self.globs.get(dep.ecosystem, ())
                  if any(fnmatch.fnmatchcase(name, pattern) for name in names)]
        return list(dict.fromkeys(found))


@functools.lru_cache(maxsize=8)
def _index(taxonomy: Taxonomy) -> _PackageIndex:
    return _PackageIndex(taxonomy)  # Taxonomy compares by identity, so each loaded taxonomy gets one index


def _code_bytes(languages: Mapping[str, int]) -> dict[str, int]:
    """Bytes per programming language: markup, templates and notebooks left out."""
    return {language: size for language, size in languages.items() if language not in _NOT_BACKEND}


def counted_languages(languages: Mapping[str, int]) -> list[tuple[str, int, float]]:
    """(language, bytes, share of the programming bytes) of the languages that count as written
    code, largest first: at least :data:`MIN_LANGUAGE_BYTES` and :data:`MIN_LANGUAGE_SHARE`;
    markup and templates (HTML, Blade, EJS ...) never count."""
    code = _code_bytes(languages)
    total = sum(code.values())
    return [(language, size, size / total) for language, size in sorted(code.items(), key=lambda item: -item[1])
            if size >= MIN_LANGUAGE_BYTES and size >= MIN_LANGUAGE_SHARE * total]


def language_evidence(languages: Mapping[str, int], taxonomy: Taxonomy, sink: EvidenceSink) -> list[str]:
    """Language skills by bytes (:func:`counted_languages`).

    ``languages``: bytes per language (GitHub's ``languages``). Returns the skill ids found,
    largest language first.
    """
    found = []
    for language, size, share in counted_languages(languages):
        skill_id = next(filter(None, (signal_skill(taxonomy, t) for t in (language, *_LANGUAGE_TERMS.get(language, ())))),
                        None)
        if skill_id:
            sink.add(skill_id, None, f"{language}: {size:,} bytes, {share:.0%} of the code")
            found.append(skill_id)
    return list(dict.fromkeys(found))


def package_evidence(dependencies: Iterable[Dependency], taxonomy: Taxonomy, sink: EvidenceSink,
                     frontend: Mapping[str, bool] | None = None) -> None:
    """Skills of declared packages, through the package map and the taxonomy's ``packages`` globs.

    ``frontend``: :func:`analyzer.code.packagemap.frontend_roots` of the repository's files; a
    package declared by a browser app's ``package.json`` counts only for skills of
    :data:`~analyzer.code.packagemap.FRONTEND_CATEGORIES` (React, TypeScript, Jest …), never for a
    server, database, API or runtime skill (``axios`` there is a browser's HTTP call).
    """
    index = _index(taxonomy)
    for dep in dependencies:
        browser = dep.ecosystem == "npm" and bool(frontend) and in_frontend(dep.path, frontend)
        for skill_id in index.skills(dep):
            if browser and not _frontend_skill(taxonomy, skill_id):
                continue
            detail = "development dependency" if dep.dev else None
            if browser:
                detail = f"frontend package{' (development dependency)' if dep.dev else ''}"
            sink.add(skill_id, dep.path, _label(dep), detail)


def _frontend_skill(taxonomy: Taxonomy, skill_id: str) -> bool:
    """A skill a browser app's package may show: of :data:`FRONTEND_CATEGORIES`, or implying a frontend skill."""
    skill = taxonomy.skills[skill_id]
    return skill.category in FRONTEND_CATEGORIES or any(
        taxonomy.skills[i].category == "frontend" for i in skill.implies if i in taxonomy.skills)


def _label(dep: Dependency) -> str:
    """``Flask==3.0`` for PEP 440 specifiers, ``express ^4.18`` otherwise; long version texts left out."""
    if not dep.spec or len(dep.spec) > 24:
        return dep.name
    return f"{dep.name}{dep.spec}" if dep.ecosystem == "pypi" else f"{dep.name} {dep.spec}"


def infrastructure_evidence(files: Mapping[str, str], taxonomy: Taxonomy, paths: Sequence[str],
                            services: Iterable[Service], sink: EvidenceSink) -> None:
    """Docker, images, CI, deploy configs, API schemas, Kubernetes, migrations and SQL files.

    ``files``: ``{path: text}`` of the files read; ``paths``: every blob path of the tree.
    """
    def add(key: str, path: str, text: str, detail: str | None = None) -> None:
        sink.add(signal_skill(taxonomy, key), path, text, detail)

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
        elif kind == "graphql" and path not in files:  # a schema read is quoted by analyzer.code.codereading
            add("graphql", path, "GraphQL schema", "content not read")
        elif kind == "k8s":
            text = files.get(path)
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


def testing_evidence(tests: TestSuite, taxonomy: Taxonomy, sink: EvidenceSink) -> None:
    """Up to three test files for the taxonomy's testing skill: with real assertions, or just present."""
    testing = signal_skill(taxonomy, "testing")
    if tests.status == "real":
        for path in tests.real[:3]:
            sink.add(testing, path, "test file with real assertions")
    elif tests.status == "present":
        for path in tests.files[:3]:
            sink.add(testing, path, "test file", "test files present (content not read)")


def _own_work(snapshot: RepoSnapshot) -> bool:
    """False for a fork without commits of the user's own (or with unknown ones): someone else's work."""
    return not snapshot.fork or bool(snapshot.own_commits)


def project_evidence(snapshot: RepoSnapshot, taxonomy: Taxonomy, sink: EvidenceSink) -> None:
    """The repository as a personal project (the taxonomy's ``personal_projects``), whole-repository evidence.

    Counts when the repository is the user's own work (not a fork, or a fork with commits of
    theirs: ``own_commits``; unknown does not count) and holds at least
    :data:`MIN_PROJECT_CODE_BYTES` of programming-language code (``languages``; markup,
    templates and notebooks do not count). A dependency manifest alone is not a project: it
    names packages, it does not show code written with them. Open-source contributions are not
    inferred from a user's own repositories: they would need pull requests to others' repositories.
    """
    if not _own_work(snapshot):
        return
    code = sorted(_code_bytes(snapshot.languages).items(), key=lambda item: -item[1])
    total = sum(size for _, size in code)
    if total < MIN_PROJECT_CODE_BYTES:
        return
    language, size = code[0]
    if size >= MIN_PROJECT_CODE_BYTES:
        what = f"{language} code ({size:,} bytes)"
    else:  # several small languages together
        what = f"code in {' and '.join(name for name, _ in code[:3])} ({total:,} bytes)"
    whose = "fork with own commits and" if snapshot.fork else "own repository with"
    sink.add(signal_skill(taxonomy, "personal_projects"), None, f"{whose} {what}")


def version_control_evidence(snapshot: RepoSnapshot, taxonomy: Taxonomy, sink: EvidenceSink) -> None:
    """Git (the taxonomy's ``git``) for a repository under git: every GitHub repository (whole-repository
    evidence), and a local folder with a ``.git`` folder or file (``RepoSnapshot.git_dir``).

    A fork without commits of the user's own shows only a click on "Fork", and a repository
    without a file tracks nothing, so neither counts.
    """
    if not _own_work(snapshot) or not any(entry.type == "blob" for entry in snapshot.tree):
        return
    if snapshot.source == "github":
        sink.add(signal_skill(taxonomy, "git"), None, "a git repository hosted on GitHub")
    elif snapshot.git_dir:
        sink.add(signal_skill(taxonomy, "git"), ".git", "a git working tree (.git)")
