"""Benchmark résumé analysis against pdfplumber alone, and the CLI's cold start.

For each PDF (default: ../shared/corpus/resumes/*.pdf, else the shipped sample):

- ``pdfplumber``: open the file and ``extract_text()`` every page — the floor any
  pdfplumber-based tool pays;
- ``analyze``: jobready's whole pipeline (parse, layout, sections, skills, scoring, report
  dict) with the spaCy matcher already compiled, as the dashboard runs it;
- overhead = analyze / pdfplumber − 1 (the issue's target: under 25 %).

Each figure is the median of ``--runs`` runs (default 7) after one warm-up; the two sides
alternate run by run.
Then the CLI cold start: ``jobready analyze SAMPLE`` as a fresh process against the floor
(:data:`FLOOR`: import spaCy and pdfplumber, ``spacy.blank("en")``, extract the text), medians
of ``--cold-runs`` alternating runs; the ratio is issue 8's start-up figure (target ≤ 1.2×).
Last, the whole analysis of :data:`HOSTILE` texts and the reading of :data:`HOSTILE_POSTINGS` (one line of 40,000–80,000 characters made of
words the rules and the taxonomy read again and again), one run each: a rule that costs the length of the line per
match turns these into tens of seconds.

Usage: ``.venv/bin/python scripts/benchmark.py [PDF ...] [--runs N] [--json]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber

from analyzer.postings.parse import parse_posting
from analyzer.postings.read import MAX_CHARS, posting_from_text
from analyzer.report.build import analyze
from analyzer.resume import resume_from_text
from analyzer.resume.sample import SAMPLE_RESUME
from analyzer.skills.matcher import SkillMatcher
from analyzer.startup import loading
from analyzer.taxonomy.loader import load_taxonomy

HOSTILE = {
    "volunteer line": "Ada Example\nVolunteer Work\n" + "Volunteer camp host " * 2000 + "\n",
    "stated totals": "Ada Example\nSummary\n" + "5 years of experience as a " * 3000 + "\n",
    "work line": "Ada Example\nExperience\n" + "Led a team of 5 and improved efficiency; " * 1500 + "\n",
    "skills line": "Ada Example\nSkills\n" + "Python, Java, SQL, Go, R, cloud, cache, " * 1000 + "\n",
    "terms in a bullet": ("Ada Example\nExperience\nDeveloper, Acme  Jan 2011 – Present\n"
                          + "Built REST APIs in Go with Redis cache and AWS cloud; " * 800 + "\n"),
}
"""Generated hostile texts (name → text) for :func:`main`'s last block."""
HOSTILE_POSTINGS = {
    "posting, one line": "Requirements: " + "Python, Java, SQL, Go, R, cloud, cache, " * 2400,
    "posting, nice to have": "Nice to have: " + "Kafka or RabbitMQ, ideally Redis; " * 2800,
}
"""Generated hostile job postings (cut to the reader's 100,000-character limit)."""

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "resumes"


def _paired_medians(first, second, runs: int) -> tuple[float, float]:
    """Medians (s) of ``first()`` and ``second()`` over ``runs`` rounds after one warm-up
    each; the two alternate within a round, so a machine that gets busier or quieter
    during the benchmark moves both alike."""
    first(), second()
    a, b = [], []
    for _ in range(runs):
        start = time.perf_counter()
        first()
        a.append(time.perf_counter() - start)
        start = time.perf_counter()
        second()
        b.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def _plumber_only(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


FLOOR = """
import sys
import pdfplumber
import spacy

nlp = spacy.blank("en")
with pdfplumber.open(sys.argv[1]) as pdf:
    text = "\\n".join(page.extract_text() or "" for page in pdf.pages)
"""
"""The floor of issue 8: a process that imports spaCy and pdfplumber, makes
``spacy.blank("en")`` and extracts the text; any spaCy + pdfplumber tool pays this much."""


def _cli_cold_start(path: Path, runs: int = 5) -> tuple[float, float]:
    """Medians (s) of ``jobready analyze PATH`` and of the :data:`FLOOR` process on the same
    PDF, each a fresh process; the two alternate so a busy machine slows both alike."""
    exe = Path(sys.executable).with_name("jobready")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "analyzer.cli"]
    ours, floor = [], []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", FLOOR, str(path)], check=True, capture_output=True)
        floor.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run([*cmd, "analyze", str(path)], check=True, capture_output=True)
        ours.append(time.perf_counter() - start)
    return statistics.median(ours), statistics.median(floor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cold-runs", type=int, default=7, help="fresh processes per side")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    pdfs = args.pdfs or sorted(CORPUS.glob("*.pdf")) or [SAMPLE_RESUME]

    taxonomy = load_taxonomy()
    start = time.perf_counter()
    with loading():  # as the dashboard and the batch workers compile it
        matcher = SkillMatcher(taxonomy)
    compile_s = time.perf_counter() - start

    rows = []
    for pdf in pdfs:
        plumber, ours = _paired_medians(
            lambda: _plumber_only(pdf),
            lambda: analyze(pdf, taxonomy=taxonomy, matcher=matcher).to_dict(), args.runs)
        rows.append({"file": pdf.name, "pdfplumber_ms": round(plumber * 1000, 1),
                     "analyze_ms": round(ours * 1000, 1),
                     "overhead_pct": round((ours / plumber - 1) * 100, 1)})
    total_plumber = sum(r["pdfplumber_ms"] for r in rows)
    total_ours = sum(r["analyze_ms"] for r in rows)
    result = {
        "runs": args.runs,
        "matcher_compile_ms": round(compile_s * 1000, 1),
        "files": rows,
        "total_overhead_pct": round((total_ours / total_plumber - 1) * 100, 1),
    }
    cold, floor = _cli_cold_start(SAMPLE_RESUME, args.cold_runs)
    result.update({"cli_cold_start_s": round(cold, 2), "floor_s": round(floor, 2),
                   "cold_start_over_floor": round(cold / floor, 2)})
    hostile = {}
    for name, text in HOSTILE.items():
        start = time.perf_counter()
        analyze(resume_from_text(text), taxonomy=taxonomy, matcher=matcher)
        hostile[name] = {"chars": len(text), "seconds": round(time.perf_counter() - start, 2)}
    for name, text in HOSTILE_POSTINGS.items():
        start = time.perf_counter()
        parse_posting(posting_from_text(text[:MAX_CHARS - 1000]), taxonomy, matcher)
        hostile[name] = {"chars": len(text[:MAX_CHARS - 1000]),
                         "seconds": round(time.perf_counter() - start, 2)}
    result["hostile"] = hostile
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{'file':28} {'pdfplumber ms':>14} {'analyze ms':>11} {'overhead':>9}")
    for r in rows:
        print(f"{r['file']:28} {r['pdfplumber_ms']:14.1f} {r['analyze_ms']:11.1f} "
              f"{r['overhead_pct']:8.1f}%")
    print(f"{'all':28} {total_plumber:14.1f} {total_ours:11.1f} {result['total_overhead_pct']:8.1f}%")
    print(f"matcher compile: {result['matcher_compile_ms']} ms; "
          f"CLI cold start (jobready analyze sample): {result['cli_cold_start_s']} s; floor "
          f"(import spaCy + pdfplumber, spacy.blank, extract text): {result['floor_s']} s; "
          f"ratio {result['cold_start_over_floor']}× (target ≤ 1.2×)")
    print("hostile texts: " + "; ".join(f"{name} ({h['chars']:,} characters) {h['seconds']} s"
                                       for name, h in hostile.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
