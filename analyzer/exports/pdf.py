"""The PDF export: the HTML export (:mod:`.html`) printed to A4 by WeasyPrint.

WeasyPrint lays out the page with Pango and HarfBuzz (Debian: ``libpango-1.0-0``,
``libpangoft2-1.0-0``, ``fonts-dejavu-core``; ``scripts/setup.sh`` installs them) and
follows the stylesheet's print rules: A4 pages with the candidate's name and "page N of M"
in the footer, cards and table rows kept whole across page breaks, long links wrapped.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date

from analyzer.errors import ExportError
from analyzer.exports.html import render_html
from analyzer.taxonomy import Taxonomy


def render_pdf(report: Mapping, *, notes: Sequence[Mapping] | None = None,
               redact: bool = False, taxonomy: Taxonomy | None = None,
               today: date | None = None) -> bytes:
    """The report as PDF bytes (A4); same arguments as :func:`analyzer.exports.html.render_html`.

    Raises:
        ExportError: WeasyPrint or its system libraries failed (a missing Pango …).
    """
    html = render_html(report, notes=notes, redact=redact, taxonomy=taxonomy, today=today)
    try:
        from weasyprint import HTML

        # WeasyPrint logs every CSS property it does not support at WARNING level; the
        # stylesheet is ours and tested, so only errors would be news
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        return HTML(string=html, base_url=None).write_pdf()
    except OSError as exc:  # a missing shared library (cannot load library 'pango-1.0-0')
        raise ExportError(f"The PDF could not be made ({exc}): install WeasyPrint's system "
                          "libraries with scripts/setup.sh, or export --format html.") from exc
