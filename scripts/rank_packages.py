"""Refill the download ranks of ``analyzer/data/package_map.yaml`` and sort each ecosystem by them.

    .venv/bin/python scripts/rank_packages.py [--lists /work/.library/env/packages] [--check]

Reads the registry lists of the machine (``pypi.tsv``: ``rank_among_15000_most_downloaded``;
``npm.tsv``: ``downloads_a_month``, turned into a rank by sorting) and rewrites each entry line
``- {name: N, id: I}`` as ``- {name: N, id: I, rank: R}``; entries without a rank keep their
hand-written order after the ranked ones. ``--check`` only reports entries whose rank changed
or that no list holds, and exits 1 if the file would change. The lists are not part of the
project: without them the script says so and changes nothing.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAP = ROOT / "analyzer" / "data" / "package_map.yaml"
DEFAULT_LISTS = Path("/work/.library/env/packages")
_ENTRY = re.compile(r"^(  - \{name: (\"?)([^\",}]+)\2, id: ([\w-]+))(?:, rank: \d+)?\}\s*$")


def _normal(ecosystem: str, name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower() if ecosystem == "pypi" else name.lower()


def read_ranks(lists: Path) -> dict[str, dict[str, int]]:
    """{ecosystem: {normalised name: rank}} from the lists that exist (1 = most downloaded)."""
    ranks: dict[str, dict[str, int]] = {}
    csv.field_size_limit(1 << 24)
    pypi = lists / "pypi.tsv"
    if pypi.exists():
        with pypi.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(rows)
            ranks["pypi"] = {_normal("pypi", r[0]): int(r[3]) for r in rows if len(r) > 3 and r[3].isdigit()}
    npm = lists / "npm.tsv"
    if npm.exists():
        with npm.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(rows)
            downloads = [(int(r[2]), r[0].lower()) for r in rows if len(r) > 2 and r[2].isdigit()]
        downloads.sort(key=lambda item: (-item[0], item[1]))
        ranks["npm"] = {name: i for i, (_, name) in enumerate(downloads, 1)}
    return ranks


def rerank(text: str, ranks: dict[str, dict[str, int]]) -> tuple[str, list[str]]:
    """The file text with ranks refilled and each ecosystem's entries sorted; and what no list holds."""
    out: list[str] = []
    block: list[tuple[int | None, int, str]] = []
    ecosystem = ""
    unranked: list[str] = []

    def flush() -> None:
        block.sort(key=lambda item: (item[0] is None, item[0] or 0, item[1]))
        out.extend(line for _, _, line in block)
        block.clear()

    for line in text.splitlines():
        match = _ENTRY.match(line)
        if match:
            head, name = match.group(1), match.group(3)
            rank = ranks.get(ecosystem, {}).get(_normal(ecosystem, name))
            if rank is None and ecosystem in ranks:
                unranked.append(f"{ecosystem}:{name}")
            block.append((rank, len(block), f"{head}, rank: {rank}}}" if rank else f"{head}}}"))
            continue
        flush()
        if re.match(r"^[a-z]+:\s*$", line):
            ecosystem = line.rstrip(": \n")
        out.append(line)
    flush()
    return "\n".join(out) + "\n", unranked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=Path, default=DEFAULT_LISTS, help="folder holding pypi.tsv and npm.tsv")
    parser.add_argument("--check", action="store_true", help="report only; exit 1 if the file would change")
    args = parser.parse_args(argv)
    ranks = read_ranks(args.lists)
    if not ranks:
        print(f"No registry list (pypi.tsv, npm.tsv) in {args.lists}: nothing changed.")
        return 0
    old = MAP.read_text(encoding="utf-8")
    new, unranked = rerank(old, ranks)
    if unranked:
        print(f"{len(unranked)} packages hold no rank in the lists: {', '.join(unranked)}")
    if args.check:
        print("package_map.yaml is in step with the lists." if new == old else "package_map.yaml is out of step.")
        return int(new != old)
    MAP.write_text(new, encoding="utf-8")
    print(f"Ranks written to {MAP.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
