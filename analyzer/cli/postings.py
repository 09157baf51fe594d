"""``jobready posting``: read a job posting and print what it asks for (JSON or Markdown)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from analyzer.cli.common import Format, app, loading


def read_posting_arg(path: str):
    """A :class:`PostingText` from a FILE argument or ``-`` (stdin, at most MAX_BYTES + 1 read)."""
    from analyzer.postings.read import MAX_BYTES, read_posting

    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return read_posting(data, name="stdin")
    return read_posting(Path(path))


@app.command()
def posting(
    file: Annotated[str, typer.Argument(help="Posting file (.txt, .md, .html, .pdf) or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    taxonomy: Annotated[Optional[Path], typer.Option(help="Use another skill_taxonomy.yaml.")] = None,
) -> None:
    """Read a job posting: title, seniority, and each skill required or nice to have, with evidence."""
    text = read_posting_arg(file)  # PostingError → "Error: …", exit 2 (see analyzer.cli.main)
    with loading():
        from analyzer.postings import parse_posting
        from analyzer.postings.markdown import posting_markdown
        from analyzer.skills import shared_matcher
        from analyzer.taxonomy.loader import load_taxonomy

        tax = load_taxonomy(taxonomy)
        matcher = shared_matcher(tax)
    parsed = parse_posting(text, tax, matcher)
    for warning in parsed.warnings:
        typer.echo(f"Warning: {warning}", err=True)
    data = parsed.to_dict()
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False) if format is Format.json
               else posting_markdown(data))


__all__ = ["posting", "read_posting_arg"]
