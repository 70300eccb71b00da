"""Reading conventions: the bands each named set gives, the default the
tables use, and a clear error for a bad data file or name."""

import math

import pandas as pd
import pytest

from khabar import conventions
from khabar.conventions import band, with_convention


@pytest.mark.parametrize(
    "name, qualifier, n, low, high",
    [
        # قرابة is read on either side by default, as نحو
        ("arabic_news", "nearly", 30, 27, 33),
        ("nearly_below", "nearly", 30, 27, 30),
        ("arabic_news", "about", 85, 76, 94),
        ("narrow", "about", 85, 80, 90),
        ("wide", "about", 85, 68, 102),
        ("arabic_news", "dozens", math.nan, 20, 99),
        ("narrow", "dozens", math.nan, 30, 99),
        # ACLED codes "tens" 10 and "dozens" 12; عشرات is tens
        ("acled_points", "dozens", math.nan, 10, 10),
        ("acled_points", "about", 85, 85, 85),
        ("acled_points", "more_than", 100, 100, 100),
        ("arabic_news", "more_than", 100, 101, math.nan),
    ],
)
def test_bands(name, qualifier, n, low, high):
    got = band(qualifier, n, convention=name)
    assert got[0] == low
    assert got[1] == high or (math.isnan(got[1]) and math.isnan(high))


def test_default_is_what_the_tables_use(table):
    assert conventions.names()[0] == conventions.DEFAULT == "arabic_news"
    redone = with_convention(table, conventions.DEFAULT)
    assert redone["value_low"].equals(table["value_low"]) and redone["value_high"].equals(table["value_high"])


def test_percentages_stay_within_100(table):
    wide = with_convention(table, "wide").set_index("quote")
    assert (wide.loc["بحوالي 90%", "value_low"], wide.loc["بحوالي 90%", "value_high"]) == (72, 100)


def test_every_convention_covers_every_qualifier():
    table = conventions.conventions()
    qualifiers = set(table.loc[table.convention == conventions.DEFAULT, "qualifier"])
    for name, group in table.groupby("convention"):
        assert set(group["qualifier"]) == qualifiers, name


def test_unknown_convention_is_named():
    with pytest.raises(ValueError, match="unknown convention 'loose'"):
        band("about", 10, convention="loose")


def test_bad_data_file_names_the_file_and_line(tmp_path, monkeypatch):
    bad = tmp_path / "conventions.csv"
    bad.write_text("convention,qualifier,rule,low,high,note\nx,about,factor,1.2,0.8,\n", encoding="utf-8")
    monkeypatch.setattr(conventions, "DATA", bad)
    conventions._table.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"conventions.csv: line 2: rule 'factor' needs low <= high"):
            band("about", 10, convention="x")
    finally:
        monkeypatch.undo()
        conventions._table.cache_clear()


def test_unspecified_rows_keep_no_figure():
    rows = pd.DataFrame(
        {
            "qualifier": ["unspecified"],
            "value": [math.nan],
            "value_low": [math.nan],
            "value_high": [math.nan],
            "unit": ["persons"],
        }
    )
    assert with_convention(rows, "acled_points")["value_low"].isna().all()


@pytest.mark.parametrize("name", conventions.names())
def test_a_figure_lies_in_its_own_band_unless_the_words_exclude_it(name):
    # "about n" and "nearly n" include n; "more than n" and "fewer than n"
    # exclude it, except where a convention codes one conservative figure.
    rules = conventions._table()[name]
    for qualifier, (rule, _, _) in rules.items():
        if rule == "count":
            continue
        for n in (1, 7, 12, 30, 85, 99, 100, 175, 1000):
            low, high = band(qualifier, n, convention=name)
            inside = low <= n and (math.isnan(high) or n <= high)
            assert inside == (rule not in ("above", "below")), (qualifier, n, low, high)
            assert math.isnan(high) or low <= high
