"""Stage 1a, the résumé: a PDF (or plain text) → a :class:`Resume` of lines in JSON Resume sections.

Takes PDF bytes or a path (``parse_resume``) or text (``resume_from_text``); gives lines with
page, column and section, ``basics`` (contacts, links, GitHub user), ``work`` entries with dates
and months, and the résumé checks a coach makes (``check_resume``). Only this stage reads PDFs.

- :mod:`analyzer.resume.pdftext` and :mod:`analyzer.resume.pdflimits`: pdfplumber words, size and
  drawing limits (decompression bombs), text clean-up;
- :mod:`analyzer.resume.layout`: words → lines, gutters and columns;
- :mod:`analyzer.resume.sections` and :mod:`analyzer.resume.dates`: headings → sections; date ranges;
- :mod:`analyzer.resume.parse`: the :class:`Resume` itself; :mod:`analyzer.resume.checks`: the checks;
- :mod:`analyzer.resume.sample`: writes the fictional sample résumé the dashboard offers.

Raises :class:`analyzer.errors.InputError` subclasses for files that cannot be read.
"""

from analyzer.resume.checks import check_resume
from analyzer.resume.parse import Basics, Line, Resume, WorkEntry, parse_resume, resume_from_text

__all__ = ["Basics", "Line", "Resume", "WorkEntry", "check_resume", "parse_resume", "resume_from_text"]
