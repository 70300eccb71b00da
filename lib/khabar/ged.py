"""The article's events with dead in UCDP GED's layout (UCDP GED Codebook
version 25.1): UCDP's column names, in its order, and its codes.

- only events with at least one death in low, best or high (an event in
  UCDP's sense is lethal: agreements and exchanges are left out), and with
  a day (a report with no date gives none);
- ``best``, ``low``, ``high`` from the event table (the rule is in
  ``docs/conflict-data.md``); ``deaths_a``, ``deaths_b``,
  ``deaths_civilians``, ``deaths_unknown`` sum to ``best``;
- ``date_prec`` 1 (the day), 2 (2-6 days), 3 (a week), 4 (within a month),
  5 (longer); ``where_prec`` 1 (the place's own coordinates), 2 (placed near
  it, or the city for an event with no place);
- ``event_clarity`` 2: the seed's deaths are totals over several days, not
  one clash; 1 for a one-day event in one place;
- ``id``: ``<article>:<event>``, the event table's ``event_id``, whose row
  names the claims it rests on; ``source_article`` names them too.

>>> from khabar import load_article
>>> table = ged(load_article())
>>> table[["side_a", "side_b", "low", "best", "high", "deaths_a", "date_prec"]].values.tolist()
[['Government of Syria', 'IS', 24, 85, 175, 85, 4]]
"""

from __future__ import annotations

import pandas as pd

from khabar import schema

VERSION = "UCDP GED Codebook version 25.1"


def date_prec(start, end) -> int:
    """UCDP's date_prec for a span: 1 one day, 2 two to six days, 3 a week,
    4 within a month, 5 longer; 5 when either end is unknown.

    >>> T = pd.Timestamp
    >>> date_prec(T("2018-03-24"), T("2018-03-24")), date_prec(T("2018-03-09"), T("2018-03-25"))
    (1, 4)
    """
    if pd.isna(start) or pd.isna(end):
        return 5
    days = (end - start).days + 1
    return 1 if days == 1 else 2 if days < 7 else 3 if days == 7 else 4 if days <= 31 else 5


def ged(article, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """The article's events with at least one death as UCDP GED rows
    (schema ``ged``), see the module.

    >>> from khabar import load_article
    >>> ged(load_article()).columns.tolist()[:4]
    ['id', 'year', 'type_of_violence', 'side_a']
    """
    from khabar import lexicon
    from khabar.acled import NOWHERE, _city
    from khabar.gazetteer import actor, place
    from khabar.shared_tables import event_rows

    rows = event_rows(article) if rows is None else rows
    deadly = rows[rows[["fatalities_low", "fatalities_best", "fatalities_high"]].fillna(0).gt(0).any(axis=1)]
    outlet = article.metadata.get("outlet", "")
    title = article.metadata.get("title_en") or article.title
    published = pd.Timestamp(article.published) if article.published else pd.NaT
    city = _city(article)
    found = []
    for _, row in deadly.iterrows():
        sides = [row["side_a"], row["side_b"]]
        if not any(sides):  # no dyad in the title or text: the actors the event's sentences name
            from khabar.incidents import _actors

            sides = (_actors(row["quotes"]) + ["", ""])[:2]
        a, b = actor(sides[0] or "unidentified"), actor(sides[1])
        government = any(x["acled_inter"] == 1 for x in (a, b))
        start = row["start_earliest"] if not pd.isna(row["start_earliest"]) else row["start_latest"]
        end = row["end_latest"] if not pd.isna(row["end_latest"]) else row["start_latest"]
        if pd.isna(start) and pd.isna(end):
            continue  # no day at all (a report with no date): not a dated event
        where = place(row["place_en"] or city) if (row["place_en"] or city) else NOWHERE
        prec = date_prec(start, end)
        said_by = [lexicon.label("claimant", c, "en") for c in row["claimants"]]
        found.append(
            {
                "id": row["event_id"],
                "year": int((start if not pd.isna(start) else end).year),
                "type_of_violence": 1 if government else 2,
                "side_a": a["ged_side"],
                "side_b": b["ged_side"],
                "dyad_name": f"{a['ged_side']} - {b['ged_side']}",
                "source_article": (
                    f"{outlet}, {published:%Y-%m-%d}: {title}" if not pd.isna(published) else f"{outlet}: {title}"
                )
                + f" [claims {', '.join(row['claim_ids'])}]",
                "source_office": outlet,
                "source_date": published,
                "source_headline": article.title,
                "source_original": "; ".join(said_by),
                "number_of_sources": len(said_by),
                "where_prec": where["precision"] if row["place_en"] else 2,
                "where_coordinates": where["name_en"],
                "where_description": row["place_en"] or f"near {city} (no place given)",
                "adm_1": where["admin1"],
                "adm_2": where["admin2"],
                "latitude": float(where["lat"]),
                "longitude": float(where["lon"]),
                "country": where["country"],
                "region": where["region"],
                "event_clarity": 1 if prec == 1 and row["place_en"] else 2,
                "date_prec": prec,
                "date_start": start,
                "date_end": end,
                "deaths_a": int(row["deaths_a"]),
                "deaths_b": int(row["deaths_b"]),
                "deaths_civilians": int(row["deaths_civilians"]),
                "deaths_unknown": int(row["deaths_unknown"]),
                "best": int(row["fatalities_best"]),
                "high": int(row["fatalities_high"]),
                "low": int(row["fatalities_low"]),
            }
        )
    frame = pd.DataFrame(found, columns=schema.columns("ged"))
    return schema.conform(frame, "ged")


def ged_of(articles, *, executor=None, processes: int | None = None) -> pd.DataFrame:
    """One table of UCDP GED rows for many reports (``khabar.load_articles``), in
    their order; ``executor`` (any :class:`concurrent.futures.Executor`, a
    Dask client's ``client.get_executor()``) or ``processes`` as in
    :func:`khabar.reports.map_reports`.

    >>> from khabar.reports import load_articles
    >>> articles, _ = load_articles("tests/fixtures/reports")
    >>> len(ged_of(articles, processes=1)) >= len(ged(articles[0]))
    True
    """
    from khabar.reports import table_of

    return table_of(ged, "ged", articles, executor=executor, processes=processes)


def _layouts(article) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(acled(article), ged(article))`` with the article's events read once."""
    from khabar.acled import acled
    from khabar.shared_tables import event_rows

    rows = event_rows(article)
    return acled(article, rows), ged(article, rows)


def layouts_of(articles, *, executor=None, processes: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(acled_of(articles), ged_of(articles))`` with each article's events
    read once; ``executor`` and ``processes`` as in
    :func:`khabar.reports.map_reports`.

    >>> from khabar.reports import load_articles
    >>> articles, _ = load_articles("tests/fixtures/reports")
    >>> acled_table, ged_table = layouts_of(articles, processes=1)
    >>> from khabar.acled import acled_of
    >>> acled_table.equals(acled_of(articles, processes=1))
    True
    """
    from khabar.reports import tables_of

    return tables_of(_layouts, ("acled", "ged"), articles, executor=executor, processes=processes)
