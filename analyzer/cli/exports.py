"""``jobready export``: a stored report → the PDF, HTML, Markdown or JSON to send."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from analyzer.cli.common import app
from analyzer.cli.common import fail as _fail


class ExportFormat(str, Enum):
    pdf = "pdf"
    html = "html"
    markdown = "markdown"
    json = "json"


_SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "markdown",
             ".markdown": "markdown", ".json": "json"}


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary file renamed into place)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@app.command("export")
def export(
    report_id: Annotated[str, typer.Argument(metavar="ID", help="Stored report id (see `jobready history NAME`).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    format: Annotated[Optional[ExportFormat], typer.Option(
        "--format", "-f", help="Format (default: from the file's suffix).")] = None,
    redact: Annotated[bool, typer.Option("--redact", help="Leave out e-mail, phone and links.")] = False,
    notes: Annotated[bool, typer.Option("--notes", help="Include the coach's notes on the candidate.")] = False,
) -> None:
    """Export a stored report as the document to send the candidate."""
    if not report_id.strip().isdigit():
        _fail(f"{report_id!r} is not a report id: ids are numbers; run `jobready history NAME` "
              "to see them.", 2)
    chosen = format.value if format else _SUFFIXES.get(output.suffix.lower())
    if output.is_dir():
        _fail(f"{output} is a folder: give a file name, such as {output / 'report.pdf'}.", 2)
    if chosen is None:
        _fail(f"The format of {output} is unclear: pass --format pdf, html, markdown or json.", 2)
    if not output.parent.is_dir():
        _fail(f"The folder {output.parent} does not exist: create it or choose another path.", 2)
    if not os.access(output.parent, os.W_OK):
        _fail(f"The folder {output.parent} is not writable: choose another path.", 2)
    from analyzer.exports import export_report
    from analyzer.workspace import open_workspace

    with open_workspace() as ws:
        stored = ws.get_report(int(report_id))
        chosen_notes = [n.to_dict() for n in ws.notes(stored.candidate)] if notes else None
    data = export_report(stored.report, chosen, notes=chosen_notes, redact=redact)
    try:
        _write(output, data)
    except OSError as exc:
        _fail(f"Could not write {output} ({exc.strerror or exc}): choose another path.", 2)
    typer.echo(f"Report {report_id} of {stored.candidate} written to {output} ({chosen}"
               f"{', redacted' if redact else ''}).", err=True)
