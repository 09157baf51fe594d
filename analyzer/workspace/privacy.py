"""Personal data the workspace refuses to keep: GitHub tokens, wherever they hide.

A report never holds a token by design; :func:`scrub_secrets` is the second lock on the
door, run on every report, note and posting before it is stored, because evidence and
notes quote résumé, repository and pasted text verbatim.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

TOKEN_PATTERN = re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})")
"""GitHub token formats (``ghp_…`` classic, ``github_pat_…`` fine-grained, ``gho_``/``ghu_``/
``ghs_``/``ghr_`` app tokens), from GitHub's "About authentication" documentation."""

REDACTED = "[token removed]"


def scrub_secrets(value: Any, secrets: tuple[str, ...] = ()) -> Any:
    """A copy of the JSON value ``value`` with GitHub tokens replaced by ``"[token removed]"``.

    Removes anything shaped like a token (:data:`TOKEN_PATTERN`) and each exact string
    in ``secrets`` (the workspace passes :func:`environment_secrets`), in keys and values
    at any depth.
    """
    if isinstance(value, str):
        value = value.replace("\x00", "")  # PostgreSQL text and JSON cannot hold NUL
        for secret in secrets:
            value = value.replace(secret, REDACTED)
        return TOKEN_PATTERN.sub(REDACTED, value)
    if isinstance(value, Mapping):
        return {scrub_secrets(k, secrets): scrub_secrets(v, secrets) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [scrub_secrets(v, secrets) for v in value]
    return value


def drop_control_characters(text: str) -> str:
    """``text`` without control characters other than whitespace (NUL, escape, bell …)."""
    return "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) != "Cc")


def environment_secrets() -> tuple[str, ...]:
    """The values of ``$GITHUB_TOKEN`` and ``$GH_TOKEN`` (8 characters or more) now."""
    found = (os.environ.get(name, "").strip() for name in ("GITHUB_TOKEN", "GH_TOKEN"))
    return tuple(s for s in found if len(s) >= 8)  # a short value would redact ordinary words
