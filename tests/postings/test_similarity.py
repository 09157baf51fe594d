"""The TF-IDF similarity model in models/ loads and is in step with the code that uses it.

Checked against what the project itself holds (no corpus needed): the parameters, the tokenizer
version and scikit-learn version recorded when it was built, the vocabulary's hash, and that
technology names the tokenizer keeps whole are in the vocabulary. Rebuild with
``python -m analyzer.postings.similarity build`` when this fails.
"""

from __future__ import annotations

import json

import pytest

from analyzer.postings import similarity
from analyzer.postings.similarity import (MODEL_PATH, idf_path, idf_weights, in_step, load_model,
                                         load_vectorizer, tokenize, vocabulary_sha256)

REBUILD = "rebuild it: python -m analyzer.postings.similarity build"


@pytest.mark.parametrize("text, tokens", [
    ("C#, C++ and .NET", ["c#", "c++", ".net"]),
    ("Node.js / NodeJS; ASP.NET Core", ["node.js", "nodejs", "asp.net", "core"]),
    ("Python. Go, and CI/CD!", ["python", "go", "ci", "cd"]),
    ("the 2021 and of a", []),
])
def test_tokenizer_keeps_technology_names_whole(text, tokens):
    assert tokenize(text) == tokens


def test_saved_model_is_in_step():
    meta = json.loads(MODEL_PATH.with_suffix(".json").read_text("utf-8"))
    assert in_step(meta) == [], REBUILD
    model = load_model()
    assert model is not None, REBUILD
    vectorizer = load_vectorizer()
    assert vectorizer.tokenizer is similarity.tokenize  # pickled by reference, not a stale copy
    assert len(vectorizer.vocabulary_) == meta["vocabulary_size"]
    assert vocabulary_sha256(vectorizer) == meta["vocabulary_sha256"]
    # the weights reports read are the fitted vectorizer's, exactly
    assert json.loads(idf_path().read_text("utf-8")) == idf_weights(vectorizer) == model.idf
    assert meta["resumes"] > 0 and meta["postings"] > 0
    for term in ("c#", "c++", ".net", "node.js", "python", "docker"):
        assert term in vectorizer.vocabulary_, term


def test_cosine_ranks_a_related_text_above_an_unrelated_one():
    model = load_model()
    posting = "Backend engineer: Python, Django, PostgreSQL, Docker, REST APIs, unit tests."
    related = "Built REST APIs in Python and Django on PostgreSQL; wrote unit tests; shipped with Docker."
    unrelated = "Managed a retail store, scheduled shifts and handled customer complaints."
    assert 0 <= model.cosine(posting, unrelated) < model.cosine(posting, related) <= 1
    assert model.cosine(posting, "") == 0


@pytest.mark.parametrize("first, second", [
    ("Backend engineer: Python, Django, PostgreSQL, Docker, REST APIs, unit tests.",
     "Built REST APIs in Python and Django on PostgreSQL; wrote unit tests; shipped with Docker."),
    ("C# and .NET services on Azure, SQL Server, microservices", "Java developer, Spring Boot, Kafka, AWS"),
    ("Python python PYTHON python data pipelines", "python"),
    ("", "Python"),
])
def test_cosine_is_scikit_learns(first, second):
    from sklearn.metrics.pairwise import cosine_similarity

    matrix = load_vectorizer().transform([first, second])
    expected = 0.0 if matrix[0].nnz == 0 or matrix[1].nnz == 0 else cosine_similarity(matrix[0], matrix[1])[0, 0]
    assert load_model().cosine(first, second) == pytest.approx(expected, abs=1e-9)


def test_reports_do_not_import_scikit_learn():
    import subprocess
    import sys

    code = ("import sys; from analyzer.postings.similarity import load_model; "
            "m = load_model(); m.cosine('Python and Go', 'Go services'); print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_changed_parameter_is_out_of_step():
    meta = json.loads(MODEL_PATH.with_suffix(".json").read_text("utf-8"))
    assert in_step({**meta, "params": {**meta["params"], "min_df": 1}})
    assert in_step({**meta, "tokenizer_version": meta["tokenizer_version"] + 1})
