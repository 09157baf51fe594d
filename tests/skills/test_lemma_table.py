"""The cut-down lemma table answers every ``LEMMA`` predicate of the meaning rules as the full
English lookup table of ``spacy-lookups-data`` would."""

from __future__ import annotations

from spacy.util import load_language_data, registry

from analyzer.skills.signals import SIGNALS, lemma_table, signal_lemmas


def test_the_rules_name_lemmas_and_the_table_keeps_their_forms():
    wanted = signal_lemmas(SIGNALS)
    table = lemma_table(SIGNALS)
    assert {"lead", "mentor", "reduce"} <= wanted
    assert table["led"] == "lead" and table["mentored"] == "mentor"
    assert len(table) < 5_000


def test_every_word_of_the_full_table_meets_the_rules_the_same_way():
    wanted = signal_lemmas(SIGNALS)
    full = load_language_data(registry.lookups.get("en")["lemma_lookup"])
    table = lemma_table(SIGNALS)
    differ = [word for word in full
              if (full.get(word, word) in wanted) != (table.get(word, word) in wanted)
              or (full.get(word, word) in wanted and full.get(word, word) != table.get(word, word))]
    assert differ == []
