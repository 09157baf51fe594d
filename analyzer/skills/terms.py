"""The taxonomy's terms as token sequences: the matching structure behind :class:`SkillMatcher`.

Every skill and technology name and alias, run once through the matcher's tokenizer, becomes a
tuple of token texts: lower-cased for ordinary terms (any casing matches), as written for
case-sensitive ambiguous ones ("Go", "Spark"), plus the all-capitals form of those with the id
``CAPITALS`` (see :func:`analyzer.skills.matcher._patterns`). :class:`TermTable` finds every
occurrence of those sequences in a ``Doc`` and puts them in ``doc.spans[SPANS_KEY]`` exactly as
two SpanRulers (``LOWER`` and ``ORTH``) would, so :class:`analyzer.skills.disambiguation.Disambiguator`
reads the same candidates.

Why not SpanRulers: tokenizing ~9,000 phrase patterns at every start-up took about 1 s with the
technology vocabulary. The table is plain data, so it is compiled once into
``models/skill_terms.json`` (``jobready taxonomy compile``, :func:`analyzer.skills.matcher.compile_terms`), stamped with the taxonomy's
``sha256`` and the spaCy version, and loaded in milliseconds; a stale or missing file is ignored
and the table is compiled in memory instead (see ``docs/vocabulary.md`` for figures).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span

from analyzer.skills.disambiguation import SPANS_KEY

__all__ = ["ARTIFACT", "TermTable", "artifact_path"]

ARTIFACT = "skill_terms.json"
"""File name of the compiled table in the ``models/`` folder next to the taxonomy."""

FORMAT = 1


class TermTable:
    """Token sequences -> (skill id, span id) candidates, matched longest-agnostic.

    Args:
        lower: ``{(token, ...): [[skill_id, span_id], ...]}`` with lower-cased tokens.
        cased: the same with tokens as written (case-sensitive terms).
    """

    def __init__(self, lower: dict[tuple[str, ...], list], cased: dict[tuple[str, ...], list]):
        self.lower = lower
        self.cased = cased
        # first token -> the lengths of sequences starting with it (longest first)
        self._lengths: dict[tuple[bool, str], tuple[int, ...]] = {}
        for is_cased, table in ((False, lower), (True, cased)):
            starts: dict[tuple[bool, str], set[int]] = {}
            for key in table:
                starts.setdefault((is_cased, key[0]), set()).add(len(key))
            self._lengths.update({k: tuple(sorted(v, reverse=True)) for k, v in starts.items()})

    @classmethod
    def compile(cls, patterns: tuple[list[dict], list[dict]], make_doc) -> TermTable:
        """Tokenize SpanRuler-style phrase patterns (``{"label", "pattern", "id"?}``)."""
        tables: list[dict] = [{}, {}]
        for index, group in enumerate(patterns):
            texts = [p["pattern"] for p in group]
            for pattern, doc in zip(group, map(make_doc, texts)):
                tokens = tuple(t.lower_ if index == 0 else t.text for t in doc if not t.is_space)
                if tokens:
                    entry = [pattern["label"], pattern.get("id", "")]
                    bucket = tables[index].setdefault(tokens, [])
                    if entry not in bucket:
                        bucket.append(entry)
        return cls(tables[0], tables[1])

    def annotate(self, doc: Doc) -> Doc:
        """Put every occurrence of a term into ``doc.spans[SPANS_KEY]``; returns ``doc``."""
        lowers = [t.lower_ for t in doc]
        texts = [t.text for t in doc]
        spans = []
        for i in range(len(doc)):
            for is_cased, words, table in ((False, lowers, self.lower), (True, texts, self.cased)):
                for n in self._lengths.get((is_cased, words[i]), ()):
                    if i + n > len(words):
                        continue
                    for label, span_id in table.get(tuple(words[i:i + n]), ()):
                        spans.append(Span(doc, i, i + n, label=label, span_id=span_id))
        doc.spans[SPANS_KEY] = spans
        return doc

    def pipe(self, docs: Iterable[Doc]) -> Iterable[Doc]:
        """:meth:`annotate` over a stream of docs."""
        return (self.annotate(doc) for doc in docs)

    # ---------------------------------------------------------------- the artifact

    def to_json(self, sha256: str) -> str:
        """The table as JSON stamped with the taxonomy's sha256 and the spaCy version."""
        return json.dumps({
            "format": FORMAT, "taxonomy_sha256": sha256, "spacy": spacy.__version__,
            "lower": [[list(k), v] for k, v in self.lower.items()],
            "cased": [[list(k), v] for k, v in self.cased.items()],
        }, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, path: Path, sha256: str) -> TermTable | None:
        """The table saved at ``path`` if it was compiled from this taxonomy (same sha256)
        by this spaCy version; None when the file is missing, unreadable or stale."""
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if (not isinstance(data, dict) or data.get("format") != FORMAT
                or data.get("taxonomy_sha256") != sha256 or data.get("spacy") != spacy.__version__):
            return None
        return cls({tuple(k): v for k, v in data["lower"]}, {tuple(k): v for k, v in data["cased"]})


def artifact_path(taxonomy_path: Path) -> Path:
    """Where the compiled table of the taxonomy at ``taxonomy_path`` lives: ``models/`` beside it."""
    return Path(taxonomy_path).parent / "models" / ARTIFACT

