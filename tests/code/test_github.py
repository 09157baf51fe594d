"""analyzer.code.github against a real HTTP server on 127.0.0.1 speaking the GitHub API (tests/github_server.py)."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timezone

import pytest
from github import GithubException
from github_server import RATE_LIMITED, SECONDARY, FakeGitHub, FakeRepo, make_repo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.code.github import GRAPHQL_BATCH, make_client
from analyzer.code.repos import analyze_repo, languages_from_tree
from analyzer.errors import GitHubError, GitHubUnavailableError, GitHubUserNotFoundError, RateLimitError
from analyzer.taxonomy.loader import load_taxonomy

TOKEN = "ghp_TESTtoken0123456789abcdefghijklmnopqr"


def python_repo(name: str, pushed: str = "2024-01-01T00:00:00Z", **meta) -> FakeRepo:
    """A small fictional Flask service: manifest, Dockerfile, CI, a test and source."""
    files = {
        "requirements.txt": f"flask==3.0\n# {name}\n",
        "Dockerfile": "FROM python:3.12\n",
        ".github/workflows/ci.yml": "on: push\n",
        "tests/test_app.py": "def test_ok():\n    assert 1 + 1 == 2\n",
        "app/main.py": "print('hi')\n",
        "app/helpers.py": "def helper():\n    return 1\n",
    }
    return make_repo(name, files, languages={"Python": 1200}, pushed_at=pushed, **meta)


@pytest.fixture
def server():
    repos = [python_repo(f"svc{i}", f"2024-0{i + 1}-01T00:00:00Z") for i in range(3)]
    with FakeGitHub(repos=repos) as fake:
        yield fake


def client_for(fake: FakeGitHub, tmp_path, **kwargs):
    kwargs.setdefault("timeout", 5)
    return make_client(base_url=fake.base_url, cache_dir=tmp_path / "cache", **kwargs)


def fetch(fake: FakeGitHub, tmp_path, user: str = "octo", profile: dict | None = None, **kwargs):
    with client_for(fake, tmp_path, **kwargs) as client:
        return client.fetch_profile(user, **(profile or {}))


def test_reads_each_repository_tree_files_and_languages(server, tmp_path):
    portfolio = fetch(server, tmp_path)
    assert [s.name for s in portfolio.snapshots] == ["svc2", "svc1", "svc0"]  # most recently pushed first
    svc0 = portfolio.snapshots[-1]
    assert svc0.files["requirements.txt"] == "flask==3.0\n# svc0\n"
    assert {"Dockerfile", ".github/workflows/ci.yml", "tests/test_app.py"} <= set(svc0.files)
    assert "app/main.py" in svc0.files  # an entry point may declare routes: worth a request
    assert "app/helpers.py" not in svc0.files  # other source is not fetched
    assert svc0.languages == {"Python": 1200}
    assert svc0.pushed_at == datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert {e.path for e in svc0.tree} >= {"app", "app/main.py", "tests"}
    assert portfolio.requests_used == server.charged
    assert portfolio.rate_limit_remaining == server.remaining()
    assert portfolio.rate_limit_reset == datetime.fromtimestamp(server.reset_at, timezone.utc)
    assert not server.requests_to(r"^/repos/octo/svc\d$|^/users/octo$")  # no hidden completion requests


def test_pagination_follows_link_headers(tmp_path):
    repos = [make_repo(f"r{i:03}", {"go.mod": f"module r{i}\n"}) for i in range(105)]
    with FakeGitHub(repos=repos) as fake:
        portfolio = fetch(fake, tmp_path, profile={"max_repos": 110}, token=TOKEN)
        pages = fake.requests_to(r"^/users/octo/repos")
    assert len(portfolio.snapshots) == 105
    assert [("page=2" in p.path) for p in pages] == [False, True]
    assert all(s.files["go.mod"] == f"module r{int(s.name[1:])}\n" for s in portfolio.snapshots)


def test_max_repos_keeps_non_forks_first(tmp_path):
    repos = [python_repo("fork", "2025-01-01T00:00:00Z", fork=True), python_repo("own", "2020-01-01T00:00:00Z")]
    with FakeGitHub(repos=repos) as fake:
        portfolio = fetch(fake, tmp_path, profile={"max_repos": 1})
    assert [s.name for s in portfolio.snapshots] == ["own"]
    assert any("most recently pushed" in w for w in portfolio.warnings)


@pytest.mark.parametrize("token", [None, TOKEN], ids=["anonymous", "token"])
def test_warm_cache_revalidates_with_304_and_reuses_blobs(server, tmp_path, token):
    cold = fetch(server, tmp_path, token=token)
    cold_charged = server.charged
    server.clear_log()
    warm = fetch(server, tmp_path, token=token)
    assert [s.files for s in warm.snapshots] == [s.files for s in cold.snapshots]
    # the list, each tree and (REST only; with a token GraphQL brings them) each repository's languages
    assert server.not_modified == 1 + (1 if token else 2) * len(warm.snapshots)
    assert not server.requests_to(r"/git/blobs/")  # blobs are named by content: never asked again
    assert warm.cached_hits >= server.not_modified
    assert server.charged < cold_charged
    if token:  # GitHub does not charge a 304 to an authorised request; GraphQL is not cached
        assert server.charged == warm.requests_used == len(server.requests_to("^/graphql")) == 1  # languages


def test_token_is_sent_but_never_stored_in_the_cache(server, tmp_path):
    fetch(server, tmp_path, token=TOKEN)
    assert all(r.headers.get("Authorization", "").endswith(TOKEN) for r in server.log)
    stored = b"".join(p.read_bytes() for p in (tmp_path / "cache").iterdir())
    assert TOKEN.encode() not in stored and b"REDACTED" in stored  # requests-cache's placeholder


@pytest.mark.parametrize("status, message", [
    (401, "Bad credentials"), (502, "Bad gateway"), (404, "Not Found"),
    (500, f"Internal error for Authorization: token {TOKEN}"),  # a server that echoes the header
])
def test_token_never_appears_in_error_text(server, tmp_path, status, message):
    server.fail(r"^/users/octo/repos", status, times=10, message=message)
    with pytest.raises((GitHubError, GitHubUserNotFoundError)) as caught:
        fetch(server, tmp_path, token=TOKEN, retries=0)
    assert TOKEN not in str(caught.value) and TOKEN[-8:] not in str(caught.value)
    assert isinstance(caught.value.__cause__, GithubException)


def test_a_refused_token_says_where_to_check_it_in_either_front_end(server, tmp_path):
    server.fail(r"^/users/octo/repos", 401, times=10, message="Bad credentials")
    with pytest.raises(GitHubError) as caught:
        fetch(server, tmp_path, token=TOKEN, retries=0)
    assert str(caught.value) == ("GitHub refused the token (401 Bad credentials): check it (GITHUB_TOKEN, or the "
                                 "token field in the dashboard), or leave it out to read public repositories "
                                 "without one.")


def test_environment_gives_url_token_and_cache_folder(server, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_API_URL", server.base_url)
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_fromenvironment")
    monkeypatch.setenv("JOBREADY_CACHE_DIR", str(tmp_path / "envcache"))
    with make_client() as client:
        client.fetch_profile("octo", max_repos=1)
    with make_client(token=TOKEN) as client:  # the parameter wins over the environment
        client.fetch_profile("octo", max_repos=1)
    auth = [r.headers.get("Authorization") for r in server.log]
    assert auth[0].endswith("ghp_fromenvironment") and auth[-1].endswith(TOKEN)
    assert (tmp_path / "envcache" / "github.sqlite").is_file()


@pytest.mark.parametrize("user, expected", [
    ("ghost", "GitHub has no user named 'ghost': check the spelling."),
    ("not a login!", "'not a login!' is not a GitHub user name: use the name in github.com/NAME."),
])
def test_unknown_user(server, tmp_path, user, expected):
    with pytest.raises(GitHubUserNotFoundError) as caught:
        fetch(server, tmp_path, user=user)
    assert str(caught.value) == expected


@pytest.mark.parametrize("token, says", [
    (None, "GitHub's rate limit for anonymous requests is used up until {reset} UTC: try again then; a GitHub "
           "token raises the limit from 60 to 5,000 requests an hour (GITHUB_TOKEN, or the token field in the "
           "dashboard)."),
    (TOKEN, "GitHub's rate limit for this token is used up until {reset} UTC: try again then."),
])
def test_exhausted_rate_limit_names_the_reset_time(server, tmp_path, token, says):
    server.set_remaining(0, token or "anonymous")
    with pytest.raises(RateLimitError) as caught:
        fetch(server, tmp_path, token=token)
    reset = datetime.fromtimestamp(server.reset_at, timezone.utc)
    assert caught.value.reset_at == reset
    assert str(caught.value) == says.format(reset=f"{reset:%Y-%m-%d %H:%M}")
    assert len(server.log) == 1  # no retry, no wait


@pytest.mark.parametrize("status, headers, message", [
    (403, {"Retry-After": "60"}, SECONDARY),
    (403, {}, SECONDARY),
    (429, {"Retry-After": "120"}, "Too many requests"),
])
def test_secondary_rate_limit_fails_at_once_instead_of_sleeping(server, tmp_path, status, headers, message):
    server.fail(r"^/users/octo/repos", status, times=1, message=message, headers=headers)
    with pytest.raises(RateLimitError, match="secondary rate limit"):  # a retry after waiting would succeed
        fetch(server, tmp_path)


@pytest.mark.parametrize("path, trees_read, files_read, svc0_skipped", [
    (r"/svc1/git/trees/", [True, False, False], [False, False, False], set()),
    (r"/svc1/git/blobs/", [True, True, True], [True, False, False], {"the read stopped early"}),
])
def test_rate_limit_midway_returns_a_partial_portfolio(server, tmp_path, path, trees_read, files_read, svc0_skipped):
    server.fail(path, 403, times=5, message=RATE_LIMITED, headers={"X-RateLimit-Remaining": "0"})
    portfolio = fetch(server, tmp_path, workers=1)
    assert [s.name for s in portfolio.snapshots] == ["svc2", "svc1", "svc0"]
    assert [bool(s.tree) for s in portfolio.snapshots] == trees_read
    assert [len(s.files) == 5 for s in portfolio.snapshots] == files_read
    assert set(portfolio.snapshots[-1].skipped_files.values()) == svc0_skipped
    assert any(w.startswith("GitHub's rate limit") and "Only part of the profile was read" in w
               for w in portfolio.warnings)
    assert len(server.requests_to(path)) == 1  # nothing is asked after the limit


def test_server_errors_are_retried_then_succeed(server, tmp_path):
    server.fail(r"^/users/octo/repos", 502, times=2)
    portfolio = fetch(server, tmp_path, retries=3)
    assert len(portfolio.snapshots) == 3
    assert [r.status for r in server.requests_to(r"^/users/octo/repos")] == [502, 502, 200]
    assert portfolio.requests_used == server.charged + 2  # the retries are counted too


def test_persistent_server_errors_give_one_clear_sentence(server, tmp_path):
    server.fail(r"^/users/octo/repos", 503, times=100, message="Service Unavailable")
    with pytest.raises(GitHubUnavailableError) as caught:
        fetch(server, tmp_path, retries=2)
    assert str(caught.value) == ("GitHub answered 503 (Service Unavailable) even after retrying: "
                                 "try again in a few minutes.")
    assert len(server.log) == 3


@pytest.mark.parametrize("retries, deadline, attempts", [
    (10, 0.5, 2),  # 0.2 s waited, another 0.2 s fits in 0.5; after 0.4 s it would not
    (10, 0.1, 1),  # not even one retry fits
    (1, 20.0, 2),  # the retries run out first
])
def test_time_outs_stop_retrying_at_the_deadline(server, tmp_path, retries, deadline, attempts):
    server.delay(r"^/users/octo/repos", 3.0)
    with pytest.raises(GitHubUnavailableError, match="did not answer in time"):
        fetch(server, tmp_path, timeout=0.2, retries=retries, deadline=deadline)
    assert sum(path.startswith("/users/octo/repos") for path in server.arrived) == attempts


def test_a_hanging_server_is_asked_nothing_more_after_its_first_time_out(server, tmp_path):
    server.delay(r"/git/trees/", 3.0)
    with pytest.raises(GitHubUnavailableError, match="did not answer in time"):
        fetch(server, tmp_path, workers=1, timeout=0.2, retries=10, deadline=0.5)
    assert sum("/git/trees/" in path for path in server.arrived) == 2  # the first tree and one retry


def test_time_out_is_bounded(server, tmp_path):
    server.delay(r"^/users/octo/repos", 3.0)  # it would answer, late: only a time-out makes this fail
    with pytest.raises(GitHubUnavailableError, match="did not answer in time"):
        fetch(server, tmp_path, timeout=0.3, retries=1)
    assert sum(path.startswith("/users/octo/repos") for path in server.arrived) == 2  # one retry


def test_unreachable_server(tmp_path):
    with FakeGitHub() as fake:
        url = fake.base_url
    with make_client(base_url=url, cache_dir=tmp_path, retries=0, timeout=1) as client:
        with pytest.raises(GitHubUnavailableError, match="could not be reached"):
            client.fetch_profile("octo")


@pytest.mark.parametrize("fault, trees_read, warning", [
    ("fail", [True, False, True], "octo/svc1: its file tree could not be read (GitHub answered 500"),
    ("delay", [True, False, False], "did not answer in time"),  # a time-out stops the read: no more waiting
])
def test_one_repository_failing(server, tmp_path, fault, trees_read, warning):
    if fault == "fail":
        server.fail(r"/svc1/git/trees/", 500, times=100)
    else:
        server.delay(r"/svc1/git/trees/", 3.0)
    portfolio = fetch(server, tmp_path, workers=1, retries=1, timeout=0.3)
    assert [bool(s.tree) for s in portfolio.snapshots] == trees_read
    assert any(warning in w for w in portfolio.warnings)
    assert sum("/svc1/git/trees/" in path for path in server.arrived) == 2  # one retry, then no more


@pytest.mark.parametrize("fault, warning, entries_kept", [("truncated", "truncated its file tree", 0.5),
                                                          ("empty", "empty repository", 0)])
def test_truncated_and_empty_repositories_warn(tmp_path, fault, warning, entries_kept):
    repo = python_repo("odd", **{fault: True})
    full_tree = len(python_repo("odd").tree)
    with FakeGitHub(repos=[repo, python_repo("fine")]) as fake:
        portfolio = fetch(fake, tmp_path)
    odd = next(s for s in portfolio.snapshots if s.name == "odd")
    assert any(w.startswith("octo/odd: ") and warning in w for w in portfolio.warnings)
    assert odd.tree_truncated is (fault == "truncated")
    assert len(odd.tree) == int(full_tree * entries_kept)
    assert next(s for s in portfolio.snapshots if s.name == "fine").files


def test_files_over_1_mb_are_skipped_without_a_request(tmp_path):
    repo = make_repo("big", {"package.json": "{" + " " * 1_100_000 + "}", "go.mod": "module big\n"})
    with FakeGitHub(repos=[repo]) as fake:
        portfolio = fetch(fake, tmp_path)
        blob_requests = fake.requests_to(r"/git/blobs/")
    snapshot = portfolio.snapshots[0]
    assert snapshot.skipped_files["package.json"] == "over 1 MB"
    assert snapshot.files == {"go.mod": "module big\n"}
    assert len(blob_requests) == 1


def test_budget_gives_every_repository_its_best_file_first(tmp_path):
    repos = [python_repo(f"svc{i}", f"2024-0{i + 1}-01T00:00:00Z") for i in range(3)]
    with FakeGitHub(repos=repos, anonymous_limit=8) as fake:  # 1 list + 3 trees leaves 4
        portfolio = fetch(fake, tmp_path)
        assert fake.charged == 8 and fake.remaining() == 0
        assert not fake.requests_to("/languages")
    assert [len(s.files) for s in portfolio.snapshots] == [2, 1, 1]
    assert all("requirements.txt" in s.files for s in portfolio.snapshots)
    assert all(s.languages == languages_from_tree(s.tree) for s in portfolio.snapshots)  # not asked
    left = sum(reason == "request budget" for s in portfolio.snapshots for reason in s.skipped_files.values())
    assert (f"{left} files were not read, to stay within GitHub's rate limit: a GitHub token raises the limit from "
            "60 to 5,000 requests an hour (GITHUB_TOKEN, or the token field in the dashboard).") in portfolio.warnings
    assert "request budget" in portfolio.snapshots[2].skipped_files.values()


def test_budget_reads_every_manifest_and_readme_before_anyones_third_file(tmp_path):
    repos = [make_repo(f"svc{i}", {"requirements.txt": "flask\n", "requirements-dev.txt": "pytest\n",
                                   "Dockerfile": "FROM python:3.12\n", ".github/workflows/ci.yml": "on: push\n",
                                   "README.md": f"# svc{i}\nLive at https://svc{i}.onrender.com\n"},
                       pushed_at=f"2024-0{i + 1}-01T00:00:00Z") for i in range(3)]
    with FakeGitHub(repos=repos, anonymous_limit=10) as fake:  # 1 list + 3 trees leaves 6 files
        portfolio = fetch(fake, tmp_path)
    assert [sorted(s.files) for s in portfolio.snapshots] == [["README.md", "requirements.txt"]] * 3
    analyses = [analyze_repo(s, load_taxonomy(), today=date(2024, 6, 1)) for s in portfolio.snapshots]
    assert [{c.id: c.passed for c in a.checks}["deployed"] for a in analyses] == [True] * 3


def test_max_requests_caps_the_profile(server, tmp_path):
    portfolio = fetch(server, tmp_path, profile={"max_requests": 3})
    assert server.charged == 3 == portfolio.requests_used
    assert sum(bool(s.tree) for s in portfolio.snapshots) == 2
    assert any("listed but not read" in w for w in portfolio.warnings)


def test_graphql_fetches_file_texts_in_batches_with_a_token(tmp_path):
    repos = [python_repo(f"svc{i}") for i in range(15)]  # 4 wanted files each
    with FakeGitHub(repos=repos) as fake:
        portfolio = fetch(fake, tmp_path, token=TOKEN)
        posts = fake.requests_to("^/graphql")
        blobs = fake.requests_to("/git/blobs/")
    assert len(posts) == math.ceil(15 * 4 / GRAPHQL_BATCH) and not blobs
    assert all(s.files["requirements.txt"] == f"flask==3.0\n# {s.name}\n" for s in portfolio.snapshots)


def test_graphql_failure_falls_back_to_rest(server, tmp_path):
    server.fail("^/graphql", 502, times=100)
    portfolio = fetch(server, tmp_path, token=TOKEN, retries=0)
    assert all("requirements.txt" in s.files for s in portfolio.snapshots)
    assert server.requests_to("/git/blobs/") and any("GraphQL" in w for w in portfolio.warnings)


def test_progress_is_reported_once_per_repository(server, tmp_path):
    calls = []
    fetch(server, tmp_path, profile={"progress": lambda *args: calls.append(args)})
    assert [(done, total) for done, total, _ in calls] == [(1, 3), (2, 3), (3, 3)]
    assert {name for *_, name in calls} == {"octo/svc0", "octo/svc1", "octo/svc2"}


def test_concurrent_workers_keep_each_repository_apart(tmp_path):
    repos = [python_repo(f"svc{i:02}") for i in range(12)]
    with FakeGitHub(repos=repos, latency=0.02, anonymous_limit=1000) as fake:
        portfolio = fetch(fake, tmp_path, workers=4)
    assert len(portfolio.snapshots) == 12 and not portfolio.warnings
    for snapshot in portfolio.snapshots:
        assert snapshot.files["requirements.txt"] == f"flask==3.0\n# {snapshot.name}\n"
        assert snapshot.languages == {"Python": 1200}


def test_user_without_repositories(tmp_path):
    with FakeGitHub(users=["newbie"]) as fake:
        portfolio = fetch(fake, tmp_path, user="@newbie ")
        assert portfolio.snapshots == () and portfolio.warnings == ()
        assert portfolio.requests_used == fake.charged == 1


@pytest.mark.parametrize("url", ["ftp://example.com", "api.github.com", "http://"])
def test_bad_api_url_is_one_sentence(tmp_path, url):
    with pytest.raises(GitHubError, match="is not a GitHub API address: use a URL such as https://api.github.com"):
        make_client(base_url=url, cache_dir=tmp_path)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(limit=st.integers(min_value=2, max_value=40), repos=st.integers(min_value=1, max_value=8),
       cap=st.one_of(st.none(), st.integers(min_value=1, max_value=40)))
def test_budget_is_never_exceeded(tmp_path_factory, limit, repos, cap):
    fixtures = [python_repo(f"svc{i}", f"2024-01-{i + 1:02}T00:00:00Z") for i in range(repos)]
    with FakeGitHub(repos=fixtures, anonymous_limit=limit) as fake:
        portfolio = fetch(fake, tmp_path_factory.mktemp("budget"), profile={"max_requests": cap})
        assert fake.charged <= min(limit, cap or limit)
        assert all(r.status == 200 for r in fake.log)  # the limit is never hit: no 403
    assert portfolio.requests_used == fake.charged
    read = [bool(s.tree) for s in portfolio.snapshots]
    assert read == sorted(read, reverse=True)  # the most recently pushed are read first


def test_a_file_failing_is_skipped_with_githubs_answer(server, tmp_path):
    server.fail(r"/svc1/git/blobs/", 500, times=100, message="Internal Server Error")
    portfolio = fetch(server, tmp_path, retries=0)
    svc1 = next(s for s in portfolio.snapshots if s.name == "svc1")
    assert set(svc1.skipped_files.values()) == {"GitHub answered 500 (Internal Server Error) even after retrying"}
    assert all(len(s.files) == 5 for s in portfolio.snapshots if s.name != "svc1")


def test_unusable_cache_folder_falls_back_to_memory_with_a_warning(server, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with make_client(base_url=server.base_url, cache_dir=blocker) as client:
        portfolio = client.fetch_profile("octo")
    assert len(portfolio.snapshots) == 3 and portfolio.snapshots[0].files
    assert any(w.startswith(f"The cache folder {blocker} cannot be used") and "JOBREADY_CACHE_DIR" in w
               for w in portfolio.warnings)


def spending_profile() -> list[FakeRepo]:
    """15 repositories: their trees, files and languages need more than the anonymous 60 requests."""
    return [python_repo(f"svc{i:02}", f"2024-01-{i + 1:02}T00:00:00Z") for i in range(15)]


@pytest.mark.parametrize("fault, says", [
    ("rate limit", "GitHub's rate limit for anonymous requests is used up until {reset} UTC: repositories were "
                   "read from the cache of {cached} UTC; use a GitHub token (GITHUB_TOKEN, or the token field in "
                   "the dashboard) for fresh data."),
    ("time-out", "GitHub at {url} did not answer in time: repositories were read from the cache of {cached} UTC; "
                 "try again later for fresh data."),
    ("502", "GitHub answered 502 (Bad Gateway) even after retrying: repositories were read from the cache of "
            "{cached} UTC; try again later for fresh data."),
])
def test_a_second_run_github_cannot_answer_is_read_from_the_cache(tmp_path, fault, says):
    with FakeGitHub(repos=spending_profile()) as fake:
        before = datetime.now(timezone.utc).replace(second=0, microsecond=0)
        first = fetch(fake, tmp_path)
        after = datetime.now(timezone.utc)
        assert fake.remaining() == 0  # the first run spent the hourly 60
        if fault != "rate limit":
            fake.clear_log()  # an hour later, but GitHub is down
            fake.delay(".", 3.0) if fault == "time-out" else fake.fail(".", 502, times=1000, message="Bad Gateway")
        asked = len(fake.arrived)
        second = fetch(fake, tmp_path, timeout=0.3, retries=0)
        if fault != "502":  # after a rate limit or a time-out GitHub is asked nothing more
            assert len(fake.arrived) == asked + 1
    assert [(s.full_name, s.tree) for s in second.snapshots] == [(s.full_name, s.tree) for s in first.snapshots]
    # every text read before is back (by blob SHA), and more where repositories share a file
    assert all(a.files.items() <= b.files.items() for a, b in zip(first.snapshots, second.snapshots))
    cached = re.search(r"from the cache of (\S+ \S+) UTC", " ".join(second.warnings))
    assert cached and before <= datetime.fromisoformat(cached[1]).replace(tzinfo=timezone.utc) <= after
    reset = f"{datetime.fromtimestamp(fake.reset_at, timezone.utc):%Y-%m-%d %H:%M}"
    assert says.format(reset=reset, cached=cached[1], url=fake.base_url) in second.warnings
    assert second.cached_hits >= 1 + len(second.snapshots)  # the list and every tree
    if fault == "rate limit":
        assert second.rate_limit_remaining == 0
        assert second.rate_limit_reset == datetime.fromtimestamp(fake.reset_at, timezone.utc)
        unread = {(s.name, p) for s in second.snapshots for p, why in s.skipped_files.items() if why == "not in the cache"}
        assert unread == {(s.name, p) for s, again in zip(first.snapshots, second.snapshots)
                          for p, why in s.skipped_files.items() if why == "request budget" and p not in again.files}


def test_a_spent_limit_with_only_the_list_cached_raises(tmp_path):
    with FakeGitHub(repos=spending_profile()) as fake:
        fetch(fake, tmp_path, profile={"max_requests": 1})  # the list, no tree
        fake.set_remaining(0)
        with pytest.raises(RateLimitError, match="rate limit for anonymous requests is used up until"):
            fetch(fake, tmp_path)


def test_a_spent_limit_is_not_asked_again_by_the_same_client(tmp_path):
    repos = [python_repo("svc0"), python_repo("svc1")]
    with FakeGitHub(repos=repos, anonymous_limit=11) as fake:  # list, 2 trees, 8 files: nothing left
        with client_for(fake, tmp_path) as client:
            first = client.fetch_profile("octo")
            asked = len(fake.log)
            second = client.fetch_profile("octo")
        assert len(fake.log) == asked  # X-RateLimit-Remaining said 0: the cache answered everything
    assert [s.files for s in second.snapshots] == [s.files for s in first.snapshots]
    assert any("rate limit for anonymous requests is used up" in w for w in second.warnings)


@pytest.mark.parametrize("body, content_type, kind", [
    (b"<!DOCTYPE html>\n<html><body>Sign in to GitHub</body></html>", "text/html; charset=utf-8", "HTML"),
    (b"OK", "text/plain", "text that is not JSON"),
    (b'{"status": "ok", "version": 3}', "application/json", "unexpected JSON"),
    (b'[{"id": 1}, {"id": 2}]', "application/json", "unexpected JSON"),
])
def test_an_address_that_is_not_the_github_api_is_one_sentence(server, tmp_path, body, content_type, kind):
    server.impersonate(".", body, content_type)
    with pytest.raises(GitHubError) as caught:
        fetch(server, tmp_path)
    assert str(caught.value) == f"{server.base_url} did not answer like the GitHub API (got {kind}): " \
                                "check GITHUB_API_URL."


def test_one_repository_answering_html_is_a_warning(server, tmp_path):
    server.impersonate(r"/svc1/git/trees/", b"<html>maintenance</html>")
    portfolio = fetch(server, tmp_path)
    assert [bool(s.tree) for s in portfolio.snapshots] == [True, False, True]
    assert f"octo/svc1: its file tree could not be read ({server.base_url} did not answer like the GitHub API " \
           "(got HTML): check GITHUB_API_URL)." in portfolio.warnings

