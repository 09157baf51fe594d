"""PDF pages → text lines in reading order, with columns, font size and bullets (pdfplumber).

    >>> doc = read_pdf("resume.pdf")                      # or bytes from an upload
    >>> [(line.page, line.column, line.text) for line in doc.lines][:2]
    [(1, 0, 'Ada Example'), (1, 0, 'ada@example.org · github.com/ada-example')]

What this stage fixes in the text pdfplumber extracts from real résumés:

* words glued together: TeX and Typst position words without space characters, so words are
  split where the gap exceeds :data:`WORD_GAP_EM` of the font size (pdfplumber's
  ``x_tolerance_ratio``) instead of pdfplumber's fixed 3 pt;
* ligatures (ﬁ ﬂ ﬀ ﬃ) and compatibility characters: pdfplumber's NFKC normalisation;
* ``(cid:N)`` glyphs, private-use icon characters and icon-font glyphs (Font Awesome...)
  are dropped; a line that starts with one is a bullet;
* soft hyphens and end-of-line hyphenation (``prefer-`` / ``ably``) are joined;
* letter-spaced headings (``E X P E R I E N C E``) are closed up;
* two-column and sidebar layouts: a vertical gutter is found per page and each column is
  read top to bottom (left, then right), after a full-width header; full-width rows in the
  middle of a page cut it into bands read one after the other (:mod:`analyzer.resume.layout`).

Errors (all :class:`analyzer.errors.ResumeError` subclasses, the message names the file):
:class:`NotAPdfError`, :class:`EncryptedPdfError`, :class:`EmptyPdfError`,
:class:`NoTextLayerError`, :class:`PdfTooLargeError`, and :class:`ResumeError` for a file
that is missing or that pdfminer cannot read. :class:`PdfTooLargeError` covers the limits:
:data:`MAX_BYTES` and :data:`MAX_PAGES`, then, before pdfminer interprets any page,
:func:`analyzer.pdflimits.check_drawing`'s limits on decoded drawing instructions (:data:`MAX_PAGE_CONTENT`,
:data:`MAX_CONTENT`) and characters (:data:`MAX_PAGE_CHARS`), which stop decompression bombs.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from analyzer.errors import (
    EmptyPdfError,
    EncryptedPdfError,
    NotAPdfError,
    NoTextLayerError,
    PdfTooLargeError,
    ResumeError,
)
from analyzer.resume.layout import Word, group_lines, split_regions
from analyzer.resume.pdflimits import MAX_PAGE_CHARS, check_drawing, too_many_chars

# Limits. A one- or two-page résumé is well under 1 MB even with a photo and embedded fonts;
# 10 MB leaves room for image-heavy designs while bounding the memory and time one upload may
# use. Long academic CVs reach 10-15 pages; 20 pages bounds parse time (~0.1 s per page).
MAX_BYTES = 10 * 1024 * 1024
MAX_PAGES = 20


# Word splitting, as a fraction of the font size. Measured on the five corpus résumés: gaps
# inside words are ≤ 0.05 em, gaps between words ≥ 0.18 em (TeX's narrowest interword space).
WORD_GAP_EM = 0.12

# pdfminer logs a warning for every odd font in a damaged file; with no logging configured
# Python would print them on stderr. A NullHandler keeps them quiet unless the app logs.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

BULLET_GLYPHS = frozenset("•▪‣◦●■□►▸➢➤✓✔✦❖◆◇·∙○-*–—>")
_ALWAYS_BULLET = frozenset("•▪‣◦●■□►▸➢➤✓✔✦❖◆◇∙")
_ICON_FONT = re.compile(
    r"awesome|icons?\b|dingbat|wingding|academicons|octicon|material|marvosym|pifont|"
    r"fontello|feather|ionicons|simple-?icons|devicon|bbding|wasy",
    re.IGNORECASE,
)
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|cmss?bx|cmbx|\bbx", re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff\u200b-\u200f\u2060\ufeff]")


@dataclass(frozen=True)
class TextLine:
    """One line of text in reading order.

    ``page`` is 1-based; ``column`` is 0 for full width, 1 left, 2 right; coordinates are PDF
    points from the page's top-left; ``size`` is the largest font size on the line (pt);
    ``bold`` is True when most of its characters are bold; ``bullet`` is True when it starts
    with a bullet glyph or an icon (the glyph is not in ``text``); ``links`` are the URIs of
    link annotations drawn over the line.
    """

    text: str
    page: int
    column: int = 0
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    bullet: bool = False
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF: lines in reading order over all pages.

    ``body_size`` is the most common font size (pt, by characters); ``multi_column`` is True
    when any page has columns; ``page_heights`` are in pt; ``warnings`` are one sentence each.
    """

    lines: tuple[TextLine, ...]
    pages: int
    body_size: float
    multi_column: bool
    page_heights: tuple[float, ...]
    links: tuple[str, ...]
    warnings: tuple[str, ...]
    created: date | None = None
    """The document's creation date (first of its month) from the PDF metadata, if readable."""


_PDF_DATE = re.compile(r"^(?:D:)?(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])?")


def pdf_date(value: object) -> date | None:
    """``D:20230716172647Z`` (a PDF date string, or bytes) → ``date(2023, 7, 1)``; None when unreadable."""
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    m = _PDF_DATE.match(value.strip()) if isinstance(value, str) else None
    return date(int(m["y"]), int(m["m"] or 1), 1) if m else None


def clean_text(text: str) -> str:
    """Drop ``(cid:N)``, private-use and zero-width characters and soft hyphens; NFC."""
    text = _PRIVATE_USE.sub("", _CID.sub("", text)).replace("\u00ad", "")
    return unicodedata.normalize("NFC", text)


def split_bullet(text: str) -> tuple[bool, str]:
    """``(True, rest)`` when ``text`` starts with a bullet glyph, else ``(False, text)``.

    ``•`` and similar glyphs count even when glued to the word; ``-``, ``*``, ``–`` and ``>``
    count only when a space follows, so "-5%" or "*args" are not bullets.
    """
    stripped = text.lstrip()
    if not stripped:
        return False, ""
    first = stripped[0]
    if first in _ALWAYS_BULLET or (first in BULLET_GLYPHS and stripped[1:2] == " "):
        return True, stripped[1:].lstrip()
    return False, text.strip()


def _load(source: str | Path | bytes, name: str) -> bytes:
    """The file's bytes, after the size limit; path errors become ResumeError."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        path = Path(source)
        try:
            if path.is_dir():
                raise ResumeError(f"{name} is a folder, not a file: pass the path of the résumé PDF.")
            if not path.is_file():
                raise ResumeError(f"{name} was not found: check the path and try again.")
            if path.stat().st_size > MAX_BYTES:
                raise PdfTooLargeError(_too_big(name))
            data = path.read_bytes()
        except OSError as exc:
            raise ResumeError(f"{name} could not be read ({exc.strerror}): check the file and try again.") from exc
    if len(data) > MAX_BYTES:
        raise PdfTooLargeError(_too_big(name))
    if not data.strip():
        raise EmptyPdfError(f"{name} is empty (no bytes): export the résumé as PDF again and use the new file.")
    if b"%PDF-" not in data[:1024]:
        raise NotAPdfError(f"{name} is not a PDF file: export the résumé as PDF and upload that file.")
    return data


def _too_big(name: str) -> str:
    return f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MB: export it again without large images."


def _translate(exc: Exception, name: str, password: str | None) -> ResumeError:
    """A pdfplumber/pdfminer exception as the ResumeError a user can act on."""
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, PDFPasswordIncorrect):
        if password:
            return EncryptedPdfError(
                f"{name} did not open with the password given: check the password or upload an unlocked copy."
            )
        return EncryptedPdfError(f"{name} is password-protected: give its password (--password on the command line, the password field in the dashboard) or upload an unlocked copy.")
    if isinstance(cause, PDFEncryptionError):
        return EncryptedPdfError(f"{name} uses an encryption this tool cannot open: upload an unlocked copy.")
    return NotAPdfError(f"{name} is damaged or not a valid PDF: export the résumé to PDF again and upload the new file.")


def read_pdf(source: str | Path | bytes, *, password: str | None = None, name: str = "resume.pdf") -> PdfText:
    """Read every page of a résumé PDF into lines in reading order.

    ``source`` is a path or the file's bytes; ``name`` is the file name used in messages.
    Raises the ResumeError subclasses listed in the module docstring, never a pdfminer error.
    """
    data = _load(source, name)
    try:
        with pdfplumber.open(io.BytesIO(data), password=password or "", unicode_norm="NFKC") as pdf:
            count = len(pdf.pages)
            if count == 0:
                raise EmptyPdfError(f"{name} has no pages: export the résumé to PDF again.")
            if count > MAX_PAGES:
                raise PdfTooLargeError(f"{name} has {count} pages, more than the {MAX_PAGES} read: upload the résumé alone.")
            check_drawing([page.page_obj for page in pdf.pages], name)
            pages = [_read_page(page, name) for page in pdf.pages]
            created = pdf_date(pdf.metadata.get("CreationDate"))
    except ResumeError:
        raise
    except Exception as exc:  # pdfminer raises many types on hostile input; all mean "unreadable"
        raise _translate(exc, name, password) from exc
    return replace(_assemble(pages, name), created=created)


@dataclass
class _Page:
    number: int
    height: float
    lines: list[TextLine]
    columns: bool
    images: int
    sizes: Counter[float]
    links: list[str]


def _assemble(pages: list[_Page], name: str) -> PdfText:
    warnings = []
    if not any(page.lines for page in pages):
        if any(page.images for page in pages):
            raise NoTextLayerError(
                f"{name} is a scanned image without a text layer: export the résumé from your "
                "word processor as PDF (text recognition is not done)."
            )
        raise EmptyPdfError(f"{name} contains no text: export the résumé to PDF again.")
    for page in pages:
        if not page.lines:
            what = "an image without text" if page.images else "empty"
            warnings.append(f"Page {page.number} is {what}: it was skipped.")
    sizes = sum((page.sizes for page in pages), Counter())
    return PdfText(
        lines=tuple(line for page in pages for line in page.lines),
        pages=len(pages),
        body_size=sizes.most_common(1)[0][0] if sizes else 0.0,
        multi_column=any(page.columns for page in pages),
        page_heights=tuple(page.height for page in pages),
        links=tuple(dict.fromkeys(uri for page in pages for uri in page.links)),
        warnings=tuple(warnings),
    )


def _read_page(page: Any, name: str) -> _Page:
    """One page: words (extracted once) → regions → lines."""
    if len(page.chars) > MAX_PAGE_CHARS:  # a second guard: forms or fonts the count missed
        raise PdfTooLargeError(too_many_chars(name, page.page_number))
    raw = page.extract_words(
        x_tolerance_ratio=WORD_GAP_EM, use_text_flow=True, extra_attrs=["fontname", "size"]
    )
    words = [_word(r) for r in raw if r.get("upright", True)]  # rotated side text is left out
    sizes: Counter[float] = Counter()
    for w in words:
        if not w.icon:
            sizes[round(w.size, 1)] += len(w.text)
    annots = [(a["uri"], a["x0"], a["x1"], a["top"], a["bottom"])
              for a in page.hyperlinks if isinstance(a.get("uri"), str)]
    images = len(page.images) if not words else 0
    regions, columns = split_regions(words)
    lines = []
    for column, region in regions:
        for built in _join_hyphenation([_line(ws) for ws in group_lines(region)]):
            if built is not None:
                text, bullet, ws = built
                lines.append(_text_line(text, bullet, ws, page.page_number, column, annots))
    return _Page(page.page_number, float(page.height), lines, columns, images, sizes, [a[0] for a in annots])


def _word(raw: dict[str, Any]) -> Word:
    """A pdfplumber word, cleaned; icon-font and (cid:N)-only words keep their box but no text."""
    fontname = str(raw.get("fontname", ""))
    text = clean_text(raw["text"])
    icon = bool(_ICON_FONT.search(fontname)) or not text.strip()
    return Word("" if icon else text, float(raw["x0"]), float(raw["x1"]), float(raw["top"]),
                 float(raw["bottom"]), float(raw.get("size") or 0.0), bool(_BOLD_FONT.search(fontname)), icon)


def _line(words: list[Word]) -> tuple[str, bool, list[Word]] | None:
    """A line's text and bullet flag: abutting fragments merged, letter-spacing closed up."""
    bullet = words[0].icon
    tokens: list[tuple[str, Word]] = []
    for w in words:
        if w.icon:
            continue
        if tokens and w.x0 - tokens[-1][1].x1 <= WORD_GAP_EM * w.size:
            tokens[-1] = (tokens[-1][0] + w.text, w)
        else:
            tokens.append((w.text, w))
    text = " ".join(_close_letter_spacing([t for t, _ in tokens], [w for _, w in tokens]))
    glyph_bullet, text = split_bullet(text)
    text = " ".join(text.split())
    if not text:
        return None
    if glyph_bullet and len(tokens[0][0]) == 1 and len(tokens) > 1:
        words = [w for w in words if w is not tokens[0][1]]  # a big bullet glyph is not the line's size
    return text, bullet or glyph_bullet, words


def _close_letter_spacing(texts: list[str], words: list[Word]) -> list[str]:
    """``E X P E R I E N C E`` → ``EXPERIENCE``: runs of ≥ 3 single letters become words.

    Inside a run, a gap wider than 1.8× the run's narrowest gap is a word break.
    """
    out: list[str] = []
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and len(texts[j]) == 1 and texts[j].isalpha():
            j += 1
        if j - i >= 3:
            gaps = [words[k + 1].x0 - words[k].x1 for k in range(i, j - 1)]
            narrow = max(min(gaps), 0.1)
            piece = texts[i]
            for k in range(i + 1, j):
                if gaps[k - i - 1] > 1.8 * narrow:
                    out.append(piece)
                    piece = ""
                piece += texts[k]
            out.append(piece)
            i = j
        else:
            out.append(texts[i])
            i += 1
    return out


def _join_hyphenation(
    built: list[tuple[str, bool, list[Word]] | None],
) -> Iterator[tuple[str, bool, list[Word]] | None]:
    """Join a word hyphenated across two lines of a region onto the first line."""
    items = [b for b in built if b is not None]
    for i, (text, bullet, ws) in enumerate(items):
        if i + 1 < len(items) and re.search(r"[a-zà-ÿ]-$", text):
            nxt_text, nxt_bullet, nxt_ws = items[i + 1]
            head, _, rest = nxt_text.partition(" ")
            if head[:1].islower() and not nxt_bullet:
                text = text[:-1] + head
                items[i + 1] = (rest, nxt_bullet, nxt_ws)
        if text:
            yield text, bullet, ws


def _text_line(
    text: str, bullet: bool, words: list[Word], page: int, column: int,
    annots: list[tuple[str, float, float, float, float]],
) -> TextLine:
    """The line's box, largest size, weight (bold when most letters are) and the links over it."""
    x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
    top, bottom = min(w.top for w in words), max(w.bottom for w in words)
    letters = [w for w in words if not w.icon]
    bold = 2 * sum(len(w.text) for w in letters if w.bold) > sum(len(w.text) for w in letters)
    links = tuple(uri for uri, ax0, ax1, atop, abottom in annots
                  if ax0 < x1 and x0 < ax1 and top <= (atop + abottom) / 2 <= bottom)
    size = max((w.size for w in letters), default=0.0)
    return TextLine(text, page, column, x0, x1, top, bottom, size, bold, bullet, links)
