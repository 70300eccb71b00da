"""Claims: every number the article states, with who states it and the exact
words it rests on.

>>> from khabar import load_article
>>> table = claims(load_article())
>>> table.query("subject == 'killed' and claimant == 'al_naba'")[["quote", "value_low"]].values.tolist()
[['175 من قوات الأسد', 175.0]]
"""
from __future__ import annotations

import re

import pandas as pd

from khabar.names import NAMES, name_pattern
from khabar.numbers import (
    NOUN, materiel_singulars, noun_info, quantities, to_western_digits, unspecified_counts,
)
from khabar.sources import sentences

KILLING = re.compile(r"قتل|مقتل|قتلى|مصرع|لقي")
LOSSES = re.compile(r"خسائر|تدمير|دمر|اغتنام|استحواذ|إعطاب")
# What is said of bodies or prisoners, from the verbs near the number.
SCOPES = [
    ("handed_over", re.compile(r"تسليم|بادل|تبادل|سلم")),
    ("recovered", re.compile(r"انتشال")),
    ("held", re.compile(r"لدى|بحوزة")),
]
BRANCH_AFTER = re.compile(r"^\s+من\s+(?:\w+\s+)?الفرع\s+([0-9٠-٩]+)")
TOPIC = {
    "bodies": "exchange", "prisoners": "exchange", "detainees": "exchange",
    "killed": "casualties", "area_share": "control",
    "tanks": "materiel", "armoured_vehicles": "materiel",
    "rocket_launchers": "materiel", "heavy_machine_guns": "materiel",
}
PLACES = [(name, name_en, name_pattern(name)) for name, name_en, kind in NAMES
          if kind not in ("source", "organisation", "city")]

COLUMNS = [
    "topic", "subject", "scope", "value", "value_low", "value_high", "qualifier", "qualifier_ar",
    "unit", "claimant", "side", "place", "place_en", "reported_on", "reported_precision", "corroboration",
    "quote", "start", "end", "paragraph", "sentence",
]


def claims(article) -> pd.DataFrame:
    """One row per numeric claim in the article (columns: see ``COLUMNS``).

    ``value_low``/``value_high`` are the range the words allow (see
    :mod:`khabar.numbers`); ``quote`` is ``article.text[start:end]``;
    ``corroboration`` compares each claim with other claimants' claims on the
    same subject (see :func:`corroboration`).

    >>> from khabar import load_article
    >>> claims(load_article()).groupby("topic").size().to_dict()
    {'casualties': 3, 'control': 2, 'exchange': 7, 'materiel': 4}
    """
    rows = []
    for sentence in _with_report_dates(sentences(article), article.text, article.published).itertuples():
        for quantity in _quantities_in(sentence.text).itertuples():
            row = _claim(quantity, sentence, article)
            if row is not None:
                rows.append(row)
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["reported_on"] = pd.to_datetime(table["reported_on"])
    table["corroboration"] = corroboration(table)
    return table.sort_values("start", kind="stable").reset_index(drop=True)


def _with_report_dates(table: pd.DataFrame, text: str, published) -> pd.DataFrame:
    """When each sentence's claim was made: the first date the sentence gives
    ("أمس" in "وتحدثت صفحات موالية، أمس، عن ..."; al-Naba's "الخميس الماضي"),
    else the previous sentence's when it carries on the same speaker, else
    the publication date.  Adds ``reported_on`` and ``reported_precision``."""
    table = table.copy()
    table["reported_on"], table["reported_precision"] = pd.NaT, ""
    if published is None:
        return table
    from khabar.dates import find_dates

    found = find_dates(text, published)[["start", "end", "date", "precision"]].to_dict("records")
    previous, dates, precisions = (pd.Timestamp(published), "day"), [], []
    for sentence in table[["start", "end", "continues"]].to_dict("records"):
        inside = [d for d in found if d["start"] >= sentence["start"] and d["end"] <= sentence["end"]]
        if inside:
            reported = (inside[0]["date"], inside[0]["precision"])
        elif not sentence["continues"]:
            reported = (pd.Timestamp(published), "day")
        else:
            reported = previous
        dates.append(reported[0])
        precisions.append(reported[1])
        previous = reported
    table["reported_on"], table["reported_precision"] = dates, precisions
    return table


def _quantities_in(sentence: str) -> pd.DataFrame:
    found = [quantities(sentence), unspecified_counts(sentence)]
    if LOSSES.search(sentence):
        found.append(materiel_singulars(sentence))
    return pd.concat([frame for frame in found if len(frame)] or found[:1], ignore_index=True)


def _clause_window(sentence: str, start: int, end: int) -> str:
    """The clause holding a number and the clause before it (clauses end at commas)."""
    clause_start = sentence.rfind("،", 0, start)
    window_start = sentence.rfind("،", 0, max(clause_start, 0)) + 1 if clause_start > 0 else 0
    clause_end = sentence.find("،", end)
    return sentence[window_start: clause_end if clause_end != -1 else len(sentence)]


def _claim(quantity, sentence, article) -> dict | None:
    window = _clause_window(sentence.text, quantity.start, quantity.end)
    start, end = sentence.start + quantity.start, sentence.start + quantity.end
    subject, scope = quantity.subject, ""
    place, place_en = next(((name, en) for name, en, pattern in PLACES if pattern.search(sentence.text)), ("", ""))
    if quantity.unit == "percent":
        subject, scope = "area_share", place_en  # shares of different places never compare
    else:
        if subject is None:
            before = list(NOUN.finditer(window[: window.find(quantity.quote)]))
            if not before:
                return None  # a number with nothing counted: not a claim
            subject = noun_info(before[-1].group("noun"))[1]
        if subject in ("forces", "members", "soldiers", "officers", "civilians") and KILLING.search(window):
            scope = subject
            branch = BRANCH_AFTER.match(article.text[end:])
            if branch:
                end += branch.end()
                scope = f"branch_{to_western_digits(branch.group(1))}_members"
            subject = "killed"
        if subject in ("bodies", "prisoners", "detainees"):
            scope = next((name for name, pattern in SCOPES if pattern.search(window)), "unspecified")
        if TOPIC.get(subject) == "materiel":
            scope = "lost"
        if subject not in TOPIC:
            return None
    unit = {"control": "percent", "materiel": "items"}.get(TOPIC[subject], "persons")
    return {
        "topic": TOPIC[subject], "subject": subject, "scope": scope,
        "value": quantity.value, "value_low": quantity.value_low, "value_high": quantity.value_high,
        "qualifier": quantity.qualifier, "qualifier_ar": quantity.qualifier_ar,
        "unit": unit, "claimant": sentence.claimant, "side": sentence.side,
        "place": place, "place_en": place_en,
        "reported_on": sentence.reported_on, "reported_precision": sentence.reported_precision,
        "corroboration": "", "quote": article.text[start:end], "start": start, "end": end,
        "paragraph": sentence.paragraph, "sentence": sentence.text,
    }


# Parts cannot outnumber the whole they come from: bodies handed over so far
# are among the bodies the group holds.
PART_OF = {("bodies", "handed_over"): ("bodies", "held")}


def _ranges(table: pd.DataFrame) -> list[dict]:
    """Plain records with an open upper end as infinity (pairwise loops over
    records are far faster than over dataframe rows)."""
    records = table[["subject", "scope", "claimant", "value_low", "value_high"]].to_dict("records")
    for index, record in zip(table.index, records):
        record["index"] = index
        record["low"] = float(record["value_low"])
        record["high"] = float("inf") if pd.isna(record["value_high"]) else float(record["value_high"])
        record["has_figure"] = not pd.isna(record["value_low"])
    return records


def _overlap(a: dict, b: dict) -> bool:
    return a["low"] <= b["high"] and b["low"] <= a["high"]


def conflicts(table: pd.DataFrame) -> list[tuple[int, int, str]]:
    """Pairs of claims by different claimants that cannot both be true, as
    (index, index, reason): same subject and scope with ranges that do not
    meet, or a part (bodies handed over) larger than its whole (bodies held).

    >>> rows = pd.DataFrame({"subject": ["bodies"] * 2, "scope": ["held"] * 2,
    ...     "claimant": ["a", "b"], "value_low": [101, 27], "value_high": [None, 30]})
    >>> conflicts(rows)
    [(0, 1, 'ranges do not meet')]
    """
    records = [r for r in _ranges(table) if r["has_figure"]]
    found = []
    for k, a in enumerate(records):
        for b in records[k + 1:]:
            if a["claimant"] == b["claimant"]:
                continue
            kind_a, kind_b = (a["subject"], a["scope"]), (b["subject"], b["scope"])
            if kind_a == kind_b and not _overlap(a, b):
                found.append((a["index"], b["index"], "ranges do not meet"))
            elif PART_OF.get(kind_a) == kind_b and a["low"] > b["high"]:
                found.append((a["index"], b["index"], "part larger than the whole"))
            elif PART_OF.get(kind_b) == kind_a and b["low"] > a["high"]:
                found.append((a["index"], b["index"], "part larger than the whole"))
    return found


def corroboration(table: pd.DataFrame) -> pd.Series:
    """How each claim stands against other claimants' claims, graded in the
    spirit of Airwars: ``contested`` when it is in one of :func:`conflicts`,
    ``corroborated`` when another claimant's range for the same subject and
    scope overlaps it, ``single_source`` otherwise, ``unspecified`` when it
    gives no number.

    >>> rows = pd.DataFrame({"subject": ["bodies"] * 3, "scope": ["held"] * 3,
    ...     "claimant": ["a", "b", "c"], "value_low": [76, 20, 27], "value_high": [94, 99, 30]})
    >>> corroboration(rows).tolist()
    ['contested', 'corroborated', 'contested']
    """
    contested = {index for i, j, _ in conflicts(table) for index in (i, j)}
    records = _ranges(table)
    grades = []
    for claim in records:
        if not claim["has_figure"]:
            grades.append("unspecified")
        elif claim["index"] in contested:
            grades.append("contested")
        elif any(
            other["has_figure"] and other["claimant"] != claim["claimant"]
            and (other["subject"], other["scope"]) == (claim["subject"], claim["scope"])
            and _overlap(claim, other)
            for other in records
        ):
            grades.append("corroborated")
        else:
            grades.append("single_source")
    return pd.Series(grades, index=table.index, dtype=object)


BRANCH = re.compile(r"(?:ال|لل)فرع\s+([0-9٠-٩]+)")


def discrepancies(article, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """What a reader should look at twice: pairs of conflicting claims
    (:func:`conflicts`) and one unit named with different numbers in different
    paragraphs (the caption's "الفرع 2015", the body's "الفرع 215").
    Columns: ``what``, ``quote_a``, ``said_by_a``, ``quote_b``, ``said_by_b``, ``reason``.

    >>> from khabar import load_article
    >>> discrepancies(load_article())["reason"].tolist()[-1]
    'the same unit with two numbers'
    """
    table = claims(article) if table is None else table
    rows = [
        (table.loc[i, "subject"], table.loc[i, "quote"], table.loc[i, "claimant"],
         table.loc[j, "quote"], table.loc[j, "claimant"], reason)
        for i, j, reason in conflicts(table)
    ]
    branches = []
    for paragraph in article.paragraphs.itertuples():
        for match in BRANCH.finditer(paragraph.text):
            branches.append((match.group(), match.group(1), paragraph.kind))
    for a, b in ((a, b) for k, a in enumerate(branches) for b in branches[k + 1:]):
        if a[1] != b[1]:
            rows.append(("unit_number", a[0], a[2], b[0], b[2], "the same unit with two numbers"))
    columns = ["what", "quote_a", "said_by_a", "quote_b", "said_by_b", "reason"]
    return pd.DataFrame(rows, columns=columns)
