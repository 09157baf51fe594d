"""Template text left in a résumé: the placeholders résumé templates ship with.

AltaCV, moderncv and word-processor samples come with "Your Name", "your_id",
"Job description 1", "Project 1", "Month 20XX", "Lorem ipsum" or a phone number of zeros.
A résumé still holding them is not finished; :mod:`analyzer.resume.checks` reports them in
their own check, the GitHub check calls a ``github.com/your_id`` link a placeholder, and
placeholder projects earn no portfolio credit.

    >>> template_text("Job description 1"), template_text("github.com/your_id"), template_text("Built an API")
    ('Job description 1', 'github.com/your_id', None)

Numbered labels ("Project 1", "Company 2") count only as a whole line, so a real
"Project 1: payments service in Go" heading with content is not flagged.
"""

from __future__ import annotations

import re

PLACEHOLDER_USERS = frozenset({
    "your_id", "yourid", "your-id", "username", "user-name", "your_username", "yourname",
    "your-name", "your_name", "your-username", "yourusername", "your-github", "github-username",
    "yourhandle", "your-handle", "handle",
})
"""GitHub, GitLab or LinkedIn "usernames" that templates ship with (lower case)."""

_PROFILE_LINK = re.compile(r"(?:github|gitlab|linkedin)\.com/(?:in/)?(?P<user>[\w.-]+)", re.IGNORECASE)
_TEMPLATE_WORDS = re.compile(
    r"\byour[ _-]?(?:id|name|user ?name|handle|e-?mail|github|website|position|university|school|"
    r"discipline|degree|city|address|phone|tagline)\b"
    r"|\blorem\s+ipsum\b|\bdolor\s+sit\s+amet\b"
    r"|\b(?:month|mm)[\s/.-]*(?:19|20)(?:xx|\?\?)(?!\w)|\b(?:19|20)xx\b|\byyyy\b"
    r"|(?<![\w.])0{3}[-. ]?0{2,3}[-. ]?0{4}\b"
    r"|(?<![\w-])@?(?:x|twitter)-handle\b|@username\b",
    re.IGNORECASE,
)
_TEMPLATE_LINE = re.compile(
    r"^(?:job\s+(?:title|description)|position\s+title|company(?:\s+name)?|employer|project|"
    r"project\s+(?:name|title)|university|school|degree|achievement|award)\s*#?\d+\.?$",
    re.IGNORECASE,
)


def placeholder_link(text: str) -> str | None:
    """A GitHub, GitLab or LinkedIn link whose user is a template placeholder ("github.com/your_id")."""
    for m in _PROFILE_LINK.finditer(text):
        if m.group("user").lower() in PLACEHOLDER_USERS:
            return m.group(0)
    return None


def template_text(text: str) -> str | None:
    """The first template placeholder in ``text`` as written, or None."""
    stripped = " ".join(text.split())
    if _TEMPLATE_LINE.match(stripped):
        return stripped
    link = placeholder_link(stripped)
    if link:
        return link
    m = _TEMPLATE_WORDS.search(stripped)
    return m.group(0) if m else None
