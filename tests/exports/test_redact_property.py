"""Properties of redaction: whatever surrounds them, e-mails, phone numbers and links go."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from analyzer.exports.redact import REMOVED, Scrubber

WORDS = st.lists(st.sampled_from(["Built", "an", "API", "in", "Python", "with", "FastAPI,", "for",
                                  "3", "teams", "(2021", "–", "2023)", "Node.js", "socket.io", "|", "·"]),
                 max_size=8).map(" ".join)
EMAILS = st.from_regex(r"[a-z][a-z0-9._-]{0,10}@[a-z][a-z0-9-]{1,10}\.(org|com|dev|io)", fullmatch=True)
PHONES = st.from_regex(r"\+(1|33|44|49) \d{2,3} \d{3} \d{4}", fullmatch=True)
LINKS = st.from_regex(r"(https://|www\.)[a-z][a-z0-9-]{1,10}\.(com|org|dev)(/[a-z0-9-]{1,8}){0,2}", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(before=WORDS, after=WORDS, secret=st.one_of(EMAILS, PHONES, LINKS))
def test_a_contact_in_any_sentence_is_removed(before, after, secret):
    text = f"{before} {secret} {after}".strip()
    scrubbed = Scrubber()(text)
    assert secret not in scrubbed
    assert REMOVED in scrubbed


@settings(max_examples=100, deadline=None)
@given(text=WORDS)
@example(text="3 3 3 3 3 3 3")  # single figures in a row are no phone number
def test_text_without_contacts_is_kept(text):
    assert Scrubber()(text) == text


@given(login=st.from_regex(r"[a-z][a-z0-9-]{3,15}[a-z0-9]", fullmatch=True)
       .filter(lambda x: x not in "wrote parcel-api"), before=WORDS)
def test_the_candidates_own_login_is_removed_even_alone(login, before):
    scrubbed = Scrubber([login])(f"{before} {login} wrote {login}/parcel-api")
    assert login not in scrubbed.replace("parcel-api", "")
    assert scrubbed.endswith(f"{REMOVED} wrote {REMOVED}/parcel-api")
