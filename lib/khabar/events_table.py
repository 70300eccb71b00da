"""Dated happenings in an article: what happened, when, and who says so.

Found with rules over sentences: a stage is a trigger phrase (a deal
"concluded", bodies "exchanged", "in stages" still to come...), its date is
the date expression after the trigger in the same sentence (resolved by
:mod:`khabar.dates`), and its claimant is who the sentence attributes it to.

When it was said is kept apart from when it happened.  A date between a
word of telling and the first happening ("وتحدثت صفحات موالية، أمس، عن
تبادل") is when the source spoke (``reported_on``); a happening with no
date of its own then took place on or before that day (``relation`` ``by``,
``date_basis`` ``told``).  Relative words in a quoted source's account count
from the day it spoke (``anchor``).  "حتى اليوم" makes a count a running
total (``by``); "المستمرة منذ ..." an ongoing happening (``since``); "X خلال
Y" puts an undated X inside Y (``date_basis`` ``during``).

A sentence with no date takes the previous sentence's date when it continues
the previous speaker ("وتحدثت عن ..." after "ووثقت صفحات موالية ..."), and
otherwise the publication date; ``date_basis`` says which (``text``,
``told``, ``during``, ``previous_sentence``, ``publication``).

``date_precision`` is one of :data:`khabar.dates.PRECISIONS`, plus ``after``
for what the text says is still to come: it happens after ``date`` and no
end is known.  Mentions of one happening are merged (:func:`events`); every
mention is in :func:`event_mentions`.

>>> from khabar import load_article
>>> found = events(load_article())
>>> found.loc[found.stage == "deal", ["date", "date_precision", "claimants"]].astype(str).values.tolist()
[['2018-03-24', 'day', "('enab_baladi', 'informed_sources')"]]
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from khabar import lexicon, schema
from khabar.dates import find_dates
from khabar.names import NAMES, name_pattern
from khabar.numbers import in_english, quantities
from khabar.provenance import source_types
from khabar.sentence import read
from khabar.sources import outlet_claimant
from khabar.text import fold

# (stage, trigger, label_ar, label_en, precision override), from
# lexicon/stages.csv.  A sentence may hold several stages; each stage is
# counted once per sentence.  The accusative adds an alif once tanween is
# stripped: "إن اتفاقًا" -> "اتفاقا".  كانت بحوزة ("were held by") is a past
# state: those bodies have been handed over.  The perfect سيطر ("took
# control") is an event; the imperfect يسيطر ("controls") describes a
# standing state and is left to khabar.control.
STAGES = [
    (row["key"], row["pattern"], row["label_ar"], row["label_en"], row["precision"] or None)
    for row in lexicon.rows("stage")
]
_STAGES = [(key, re.compile(trigger), ar, en, precision) for key, trigger, ar, en, precision in STAGES]
# The same triggers read through the fold: «ابرم» is «أبرم».
_FOLDED_STAGES = [(key, re.compile(fold(trigger)), ar, en, precision) for key, trigger, ar, en, precision in STAGES]


@cache
def _caveats() -> list[tuple]:
    """Statements with no number a coder still records: what casts doubt on
    the report («مفاوضات … لم يتم»، «لا تظهر إلى الإعلام قبل إنهائها»), from
    lexicon/caveats.csv, as stages (matched on folded text)."""
    from khabar import lexicon

    found = []
    for row in lexicon.rows("caveat"):
        forms = sorted(row["forms"], key=len, reverse=True)
        alternation = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
        found.append(
            (row["stage"], re.compile(rf"(?<!\w)[وف]?(?:{alternation})(?!\w)"), row["label_ar"], row["label_en"])
        )
    return found


# When a sentence concludes a deal, the handover it mentions is the deal's
# terms ("ضمنت تسليم عشرات الجثث"), not a separate happening.
_ABSORBED_BY = {"handover": "deal"}

# In exchange for معتقلات: the feminine plural (معتقلات, not معتقلين) says
# the detainees are women.
_IN_RETURN = [
    (re.compile(r"مقابل\s+(?:\S+\s+){0,4}?معتقلات(?!\w)"), "women detainees"),
    (re.compile(r"مقابل\s+(?:\S+\s+){0,4}?معتقلين(?!\w)"), "detainees"),
]  # no letter here that the fold changes: read in the fold
_UNDER = re.compile(r"برعاية\s+")


def amounts(text: str) -> list[tuple[int, int, str]]:
    """Quantities in ``text`` as ``(start, end, english)``, read by
    :func:`khabar.numbers.quantities` (so identifiers and dates are skipped).

    >>> [q[2] for q in amounts("تحدثت عن قرابة 30 جثة و12 أسيرًا")]
    ['nearly 30 bodies', '12 prisoners']
    """
    return [
        (row.start, row.end, in_english(row.qualifier, row.value, row.unit, row.subject))
        for row in quantities(text).itertuples()
    ]


# Words that frame what follows as somebody's telling: a date right after
# them and before the first happening is when it was said ("وتحدثت صفحات
# موالية، أمس، عن تبادل": أمس is when the pages spoke), not when it happened.
REPORTING = re.compile(
    r"(?<!\w)[وف]?(?:قال|قالت|تحدث|تحدثت|ذكر|ذكرت|أفاد|أفادت|أكد|أكدت|رصد|رصدت|وثق|وثقت|نقل|نقلت"
    r"|نشر|نشرت|وفق|بحسب|حسب)(?!\w)"
)
# حتى ("up to") before a date makes a count a running total up to that day.
_UP_TO = re.compile(r"(?<!\w)[وف]?حتى\s*$")
# A continuing predicate before منذ makes منذ "since" (a start, still going
# on): "العملية العسكرية المستمرة منذ أكثر من أسبوع".  Without one, منذ is
# "ago" ("وصل منذ يومين", he arrived two days ago).
_CONTINUING = re.compile(r"(?<!\w)(?:ال)?(?:مستمر|دائر|جاري|متواصل)\w*\s+(?:[وف]?منذ)")
_SINCE = re.compile(r"^[وف]?منذ(?!\w)")

# Stages that are one happening however often they are mentioned: two
# mentions whose dates can meet are the same deal, the same announcement.
# Counts (handovers, deaths) are snapshots of a process and stay apart.
ONE_OFF = ("deal", "control_announced", "area_seized", "evacuation", "offensive")
# States are said "as of" a day; with no date they hold on the day of telling.
STATES = ("bodies_held", "caveat")
# Stages that are themselves a source speaking: said on the day they happen.
TELLINGS = ("control_announced",)
RELATIONS = ("at", "by", "since", "after")
# The columns of events() (lib/khabar/schema/events.json) a mention has not yet.
MERGED = ("claimants", "quotes", "mentions", "event")
_RANK = {"day": 0, "month_part": 1, "month": 2, "approx": 3, "after": 4}


def event_mentions(article) -> pd.DataFrame:
    """Every mention of a happening, before mentions of the same happening
    are merged (:func:`events`): the columns of :func:`events` but
    ``quotes``, ``claimants`` and ``mentions``, plus ``event`` (the row of
    :func:`events` it is merged into).

    >>> from khabar import load_article
    >>> found = event_mentions(load_article())
    >>> found.loc[found.stage == "deal", ["date_expression", "claimant", "event"]].values.tolist()
    [['قبل أيام', 'enab_baladi', 1], ['السبت الماضي', 'informed_sources', 1]]
    """
    return _mentions(article)[0]


def events(article) -> pd.DataFrame:
    """One row per happening in ``article``; mentions of the same one-off
    happening (:data:`ONE_OFF`) whose dates can meet are merged: the dates
    are intersected (the most precise date wins) and every quote is kept.

    Columns: ``date`` (Timestamp, the first day the words allow; NaT when
    they give only a last day), ``date_end``, ``date_precision``,
    ``relation`` (``at``: it happened between date and date_end; ``by``: on
    or before date_end -- a running total "حتى اليوم", or a happening told
    of on a day; ``since``: it began between date and date_end and was still
    going on when told; ``after``: still to come), ``date_expression`` (the
    words, empty when the date is not in the sentence), ``date_basis``,
    ``anchor`` (the day relative words count from: the publication, or the
    day a quoted source spoke -- al-Naba's "منذ أكثر من أسبوع" counts from
    its Thursday), ``reported_on`` and ``reported_precision`` (when it was
    said), ``stage``, ``label_ar``, ``label_en``, ``amount_ar`` (the
    quantity words, verbatim), ``amount_en``, ``in_return_for``, ``under``
    (who sponsors it), ``claimant`` (of the most precise mention),
    ``claimants``, ``quotes`` (every mention's sentence), ``mentions``,
    ``event``, ``paragraph``, ``quote`` (the most precise mention's
    sentence, exactly ``article.text[start:end]``), ``start``, ``end``.

    >>> from khabar import load_article
    >>> found = events(load_article())
    >>> found.loc[found.stage == "handover", ["relation", "date_end", "reported_on", "amount_en"]].astype(str).values.tolist()
    [['by', '2018-03-25', '2018-03-25', 'dozens of bodies'], ['by', '2018-03-26', '2018-03-26', 'about 85']]
    """
    return _bounded(_mentions(article)[1])


# A stage cannot begin before the stage it follows: a handover falls on or
# after the deal whose terms it carries out.
FOLLOWS = {"handover": "deal"}


def _bounded(table: pd.DataFrame) -> pd.DataFrame:
    """Events whose first possible day is raised to that of the stage they
    follow (:data:`FOLLOWS`): a handover told of "by" a day, with no first
    day of its own, falls between the deal and that day."""
    table = table.copy()
    for stage, earlier in FOLLOWS.items():
        firsts = table.loc[(table["stage"] == earlier) & table["date"].notna(), "date"]
        if firsts.empty:
            continue
        bound = firsts.min()
        rows = table["stage"] == stage
        table.loc[rows, "date"] = table.loc[rows, "date"].where(table.loc[rows, "date"] >= bound, bound)
        table.loc[rows, "date"] = table.loc[rows, "date"].where(
            table.loc[rows, "date_end"].isna() | (table.loc[rows, "date"] <= table.loc[rows, "date_end"]),
            table.loc[rows, "date_end"],
        )
    return table


def _mentions(article):
    text, published = article.text, article.published
    dates = find_dates(text, published)
    organisations = [(name_en, name_pattern(name)) for name, name_en, kind in NAMES if kind == "organisation"]
    rows, previous_date, previous_told = [], None, (pd.Timestamp(published), "day")
    outlet, undated, spoken = outlet_claimant(getattr(article, "metadata", {}))[0], False, {}
    for sentence in read(article):
        here = dates[(dates.start >= sentence.start) & (dates.end <= sentence.end)]
        triggers = []
        plain, offsets = sentence.plain, sentence.offsets
        for key, pattern, label_ar, label_en, precision in _FOLDED_STAGES:
            match = pattern.search(plain)
            if match:
                start, end = sentence.start + offsets[match.start()], sentence.start + offsets[match.end()]
                triggers.append((start, end, key, label_ar, label_en, precision))
        for key, pattern, label_ar, label_en in _caveats():
            match = pattern.search(plain)
            if match:
                at = sentence.start + offsets[match.start()]
                triggers.append((at, sentence.start + offsets[match.end()], key, label_ar, label_en, None))
        if sentence.kind == "caption" and len(here):
            triggers.append((sentence.start, sentence.start, "photo", "صورة من الجبهة", "photo from the front", None))
        keys = {t[2] for t in triggers}
        triggers = sorted(t for t in triggers if _ABSORBED_BY.get(t[2]) not in keys)
        told, here = _telling(text, sentence, here, triggers)
        if told is not None:
            reported, undated = (told["date"], told["precision"]), False
        elif sentence.continues:
            reported = previous_told
        elif sentence.claimant in spoken and fold(str(sentence.claimant_ar or "")).startswith("ال"):
            # «وقدرت المصادر»: unnamed sources with the definite article are
            # the sources already heard, on the day the text gave them
            reported, undated = spoken[sentence.claimant], False
        else:
            reported = (pd.Timestamp(published), "day")
            # a source other than the outlet whose telling the text never
            # dates spoke on or before the publication day, not on it
            undated = sentence.claimant != outlet
        if told is not None and not source_types().get(sentence.claimant, ("", True))[1]:
            spoken.setdefault(sentence.claimant, reported)
        anchor = reported[0] if reported[1] == "day" else pd.Timestamp(published)
        if anchor != pd.Timestamp(published):
            here = _reanchored(here, anchor.date())
        in_return = next((en for pattern, en in _IN_RETURN if pattern.search(plain)), "")
        under = ""
        sponsor = _UNDER.search(plain)
        if sponsor:
            rest = sentence.text[offsets[sponsor.end()] :]
            under = next((en for en, pattern in organisations if pattern.match(rest.lstrip('“"«'))), "")
        found = []
        for index, (t_start, _t_end, key, _label_ar, _label_en, precision) in enumerate(triggers):
            date_row, basis = None, "publication"
            if len(here) or told is not None:
                date_row, where = _date_for(here, triggers, index, sentence, told)
                basis = "text" if date_row is not None else "told"
            if date_row is None and basis != "told" and sentence.continues and previous_date is not None:
                date_row, basis = previous_date, "previous_sentence"
            relation = "at"
            if date_row is None:
                if sentence.continues and told is None:
                    basis = "told"  # the same speaker goes on: by the day it spoke
                bound = reported if basis == "told" else (pd.Timestamp(published), "day")
                date, date_end, date_precision, expression = bound[0], bound[0], bound[1], ""
                if key not in STATES and key != "photo":
                    relation = "by"
            else:
                date, date_end = date_row["date"], date_row["date_end"]
                date_precision = date_row["precision"]
                expression = date_row["expression"] if basis == "text" else ""
                if basis == "text":
                    relation = _relation(text, sentence, t_start, date_row)
                else:
                    relation = date_row.get("relation", "at")
            if precision == "after":
                date, date_end, date_precision, relation = date_end, pd.NaT, "after", "after"
            if relation == "by" and key in STATES:
                date, relation = date_end, "at"  # "up to today" of a state is "as of today"
            found.append([date, date_end, date_precision, relation, expression, basis])
        # "X خلال Y": an undated X took place between the start of Y and the
        # day it was told of (al-Naba's dead, during the operation it dates).
        for index in range(len(found) - 1):
            t_end, next_start = triggers[index][1], triggers[index + 1][0]
            if found[index][3] == "by" and _DURING.search(text[t_end:next_start]):
                following = found[index + 1]
                if not pd.isna(following[0]):
                    found[index] = [following[0], found[index][1], "approx", "at", following[4], "during"]
        for index, (_t_start, _t_end, key, label_ar, label_en, precision) in enumerate(triggers):
            date, date_end, date_precision, relation, expression, basis = found[index]
            if relation == "by":
                date = pd.NaT
            amount = _amount_for(text, triggers, index, sentence, precision)
            said = (reported[0], "by" if undated else reported[1])
            if key in TELLINGS and not pd.isna(date):
                said = (date, date_precision)  # an announcement is said when it is made
            rows.append(
                (
                    date,
                    date_end,
                    date_precision,
                    relation,
                    expression,
                    basis,
                    anchor,
                    said[0],
                    said[1],
                    key,
                    label_ar,
                    label_en,
                    amount[0],
                    amount[1],
                    in_return,
                    under,
                    sentence.claimant,
                    sentence.paragraph,
                    sentence.text,
                    sentence.start,
                    sentence.end,
                )
            )
        if len(here):
            last = here.iloc[-1].copy()
            last["relation"] = rows[-1][3] if triggers and rows[-1][3] in ("at", "by") else "at"
            previous_date = last
        elif not sentence.continues:
            previous_date = None
        previous_told = reported
    mentions = schema.frame(rows, "events", without=MERGED)
    for column in ("date", "date_end", "anchor", "reported_on"):
        mentions[column] = pd.to_datetime(mentions[column])
    return _merged(mentions)


def _telling(text, sentence, here, triggers):
    """(the date the sentence's source spoke, the other dates): a date after a
    word of telling and before the first happening (:data:`REPORTING`)."""
    first = triggers[0][0] if triggers else sentence.end
    telling = [
        index
        for index, row in here.iterrows()
        if row["end"] <= first and REPORTING.search(text, sentence.start, row["start"])
    ]
    if not telling:
        return None, here
    # "اليوم، الاثنين 26 من آذار،": one day said twice; the first is kept
    return here.loc[telling[0]], here.drop(telling)


def _reanchored(here, anchor):
    """Dates of a quoted source read again from the day it spoke."""
    from khabar.dates import resolve

    here = here.copy()
    for index, row in here.iterrows():
        try:
            here.loc[index, ["date", "date_end", "precision"]] = resolve(row["expression"], anchor)
        except ValueError:
            pass
    return here


def _relation(text, sentence, t_start, date_row) -> str:
    """How a happening stands to its date: "حتى اليوم" is ``by`` (a running
    total), "المستمرة منذ ..." is ``since``, anything else ``at``."""
    before = text[sentence.start : date_row["start"]]
    if _UP_TO.search(before):
        return "by"
    if _SINCE.match(date_row["expression"]) and _CONTINUING.search(text, t_start, date_row["end"]):
        return "since"
    return "at"


def _merged(mentions: pd.DataFrame):
    """(mentions with an ``event`` column, one row per happening)."""
    groups: list[list[int]] = []
    spans: list[tuple] = []
    for index, row in mentions.iterrows():
        placed = False
        if row["stage"] in ONE_OFF and row["relation"] in ("at", "since"):
            for number, members in enumerate(groups):
                first = mentions.loc[members[0]]
                low, high = spans[number]
                if first["stage"] != row["stage"]:
                    continue
                if first["relation"] == row["relation"] == "at":
                    # one happening: it lies in both spans
                    if row["date"] <= high and low <= row["date_end"]:
                        spans[number] = (max(low, row["date"]), min(high, row["date_end"]))
                        placed = True
                elif {first["relation"], row["relation"]} == {"at", "since"}:
                    # something going on since a start is the same thing
                    # when mentioned as under way after that start
                    since, at = (first, row) if first["relation"] == "since" else (row, first)
                    if at["date_end"] >= since["date"]:
                        spans[number] = (since["date"], since["date_end"])
                        placed = True
                if placed:
                    members.append(index)
                    break
        if not placed:
            groups.append([index])
            spans.append((row["date"], row["date_end"]))
    mentions = mentions.copy()
    mentions["event"] = 0
    merged = []
    for number, members in enumerate(groups):
        mentions.loc[members, "event"] = number
        rows = mentions.loc[members]
        since = [i for i in members if mentions.at[i, "relation"] == "since"]
        best = since[0] if since else min(members, key=lambda i: (_RANK.get(mentions.at[i, "date_precision"], 9), i))
        row = mentions.loc[best].copy()
        if len(members) > 1:
            row["date"], row["date_end"] = spans[number]
            for column in ("amount_ar", "amount_en", "in_return_for", "under"):
                row[column] = row[column] or next((v for v in rows[column] if v), "")
        row["claimants"] = tuple(dict.fromkeys(rows["claimant"]))
        row["quotes"] = tuple(rows["quote"])
        row["mentions"] = len(members)
        row["event"] = number
        merged.append(row)
    table = pd.DataFrame(merged, columns=mentions.columns.tolist() + ["claimants", "quotes", "mentions"])
    table = table[schema.columns("events")].reset_index(drop=True)
    for column in ("date", "date_end", "anchor", "reported_on"):
        table[column] = pd.to_datetime(table[column])
    return mentions, table


def _date_for(here, triggers, index, sentence, told):
    """``(date row or None, where)`` for one trigger.  Arabic puts a time
    adverbial after its verb ("صفقة عقدت بين الطرفين، السبت الماضي"), so the
    first date between the trigger and the next trigger wins (``after``).
    Failing that, when the sentence says when its source spoke, the
    happening is only known to be on or before that day (``None``); else the
    nearest date before the trigger (``before``), else the first one."""
    t_start, t_end = triggers[index][:2]
    next_start = triggers[index + 1][0] if index + 1 < len(triggers) else sentence.end
    after = here[(here.start >= t_start) & (here.start < next_start)]
    if len(after):
        return after.iloc[0], "after"
    if told is not None:
        return None, "told"
    before = here[here.end <= t_start]
    if len(before):
        return before.iloc[-1], "before"
    if len(here):
        return here.iloc[0], "first"
    return None, "none"


# "X خلال Y": X happened during Y ("قتل 175 ... خلال العملية العسكرية").
_DURING = re.compile(r"(?<!\w)[وف]?خلال\s*$")


def _amount_for(text, triggers, index, sentence, precision):
    """The quantity words a stage mentions: between its trigger and the next
    trigger (or the sentence end); failing that, between the previous
    trigger (or the sentence start) and it.  A stage still to come has no
    amount of its own."""
    if precision == "after":
        return "", ""
    t_start, t_end = triggers[index][:2]
    after_end = triggers[index + 1][0] if index + 1 < len(triggers) else sentence.end
    before_start = triggers[index - 1][1] if index > 0 else sentence.start
    for lo, hi in ((t_start, after_end), (before_start, t_start)):
        found = amounts(text[lo:hi])
        # Quantities joined by و ("قرابة 30 جثة و12 أسيرًا") are one amount;
        # a quantity further on belongs to something else.
        for count in range(1, len(found)):
            if text[lo + found[count - 1][1] : lo + found[count][0]].strip():
                found = found[:count]
                break
        if found:
            start, end = lo + found[0][0], lo + found[-1][1]
            return text[start:end].strip(), " and ".join(q[2] for q in found)
    return "", ""
