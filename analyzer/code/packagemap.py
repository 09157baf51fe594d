"""Which skill a declared package shows: the ranked package map, and frontend packages.

Two sources map a package to a taxonomy id: the skills' own ``packages`` globs in
``skill_taxonomy.yaml`` (framework families such as ``flask-*``) and the ranked map in
``analyzer/data/package_map.yaml`` (exact packages per ecosystem, with their download rank where a
registry list gave one; ``scripts/rank_packages.py`` refills the ranks)::

    package_map = load_package_map()
    package_map["npm"][0]          # PackageEntry(name='ajv', id='data_validation', rank=26)

A ``package.json`` that builds a browser app gives frontend evidence only
(:func:`is_frontend_manifest`): it has a UI framework or a bundler (React, Vue, Angular,
Svelte, Vite, webpack …), no server framework (Express, NestJS, Koa …) or database client, and no
server entry point (a ``start`` script running ``node``/``nodemon``/``ts-node``). Its packages then
count only for the skills of :data:`FRONTEND_CATEGORIES`: ``axios`` in a React app is the Axios
library calling from the browser (never jQuery, never a server), ``@types/node`` or a build
script is no backend Node.js work.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from analyzer.errors import TaxonomyError

ECOSYSTEMS = ("pypi", "npm", "maven", "go", "rubygems", "composer", "nuget", "cargo")
"""The ecosystems ``analyzer.dependencies`` reads, as ``Dependency.ecosystem`` spells them."""

FRONTEND_CATEGORIES = frozenset({"frontend", "languages", "testing", "tools", "libraries", "build_tools",
                                 "design_tools", "data_formats", "mobile"})
"""Categories (of ``skill_taxonomy.yaml`` and ``technologies.yaml``) a frontend ``package.json``
may give evidence for: React, TypeScript, Jest, ESLint, Axios, Lodash …, and any technology that
implies a frontend skill (Next.js implies React). Servers, databases, APIs, security, runtimes
and cloud services need backend code."""

_FRONTEND = frozenset({
    "react", "react-dom", "vue", "@angular/core", "svelte", "solid-js", "preact", "next", "nuxt", "gatsby", "astro",
    "ember-source", "@remix-run/react", "react-native", "expo", "vite", "webpack", "parcel", "react-scripts",
    "@vitejs/plugin-react", "@vitejs/plugin-react-swc", "@vitejs/plugin-vue", "@sveltejs/kit", "@angular/cli",
    "@vue/cli-service", "quasar", "@ionic/react", "@ionic/angular"})
"""npm packages that make a browser app: UI frameworks and bundlers (facts from their npm pages)."""
_SERVER = frozenset({
    "express", "koa", "fastify", "@nestjs/core", "@hapi/hapi", "hapi", "restify", "@adonisjs/core", "sails",
    "@loopback/core", "loopback", "@feathersjs/feathers", "apollo-server", "apollo-server-express", "@apollo/server",
    "graphql-yoga", "socket.io", "hono", "@trpc/server", "polka", "elysia", "micro", "mongoose", "pg", "mysql",
    "mysql2", "sqlite3", "better-sqlite3", "sequelize", "typeorm", "@prisma/client", "knex", "mongodb", "redis",
    "ioredis", "firebase-functions", "@google-cloud/functions-framework", "@vercel/node", "serverless"})
"""npm packages that only run on a server: server frameworks and database clients."""
_SERVER_START = re.compile(r"(^|[\s;&|])(node|nodemon|ts-node|ts-node-dev|tsx|pm2|pm2-runtime|forever|bun|deno)\s+"
                           r"(?!.*\b(vite|webpack|react-scripts|ng|next|nuxt)\b)")


@dataclass(frozen=True)
class PackageEntry:
    """One package of the map: registry name, taxonomy id, download rank (1 = most downloaded) or None."""

    name: str
    id: str
    rank: int | None = None


@functools.lru_cache(maxsize=1)
def _schema():
    """The file's pydantic model, built on first load: PyYAML and pydantic stay out of a start-up
    that reads no repository."""
    from pydantic import BaseModel, ConfigDict, Field, create_model

    class Entry(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)
        name: str = Field(min_length=1)
        id: str = Field(min_length=1)
        rank: int | None = Field(default=None, ge=1)

    fields = {ecosystem: (list[Entry], []) for ecosystem in ECOSYSTEMS}
    return create_model("PackageMapFile", __config__=ConfigDict(extra="forbid"), **fields)


def default_package_map_path() -> Path:
    """``analyzer/data/package_map.yaml`` (installed with the package)."""
    return Path(__file__).resolve().parents[1] / "data" / "package_map.yaml"


@dataclass(frozen=True)
class PackageMap:
    """The loaded map: ``entries[ecosystem]`` in file order (ranked first, most downloaded first)."""

    entries: Mapping[str, tuple[PackageEntry, ...]]
    path: Path

    def __getitem__(self, ecosystem: str) -> tuple[PackageEntry, ...]:
        return self.entries.get(ecosystem, ())

    def __len__(self) -> int:
        return sum(len(items) for items in self.entries.values())


@functools.lru_cache(maxsize=4)
def load_package_map(path: Path | str | None = None) -> PackageMap:
    """Load and validate ``package_map.yaml`` (default :func:`default_package_map_path`).

    Raises:
        TaxonomyError: the file is missing, not YAML, has an unknown ecosystem or field, or names
            a package twice in one ecosystem (every problem listed with its place, in one message).
    """
    import yaml
    from pydantic import ValidationError

    file = Path(path) if path else default_package_map_path()
    try:
        # LibYAML's loader when PyYAML was built with it: the map loads in a tenth of the time
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except OSError as exc:
        raise TaxonomyError(f"{file} cannot be read ({exc.strerror}): reinstall jobready or pass another map.") from exc
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{file} is not valid YAML: fix the file.") from exc
    try:
        parsed = _schema().model_validate(data)
    except ValidationError as exc:
        where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise TaxonomyError(f"{file} is not a valid package map ({where}): fix those entries.") from exc
    problems = []
    entries = {}
    for ecosystem in ECOSYSTEMS:
        items = [PackageEntry(e.name, e.id, e.rank) for e in getattr(parsed, ecosystem)]
        seen: set[str] = set()
        for i, entry in enumerate(items):
            key = normal_name(ecosystem, entry.name)
            if key in seen:
                problems.append(f"{ecosystem}[{i}]: {entry.name} is listed twice")
            seen.add(key)
        entries[ecosystem] = tuple(items)
    if problems:
        raise TaxonomyError(f"{file} is not a valid package map ({'; '.join(problems)}): fix those entries.")
    return PackageMap(entries, file)


def normal_name(ecosystem: str, name: str) -> str:
    """The name a registry treats as the same package: PEP 503 for PyPI (``Flask_SQLAlchemy`` →
    ``flask-sqlalchemy``), lower case elsewhere."""
    return re.sub(r"[-_.]+", "-", name).lower() if ecosystem == "pypi" else name.lower()


def is_frontend_manifest(path: str, text: str) -> bool:
    """True for a ``package.json`` of a browser app (see the module docstring); False for a
    server, a library, a tool or text that is not a JSON object."""
    if path.rsplit("/", 1)[-1].lower() != "package.json":
        return False
    try:
        data = json.loads(text)
    except ValueError:
        return False
    if not isinstance(data, dict):
        return False
    names = set()
    for section in ("dependencies", "devDependencies", "peerDependencies"):
        table = data.get(section)
        if isinstance(table, dict):
            names.update(name.lower() for name in table)
    if not names & _FRONTEND or names & _SERVER:
        return False
    scripts = data.get("scripts") if isinstance(data.get("scripts"), dict) else {}
    starts = [v for k, v in scripts.items() if k in {"start", "serve", "dev", "server"} and isinstance(v, str)]
    return not any(_SERVER_START.search(command) for command in starts)



def frontend_roots(files: Mapping[str, str]) -> dict[str, bool]:
    """Folder of every ``package.json`` in ``files`` (``""`` for the root, else ``"frontend/"``)
    → whether it is a browser app's (:func:`is_frontend_manifest`). Empty without a frontend."""
    roles = {path[: -len("package.json")]: is_frontend_manifest(path, text)
             for path, text in files.items() if path.rsplit("/", 1)[-1].lower() == "package.json"}
    return roles if any(roles.values()) else {}


def in_frontend(path: str, roots: Mapping[str, bool]) -> bool:
    """True if the nearest ``package.json`` above ``path`` (see :func:`frontend_roots`) is a
    browser app's: ``frontend/src/api.ts`` under ``frontend/package.json`` is, ``server/app.ts``
    under a server's ``server/package.json`` is not, even inside a frontend root."""
    nearest = max((folder for folder in roots if path.startswith(folder)), key=len, default=None)
    return nearest is not None and roots[nearest]
