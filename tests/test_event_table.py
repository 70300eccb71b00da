"""The one-row-per-event table and the exchange ledger, checked against the
seed's own words."""

import math

import pandas as pd
import pytest

from khabar.incidents import event_table
from khabar.ledger import exchange_ledger

T = pd.Timestamp


@pytest.fixture(scope="module")
def events_rows(article):
    return event_table(article)


@pytest.fixture(scope="module")
def claims_table(article):
    from khabar import claims

    return claims(article)


@pytest.fixture(scope="module")
def book(article):
    return exchange_ledger(article)


def one(table, stage):
    rows = table[table.stage == stage]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_one_row_per_event_no_photo_no_state(events_rows):
    table = events_rows
    assert "photo" not in set(table.stage) and "bodies_held" not in set(table.stage)
    assert (table.stage == "deal").sum() == 1 and (table.stage == "deaths").sum() == 1
    assert table["event"].tolist() == list(range(len(events_rows)))


def test_the_deal(events_rows, claims_table):
    deal = one(events_rows, "deal")
    # «صفقة عقدت بين الطرفين، السبت الماضي» between «النظام» and «تنظيم الدولة»
    assert (deal.side_a, deal.side_b, deal.type) == ("regime", "isis", "agreement")
    assert (deal.start_earliest, deal.end_latest, deal.date_precision) == (T(2018, 3, 24), T(2018, 3, 24), "day")
    assert [claims_table.loc[i, "quote"] for i in deal.claim_ids] == ["عشرات الجثث"]
    assert deal.claimants == ("enab_baladi", "informed_sources")


def test_the_dead(events_rows, claims_table):
    dead = one(events_rows, "deaths")
    # low: the pages' «12 عنصرًا ... إلى جانب العشرات من الجنود», 12 + 12
    # (ACLED codes "dozens" 12); best: «بحوالي 85» bodies handed over, all
    # killed in the fighting in al-Qadam (informed sources); high: al-Naba's
    # «قتل 175», the group's claim about its enemy.
    assert (dead.fatalities_low, dead.fatalities_best, dead.fatalities_high) == (24, 85, 175)
    assert dead.high_source == "party_about_enemy"
    quotes = {claims_table.loc[i, "quote"] for i in dead.claim_ids}
    assert {"175 من قوات الأسد", "12 عنصرا من مخابرات الفرع 215", "العشرات من الجنود", "بحوالي 85"} <= quotes
    assert "best 85: بحوالي 85" in dead.note and "not tied to the place by the text: تتجاوز 100" in dead.note
    # al-Naba's dead from the start of its operation (9-14 March) to its
    # Thursday; the pages' over the past days up to Sunday 25 March
    assert (dead.start_earliest, dead.end_latest) == (T(2018, 3, 9), T(2018, 3, 25))
    assert dead.place_en == "al-Qadam"


def test_handovers_and_what_is_to_come(events_rows):
    handovers = events_rows[events_rows.stage == "handover"]
    # both on or before a day: no first day in the words
    assert handovers["start_earliest"].isna().all()
    assert handovers["end_latest"].tolist() == [T(2018, 3, 25), T(2018, 3, 26)]
    to_come = one(events_rows, "to_come")
    assert to_come.ongoing and pd.isna(to_come.end_latest)


def test_the_offensive_has_no_end(events_rows):
    offensive = one(events_rows, "offensive")
    assert offensive.ongoing and pd.isna(offensive.end_latest)
    assert (offensive.start_earliest, offensive.start_latest, offensive.end_earliest) == (
        T(2018, 3, 9),
        T(2018, 3, 14),
        T(2018, 3, 22),
    )


def test_no_fatalities_where_no_dead(events_rows):
    table = events_rows
    assert (
        table.loc[table.stage != "deaths", ["fatalities_low", "fatalities_best", "fatalities_high"]].isna().all().all()
    )


def test_ledger_handed_over(book):
    handed = book[book.item == "handed_over"]
    # «ضمنت تسليم عشرات الجثث» is a term of the deal, not a handover
    assert handed["figure"].tolist() == ["العشرات من الجثث", "بحوالي 85"]
    assert set(handed["from_side"]) == {"isis"} and set(handed["to_side"]) == {"regime"}


def test_ledger_still_held_under_both_readings(book):
    held = book[(book.item == "still_held") & (book.what == "bodies")].set_index("reading")
    # total: more than 100 in all, less about 85 (76-94) handed over: at least 7
    assert held.loc["total", "low"] == 7 and math.isnan(held.loc["total", "high"])
    # remaining: «قرابة 30 جثة» still held
    assert (held.loc["remaining", "low"], held.loc["remaining", "high"]) == (27, 33)
    prisoners = book[(book.item == "still_held") & (book.what == "prisoners")].iloc[0]
    assert (prisoners.low, prisoners.claimant) == (12, "other_sources")


def test_ledger_detainees_released_not_stated(article, book):
    released = book[book.item == "released_in_return"]
    assert released["quote"].tolist() == ["مقابل إطلاق النظام سراح معتقلات في سجونه", "مقابل معتقلات خرجن من السجون"]
    assert set(released["figure"]) == {"not stated"} and released["low"].isna().all()
    assert set(released["what"]) == {"women detainees"}
    for quote in book["quote"]:
        assert quote in article.text
    to_come = book[book.item == "to_come"].iloc[0]
    assert to_come.quote == "ستجري على مراحل" and to_come.figure == "not stated"
