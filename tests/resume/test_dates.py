"""Dates and ranges as résumés write them: table-driven cases, good and bad side by side."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.resume.dates import complete_range, find_dates, months, union_months

TODAY = date(2026, 3, 15)


@pytest.mark.parametrize(
    ("text", "start", "end", "present", "count"),
    [
        ("Jan 2020 – Present", date(2020, 1, 1), None, True, 75),
        ("January 2020 - Mar 2021", date(2020, 1, 1), date(2021, 3, 1), False, 15),
        ("Sept. 2019 to May 2023", date(2019, 9, 1), date(2023, 5, 1), False, 45),
        ("2019–21", date(2019, 1, 1), date(2021, 12, 1), False, 36),
        ("2019 - 2021", date(2019, 1, 1), date(2021, 12, 1), False, 36),
        ("06/2019 – 08/2020", date(2019, 6, 1), date(2020, 8, 1), False, 15),
        ("2019-06 – 2020-01", date(2019, 6, 1), date(2020, 1, 1), False, 8),
        # whole dates: month first (US), day first when the first number cannot be a month
        ("2/1/2012 - Current", date(2012, 2, 1), None, True, 170),
        ("02/01/2019 - 03/15/2020", date(2019, 2, 1), date(2020, 3, 1), False, 14),
        ("15/03/2019 to 30/06/2020", date(2019, 3, 1), date(2020, 6, 1), False, 16),
        ("15/03/2019 to 03/06/2020", date(2019, 3, 1), date(2020, 6, 1), False, 16),  # day first too
        ("Intern (15-06-2015 to 30-07-2015)", date(2015, 6, 1), date(2015, 7, 1), False, 2),  # not "to 30" = 2030
        ("15.06.2015 - 30.07.2015", date(2015, 6, 1), date(2015, 7, 1), False, 2),
        ("Linux kernel engineer Sept ’17 – Dec ’19", date(2017, 9, 1), date(2019, 12, 1), False, 28),  # curly quote
        ("FrontEnd Developer 4/16 to 10/17 - Acme, BC.", date(2016, 4, 1), date(2017, 10, 1), False, 19),
        ("Jan '20 - Feb '21", date(2020, 1, 1), date(2021, 2, 1), False, 14),
        ("Summer 2018", date(2018, 6, 1), date(2018, 8, 1), False, 3),
        ("Fall 2021 – Spring 2022", date(2021, 9, 1), date(2022, 5, 1), False, 9),
        ("May 2023", date(2023, 5, 1), date(2023, 5, 1), False, 1),
        ("January 2016 to Present", date(2016, 1, 1), None, True, 123),
        ("September 2017 onwards", date(2017, 9, 1), None, True, 103),
        ("since 2019", date(2019, 1, 1), None, True, 87),
        ("June 2023 – current", date(2023, 6, 1), None, True, 34),
        ("Mar 2025 – Dec 2027", date(2025, 3, 1), date(2027, 12, 1), False, 13),  # clamped to today
        ("Software Engineer, Acme | Feb 2024 – Now | Remote", date(2024, 2, 1), None, True, 26),
        # the dash lost in extraction
        ("20072013    Systems Designer", date(2007, 1, 1), date(2013, 12, 1), False, 84),
        ("2005present: Acme", date(2005, 1, 1), None, True, 255),
        ("Fall 2000Fall  2005", date(2000, 9, 1), date(2005, 11, 1), False, 63),
    ],
)
def test_find_dates_reads_ranges(text, start, end, present, count):
    found = find_dates(text)
    assert len(found) == 1
    r = found[0]
    assert (r.start, r.end, r.present) == (start, end, present)
    assert months(r, TODAY) == count


@pytest.mark.parametrize(
    "text",
    ["(312) 555-0123", "Cum. GPA: 3.83 / 4.0", "1/2", "US Patent 11,234,567", "over 5000 lines", "May I help",
     "Python 3.11", "port 8080", "52/2500 applicants", "order 20132009", "on Wed 19/11/2014",
     "from 23/2/2015 to 05/3/2015 for 28 training hours",
     "13/13/2012", "Rated 4/10 by peers", "24/7 support"],
)
def test_find_dates_ignores_numbers_that_are_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "start", "present"),
    [("Month 20XX – Ongoing", None, True), ("20XX – 20XX", None, False)],
)
def test_placeholder_years_are_dates_of_unknown_value(text, start, present):
    r = find_dates(text)[0]
    assert (r.start, r.present, r.is_range) == (start, present, True)
    assert months(r, TODAY) is None


@pytest.mark.parametrize(
    ("first", "second", "end", "present", "used"),
    [
        ("June 2020 –", "Present Working on the API", None, True, 7),
        ("July 2015 –", "May 2020 Developed services", date(2020, 5, 1), False, 8),
        ("June 2020 –", "Working on the API", None, False, 0),
    ],
)
def test_complete_range_takes_the_end_from_the_next_line(first, second, end, present, used):
    dangling = find_dates(first)[0]
    assert dangling.dangling
    done, consumed = complete_range(dangling, second)
    assert (done.end, done.present, consumed) == (end, present, used)


def test_dangling_range_is_detected_before_other_text():
    r = find_dates("June 2020 – MERN Stack Developer, OpenAI")[0]
    assert (r.start, r.end, r.dangling) == (date(2020, 6, 1), None, True)


@pytest.mark.parametrize(
    ("intervals", "total"),
    [
        ([], 0),
        ([(0, 11)], 12),
        ([(0, 11), (6, 17)], 18),  # overlap counted once
        ([(0, 5), (6, 11)], 12),  # adjacent
        ([(0, 5), (12, 17)], 12),  # a gap is not counted
        ([(10, 20), (0, 30)], 31),  # nested
    ],
)
def test_union_months(intervals, total):
    assert union_months(intervals) == total


@given(st.lists(st.tuples(st.integers(0, 600), st.integers(0, 60)), max_size=12))
def test_union_is_at_most_the_sum_and_at_least_the_longest(pairs):
    intervals = [(a, a + n) for a, n in pairs]
    total = union_months(intervals)
    lengths = [b - a + 1 for a, b in intervals]
    assert max(lengths, default=0) <= total <= sum(lengths)


@given(st.text(max_size=80))
def test_find_dates_never_raises_and_spans_are_inside_the_text(text):
    for r in find_dates(text):
        assert 0 <= r.span[0] < r.span[1] <= len(text)
        count = months(r, TODAY)
        assert count is None or count >= 1
