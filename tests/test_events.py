"""Events: each stage of the article with its date, precision and claimant,
made-up sentences of the same shapes, and exact quotes."""

import pandas as pd
import pytest

from khabar.events_table import amounts, event_mentions, events
from khabar.sources import sentences

T = pd.Timestamp


@pytest.fixture(scope="module")
def found(article):
    return events(article)


@pytest.fixture(scope="module")
def mentioned(article):
    return event_mentions(article)


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
        assert article.text[row.start : row.end] == row.quote
        assert row.date_expression == "" or row.date_expression in row.quote


# Each mention read off the article by hand: the date words, what they
# resolve to, how the happening stands to them, and who says it.  Dates of a
# quoted source count from the day it spoke: al-Naba's "منذ أكثر من أسبوع"
# from its Thursday, 22 March.
@pytest.mark.parametrize(
    "stage, claimant, words, first, last, precision, relation",
    [
        ("photo", "enab_baladi", "شباط 2018", T(2018, 2, 1), T(2018, 2, 28), "month", "at"),
        ("deal", "enab_baladi", "قبل أيام", T(2018, 3, 16), T(2018, 3, 24), "approx", "at"),
        ("deal", "informed_sources", "السبت الماضي", T(2018, 3, 24), T(2018, 3, 24), "day", "at"),
        # "تحدثت صفحات موالية، أمس، عن تبادل": أمس is when they spoke
        ("handover", "pro_regime_pages", "", pd.NaT, T(2018, 3, 25), "day", "by"),
        # "بحوالي 85 حتى اليوم": a running total up to today
        ("handover", "informed_sources", "اليوم", pd.NaT, T(2018, 3, 26), "day", "by"),
        ("to_come", "informed_sources", "اليوم", T(2018, 3, 26), pd.NaT, "after", "after"),
        ("bodies_held", "informed_sources", "اليوم", T(2018, 3, 26), T(2018, 3, 26), "day", "at"),
        ("bodies_held", "other_sources", "", T(2018, 3, 26), T(2018, 3, 26), "day", "at"),
        ("control_announced", "isis", "قبل أيام", T(2018, 3, 16), T(2018, 3, 24), "approx", "at"),
        # "قتل 175 ... خلال العملية العسكرية المستمرة منذ أكثر من أسبوع", told on 22 March
        ("deaths", "al_naba", "منذ أكثر من أسبوع", T(2018, 3, 9), T(2018, 3, 22), "approx", "at"),
        ("offensive", "al_naba", "منذ أكثر من أسبوع", T(2018, 3, 9), T(2018, 3, 14), "approx", "since"),
        ("area_seized", "enab_baladi", "منتصف آذار الحالي", T(2018, 3, 11), T(2018, 3, 20), "month_part", "at"),
        ("deaths", "pro_regime_pages", "خلال الأيام الماضية", T(2018, 3, 16), T(2018, 3, 25), "approx", "at"),
        ("bodies_recovered", "pro_regime_pages", "", T(2018, 3, 16), T(2018, 3, 25), "approx", "at"),
    ],
)
def test_each_mention_of_the_article(mentioned, stage, claimant, words, first, last, precision, relation):
    row = pick(mentioned, stage, claimant)
    assert (row.date_expression, row.date_precision, row.relation) == (words, precision, relation)
    assert row.date == first or (pd.isna(row.date) and pd.isna(first))
    assert row.date_end == last or (pd.isna(row.date_end) and pd.isna(last))


def test_one_deal_with_both_quotes(article, found):
    # "في إطار اتفاق غامض جرى قبل أيام" and "إن صفقة عقدت بين الطرفين، السبت
    # الماضي" are one deal: the Saturday is inside "days ago", and wins.
    deal = found[found.stage == "deal"]
    assert len(deal) == 1
    deal = deal.iloc[0]
    assert (deal.date, deal.date_end, deal.date_precision) == (T(2018, 3, 24), T(2018, 3, 24), "day")
    assert deal.claimants == ("enab_baladi", "informed_sources") and deal.mentions == 2
    assert "اتفاق غامض جرى قبل أيام" in deal.quotes[0]
    assert "صفقة عقدت بين الطرفين، السبت الماضي" in deal.quotes[1]
    assert all(quote in article.text for quote in deal.quotes)


def test_when_said_is_not_when_it_happened(mentioned):
    pages = pick(mentioned, "handover", "pro_regime_pages")
    assert (pages.reported_on, pages.date_basis) == (T(2018, 3, 25), "told")
    assert "صفحات موالية للنظام، أمس، عن تبادل" in pages.quote
    naba = pick(mentioned, "deaths", "al_naba")
    assert (naba.reported_on, naba.anchor, naba.date_basis) == (T(2018, 3, 22), T(2018, 3, 22), "during")
    # said on the day of publication, counted from it
    assert pick(mentioned, "deal", "informed_sources").reported_on == T(2018, 3, 26)


def test_the_offensive_is_ongoing_not_over(found):
    # "العملية العسكرية المستمرة منذ أكثر من أسبوع" (al-Naba) and "خلال هجوم
    # بدأه" (Enab Baladi, under way in mid-March) are one offensive, with no end.
    offensive = found[found.stage == "offensive"]
    assert len(offensive) == 1
    row = offensive.iloc[0]
    assert (row.relation, row.date, row.date_end) == ("since", T(2018, 3, 9), T(2018, 3, 14))
    assert row.claimants == ("al_naba", "enab_baladi")


def test_one_row_per_happening(found, mentioned):
    assert len(found) == len(mentioned) - 2
    assert set(mentioned["event"]) == set(found["event"]) == set(range(len(found)))


def test_amounts_and_terms(found):
    assert pick(found, "handover", "informed_sources")[["amount_ar", "amount_en", "under"]].tolist() == [
        "بحوالي 85",
        "about 85",
        "Syrian Arab Red Crescent",
    ]
    assert pick(found, "bodies_held", "informed_sources")["amount_en"] == "more than 100"
    assert pick(found, "bodies_held", "other_sources")["amount_en"] == "nearly 30 bodies and 12 prisoners"
    assert pick(found, "handover", "pro_regime_pages")[["amount_en", "in_return_for"]].tolist() == [
        "dozens of bodies",
        "women detainees",
    ]
    assert found.loc[found.stage == "deal", "in_return_for"].item() == "women detainees"
    assert pick(found, "deaths", "al_naba")["amount_en"] == "175 members of the forces"


def test_date_bases(mentioned):
    assert pick(mentioned, "bodies_held", "other_sources")["date_basis"] == "publication"
    assert pick(mentioned, "bodies_recovered", "pro_regime_pages")["date_basis"] == "previous_sentence"


def test_sentence_claimants(article):
    table = sentences(article)
    assert table["claimant"].tolist()[3:] == [
        "informed_sources",
        "pro_regime_pages",
        "informed_sources",
        "other_sources",
        "isis",
        "al_naba",
        "isis",
        "enab_baladi",
        "enab_baladi",
        "enab_baladi",
        "pro_regime_pages",
        "pro_regime_pages",
        "activists",
    ]
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
    # told of yesterday: it happened on or before 8 January
    assert (handover.relation, handover.date_end, handover.reported_on) == ("by", T(2019, 1, 8), T(2019, 1, 8))
    # and on or after the deal it carries out (6 January)
    assert handover.date == T(2019, 1, 6)
    assert (handover.amount_ar, handover.amount_en) == ("20 جثة", "20 bodies")
    for row in found.itertuples():
        assert article.text[row.start : row.end] == row.quote


def test_made_up_stages_still_to_come_and_continued_speaker(made_up):
    _, found = made_up(
        "وأكدت المصادر أن العملية ستستكمل على مراحل خلال أواخر كانون الثاني الحالي.",
        "ووثقت صفحات موالية مقتل 7 عناصر قبل أيام.",
        "وتحدثت عن انتشال جثث من محور بور سعيد.",
    )
    to_come = pick(found, "to_come", "informed_sources")
    assert (to_come.date, to_come.date_precision) == (T(2019, 1, 31), "after")
    deaths = pick(found, "deaths", "pro_regime_pages")
    assert (deaths.date, deaths.date_end, deaths.date_precision) == (T(2018, 12, 30), T(2019, 1, 7), "approx")
    recovered = pick(found, "bodies_recovered", "pro_regime_pages")
    assert (recovered.date, recovered.date_basis) == (T(2018, 12, 30), "previous_sentence")


def test_made_up_state_is_not_an_event(made_up):
    # The imperfect يسيطر is a standing state; كانت بحوزة a past one.
    _, found = made_up(
        "ويسيطر التنظيم على حي القدم منذ أكثر من أسبوع.", "وتحدثت صفحات موالية عن جثث كانت بحوزة التنظيم."
    )
    assert found.empty


def test_made_up_running_total_ongoing_and_a_sources_own_day(made_up):
    _, found = made_up(
        "وقالت مصادر مطلعة إن الطرفين تبادلا 40 جثة حتى أمس.",
        "ووفق ما نشرت صحيفة “النبأ”، الأحد الماضي، قتل 30 عنصرًا خلال الهجوم المستمر منذ أكثر من أسبوع.",
        "ووصل وفد الهلال الأحمر منذ أيام إلى الحي.",
    )
    total = pick(found, "handover", "informed_sources")
    assert (total.relation, total.date_end) == ("by", T(2019, 1, 8))
    # the weekly spoke on Sunday 6 January: more than a week before that
    dead = pick(found, "deaths", "al_naba")
    assert (dead.reported_on, dead.anchor) == (T(2019, 1, 6), T(2019, 1, 6))
    assert (dead.date, dead.date_end, dead.date_basis) == (T(2018, 12, 24), T(2019, 1, 6), "during")


def test_made_up_since_needs_a_continuing_predicate(made_up):
    # "منذ أيام" after a plain verb is "days ago"; after المستمرة it is "since".
    _, found = made_up(
        "وأعلن التنظيم منذ أيام سيطرته على حي التضامن.",
        "وقالت مصادر مطلعة إن الهجوم المستمر منذ أيام على الحي لم يتوقف.",
    )
    assert pick(found, "control_announced", "isis")["relation"] == "at"
    assert pick(found, "offensive", "informed_sources")["relation"] == "since"


def test_made_up_two_deals_far_apart_stay_two(made_up):
    _, found = made_up(
        "وقالت مصادر مطلعة إن صفقة عقدت بين الطرفين، الأحد الماضي.", "وكانت صفقة سابقة عقدت منتصف تشرين الثاني الماضي."
    )
    assert len(found[found.stage == "deal"]) == 2


def test_made_up_a_day_said_twice_in_the_telling(made_up):
    # "أمس، الثلاثاء 8 من كانون الثاني،" both say when the pages spoke
    _, found = made_up(
        "وتحدثت صفحات موالية، أمس، الثلاثاء 8 من كانون الثاني، عن تسليم 15 جثة.",
        "وتحدثت عن انتشال جثث من محور بور سعيد.",
    )
    handover = pick(found, "handover", "pro_regime_pages")
    assert (handover.relation, handover.date_end, handover.reported_on, handover.date_basis) == (
        "by",
        T(2019, 1, 8),
        T(2019, 1, 8),
        "told",
    )
    # the same pages go on: what they tell of happened by the day they spoke,
    # not on the day of publication
    recovered = pick(found, "bodies_recovered", "pro_regime_pages")
    assert (recovered.relation, recovered.date_end, recovered.reported_on) == ("by", T(2019, 1, 8), T(2019, 1, 8))


def test_the_activists_caveat_is_a_row(found):
    # «… إلا أنه لم يتم، وفق ناشطين …، ويقولون إن تلك الاتفاقيات لا تظهر إلى
    # الإعلام قبل إنهائها»: no number, but a coder records the doubt
    caveat = found[found.stage == "caveat"]
    assert len(caveat) == 1
    row = caveat.iloc[0]
    assert row.claimant == "activists" and row.paragraph == 15
    assert "لا تظهر إلى الإعلام" in row.quote and row.label_en.startswith("caveat")
    # a standing doubt holds as of the report
    assert (row.relation, row.date, row.date_end) == ("at", T(2018, 3, 26), T(2018, 3, 26))


@pytest.mark.parametrize(
    "sentence, stages",
    [
        ("وقال ناشطون إن مفاوضات سابقة بين الطرفين لم تنجح.", ["caveat"]),
        ("ويقول ناشطون إن مثل هذه الصفقات لا يعلن عنها قبل إتمامها.", ["caveat"]),
        # «لم يتم» before a verbal noun is a passive: «was not determined», no doubt on the deal
        ("وتحدثت صفحات موالية عن انتشال جثث، ولم يتم تحديد العدد.", ["bodies_recovered"]),
    ],
)
def test_made_up_caveats(made_up, sentence, stages):
    _, found = made_up(sentence)
    assert found["stage"].tolist() == stages


def test_a_handover_falls_on_or_after_its_deal(found):
    deal = found[found.stage == "deal"].iloc[0]
    handovers = found[found.stage == "handover"]
    assert len(handovers) == 2
    assert (handovers["date"] >= deal.date).all() and (handovers["date"] <= handovers["date_end"]).all()
    # told of "by" a day: the window runs from the deal (24 March) to that day
    assert handovers["date"].tolist() == [T(2018, 3, 24)] * 2


def test_no_deal_leaves_a_handover_without_a_first_day(made_up):
    _, found = made_up("وتحدثت صفحات موالية، أمس، عن تسليم 20 جثة من قوات النظام.")
    handover = pick(found, "handover", "pro_regime_pages")
    assert pd.isna(handover.date) and handover.date_end == T(2019, 1, 8)


def test_an_article_without_a_publication_date_places_only_dates_with_a_year():
    from khabar import article_from_text, events

    article = article_from_text("عنوان\n\nوجرى التبادل يوم السبت، ثم سلم التنظيم 20 جثة في 3 آذار 2018.")
    assert article.published is None
    found = events(article)
    assert [str(day.date()) for day in found["date"].dropna()] == ["2018-03-03"]
