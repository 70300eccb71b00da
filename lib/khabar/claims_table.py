"""Claims: every number the article states, with who states it and the exact
words it rests on.

Each number is read by the grammar around it (:mod:`khabar.numbers` finds it
and the noun it counts): what is said of the count comes from the predicate
that governs it in its own clause («مقتل 14 عنصرًا»، «يقطنه 20 ألف مدني»),
not from any word nearby; a plural counted noun governed by such a predicate
with no number («مقابل إطلاق سراح معتقلات») is a count the text leaves
unstated.

>>> from khabar import load_article
>>> table = claims(load_article())
>>> table.query("subject == 'killed' and claimant == 'al_naba'")[["quote", "value_low"]].values.tolist()
[['175 من قوات الأسد', 175.0], ['ضباط', nan]]
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import NamedTuple

import pandas as pd

from khabar import grading, lexicon, provenance, rules, schema
from khabar.lexicon import fold
from khabar.names import NAMES, name_pattern
from khabar.numbers import (
    _DEFINITE_NEXT,
    materiel_records,
    noun_at,
    to_western_digits,
    unspecified_records,
)
from khabar.predicates import cue_words, negated_before, predicate_pattern
from khabar.sentence import Sentence, read
from khabar.sources import reporting_alternation

BRANCH_AFTER = re.compile(r"^\s+من\s+(?:\w+\s+)?الفرع\s+([0-9٠-٩]+)")
# (Arabic name, English name, the letters its pattern needs in the text
# whatever prefix it takes, pattern); «حي الحجر الأسود» is also written
# «الحجر الأسود»: a name of two words or more stands without the word for
# its kind.
_PLACE_SEARCH = [
    (name, name_en, form[2:] if form.startswith("ال") else form[1:], name_pattern(form))
    for name, name_en, kind in NAMES
    if kind not in ("source", "organisation", "city")
    for form in dict.fromkeys([name, re.sub(r"^(?:حي|مخيم|بلدة|مدينة)\s+(?=\S+\s+\S)", "", name)])
]
PLACES = [(name, name_en, pattern) for name, name_en, _, pattern in _PLACE_SEARCH]


def _places_in(text: str) -> tuple[str, str, list[tuple[int, str, str]]]:
    """The first place in the order of :data:`PLACES` (the gazetteer's) that
    ``text`` names (Arabic, English; empty when none), and every mention of
    each as (start, Arabic, English) in text order.  A place whose letters
    are not in the text is not searched for.

    >>> place, place_en, named = _places_in("وقصف مخيم اليرموك ثم حي القدم")
    >>> place_en, [(start, en) for start, _, en in named]
    ('al-Qadam', [(5, 'Yarmouk camp'), (21, 'al-Qadam')])
    """
    found = []
    for name, name_en, core, pattern in _PLACE_SEARCH:
        matches = list(pattern.finditer(text)) if core in text else []
        if matches:
            found.append((name, name_en, matches))
    place, place_en = (found[0][0], found[0][1]) if found else ("", "")
    return place, place_en, sorted((m.start(), name, en) for name, en, matches in found for m in matches)


# What happens to people in a casualty event becomes the subject, and the
# group it happens to the scope: "killed" among "forces".
CASUALTY = ("killed", "wounded", "captured", "detained")
RATES = ("per_day", "per_week", "per_month", "per_year")
THINGS_SCOPES = ("lost", "captured", "used", "handed_over", "held", "recovered", "seized")
# Words that open a clause continuing the count before it: «إلى جانب
# العشرات من الجنود», «إضافة إلى رشاشين», «بينهم ضباط».  The clause has no
# predicate of its own; the previous count's governs it.
COORDINATED = re.compile(
    r"^\s*(?:و?(?:الي\s+جانب|اضافة\s+الي|بالاضافة\s+الي|فضلا\s+عن|علاوة\s+علي"
    r"|بينهم|بينها|بينهن|منهم|منها|منهن|من\s+بينهم)|و)(?:\s|$)"
)
CLAUSE_END = re.compile(r"[،؛:;]")
# «عدد القتلى»، «حصيلة ضحايا القصف»: what a number after it counts.
_COUNT_OF = re.compile(r"(?<!\w)[وب]?(?:عدد|حصيلة|اعداد|اجمالي|مجموع)\s+(?P<noun>\S+)(?:\s+\S+){0,5}?\s+(?:الي\s+|ب)?$")
# The head of a construct whose genitive is a count: «جثث 20 عنصرًا», «رفات 5 جنود».
_BODIES_OF = re.compile(
    r"(?<!\w)[وب]?(?:جثث|جثامين|رفات)\s+$"
    # «الجثث المسلمة تعود لعشرات الجنود»: bodies that belong to a count are that many bodies
    r"|(?<!\w)[وب]?(?:ال)?(?:جثث|جثامين|رفات)(?:\s+\S+){0,2}?\s+(?:تعود|يعود)\s+$"
)

COLUMNS = schema.columns("claims")


class Speaker(NamedTuple):
    """Who says a count: a lexicon key, as written, and the key's camp."""

    claimant: str
    claimant_ar: str
    side: str  # lib/khabar/schema/claims.json


# A predicate refused or denied says nothing happened to the count: «رفضت
# الخروج» (refused to leave), «عدم الإفراج», «لم يقتل» (words: cues.csv).
_NEGATED = negated_before()
# A batch or stage of an exchange («الدفعة الثالثة»، «المرحلة الأولى») is handed over.
_BATCH = re.compile(r"(?<!\w)[وب]?(?:ال)?(?:دفعة|دفعات|مرحلة)(?!\w)")
# «منهم» after a count, «بينهم» or «من بينهم» before it: part of a group counted earlier.
_OF_THEM = re.compile(r"\s+(?:منهم|منهن|منها)(?!\w)")
_AMONG_THEM = re.compile(r"(?<!\w)[وف]?(?:من\s+)?(?:بينهم|بينهن|بينها|منهم|منهن)\s+$")
# «من بين القتلى»، «بين الجرحى» right before a count.
_AMONG = re.compile(r"(?<!\w)[وف]?(?:من\s+)?بين\s+(?P<noun>\S+)(?:\s+\S+){0,2}?\s+$")
# After a count, «تعود ل» or «من» says whose or which they are, not a new count.
_OWNED_BY = re.compile(r"(?:(?<!\w)(?:تعود|يعود)\s+$|(?<!\w)من\s+$)")
# The verb «to be» before a plural makes it what someone was: «كنّ محتجزات».
_COPULA = re.compile(r"(?<!\w)[وف]?(?:كان|كانت|كانوا|كن|يكون|تكون|يكونون)\s+$")
# «وأصيب 10 آخرون»: the others are more of what the count before them counted.
_PARTITIVE = re.compile(r"\s+من\s+(?=ال)")
_OTHERS = re.compile(r"\s+(?:الـ?)?(?:اخرين|اخرون|اخريات|اخري)(?!\w)")
# A verb of exceeding before «عدد …» qualifies the number after: «تجاوز عدد
# ضحايا الهجوم 40 قتيلًا» is more than 40.
_EXCEEDS = re.compile(rf"(?<!\w)[وف]?(?:{cue_words('exceeding')})\s+$")
# A verb of approaching before «عدد …»: «قارب عدد النازحين 5 آلاف» is nearly 5,000.
_APPROACHES = re.compile(rf"(?<!\w)[وف]?(?:{cue_words('approaching')})\s+$")


def claims(article) -> pd.DataFrame:
    """One row per numeric claim in the article (columns: see ``COLUMNS``).

    ``value_low``/``value_high`` are the range the words allow (see
    :mod:`khabar.numbers`); ``quote`` is ``article.text[start:end]``;
    ``noun`` and ``lemma`` the counted noun as written and its lemma;
    ``claimant`` a lexicon key (``other`` with ``claimant_ar`` as written),
    by default the article's outlet from its metadata, else ``unattributed``;
    ``corroboration`` compares each claim with other claimants' claims on the
    same subject (see :func:`khabar.grading.corroboration`).

    >>> from khabar import load_article
    >>> claims(load_article()).groupby("topic").size().to_dict()
    {'casualties': 4, 'control': 2, 'exchange': 8, 'materiel': 6}
    """
    rows, carry = [], {}
    sentences = read(article)
    for sentence in sentences:
        if carry.get("paragraph") != sentence.paragraph:
            carry = {"paragraph": sentence.paragraph}  # a paragraph's sentences share what they count
        rows += _claims_in(sentence, article.text, carry)
    if not rows:
        return _empty(article, sentences)
    schema.check_rows(rows, "claims")
    rows.sort(key=lambda row: row["start"])
    # Every column is made on the rows and the table built once: adding
    # columns to a dataframe one by one costs more than making them here.
    for row, grade in zip(rows, grading.corroboration_of(rows), strict=True):
        row["corroboration"] = grade
    added = provenance.provenance_columns(rows, article, sentences)
    return pd.DataFrame({c: added[c] if c in added else [row[c] for row in rows] for c in COLUMNS})


def _empty(article, sentences) -> pd.DataFrame:
    """The claims table of an article that states no count: no rows, the
    columns and types of one that does."""
    table = schema.frame([], "claims")
    table["reported_on"] = pd.to_datetime(table["reported_on"])
    table["corroboration"] = grading.corroboration(table)
    return provenance.with_provenance(table, article, sentences)


def _quantities_in(sentence: Sentence) -> list[dict]:
    """The counts in one sentence: numbers, counts the text says it does
    not give, single materiel nouns in a list of losses; one per span."""
    predicates = sentence.predicates
    found = [row for row in sentence.numbers if row["kind"] == "count"]
    found += [{**row, "rule": "unspecified_count"} for row in unspecified_records(sentence.text, sentence.folded)]
    if any(scope in ("lost", "captured", "seized") for _, _, scope in predicates):
        found += [{**row, "rule": "materiel_single"} for row in materiel_records(sentence.text, sentence.folded)]
    if any(scope in CASUALTY for _, _, scope in predicates):
        found += _one_person(sentence)
    kept = []
    for row in sorted(found, key=lambda r: r["start"]):
        if not any(k["start"] <= row["start"] < k["end"] for k in kept):
            kept.append(row)
    return kept


def _one_person(sentence: Sentence) -> list[dict]:
    """An indefinite singular noun of people right after a casualty
    predicate is one person: «أسر جندي»، «مقتل طفل»، «وأصيب عنصر».  Its rows
    are named ``one_person``:

    «وقتل طفل في القصف.» → 1 killed children
    «وأصيب عنصر من الشرطة في الهجوم.» → 1 wounded members
    """
    text, offsets = sentence.text, sentence.offsets
    after = {end + 1: scope for _, end, scope in sentence.predicates if scope in CASUALTY}
    # «وقتل 6 أشخاص بينهم امرأة»: one person among a casualty count
    after.update({m.end(): "among" for m in _among_them().finditer(sentence.plain)})
    rows = []
    for noun in sentence.nouns:
        record = lexicon.record("subject", noun["subject"]) or {}
        if (
            noun["start"] not in after
            or noun["number"] != "singular"
            or noun["definite"]
            or noun["clitic"]
            or record.get("kind") != "people"
        ):
            continue
        start, end = offsets[noun["start"]], offsets[noun["end"]]
        rows.append(
            {
                "start": start,
                "end": end,
                "quote": text[start:end],
                "value": 1.0,
                "value_low": 1.0,
                "value_high": 1.0,
                "qualifier": "exact",
                "qualifier_ar": "",
                "unit": "count",
                "noun": text[start:end],
                "lemma": noun["lemma"],
                "subject": noun["subject"],
                "noun_start": start,
                "rule": "one_person",
            }
        )
    return rows


@cache
def _among_them() -> re.Pattern:
    return re.compile(rf"(?<!\w)[وف]?(?:{cue_words('among_them')})\s+(?=\S)")


@cache
def _time_aside() -> re.Pattern:
    """A time adverbial set off by commas: «، اليوم الاثنين،», «، مساء السبت،»,
    «، الأحد 25 آذار،».  It sits inside its clause («سلّم التنظيم، اليوم
    الاثنين، جثث 85 عنصرًا»: the verb still governs the count), so its
    commas do not end the clause."""
    from khabar.dates import EGYPTIAN_MONTHS, LEVANTINE_MONTHS, WEEKDAYS

    words = [*WEEKDAYS, "اليوم", "أمس", "غدا", "الليلة", "صباح", "مساء", "ظهر", "عصر", "فجر", "ليلة", "يوم"]
    words += ["الماضي", "الفائت", "المقبل", "الجاري", "الحالي", "من", *LEVANTINE_MONTHS, *EGYPTIAN_MONTHS]
    word = "|".join(sorted({re.escape(fold(w)) for w in words}, key=len, reverse=True))
    # An attribution is an aside too: «وسلّم التنظيم، بحسب ما أكده مصدر، جثث 42 عنصرًا».
    said = reporting_alternation("preposition")
    # So is who comes with a count or most of it: «1120 مسلحا، برفقة 2350 من عائلاتهم، غادروا».
    along = r"(?:برفقة|معظمهم|معظمها|غالبيتهم|اغلبهم)(?!\w)[^،؛:;]*"
    return re.compile(rf"\s*[وف]?(?:(?:{word})(?:\s+(?:{word}|[0-9]{{1,4}}))*|(?:{said})(?!\w)[^،؛:;]*|{along})\s*")


def _clause_start(plain: str, position: int) -> int:
    ends = [m.end() for m in CLAUSE_END.finditer(plain, 0, position)]
    while len(ends) >= 2 and plain[ends[-1] - 1] == "،" and _time_aside().fullmatch(plain, ends[-2], ends[-1] - 1):
        ends = ends[:-2]
    return ends[-1] if ends else 0


def _clause_end(plain: str, position: int) -> int:
    found = CLAUSE_END.search(plain, position)
    while found and found.group() == "،":
        following = CLAUSE_END.search(plain, found.end())
        if not (
            following and following.group() == "،" and _time_aside().fullmatch(plain, found.end(), following.start())
        ):
            break
        found = CLAUSE_END.search(plain, following.end())
    return found.start() if found else len(plain)


def _governing(plain: str, predicates, start: int, end: int, anchor: int, inherited: str) -> str:
    """The scope of the predicate governing a count at [start, end): the
    nearest before it in its clause (reaching back to the noun it takes
    from before, ``anchor``); else, in a clause that carries on the count
    before it, that count's; else the first after it in its clause."""
    region_start = _clause_start(plain, min(start, anchor))
    before = [p for p in predicates if region_start <= p[0] and p[1] <= start]
    if before:
        # A definite maṣdar right after a verb is the verb's subject
        # («ودمر القصف 70%»): the verb governs.
        if (
            len(before) > 1
            and plain[before[-1][0] : before[-1][1]].lstrip("وفبل").startswith("ال")
            and not plain[before[-2][1] : before[-1][0]].strip()
        ):
            return before[-2][2]
        # Nor does one later in the verb's subject: «دمرت الغارات والقصف
        # المدفعي 260 مبنى» (the verb, then its subjects, then the count).
        verbs = [p for p in before[:-1] if not plain[p[0] : p[1]].lstrip("وفبل").startswith("ال")]
        if (
            verbs
            and plain[before[-1][0] : before[-1][1]].lstrip("وفبل").startswith("ال")
            and not _NUMBER_OR_CLAUSE.search(plain, verbs[-1][1], before[-1][0])
        ):
            return verbs[-1][2]
        return before[-1][2]
    clause_start = _clause_start(plain, start)
    clause_end = _clause_end(plain, end)
    # After the count, a predicate inside a prepositional phrase («في
    # القصف», «جراء الغارات») gives a cause, not what befell the count.
    after = [
        p
        for p in predicates
        if end <= p[0]
        and p[1] <= clause_end
        and not _AFTER_PREPOSITION.search(plain[max(end, p[0] - 12) : p[0]])
        and not plain[p[0] : p[1]].startswith(("ب", "لل"))
        # «رشاشين ثقيلين والاستحواذ على أسلحة»: a maṣdar joined by و is the next item, not the count's
        and not plain[p[0] : p[1]].startswith(("وال", "فال"))
    ]
    if after:
        return after[0][2]  # «وأن 12 آخرين أصيبوا»: its own predicate, even when it carries on a count
    if inherited and COORDINATED.match(plain[clause_start:start]):
        return inherited
    return ""


_NUMBER_OR_CLAUSE = re.compile(r"[0-9]|(?<!\w)(?:ان|التي|الذي|الذين)(?!\w)")
_AFTER_PREPOSITION = re.compile(r"(?<!\w)(?:في|جراء|اثر|خلال|بسبب|بعد|قبل|منذ|عن|من)\s+$")


def _back_noun(plain: str, nouns: list[dict], position: int) -> dict | None:
    """The noun a number with nothing counted after it takes from before:
    the nearest in its clause or the clause before («عدد الجثث التي
    بادلها التنظيم، بحوالي 85»; «يسكنه 20 ألف مدني، قتل منهم ألفان»)."""
    clause_start = _clause_start(plain, position)
    window_start = _clause_start(plain, max(clause_start - 1, 0)) if clause_start else 0
    before = [
        n
        for n in nouns
        if window_start <= n["start"]
        and n["end"] <= position
        # «منذ يوم الاثنين بلغ 41»: a day in a time phrase is not what is counted
        and not (
            (lexicon.record("subject", n["subject"]) or {}).get("kind") == "units"
            and _IN_TIME_PHRASE.search(plain, max(0, n["start"] - 8), n["start"])
        )
    ]
    return before[-1] if before else None


_IN_TIME_PHRASE = re.compile(r"(?<!\w)(?:منذ|خلال|قبل|بعد|حتي|في)\s+$")


# Words that make a percentage a share of land held: «يسيطر على 70% من».
CONTROL = re.compile(
    r"سيطر|سيطرة|يسيطر|تسيطر|مساحة|مساحت|بسط|تقدم|انتزع|استعاد|استعادت|استعادة|قبضة|قبضت|نفوذ|يتحصن|تتحصن"
)


def _share_of(plain, nouns, start, subject, noun, lemma, text, offsets):
    """What a percentage is a share of, when no known noun follows it: the
    area held when the sentence speaks of control («يسيطر على 70% من»),
    else a counted noun of its own clause («نسبة الدمار في منازل المخيم
    نحو 60%»), else ``other``."""
    if CONTROL.search(plain):
        return "area_share", "", ""
    clause = _clause_start(plain, start)
    own = [
        n
        for n in nouns
        if clause <= n["start"] < start
        and (lexicon.record("subject", n["subject"]) or {}).get("kind") in ("people", "things")
    ]
    if own:
        return own[-1]["subject"], text[offsets[own[-1]["start"]] : offsets[own[-1]["end"]]], own[-1]["lemma"]
    return "other", noun, lemma


def _share_place(named: list[tuple[int, str, str]], end: int) -> tuple[str, str] | None:
    """The place a share of ground is of: the first named after it («70% من
    مساحة مخيم اليرموك ونصف حي التضامن»), else the last named before it
    («… إلى ربع الحي»: the حي named earlier)."""
    after = [(name, en) for start, name, en in named if start >= end]
    before = [(name, en) for start, name, en in named if start < end]
    return after[0] if after else (before[-1] if before else None)


def _reading(subject: str, predicate: str, unit: str) -> tuple[str, str]:
    """(subject, scope) of a count of ``subject`` governed by ``predicate``."""
    if subject == "area_share":
        return "area_share", ""
    record = lexicon.record("subject", subject) or {"kind": "other", "topic": "other"}
    if subject == "bodies" and predicate in CASUALTY:
        return subject, "unspecified"  # «جثث 20 عنصرًا قتلوا في المعارك»: bodies of the dead
    if record["topic"] == "exchange" and record["kind"] == "people" and predicate in ("killed", "wounded"):
        return predicate, subject  # «6 من المعتقلين قضوا»: detainees who died are dead
    if record["topic"] == "exchange":
        # «وتضم الدفعة 17 جثة»: what a batch holds says nothing of what befell it
        return subject, predicate if predicate and predicate not in ("residents", "displaced") else "unspecified"
    if record["kind"] == "people" and predicate in CASUALTY:
        return predicate, subject
    if record["kind"] == "event":
        # قتلى، جرحى carry their own event: wounded is never killed.
        return subject, predicate if predicate in ("handed_over", "held", "recovered", "released") else ""
    if record["kind"] == "units":
        return subject, ""  # days, km: a measure, nothing befalls it
    if record["kind"] == "other" and predicate in CASUALTY:
        return predicate, "other"  # the object of قتل or اعتقل is someone, even unnamed
    if record["kind"] == "things" and predicate not in THINGS_SCOPES:
        return subject, ""  # a shell is not "killed": the predicate is not about it
    if record["topic"] == "strikes" and predicate == "lost":
        return subject, "used"  # «دمر المهاجمون بخمسين قذيفة»: munitions destroy by being used
    return subject, predicate


def _claims_in(sentence, text: str, carry: dict | None = None) -> list[dict]:
    """The claims of one sentence.  ``carry`` holds what the sentences
    before it in the paragraph counted (``counted``: subject, noun, lemma)
    and what befell it (``predicate``), and is updated: «وأضاف أن 8 منهم
    …» counts the soldiers of the sentence before."""
    carry = {} if carry is None else carry
    plain, offsets, back = sentence.plain, sentence.offsets, sentence.back
    predicates, nouns = sentence.predicates, sentence.nouns
    place, place_en, named = _places_in(sentence.text)
    rows = []
    if named:
        carry["place"] = (named[-1][1], named[-1][2])
    state = {
        "inherited": "",
        "counted": carry.get("counted"),
        "previous_end": None,
        "place": (place, place_en),
        "named": named,
    }
    quantities = _quantities_in(sentence)
    for quantity in quantities:
        start, end = back.get(quantity["start"], 0), back.get(quantity["end"], len(plain))
        r = rules.Reading(
            sentence,
            text,
            carry,
            state,
            quantity,
            start,
            end,
            quantity["subject"],
            quantity["noun"],
            quantity["lemma"],
            start,
        )
        r.fired = [quantity["rule"]] if quantity.get("rule") else []
        for rule in rules.RULES:
            if rule(r):
                r.fired.append(rule.__name__)
            if r.done:
                break
        if not r.done:
            r.rows.append(
                _row(
                    r.quantity,
                    sentence,
                    text,
                    *(r.where or (place, place_en)),
                    r.subject,
                    r.scope,
                    r.noun,
                    r.lemma,
                    r.said,
                )
            )
        for row in r.rows:
            row["rules"] = " ; ".join(r.fired)
        rows += r.rows
    if sentence.kind != "title":  # a headline's «تبادل أسرى» names the event, it counts no one
        rows += _unstated_counts(sentence, text, plain, offsets, nouns, predicates, quantities, place, place_en)
        rows += _none_counts(sentence, text, plain, offsets, place, place_en)
    return rows


def _unstated_counts(sentence, text, plain, offsets, nouns, predicates, quantities, place, place_en) -> list[dict]:
    """A plural counted noun with no number, indefinite and governed by an
    event predicate, is a count the text does not state: «مقابل إطلاق
    النظام سراح معتقلات», «قتل 175 … بينهم ضباط», «الاستحواذ على أسلحة
    وذخائر».  A definite plural («الأهالي», «قوات الأسد») names a known
    group, not a count.  Its rows are named ``unstated_plural``; those of
    «آخرين» after a casualty predicate ``unstated_others``:

    «أدى القصف إلى سقوط قتلى وجرحى.» → nan killed
    «وقتل شخصان وأصيب آخرين في القصف.» → nan wounded persons
    """
    back = {offset: index for index, offset in enumerate(offsets)}
    taken = [(back.get(q["start"], 0), back.get(q["end"], len(plain))) for q in quantities]
    rows, joined = [], False
    for noun in nouns:
        record = lexicon.record("subject", noun["subject"]) or {}
        if (
            noun["number"] != "plural"
            or noun["definite"]
            or record.get("kind") not in ("people", "things", "event")
            or any(s <= noun["start"] < e for s, e in taken)
        ):
            continue
        if any(0 <= s - noun["end"] <= 2 for s, _ in taken):
            continue  # «جثث 20 عنصرًا»: the head of a counted construct
        if _DEFINITE_NEXT.match(plain, noun["end"]):
            continue  # in construct with a definite noun: definite itself
        if noun.get("construct"):
            continue  # «لهجوم إرهابيي داعش»: a plural in construct names whose men, not how many
        if _COPULA.search(plain, max(0, noun["start"] - 12), noun["start"]):
            continue  # «امرأة كنّ محتجزات»: what someone was, not a count
        if noun["clitic"].endswith("ل") and any(0 <= noun["start"] - e <= 1 for _, e in taken):
            continue  # «25 جثة لجنود سوريين»: whose the counted bodies are
        if _OWNED_BY.search(plain, max(0, noun["start"] - 12), noun["start"]) and any(
            0 <= noun["start"] - e <= 14 for _, e in taken
        ):
            continue  # «85 جثة تعود لعناصر»، «عشرات المعتقلات من نساء البلدة»: who the counted are
        earlier = [q for q in quantities if back.get(q["end"], len(plain)) <= noun["start"]]
        inherited = ""
        if earlier:
            last = earlier[-1]
            last_start = back.get(last["start"], 0)
            inherited = _governing(plain, predicates, last_start, back.get(last["end"], len(plain)), last_start, "")
            if (lexicon.record("subject", last.get("subject", "")) or {}).get("kind") == "event":
                inherited = last["subject"]  # «175 قتيلا بينهم ضباط»: among the dead, dead
        clause_start = _clause_start(plain, noun["start"])
        before = [p for p in predicates if clause_start <= p[0] and p[1] <= noun["start"]]
        # «… 175 قتيلا بينهم ضباط»: a part of the count before is what that count was
        part_of = re.search(r"(?<!\w)(?:بينهم|بينها|بينهن|منهم|منها|منهن)\s+$", plain[clause_start : noun["start"]])
        if part_of and inherited:
            predicate = inherited
        else:
            predicate = before[-1][2] if before else ""
        # «أدى القصف إلى سقوط قتلى وجرحى»: the dead and the wounded carry their
        # event; unless the words before deny it («دون وقوع إصابات»)
        event = (
            record.get("kind") == "event"
            and noun["subject"] in CASUALTY
            and bool(_EVENT_FOLLOWS().search(plain, max(0, noun["start"] - 20), noun["start"]) or joined)
        )
        joined = event and bool(_AND_NEXT.match(plain, noun["end"]))
        if event and _NO_COUNT().search(plain, max(0, noun["start"] - 30), noun["start"]):
            continue
        if not predicate and not event:
            continue
        start, end = offsets[noun["start"]], offsets[noun["end"]]
        quantity = _without_digits(start, end, math.nan, "unspecified")
        subject, scope = _reading(noun["subject"], predicate, "count")
        if not scope and not event:
            continue  # «قتلوا بقذائف»: the predicate is not about the noun
        row = _row(quantity, sentence, text, place, place_en, subject, scope, sentence.text[start:end], noun["lemma"])
        rows.append({**row, "rules": "unstated_plural"})
    # «قتل شخصان وإصابة آخرين»: a casualty predicate and «آخرين», no number
    for _, predicate_end, scope in predicates:
        others = _OTHERS_AFTER().match(plain, predicate_end) if scope in CASUALTY else None
        if not others or any(s <= others.start("others") < e for s, e in taken):
            continue
        start, end = offsets[others.start("others")], offsets[others.end("others")]
        quantity = _without_digits(start, end, math.nan, "unspecified")
        row = _row(quantity, sentence, text, place, place_en, scope, "persons", sentence.text[start:end], "")
        rows.append({**row, "rules": "unstated_others"})
    return rows


_AND_NEXT = re.compile(r"\s+و(?=\S)")


@cache
def _EVENT_FOLLOWS() -> re.Pattern:  # noqa: N802 - a pattern, built on first use
    return re.compile(rf"(?<!\w)[وف]?(?:{cue_words('casualties_follow')})\s+$")


@cache
def _NO_COUNT() -> re.Pattern:  # noqa: N802 - a pattern, built on first use
    words = f"{cue_words('no_count')}|{cue_words('negation')}"
    return re.compile(rf"(?<!\w)[وف]?(?:{words})(?:\s+\S+)?\s+$")


@cache
def _OTHERS_AFTER() -> re.Pattern:  # noqa: N802 - a pattern, built on first use
    return re.compile(rf"\s+(?P<others>(?:{cue_words('others')}))(?!\w)")


def _none_counts(sentence, text, plain, offsets, place, place_en) -> list[dict]:
    """A negated predicate with «أي» and a noun says none: «لم يسلم التنظيم
    أي جثة» (0 bodies handed over), «لم يُقتل أي مدني» (0 civilians killed).
    Its rows are named ``none_with_any``:

    «ولم يسلم التنظيم أي جثة.» → 0 bodies handed_over
    """
    _, scopes = predicate_pattern()
    rows = []
    for predicate_start, predicate_end, form, _ in sentence.predicate_forms:
        if not _NEGATED.search(plain, max(0, predicate_start - 12), predicate_start):
            continue
        none = _ANY.match(plain, predicate_end)
        noun = noun_at(plain, none.end()) if none else None
        if noun is None or noun["subject"] in ("", "other"):
            continue
        subject, scope = _reading(noun["subject"], scopes[form], "count")
        if not scope:
            continue
        start, end = offsets[none.start("any")], offsets[noun["end"]]
        quantity = _without_digits(start, end, 0.0, "exact")
        rows.append(
            _row(
                quantity,
                sentence,
                text,
                place,
                place_en,
                subject,
                scope,
                sentence.text[offsets[noun["start"]] : end],
                noun["lemma"],
            )
            | {"rules": "none_with_any"}
        )
    return rows


def _without_digits(start: int, end: int, value: float, qualifier: str) -> dict:
    """A quantity the words give without a number: a count left unstated
    (NaN, ``unspecified``) or none at all (0, ``exact``)."""
    return {
        "start": start,
        "end": end,
        "value": value,
        "value_low": value,
        "value_high": value,
        "qualifier": qualifier,
        "qualifier_ar": "",
        "unit": "count",
    }


# «لم يسلم التنظيم حتى الآن أي جثة»: up to four words between the verb and «أي».
_ANY = re.compile(r"(?:\s+\S+){0,4}?\s+(?P<any>اي|ايه|اية)\s+")


def _row(quantity, sentence, text, place, place_en, subject, scope, noun, lemma, said=None) -> dict:
    said = said or Speaker(sentence.claimant, sentence.claimant_ar, sentence.side)
    start, end = sentence.start + quantity["start"], sentence.start + quantity["end"]
    if subject == "killed" and scope:
        branch = BRANCH_AFTER.match(text[end:])
        if branch:
            end += branch.end()
            scope = f"branch_{to_western_digits(branch.group(1))}_members"
    if subject == "area_share":
        scope = place_en  # shares of different places never compare
    record = lexicon.record("subject", subject) or {"topic": "other", "unit": "count"}
    unit = quantity["unit"] if quantity["unit"] in ("percent", *RATES) else record["unit"]
    # A group counted as residents or as displaced is a population, not a casualty count.
    topic = {
        "residents": "population",
        "displaced": "displacement",
        "returned": "displacement",
        "besieged": "population",
    }.get(scope, record["topic"])
    return {
        "topic": topic,
        "subject": subject,
        "scope": scope,
        "noun": noun,
        "lemma": lemma,
        "value": quantity["value"],
        "value_low": quantity["value_low"],
        "value_high": quantity["value_high"],
        "qualifier": quantity["qualifier"],
        "qualifier_ar": quantity["qualifier_ar"],
        "unit": unit,
        "claimant": said.claimant,
        "claimant_ar": said.claimant_ar,
        "side": said.side,
        "place": place,
        "place_en": place_en,
        "reported_on": sentence.reported_on,
        "reported_precision": sentence.reported_precision,
        "corroboration": "",
        "quote": text[start:end],
        "start": start,
        "end": end,
        "paragraph": sentence.paragraph,
        "sentence": sentence.text,
    }
