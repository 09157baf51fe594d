"""Print what the résumé parser reads from PDFs: lines with sections, contacts, work entries.

    .venv/bin/python scripts/inspect_resume.py resume.pdf [more.pdf ...] [--lines] [--today 2026-01-31]

A debugging aid for people tuning :mod:`analyzer.resume.pdftext` and :mod:`analyzer.resume.parse`; it
prints the parse time next to pdfplumber's plain ``extract_text`` on the same file.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

import pdfplumber

from analyzer.errors import ResumeError
from analyzer.resume.parse import Resume, parse_resume


def show(resume: Resume, with_lines: bool) -> None:
    """Print one parsed résumé."""
    b = resume.basics
    print(f"  pages={resume.pages} layout={resume.layout} sections={', '.join(resume.sections)}")
    print(f"  name={b.name!r} email={b.email!r} phone={b.phone!r} github={b.github!r}")
    print(f"  linkedin={b.linkedin!r} website={b.website!r} links={list(b.links)}")
    print(f"  headings={resume.headings}")
    for w in resume.work:
        print(f"  work: {w.title!r} @ {w.organization!r} {w.start}..{w.end or 'present'} "
              f"months={w.months} bullets={len(w.bullets)}")
    print(f"  experience_months={resume.experience_months} warnings={list(resume.warnings)}")
    if with_lines:
        for line in resume.lines:
            mark = "#" if line.is_heading else "•" if line.bullet else " "
            print(f"    p{line.page}c{line.column} {line.section:<12} {mark} {line.text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+")
    parser.add_argument("--lines", action="store_true", help="print every line with its section")
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    args = parser.parse_args()
    for path in args.pdfs:
        print(path)
        start = time.perf_counter()
        try:
            resume = parse_resume(path, today=args.today)
        except ResumeError as error:
            print(f"  Error: {error}")
            continue
        parsed = time.perf_counter() - start
        start = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
        plain = time.perf_counter() - start
        print(f"  parse_resume {parsed * 1000:.0f} ms, extract_text {plain * 1000:.0f} ms")
        show(resume, args.lines)


if __name__ == "__main__":
    main()
