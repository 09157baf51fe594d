"""TF-IDF text similarity between a posting and a résumé: a second signal, never the score.

The match score (:mod:`analyzer.postings.match`) counts skills with evidence. This module
gives a different, cruder reading — how much the two texts share their vocabulary, weighted by
how rare each word is — so a coach can see when a résumé *talks* like the posting even where
the taxonomy has no name for it. It is labelled as a second signal in every report and never
mixed into the match score.

The vectorizer (scikit-learn ``TfidfVectorizer`` with :func:`tokenize`, which keeps "C#",
"C++", ".NET", "Node.js" and "ASP.NET" whole) is fitted on the shared corpora — the dotin
résumé texts and the SkillSpan postings — so that its IDF weights know which words are common
in résumés and postings alike. It is saved in ``models/posting_similarity.joblib`` with a
``.json`` record of what it was built from and its IDF weights (``.idf.json``), which is what
reports read (:class:`SimilarityModel` applies the vectorizer's steps without scikit-learn);
one command rebuilds all three::

    python -m analyzer.postings.similarity build [--corpus ../shared/corpus]

and ``tests/postings/test_similarity.py`` checks the saved model is in step with this module
(parameters, tokenizer version, scikit-learn version, vocabulary).

    model = load_model()                       # None when the file is missing or out of step
    model.cosine(posting_text, resume_text)    # in [0, 1]
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "MODEL_PATH",
    "PARAMS",
    "TOKENIZER_VERSION",
    "SimilarityModel",
    "build_model",
    "idf_path",
    "idf_weights",
    "load_model",
    "load_vectorizer",
    "tokenize",
]

TOKENIZER_VERSION = 1
"""Bumped whenever :func:`tokenize` changes; the saved model records the version it used."""

PARAMS = {"lowercase": True, "sublinear_tf": True, "min_df": 3, "max_df": 0.7, "norm": "l2",
          "ngram_range": (1, 1)}
"""``TfidfVectorizer`` parameters. ``min_df=3`` keeps words of at least three documents (names
and e-mail fragments of single résumés drop out); ``max_df=0.7`` drops words in most
documents ("experience", "team"); sublinear TF so one word repeated ten times does not
dominate. Our own choices, checked by reading the cosines of the corpus postings."""

_CHECKOUT_MODELS = Path(__file__).resolve().parents[2] / "models"
_INSTALLED_MODELS = Path(__file__).resolve().parents[1] / "data" / "models"  # package data
MODEL_PATH = (_CHECKOUT_MODELS if _CHECKOUT_MODELS.is_dir() or not _INSTALLED_MODELS.is_dir()
              else _INSTALLED_MODELS) / "posting_similarity.joblib"
"""``models/posting_similarity.joblib`` of a source checkout, else the copy an installed wheel
carries as package data (``analyzer/data/models``)."""
NOTE = ("Text similarity (TF-IDF cosine of the posting and the résumé text, 0–1): a second "
        "signal about shared wording, not part of the match score.")

_TOKEN = re.compile(r"\.?[a-z0-9][a-z0-9_]*(?:[.\-][a-z0-9_]+)*(?:\+\+|#)?")
_STOP = frozenset("""a about above after again all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each etc few for
from further had has have having he her here hers him his how i if in into is it its itself just
me more most my no nor not now of off on once only or other our ours out over own per same she
should so some such than that the their theirs them then there these they this those through to
too under until up very via was we were what when where which while who whom why will with would
you your yours""".split())


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens; technology names with ``.``, ``#``, ``+`` or ``-`` stay whole.

    >>> tokenize("C#, C++ and .NET on Node.js; ASP.NET Core")
    ['c#', 'c++', '.net', 'node.js', 'asp.net', 'core']

    Numbers alone, one-letter words (except "c", "r") and English function words are dropped.
    """
    tokens = []
    for token in _TOKEN.findall(text.lower()):
        token = token.rstrip(".-")
        if token in _STOP or token.isdigit() or (len(token) == 1 and token not in ("c", "r")):
            continue
        tokens.append(token)
    return tokens


@dataclass(frozen=True)
class SimilarityModel:
    """The fitted vectorizer's IDF weights (term → weight, from ``posting_similarity.idf.json``)
    and the record of how it was built (``meta``).

    :meth:`cosine` applies the vectorizer's own steps (``PARAMS``: lower case, :func:`tokenize`,
    vocabulary only, sublinear TF ``1 + ln(tf)``, × IDF, L2 norm) to two texts in plain Python,
    so a report does not import scikit-learn (about 1.5 s of a cold ``jobready analyze
    --posting``); ``tests/postings/test_similarity.py`` checks it gives scikit-learn's cosine.
    """

    idf: dict[str, float]
    meta: dict

    def vector(self, text: str) -> dict[str, float]:
        """The L2-normalised TF-IDF weights of ``text``'s vocabulary terms (empty when none)."""
        counts = Counter(token for token in tokenize(text.lower()) if token in self.idf)
        weights = {term: (1.0 + math.log(n)) * self.idf[term] for term, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {term: w / norm for term, w in weights.items()} if norm else {}

    def cosine(self, first: str, second: str) -> float:
        """Cosine similarity of two texts' TF-IDF vectors, in [0, 1] (0 when either is empty)."""
        a, b = self.vector(first), self.vector(second)
        if not a or not b:
            return 0.0
        return float(max(0.0, min(1.0, sum(w * b[t] for t, w in a.items() if t in b))))


def idf_weights(vectorizer) -> dict[str, float]:
    """term → IDF weight of a fitted ``TfidfVectorizer``, sorted by term."""
    return {term: float(vectorizer.idf_[index]) for term, index in sorted(vectorizer.vocabulary_.items())}


def vocabulary_sha256(weights) -> str:
    """sha256 of the sorted vocabulary and its IDF weights (6 decimals): the model's identity.

    ``weights`` is a term → IDF mapping (:func:`idf_weights`) or a fitted vectorizer."""
    if not isinstance(weights, dict):
        weights = idf_weights(weights)
    text = "\n".join(f"{term}\t{idf:.6f}" for term, idf in sorted(weights.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _make_vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    # the tokenizer is pickled by reference: take it from the module by its import name, not
    # from ``__main__`` when this file runs as ``python -m analyzer.postings.similarity``
    from analyzer.postings import similarity

    return TfidfVectorizer(tokenizer=similarity.tokenize, token_pattern=None, **PARAMS)


def corpus_texts(corpus: Path) -> list[tuple[str, str]]:
    """(name, text) of every dotin résumé (``dotin/train/*.xml``, text without the labels) and
    every SkillSpan posting (``postings/skillspan_train/*.txt``), sorted by name."""
    import xml.etree.ElementTree as ET

    texts: list[tuple[str, str]] = []
    for path in sorted((corpus / "dotin" / "train").glob("*.xml")):
        try:
            root = ET.fromstring(path.read_bytes())
            texts.append((f"dotin/{path.name}", " ".join(root.itertext())))
        except ET.ParseError:
            texts.append((f"dotin/{path.name}", re.sub(r"<[^>]+>", " ", path.read_text("utf-8", "replace"))))
    for path in sorted((corpus / "postings" / "skillspan_train").glob("*.txt")):
        texts.append((f"postings/{path.name}", path.read_text("utf-8")))
    return texts


def build_model(corpus: Path, path: Path = MODEL_PATH) -> dict:
    """Fit the vectorizer on the corpora and save it (``.joblib``) with its record (``.json``).

    Returns the record: documents, inputs_sha256 (of the names and texts), params,
    tokenizer_version, sklearn_version, vocabulary_size, vocabulary_sha256.
    Raises FileNotFoundError when the corpus holds no documents.
    """
    import joblib
    import sklearn

    texts = corpus_texts(corpus)
    if not texts:
        raise FileNotFoundError(f"no dotin/train/*.xml or postings/skillspan_train/*.txt under {corpus}")
    digest = hashlib.sha256()
    for name, text in texts:
        digest.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    vectorizer = _make_vectorizer()
    vectorizer.fit(text for _, text in texts)
    meta = {
        "documents": len(texts),
        "resumes": sum(n.startswith("dotin/") for n, _ in texts),
        "postings": sum(n.startswith("postings/") for n, _ in texts),
        "inputs_sha256": digest.hexdigest(),
        "params": {k: list(v) if isinstance(v, tuple) else v for k, v in PARAMS.items()},
        "tokenizer_version": TOKENIZER_VERSION,
        "sklearn_version": sklearn.__version__,
        "vocabulary_size": len(vectorizer.vocabulary_),
        "vocabulary_sha256": vocabulary_sha256(vectorizer),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(vectorizer, path, compress=3)
    idf_path(path).write_text(json.dumps(idf_weights(vectorizer), ensure_ascii=False) + "\n", encoding="utf-8")
    path.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def idf_path(path: Path = MODEL_PATH) -> Path:
    """``posting_similarity.idf.json`` beside the model: its IDF weights, what reports read."""
    return path.with_suffix(".idf.json")


def in_step(meta: dict) -> list[str]:
    """What is out of step between a saved record and this code (empty when in step).

    The scikit-learn version is read from the installed package's metadata, without importing it.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        sklearn_version = version("scikit-learn")
    except PackageNotFoundError:
        sklearn_version = None
    problems = []
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in PARAMS.items()}
    if meta.get("params") != params:
        problems.append(f"parameters {meta.get('params')} differ from {params}")
    if meta.get("tokenizer_version") != TOKENIZER_VERSION:
        problems.append(f"tokenizer version {meta.get('tokenizer_version')} is not {TOKENIZER_VERSION}")
    if meta.get("sklearn_version") != sklearn_version:
        problems.append(f"built with scikit-learn {meta.get('sklearn_version')}, running {sklearn_version}")
    return problems


_LOADED: dict[str, SimilarityModel | None] = {}


def load_vectorizer(path: Path = MODEL_PATH):
    """The fitted scikit-learn ``TfidfVectorizer`` itself (``.joblib``): for tests and for
    rebuilding, never for reports. Raises what ``joblib.load`` raises."""
    import joblib

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return joblib.load(path)


def load_model(path: Path = MODEL_PATH) -> SimilarityModel | None:
    """The saved model, or None when it is missing, unreadable or out of step (see :func:`in_step`).

    Loaded once per path and kept. Never raises: the similarity is optional.
    """
    key = str(path)
    if key in _LOADED:
        return _LOADED[key]
    model = None
    try:
        meta = json.loads(path.with_suffix(".json").read_text("utf-8"))
        if not in_step(meta):
            weights = json.loads(idf_path(path).read_text("utf-8"))
            if vocabulary_sha256(weights) == meta.get("vocabulary_sha256"):
                model = SimilarityModel(weights, meta)
    except (OSError, ValueError, TypeError, AttributeError):  # the signal is optional
        model = None
    _LOADED[key] = model
    return model


def _main(argv: Iterable[str]) -> int:
    args = list(argv)
    if not args or args[0] != "build":
        print("usage: python -m analyzer.postings.similarity build [--corpus PATH/TO/shared/corpus]",
              file=sys.stderr)
        return 2
    corpus = None
    if "--corpus" in args:
        corpus = Path(args[args.index("--corpus") + 1])
    else:
        here = Path(__file__).resolve()
        corpus = next((c for c in (here.parents[3] / "shared" / "corpus", here.parents[4] / "shared" / "corpus",
                                   Path("/work/shared/corpus")) if (c / "dotin").is_dir()), None)
    if corpus is None or not corpus.is_dir():
        print("Error: the shared corpus was not found: pass --corpus PATH/TO/shared/corpus.", file=sys.stderr)
        return 2
    meta = build_model(corpus)
    print(f"{MODEL_PATH.name}: {meta['documents']} documents ({meta['resumes']} résumés, "
          f"{meta['postings']} postings), {meta['vocabulary_size']} terms, "
          f"vocabulary {meta['vocabulary_sha256'][:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
