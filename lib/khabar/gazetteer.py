"""Where a place is, for the standard layouts: its coordinates (from the
gazetteer, ``khabar.names.place_table``), country and administrative units
and where each coordinate came from (``gazetteer.csv`` beside this module,
keyed by the place's English name), and the actors' names and codes in
ACLED's and UCDP's layouts (``layout_actors.csv``).

>>> place("al-Qadam")["admin1"], place("al-Qadam")["precision"]
('Damascus', 1)
>>> actor("isis")["acled_actor"]
'Islamic State (Syria)'
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
PLACES_FILE = HERE / "gazetteer.csv"
ACTORS_FILE = HERE / "layout_actors.csv"
PLACE_COLUMNS = ["iso", "country", "region", "admin1", "admin2", "admin3", "coordinate_source"]


def _read(path: Path, key: str, needed: list[str]) -> pd.DataFrame:
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, ValueError) as error:
        raise ValueError(f"{path}: cannot be read ({error})") from None
    missing = [c for c in [key, *needed] if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}")
    if table[key].duplicated().any():
        raise ValueError(f"{path}: {key} repeats: {sorted(set(table.loc[table[key].duplicated(), key]))}")
    return table.set_index(key)


@functools.cache
def places() -> pd.DataFrame:
    """The gazetteer's places with coordinates and administrative units:
    ``name``, ``kind``, ``lat``, ``lon``, ``coordinates`` (``wikipedia`` or
    ``approximate``), ``iso``, ``country``, ``region``, ``admin1``,
    ``admin2``, ``admin3``, ``coordinate_source``, indexed by English name.

    >>> places().loc["Yarmouk camp", "coordinate_source"]
    'English Wikipedia, Yarmouk Camp (infobox coordinates)'
    """
    from khabar.names import place_table

    table = place_table().set_index("name_en")
    admin = _read(PLACES_FILE, "name_en", PLACE_COLUMNS)
    missing = sorted(set(table.index) - set(admin.index))
    if missing:
        raise ValueError(f"{PLACES_FILE}: no row for the gazetteer's places {missing}")
    return table.join(admin)


def place(name_en: str) -> dict:
    """One place's row of :func:`places` as a dict, with ``precision``: 1
    where the coordinates are the place's own (``wikipedia``), 2 where they
    are placed by hand near it.  An unknown name raises a KeyError naming
    the file to add it to.

    >>> place("Port Said axis")["precision"]
    2
    """
    table = places()
    if name_en not in table.index:
        raise KeyError(f"{name_en!r} is not in {PLACES_FILE}: add a row for it")
    row = table.loc[name_en].to_dict()
    row["name_en"] = name_en
    row["precision"] = 1 if row["coordinates"] == "wikipedia" else 2
    return row


@functools.cache
def _actors() -> pd.DataFrame:
    return _read(ACTORS_FILE, "key", ["acled_actor", "acled_inter", "ged_side"])


def actor(key: str) -> dict:
    """An actor's names and codes in the layouts (``acled_actor``,
    ``acled_inter``, ``ged_side``); empty strings for no actor.

    >>> actor("regime")["acled_inter"], actor("")["acled_actor"]
    (1, '')
    """
    if not key:
        return {"acled_actor": "", "acled_inter": 0, "ged_side": ""}
    table = _actors()
    if key not in table.index:
        raise KeyError(f"actor {key!r} is not in {ACTORS_FILE}: add a row for it")
    row = table.loc[key].to_dict()
    row["acled_inter"] = int(row["acled_inter"])
    return row
