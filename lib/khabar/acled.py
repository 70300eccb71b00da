"""The article's events in ACLED's layout (ACLED Codebook 2023): one row per
event, with ACLED's column names, in ACLED's order, and its codes.

How khabar's events become ACLED rows (``acled_types.csv`` holds the codes
for each stage; ``docs/conflict-data.md`` cites the codebook's sections):

- a deal and a handover of bodies are Strategic developments / Agreement
  (ACLED counts exchanges of prisoners and bodies as agreements); the
  fighting is Battles / Armed clash; taking ground by force is Battles /
  Non-state actor overtakes territory; shares of control are not events
  (they stay in ``control.csv``), nor is what is still to come;
- one row per day, place and pair of actors where the text allows; an
  offensive and the battle in the same place, between the same pair, on
  overlapping days are one event;
- ``time_precision`` 1 for a day, 2 for a span of up to a week or a day by
  which it happened, 3 for a longer span; the date is then the span's middle;
- ``fatalities``: the most conservative figure (the event table's low, vague
  words at ACLED's floors), the other figures and the dispute in ``notes``;
- ``tags`` names the claim ids the row rests on;
- an event with no day at all (a report with no publication date to
  resolve "yesterday" against) is left out: ACLED cannot date it.

>>> from khabar import load_article
>>> table = acled(load_article())
>>> table.loc[table.sub_event_type == "Armed clash", ["sub_event_type", "fatalities", "time_precision"]].values.tolist()[0]
['Armed clash', 24, 3]
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from khabar import schema

TYPES_FILE = Path(__file__).with_name("acled_types.csv")
SCALES_FILE = Path(__file__).with_name("outlet_scales.csv")
VERSION = "ACLED Codebook 2023"
# An event the text places nowhere the gazetteer knows.
NOWHERE = {
    "name_en": "",
    "iso": "",
    "country": "",
    "region": "",
    "admin1": "",
    "admin2": "",
    "admin3": "",
    "lat": float("nan"),
    "lon": float("nan"),
    "precision": 3,
}


@functools.cache
def _types() -> pd.DataFrame:
    try:
        table = pd.read_csv(TYPES_FILE, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, ValueError) as error:
        raise ValueError(f"{TYPES_FILE}: cannot be read ({error})") from None
    needed = ["stage", "disorder_type", "event_type", "sub_event_type", "actor1", "actor2"]
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise ValueError(f"{TYPES_FILE}: missing columns {missing}")
    return table.set_index("stage")


@functools.cache
def _scales() -> dict:
    table = pd.read_csv(SCALES_FILE, dtype=str, keep_default_na=False, encoding="utf-8")
    return dict(zip(table["outlet"], table["source_scale"]))


def event_date(start, end) -> tuple[pd.Timestamp, int]:
    """ACLED's (event_date, time_precision) for a span of days: one day is
    precision 1; a span of up to a week, or only the day by which it
    happened (``start`` unknown), 2; a longer span 3, dated at its middle.

    >>> T = pd.Timestamp
    >>> event_date(T("2018-03-24"), T("2018-03-24")), event_date(pd.NaT, T("2018-03-25"))[1]
    ((Timestamp('2018-03-24 00:00:00'), 1), 2)
    >>> event_date(T("2018-03-09"), T("2018-03-25"))
    (Timestamp('2018-03-17 00:00:00'), 3)
    """
    if pd.isna(start) and pd.isna(end):
        raise ValueError("an event with no date at all cannot be coded")
    if pd.isna(start) or pd.isna(end):
        return (end if pd.isna(start) else start), 2
    days = (end - start).days
    middle = start + pd.Timedelta(days=days // 2)
    return middle, 1 if days == 0 else 2 if days < 7 else 3


def _span(row):
    start = row["start_earliest"] if not pd.isna(row["start_earliest"]) else pd.NaT
    end = row["end_latest"] if not pd.isna(row["end_latest"]) else row["start_latest"]
    return start, end


def acled(article, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """The article's events as ACLED rows (schema ``acled``), see the module.

    >>> from khabar import load_article
    >>> table = acled(load_article())
    >>> table.columns.tolist()[:6]
    ['event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type']
    >>> sorted(set(table.loc[table.event_type == "Strategic developments", "sub_event_type"]))
    ['Agreement', 'Other']
    """
    from khabar import lexicon
    from khabar.gazetteer import actor, place
    from khabar.shared_tables import event_rows

    rows = event_rows(article) if rows is None else rows
    types = _types()
    outlet = article.metadata.get("outlet", "")
    city = _city(article)
    published = pd.Timestamp(article.published) if article.published else pd.NaT
    found = []
    for _, row in rows.iterrows():
        if row["stage"] not in types.index:
            continue  # a share of control, or what is still to come: not an ACLED event
        codes = types.loc[row["stage"]]
        sides = [row["side_a"], row["side_b"]]
        if not any(sides):  # no dyad in the title or text: the actors the event's sentences name
            from khabar.incidents import _actors

            sides = (_actors(row["quotes"]) + ["", ""])[:2]
        pair = {"side_a": sides[0], "side_b": sides[1]}
        first = pair.get(codes["actor1"], codes["actor1"]) or "unidentified"
        second = pair.get(codes["actor2"], codes["actor2"])
        one, two = actor(first), actor(second)
        start, end = _span(row)
        if pd.isna(start) and pd.isna(end):
            continue  # no day at all (a report with no date): ACLED cannot code it
        date, precision = event_date(start, end)
        where = place(row["place_en"] or city) if (row["place_en"] or city) else NOWHERE
        geo = where["precision"] if row["place_en"] else 2 if city else 3
        fatalities = 0 if pd.isna(row["fatalities_low"]) else int(row["fatalities_low"])
        interaction = int("".join(sorted(str(x) for x in (one["acled_inter"], two["acled_inter"]) if x)).ljust(2, "0"))
        said_by = [lexicon.label("claimant", c, "en") for c in row["claimants"]]
        notes = f"{row['type'].capitalize()}"
        notes += f" in {row['place_en']}" if row["place_en"] else f" near {city} (no place given)"
        notes += f", between {start:%d %B %Y} and {end:%d %B %Y}" if precision > 1 and not pd.isna(start) else ""
        notes += f", on or before {end:%d %B %Y}" if pd.isna(start) else ""
        notes += f" ({', '.join(said_by)})."
        if not pd.isna(row["fatalities_best"]):
            notes += (
                f" Fatalities coded at the most conservative figure, {fatalities};"
                f" best estimate {row['fatalities_best']:g}, highest claim {row['fatalities_high']:g}"
                f" ({row['high_source'].replace('_', ' ')}). {row['note']}"
            )
        elif row["note"]:
            notes += f" {row['note']}."
        found.append(
            {
                "event_date": date,
                "year": int(date.year),
                "time_precision": precision,
                "disorder_type": codes["disorder_type"],
                "event_type": codes["event_type"],
                "sub_event_type": codes["sub_event_type"],
                "actor1": one["acled_actor"],
                "assoc_actor_1": "",
                "inter1": one["acled_inter"],
                "actor2": two["acled_actor"],
                "assoc_actor_2": "",
                "inter2": two["acled_inter"] or float("nan"),
                "interaction": interaction,
                "civilian_targeting": "",
                "iso": int(where["iso"]) if where["iso"] else float("nan"),
                "region": where["region"],
                "country": where["country"],
                "admin1": where["admin1"],
                "admin2": where["admin2"],
                "admin3": where["admin3"],
                "location": where["name_en"],
                "latitude": float(where["lat"]),
                "longitude": float(where["lon"]),
                "geo_precision": geo,
                "source": "; ".join(dict.fromkeys(filter(None, [outlet, *said_by]))),
                "source_scale": _scales().get(outlet, ""),
                "notes": notes,
                "fatalities": fatalities,
                "tags": "; ".join(row["claim_ids"]),
                "timestamp": int(published.timestamp()) if not pd.isna(published) else float("nan"),
                "_span": (start, end),
            }
        )
    return schema.conform(_merged(found), "acled") if found else schema.empty("acled")


def _merged(found: list[dict]) -> pd.DataFrame:
    """Rows of one type, place and pair of actors on overlapping days are one
    event: the one with the dead kept, the other's notes and tags added."""
    kept: list[dict] = []
    for row in sorted(found, key=lambda r: -r["fatalities"]):
        same = next(
            (
                k
                for k in kept
                if (k["event_type"], k["sub_event_type"], k["location"], k["actor1"], k["actor2"])
                == (row["event_type"], row["sub_event_type"], row["location"], row["actor1"], row["actor2"])
                and _overlap(k["_span"], row["_span"])
            ),
            None,
        )
        if same is None:
            kept.append(row)
        else:
            same["notes"] += " Same fighting as: " + row["notes"]
            same["tags"] = "; ".join(dict.fromkeys(filter(None, same["tags"].split("; ") + row["tags"].split("; "))))
    kept.sort(key=lambda r: (r["event_date"], r["event_type"], r["sub_event_type"]))
    frame = pd.DataFrame(kept).drop(columns="_span")
    return frame[schema.columns("acled")]


def _overlap(a, b) -> bool:
    a0, a1 = (a[0] if not pd.isna(a[0]) else a[1]), a[1]
    b0, b1 = (b[0] if not pd.isna(b[0]) else b[1]), b[1]
    if any(pd.isna(x) for x in (a0, a1, b0, b1)):
        return False
    return a0 <= b1 and b0 <= a1


def _city(article) -> str:
    """The city the article names first, where an event with no place is put."""
    from khabar.names import mentions

    found = mentions(article)
    cities = found.loc[found["kind"] == "city", "name_en"]
    return cities.iloc[0] if len(cities) else ""


def acled_of(articles, *, executor=None, processes: int | None = None) -> pd.DataFrame:
    """One table of ACLED rows for many reports (``khabar.load_articles``), in
    their order; ``executor`` (any :class:`concurrent.futures.Executor`, a
    Dask client's ``client.get_executor()``) or ``processes`` as in
    :func:`khabar.reports.map_reports`.

    >>> from khabar.reports import load_articles
    >>> articles, _ = load_articles("tests/fixtures/reports")
    >>> len(acled_of(articles, processes=1)) >= len(acled(articles[0]))
    True
    """
    from khabar.reports import table_of

    return table_of(acled, "acled", articles, executor=executor, processes=processes)
