"""Benchmark the workspace: the cost of a save, and the cohort view with 200 stored reports.

    python scripts/benchmark_workspace.py                       # a new SQLite file
    python scripts/benchmark_workspace.py --database postgresql://postgres@127.0.0.1:5432/bench

The reports are real: the corpus résumés (``--corpus``, default ``../shared/corpus/resumes/*.pdf``, when present,
else the shipped sample résumé) analysed once, then varied per candidate by dropping a
random share of their skills and gaps (seeded), so the cohort has 200 different members.

Prints, for the database given (default: a new SQLite file in a temporary folder):
- save: median and 90th percentile milliseconds of ``Workspace.save_report`` over the
  200 saves (one transaction each, a ~30 kB report JSON);
- cohort view: median seconds of ``Workspace.cohort`` (load each latest report,
  common gaps, matrix, k-means grouping, postings) over 5 runs, with the part spent
  in ``similar_groups`` shown apart.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyzer.report import analyze  # noqa: E402
from analyzer.resume.sample import SAMPLE_RESUME  # noqa: E402
from analyzer.workspace import open_workspace  # noqa: E402
from analyzer.workspace.cohort import similar_groups  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "resumes"
REPORTS = 200
RUNS = 5


def base_reports(corpus: Path) -> list[dict]:
    pdfs = sorted(corpus.glob("*.pdf")) or [SAMPLE_RESUME]
    return [json.loads(analyze(pdf).to_json()) for pdf in pdfs]


def varied(base: dict, rng: random.Random) -> dict:
    report = json.loads(json.dumps(base))
    report["skills"] = [s for s in report["skills"] if rng.random() > 0.3]
    report["gaps"] = [g for g in report["gaps"] if rng.random() > 0.3]
    report["readiness"]["score"] = round(rng.uniform(5, 90), 1)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="database URL (default: a new SQLite file)")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="folder of résumé PDFs (default: ../shared/corpus/resumes)")
    args = parser.parse_args()
    bases = base_reports(args.corpus)
    rng = random.Random(0)
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        with open_workspace(url) as ws:
            saves = []
            for n in range(REPORTS):
                report = varied(bases[n % len(bases)], rng)
                start = time.perf_counter()
                ws.save_report(f"Candidate {n:03d}", report, cohort="Benchmark",
                               inputs={"resume": str(n).encode()})
                saves.append((time.perf_counter() - start) * 1000)
            ws.add_posting("Benchmark", "Backend developer", "Python, PostgreSQL, Docker.",
                           {"required": ["python", "postgresql"], "nice_to_have": ["docker"]})
            loads, groupings = [], []
            for _ in range(RUNS):
                start = time.perf_counter()
                view = ws.cohort("Benchmark")
                loads.append(time.perf_counter() - start)
                reports = {n: s.report for n, s in ws.latest_reports("Benchmark").items()}
                start = time.perf_counter()
                similar_groups(reports)
                groupings.append(time.perf_counter() - start)
            size = len(json.dumps(bases[0]))
            where = ws.engine.dialect.name
    deciles = statistics.quantiles(saves, n=10)
    print(f"database: {where}; {len(bases)} base report(s), ~{size / 1000:.0f} kB JSON each")
    print(f"save: median {statistics.median(saves):.1f} ms, 90th percentile {deciles[-1]:.1f} ms "
          f"over {REPORTS} saves")
    print(f"cohort view, {REPORTS} candidates with one report each: median "
          f"{statistics.median(loads):.2f} s over {RUNS} runs (grouping "
          f"{statistics.median(groupings):.2f} s of it; {len(view.grouping.groups)} groups, "
          f"silhouette {view.grouping.silhouette})")


if __name__ == "__main__":
    main()
