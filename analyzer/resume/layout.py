"""Page layout: positioned words → reading-order regions (columns, bands) → lines of words.

:mod:`analyzer.resume.pdftext` reads the words of a page with pdfplumber; this module only does
geometry on them, with no PDF or file access::

    >>> regions, has_columns = split_regions(words)      # [(column, words), ...]
    >>> lines = [group_lines(ws) for _, ws in regions]   # each line's words, left to right

* :func:`find_gutter` finds the vertical gutter of a two-column or sidebar page, and tells a
  label column (moderncv's dates, section headings beside the text) from a real sidebar;
* :func:`split_regions` cuts a page into a full-width header, full-width bands and, between
  them, the left column read before the right one (``column`` 0 full width, 1 left, 2 right);
* :func:`group_lines` groups a region's words into lines by baseline, keeping overlapping
  layers apart and putting superscripts and raised letters back on their line.

Coordinates are PDF points from the page's top-left, as pdfplumber gives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from analyzer.resume.dates import PRESENT_WORDS, find_dates
from analyzer.resume.sections import section_for_heading

# A column gutter is a vertical strip at least this wide (pt) that column text never crosses.
MIN_GUTTER = 6.0
# Rows whose segments are further apart than this (in em) are separate segments (columns).
SEGMENT_GAP_EM = 1.0
# moderncv puts dates in a narrow left column beside each entry: when this share of the
# narrow side's rows sit on the same baseline as text on the other side and half of them are
# labels (dates, headings), the page is one column read row by row, not two columns.
ROW_ALIGNED_SHARE = 0.75
# Work bounds, so a hostile page (thousands of words drawn on one spot or one baseline) costs
# seconds, not minutes; measured on the corpus, a baseline holds ≤ 2 layers of text, a line ≤ 20
# words and two neighbouring lines ≤ 323 word pairs, so real pages are laid out exactly as before.
MAX_LAYERS = 8  # lines of one baseline a word is tried against (the latest)
MAX_COMPARED = 64  # words of a line a new word is compared with (the latest placed)
MAX_PAIRS = 4096  # word pairs compared before two lines are joined (more: they stay apart)


@dataclass
class Word:
    """One word as placed on the page: box in pt, font size in pt, bold and icon-font flags.

    An icon-font or ``(cid:N)``-only word keeps its box (it can mark a bullet) but has no text.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    icon: bool


def _runs(row: list[Word]) -> list[list[Word]]:
    """The runs of a row, left to right: words separated by gaps up to SEGMENT_GAP_EM."""
    runs: list[list[Word]] = []
    right = 0.0  # the right edge of the last run
    for w in sorted(row, key=lambda w: w.x0):
        if runs and w.x0 - right <= SEGMENT_GAP_EM * max(w.size, 1.0):
            runs[-1].append(w)
            right = max(right, w.x1)
        else:
            runs.append([w])
            right = w.x1
    return runs


def _segments(row: list[Word]) -> list[tuple[float, float]]:
    """x-extents of the runs of a row."""
    return [(min(w.x0 for w in run), max(w.x1 for w in run)) for run in _runs(row)]


def find_gutter(rows: list[list[Word]]) -> float | None:
    """The x (pt) of a vertical gutter between two columns, or None for one column.

    The gutter is the widest strip (≥ MIN_GUTTER) crossed by the fewest rows (at most a
    fifth: the full-width header and bands), with at least three rows of text on each side.
    A page whose narrow side sits row by row beside the other side and holds labels (dates
    as in moderncv's date column, or section headings) is one column read row by row.
    """
    segments = [_segments(row) for row in rows]
    flat = [s for segs in segments for s in segs]
    if len(rows) < 6 or not flat:
        return None
    left, right = int(min(a for a, _ in flat)), int(max(b for _, b in flat)) + 1
    steps = [0] * (right - left + 2)  # +1 where a segment's inside starts, -1 after it ends
    for segs in segments:
        for a, b in segs:
            if int(a) + 1 < int(b):
                steps[int(a) - left + 1] += 1
                steps[int(b) - left] -= 1
    cover = list(accumulate(steps))[: right - left + 1]
    best: tuple[int, float, float] | None = None  # (crossings, -width, centre)
    start = None
    limit = max(1, len(rows) // 5)
    for i, c in enumerate(cover + [limit + 1]):
        if c <= limit and start is None:
            start = i
        elif c > limit and start is not None:
            width = i - start
            low = min(cover[start:i]) if i <= len(cover) else 0
            if width >= MIN_GUTTER and start > 0 and i < len(cover):
                candidate = (low, -width, left + (start + i) / 2)
                best = candidate if best is None or candidate < best else best
            start = None
    if best is None:
        return None
    gutter = best[2]
    sides = [_side(segs, gutter) for segs in segments]
    both = sides.count("both")
    lefts, rights = sides.count("left") + both, sides.count("right") + both
    if min(lefts, rights) < 3:
        return None
    if both >= ROW_ALIGNED_SHARE * min(lefts, rights):
        # The narrow side sits row by row beside the other. When its rows are labels (dates as
        # in moderncv, or section headings) it is a table read row by row; otherwise it is a
        # sidebar that happens to share the main column's baseline grid.
        narrow = "left" if lefts <= rights else "right"
        texts = [" ".join(w.text for w in row if (w.x1 <= gutter) == (narrow == "left")).strip()
                 for row, side in zip(rows, sides) if side in (narrow, "both")]
        labels = sum(1 for t in texts if _is_label(t))
        if labels >= 0.5 * len(texts):
            return None
    return gutter


def _is_label(text: str) -> bool:
    """A cell of a label column: a section heading, "Present", or (mostly) a date."""
    dated = sum(r.span[1] - r.span[0] for r in find_dates(text))
    return text.lower() in PRESENT_WORDS or section_for_heading(text) is not None or dated >= 0.6 * len(text) > 0


def _crosses(run: list[Word], gutter: float) -> bool:
    return min(w.x0 for w in run) < gutter < max(w.x1 for w in run)


def _side(segs: list[tuple[float, float]], gutter: float) -> str:
    if any(a < gutter < b for a, b in segs):
        return "cross"
    has_left = any(b <= gutter for _, b in segs)
    has_right = any(a >= gutter for a, _ in segs)
    return "both" if has_left and has_right else "left" if has_left else "right"


def split_regions(words: list[Word]) -> tuple[list[tuple[int, list[Word]]], bool]:
    """Words cut into reading-order regions ``(column, words)``; True when the page has columns.

    A row is *wide* when it crosses the gutter and reaches a third of the way into both
    columns. The header is every row down to the last wide row before the first three
    narrow rows in a row (column 0, read row by row); further down, wide rows are full-width
    bands, and between them the left column (1) is read before the right column (2). A short
    label straddling the gutter (a chart caption) stays in the column of its centre.
    """
    rows = group_lines(words)  # page rows: left and right words on one baseline share a row
    gutter = find_gutter(rows)
    if gutter is None:
        return [(0, words)], False
    page_left, page_right = min(w.x0 for w in words), max(w.x1 for w in words)
    reach_left = gutter - (gutter - page_left) / 3
    reach_right = gutter + (page_right - gutter) / 3
    wide = [
        _side(_segments(row), gutter) == "cross"
        and min(w.x0 for w in row) < reach_left and max(w.x1 for w in row) > reach_right
        for row in rows
    ]
    header_end, narrow_run = -1, 0
    for i, is_wide in enumerate(wide):
        narrow_run = 0 if is_wide else narrow_run + 1
        if narrow_run >= 3:
            break
        if is_wide:
            header_end = i
    # Rows that end before the later of the two columns starts are header too (a short name).
    narrow_runs = [(max(w.x1 for w in run) <= gutter, run) for row, is_wide in zip(rows, wide)
                   if not is_wide for run in _runs(row) if not _crosses(run, gutter)]
    firsts = [min((w.top for left_side, run in narrow_runs if left_side == is_left for w in run), default=None)
              for is_left in (True, False)]
    if None not in firsts:
        body_top = max(f for f in firsts if f is not None)
        header_end = max([header_end] + [i for i, row in enumerate(rows) if max(w.bottom for w in row) < body_top])
    regions: list[tuple[int, list[Word]]] = []
    band: list[list[Word]] = []

    def flush() -> None:
        runs = [run for row in band for run in _runs(row)]
        centre = {id(run): (min(w.x0 for w in run) + max(w.x1 for w in run)) / 2 for run in runs}
        regions.append((1, [w for run in runs if centre[id(run)] < gutter for w in run]))
        regions.append((2, [w for run in runs if centre[id(run)] >= gutter for w in run]))
        band.clear()

    for i, row in enumerate(rows):
        if i <= header_end or wide[i]:
            flush()
            if regions and regions[-1][0] == 0:
                regions[-1][1].extend(row)
            else:
                regions.append((0, list(row)))
        else:
            band.append(row)
    flush()
    return [(column, ws) for column, ws in regions if ws], True


def group_lines(words: list[Word]) -> list[list[Word]]:
    """Words of one region grouped into lines by baseline, top to bottom, each left to right.

    Words on one baseline that overlap horizontally belong to different layers (a heading
    drawn over text) and go to separate lines.
    """
    lines: list[list[Word]] = []
    cluster: list[list[Word]] = []
    ref: Word | None = None
    for w in sorted(words, key=lambda w: (w.bottom, w.x0)):
        if ref is None or w.bottom - ref.bottom > 0.4 * min(w.size, ref.size):
            lines.extend(cluster)
            cluster, ref = [], w
        for line in cluster[-MAX_LAYERS:]:
            if _fits(w, line[-MAX_COMPARED:]):
                line.append(w)
                break
        else:
            cluster.append([w])
    lines.extend(cluster)
    lines.sort(key=lambda ws: min(w.top for w in ws))
    return [sorted(ws, key=lambda w: w.x0) for ws in _merge_raised(lines)]


def _fits(w: Word, line: list[Word]) -> bool:
    """Whether a word on a line's baseline belongs to it: no overlap, and a similar size or close by."""
    if any(w.x0 < o.x1 - 0.5 and o.x0 < w.x1 - 0.5 for o in line):
        return False
    near = min(line, key=lambda o: max(w.x0 - o.x1, o.x0 - w.x1))
    big, small = max(w.size, near.size), max(min(w.size, near.size), 1.0)
    return big <= 1.5 * small or max(w.x0 - near.x1, near.x0 - w.x1) <= 2 * small


def _merge_raised(lines: list[list[Word]]) -> list[list[Word]]:
    """Put superscripts and raised letters ("1st", the A of LaTeX) back on their line.

    A line joins the previous one when they overlap vertically by half the shorter height,
    no words overlap horizontally and a word of one is within 1 em of a word of the other
    (so a big name beside a small contact line stays apart).
    """
    merged: list[list[Word]] = []
    for line in lines:
        if merged:
            prev = merged[-1]
            top, bottom = min(w.top for w in line), max(w.bottom for w in line)
            ptop, pbottom = min(w.top for w in prev), max(w.bottom for w in prev)
            overlap = min(bottom, pbottom) - max(top, ptop)
            pairs = [(w, o) for w in line for o in prev] if len(line) * len(prev) <= MAX_PAIRS else []
            if (
                pairs and overlap >= 0.5 * min(bottom - top, pbottom - ptop)
                and not any(w.x0 < o.x1 - 0.5 and o.x0 < w.x1 - 0.5 for w, o in pairs)
                and any(max(w.x0 - o.x1, o.x0 - w.x1) <= min(w.size, o.size) for w, o in pairs)
            ):
                prev.extend(line)
                continue
        merged.append(line)
    return merged
