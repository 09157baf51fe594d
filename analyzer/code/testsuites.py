"""Tests that test: a repository's test files by name, and whether their texts really test.

:func:`find_tests` gives a repository's :class:`TestSuite` from its tree and the test files
read (:func:`analyzer.repos.select_files` picks the largest, smallest and middle-sized):
``real`` when one asserts on a value under test, ``stub`` when all hold placeholders
(``assert True``, ``expect(1 + 2).toBe(3)``), ``present`` when none was read (known by name
only: not verified), ``none`` without test files. Pure functions: no network, no disk.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from analyzer.code.manifests import is_excluded

if TYPE_CHECKING:
    from analyzer.code.snapshot import RepoSnapshot, TreeEntry

STUB_MAX_BYTES = 160
"""A test file this small holds one or two one-line checks at most: from the tree alone, a suite whose
every test file is this small is read as a placeholder (``tests/sample.test.ts`` with ``1 + 2 = 3`` is 103 bytes)."""


_TEST_NAME = re.compile(
    r"""^(test_.+\.py|.+_test\.py|tests\.py
        |.+\.(test|spec)\.[cm]?[jt]sx?
        |.+_test\.go
        |.+_(spec|test)\.rb|test_.+\.rb
        |.+Tests?\.(java|kt|php|cs|scala|groovy|swift)|.+IT\.(java|kt)|.+Spec\.(groovy|scala|kt)
        |.+_test\.exs|.+_test\.(c|cc|cpp|rs|dart))$""", re.X)


def is_test_file(path: str) -> bool:
    """True if ``path`` is a test by its language's naming convention (``test_*.py``, ``*.spec.ts``,
    ``*_test.go``, ``*_spec.rb``, ``*Test.java``, ``*Test.php`` …, or a script in ``__tests__/``)."""
    if is_excluded(path):
        return False
    name = path.rsplit("/", 1)[-1]
    if _TEST_NAME.match(name) or path == "test.py":  # a nested test.py is usually test settings
        return True
    parent = path.rsplit("/", 2)[-2] if "/" in path else ""
    return parent == "__tests__" and bool(re.search(r"\.[cm]?[jt]sx?$", name))


def test_files(tree: Sequence[TreeEntry]) -> list[TreeEntry]:
    """Non-empty test-file blobs in ``tree``, in tree order."""
    return [e for e in tree if e.type == "blob" and e.size != 0 and is_test_file(e.path)]


_ASSERTION = re.compile(
    r"\bassert\w*|\brefute\w*|\bexpect\s*[({]|\.should\b|\bshould\s*[({]|\bis_expected\b|\bmust_\w+"
    r"|\bt\.(Error|Errorf|Fatal|Fatalf|Fail|FailNow)\b|\brequire\.\w+\(|->assert\w*\(|\.andExpect\("
    r"|\.expect\(|\bverify\(|\bpytest\.raises\b")
# Words of the assertion itself: when a line has nothing else, it compares literals (1 + 2 == 3).
_ASSERT_WORDS = re.compile(
    r"^(assert\w*|refute\w*|expect|should\w*|to|to[A-Z]\w*|not|and|or|is|be|be_\w+|eq|eql|equal|equals"
    r"|self|this|t|require|true|false|True|False|None|null|nil|undefined|Error|Errorf|Fatal|Fatalf"
    r"|FailNow|Fail|must_\w+|is_expected)$")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|`[^`]*`")
_COMMENT_LINE = re.compile(r"^\s*(#|//|/\*|\*)")


def _names_a_value(code: str) -> bool:
    """True if code names something under test: an identifier beyond the assertion words."""
    return any(not _ASSERT_WORDS.match(word) for word in re.findall(r"[A-Za-z_]\w*", code))


def _asserts_on_values(line: str) -> bool | None:
    """None if ``line`` has no assertion; else whether its assertion names a value under test.

    Strings and trailing comments are dropped first; the assertion statement starts after the
    last ``{`` or ``;`` before it. Go's ``if got != want { t.Errorf(...) }`` counts its condition.
    """
    code = re.sub(r"\s(#|//).*$", "", _STRING.sub('""', line))
    match = _ASSERTION.search(code)
    if not match:
        return None
    cut = max(code.rfind("{", 0, match.start()), code.rfind(";", 0, match.start()))
    if _names_a_value(code[cut + 1:]):
        return True
    return code.lstrip().startswith("if ") and _names_a_value(code[:cut].replace("if", "", 1))


def classify_test_text(text: str) -> tuple[Literal["real", "stub"], str]:
    """Whether a test file's text really tests something, with a one-line reason.

    ``real``: at least one assertion names a value under test (``assert resp.status == 200``,
    ``expect(add(1, 2)).toBe(3)``, ``$response->assertStatus(200)``, ``require.NoError(t, err)``).
    ``stub``: no assertion at all, or only assertions on literals (``expect(1 + 2).toBe(3)``,
    ``assert True``, ``$this->assertTrue(true)``). For Go's ``if got != want { t.Errorf(...) }``
    the ``if`` condition (same line or the line before) counts as the assertion.
    """
    lines = [line for line in text.splitlines() if line.strip() and not _COMMENT_LINE.match(line)]
    found = 0
    for index, line in enumerate(lines):
        verdict = _asserts_on_values(line)
        if verdict is None:
            continue
        found += 1
        previous = lines[index - 1].strip() if index else ""
        if verdict or (re.search(r"\bt\.(Error|Fatal)", line) and previous.startswith("if ")
                       and _names_a_value(_STRING.sub('""', previous)[2:])):
            return "real", f"asserts on real values ({line.strip()[:80]})"
    if found:
        return "stub", f"{found} assertion(s), all on literals only"
    return "stub", "no assertions"


@dataclass(frozen=True)
class TestSuite:
    """What a repository's tests amount to.

    ``status``: ``real`` (a read test file asserts on real values), ``stub`` (placeholders only),
    ``present`` (test files by name, content not read) or ``none``. ``files``: every test file in
    the tree; ``real`` and ``stubs``: the read ones by verdict; ``detail``: one sentence.
    """

    __test__ = False  # not a pytest test class

    status: Literal["real", "stub", "present", "none"]
    files: tuple[str, ...]
    real: tuple[str, ...]
    stubs: tuple[str, ...]
    detail: str


def find_tests(snapshot: RepoSnapshot) -> TestSuite:
    """Classify the repository's tests from the tree and any fetched test-file texts."""
    sizes = {e.path: e.size for e in test_files(snapshot.tree)}
    sizes = sizes or {p: len(t.encode()) for p, t in snapshot.files.items() if is_test_file(p)}
    files = tuple(sizes)
    verdicts = {p: classify_test_text(snapshot.files[p]) for p in files if p in snapshot.files}
    real = tuple(p for p, (v, _) in verdicts.items() if v == "real")
    stubs = tuple(p for p, (v, _) in verdicts.items() if v == "stub")
    count = f"{len(files)} test file{'s' if len(files) != 1 else ''}"
    if real:
        return TestSuite("real", files, real, stubs, f"{count}; {real[0]} {verdicts[real[0]][1]}.")
    if stubs:
        return TestSuite("stub", files, real, stubs, f"{count}; {stubs[0]} is a placeholder: {verdicts[stubs[0]][1]}.")
    if not files:
        return TestSuite("none", files, real, stubs, "No test files found.")
    if all(size is not None and size <= STUB_MAX_BYTES for size in sizes.values()):
        return TestSuite("stub", files, real, stubs, f"{count} of {max(sizes.values())} bytes at most (content not "
                         "read): too small to test real behaviour.")
    return TestSuite("present", files, real, stubs, f"{count} present; their contents were not read, so whether "
                     "they test real behaviour is unknown.")
