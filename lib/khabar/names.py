"""The sources and places an article names, and where it names them.

The gazetteer is small and hand-made, kept as data in
``khabar/lexicon/places.csv``: each row is the Arabic name as news text
writes it, an English name, a kind and, for places, approximate
coordinates.  Other articles about southern Damascus can reuse it; add a
row for a new name.

>>> from khabar import load_article
>>> mentions(load_article()).query("name_en == 'Yarmouk camp'")["paragraph"].tolist()
[11]
"""

from __future__ import annotations

import re

import pandas as pd

from khabar import lexicon

# (Arabic as written, English, kind), from khabar/lexicon/places.csv.  Kinds:
# source, neighbourhood, camp, roundabout, front_axis, city, organisation.
NAMES = [(record["name"], record["name_en"], record["kind"]) for record in lexicon.rows("place")]


def name_table() -> pd.DataFrame:
    """The gazetteer as a dataframe: ``name``, ``name_en``, ``kind``.

    >>> name_table().query("kind == 'camp'")["name_en"].tolist()
    ['Yarmouk camp']
    """
    return pd.DataFrame(NAMES, columns=["name", "name_en", "kind"])


def name_pattern(name: str) -> re.Pattern:
    """A pattern finding ``name`` in running text, with the prefixes Arabic
    joins to it.

    >>> name_pattern("عنب بلدي").search("وقالت لعنب بلدي").group()
    'لعنب بلدي'
    """
    # Arabic attaches و (and), ب (in/by), ل (for) and ف (so) to the next word,
    # and ل swallows the alif of ال: "لعنب بلدي", "والهلال", "للحي".
    # Any such prefix may stand before a name; the name must end at a word end.
    first, rest = name[0], re.escape(name[1:])
    head = f"(?:{re.escape(first)})"
    if name.startswith("ال"):
        head = "(?:ال|ل)"
        rest = re.escape(name[2:])
    return re.compile(rf"(?<![\w])(?:[وفب]?ل?|ك)?{head}{rest}(?![\w])")


def mentions(article) -> pd.DataFrame:
    """Every place in the article's title, caption and body where a gazetteer
    name occurs: ``name``, ``name_en``, ``kind``, ``paragraph`` (row of
    ``article.paragraphs``), ``quote``, ``start``, ``end`` (offsets in
    ``article.text``).

    >>> from khabar import load_article
    >>> m = mentions(load_article())
    >>> m.loc[m.name_en == "Enab Baladi", "quote"].iloc[0]
    'لعنب بلدي'
    """
    rows = []
    for name, name_en, kind in NAMES:
        pattern = name_pattern(name)
        for paragraph in article.paragraphs.itertuples():
            for match in pattern.finditer(paragraph.text):
                start = paragraph.start + match.start()
                rows.append((name, name_en, kind, paragraph.Index, match.group(), start, start + len(match.group())))
    columns = ["name", "name_en", "kind", "paragraph", "quote", "start", "end"]
    return pd.DataFrame(rows, columns=columns).sort_values(["start", "end"]).reset_index(drop=True)


# Approximate coordinates (latitude, longitude) of the places (places.csv),
# for a schematic map only, and where each comes from.  "wikipedia" rows are the coordinates in
# the place's English Wikipedia infobox (Yarmouk Camp, Al-Hajar al-Aswad,
# Qadam).  "approximate" rows are placed by hand relative to those: Wikipedia's
# Qadam article lists al-Asali among Qadam's districts, and Syria Direct
# (19 June 2013, "Regime forces try to break through rebels lines in south
# Damascus") puts al-Asali east of the old Daraa road in al-Qadam and the Port
# Said area west of it; Tadamon (Wikipedia: a district of al-Midan) lies east
# of Yarmouk; the roundabout is put at al-Hajar al-Aswad's northern edge and
# al-Madhaniya beside al-Qadam's point.  Read them to a few hundred metres at
# best.
PLACE_COORDINATES = {
    record["name_en"]: (float(record["lat"]), float(record["lon"]), record["coordinates"])
    for record in lexicon.rows("place")
    if record["lat"]
}


def place_table() -> pd.DataFrame:
    """The gazetteer's places (not sources or organisations) with approximate
    coordinates: ``name``, ``name_en``, ``kind``, ``lat``, ``lon``,
    ``coordinates`` (``wikipedia`` or ``approximate``, see
    :data:`PLACE_COORDINATES`).

    >>> row = place_table().set_index("name_en").loc["Yarmouk camp"]
    >>> float(row["lat"]), row["coordinates"]
    (33.4742, 'wikipedia')
    """
    table = name_table()
    table = table[~table["kind"].isin(["source", "organisation"])].reset_index(drop=True)
    coords = table["name_en"].map(PLACE_COORDINATES)
    table["lat"] = coords.str[0]
    table["lon"] = coords.str[1]
    table["coordinates"] = coords.str[2]
    return table
