"""One row per event, in the manner of UCDP's event data: what happened,
between whom, when (earliest and latest day the words allow), how many died
(low / best / high), the claims it rests on, and a note where they disagree.

Built from :func:`khabar.events` (happenings, mentions already merged) and
:func:`khabar.claims`.  Left out: the caption's photo (when a picture was
taken is not a happening of the story) and states said "as of" a day (bodies
held: see :func:`khabar.ledger.exchange_ledger`).  The deaths several
claimants report for the same fighting are one event, as UCDP aggregates a
battle's dead, with each figure kept in the note.

Fatalities, per event with dead:

- ``fatalities_high``: the highest figure any claimant gives for the whole;
- ``fatalities_low``: the most conservative figure (ACLED's rule for
  disputed or vague reports): the lowest lower bound any claimant gives for
  the dead, a claimant's parts added up ("12 + dozens" is at least 32);
- ``fatalities_best``: the highest lower bound from an independent source
  (not a party's own outlet), else empty -- a party's count of its enemy's
  dead is not taken as the best estimate.

>>> from khabar import load_article
>>> table = event_table(load_article())
>>> table.loc[table.type == "battle deaths", ["fatalities_low", "fatalities_best", "fatalities_high"]].values.tolist()
[[32.0, 101.0, 175.0]]
"""

from __future__ import annotations

import math
import re

import pandas as pd

from khabar.names import NAMES, name_pattern

# Event types, after ACLED's and UCDP's categories.
TYPES = {
    "deal": "agreement",
    "handover": "exchange of bodies",
    "to_come": "exchange of bodies (to come)",
    "deaths": "battle deaths",
    "offensive": "offensive",
    "control_announced": "territorial claim",
    "area_seized": "non-state actor overtakes territory",
    "evacuation": "evacuation",
    "bodies_recovered": "bodies recovered",
}
LEFT_OUT = ("photo", "bodies_held")

# Who the sides are, government first as UCDP orders side A.
ACTORS = [
    ("regime", re.compile(r"(?<!\w)(?:[وبل]?النظام|قوات\s+الأسد|قوات\s+النظام|الجيش\s+السوري)(?!\w)")),
    ("isis", re.compile(r"(?<!\w)[وبل]?(?:ال)?تنظيم(?!\w)")),
    ("opposition", re.compile(r"(?<!\w)(?:فصائل\s+المعارضة|المعارضة)(?!\w)")),
]

COLUMNS = [
    "event",
    "type",
    "stage",
    "side_a",
    "side_b",
    "place_en",
    "start_earliest",
    "start_latest",
    "end_earliest",
    "end_latest",
    "ongoing",
    "date_precision",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "claim_ids",
    "claimants",
    "quotes",
    "note",
]


def _actors(texts) -> list[str]:
    return [key for key, pattern in ACTORS if any(pattern.search(t) for t in texts)]


_ANAPHORA = re.compile(r"(?<!\w)(?:[وف]?ب?ال|[وف]?لل)حي(?!\w)")


def _where(quotes, topic):
    places = [
        en
        for name, en, kind in NAMES
        if kind in ("neighbourhood", "camp", "front_axis") and any(name_pattern(name).search(q) for q in quotes)
    ]
    if not places and topic and any(_ANAPHORA.search(q) for q in quotes):
        places = [topic]  # "الحي": the neighbourhood the article is about
    return ", ".join(dict.fromkeys(places))


# Which claims an event rests on, by what they count.
STAGE_CLAIMS = {
    "deal": lambda c: c["scope"] == "handed_over",
    "handover": lambda c: c["scope"] == "handed_over",
    "deaths": lambda c: c["subject"] == "killed",
    "control_announced": lambda c: c["subject"] == "area_share",
    "bodies_recovered": lambda c: c["scope"] == "recovered",
}


def _bounds(row):
    """(start_earliest, start_latest, end_earliest, end_latest) of one happening."""
    nat = pd.NaT
    if row["relation"] == "by":
        return nat, row["date_end"], nat, row["date_end"]
    if row["relation"] == "since":
        return row["date"], row["date_end"], row["reported_on"], nat
    if row["relation"] == "after":
        return row["date"], nat, row["date"], nat
    return row["date"], row["date_end"], row["date"], row["date_end"]


def _precision(start, end) -> str:
    """Precision of the whole span in UCDP's date_prec steps: ``day``,
    ``days`` (2-6), ``week``, ``month`` (within a month), ``longer``, or
    ``open`` when either end is unknown."""
    if pd.isna(start) or pd.isna(end):
        return "open"
    days = (end - start).days + 1
    return "day" if days == 1 else "days" if days < 7 else "week" if days <= 7 else "month" if days <= 31 else "longer"


def event_table(article, events: pd.DataFrame | None = None, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per event: ``event``, ``type``, ``stage``, ``side_a``,
    ``side_b`` (the dyad the article is about, government first as UCDP
    orders it; other actors named go to the note), ``place_en``, ``start_earliest``, ``start_latest``,
    ``end_earliest``, ``end_latest`` (NaT: the words give no bound; an open
    end is still going on), ``ongoing``, ``date_precision``,
    ``fatalities_low``/``_best``/``_high`` (NaN where the event has no dead),
    ``claim_ids`` (rows of :func:`khabar.claims`), ``claimants``, ``quotes``,
    ``note``.

    >>> from khabar import load_article
    >>> table = event_table(load_article())
    >>> table.loc[table.stage == "deal", ["side_a", "side_b", "start_earliest", "date_precision"]].astype(str).values.tolist()
    [['regime', 'isis', '2018-03-24', 'day']]
    """
    from khabar.claims_table import claims as claims_of
    from khabar.events_table import events as events_of

    happenings = events_of(article) if events is None else events
    table = claims_of(article) if claims is None else claims
    # The dyad the article is about, government first: "بين النظام وتنظيم الدولة".
    named = _actors([article.title]) or _actors([article.text])
    pair = tuple((named + ["", ""])[:2])
    counts = {
        en: sum(len(name_pattern(name).findall(article.text)) for name, e, kind in NAMES if e == en)
        for name, en, kind in NAMES
        if kind == "neighbourhood"
    }
    topic = max(counts, key=counts.get) if counts and max(counts.values()) else ""
    kept = happenings[~happenings["stage"].isin(LEFT_OUT)]
    groups = []
    for _, row in kept.iterrows():
        if row["stage"] == "deaths" and any(g[0]["stage"] == "deaths" for g in groups):
            next(g for g in groups if g[0]["stage"] == "deaths").append(row)
        else:
            groups.append([row])
    rows = []
    for number, group in enumerate(groups):
        first = group[0]
        quotes = tuple(q for row in group for q in row["quotes"])
        bounds = [_bounds(row) for row in group]
        starts_low = [b[0] for b in bounds]
        start_earliest = pd.NaT if any(pd.isna(s) for s in starts_low) else min(starts_low)
        start_latest = min((b[1] for b in bounds if not pd.isna(b[1])), default=pd.NaT)
        end_earliest = max((b[2] for b in bounds if not pd.isna(b[2])), default=pd.NaT)
        ends = [b[3] for b in bounds]
        end_latest = pd.NaT if any(pd.isna(e) for e in ends) else max(ends)
        ongoing = any(row["relation"] in ("since", "after") for row in group)
        ids = _claim_ids(table, group, STAGE_CLAIMS.get(first["stage"], lambda c: False))
        low = best = high = math.nan
        note = ""
        if first["stage"] == "deaths":
            ids, low, best, high, note = _fatalities(table, ids)
        elif len(group) == 1 and len(first["claimants"]) > 1:
            note = "one happening told by " + " and ".join(first["claimants"]) + "; the most precise date kept"
        side_a, side_b = pair
        also = [a for a in _actors(quotes) if a not in pair]
        if also:
            note = "; ".join(filter(None, [note, "also named: " + ", ".join(also)]))
        rows.append(
            (
                number,
                TYPES.get(first["stage"], first["stage"]),
                first["stage"],
                side_a,
                side_b,
                _where(quotes, topic),
                start_earliest,
                start_latest,
                end_earliest,
                end_latest,
                ongoing,
                _precision(start_earliest, end_latest),
                low,
                best,
                high,
                tuple(ids),
                tuple(dict.fromkeys(c for row in group for c in row["claimants"])),
                quotes,
                note,
            )
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("start_earliest", "start_latest", "end_earliest", "end_latest"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def _claim_ids(table, group, fits):
    spans = [(row["start"], row["end"]) for row in group]
    records = table[["start", "subject", "scope"]].to_dict("records")
    return [
        index
        for index, claim in zip(table.index, records)
        if any(s <= claim["start"] < e for s, e in spans) and fits(claim)
    ]


def _fatalities(table, ids):
    """(claim ids, low, best, high, note) for a deaths event: its own claims
    plus every claim that is a part of the dead (bodies held)."""
    from khabar.grading import PART_OF, _ranges, camp, part_whole

    own = table.loc[ids]
    wholes = own[own["scope"] == "forces"]
    kinds = {(w["subject"], w["scope"]) for _, w in wholes.iterrows()}
    related = [
        i
        for i, r in table.iterrows()
        if i not in ids
        and not pd.isna(r["value_low"])
        and any((r["subject"], r["scope"]) == p and w in kinds for p, w in PART_OF)
    ]
    ids = list(ids) + related
    rows = table.loc[ids]
    checks = part_whole(rows)
    highs = [r["high"] for r in _ranges(wholes) if r["has_figure"]]
    lows = [r["low"] for r in _ranges(wholes) if r["has_figure"]]
    # the dead's own parts (a unit's members, soldiers), not the bodies: a count
    # of bodies is a floor for the dead, not a figure for them
    dead_parts = checks["whole"].isin(wholes["quote"]) & checks["parts"].map(
        lambda quotes: set(rows.loc[rows["quote"].isin(quotes), "subject"]) == {"killed"}
    )
    lows += checks.loc[dead_parts, "parts_low"].tolist()
    sides = rows["side"] if "side" in rows.columns else pd.Series("", index=rows.index)
    independent = [
        (r["value_low"], i)
        for i, r in rows.iterrows()
        if camp(r["claimant"], sides[i]) == r["claimant"] and not pd.isna(r["value_low"])
    ]
    high = max(highs) if highs else math.nan
    low = min(lows) if lows else math.nan
    best, best_id = max(independent) if independent else (math.nan, None)
    notes = []
    if best_id is not None:
        from khabar.grading import conflicts

        against = [table.at[j if i == best_id else i, "quote"] for i, j, _ in conflicts(table) if best_id in (i, j)]
        notes.append(
            f"best: {table.at[best_id, 'quote']} ({table.at[best_id, 'claimant']})"
            + (f", contested by {' and '.join(dict.fromkeys(against))}" if against else "")
        )
    for _, whole in wholes.iterrows():
        notes.append(f"{whole['claimant']}: {whole['quote']} (said {whole['reported_on']:%d %b})")
    for check in checks.itertuples():
        if check.whole in set(wholes["quote"]):
            verb = "fit within" if check.fits else "exceed"
            notes.append(
                f"{check.parts_by}: {' + '.join(check.parts)} = {check.parts_low:g}"
                f"{'' if check.parts_high == float('inf') else f'-{check.parts_high:g}'} "
                f"{verb} the whole"
            )
    return ids, float(low), float(best), float(high), "; ".join(notes)
