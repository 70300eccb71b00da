"""Where each claim comes from and whom it counts (khabar.provenance): the
seed read by hand, and made-up sentences in the same register."""

import json
import re

import pandas as pd
import pytest

from khabar import claims, events, lexicon, provenance, schema

DAY = pd.Timestamp


def row(table, quote):
    rows = table[table["quote"] == quote]
    assert len(rows) == 1, rows[["quote"]]
    return rows.iloc[0]


@pytest.fixture
def with_outlet(tmp_path):
    """A made-up article with a sidecar naming its outlet."""
    from khabar import load_article

    def make(*body, outlet=("Enab Baladi", "عنب بلدي"), name="desk-report"):
        path = tmp_path / f"{name}.txt"
        path.write_text("\n\n".join(["عنوان تجريبي", *body]), encoding="utf-8")
        meta = {"published": "2019-01-09"}
        if outlet:
            meta.update(outlet=outlet[0], outlet_ar=outlet[1])
        path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        return load_article(path)

    return make


# --- claim_id -------------------------------------------------------------


def test_claim_ids_name_the_article_and_the_quote(table):
    assert table["claim_id"].is_unique
    for claim in table.itertuples():
        assert claim.claim_id == f"enab-baladi-2018-03-26-south-damascus-deal:{claim.start}-{claim.end}"
    schema.check(table, "claims")


def test_claim_ids_do_not_depend_on_row_order(article, table):
    shuffled = table.drop(columns=provenance.COLUMNS).sample(frac=1, random_state=3)
    again = provenance.with_provenance(shuffled, article)
    assert dict(zip(again["quote"], again["claim_id"])) == dict(zip(table["quote"], table["claim_id"]))


def test_claim_ids_are_the_same_on_every_run(article, table):
    assert claims(article)["claim_id"].tolist() == table["claim_id"].tolist()


def test_two_claims_on_one_quote_keep_apart():
    rows = pd.DataFrame({"start": [4, 4], "end": [9, 9], "subject": ["killed", "bodies"]})
    assert provenance.claim_ids(rows, "a") == ["a:4-9:killed", "a:4-9:bodies"]


def test_an_article_without_a_file_name_gets_a_hash_of_its_text(made_up_article):
    from khabar.article import article_from_text

    one = article_from_text("عنوان\n\nقتل 5 مدنيين.", metadata={"file": "تقرير.txt"})
    other = article_from_text("عنوان\n\nقتل 6 مدنيين.", metadata={"file": "تقرير.txt"})
    assert re.fullmatch(r"article-[0-9a-f]{10}", provenance.article_name(one))
    assert provenance.article_name(one) != provenance.article_name(other)


# --- source type, named, via ----------------------------------------------

SEED_SOURCES = [
    ("عشرات الجثث", "anonymous_source", False),
    ("العشرات من الجثث", "partisan_page", False),
    ("قرابة 30 جثة", "anonymous_source", False),
    ("بحوالي 90%", "official", True),
    ("175 من قوات الأسد", "party_media", True),
    ("قرابة 70%", "outlet", True),
    ("12 عنصرا من مخابرات الفرع 215", "partisan_page", False),
]


@pytest.mark.parametrize("quote, source_type, named", SEED_SOURCES)
def test_seed_source_types(table, quote, source_type, named):
    claim = row(table, quote)
    assert (claim.source_type, bool(claim.named), claim.via) == (source_type, named, "enab_baladi")


def test_every_claimant_has_a_source_type():
    types = provenance.source_types()
    allowed = schema.allowed("claims", "source_type")
    for key in lexicon.records("claimant")["key"]:
        assert key in types, f"claimant {key!r} has no row in lexicon/source_types.csv"
        assert types[key][0] in allowed


def test_a_bad_source_type_names_the_file(monkeypatch):
    monkeypatch.setattr(provenance, "_csv", lambda name: ({"key": "x", "source_type": "rumour", "named": "true"},))
    provenance.source_types.cache_clear()
    try:
        with pytest.raises(provenance.ProvenanceError, match=r"source_types\.csv, line 2: .*'rumour'"):
            provenance.source_types()
    finally:
        provenance.source_types.cache_clear()


def test_via_is_the_outlet_of_a_made_up_report(with_outlet, made_up_article):
    found = claims(with_outlet("وقال المرصد السوري إن 5 مدنيين قتلوا في القصف."))
    assert (row(found, "5 مدنيين").source_type, row(found, "5 مدنيين").via) == ("monitor", "enab_baladi")
    found = claims(with_outlet("وقال ناشطون إن 4 مدنيين قتلوا.", outlet=("Janub Desk", "مكتب الجنوب")))
    assert row(found, "4 مدنيين").via == "مكتب الجنوب"
    assert (row(found, "4 مدنيين").source_type, bool(row(found, "4 مدنيين").named)) == ("local_source", False)
    # no outlet named: nothing relays it that the file says
    assert row(claims(made_up_article("وقال ناشطون إن 4 مدنيين قتلوا.")), "4 مدنيين").via == ""


# --- about own side -------------------------------------------------------


def test_seed_own_side(table):
    assert bool(row(table, "12 عنصرا من مخابرات الفرع 215").about_own_side) is True
    assert bool(row(table, "العشرات من الجنود").about_own_side) is True  # «إلى جانب»: the same side
    assert bool(row(table, "175 من قوات الأسد").about_own_side) is False  # the group's weekly on its enemy
    assert bool(row(table, "بخمس دبابات").about_own_side) is False  # «خسائر القوات»: the forces named before
    assert pd.isna(row(table, "عشرات الجثث").about_own_side)  # sources are no party
    assert pd.isna(row(table, "بحوالي 90%").about_own_side)  # a share is no loss


@pytest.mark.parametrize(
    "sentence, quote, own",
    [
        ("وأعلن الجيش السوري مقتل 8 من عناصر التنظيم في الاشتباكات.", "8 من عناصر التنظيم", False),
        ("ونعت صفحات موالية مقتل 5 من قوات النظام قرب البلدة.", "5 من قوات النظام", True),
        ("وأعلنت فصائل المعارضة مقتل 6 من قوات النظام وأسر 2 من مقاتلي التنظيم.", "6 من قوات النظام", False),
    ],
)
def test_made_up_own_side(made_up_article, sentence, quote, own):
    claim = row(claims(made_up_article(sentence)), quote)
    assert bool(claim.about_own_side) is own


def test_no_owner_named_leaves_it_unknown(made_up_article):
    claim = row(claims(made_up_article("وأعلن الجيش السوري مقتل 8 مسلحين في الاشتباكات.")), "8 مسلحين")
    assert pd.isna(claim.about_own_side)


# --- sex and combatant ----------------------------------------------------


def test_seed_people(table):
    women = row(table, "معتقلات")
    assert (women.sex, women.combatant) == ("female", "unknown")
    branch = row(table, "12 عنصرا من مخابرات الفرع 215")
    assert (branch.combatant, branch.scope) == ("combatant", "branch_215_members")  # the unit is kept
    assert row(table, "ضباط").combatant == "combatant"
    assert row(table, "عشرات الجثث").combatant == "combatant"  # «… من قوات الأسد»
    assert (row(table, "بخمس دبابات").sex, row(table, "بخمس دبابات").combatant) == ("", "")


@pytest.mark.parametrize(
    "sentence, quote, sex, combatant",
    [
        ("وقتلت 6 نساء في الغارة على السوق.", "6 نساء", "female", "civilian"),
        ("وأصيب 11 طفلا بجروح في القصف.", "11 طفلا", "unknown", "civilian"),
        ("وقتل نحو 40 مدنيا في القصف.", "نحو 40 مدنيا", "unknown", "civilian"),
        ("وأفرجت السلطات عن 20 معتقلا من سجن المدينة.", "20 معتقلا", "unknown", "unknown"),
        ("وأفرجت السلطات عن 8 معتقلات من سجن المدينة.", "8 معتقلات", "female", "unknown"),
        ("وقتل 9 ضباط في الكمين.", "9 ضباط", "unknown", "combatant"),
    ],
)
def test_made_up_people(made_up_article, sentence, quote, sex, combatant):
    claim = row(claims(made_up_article(sentence)), quote)
    assert (claim.sex, claim.combatant) == (sex, combatant)


# --- when each claim was made ---------------------------------------------


def test_seed_windows(table):
    deal = row(table, "عشرات الجثث")
    assert (deal.reported_on, deal.reported_end, deal.reported_precision) == (DAY("2018-03-26"),) * 2 + ("day",)
    share = row(table, "بحوالي 90%")  # «أعلن قبل أيام»: the announcement's window
    assert (share.reported_on, share.reported_end, share.reported_precision) == (
        DAY("2018-03-16"),
        DAY("2018-03-24"),
        "approx",
    )
    # «وقدرت المصادر»: the sources of «اليوم»
    assert row(table, "بحوالي 85").reported_on == DAY("2018-03-26")
    # the text never says when the group estimated its enemy's materiel losses
    tanks = row(table, "بخمس دبابات")
    assert pd.isna(tanks.reported_on) and tanks.reported_precision == "by"
    assert tanks.reported_end == DAY("2018-03-26")
    branch = row(table, "12 عنصرا من مخابرات الفرع 215")
    assert branch.reported_end == DAY("2018-03-26") and branch.reported_precision == "by"


def test_claims_and_events_agree_on_when_a_statement_was_made(article, table):
    for event in events(article).itertuples():
        inside = table[(table["start"] >= event.start) & (table["start"] < event.end)]
        for claim in inside.itertuples():
            assert claim.reported_precision == event.reported_precision, (claim.quote, event.stage)
            if claim.reported_precision == "by":
                assert claim.reported_end == event.reported_on, claim.quote
            else:
                assert claim.reported_on == event.reported_on, claim.quote


@pytest.mark.parametrize(
    "sentence, quote, first, last, precision",
    [
        ("وقال المرصد السوري، أمس، إن 5 مدنيين قتلوا.", "5 مدنيين", "2019-01-08", "2019-01-08", "day"),
        ("وأفاد ناشطون بمقتل 7 مدنيين خلال الأيام الماضية.", "7 مدنيين", None, "2019-01-09", "by"),
        ("ويقطن الحي نحو 20 ألف مدني.", "نحو 20 ألف مدني", "2019-01-09", "2019-01-09", "day"),
        ("وكان الجيش السوري أعلن قبل أيام مقتل 30 مسلحا.", "30 مسلحا", "2018-12-30", "2019-01-07", "approx"),
    ],
)
def test_made_up_windows(made_up_article, sentence, quote, first, last, precision):
    claim = row(claims(made_up_article(sentence)), quote)
    assert (claim.reported_end, claim.reported_precision) == (DAY(last), precision)
    assert pd.isna(claim.reported_on) if first is None else claim.reported_on == DAY(first)


def test_no_publication_date_leaves_every_window_empty(made_up_article):
    found = claims(made_up_article("وقال ناشطون إن 4 مدنيين قتلوا.", published=None))
    assert found["reported_on"].isna().all() and found["reported_end"].isna().all()


def test_columns_come_from_the_schema():
    assert provenance.COLUMNS == [
        "claim_id",
        "source_type",
        "named",
        "via",
        "about_own_side",
        "reported_end",
        "sex",
        "combatant",
    ]
