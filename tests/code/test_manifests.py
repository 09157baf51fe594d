"""Dependency manifests, container images and file kinds (analyzer/manifests.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.code.manifests import file_kind, image_name, is_env_example, is_kubernetes_manifest, read_manifests

POETRY = """
[tool.poetry]
name = "shop"
[tool.poetry.dependencies]
python = "^3.11"
fastapi = "^0.110"
SQLAlchemy = {version = "^2.0", extras = ["asyncio"]}
[tool.poetry.group.test.dependencies]
pytest = "^8"
"""
PEP621 = """
[project]
name = "api"
dependencies = ["Django>=5.0", "psycopg[binary]>=3.1; python_version >= '3.11'"]
[project.optional-dependencies]
test = ["pytest-django"]
[dependency-groups]
lint = ["ruff"]
"""
PIPFILE = """
[packages]
flask = "*"
[dev-packages]
pytest = "==8.0"
"""
SETUP_CFG = """
[options]
install_requires =
    requests>=2
    click
[options.extras_require]
test = pytest
"""
PACKAGE_JSON = '{"dependencies": {"express": "^4.18.0", "@prisma/client": "5.0.0"}, "devDependencies": {"jest": "^29"}}'
COMPOSER = ('{"require": {"php": "^8.1", "ext-json": "*", "laravel/framework": "^10.0"}, '
            '"require-dev": {"phpunit/phpunit": "^10"}}')
POM = """<?xml version="1.0"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
    <version>3.2.0</version></parent>
  <dependencyManagement><dependencies><dependency><groupId>managed.only</groupId><artifactId>bom</artifactId>
    </dependency></dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope>
      <exclusions><exclusion><groupId>excluded</groupId><artifactId>lib</artifactId></exclusion></exclusions>
    </dependency>
  </dependencies>
</project>"""
GRADLE_KTS = """
plugins {
    id("org.springframework.boot") version "3.2.0"
    kotlin("jvm") version "1.9.0"
}
dependencies {
    implementation("org.springframework.boot:spring-boot-starter-web")
    runtimeOnly("org.postgresql:postgresql:42.7.1")
    implementation(platform("org.testcontainers:testcontainers-bom:1.19.3"))
    testImplementation("org.springframework.boot:spring-boot-starter-test")
}
"""
GRADLE_GROOVY = """
dependencies {
    implementation 'com.h2database:h2:2.2.224'
    compileOnly "org.projectlombok:lombok"
}
"""
GEMFILE = """
source 'https://rubygems.org'
gem 'rails', '~> 7.1'
gem "pg"
group :development, :test do
  gem 'rspec-rails'
end
gem 'puma'
"""
GO_MOD = """module example.com/bank

go 1.22

require github.com/gin-gonic/gin v1.9.1

require (
\tgithub.com/jackc/pgx/v5 v5.5.0
\tgithub.com/stretchr/testify v1.8.4 // test helpers
\tgithub.com/lib/pq v1.10.9 // indirect
)
"""
CARGO = """
[dependencies]
axum = "0.7"
db = { package = "sqlx", version = "0.7", features = ["postgres"] }
[dev-dependencies]
tokio-test = "0.4"
"""
CSPROJ = """<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.0" />
    <PackageReference Include="xunit"><Version>2.6.0</Version></PackageReference>
  </ItemGroup>
</Project>"""
DOCKERFILE = """FROM python:3.12-slim AS builder
RUN pip install --no-cache-dir -r requirements.txt && \\
    pip install gunicorn "pymysql>=1.1" --upgrade pip
FROM builder
FROM --platform=linux/amd64 ghcr.io/acme/base:1.0
"""

CASES = [
    # (files, expected (ecosystem, name, path, dev) subset, names that must be absent)
    ({"requirements.txt": "Flask==3.0.0  # web\n-e .\n--index-url https://x\n"
                          "redis[hiredis]>=5 ; python_version>'3.8'\n"},
     {("pypi", "Flask", "requirements.txt", False), ("pypi", "redis", "requirements.txt", False)}, {"-e", "."}),
    ({"requirements.txt": "-r requirements/base.txt\n", "requirements/base.txt": "Django==5.0\n",
      "requirements/local.txt": "-r base.txt\npytest==8\n"},
     {("pypi", "Django", "requirements/base.txt", False), ("pypi", "pytest", "requirements/local.txt", True)}, set()),
    ({"project/requirements-dev.txt": "pytest\n-r requirements.txt\n", "project/requirements.txt": "fastapi\n"},
     {("pypi", "fastapi", "project/requirements.txt", False), ("pypi", "pytest", "project/requirements-dev.txt", True)},
     set()),
    ({"pyproject.toml": POETRY}, {("pypi", "fastapi", "pyproject.toml", False),
                                  ("pypi", "SQLAlchemy", "pyproject.toml", False),
                                  ("pypi", "pytest", "pyproject.toml", True)}, {"python"}),
    ({"pyproject.toml": PEP621}, {("pypi", "Django", "pyproject.toml", False),
                                  ("pypi", "psycopg", "pyproject.toml", False),
                                  ("pypi", "pytest-django", "pyproject.toml", True),
                                  ("pypi", "ruff", "pyproject.toml", True)},
     set()),
    ({"Pipfile": PIPFILE}, {("pypi", "flask", "Pipfile", False), ("pypi", "pytest", "Pipfile", True)}, set()),
    ({"setup.cfg": SETUP_CFG}, {("pypi", "requests", "setup.cfg", False), ("pypi", "click", "setup.cfg", False),
                                ("pypi", "pytest", "setup.cfg", True)}, set()),
    ({"package.json": PACKAGE_JSON}, {("npm", "express", "package.json", False),
                                      ("npm", "@prisma/client", "package.json", False),
                                      ("npm", "jest", "package.json", True)}, set()),
    ({"composer.json": COMPOSER}, {("composer", "laravel/framework", "composer.json", False),
                                   ("composer", "phpunit/phpunit", "composer.json", True)}, {"php", "ext-json"}),
    ({"pom.xml": POM}, {("maven", "org.springframework.boot:spring-boot-starter-parent", "pom.xml", False),
                        ("maven", "org.postgresql:postgresql", "pom.xml", False),
                        ("maven", "org.junit.jupiter:junit-jupiter", "pom.xml", True)},
     {"managed.only:bom", "excluded:lib"}),
    ({"build.gradle.kts": GRADLE_KTS},
     {("maven", "org.springframework.boot:spring-boot-starter-web", "build.gradle.kts", False),
      ("maven", "org.postgresql:postgresql", "build.gradle.kts", False),
      ("maven", "org.testcontainers:testcontainers-bom", "build.gradle.kts", False),
      ("maven", "org.springframework.boot:spring-boot-starter-test", "build.gradle.kts", True),
      ("maven", "org.springframework.boot:org.springframework.boot.gradle.plugin", "build.gradle.kts", False)}, set()),
    ({"app/build.gradle": GRADLE_GROOVY}, {("maven", "com.h2database:h2", "app/build.gradle", False),
                                           ("maven", "org.projectlombok:lombok", "app/build.gradle", False)}, set()),
    ({"Gemfile": GEMFILE}, {("rubygems", "rails", "Gemfile", False), ("rubygems", "pg", "Gemfile", False),
                            ("rubygems", "rspec-rails", "Gemfile", True), ("rubygems", "puma", "Gemfile", False)},
     set()),
    ({"go.mod": GO_MOD}, {("go", "github.com/gin-gonic/gin", "go.mod", False),
                          ("go", "github.com/jackc/pgx/v5", "go.mod", False),
                          ("go", "github.com/stretchr/testify", "go.mod", False)}, {"github.com/lib/pq"}),
    ({"Cargo.toml": CARGO}, {("cargo", "axum", "Cargo.toml", False), ("cargo", "sqlx", "Cargo.toml", False),
                             ("cargo", "tokio-test", "Cargo.toml", True)}, {"db"}),
    ({"src/Api/Api.csproj": CSPROJ},
     {("nuget", "Microsoft.AspNetCore.App", "src/Api/Api.csproj", False),
      ("nuget", "Npgsql.EntityFrameworkCore.PostgreSQL", "src/Api/Api.csproj", False),
      ("nuget", "xunit", "src/Api/Api.csproj", False)}, set()),
    ({"packages.config": '<packages><package id="Dapper" version="2.1.0" /></packages>'},
     {("nuget", "Dapper", "packages.config", False)}, set()),
    ({"Dockerfile": DOCKERFILE}, {("pypi", "gunicorn", "Dockerfile", False), ("pypi", "pymysql", "Dockerfile", False)},
     {"pip", "requirements.txt"}),
    ({"node_modules/x/package.json": PACKAGE_JSON}, set(), {"express"}),
]


@pytest.mark.parametrize(("files", "expected", "absent"), CASES,
                         ids=lambda v: next(iter(v)) if isinstance(v, dict) else "")
def test_each_manifest_format_gives_its_dependencies(files, expected, absent):
    found = read_manifests(files)
    got = {(d.ecosystem, d.name, d.path, d.dev) for d in found.dependencies}
    assert expected <= got
    assert not absent & {d.name for d in found.dependencies}
    assert found.warnings == ()


def test_versions_are_kept_as_written():
    found = read_manifests({"requirements.txt": "Flask==3.0.0\n", "package.json": PACKAGE_JSON, "go.mod": GO_MOD})
    specs = {d.name: d.spec for d in found.dependencies}
    assert specs["Flask"] == "==3.0.0"
    assert specs["express"] == "^4.18.0"
    assert specs["github.com/gin-gonic/gin"] == "v1.9.1"


def test_include_missing_from_files_is_a_warning():
    found = read_manifests({"requirements.txt": "-r requirements/prod.txt\nflask\n"})
    assert [d.name for d in found.dependencies] == ["flask"]
    assert found.warnings == ("requirements.txt includes requirements/prod.txt, which was not read: "
                              "its dependencies are missing.",)


def test_circular_includes_are_read_once():
    found = read_manifests({"requirements.txt": "-r requirements-dev.txt\nflask\n",
                            "requirements-dev.txt": "-r requirements.txt\npytest\n"})
    assert sorted(d.name for d in found.dependencies) == ["flask", "pytest"]


@pytest.mark.parametrize(("path", "text", "fragment"), [
    ("package.json", '{"dependencies": {"express": "^4"', "package.json is not valid JSON (line 1)"),
    ("composer.json", "[1, 2]", "composer.json is not a JSON object"),
    ("pyproject.toml", "[project\ndependencies = [", "pyproject.toml is not valid TOML"),
    ("Pipfile", "[packages]\nflask = ", "Pipfile is not valid TOML"),
    ("setup.cfg", "install_requires = flask", "setup.cfg is not a valid INI file"),
    ("pom.xml", "<project><dependencies></project>", "pom.xml is not valid XML"),
    ("pom.xml", '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><project>&a;</project>',
     "pom.xml declares XML entities or a DTD"),
    ("docker-compose.yml", "services:\n  db: [image: postgres\n", "docker-compose.yml is not valid YAML"),
    (".github/workflows/ci.yml", "jobs:\n\t- bad", ".github/workflows/ci.yml is not valid YAML"),
])
def test_malformed_files_give_one_warning_and_no_crash(path, text, fragment):
    found = read_manifests({path: text, "requirements.txt": "flask\n"})
    assert [d.name for d in found.dependencies] == ["flask"]
    assert len(found.warnings) == 1
    assert found.warnings[0].startswith(fragment)
    assert found.warnings[0].endswith(".")


COMPOSE = """
services:
  db:
    image: postgres:16-alpine
  cache:
    image: "bitnami/redis:7.2"
  api:
    build: .
"""
WORKFLOW = """
jobs:
  test:
    runs-on: ubuntu-latest
    container: node:20
    services:
      mongo:
        image: mongo:7
      broker:
        image: ${{ matrix.broker }}
"""
GITLAB = """
image: python:3.12
test:
  services:
    - postgres:15
    - name: redis:7
"""
CIRCLE = """
jobs:
  build:
    docker:
      - image: cimg/node:18.0
      - image: circleci/mongo:latest
"""


@pytest.mark.parametrize(("files", "expected"), [
    ({"docker-compose.yml": COMPOSE}, {("postgres", "compose"), ("bitnami/redis", "compose")}),
    ({".github/workflows/test.yml": WORKFLOW}, {("node", "ci"), ("mongo", "ci")}),
    ({".gitlab-ci.yml": GITLAB}, {("python", "ci"), ("postgres", "ci"), ("redis", "ci")}),
    ({".circleci/config.yml": CIRCLE}, {("cimg/node", "ci"), ("circleci/mongo", "ci")}),
    ({"Dockerfile": DOCKERFILE}, {("python", "dockerfile"), ("acme/base", "dockerfile")}),
    ({".env.example": "DB_CONNECTION=mysql\nDATABASE_URL='postgres://u:p@db/app'\nMONGODB_URI=mongodb+srv://x\n"},
     {("mysql", "env"), ("postgres", "env"), ("mongo", "env")}),
    ({".env": "DB_CONNECTION=mysql\n"}, set()),  # a real .env is evidence of a leak, not of a stack
])
def test_services_from_compose_ci_dockerfiles_and_env_examples(files, expected):
    found = read_manifests(files)
    assert {(s.name, s.context) for s in found.services} == expected


def test_yaml_aliases_are_walked_once():
    bomb = "a: &a [" + ", ".join(["{image: postgres}"] * 5) + "]\n"
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
    found = read_manifests({"docker-compose.yml": bomb})
    assert {s.name for s in found.services} == {"postgres"}


@pytest.mark.parametrize(("reference", "name"), [
    ("postgres:16", "postgres"), ("docker.io/library/redis:7@sha256:abc", "library/redis"),
    ("ghcr.io/acme/api:latest", "acme/api"), ("localhost:5000/app", "app"), ("mcr.microsoft.com/mssql/server:2022",
                                                                           "mssql/server"),
    ("Bitnami/PostgreSQL", "bitnami/postgresql"),
])
def test_image_names_drop_registry_tag_and_digest(reference, name):
    assert image_name(reference) == name


@pytest.mark.parametrize(("path", "kind"), [
    ("requirements.txt", "requirements"), ("requirements/prod.txt", "requirements"),
    ("requirements-dev.in", "requirements"),
    ("backend/pyproject.toml", "pyproject"), ("Pipfile", "pipfile"), ("package.json", "package_json"),
    ("build.gradle.kts", "gradle"), ("src/Api/Api.csproj", "csproj"), ("Dockerfile", "dockerfile"),
    ("Dockerfile.prod", "dockerfile"), ("docker/web.Dockerfile", "dockerfile"),
    ("docker-compose.override.yml", "compose"),
    ("compose.yaml", "compose"), (".github/workflows/ci.yaml", "github_actions"), (".github/dependabot.yml", None),
    (".gitlab-ci.yml", "gitlab_ci"), (".circleci/config.yml", "circleci"), ("Jenkinsfile", "jenkins"),
    ("Procfile", "procfile"), ("fly.toml", "fly"), ("render.yaml", "render"), ("infra/main.tf", "terraform"),
    ("api/openapi.yaml", "openapi"), ("docs/swagger.json", "openapi"), ("schema.graphql", "graphql"),
    ("README.md", "readme"), ("LICENSE", "license"), ("docs/LICENSE", None), ("k8s/deployment.yaml", "k8s"),
    ("deploy/kustomization.yaml", "k8s"), (".env", "env"), ("app.env", "env"), (".env.example", "env"),
    (".flaskenv", None), ("node_modules/x/package.json", None), ("vendor/pkg/go.mod", None), ("src/app.py", None),
])
def test_file_kinds(path, kind):
    assert file_kind(path) == kind


@pytest.mark.parametrize(("path", "example"), [
    (".env.example", True), (".env.sample", True), ("config/example.env", True), (".env", False),
    (".env.production", False), ("app.env", False), ("README.md", False),
])
def test_env_examples(path, example):
    assert is_env_example(path) is example


@pytest.mark.parametrize(("text", "expected"), [
    ("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n", True),
    ("---\nfoo: 1\n---\napiVersion: v1\nkind: Service\n", True),
    ("name: ansible play\nhosts: all\n", False),
    ("apiVersion: [\n", False),
])
def test_kubernetes_manifests_need_api_version_and_kind(text, expected):
    assert is_kubernetes_manifest("k8s/x.yaml", text) is expected


NAMES = ["requirements.txt", "pyproject.toml", "Pipfile", "setup.cfg", "package.json", "pom.xml", "build.gradle",
         "Gemfile", "composer.json", "go.mod", "Cargo.toml", "App.csproj", "packages.config", "Dockerfile",
         "docker-compose.yml", ".github/workflows/ci.yml", ".gitlab-ci.yml", ".env.example"]


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(NAMES), text=st.text(max_size=300))
def test_parsing_never_crashes_on_arbitrary_text(name, text):
    found = read_manifests({name: text})
    assert all(d.path == name for d in found.dependencies)
    assert all(w.endswith(".") for w in found.warnings)
