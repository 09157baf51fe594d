"""Does a scikit-learn sentence classifier beat the signal rules on the group labels?

Issue 7 asks for a learned model only where it beats rules on a measurement. This script
trains a TF-IDF (word 1–2-grams) + logistic-regression sentence classifier on our own
written sentences (``scripts/labels/sentences.yaml``; never on the evaluation labels) for the
skills the signals read by meaning (leadership, mentoring, communication, teamwork,
documentation, performance, scalability, web security), then measures three set-ups with
:func:`evaluate_groups.evaluate_groups` on the labelled corpus:

- ``rules``: the shipped pipeline (taxonomy terms + signals);
- ``terms + classifier``: signals switched off, the classifier reads every work, project
  and volunteer line instead;
- ``rules + classifier``: both; the classifier adds skills the rules did not find.

A classifier mention needs probability ≥ ``--threshold`` (default 0.5). Figures go to
stdout; docs/judgement.md records them. Nothing here ships: if the classifier won it
would move to ``models/`` with its rebuild command and an in-step test.

Usage: ``.venv/bin/python scripts/experiment_classifier.py [--corpus …] [--threshold 0.5]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate_groups import DEFAULT_CORPUS, evaluate_groups  # noqa: E402

from analyzer.skills.matcher import APPLIED_SECTIONS, Mention, SkillMatcher  # noqa: E402
from analyzer.skills.signals import SignalMatcher  # noqa: E402
from analyzer.taxonomy.loader import load_taxonomy  # noqa: E402

SENTENCES = Path(__file__).resolve().parent / "labels" / "sentences.yaml"


def training_data(path: Path = SENTENCES) -> tuple[list[str], list[str]]:
    """(sentences, labels) from the training file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts, labels = [], []
    for label, sentences in data.items():
        texts += sentences
        labels += [label] * len(sentences)
    return texts, labels


def make_model():
    """The unfitted classifier: TF-IDF word 1–2-grams + logistic regression (seeded)."""
    return make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
                         LogisticRegression(max_iter=2000, C=4.0, random_state=0))


def train(texts: list[str], labels: list[str]):
    """The sentence classifier fitted on the training sentences."""
    return make_model().fit(texts, labels)


class ClassifierMatcher(SkillMatcher):
    """A SkillMatcher whose lines of work also go through the classifier."""

    def __init__(self, taxonomy, model, threshold: float, rules: bool):
        super().__init__(taxonomy)
        self.model, self.threshold, self.rules = model, threshold, rules
        if not rules:
            self.signals = SignalMatcher(self.nlp.vocab, taxonomy, signals=())

    def _line_mentions(self, doc, section):
        found = super()._line_mentions(doc, section)
        if section not in APPLIED_SECTIONS or len(doc.text.split()) < 3:
            return found
        named = {m.skill_id for m in found}
        probabilities = self.model.predict_proba([doc.text])[0]
        for label, p in zip(self.model.classes_, probabilities):
            if label != "none" and p >= self.threshold and label not in named:
                found.append(Mention(label, 0, len(doc.text), doc.text, "classifier"))
        return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy()
    texts, labels = training_data()
    model = train(texts, labels)
    cv = cross_val_score(make_model(), texts, labels, cv=5)
    print(f"training sentences: {len(texts)}; 5-fold accuracy on them: {cv.mean():.2f}")
    setups = {
        "rules": SkillMatcher(taxonomy),
        "terms + classifier": ClassifierMatcher(taxonomy, model, args.threshold, rules=False),
        "rules + classifier": ClassifierMatcher(taxonomy, model, args.threshold, rules=True),
    }
    print(f"{'set-up':22} {'false gaps':>11} {'false credit':>13} {'shown ≥ 70':>11}")
    for name, matcher in setups.items():
        r = evaluate_groups(args.corpus, taxonomy, matcher)
        print(f"{name:22} {100 * r['false_gap_rate']:10.1f}% {100 * r['false_credit_rate']:12.1f}% "
              f"{100 * r['shown_credited_rate']:10.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
