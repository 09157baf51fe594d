"""Reading posting files: formats, HTML clean-up, limits and the one-sentence errors."""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_factory import image_only_pdf, unicode_pdf

from analyzer.errors import InputError, PostingError
from analyzer.postings import MAX_BYTES, MAX_CHARS, parse_posting, posting_from_text, read_posting

HTML = """<!doctype html><html><head><title>Backend Engineer – Acme</title>
<style>li { color: red } .python { }</style><script>var stack = "PHP Perl Java";</script></head>
<body><nav>Jobs Home Ruby</nav><h1>Backend Engineer</h1>
<h2>Requirements</h2><ul><li>Python &amp; Django</li><li>PostgreSQL</li></ul>
<h2>Nice to have</h2><ul><li>Docker</li></ul><noscript>Enable JavaScript to apply</noscript>
</body></html>"""


def test_html_keeps_visible_text_with_one_line_per_list_item(tmp_path, taxonomy):
    path = tmp_path / "job.html"
    path.write_text(HTML, encoding="utf-8")
    text = read_posting(path)
    assert text.kind == "html" and text.title_hint == "Backend Engineer"
    assert "- Python & Django" in text.lines and "- PostgreSQL" in text.lines
    assert "Requirements:" in text.lines
    assert not any(word in text.text for word in ("var stack", "color", "Enable JavaScript", "Jobs Home"))
    posting = parse_posting(text, taxonomy)
    found = {s.name: s.requirement for s in posting.skills}
    assert found == {"Python": "required", "Django": "required", "PostgreSQL": "required",
                     "Docker": "nice_to_have"}


def test_pasted_html_is_read_as_html():
    assert posting_from_text("<div><p>Go</p><p>Rust</p></div>").lines == ("Go", "Rust")


@pytest.mark.parametrize("name, data", [
    ("job.md", b"# Backend Engineer\n\n## Requirements\n- Go\n"),
    ("job.txt", "Backend Engineer\r\nRequirements\r\n- Go\r\n".encode("utf-8-sig")),
    ("job.txt", "Backend Engineer\nRequirements\n- Go – naïve\n".encode("cp1252")),
    ("job.txt", "Backend Engineer\nRequirements\n- Go\n".encode("utf-16")),
])
def test_text_encodings_and_markdown(tmp_path, taxonomy, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    posting = parse_posting(read_posting(path), taxonomy)
    assert posting.title == "Backend Engineer"
    assert [s.name for s in posting.skills] == ["Go"]


def test_pdf_posting_uses_the_resume_pdf_reader(tmp_path, taxonomy):
    path = unicode_pdf(tmp_path / "job.pdf", ["Backend Engineer", "Requirements", "- Kotlin and Spring Boot",
                                              "- Kafka is a plus"])
    posting = parse_posting(read_posting(path), taxonomy)
    found = {s.name: s.requirement for s in posting.skills}
    assert found["Kotlin"] == "required" and found["Spring Boot"] == "required"
    assert found["Apache Kafka"] == "nice_to_have"


BAD = {
    # case: (file name, bytes or a maker, phrases of the one-sentence message)
    "empty": ("empty.txt", b"", ("empty.txt is empty",)),
    "blank": ("blank.txt", b"  \n\n\t ", ("blank.txt is empty",)),
    "binary": ("photo.txt", bytes(range(256)) * 8, ("binary file",)),
    "huge": ("huge.txt", b"Python developer. " * (MAX_BYTES // 18 + 10), ("larger than 2 MB",)),
    "too much text": ("long.txt", b"Java " * (MAX_CHARS // 5 + 100), ("characters of text", "more than")),
    "html with nothing visible": ("script.html", b"<html><script>alert('Python')</script></html>", ("no text",)),
    "scanned pdf": ("scan.pdf", image_only_pdf, ("scan.pdf", "save the posting as text")),
}


@pytest.mark.parametrize("name, content, phrases", BAD.values(), ids=BAD.keys())
def test_bad_files_raise_one_sentence(tmp_path, name, content, phrases):
    path = tmp_path / name
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    with pytest.raises(PostingError) as caught:
        read_posting(path)
    message = str(caught.value)
    assert isinstance(caught.value, InputError)
    assert message.endswith(".") and "\n" not in message
    for phrase in phrases:
        assert phrase in message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(PostingError, match="was not found"):
        read_posting(tmp_path / "nowhere.txt")
    with pytest.raises(PostingError, match="is a folder"):
        read_posting(tmp_path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_posting_or_a_posting_error(taxonomy, data):
    try:
        text = read_posting(data, name="fuzz")
    except PostingError as exc:
        assert str(exc).startswith("fuzz")
        return
    posting = parse_posting(text, taxonomy)
    assert all(s.requirement in ("required", "nice_to_have") for s in posting.skills)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list("abc XYZ:.,()/-\n•*+#") + ["Python", "Go", " or ", "plus", "Requirements:",
                                                                "e.g.", "no ", "Technologies", "Bonus:"]),
                max_size=120).map("".join))
def test_parsing_never_crashes_on_posting_like_text(taxonomy, text):
    if not text.strip():
        return
    posting = parse_posting(posting_from_text(text), taxonomy)
    groups = [s.any_of for s in posting.skills if s.any_of is not None]
    assert all(groups.count(g) >= 2 for g in groups)  # a group has at least two members
