"""One reading per sentence: every sentence is folded once per call to
claims(), and the folds are named steps that keep offsets to the text."""

from collections import Counter

import pytest

from khabar import text


def test_claims_fold_each_sentence_once(article, monkeypatch):
    from khabar.claims_table import claims
    from khabar.sentence import read

    sentences = [s.text for s in read(article)]
    calls = Counter()
    real = text.fold_with_offsets

    def counted(value):
        calls[value] += 1
        return real(value)

    monkeypatch.setattr(text, "fold_with_offsets", counted)
    claims(article)
    assert {s: calls[s] for s in sentences} == {s: 1 for s in sentences}
    # nothing else as long as a sentence (a prefix of one, the article) is folded with offsets
    assert sum(calls.values()) == len(sentences), [k[:30] for k, v in calls.items() if k not in sentences]


@pytest.mark.parametrize(
    "written, folded",
    [("قُتِلَ", "قتل"), ("قتـــلى", "قتلي"), ("أإآٱ", "اااا"), ("٣٠ و۱۲", "30 و12"), ("عنصرًا", "عنصرا")],
)
def test_the_fold_and_its_offsets(written, folded):
    plain, offsets = text.fold_with_offsets(written)
    assert plain == folded == text.fold(written)
    assert len(offsets) == len(plain) + 1 and offsets[-1] == len(written)
    assert all(text.fold(written[offsets[i]]) == plain[i] for i in range(len(plain)))


def test_the_steps_outside_the_fold_are_named_and_left_out():
    assert text.taa_marbuta("حصيلة") == "حصيله" and text.fold("حصيلة") == "حصيلة"
    assert text.punctuation("5,") == "5،" and text.fold("1,200") == "1,200"
