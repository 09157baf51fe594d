"""A fictional sample résumé PDF, for demos and first runs: ``python -m analyzer.resume.sample [OUT]``.

The person, companies, links and numbers are made up (``example.com`` mail, a 555-01xx
phone number). The profile is a junior backend developer with Python, FastAPI, PostgreSQL,
Docker and Git, two dated jobs with measurable bullets, projects and a skills section, and
realistic gaps (no CI/CD, no cloud, no message queue) so a report has something to suggest.

:data:`SAMPLE_RESUME` is the generated file shipped with the package
(``analyzer/data/sample_resume.pdf``). :func:`write_resume_pdf` is the small one-column
writer behind it, also used by the tests to build their own résumés. Fonts are fpdf2's core
Helvetica in Windows-1252, so no font files are needed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

SAMPLE_RESUME: Path = Path(__file__).resolve().parents[1] / "data" / "sample_resume.pdf"

NAME = "Robin Castell"
CONTACTS = (
    "robin.castell@example.com  |  +1 555 010 4477  |  Lisbon, Portugal",
    "github.com/robin-castell-dev  |  linkedin.com/in/robin-castell-dev",
)
LINKS = {
    "github.com/robin-castell-dev": "https://github.com/robin-castell-dev",
    "linkedin.com/in/robin-castell-dev": "https://www.linkedin.com/in/robin-castell-dev",
}
# (heading, lines): "• " starts a bullet; a tab separates a right-aligned date; "**" makes a line bold.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Summary", (
        "Junior backend developer who builds and tests REST APIs in Python with FastAPI,",
        "PostgreSQL and Docker; looking for a backend role in a product team.",
    )),
    ("Experience", (
        "**Junior Backend Developer, Lumen Parcel\tJun 2023 – Present",
        "• Built 12 REST endpoints in FastAPI for parcel tracking, serving 40,000 requests a day",
        "• Cut the p95 latency of order search from 900 ms to 180 ms with PostgreSQL indexes",
        "• Packaged three services as Docker images and wrote a docker compose setup for local work",
        "• Reviewed pull requests on GitHub and kept the Git history clean with small commits",
        "**Software Engineering Intern, Brightfield Labs\tJan 2022 – Aug 2022",
        "• Wrote Python scripts that load 2 million CSV rows into PostgreSQL every night",
        "• Added pytest tests that raised coverage of the billing module from 41% to 78%",
    )),
    ("Projects", (
        "**Bookshelf API  (github.com/robin-castell-dev/bookshelf-api)\t2023",
        "• REST API in FastAPI with SQLAlchemy models, PostgreSQL and JWT authentication",
        "• Runs locally with Docker Compose; 35 pytest tests cover the endpoints",
        "**Habit Tracker CLI\t2022",
        "• Command-line habit tracker in Python with Typer and SQLite, 300 users on PyPI",
    )),
    ("Technical Skills", (
        "Languages: Python, SQL, JavaScript (basic)",
        "Frameworks: FastAPI, Flask, SQLAlchemy, pytest",
        "Databases: PostgreSQL, SQLite",
        "Tools: Docker, Git, GitHub, Linux, Postman",
    )),
    ("Education", (
        "**B.Sc. in Computer Science, Northbridge University\tSep 2019 – Jul 2022",
        "Final project: a room-booking web service in Flask and PostgreSQL",
    )),
    ("Languages", ("English (fluent), Portuguese (native)",)),
)

MARGIN = 18.0  # mm
BODY_SIZE = 10.5  # pt
LINE_HEIGHT = 5.2  # mm
SIDEBAR_WIDTH = 55.0  # mm
GUTTER = 8.0  # mm


SAMPLE_CREATED = datetime(2024, 1, 1, tzinfo=timezone.utc)
"""Creation date written into generated résumés (the sample's "Present" is January 2024)."""


def write_resume_pdf(
    path: str | Path,
    name: str,
    contacts: Sequence[str],
    sections: Sequence[tuple[str, Sequence[str]]],
    links: dict[str, str] | None = None,
    sidebar: Sequence[str] = (),
    created: datetime = SAMPLE_CREATED,
) -> Path:
    """Write an A4 résumé with fpdf2 and return its path.

    ``sections`` are ``(heading, lines)``; in a line, a leading ``"• "`` makes a bullet, a tab
    separates a right-aligned date and a leading ``"**"`` makes it bold. ``links`` maps text
    that appears in ``contacts`` to the URL of a link annotation drawn over it. Sections
    whose heading is in ``sidebar`` go to a narrow left column, the others to the main column
    on the right (one column when ``sidebar`` is empty); the name and contacts span the page.
    Characters must be in Windows-1252 (fpdf2 core fonts); raises fpdf's
    FPDFUnicodeEncodingException otherwise.
    """
    pdf = FPDF(format="A4", unit="mm")
    # a fixed creation date keeps the bytes of a rebuilt file identical (no churn in git);
    # it is also the date "Present" stands for when the résumé is read
    pdf.set_creation_date(created)
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(MARGIN, MARGIN)
    pdf.set_auto_page_break(True, MARGIN)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 22)
    pdf.cell(0, 10, name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", BODY_SIZE)
    for line in contacts:
        _contact_line(pdf, line, links or {})
    full = pdf.w - 2 * MARGIN
    columns = {
        True: (MARGIN, SIDEBAR_WIDTH),  # the sidebar
        False: (MARGIN + SIDEBAR_WIDTH + GUTTER, full - SIDEBAR_WIDTH - GUTTER) if sidebar else (MARGIN, full),
    }
    body_top = pdf.get_y()
    bottoms = {True: body_top, False: body_top}
    for heading, lines in sections:
        in_sidebar = heading in sidebar
        x, width = columns[in_sidebar]
        pdf.set_xy(x, bottoms[in_sidebar] + 3)
        pdf.set_font("helvetica", "B", 13)
        pdf.cell(width, 7, heading.upper(), new_x="LEFT", new_y="NEXT")
        for line in lines:
            _body_line(pdf, line, x, width)
        bottoms[in_sidebar] = pdf.get_y()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    return out


def _contact_line(pdf: FPDF, line: str, links: dict[str, str]) -> None:
    y = pdf.get_y()
    pdf.cell(0, LINE_HEIGHT, line, new_x="LMARGIN", new_y="NEXT")
    for text, url in links.items():
        at = line.find(text)
        if at >= 0:  # a link annotation over the text, like word processors export
            x = MARGIN + pdf.get_string_width(line[:at])
            pdf.link(x, y, pdf.get_string_width(text), LINE_HEIGHT, url)


def _body_line(pdf: FPDF, line: str, x: float, width: float) -> None:
    bold = line.startswith("**")
    text, _, date = line.removeprefix("**").partition("\t")
    pdf.set_font("helvetica", "B" if bold else "", BODY_SIZE)
    pdf.set_x(x)
    if text.startswith("• "):
        pdf.set_x(x + 2)
        pdf.cell(4, LINE_HEIGHT, "•")
        pdf.multi_cell(width - 6, LINE_HEIGHT, text[2:], new_x="LEFT", new_y="NEXT")
    else:
        if date:
            pdf.cell(width, LINE_HEIGHT, date, align="R")
            pdf.set_x(x)
        pdf.multi_cell(width, LINE_HEIGHT, text, new_x="LEFT", new_y="NEXT")
    pdf.set_x(x)


def build_sample(path: str | Path = SAMPLE_RESUME) -> Path:
    """Write the fictional sample résumé to ``path`` (default :data:`SAMPLE_RESUME`)."""
    return write_resume_pdf(path, NAME, CONTACTS, SECTIONS, LINKS)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analyzer.resume.sample [OUT]``: regenerate the sample résumé, print its path."""
    args = list(sys.argv[1:] if argv is None else argv)
    print(build_sample(args[0] if args else SAMPLE_RESUME))
    return 0


if __name__ == "__main__":
    sys.exit(main())
