"""PDF → lines: reading order, columns, glued words, ligatures, bullets, limits and errors.

Every PDF here is a real file written by fpdf2 (tests/pdf_factory.py) and read by pdfplumber.
"""

from __future__ import annotations

import tracemalloc

import pdfplumber
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pdf_factory import (
    banded_pdf,
    build_resume_pdf,
    content_stream_pdf,
    date_column_pdf,
    empty_pdf,
    encrypted_pdf,
    glued_words_pdf,
    icon_bullets_pdf,
    image_only_pdf,
    letter_spaced_pdf,
    many_pages_pdf,
    no_pages_pdf,
    text_then_image_pdf,
    unicode_pdf,
)

from analyzer.errors import (
    EmptyPdfError,
    EncryptedPdfError,
    NotAPdfError,
    NoTextLayerError,
    PdfTooLargeError,
    ResumeError,
)
from analyzer.resume.layout import Word, group_lines, split_regions
from analyzer.resume.pdflimits import (MAX_CONTENT, MAX_PAGE_CHARS, MAX_PAGE_CONTENT, MAX_PAGE_OPERATORS,
                                       MAX_PAGE_PATH_OPERATORS, SMALL_STREAM, operator_counts, shown_chars)
from analyzer.resume.pdftext import MAX_BYTES, MAX_PAGES, clean_text, read_pdf, split_bullet


def texts(doc, column=None):
    return [line.text for line in doc.lines if column is None or line.column == column]


def test_one_column_reads_top_to_bottom(tmp_path):
    doc = read_pdf(build_resume_pdf(tmp_path / "one.pdf"))
    assert texts(doc) == [
        "Casey Example",
        "casey@example.org | +44 20 7946 0958 | github.com/casey-example",
        "EXPERIENCE",
        "Backend Developer, Acme Cloud Mar 2021 – Present",
        "Built a billing API in Python and FastAPI used by 3 teams",
        "Cut database load by 30% with Redis caching",
        "Junior Developer, Beta Labs Jan 2019 – Apr 2021",
        "Maintained Django services and PostgreSQL schemas",
        "SKILLS",
        "Python, FastAPI, Django, PostgreSQL, Redis, Docker, Git",
        "EDUCATION",
        "BSc Computer Science, Example University",
    ]
    assert not doc.multi_column
    assert {line.column for line in doc.lines} == {0}
    assert [line.bullet for line in doc.lines].count(True) == 3
    assert doc.pages == 1 and doc.warnings == ()


def test_two_columns_read_header_then_left_then_right(tmp_path):
    sections = [
        ("Skills", ["Python, SQL, Docker", "Git, Linux"]),
        ("Experience", ["**Developer, Acme\tJan 2020 – Dec 2021", "• Wrote services in Python",
                        "• Ran PostgreSQL in Docker", "• Reviewed code on GitHub"]),
        ("Languages", ["English, Spanish"]),
        ("Projects", ["**Todo API", "• A FastAPI service", "• Tested with pytest"]),
    ]
    doc = read_pdf(build_resume_pdf(tmp_path / "two.pdf", sections, "two-column", sidebar=("Skills", "Languages")))
    assert doc.multi_column
    assert texts(doc, 0) == ["Casey Example", "casey@example.org | +44 20 7946 0958 | github.com/casey-example"]
    assert texts(doc, 1) == ["SKILLS", "Python, SQL, Docker", "Git, Linux", "LANGUAGES", "English, Spanish"]
    assert texts(doc, 2)[:2] == ["EXPERIENCE", "Developer, Acme Jan 2020 – Dec 2021"]
    assert texts(doc, 2)[-3:] == ["Todo API", "A FastAPI service", "Tested with pytest"]
    columns = [line.column for line in doc.lines]
    assert columns == sorted(columns), "header first, then the whole left column, then the right"


def test_full_width_band_splits_the_columns(tmp_path):
    doc = read_pdf(banded_pdf(
        tmp_path / "band.pdf",
        top=(["SKILLS", "Python", "SQL", "Docker"], ["EXPERIENCE", "Developer at Acme", "Built APIs", "Ran tests"]),
        band="A full-width line that runs across both columns of the page from margin to margin",
        bottom=(["LANGUAGES", "English", "Dutch"], ["PROJECTS", "Todo API", "Chat bot"]),
    ))
    assert [(line.column, line.text) for line in doc.lines] == [
        (0, "Morgan Band"), (0, "morgan@example.org | +1 555 010 2000"),
        (1, "SKILLS"), (1, "Python"), (1, "SQL"), (1, "Docker"),
        (2, "EXPERIENCE"), (2, "Developer at Acme"), (2, "Built APIs"), (2, "Ran tests"),
        (0, "A full-width line that runs across both columns of the page from margin to margin"),
        (1, "LANGUAGES"), (1, "English"), (1, "Dutch"),
        (2, "PROJECTS"), (2, "Todo API"), (2, "Chat bot"),
    ]


def test_date_column_is_read_row_by_row_not_as_two_columns(tmp_path):
    rows = [("", "EXPERIENCE"), ("June 2020 –", "Backend Developer, Acme Cloud"), ("Present", "Built APIs in Go."),
            ("", "Ran PostgreSQL."), ("Jan 2018 –", "Intern, Beta Labs"), ("May 2020", "Wrote tests."),
            ("", "EDUCATION"), ("2014 – 2018", "BSc Computer Science")]
    doc = read_pdf(date_column_pdf(tmp_path / "moderncv.pdf", ["Taylor Dates", "taylor@example.org"], rows))
    assert not doc.multi_column
    assert "June 2020 – Backend Developer, Acme Cloud" in texts(doc)
    assert "Present Built APIs in Go." in texts(doc)


def test_glued_words_are_split_where_default_extraction_glues_them(tmp_path):
    rows = ["EXPERIENCE", "Built a billing service in Python with FastAPI", "Jan 2020 - Mar 2021"]
    path = glued_words_pdf(tmp_path / "glued.pdf", rows)
    with pdfplumber.open(path) as pdf:
        plain = pdf.pages[0].extract_text()
    assert "Builtabillingservice" in plain.replace(" ", "") and "Built a billing" not in plain  # the fixture glues
    assert texts(read_pdf(path)) == rows


def test_ligatures_and_soft_hyphens_are_expanded(tmp_path):
    path = unicode_pdf(tmp_path / "lig.pdf", ["Certiﬁed in ﬁnance workﬂows", "Built micro\u00adservices"])
    with pdfplumber.open(path) as pdf:
        raw = "".join(c["text"] for c in pdf.pages[0].chars)
    assert "\ufb01" in raw and "\u00ad" in raw  # the fixture really has them
    assert texts(read_pdf(path)) == ["Certified in finance workflows", "Built microservices"]


def test_letter_spaced_heading_is_closed_up(tmp_path):
    path = letter_spaced_pdf(tmp_path / "spaced.pdf", "PROFESSIONAL EXPERIENCE", ["Developer at Acme"])
    assert texts(read_pdf(path)) == ["Riley Spaced", "riley@example.org", "PROFESSIONAL EXPERIENCE", "Developer at Acme"]


def test_icon_font_glyphs_are_dropped_and_make_bullets(tmp_path):
    doc = read_pdf(icon_bullets_pdf(tmp_path / "icons.pdf", ["Shipped a REST API", "Wrote 40 tests"]))
    assert [(line.text, line.bullet) for line in doc.lines] == [("Shipped a REST API", True), ("Wrote 40 tests", True)]


def test_hyphenated_line_end_is_joined(tmp_path):
    path = glued_words_pdf(tmp_path / "hyphen.pdf", ["Led the develop-", "ment of a billing service", "Well-known"])
    assert texts(read_pdf(path)) == ["Led the development", "of a billing service", "Well-known"]


def test_link_annotations_are_kept_on_their_line(tmp_path):
    doc = read_pdf(build_resume_pdf(tmp_path / "links.pdf"))
    assert doc.lines[1].links == ("https://github.com/casey-example",)
    assert doc.links == ("https://github.com/casey-example",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("• Built APIs", (True, "Built APIs")),
        ("•Built APIs", (True, "Built APIs")),
        ("- Built APIs", (True, "Built APIs")),
        ("* Built APIs", (True, "Built APIs")),
        ("– Built APIs", (True, "Built APIs")),
        ("▪ Built APIs", (True, "Built APIs")),
        ("-5% churn", (False, "-5% churn")),
        ("*args in Python", (False, "*args in Python")),
        ("Built APIs", (False, "Built APIs")),
    ],
)
def test_split_bullet(text, expected):
    assert split_bullet(text) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("(cid:131)000-00-0000", "000-00-0000"),
        ("\uf0e0 mail", " mail"),
        ("soft\u00adware", "software"),
        ("zero\u200bwidth", "zerowidth"),
        ("Cafe\u0301", "Café"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_page_without_text_is_skipped_with_a_warning(tmp_path):
    doc = read_pdf(text_then_image_pdf(tmp_path / "mixed.pdf"))
    assert doc.pages == 2
    assert doc.warnings == ("Page 2 is an image without text: it was skipped.",)
    assert texts(doc) == ["Jamie Mixed", "SKILLS", "Python, SQL"]


def _truncated(tmp_path):
    data = build_resume_pdf(tmp_path / "full.pdf").read_bytes()
    return data[: len(data) // 3]


@pytest.mark.parametrize(
    ("make", "password", "error", "message"),
    [
        (lambda p: b"GIF89a not a pdf", None, NotAPdfError,
         "cv.pdf is not a PDF file: export the résumé as PDF and upload that file."),
        (lambda p: b"", None, EmptyPdfError,
         "cv.pdf is empty (no bytes): export the résumé as PDF again and use the new file."),
        (_truncated, None, NotAPdfError,
         "cv.pdf is damaged or not a valid PDF: export the résumé to PDF again and upload the new file."),
        (lambda p: b"%PDF-1.7\n" + b"\x00" * 200, None, NotAPdfError,
         "cv.pdf is damaged or not a valid PDF: export the résumé to PDF again and upload the new file."),
        (lambda p: encrypted_pdf(p / "e.pdf", "s3cret"), None, EncryptedPdfError,
         "cv.pdf is password-protected: give its password (--password on the command line, the password field in the dashboard) or upload an unlocked copy."),
        (lambda p: encrypted_pdf(p / "e.pdf", "s3cret"), "wrong", EncryptedPdfError,
         "cv.pdf did not open with the password given: check the password or upload an unlocked copy."),
        (lambda p: no_pages_pdf(p / "none.pdf"), None, EmptyPdfError,
         "cv.pdf has no pages: export the résumé to PDF again."),
        (lambda p: empty_pdf(p / "empty.pdf", pages=2), None, EmptyPdfError,
         "cv.pdf contains no text: export the résumé to PDF again."),
        (lambda p: image_only_pdf(p / "scan.pdf"), None, NoTextLayerError,
         "cv.pdf is a scanned image without a text layer: export the résumé from your word processor "
         "as PDF (text recognition is not done)."),
        (lambda p: many_pages_pdf(p / "long.pdf", MAX_PAGES + 1), None, PdfTooLargeError,
         f"cv.pdf has {MAX_PAGES + 1} pages, more than the {MAX_PAGES} read: upload the résumé alone."),
        (lambda p: b"%PDF-1.4\n" + b" " * MAX_BYTES, None, PdfTooLargeError,
         "cv.pdf is larger than 10 MB: export it again without large images."),
        (lambda p: p / "missing.pdf", None, ResumeError, "cv.pdf was not found: check the path and try again."),
        (lambda p: p, None, ResumeError, "cv.pdf is a folder, not a file: pass the path of the résumé PDF."),
    ],
)
def test_unreadable_inputs_raise_one_clear_sentence(tmp_path, make, password, error, message):
    source = make(tmp_path)
    with pytest.raises(error) as caught:
        read_pdf(source, password=password, name="cv.pdf")
    assert type(caught.value) is error
    assert str(caught.value) == message


def test_encrypted_pdf_opens_with_its_password(tmp_path):
    doc = read_pdf(encrypted_pdf(tmp_path / "e.pdf", "s3cret"), password="s3cret")
    assert texts(doc)[0] == "Sky Locked"


def test_large_file_on_disk_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.pdf"
    with path.open("wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(PdfTooLargeError, match="big.pdf is larger than 10 MB"):
        read_pdf(path, name="big.pdf")


def test_bytes_and_path_give_the_same_lines(tmp_path):
    path = build_resume_pdf(tmp_path / "r.pdf")
    assert read_pdf(path.read_bytes()).lines == read_pdf(path).lines


# --- drawing instructions: decompression bombs and other pages far beyond a résumé -------------

TEXT = b"BT /F1 11 Tf 72 770 Td (Casey Example) Tj 0 -16 Td (Built 3 APIs in Python) Tj ET\n"
TOO_MUCH = (f"cv.pdf page 1 holds more than {MAX_PAGE_CONTENT // 2**20} MB of drawing instructions, far more "
            "than a résumé: export it again as a plain PDF.")
TOO_MANY_OPERATORS = (f"cv.pdf page 1 holds more than {MAX_PAGE_OPERATORS:,} drawing operators, far more than a "
                      "résumé: export it again as a plain PDF.")
TOO_MANY_POINTS = (f"cv.pdf page 1 draws paths of more than {MAX_PAGE_PATH_OPERATORS:,} points, far more than a "
                   "résumé: export it again as a plain PDF.")
TOO_MANY_CHARS = ("cv.pdf page 1 draws more than 30,000 characters, far more than a résumé page: "
                  "export it again as a plain PDF.")


def _show(text: bytes) -> bytes:
    return b"BT /F1 1 Tf 10 10 Td (" + text + b") Tj ET\n"


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        (b" " * (50 * MAX_PAGE_CONTENT), {}, TOO_MUCH),  # 50 MB of spaces in a 50 KB stream
        (b" " * (50 * MAX_PAGE_CONTENT), {"filters": ("ASCIIHexDecode", "FlateDecode")}, TOO_MUCH),
        (b"0 0 1 1 re f\n" * (MAX_PAGE_CONTENT // 13 + 1), {}, TOO_MUCH),  # one operator, repeated
        (b"/X1 Do\n" * (MAX_PAGE_CONTENT // 4000 + 1), {"form": b"q Q\n" * 1000}, TOO_MUCH),  # a 4 KB form, drawn again and again
        (b"/X1 %why\nDo " * (MAX_PAGE_CONTENT // 4000 + 1), {"form": b"q Q\n" * 1000}, TOO_MUCH),
        (b" " * (MAX_CONTENT // 3 + 1), {"pages": 3}, f"cv.pdf holds more than {MAX_CONTENT // 2**20} MB of "
         "drawing instructions in its first 3 pages, far more than a résumé: export it again as a plain PDF."),
        # few bytes, many operators: what costs pdfminer time
        (b"q Q\n" * (MAX_PAGE_OPERATORS // 2 + 1), {}, TOO_MANY_OPERATORS),
        (b"0 0 m 1 1 l\n" * (MAX_PAGE_PATH_OPERATORS // 2 + 1), {}, TOO_MANY_POINTS),
        (b"/X1 Do " * 200, {"form": b"0 0 m 1 1 l\n" * 300}, TOO_MANY_POINTS),  # 200 × 600 points
        (_show(b"a" * (MAX_PAGE_CHARS + 1)), {}, TOO_MANY_CHARS),
        (b"BT /F1 1 Tf <" + b"61" * (MAX_PAGE_CHARS + 1) + b"> Tj ET", {}, TOO_MANY_CHARS),
        (b"/X1 Do " * 31, {"form": _show(b"a" * 1000)}, TOO_MANY_CHARS),  # 31 × 1,000 characters
        (b" " * (SMALL_STREAM + 1), {"filters": ("RunLengthDecode",)}, "cv.pdf page 1 stores its drawing "
         "instructions with RunLengthDecode, too large to read safely: export it again as a plain PDF."),
    ],
)
def test_drawing_past_the_limits_is_refused_before_pdfminer_reads_it(tmp_path, content, options, message):
    path = content_stream_pdf(tmp_path / "heavy.pdf", content, **options)
    with pytest.raises(PdfTooLargeError) as caught:
        read_pdf(path, name="cv.pdf")
    assert str(caught.value) == message


def test_decompression_bomb_is_refused_without_inflating_it(tmp_path):
    path = content_stream_pdf(tmp_path / "bomb.pdf", b"0 0 m 1 1 l S\n" * 4_000_000)  # 56 MB of lines
    assert path.stat().st_size < MAX_PAGE_CONTENT // 4
    tracemalloc.start()
    try:
        with pytest.raises(PdfTooLargeError, match=f"^bomb.pdf page 1 holds more than {MAX_PAGE_CONTENT // 2**20} MB of drawing"):
            read_pdf(path, name="bomb.pdf")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_PAGE_CONTENT, "only the first MB of the stream is inflated"


def test_encrypted_drawing_is_measured_after_decryption(tmp_path):
    path = encrypted_pdf(tmp_path / "locked.pdf", "s3cret", squares=MAX_PAGE_PATH_OPERATORS + 1)
    assert path.stat().st_size < MAX_PAGE_CONTENT // 10
    with pytest.raises(PdfTooLargeError) as caught:
        read_pdf(path, password="s3cret", name="cv.pdf")
    assert str(caught.value) == TOO_MANY_POINTS


def test_operator_counts_skip_names_and_count_path_points():
    # "/F1" and "/GS" are names, not operators; m, l and re are path points
    stream = b"q 1 0 0 1 0 0 cm 0 0 m 1 1 l S Q 0 0 5 5 re f BT /F1 12 Tf /GS gs (Hi) Tj ET"
    assert operator_counts(stream) == (14, 3)


def test_a_designers_vector_page_within_the_operator_limits_is_read(tmp_path):
    # 3 MB of drawing on one page, as real designers' résumés hold, but few operators per byte
    # (long coordinates): over the old 1 MB limit, within the operator limits
    art = b"100.123456 200.123456 300.123456 400.123456 500.123456 600.123456 c\n" * 48_000
    assert len(art) > 3 * 2**20 and operator_counts(art)[1] < MAX_PAGE_PATH_OPERATORS
    doc = read_pdf(content_stream_pdf(tmp_path / "art.pdf", TEXT + b"0 0 m " + art + b"S\n"))
    assert texts(doc) == ["Casey Example", "Built 3 APIs in Python"]


@pytest.mark.parametrize(
    ("content", "options"),
    [
        (TEXT, {}),
        (TEXT, {"filters": ()}),
        (TEXT, {"filters": ("ASCIIHexDecode", "FlateDecode")}),
        (TEXT, {"filters": ("RunLengthDecode",)}),
        (TEXT, {"bad_checksum": True}),  # pdfminer reads Flate data whose checksum is damaged
        (TEXT + b" " * (MAX_PAGE_CONTENT - len(TEXT)), {}),  # exactly at the limit
        (b"q /X1 Do Q", {"form": TEXT}),
    ],
    ids=["flate", "no-filter", "hex-flate", "run-length", "bad-checksum", "at-the-limit", "form"],
)
def test_drawing_within_the_limits_is_read(tmp_path, content, options):
    doc = read_pdf(content_stream_pdf(tmp_path / "ok.pdf", content, **options))
    assert texts(doc) == ["Casey Example", "Built 3 APIs in Python"]


@given(st.binary(max_size=200), st.binary(max_size=50))
def test_shown_chars_counts_the_bytes_of_text_strings(literal, hexed):
    escaped = literal.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    content = b"BT (" + escaped + b") Tj [<" + hexed.hex().encode() + b">] TJ <</MCID 0>> BDC ET"
    assert shown_chars(content) == len(literal) + len(hexed)


def _words(n: int, *, stacked: bool) -> list[Word]:
    """``n`` 5 pt words drawn on one spot, or ``n`` 0.04 pt words side by side on one baseline."""
    if stacked:
        return [Word("a", 10, 15, 100, 110, 10, False, False) for _ in range(n)]
    return [Word("a", 10 + i * 0.05, 10.04 + i * 0.05, 100, 100.5, 0.5, False, False) for i in range(n)]


@pytest.mark.parametrize(("stacked", "lines"), [(True, 3000), (False, 1)])
def test_crowded_pages_are_laid_out(stacked, lines):
    words = _words(3000, stacked=stacked)
    grouped = group_lines(words)
    assert len(grouped) == lines, "overlapping words are layers, one line each; words side by side one line"
    assert sorted(id(w) for line in grouped for w in line) == sorted(id(w) for w in words)
    assert split_regions(words) == ([(0, words)], False)
