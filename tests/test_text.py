"""The fold (khabar.text.fold) is its steps in turn, whatever the text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text import STEPS, fold, fold_with_offsets

# Letters, harakat, tatweel, every alif, alif maqsura, both kinds of digits.
LETTERS = "قتلىاأإآٱيةـًٌٍَُِّْٰ٣۳5 ،"


def in_turn(text: str) -> str:
    for step in STEPS:
        text = step(text)
    return text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LETTERS, max_size=30))
def test_the_fold_is_its_steps_in_turn(text):
    assert fold(text) == in_turn(text)
    plain, offsets = fold_with_offsets(text)
    assert plain == in_turn(text)
    assert "".join(in_turn(text[offset]) for offset in offsets[:-1]) == plain
