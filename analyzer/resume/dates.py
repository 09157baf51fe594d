"""Dates and date ranges as résumés write them, and months of experience.

A résumé writes a job's dates in many ways; :func:`find_dates` reads the common ones::

    >>> r = find_dates("Software Engineer, Jan 2020 – Present")[0]
    >>> r.start, r.end, r.present
    (datetime.date(2020, 1, 1), None, True)
    >>> months(r, today=date(2020, 12, 15))
    12

Forms read (case-insensitive; separators ``–``, ``—``, ``-``, ``to``, ``until``, ``through``):
``Jan 2020``, ``Dec' 2015``, ``January 2020``, ``Sept. 2019``, ``Jan '20``, ``06/2019``, ``2019-06``,
``Summer 2018`` (a season), ``2019`` (a year), a whole date (``2/1/2012``, ``15.06.2015``,
``15-06-2015``: month first unless the first number cannot be a month, the same separator
twice), a range of month/two-digit-year points (``4/16 to 10/17``, ``11/17 – Present``; a
lone ``4/10`` is no date), a range of any two of these, a short end
year (``2019–21``), an open end (``Present``, ``Current``, ``Now``, ``Ongoing``, ``to date``,
``onwards``, ``since 2019``), a range whose dash was lost in extraction (``20012006``,
``2005present``), and a dangling range (``June 2020 –``) whose end the caller may
find on the next line (moderncv's date column) with :func:`complete_range`.

Conventions (ours, chosen so that a range reads as written):

* a month is a whole month: ``Jan 2020 – Mar 2020`` is 3 months (the count is inclusive);
* a year alone spans its months: a start year means January, an end year December, so
  ``2019 – 2021`` is 36 months and ``2019`` alone is 12;
* seasons are the months of the northern-hemisphere academic seasons: spring = Mar–May,
  summer = Jun–Aug, fall/autumn = Sep–Nov, winter = Jan–Mar (the "winter quarter");
* placeholders such as ``20XX`` are recognised as dates whose value is unknown (``None``).

Dates are ``datetime.date`` on the first day of the month; months are ``int`` ≥ 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (1, 3),
}
PRESENT_WORDS = (
    "present", "current", "currently", "now", "today", "ongoing", "on-going",
    "to date", "till date", "till now", "date", "onwards", "onward",
)

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEASON = "|".join(SEASONS)
_YEAR = r"(?:19|20)(?:\d\d|[xX?]{2})"
_PRESENT = "|".join(w.replace(" ", r"\s+") for w in sorted(PRESENT_WORDS, key=len, reverse=True))
_DASH = r"(?:\s*[-‐‑‒–—―~→]+\s*|\s+(?:to|until|till|through|thru)\s+)"


def _point(prefix: str) -> str:
    """A regex for one point in time; group names carry ``prefix`` so two points fit in one regex."""
    p = prefix
    return (
        rf"(?:(?P<{p}mon>{_MONTH})\.?['’]?,?\s*(?:(?P<{p}y1>{_YEAR})|['’‘](?P<{p}yy>\d\d))"
        rf"|(?P<{p}season>{_SEASON}),?\s*(?P<{p}y2>{_YEAR})"
        # a whole date: month first (2/1/2012, the US order), day first when it cannot be a month
        rf"|(?P<{p}mnum3>0?[1-9]|1[0-2])\s*(?P<{p}sep3>[/.-])\s*(?P<{p}d3>0?[1-9]|[12]\d|3[01])\s*(?P={p}sep3)\s*(?P<{p}y6>{_YEAR})"
        rf"|(?P<{p}d4>1[3-9]|2\d|3[01])\s*(?P<{p}sep4>[/.-])\s*(?P<{p}mnum4>0?[1-9]|1[0-2])\s*(?P={p}sep4)\s*(?P<{p}y7>{_YEAR})"
        rf"|(?P<{p}mnum>0?[1-9]|1[0-2])\s*[/.]\s*(?P<{p}y3>{_YEAR})"
        rf"|(?P<{p}y4>{_YEAR})\s*[-/.]\s*(?P<{p}mnum2>0[1-9]|1[0-2])(?![\d])"
        rf"|(?P<{p}y5>{_YEAR}))"
    )


_GLUED = rf"(?<=\d)(?=(?:19|20)\d\d(?!\d)|(?:{_PRESENT}|{_MONTH}|{_SEASON})\b)"
"""No separator at all between a year and what ends the range: "20012006", "2005present",
"Fall 2000Fall 2005". Text extracted from some PDFs (and the flattened corpus texts) loses the
en dash; such a range is read only when it runs forward (:func:`find_dates`)."""

_RANGE_RE = re.compile(
    rf"(?<![\w/.])(?:since\s+)?{_point('s_')}"
    rf"(?:(?P<dash>{_DASH}|{_GLUED})(?:(?P<present>{_PRESENT})\b|{_point('e_')}|(?P<short>\d\d)(?!\d))?"
    rf"|\s+(?P<onwards>onwards?)\b)?(?![\w/])",
    re.IGNORECASE,
)
_SHORT_RANGE_RE = re.compile(
    rf"(?<![\w/.])(?P<m1>0?[1-9]|1[0-2])\s*/\s*(?P<y1>\d\d)(?![\d/])\s*(?:[-–—]+|to|until|till|through)\s*"
    rf"(?:(?P<present>{_PRESENT})\b|(?P<m2>0?[1-9]|1[0-2])\s*/\s*(?P<y2>\d\d)(?![\d/]))",
    re.IGNORECASE,
)
"""A range of month/two-digit-year points ("4/16 to 10/17", "11/17 to Present"). Only a range
is read: a lone "4/10" is as often a score or a fraction as a month."""
_LEADING_END_RE = re.compile(rf"^\s*(?:(?P<present>{_PRESENT})\b|{_point('e_')}(?![\w/]))", re.IGNORECASE)


@dataclass(frozen=True)
class DateRange:
    """A date or date range found in a line of text.

    ``start``/``end`` are first-of-month dates, ``None`` when unknown; ``present`` is True when
    the range runs to today (then ``end`` is None). ``dangling`` is True for ``June 2020 –``
    with no end written after the dash. ``precise`` is True when the start names a month or
    season (not a year alone). ``span`` is the (start, stop) character offsets in the text.
    """

    start: date | None
    end: date | None
    present: bool
    is_range: bool
    dangling: bool
    precise: bool
    span: tuple[int, int]


def _year(text: str | None, short: str | None = None) -> int | None:
    if short is not None:
        return 2000 + int(short) if int(short) < 50 else 1900 + int(short)
    if text is None or not text[2:].isdigit():
        return None  # a placeholder such as 20XX
    return int(text)


def _read_point(m: re.Match[str], p: str, *, end: bool) -> tuple[date | None, bool] | None:
    """The date a matched point stands for (first or last month for year/season) and its precision."""
    g = m.groupdict()
    if g.get(p + "mon"):
        year, month = _year(g[p + "y1"], g[p + "yy"]), MONTHS[g[p + "mon"].lower()]
    elif g.get(p + "season"):
        first, last = SEASONS[g[p + "season"].lower()]
        year, month = _year(g[p + "y2"]), last if end else first
    elif g.get(p + "mnum3"):
        year, month = _year(g[p + "y6"]), int(g[p + "mnum3"])
    elif g.get(p + "mnum4"):
        year, month = _year(g[p + "y7"]), int(g[p + "mnum4"])
    elif g.get(p + "mnum"):
        year, month = _year(g[p + "y3"]), int(g[p + "mnum"])
    elif g.get(p + "mnum2"):
        year, month = _year(g[p + "y4"]), int(g[p + "mnum2"])
    elif g.get(p + "y5"):
        return (None if _year(g[p + "y5"]) is None else date(int(g[p + "y5"]), 12 if end else 1, 1)), False
    else:
        return None
    return (None if year is None else date(year, month, 1)), True


def _whole_dates(m: re.Match[str], start: date | None, end: date | None) -> tuple[date | None, int | None]:
    """For a range whose start is a whole date: its end month, read day first when the start
    was ("15/03/2019 to 03/06/2020" ends in June), and its length in days when both ends are
    whole dates (else None)."""
    end_day = m.group("e_d3")
    if m.group("s_mnum4") and m.group("e_mnum3") and end is not None and int(end_day) <= 12:
        end, end_day = end.replace(month=int(end_day)), m.group("e_mnum3")
    start_day = m.group("s_d3") or m.group("s_d4")
    end_day = end_day or m.group("e_d4")
    if start is None or end is None or end_day is None:
        return end, None
    return end, (end.toordinal() + int(end_day)) - (start.toordinal() + int(start_day))


def find_dates(text: str) -> list[DateRange]:
    """Every date or date range in ``text``, left to right; ``[]`` when there is none."""
    found: list[DateRange] = []
    for m in _RANGE_RE.finditer(text):
        start_point = _read_point(m, "s_", end=False)
        if start_point is None:
            continue
        start, precise = start_point
        # A lone point stands for its own span: "Summer 2022" is Jun-Aug, "May 2023" one month.
        end, present, is_range, dangling = _read_point(m, "s_", end=True)[0], False, False, False
        if m.group("present") or m.group("onwards") or m.group(0).lower().startswith("since"):
            end, present, is_range = None, True, True
        elif m.group("short"):
            end_year = _year(None, m.group("short"))
            end = date(end_year, 12, 1) if start and end_year >= start.year else None
            is_range = True
        elif m.group("dash") is not None:
            end_point = _read_point(m, "e_", end=True)
            is_range = True
            if end_point is None:
                dangling = bool(re.search(r"[-–—]\s*$", m.group(0))) or m.end() == len(text)
                end = None
            else:
                end = end_point[0]
            if m.group("dash") == "" and (end is None and not present or start and end and end < start):
                continue  # glued digits that are no forward range ("20062001") are no date
        if m.group("s_mnum3") or m.group("s_mnum4"):
            end, days = _whole_dates(m, start, end)
            if not (is_range and (end or present)) or days is not None and days < 28:
                continue  # a whole date alone ("on Wed 19/11/2014") or a range of days
                # ("23/2/2015 to 05/3/2015", a training course) dates an event, not a job
        found.append(DateRange(start, end, present, is_range, dangling, precise, m.span()))
    for m in _SHORT_RANGE_RE.finditer(text):
        if any(d.span[0] < m.end() and m.start() < d.span[1] for d in found):
            continue
        start = date(_year(None, m.group("y1")), int(m.group("m1")), 1)
        end = None if m.group("present") else date(_year(None, m.group("y2")), int(m.group("m2")), 1)
        if end is None or end >= start:
            found.append(DateRange(start, end, end is None, True, False, True, m.span()))
    return sorted(found, key=lambda d: d.span)


def complete_range(dangling: DateRange, next_text: str) -> tuple[DateRange, int]:
    """Finish ``June 2020 –`` with the end written at the start of the next line.

    Returns the completed range and how many characters of ``next_text`` it used (0 when the
    next line does not start with an end date, and then the range is returned unchanged).
    """
    m = _LEADING_END_RE.match(next_text)
    if not m:
        return dangling, 0
    if m.group("present"):
        return DateRange(dangling.start, None, True, True, False, dangling.precise, dangling.span), m.end()
    end_point = _read_point(m, "e_", end=True)
    end = end_point[0] if end_point else None
    return DateRange(dangling.start, end, False, True, False, dangling.precise, dangling.span), m.end()


def _index(d: date) -> int:
    return d.year * 12 + d.month - 1


def interval(r: DateRange, today: date) -> tuple[int, int] | None:
    """The range as inclusive month indexes (year*12 + month-1), ends clamped to ``today``.

    None when the start is unknown, the end is unknown and not present, or the start is after
    the end (a future job).
    """
    if r.end is None and not r.present:
        return None
    return month_span(r.start, None if r.present else r.end, today)


def month_span(start: date | None, end: date | None, today: date) -> tuple[int, int] | None:
    """Inclusive month indexes from ``start`` to ``end`` (None = present), clamped to ``today``."""
    if start is None:
        return None
    last = _index(today) if end is None else min(_index(end), _index(today))
    first = _index(start)
    return (first, last) if first <= last else None


def months(r: DateRange, today: date) -> int | None:
    """Inclusive month count of a range (``Jan–Mar`` = 3), or None when it cannot be counted."""
    span = interval(r, today)
    return None if span is None else span[1] - span[0] + 1


def union_months(intervals: Iterable[tuple[int, int]]) -> int:
    """Months covered by inclusive month intervals, overlaps counted once; 0 for none."""
    total, current = 0, None
    for first, last in sorted(intervals):
        if current is None or first > current[1] + 1:
            if current is not None:
                total += current[1] - current[0] + 1
            current = (first, last)
        else:
            current = (current[0], max(current[1], last))
    if current is not None:
        total += current[1] - current[0] + 1
    return total
