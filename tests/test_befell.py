"""What befell the counted, one class at a time, on sentences written for
these tests: one person among a count, unstated plurals, one vague number
before two nouns, a number in parts, people named by their origin, places
taken, people neutralized, rates, people returning home, and a holder and a
predicate taken from the count's own clause."""

import math

import pytest


def rows(made_up_article, sentence):
    from khabar import claims

    table = claims(made_up_article(sentence))
    return [
        (None if math.isnan(r["value_low"]) else r["value_low"], r["subject"], r["scope"])
        for r in table.to_dict("records")
    ], table


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("وأصيب 11 شخصا بينهم طفل في انفجار العبوة.", [(11, "wounded", "persons"), (1, "wounded", "children")]),
        ("وأسفر القصف عن سقوط قتلى وجرحى في الحي.", [(None, "killed", ""), (None, "wounded", "")]),
        ("وقتل 3 جنود وإصابة آخرين في الهجوم.", [(3, "killed", "soldiers"), (None, "wounded", "persons")]),
        ("وخلف الانفجار عشرات القتلى والجرحى في الميناء.", [(20, "wounded", ""), (20, "killed", "")]),
        ("ونزح 27 ألفاً و500 شخص خلال الشهر.", [(27500, "persons", "displaced")]),
        ("وأطلق الفصيل سراح 15 أردنياً بعد وساطة.", [(15, "persons", "released")]),
        ("وسيطرت الفصائل على 9 بلدات في السهل.", [(9, "places", "seized")]),
        ("وأعلنت الشرطة تحييد 30 مسلحا في المداهمة.", [(30, "fighters", "neutralized")]),
        ("وعاد 650 نازحاً إلى قراهم في الريف.", [(650, "displaced", "returned")]),
        (
            "وما زال 120 أسيرا لدى الفصيل، وأطلق سراح 20 منهم أمس.",
            [(120, "prisoners", "held"), (20, "prisoners", "released")],
        ),
    ],
)
def test_what_befell_the_counted(made_up_article, sentence, expected):
    found, _ = rows(made_up_article, sentence)
    assert sorted(found, key=str) == sorted(expected, key=str)


def test_neutralized_is_never_killed(made_up_article):
    found, _ = rows(made_up_article, "وأعلن الجيش تحييد 40 عنصرا من الخلية.")
    assert found == [(40, "members", "neutralized")]


@pytest.mark.parametrize("period, unit", [("يوميا", "per_day"), ("شهريا", "per_month")])
def test_a_rate_says_per_what(made_up_article, period, unit):
    _, table = rows(made_up_article, f"وقتل بمعدل 12 مدنيا {period} خلال العام الماضي.")
    assert table[["value_low", "subject", "scope", "unit"]].values.tolist() == [[12.0, "killed", "civilians", unit]]


def test_a_return_home_quotes_the_count_and_its_noun(made_up_article):
    _, table = rows(made_up_article, "وعاد 500 نازح إلى منازلهم.")
    assert table["quote"].tolist() == ["500 نازح"]


def test_adverbs_and_nouns_in_ya_are_not_people_by_origin(made_up_article):
    found, _ = rows(made_up_article, "ودمر القصف 40 مبنى سكنيا في الحي.")
    assert all(subject != "persons" for _, subject, _ in found)


def test_no_unstated_count_where_the_text_denies_it(made_up_article):
    found, _ = rows(made_up_article, "ومر القصف دون وقوع قتلى أو جرحى.")
    assert found == []
