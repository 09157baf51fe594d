"""Declared dependencies: one parser per manifest format, from file text to :class:`Dependency`.

:func:`analyzer.manifests.read_manifests` picks the files by kind and calls
:func:`declared_dependencies` for each::

    >>> declared_dependencies("requirements", "requirements.txt", {"requirements.txt": "Flask==3.0\\n"}, set(), [])
    [Dependency(ecosystem='pypi', name='Flask', path='requirements.txt', spec='==3.0', dev=False)]

Ecosystem names follow the taxonomy's ``packages`` map: ``pypi``, ``npm``, ``maven``
(``groupId:artifactId``), ``rubygems``, ``composer``, ``go``, ``cargo``, ``nuget``.
Formats read, by ecosystem family: Python (requirements files with ``-r`` includes followed
inside the given files, ``pyproject.toml`` with PEP 621, PEP 735 groups, Poetry, PDM and uv,
``Pipfile``, ``setup.cfg``, ``pip install`` lines in Dockerfiles); JavaScript, PHP, Ruby, Go
and Rust (``package.json``, ``composer.json``, ``Gemfile``, ``go.mod``, ``Cargo.toml``); Java
and .NET (``pom.xml``, ``build.gradle(.kts)``, ``*.csproj``, ``packages.config``).

A file that cannot be parsed raises :class:`SkippedFile`, whose message is the warning
sentence. XML is parsed with defusedxml because repository files are untrusted input.
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
from packaging.requirements import InvalidRequirement, Requirement


@dataclass(frozen=True)
class Dependency:
    """One declared package: ecosystem, name as written, the file declaring it, its version text."""

    ecosystem: str
    name: str
    path: str
    spec: str = ""
    dev: bool = False


class SkippedFile(Exception):
    """A file that cannot be parsed; the message is the warning sentence (path, problem, what to do)."""


def declared_dependencies(kind: str | None, path: str, files: Mapping[str, str], seen: set[str],
                          warnings: list[str]) -> list[Dependency]:
    """The packages the file at ``path`` (of :func:`analyzer.manifests.file_kind` ``kind``) declares.

    ``files`` is every fetched ``{path: text}`` (requirements files follow ``-r`` includes in it);
    ``seen`` holds the requirements files already read, so each is read once; a missing include
    adds a sentence to ``warnings``. Kinds other than manifests and Dockerfiles give ``[]``.

    Raises:
        SkippedFile: the file is not valid TOML, JSON, INI or XML.
    """
    if kind == "requirements":
        return list(_requirements(path, files, seen, warnings, is_dev_file(path)))
    if kind == "dockerfile":
        return list(_dockerfile_pip(path, files[path]))
    return list(_PARSERS[kind](path, files[path])) if kind in _PARSERS else []


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


def is_dev_file(path: str) -> bool:
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
        raise SkippedFile(f"{path} is not valid TOML ({exc}): its dependencies were skipped; fix the file.") from exc


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
        raise SkippedFile(f"{path} is not a valid INI file ({exc.__class__.__name__}): "
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
        raise SkippedFile(f"{path} is not valid JSON (line {exc.lineno}): its dependencies were skipped; "
                    "fix the file.") from exc
    if not isinstance(data, dict):
        raise SkippedFile(f"{path} is not a JSON object: its dependencies were skipped; fix the file.")
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
        raise SkippedFile(f"{path} is not valid XML ({exc}): its dependencies were skipped; fix the file.") from exc
    except defusedxml.DefusedXmlException as exc:
        raise SkippedFile(f"{path} declares XML entities or a DTD, which jobready does not expand: "
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
