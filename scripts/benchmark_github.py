"""Benchmark reading a 30-repository GitHub profile: requests, 304s and wall time, cold and warm.

    .venv/bin/python scripts/benchmark_github.py [--latency 0.1] [--repos 30] [--corpus PATH]

A fake GitHub API (tests/github_server.py) answers on 127.0.0.1 after ``--latency`` seconds per
request. The profile is the shared corpus' 9 repositories repeated under new names up to
``--repos`` (synthetic repositories if the corpus is absent). Each mode runs with one cache
folder: cold (empty cache), again (right after, the limit as the cold run left it: without a
token the cold run spends the whole hourly 60, so this run is answered from the cache) and warm
(the buckets refilled, as an hour later).

Columns: ``sent`` requests that reached the server and got content, ``charged`` requests the
server counted against a rate limit, ``304`` revalidations, ``from cache`` answers the client
took from its cache (304s plus blobs reused without a request), ``files`` file texts read,
``budget`` files left out to stay within the limit, ``trees`` repositories whose file tree was read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from github_server import FakeGitHub, FakeRepo, load_corpus, make_repo  # noqa: E402

from analyzer.code.github import make_client  # noqa: E402
from analyzer.errors import GitHubError  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpus/github")
TOKEN = "ghp_benchmark000000000000000000000000000"


def profile_repos(corpus: Path, count: int) -> list[FakeRepo]:
    """``count`` repositories owned by ``devuser``: the corpus repeated, or synthetic ones."""
    if (corpus / "repos").is_dir():
        per_copy = len(list((corpus / "repos").glob("*.json")))
        return load_corpus(corpus, "devuser", copies=-(-count // per_copy), limit=count)
    files = {"requirements.txt": "fastapi==0.110\n", "Dockerfile": "FROM python:3.12\n",
             ".github/workflows/ci.yml": "on: push\n", "README.md": "# service\n",
             **{f"app/module{i}.py": "x = 1\n" * 50 for i in range(40)},
             **{f"tests/test_{i}.py": "def test():\n    assert True\n" for i in range(5)}}
    return [make_repo(f"service-{i}", files, owner="devuser", pushed_at=f"2024-01-{i % 28 + 1:02}T00:00:00Z")
            for i in range(count)]


def run_once(fake: FakeGitHub, cache: Path, token: str | None, refill: bool = True) -> dict:
    if refill:
        fake.clear_log()
    else:
        fake.log.clear()
    started = time.perf_counter()
    try:
        with make_client(token=token, base_url=fake.base_url, cache_dir=cache) as client:
            portfolio = client.fetch_profile("devuser")
    except GitHubError as error:
        return {"error": str(error), "seconds": time.perf_counter() - started}
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "sent": portfolio.requests_used, "charged": fake.charged,
            "not_modified": fake.not_modified, "cached": portfolio.cached_hits,
            "files": sum(len(s.files) for s in portfolio.snapshots),
            "budget": sum(r == "request budget" for s in portfolio.snapshots for r in s.skipped_files.values()),
            "repos": len(portfolio.snapshots), "trees": sum(bool(s.tree) for s in portfolio.snapshots)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per request (default 0.1)")
    parser.add_argument("--repos", type=int, default=30)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    repos = profile_repos(args.corpus, args.repos)
    print(f"{len(repos)} repositories, {args.latency * 1000:.0f} ms per request, 4 workers\n")
    header = f"{'mode':<10} {'run':<5} {'wall s':>7} {'sent':>5} {'charged':>8} {'304':>4} {'from cache':>11} " \
             f"{'files':>6} {'budget':>7} {'trees':>6}"
    print(header)
    print("-" * len(header))
    for mode, token in (("anonymous", None), ("token", TOKEN)):
        with FakeGitHub(repos=repos, latency=args.latency) as fake, tempfile.TemporaryDirectory() as cache:
            for run in ("cold", "again", "warm"):
                r = run_once(fake, Path(cache), token, refill=run != "again")
                if "error" in r:
                    print(f"{mode:<10} {run:<5} {r['seconds']:>7.2f}  {r['error']}")
                    continue
                print(f"{mode:<10} {run:<5} {r['seconds']:>7.2f} {r['sent']:>5} {r['charged']:>8} "
                      f"{r['not_modified']:>4} {r['cached']:>11} {r['files']:>6} {r['budget']:>7} {r['trees']:>6}")


if __name__ == "__main__":
    main()
