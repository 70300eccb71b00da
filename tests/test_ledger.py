"""The exchange ledger's status, tense, running totals, intermediary, place
and cited claims: the seed read by hand, and made-up reports."""

import pytest

from khabar import claims, exchange_ledger


@pytest.fixture(scope="module")
def book(article):
    return exchange_ledger(article)


def line(book, quote):
    rows = book[book["quote"] == quote]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_seed_status_and_tense(book):
    expected = {
        "عشرات الجثث": ("deal_terms", "agreed", "promised"),  # «ضمنت تسليم …»
        "العشرات من الجثث": ("handed_over", "completed", "done"),  # «تبادل»
        "بحوالي 85": ("handed_over", "completed", "done"),
        "قرابة 30 جثة": ("still_held", "pending", "state"),
        "ستجري على مراحل": ("to_come", "pending", "promised"),
        "مقابل إطلاق النظام سراح معتقلات في سجونه": ("released_in_return", "agreed", "promised"),
        "مقابل معتقلات خرجن من السجون": ("released_in_return", "completed", "done"),
    }
    for quote, (item, status, tense) in expected.items():
        found = line(book, quote)
        assert (found["item"], found["status"], found["tense"]) == (item, status, tense), quote
    assert set(book["status"]) <= {"agreed", "completed", "pending"}


def test_a_later_running_total_supersedes_the_earlier_count(book, table):
    earlier, total = line(book, "العشرات من الجثث"), line(book, "بحوالي 85")  # «حتى اليوم»
    assert earlier["superseded_by"] == table.loc[table["quote"] == "بحوالي 85", "claim_id"].item()
    assert total["superseded_by"] == ""
    # added up, what is done and superseded by nothing counts every body once
    counted = book[(book["item"] == "handed_over") & (book["status"] == "completed") & (book["superseded_by"] == "")]
    assert (counted["low"].sum(), counted["high"].sum()) == (76, 94)


def test_the_deal_term_is_no_handover(book):
    term = line(book, "عشرات الجثث")
    assert term["superseded_by"] == "" and term["item"] != "handed_over"


def test_intermediary_and_place(book):
    exchange = book[book["item"].isin(["deal_terms", "handed_over", "to_come"])]
    assert set(exchange["intermediary"]) == {"Syrian Arab Red Crescent"}  # «برعاية الهلال الأحمر السوري»
    assert set(exchange["place"]) == {"al-Hajar al-Aswad roundabout"}  # «جمع الجثث على دوار الحجر الأسود»
    assert set(book.loc[book["item"] == "still_held", "intermediary"]) == {""}


def test_every_line_cites_its_claims(book, table):
    ids = dict(zip(table["quote"], table["claim_id"]))
    assert line(book, "بحوالي 85")["claim_ids"] == (ids["بحوالي 85"],)
    held = book[book["reading"] == "total"].iloc[0]
    assert set(held["claim_ids"]) == {ids["تتجاوز 100"], ids["بحوالي 85"]}
    assert line(book, "مقابل إطلاق النظام سراح معتقلات في سجونه")["claim_ids"] == (ids["معتقلات"],)
    for cited in book["claim_ids"]:
        assert set(cited) <= set(table["claim_id"])


def test_made_up_exchange(made_up_article):
    article = made_up_article(
        "وقالت مصادر مطلعة لعنب بلدي، أمس، إن اتفاقًا عقد بين الطرفين، الخميس الماضي، تضمن تسليم 40 جثة مقابل الإفراج عن معتقلين.",
        "وتحدثت صفحات موالية، أمس، عن تسليم 15 جثة من قوات النظام، مقابل معتقلين خرجوا من السجون.",
        "وأكدت المصادر تسليم 25 جثة حتى اليوم برعاية الهلال الأحمر، وجمع التنظيم الجثث على دوار الحجر الأسود.",
    )
    found = exchange_ledger(article)
    table = claims(article)
    assert line(found, "40 جثة")[["item", "status", "tense"]].tolist() == ["deal_terms", "agreed", "promised"]
    assert line(found, "15 جثة")["superseded_by"] == table.loc[table["quote"] == "25 جثة", "claim_id"].item()
    assert line(found, "25 جثة")[["status", "superseded_by"]].tolist() == ["completed", ""]
    released = found[found["item"] == "released_in_return"].set_index("claimant")["status"].to_dict()
    assert released == {"informed_sources": "agreed", "pro_regime_pages": "completed"}


def test_no_running_total_supersedes_nothing(made_up_article):
    article = made_up_article(
        "وتحدثت صفحات موالية، أمس، عن تسليم 15 جثة من قوات النظام.",
        "وقالت مصادر مطلعة لعنب بلدي اليوم إن التنظيم سلم 10 جثث أخرى.",
    )
    found = exchange_ledger(article)
    handed = found[found["item"] == "handed_over"]
    assert set(handed["superseded_by"]) == {""}
    assert set(handed["place"]) == {""} and set(handed["intermediary"]) == {""}
