"""Events: each stage of the article with its date, precision and claimant,
made-up sentences of the same shapes, and exact quotes."""

import pandas as pd
import pytest

from khabar.events_table import amounts, events
from khabar.sources import sentences

T = pd.Timestamp


@pytest.fixture(scope="module")
def found(article):
    return events(article)


@pytest.fixture
def made_up(made_up_article):
    def make(*body, **options):
        article = made_up_article(*body, **options)
        return article, events(article)

    return make


def pick(found, stage, claimant):
    rows = found[(found.stage == stage) & (found.claimant == claimant)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_quotes_are_exact_substrings(article, found):
    for row in found.itertuples():
        assert article.text[row.start:row.end] == row.quote
        assert row.date_expression == "" or row.date_expression in row.quote


# Each row read off the article by hand: the date words, what they resolve
# to from Monday 26 March 2018, and who says it.
@pytest.mark.parametrize("stage, claimant, words, first, last, precision", [
    ("photo", "enab_baladi", "شباط 2018", T(2018, 2, 1), T(2018, 2, 28), "month"),
    ("deal", "enab_baladi", "قبل أيام", T(2018, 3, 16), T(2018, 3, 23), "approx"),
    ("deal", "informed_sources", "السبت الماضي", T(2018, 3, 24), T(2018, 3, 24), "day"),
    ("handover", "pro_regime_pages", "أمس", T(2018, 3, 25), T(2018, 3, 25), "day"),
    ("handover", "informed_sources", "اليوم", T(2018, 3, 26), T(2018, 3, 26), "day"),
    ("to_come", "informed_sources", "اليوم", T(2018, 3, 26), pd.NaT, "after"),
    ("bodies_held", "informed_sources", "اليوم", T(2018, 3, 26), T(2018, 3, 26), "day"),
    ("bodies_held", "other_sources", "", T(2018, 3, 26), T(2018, 3, 26), "day"),
    ("control_announced", "isis", "قبل أيام", T(2018, 3, 16), T(2018, 3, 23), "approx"),
    ("deaths", "al_naba", "الخميس الماضي", T(2018, 3, 22), T(2018, 3, 22), "day"),
    ("offensive", "al_naba", "منذ أكثر من أسبوع", T(2018, 3, 13), T(2018, 3, 18), "approx"),
    ("area_seized", "enab_baladi", "منتصف آذار الحالي", T(2018, 3, 11), T(2018, 3, 20), "month_part"),
    ("deaths", "pro_regime_pages", "خلال الأيام الماضية", T(2018, 3, 16), T(2018, 3, 25), "approx"),
    ("bodies_recovered", "pro_regime_pages", "", T(2018, 3, 16), T(2018, 3, 25), "approx"),
])
def test_each_event_of_the_article(found, stage, claimant, words, first, last, precision):
    row = pick(found, stage, claimant)
    assert (row.date_expression, row.date, row.date_precision) == (words, first, precision)
    assert row.date_end == last or (pd.isna(row.date_end) and pd.isna(last))


def test_amounts_and_terms(found):
    assert pick(found, "handover", "informed_sources")[["amount_ar", "amount_en", "under"]].tolist() == [
        "بحوالي 85", "about 85", "Syrian Arab Red Crescent"]
    assert pick(found, "bodies_held", "informed_sources")["amount_en"] == "more than 100"
    assert pick(found, "bodies_held", "other_sources")["amount_en"] == "nearly 30 bodies and 12 prisoners"
    assert pick(found, "handover", "pro_regime_pages")[["amount_en", "in_return_for"]].tolist() == [
        "dozens of bodies", "women detainees"]
    assert pick(found, "deal", "informed_sources")["in_return_for"] == "women detainees"
    assert pick(found, "deaths", "al_naba")["amount_en"] == "175 members of the forces"


def test_date_bases(found):
    assert pick(found, "bodies_held", "other_sources")["date_basis"] == "publication"
    assert pick(found, "bodies_recovered", "pro_regime_pages")["date_basis"] == "previous_sentence"


def test_sentence_claimants(article):
    table = sentences(article)
    assert table["claimant"].tolist()[3:] == [
        "informed_sources", "pro_regime_pages", "informed_sources", "other_sources", "isis", "al_naba",
        "isis", "enab_baladi", "enab_baladi", "enab_baladi", "pro_regime_pages", "pro_regime_pages",
        "activists"]
    assert table["continues"].sum() == 1


def test_amounts_skip_identifiers_and_years():
    assert amounts("مقتل 12 عنصرا من مخابرات الفرع 215 في العدد “124” عام 2018") == [(5, 13, "12 members")]


def test_made_up_deal_and_handover(made_up):
    article, found = made_up(
        "وقالت مصادر مطلعة لعنب بلدي اليوم، الأربعاء 9 من كانون الثاني، إن اتفاقًا أبرم بين الطرفين، الأحد الماضي، مقابل الإفراج عن معتقلين.",
        "وتحدثت صفحات موالية، أمس، عن تسليم 20 جثة من قوات النظام.",
    )
    deal = pick(found, "deal", "informed_sources")
    assert (deal.date, deal.date_precision, deal.in_return_for) == (T(2019, 1, 6), "day", "detainees")
    handover = pick(found, "handover", "pro_regime_pages")
    assert (handover.date, handover.amount_ar, handover.amount_en) == (T(2019, 1, 8), "20 جثة", "20 bodies")
    for row in found.itertuples():
        assert article.text[row.start:row.end] == row.quote


def test_made_up_stages_still_to_come_and_continued_speaker(made_up):
    _, found = made_up(
        "وأكدت المصادر أن العملية ستستكمل على مراحل خلال أواخر كانون الثاني الحالي.",
        "ووثقت صفحات موالية مقتل 7 عناصر قبل أيام.",
        "وتحدثت عن انتشال جثث من محور بور سعيد.",
    )
    to_come = pick(found, "to_come", "informed_sources")
    assert (to_come.date, to_come.date_precision) == (T(2019, 1, 31), "after")
    deaths = pick(found, "deaths", "pro_regime_pages")
    assert (deaths.date, deaths.date_end, deaths.date_precision) == (T(2018, 12, 30), T(2019, 1, 6), "approx")
    recovered = pick(found, "bodies_recovered", "pro_regime_pages")
    assert (recovered.date, recovered.date_basis) == (T(2018, 12, 30), "previous_sentence")


def test_made_up_state_is_not_an_event(made_up):
    # The imperfect يسيطر is a standing state; كانت بحوزة a past one.
    _, found = made_up("ويسيطر التنظيم على حي القدم منذ أكثر من أسبوع.",
                       "وتحدثت صفحات موالية عن جثث كانت بحوزة التنظيم.")
    assert found.empty
