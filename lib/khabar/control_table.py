"""Who holds which place, what share of it, and who says so.

One row per place per sentence that puts it under someone's control.  Places
come from the gazetteer in :mod:`khabar.names`; "الحي" (the neighbourhood)
with no name refers to the neighbourhood the article has named most often so
far (its subject), not simply the last one named.

A sentence places a place under control when it has a share ("بحوالي 90%"),
a verb of control (سيطر، يسيطر، سيطرته، يتمركز، معقله), an actor doing
something there ("التنظيم جمع الجثث على دوار ..."), or calls it a front
(a front axis, "على الجبهات في ..."), or says fighting is going on there
("المعارك الدائرة في الحي") -- a front, or a place still fought over, is
held by neither side, so its controller is ``contested``: the pro-regime
pages' counter-claim to the group's own "about 90%" of al-Qadam.

Shares are percent.  ``share_low``/``share_high`` are the range the words
allow, with the same bands as the claims (the default reading convention of
:mod:`khabar.conventions`): ``exact`` n-n; ``about`` (حوالي، نحو) and
``nearly`` (قرابة، ما يقارب) within 10% of n either side; ``more_than``
(أكثر من) n+1 to 100.  So "about 90%" is 81-99 and "nearly 70%" 63-77.  With no share, both are NaN and the
qualifier is ``unspecified``.

>>> from khabar import load_article
>>> rows = control(load_article())
>>> rows.loc[rows.share_high.notna(), ["place_en", "share_low", "share_high", "qualifier", "claimant"]].values.tolist()
[['al-Qadam', 81.0, 99.0, 'about', 'isis'], ['Yarmouk camp', 63.0, 77.0, 'nearly', 'enab_baladi']]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left

import pandas as pd

from khabar import lexicon, schema
from khabar.dates import find_dates
from khabar.names import NAMES, name_pattern
from khabar.predicates import cue_words
from khabar.sentence import read
from khabar.sources import reporting_alternation
from khabar.text import fold

PLACE_KINDS = ("neighbourhood", "camp", "roundabout", "front_axis")

# The stems (lexicon/cues.csv) take a present-tense prefix and any ending:
# «يسيطر»، «تمركزت»، «معقله».
_CONTROL_VERB = re.compile(rf"(?<!\w)[وف]?(?:كما\s+)?(?:[يت]?(?:{cue_words('control_verb')})\w*)")
_FRONT = re.compile(r"(?:الجبهات|جبهة|خطوط\s+التماس)\s+(?:\S+\s+)?في\s*$")
# Fighting said to be going on in a place: "المعارك الدائرة في الحي".  The
# active participle (دائرة، مستمرة، جارية) makes it a present state: the
# place is still fought over.  Battles with no such word ("قتلوا خلال
# معارك حي القدم") may be over, and say nothing of who holds it now.
_FIGHTING = re.compile(
    r"(?:ال)?(?:معارك|اشتباكات|قتال|مواجهات)\s+(?:ال)?(?:دائرة|مستمرة|جارية|متواصلة|عنيفة\s+(?:ال)?دائرة)"
    r"\s+(?:في|داخل|ب)\s*$"
)
_PART = re.compile(rf"(?<!\w)[وب]?(?:{cue_words('part_of_place')})(?!\w)")
_STRONGHOLD = re.compile(r"^\s*\((?:[^()]*معقل[^()]*)\)")
_PARENTHESIS = re.compile(r"^\s*\([^()]{1,40}\)")
# A nisba adjective right after a name belongs to it: "حي التضامن الدمشقي".
_NISBA = re.compile(r"^\s+ال\w+ي(?!\w)")
_CONTAINER = re.compile(r"^\s+في\s+$")
_TELLING = re.compile(rf"(?<!\w)[وف]?(?:{reporting_alternation('verb', 'preposition')})(?!\w)")
# "الحي", with a clitic "والحي", "بالحي", or "للحي" (ل + الحي drops the alif).
_ANAPHORA = re.compile(r"(?<!\w)(?:[وف]?ب?ال|[وف]?لل)حي(?!\w)")

# Actors a place can be held by (lexicon/actors.csv).  An actor with a
# preposition attached or just before it ("للنظام", "من قوات الأسد", "لدى
# التنظيم") is not the one acting, so it does not count.
ACTORS = [(row["key"], row["pattern"]) for row in lexicon.rows("actor")]
_ACTORS = [
    (key, re.compile(fold(rf"(?<![\w])(?<!من\s)(?<!ضد\s)(?<!لدى\s)(?<!مقابل\s){pattern}(?!\w)")))
    for key, pattern in ACTORS
]


def _places(text: str, start: int, end: int, topic) -> list[dict]:
    """Gazetteer places and anaphoric "الحي" between ``start`` and ``end``."""
    found = []
    for name, name_en, kind in NAMES:
        if kind not in PLACE_KINDS:
            continue
        for match in name_pattern(name).finditer(text, start, end):
            found.append(
                {
                    "place": name,
                    "place_en": name_en,
                    "kind": kind,
                    "start": match.start(),
                    "end": match.end(),
                    "refers_by": "name",
                }
            )
    for match in _ANAPHORA.finditer(text, start, end):
        resolved = topic(match.start())
        if resolved:
            name, name_en = resolved
            found.append(
                {
                    "place": name,
                    "place_en": name_en,
                    "kind": "neighbourhood",
                    "start": match.start(),
                    "end": match.end(),
                    "refers_by": "anaphora",
                }
            )
    found.sort(key=lambda p: p["start"])
    # A match inside a longer one is part of that name.
    return [
        p
        for p in found
        if not any(
            q is not p
            and q["start"] <= p["start"]
            and p["end"] <= q["end"]
            and (q["end"] - q["start"]) > (p["end"] - p["start"])
            for q in found
        )
    ]


def _topic(article):
    """A function: offset -> (name, name_en) of the neighbourhood named most
    often before that offset; ties go to the one named last."""
    names = [(name, name_en) for name, name_en, kind in NAMES if kind == "neighbourhood"]
    hits = []
    for name, name_en in names:
        for match in name_pattern(name).finditer(article.text):
            hits.append((match.start(), name, name_en))
    hits.sort()

    def topic(offset):
        counts, last = {}, {}
        for position, name, name_en in hits:
            if position >= offset:
                break
            counts[(name, name_en)] = counts.get((name, name_en), 0) + 1
            last[(name, name_en)] = position
        if not counts:
            return None
        return max(counts, key=lambda key: (counts[key], last[key]))

    return topic


def _actor(sentence):
    """``(start, key)`` of each acting actor in the sentence, read in its
    fold, with offsets in the article."""
    at = _at(sentence)
    return sorted((at(m.start()), key) for key, pattern in _ACTORS for m in pattern.finditer(sentence.plain))


def _at(sentence):
    """Offset in the article of a position in the sentence's fold."""
    return lambda index: sentence.start + sentence.offsets[index]


def _plain(sentence, lo: int, hi: int) -> str:
    """The fold of ``article.text[lo:hi]``, a span of ``sentence``."""
    first = bisect_left(sentence.offsets, lo - sentence.start)
    return sentence.plain[first : bisect_left(sentence.offsets, hi - sentence.start)]


def control(article) -> pd.DataFrame:
    """One row per place per sentence that says who holds it.

    Columns: ``place`` (the gazetteer's Arabic name, as the article writes
    it), ``place_en``, ``kind``, ``refers_by`` (``name``, or ``anaphora`` for
    "الحي"), ``controller`` (``isis``, ``regime``, ``opposition``,
    ``contested``), ``basis`` (``share``, ``control_verb``, ``activity``,
    ``front``, ``fighting``), ``extent`` (``part``, ``stronghold`` or empty), ``within``
    (the place it lies in, if the text says), ``share`` (the number as
    written), ``share_low``, ``share_high``,
    ``qualifier``, ``qualifier_ar``, ``claimant``, ``as_of`` and
    ``as_of_end`` (the first and last day the sentence's date allows, else
    the publication day; for fighting going on, the day of the report),
    ``as_of_precision``, ``paragraph``, ``quote``
    (``article.text[start:end]``), ``start``, ``end``.

    >>> from khabar import load_article
    >>> rows = control(load_article())
    >>> rows.loc[rows.place_en == "al-Madhaniya", ["controller", "extent", "within"]].values.tolist()
    [['isis', 'part', 'al-Qadam']]
    """
    text = article.text
    topic = _topic(article)
    # Without a publication date no relative date resolves: rows then have no as_of.
    dates = find_dates(text if article.published else "", article.published)
    rows, previous_actor = [], None
    for sentence in read(article):
        if sentence.kind == "caption":
            continue  # a photo caption dates the photo (often a file photo), not who holds what now
        s_start, s_end = sentence.start, sentence.end
        places = _places(text, s_start, s_end, topic)
        # A place right after another, joined by في ("in"), is where the first lies.
        within = {}
        kept = []
        for place in places:
            if kept and _CONTAINER.match(text[kept[-1]["end"] : place["start"]]):
                within[id(kept[-1])] = place
                kept[-1]["container_end"] = place["end"]
                continue
            kept.append(place)
        actors = _actor(sentence)
        shares = [
            {**row, "start": s_start + row["start"], "end": s_start + row["end"]}
            for row in sentence.numbers
            if row["kind"] == "count" and row["unit"] == "percent"
        ]
        at = _at(sentence)
        verbs = [(at(m.start()), at(m.end())) for m in _CONTROL_VERB.finditer(sentence.plain)]
        here = dates[(dates.start >= s_start) & (dates.end <= s_end)]
        published = pd.Timestamp(article.published) if article.published else pd.NaT
        if len(here):
            first = here.iloc[0]
            when = (first["date"], first["date_end"], first["precision"])
        else:
            when = (published, published, "day" if article.published else "")
        told = [row for row in here.itertuples() if _TELLING.search(fold(text[s_start : row.start]))]
        by_place, order = {}, []
        item_start = s_start
        for place in kept:
            end = place.get("container_end", place["end"])
            tail = text[end:s_end]
            extra = _PARENTHESIS.match(tail) or _NISBA.match(tail)
            stronghold = bool(_STRONGHOLD.match(tail))
            if extra:
                end += extra.end()
            item = (item_start, end)
            item_start = end + len(re.match(r"[\s،,]*", text[end:s_end]).group())
            key = place["place"]
            entry = by_place.setdefault(key, {**place, "items": [], "stronghold": False, "within": ""})
            if key not in order:
                order.append(key)
            entry["items"].append(item)
            entry["stronghold"] |= stronghold
            if id(place) in within:
                entry["within"] = within[id(place)]["place_en"]
        for key in order:
            entry = by_place[key]
            lo, hi = entry["items"][0][0], entry["items"][-1][1]
            share = _share_for(shares, entry, lo, hi, s_end, text)
            # A control verb governs every place listed after it in the
            # sentence: "يتمركز في حي الحجر الأسود، ومنطقة العسالي وأجزاء من ...".
            verb = next((v for v in reversed(verbs) if s_start <= v[0] < hi), None)
            front = entry["kind"] == "front_axis" or bool(_FRONT.search(_plain(sentence, lo, entry["start"])))
            acting = [(pos, who) for pos, who in actors if lo <= pos < entry["start"]]
            fighting = bool(_FIGHTING.search(_plain(sentence, lo, entry["start"])))
            if front:
                basis, controller = "front", "contested"
            elif fighting:
                basis, controller = "fighting", "contested"
            elif share or verb:
                basis = "share" if share else "control_verb"
                controller = _controller(text, actors, verb, share, lo, previous_actor)
            elif acting:
                basis, controller = "activity", acting[-1][1]
            else:
                continue
            extent = (
                "stronghold"
                if entry["stronghold"]
                else (
                    "part" if any(_PART.search(_plain(sentence, i_lo, i_hi)) for i_lo, i_hi in entry["items"]) else ""
                )
            )
            if share:
                qualifier_ar, qualifier = share["qualifier_ar"], share["qualifier"]
                stated, low, high = share["value"], share["value_low"], share["value_high"]
            else:
                qualifier_ar, qualifier, stated, low, high = "", "unspecified", math.nan, math.nan, math.nan
            rows.append(
                (
                    entry["place"],
                    entry["place_en"],
                    entry["kind"],
                    entry["refers_by"],
                    controller,
                    basis,
                    extent,
                    entry["within"],
                    stated,
                    low,
                    high,
                    qualifier,
                    qualifier_ar,
                    sentence.claimant,
                    *(_report(told, entry["start"], published) if basis == "fighting" else when),
                    sentence.paragraph,
                    text[lo:hi],
                    lo,
                    hi,
                )
            )
        if actors:
            previous_actor = actors[0][1]
    frame = schema.frame(rows, "control")  # lib/khabar/schema/control.json
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    frame["as_of_end"] = pd.to_datetime(frame["as_of_end"])
    return frame


def _report(told, before: int, published) -> tuple:
    """(as_of, as_of_end, precision) of what is going on («المعارك
    الدائرة»): it holds as of the report -- the day its source spoke, a
    date after a word of telling and before the place -- else as of the
    publication day; never the first day of «خلال الأيام الماضية»."""
    said = [row for row in told if row.end <= before]
    if said:
        return said[0].date, said[0].date_end, said[0].precision
    return published, published, "" if pd.isna(published) else "day"


def _share_for(shares, entry, lo, hi, s_end, text):
    """The share that names this place: "بحوالي 90% من الحي" -- the place
    follows the share by "من" (of), perhaps with "مساحة" (the area of)."""
    for share in shares:
        between = text[share["end"] : entry["items"][-1][1]]
        if lo <= share["start"] < hi and re.match(r"^\s+من\s+(?:مساحة\s+)?", between):
            return share
    return None


def _controller(text, actors, verb, share, lo, previous_actor):
    """Who holds it: the actor right after the control verb (verb-subject
    order, "ويسيطر التنظيم"), else the nearest actor before the verb or share
    ("تنظيم الدولة أعلن ... سيطرته"), else the previous sentence's first
    actor (a dropped subject continues the one before: "كما يتمركز")."""
    anchor_start, anchor_end = verb if verb else (share["start"], share["end"])
    for position, who in actors:
        if 0 <= position - anchor_end <= 2:
            return who
    before = [(position, who) for position, who in actors if lo <= position < anchor_start]
    if before:
        return before[-1][1]
    return previous_actor or "unspecified"
