"""Dependency manifests and service configuration: which packages and services a repository uses.

The input is a repository's fetched files (``{path: text}``); the output is plain data::

    >>> found = read_manifests({"requirements.txt": "Flask==3.0\\n"})
    >>> found.dependencies[0]
    Dependency(ecosystem='pypi', name='Flask', path='requirements.txt', spec='==3.0', dev=False)

Three parts: :func:`file_kind` says what each path is for (manifest, Dockerfile, compose, CI,
deploy config, schema, README, licence, dotenv…); :func:`read_manifests` parses the files of
those kinds; the declared packages come from the per-format parsers of
:mod:`analyzer.code.dependencies` (``pypi``, ``npm``, ``maven``, ``rubygems``, ``composer``, ``go``,
``cargo``, ``nuget``), and the :class:`Service` entries from this module: ``FROM`` images in
Dockerfiles, ``image:`` values in compose and CI files, and database settings
(``DB_CONNECTION``, ``*_URL`` schemes) in example ``.env`` files.

A file that cannot be parsed gives one warning sentence and is skipped; nothing here raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import yaml

from analyzer.code.dependencies import Dependency, SkippedFile, declared_dependencies, is_dev_file

# Folders never read: installed dependencies, build output and tool caches (not the author's work).
EXCLUDED_DIRS = frozenset({
    ".git", "node_modules", "bower_components", "vendor", "dist", "build", "venv", ".venv",
    "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".gradle",
    ".next", ".nuxt", "site-packages",
})

_CI_FILES = {".gitlab-ci.yml": "gitlab_ci", ".travis.yml": "travis", ".circleci/config.yml": "circleci"}
_NAMES = {  # file name (lower-cased) → kind
    "pyproject.toml": "pyproject", "pipfile": "pipfile", "setup.cfg": "setup_cfg", "package.json": "package_json",
    "pom.xml": "pom", "build.gradle": "gradle", "build.gradle.kts": "gradle", "gemfile": "gemfile",
    "composer.json": "composer", "go.mod": "gomod", "cargo.toml": "cargo", "packages.config": "nuget_config",
    "procfile": "procfile", "fly.toml": "fly", "render.yaml": "render", "app.json": "app_json", "vercel.json": "vercel",
    "netlify.toml": "netlify", "railway.json": "railway", "railway.toml": "railway", "alembic.ini": "alembic",
    "jenkinsfile": "jenkins", "sqlc.yaml": "sqlc", "sqlc.yml": "sqlc", "sqlc.json": "sqlc", "makefile": "makefile",
}
_K8S_DIRS = frozenset({"k8s", "kubernetes", "kube", "manifests", "deploy", "deployment", "deployments",
                       "eks", "gke", "aks", "helm", "charts", "kustomize", "overlays", "base"})
MANIFEST_KINDS = frozenset({"requirements", "pyproject", "pipfile", "setup_cfg", "package_json", "pom",
                            "gradle", "gemfile", "composer", "gomod", "cargo", "csproj", "nuget_config"})
"""Kinds that declare package dependencies (see :func:`file_kind`)."""


def is_excluded(path: str) -> bool:
    """True if ``path`` lies inside an :data:`EXCLUDED_DIRS` folder (``node_modules/``, ``vendor/`` …)."""
    return any(part in EXCLUDED_DIRS for part in path.split("/")[:-1])


def file_kind(path: str) -> str | None:
    """What detection uses ``path`` for, or None.

    Kinds: the dependency manifests in :data:`MANIFEST_KINDS`; ``dockerfile``, ``compose``;
    CI (``github_actions``, ``gitlab_ci``, ``travis``, ``circleci``, ``jenkins``); deploy configs
    (``procfile``, ``fly``, ``render``, ``app_json``, ``vercel``, ``netlify``, ``railway``,
    ``app_engine``, ``k8s``, ``terraform``); ``openapi``, ``graphql``, ``alembic``, ``sqlc``,
    ``makefile``, ``readme``, ``license`` (root only) and ``env`` (dotenv files).
    """
    if is_excluded(path):
        return None
    lower = path.lower()
    name = lower.rsplit("/", 1)[-1]
    parent = lower.rsplit("/", 1)[0] if "/" in lower else ""
    if lower in _CI_FILES:
        return _CI_FILES[lower]
    if parent == ".github/workflows" and name.endswith((".yml", ".yaml")):
        return "github_actions"
    if name in _NAMES:
        return _NAMES[name]
    if name.endswith((".txt", ".in")) and (name.startswith("requirements") or parent.endswith("requirements")):
        return "requirements"
    if name.endswith(".csproj"):
        return "csproj"
    if name == "dockerfile" or name.startswith("dockerfile.") or name.endswith(".dockerfile"):
        return "dockerfile"
    if re.fullmatch(r"(docker-)?compose([.-][\w.-]+)?\.ya?ml", name):
        return "compose"
    if name == "app.yaml" and "/" not in path:
        return "app_engine"
    if name.endswith(".tf"):
        return "terraform"
    if name.endswith((".yaml", ".yml", ".json")) and ("openapi" in name or "swagger" in name):
        return "openapi"
    if name.endswith((".graphql", ".graphqls", ".gql")):
        return "graphql"
    if name.startswith("readme"):
        return "readme"
    if "/" not in path and name.startswith(("license", "licence", "copying")):
        return "license"
    if name.endswith((".yaml", ".yml")) and (name in {"kustomization.yaml", "chart.yaml"}
                                              or _K8S_DIRS.intersection(parent.split("/"))):
        return "k8s"
    if name == ".env" or name.startswith(".env.") or name.endswith(".env"):
        return "env"
    return None


@dataclass(frozen=True)
class Service:
    """A backing service a repository runs or connects to, by container image or connection setting.

    ``name``: an image without registry and tag (``postgres``, ``circleci/mongo``), or for an
    example environment file the image the setting names (``DB_CONNECTION=mysql`` → ``mysql``).
    ``context``: ``"dockerfile"`` (a ``FROM`` line), ``"compose"``, ``"ci"`` (a CI job or service) or ``"env"``.
    """

    name: str
    path: str
    context: str


@dataclass(frozen=True)
class Manifests:
    """What :func:`read_manifests` found: dependencies, services and one warning sentence per bad file."""

    dependencies: tuple[Dependency, ...] = ()
    services: tuple[Service, ...] = ()
    warnings: tuple[str, ...] = ()


def read_manifests(files: Mapping[str, str]) -> Manifests:
    """Parse every dependency manifest, Dockerfile, compose and CI file in ``files``.

    Args:
        files: ``{path: text}`` of fetched repository files; other files are ignored.
    Returns:
        :class:`Manifests` with dependencies de-duplicated on (ecosystem, name, path), in file order.
    """
    deps: dict[tuple[str, str, str], Dependency] = {}
    services: dict[tuple[str, str], Service] = {}
    warnings: list[str] = []
    seen: set[str] = set()
    # Runtime requirement files first, so a file both include is attributed as runtime, not dev.
    for path in sorted(files, key=lambda p: (is_dev_file(p), p)):
        kind = file_kind(path)
        try:
            found = declared_dependencies(kind, path, files, seen, warnings)
            found_services = list(_services(kind, path, files[path]))
        except SkippedFile as problem:
            warnings.append(str(problem))
            continue
        for dep in found:
            deps.setdefault((dep.ecosystem, dep.name.lower(), dep.path), dep)
        for service in found_services:
            services.setdefault((service.name, service.path), service)
    return Manifests(tuple(deps.values()), tuple(services.values()), tuple(warnings))


# --- Containers ---------------------------------------------------------------------------

def image_name(reference: str) -> str:
    """``registry/ns/name:tag@digest`` → ``ns/name`` lower-cased, without tag, digest or registry host."""
    ref = reference.strip().strip("'\"").split("@", 1)[0].lower()
    head, _, last = ref.rpartition("/")
    last = last.split(":", 1)[0]
    parts = [p for p in head.split("/") if p] + [last]
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0] or parts[0] == "localhost"):
        parts = parts[1:]  # a registry host such as ghcr.io or mcr.microsoft.com
    return "/".join(parts)


def load_yaml(path: str, text: str) -> list[object]:
    """Every YAML document in ``text``; raises SkippedFile with a warning sentence on bad YAML."""
    try:
        return [doc for doc in yaml.safe_load_all(text) if doc is not None]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise SkippedFile(f"{path} is not valid YAML{where}: it was skipped; fix the file.") from exc


def _yaml_images(node: object, seen: set[int], budget: list[int]) -> Iterator[str]:
    """Image references under ``image:``, ``container:`` and GitLab ``services:`` keys, anywhere."""
    if id(node) in seen or budget[0] <= 0:  # shared YAML aliases are walked once
        return
    seen.add(id(node))
    budget[0] -= 1
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if key in {"image", "container"} and isinstance(value, str):
            yield value
        elif key == "image" and isinstance(value, dict) and isinstance(value.get("name"), str):
            yield value["name"]
        elif key == "services" and isinstance(value, list):
            yield from (v if isinstance(v, str) else v.get("name", "") for v in value if isinstance(v, (str, dict)))
        if isinstance(value, (dict, list)):
            yield from _yaml_images(value, seen, budget)


_ENV_SCHEMES = {"postgres": "postgres", "postgresql": "postgres", "mysql": "mysql", "mongodb": "mongo",
                "mongodb+srv": "mongo", "redis": "redis", "rediss": "redis", "amqp": "rabbitmq", "amqps": "rabbitmq"}
_DB_CONNECTION = {"mysql": "mysql", "pgsql": "postgres", "sqlite": "sqlite", "sqlsrv": "mssql/server",
                  "mongodb": "mongo", "mariadb": "mariadb"}  # Laravel's DB_CONNECTION driver names


def is_env_example(path: str) -> bool:
    """True for dotenv templates meant to be committed (``.env.example``, ``.env.sample``, ``example.env`` …)."""
    return file_kind(path) == "env" and bool(re.search(r"(?i)(example|sample|template|dist|defaults?)",
                                                         path.rsplit("/", 1)[-1]))


def _services(kind: str | None, path: str, text: str) -> Iterator[Service]:
    if kind == "env" and is_env_example(path):
        for key, value in re.findall(r"(?m)^\s*(?:export\s+)?([A-Z0-9_]+)\s*=\s*['\"]?([^'\"\s#]*)", text):
            scheme = value.split("://", 1)[0].lower() if "://" in value else None
            name = _DB_CONNECTION.get(value.lower()) if key == "DB_CONNECTION" else _ENV_SCHEMES.get(scheme or "")
            if name:
                yield Service(name, path, "env")
    elif kind == "dockerfile":
        stages: set[str] = set()
        for match in re.finditer(r"^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?", text, re.M | re.I):
            ref, stage = match.group(1), match.group(2)
            if "$" not in ref and ref.lower() not in stages and ref.lower() != "scratch":
                yield Service(image_name(ref), path, "dockerfile")
            if stage:
                stages.add(stage.lower())
    elif kind in {"compose", "github_actions", "gitlab_ci", "circleci", "travis"}:
        context = "compose" if kind == "compose" else "ci"
        for doc in load_yaml(path, text):
            for ref in _yaml_images(doc, set(), [20_000]):
                if ref and "$" not in ref:
                    yield Service(image_name(ref), path, context)


def is_kubernetes_manifest(path: str, text: str) -> bool:
    """True if any YAML document in ``text`` has both ``apiVersion`` and ``kind`` (Kubernetes' object shape)."""
    try:
        docs = load_yaml(path, text)
    except SkippedFile:
        return False
    return any(isinstance(doc, dict) and "apiVersion" in doc and "kind" in doc for doc in docs)
