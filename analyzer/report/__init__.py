"""Stage 3, the report: everything found → one :class:`Report` (JSON and Markdown).

Takes a parsed résumé and/or code sources; runs skills, scoring and checks (:func:`analyze`);
gives a frozen :class:`Report` whose ``to_dict()`` follows ``report.schema.json``
(:func:`report_schema`, ``SCHEMA_VERSION``) and whose ``to_markdown()`` is what a coach reads.

- :mod:`analyzer.report.build`: :func:`analyze`, :class:`Report`;
- :mod:`analyzer.report.markdown`: :func:`render_markdown`.
"""

from analyzer.report.build import SCHEMA_VERSION, Report, analyze, report_schema
from analyzer.report.markdown import render_markdown

__all__ = ["SCHEMA_VERSION", "Report", "analyze", "render_markdown", "report_schema"]
