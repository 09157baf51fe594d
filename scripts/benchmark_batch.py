"""Benchmark `jobready batch`: résumés per second with 1 and 2 worker processes.

The corpus PDFs (default: ../shared/corpus/resumes/*.pdf) are copied ``--repeat`` times into
a temporary folder, so one run has enough files for a stable figure, and each run stores its
reports in a fresh SQLite workspace (the save is part of the cost, as in real use).

For each worker count, ``--rounds`` runs (alternating 1 and 2 workers, so a burst of load
on a shared machine hits both), and per run:

- ``wall``: files / wall time of :func:`run_batch`, start-up included (with 2 workers: two
  spawned processes that each import spaCy and compile the matcher; with 1 worker the
  matcher is compiled before the clock starts, as in a long-lived process);
- ``steady``: (files − workers) / time from the ``workers``-th result to the last one — the
  rate once every worker is running, which a long batch approaches.

The medians are printed with the speed-up 2 ÷ 1 and the machine's load average (1 min)
before and after each run: the figures are only as good as the cores that were free.

Usage: ``.venv/bin/python scripts/benchmark_batch.py [--corpus DIR] [--repeat N] [--rounds N] [--json]``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from analyzer.workspace import open_workspace
from analyzer.workspace.batch import find_resumes, run_batch, warm_worker

ROOT = Path(__file__).resolve().parent.parent
CORPUS_CANDIDATES = (ROOT.parent / "shared" / "corpus" / "resumes",
                     ROOT.parent.parent / "shared" / "corpus" / "resumes")


def _corpus(given: str | None) -> Path:
    for folder in ([Path(given)] if given else CORPUS_CANDIDATES):
        if folder.is_dir() and any(folder.glob("*.pdf")):
            return folder
    sys.exit("No corpus found: pass --corpus DIR (a folder of résumé PDFs).")


def _one_run(files: list[Path], workers: int, scratch: Path) -> dict:
    arrivals: list[float] = []
    db = scratch / f"ws-{workers}-{time.monotonic_ns()}.sqlite3"
    load_before = os.getloadavg()[0]
    with open_workspace(f"sqlite:///{db}") as ws:
        start = time.perf_counter()
        result = run_batch(files, ws, workers=workers,
                           progress=lambda *_: arrivals.append(time.perf_counter()))
        wall = time.perf_counter() - start
    failed = len(result.failed)
    if failed:
        print(f"warning: {failed} file(s) failed: {result.failed[0].error}", file=sys.stderr)
    steady_span = arrivals[-1] - arrivals[workers - 1]
    return {
        "workers": workers,
        "files": len(files),
        "wall_s": round(wall, 3),
        "wall_per_s": round(len(files) / wall, 3),
        "steady_per_s": round((len(files) - workers) / steady_span, 3) if steady_span > 0 else None,
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="folder of résumé PDFs (default: ../shared/corpus/resumes)")
    parser.add_argument("--repeat", type=int, default=8, help="copies of each PDF (default 8)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per worker count (default 3)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    corpus = _corpus(args.corpus)
    sources = find_resumes(corpus)
    warm_worker()  # the in-process (1 worker) run starts with the matcher compiled
    runs: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="jobready-bench-") as tmp:
        folder = Path(tmp, "resumes")
        folder.mkdir()
        for copy in range(args.repeat):
            for pdf in sources:
                shutil.copy(pdf, folder / f"{pdf.stem}-{copy}.pdf")
        files = find_resumes(folder)
        for round_ in range(args.rounds):
            for workers in ((1, 2) if round_ % 2 == 0 else (2, 1)):
                runs.append(_one_run(files, workers, Path(tmp)))
                print(f"round {round_ + 1}: {runs[-1]}", file=sys.stderr)

    def median(workers: int, key: str) -> float:
        return statistics.median(r[key] for r in runs if r["workers"] == workers and r[key])

    summary = {
        "corpus": str(corpus), "pdfs": len(sources), "files_per_run": len(sources) * args.repeat,
        "rounds": args.rounds, "cpus": os.cpu_count(),
        "wall_per_s": {w: median(w, "wall_per_s") for w in (1, 2)},
        "steady_per_s": {w: median(w, "steady_per_s") for w in (1, 2)},
        "load_range": [min(r["load_before"] for r in runs), max(r["load_after"] for r in runs)],
        "runs": runs,
    }
    summary["speedup_wall"] = round(summary["wall_per_s"][2] / summary["wall_per_s"][1], 2)
    summary["speedup_steady"] = round(summary["steady_per_s"][2] / summary["steady_per_s"][1], 2)
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"{summary['files_per_run']} files per run ({len(sources)} PDFs × {args.repeat}), "
          f"{args.rounds} rounds, {summary['cpus']} CPUs, load average {summary['load_range'][0]:g}–"
          f"{summary['load_range'][1]:g}")
    print(f"{'workers':>8} {'wall résumés/s':>15} {'steady résumés/s':>17}")
    for w in (1, 2):
        print(f"{w:>8} {summary['wall_per_s'][w]:>15.2f} {summary['steady_per_s'][w]:>17.2f}")
    print(f"speed-up 2 ÷ 1: wall {summary['speedup_wall']:.2f}×, steady {summary['speedup_steady']:.2f}×")


if __name__ == "__main__":
    main()
