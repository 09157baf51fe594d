"""When a résumé was written, and the date column printed beside its text.

"Present" on a résumé means the day it was written, not the day it is read: a résumé
from 2023 that says "Jun 2020 – Present" claims three years, not six.
:func:`resume_date` finds that day, in this order:

1. a "last updated" line ("Last updated: March 2024", "Updated 05/2024", "Revised Jan 2025");
2. the PDF's creation date, when it is plausible: not after ``today`` and not before any
   start or end date of a role (a template's creation date can be older than its content);
3. ``today``.

Some templates (moderncv) print dates in a left column, so the text reader glues the end of a
range to the next line's sentence ("June 2020 –" / "Present Working on the ChatGPT project").
:func:`date_column_cuts` says how many characters of each line are such a date, so quotes
keep the sentence only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from analyzer.resume.dates import complete_range, find_dates
from analyzer.resume.pdftext import TextLine

AS_OF_SOURCES = ("last updated line", "PDF creation date", "today")
"""Where :func:`resume_date` took the date from, as the report names it."""

_UPDATED_RE = re.compile(
    r"\b(?:last\s+)?(?:updated|revised|modified)(?:\s+(?:on|in))?\s*[:\-–—]?\s*", re.IGNORECASE)


def _updated_line(texts: Sequence[str], today: date) -> date | None:
    for text in texts:
        for m in _UPDATED_RE.finditer(text):
            found = find_dates(text[m.end():])
            if found and found[0].span[0] == 0 and found[0].start is not None:
                return min(found[0].start, today)
    return None


def _not_before(created: date, written: date) -> bool:
    """The creation month is not before a date the résumé writes (a December may be a year alone)."""
    if written.month == 12:
        return created.year >= written.year
    return (created.year, created.month) >= (written.year, written.month)


def resume_date(
    texts: Sequence[str], work_dates: Sequence[date], created: date | None, today: date,
) -> tuple[date, str]:
    """The date the résumé speaks from, and which of :data:`AS_OF_SOURCES` gave it.

    Args:
        texts: every line of the résumé, in reading order.
        work_dates: start and end dates of its roles (a plausible creation date is not before
            them; an end in December may stand for a year alone, so only its year is compared).
        created: the PDF's creation date (first of its month is enough), or None.
        today: the clock.

    Returns:
        ``(as_of, source)``; ``as_of`` is never after ``today``.
    """
    updated = _updated_line(texts, today)
    if updated is not None:
        return updated, AS_OF_SOURCES[0]
    if created is not None and created <= today and all(_not_before(created, d) for d in work_dates):
        return created, AS_OF_SOURCES[1]
    return today, AS_OF_SOURCES[2]


def date_column_cuts(lines: Sequence[TextLine]) -> list[int]:
    """For each line, how many leading characters are the end of the previous line's range.

    ``["June 2020 – MERN Developer", "Present Working on …"]`` gives ``[0, 8]``: the second
    line's sentence starts after "Present ". A line that would be left empty is not cut.
    """
    cuts = [0] * len(lines)
    for i in range(1, len(lines)):
        ranges = find_dates(lines[i - 1].text)
        dangling = next((r for r in ranges if r.dangling), None)
        if dangling is None:
            continue
        text = lines[i].text
        _, used = complete_range(dangling, text)
        if used and text[used:].strip():
            cuts[i] = len(text) - len(text[used:].lstrip())
    return cuts
