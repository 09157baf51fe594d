"""The ranked package map and frontend packages (analyzer/code/packagemap.py, detectors.package_evidence).

Repositories are real folders under ``tmp_path`` analysed with the project's taxonomy.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.code.packagemap import (
    ECOSYSTEMS,
    frontend_roots,
    in_frontend,
    is_frontend_manifest,
    load_package_map,
    normal_name,
)
from analyzer.code.repos import analyze_repo, snapshot_from_folder
from analyzer.errors import TaxonomyError


def write(folder: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return folder


def package_json(deps: dict[str, str], dev: dict[str, str] | None = None, scripts: dict[str, str] | None = None) -> str:
    return json.dumps({"name": "x", "dependencies": deps, "devDependencies": dev or {}, "scripts": scripts or {}})


def skills_of(folder: Path, taxonomy) -> dict[str, list]:
    analysis = analyze_repo(snapshot_from_folder(folder), taxonomy)
    found: dict[str, list] = {}
    for skill_id, evidence in analysis.evidence:
        found.setdefault(skill_id, []).append(evidence)
    return found


# --- the data file ----------------------------------------------------------------------------

def test_every_mapped_id_is_a_taxonomy_skill(taxonomy):
    package_map = load_package_map()
    unknown = [f"{eco}:{e.name} -> {e.id}" for eco in ECOSYSTEMS for e in package_map[eco] if e.id not in taxonomy.skills]
    assert unknown == []
    assert len(package_map) >= 500 and all(package_map[eco] for eco in ECOSYSTEMS)


def test_ranked_packages_come_first_most_downloaded_first():
    package_map = load_package_map()
    for ecosystem in ("pypi", "npm"):
        ranks = [e.rank for e in package_map[ecosystem]]
        ranked = [r for r in ranks if r is not None]
        assert ranked == sorted(ranked) and ranks[: len(ranked)] == ranked
        assert len(ranked) >= 0.9 * len(ranks)


@pytest.mark.parametrize(("ecosystem", "name", "skill"), [
    ("npm", "axios", "axios"), ("npm", "pg", "postgresql"), ("maven", "com.h2database:h2", "h2_database"), ("pypi", "psycopg2-binary", "postgresql"),
    ("maven", "io.jsonwebtoken:jjwt-api", "jwt"), ("go", "gorm.io/driver/sqlite", "sqlite"),
    ("rubygems", "sidekiq", "background_jobs"), ("composer", "laravel/passport", "oauth"),
    ("nuget", "Npgsql.EntityFrameworkCore.PostgreSQL", "postgresql"), ("cargo", "jsonwebtoken", "jwt"),
])
def test_backend_packages_of_every_ecosystem_are_mapped(ecosystem, name, skill):
    entries = {normal_name(ecosystem, e.name): e.id for e in load_package_map()[ecosystem]}
    assert entries[normal_name(ecosystem, name)] == skill


def test_axios_and_types_node_map_to_no_jquery_or_nodejs(taxonomy):
    assert "axios" not in taxonomy.skills["jquery"].packages.get("npm", ())
    assert "@types/node" not in taxonomy.skills["node_js"].packages.get("npm", ())


@pytest.mark.parametrize(("text", "problem"), [
    ("pypi:\n  - {name: flask, id: flask, stars: 3}\n", "stars"),
    ("pip:\n  - {name: flask, id: flask}\n", "pip"),
    ("npm:\n  - {name: pg, id: postgresql}\n  - {name: PG, id: postgresql}\n", "PG is listed twice"),
    ("npm: [\n", "not valid YAML"),
])
def test_a_bad_map_is_refused_with_its_place(tmp_path, text, problem):
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TaxonomyError, match=problem):
        load_package_map(path)


# --- frontend packages -------------------------------------------------------------------------

@pytest.mark.parametrize(("deps", "dev", "scripts", "frontend"), [
    ({"react": "^18", "axios": "^1"}, {"vite": "^5", "@types/node": "^20"}, {"dev": "vite"}, True),
    ({"vue": "^3"}, {"@vue/cli-service": "^5"}, {"serve": "vue-cli-service serve"}, True),
    ({"@angular/core": "^17", "rxjs": "^7"}, {}, {"start": "ng serve"}, True),
    ({"react": "^18", "express": "^4"}, {}, {}, False),  # server-side rendering: a server framework
    ({"react": "^18"}, {}, {"start": "node server.js"}, False),  # a server entry point
    ({"express": "^4"}, {"@types/node": "^20"}, {}, False),
    ({"lodash": "^4"}, {"@types/node": "^20"}, {"build": "tsc"}, False),  # a library or tool: no frontend marker
])
def test_frontend_manifest_rule(deps, dev, scripts, frontend):
    assert is_frontend_manifest("web/package.json", package_json(deps, dev, scripts)) is frontend


def test_the_nearest_package_json_decides():
    files = {"package.json": package_json({"react": "^18"}, {"vite": "^5"}),
             "server/package.json": package_json({"express": "^4"})}
    roots = frontend_roots(files)
    assert in_frontend("src/api.ts", roots) and not in_frontend("server/app.ts", roots)
    assert frontend_roots({"package.json": package_json({"express": "^4"})}) == {}


def test_frontend_only_package_gives_frontend_evidence_only(tmp_path, taxonomy):
    repo = write(tmp_path / "web", {
        "package.json": package_json({"react": "^18.2", "axios": "^1.6", "jwt-decode": "^4", "firebase": "^10"},
                                     {"vite": "^5", "@types/node": "^20", "typescript": "^5", "jest": "^29"},
                                     {"dev": "vite", "build": "tsc && vite build"}),
        "src/App.tsx": "export const App = () => null\n" * 120,
        "src/api/client.ts": "export const list = () => axios.get('/api/items').then(r => r.data)\n" * 40,
    })
    found = skills_of(repo, taxonomy)
    assert {"react", "typescript", "jest", "axios"} <= set(found)  # Axios, the browser's HTTP client
    assert not {"jquery", "node_js", "http", "jwt", "firebase", "rest", "express"} & set(found)
    assert found["react"][0].detail == "frontend package"


def test_full_stack_repository_keeps_backend_and_frontend_apart(tmp_path, taxonomy):
    repo = write(tmp_path / "shop", {
        "backend/pyproject.toml": "[project]\nname = 'shop'\ndependencies = ['fastapi', 'psycopg[binary]', 'pyjwt']\n",
        "backend/app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/items')\ndef items():\n"
                               "    return []\n" + "# padding\n" * 300,
        "backend/app/core/config.py": "DATABASE_URL = 'postgresql+psycopg://app@db/shop'\n",
        "backend/app/core/security.py": "import jwt\n\ndef token(sub):\n    return jwt.encode({'sub': sub}, KEY)\n",
        "frontend/package.json": package_json({"react": "^18", "axios": "^1"}, {"vite": "^5", "@types/node": "^20"},
                                              {"dev": "vite"}),
        "frontend/src/client.ts": "export const items = () => axios.get('/items')\nconst q = gql`query { a }`\n",
    })
    found = skills_of(repo, taxonomy)
    assert {"fastapi", "postgresql", "jwt", "rest", "react"} <= set(found)
    assert not {"jquery", "node_js", "graphql", "http"} & set(found)
    rest = found["rest"][0]
    assert (rest.path, rest.line, rest.detail) == ("backend/app/main.py", 4, "read from the code")
    assert "backend/app/core/config.py" in {e.path for e in found["postgresql"]}
    assert any(e.path == "backend/app/core/security.py" and e.line == 4 for e in found["jwt"])


def test_axios_is_the_axios_http_client_never_jquery(tmp_path, taxonomy):
    repo = write(tmp_path / "api", {"package.json": package_json({"express": "^4", "axios": "^1"}),
                                    "index.js": "const app = require('express')()\n"})
    found = skills_of(repo, taxonomy)
    assert "axios" in found and "jquery" not in found
    assert "http" in taxonomy.skills["axios"].implies
