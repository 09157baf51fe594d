"""Limits on what a PDF page may draw, measured before pdfminer interprets the page.

A small file can inflate to hundreds of MB of drawing instructions (a decompression bomb),
and pdfminer's time and memory grow with what it interprets, so :func:`check_drawing`
decodes each page's content streams and the Form XObjects it draws — never past the
limit — and counts the bytes of the text strings it shows. Past a limit it raises
:class:`analyzer.errors.PdfTooLargeError` with one sentence naming the file and page.
"""

from __future__ import annotations

import io
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import Any

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    LITERALS_LZW_DECODE,
    PDFStream,
    resolve1,
)
from pdfminer.psparser import LIT

from analyzer.errors import PdfTooLargeError

# Drawing instructions: a page's content streams, decoded, plus each Form XObject as often as the
# page draws it. A small file can inflate to hundreds of MB (an 856 KB file held 294 MB: minutes
# and 20 GB in pdfminer), so these limits are checked first, decoding no more than the limit.
# The densest corpus page decodes to 77 KB (deedy_synth.pdf), but designers' résumés draw their
# layout as vector paths: two real ones (docs/heldout_github.md, round 7) decode to 1.3 MB and
# 3.1 MB on one page and read in 1.6 s and 2.4 s. What costs time is the operators, not the
# bytes (measured here: ~10 µs per cheap operator such as "q", ~22 µs per path point, ~75 µs per
# painted path), so a page may hold 4 MB (a file 6 MB) but at most MAX_PAGE_OPERATORS operators
# and MAX_PAGE_PATH_OPERATORS path points: about 3 s and 2 s at worst; the two real pages hold
# 80,000 and 63,000 operators.
MAX_PAGE_CONTENT = 4 * 1024 * 1024
MAX_CONTENT = 6 * 1024 * 1024
MAX_PAGE_OPERATORS = 300_000
MAX_PAGE_PATH_OPERATORS = 100_000
# Characters a page may draw. The densest corpus page has 2,778 (the bytes of its text strings,
# counted before pdfminer runs, 5,556: two bytes a glyph); a page of 7 pt text holds ~12,000.
# 30,000 bounds pdfminer (~22 µs and ~2.5 KB a character) and the layout of a page to ~1 s.
MAX_PAGE_CHARS = 30_000
# A content stream compressed by a filter without a bounded decoder here (RunLengthDecode,
# CCITTFaxDecode...) is decoded by pdfminer only when this small: RunLength expands ≤ 64×.
SMALL_STREAM = 16 * 1024

# --- drawing instructions, measured before pdfminer interprets a page ---------------------------

_FORM = LIT("Form")
_MB = 1024 * 1024
# Text strings in a content stream: outside strings, "(" opens a literal string and "<hex>" is a
# hex string ("<<" never matches); inside, escapes and nested parentheses.
_STRING_START = re.compile(rb"\(|<[0-9A-Fa-f\s]*>")
_IN_STRING = re.compile(rb"\\(?:[0-7]{1,3}|[\s\S])|[()]")
_DRAW_FORM = re.compile(rb"/([^\s/\[\]()<>{}%]+)(?:\s|%[^\r\n]*[\r\n])+Do(?![^\s/\[\]()<>{}%])")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


class _Unmeasured(Exception):
    """A content stream too large to decode safely with its filter; ``args[0]`` names the filter."""


def check_drawing(pages: list[PDFPage], name: str) -> None:
    """Refuse a PDF whose drawing instructions are far beyond a résumé's, before pdfminer reads them.

    Per page: decoded bytes ≤ :data:`MAX_PAGE_CONTENT`, characters shown ≤ :data:`MAX_PAGE_CHARS`
    (counted from the bytes of its text strings, an upper bound), operators ≤
    :data:`MAX_PAGE_OPERATORS` and path points ≤ :data:`MAX_PAGE_PATH_OPERATORS`
    (:func:`operator_counts`); per file: bytes ≤ :data:`MAX_CONTENT`. Form XObjects count as often as they are drawn. Decodes at most the
    limit of each stream, so a decompression bomb costs milliseconds.
    Raises :class:`PdfTooLargeError` naming the file and page.
    """
    total = 0
    for number, page in enumerate(pages, start=1):
        budget = min(MAX_PAGE_CONTENT, MAX_CONTENT - total)
        try:
            size, chars, operators, paths = _drawing(page.contents, page.resources, budget, {})
        except _Unmeasured as exc:
            raise PdfTooLargeError(f"{name} page {number} stores its drawing instructions with {exc.args[0]}, "
                                   "too large to read safely: export it again as a plain PDF.") from None
        if size > budget:
            if budget == MAX_PAGE_CONTENT:
                what = f"page {number} holds more than {MAX_PAGE_CONTENT // _MB} MB of drawing instructions"
            else:
                what = f"holds more than {MAX_CONTENT // _MB} MB of drawing instructions in its first {number} pages"
            raise PdfTooLargeError(f"{name} {what}, far more than a résumé: export it again as a plain PDF.")
        if chars > MAX_PAGE_CHARS:
            raise PdfTooLargeError(too_many_chars(name, number))
        if paths > MAX_PAGE_PATH_OPERATORS or operators > MAX_PAGE_OPERATORS:
            what = (f"draws paths of more than {MAX_PAGE_PATH_OPERATORS:,} points" if paths > MAX_PAGE_PATH_OPERATORS
                    else f"holds more than {MAX_PAGE_OPERATORS:,} drawing operators")
            raise PdfTooLargeError(f"{name} page {number} {what}, far more than a résumé: export it "
                                   "again as a plain PDF.")
        total += size


def too_many_chars(name: str, number: int) -> str:
    return (f"{name} page {number} draws more than {MAX_PAGE_CHARS:,} characters, far more than a "
            "résumé page: export it again as a plain PDF.")


def _drawing(streams: list[Any], resources: Any, budget: int,
             seen: dict[Any, tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    """Decoded bytes, characters shown, operators and path operators of ``streams`` (read as
    one), with the forms they draw.

    Counting stops once the bytes pass ``budget`` (the size returned is then > budget). ``seen``
    holds each form's counts, so a form drawn a thousand times is decoded once.
    """
    parts, size = [], 0
    for stream in streams:
        stream = resolve1(stream)
        if isinstance(stream, PDFStream):
            parts.append(_decoded(stream, budget - size))
            size += len(parts[-1])
            if size > budget:
                return size, 0, 0, 0
    data = b"".join(parts)
    chars = shown_chars(data)
    operators, paths = operator_counts(data)
    forms = _forms(resources)
    for form_name, uses in Counter(_drawn_forms(data)).items():
        form = forms.get(form_name)
        if form is None:
            continue
        key = form.objid if form.objid is not None else id(form)
        if key not in seen:
            seen[key] = (budget + 1, 0, 0, 0)  # a form that draws itself never ends
            own = resolve1(form.get("Resources"))
            seen[key] = _drawing([form], own if isinstance(own, dict) and own else resources,
                                 (budget - size) // uses, seen)
        form_size, form_chars, form_operators, form_paths = seen[key]
        size, chars = size + uses * form_size, chars + uses * form_chars
        operators, paths = operators + uses * form_operators, paths + uses * form_paths
        if size > budget:
            break
    return size, chars, operators, paths


_OPERATOR = re.compile(rb"(?<![^\s\[\]()<>{}%])([A-Za-z'\"][A-Za-z*'\"]{0,2})(?![^\s\[\]()<>{}/%])")
"""A content-stream operator: a word of one to three letters standing alone ("re", "f*", "Tj",
"BT"); words inside text strings count too, an upper bound."""
_PATH_OPERATORS = frozenset({b"m", b"l", b"c", b"v", b"y", b"re", b"h"})
_NOT_OPERATORS = frozenset({b"true", b"null"})


def operator_counts(data: bytes) -> tuple[int, int]:
    """``(operators, path operators)`` of a decoded content stream (upper bounds: words of text
    strings count as operators)."""
    operators = paths = 0
    for found in _OPERATOR.finditer(data):
        word = found.group(1)
        if word in _NOT_OPERATORS:
            continue
        operators += 1
        paths += word in _PATH_OPERATORS
    return operators, paths


def _decoded(stream: PDFStream, budget: int) -> bytes:
    """The stream's decoded bytes, cut at ``budget`` + 1: a bomb is never inflated past the budget.

    Flate and LZW are decoded incrementally, ASCII85 (≤ 4× its input) and ASCIIHex (½×) at once;
    other filters are left to pdfminer for streams up to :data:`SMALL_STREAM`, else
    :class:`_Unmeasured` is raised.
    """
    if stream.data is not None:  # pdfminer decoded it already
        return stream.data[: budget + 1]
    data = stream.rawdata or b""
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for name, params in stream.get_filters():
        if name in LITERALS_FLATE_DECODE:
            data = _inflate(data, budget)
        elif name in LITERALS_LZW_DECODE:
            data = _first_bytes(LZWDecoder(io.BytesIO(data)).run(), budget + 1)
        elif name in LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)
        elif name in LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        elif len(data) <= SMALL_STREAM:
            data = PDFStream({"Filter": name, "DecodeParms": params}, data).get_data()
        else:
            raise _Unmeasured(getattr(name, "name", str(name)))
        if len(data) > budget:
            return data[: budget + 1]
    return data


def _inflate(data: bytes, budget: int) -> bytes:
    """At most ``budget`` + 1 bytes of a zlib stream, read as pdfminer reads it.

    pdfminer skips a damaged checksum (the last 4 bytes) and reads a stream damaged earlier as
    empty; ``max_length`` stops the inflater before it writes more than the budget.
    """
    for end in (len(data), len(data) - 4):
        try:
            return zlib.decompressobj().decompress(data[:end], budget + 1)
        except zlib.error:
            continue
    return b""


def _first_bytes(chunks: Iterator[bytes], limit: int) -> bytes:
    out = bytearray()
    for chunk in chunks:
        out += chunk
        if len(out) >= limit:
            break
    return bytes(out)


def shown_chars(data: bytes) -> int:
    """An upper bound of the characters a content stream shows: the bytes of its text strings.

    A literal string's escapes (``\\050``, ``\\n``) count as one byte, a hex string's two digits
    as one; a one-byte font shows a character per byte, a two-byte (CID) font one per two.
    """
    pos = count = 0
    while found := _STRING_START.search(data, pos):
        pos = found.end()
        if found.group() != b"(":
            count += len(b"".join(found.group()[1:-1].split())) // 2
            continue
        depth, escapes = 1, 0
        while depth and (token := _IN_STRING.search(data, pos)):
            pos = token.end()
            if token.group() in (b"(", b")"):
                depth += 1 if token.group() == b"(" else -1
            else:
                escapes += len(token.group()) - 1
        if depth:  # an unclosed string runs to the end
            return count + len(data) - found.end() - escapes
        count += pos - 1 - found.end() - escapes
    return count


def _forms(resources: Any) -> dict[str, PDFStream]:
    """The Form XObjects of a resource dictionary, by name."""
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    if not isinstance(xobjects, dict):
        return {}
    found = {key: resolve1(ref) for key, ref in xobjects.items()}
    return {key: obj for key, obj in found.items()
            if isinstance(obj, PDFStream) and resolve1(obj.get("Subtype")) is _FORM}


def _drawn_forms(data: bytes) -> Iterator[str]:
    """The XObject names a content stream draws (``/X1 Do``), once per use, ``#xx`` escapes read."""
    for match in _DRAW_FORM.finditer(data):
        raw = _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group(1))
        yield raw.decode("utf-8", "replace")
