"""Dependency manifests and service configuration: which packages and services a repository uses.

The input is a repository's fetched files (``{path: text}``); the output is plain data::

    >>> found = read_manifests({"requirements.txt": "Flask==3.0\\n"})
    >>> found.dependencies[0]
    Dependency(ecosystem='pypi', name='Flask', path='requirements.txt', spec='==3.0', dev=False)

Ecosystem names follow the taxonomy's ``packages`` map: ``pypi``, ``npm``, ``maven``
(``groupId:artifactId``), ``rubygems``, ``composer``, ``go``, ``cargo``, ``nuget``.
Formats read: requirements files (with ``-r`` includes followed inside the given files),
``pyproject.toml`` (PEP 621, PEP 735 groups, Poetry, PDM, uv), ``Pipfile``, ``setup.cfg``,
``package.json``, ``pom.xml``, ``build.gradle(.kts)``, ``Gemfile``, ``composer.json``,
``go.mod``, ``Cargo.toml``, ``*.csproj`` / ``packages.config``, plus ``pip install`` lines
and ``FROM`` images in Dockerfiles, ``image:`` values in compose and CI files, and database
settings (``DB_CONNECTION``, ``*_URL`` schemes) in example ``.env`` files.

A file that cannot be parsed gives one warning sentence and is skipped; nothing here raises.
XML is parsed with defusedxml because repository files are untrusted input.
"""

from __future__ import annotations

import configparser
import json
import posixpath
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET
import yaml
from packaging.requirements import InvalidRequirement, Requirement

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
class Dependency:
    """One declared package: ecosystem, name as written, the file declaring it, its version text."""

    ecosystem: str
    name: str
    path: str
    spec: str = ""
    dev: bool = False


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


class _Skip(Exception):
    """A file that cannot be parsed; the message is the warning sentence."""


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
    for path in sorted(files, key=lambda p: (_is_dev_file(p), p)):
        kind = file_kind(path)
        try:
            if kind == "requirements":
                found = list(_requirements(path, files, seen, warnings, _is_dev_file(path)))
            elif kind == "dockerfile":
                found = list(_dockerfile_pip(path, files[path]))
            else:
                found = list(_PARSERS[kind](path, files[path])) if kind in _PARSERS else []
            found_services = list(_services(kind, path, files[path]))
        except _Skip as problem:
            warnings.append(str(problem))
            continue
        for dep in found:
            deps.setdefault((dep.ecosystem, dep.name.lower(), dep.path), dep)
        for service in found_services:
            services.setdefault((service.name, service.path), service)
    return Manifests(tuple(deps.values()), tuple(services.values()), tuple(warnings))


# --- Python -------------------------------------------------------------------------------

_PIP_OPTIONS_WITH_VALUE = {"-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i",
                           "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target"}


def _pep508(text: str, path: str, dev: bool = False) -> Dependency | None:
    """A requirement string (``Flask[async]>=3; python_version>'3.8'``) as a Dependency, or None."""
    text = text.strip()
    if not text or text.startswith(("-", "#", ".", "/")):
        return None
    egg = re.search(r"#egg=([A-Za-z0-9._-]+)", text)
    if egg:
        return Dependency("pypi", egg.group(1), path, "", dev)
    try:
        req = Requirement(text)
    except InvalidRequirement:
        return None
    return Dependency("pypi", req.name, path, str(req.specifier), dev)


def _is_dev_file(path: str) -> bool:
    """True for requirement files named for development, tests, linting, CI or docs."""
    name = path.rsplit("/", 1)[-1].lower()
    return bool(re.search(r"(^|[-_.])(dev|develop|development|local|test|tests|testing|lint|ci|docs)([-_.]|$)", name))


def _requirements(path: str, files: Mapping[str, str], seen: set[str], warnings: list[str],
                  dev: bool) -> Iterator[Dependency]:
    """A pip requirements file, following ``-r`` includes found in ``files`` (each file once)."""
    if path in seen:
        return
    seen.add(path)
    for raw in files[path].splitlines():
        line = re.split(r"(?:^|\s)#", raw, maxsplit=1)[0].strip()
        include = re.match(r"(-r|--requirement)[\s=]+(\S+)", line)
        if include:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), include.group(2)))
            if target in files:
                yield from _requirements(target, files, seen, warnings, dev)
            else:
                warnings.append(f"{path} includes {target}, which was not read: its dependencies are missing.")
            continue
        dep = _pep508(line, path, dev)
        if dep:
            yield dep


def _toml(path: str, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _Skip(f"{path} is not valid TOML ({exc}): its dependencies were skipped; fix the file.") from exc


def _table(data: object, *keys: str) -> dict:
    """``data[k1][k2]…`` when every step is a table, else ``{}``."""
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else {}


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _pyproject(path: str, text: str) -> Iterator[Dependency]:
    data = _toml(path, text)
    project = _table(data, "project")
    for line in _strings(project.get("dependencies")):
        yield from filter(None, [_pep508(line, path)])
    groups = {**_table(project, "optional-dependencies"), **_table(data, "dependency-groups"),
              **_table(data, "tool", "pdm", "dev-dependencies")}
    groups["uv"] = _table(data, "tool", "uv").get("dev-dependencies", [])
    for lines in groups.values():
        for line in _strings(lines):
            yield from filter(None, [_pep508(line, path, dev=True)])
    poetry = _table(data, "tool", "poetry")
    tables = [(poetry.get("dependencies"), False), (poetry.get("dev-dependencies"), True)]
    tables += [(_table(group, "dependencies"), True) for group in _table(poetry, "group").values()]
    for table, dev in tables:
        for name, spec in (table.items() if isinstance(table, dict) else ()):
            if name.lower() != "python":
                yield Dependency("pypi", name, path, spec if isinstance(spec, str) else "", dev)


def _pipfile(path: str, text: str) -> Iterator[Dependency]:
    data = _toml(path, text)
    for section, dev in (("packages", False), ("dev-packages", True)):
        for name, spec in _table(data, section).items():
            yield Dependency("pypi", name, path, spec if isinstance(spec, str) else "", dev)


def _setup_cfg(path: str, text: str) -> Iterator[Dependency]:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        raise _Skip(f"{path} is not a valid INI file ({exc.__class__.__name__}): "
                    "its dependencies were skipped; fix the file.") from exc
    blocks = [(parser.get("options", "install_requires", fallback=""), False),
              (parser.get("options", "tests_require", fallback=""), True)]
    if parser.has_section("options.extras_require"):
        blocks += [(value, True) for value in parser["options.extras_require"].values()]
    for block, dev in blocks:
        for line in block.splitlines():
            yield from filter(None, [_pep508(line, path, dev)])


def _dockerfile_pip(path: str, text: str) -> Iterator[Dependency]:
    """Packages installed by ``pip install a b`` in a Dockerfile's RUN lines (not ``-r`` files)."""
    joined = re.sub(r"\\\r?\n", " ", text)
    for match in re.finditer(r"\bpip3?\s+install\s+([^&;|\n]*)", joined):
        skip_next = False
        for token in match.group(1).split():
            token = token.strip("'\"")
            if skip_next or token in _PIP_OPTIONS_WITH_VALUE:
                skip_next = token in _PIP_OPTIONS_WITH_VALUE
                continue
            if token == "pip" or any(c in token for c in "/$*") or token.endswith((".whl", ".txt")):
                continue
            yield from filter(None, [_pep508(token, path)])


# --- JavaScript, PHP, Ruby, Go, Rust ------------------------------------------------------

def _json(path: str, text: str) -> dict:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Skip(f"{path} is not valid JSON (line {exc.lineno}): its dependencies were skipped; "
                    "fix the file.") from exc
    if not isinstance(data, dict):
        raise _Skip(f"{path} is not a JSON object: its dependencies were skipped; fix the file.")
    return data


def _package_json(path: str, text: str) -> Iterator[Dependency]:
    data = _json(path, text)
    for section in ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies"):
        for name, spec in _table(data, section).items():
            yield Dependency("npm", name, path, spec if isinstance(spec, str) else "", section == "devDependencies")


def _composer(path: str, text: str) -> Iterator[Dependency]:
    data = _json(path, text)
    for section in ("require", "require-dev"):
        for name, spec in _table(data, section).items():
            if "/" in name:  # leaves out "php", "ext-mbstring", "lib-icu" platform requirements
                yield Dependency("composer", name, path, spec if isinstance(spec, str) else "",
                                 section == "require-dev")


def _gemfile(path: str, text: str) -> Iterator[Dependency]:
    groups: list[bool] = []  # one entry per open block: True if it is a development/test group
    for line in text.splitlines():
        stripped = line.split("#", 1)[0].strip()
        group = re.match(r"group\b(.*)\bdo\b", stripped)
        if group:
            groups.append(not re.search(r":production|:default", group.group(1)))
            continue
        if re.match(r"\w.*\bdo\b(\s*\|.*\|)?$", stripped):
            groups.append(groups[-1] if groups else False)
            continue
        if stripped == "end" and groups:
            groups.pop()
            continue
        gem = re.match(r"gem\s*\(?\s*['\"]([^'\"]+)['\"](?:\s*,\s*['\"]([^'\"]+)['\"])?", stripped)
        if gem:
            yield Dependency("rubygems", gem.group(1), path, gem.group(2) or "", bool(groups and groups[-1]))


def _gomod(path: str, text: str) -> Iterator[Dependency]:
    in_block = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("require ("):
            in_block = True
            continue
        if in_block and stripped.startswith(")"):
            in_block = False
            continue
        if not (in_block or stripped.startswith("require ")) or "// indirect" in stripped:
            continue
        match = re.match(r"(?:require\s+)?(\S+)\s+(v\S+)", stripped)
        if match:
            yield Dependency("go", match.group(1), path, match.group(2))


def _cargo(path: str, text: str) -> Iterator[Dependency]:
    data = _toml(path, text)
    tables = [data, _table(data, "workspace")]
    tables += [target for target in _table(data, "target").values() if isinstance(target, dict)]
    for table in tables:
        for section in ("dependencies", "dev-dependencies", "build-dependencies"):
            for key, spec in _table(table, section).items():
                entry = spec if isinstance(spec, dict) else {"version": spec}
                name, version = entry.get("package", key), entry.get("version", "")
                version = version if isinstance(version, str) else ""
                yield Dependency("cargo", name, path, version, section == "dev-dependencies")


# --- Java and .NET ------------------------------------------------------------------------

def _xml(path: str, text: str) -> Element:
    try:
        return SafeET.fromstring(text)
    except ParseError as exc:
        raise _Skip(f"{path} is not valid XML ({exc}): its dependencies were skipped; fix the file.") from exc
    except defusedxml.DefusedXmlException as exc:
        raise _Skip(f"{path} declares XML entities or a DTD, which jobready does not expand: "
                    "its dependencies were skipped.") from exc


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(element: Element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _pom(path: str, text: str) -> Iterator[Dependency]:
    root = _xml(path, text)

    def walk(element: Element, managed: bool) -> Iterator[Dependency]:
        for child in element:
            tag = _local(child.tag)
            if tag in {"dependency", "parent", "plugin"} and not managed:
                group = _child_text(child, "groupId") or ("org.apache.maven.plugins" if tag == "plugin" else "")
                artifact = _child_text(child, "artifactId")
                if group and artifact:
                    yield Dependency("maven", f"{group}:{artifact}", path, _child_text(child, "version"),
                                     _child_text(child, "scope") == "test")
            elif tag not in {"exclusions", "dependency", "parent", "plugin"}:
                yield from walk(child, managed or tag in {"dependencyManagement", "pluginManagement"})

    yield from walk(root, False)


_GRADLE_CONFIG = (r"(?:\w*[iI]mplementation|api|\w*[cC]ompileOnly|\w*[rR]untimeOnly|compile|testCompile|runtime"
                  r"|annotationProcessor|kapt|ksp|developmentOnly|testFixtures\w*)")
_GRADLE_DEP = re.compile(rf"^\s*({_GRADLE_CONFIG})\s*\(?\s*(?:(?:enforced)?[pP]latform\s*\(\s*)?"
                         r"[\"']([^\"'\s:]+):([^\"'\s:]+)(?::([^\"'\s]*))?[\"']", re.M)
_GRADLE_PLUGIN = re.compile(r"^\s*id\s*\(?\s*[\"']([\w.-]+)[\"']", re.M)


def _gradle(path: str, text: str) -> Iterator[Dependency]:
    for match in _GRADLE_DEP.finditer(text):
        config, group, artifact, version = match.groups()
        yield Dependency("maven", f"{group}:{artifact}", path, version or "", config.startswith("test"))
    for match in _GRADLE_PLUGIN.finditer(text):
        plugin = match.group(1)  # Gradle publishes plugin markers as <id>:<id>.gradle.plugin
        if "." in plugin:
            yield Dependency("maven", f"{plugin}:{plugin}.gradle.plugin", path)


def _csproj(path: str, text: str) -> Iterator[Dependency]:
    root = _xml(path, text)
    if root.get("Sdk", "").startswith("Microsoft.NET.Sdk.Web"):  # implicit ASP.NET Core framework reference
        yield Dependency("nuget", "Microsoft.AspNetCore.App", path)
    for element in root.iter():
        if _local(element.tag) in {"PackageReference", "FrameworkReference"}:
            name = element.get("Include") or element.get("Update")
            if name:
                yield Dependency("nuget", name, path, element.get("Version") or _child_text(element, "Version"))


def _nuget_config(path: str, text: str) -> Iterator[Dependency]:
    for element in _xml(path, text).iter():
        if _local(element.tag) == "package" and element.get("id"):
            yield Dependency("nuget", element.get("id"), path, element.get("version") or "")


_PARSERS = {"pyproject": _pyproject, "pipfile": _pipfile, "setup_cfg": _setup_cfg,
            "package_json": _package_json, "composer": _composer, "gemfile": _gemfile, "gomod": _gomod,
            "cargo": _cargo, "pom": _pom, "gradle": _gradle, "csproj": _csproj, "nuget_config": _nuget_config}


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
    """Every YAML document in ``text``; raises _Skip with a warning sentence on bad YAML."""
    try:
        return [doc for doc in yaml.safe_load_all(text) if doc is not None]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise _Skip(f"{path} is not valid YAML{where}: it was skipped; fix the file.") from exc


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
    except _Skip:
        return False
    return any(isinstance(doc, dict) and "apiVersion" in doc and "kind" in doc for doc in docs)
