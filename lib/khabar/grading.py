"""Judging claims against each other: camps, conflicts, grades, parts and
whole, the two readings of held counts, and how grades move under each
reading convention.  Takes a claims table (:func:`khabar.claims`); knows
nothing of how it was read.

>>> from khabar import claims, load_article
>>> grades(claims(load_article()))["grade"].value_counts().to_dict()["contested"] > 0
True
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

# Parts cannot outnumber the whole they come from, as (part, whole) kinds of
# (subject, scope); a scope ending in * matches any scope with that start.
# Bodies handed over so far are among the bodies the group has held; the
# bodies are of Assad's forces killed in the fighting ("جميعهم قتلوا خلال
# معارك حي القدم"), so they are among the forces' dead; a unit's members,
# soldiers and officers killed are among the forces killed.
PART_OF = [
    (("bodies", "handed_over"), ("bodies", "held")),
    (("bodies", "held"), ("killed", "forces")),
    (("killed", "branch_*"), ("killed", "forces")),
    (("killed", "soldiers"), ("killed", "forces")),
    (("killed", "officers"), ("killed", "forces")),
]

# How strong a corroboration is: the relative width (width / midpoint) of
# the vaguer of the two ranges.  Two "dozens" (20-99, width 1.3) agree on
# little; "about 85" and "about 90" (width 0.2 each) pin the figure down.
STRENGTH = [(0.25, "strong"), (0.6, "moderate"), (float("inf"), "weak")]
# The reason a corroboration is weak whatever its figures: every claim that
# agrees comes from unnamed sources relayed by the same outlet (ui_terms.csv).
ONE_RELAY = "one_relay_unnamed"


def camp(claimant: str, side: str | None = None) -> str:
    """Whose camp a claimant speaks for: a party's outlets are one camp
    (al-Naba is the group's own weekly: ``al_naba`` and ``isis`` are both
    ``isis``); independent sources are each their own camp.

    >>> camp("al_naba", "isis"), camp("informed_sources", "independent")
    ('isis', 'informed_sources')
    """
    return claimant if side in (None, "", "independent") or pd.isna(side) else side


def _kind_matches(kind, pattern) -> bool:
    subject, scope = pattern
    if scope.endswith("*"):
        return kind[0] == subject and kind[1].startswith(scope[:-1])
    return kind == pattern


@cache
def _is_part(part_kind, whole_kind) -> bool:
    return any(_kind_matches(part_kind, p) and _kind_matches(whole_kind, w) for p, w in PART_OF)


def _ranges(table: pd.DataFrame) -> list[dict]:
    """Plain records with an open upper end as infinity (pairwise loops over
    records are far faster than over dataframe rows)."""
    columns = ["subject", "scope", "claimant", "value_low", "value_high"]
    return _ranges_of(
        table[columns].to_dict("records"),
        table.index,
        table["side"].tolist() if "side" in table.columns else None,
        table["named"].tolist() if "named" in table.columns else None,
        table["via"].tolist() if "via" in table.columns else None,
    )


def _ranges_of(rows: list[dict], index, sides=None, named=None, via=None) -> list[dict]:
    """:func:`_ranges` of claims as dicts (``subject``, ``scope``,
    ``claimant``, ``value_low``, ``value_high``), ``index`` their labels;
    ``sides``, ``named`` and ``via`` the columns, when the claims have them."""
    records = []
    for position, (label, row) in enumerate(zip(index, rows)):
        side = sides[position] if sides is not None else None
        is_named = named[position] if named is not None else None
        relay = via[position] if via is not None else ""
        low, high = row["value_low"], row["value_high"]
        records.append(
            {
                "subject": row["subject"],
                "scope": row["scope"],
                "claimant": row["claimant"],
                "value_low": low,
                "value_high": high,
                "index": label,
                "camp": camp(row["claimant"], side),
                "kind": (row["subject"], row["scope"]),
                "low": float(low),
                "high": float("inf") if pd.isna(high) else float(high),
                "has_figure": not pd.isna(low),
                "named": None if pd.isna(is_named) else bool(is_named),
                "via": relay if isinstance(relay, str) else "",
            }
        )
    return records


def _overlap(a: dict, b: dict) -> bool:
    return a["low"] <= b["high"] and b["low"] <= a["high"]


def _relative_width(record: dict) -> float:
    low, high = record["low"], record["high"]
    if high == float("inf"):
        return float("inf")
    middle = (low + high) / 2
    return (high - low) / middle if middle else float("inf")


def conflicts(table: pd.DataFrame) -> list[tuple[int, int, str]]:
    """Pairs of claims by different claimants that cannot both be true, as
    (index, index, reason): same subject and scope with ranges that do not
    meet, or a part (bodies handed over; a unit's dead) whose lowest figure
    is above its whole's highest (:data:`PART_OF`).  A part inside its whole
    is no conflict, and not a rival total either.

    >>> rows = pd.DataFrame({"subject": ["bodies"] * 2, "scope": ["held"] * 2,
    ...     "claimant": ["a", "b"], "value_low": [101, 27], "value_high": [None, 33]})
    >>> conflicts(rows)
    [(0, 1, 'ranges do not meet')]
    """
    return _conflicts(_ranges(table))


def _conflicts(ranges: list[dict]) -> list[tuple[int, int, str]]:
    records = [r for r in ranges if r["has_figure"]]
    found = []
    for k, a in enumerate(records):
        for b in records[k + 1 :]:
            if a["claimant"] == b["claimant"]:
                continue
            if a["kind"] == b["kind"] and not _overlap(a, b):
                found.append((a["index"], b["index"], "ranges do not meet"))
            elif _is_part(a["kind"], b["kind"]) and a["low"] > b["high"]:
                found.append((a["index"], b["index"], "part larger than the whole"))
            elif _is_part(b["kind"], a["kind"]) and b["low"] > a["high"]:
                found.append((a["index"], b["index"], "part larger than the whole"))
    return found


def corroboration(table: pd.DataFrame) -> pd.Series:
    """Whether each claim's figure agrees with figures from another camp: a
    consistency check of the ranges the words allow, nothing more.  (It is
    not a grade of how well a happening is sourced, as Airwars grades
    incidents: two camps may agree and both be wrong.)

    ``contested`` when the claim is in one of :func:`conflicts`,
    ``corroborated`` when a claimant of another camp (:func:`camp`: the
    group's weekly never corroborates the group) gives an overlapping range
    for the same subject and scope, ``single_source`` otherwise,
    ``unspecified`` when it gives no number.  How strong a corroboration is:
    :func:`grades`.

    >>> rows = pd.DataFrame({"subject": ["bodies"] * 4, "scope": ["held"] * 4,
    ...     "claimant": ["a", "b", "c", "isis"], "side": ["independent"] * 3 + ["isis"],
    ...     "value_low": [76, 20, 27, 20], "value_high": [94, 99, 33, 99]})
    >>> corroboration(rows).tolist()
    ['contested', 'corroborated', 'contested', 'corroborated']
    """
    return grades(table)["grade"]


def grades(table: pd.DataFrame, widths: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each claim's grade (see :func:`corroboration`) with ``strength``
    (``strong``, ``moderate``, ``weak`` for a corroboration, see
    :data:`STRENGTH`), ``by`` (the rows that corroborate or contest it),
    ``camp`` and ``reason``.  Independence is tested first: when the table
    has ``named`` and ``via`` (:mod:`khabar.provenance`) and every claim
    that agrees is, like this one, from unnamed sources relayed by the same
    outlet, the corroboration is ``weak`` at most, ``reason``
    ``one_relay_unnamed``.  Index as ``table``'s.  ``widths``: the same claims under the
    ranges whose vagueness sets the strength (by default ``table`` itself; a
    point convention makes every range zero wide, not every word precise).

    >>> rows = pd.DataFrame({"subject": ["bodies"] * 3, "scope": ["held"] * 3,
    ...     "claimant": ["al_naba", "isis", "pages"], "side": ["isis", "isis", "regime"],
    ...     "value_low": [20, 20, 20], "value_high": [99, 99, 99]})
    >>> grades(rows)[["grade", "strength", "by"]].values.tolist()
    [['corroborated', 'weak', (2,)], ['corroborated', 'weak', (2,)], ['corroborated', 'weak', (0, 1)]]
    """
    rows = _grade_rows(_ranges(table), None if widths is None else _ranges(widths))
    return pd.DataFrame(rows, index=table.index, columns=["grade", "strength", "by", "camp", "reason"])


def corroboration_of(rows: list[dict]) -> list[str]:
    """:func:`corroboration` of claims as plain dicts (``subject``,
    ``scope``, ``claimant``, ``side``, ``value_low``, ``value_high``), as
    :func:`khabar.claims` grades its rows before it makes the table.

    >>> corroboration_of([
    ...     {"subject": "killed", "scope": "forces", "claimant": "a", "side": "independent", "value_low": 10, "value_high": 12},
    ...     {"subject": "killed", "scope": "forces", "claimant": "b", "side": "regime", "value_low": 11, "value_high": 11},
    ... ])
    ['corroborated', 'corroborated']
    """
    records = _ranges_of(rows, range(len(rows)), [row.get("side") for row in rows])
    return [grade for grade, *_ in _grade_rows(records)]


def _grade_rows(records: list[dict], widths: list[dict] | None = None) -> list[tuple]:
    """(grade, strength, by, camp, reason) of each of ``records``
    (:func:`_ranges`); ``widths`` the records whose vagueness sets the
    strength, by default ``records``."""
    contested: dict = {}
    for i, j, _ in _conflicts(records):
        contested.setdefault(i, []).append(j)
        contested.setdefault(j, []).append(i)
    vagueness = {r["index"]: _relative_width(r) for r in (records if widths is None else widths)}
    rows = []
    for claim in records:
        if not claim["has_figure"]:
            rows.append(("unspecified", "", (), claim["camp"], ""))
            continue
        if claim["index"] in contested:
            rows.append(("contested", "", tuple(contested[claim["index"]]), claim["camp"], ""))
            continue
        others = [
            o
            for o in records
            if o["has_figure"] and o["camp"] != claim["camp"] and o["kind"] == claim["kind"] and _overlap(claim, o)
        ]
        if not others:
            rows.append(("single_source", "", (), claim["camp"], ""))
            continue
        # Independence before corroboration: only claims the reader could
        # check apart from one another count at full strength.
        independent = [o for o in others if not _one_relay(claim, o)]
        width = min(max(vagueness[claim["index"]], vagueness[o["index"]]) for o in independent or others)
        strength = next(name for limit, name in STRENGTH if width <= limit)
        reason = ""
        if not independent:
            strength, reason = "weak", ONE_RELAY
        rows.append(("corroborated", strength, tuple(o["index"] for o in others), claim["camp"], reason))
    return rows


def _one_relay(a: dict, b: dict) -> bool:
    """True when two claims come from unnamed sources through one and the
    same outlet: nothing shows they are two sources, not one heard twice."""
    return a["named"] is False and b["named"] is False and bool(a["via"]) and a["via"] == b["via"]


def part_whole(table: pd.DataFrame) -> pd.DataFrame:
    """Parts checked against their whole (:data:`PART_OF`): the parts one
    claimant gives in one sentence are added up ("12 عنصرًا من مخابرات الفرع
    215 ... إلى جانب العشرات من الجنود": 12 + 20-99 = 32-111) and must not
    exceed the whole another claimant gives.  Columns: ``parts`` (quotes),
    ``parts_by``, ``parts_low``, ``parts_high``, ``whole``, ``whole_by``,
    ``whole_low``, ``whole_high``, ``fits``.

    >>> rows = pd.DataFrame({"subject": ["killed"] * 3, "scope": ["forces", "branch_215_members", "soldiers"],
    ...     "claimant": ["al_naba", "pages", "pages"], "value_low": [175, 12, 20], "value_high": [175, 12, 99],
    ...     "quote": ["175", "12", "dozens"], "sentence": ["s1", "s2", "s2"]})
    >>> part_whole(rows)[["parts", "parts_low", "parts_high", "whole", "fits"]].values.tolist()
    [[('12', 'dozens'), 32.0, 111.0, '175', True]]
    """
    records = [r for r in _ranges(table) if r["has_figure"]]
    for record in records:
        record["quote"] = table.at[record["index"], "quote"]
        record["sentence"] = table.at[record["index"], "sentence"] if "sentence" in table.columns else ""
    rows = []
    for whole in records:
        parts = [r for r in records if r["claimant"] != whole["claimant"] and _is_part(r["kind"], whole["kind"])]
        groups: dict = {}
        for part in parts:
            groups.setdefault((part["claimant"], part["sentence"], part["kind"][0]), []).append(part)
        for (claimant, _, _), members in groups.items():
            low = float(sum(m["low"] for m in members))
            high = float(sum(m["high"] for m in members))
            rows.append(
                (
                    tuple(m["quote"] for m in members),
                    claimant,
                    low,
                    high,
                    whole["quote"],
                    whole["claimant"],
                    whole["low"],
                    whole["high"],
                    low <= whole["high"],
                )
            )
    columns = ["parts", "parts_by", "parts_low", "parts_high", "whole", "whole_by", "whole_low", "whole_high", "fits"]
    return pd.DataFrame(rows, columns=columns)


def readings(table: pd.DataFrame) -> pd.DataFrame:
    """Both readings of two held-counts that do not meet, when a handed-over
    count is also given: ``total`` reads both as everything held so far (then
    they conflict, and the handed-over count may exceed the smaller);
    ``remaining`` reads the smaller as what is still held after the handed-
    over count (then handed over + still held is set against the larger).
    Columns: ``reading``, ``claim_a``, ``claim_b``, ``low``, ``high`` (the
    range set against ``claim_a``), ``fits``, ``how``.

    >>> rows = pd.DataFrame({"subject": ["bodies"] * 3, "scope": ["handed_over", "held", "held"],
    ...     "claimant": ["a", "a", "b"], "value_low": [76, 101, 27], "value_high": [94, None, 33],
    ...     "quote": ["about 85", "more than 100", "nearly 30"]})
    >>> readings(rows)[["reading", "low", "high", "fits"]].values.tolist()
    [['total', 27.0, 33.0, False], ['remaining', 103.0, 127.0, True]]
    """
    records = {r["index"]: r for r in _ranges(table) if r["has_figure"]}
    rows = []
    for i, j, reason in conflicts(table):
        a, b = records[i], records[j]
        if reason != "ranges do not meet" or a["kind"][1] != "held":
            continue
        large, small = (a, b) if a["high"] >= b["high"] else (b, a)
        handed = [r for r in records.values() if _is_part(r["kind"], large["kind"]) and r["kind"][1] == "handed_over"]
        quote = table["quote"]
        # the most precise handed-over count ("about 85", not "dozens")
        for part in sorted(handed, key=_relative_width)[:1]:
            rows.append(
                (
                    "total",
                    quote[large["index"]],
                    quote[small["index"]],
                    small["low"],
                    small["high"],
                    False,
                    f"both count every body held; {quote[part['index']]} handed over "
                    f"{'exceeds' if part['low'] > small['high'] else 'fits in'} {quote[small['index']]}",
                )
            )
            low, high = part["low"] + small["low"], part["high"] + small["high"]
            fits = low <= large["high"] and large["low"] <= high
            rows.append(
                (
                    "remaining",
                    quote[large["index"]],
                    quote[small["index"]],
                    low,
                    high,
                    fits,
                    f"{quote[small['index']]} still held after {quote[part['index']]} handed over: "
                    f"{low:g}-{high:g} in all",
                )
            )
    columns = ["reading", "claim_a", "claim_b", "low", "high", "fits", "how"]
    return pd.DataFrame(rows, columns=columns)


def sensitivity(table: pd.DataFrame, names: list[str] | None = None) -> pd.DataFrame:
    """Each claim's grade under each reading convention
    (:mod:`khabar.conventions`): which grades survive a change of bands.
    One row per claim with a figure (``quote``, ``claimant``), one column per
    convention, a cell ``grade`` or ``grade (strength)``.

    >>> rows = pd.DataFrame({"subject": ["bodies"] * 2, "scope": ["held"] * 2, "claimant": ["a", "b"],
    ...     "value": [85.0, 90.0], "value_low": [76.0, 81.0], "value_high": [94.0, 99.0],
    ...     "qualifier": ["about", "about"], "unit": ["persons"] * 2, "quote": ["x", "y"]})
    >>> sensitivity(rows, ["arabic_news", "acled_points"]).values.tolist()
    [['x', 'a', 'corroborated (strong)', 'contested'], ['y', 'b', 'corroborated (strong)', 'contested']]

    The strength of a corroboration is always judged on ``table``'s own ranges.
    """
    from khabar import conventions

    names = names or conventions.names()
    shown = table.dropna(subset=["value_low"])
    out = shown[["quote", "claimant"]].copy()
    for name in names:
        graded = grades(conventions.with_convention(shown, name), widths=shown)
        out[name] = [f"{g} ({s})" if s else g for g, s in zip(graded["grade"], graded["strength"])]
    return out.reset_index(drop=True)


BRANCH = re.compile(r"(?:ال|لل)فرع\s+([0-9٠-٩]+)")


def discrepancies(article, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """What a reader should look at twice: pairs of conflicting claims
    (:func:`conflicts`) and one unit named with different numbers in different
    paragraphs (the caption's "الفرع 2015", the body's "الفرع 215").
    Columns: ``what``, ``quote_a``, ``said_by_a``, ``quote_b``, ``said_by_b``, ``reason``,
    ``conflict_under_other_reading`` (what :func:`readings` makes of it).

    >>> from khabar import load_article
    >>> discrepancies(load_article())["reason"].tolist()[-1]
    'the same unit with two numbers'
    """
    if table is None:
        from khabar.claims_table import claims

        table = claims(article)
    # a conflict that one reading of the held counts removes says so
    other = readings(table)
    other = other[(other["reading"] == "remaining") & other["fits"]]
    resolved = {quote for pair in zip(other["claim_a"], other["claim_b"]) for quote in pair}
    note = {
        quote: f"none if {b} is what is still held (readings)"
        for a, b in zip(other["claim_a"], other["claim_b"])
        for quote in (a, b)
    }
    rows = [
        (
            table.loc[i, "subject"],
            table.loc[i, "quote"],
            table.loc[i, "claimant"],
            table.loc[j, "quote"],
            table.loc[j, "claimant"],
            reason,
            note.get(table.loc[j, "quote"], "") if table.loc[j, "quote"] in resolved else "",
        )
        for i, j, reason in conflicts(table)
    ]
    branches = []
    for paragraph in article.paragraphs.itertuples():
        for match in BRANCH.finditer(paragraph.text):
            branches.append((match.group(), match.group(1), paragraph.kind))
    for a, b in ((a, b) for k, a in enumerate(branches) for b in branches[k + 1 :]):
        if a[1] != b[1]:
            rows.append(("unit_number", a[0], a[2], b[0], b[2], "the same unit with two numbers", ""))
    columns = ["what", "quote_a", "said_by_a", "quote_b", "said_by_b", "reason", "conflict_under_other_reading"]
    return pd.DataFrame(rows, columns=columns)
