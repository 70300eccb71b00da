"""The exchange as a ledger: what has been handed over, what is still held,
what is to come, and what is given in return -- each line with its figure as
the words allow, who says it, and the quote.

Lines come from :func:`khabar.claims` (counts of bodies and prisoners by
scope) and :func:`khabar.events` (what is still to come, what is given in
return).  Each line has a ``status``: ``agreed`` (a term of the deal,
«ضمنت تسليم عشرات الجثث», «مقابل إطلاق … سراح معتقلات»), ``completed``
(done: «تبادل»، «خرجن») or ``pending`` (still held, still to come), and the
``tense`` the words give it (``promised``, ``done``, ``state``).  A later
running total («بحوالي 85 حتى اليوم») takes in the handovers told of
before it: they are ``superseded_by`` its claim id, so adding up the
completed lines that nothing supersedes counts every body once.  Each line
names the ``claim_ids`` it rests on, the ``intermediary`` (who sponsors the
exchange, «برعاية الهلال الأحمر») and the ``place`` the bodies are
gathered for handover («جمع الجثث على دوار الحجر الأسود»).  "Still held" is given under both readings of the held counts
(:func:`khabar.grading.readings`): ``total`` (a held count is every
body the group has had, so what is left is that total less what has been
handed over) and ``remaining`` (a held count is what is left).

>>> from khabar import load_article
>>> book = exchange_ledger(load_article())
>>> book.loc[book.item == "released_in_return", ["what", "figure"]].values.tolist()
[['women detainees', 'not stated'], ['women detainees', 'not stated']]
"""

from __future__ import annotations

import math
import re
from functools import cache

import pandas as pd

# Direction of each line: from whom to whom.
DIRECTION = {
    "deal_terms": ("isis", "regime"),
    "handed_over": ("isis", "regime"),
    "still_held": ("isis", ""),
    "to_come": ("isis", "regime"),
    "released_in_return": ("regime", ""),
}
# What is given in return, as the text words it: "مقابل إطلاق ... سراح معتقلات".
IN_RETURN = re.compile(r"مقابل\s+(?:\S+\s+){0,4}?معتقل(?:ات|ين)(?:\s+[^\s،,.]+){0,3}?(?=\s*[،,.]|$)")

COLUMNS = [
    "item",
    "what",
    "from_side",
    "to_side",
    "low",
    "high",
    "figure",
    "reading",
    "as_of",
    "claimant",
    "quote",
    "status",
    "tense",
    "superseded_by",
    "intermediary",
    "place",
    "claim_ids",
]
# What each kind of line is, when the words do not say otherwise.
STATUS = {
    "deal_terms": ("agreed", "promised"),
    "handed_over": ("completed", "done"),
    "still_held": ("pending", "state"),
    "to_come": ("pending", "promised"),
    "released_in_return": ("completed", "done"),
}


@cache
def _terms() -> dict[str, re.Pattern]:
    """The exchange's words (lexicon/exchange_terms.csv) by kind, as patterns."""
    from khabar import lexicon

    kinds = {}
    for row in lexicon.rows("exchange_term"):
        forms = sorted(row["forms"], key=len, reverse=True)
        alternation = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
        kinds[row["kind"]] = re.compile(rf"(?<!\w)[وف]?(?:{alternation})(?!\w)")
    missing = {"promise", "running_total", "gathering"} - set(kinds)
    if missing:
        raise lexicon.LexiconError(
            f"{lexicon.FOLDER / lexicon.FILES['exchange_term']}: no row of kind {', '.join(sorted(missing))}"
        )
    return kinds


def exchange_ledger(article, claims: pd.DataFrame | None = None, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """One line per figure of the exchange: ``item`` (``handed_over``,
    ``still_held``, ``to_come``, ``released_in_return``), ``what``,
    ``from_side``, ``to_side``, ``low``, ``high`` (NaN: not stated or open),
    ``figure`` (the words, or "not stated"), ``reading`` (for still held:
    ``total`` or ``remaining``), ``as_of``, ``claimant``, ``quote``.

    >>> from khabar import load_article
    >>> book = exchange_ledger(load_article())
    >>> book.loc[book.item == "still_held", ["reading", "low", "high", "figure"]].values.tolist()[:2]
    [['total', 7.0, nan, 'تتجاوز 100 less بحوالي 85'], ['remaining', 27.0, 33.0, 'قرابة 30 جثة']]
    """
    from khabar.claims_table import claims as claims_of
    from khabar.events_table import events as events_of
    from khabar.grading import _ranges, _relative_width, readings

    table = claims_of(article) if claims is None else claims
    happenings = events_of(article) if events is None else events
    rows = []
    exchange = table[table["subject"].isin(["bodies", "prisoners", "detainees"])]
    for _, claim in exchange[exchange["scope"] == "handed_over"].iterrows():
        rows.append(_claim_line("handed_over", claim))
    both = readings(table)
    for _, reading in both.iterrows():
        large = table[table["quote"] == reading["claim_a"]].iloc[0]
        small = table[table["quote"] == reading["claim_b"]].iloc[0]
        if reading["reading"] == "total":
            handed = exchange[(exchange["scope"] == "handed_over") & (exchange["subject"] == large["subject"])]
            part = min(_ranges(handed), key=_relative_width)
            low = max(large["value_low"] - part["high"], 0.0)
            high = math.nan if pd.isna(large["value_high"]) else large["value_high"] - part["low"]
            rows.append(
                _line(
                    "still_held",
                    large["subject"],
                    low,
                    high,
                    f"{large['quote']} less {table.at[part['index'], 'quote']}",
                    "total",
                    _as_of(large),
                    large["claimant"],
                    large["quote"],
                )
            )
        else:
            rows.append(_claim_line("still_held", small, "remaining"))
    if both.empty:
        for _, claim in exchange[exchange["scope"] == "held"].iterrows():
            rows.append(_claim_line("still_held", claim))
    # prisoners held are not part of the readings: a line of their own
    held = exchange[(exchange["scope"] == "held") & (exchange["subject"] != "bodies")]
    for _, claim in held.iterrows():
        rows.append(_claim_line("still_held", claim))
    from khabar.events_table import _STAGES

    to_come = next(pattern for key, pattern, *_ in _STAGES if key == "to_come")
    for _, event in happenings[happenings["stage"] == "to_come"].iterrows():
        words = to_come.search(event["quote"])
        rows.append(
            _line(
                "to_come",
                "bodies",
                math.nan,
                math.nan,
                "not stated",
                "",
                event["date"],
                event["claimant"],
                words.group() if words else event["quote"],
            )
        )
    seen = set()
    for _, event in happenings[happenings["in_return_for"] != ""].iterrows():
        for quote, claimant in zip(
            event["quotes"],
            event["claimants"]
            if len(event["claimants"]) == len(event["quotes"])
            else [event["claimant"]] * len(event["quotes"]),
        ):
            match = IN_RETURN.search(quote)
            if match and match.group() not in seen:
                seen.add(match.group())
                rows.append(
                    _line(
                        "released_in_return",
                        event["in_return_for"],
                        math.nan,
                        math.nan,
                        "not stated",
                        "",
                        event["reported_on"],
                        claimant,
                        match.group(),
                    )
                )
    frame = pd.DataFrame(rows, columns=COLUMNS[: COLUMNS.index("status")])
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    return _with_status(frame, article, table, happenings)


def _with_status(frame: pd.DataFrame, article, table: pd.DataFrame, happenings: pd.DataFrame) -> pd.DataFrame:
    """Status and tense, what supersedes what, the claims each line rests on,
    the intermediary and the place of handover."""
    from khabar.lexicon import fold

    text, terms = article.text, _terms()
    ids = table["claim_id"] if "claim_id" in table.columns else pd.Series([""] * len(table), index=table.index)
    frame = frame.copy()
    statuses, tenses, cited, running = [], [], [], {}
    for line in frame.itertuples():
        status, tense = STATUS[line.item]
        start = _offset(text, line.quote, table, line.claimant)
        sentence = _sentence_around(text, start)
        head = fold(text[sentence[0] : start]) if start >= 0 else ""
        # a handover the deal «ضمنت» (guaranteed) is one of its terms, not done yet
        if line.item == "handed_over" and terms["promise"].search(head):
            status, tense = STATUS["deal_terms"]
            frame.at[line.Index, "item"] = "deal_terms"
        if line.item == "released_in_return" and not _finite_verb_after(line.quote):
            # «مقابل إطلاق … سراح»: a verbal noun in the deal's terms carries
            # no tense -- it is what was promised; «خرجن» is done
            status, tense = STATUS["deal_terms"]
        statuses.append(status)
        tenses.append(tense)
        rows = table[(table["start"] >= start) & (table["end"] <= start + len(line.quote))] if start >= 0 else table[:0]
        if line.reading == "total":
            rows = table[table["quote"].isin([line.quote, line.figure.split(" less ")[-1]])]
        cited.append(tuple(ids[rows.index]))
        tail = fold(text[start + len(line.quote) : sentence[1]]) if start >= 0 else ""
        running[line.Index] = bool(terms["running_total"].match(tail.lstrip(" ،")))
    frame["status"], frame["tense"], frame["claim_ids"] = statuses, tenses, cited
    frame["superseded_by"] = ""
    done = frame[(frame["item"] == "handed_over") & (frame["status"] == "completed")]
    for index, line in done.iterrows():
        later = [
            other
            for other_index, other in done.iterrows()
            if other_index != index
            and running[other_index]
            # a running total takes in what was told of by its day; of two
            # running totals, only the later one counts
            and (other["as_of"] > line["as_of"] or (other["as_of"] == line["as_of"] and not running[index]))
        ]
        later = [other for other in later if other["what"] == line["what"] and other["claim_ids"]]
        if later:
            frame.at[index, "superseded_by"] = max(later, key=lambda other: other["as_of"])["claim_ids"][0]
    sponsor = next((u for u in happenings.get("under", []) if isinstance(u, str) and u), "")
    exchange = frame["item"].isin(["deal_terms", "handed_over", "to_come", "released_in_return"])
    frame["intermediary"] = [sponsor if is_exchange else "" for is_exchange in exchange]
    place = _handover_place(text, terms["gathering"])
    frame["place"] = [place if item in ("deal_terms", "handed_over", "to_come") else "" for item in frame["item"]]
    return frame[COLUMNS]


_FINITE_AFTER = re.compile(r"معتقل\w*\s+(?:[وف]?(?:خرج|خرجن|خرجوا|أفرج|افرج|أطلق|اطلق|وصل|وصلن)\w*)")


def _finite_verb_after(quote: str) -> bool:
    """«معتقلات خرجن»: a finite verb after the detainees says it is done."""
    from khabar.lexicon import fold

    return bool(_FINITE_AFTER.search(fold(quote)))


def _offset(text: str, quote: str, table: pd.DataFrame, claimant: str) -> int:
    """Where a line's quote is in the text: its claim's offset, else the first match."""
    rows = table[(table["quote"] == quote) & (table["claimant"] == claimant)]
    return int(rows["start"].iloc[0]) if len(rows) else text.find(quote)


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    if position < 0:
        return 0, 0
    starts = [m.end() for m in re.finditer(r"[.!?؟]\s+|\n\n", text[:position])]
    end = re.search(r"[.!?؟](?:\s|$)|\n\n", text[position:])
    return (starts[-1] if starts else 0), (position + end.start() if end else len(text))


def _handover_place(text: str, gathering: re.Pattern) -> str:
    """The gazetteer place named right after the words of gathering or
    handing over bodies («جمع الجثث على دوار الحجر الأسود»), in English; empty if none."""
    from khabar.lexicon import folded_with_offsets
    from khabar.names import NAMES, name_pattern

    plain, offsets = folded_with_offsets(text)
    for cue in gathering.finditer(plain):
        rest = text[offsets[cue.end()] :]
        found = [
            (match.start(), -len(match.group()), name_en)
            for name, name_en, kind in NAMES
            if kind not in ("source", "organisation", "city")
            for match in [name_pattern(name).search(rest[:60])]
            if match
        ]
        if found:
            return min(found)[2]
    return ""


def _claim_line(item, claim, reading=""):
    """A ledger line that is one claim as it stands."""
    return _line(
        item,
        claim["subject"],
        claim["value_low"],
        claim["value_high"],
        claim["quote"],
        reading,
        _as_of(claim),
        claim["claimant"],
        claim["quote"],
    )


def _as_of(claim):
    """The day a claim's figure stands as of: when it was said, else the last
    day it can have been said (a source the text never dates)."""
    if pd.isna(claim["reported_on"]) and "reported_end" in claim:
        return claim["reported_end"]
    return claim["reported_on"]


def _line(item, what, low, high, figure, reading, as_of, claimant, quote):
    from_side, to_side = DIRECTION[item]
    return (item, what, from_side, to_side, float(low), float(high), figure, reading, as_of, claimant, quote)
