"""Serve the shared GitHub corpus as the fictional user ``devuser`` on a fake GitHub API.

    .venv/bin/python scripts/github_corpus_server.py [--port 8765] [--latency 0.1] [--copies 1]
    GITHUB_API_URL=http://127.0.0.1:8765 jobready analyze --github devuser

The corpus (``/work/shared/corpus/github``: repository objects, trees, languages and
manifest texts; no source files) is read in place, never copied. Blobs the corpus has no text
for (source and test files) answer 404, as a missing object would. The rate limits are
GitHub's: 60 requests an hour without a token, 5,000 with any token. Ctrl-C stops it.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from github_server import ANONYMOUS_LIMIT, TOKEN_LIMIT, FakeGitHub, load_corpus  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpus/github")


def corpus_server(corpus: Path, *, port: int = 0, latency: float = 0.0, copies: int = 1,
                  anonymous_limit: int = ANONYMOUS_LIMIT) -> FakeGitHub:
    """A (not yet started) fake GitHub whose user ``devuser`` owns the corpus repositories."""
    fake = FakeGitHub(repos=load_corpus(corpus, "devuser", copies=copies), latency=latency, port=port,
                      anonymous_limit=anonymous_limit, token_limit=TOKEN_LIMIT)
    user = json.loads((corpus / "users" / "devuser.json").read_text("utf-8"))
    fake.users["devuser"].update({k: v for k, v in user.items() if k != "public_repos"})
    return fake


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every answer")
    parser.add_argument("--copies", type=int, default=1, help="serve each repository N times (NAME-2 ...)")
    parser.add_argument("--anonymous-limit", type=int, default=ANONYMOUS_LIMIT)
    args = parser.parse_args(argv)
    if not (args.corpus / "repos").is_dir():
        parser.error(f"{args.corpus} has no repos/ folder: pass --corpus /path/to/corpus/github")
    with corpus_server(args.corpus, port=args.port, latency=args.latency, copies=args.copies,
                       anonymous_limit=args.anonymous_limit) as fake:
        print(f"Fake GitHub with {len(fake.repos)} repositories of devuser at {fake.base_url}")
        print(f"  GITHUB_API_URL={fake.base_url} jobready analyze --github devuser")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print(f"\n{len(fake.log)} requests served, {fake.charged} charged, {fake.not_modified} answered 304.")


if __name__ == "__main__":
    main()
