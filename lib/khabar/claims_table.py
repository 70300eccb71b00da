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

import pandas as pd

from khabar import grading, lexicon, provenance, schema
from khabar.lexicon import fold, folded_with_offsets
from khabar.names import NAMES, name_pattern
from khabar.numbers import (
    _DEFINITE_NEXT,
    _NEGATION,
    find_nouns,
    materiel_records,
    noun_at,
    numbers_records,
    to_western_digits,
    unspecified_records,
    value_range,
)
from khabar.sources import reporting_alternation, said_after_folded, sentences, side_of, turns

BRANCH_AFTER = re.compile(r"^\s+من\s+(?:\w+\s+)?الفرع\s+([0-9٠-٩]+)")
PLACES = [
    (name, name_en, name_pattern(form))
    for name, name_en, kind in NAMES
    if kind not in ("source", "organisation", "city")
    # «حي الحجر الأسود» is also written «الحجر الأسود»: a name of two words
    # or more stands without the word for its kind.
    for form in dict.fromkeys([name, re.sub(r"^(?:حي|مخيم|بلدة|مدينة)\s+(?=\S+\s+\S)", "", name)])
]
# What happens to people in a casualty event becomes the subject, and the
# group it happens to the scope: "killed" among "forces".
CASUALTY = ("killed", "wounded", "captured", "detained")
THINGS_SCOPES = ("lost", "captured", "used", "handed_over", "held", "recovered")
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

COLUMNS = schema.columns("claims")  # lib/khabar/schema/claims.json


@cache
def _predicates() -> re.Pattern:
    forms = {form: record["scope"] for record in lexicon.rows("predicate") for form in record["forms"]}
    alternation = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in sorted(forms, key=len, reverse=True))
    # A verb's subject endings (قتلوا، انتشلا، تسلمنا) and object pronouns (بادلها).
    pattern = re.compile(
        rf"(?<!\w)[وفبل]{{0,2}}?(?:ال)?(?P<form>{alternation})(?:وا|تا|نا|ا|ت|ن)?(?:هما|هم|هن|ها|ه)?(?!\w)"
    )
    return pattern, {" ".join(form.split()): scope for form, scope in forms.items()}


def predicates_in(plain: str) -> list[tuple[int, int, str]]:
    """(start, end, scope) of every event predicate in folded text.

    >>> from khabar.lexicon import fold
    >>> [p[2] for p in predicates_in(fold("يسكنه عشرون ألف مدني، قتل منهم ألفان"))]
    ['residents', 'killed']
    """
    pattern, scopes = _predicates()
    return [
        (m.start(), m.end(), scopes[" ".join(m.group("form").split())])
        for m in pattern.finditer(plain)
        # لدى takes no preposition: «بلدي» is a word of its own
        if not (m.group("form") == "لدي" and m.start("form") > m.start())
        and not (
            _NEGATED.search(plain, max(0, m.start() - 12), m.start())
            # «لم يتسلم سوى 27 جثة»: negated with «سوى/إلا» it says «only»
            and not _ONLY.match(plain, m.end())
        )
    ]


# A predicate refused or denied says nothing happened to the count: «رفضت
# الخروج» (refused to leave), «عدم الإفراج», «لم يقتل».
_ONLY = re.compile(r"(?:\s+\S+){0,3}?\s+(?:سوي|الا)(?!\w)")
_NEGATED = re.compile(r"(?<!\w)[وف]?(?:رفض|رفضت|رفضوا|يرفض|ترفض|يرفضون|عدم|لم|لن)\s+$")
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
_EXCEEDS = re.compile(r"(?<!\w)[وف]?(?:تجاوز|يتجاوز|تتجاوز|تخطي|يتخطي|فاق|يفوق|تفوق|زاد|يزيد)\s+$")
# A verb of approaching before «عدد …»: «قارب عدد النازحين 5 آلاف» is nearly 5,000.
_APPROACHES = re.compile(r"(?<!\w)[وف]?(?:قارب|قاربت|يقارب|تقارب|ناهز|ناهزت|يناهز)\s+$")


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
    for sentence in _with_report_dates(sentences(article), article.text, article.published).itertuples():
        if carry.get("paragraph") != sentence.paragraph:
            carry = {"paragraph": sentence.paragraph}  # a paragraph's sentences share what they count
        rows += _claims_in(sentence, article.text, carry)
    table = schema.frame(rows, "claims")
    table["reported_on"] = pd.to_datetime(table["reported_on"])
    table["corroboration"] = grading.corroboration(table)
    table = table.sort_values("start", kind="stable").reset_index(drop=True)
    return provenance.with_provenance(table, article)


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


def _quantities_in(sentence: str, plain: str, predicates) -> list[dict]:
    """The counts in one sentence: numbers, counts the text says it does
    not give, single materiel nouns in a list of losses; one per span."""
    found = [row for row in numbers_records(sentence) if row["kind"] == "count"]
    found += unspecified_records(sentence)
    if any(scope == "lost" for _, _, scope in predicates):
        found += materiel_records(sentence)
    if any(scope in CASUALTY for _, _, scope in predicates):
        found += _one_person(sentence, predicates)
    kept = []
    for row in sorted(found, key=lambda r: r["start"]):
        if not any(k["start"] <= row["start"] < k["end"] for k in kept):
            kept.append(row)
    return kept


def _one_person(sentence: str, predicates) -> list[dict]:
    """An indefinite singular noun of people right after a casualty
    predicate is one person: «أسر جندي»، «مقتل طفل»، «وأصيب عنصر»."""
    plain, offsets = folded_with_offsets(sentence)
    after = {end + 1: scope for _, end, scope in predicates if scope in CASUALTY}
    rows = []
    for noun in find_nouns(plain):
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
                "quote": sentence[start:end],
                "value": 1.0,
                "value_low": 1.0,
                "value_high": 1.0,
                "qualifier": "exact",
                "qualifier_ar": "",
                "unit": "count",
                "noun": sentence[start:end],
                "lemma": noun["lemma"],
                "subject": noun["subject"],
                "noun_start": start,
            }
        )
    return rows


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
    plain, offsets = folded_with_offsets(sentence.text)
    back = {offset: index for index, offset in enumerate(offsets)}
    predicates = predicates_in(plain)
    nouns = find_nouns(plain)
    place, place_en = next(((name, en) for name, en, pattern in PLACES if pattern.search(sentence.text)), ("", ""))
    named = sorted((m.start(), name, en) for name, en, pattern in PLACES for m in pattern.finditer(sentence.text))
    rows, inherited, counted, previous_end = [], "", carry.get("counted"), None
    if named:
        carry["place"] = (named[-1][1], named[-1][2])
    quantities = _quantities_in(sentence.text, plain, predicates)
    floor = turns(sentence.text) if quantities else []
    for quantity in quantities:
        speaker = [turn for turn in floor if turn[0] <= quantity["start"]]
        own = said_after_folded(sentence.text, plain, offsets, back.get(quantity["end"], len(plain)))
        if own:
            key, words = own
            said = sentence._replace(claimant=key, claimant_ar=words, side=side_of(key))
        elif speaker:
            _, key, words = speaker[-1]
            said = sentence._replace(claimant=key, claimant_ar=words, side=side_of(key))
        else:
            said = sentence
        start, end = back.get(quantity["start"], 0), back.get(quantity["end"], len(plain))
        subject, noun, lemma, anchor = quantity["subject"], quantity["noun"], quantity["lemma"], start
        if not subject and counted and _OTHERS.match(plain, end):
            subject, noun, lemma = counted
        if subject and subject != "other" and quantity["unit"] != "percent":
            counted = (subject, noun, lemma)
        if quantity["unit"] == "percent" and subject in ("", "other"):
            subject, noun, lemma = _share_of(plain, nouns, start, subject, noun, lemma, sentence.text, offsets)
        elif not subject:
            found = _back_noun(plain, nouns, start)
            if found:
                subject, lemma, anchor = found["subject"], found["lemma"], found["start"]
                noun = sentence.text[offsets[found["start"]] : offsets[found["end"]]]
            elif carry.get("counted") and _OF_THEM.match(plain, end):
                # «وأضافت أن 4 منهن …»: some of what the sentence before counted
                subject, noun, lemma = carry["counted"]
            else:
                subject = "other"
        count_of = _COUNT_OF.search(plain, _clause_start(plain, start), start)
        if count_of and quantity["qualifier"] == "exact":
            exceeds = _EXCEEDS.search(plain, 0, count_of.start()) or _EXCEEDS.search(plain, count_of.start(), start)
            if exceeds:
                # negated, a verb of exceeding caps the number: «لم يتجاوز عدد … 30» is at most 30
                negated = _NEGATION.search(plain, max(0, exceeds.start() - 8), exceeds.start())
                qualifier = "at_most" if negated else "more_than"
            else:
                qualifier = "nearly" if _APPROACHES.search(plain, 0, count_of.start()) else "exact"
            if qualifier != "exact":
                low, high = value_range(qualifier, quantity["value"])
                quantity = {**quantity, "qualifier": qualifier, "value_low": low, "value_high": high}
        if count_of and quantity["unit"] != "percent":
            # «بلغ عدد القتلى 45 شخصًا»، «ارتفع عدد ضحايا القصف إلى 19 مدنيًا»:
            # the number is the count of the event noun after عدد or حصيلة.
            event = next((n for n in nouns if n["start"] >= count_of.start("noun")), None)
            if (
                event
                and (lexicon.record("subject", event["subject"]) or {}).get("kind") == "event"
                and subject != event["subject"]
            ):
                scope_group = subject if (lexicon.record("subject", subject) or {}).get("kind") == "people" else ""

                rows.append(_row(quantity, said, text, place, place_en, event["subject"], scope_group, noun, lemma))
                inherited = event["subject"] if event["subject"] in CASUALTY else inherited
                continue
            if event and not quantity["subject"] and event["start"] == count_of.start("noun"):
                # «ليصل إجمالي الجثامين … إلى 74»: a bare number counts the noun after عدد or إجمالي
                subject, lemma, anchor = event["subject"], event["lemma"], event["start"]
                noun = sentence.text[offsets[event["start"]] : offsets[event["end"]]]
        # «6 جثث و3 أسرى»: a number joined by و is a count of its own, not the genitive of جثث
        head = _BODIES_OF.search(plain, 0, start) if plain[start : start + 1] not in ("و", "ف") else None
        if head and subject not in ("bodies", "area_share") and quantity["unit"] != "percent":
            # «تسليم جثث 20 عنصرًا»: the bodies of 20 members are bodies.
            subject, start = "bodies", head.start()
            quantity = {**quantity, "start": offsets[start]}
            found = next(n for n in nouns if n["start"] >= head.start())  # the head noun itself
            noun, lemma = sentence.text[offsets[found["start"]] : offsets[found["end"]]], found["lemma"]
        predicate = _governing(plain, predicates, start, end, anchor, inherited)
        of_them = _OF_THEM.match(plain, end) or _AMONG_THEM.search(plain, _clause_start(plain, start), start)
        if of_them and subject == "other" and (counted or carry.get("counted")):
            subject, noun, lemma = counted or carry["counted"]  # «11 دبابة، من بينها 3 من طراز T-90»
        if not predicate and of_them and carry.get("predicate"):
            predicate = carry["predicate"]  # «من بينهم 5 ضباط»: among the dead of the sentence before
        among = _AMONG.search(plain, _clause_start(plain, start), start)
        if among:
            # «ومن بين القتلى 11 ضابطا»: counted among the dead, they are dead
            group = noun_at(plain, among.start("noun"))
            if group and (lexicon.record("subject", group["subject"]) or {}).get("kind") == "event":
                predicate = group["subject"]
        if (
            inherited
            and predicate in ("", inherited)
            and previous_end is not None
            and COORDINATED.match(plain[previous_end:start])
            and not any(previous_end <= p[0] < start for p in predicates)
        ):
            predicate = inherited  # «… 57 جريحًا بينهم 14 طفلًا»: the count goes on
        previous_end = end
        inherited = predicate or inherited
        if (lexicon.record("subject", subject) or {}).get("kind") == "event" and subject in CASUALTY:
            # «57 جريحًا بينهم 14 طفلًا»: a noun that carries its event passes it
            # on to the counts that continue it; «4 قتلى من المدنيين» says whom.
            inherited = subject
            group = _PARTITIVE.match(plain, end)
            member = next((n for n in nouns if group and n["start"] == group.end()), None)
            if member and (lexicon.record("subject", member["subject"]) or {}).get("kind") == "people":
                rows.append(_row(quantity, said, text, place, place_en, subject, member["subject"], noun, lemma))
                continue
        kind = (lexicon.record("subject", subject) or {}).get("kind")
        if kind in ("people", "things") and quantity["unit"] != "percent" and predicate and not of_them:
            # a part («من بينهم 5 ضباط») leaves the whole as what «منهم» points back to
            carry.update(counted=(subject, noun, lemma), predicate=predicate)
            carry.setdefault("predicates", {})[subject] = predicate
        subject, scope = _reading(subject, predicate, quantity["unit"])
        if not scope and (lexicon.record("subject", subject) or {}).get("topic") == "materiel":
            # «خسائر النظام بلغت 175 قتيلا، إلى جانب خمس دبابات»: the losses the sentence began to list
            losses = [p for p in predicates if p[1] <= start and p[2] in THINGS_SCOPES]
            scope = losses[-1][2] if losses else scope
        if scope == "unspecified" and subject in carry.get("predicates", {}):
            # «في المقابل، تحدثت صفحات موالية عن 38 جثة فقط»: another figure for what was counted before
            scope = _reading(subject, carry["predicates"][subject], quantity["unit"])[1]
        if scope == "unspecified" and _BATCH.search(plain):
            scope = "handed_over"  # «الدفعة الثالثة، وتضم 17 جثة»: a batch of the handover
        where = None
        if subject == "area_share":
            # «من مساحته»، «من المخيم»: with no place named in the sentence, the one named before
            where = _share_place(named, quantity["end"]) or carry.get("place")
        rows.append(_row(quantity, said, text, *(where or (place, place_en)), subject, scope, noun, lemma))
    if sentence.kind != "title":  # a headline's «تبادل أسرى» names the event, it counts no one
        rows += _unstated_counts(sentence, text, plain, offsets, nouns, predicates, quantities, place, place_en)
        rows += _none_counts(sentence, text, plain, offsets, place, place_en)
    return rows


def _unstated_counts(sentence, text, plain, offsets, nouns, predicates, quantities, place, place_en) -> list[dict]:
    """A plural counted noun with no number, indefinite and governed by an
    event predicate, is a count the text does not state: «مقابل إطلاق
    النظام سراح معتقلات», «قتل 175 … بينهم ضباط», «الاستحواذ على أسلحة
    وذخائر».  A definite plural («الأهالي», «قوات الأسد») names a known
    group, not a count."""
    back = {offset: index for index, offset in enumerate(offsets)}
    taken = [(back.get(q["start"], 0), back.get(q["end"], len(plain))) for q in quantities]
    rows = []
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
        if not predicate:
            continue
        start, end = offsets[noun["start"]], offsets[noun["end"]]
        quantity = _without_digits(start, end, math.nan, "unspecified")
        subject, scope = _reading(noun["subject"], predicate, "count")
        if not scope:
            continue  # «قتلوا بقذائف»: the predicate is not about the noun
        rows.append(
            _row(quantity, sentence, text, place, place_en, subject, scope, sentence.text[start:end], noun["lemma"])
        )
    return rows


def _none_counts(sentence, text, plain, offsets, place, place_en) -> list[dict]:
    """A negated predicate with «أي» and a noun says none: «لم يسلم التنظيم
    أي جثة» (0 bodies handed over), «لم يُقتل أي مدني» (0 civilians killed)."""
    pattern, scopes = _predicates()
    rows = []
    for match in pattern.finditer(plain):
        if not _NEGATED.search(plain, max(0, match.start() - 12), match.start()):
            continue
        none = _ANY.match(plain, match.end())
        noun = noun_at(plain, none.end()) if none else None
        if noun is None or noun["subject"] in ("", "other"):
            continue
        subject, scope = _reading(noun["subject"], scopes[" ".join(match.group("form").split())], "count")
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


def _row(quantity, sentence, text, place, place_en, subject, scope, noun, lemma) -> dict:
    start, end = sentence.start + quantity["start"], sentence.start + quantity["end"]
    if subject == "killed" and scope:
        branch = BRANCH_AFTER.match(text[end:])
        if branch:
            end += branch.end()
            scope = f"branch_{to_western_digits(branch.group(1))}_members"
    if subject == "area_share":
        scope = place_en  # shares of different places never compare
    record = lexicon.record("subject", subject) or {"topic": "other", "unit": "count"}
    unit = "percent" if quantity["unit"] == "percent" else record["unit"]
    # A group counted as residents or as displaced is a population, not a casualty count.
    topic = {"residents": "population", "displaced": "displacement", "besieged": "population"}.get(
        scope, record["topic"]
    )
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
        "claimant": sentence.claimant,
        "claimant_ar": sentence.claimant_ar,
        "side": sentence.side,
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
