"""``jobready batch``: every résumé PDF in a folder → one stored report each + a summary CSV."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from analyzer.cli.common import app
from analyzer.cli.common import fail as _fail

SUMMARY_NAME = "batch_summary.csv"


class BatchFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("batch")
def batch(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Folder of résumé PDFs.")],
    cohort: Annotated[Optional[str], typer.Option(help="Cohort every candidate joins.")] = None,
    github_csv: Annotated[Optional[Path], typer.Option(
        "--github-csv", help="CSV with the columns file,github: whose GitHub to read per résumé.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (1 = no pool).")] = 1,
    dask: Annotated[Optional[str], typer.Option(
        "--dask", metavar="ADDRESS", help="Run on this Dask scheduler (tcp://host:8786) instead.")] = None,
    out: Annotated[Path, typer.Option(help=f"Folder for {SUMMARY_NAME}.")] = Path("."),
    format: Annotated[BatchFormat, typer.Option("--format", "-f", help="What to print on stdout.")] = BatchFormat.text,
) -> None:
    """Analyse every résumé PDF in DIR and store one report per candidate."""
    from analyzer.workspace.batch import find_resumes, read_github_csv, run_batch, write_summary

    if workers < 1:
        _fail(f"--workers must be 1 or more, not {workers}: give a number of processes.", 2)
    files = find_resumes(folder)  # InputError: not a folder / no PDF
    github = read_github_csv(github_csv) if github_csv else {}
    unknown = sorted(set(github) - {f.name for f in files})
    if unknown:
        typer.echo(f"Warning: the GitHub CSV names files that are not in {folder}: "
                   f"{', '.join(unknown[:5])}{' …' if len(unknown) > 5 else ''}.", err=True)
    if not out.is_dir():
        _fail(f"The folder {out} does not exist: create it or pass another --out.", 2)
    summary = out / SUMMARY_NAME

    from tqdm import tqdm

    from analyzer.workspace import open_workspace

    # disable=None: the bar shows on a terminal and stays silent when stderr is a file
    with open_workspace() as ws, tqdm(total=len(files), unit="résumé", file=sys.stderr,
                                      disable=None, desc="Analysing") as bar:
        result = run_batch(files, ws, cohort=cohort, github=github, workers=workers,
                           dask_address=dask, progress=lambda done, total, name: bar.update(1))
    try:
        write_summary(result.rows, summary)
    except OSError as exc:
        _fail(f"Could not write {summary} ({exc.strerror or exc}): pass another --out.", 2)

    for row in result.failed:
        typer.echo(f"Failed: {Path(row.file).name}: {row.error}", err=True)
    if format is BatchFormat.json:
        typer.echo(json.dumps({"summary": str(summary), "seconds": round(result.seconds, 3),
                               "rows": [r.__dict__ for r in result.rows]}, indent=2, ensure_ascii=False))
    else:
        typer.echo(f"{len(result.saved)} of {len(result.rows)} résumés analysed and saved"
                   f"{f' to cohort {cohort}' if cohort else ''} in {result.seconds:.1f} s; "
                   f"summary: {summary}")
    if result.failed:
        _fail(f"{len(result.failed)} of {len(result.rows)} files failed: the reasons are listed "
              f"above and in {summary}.", 1)
