"""A job posting file (or pasted text) → plain text lines, with limits and clear errors.

    >>> posting = read_posting("backend.html")        # .txt, .md, .html/.htm, .pdf; or bytes
    >>> posting.lines[:2]
    ('Backend Engineer (Python)', 'Requirements')

- ``.txt`` / ``.md`` / stdin: decoded as UTF-8 (a byte-order mark is dropped; Windows-1252 is
  the fallback for old exports); Markdown marks are kept, the parser reads ``#`` headings and
  ``-``/``*`` bullets itself.
- ``.html``: the standard library's HTML parser (:class:`html.parser.HTMLParser`): ``script``,
  ``style``, ``noscript``, ``template``, ``svg`` and ``head`` content is dropped, block elements
  (``p``, ``div``, ``li``, ``h1``–``h6``, ``tr``, ``br`` …) end a line, so every list item is a
  line of its own; ``<title>`` is kept apart as a title hint.
- ``.pdf``: the résumé PDF reader (:func:`analyzer.pdftext.read_pdf`, same limits on pages and
  drawing), one text line per PDF line.

Errors: :class:`PostingError` (an :class:`analyzer.errors.InputError`, CLI exit status 2) for a
missing file, an empty file, a binary file, a file over :data:`MAX_BYTES`, or text over
:data:`MAX_CHARS`; each message is one sentence saying what to do.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from analyzer.errors import InputError

__all__ = ["MAX_BYTES", "MAX_CHARS", "PostingError", "PostingText", "read_posting", "posting_from_text"]

MAX_BYTES = 2 * 1024 * 1024
"""Largest posting file read, in bytes (2 MB). Postings are 2–20 kB of text; a saved job page
with inline styles and scripts reaches a few hundred kB; a PDF export with a logo ~1 MB."""

MAX_CHARS = 100_000
"""Largest posting text analysed, in characters after extraction (~15,000 words): the longest
corpus posting has ~9,000 characters; more than this is a whole site or a pasted book."""

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ""})
_DROPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe",
                           "object", "canvas", "select", "button", "nav", "footer"})
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "br", "hr", "tr", "td", "th", "table",
    "section", "article", "header", "main", "aside", "blockquote", "pre", "h1", "h2", "h3",
    "h4", "h5", "h6", "form", "fieldset", "figure", "figcaption", "details", "summary",
})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dt"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")


class PostingError(InputError):
    """A job posting that cannot be read: missing, empty, binary or over a size limit."""


@dataclass(frozen=True)
class PostingText:
    """The text of one posting.

    Attributes:
        name: file name used in messages and the report ("posting.html", "stdin", "pasted text").
        lines: the text's lines in reading order (stripped; empty lines kept as "" so line
            numbers match the file for .txt/.md; 1-based line ``n`` is ``lines[n - 1]``).
        kind: ``text`` | ``markdown`` | ``html`` | ``pdf``.
        title_hint: the HTML ``<title>`` or first ``<h1>``, else None.
    """

    name: str
    lines: tuple[str, ...]
    kind: str = "text"
    title_hint: str | None = None

    @property
    def text(self) -> str:
        """The lines joined with newlines."""
        return "\n".join(self.lines)


def read_posting(source: str | Path | bytes, *, name: str | None = None,
                 kind: str | None = None) -> PostingText:
    """Read a posting from a path (``.txt``, ``.md``, ``.html``, ``.pdf``) or from bytes.

    Args:
        source: a path, or the file's bytes (an upload, stdin).
        name: name used in messages (default: the path's name, else "posting").
        kind: ``text`` | ``markdown`` | ``html`` | ``pdf`` to override detection; by default the
            suffix decides, and bytes are sniffed (``%PDF-`` → pdf, a leading tag → html).

    Raises:
        PostingError: missing or unreadable file, empty, binary, over :data:`MAX_BYTES` or
            :data:`MAX_CHARS`; a PDF the résumé reader refuses (damaged, encrypted, scanned).
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, name = bytes(source), name or "posting"
        suffix = ""
    else:
        path = Path(source)
        name = name or path.name
        suffix = path.suffix.lower()
        try:
            if path.is_dir():
                raise PostingError(f"{name} is a folder, not a file: pass the posting's file.")
            if not path.is_file():
                raise PostingError(f"{name} was not found: check the path and try again.")
            if path.stat().st_size > MAX_BYTES:
                raise PostingError(_too_big(name))
            data = path.read_bytes()
        except OSError as exc:
            raise PostingError(f"{name} could not be read ({exc.strerror}): check the file "
                               "and try again.") from exc
    if len(data) > MAX_BYTES:
        raise PostingError(_too_big(name))
    if not data.strip():
        raise PostingError(f"{name} is empty: paste the posting's text or pass a file that has it.")
    kind = kind or _kind(data, suffix)
    if kind == "pdf":
        return _from_pdf(data, name)
    text = _decode(data, name)
    if kind == "html":
        lines, title = _html_lines(text)
        return _checked(PostingText(name, tuple(lines), "html", title))
    return posting_from_text(text, name=name, kind=kind)


def posting_from_text(text: str, *, name: str = "pasted text", kind: str = "text") -> PostingText:
    """A :class:`PostingText` from text already in memory (a dashboard text area).

    HTML pasted as text (it starts with a tag) is read as HTML. Raises :class:`PostingError`
    for empty or over-long text.
    """
    if not text.strip():
        raise PostingError(f"{name} is empty: paste the posting's text or pass a file that has it.")
    if kind != "html" and _looks_like_html(text):
        kind = "html"
    if kind == "html":
        lines, title = _html_lines(text)
        return _checked(PostingText(name, tuple(lines), "html", title))
    lines = [_clean(line) for line in text.splitlines()]
    return _checked(PostingText(name, tuple(lines), kind))


# ------------------------------------------------------------------ helpers


def _too_big(name: str) -> str:
    return (f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MB, too big for one job posting: "
            "save only the posting's text and try again.")


def _kind(data: bytes, suffix: str) -> str:
    if suffix == ".pdf" or data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
            head.startswith(b"<") and (b"<body" in data[:65536].lower() or b"<div" in head or b"<p" in head)):
        return "html"
    return "text"


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<") and bool(re.search(r"</(p|div|li|ul|body|h[1-6])>", text[:65536], re.I)))


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM, or UTF-16 with BOM), else Windows-1252; binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    sample = data[:8192]
    if b"\x00" in sample or _binary_share(sample) > 0.1:
        raise PostingError(f"{name} is a binary file, not text: save the posting as .txt, .html "
                           "or .pdf (or paste its text) and try again.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _binary_share(sample: bytes) -> float:
    """Share of control bytes (not tab, CR, LF, FF) in a sample: text has none."""
    if not sample:
        return 0.0
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / len(sample)


def _clean(line: str) -> str:
    line = unicodedata.normalize("NFKC", _ZERO_WIDTH.sub("", line))
    return _SPACES.sub(" ", _CONTROL.sub(" ", line)).strip()


def _checked(posting: PostingText) -> PostingText:
    chars = sum(len(line) + 1 for line in posting.lines)
    if chars > MAX_CHARS:
        raise PostingError(f"{posting.name} has {chars:,} characters of text, more than the "
                           f"{MAX_CHARS:,} read for one posting: keep only the posting itself.")
    if not any(posting.lines):
        raise PostingError(f"{posting.name} has no text to read: paste the posting's text or "
                           "pass a file that has it.")
    return posting


def _from_pdf(data: bytes, name: str) -> PostingText:
    from analyzer.errors import ResumeError
    from analyzer.pdftext import read_pdf

    try:
        pdf = read_pdf(data, name=name)
    except ResumeError as exc:
        # the reader's messages speak of a résumé; say the same about a posting
        reason = str(exc).split(":", 1)[0].replace(name, "").strip() or "could not be read"
        raise PostingError(f"{name} {reason}: save the posting as text, HTML or another PDF "
                           "and try again.") from exc
    lines = [_clean(line.text) for line in pdf.lines]
    return _checked(PostingText(name, tuple(lines), "pdf"))


class _TextExtractor(HTMLParser):
    """Collects visible text, one line per block element; remembers <title> and the first <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.h1: str | None = None
        self._in_h1: list[str] | None = None
        self._list_item = False

    def _flush(self) -> None:
        text = _clean("".join(self.current))
        if text:
            self.lines.append(("- " if self._list_item else "") + text)
        self.current = []
        self._list_item = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title" and self.skip <= 1:
            self.title_parts = []
        if tag in _DROPPED_TAGS:
            self.skip += 1
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            self._list_item = tag == "li"
        if tag == "h1" and self.h1 is None:
            self._in_h1 = []

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK_TAGS and not self.skip:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = _clean("".join(self.title_parts)) or None
            self.title_parts = None
        if tag in _DROPPED_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "h1" and self._in_h1 is not None:
            self.h1 = _clean("".join(self._in_h1)) or None
            self._in_h1 = None
        if tag in _BLOCK_TAGS:
            if tag in _HEADING_TAGS and self.current:
                self.current.append(":" if not "".join(self.current).rstrip().endswith(":") else "")
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self.skip:
            return
        if self._in_h1 is not None:
            self._in_h1.append(data)
        self.current.append(data.replace("\n", " "))


def _html_lines(text: str) -> tuple[list[str], str | None]:
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.lines, parser.h1 or parser.title
