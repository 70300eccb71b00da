"""Reading conventions: the range a qualifier's words allow, as named sets.

How wide "about 85" or "dozens" is, is a convention, not a fact of the
text.  The conventions live in ``conventions.csv`` beside this module, one
row per (convention, qualifier) with a ``rule``:

- ``factor``: ``n * low`` to ``n * high`` (rounded outwards to whole numbers);
- ``above``: ``n + 1`` with no upper bound ("أكثر من 100", "تتجاوز 100");
- ``below``: ``0`` to ``n - 1``;
- ``point``: ``n`` itself (a single conservative figure);
- ``count``: ``low`` to ``high`` whatever ``n`` (vague quantities: عشرات).

The sets:

- ``arabic_news`` (the default): حوالي/نحو and قرابة/ما يقارب both within
  10% either side (Arabic news uses قرابة like نحو, not as the English
  "nearly", short of n); عشرات 20-99.
- ``nearly_below``: as the default, but قرابة up to 10% below n, never above.
- ``narrow``: 5% either side; عشرات 30-99, the plural proper (three tens or more).
- ``wide``: 20% either side; عشرات 10-99.
- ``acled_points``: one figure per claim, as ACLED codes fatalities: the
  number as written, and for vague reports its conservative value ("tens"
  10, "dozens" 12, "hundreds" 100; عشرات is "tens", so 10).

>>> band("nearly", 30), band("nearly", 30, convention="nearly_below")
((27.0, 33.0), (27.0, 30.0))
>>> band("dozens", convention="acled_points")
(10.0, 10.0)
"""

from __future__ import annotations

import csv
import math
from functools import cache
from pathlib import Path

import pandas as pd

DEFAULT = "arabic_news"
DATA = Path(__file__).with_name("conventions.csv")
RULES = ("factor", "above", "below", "point", "count")


@cache
def _table() -> dict:
    """{convention: {qualifier: (rule, low, high)}} read from the data file."""
    found: dict = {}
    with open(DATA, encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            rule = row["rule"]
            if rule not in RULES:
                raise ValueError(f"{DATA}: line {line}: unknown rule {rule!r} (one of {RULES})")
            try:
                low = float(row["low"]) if row["low"] else math.nan
                high = float(row["high"]) if row["high"] else math.nan
            except ValueError as error:
                raise ValueError(f"{DATA}: line {line}: {error}") from None
            if rule in ("factor", "count") and (math.isnan(low) or math.isnan(high) or low > high):
                raise ValueError(f"{DATA}: line {line}: rule {rule!r} needs low <= high")
            found.setdefault(row["convention"], {})[row["qualifier"]] = (rule, low, high)
    return found


def names() -> list[str]:
    """The conventions in the data file, the default first.

    >>> names()[0]
    'arabic_news'
    """
    return sorted(_table(), key=lambda name: (name != DEFAULT, list(_table()).index(name)))


def conventions() -> pd.DataFrame:
    """The data file as a dataframe: ``convention``, ``qualifier``, ``rule``,
    ``low``, ``high``, ``note``.

    >>> conventions().query("convention == 'arabic_news' and qualifier == 'dozens'")[["low", "high"]].values.tolist()
    [[20.0, 99.0]]
    """
    return pd.read_csv(DATA, encoding="utf-8")


def _rule(qualifier: str, convention: str):
    table = _table()
    if convention not in table:
        raise ValueError(f"unknown convention {convention!r}; {DATA.name} has {names()}")
    if qualifier not in table[convention]:
        raise ValueError(f"convention {convention!r} has no band for qualifier {qualifier!r}")
    return table[convention][qualifier]


def band(
    qualifier: str, n: float = math.nan, *, upper: float = math.nan, convention: str = DEFAULT
) -> tuple[float, float]:
    """``(low, high)`` the words allow for ``qualifier`` and figure ``n``
    under ``convention``; NaN where open.  ``upper`` caps the range (100 for
    a percentage).

    >>> band("about", 85), band("more_than", 100), band("more_than", 50, upper=100)
    ((76.0, 94.0), (101.0, nan), (51.0, 100.0))
    """
    rule, low_factor, high_factor = _rule(qualifier, convention)
    if rule == "count":
        low, high = low_factor, high_factor
    elif rule == "point":
        low = high = float(n)
    elif rule == "above":
        low, high = float(math.floor(n) + 1), math.nan
    elif rule == "below":
        low, high = 0.0, float(math.ceil(n) - 1)
    else:
        # round() first: 90 * 1.1 is 99.00000000000001 in floating point.
        low = float(math.floor(round(n * low_factor, 9)))
        high = float(math.ceil(round(n * high_factor, 9)))
    if not math.isnan(upper):
        high = float(upper if math.isnan(high) else min(high, upper))
    return float(low), float(high)


def covers(qualifier: str, convention: str = DEFAULT) -> bool:
    """Whether ``convention`` sets the band of ``qualifier``; the others
    (at_least, and_some, several...) keep the reading of :mod:`khabar.numbers`.

    >>> covers("dozens"), covers("and_some")
    (True, False)
    """
    return qualifier in _table()[convention] if convention in _table() else False


def vague_range(qualifier: str, convention: str = DEFAULT) -> tuple[float, float]:
    """The range of a vague quantity (``dozens``, ``hundreds``...).

    >>> vague_range("dozens"), vague_range("dozens", "narrow")
    ((20.0, 99.0), (30.0, 99.0))
    """
    return band(qualifier, convention=convention)


def with_convention(table: pd.DataFrame, convention: str) -> pd.DataFrame:
    """A copy of a claims (or control) table with ``value_low``/``value_high``
    (or ``share_low``/``share_high``) read again under ``convention``.
    Rows with no figure (``unspecified``) keep NaN.

    >>> rows = pd.DataFrame({"qualifier": ["nearly", "dozens"], "value": [30.0, math.nan],
    ...                      "value_low": [27.0, 20.0], "value_high": [33.0, 99.0], "unit": ["persons"] * 2})
    >>> with_convention(rows, "acled_points")[["value_low", "value_high"]].values.tolist()
    [[30.0, 30.0], [10.0, 10.0]]
    """
    _rule("exact", convention)  # an unknown convention is an error, not a silent copy
    share = "share_low" in table.columns
    low_col, high_col, value_col = (
        ("share_low", "share_high", "share") if share else ("value_low", "value_high", "value")
    )
    table = table.copy()
    lows, highs = [], []
    for row in table.to_dict("records"):
        qualifier = row["qualifier"]
        if (
            qualifier == "unspecified"
            or not covers(qualifier, convention)
            or (pd.isna(row[value_col]) and _rule(qualifier, convention)[0] != "count")
        ):
            lows.append(row[low_col])
            highs.append(row[high_col])
            continue
        percent = share or row.get("unit") == "percent"
        low, high = band(qualifier, row[value_col], upper=100.0 if percent else math.nan, convention=convention)
        lows.append(low)
        highs.append(high)
    table[low_col], table[high_col] = lows, highs
    return table
