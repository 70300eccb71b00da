"""The exchange as a ledger: what has been handed over, what is still held,
what is to come, and what is given in return -- each line with its figure as
the words allow, who says it, and the quote.

Lines come from :func:`khabar.claims` (counts of bodies and prisoners by
scope) and :func:`khabar.events` (what is still to come, what is given in
return).  "Still held" is given under both readings of the held counts
(:func:`khabar.grading.readings`): ``total`` (a held count is every
body the group has had, so what is left is that total less what has been
handed over) and ``remaining`` (a held count is what is left).

>>> from khabar import load_article
>>> book = exchange_ledger(load_article())
>>> book.loc[book.item == "released_in_return", ["what", "figure"]].values.tolist()
[['women detainees', 'not stated'], ['women detainees', 'not stated']]
"""

from __future__ import annotations

import math
import re

import pandas as pd

# Direction of each line: from whom to whom.
DIRECTION = {
    "handed_over": ("isis", "regime"),
    "still_held": ("isis", ""),
    "to_come": ("isis", "regime"),
    "released_in_return": ("regime", ""),
}
# What is given in return, as the text words it: "مقابل إطلاق ... سراح معتقلات".
IN_RETURN = re.compile(r"مقابل\s+(?:\S+\s+){0,4}?معتقل(?:ات|ين)(?:\s+[^\s،,.]+){0,3}?(?=\s*[،,.]|$)")

COLUMNS = ["item", "what", "from_side", "to_side", "low", "high", "figure", "reading", "as_of", "claimant", "quote"]


def exchange_ledger(article, claims: pd.DataFrame | None = None, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """One line per figure of the exchange: ``item`` (``handed_over``,
    ``still_held``, ``to_come``, ``released_in_return``), ``what``,
    ``from_side``, ``to_side``, ``low``, ``high`` (NaN: not stated or open),
    ``figure`` (the words, or "not stated"), ``reading`` (for still held:
    ``total`` or ``remaining``), ``as_of``, ``claimant``, ``quote``.

    >>> from khabar import load_article
    >>> book = exchange_ledger(load_article())
    >>> book.loc[book.item == "still_held", ["reading", "low", "high", "figure"]].values.tolist()[:2]
    [['total', 7.0, nan, 'تتجاوز 100 less بحوالي 85'], ['remaining', 27.0, 33.0, 'قرابة 30 جثة']]
    """
    from khabar.claims_table import claims as claims_of
    from khabar.events_table import events as events_of
    from khabar.grading import _ranges, _relative_width, readings

    table = claims_of(article) if claims is None else claims
    happenings = events_of(article) if events is None else events
    rows = []
    exchange = table[table["subject"].isin(["bodies", "prisoners", "detainees"])]
    for _, claim in exchange[exchange["scope"] == "handed_over"].iterrows():
        rows.append(_claim_line("handed_over", claim))
    both = readings(table)
    for _, reading in both.iterrows():
        large = table[table["quote"] == reading["claim_a"]].iloc[0]
        small = table[table["quote"] == reading["claim_b"]].iloc[0]
        if reading["reading"] == "total":
            handed = exchange[(exchange["scope"] == "handed_over") & (exchange["subject"] == large["subject"])]
            part = min(_ranges(handed), key=_relative_width)
            low = max(large["value_low"] - part["high"], 0.0)
            high = math.nan if pd.isna(large["value_high"]) else large["value_high"] - part["low"]
            rows.append(
                _line(
                    "still_held",
                    large["subject"],
                    low,
                    high,
                    f"{large['quote']} less {table.at[part['index'], 'quote']}",
                    "total",
                    large["reported_on"],
                    large["claimant"],
                    large["quote"],
                )
            )
        else:
            rows.append(_claim_line("still_held", small, "remaining"))
    if both.empty:
        for _, claim in exchange[exchange["scope"] == "held"].iterrows():
            rows.append(_claim_line("still_held", claim))
    # prisoners held are not part of the readings: a line of their own
    held = exchange[(exchange["scope"] == "held") & (exchange["subject"] != "bodies")]
    for _, claim in held.iterrows():
        rows.append(_claim_line("still_held", claim))
    from khabar.events_table import _STAGES

    to_come = next(pattern for key, pattern, *_ in _STAGES if key == "to_come")
    for _, event in happenings[happenings["stage"] == "to_come"].iterrows():
        words = to_come.search(event["quote"])
        rows.append(
            _line(
                "to_come",
                "bodies",
                math.nan,
                math.nan,
                "not stated",
                "",
                event["date"],
                event["claimant"],
                words.group() if words else event["quote"],
            )
        )
    seen = set()
    for _, event in happenings[happenings["in_return_for"] != ""].iterrows():
        for quote, claimant in zip(
            event["quotes"],
            event["claimants"]
            if len(event["claimants"]) == len(event["quotes"])
            else [event["claimant"]] * len(event["quotes"]),
        ):
            match = IN_RETURN.search(quote)
            if match and match.group() not in seen:
                seen.add(match.group())
                rows.append(
                    _line(
                        "released_in_return",
                        event["in_return_for"],
                        math.nan,
                        math.nan,
                        "not stated",
                        "",
                        event["reported_on"],
                        claimant,
                        match.group(),
                    )
                )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    return frame


def _claim_line(item, claim, reading=""):
    """A ledger line that is one claim as it stands."""
    return _line(
        item,
        claim["subject"],
        claim["value_low"],
        claim["value_high"],
        claim["quote"],
        reading,
        claim["reported_on"],
        claim["claimant"],
        claim["quote"],
    )


def _line(item, what, low, high, figure, reading, as_of, claimant, quote):
    from_side, to_side = DIRECTION[item]
    return (item, what, from_side, to_side, float(low), float(high), figure, reading, as_of, claimant, quote)
