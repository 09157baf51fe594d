"""What reading the code finds: one :class:`CodeFinding` per kind of declaration and file.

The readers (:mod:`analyzer.code.routes`, :mod:`analyzer.code.dbconfig`,
:mod:`analyzer.code.authcode`) take a repository's files as ``{path: text}`` and give findings
naming the file and the 1-based line of the first declaration, so a report can say
``@router.get("/items") in app/api/items.py line 12`` and link to that line. Pure functions:
no network, no disk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from analyzer.code.manifests import is_excluded

MAX_SCANNED_BYTES = 300_000
"""Only a file's first 300 KB is scanned (ours: a route table or settings module is far smaller;
bigger files are generated bundles or data, and a regex over megabytes would slow a profile)."""

SOURCE_EXTENSIONS = frozenset({
    "py", "js", "mjs", "cjs", "ts", "mts", "cts", "jsx", "tsx", "java", "kt", "kts", "groovy", "scala", "go",
    "rb", "php", "cs", "rs", "ex", "exs"})
"""Programming-language files the readers look into (templates and markup are left out)."""

CONFIG_NAMES = re.compile(
    r"(?i)(^|/)(application[\w-]*\.(properties|ya?ml)|database\.ya?ml|schema\.prisma|ormconfig\.(json|js|ts|ya?ml)(\.example)?"
    r"|knexfile\.[cm]?[jt]s|phpunit\.xml(\.dist)?|alembic\.ini|config\.(json|ya?ml|toml)|settings\.(ya?ml|toml)"
    r"|appsettings[\w.]*\.json|\.env\.(example|sample|template|dist)|[\w-]+\.env(\.example)?)$")
"""Configuration files that name a database or session setting (Spring, Rails, Prisma, TypeORM,
Knex, PHPUnit, Alembic, ASP.NET, dotenv templates and named settings such as ``app.env``;
never a bare ``.env``, which holds secrets)."""


@dataclass(frozen=True)
class CodeFinding:
    """One kind of declaration in one file.

    Attributes:
        signal: what it shows, a signal key of ``analyzer.detectors`` (``"rest"``, ``"graphql"``,
            ``"postgresql"``, ``"sqlite"``, ``"jwt"``, ``"password_hashing"``, ``"authentication"`` …).
        path: the file, relative to the repository root.
        line: 1-based line of the first declaration of this kind in the file.
        text: that declaration, stripped and cut to 80 characters.
        what: what the declaration is, for people (``"FastAPI route"``, ``"Django DATABASES engine"``).
        count: how many declarations of this kind the file holds (>= 1).
    """

    signal: str
    path: str
    line: int
    text: str
    what: str
    count: int = 1

    def describe(self) -> str:
        """``API route `@router.get("/")` at line 12 (5 in the file)``: the evidence carries the path."""
        more = f" ({self.count} in the file)" if self.count > 1 else ""
        return f"{self.what} `{self.text}` at line {self.line}{more}"


def extension(path: str) -> str:
    """The lower-cased extension of ``path`` without the dot (``""`` without one)."""
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def is_source(path: str) -> bool:
    """True for a programming-language file (:data:`SOURCE_EXTENSIONS`)."""
    return extension(path) in SOURCE_EXTENSIONS


def is_documentation(path: str) -> bool:
    """README, docs and examples folders, Markdown: code shown there is not the project's own configuration."""
    lower = path.lower()
    return (lower.endswith((".md", ".rst", ".txt", ".adoc")) or lower.rsplit("/", 1)[-1].startswith("readme")
            or bool(re.search(r"(^|/)(docs?|documentation|examples?|samples?)/", lower)))


def line_of(text: str, offset: int) -> int:
    """1-based line number of character ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1


_CREDENTIALS = re.compile(r"(\w://)[^/\s:@'\"]*:[^@\s'\"]*@")
_SECRET_WORD = r"(?:password|passwd|secret|token|api_?key)"
_SECRET_LITERAL = re.compile(rf"(?i)(\w*{_SECRET_WORD}\w*[\"']?\s*[:=]\s*)([\"'])[^\"']+\2")
_SECRET_SETTING = re.compile(rf"^([A-Z0-9_]*(?i:{_SECRET_WORD})[A-Z0-9_]*\s*=\s*|\s*(?i:{_SECRET_WORD})\s*:\s*)"
                             r"(?![\"'])\S+")


def redact(line: str) -> str:
    """``line`` with URL credentials and the values of password, secret, token and key settings
    replaced by ``***`` (a quoted literal, ``DB_PASSWORD=…``, ``password: …``): a report quotes
    configuration lines and must not repeat a password committed by mistake. Code such as
    ``access_token = create_access_token(…)`` is kept: it assigns no literal."""
    line = _CREDENTIALS.sub(r"\1***@", line)
    line = _SECRET_LITERAL.sub(r"\1\2***\2", line)
    return _SECRET_SETTING.sub(r"\1***", line)


def line_text(text: str, offset: int, width: int = 80) -> str:
    """The stripped, :func:`redact`-ed line holding ``offset``, cut to ``width`` characters (an ellipsis marks a cut)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = redact(text[start:end if end >= 0 else len(text)].strip())
    return line if len(line) <= width else line[: width - 1] + "…"


def find_all(path: str, text: str, pattern: re.Pattern[str], signal: str, what: str) -> CodeFinding | None:
    """One finding for every match of ``pattern`` in ``text`` (first line, count), or None."""
    matches = list(pattern.finditer(text[:MAX_SCANNED_BYTES]))
    if not matches:
        return None
    first = matches[0].start()
    return CodeFinding(signal, path, line_of(text, first), line_text(text, first), what, len(matches))


def scanned(files: Mapping[str, str], wanted) -> Iterator[tuple[str, str]]:
    """``(path, text)`` of the files ``wanted(path)`` accepts, documentation left out, in path order."""
    for path in sorted(files):
        if wanted(path) and not is_documentation(path) and not is_excluded(path):
            yield path, files[path]


def merge(findings: Iterable[CodeFinding | None]) -> list[CodeFinding]:
    """The findings without Nones, one per (signal, path): the first kept, counts added."""
    kept: dict[tuple[str, str], CodeFinding] = {}
    for finding in findings:
        if finding is None:
            continue
        key = (finding.signal, finding.path)
        if key in kept:
            old = kept[key]
            kept[key] = CodeFinding(old.signal, old.path, old.line, old.text, old.what, old.count + finding.count)
        else:
            kept[key] = finding
    return list(kept.values())
