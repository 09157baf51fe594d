"""Portfolio checks: tests that test, secrets, README, licence and the rest (analyzer/portfolio.py,
analyzer/testsuites.py)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from analyzer.code.portfolio import find_secrets, license_from_text, portfolio_checks, readme_aspects
from analyzer.code.repos import RepoSnapshot, TreeEntry
from analyzer.code.testsuites import classify_test_text, find_tests, is_test_file

TODAY = date(2026, 5, 15)


def snap(files: dict[str, str] | None = None, tree: list[tuple[str, int]] | None = None, **fields) -> RepoSnapshot:
    """An in-memory GitHub snapshot: ``tree`` as (path, size) blobs, ``files`` also listed in the tree."""
    files = files or {}
    entries = {path: size for path, size in (tree or [])}
    entries.update({path: len(text.encode()) for path, text in files.items()})
    fields.setdefault("source", "github")
    return RepoSnapshot(name="api", full_name="dev/api", html_url="https://github.com/dev/api", default_branch="main",
                        tree=tuple(TreeEntry(p, "blob", s) for p, s in entries.items()), files=files, **fields)


def check(snapshot: RepoSnapshot, check_id: str):
    tests = find_tests(snapshot)
    return next(c for c in portfolio_checks(snapshot, tests, today=TODAY) if c.id == check_id)


# --- tests that test ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "verdict"), [
    ("def test_ping(client):\n    resp = client.get('/ping')\n    assert resp.status_code == 200\n", "real"),
    ("def test_truth():\n    assert True\n", "stub"),
    ("def test_math():\n    assert 1 + 1 == 2  # sanity\n", "stub"),
    ("class T(TestCase):\n    def test_it(self):\n        self.assertEqual(slugify('A b'), 'a-b')\n", "real"),
    ("class T(TestCase):\n    def test_it(self):\n        self.assertEqual(1, 1)\n", "stub"),
    ("def test_nothing():\n    pass\n", "stub"),
    ("test('adds', () => {\n  expect(1 + 2).toBe(3);\n});\n", "stub"),
    ("test('adds', () => {\n  expect(add(1, 2)).toBe(3);\n});\n", "real"),
    ("it('lists users', async () => {\n  await request(app).get('/users').expect(200);\n});\n", "real"),
    ("func TestAdd(t *testing.T) {\n\tif got := Add(1, 2); got != 3 {\n\t\tt.Errorf(\"bad\")\n\t}\n}\n", "real"),
    ("func TestAccount(t *testing.T) {\n\trequire.NoError(t, err)\n}\n", "real"),
    ("func TestSub(t *testing.T) {\n\tif got := Sub(3, 1); got != 2 { t.Errorf(\"got %d\", 0) }\n}\n", "real"),
    ("func TestTrue(t *testing.T) {\n\tif true { t.Error(\"never\") }\n}\n", "stub"),
    ("func TestNothing(t *testing.T) {\n\tt.Log(\"todo\")\n}\n", "stub"),
    ("@Test\nvoid contextLoads() {\n}\n", "stub"),
    ("@Test\nvoid findsOwner() {\n  assertThat(owner.getLastName()).isEqualTo(\"Franklin\");\n}\n", "real"),
    ("mockMvc.perform(get(\"/owners\")).andExpect(status().isOk());\n", "real"),
    ("describe Brewery do\n  it { is_expected.to validate_presence_of(:name) }\nend\n", "real"),
    ("it 'works' do\n  expect(response).to have_http_status(200)\nend\n", "real"),
    ("it 'works' do\n  expect(true).to eq(true)\nend\n", "stub"),
    ("public function test_it() {\n  $this->assertTrue(true);\n}\n", "stub"),
    ("public function test_ping() {\n  $response = $this->get('/api/ping');\n  $response->assertStatus(200);\n}\n",
     "real"),
    ("// expect(user).toBeDefined()\ntest('todo', () => {})\n", "stub"),
])
def test_real_tests_are_told_from_stubs(text, verdict):
    got, reason = classify_test_text(text)
    assert got == verdict
    assert reason


@pytest.mark.parametrize(("path", "expected"), [
    ("tests/test_api.py", True), ("app/api_test.py", True), ("tests.py", True), ("test.py", True),
    ("config/django/test.py", False), ("src/user.spec.ts", True), ("src/__tests__/user.js", True),
    ("api/account_test.go", True), ("spec/models/brewery_spec.rb", True),
    ("src/test/java/app/OwnerControllerTests.java", True), ("tests/Feature/PingTest.php", True),
    ("tests/conftest.py", False), ("src/testing.py", False), ("node_modules/x/a.test.js", False),
    ("vendor/pkg/x_test.go", False),
])
def test_test_files_by_naming_convention(path, expected):
    assert is_test_file(path) is expected


@pytest.mark.parametrize(("tree", "files", "status"), [
    ([], {}, "none"),
    ([("tests/sample.test.ts", 103)], {}, "stub"),
    ([("tests/test_api.py", 2400), ("tests/test_db.py", 90)], {}, "present"),
    ([("tests/test_api.py", 2400)], {"tests/test_a.py": "def test_a():\n    assert True\n"}, "stub"),
    ([("tests/test_b.py", 30)], {"tests/test_a.py": "def test_a():\n    assert api() == 1\n"}, "real"),
])
def test_suite_verdicts(tree, files, status):
    suite = find_tests(snap(files, tree))
    assert suite.status == status
    assert suite.detail.endswith(".")


@pytest.mark.parametrize(("files", "tree", "passed", "detail"), [
    ({}, [("tests/test_api.py", 2400)], None,
     "1 test file present; their contents were not read, so whether they test real behaviour is unknown."),
    ({}, [(f"tests/test_{i}.py", 2400) for i in range(15)], None,
     "15 test files present; their contents were not read, so whether they test real behaviour is unknown."),
    ({"tests/test_api.py": "def test_ping(client):\n    assert client.get('/').status_code == 200\n"}, [], True,
     "1 test file; tests/test_api.py asserts on real values (assert client.get('/').status_code == 200)."),
])
def test_only_tests_that_were_read_pass_the_tests_check(files, tree, passed, detail):
    result = check(snap(files, tree), "tests")
    assert (result.passed, result.detail) == (passed, detail)


def test_stub_suite_fails_the_tests_check_with_advice():
    result = check(snap({"tests/sample.test.ts": "test('x', () => { expect(1 + 2).toBe(3); });\n"}), "tests")
    assert result.passed is False
    assert "placeholder" in result.detail
    assert result.advice.startswith("Replace the placeholder")


# --- secrets ------------------------------------------------------------------------------------

MONGO_SECRET = "hunter2pass"
KEYS_JS = f"module.exports = {{\n  mongoURI: 'mongodb+srv://brad:{MONGO_SECRET}@cluster0-abcde.mongodb.net/test'\n}};\n"


@pytest.mark.parametrize(("files", "tree", "expected"), [
    ({"config/keys.js": KEYS_JS}, [], {("config/keys.js", "a mongodb+srv URI with a password", True)}),
    ({}, [(".env", 40)], {(".env", "a committed environment file", True)}),
    ({}, [("app.env", 500)], {("app.env", "a committed environment file", True)}),
    ({}, [(".env.example", 300), (".env.sample", 20)], set()),
    ({}, [("deploy/id_rsa", 1600), ("deploy/id_rsa.pub", 400)], {("deploy/id_rsa", "a private key file", True)}),
    ({}, [("config/amazon-rds-ca-cert.pem", 26015)], set()),
    ({}, [("server.pem", 1700)], {("server.pem", "a .pem file that may hold a private key", False)}),
    ({"server.pem": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"}, [], set()),
    ({"certs/server.pem": "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n"}, [],
     {("certs/server.pem", "a private key", True)}),
    ({}, [("config/keys.js", 197)], {("config/keys.js", "a file named for credentials", False)}),
    ({"config/keys.js": "module.exports = { mongoURI: process.env.MONGO_URI };\n"}, [], set()),
    ({"docker-compose.yml": "environment:\n  - DATABASE_URL=postgres://postgres:postgres@db:5432/app\n"}, [], set()),
    ({"settings.py": "DATABASES_URL = 'postgres://app:${DB_PASSWORD}@db.example.com/app'\n"}, [], set()),
    ({"settings.py": "SECRET_KEY = 'django-insecure-9s8d7f6g5h4j3k2l1'\n"}, [],
     {("settings.py", "a hard-coded SECRET_KEY", True)}),
    ({"settings.py": "SECRET_KEY = os.environ['SECRET_KEY']\n"}, [], set()),
    ({"tests/test_login.py": "password = 'correct-horse-battery'\n"}, [], set()),
    ({"README.md": "Connect with mongodb+srv://user:realpass1@cluster0.mongodb.net\n"}, [], set()),
    ({"deploy.sh": "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"}, [],
     {("deploy.sh", "an AWS access key id", True)}),
    # local folders read all source code: names and URLs that only look like secrets
    ({"src/ui/password-input.tsx": "PasswordInput.displayName = \"PasswordInput\"\n"}, [], set()),
    ({"auth/service.py": "GOOGLE_ACCESS_TOKEN_OBTAIN_URL = \"https://oauth2.googleapis.com/token\"\n"}, [], set()),
])
def test_secrets(files, tree, expected):
    found = {(f.path, f.kind, f.confirmed) for f in find_secrets(snap(files, tree))}
    assert found == expected


def test_secret_check_names_the_path_never_the_value():
    result = check(snap({"config/keys.js": KEYS_JS}), "secrets")
    assert result.passed is False
    assert "config/keys.js:2" in result.detail
    assert MONGO_SECRET not in result.detail + result.advice
    assert "rotate" in result.advice


@pytest.mark.parametrize(("files", "tree", "passed"), [
    ({"app.py": "print('hi')\n"}, [], True),
    ({}, [("config/keys.js", 197)], None),
    ({}, [(".env", 10)], False),
])
def test_secret_check_outcomes(files, tree, passed):
    assert check(snap(files, tree), "secrets").passed is passed


# --- README, licence, link, activity, forks, description ---------------------------------------

GOOD_README = """# Todo API

A small REST API to keep a shared to-do list for a team, with users, lists and due dates; it is my
capstone project for learning backend development, built to practise authentication, relational
data modelling and deployment with containers.

## Features
- JWT login and refresh tokens
- Shared lists with per-member permissions
- Reminder e-mails sent by a background worker

## Tech stack
FastAPI, PostgreSQL, Docker

## Getting started
```
docker compose up
```
"""


SHORT_README = ("# Todo API\n\nA REST API for shared to-do lists with users, permissions and reminders for "
                "small teams.\n\n## Features\n- lists\n\n## Stack\nFastAPI\n\n## Run\n`docker compose up`\n")


@pytest.mark.parametrize(("text", "missing"), [
    (GOOD_README, set()),
    (SHORT_README, set()),
    ("# Microblog\n\nSee the tutorial.\n", {"what it is", "why / features", "tech stack", "how to run"}),
    (GOOD_README.replace("## Tech stack\nFastAPI, PostgreSQL, Docker\n", ""), {"tech stack"}),
    (GOOD_README.replace("## Getting started\n```\ndocker compose up\n```\n", ""), {"how to run"}),
])
def test_readme_aspects(text, missing):
    aspects = readme_aspects(text)
    assert {a for a, ok in aspects.items() if not ok} == missing


def test_short_readme_is_told_to_expand():
    result = check(snap({"README.md": SHORT_README}), "readme")
    assert result.detail.startswith("README.md touches every topic but is short")
    assert result.advice.startswith("Expand README.md")


def test_readme_naming_two_detected_skills_covers_the_stack():
    text = GOOD_README.replace("## Tech stack\n", "")
    assert readme_aspects(text.replace("FastAPI, PostgreSQL, Docker", ""), ["FastAPI", "Docker"])["tech stack"] is False
    assert readme_aspects(text, ["FastAPI", "Docker"])["tech stack"] is True


@pytest.mark.parametrize(("files", "tree", "passed"), [
    ({"README.md": GOOD_README}, [], True),
    ({"README.md": "# x\n"}, [], False),
    ({"README.md": SHORT_README}, [], False),
    ({}, [("README.md", 900)], None),
    ({}, [("docs/README.md", 900)], False),
])
def test_readme_check(files, tree, passed):
    result = check(snap(files, tree), "readme")
    assert result.passed is passed
    assert bool(result.advice) is (passed is False)


@pytest.mark.parametrize(("text", "spdx"), [
    ("MIT License\n\nCopyright (c) 2024 Me\n\nPermission is hereby granted, free of charge, to any person", "MIT"),
    ("                Apache License\n               Version 2.0, January 2004", "Apache-2.0"),
    ("GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007", "GPL-3.0"),
    ("GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991", "GPL-2.0"),
    ("GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007", "LGPL-3.0"),
    ("GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007", "AGPL-3.0"),
    ("Redistribution and use in source and binary forms, with or without modification... Neither the name",
     "BSD-3-Clause"),
    ("Redistribution and use in source and binary forms, with or without modification", "BSD-2-Clause"),
    ("Mozilla Public License Version 2.0", "MPL-2.0"),
    ("Permission to use, copy, modify, and/or distribute this software for any purpose", "ISC"),
    ("This is free and unencumbered software released into the public domain.", "Unlicense"),
    ("All rights reserved. Ask me first.", "NOASSERTION"),
    ("   \n", None),
])
def test_license_from_text(text, spdx):
    assert license_from_text(text) == spdx


@pytest.mark.parametrize(("fields", "tree", "passed"), [
    ({"license": "MIT"}, [], True),
    ({"license": "NOASSERTION"}, [("LICENSE", 100)], True),
    ({}, [], False),
])
def test_license_check(fields, tree, passed):
    assert check(snap(tree=tree, **fields), "license").passed is passed


@pytest.mark.parametrize(("fields", "readme", "passed", "link"), [
    ({"homepage": "https://todo.example.org"}, "", True, "https://todo.example.org"),
    ({}, "# x\nLive at https://todo-api.onrender.com.\n", True, "https://todo-api.onrender.com"),
    ({}, "# x\nLive demo: https://todo.dev/app\n", True, "https://todo.dev/app"),
    ({}, "# x\n[![CI](https://github.com/dev/api/badge.svg)](https://github.com/dev/api)\n", False, None),
    ({}, "# x\n- Deploying to production: [video](https://www.youtube.com/watch?v=1)\n", False, None),
    ({}, "# x\nDocs: https://kubernetes.github.io/ingress-nginx/deploy/\n", False, None),
])
def test_deployed_link(fields, readme, passed, link):
    result = check(snap({"README.md": readme} if readme else {}, **fields), "deployed")
    assert result.passed is passed
    assert (link in result.detail) if link else result.advice


@pytest.mark.parametrize(("fields", "files", "tree", "passed", "detail"), [
    ({}, {}, [("README.md", 900)], None,  # listed in the tree, never fetched (budget, 404)
     "No website field, and README.md not read, so a live link could not be looked for."),
    ({"skipped_files": {"README.md": "request budget"}}, {}, [("README.md", 900)], None,
     "No website field, and README.md not read, so a live link could not be looked for."),
    ({"homepage": "https://todo.example.org"}, {}, [("README.md", 900)], True, "Deployed at https://todo.example.org."),
    ({}, {}, [], False, "No website field and no live link in the README."),  # no README at all
    ({}, {"README.md": "# x\n"}, [], False, "No website field and no live link in the README."),
])
def test_live_link_is_unknown_when_the_readme_was_not_read(fields, files, tree, passed, detail):
    result = check(snap(files, tree, **fields), "deployed")
    assert (result.passed, result.detail) == (passed, detail)
    assert bool(result.advice) is (passed is False)


@pytest.mark.parametrize(("pushed", "passed"), [
    (datetime(2026, 1, 2, tzinfo=timezone.utc), True),
    (datetime(2025, 5, 16, tzinfo=timezone.utc), True),
    (datetime(2025, 5, 14, tzinfo=timezone.utc), False),
    (None, None),
])
def test_activity_is_measured_from_the_given_day(pushed, passed):
    assert check(snap(pushed_at=pushed), "activity").passed is passed


@pytest.mark.parametrize(("fork", "own", "passed"), [
    (False, None, True), (True, True, True), (True, False, False), (True, None, None),
])
def test_original_work(fork, own, passed):
    assert check(snap(fork=fork, own_commits=own), "original").passed is passed


@pytest.mark.parametrize(("fields", "passed", "advice"), [
    ({"description": "Todo API", "topics": ("fastapi", "postgresql")}, True, ""),
    ({"description": "Todo API"}, False, "Add topics in the repository's About box"),
    ({}, False, "Add a description and topics"),
    ({"source": "repo"}, None, ""),
])
def test_description_and_topics(fields, passed, advice):
    result = check(snap(**fields), "description")
    assert result.passed is passed
    assert result.advice.startswith(advice)


def test_ci_and_docker_ignore_dev_container_images():
    snapshot = snap(tree=[(".devcontainer/Dockerfile", 600), (".gitpod.Dockerfile", 200),
                          (".circleci/config.yml", 300)])
    assert check(snapshot, "docker").passed is False
    assert check(snapshot, "ci").passed is True


def test_every_check_has_advice_when_it_fails():
    checks = portfolio_checks(snap(tree=[(".env", 5)], fork=True, own_commits=False), find_tests(snap()), today=TODAY)
    assert [c.id for c in checks] == ["readme", "license", "tests", "ci", "docker", "deployed", "activity",
                                      "original", "description", "secrets"]
    assert all(c.advice for c in checks if c.passed is False)
    assert all(c.detail.endswith(".") for c in checks)
