"""The workspace commands: ``candidates``, ``history``, ``compare``, ``note``, ``tag``,
``cohort``, ``cohorts``, ``delete`` (and the ``--save`` half of ``analyze``, see :func:`save_report_cli`).

Each parses its options, opens the workspace (``--database URL``, else ``$DATABASE_URL``,
else the SQLite file in the user's data folder), calls one :class:`Workspace` method and
prints what it returns: a table for people, or ``--format json`` for scripts.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from analyzer.cli.common import app

Database = Annotated[Optional[str], typer.Option(
    "--database", metavar="URL",
    help="Workspace database URL (default: $DATABASE_URL, else a SQLite file in the user's "
         "data folder).")]


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class DocumentFormat(str, Enum):
    markdown = "markdown"
    json = "json"


def _open(database: str | None):
    from analyzer.workspace import open_workspace

    return open_workspace(database)


def _json(value) -> None:
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False))


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


@app.command()
def candidates(
    cohort: Annotated[Optional[str], typer.Option(help="Only the members of this cohort.")] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    database: Database = None,
) -> None:
    """List the candidates with their latest score and number of reports."""
    with _open(database) as ws:
        found = ws.candidates(cohort=cohort)
    if format is ListFormat.json:
        _json([c.to_dict() for c in found])
    elif not found:
        typer.echo("No candidates yet: save one with `jobready analyze RESUME --save "
                   "--candidate NAME`.", err=True)
    else:
        typer.echo(_table(
            ["Candidate", "Reports", "Latest score", "Latest report", "Tags", "Cohorts"],
            [[c.name, str(c.reports), _score(c.latest_score),
              c.latest_at.strftime("%Y-%m-%d %H:%M") if c.latest_at else "–",
              ", ".join(c.tags), ", ".join(c.cohorts)] for c in found]))


@app.command()
def history(
    name: Annotated[str, typer.Argument(help="Candidate name.")],
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    database: Database = None,
) -> None:
    """List a candidate's reports, oldest first (JSON: id, created_at, score …)."""
    with _open(database) as ws:
        entries = ws.history(name)
    if format is ListFormat.json:
        _json([e.to_dict() for e in entries])
        return
    typer.echo(_table(["Report", "Saved (UTC)", "Score", "Change", "Kept file"], [
        [str(e.id), e.created_at.strftime("%Y-%m-%d %H:%M"), _score(e.score),
         "" if n == 0 or e.score is None or entries[n - 1].score is None
         else f"{e.score - entries[n - 1].score:+.1f}", e.kept_file or ""]
        for n, e in enumerate(entries)]))


@app.command()
def compare(
    id_a: Annotated[int, typer.Argument(metavar="ID_A", help="The earlier report's id.")],
    id_b: Annotated[int, typer.Argument(metavar="ID_B", help="The later report's id.")],
    format: Annotated[DocumentFormat, typer.Option("--format", "-f")] = DocumentFormat.markdown,
    database: Database = None,
) -> None:
    """What changed between two reports: skills, groups, gaps, checks and the score."""
    from analyzer.workspace import compare_reports

    with _open(database) as ws:
        before, after = ws.get_report(id_a), ws.get_report(id_b)
    labels = tuple(f"report {r.id} ({r.candidate}, {r.created_at:%Y-%m-%d})"
                   for r in (before, after))
    result = compare_reports(before.report, after.report, labels=labels)
    if format is DocumentFormat.json:
        _json({"before_id": before.id, "after_id": after.id, **result.to_dict()})
    else:
        typer.echo(result.to_markdown(), nl=False)


@app.command()
def note(
    name: Annotated[str, typer.Argument(help="Candidate name.")],
    text: Annotated[Optional[str], typer.Argument(
        help="The note, in quotes; leave it out to list the candidate's notes.")] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    database: Database = None,
) -> None:
    """Add a note to a candidate (or, without TEXT, list their notes)."""
    with _open(database) as ws:
        if text is not None:
            note_id = ws.add_note(name, text)
            typer.echo(f"Note {note_id} added for {name}.", err=True)
            return
        notes = ws.notes(name)
    if format is ListFormat.json:
        _json([n.to_dict() for n in notes])
    for entry in notes if format is ListFormat.text else ():
        typer.echo(f"{entry.created_at:%Y-%m-%d %H:%M}  {entry.text}")


@app.command()
def tag(
    name: Annotated[str, typer.Argument(help="Candidate name.")],
    tags: Annotated[Optional[list[str]], typer.Argument(help="Tags to add.")] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Take the tags off instead.")] = False,
    database: Database = None,
) -> None:
    """Put tags on a candidate (or take them off with --remove); prints their tags."""
    with _open(database) as ws:
        for label in tags or ():
            (ws.remove_tag if remove else ws.add_tag)(name, label)
        typer.echo(", ".join(ws.tags(name)) or "(no tags)")


@app.command()
def cohort(
    name: Annotated[str, typer.Argument(help="Cohort name.")],
    add: Annotated[Optional[list[str]], typer.Option(
        "--add", metavar="CANDIDATE", help="Put a saved candidate in the cohort first.")] = None,
    posting: Annotated[Optional[Path], typer.Option(
        help="Add a target posting (.txt, .md, .html or .pdf) to the cohort first.")] = None,
    format: Annotated[DocumentFormat, typer.Option("--format", "-f")] = DocumentFormat.markdown,
    database: Database = None,
) -> None:
    """Show a cohort: candidates, common gaps, group matrix, similar groups, postings."""
    with _open(database) as ws:
        for person in add or ():
            ws.add_to_cohort(person, name)
        if posting is not None:
            from analyzer.postings import parse_posting, read_posting
            from analyzer.taxonomy import load_taxonomy

            text = read_posting(posting)  # PostingError (an InputError) for a bad file
            parsed = parse_posting(text, load_taxonomy())
            ws.add_posting(name, parsed.title or posting.stem, text.text, parsed.to_dict())
        analysis = ws.cohort(name)
    if format is DocumentFormat.json:
        _json(analysis.to_dict())
    else:
        typer.echo(analysis.to_markdown(), nl=False)


@app.command()
def cohorts(
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    database: Database = None,
) -> None:
    """List the cohorts with their number of candidates and target postings."""
    with _open(database) as ws:
        found = ws.cohorts()
    if format is ListFormat.json:
        _json([c.to_dict() for c in found])
    elif not found:
        typer.echo("No cohorts yet: save a report with --cohort NAME to start one.", err=True)
    else:
        typer.echo(_table(["Cohort", "Candidates", "Postings"],
                          [[c.name, str(c.candidates), str(c.postings)] for c in found]))


@app.command()
def delete(
    name: Annotated[str, typer.Argument(help="Candidate name.")],
    database: Database = None,
) -> None:
    """Delete a candidate with every report, note and kept file of theirs."""
    with _open(database) as ws:
        gone = ws.delete_candidate(name)
    typer.echo(f"Deleted {gone.candidate}: {gone.reports} report(s), {gone.notes} note(s), "
               f"{gone.files} kept file(s).", err=True)


def open_for_save(database: str | None):
    """``analyze --save``: open the workspace before the analysis, so a database that
    cannot be used fails at once, not after the résumé was read."""
    return _open(database)


def save_report_cli(ws, report: dict, *, candidate: str | None, cohort: str | None,
                    inputs: dict[str, bytes], resume_file: Path | None) -> int:
    """``analyze --save``: store ``report`` in ``ws`` and print its id on stderr.

    ``candidate`` defaults to the name on the résumé. ``resume_file`` is the PDF to keep
    (``--keep-file``), else None. Returns the report id.
    """
    from analyzer.errors import InputError

    name = candidate or (report.get("candidate") or {}).get("name")
    if not name:
        raise InputError("The résumé shows no name to save the report under: "
                         "pass --candidate NAME.")
    report_id = ws.save_report(
        name, report, cohort=cohort, inputs=inputs,
        resume_file=resume_file.read_bytes() if resume_file else None,
        resume_filename=resume_file.name if resume_file else None)
    typer.echo(f"Saved report {report_id} for {' '.join(name.split())} in {ws.location}.",
               err=True)
    return report_id
