"""Control rows: each row of the article, made-up sentences of the same
shapes, and quotes that are exact substrings."""

import math
from datetime import date

import pandas as pd
import pytest

from khabar.control_table import control
from khabar.numbers import value_range


@pytest.fixture(scope="module")
def rows(article):
    return control(article)


@pytest.fixture
def made_up(made_up_article):
    def make(*body, **options):
        article = made_up_article(*body, **options)
        return article, control(article)

    return make


def one(rows, place_en, paragraph=None):
    picked = rows[rows.place_en == place_en]
    if paragraph is not None:
        picked = picked[picked.paragraph == paragraph]
    assert len(picked) == 1, picked
    return picked.iloc[0]


def test_quotes_are_exact_substrings(article, rows):
    for row in rows.itertuples():
        assert article.text[row.start : row.end] == row.quote


def test_one_row_per_place_statement(rows):
    # Read from the article: the roundabout, al-Qadam in paragraphs 7 and 10,
    # Yarmouk, the four places of paragraph 12, al-Qadam still fought over in
    # paragraph 13, Port Said.  The caption's front is a file photo's: no reading.
    assert rows[["place_en", "paragraph"]].values.tolist() == [
        ["al-Hajar al-Aswad roundabout", 6],
        ["al-Qadam", 7],
        ["al-Qadam", 10],
        ["Yarmouk camp", 11],
        ["al-Hajar al-Aswad", 12],
        ["al-Asali", 12],
        ["al-Madhaniya", 12],
        ["al-Tadamon", 12],
        ["al-Qadam", 13],
        ["Port Said axis", 14],
    ]


def test_al_qadam_about_90_percent_by_the_groups_own_announcement(rows):
    row = one(rows, "al-Qadam", 7)
    assert (row.controller, row.share_low, row.share_high) == ("isis", 81, 99)
    assert (row.qualifier, row.qualifier_ar, row.claimant) == ("about", "حوالي", "isis")
    assert "بحوالي 90% من الحي" in row.quote and row.quote.startswith("وكان تنظيم")


def test_yarmouk_nearly_70_percent(rows):
    row = one(rows, "Yarmouk camp")
    assert (row.controller, row.share_low, row.share_high, row.qualifier) == ("isis", 63, 77, "nearly")
    assert row.claimant == "enab_baladi"
    assert row.quote == "ويسيطر التنظيم على قرابة 70% من مساحة مخيم اليرموك"


def test_al_hajar_al_aswad_is_the_stronghold(rows):
    row = one(rows, "al-Hajar al-Aswad")
    assert (row.controller, row.extent, row.qualifier) == ("isis", "stronghold", "unspecified")
    assert math.isnan(row.share_low) and math.isnan(row.share_high)
    assert row.quote == "كما يتمركز في حي الحجر الأسود (معقله الرئيسي)"


def test_al_asali_and_al_madhaniya_inside_al_qadam(rows):
    asali = one(rows, "al-Asali")
    madhaniya = one(rows, "al-Madhaniya")
    assert (asali.controller, asali.quote) == ("isis", "ومنطقة العسالي")
    assert (madhaniya.controller, madhaniya.extent, madhaniya.within) == ("isis", "part", "al-Qadam")
    assert madhaniya.quote == "وأجزاء من حي الماذنية في حي القدم"


def test_part_of_al_tadamon(rows):
    row = one(rows, "al-Tadamon")
    assert (row.controller, row.extent, row.basis) == ("isis", "part", "control_verb")
    assert row.quote == "إضافة إلى سيطرته على قسم من حي التضامن الدمشقي"


def test_al_qadam_seized_mid_march_through_the_neighbourhood_anaphora(rows):
    row = one(rows, "al-Qadam", 10)
    assert (row.refers_by, row.controller, row.extent) == ("anaphora", "isis", "part")
    assert str(row.as_of.date()) == "2018-03-11"
    assert row.quote.endswith("في الحي")


def test_named_points(rows):
    roundabout = one(rows, "al-Hajar al-Aswad roundabout")
    assert (roundabout.controller, roundabout.basis, roundabout.claimant) == ("isis", "activity", "other_sources")
    port_said = one(rows, "Port Said axis")
    assert (port_said.controller, port_said.basis, port_said.claimant) == ("contested", "front", "pro_regime_pages")
    # "في الحي" after the axis is al-Qadam, the neighbourhood named most often,
    # not al-Tadamon, the one named last.
    assert port_said.within == "al-Qadam"


def test_no_reading_from_the_february_photo_caption(rows):
    assert 1 not in rows["paragraph"].tolist()  # «… على الجبهات في حي القدم - شباط 2018 (فيس بوك)»
    assert (rows["as_of"] >= pd.Timestamp("2018-03-01")).all()


def test_a_made_up_caption_gives_no_reading(tmp_path):
    from khabar.article import article_from_text

    article = article_from_text(
        "عنوان تجريبي\n\nمقاتلون على الجبهات في حي التضامن - أيار 2017 (أرشيف)\n\nويسيطر التنظيم على حي القدم.",
        published=date(2019, 1, 9),
    )
    assert article.paragraphs["kind"].tolist()[1] == "caption"
    assert control(article)["place_en"].tolist() == ["al-Qadam"]


def test_fighting_going_on_holds_as_of_the_report(rows):
    # «المعارك الدائرة في الحي … خلال الأيام الماضية»: the fighting is going on
    # when the pages write, not on 16 March, the first of «the past days»
    fought = one(rows, "al-Qadam", 13)
    assert fought.basis == "fighting"
    assert (fought.as_of, fought.as_of_end, fought.as_of_precision) == (
        pd.Timestamp("2018-03-26"),
        pd.Timestamp("2018-03-26"),
        "day",
    )


def test_readings_keep_their_window(rows):
    announced = one(rows, "al-Qadam", 7)  # «أعلن قبل أيام»
    assert (announced.as_of, announced.as_of_end, announced.as_of_precision) == (
        pd.Timestamp("2018-03-16"),
        pd.Timestamp("2018-03-24"),
        "approx",
    )
    seized = one(rows, "al-Qadam", 10)  # «منتصف آذار الحالي»
    assert (seized.as_of_end, seized.as_of_precision) == (pd.Timestamp("2018-03-20"), "month_part")
    assert (rows["as_of"] <= rows["as_of_end"]).all()


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("وقال ناشطون، أمس، إن المعارك الدائرة في حي القدم مستمرة منذ أسبوع.", "2019-01-08"),
        ("وتحدثت صفحات موالية عن المعارك الدائرة في حي القدم خلال الأيام الماضية.", "2019-01-09"),
    ],
)
def test_made_up_fighting_as_of_the_telling(made_up, sentence, day):
    _, rows = made_up(sentence)
    fought = one(rows, "al-Qadam")
    assert (fought.basis, fought.as_of, fought.as_of_precision) == ("fighting", pd.Timestamp(day), "day")


def test_share_bands():
    assert value_range("exact", 40, upper=100) == (40, 40)
    assert value_range("about", 90, upper=100) == (81, 99)
    assert value_range("nearly", 70, upper=100) == (63, 77)
    assert value_range("more_than", 95, upper=100) == (96, 100)
    assert value_range("about", 95, upper=100) == (85, 100)  # capped at 100%


def test_made_up_regime_share_verb_subject_order(made_up):
    article, rows = made_up("وتسيطر قوات الأسد على نحو 40% من حي التضامن، وفق مصادر مطلعة.")
    row = one(rows, "al-Tadamon")
    assert (row.controller, row.share_low, row.share_high, row.qualifier) == ("regime", 36, 44, "about")
    assert row.claimant == "informed_sources"
    assert article.text[row.start : row.end] == row.quote


def test_made_up_exact_and_more_than_shares(made_up):
    _, rows = made_up(
        "ويسيطر التنظيم على 55% من مساحة حي القدم.",
        "وقالت مصادر مطلعة إن المعارضة تسيطر على أكثر من 60% من مساحة مخيم اليرموك.",
    )
    assert one(rows, "al-Qadam")[["share_low", "share_high", "qualifier"]].tolist() == [55, 55, "exact"]
    yarmouk = one(rows, "Yarmouk camp")
    assert yarmouk[["controller", "share_low", "share_high", "qualifier"]].tolist() == [
        "opposition",
        61,
        100,
        "more_than",
    ]


def test_made_up_list_after_one_control_verb_and_dropped_subject(made_up):
    _, rows = made_up(
        "ويسيطر النظام على حي التضامن.", "كما يتمركز في مخيم اليرموك، ومنطقة العسالي وقسم من حي الماذنية في حي القدم."
    )
    assert rows["place_en"].tolist() == ["al-Tadamon", "Yarmouk camp", "al-Asali", "al-Madhaniya"]
    assert set(rows["controller"]) == {"regime"}
    assert one(rows, "al-Madhaniya")["within"] == "al-Qadam"


def test_made_up_places_without_control_give_no_rows(made_up):
    _, rows = made_up(
        "قتل ثلاثة مدنيين خلال معارك حي القدم أمس.", "ووثقت صفحات موالية للنظام سقوط قذائف على مخيم اليرموك."
    )
    assert rows.empty


def test_pro_regime_pages_say_al_qadam_is_still_fought_over(rows):
    # «خلال المعارك الدائرة في الحي»: the counter-claim to the group's 90%
    row = one(rows, "al-Qadam", 13)
    assert (row.controller, row.basis, row.claimant, row.refers_by) == (
        "contested",
        "fighting",
        "pro_regime_pages",
        "anaphora",
    )
    assert row.quote.endswith("خلال المعارك الدائرة في الحي")
    claim = one(rows, "al-Qadam", 7)
    assert (claim.controller, claim.claimant) == ("isis", "isis")


def test_made_up_ongoing_fighting_is_contested_past_battles_say_nothing(made_up):
    _, rows = made_up(
        "وقالت مصادر مطلعة إن الاشتباكات المستمرة في مخيم اليرموك أوقعت قتلى.",
        "وقتل خمسة عناصر خلال معارك حي التضامن الشهر الماضي.",
    )
    assert rows[["place_en", "controller", "basis", "claimant"]].values.tolist() == [
        ["Yarmouk camp", "contested", "fighting", "informed_sources"]
    ]
