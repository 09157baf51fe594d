"""Real PDFs for tests, written with fpdf2 into a folder the test owns (``tmp_path``).

Every builder takes the output path and returns it. Other test modules reuse
:func:`build_resume_pdf` with their own lines::

    from pdf_factory import build_resume_pdf       # tests/ is on sys.path under pytest
    pdf = build_resume_pdf(tmp_path / "r.pdf", sections=[("Skills", ["Python, Django, Docker"])])

Fonts: fpdf2's core Helvetica (Windows-1252) everywhere, except :func:`unicode_pdf` which
needs DejaVu Sans (Debian package ``fonts-dejavu-core``) for ligature and soft-hyphen
characters.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from datetime import date, datetime, timezone
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

from analyzer.resume.sample import write_resume_pdf

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
MM_PER_PT = 25.4 / 72

DEFAULT_NAME = "Casey Example"
DEFAULT_CONTACTS = ("casey@example.org  |  +44 20 7946 0958  |  github.com/casey-example",)
DEFAULT_LINKS = {"github.com/casey-example": "https://github.com/casey-example"}
DEFAULT_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Experience", (
        "**Backend Developer, Acme Cloud\tMar 2021 – Present",
        "• Built a billing API in Python and FastAPI used by 3 teams",
        "• Cut database load by 30% with Redis caching",
        "**Junior Developer, Beta Labs\tJan 2019 – Apr 2021",
        "• Maintained Django services and PostgreSQL schemas",
    )),
    ("Skills", ("Python, FastAPI, Django, PostgreSQL, Redis, Docker, Git",)),
    ("Education", ("BSc Computer Science, Example University",)),
)
DEFAULT_SIDEBAR = ("Skills", "Education")


def build_resume_pdf(
    path: Path,
    sections: Sequence[tuple[str, Sequence[str]]] = DEFAULT_SECTIONS,
    layout: str = "single-column",
    *,
    name: str = DEFAULT_NAME,
    contacts: Sequence[str] = DEFAULT_CONTACTS,
    links: dict[str, str] | None = None,
    sidebar: Sequence[str] = DEFAULT_SIDEBAR,
    created: date | None = None,
) -> Path:
    """A résumé: name, contacts, then ``sections`` as ``(heading, lines)``.

    Line syntax: ``"• text"`` is a bullet, ``"**text"`` bold, ``"title\\tdate"`` puts the date
    right-aligned on the same row. ``layout="two-column"`` puts the sections named in
    ``sidebar`` in a left column beside the others; the header stays full width.
    """
    if layout not in ("single-column", "two-column"):
        raise ValueError(f"layout must be 'single-column' or 'two-column', not {layout!r}")
    return write_resume_pdf(
        path, name, contacts, sections, DEFAULT_LINKS if links is None else links,
        sidebar=sidebar if layout == "two-column" else (),
        **({"created": datetime(created.year, created.month, created.day, tzinfo=timezone.utc)}
           if created else {}),
    )


def _pdf() -> FPDF:
    pdf = FPDF(format="A4", unit="mm")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    return pdf


def _save(pdf: FPDF, path: Path) -> Path:
    pdf.output(str(path))
    return path


def _rows(pdf: FPDF, x: float, y: float, width: float, rows: Sequence[str], *, step: float = 6.0) -> float:
    """Write rows from (x, y); a row in capitals is a bold heading. Returns the next y."""
    for row in rows:
        pdf.set_font("helvetica", "B" if row.isupper() else "", 13 if row.isupper() else 11)
        pdf.set_xy(x, y)
        pdf.cell(width, step, row)
        y += step
    return y


def banded_pdf(path: Path, top: tuple[Sequence[str], Sequence[str]], band: str,
               bottom: tuple[Sequence[str], Sequence[str]]) -> Path:
    """Header, two columns (left rows, right rows), a full-width ``band`` row, two columns again.

    The right column starts 2 mm lower than the left so the baselines do not line up.
    """
    pdf = _pdf()
    y = _rows(pdf, 15, 15, 180, ["Morgan Band", "morgan@example.org  |  +1 555 010 2000"])
    y = max(_rows(pdf, 15, y + 4, 60, top[0]), _rows(pdf, 90, y + 6, 105, top[1]))
    y = _rows(pdf, 15, y + 4, 180, [band])
    _rows(pdf, 15, y + 4, 60, bottom[0])
    _rows(pdf, 90, y + 6, 105, bottom[1])
    return _save(pdf, path)


def glued_words_pdf(path: Path, rows: Sequence[str], *, gap_em: float = 0.2) -> Path:
    """Rows drawn word by word with no space characters and a ``gap_em`` gap (TeX-like).

    pdfplumber's default 3 pt tolerance glues these words together at 11 pt.
    """
    pdf = _pdf()
    y = 20.0
    for row in rows:
        size = 13 if row.isupper() else 11
        pdf.set_font("helvetica", "B" if row.isupper() else "", size)
        x = 20.0
        for word in row.split():
            pdf.text(x, y, word)
            x += pdf.get_string_width(word) + gap_em * size * MM_PER_PT
        y += 7
    return _save(pdf, path)


def unicode_pdf(path: Path, rows: Sequence[str]) -> Path:
    """Rows in DejaVu Sans, so ligature characters (U+FB01...) and soft hyphens survive."""
    pdf = _pdf()
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.set_font("DejaVu", size=11)
    for i, row in enumerate(rows):
        pdf.text(20, 20 + 7 * i, row)
    return _save(pdf, path)


def letter_spaced_pdf(path: Path, heading: str, body: Sequence[str], *, spacing_pt: float = 3.0) -> Path:
    """A letter-spaced bold heading (character spacing ``spacing_pt``) over body rows."""
    pdf = _pdf()
    _rows(pdf, 20, 15, 170, ["Riley Spaced", "riley@example.org"])
    pdf.set_font("helvetica", "B", 13)
    pdf.set_char_spacing(spacing_pt)
    pdf.set_xy(20, 32)
    pdf.cell(170, 8, heading)
    pdf.set_char_spacing(0)
    _rows(pdf, 20, 42, 170, body)
    return _save(pdf, path)


def icon_bullets_pdf(path: Path, rows: Sequence[str]) -> Path:
    """Rows each led by a ZapfDingbats glyph (an icon font), like template icon bullets."""
    pdf = _pdf()
    for i, row in enumerate(rows):
        pdf.set_xy(20, 20 + 7 * i)
        pdf.set_font("zapfdingbats", "", 9)
        pdf.cell(5, 6, "l")
        pdf.set_font("helvetica", "", 11)
        pdf.cell(150, 6, row)
    return _save(pdf, path)


def date_column_pdf(path: Path, header: Sequence[str], rows: Sequence[tuple[str, str]]) -> Path:
    """moderncv's layout: ``(date cell, text)`` rows with a narrow left date column."""
    pdf = _pdf()
    y = _rows(pdf, 50, 15, 140, header) + 3
    for date_cell, text in rows:
        pdf.set_font("helvetica", "", 10)
        pdf.set_xy(15, y)
        pdf.cell(30, 6, date_cell, align="R")
        _rows(pdf, 50, y, 145, [text])
        y += 6
    return _save(pdf, path)


def encrypted_pdf(path: Path, password: str, *, squares: int = 0) -> Path:
    """A one-column résumé locked with user password ``password`` (fpdf2 set_encryption).

    ``squares`` more 1 mm squares are drawn on it: 36,000 make 1 MB of drawing instructions.
    """
    pdf = _pdf()
    _rows(pdf, 20, 20, 170, ["Sky Locked", "EXPERIENCE", "Developer, Vault Ltd  Jan 2020 - Dec 2020"])
    for _ in range(squares):
        pdf.rect(10, 10, 1, 1)
    pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    return _save(pdf, path)


def _image(pdf: FPDF) -> None:
    img = Image.new("RGB", (400, 560), "white")
    draw = ImageDraw.Draw(img)
    for y in range(40, 520, 24):  # grey bars where a scan would have lines of text
        draw.rectangle((40, y, 360, y + 10), fill=(90, 90, 90))
    pdf.image(img, x=10, y=10, w=190)


def image_only_pdf(path: Path, pages: int = 1) -> Path:
    """A scan: every page is an image, there is no text layer."""
    pdf = FPDF(format="A4")
    for _ in range(pages):
        pdf.add_page()
        _image(pdf)
    return _save(pdf, path)


def text_then_image_pdf(path: Path) -> Path:
    """Page 1 has text, page 2 is an image only."""
    pdf = _pdf()
    _rows(pdf, 20, 20, 170, ["Jamie Mixed", "SKILLS", "Python, SQL"])
    pdf.add_page()
    _image(pdf)
    return _save(pdf, path)


def empty_pdf(path: Path, pages: int = 1) -> Path:
    """Pages with nothing on them."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
    return _save(pdf, path)


def many_pages_pdf(path: Path, pages: int) -> Path:
    """``pages`` pages of one line of text each."""
    pdf = FPDF()
    pdf.set_font("helvetica", "", 11)
    for n in range(pages):
        pdf.add_page()
        pdf.cell(0, 6, f"Page {n + 1} of a long document")
    return _save(pdf, path)


def _raw_pdf(objects: Sequence[bytes]) -> bytes:
    """A PDF file from numbered object bodies (object 1 is the catalog), with its xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def no_pages_pdf(path: Path) -> Path:
    """A valid PDF whose page tree is empty (fpdf2 refuses to write one, so it is built by hand)."""
    path.write_bytes(_raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    return path


def _run_length(data: bytes) -> bytes:
    """RunLengthDecode's encoding, literal runs only (a length byte, then up to 128 bytes)."""
    return b"".join(bytes([len(data[i:i + 128]) - 1]) + data[i:i + 128] for i in range(0, len(data), 128)) + b"\x80"


_ENCODERS = {
    "FlateDecode": zlib.compress,
    "ASCIIHexDecode": lambda data: data.hex().encode() + b">",
    "RunLengthDecode": _run_length,
}


def _stream(data: bytes, filters: Sequence[str], extra: bytes = b"", *, bad_checksum: bool = False) -> bytes:
    """A stream object: ``data`` encoded by ``filters`` (applied last to first, as a reader undoes them).

    ``bad_checksum`` zeroes the Adler-32 checksum that ends Flate data, as some writers leave it.
    """
    for name in reversed(filters):
        data = _ENCODERS[name](data)
        if name == "FlateDecode" and bad_checksum:
            data = data[:-4] + bytes(4)
    names = b" ".join(b"/" + name.encode() for name in filters)
    return b"<< /Length %d /Filter [%s] %s>>\nstream\n%s\nendstream" % (len(data), names, extra, data)


def content_stream_pdf(
    path: Path,
    content: bytes,
    *,
    filters: Sequence[str] = ("FlateDecode",),
    pages: int = 1,
    form: bytes | None = None,
    bad_checksum: bool = False,
) -> Path:
    """``pages`` pages each drawn by the content stream ``content`` (raw PDF operators).

    ``content`` is encoded by ``filters`` (FlateDecode, ASCIIHexDecode, RunLengthDecode). Pages
    have Helvetica as ``/F1``; with ``form`` they also have a Form XObject ``/X1`` drawing
    ``form`` (Flate-compressed), which ``content`` draws with ``/X1 Do``. Raw PDF bytes, because
    fpdf2 neither writes hostile streams nor lets a test choose the filters.
    """
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    resources = b"/Font << /F1 3 0 R >>"
    if form is not None:
        objects.append(_stream(form, ["FlateDecode"], b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                               b"/Resources << %s >> " % resources))
        resources += b" /XObject << /X1 4 0 R >>"
    kids, stream = [], _stream(content, filters, bad_checksum=bad_checksum)
    for _ in range(pages):
        kids.append(b"%d 0 R" % (len(objects) + 1))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << %s >> >>" % (len(objects) + 2, resources))
        objects.append(stream)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    path.write_bytes(_raw_pdf(objects))
    return path
