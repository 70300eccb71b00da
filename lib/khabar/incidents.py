"""One row per event, in the manner of UCDP's event data: what happened,
between whom, when (earliest and latest day the words allow), how many died
(low / best / high), the claims it rests on, and a note where they disagree.

Built from :func:`khabar.events` (happenings, mentions already merged) and
:func:`khabar.claims`.  Left out: the caption's photo (when a picture was
taken is not a happening of the story) and states said "as of" a day (bodies
held: see :func:`khabar.ledger.exchange_ledger`).  The deaths several
claimants report for the same fighting are one event, as UCDP aggregates a
battle's dead, with each figure kept in the note.

Fatalities, per event with dead (the rule is written out in
``docs/conflict-data.md``).  The candidates are the event's own counts of
the dead (a whole, or one claimant's disjoint parts added up: «12 عنصرا ...
إلى جانب العشرات من الجنود») and the counts of bodies that the text ties
to the event's place (their paragraph, or one of the same claimant, subject
and scope, says they were killed there).  Each is coded as ACLED codes a
figure: the number written, vague words at ACLED's floors
(``acled_floors.csv``: "dozens" 12, "hundreds" 100).

- ``fatalities_low``: the lowest of the counts of the dead (ACLED's most
  conservative figure);
- ``fatalities_best``: the most likely figure: of the candidates that are
  not a party's claim about its enemy's dead, the most specific (a figure
  before "more than" before a vague word), then the best placed (an
  independent source or a party on its own losses), then the later report;
  only a party's claims about its enemy: the low;
- ``fatalities_high``: the highest figure any candidate allows, and
  ``high_source`` where it stands (``party_about_enemy`` flags a party's
  claim about its enemy);
- ``deaths_a``, ``deaths_b``, ``deaths_civilians``, ``deaths_unknown``: the
  best estimate by whose dead they are, summing to it;
- ``note``: the figures, the alternatives, and why this best.

>>> from khabar import load_article
>>> table = event_table(load_article())
>>> table.loc[table.type == "battle deaths", ["fatalities_low", "fatalities_best", "fatalities_high"]].values.tolist()
[[24.0, 85.0, 175.0]]
"""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path

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
    "high_source",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
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
        high_source, deaths = "", (math.nan,) * 4
        note = ""
        if first["stage"] == "deaths":
            place = _where(quotes, topic).split(", ")[0]
            ids, low, best, high, high_source, deaths, note = _fatalities(article, table, ids, place, pair)
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
                high_source,
                *deaths,
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


FLOORS_FILE = Path(__file__).with_name("acled_floors.csv")
# How specific a figure's words are, most specific first.
SPECIFICITY = {"exact": 3, "about": 2, "nearly": 2, "more_than": 1, "less_than": 1}
# Where a claimant stands towards the dead: a party's figure for its enemy's
# dead is the one a professional trusts least.
POSITION = {"independent": 2, "own_side": 2, "party_about_enemy": 0, "unknown": 1}
_CLAUSE_END = re.compile(r"[،,.:؛]")
# «ضد تنظيم الدولة»: the dead fought against the actor named after ضد.
_AGAINST = re.compile(r"(?<!\w)ضد\s+")


@functools.cache
def acled_floors() -> dict[str, float]:
    """ACLED's coding value for a vague quantity, by qualifier
    (``lib/khabar/acled_floors.csv``); a qualifier with no floor is coded
    as the figure written.

    >>> acled_floors()["dozens"], acled_floors()["hundreds"]
    (12.0, 100.0)
    """
    import csv

    with open(FLOORS_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    try:
        return {row["qualifier"]: float(row["floor"]) for row in rows if row["floor"]}
    except ValueError as error:
        raise ValueError(f"{FLOORS_FILE}: a floor that is not a number ({error})") from None


def acled_value(claim) -> float:
    """One figure for a claim, as ACLED codes fatalities: the number written
    («بحوالي 85» 85, «تتجاوز 100» 100), the floor for a vague quantity
    («العشرات» 12), NaN when no figure is given.

    >>> acled_value({"value": float("nan"), "qualifier": "dozens", "value_low": 20.0})
    12.0
    >>> acled_value({"value": 85.0, "qualifier": "about", "value_low": 76.0})
    85.0
    """
    floors = acled_floors()
    if claim["qualifier"] in floors:
        return floors[claim["qualifier"]]
    if not pd.isna(claim["value"]):
        return float(claim["value"])
    return math.nan if pd.isna(claim["value_low"]) else float(claim["value_low"])


def dead_side(article, table: pd.DataFrame, index) -> str:
    """Whose dead a claim counts: the actor named in the clause of the number
    («175 من قوات الأسد» regime; «... ضد تنظيم الدولة» the other side of
    the dyad), else that of another claim of the same claimant in the same
    sentence or of the same subject and scope, else ``unknown``; civilians
    (``civilian_scopes.csv``: مدنيون، أطفال) are ``civilians``.

    >>> from khabar import claims, load_article
    >>> article = load_article()
    >>> table = claims(article)
    >>> dead_side(article, table, table.index[table.quote == "بحوالي 85"][0])
    'regime'
    """
    claim = table.loc[index]
    if claim.get("combatant") == "civilian" or claim["scope"] in _civilian_scopes():
        return "civilians"
    found = _clause_side(article, claim)
    if found:
        return found
    kin = table[
        (table.index != index)
        & (table["claimant"] == claim["claimant"])
        & (
            (table["sentence"] == claim["sentence"])
            | ((table["subject"] == claim["subject"]) & (table["scope"] == claim["scope"]))
        )
    ]
    for _, other in kin.iterrows():
        found = _clause_side(article, other)
        if found:
            return found
    return "unknown"


@functools.cache
def _civilian_scopes() -> frozenset:
    """Scopes whose dead are civilians (``civilian_scopes.csv``)."""
    path = Path(__file__).with_name("civilian_scopes.csv")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    if "scope" not in table.columns:
        raise ValueError(f"{path}: no scope column")
    return frozenset(table["scope"])


def _clause_side(article, claim) -> str:
    text = article.text[claim["start"] :]
    clause = text[: _CLAUSE_END.search(text).start()] if _CLAUSE_END.search(text) else text
    against = _AGAINST.search(clause)
    if against:
        named = _actors([clause[against.end() :]])
        pair = _actors([article.title]) or _actors([article.text])
        others = [a for a in pair if named and a != named[0]]
        if others:
            return others[0]
        clause = clause[: against.start()]
    named = _actors([clause])
    return named[0] if len(named) == 1 else ""


def tied_to_place(article, table: pd.DataFrame, index, place: str) -> bool:
    """Whether the text ties a claim's dead to the event's place: its
    paragraph, or that of another claim of the same claimant, subject and
    scope, names the place and says they were killed («عشرات الجثث ...،
    جميعهم قتلوا خلال معارك حي القدم»).

    >>> from khabar import claims, load_article
    >>> article = load_article()
    >>> table = claims(article)
    >>> [tied_to_place(article, table, table.index[table.quote == q][0], "al-Qadam") for q in ("بحوالي 85", "تتجاوز 100")]
    [True, False]
    """
    from khabar import lexicon

    claim = table.loc[index]
    killed = [form for row in lexicon.rows("predicate") if row["scope"] == "killed" for form in row["forms"]]
    names = [name for name, en, kind in NAMES if en == place]
    if not names:
        return False
    kin = table[
        (table["claimant"] == claim["claimant"])
        & (table["subject"] == claim["subject"])
        & (table["scope"] == claim["scope"])
    ]
    for paragraph in set(kin["paragraph"]):
        text = article.paragraphs.loc[paragraph, "text"]
        said_killed = any(re.search(rf"(?<!\w)[وف]?{re.escape(form)}(?!\w)", text) for form in killed)
        if said_killed and any(name_pattern(name).search(text) for name in names):
            return True
    return False


def _among(article, claim) -> bool:
    """Whether a count is a part of the one before it («45 شخصا، بينهم 9
    نساء»): never a count of the event's dead by itself, never added."""
    from khabar.claims_table import _AMONG_THEM

    return bool(_AMONG_THEM.search(article.text[max(0, claim["start"] - 30) : claim["start"]]))


def _position(claim, side) -> str:
    if claim["side"] in ("", "independent") or pd.isna(claim["side"]):
        return "independent"
    if side == "unknown":
        return "unknown"
    return "own_side" if claim["side"] == side else "party_about_enemy"


def _fatalities(article, table, ids, place, pair):
    """The deaths of one event: (claim ids, low, best, high, high_source,
    deaths by side (side_a, side_b, civilians, unknown), note).

    Candidates are the event's own counts of the dead (a whole, or a
    claimant's disjoint parts added up) and the counts of bodies the text
    ties to the event's place.  Low: the lowest of the dead's own counts in
    ACLED's coding (vague words at ACLED's floors).  Best: of the candidates
    not a party's claim about its enemy, the most specific (a figure before
    "more than" before a vague word), tied to the place, then the later
    report.  High: the highest figure any candidate allows."""
    from khabar.grading import PART_OF, _is_part

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
    tied = [
        i
        for i, r in table.iterrows()
        if i not in ids
        and r["subject"] in ("bodies", "killed")
        and not _among(article, r)
        and tied_to_place(article, table, i, place)
    ]
    ids = list(ids) + [i for i in related + tied if i not in ids]
    sides = {i: dead_side(article, table, i) for i in ids}
    candidates = []  # (label, claim ids, figure, high, specificity, position, reported_on)
    for i, whole in wholes.iterrows():
        if not pd.isna(whole["value_low"]):
            candidates.append(_candidate([i], table, sides, "count of the dead"))
    killed_parts = own[(own["subject"] == "killed") & (own["scope"] != "forces") & own["value_low"].notna()]
    nested = pd.Series([_among(article, r) for _, r in killed_parts.iterrows()], index=killed_parts.index, dtype=bool)
    killed_parts = killed_parts.loc[~nested]
    for _claimant, parts in killed_parts.groupby(["claimant", "sentence"], sort=False):
        kinds_of = list(zip(parts["subject"], parts["scope"]))
        if any(_is_part(a, b) for a in kinds_of for b in kinds_of if a != b):
            continue  # one part inside another: not disjoint, not added
        candidates.append(
            _candidate(list(parts.index), table, sides, "parts added up" if len(parts) > 1 else "count of the dead")
        )
    # one claimant's disjoint counts in one sentence («7 مدنيين … إلى جانب 20 عنصرا») are added up
    for _key, group in table.loc[tied].groupby(["claimant", "sentence", "subject"], sort=False):
        what = "bodies" if group["subject"].iloc[0] == "bodies" else "dead"
        label = f"{what} the text says were killed in {place}"
        kinds_of = list(zip(group["subject"], group["scope"]))
        disjoint = len(set(kinds_of)) == len(kinds_of) and not any(
            _is_part(a, b) for a in kinds_of for b in kinds_of if a != b
        )
        if len(group) > 1 and disjoint and group["value_low"].notna().all():
            candidates.append(_candidate(list(group.index), table, sides, label + ", parts added up"))
        else:
            candidates += [_candidate([i], table, sides, label) for i in group.index]
    if not candidates:
        return ids, math.nan, math.nan, math.nan, "", (math.nan,) * 4, ""
    dead_counts = [c for c in candidates if not c["label"].startswith("bodies")] or candidates
    low_c = min(dead_counts, key=lambda c: c["figure"])
    high_c = max(candidates, key=lambda c: c["high"])
    trusted = [c for c in candidates if c["position"] != "party_about_enemy"]
    if trusted:
        best_c = max(trusted, key=lambda c: (c["specificity"], POSITION[c["position"]], c["reported_on"], c["figure"]))
        best = best_c["figure"]
    else:
        best_c, best = low_c, low_c["figure"]
    low = min(low_c["figure"], best)
    by_side = {"a": 0.0, "b": 0.0, "civilians": 0.0}
    for i in best_c["ids"]:
        share = acled_value(table.loc[i]) if len(best_c["ids"]) > 1 else best
        key = (
            "a"
            if sides[i] == pair[0]
            else "b"
            if sides[i] == pair[1]
            else "civilians"
            if sides[i] == "civilians"
            else None
        )
        if key:
            by_side[key] += share
    unknown = best - sum(by_side.values())
    notes = [
        f"low {low:g}: {low_c['text']} ({low_c['position'].replace('_', ' ')}"
        + (", vague words at ACLED's floors)" if low_c["floored"] else ")"),
        f"best {best:g}: {best_c['text']} ({best_c['label']}; {best_c['position'].replace('_', ' ')}; "
        + (
            "the most specific figure not a party's claim about its enemy)"
            if trusted
            else "only a party's claim about its enemy: best is the low)"
        ),
        f"high {high_c['high']:g}: {high_c['text']} ({high_c['position'].replace('_', ' ')})",
    ]
    others = [c for c in candidates if c not in (low_c, best_c, high_c)]
    if others:
        notes.append(
            "also: " + "; ".join(f"{c['text']} ({c['label']}, {c['position'].replace('_', ' ')})" for c in others)
        )
    left = [i for i in related if i not in tied]
    if left:
        notes.append(
            "not tied to the place by the text: "
            + "; ".join(f"{table.at[i, 'quote']} ({table.at[i, 'claimant']})" for i in left)
        )
    deaths = (by_side["a"], by_side["b"], by_side["civilians"], unknown)
    return ids, float(low), float(best), float(high_c["high"]), high_c["position"], deaths, "; ".join(notes)


def _candidate(ids, table, sides, label):
    rows = table.loc[ids]
    figure = sum(acled_value(r) for _, r in rows.iterrows())
    highs = [r["value_high"] if not pd.isna(r["value_high"]) else acled_value(r) for _, r in rows.iterrows()]
    positions = {_position(r, sides[i]) for i, r in rows.iterrows()}
    position = min(positions, key=lambda p: POSITION[p])
    floors = acled_floors()
    return {
        "ids": ids,
        "label": label,
        "figure": float(figure),
        "high": float(sum(highs)),
        "specificity": min(SPECIFICITY.get(q, 0) for q in rows["qualifier"]),
        "floored": any(q in floors for q in rows["qualifier"]),
        "position": position,
        "reported_on": max(rows["reported_on"]),
        "text": " + ".join(
            f"{r['quote']}{f' = {floors[r.qualifier]:g}' if r['qualifier'] in floors else ''}"
            for _, r in rows.iterrows()
        )
        + (f", together {figure:g}" if len(rows) > 1 else "")
        + f" ({', '.join(dict.fromkeys(rows['claimant']))})",
    }
