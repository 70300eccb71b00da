"""The lexicon's words as one pattern (khabar.text.alternation): a tree of
shared beginnings that must find exactly what the plain alternation of the
words, longest first, finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text import alternation

# A few letters, so that words share beginnings and one word begins another.
WORD = st.text(alphabet="قتلىاو", min_size=1, max_size=5)
FORM = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
TEXT = st.lists(st.one_of(WORD, st.sampled_from([" ", "  ", "، ", "5"])), max_size=12).map("".join)


def plain(forms) -> str:
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in sorted(set(forms), key=len, reverse=True))


def found(alternatives: str, text: str) -> list:
    # as the lexicon's patterns use it: a clitic before, a suffix after, a
    # word end; and bare, where the first match at each place is the one kept
    pattern = re.compile(rf"(?<!\w)(?P<clitic>[وف]{{0,2}}?)(?P<form>{alternatives})(?P<suffix>وا|ا)?(?!\w)")
    bare = re.compile(rf"(?P<form>{alternatives})")
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)] + [
        (m.span(), m.group()) for m in bare.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(FORM, min_size=1, max_size=12), TEXT)
def test_the_tree_finds_what_the_alternation_finds(forms, text):
    assert found(alternation(forms), text) == found(plain(forms), text)


def test_a_word_that_begins_a_longer_one_gives_way_to_it():
    pattern = re.compile(rf"(?P<form>{alternation(['قتل', 'قتلى', 'قتل او'])})(?!\w)")
    assert pattern.match("قتلى").group("form") == "قتلى"
    assert pattern.match("قتل   او").group("form") == "قتل   او"
    assert pattern.match("قتل اخرون").group("form") == "قتل"


def test_a_form_with_a_stray_space_is_matched_as_written():
    assert re.fullmatch(alternation(["قتل ", "قتلى"]), "قتل  ") is not None
