"""Chart titles that state the finding, and subtitles that give units and
scope, computed from the chart's own dataframe.

Each function takes what the chart of the same name in :mod:`khabar.charts`
takes and returns ``{"ar": ..., "en": ...}``.  The words are templates in
``findings.csv`` beside this module; the numbers, names and places come from
the data, so a title changes when the data does and never names what the
article does not.

Arabic numerals are written as digits, and the Arabic templates are phrased
so that no digit is followed by a counted noun («عدد الفقرات 16»، «في 3 من
الفقرات الـ16»، «(عددها 2)»): the noun after a number agrees with it (a dual
for 2, a plural for 3 to 10, a singular for 11 and up), and a phrasing that
needs no agreement is right for every number.  Dates are ISO days and
ranges ``low–high``, which the pages isolate as left-to-right runs.

>>> import pandas as pd
>>> paragraph_lengths(pd.DataFrame({"text": ["a b", "c d e f", "g"], "kind": ["title", "body", "body"]}))["en"]
'3 paragraphs; the longest, paragraph 2, has 4 words'
>>> subtitle("timeline")["en"].split(":")[0]
'one row per event, in date order, coloured by who tells it'
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import pandas as pd

from khabar.labels import bilingual_rows, label, speaker

FINDINGS_PATH = Path(__file__).resolve().parent / "findings.csv"
LANGS = ("ar", "en")


@functools.cache
def templates() -> dict[tuple[str, str], dict[str, str]]:
    """The rows of ``findings.csv`` keyed by (chart, key).

    >>> templates()[("figure", "about")]["en"]
    'about {value}'
    """
    return bilingual_rows(FINDINGS_PATH, ("chart", "key"))


def _fill(chart: str, key: str, **values) -> dict[str, str]:
    """Template (chart, key) filled in both languages; a value given as a
    dict is taken in each language, anything else is the same in both.  The
    English sentence starts with a capital."""
    try:
        template = templates()[(chart, key)]
    except KeyError:
        raise KeyError(f"{FINDINGS_PATH}: no row for {chart},{key}") from None
    filled = {}
    for lang in LANGS:
        words = {name: value[lang] if isinstance(value, dict) else value for name, value in values.items()}
        filled[lang] = template[lang].format(**words)
    filled["en"] = filled["en"][:1].upper() + filled["en"][1:]
    return filled


def subtitle(chart: str, variant: str = "") -> dict[str, str]:
    """Units and scope of ``chart``, in both languages (``variant``: e.g.
    ``"percent"`` for claim ranges in percent).

    >>> subtitle("claim_ranges", "percent")["en"].split(",")[0]
    'percent'
    """
    return dict(templates()[(chart, f"subtitle_{variant}" if variant else "subtitle")])


def _number(value) -> str:
    """A figure as digits: 30, not 30.0."""
    return f"{float(value):g}"


def figure(claim) -> dict[str, str]:
    """How a claim's figure reads in a title, in both languages, with the
    same digits in each: the qualifier and the number as written, the vague
    word («عشرات») when there is no number, else the range the words allow.

    >>> figure({"qualifier": "more_than", "value": 100.0, "value_low": 101.0, "value_high": None, "unit": "persons"})
    {'ar': 'أكثر من 100', 'en': 'more than 100'}
    >>> figure({"qualifier": "dozens", "value": None, "value_low": 20.0, "value_high": 99.0})["en"]
    'dozens'
    """
    percent = "%" if claim.get("unit") == "percent" else ""
    qualifier = claim.get("qualifier") or "exact"
    value, low, high = claim.get("value"), claim.get("value_low"), claim.get("value_high")
    template = templates().get(("figure", qualifier))
    if template and ("{value}" not in template["en"] or not pd.isna(value)):
        number = "" if pd.isna(value) else _number(value) + percent
        return {lang: template[lang].format(value=number) for lang in LANGS}
    if pd.isna(high):
        return _fill("figure", "more_than", value=_number(low) + percent) if not pd.isna(low) else {"ar": "", "en": ""}
    return _fill("figure", "range", low=_number(low), high=_number(high) + percent)


def _what(claim) -> dict[str, str]:
    """What a claim counts: its subject and scope in the reader's words, by
    the subject's own pattern in ``findings.csv`` when it has one."""
    scope = claim.get("scope")
    has_scope = isinstance(scope, str) and scope not in ("", "unspecified")
    pattern = templates().get(("what", claim["subject"])) if has_scope else None
    words = {}
    for lang in LANGS:
        scope_words = label("scope", scope, lang) if has_scope else ""
        subject = label("subject", claim["subject"], lang)
        words[lang] = (
            (pattern or templates()[("what", "default")])[lang].format(subject=subject, scope=scope_words).strip()
        )
    return words


def _claimant(row) -> dict[str, str]:
    return {lang: speaker(row["claimant"], row.get("claimant_ar"), lang) for lang in LANGS}


def _high(record) -> float:
    return math.inf if pd.isna(record["value_high"]) else float(record["value_high"])


def claim_ranges(claims: pd.DataFrame) -> dict[str, str]:
    """The finding of a claim-ranges chart: the widest disagreement between
    claimants on one count (ranges that do not meet), else what the figures
    on the most-claimed count share, else its largest figure, else the one
    figure there is.  Claims with no figure are left out, as on the chart.

    >>> rows = pd.DataFrame({"subject": ["bodies"] * 2, "scope": ["held"] * 2, "claimant": ["a", "b"],
    ...     "claimant_ar": ["", ""], "qualifier": ["more_than", "nearly"], "value": [100.0, 30.0],
    ...     "value_low": [101.0, 27.0], "value_high": [None, 33.0], "unit": ["persons"] * 2})
    >>> claim_ranges(rows)["en"]
    'Bodies held: more than 100 or nearly 30, depending on who says it'
    """
    from khabar.grading import conflicts

    shown = claims.dropna(subset=["value_low"])
    if shown.empty:
        return _fill("claim_ranges", "none")
    rows = {index: row for index, row in shown.iterrows()}
    rival = [(a, b) for a, b, reason in conflicts(shown) if reason == "ranges do not meet"]
    if rival:
        # the pair furthest apart: the lower's top against the higher's bottom
        def apart(pair):
            a, b = rows[pair[0]], rows[pair[1]]
            lower, higher = sorted((a, b), key=lambda r: r["value_low"])
            return float(higher["value_low"]) / max(_high(lower), 1)

        lower, higher = sorted((rows[i] for i in max(rival, key=apart)), key=lambda r: r["value_low"])
        return _fill("claim_ranges", "spread", what=_what(higher), high=figure(higher), low=figure(lower))
    kinds = shown.groupby(["subject", "scope"], sort=False).size()
    if kinds.max() > 1:
        subject, scope = kinds.idxmax()
        same = shown[(shown["subject"] == subject) & (shown["scope"] == scope)]
        highs = same["value_high"].fillna(math.inf)
        top = "" if highs.max() == math.inf else _number(highs.max())
        if top:
            return _fill(
                "claim_ranges",
                "agree",
                what=_what(same.iloc[0]),
                n=len(same),
                low=_number(same["value_low"].min()),
                high=top,
            )
    if len(shown) == 1:
        return _fill("claim_ranges", "one", what=_what(shown.iloc[0]), figure=figure(shown.iloc[0]))
    largest = shown.loc[shown["value_low"].astype(float).idxmax()]
    return _fill(
        "claim_ranges",
        "largest",
        what=_what(largest),
        figure=figure(largest),
        claimant=_claimant(largest),
        n=len(shown),
    )


def paragraph_lengths(paragraphs: pd.DataFrame) -> dict[str, str]:
    """How many paragraphs, and which is the longest (counted from 1, as the
    tables show the rows) with its words.

    >>> paragraph_lengths(pd.DataFrame({"text": ["one two three"], "kind": ["title"]}))["ar"]
    'عدد الفقرات 1، وعدد كلماتها 3'
    """
    words = paragraphs["text"].str.split().str.len().reset_index(drop=True)
    if len(words) == 1:
        return _fill("paragraph_lengths", "title_one", w=int(words[0]))
    return _fill("paragraph_lengths", "title", n=len(words), k=int(words.idxmax()) + 1, w=int(words.max()))


def mentions_map(mentions: pd.DataFrame, paragraph_count: int) -> dict[str, str]:
    """The name in most paragraphs (the first to appear when two tie), and in
    how many of them.

    >>> rows = pd.DataFrame({"name": ["حمص", "حمص", "حماة"], "name_en": ["Homs", "Homs", "Hama"], "paragraph": [1, 2, 2]})
    >>> mentions_map(rows, 4)["en"]
    'Homs is named most: in 2 of 4 paragraphs'
    """
    if mentions.empty:
        return _fill("mentions_map", "title_none")
    counts = mentions.groupby("name", sort=False)["paragraph"].nunique()
    first, *rest = counts[counts == counts.max()].index
    english = dict(zip(mentions["name"], mentions["name_en"]))
    names = {"name": {"ar": first, "en": english[first]}}
    key = "title"
    if rest:
        key, names["other"] = "title_tie", {"ar": rest[0], "en": english[rest[0]]}
    return _fill("mentions_map", key, k=int(counts.max()), m=paragraph_count, **names)


def materiel_losses(claims: pd.DataFrame) -> dict[str, str]:
    """How many items the claimant says its adversaries lost, and which kind
    the most.

    >>> rows = pd.DataFrame({"subject": ["tanks", "rocket_launchers"], "value": [3.0, 1.0],
    ...     "claimant": ["isis"] * 2, "claimant_ar": ["", ""]})
    >>> materiel_losses(rows)["en"]
    'The Islamic State group claims its adversaries lost 4 items, tanks the most (3)'
    """
    shown = claims.dropna(subset=["value"])
    if shown.empty:
        return _fill("materiel_losses", "title_none")
    by_subject = shown.groupby("subject", sort=False)["value"].sum()
    top = by_subject.idxmax()
    who = [_claimant(row) for _, row in shown.drop_duplicates("claimant").iterrows()]
    claimant = {lang: " / ".join(w[lang] for w in who) for lang in LANGS}
    return _fill(
        "materiel_losses",
        "title",
        claimant=claimant,
        total=_number(shown["value"].sum()),
        top={lang: label("subject", top, lang) for lang in LANGS},
        top_n=_number(by_subject.max()),
    )


def _share(row) -> dict[str, str]:
    return figure(
        {
            "qualifier": row["qualifier"],
            "value": row["share"],
            "value_low": row["share_low"],
            "value_high": row["share_high"],
            "unit": "percent",
        }
    )


def control_shares(rows: pd.DataFrame) -> dict[str, str]:
    """The share of a place its holder is said to control: the spread when
    sources give one place different shares, else the largest share and who
    says so.  Places are the data's own.

    >>> rows = pd.DataFrame({"place": ["حي الوعر"], "place_en": ["al-Waer"], "controller": ["regime"],
    ...     "claimant": ["enab_baladi"], "qualifier": ["about"], "share": [60.0], "share_low": [54.0], "share_high": [66.0]})
    >>> control_shares(rows)["en"]
    'Al-Waer: about 60% held by the regime, per Enab Baladi'
    """
    shown = rows.dropna(subset=["share"]).reset_index(drop=True)
    if shown.empty:
        return _fill("control_shares", "none")

    def words(row) -> dict:
        place = {"ar": row["place"], "en": row["place_en"]}
        holder = {lang: label("controller", row["controller"], lang) for lang in LANGS}
        if row["claimant"] == row["controller"]:
            whose = dict(templates()[("control_shares", "own_claim")])
        else:
            whose = _fill("control_shares", "per", claimant=_claimant(row))
            whose["en"] = whose["en"][:1].lower() + whose["en"][1:]
        return {"place": place, "holder": holder, "whose": whose, "share": _share(row)}

    for _, same in shown.groupby("place_en", sort=False):
        if same["share"].nunique() > 1 and same["claimant"].nunique() > 1:
            low, high = same.loc[same["share"].idxmin()], same.loc[same["share"].idxmax()]
            found = words(high)
            return _fill(
                "control_shares",
                "spread",
                place=found["place"],
                holder=found["holder"],
                low=_share(low),
                high=_share(high),
            )
    largest = words(shown.loc[shown["share"].idxmax()])
    if len(shown) == 1:
        return _fill("control_shares", "one", **largest)
    return _fill("control_shares", "largest", n=len(shown), **largest)


def control_map(rows: pd.DataFrame, places: pd.DataFrame) -> dict[str, str]:
    """How many places the map shows, and how many each holder has (by the
    latest statement about each place), most first.

    >>> rows = pd.DataFrame({"place_en": ["A", "B", "C"], "controller": ["regime", "regime", "contested"],
    ...     "as_of": pd.to_datetime(["2019-01-01"] * 3), "start": [0, 5, 9]})
    >>> places = pd.DataFrame({"name_en": ["A", "B", "C"]})
    >>> control_map(rows, places)["en"]
    '3 places on the map: 2 held by the regime, 1 contested'
    """
    latest = rows.sort_values(["as_of", "start"]).drop_duplicates("place_en", keep="last")
    shown = latest[latest["place_en"].isin(set(places["name_en"]))]
    if shown.empty:
        return _fill("control_map", "none")
    counts = shown["controller"].value_counts(sort=False)
    counts = counts.sort_values(ascending=False, kind="stable")
    parts = []
    for controller, k in counts.items():
        key = f"part_{controller}" if ("control_map", f"part_{controller}") in templates() else "part"
        holder = {lang: label("controller", controller, lang) for lang in LANGS}
        part = _fill("control_map", key, k=int(k), holder=holder)
        part["en"] = part["en"][:1].lower() + part["en"][1:]
        parts.append(part)
    joiner = templates()[("list", "and")]
    joined = {lang: joiner[lang].join(p[lang] for p in parts) for lang in LANGS}
    return _fill("control_map", "title", n=len(shown), parts=joined)


def timeline(events: pd.DataFrame) -> dict[str, str]:
    """How many happenings, over how many days, from the first day to the
    last (ISO days; an open end counts up to its start).

    >>> rows = pd.DataFrame({"date": pd.to_datetime(["2019-01-02", "2019-01-05"]),
    ...     "date_end": pd.to_datetime(["2019-01-02", "2019-01-06"])})
    >>> timeline(rows)["en"]
    '2 events over 5 days, 2019-01-02 to 2019-01-06'
    """
    days = pd.concat([events["date"], events["date_end"]]).dropna()
    if days.empty:
        return _fill("timeline", "none")
    first, last = days.min(), days.max()
    span = {"n": len(events), "first": first.date().isoformat(), "last": last.date().isoformat()}
    count = (last - first).days + 1
    if len(events) == 1:
        return _fill("timeline", "title_one" if count == 1 else "title_one_span", d=count, **span)
    return _fill("timeline", "title_one_day" if count == 1 else "title", d=count, **span)


def outlet_ranges(frame: pd.DataFrame) -> dict[str, str]:
    """The count the outlets disagree on most: the lowest range and the
    highest on one subject and scope, and which outlet gives each.
    ``frame`` is :func:`khabar.reports.ranges` by outlet.

    >>> rows = pd.DataFrame({"subject": ["bodies"] * 2, "scope": ["held"] * 2, "outlet": ["A", "B"],
    ...     "low": [27.0, 101.0], "high": [33.0, None], "range": ["27–33", "101+"]})
    >>> outlet_ranges(rows)["en"]
    'Bodies held: 27–33 in A and 101 or more in B'
    """
    best, apart = None, -1.0
    for _, same in frame.groupby(["subject", "scope"], sort=False):
        if same["outlet"].nunique() < 2:
            continue
        low, high = same.loc[same["high"].fillna(math.inf).idxmin()], same.loc[same["low"].idxmax()]
        ratio = float(high["low"]) / max(float(low["high"]) if not pd.isna(low["high"]) else math.inf, 1)
        if ratio > apart:
            best, apart = (low, high), ratio
    if best is None:
        return _fill("outlet_ranges", "apart", n=len(frame))
    low, high = best
    return _fill(
        "outlet_ranges",
        "spread",
        what=_what(high),
        low=_range(low["low"], low["high"]),
        low_outlet=low["outlet"],
        high=_range(high["low"], high["high"]),
        high_outlet=high["outlet"],
    )


def _range(low, high) -> dict[str, str]:
    """A range in words: one figure, ``low–high``, or open ("101 or more")."""
    if pd.isna(high):
        return _fill("figure", "open", low=_number(low))
    if low == high:
        return {lang: _number(low) for lang in LANGS}
    return _fill("figure", "range", low=_number(low), high=_number(high))
