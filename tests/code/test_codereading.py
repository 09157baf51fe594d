"""Reading the code on both paths: local folders read whole, GitHub within the request budget
(analyzer/code/codereading.py, repos.select_files, github_profile), through the fake GitHub server.
"""

from __future__ import annotations

from datetime import date

import pytest
from github_server import FakeGitHub, make_repo

from analyzer.code.codereading import code_file_priority, tree_findings
from analyzer.code.github import make_client
from analyzer.code.repos import TreeEntry, analyze_repo, select_files
from analyzer.code.snapshot import RepoSnapshot

TOKEN = "ghp_TESTtoken0123456789abcdefghijklmnopqr"
TODAY = date(2026, 5, 15)

DJANGO_API = {
    "requirements.txt": "Django==5.0\ndjangorestframework==3.15\npsycopg[binary]==3.1\nPyJWT==2.8\n",
    "README.md": "# Shop API\n",
    "shop/settings.py": "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n"
                        "    }\n}\n",
    "shop/urls.py": "from rest_framework.routers import DefaultRouter\n\nrouter = DefaultRouter()\n"
                    "router.register('items', ItemViewSet)\n",
    "shop/auth.py": "import jwt\n\ndef issue(user):\n    return jwt.encode({'id': user.id}, KEY)\n",
    "shop/forms.py": "class Item(models.Model):\n    name = models.CharField(max_length=9)\n" * 40,
}


def evidence(analysis, skill):
    return [e for sid, e in analysis.evidence if sid == skill]


@pytest.mark.parametrize(("path", "priority"), [
    ("shop/settings.py", 0), ("config/database.yml", 0), ("src/main/resources/application.properties", 0),
    ("prisma/schema.prisma", 0), ("shop/urls.py", 1), ("config/routes.rb", 1), ("routes/api.php", 1),
    ("src/items.controller.ts", 1), ("api/server.go", 1), ("shop/auth.py", 3), ("token/jwt_maker.go", 3), ("util/password.go", 2), ("app/models.py", 4), ("config/auth.php", None),
    ("shop/forms.py", None), ("tests/test_auth.py", None), ("docs/settings.py", None),
    ("node_modules/x/routes.js", None),
])
def test_code_files_worth_a_request(path, priority):
    assert code_file_priority(path) == priority


def test_selection_reads_settings_then_routes_then_auth_after_manifest_and_readme():
    tree = [TreeEntry(p, "blob", len(t)) for p, t in DJANGO_API.items()]
    paths = select_files(tree).paths
    assert paths[:2] == ("requirements.txt", "README.md")
    assert paths.index("shop/settings.py") < paths.index("shop/urls.py") < paths.index("shop/auth.py")
    assert "shop/forms.py" not in paths


def test_tree_paths_are_free_evidence_when_files_were_not_read():
    tree = [TreeEntry(p, "blob", s) for p, s in [
        ("app/api/users.py", 900), ("app/api/tokens.py", 300), ("routes/api.php", 2_400), ("db.sqlite3", 8_000),
        ("token/jwt_maker.go", 700), ("src/auth/login.ts", 500), ("tests/api/test_users.py", 400)]]
    found = {f.signal: f for f in tree_findings(tree, {})}
    assert set(found) == {"rest", "sqlite", "jwt", "authentication"}
    assert found["rest"].count == 3 and found["rest"].path == "app/api/users.py"
    assert tree_findings(tree, {p.path: "" for p in tree}) == []  # read files: the readers decide


def test_layouts_are_evidence_read_or_not_and_urls_need_a_declared_api_framework():
    tree = [TreeEntry(p, "blob", 900) for p in ("app/controllers/breweries_controller.rb", "db/schema.rb",
                                                 "shop/urls.py", "app/controllers/application_controller.rb")]
    read = {"app/controllers/breweries_controller.rb": "class BreweriesController; end\n"}
    found = {f.signal: f for f in tree_findings(tree, read)}
    assert set(found) == {"mvc", "relational_databases"}  # urls.py alone is no API
    assert found["mvc"].count == 2 and found["mvc"].path == "app/controllers/breweries_controller.rb"
    with_drf = {f.signal for f in tree_findings(tree, read, frozenset({"djangorestframework"}))}
    assert "rest" in with_drf


@pytest.mark.parametrize(("path", "signal"), [
    ("deployment/nginx/microblog", "nginx"),
    ("nginx.conf", "nginx"),
    ("deploy/site.nginx", "nginx"),
    ("etc/nginx/sites-available/app", "nginx"),
    ("docker/apache2/app.conf", "apache"),
    ("httpd.conf", "apache"),
    ("src/nginx_helpers.py", None),       # a source file about nginx is no server config
    ("docs/nginx.md", None),
    ("app/apache_license.txt", None),
])
def test_web_server_configuration_kept_with_the_app(path, signal):
    found = {f.signal for f in tree_findings([TreeEntry(path, "blob", 400)], {})}
    assert found == ({signal} if signal else set())
    if signal:  # the layout is evidence whether the file was read or not
        assert {f.signal for f in tree_findings([TreeEntry(path, "blob", 400)], {path: "server {}"})} == {signal}


def test_laravel_skeleton_api_routes_file_is_not_evidence():
    assert tree_findings([TreeEntry("routes/api.php", "blob", 570)], {}) == []


def test_github_snapshot_without_texts_gives_file_name_evidence(taxonomy):
    snapshot = RepoSnapshot(source="github", name="api", full_name="octo/api", html_url="https://github.com/octo/api",
                            default_branch="main", tree=(TreeEntry("internal/api/handlers.go", "blob", 4_000),))
    (rest,) = evidence(analyze_repo(snapshot, taxonomy, today=TODAY), "rest")
    assert rest.detail == "file names only, content not read" and rest.line is None
    assert rest.url == "https://github.com/octo/api/blob/main/internal/api/handlers.go"


def fetch(fake: FakeGitHub, tmp_path, token: str | None = None):
    with make_client(token=token, base_url=fake.base_url, cache_dir=tmp_path / "cache", timeout=5) as client:
        return client.fetch_profile("octo")


@pytest.mark.parametrize("token", [None, TOKEN], ids=["anonymous", "token"])
def test_github_reads_the_route_table_and_settings_and_links_the_line(tmp_path, taxonomy, token):
    with FakeGitHub(repos=[make_repo("shop", DJANGO_API, languages={"Python": 40_000})]) as fake:
        (snapshot,) = fetch(fake, tmp_path, token).snapshots
        graphql_posts = len(fake.requests_to("^/graphql"))
    assert {"shop/settings.py", "shop/urls.py", "shop/auth.py"} <= set(snapshot.files)
    assert "shop/forms.py" not in snapshot.files
    assert graphql_posts == (1 if token else 0)  # with a token, one batched query brings every text
    analysis = analyze_repo(snapshot, taxonomy, today=TODAY)
    (rest,) = evidence(analysis, "rest")
    assert (rest.path, rest.line) == ("shop/urls.py", 4)
    assert rest.url == "https://github.com/octo/shop/blob/main/shop/urls.py#L4"
    assert any(e.path == "shop/settings.py" and e.line == 3 for e in evidence(analysis, "postgresql"))
    assert any(e.path == "shop/auth.py" and e.line == 4 for e in evidence(analysis, "jwt"))


def test_thirty_repository_profile_stays_within_the_anonymous_budget(tmp_path):
    repos = [make_repo(f"svc{i:02}", DJANGO_API, pushed_at=f"2024-01-{i % 28 + 1:02}T00:00:00Z")
             for i in range(30)]
    with FakeGitHub(repos=repos) as fake:
        cold = fetch(fake, tmp_path)
        cold_charged = fake.charged
        fake.log.clear()
        again = fetch(fake, tmp_path)  # same hour: the bucket is spent, the cache answers
        again_sent = len([r for r in fake.log if r.status == 200])
    assert cold_charged <= 60 and cold.requests_used <= 60
    assert again.requests_used <= 5 and again_sent <= 5
    assert sum(bool(s.tree) for s in again.snapshots) == 30
    # the budget went to each repository's manifest first, code files came after
    assert sum("requirements.txt" in s.files for s in cold.snapshots) >= 29
