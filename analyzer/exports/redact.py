"""Redaction: a copy of a report dict without the candidate's e-mail, phone and links.

A coach may share a report outside the coaching relationship (a workshop, a second
opinion). :func:`redact_report` leaves out, everywhere in the report:

- the contact fields (``candidate.email``, ``phone``, ``links``, ``github``, ``linkedin``,
  ``website``) and the GitHub user read (``input.github``);
- those same strings wherever they appear in free text (evidence lines, checks, warnings),
  and any other e-mail address, phone number or link found there;
- repository links (``url``) and the owner part of repository names
  (``casey-example/parcel-api`` → ``parcel-api``), since the owner is the GitHub login.

The learning resources attached to gaps are not the candidate's and keep their links.
The result still follows ``report.schema.json`` (removed fields become None or ``[]``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping

from analyzer.resume.dates import find_dates
from analyzer.resume.parse import EMAIL_RE, PHONE_RE

REMOVED = "[removed]"
"""What a removed e-mail, phone number or link becomes inside free text."""

# A link in free text: with a scheme or www., or a domain followed by a path
# ("github.com/ada"); a bare "socket.io" or "ASP.NET" is a technology, not a link.
_LINK_RE = re.compile(
    r"(?i)(?:\bhttps?://|\bwww\.)[^\s<>\"'|,;)]+"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}/[^\s<>\"'|,;)]*"
)
# Values that are identifiers, dates or file paths, never free text with contacts in it.
_NOT_TEXT = frozenset({"id", "schema_version", "generated_at", "sha256", "version", "start",
                       "end", "path", "source", "strength", "status", "kind", "section",
                       "category", "difficulty", "resources"})
_CONTACT_FIELDS = ("email", "phone", "github", "linkedin", "website")


def _variants(value: str) -> Iterable[str]:
    """A contact string and the shorter ways text writes it (no scheme, no www.)."""
    value = value.strip().rstrip("/")
    bare = re.sub(r"(?i)^https?://", "", value)
    yield from (value, bare, re.sub(r"(?i)^www\.", "", bare))


def _is_phone(candidate: str) -> bool:
    """7–15 digits and no date: the test :mod:`analyzer.resume.parse` reads a phone with;
    plus some digits written together (every phone format groups them: "06 12 34 56 78"),
    so a row of single figures ("3 3 3 3 3 3 3") is not a phone."""
    digits = re.sub(r"\D", "", candidate)
    longest_run = max((len(run) for run in re.findall(r"\d+", candidate)), default=0)
    return 7 <= len(digits) <= 15 and longest_run >= 2 and not find_dates(candidate)


def _phones(text: str) -> list[str]:
    """Phone-like numbers in text, each as written.

    A match that swallowed a neighbouring number ("+1 555 010 4477 2023") is trimmed a
    group at a time from either end, longest first, until what is left reads as a phone.
    """
    found = []
    for m in PHONE_RE.finditer(text):
        groups = m.group(0).split()
        spans = (" ".join(groups[i:i + size]) for size in range(len(groups), 0, -1)
                 for i in range(len(groups) - size + 1))
        phone = next((span for span in spans if _is_phone(span)), None)
        if phone:
            found.append(phone)
    return found


class Scrubber:
    """Replaces known contact strings, e-mails, links and phone numbers in text.

    ``known``: the candidate's own contact strings (e-mail, phone, links, GitHub login);
    they are removed even where no pattern would catch them (a login written alone).
    """

    def __init__(self, known: Iterable[str] = ()):
        variants = {v for k in known if k and len(k.strip()) >= 3 for v in _variants(k)}
        ordered = sorted((v for v in variants if len(v) >= 3), key=len, reverse=True)
        self._known = (re.compile("|".join(rf"(?<![\w-]){re.escape(v)}(?![\w-])" for v in ordered),
                                  re.IGNORECASE) if ordered else None)

    def __call__(self, text: str) -> str:
        if self._known is not None:
            text = self._known.sub(REMOVED, text)
        text = EMAIL_RE.sub(REMOVED, text)
        text = _LINK_RE.sub(REMOVED, text)
        for phone in _phones(text):
            text = text.replace(phone, REMOVED)
        return text


def _walk(value, scrub: Scrubber, key: str | None = None):
    if isinstance(value, str):
        return value if key in _NOT_TEXT else scrub(value)
    if isinstance(value, list):
        return [_walk(v, scrub, key) for v in value]
    if isinstance(value, dict):
        return {k: v if k in _NOT_TEXT else _walk(v, scrub, k) for k, v in value.items()}
    return value


def _short_repo(name: str | None) -> str | None:
    return name.rsplit("/", 1)[-1] if name else name


def _strip_repo_links(items: Iterable[dict]) -> None:
    for item in items:
        item.pop("url", None)
        if "repo" in item:
            item["repo"] = _short_repo(item["repo"])


def contact_strings(report: Mapping) -> list[str]:
    """The candidate's own contact strings in a report: e-mail, phone, links, GitHub login."""
    c = report.get("candidate") or {}
    known = [c.get(k) for k in _CONTACT_FIELDS] + list(c.get("links") or [])
    known.append((report.get("input") or {}).get("github"))
    return [k for k in known if isinstance(k, str) and k]


def redact_report(report: Mapping) -> dict:
    """A deep copy of ``report`` (a ``Report.to_dict()``) with contacts and links left out.

    See the module docstring for what is removed. The input is not changed.
    """
    scrub = Scrubber(contact_strings(report))
    out = copy.deepcopy(dict(report))
    c = out.get("candidate")
    if isinstance(c, dict):
        c.update({k: None for k in _CONTACT_FIELDS if k in c or k in ("email", "phone", "github")})
        c["links"] = []
    if isinstance(out.get("input"), dict) and "github" in out["input"]:
        out["input"]["github"] = None
    for skill in out.get("skills", []):
        _strip_repo_links(skill.get("evidence", []))
    for repo in out.get("repositories", []):
        repo["url"] = None
        repo["name"] = _short_repo(repo.get("name"))
        _strip_repo_links(repo.get("evidence", []))
    return _walk(out, scrub)


def redact_notes(notes: Iterable[Mapping], report: Mapping) -> list[dict]:
    """Notes (``{"text": …, …}``) with the report's contact strings and any links removed."""
    scrub = Scrubber(contact_strings(report))
    return [{**n, "text": scrub(str(n.get("text", "")))} for n in notes]
