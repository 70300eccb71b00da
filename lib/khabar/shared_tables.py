"""The event table and the exchange ledger as shared rows, each naming the
claims it rests on by a stable id.

A claim's id is the claims table's ``claim_id``
(:func:`khabar.provenance.claim_ids`: the article's name and the quote's
offsets in its text, ``<article>:<start>-<end>``): it does not depend on the
row order of the claims table and stays the same from run to run.

>>> from khabar import load_article
>>> rows = event_rows(load_article())
>>> rows.loc[rows.stage == "deal", "claim_ids"].tolist()
[('enab-baladi-2018-03-26-south-damascus-deal:372-383',)]
"""

from __future__ import annotations

import pandas as pd

from khabar import schema
from khabar.provenance import article_name


def event_rows(article, claims: pd.DataFrame | None = None, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`khabar.event_table` as shared (schema ``event_table``):
    ``event_id`` (``<article>:<event>``) in front and the claims named by
    their ids.

    >>> from khabar import load_article
    >>> rows = event_rows(load_article())
    >>> rows.loc[rows.stage == "deaths", ["fatalities_low", "fatalities_best", "fatalities_high"]].values.tolist()
    [[24.0, 85.0, 175.0]]
    """
    from khabar.claims_table import claims as claims_of
    from khabar.incidents import event_table

    table = claims_of(article) if claims is None else claims
    frame = event_table(article, events=events, claims=table)
    ids = table["claim_id"]
    frame["claim_ids"] = [tuple(ids[i] for i in found) for found in frame["claim_ids"]]
    frame.insert(0, "event_id", [f"{article_name(article)}:{n}" for n in frame["event"]])
    return frame[schema.columns("event_table")]


def ledger_rows(article, claims: pd.DataFrame | None = None, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`khabar.exchange_ledger` as shared (schema ``ledger``): a
    ``line_id`` in front; ``claim_ids`` are the ledger's own (none for a
    line read from a happening rather than a number).

    >>> from khabar import load_article
    >>> rows = ledger_rows(load_article())
    >>> rows.loc[rows.quote == "بحوالي 85", "claim_ids"].tolist()
    [('enab-baladi-2018-03-26-south-damascus-deal:641-650',)]
    """
    from khabar.claims_table import claims as claims_of
    from khabar.ledger import exchange_ledger

    table = claims_of(article) if claims is None else claims
    book = exchange_ledger(article, claims=table, events=events).reset_index(drop=True)
    book.insert(0, "line_id", [f"{article_name(article)}:{n}" for n in book.index])
    return book[schema.columns("ledger")]
