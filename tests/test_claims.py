"""The claims dataframe: what the article's numbers say, who says them, and
the rules behind it on made-up articles of the same shape."""

import math
from datetime import date

import pandas as pd
import pytest

from khabar import load_article
from khabar.claims_table import claims
from khabar.sources import claimant_of


def row(table, quote):
    rows = table[table["quote"] == quote]
    assert len(rows) == 1, f"{quote!r} found {len(rows)} times in {table['quote'].tolist()}"
    return rows.iloc[0]


def test_every_quote_is_the_text_at_its_offsets(article, table):
    assert len(table) > 0
    for claim in table.itertuples():
        assert article.text[claim.start : claim.end] == claim.quote
        assert claim.quote in claim.sentence


# Read from the article by hand: (quote, subject, low, high, qualifier, claimant)
EXPECTED = [
    ("عشرات الجثث", "bodies", 20, 99, "dozens", "informed_sources"),
    ("العشرات من الجثث", "bodies", 20, 99, "dozens", "pro_regime_pages"),
    ("بحوالي 85", "bodies", 76, 94, "about", "informed_sources"),
    ("تتجاوز 100", "bodies", 101, math.nan, "more_than", "informed_sources"),
    ("قرابة 30 جثة", "bodies", 27, 33, "nearly", "other_sources"),
    ("و12 أسيرا", "prisoners", 12, 12, "exact", "other_sources"),
    ("بحوالي 90%", "area_share", 81, 99, "about", "isis"),
    ("175 من قوات الأسد", "killed", 175, 175, "exact", "al_naba"),
    ("بخمس دبابات", "tanks", 5, 5, "exact", "isis"),
    ("وعربة “BMP”", "armoured_vehicles", 1, 1, "exact", "isis"),
    ("وراجمة صواريخ", "rocket_launchers", 1, 1, "exact", "isis"),
    ("رشاشين ثقيلين", "heavy_machine_guns", 2, 2, "exact", "isis"),
    ("قرابة 70%", "area_share", 63, 77, "nearly", "enab_baladi"),
    ("12 عنصرا من مخابرات الفرع 215", "killed", 12, 12, "exact", "pro_regime_pages"),
    ("العشرات من الجنود", "killed", 20, 99, "dozens", "pro_regime_pages"),
]


@pytest.mark.parametrize("quote, subject, low, high, qualifier, claimant", EXPECTED)
def test_the_articles_claims(table, quote, subject, low, high, qualifier, claimant):
    claim = row(table, quote)
    assert (claim.subject, claim.qualifier, claim.claimant) == (subject, qualifier, claimant)
    assert claim.value_low == low
    assert claim.value_high == high or (math.isnan(high) and math.isnan(claim.value_high))


# Counts the seed names without a number: (quote, subject, scope, claimant).
UNSTATED = [
    ("جثث بعض العناصر من محور بور سعيد في الحي، دون تحديد العدد", "bodies", "recovered", "pro_regime_pages"),
    # «مقابل إطلاق النظام سراح معتقلات»: the other half of the exchange
    ("معتقلات", "detainees", "released", "informed_sources"),
    # «قتل 175 من قوات الأسد بينهم ضباط»: officers among the dead
    ("ضباط", "killed", "officers", "al_naba"),
    # «والاستحواذ على أسلحة وذخائر متنوعة»: weapons and ammunition taken
    ("أسلحة", "weapons", "captured", "isis"),
    ("وذخائر", "ammunition", "captured", "isis"),
]


@pytest.mark.parametrize("quote, subject, scope, claimant", UNSTATED)
def test_counts_the_text_leaves_unstated(table, quote, subject, scope, claimant):
    claim = row(table, quote)
    assert (claim.subject, claim.scope, claim.claimant, claim.qualifier) == (subject, scope, claimant, "unspecified")
    assert math.isnan(claim.value_low) and math.isnan(claim.value_high)


def test_the_unstated_counts_stand_in_the_seeds_words(article, table):
    # Each quote is cut from the sentence the issue names.
    for words, quote in [
        ("مقابل إطلاق النظام سراح معتقلات", "معتقلات"),
        ("قتل 175 من قوات الأسد بينهم ضباط", "ضباط"),
        ("الاستحواذ على أسلحة وذخائر متنوعة", "أسلحة"),
    ]:
        claim = row(table, quote)
        assert words in claim.sentence and words in article.text
        assert article.text[claim.start : claim.end] == quote


def test_nothing_else_is_a_claim(table):
    # The 15 above plus the counts the text leaves unstated.
    assert sorted(table["quote"]) == sorted([e[0] for e in EXPECTED] + [u[0] for u in UNSTATED])
    for identifier in ["215", "2015", "124", "26", "2018"]:
        assert not (table["quote"] == identifier).any()
    assert not table["quote"].str.contains("2015|124|2018|26 من").any()


def test_unspecified_count_by_the_same_pages(table):
    claim = row(table, "جثث بعض العناصر من محور بور سعيد في الحي، دون تحديد العدد")
    assert claim.claimant == "pro_regime_pages" and claim.qualifier == "unspecified"
    assert math.isnan(claim.value_low) and math.isnan(claim.value_high)
    assert claim.place_en == "Port Said axis"


def test_sides_topics_units(table):
    assert set(table.loc[table.claimant == "pro_regime_pages", "side"]) == {"regime"}
    assert set(table.loc[table.claimant.isin(["isis", "al_naba"]), "side"]) == {"isis"}
    assert row(table, "بخمس دبابات").unit == "items"
    assert row(table, "قرابة 70%").unit == "percent"
    assert row(table, "قرابة 70%").place_en == "Yarmouk camp"
    assert row(table, "بحوالي 90%").place_en == "al-Qadam"
    assert table.groupby("topic").size().to_dict() == {"casualties": 4, "control": 2, "exchange": 8, "materiel": 6}


def test_qualifier_words_are_verbatim(table):
    assert row(table, "بحوالي 85").qualifier_ar == "حوالي"
    assert row(table, "تتجاوز 100").qualifier_ar == "تتجاوز"
    assert row(table, "العشرات من الجثث").qualifier_ar == "العشرات"
    assert row(table, "قرابة 30 جثة").qualifier_ar == "قرابة"


def test_scopes_of_the_body_counts(table):
    assert row(table, "بحوالي 85").scope == "handed_over"
    assert row(table, "تتجاوز 100").scope == "held"
    assert row(table, "قرابة 30 جثة").scope == "held"
    assert row(table, "12 عنصرا من مخابرات الفرع 215").scope == "branch_215_members"


def test_the_losses_the_group_claims_are_all_lost(table):
    # the list «بخمس دبابات وعربة … وراجمة صواريخ، إضافة إلى رشاشين ثقيلين والاستحواذ على …»
    materiel = table[table["topic"] == "materiel"]
    counted = materiel[materiel["value_low"].notna()]
    assert counted["value_low"].tolist() == [5.0, 1.0, 1.0, 2.0]
    assert set(counted["scope"]) == {"lost"}


def test_when_each_claim_was_made(table):
    day = pd.Timestamp
    assert row(table, "عشرات الجثث").reported_on == day("2018-03-26")  # اليوم
    assert row(table, "العشرات من الجثث").reported_on == day("2018-03-25")  # أمس
    assert row(table, "175 من قوات الأسد").reported_on == day("2018-03-22")  # الخميس الماضي
    assert row(table, "بحوالي 90%").reported_precision == "approx"  # قبل أيام
    recovered = row(table, "جثث بعض العناصر من محور بور سعيد في الحي، دون تحديد العدد")
    # carried on from the sentence before, whose "خلال الأيام الماضية" dates
    # the deaths, not the telling: the pages spoke on or before 26 March
    assert pd.isna(recovered.reported_on)
    assert (recovered.reported_end, recovered.reported_precision) == (day("2018-03-26"), "by")


def test_corroboration_is_computed(table):
    # about 85 handed over cannot be squared with "nearly 30 held" from others.
    assert row(table, "بحوالي 85").corroboration == "contested"
    assert row(table, "قرابة 30 جثة").corroboration == "contested"
    assert row(table, "تتجاوز 100").corroboration == "contested"
    # dozens handed over, said by both informed sources and pro-regime pages
    assert row(table, "العشرات من الجثث").corroboration == "corroborated"
    assert row(table, "175 من قوات الأسد").corroboration == "single_source"


@pytest.mark.parametrize(
    "sentence, previous, claimant",
    [
        ("وقالت مصادر مطلعة من حلب لعنب بلدي إن", None, "informed_sources"),
        ("وقدرت المصادر عدد القتلى بحوالي 20", "informed_sources", "informed_sources"),
        ("إلا أن أخرى تحدثت عن 40", "informed_sources", "other_sources"),
        ("ووفق ما رصدت عنب بلدي في العدد “130” من صحيفة “النبأ”", None, "al_naba"),
        ("وقدر التنظيم خسائره بدبابتين", None, "isis"),
        ("وكان تنظيم “الدولة” أعلن سيطرته", None, "isis"),
        ("ووثقت صفحات موالية للنظام مقتل 3", None, "pro_regime_pages"),
        ("وتحدثت عن انتشال جثث", "pro_regime_pages", "pro_regime_pages"),
        ("ويسيطر التنظيم على قرابة 50% من البلدة", "isis", "unattributed"),
        ("وفق ناشطين من ريف حمص", None, "activists"),
    ],
)
def test_attribution(sentence, previous, claimant):
    assert claimant_of(sentence, previous) == claimant


MADE_UP = """عنوان: تبادل أسرى في ريف حمص

وقالت مصادر مطلعة لعنب بلدي اليوم إن الطرفين تبادلا نحو ٤٠ جثة.

وقدرت المصادر عدد الجثث لدى الفصائل بأكثر من 60.

إلا أن أخرى تحدثت عن قرابة 15 جثة وثلاثة أسرى لدى الفصائل.

وقدر التنظيم خسائر القوات بثلاث دبابات ومدرعة، إضافة إلى رشاشين.

وجاء ذلك في العدد 130 من صحيفة “النبأ”، في 12 من نيسان 2019، بعد مقتل 60 من قوات النظام.
"""


def test_rules_on_a_made_up_article(tmp_path):
    path = tmp_path / "made-up.txt"
    path.write_text(MADE_UP, encoding="utf-8")
    made_up = claims(load_article(path, published=date(2019, 4, 15)))
    got = {(c.quote, c.claimant, c.subject, c.value_low) for c in made_up.itertuples()}
    assert got == {
        ("نحو ٤٠ جثة", "informed_sources", "bodies", 36),
        ("بأكثر من 60", "informed_sources", "bodies", 61),
        ("قرابة 15 جثة", "other_sources", "bodies", 13),
        ("وثلاثة أسرى", "other_sources", "prisoners", 3),
        ("بثلاث دبابات", "isis", "tanks", 3),
        ("ومدرعة", "isis", "armoured_vehicles", 1),
        ("رشاشين", "isis", "heavy_machine_guns", 2),
        ("60 من قوات النظام", "al_naba", "killed", 60),
    }
    assert row(made_up, "نحو ٤٠ جثة").scope == "handed_over"
    assert row(made_up, "قرابة 15 جثة").corroboration == "contested"


def test_a_number_takes_its_noun_from_before_it(made_up_article):
    made_up = claims(made_up_article("وقدر التنظيم عدد الدبابات المدمرة بحوالي 8، وعدد الجثث بأكثر من 40."))
    assert made_up[["subject", "unit", "value_low"]].values.tolist() == [
        ["tanks", "items", 7.0],
        ["bodies", "persons", 41.0],
    ]


def test_no_presentation_forms_in_the_dataframe(article, monkeypatch):
    from khabar import arabic

    # ar() forced onto its reshape+bidi path: on matplotlib 3.11 it returns its
    # input, so a table built with ar() would look right there.
    monkeypatch.setattr(arabic, "_needs_reshaping", lambda: True)
    assert arabic.has_presentation_forms(arabic.ar("قرابة 30 جثة"))
    table = claims(article)
    text = [column for column in table.columns if table[column].map(lambda v: isinstance(v, str)).any()]
    assert {"quote", "sentence", "qualifier_ar", "place"} <= set(text)  # every text column, whatever its dtype
    for column in text:
        assert not table[column].map(lambda v: isinstance(v, str) and arabic.has_presentation_forms(v)).any(), column


def claims_of(text, **metadata):
    from khabar.article import article_from_text

    return claims(article_from_text("عنوان تجريبي\n\n" + text, metadata=metadata or None))


def test_a_population_is_never_killed():
    # the residents' clause and the killing's clause are read apart
    table = claims_of("يسكنه عشرون ألف مدني، قتل منهم ألفان خلال سنوات الحرب.")
    assert table[["value_low", "subject", "scope", "topic"]].values.tolist() == [
        [20000.0, "civilians", "residents", "population"],
        [2000.0, "killed", "civilians", "casualties"],
    ]


def test_the_wounded_are_never_killed():
    table = claims_of("وقتل 5 مدنيين وأصيب 10 آخرون، وسقط 7 قتلى و12 جريحًا في القصف.")
    assert table[["value_low", "subject"]].values.tolist() == [
        [5.0, "killed"],
        [10.0, "wounded"],
        [7.0, "killed"],
        [12.0, "wounded"],
    ]


def test_the_predicate_in_the_counts_own_clause_governs_it():
    table = claims_of("وبلغ عدد سكان البلدة 12 ألف نسمة، وقتل 30 منهم في الحصار.")
    assert table[["value_low", "subject", "scope"]].values.tolist() == [
        [12000.0, "persons", "residents"],
        [30.0, "killed", "persons"],
    ]


@pytest.mark.parametrize(
    "metadata, claimant, claimant_ar",
    [
        ({"outlet": "Enab Baladi", "outlet_ar": "عنب بلدي"}, "enab_baladi", "عنب بلدي"),
        ({"outlet": "Syrian Observatory for Human Rights"}, "sohr", "Syrian Observatory for Human Rights"),
        ({"outlet": "A new site", "outlet_ar": "موقع جديد"}, "other", "موقع جديد"),
        ({}, "unattributed", ""),
    ],
)
def test_unnamed_claims_are_the_outlets_from_metadata(metadata, claimant, claimant_ar):
    row_ = claims_of("وقتل 14 عنصرًا في الكمين.", **metadata).iloc[0]
    assert (row_.claimant, row_.claimant_ar) == (claimant, claimant_ar)


@pytest.mark.parametrize(
    "sentence, claimant, claimant_ar",
    [
        ("وكان داعش أعلن مقتل 11 جنديًا.", "isis", "داعش"),
        ("وأفاد المرصد السوري لحقوق الإنسان بمقتل 17 عنصرًا.", "sohr", "المرصد السوري لحقوق الإنسان"),
        ("وقال نشطاء إن 9 مدنيين قتلوا.", "activists", "نشطاء"),
        ("ونعت حركة محلية مقتل 4 من مقاتليها.", "other", "حركة محلية"),
        ("وقتل 17 عنصرًا بحسب المرصد.", "sohr", "المرصد"),
        ("وقتل 20 مقاتلًا وفق ناشطين من المنطقة.", "activists", "ناشطين"),
        ("وقتل 8 مدنيين، حسبما نقلت وكالة سانا.", "state_media", "وكالة سانا"),
        ("وقتل 3 أطفال، نقلًا عن الدفاع المدني.", "civil_defence", "الدفاع المدني"),
        ("وذكر التلفزيون السوري أن 5 جنود قتلوا.", "state_media", "التلفزيون السوري"),
        ("وقال مسؤول عسكري إن 12 مسلحًا قتلوا.", "other", "مسؤول عسكري"),
        # who speaks for, or from inside, a known claimant is that claimant, named
        # by the whole phrase
        ("وقال المتحدث باسم الدفاع المدني إن 6 أطفال قتلوا.", "civil_defence", "المتحدث باسم الدفاع المدني"),
        ("وأكد الناطق باسم هيئة تحرير الشام مقتل 9 عناصر.", "hts", "الناطق باسم هيئة تحرير الشام"),
        ("وقال مصدر في الأمم المتحدة إن 300 عائلة نزحت.", "un", "مصدر في الأمم المتحدة"),
        ("وذكرت مصادر من المرصد السوري أن 4 مدنيين قتلوا.", "sohr", "مصادر من المرصد السوري"),
        ("وأعلن المكتب الإعلامي لفصائل المعارضة مقتل 5 عناصر.", "fsa", "المكتب الإعلامي لفصائل المعارضة"),
        ("وقال مراسل وكالة الأناضول إن 30 جثة انتشلت.", "anadolu", "مراسل وكالة الأناضول"),
        ("وقال قيادي في فصيل محلي لعنب بلدي إن 3 مقاتلين قتلوا.", "other", "قيادي في فصيل محلي"),
        # «ل» and a known name after an indefinite speaker: who was told
        ("وقال مسؤول محلي لوكالة الأناضول إن 9 مدنيين قتلوا.", "other", "مسؤول محلي"),
        ("ووفق تقرير للأمم المتحدة، نزح 500 شخص من البلدة.", "un", "الأمم المتحدة"),
        ("وقال أبو أحمد، وهو من سكان البلدة، إن 3 منازل دمرت.", "other", "أبو أحمد"),
        # a feminine speaker, an officer, a correspondent of an agency, a speaker the
        # list knows by another name, and verbs of claiming and estimating
        ("وقالت المتحدثة باسم الهلال الأحمر إن 11 جثة نقلت.", "red_crescent", "المتحدثة باسم الهلال الأحمر"),
        ("وقال ضابط في الجيش السوري إن 20 مسلحا قتلوا.", "regime", "ضابط في الجيش السوري"),
        ("وقال مراسل لوكالة فرانس برس إن 13 جثة سلمت.", "afp", "مراسل لوكالة فرانس برس"),
        ("وقال مسؤول في الأونروا إن 90 عائلة نزحت.", "un", "مسؤول في الأونروا"),
        ("وادعى التنظيم أن 40 جنديا قتلوا.", "isis", "التنظيم"),
        ("ويقدر ناشطون عدد القتلى بنحو 30.", "activists", "ناشطون"),
        # a group named inside the reported words is not the source
        ("وقال المرصد إن 6 عناصر من قوات النظام قتلوا.", "sohr", "المرصد"),
        # one of a known speaker's officials, a plural head in construct
        ("وأوضح أحد مسؤولي الهلال الأحمر أن 30 جثة نقلت.", "red_crescent", "أحد مسؤولي الهلال الأحمر"),
    ],
)
def test_speakers_of_other_reports(sentence, claimant, claimant_ar):
    row_ = claims_of(sentence, outlet="Enab Baladi", outlet_ar="عنب بلدي").iloc[0]
    assert (row_.claimant, row_.claimant_ar) == (claimant, claimant_ar)


def test_a_headline_names_its_source_before_a_colon():
    row_ = claims_of("المرصد السوري: مقتل 17 عنصرًا من قوات النظام.").iloc[0]
    assert (row_.claimant, row_.subject, row_.value_low) == ("sohr", "killed", 17.0)


def test_what_a_percentage_is_a_share_of():
    homes = claims_of("وبلغت نسبة الدمار في منازل المخيم نحو 60%.").iloc[0]
    held = claims_of("وتسيطر الفصائل على قرابة 40% من البلدة.").iloc[0]
    assert (homes.subject, homes.topic, homes.unit) == ("homes", "damage", "percent")
    assert (held.subject, held.topic) == ("area_share", "control")


def test_the_count_after_the_number_of_dead():
    table = claims_of("وبلغ عدد القتلى 45 شخصًا، بينهم 9 نساء.")
    assert table[["value_low", "subject", "scope"]].values.tolist() == [
        [45.0, "killed", "persons"],
        [9.0, "killed", "women"],
    ]


def test_the_sources_who_tell_an_outlet_are_not_the_outlet():
    # «المصادر لعنب بلدي»: the outlet is who was told, the sources speak
    row_ = claims_of("وقالت مصادر مطلعة إن 7 عناصر قتلوا. وقدرت المصادر للمرصد عدد الجرحى بنحو 20.").iloc[1]
    assert row_.claimant == "informed_sources"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "وقال المرصد إن 15 عنصرًا قتلوا، في حين ذكرت وكالة سانا أن الجيش قتل 30 مسلحًا.",
            [(15.0, "sohr"), (30.0, "state_media")],
        ),
        (
            "وأفاد ناشطون بمقتل 4 مدنيين، بينما قالت مصادر محلية إن 6 آخرين أصيبوا.",
            [(4.0, "activists"), (6.0, "local_sources")],
        ),
        (
            "ونزحت 200 عائلة، وقالت الأمم المتحدة إن 900 شخص نزحوا خلال أسبوع.",
            [(200.0, "unattributed"), (900.0, "un")],
        ),
    ],
)
def test_a_second_speaker_takes_the_floor_for_the_counts_after_it(sentence, expected):
    table = claims_of(sentence)
    assert list(zip(table["value_low"], table["claimant"])) == expected


def test_the_others_are_more_of_what_was_counted_before_them():
    # «وأسر اثنين آخرين»: soldiers again, not the forces named in between
    table = claims_of("وأعلن التنظيم مقتل 23 جنديًا من قوات النظام وأسر اثنين آخرين.")
    assert table[["value_low", "subject", "scope"]].values.tolist() == [
        [23.0, "killed", "soldiers"],
        [2.0, "captured", "soldiers"],
    ]
    table = claims_of("وقتل 3 أطفال من أبناء المخيم وأصيب خمسة آخرون.")
    assert table[["value_low", "subject", "scope"]].values.tolist()[-1] == [5.0, "wounded", "children"]


def test_a_refused_or_denied_predicate_governs_nothing():
    stayed = claims_of("وبقي في البلدة نحو 300 شخص رفضوا الخروج منها.").iloc[0]
    kept = claims_of("وما زال 40 معتقلا في السجن بعد عدم الإفراج عنهم.").iloc[0]
    assert (stayed.subject, stayed.scope) == ("persons", "")
    assert (kept.subject, kept.scope) != ("detainees", "released")


def test_a_verb_of_exceeding_before_the_number_of_dead_makes_a_floor():
    for sentence in ("وتجاوز عدد قتلى الغارات 40 قتيلًا.", "ويفوق عدد ضحايا المجزرة 120 شخصًا."):
        claim = claims_of(sentence).iloc[0]
        assert (claim.subject, claim.qualifier, claim.value_low) == ("killed", "more_than", claim.value + 1)
        assert math.isnan(claim.value_high)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # detainees or prisoners who die are dead, of that group
        ("وقضى 3 معتقلين تحت التعذيب في السجن.", [3.0, "killed", "detainees"]),
        ("وقتل 4 أسرى خلال القصف على السجن.", [4.0, "killed", "prisoners"]),
        # a noun that carries its event passes it on, and says whom after من
        ("وسقط 30 قتيلا بينهم 5 نساء.", [5.0, "killed", "women"]),
        ("ونقل 12 جريحا من العسكريين إلى المشفى.", [12.0, "wounded", "soldiers"]),
    ],
)
def test_who_died_or_was_hurt(sentence, expected):
    assert claims_of(sentence)[["value_low", "subject", "scope"]].values.tolist()[-1] == expected


def test_one_person_after_a_casualty_predicate():
    # an indefinite singular of people right after مقتل، أسر، أصيب is one
    leader = claims_of("ونعت الحركة مقتل قائد ميداني في المعارك.")
    child = claims_of("وأصيب طفل بشظايا قذيفة في الحي.")
    assert leader[["value_low", "subject", "scope"]].values.tolist() == [[1.0, "killed", "leaders"]]
    assert child[["value_low", "subject", "scope"]].values.tolist() == [[1.0, "wounded", "children"]]
    # a definite noun is someone already known, not a count
    assert claims_of("وقتل الطفل في القصف.").empty


def test_a_time_set_off_by_commas_stays_inside_its_clause():
    # the verb before «، صباح الأحد،» still governs the count after it
    table = claims_of("وسلمت الفصائل، صباح الأحد 25 آذار، جثث 14 مقاتلا قتلوا في الاشتباكات.")
    assert table[["value_low", "subject", "scope"]].values.tolist() == [[14.0, "bodies", "handed_over"]]


def test_bodies_of_the_dead_are_bodies():
    table = claims_of("وتحدث الأهالي عن جثث 9 عناصر قتلوا في الكمين.")
    assert table[["value_low", "subject", "scope"]].values.tolist() == [[9.0, "bodies", "unspecified"]]


def test_what_a_batch_holds_is_not_a_population():
    table = claims_of("ووصلت القافلة، وتضم 6 جثث و3 أسرى، إلى المعبر.")
    assert table[["value_low", "subject", "scope"]].values.tolist() == [
        [6.0, "bodies", "unspecified"],
        [3.0, "prisoners", "unspecified"],
    ]


@pytest.mark.parametrize(
    "sentence, scope",
    [
        ("وقال المصدر إن الفصيل يسلم 11 جثة للهلال الأحمر.", "handed_over"),
        ("وأكد المكتب أن التنظيم ما زال يحتفظ بجثث 40 جنديا.", "held"),
    ],
)
def test_present_tense_predicates(sentence, scope):
    assert claims_of(sentence)["scope"].tolist() == [scope]


def test_the_count_of_the_displaced():
    # «عدد النازحين … بنحو»: the participle after عدد says what befell them
    table = claims_of("وقدر المجلس المحلي عدد النازحين من البلدة بنحو 6 آلاف شخص، بينهم مئات الأطفال.")
    assert table[["value_low", "subject", "scope"]].values.tolist() == [
        [5400.0, "persons", "displaced"],
        [200.0, "children", "displaced"],
    ]


def test_each_share_of_ground_is_of_the_place_it_names():
    table = claims_of("ويسيطر التنظيم على 80% من حي القدم ونصف مخيم اليرموك.")
    assert table[["value_low", "subject", "place_en"]].values.tolist() == [
        [80.0, "area_share", "al-Qadam"],
        [50.0, "area_share", "Yarmouk camp"],
    ]
    # a share with no place after it is of the place named before it
    table = claims_of("وتراجعت سيطرة القوات في حي القدم إلى ربع الحي تقريبا.")
    assert table[["value_low", "value_high", "subject", "place_en"]].values.tolist() == [
        [22.0, 28.0, "area_share", "al-Qadam"]
    ]


@pytest.mark.parametrize(
    "sentence, nouns",
    [
        ("وأفرجت السلطات عن 15 امرأة كن محتجزات في السجن.", ["امرأة"]),  # what they were
        ("وسلم التنظيم 25 جثة لجنود سوريين.", ["جثة"]),  # whose the bodies are
        ("وصد الجيش هجوما لمسلحي الفصيل وقتل 7 منهم.", ["لمسلحي"]),  # whose men, not how many: only the 7
    ],
)
def test_plurals_that_are_not_counts(sentence, nouns):
    assert claims_of(sentence)["noun"].tolist() == nouns


def test_a_running_total_after_a_date():
    table = claims_of("وبذلك يبلغ ما سلمه التنظيم منذ 25 آذار 84 جثة.")
    assert table[["value_low", "subject", "scope"]].values.tolist() == [[84.0, "bodies", "handed_over"]]


@pytest.mark.parametrize(
    "sentence, low, high, subject, scope",
    [
        # a verb of exceeding, negated, caps the number; a verb of approaching is «nearly»
        ("ولم يتجاوز عدد المفرج عنهن 20 امرأة.", 0.0, 20.0, "women", "released"),
        ("وقارب عدد النازحين من البلدة 3 آلاف شخص.", 2700.0, 3300.0, "persons", "displaced"),
        # a bare number after «إجمالي» counts the noun after it
        ("ليصل إجمالي الجثث التي سلمها التنظيم إلى 60.", 60.0, 60.0, "bodies", "handed_over"),
    ],
)
def test_verbs_and_words_before_a_count_of(sentence, low, high, subject, scope):
    table = claims_of(sentence)
    assert table[["value_low", "value_high", "subject", "scope"]].values.tolist() == [[low, high, subject, scope]]


def test_the_verb_governs_a_count_after_its_subjects():
    table = claims_of("ودمرت الطائرات والقصف المدفعي نحو 40 منزلا في البلدة.")
    assert table[["value_low", "subject", "scope"]].values.tolist() == [[36.0, "homes", "lost"]]


def test_an_attribution_set_off_by_commas_stays_inside_its_clause():
    table = claims_of("وسلّم التنظيم، بحسب ما أكده مصدر محلي، جثث 42 عنصرا على مراحل.")
    assert table[["value_low", "subject", "scope", "claimant"]].values.tolist() == [
        [42.0, "bodies", "handed_over", "local_sources"]
    ]


def test_each_figure_takes_the_speaker_named_after_it():
    table = claims_of("تضارب في الأرقام: 35 جثة بحسب المرصد، و50 وفق مصادر أهلية.")
    assert table[["value_low", "claimant"]].values.tolist() == [[35.0, "sohr"], [50.0, "local_sources"]]


def test_a_speaker_after_a_comma_takes_the_floor():
    table = claims_of("وفيما تحدثت صفحات موالية عن 28 جثة، أكدت شبكة محلية أن عدد الجثث بلغ 56 جثة.")
    assert table[["value_low", "claimant"]].values.tolist() == [[28.0, "pro_regime_pages"], [56.0, "other"]]


def test_we_received_and_bodies_that_belong_to_a_count():
    table = claims_of("وقال مسؤول محلي: تسلمنا 20 جثة، والجثث المسلمة تعود لعشرات الجنود.")
    assert table[["value_low", "value_high", "subject", "scope"]].values.tolist()[0] == [
        20.0,
        20.0,
        "bodies",
        "handed_over",
    ]
    assert table["subject"].tolist() == ["bodies", "bodies"]


@pytest.mark.parametrize(
    "sentence, nouns",
    [
        ("وسلم التنظيم 85 جثة تعود لعناصر من قوات النظام.", ["جثة"]),
        ("وأفرج عن عشرات المعتقلات من نساء البلدة.", ["المعتقلات"]),
    ],
)
def test_whose_the_counted_are_is_no_new_count(sentence, nouns):
    assert claims_of(sentence)["noun"].tolist() == nouns


def test_a_paragraph_keeps_its_speaker_across_sentences():
    table = claims_of(
        "وقال الدفاع المدني إن 7 مدنيين قتلوا. وتابع أن 3 أطفال أصيبوا. "
        "وأضاف المصدر أن 2 من المسعفين فقدوا. وبحسب المصادر ذاتها، نزحت 40 عائلة."
    )
    assert table["claimant"].tolist() == ["civil_defence"] * 4


@pytest.mark.parametrize(
    "sentence, low, high, subject, scope",
    [
        ("ومن بين القتلى 4 ضباط.", 4.0, 4.0, "killed", "officers"),
        ("وقالت الصفحات إن الجيش لم يتسلم سوى 27 جثة.", 27.0, 27.0, "bodies", "handed_over"),
        ("وسلم التنظيم أمس 9 من هذه الجثث.", 9.0, 9.0, "bodies", "handed_over"),
        ("ووصلت الدفعة الثانية، وتضم 14 جثة.", 14.0, 14.0, "bodies", "handed_over"),
        ("وبات أكثر من 90 بالمئة من حي القدم في قبضة القوات.", 91.0, 100.0, "area_share", "al-Qadam"),
        ("وقال ناشطون إن عدد الجثث المسلمة لم يتجاوز 10.", 0.0, 10.0, "bodies", "handed_over"),
    ],
)
def test_more_words_around_a_count(sentence, low, high, subject, scope):
    row = claims_of(sentence).iloc[-1]
    assert [row["value_low"], row["value_high"], row["subject"], row["scope"]] == [low, high, subject, scope]


def test_a_speaker_named_before_a_place_and_its_verb():
    table = claims_of("غير أن مصادر أهلية في بلدة يلدا قدرت عدد الجثث بنحو 70.")
    assert table[["value_low", "subject", "claimant"]].values.tolist() == [[63.0, "bodies", "local_sources"]]


def test_a_day_in_a_time_phrase_is_not_what_a_bare_number_counts():
    table = claims_of("وأفاد المرصد بأن عدد الجثث التي أعادها التنظيم منذ يوم الاثنين بلغ 41.")
    assert table[["value_low", "subject"]].values.tolist() == [[41.0, "bodies"]]


def test_what_a_paragraph_counted_carries_to_its_next_sentences():
    table = claims_of(
        "وأحصت الصفحات مقتل 34 جنديا في المعارك. وذكرت أن من بينهم 5 ضباط. "
        "وأضافت أن 8 منهم من ريف اللاذقية، وأن 12 آخرين أصيبوا."
    )
    assert table[["value_low", "subject", "scope"]].values.tolist() == [
        [34.0, "killed", "soldiers"],
        [5.0, "killed", "officers"],
        [8.0, "killed", "soldiers"],
        [12.0, "wounded", "soldiers"],
    ]


def test_a_share_of_a_place_named_in_the_sentence_before():
    table = claims_of("ويسيطر التنظيم على معظم مخيم اليرموك. وتسيطر الهيئة على نحو 10 بالمئة من المخيم.")
    assert table[["value_low", "subject", "place_en"]].values.tolist() == [[9.0, "area_share", "Yarmouk camp"]]


def test_a_new_paragraph_carries_nothing():
    from khabar.article import article_from_text

    article = article_from_text("عنوان تجريبي\n\nوقتل 34 جنديا في المعارك.\n\nوقال المرصد إن 8 منهم نزحوا.")
    table = claims(article)
    assert table["subject"].tolist() == ["killed", "other"]


def test_every_share_and_count_fits_the_schema():
    from khabar import schema

    table = claims_of("ويسيطر التنظيم على ثلث حي التضامن وثلثي المخيم ونحو ربع الحي، ونزح نصف مليون شخص.")
    schema.check(table, "claims")  # whole numbers: a third is 33–34%
    assert table[["value_low", "value_high"]].values.tolist()[:2] == [[33.0, 34.0], [66.0, 67.0]]


@pytest.mark.parametrize(
    "sentence, subject, scope",
    [
        ("ولم يسلم التنظيم حتى الآن أي جثة.", "bodies", "handed_over"),
        ("ولم يقتل أي مدني خلال الإجلاء.", "killed", "civilians"),
    ],
)
def test_none_is_a_count_of_zero(sentence, subject, scope):
    table = claims_of(sentence)
    assert table[["value_low", "value_high", "subject", "scope"]].values.tolist() == [[0.0, 0.0, subject, scope]]
    assert table["quote"].iloc[0].startswith("أي")


def test_any_without_a_negation_is_no_count():
    assert claims_of("وسلم التنظيم أي جثة عثر عليها.").empty


def test_a_known_speaker_quoted_inside_the_reported_words_makes_the_claim():
    table = claims_of("وذكرت وكالة الأناضول أن التنظيم أعلن مقتل 27 جنديا من قوات النظام.")
    assert table[["value_low", "claimant"]].values.tolist() == [[27.0, "isis"]]


def test_the_next_sentence_carries_on_whoever_spoke_last():
    table = claims_of("وفي عددها الأخير، قالت صحيفة النبأ إن 300 عنصر قتلوا. وأضافوا أن 11 دبابة دمرت.")
    assert table["claimant"].tolist() == ["al_naba", "al_naba"]


def test_parts_and_other_figures_of_what_was_just_counted():
    table = claims_of(
        "وقال المرصد إن التنظيم سلم 46 جثة، ودمر 11 دبابة من بينها 3 من طراز T-90. "
        "في المقابل، تحدثت صفحات موالية عن 38 جثة فقط، وقالت إن ما تبقى في عهدة التنظيم تجاوزت 15 جثة."
    )
    assert table[["value_low", "subject", "scope"]].values.tolist() == [
        [46.0, "bodies", "handed_over"],
        [11.0, "tanks", "lost"],
        [3.0, "tanks", "lost"],
        [38.0, "bodies", "handed_over"],
        [16.0, "bodies", "held"],
    ]


def test_a_spokesman_of_someone_is_not_the_speaker_before():
    table = claims_of("وقال المرصد إن 5 مدنيين قتلوا. وقال الناطق باسم الفصيل إن 9 عناصر قتلوا.")
    assert table["claimant"].tolist() == ["sohr", "other"]


def test_a_list_of_losses_after_a_toll_and_its_officers():
    table = claims_of("وأعلن التنظيم أن خسائر النظام بلغت 175 قتيلا بينهم ضباط، إلى جانب خمس دبابات ورشاشين ثقيلين.")
    assert table[["subject", "scope"]].values.tolist() == [
        ["killed", ""],
        ["killed", "officers"],
        ["tanks", "lost"],
        ["heavy_machine_guns", "lost"],
    ]


@pytest.mark.parametrize(
    "sentence, low, subject, scope",
    [
        ("وأعلن المركز أن 1120 مسلحا، برفقة 2350 من عائلاتهم، غادروا المخيم.", 1120.0, "fighters", "displaced"),
        ("وأعاد التنظيم جثث نحو 85 جنديا مقابل الإفراج عن عدد من النساء.", 76.0, "bodies", "handed_over"),
        ("وقال المصدر إن 12 أسيرا أطلق سراحهم في الدفعة ذاتها.", 12.0, "prisoners", "released"),
        ("وتحدثت الصفحات عن تسلم ما يربو على 100 جثة.", 101.0, "bodies", "handed_over"),
    ],
)
def test_asides_and_verbs_of_returning_and_releasing(sentence, low, subject, scope):
    row = claims_of(sentence).iloc[0]
    assert [row["value_low"], row["subject"], row["scope"]] == [low, subject, scope]


def test_an_outlet_the_lexicon_does_not_know_is_shown_by_its_name():
    from khabar.views import claim_in_words, claims_view

    table = claims_of("وقتل 14 عنصرًا في الكمين.", outlet_ar="موقع الساحل")
    assert table["claimant"].tolist() == ["other"]
    assert claims_view(table, "ar").iloc[0].tolist().count("موقع الساحل") == 1
    assert claim_in_words(table.iloc[0], "en").endswith("per موقع الساحل (unknown)")


@pytest.mark.parametrize(
    "sentence, claimant, claimant_ar",
    [
        # the whole phrase, without the preposition before it
        (
            "وقتل 4 مدنيين، وفقاً للمتحدث باسم الدفاع المدني في المحافظة.",
            "civil_defence",
            "المتحدث باسم الدفاع المدني في المحافظة",
        ),
        ("وبحسب إحصائية لوزارة الصحة، قتل 60 شخصا.", "other", "وزارة الصحة"),
        ("وقال مدير مركز الإيواء أحمد سالم إن 40 عائلة نزحت.", "other", "مدير مركز الإيواء أحمد سالم"),
        ("وقال عضو في لجنة المفاوضات إن 30 أسيرا سيفرج عنهم.", "other", "عضو في لجنة المفاوضات"),
        ("وقتل 5 مدنيين، وفقاً لـ “الدفاع المدني”.", "civil_defence", "الدفاع المدني"),
        ("وقال مصدر عسكري رفيع المستوى إن 7 عناصر قتلوا.", "other", "مصدر عسكري رفيع المستوى"),
        # speakers of the new kinds: operations rooms, doctors with a title and an
        # apposition, ministries and whose they are, ambulance services, the ICRC, UN agencies
        ("وأعلنت غرفة عمليات الفصائل مقتل 12 من عناصر تنظيم الدولة.", "other", "غرفة عمليات الفصائل"),
        (
            "وقال الدكتور سامر خليل، مدير المستشفى الميداني، إن 23 جريحاً وصلوا.",
            "other",
            "الدكتور سامر خليل، مدير المستشفى الميداني",
        ),
        # a woman's title is read as a man's is
        (
            "وقالت الدكتورة هالة سعيد، مديرة المشفى الميداني، إن 14 جريحا وصلوا.",
            "other",
            "الدكتورة هالة سعيد، مديرة المشفى الميداني",
        ),
        ("وقالت وزارة الصحة التابعة لحكومة الإنقاذ إن 14 مدنيا قتلوا.", "other", "وزارة الصحة التابعة لحكومة الإنقاذ"),
        ("وقال جهاز الإسعاف والطوارئ إن 6 أشخاص قتلوا.", "other", "جهاز الإسعاف والطوارئ"),
        ("وقالت اللجنة الدولية للصليب الأحمر إنها تسلمت جثث 8 جنود.", "icrc", "اللجنة الدولية للصليب الأحمر"),
        ("وقالت المنظمة الدولية للهجرة إن 4 آلاف شخص نزحوا.", "un", "المنظمة الدولية للهجرة"),
        ("وكان مركز الطوارئ في المدينة قد أكد مقتل 19 شخصا.", "other", "مركز الطوارئ في المدينة"),
        ("وأعلنت إسرائيل أن 3 من جنودها أصيبوا.", "other", "إسرائيل"),
        # whom a speaker told is not part of him
        ("وقال مصدر طبي لوكالة الأناضول إن 15 جريحا نقلوا.", "other", "مصدر طبي"),
        ("وقال مراسل الجزيرة بأن 30 جثة سلمت.", "other", "مراسل الجزيرة"),
        # a name in quotation marks is whole, even with a word that ends a phrase («اليوم»)
        ("وقال مراسل موقع «صدى اليوم» إن 3 مدنيين قتلوا.", "other", "مراسل موقع «صدى اليوم»"),
        ("وقال مراسل وكالة «نبض الساحل» إن 6 عناصر قتلوا.", "other", "مراسل وكالة «نبض الساحل»"),
        ("وقال مصدر في لجنة المصالحة لـ«الساحل» إن 9 جثث سلمت.", "other", "مصدر في لجنة المصالحة"),
        # a circumstantial participle, an aside naming whom he told, a listener after an envoy
        ("وأضافت المديرية موضحةً أن 11 مسلحا قتلوا.", "other", "المديرية"),
        ("وقال رئيس البلدية خالد منصور، لـ “الشبكة”، إن 9 أشخاص اعتقلوا.", "other", "رئيس البلدية خالد منصور"),
        ("وأكد مبعوث الأمم المتحدة لرويترز أن 60 محتجزا سيطلق سراحهم.", "un", "مبعوث الأمم المتحدة"),
        # a quoted name inside a genitive chain; two nouns of one construct joined by و
        (
            "وقال مصدر طبي في المشفى الميداني التابع لقوات عملية «فجر الجنوب» إن 8 جرحى وصلوا.",
            "other",
            "مصدر طبي في المشفى الميداني التابع لقوات عملية «فجر الجنوب»",
        ),
        ('وأفادت جمعية رعاية وتأهيل الأيتام "أمل"، بأن 300 عائلة نزحت.', "other", 'جمعية رعاية وتأهيل الأيتام "أمل"'),
        # a name in parentheses, a document issued by someone, a verb of saying after «وفق ما»
        ("وقتل 9 مدنيين في القصف، بحسب (الدفاع المدني).", "civil_defence", "الدفاع المدني"),
        ("وارتفع عدد المفرج عنهم إلى 62 معتقلا، حسب بيان صادر عن هيئة الأسرى.", "other", "هيئة الأسرى"),
        ("واتفق الطرفان على تبادل نحو 500 أسير، وفق ما أفاد مسؤولون من الجانبين.", "other", "مسؤولون من الجانبين"),
        # heads whose ل is their own (لجنة), whose «ل» is a genitive, verbs of writing and recording
        ("وجاء في تقرير لجنة التحقيق أن 60 منزلا دمرت.", "other", "لجنة التحقيق"),
        (
            "وذكرت الأمانة العامة لمجلس المحافظة، في بيان الاثنين، أن 70 عائلة نزحت.",
            "other",
            "الأمانة العامة لمجلس المحافظة",
        ),
        ("وكتب قائد الكتيبة على حسابه في تلغرام أن 9 من عناصره قتلوا.", "other", "قائد الكتيبة"),
        ("وسجل المكتب الإعلامي للبلدية نزوح 650 عائلة.", "other", "المكتب الإعلامي للبلدية"),
        ("وأفادت الأنباء الواردة من البلدة بأن 5 مدنيين قتلوا.", "other", "الأنباء الواردة من البلدة"),
        # whom a member stands for; a document with an adjective, or made by its owner
        (
            "وقال عضو لجنة التفاوض عن الجانب الأهلي، العميد فراس حداد، إن 30 أسيرا سلموا.",
            "other",
            "عضو لجنة التفاوض عن الجانب الأهلي، العميد فراس حداد",
        ),
        ("وبحسب إحصاء سابق للمرصد، قتل أكثر من 200 مدني.", "sohr", "المرصد"),
        ("وسقط 19 قتيلا وفقاً للإحصاءات التي تنشرها مديرية الصحة.", "other", "مديرية الصحة"),
        ("وذكر بيان للجمعية أن 8 مدنيين قتلوا.", "other", "الجمعية"),
        # a reporter who relays a source the lexicon knows gives it the floor; one it does not know, not
        ("ونقل المراسل عن متطوع في الهلال الأحمر قوله إن 17 جثة انتشلت.", "red_crescent", "متطوع في الهلال الأحمر"),
        ("ونقلت الوكالة عن مصدر أمني قوله إن 6 عناصر قتلوا.", "other", "الوكالة"),
        # a passive «تم» is never a speaker
        ("وبحسب ما تم تداوله، قتل 5 عناصر في الكمين.", "enab_baladi", "عنب بلدي"),
    ],
)
def test_speakers_as_arabic_news_names_them(sentence, claimant, claimant_ar):
    row_ = claims_of(sentence, outlet="Enab Baladi", outlet_ar="عنب بلدي").iloc[0]
    assert (row_.claimant, row_.claimant_ar) == (claimant, claimant_ar)


def test_the_speaker_is_who_speaks_not_who_is_spoken_of():
    # «خسائر تنظيم الدولة تقدر»: the group is in construct, spoken of; both
    # figures are the council's, named again as «المجلس»
    table = claims_of(
        "وأفاد المجلس العسكري للمدينة بأن المعارك هدأت. "
        "وأوضح المجلس أن خسائر تنظيم الدولة تقدر بنحو 40 قتيلا، وأن قتلى قواته بلغوا ثلاثة.",
        outlet_ar="موقع الساحل",
    )
    assert table[["value_low", "claimant_ar"]].values.tolist() == [
        [36.0, "المجلس العسكري للمدينة"],
        [3.0, "المجلس العسكري للمدينة"],
    ]


def test_a_speaker_carries_on_through_his_quotation_and_no_further():
    table = claims_of(
        'وقال مدير المستشفى: "استقبلنا 12 جريحا. وبينهم 4 أطفال في حالة حرجة". وقتل 3 مدنيين في قصف آخر.',
        outlet_ar="موقع الساحل",
    )
    assert table["claimant_ar"].tolist() == ["مدير المستشفى", "مدير المستشفى", "موقع الساحل"]


def test_a_sentence_opening_with_what_it_led_to_is_the_speaker_s_before():
    # «مما أدى إلى …» is the end of the sentence before, cut by a full stop
    table = claims_of(
        "وقال مسؤول أمني إن دورية تعرضت لكمين. مما أدى إلى مقتل 3 من عناصرها. وقتل 4 مدنيين في قصف آخر.",
        outlet_ar="موقع الساحل",
    )
    assert table["claimant_ar"].tolist() == ["مسؤول أمني", "موقع الساحل"]


def test_a_speaker_named_again_as_the_subject_of_any_verb_still_speaks():
    table = claims_of(
        "وأحصت الشبكة مقتل 9 أشخاص. ولم تتمكن الشبكة من تحديد هوية القتلى الخمسة. وتواصل القصف وقتل 3 مدنيين.",
        outlet_ar="موقع الساحل",
    )
    assert table["claimant_ar"].tolist() == ["الشبكة", "الشبكة", "موقع الساحل"]


def test_a_quotation_does_not_run_past_its_paragraph():
    from khabar.article import article_from_text

    article = article_from_text(
        'عنوان\n\nوقال مدير المستشفى: "استقبلنا 12 جريحا.\n\nوقتل 3 مدنيين في قصف آخر.',
        metadata={"outlet_ar": "موقع الساحل"},
    )
    assert claims(article)["claimant_ar"].tolist() == ["مدير المستشفى", "موقع الساحل"]


def test_a_back_reference_carries_the_speaker_when_the_outlet_is_not_in_the_lexicon():
    table = claims_of(
        "وأعلنت غرفة عمليات الفصائل مقتل 12 عنصرا. وأكد المصدر ذاته أسر 3 آخرين.", outlet_ar="موقع الساحل"
    )
    assert table["claimant_ar"].tolist() == ["غرفة عمليات الفصائل", "غرفة عمليات الفصائل"]
