"""Benchmark `jobready batch`: résumés per second with 1 and 2 worker processes.

The corpus PDFs (default: ../shared/corpus/resumes/*.pdf) are copied ``--repeat`` times into
a temporary folder, so one run has enough files for a stable figure. Each run is the real
command, ``jobready batch FOLDER --workers N --format json``, as a fresh process with a fresh
SQLite workspace (start-up, analysis and saves all count, as for a coach). ``--rounds`` runs
per worker count, alternating 1 and 2 workers so a burst of load hits both. Per run:

- ``wall``: files / wall time of the whole command, cold start included;
- ``steady``: workers / mean wall seconds per file inside a worker — the rate once every
  worker is busy, which a long batch approaches (under the load of the moment);
- ``cpu``: mean CPU seconds per file inside a worker; ``idle-core estimate`` = workers / CPU
  seconds per file, the rate two idle cores would give once the workers run. It is an
  *estimate* (it leaves out start-up and the saves), quoted because the machine is shared
  while we measure.

Medians over the rounds are printed with the speed-ups 2 ÷ 1 and the 1-minute load average
before and after each run: the figures are only as good as the cores that were free.

Usage: ``.venv/bin/python scripts/benchmark_batch.py [--corpus DIR] [--repeat N] [--rounds N] [--json]``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_CANDIDATES = (ROOT.parent / "shared" / "corpus" / "resumes",
                     ROOT.parent.parent / "shared" / "corpus" / "resumes")


def _corpus(given: str | None) -> Path:
    for folder in ([Path(given)] if given else CORPUS_CANDIDATES):
        if folder.is_dir() and any(folder.glob("*.pdf")):
            return folder
    sys.exit("No corpus found: pass --corpus DIR (a folder of résumé PDFs).")


def _command() -> list[str]:
    script = Path(sys.executable).with_name("jobready")
    return [str(script)] if script.exists() else [sys.executable, "-m", "analyzer.cli"]


def _one_run(folder: Path, files: int, workers: int, scratch: Path) -> dict:
    out = scratch / f"out-{workers}-{time.monotonic_ns()}"
    out.mkdir()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{out / 'ws.sqlite3'}"}
    env.pop("GITHUB_TOKEN", None)
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    run = subprocess.run([*_command(), "batch", str(folder), "--workers", str(workers),
                          "--out", str(out), "--format", "json"],
                         env=env, capture_output=True, text=True, timeout=3600)
    wall = time.perf_counter() - start
    if run.returncode not in (0, 1):
        sys.exit(f"jobready batch failed: {run.stderr.strip()}")
    rows = json.loads(run.stdout)["rows"]
    failed = [r for r in rows if r["status"] != "ok"]
    if failed:
        print(f"warning: {len(failed)} file(s) failed: {failed[0]['error']}", file=sys.stderr)
    per_file = statistics.mean(r["seconds"] for r in rows)
    cpu_per_file = statistics.mean(r["cpu_seconds"] for r in rows)
    return {
        "workers": workers,
        "files": files,
        "wall_s": round(wall, 2),
        "wall_per_s": round(files / wall, 3),
        "steady_per_s": round(workers / per_file, 3),
        "worker_cpu_per_file_s": round(cpu_per_file, 4),
        "idle_estimate_per_s": round(workers / cpu_per_file, 3),
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
    sources = sorted(corpus.glob("*.pdf"))
    runs: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="jobready-bench-") as tmp:
        folder = Path(tmp, "resumes")
        folder.mkdir()
        for copy in range(args.repeat):
            for pdf in sources:
                shutil.copy(pdf, folder / f"{pdf.stem}-{copy}.pdf")
        for round_ in range(args.rounds):
            for workers in ((1, 2) if round_ % 2 == 0 else (2, 1)):
                runs.append(_one_run(folder, len(sources) * args.repeat, workers, Path(tmp)))
                print(f"round {round_ + 1}: {runs[-1]}", file=sys.stderr)

    def median(workers: int, key: str) -> float:
        return statistics.median(r[key] for r in runs if r["workers"] == workers)

    keys = ("wall_per_s", "steady_per_s", "idle_estimate_per_s", "worker_cpu_per_file_s")
    summary = {
        "corpus": str(corpus), "pdfs": len(sources), "files_per_run": len(sources) * args.repeat,
        "rounds": args.rounds, "cpus": os.cpu_count(),
        **{key: {w: median(w, key) for w in (1, 2)} for key in keys},
        "load_range": [min(r["load_before"] for r in runs), max(r["load_after"] for r in runs)],
        "runs": runs,
    }
    for key in ("wall_per_s", "steady_per_s", "idle_estimate_per_s"):
        summary[f"speedup_{key.removesuffix('_per_s')}"] = round(summary[key][2] / summary[key][1], 2)
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"{summary['files_per_run']} files per run ({len(sources)} PDFs × {args.repeat}), "
          f"{args.rounds} rounds, {summary['cpus']} CPUs, load average "
          f"{summary['load_range'][0]:g}–{summary['load_range'][1]:g}")
    print(f"{'workers':>7} {'wall/s':>7} {'steady/s':>9} {'CPU s/file':>11} {'idle-core estimate/s':>21}")
    for w in (1, 2):
        print(f"{w:>7} {summary['wall_per_s'][w]:>7.2f} {summary['steady_per_s'][w]:>9.2f} "
              f"{summary['worker_cpu_per_file_s'][w]:>11.3f} {summary['idle_estimate_per_s'][w]:>21.2f}")
    print(f"speed-up 2 ÷ 1: wall {summary['speedup_wall']:.2f}×, steady {summary['speedup_steady']:.2f}×, "
          f"idle-core estimate {summary['speedup_idle_estimate']:.2f}×")


if __name__ == "__main__":
    main()
