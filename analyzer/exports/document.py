"""One entry point for every export format: :func:`export_report`."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date

from analyzer.exports.redact import redact_notes, redact_report
from analyzer.taxonomy import Taxonomy, load_taxonomy

FORMATS = ("pdf", "html", "markdown", "json")
"""The export formats, in the order the CLI lists them."""


def _notes_markdown(notes: Sequence[Mapping]) -> str:
    lines = ["## Notes from your coach", ""]
    for n in notes:
        day = str(n.get("created_at") or "")[:10]
        text = str(n.get("text", "")).strip().replace("\n", "\n  ")
        lines.append(f"- {day + ': ' if day else ''}{text}")
    return "\n".join(lines + (["No notes yet."] if not notes else []) + [""])


def export_report(report: Mapping, format: str, *, notes: Sequence[Mapping] | None = None,
                  redact: bool = False, taxonomy: Taxonomy | None = None,
                  today: date | None = None) -> bytes:
    """The report in ``format`` (one of :data:`FORMATS`), as bytes ready to write.

    Args:
        report: a report dict (schema 1.x).
        format: ``pdf``, ``html``, ``markdown`` or ``json``.
        notes: the coach's notes to include (``[{"text", "created_at"}]``), or None to leave
            them out. Markdown appends a "Notes from your coach" section; JSON becomes
            ``{"report": …, "notes": […]}`` (without notes it is the report dict itself,
            valid against ``report.schema.json``).
        redact: leave out e-mail, phone and links (reports and notes alike).
        taxonomy: names categories and skills for HTML, PDF and Markdown (default: the
            project's, :func:`analyzer.taxonomy.load_taxonomy`).
        today: export date printed by HTML and PDF (default: today).

    Raises:
        ValueError: an unknown format (the CLI's choices prevent it).
        ExportError: the PDF engine failed.
        TaxonomyError: the default taxonomy file is invalid.
    """
    if format in ("pdf", "html"):
        from analyzer.exports.html import render_html
        from analyzer.exports.pdf import render_pdf

        render = render_pdf if format == "pdf" else render_html
        out = render(report, notes=notes, redact=redact, taxonomy=taxonomy, today=today)
        return out if isinstance(out, bytes) else out.encode("utf-8")
    if format not in FORMATS:
        raise ValueError(f"Unknown export format {format!r}: choose one of {', '.join(FORMATS)}.")
    if redact:
        notes = redact_notes(notes, report) if notes is not None else None
        report = redact_report(report)
    if format == "json":
        data = dict(report) if notes is None else {"report": dict(report), "notes": list(notes)}
        return (json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    from analyzer.report.markdown import render_markdown

    text = render_markdown(dict(report), (taxonomy or load_taxonomy()).categories)
    if notes is not None:
        text = text.rstrip("\n") + "\n\n" + _notes_markdown(notes)
    return (text.rstrip("\n") + "\n").encode("utf-8")
