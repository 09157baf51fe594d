"""Exports: a stored or fresh report turned into the document a coach sends a candidate.

Takes a report dict (``Report.to_dict()``, or one read back from the workspace), optionally
the coach's notes (``[{"text": …, "created_at": …}]``) and the taxonomy's category names;
gives bytes in one of :data:`FORMATS`:

- ``html``: one self-contained page (Jinja2 templates in ``templates/``, chart inlined);
- ``pdf``: the same page printed to A4 by WeasyPrint;
- ``markdown`` and ``json``: the report's own renderers (:mod:`analyzer.report`).

``redact=True`` leaves out the candidate's e-mail, phone and links everywhere
(:mod:`.redact`). This package sits beside the workspace and never imports it: the caller
reads the report and the notes and passes them in::

    data = export_report(report_dict, "pdf", notes=notes, redact=True)
    Path("casey.pdf").write_bytes(data)
"""

from __future__ import annotations

from analyzer.errors import ExportError
from analyzer.exports.document import FORMATS, export_report
from analyzer.exports.html import render_html
from analyzer.exports.pdf import render_pdf
from analyzer.exports.redact import redact_report

__all__ = ["FORMATS", "ExportError", "export_report", "redact_report", "render_html", "render_pdf"]
