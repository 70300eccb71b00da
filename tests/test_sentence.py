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


@pytest.mark.parametrize("verb", ["أبرم", "ابرم", "أُبرِم"])
def test_events_read_their_words_through_the_fold(made_up_article, verb):
    from khabar import events

    found = events(made_up_article(f"و{verb} اتفاق بين الفصائل والحكومة لإخراج المقاتلين من البلدة."))
    assert "deal" in found["stage"].tolist()


@pytest.mark.parametrize("part", ["أجزاء", "اجزاء"])
def test_control_reads_its_words_through_the_fold(made_up_article, part):
    from khabar import control

    found = control(made_up_article(f"ويسيطر التنظيم على {part} من حي القدم جنوب العاصمة."))
    assert found.set_index("place_en").loc["al-Qadam", "extent"] == "part"


def test_the_words_of_events_and_control_are_lexicon_data():
    from khabar import lexicon
    from khabar.control_table import ACTORS
    from khabar.events_table import STAGES

    assert [s[0] for s in STAGES] == [row["key"] for row in lexicon.rows("stage")]
    assert [a[0] for a in ACTORS] == [row["key"] for row in lexicon.rows("actor")]
    for key in ("negation", "exceeding", "approaching", "control_verb", "part_of_place"):
        assert lexicon.record("cue", key)["forms"], key
