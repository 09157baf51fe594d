"""Repository snapshots, file selection and skill evidence (analyzer/repos.py).

Local folders are real folders written under ``tmp_path``; the taxonomy is a small real
``skill_taxonomy.yaml`` written by the test and loaded with ``load_taxonomy``.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.code.repos import (
    MAX_FILE_BYTES,
    RepoSnapshot,
    TreeEntry,
    analyze_repo,
    languages_from_tree,
    select_files,
    snapshot_from_folder,
    unresolved_signals,
    wanted_files,
)
from analyzer.code.sources import read_code_sources
from analyzer.errors import RepoFolderError
from analyzer.report.build import analyze
from analyzer.taxonomy.loader import load_taxonomy

TODAY = date(2026, 5, 15)
TAXONOMY = """
version: 1
articles: []
categories:
  - {id: languages, name: Languages}
  - {id: frameworks, name: Frameworks}
  - {id: databases, name: Databases}
  - {id: devops, name: DevOps}
  - {id: apis, name: APIs}
  - {id: testing, name: Testing}
  - {id: cloud, name: Cloud}
  - {id: portfolio, name: Portfolio}
skills:
  - {id: python, name: Python, category: languages, origin: reviewer, note: n}
  - {id: php, name: PHP, category: languages, origin: reviewer, note: n}
  - {id: go, name: Go, aliases: [Golang], category: languages, origin: reviewer, note: n}
  - {id: javascript, name: JavaScript, category: languages, origin: reviewer, note: n}
  - {id: flask, name: Flask, category: frameworks, origin: reviewer, note: n, packages: {pypi: [flask, flask-*]}}
  - {id: laravel, name: Laravel, category: frameworks, origin: reviewer, note: n, packages: {composer: [laravel/*]}}
  - {id: spring_boot, name: Spring Boot, category: frameworks, origin: reviewer, note: n,
     packages: {maven: ["org.springframework.boot:*"]}}
  - {id: gin, name: Gin, category: frameworks, origin: reviewer, note: n, packages: {go: [github.com/gin-gonic/gin]}}
  - {id: authentication, name: Authentication, category: apis, origin: reviewer, note: n,
     packages: {pypi: [flask-login]}}
  - {id: postgresql, name: PostgreSQL, aliases: [Postgres], category: databases, origin: reviewer, note: n,
     packages: {pypi: [psycopg2-binary], go: [github.com/jackc/pgx], maven: ["org.postgresql:postgresql"]}}
  - {id: redis, name: Redis, category: databases, origin: reviewer, note: n}
  - {id: sql, name: SQL, category: databases, origin: reviewer, note: n}
  - {id: database_migrations, name: Database migrations, aliases: [Alembic], category: databases,
     origin: reviewer, note: n}
  - {id: docker, name: Docker, category: devops, origin: reviewer, note: n}
  - {id: docker_compose, name: Docker Compose, category: devops, origin: reviewer, note: n}
  - {id: ci_cd, name: CI/CD, aliases: [Continuous integration], category: devops, origin: reviewer, note: n}
  - {id: github_actions, name: GitHub Actions, category: devops, origin: reviewer, note: n}
  - {id: kubernetes, name: Kubernetes, category: devops, origin: reviewer, note: n}
  - {id: heroku, name: Heroku, category: cloud, origin: reviewer, note: n}
  - {id: openapi, name: OpenAPI, aliases: [Swagger], category: apis, origin: reviewer, note: n}
  - {id: rest, name: REST, aliases: [REST API], category: apis, origin: reviewer, note: n}
  - {id: graphql, name: GraphQL, category: apis, origin: reviewer, note: n}
  - {id: testing, name: Software testing, aliases: [Automated testing], category: testing, origin: reviewer, note: n}
  - {id: personal_projects, name: Personal projects, aliases: [Side projects], category: portfolio, origin: reviewer,
     note: n}
  - {id: git, name: Git, category: devops, origin: reviewer, note: n}
requirement_groups: []
projects: []
stacks: []
"""


@pytest.fixture(scope="module")
def taxonomy(tmp_path_factory):
    path = tmp_path_factory.mktemp("taxonomy") / "skill_taxonomy.yaml"
    path.write_text(TAXONOMY, encoding="utf-8")
    return load_taxonomy(path)


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def github(files: dict[str, str], tree: list[tuple[str, int]] = (), **fields) -> RepoSnapshot:
    entries = dict(tree)
    entries.update({path: len(text.encode()) for path, text in files.items()})
    return RepoSnapshot(source="github", name="api", full_name="dev/api", html_url="https://github.com/dev/api",
                        default_branch="main", tree=tuple(TreeEntry(p, "blob", s) for p, s in entries.items()),
                        files=files, **fields)


def evidence_of(analysis, skill_id: str):
    return [e for sid, e in analysis.evidence if sid == skill_id]


# --- local folders ------------------------------------------------------------------------------

MIT = "MIT License\n\nCopyright (c) 2025 Dev\n\nPermission is hereby granted, free of charge, to any person ...\n"


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "todo-api"
    write(root, {
        "requirements.txt": "flask==3.0\nFlask_Login==0.6\n-r requirements/prod.txt\n",
        "requirements/prod.txt": "psycopg2-binary==2.9\n",
        "app/main.py": "x = 1\n" * 600,
        "app/static/app.min.js": "a" * 9000,
        "docs/build.py": "y = 2\n" * 900,
        "tests/test_main.py": "from app.main import x\n\ndef test_x():\n    assert x == 1\n",
        "LICENSE": MIT,
        "README.md": "# Todo API\n",
        "node_modules/express/package.json": '{"dependencies": {"left-pad": "1"}}',
        "vendor/lib/x.php": "<?php\n" * 900,
        ".venv/lib/site.py": "z = 3\n" * 900,
        "dist/bundle.js": "b" * 9000,
        ".git/HEAD": "ref: refs/heads/main\n",
        ".git/logs/HEAD": (
            "0000 aaaa Dev <d@x> 1600000000 +0000\tclone: from https://github.com/dev/api\n"
            "aaaa bbbb Dev <d@x> 1700000000 +0100\tcommit: add tests\n"
            "bbbb cccc Dev <d@x> 1750000000 +0100\tcheckout: moving from main to feature\n"),
    })
    return root


def test_folder_snapshot_reads_what_detection_needs(project):
    snapshot = snapshot_from_folder(project)
    paths = {e.path for e in snapshot.tree}
    assert snapshot.source == "repo" and snapshot.name == snapshot.full_name == "todo-api"
    assert {"requirements.txt", "requirements/prod.txt", "tests/test_main.py", "README.md", "LICENSE"} <= set(
        snapshot.files)
    assert "app/main.py" in paths and "app/main.py" in snapshot.files  # local folders read all code
    assert "app/static/app.min.js" not in snapshot.files  # a minified bundle is no code of the author's
    assert not any(p.startswith(("node_modules", "vendor", ".venv", "dist", ".git")) for p in paths)
    assert snapshot.license == "MIT"
    assert snapshot.default_branch == "main"
    assert snapshot.pushed_at == datetime.fromtimestamp(1700000000, tz=timezone.utc)
    assert snapshot.languages == {"Python": 3600 + len("from app.main import x\n\ndef test_x():\n    assert x == 1\n")}
    assert snapshot.language == "Python"


def test_folder_snapshot_skips_big_and_binary_files(tmp_path):
    root = write(tmp_path / "repo", {"openapi.yaml": "a" * (MAX_FILE_BYTES + 1), "tests/test_blob.py": b"\x00\x01ab",
                                     "package.json": '{"dependencies": {}}'})
    snapshot = snapshot_from_folder(root)
    assert snapshot.skipped_files == {"openapi.yaml": "over 1 MB", "tests/test_blob.py": "binary file"}
    assert set(snapshot.files) == {"package.json"}


def test_symlinks_are_not_followed(tmp_path):
    outside = write(tmp_path / "outside", {"package.json": '{"dependencies": {"express": "4"}}'})
    root = write(tmp_path / "repo", {"README.md": "# r\n"})
    os.symlink(outside, root / "linked")
    os.symlink(outside / "package.json", root / "package.json")
    snapshot = snapshot_from_folder(root)
    assert {e.path for e in snapshot.tree} == {"README.md"}


def test_a_huge_folder_is_cut_short_and_says_so(tmp_path, taxonomy):
    root = write(tmp_path / "repo", {f"f{i}.py": "x = 1\n" for i in range(12)})
    snapshot = snapshot_from_folder(root, max_entries=5)
    assert snapshot.tree_truncated is True and len(snapshot.tree) == 5
    warnings = analyze_repo(snapshot, taxonomy, today=TODAY).warnings
    assert "repo: the file list was truncated, so files past it were not examined." in warnings


@pytest.mark.parametrize(("make", "message"), [
    (lambda tmp: tmp / "missing", "{path} does not exist: pass the path of a cloned repository folder."),
    (lambda tmp: write(tmp, {"file.txt": "x"}) / "file.txt",
     "{path} is not a folder: pass the repository's folder, not a file inside it."),
])
def test_bad_folders_raise_one_sentence(tmp_path, make, message):
    path = make(tmp_path)
    with pytest.raises(RepoFolderError) as caught:
        snapshot_from_folder(path)
    assert str(caught.value) == message.format(path=path)


def test_folder_without_git_or_licence_dates_activity_by_its_newest_file(tmp_path, taxonomy):
    root = write(tmp_path / "bare", {"main.go": "package main\n", "go.mod": "module bare\n"})
    os.utime(root / "main.go", (1_700_000_000, 1_700_000_000))
    os.utime(root / "go.mod", (1_760_000_000, 1_760_000_000))
    snapshot = snapshot_from_folder(root)
    assert (snapshot.default_branch, snapshot.license) == (None, None)
    assert snapshot.pushed_at == datetime.fromtimestamp(1_760_000_000, tz=timezone.utc)
    assert snapshot.pushed_at_source == "newest file"
    (activity,) = [c for c in analyze_repo(snapshot, taxonomy, today=TODAY).checks if c.id == "activity"]
    assert (activity.passed, activity.detail) == (True, "Newest file changed 2025-10-09 (218 days ago). No git "
                                                  "history was found, so the files' modification dates were used.")


def git(*args: str, cwd: Path) -> None:
    """Run git with a fixed identity and dates, so a test repository is the same on every machine."""
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-02-03T10:00:00+01:00", "GIT_COMMITTER_DATE": "2026-02-03T10:00:00+01:00",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "-c", "init.defaultBranch=main",
                    *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_a_fresh_clone_dates_activity_by_its_last_commit(tmp_path, taxonomy):
    origin = write(tmp_path / "origin", {"app.py": "print('hi')\n" * 300})
    git("init", "-q", cwd=origin)
    git("add", ".", cwd=origin)
    git("commit", "-q", "-m", "first", cwd=origin)
    git("clone", "-q", str(origin), str(tmp_path / "clone"), cwd=tmp_path)  # its reflog holds only "clone:"
    snapshot = snapshot_from_folder(tmp_path / "clone")
    assert snapshot.pushed_at == datetime(2026, 2, 3, 9, 0, tzinfo=timezone.utc)
    assert (snapshot.pushed_at_source, snapshot.default_branch) == ("last commit", "main")
    (activity,) = [c for c in analyze_repo(snapshot, taxonomy, today=TODAY).checks if c.id == "activity"]
    assert (activity.passed, activity.detail) == (True, "Last commit 2026-02-03 (101 days ago).")


@pytest.mark.parametrize(("tree", "expected"), [
    ([("app/a.py", 5000), ("app/b.js", 1000)], {"Python": 5000, "JavaScript": 1000}),
    ([("web/app.min.js", 9000), ("web/app.js.map", 9000), ("docs/conf.py", 900), ("vendor/x.go", 70)], {}),
    ([("resources/views/a.blade.php", 650), ("app/A.php", 170)], {"Blade": 650, "PHP": 170}),
    ([("pb/user.pb.go", 7000), ("gradlew", 8000), ("Dockerfile", 300)], {"Dockerfile": 300}),
])
def test_languages_by_extension_leave_out_vendored_and_generated(tree, expected):
    assert languages_from_tree([TreeEntry(p, "blob", s) for p, s in tree]) == expected


# --- which files to read ------------------------------------------------------------------------

def blobs(*paths: str, size: int = 100) -> list[TreeEntry]:
    return [TreeEntry(p, "blob", size) for p in paths]


PLAIN_TREE = ("README.md", ".github/workflows/ci.yml", "Dockerfile", "LICENSE", "project/requirements.txt",
              "package.json", "docs/openapi.yaml", "Procfile", "tests/test_app.py")


@pytest.mark.parametrize(("code", "expected"), [
    ([], ["package.json", "README.md", "project/requirements.txt", "Dockerfile", ".github/workflows/ci.yml",
          "Procfile", "docs/openapi.yaml", "tests/test_app.py", "LICENSE"]),  # no code: the shallowest manifest
    ([TreeEntry("project/app.py", "blob", 9_000)],  # Python code: its manifest, though deeper; app.py may route
     ["project/requirements.txt", "README.md", "package.json", "Dockerfile", ".github/workflows/ci.yml",
      "Procfile", "project/app.py", "docs/openapi.yaml", "tests/test_app.py", "LICENSE"]),
])
def test_wanted_files_put_the_main_manifest_and_the_readme_first(code, expected):
    assert wanted_files([*blobs(*PLAIN_TREE), *code]) == expected


@pytest.mark.parametrize(("tree", "first"), [
    ([("requirements.txt", 25), ("requirements/base.txt", 300), ("requirements/local.txt", 250),
      ("pyproject.toml", 2_000), ("app/views.py", 9_000)], "requirements/base.txt"),  # the root file only includes
    ([("project/requirements.txt", 300), ("project/requirements-dev.txt", 120), ("project/pyproject.toml", 500),
      ("project/app/main.py", 6_000)], "project/requirements.txt"),
    ([("package.json", 900), ("backend/go.mod", 400), ("backend/main.go", 20_000), ("src/App.js", 3_000)],
     "backend/go.mod"),
    ([("build.gradle", 800), ("pom.xml", 3_000), ("src/main/java/App.java", 8_000)], "pom.xml"),
    ([("build.gradle.kts", 800), ("pom.xml", 3_000), ("src/main/kotlin/App.kt", 8_000)], "build.gradle.kts"),
    ([("README.md", 900), ("index.html", 4_000)], "README.md"),  # no manifest: the README leads
])
def test_the_most_informative_manifest_is_read_first(tree, first):
    assert wanted_files([TreeEntry(path, "blob", size) for path, size in tree])[0] == first


def test_editor_images_are_read_last():
    tree = blobs(".devcontainer/Dockerfile", ".gitpod.Dockerfile", "docker/app.Dockerfile", "tests/test_a.py",
                 "LICENSE")
    assert wanted_files(tree) == ["docker/app.Dockerfile", "tests/test_a.py", "LICENSE", ".gitpod.Dockerfile",
                                  ".devcontainer/Dockerfile"]


def test_nested_copies_are_capped_and_vendored_folders_skipped():
    tree = blobs(*(f"packages/p{i}/package.json" for i in range(6)), "node_modules/a/package.json",
                 "vendor/b/composer.json", "dist/package.json", "build/requirements.txt")
    assert wanted_files(tree) == [f"packages/p{i}/package.json" for i in range(4)]


def test_three_test_files_at_most_largest_smallest_middle():
    tree = [TreeEntry(f"tests/test_{i}.py", "blob", size) for i, size in enumerate([50, 900, 300, 0, 120, 4000])]
    assert sorted(wanted_files(tree)) == ["tests/test_0.py", "tests/test_2.py", "tests/test_5.py"]


def test_selection_reports_big_files_and_the_limit():
    tree = [*blobs("package.json", "Dockerfile", "README.md"), TreeEntry("openapi.json", "blob", MAX_FILE_BYTES + 1)]
    selection = select_files(tree, limit=2)
    assert selection.paths == ("package.json", "README.md")
    assert selection.skipped == {"Dockerfile": "beyond the first 2 files", "openapi.json": "over 1 MB"}


def test_env_examples_and_credential_files_are_read_real_env_files_are_not():
    chosen = wanted_files(blobs(".env", ".env.example", "config/keys.js", "server.pem", "ca-cert.pem"))
    assert chosen == [".env.example", "server.pem", "config/keys.js"]


# --- evidence -----------------------------------------------------------------------------------

def test_dependencies_become_demonstrated_evidence_with_github_urls(taxonomy):
    analysis = analyze_repo(github({"requirements.txt": "Flask==3.0\nFlask_Login==0.6\npsycopg2-binary\n"}),
                            taxonomy, today=TODAY)
    (flask,) = evidence_of(analysis, "flask")
    assert flask.source == "github" and flask.strength == "demonstrated"
    assert flask.text == "Flask==3.0, Flask_Login==0.6 in requirements.txt"
    assert (flask.repo, flask.path) == ("dev/api", "requirements.txt")
    assert flask.url == "https://github.com/dev/api/blob/main/requirements.txt"
    assert evidence_of(analysis, "authentication")[0].text == "Flask_Login==0.6 in requirements.txt"
    assert evidence_of(analysis, "postgresql")[0].text == "psycopg2-binary in requirements.txt"
    assert analysis.snapshot.files == {}


@pytest.mark.parametrize(("files", "skill", "text"), [
    ({"go.mod": "module x\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.5.0\n\tgithub.com/gin-gonic/gin v1.9.1\n)\n"},
     "postgresql", "github.com/jackc/pgx/v5 v5.5.0 in go.mod"),
    ({"build.gradle.kts": 'dependencies {\n  implementation("org.springframework.boot:spring-boot-starter-web")\n}\n'},
     "spring_boot", "org.springframework.boot:spring-boot-starter-web in build.gradle.kts"),
    ({"composer.json": '{"require": {"laravel/framework": "^10.0"}}'}, "laravel",
     "laravel/framework ^10.0 in composer.json"),
    ({"docker-compose.yml": "services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n"},
     "redis", "redis image in docker-compose.yml"),
    ({"docker-compose.yml": "services:\n  db:\n    image: postgres:16\n"}, "docker_compose",
     "compose file in docker-compose.yml"),
    ({"Dockerfile": "FROM python:3.12\n"}, "docker", "Dockerfile"),
    ({".github/workflows/ci.yml": "on: push\njobs: {}\n"}, "github_actions",
     "CI configuration in .github/workflows/ci.yml"),
    ({".github/workflows/ci.yml": "on: push\njobs: {}\n"}, "ci_cd", "CI configuration in .github/workflows/ci.yml"),
    ({"api/openapi.yaml": "openapi: 3.0.0\n"}, "rest", "API specification in api/openapi.yaml"),
    ({"schema.graphql": "type Query { a: Int }\n"}, "graphql", "GraphQL schema `type Query { a: Int }` at line 1 in schema.graphql"),
    ({"Procfile": "web: gunicorn app:app\n"}, "heroku", "deploy configuration in Procfile"),
    ({"k8s/api.yaml": "apiVersion: apps/v1\nkind: Deployment\n"}, "kubernetes", "Kubernetes manifest in k8s/api.yaml"),
    ({".env.example": "DB_CONNECTION=pgsql\n"}, "postgresql", "postgres configured in .env.example"),
    ({"migrations/alembic.ini": "[alembic]\n"}, "database_migrations",
     "Alembic configuration in migrations/alembic.ini"),
])
def test_signals_map_to_taxonomy_skills(taxonomy, files, skill, text):
    analysis = analyze_repo(github(files), taxonomy, today=TODAY)
    assert text in [e.text for e in evidence_of(analysis, skill)]


def test_migration_folders_and_sql_files(taxonomy):
    tree = [("db/migrate/001_create_users.rb", 500), ("db/migrate/002_add_index.rb", 300), ("db/schema.sql", 900),
            ("migrations/__init__.py", 0)]
    analysis = analyze_repo(github({}, tree), taxonomy, today=TODAY)
    (migrations,) = evidence_of(analysis, "database_migrations")
    assert (migrations.path, migrations.text) == ("db/migrate/", "2 migration files in db/migrate/")
    assert migrations.url == "https://github.com/dev/api/tree/main/db/migrate"
    assert evidence_of(analysis, "sql")[0].text == "1 .sql file (db/schema.sql…)"


def test_kubernetes_yaml_read_must_look_like_kubernetes(taxonomy):
    analysis = analyze_repo(github({"deploy/play.yaml": "hosts: all\n"}, [("k8s/db.yml", 900)]), taxonomy, today=TODAY)
    (k8s,) = evidence_of(analysis, "kubernetes")
    assert (k8s.path, k8s.detail) == ("k8s/db.yml", "content not read")


@pytest.mark.parametrize(("languages", "expected"), [
    ({"Blade": 650_101, "PHP": 176_197, "Shell": 208}, ["php"]),
    ({"HTML": 8_050_423, "EJS": 8_609, "JavaScript": 5_879}, ["javascript"]),
    ({"Go": 128_593, "JavaScript": 4_000}, ["go"]),
    ({"Python": 1_500}, []),
])
def test_language_skills_ignore_markup_and_small_shares(taxonomy, languages, expected):
    analysis = analyze_repo(github({}, languages=languages), taxonomy, today=TODAY)
    whole_repository = ("personal_projects", "git")
    assert [sid for sid, e in analysis.evidence if e.path is None and sid not in whole_repository] == expected
    assert list(analysis.stack) == expected


def test_stack_is_languages_then_frameworks(taxonomy):
    snapshot = github({"go.mod": "module x\n\nrequire github.com/gin-gonic/gin v1.9.1\n"}, languages={"Go": 90_000})
    assert analyze_repo(snapshot, taxonomy, today=TODAY).stack == ("go", "gin")


def test_real_tests_give_testing_evidence_stubs_do_not(taxonomy):
    real = github({"tests/test_api.py": "def test_ping(client):\n    assert client.get('/').status_code == 200\n"})
    stub = github({"tests/test_api.py": "def test_ok():\n    assert True\n"})
    (evidence,) = evidence_of(analyze_repo(real, taxonomy, today=TODAY), "testing")
    assert evidence.path == "tests/test_api.py"
    assert evidence.text == "test file with real assertions in tests/test_api.py"
    assert evidence_of(analyze_repo(stub, taxonomy, today=TODAY), "testing") == []


@pytest.mark.parametrize(("fields", "files", "text"), [
    ({"languages": {"Python": 12_400, "HTML": 90_000}}, {}, "own repository with Python code (12,400 bytes)"),
    ({"languages": {"Python": 1_500, "Shell": 1_600}}, {},
     "own repository with code in Shell and Python (3,100 bytes)"),
    ({}, {"requirements.txt": "fastapi\npydantic\nuvicorn\n"}, None),  # a lone manifest is not a project
    ({"languages": {"Python": 1_500}}, {"requirements.txt": "flask\n"}, None),  # a manifest and a stray script
    ({"languages": {"Python": 2_900, "Jupyter Notebook": 400_000}}, {}, None),  # notebooks are not code here
    ({"languages": {"Go": 9_000}, "fork": True, "own_commits": True}, {}, "fork with own commits and Go code (9,000 bytes)"),
    ({"languages": {"Go": 9_000}, "fork": True}, {}, None),  # whose commits: unknown
    ({"languages": {"Go": 9_000}, "fork": True, "own_commits": False}, {}, None),
    ({"languages": {"HTML": 50_000, "CSS": 9_000}}, {}, None),  # markup only
    ({"languages": {"Python": 1_500}}, {}, None),  # a stray script
])
def test_a_repository_of_own_code_is_a_personal_project(taxonomy, fields, files, text):
    analysis = analyze_repo(github(files, **fields), taxonomy, today=TODAY)
    found = evidence_of(analysis, "personal_projects")
    assert [e.text for e in found] == ([text] if text else [])
    for evidence in found:
        assert (evidence.strength, evidence.repo, evidence.path) == ("demonstrated", "dev/api", None)
        assert evidence.url == "https://github.com/dev/api"


def test_a_local_folder_of_own_code_is_a_personal_project_of_that_folder(project, taxonomy):
    snapshot = snapshot_from_folder(project)
    (evidence,) = evidence_of(analyze_repo(snapshot, taxonomy, today=TODAY), "personal_projects")
    assert (evidence.source, evidence.repo, evidence.url) == ("repo", "todo-api", None)
    assert evidence.text == f"own repository with Python code ({snapshot.languages['Python']:,} bytes)"


@pytest.mark.parametrize(("files", "git_dir"), [
    ({".git/HEAD": "ref: refs/heads/main\n"}, True),
    ({".git": "gitdir: ../.git/worktrees/api\n"}, True),  # a worktree or submodule: .git is a file
    ({"README.md": "# no git here\n"}, False),
])
def test_a_local_folder_under_git_shows_git(tmp_path, taxonomy, files, git_dir):
    root = write(tmp_path / "api", {"app.py": "x = 1\n" * 10, **files})
    snapshot = snapshot_from_folder(root)
    assert snapshot.git_dir is git_dir
    found = evidence_of(analyze_repo(snapshot, taxonomy, today=TODAY), "git")
    expected = [("repo", "demonstrated", "api", ".git", "a git working tree (.git)")] if git_dir else []
    assert [(e.source, e.strength, e.repo, e.path, e.text) for e in found] == expected


@pytest.mark.parametrize("snapshot", [
    RepoSnapshot(source="repo", name="empty", full_name="empty", git_dir=True),  # git init, nothing added
    RepoSnapshot(source="github", name="empty", full_name="dev/empty"),  # GitHub: no commits yet
])
def test_a_repository_without_files_is_no_git_evidence(taxonomy, snapshot):
    assert analyze_repo(snapshot, taxonomy, today=TODAY).evidence == ()


@pytest.mark.parametrize(("fields", "shown"), [
    ({}, True),
    ({"fork": True, "own_commits": True}, True),
    ({"fork": True, "own_commits": False}, False),  # a fork shows a click on "Fork", not git use
    ({"fork": True}, False),
])
def test_a_github_repository_is_git_evidence_by_itself(taxonomy, fields, shown):
    found = evidence_of(analyze_repo(github({}, [("main.go", 900)], **fields), taxonomy, today=TODAY), "git")
    expected = [("github", "dev/api", None, "https://github.com/dev/api", "a git repository hosted on GitHub")]
    assert [(e.source, e.repo, e.path, e.url, e.text) for e in found] == (expected if shown else [])


def test_tests_known_only_by_name_say_so(taxonomy):
    analysis = analyze_repo(github({}, [("api/user_test.go", 4000)]), taxonomy, today=TODAY)
    assert [e.detail for e in evidence_of(analysis, "testing")] == ["test files present (content not read)"]
    assert analysis.tests.status == "present"


def test_malformed_manifest_is_a_warning_and_the_rest_still_counts(taxonomy):
    analysis = analyze_repo(github({"package.json": "{oops", "requirements.txt": "flask\n"},
                                   skipped_files={"big.json": "over 1 MB"}), taxonomy, today=TODAY)
    assert evidence_of(analysis, "flask")
    assert analysis.warnings == (
        "package.json is not valid JSON (line 1): its dependencies were skipped; fix the file.",
        "dev/api: 1 file(s) not read (over 1 MB): big.json.")


def test_signals_without_a_taxonomy_skill_are_skipped_and_listed(taxonomy):
    analysis = analyze_repo(github({}, [("infra/main.tf", 400)]), taxonomy, today=TODAY)
    assert [sid for sid, _ in analysis.evidence] == ["git"]  # the repository itself; nothing from main.tf
    assert "terraform" in unresolved_signals(taxonomy)
    assert "docker" not in unresolved_signals(taxonomy)


def test_local_folder_analysis_end_to_end(project, taxonomy):
    analysis = analyze_repo(snapshot_from_folder(project), taxonomy, today=TODAY)
    skills = {sid for sid, _ in analysis.evidence}
    assert {"python", "flask", "authentication", "postgresql", "testing"} <= skills
    assert all(e.source == "repo" and e.url is None and e.repo == "todo-api" for _, e in analysis.evidence)
    assert [e.path for e in evidence_of(analysis, "postgresql")] == ["requirements/prod.txt"]
    assert analysis.tests.status == "real"
    checks = {c.id: c.passed for c in analysis.checks}
    assert checks["license"] is True and checks["tests"] is True and checks["docker"] is False
    assert checks["activity"] is False  # last local commit 2023-11-14, 18 months before TODAY


def test_the_project_taxonomy_has_a_skill_for_every_signal():
    taxonomy = load_taxonomy()
    assert unresolved_signals(taxonomy) == []
    analysis = analyze_repo(github({"requirements.txt": "fastapi\nasyncpg\n"}), taxonomy, today=TODAY)
    assert {"fastapi", "postgresql"} <= {sid for sid, _ in analysis.evidence}


@pytest.fixture(scope="module")
def real_taxonomy():
    return load_taxonomy()


def readiness_of(folder: Path, taxonomy) -> dict[str, tuple[float, tuple[str, ...]]]:
    """(score, skills meeting it) per group of a report on one local folder alone (the real
    scoring and taxonomy)."""
    report = analyze(taxonomy=taxonomy, today=TODAY, **read_code_sources(None, [folder], taxonomy))
    return {g.id: (g.score, g.met_by) for g in report.readiness.groups}


@pytest.mark.parametrize(("files", "validation"), [
    ({"requirements.txt": "fastapi\npydantic\nuvicorn\n"}, "requirements.txt"),
    ({"package.json": '{"dependencies": {"express": "^4.18", "zod": "^3", "joi": "^17", "pm2": "^5"}}'},
     "package.json"),
    ({"pom.xml": "<project><dependencies>"
      "<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId>"
      "</dependency><dependency><groupId>org.springframework.boot</groupId>"
      "<artifactId>spring-boot-starter-validation</artifactId></dependency>"
      "<dependency><groupId>org.apache.tomcat.embed</groupId><artifactId>tomcat-embed-core</artifactId></dependency>"
      "</dependencies></project>"}, "pom.xml"),
])
def test_a_lone_manifest_earns_no_security_server_or_portfolio_credit(tmp_path, real_taxonomy, files, validation):
    root = write(tmp_path / "api", files)
    analysis = analyze_repo(snapshot_from_folder(root), real_taxonomy, today=TODAY)
    assert [e.path for e in evidence_of(analysis, "data_validation")] == [validation]
    groups = readiness_of(root, real_taxonomy)
    assert groups["backend_framework"][0] == 100
    assert [groups[g] for g in ("auth_security", "portfolio")] == [(0, ())] * 2
    # an app server in the manifest (uvicorn, pm2, embedded Tomcat) only touches the area: a token 10
    assert groups["linux_web_servers"][1] == () and groups["linux_web_servers"][0] in (0, 10)


def test_a_git_checkout_with_code_meets_version_control_and_portfolio(tmp_path, real_taxonomy):
    root = write(tmp_path / "api", {"requirements.txt": "fastapi\n", "app/main.py": "x = 1\n" * 700,
                                    ".git/HEAD": "ref: refs/heads/main\n"})
    groups = readiness_of(root, real_taxonomy)
    assert (groups["version_control"], groups["portfolio"]) == ((100, ("git",)), (100, ("personal_projects",)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["package.json", "requirements.txt", "README.md", "tests/test_x.py", "config/keys.js",
                             "docker-compose.yml", "k8s/app.yaml", ".env.example", "pom.xml"]),
       text=st.text(max_size=400))
def test_analysis_never_crashes_on_arbitrary_file_text(taxonomy, name, text):
    analysis = analyze_repo(github({name: text}), taxonomy, today=TODAY)
    assert all(e.strength == "demonstrated" and e.repo == "dev/api" for _, e in analysis.evidence)
    assert len(analysis.checks) == 10
