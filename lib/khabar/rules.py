"""The rules that read a count: an ordered list, :data:`RULES`, of small
named steps.  Each takes the :class:`Reading` of one count (what it counts,
what befell it, who says it) and may change it; a step that changes it is
named in the row's ``rules`` column.  Each rule's docstring gives examples,
one a line: a sentence in «», an arrow, and the row it yields (value,
subject, scope; then, when it matters, the claimant in brackets and the
unit in braces); ``tests/test_rules.py`` runs them all.  How to add a rule:
``docs/rules.md``.

>>> [rule.__name__ for rule in RULES][:3]
['said_after_count', 'speaker_turn', 'others_continue']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from khabar import lexicon
from khabar.numbers import noun_at, value_range
from khabar.predicates import cue_words
from khabar.text import fold

# A nisba: a stem of three letters or more not ending in alif, ي, then a
# plural, accusative or no ending.
_NISBA = re.compile(r"^(?:ال)?\w{2,}[^اي\s]ي(?:ين|ون|ا)$")
# «والجرحى»: a second noun joined to the first by و.
_AND_NOUN = re.compile(r"\s+(?P<noun>و\S+)")
_DIGIT = re.compile(r"[0-9]")
_RATE_KEYS = ("per_day", "per_week", "per_month", "per_year")


@cache
def _not_nisba() -> frozenset:
    return frozenset(lexicon.record("cue", "not_nisba")["forms"])


@cache
def _rates() -> re.Pattern:
    periods = "|".join(rf"(?P<{key}>{cue_words(key)})" for key in _RATE_KEYS)
    return re.compile(rf"(?:\s+\S+)?\s+(?:{periods})(?!\w)")


_RECORD = {"kind": None}


def _kind(subject: str):
    return (lexicon.record("subject", subject) or _RECORD).get("kind")


@dataclass
class Reading:
    """What is known of one count while the rules read it.  ``state`` is
    shared by the counts of one sentence (``inherited``: what befell the
    count before; ``counted``: the last people or things counted;
    ``previous_end``); ``carry`` by the sentences of one paragraph."""

    sentence: object
    text: str
    carry: dict
    state: dict
    quantity: dict
    start: int
    end: int
    subject: str
    noun: str
    lemma: str
    anchor: int
    said: object = None
    predicate: str = ""
    scope: str = ""
    of_them: object = None
    where: tuple | None = None
    fired: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    done: bool = False

    @property
    def plain(self) -> str:
        return self.sentence.plain


def said_after_count(r: Reading) -> bool:
    """A speaker named after the count, in its clause («بحسب …»، «وفق …»),
    says that count.

    «وقتل 35 عنصرا بحسب المرصد السوري لحقوق الإنسان» → 35 killed members (sohr)
    """
    from khabar.claims_table import Speaker
    from khabar.sources import said_after_folded, side_of

    s = r.sentence
    own = said_after_folded(s.text, s.plain, s.offsets, r.end)
    if own:
        r.said = Speaker(own[0], own[1], side_of(own[0]))
        return True
    return False


def speaker_turn(r: Reading) -> bool:
    """A speaker who takes the floor later in the sentence («، في حين ذكرت
    وكالة سانا أن …») says the counts after that point.

    «وقال المرصد إن 15 عنصرا قتلوا، في حين ذكرت وكالة سانا أن الجيش قتل 30 مسلحا» → 30 killed fighters (state_media)
    """
    from khabar.claims_table import Speaker
    from khabar.sources import side_of

    turn = [t for t in r.sentence.turns if t[0] <= r.quantity["start"]]
    if r.said is None and turn:
        _, key, words = turn[-1]
        r.said = Speaker(key, words, side_of(key))
        return True
    return False


def others_continue(r: Reading) -> bool:
    """«آخرون» after a bare number counts more of what the count before it
    counted; and the people or things a count counts are remembered for it.

    «وقتل 5 جنود وأصيب 10 آخرون» → 10 wounded soldiers
    """
    from khabar.claims_table import _OTHERS

    fired = False
    counted = r.state["counted"]
    if not r.subject and counted and _OTHERS.match(r.plain, r.end):
        r.subject, r.noun, r.lemma = counted
        fired = True
    if r.subject and r.subject != "other" and r.quantity["unit"] != "percent":
        r.state["counted"] = (r.subject, r.noun, r.lemma)
    return fired


def noun_left_out(r: Reading) -> bool:
    """A number with no noun of its own right after a second predicate
    joined by «و» counts what the count before it counted: Arabic leaves out
    the noun it would repeat («استشهاد 6 أشخاص وإصابة 15 بجروح»).  A
    prepositional phrase after the number («بجروح») is how, not what.

    «وأدى القصف إلى مقتل 4 مدنيين وإصابة 11 بجروح» → 11 wounded civilians
    «وقتل 3 جنود وأصيب 7 في الهجوم» → 7 wounded soldiers
    """
    counted, previous_end = r.state["counted"], r.state["previous_end"]
    if not counted or previous_end is None or r.subject not in ("", "other"):
        return False
    if r.subject == "other" and not fold(r.noun).startswith("ب"):
        return False
    between = r.plain[previous_end : r.start]
    joined = _JOINED_PREDICATE.fullmatch(between)
    if not joined or not any(previous_end <= p[0] < r.start for p in r.sentence.predicates):
        return False
    r.subject, r.noun, r.lemma = counted
    return True


# «… وإصابة »، «… وأصيب »: one word joined by و between two counts.
_JOINED_PREDICATE = re.compile(r"\s+[وف]\S+\s+")


def share_of(r: Reading) -> bool:
    """A percentage is a share of what the sentence speaks of: of the area
    held when it speaks of control, else of a counted noun of its clause.

    «ويسيطر التنظيم على 70% من مساحة المخيم» → 70 area_share
    """
    from khabar.claims_table import _share_of

    if r.quantity["unit"] == "percent" and r.subject in ("", "other", "places"):
        s = r.sentence
        r.subject, r.noun, r.lemma = _share_of(s.plain, s.nouns, r.start, r.subject, r.noun, r.lemma, s.text, s.offsets)
        return True
    return False


def noun_before(r: Reading) -> bool:
    """A number with no noun after it counts the nearest noun before it, in
    its clause or the clause before.

    «يسكن الحي 20 ألف مدني، قتل منهم ألفان» → 2000 killed civilians
    """
    from khabar.claims_table import _back_noun

    if r.subject:
        return False
    found = _back_noun(r.plain, r.sentence.nouns, r.start)
    if found and _OF_PEOPLE.match(r.plain, r.end) and _kind(found["subject"]) != "people":
        return False  # «وقتلت أكثر من 12 منهم»: of them, people, not the strike named before
    if found:
        s = r.sentence
        r.subject, r.lemma, r.anchor = found["subject"], found["lemma"], found["start"]
        r.noun = s.text[s.offsets[found["start"]] : s.offsets[found["end"]]]
        return True
    return False


_OF_PEOPLE = re.compile(r"\s+(?:منهم|منهن)(?!\w)")


def some_of_those_before(r: Reading) -> bool:
    """«منهم» after a bare number: some of what the sentence before counted.

    «وقتل 12 جنديا في الهجوم. وأضاف المصدر أن 4 منهم ضباط» → 4 killed soldiers
    """
    from khabar.claims_table import _OF_THEM

    if not r.subject and r.carry.get("counted") and _OF_THEM.match(r.plain, r.end):
        r.subject, r.noun, r.lemma = r.carry["counted"]
        return True
    if not r.subject:
        r.subject = "other"
    return False


def people_by_origin(r: Reading) -> bool:
    """A count of a nisba adjective the lexicon does not hold counts people
    named by where they come from.  After a number Arabic writes the nisba
    as a sound plural (3–10: «إسرائيليين») or an accusative singular (11–99:
    «إسرائيلياً», tanwin folded away, so -يا): a stem, then ي, then -ين/-ون/-ا.
    (The genitive singular after 100, «300 يمني», is not told from a noun in
    -ي such as «مباني».)  Adverbs in
    -يا («حاليا»، «يوميا») are not people (cues.csv).

    «وأفرجت الحركة عن 13 إسرائيلياً» → 13 persons released
    «وسلمت السلطات 7 صوماليين إلى بلادهم» → 7 persons handed_over
    """
    if r.subject != "other" or not r.noun or r.quantity["unit"] == "percent":
        return False
    word = fold(r.noun.split()[0])
    if _NISBA.match(word) and word not in _not_nisba():
        r.subject, r.lemma = "persons", word
        return True
    return False


def verb_of_exceeding(r: Reading) -> bool:
    """A verb of exceeding or approaching before «عدد …» makes the number
    after it a bound; negated, a cap.

    «وتجاوز عدد القتلى 40 شخصا» → 41 killed persons
    «ولم يتجاوز عدد الجرحى 30 شخصا» → 0 wounded persons
    «وقارب عدد النازحين 5000 شخص» → 4500 persons displaced
    """
    from khabar.claims_table import _APPROACHES, _COUNT_OF, _EXCEEDS, _clause_start
    from khabar.numbers import _NEGATION

    plain, quantity = r.plain, r.quantity
    count_of = _COUNT_OF.search(plain, _clause_start(plain, r.start), r.start)
    r.state["count_of"] = count_of
    if not (count_of and quantity["qualifier"] == "exact"):
        return False
    exceeds = _EXCEEDS.search(plain, 0, count_of.start()) or _EXCEEDS.search(plain, count_of.start(), r.start)
    if exceeds:
        negated = _NEGATION.search(plain, max(0, exceeds.start() - 8), exceeds.start())
        qualifier = "at_most" if negated else "more_than"
    else:
        qualifier = "nearly" if _APPROACHES.search(plain, 0, count_of.start()) else "exact"
    if qualifier == "exact":
        return False
    low, high = value_range(qualifier, quantity["value"])
    r.quantity = {**quantity, "qualifier": qualifier, "value_low": low, "value_high": high}
    return True


@cache
def _reaching() -> tuple[re.Pattern, re.Pattern]:
    """A verb of reaching (cues.csv) right before a number, with its subject
    before it («قتلى قواته بلغوا»), or with its subject between it and the
    number («وبلغ قتلى القصف»).  «عددهم» and «إلى» may stand between."""
    verb = (
        rf"(?:(?P<reach>{cue_words('reaching')})|(?P<exceed>{cue_words('exceeding')})"
        rf"|(?P<approach>{cue_words('approaching')}))(?:وا|ت|ا)?"
    )
    tail = r"(?:\s+(?:عدد|حصيلة)(?:هم|هن|ها))?(?:\s+(?:الي|ل))?\s+$"
    after = re.compile(rf"(?<!\w)[وف]?{verb}{tail}")
    before = re.compile(rf"(?<!\w)[وف]?{verb}\s+(?P<np>[^\W\d_]+(?:\s+[^\W\d_]+){{0,3}}?)(?:\s+(?:الي|ل))?\s+$")
    return after, before


# What opens the clause a noun phrase stands at the head of: «و»، «أن».
_CLAUSE_OPENING = re.compile(r"\s*[وف]?")
_THAT = re.compile(r"(?<!\w)[وف]?(?:ان|بان|لان)\s+")


def noun_reaches_count(r: Reading) -> bool:
    """A number after a verb of reaching («بلغ»، «وصل إلى»، «ارتفع إلى»)
    counts that verb's subject: the noun at the head of the clause before
    the verb («وأن قتلى قواته بلغوا ثلاثة»), or right after it («وبلغ قتلى
    القصف 12»).  What befell them is the noun's own (قتلى → killed، جرحى →
    wounded، المعتقلين → detained، النازحين → displaced: subjects.csv,
    ``befalls``); the people in construct with it («قواته») or counted after
    the number («40 شخصا») are the scope.  «عدد» and «حصيلة» are
    :func:`toll_of_event`'s.

    «وأوضح المجلس أن قتلى قواته بلغوا ثلاثة» → 3 killed forces
    «وقال المصدر إن جرحى الغارة وصلوا إلى 25» → 25 wounded
    «وأضاف أن المعتقلين في الحملة بلغوا 40 شخصا» → 40 detained persons
    «وذكر المكتب أن النازحين ارتفع عددهم إلى 3000» → 3000 displaced
    «وبلغ قتلى القصف في المدينة 12 مدنيا» → 12 killed civilians

    A verb of exceeding or approaching makes the number a bound («تجاوزوا
    50»: more than 50; «لم يتجاوزوا»: at most; «قاربوا»: nearly).

    «وأفادت المصادر أن قتلى القوات تجاوزوا 50» → 51 killed forces
    """
    from khabar.claims_table import _clause_start, _row

    if r.state.get("count_of") or r.quantity["unit"] == "percent":
        return False
    counted = r.quantity["subject"]
    if counted and _kind(counted) not in ("people", "event"):
        return False
    s, plain = r.sentence, r.plain
    clause = _clause_start(plain, r.start)
    after, before = _reaching()
    verb = after.search(plain, clause, r.start)
    if verb:
        said = list(_THAT.finditer(plain, clause, verb.start()))
        first = said[-1].end() if said else _CLAUSE_OPENING.match(plain, clause).end()
        last = verb.start()
    else:
        verb = before.search(plain, clause, r.start)
        if not verb:
            return False
        first, last = verb.start("np"), verb.end("np")
    phrase = [n for n in s.nouns if first <= n["start"] and n["end"] <= last]
    if not phrase or phrase[0]["start"] != first or _NUMBER_OR_PREDICATE(s, first, last):
        return False
    head = phrase[0]
    befalls = (lexicon.record("subject", head["subject"]) or {}).get("befalls")
    if not befalls:
        return False
    group = counted if _kind(counted) == "people" else ""
    owner = next((n for n in phrase[1:] if n["start"] - head["end"] <= 1 and _kind(n["subject"]) == "people"), None)
    if not group and owner:
        group = owner["subject"]
    if _kind(head["subject"]) == "people" and befalls not in CASUALTY_OF_PEOPLE:
        subject, scope = befalls, ""  # «النازحين»: the displaced, counted
    else:
        subject, scope = befalls, group
    if r.quantity["qualifier"] == "exact" and (verb.group("exceed") or verb.group("approach")):
        from khabar.numbers import _NEGATION

        negated = _NEGATION.search(plain, max(0, verb.start() - 8), verb.start())
        qualifier = "nearly" if verb.group("approach") else ("at_most" if negated else "more_than")
        low, high = value_range(qualifier, r.quantity["value"])
        r.quantity = {**r.quantity, "qualifier": qualifier, "value_low": low, "value_high": high}
    place, place_en = r.state["place"]
    noun = r.noun if counted else s.text[s.offsets[head["start"]] : s.offsets[head["end"]]]
    lemma = r.lemma if counted else head["lemma"]
    r.rows.append(_row(r.quantity, s, r.text, place, place_en, subject, scope, noun, lemma, r.said))
    r.state["inherited"] = subject if _kind(subject) == "event" else r.state["inherited"]
    r.done = True
    return True


# Casualties the people at a head noun suffered (المعتقلين: detained).
CASUALTY_OF_PEOPLE = ("killed", "wounded", "captured", "detained", "missing")


def _NUMBER_OR_PREDICATE(s, first: int, last: int) -> bool:  # noqa: N802 - reads as a condition
    """A number, a relative pronoun or a verb inside a noun phrase: a
    clause of its own, not a subject («المعتقلين الذين أفرج عنهم»).  A
    definite maṣdar in construct («قتلى القصف») is a genitive, not a verb."""
    plain = s.plain
    return bool(_CLAUSE_INSIDE.search(plain, first, last)) or any(
        first <= p[0] < last and not plain[p[0] : p[1]].lstrip("وفبل").startswith("ال") for p in s.predicates
    )


_CLAUSE_INSIDE = re.compile(r"[0-9]|(?<!\w)(?:الذين|الذي|التي|اللواتي|اللاتي|اللذين|ان)(?!\w)")


def dead_and_wounded_together(r: Reading) -> bool:
    """«أكثر من 70 بين قتيل وجريح»: the dead and the wounded counted
    together are neither alone; nor are they whoever was named before the
    number.  The count is of people hit, subject ``other``.

    «وارتفع عدد القتلى والجرحى من عناصر الأمن إلى أكثر من 70 بين قتيل وجريح» → 71 other
    """
    from khabar.claims_table import _row

    end = r.sentence.back.get(r.quantity["end"], r.end)
    if not _together().match(r.plain, end):
        return False
    place, place_en = r.state["place"]
    r.rows.append(_row(r.quantity, r.sentence, r.text, place, place_en, "other", "", r.noun, r.lemma, r.said))
    r.done = True
    return True


@cache
def _together() -> re.Pattern:
    return re.compile(rf"\s+(?:{cue_words('killed_and_wounded')})(?!\w)")


def two_nouns_one_number(r: Reading) -> bool:
    """«عشرات القتلى والجرحى»: one number before two event nouns joined by
    و counts each of them: two counts, the same figure.

    «وخلفت المعارك عشرات القتلى والجرحى» → 20 wounded
    """
    from khabar.claims_table import CASUALTY, _row

    if not (_kind(r.subject) == "event" and r.subject in CASUALTY):
        return False
    second = _AND_NOUN.match(r.plain, r.end)
    noun = noun_at(r.plain, second.start("noun")) if second else None
    if not noun or noun["subject"] == r.subject or noun["subject"] not in CASUALTY:
        return False
    s = r.sentence
    end = s.offsets[noun["end"]]
    quantity = {**r.quantity, "end": end}
    place, place_en = r.state["place"]
    written = s.text[s.offsets[noun["start"]] : end]
    r.rows.append(_row(quantity, s, r.text, place, place_en, noun["subject"], "", written, noun["lemma"], r.said))
    return True


def toll_of_event(r: Reading) -> bool:
    """«بلغ عدد القتلى 45 شخصًا»: a number after «عدد» or «حصيلة» and an
    event noun is that event's toll; the people it names are the scope.

    «وبلغ عدد القتلى 45 مدنيا» → 45 killed civilians
    «وارتفعت حصيلة الجرحى إلى 19 شخصا» → 19 wounded persons
    """
    from khabar.claims_table import CASUALTY, _row

    count_of = r.state.get("count_of")
    if not count_of or r.quantity["unit"] == "percent":
        return False
    s = r.sentence
    event = next((n for n in s.nouns if n["start"] >= count_of.start("noun")), None)
    if event and _DIGIT.search(r.plain, count_of.start("noun"), event["start"]):
        event = None  # «حصيلة القصف … 23 شهيدا و80 جريحا»: the noun of the count before is not the toll's
    if event and _kind(event["subject"]) == "event" and r.subject != event["subject"]:
        group = r.subject if _kind(r.subject) == "people" else ""
        place, place_en = r.state["place"]
        r.rows.append(_row(r.quantity, s, r.text, place, place_en, event["subject"], group, r.noun, r.lemma, r.said))
        r.state["inherited"] = event["subject"] if event["subject"] in CASUALTY else r.state["inherited"]
        r.done = True
        return True
    if event and not r.quantity["subject"] and event["start"] == count_of.start("noun"):
        # «ليصل إجمالي الجثامين … إلى 74»: a bare number counts the noun after عدد or إجمالي
        r.subject, r.lemma, r.anchor = event["subject"], event["lemma"], event["start"]
        r.noun = s.text[s.offsets[event["start"]] : s.offsets[event["end"]]]
        return True
    return False


def bodies_of(r: Reading) -> bool:
    """«تسليم جثث 20 عنصرًا»: the bodies of 20 members are 20 bodies.

    «وسلم التنظيم جثث 20 عنصرا» → 20 bodies handed_over
    """
    from khabar.claims_table import _BODIES_OF

    plain, s = r.plain, r.sentence
    # «6 جثث و3 أسرى»: a number joined by و is a count of its own, not the genitive of جثث
    head = _BODIES_OF.search(plain, 0, r.start) if plain[r.start : r.start + 1] not in ("و", "ف") else None
    if head and r.subject not in ("bodies", "area_share") and r.quantity["unit"] != "percent":
        r.subject, r.start = "bodies", head.start()
        r.quantity = {**r.quantity, "start": s.offsets[r.start]}
        found = next(n for n in s.nouns if n["start"] >= head.start())  # the head noun itself
        r.noun, r.lemma = s.text[s.offsets[found["start"]] : s.offsets[found["end"]]], found["lemma"]
        return True
    return False


def governing_predicate(r: Reading) -> bool:
    """What befell the count is said by the predicate that governs it in its
    own clause: the nearest before it, else the first after it.

    «وقتل 14 عنصرا في الكمين» → 14 killed members
    «وأن 12 مدنيا أصيبوا في القصف» → 12 wounded civilians
    «وقالت اللجنة إن عدد الأسر النازحة من الحي بلغ 900 أسرة» → 900 families displaced
    """
    from khabar.claims_table import _AMONG_THEM, _OF_THEM, _clause_start, _governing

    plain = r.plain
    predicates = r.sentence.predicates
    count_of = r.state.get("count_of")
    counted = next((n for n in r.sentence.nouns if count_of and n["start"] == count_of.start("noun")), None)
    if counted:
        # «عدد الأسر النازحة»: a noun after «عدد» is what is counted; it says
        # what befell them only as its own (النازحين: displaced), never as
        # the verb it is also spelt as (أسر: captured)
        befalls = (lexicon.record("subject", counted["subject"]) or {}).get("befalls")
        predicates = [p for p in predicates if p[0] != counted["start"] or p[2] == befalls]
    r.predicate = _governing(plain, predicates, r.start, r.end, r.anchor, r.state["inherited"])
    r.of_them = _OF_THEM.match(plain, r.end) or _AMONG_THEM.search(plain, _clause_start(plain, r.start), r.start)
    return bool(r.predicate)


def of_those_it_befell(r: Reading) -> bool:
    """«12 من المفرج عنهم»: a number of those a predicate befell (a definite
    participle after «من») counts people it befell, whatever a verb later in
    the clause says of them («جرى اعتقالهم» is their past, not the count's).

    «وأوضح البيان أن 20 من المفرج عنهم جرى اعتقالهم قبل خمس سنوات» → 20 persons released
    «وذكرت اللجنة أن 6 من المفرج عنهن وصلن إلى البلدة مساء أمس» → 6 persons released
    """
    if r.subject not in ("", "other"):
        return False
    s, plain = r.sentence, r.plain
    number_end = s.back.get(r.quantity["end"], r.end)
    participle = next(
        (
            p
            for p in s.predicates
            if _OF_THOSE.fullmatch(plain, number_end, p[0]) and plain[p[0] : p[1]].startswith("ال")
        ),
        None,
    )
    if not participle:
        return False
    r.subject, r.lemma, r.predicate = "persons", "", participle[2]
    r.noun = s.text[s.offsets[participle[0]] : s.offsets[participle[1]]]
    return True


_OF_THOSE = re.compile(r"\s+من\s+")


def carried_along(r: Reading) -> bool:
    """«غادرت المدينة قافلة تضم 400 مدني»: the people a convoy or a batch
    comprises («تضم»، «يضم») took what befell it, said before it in the
    clause; «تضم» alone (a town's people) still says residents.

    «وغادرت المدينة قافلة تضم 400 مدني باتجاه الجنوب» → 400 civilians displaced
    """
    from khabar.claims_table import _clause_start

    if r.predicate != "residents":
        return False
    plain = r.plain
    clause = _clause_start(plain, r.start)
    before = [p for p in r.sentence.predicates if clause <= p[0] and p[1] <= r.start]
    if len(before) < 2 or not _comprising().fullmatch(plain[before[-1][0] : before[-1][1]]):
        return False
    # «خرجت من المدينة المحاصرة قافلة تضم»: the verb, not an adjective of the place
    verbs = [p for p in before[:-1] if not plain[p[0] : p[1]].lstrip("وفبل").startswith("ال")]
    if not verbs:
        return False
    r.predicate = verbs[-1][2]
    return True


@cache
def _comprising() -> re.Pattern:
    return re.compile(rf"[وف]?(?:{cue_words('comprising')})")


def state_of_counted(r: Reading) -> bool:
    """An adjective of state right after the counted noun («عائلة نازحة»،
    «مدنيين محاصرين») says what befell them, whatever verb governs the
    count («تؤوي المدارس 2000 عائلة نازحة»: displaced, not residents).

    «وقالت البلدية إن المدارس تؤوي 2000 عائلة نازحة» → 2000 families displaced
    """
    s = r.sentence
    noun_end = s.back.get(r.quantity["end"])
    if noun_end is None or not r.quantity.get("subject"):
        return False
    state = next(
        (p for p in s.predicates if p[0] == noun_end + 1 and p[2] in _STATES and not s.plain.startswith("ال", p[0])),
        None,
    )
    if not state or state[2] == r.predicate:
        return False
    r.predicate = state[2]
    return True


# What a people can be found in, said by an adjective after them.
_STATES = ("displaced", "besieged", "returned")


def complement_says(r: Reading) -> bool:
    """A verb of forcing or undergoing before the count («أجبر»، «تعرض»)
    says nothing of the count itself: its complement after the count does
    («على النزوح»، «للدمار»).

    «وقالت مصادر محلية إن القصف أجبر 300 عائلة على النزوح» → 300 families displaced
    «وتعرض نحو 30% من منازل البلدة للدمار» → 27 homes lost
    """
    from khabar.claims_table import _clause_end, _clause_start

    plain, s = r.plain, r.sentence
    clause = _clause_start(plain, r.start)
    forcing = [m for m in _forcing().finditer(plain, clause, r.start)]
    if not forcing:
        return False
    end = _clause_end(plain, r.end)
    number_end = s.back.get(r.quantity["end"], r.end)
    complement = next(
        (
            p
            for p in s.predicates
            if number_end <= p[0]
            and p[1] <= end
            and _COMPLEMENT.search(plain, max(0, p[0] - 4), p[0] + 2)
            and p[2] != r.predicate
        ),
        None,
    )
    if complement:
        r.predicate = complement[2]
        return True
    if _DESTRUCTION().search(plain, number_end, end) and r.predicate != "lost":
        r.predicate = "lost"
        return True
    return False


@cache
def _DESTRUCTION() -> re.Pattern:  # noqa: N802 - a pattern, built on first use
    return re.compile(rf"(?<!\w)(?:لل|علي\s+ال)(?:{cue_words('destruction')})(?!\w)")


@cache
def _forcing() -> re.Pattern:
    return re.compile(rf"(?<!\w)[وف]?(?:{cue_words('forcing')})(?:وا|ت)?(?!\w)")


# «على النزوح»، «للدمار»: the complement of a verb of forcing or undergoing.
_COMPLEMENT = re.compile(r"(?:(?<!\w)علي\s+|(?<!\w)ل)(?:ل|ال)")


def carried_by_vehicles(r: Reading) -> bool:
    """Buses of an evacuation are what the evacuation moved: «خرجت 15
    حافلة» is displaced; the people they carry («، تقل 1600 شخص») took the
    same road.

    «وقال المرصد إن 32 حافلة غادرت المنطقة، تقل نحو 1600 شخص» → 1440 persons displaced
    """
    if (lexicon.record("subject", r.subject) or {}).get("topic") == "evacuation" and r.predicate == "displaced":
        r.state["evacuation"] = True
        return False  # the scope is set after reading
    if r.predicate or not r.state.get("evacuation"):
        return False
    if not _carrying().search(r.plain, max(0, r.start - 20), r.start):
        return False
    r.predicate = "displaced"
    return True


@cache
def _carrying() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{cue_words('carrying')})\s+(?:\S+\s+)?$")


def part_of_counted(r: Reading) -> bool:
    """«منهم»، «من بينها» with an unknown noun: part of what was counted.

    «ودمرت 11 دبابة، من بينها 3 من طراز حديث» → 3 tanks lost
    """
    counted = r.state["counted"] or r.carry.get("counted")
    if r.of_them and r.subject == "other" and counted:
        r.subject, r.noun, r.lemma = counted
        return True
    return False


def among_those_before(r: Reading) -> bool:
    """«من بينهم 5 ضباط» with no predicate of its own: among the dead of
    the sentence before, they are dead.

    «وقتل 20 جنديا في الهجوم. ومن بينهم 5 ضباط» → 5 killed officers

    So with a count of an event noun: «وبينهم 4 أطفال» in the next sentence
    of a quotation are among the wounded counted before.

    «وقال مدير المستشفى: "استقبلنا 9 جرحى. وبينهم 3 نساء"» → 3 wounded women
    """
    if not r.predicate and r.of_them and r.carry.get("predicate"):
        r.predicate = r.carry["predicate"]
        return True
    return False


def among_the_dead(r: Reading) -> bool:
    """«ومن بين القتلى 11 ضابطا»: counted among the dead, they are dead.

    «ومن بين القتلى 11 ضابطا» → 11 killed officers

    An aside may stand between them: «ومن بين الجرحى، وفق مدير المشفى، 10 أطفال».

    «ومن بين الجرحى، بحسب مدير المشفى، 10 أطفال» → 10 wounded children
    """
    from khabar.claims_table import _AMONG, _clause_start

    among = _AMONG.search(r.plain, _clause_start(r.plain, r.start), r.start) or _AMONG_ASIDE.search(r.plain, 0, r.start)
    if among:
        group = noun_at(r.plain, among.start("noun"))
        if group and _kind(group["subject"]) == "event":
            r.predicate = group["subject"]
            return True
    return False


# «ومن بين الجرحى، وفق مدير المشفى، 10 أطفال»: among them, an aside between.
_AMONG_ASIDE = re.compile(r"(?<!\w)[وف]?(?:من\s+)?بين\s+(?P<noun>[^\s،,]+)\s*[،,][^،,؛:;.]{1,60}[،,]\s*$")


def count_goes_on(r: Reading) -> bool:
    """«… 57 جريحًا بينهم 14 طفلًا»: a count joined to the one before, with
    no predicate of its own between them, is what that one was.

    «وأصيب 57 شخصا بينهم 14 طفلا» → 14 wounded children

    A list goes on after commas («بينهم 7 أطفال، و5 نساء، و3 مسنين»), and
    a casualty count goes on past «مقابل» (the other side's dead: «مقتل 35
    مدنيا، مقابل نحو 20 عنصرا»).

    «وأدى القصف إلى مقتل 25 شخصاً، بينهم 7 أطفال، و5 نساء، و3 مسنين» → 3 killed elderly
    «وخلفت الاشتباكات مقتل 35 مدنيا، وأكثر من 50 مسلحا» → 51 killed fighters
    «وأسفرت المواجهات عن مقتل 14 مسلحا، مقابل 6 جنود» → 6 killed soldiers

    «، هم …» restates the count before and breaks it down: a breakdown of
    prisoners or bodies by whose they were counts prisoners or bodies.

    «وشملت عملية التبادل 60 أسيرا، هم 25 من قوات الجيش و35 من الفصائل» → 35 prisoners handed_over
    «وتسلم الهلال الأحمر رفات 14 عسكريا، بينهم 3 ضباط» → 3 bodies handed_over
    """
    from khabar.claims_table import CASUALTY, COORDINATED

    state, fired = r.state, False
    inherited, previous_end = state["inherited"], state["previous_end"]
    between = r.plain[previous_end : r.start] if previous_end is not None else ""
    if not r.predicate and r.plain[r.start : r.start + 1] in ("و", "ف"):
        between += r.plain[r.start]  # the و of «و7» is the count's clitic: it joins it to the count before
    listed = _LIST_GOES_ON.fullmatch(between)
    if (
        inherited
        and r.predicate in ("", inherited)
        and previous_end is not None
        and (
            COORDINATED.match(between)
            or (listed and (not listed.group("versus") or inherited in CASUALTY))
            or _APPOSITION.fullmatch(between)
            or _PART.fullmatch(between)
        )
        and not any(previous_end <= p[0] < r.start for p in r.sentence.predicates)
    ):
        r.predicate, fired = inherited, True
        if _APPOSITION.fullmatch(between) or _PART.fullmatch(between):
            state["breakdown"] = state.get("whole")
        whole = state.get("breakdown")
        if whole and (lexicon.record("subject", r.subject) or {}).get("topic") != "exchange":
            # «60 أسيرا، هم 25 من قوات الجيش و35 من الفصائل»: prisoners, by whose they were
            r.subject, r.noun, r.lemma = whole
    elif r.of_them and inherited and r.predicate == inherited and state.get("whole"):
        # «رفات 16 عسكريا من الجيش، بينهم 4 ضباط»: the part of a count of bodies is bodies
        if (lexicon.record("subject", r.subject) or {}).get("topic") != "exchange":
            r.subject, r.noun, r.lemma = state["whole"]
            fired = True
    else:
        state["breakdown"] = None
    exchange = (lexicon.record("subject", r.subject) or {}).get("topic") == "exchange"
    state["whole"] = (r.subject, r.noun, r.lemma) if exchange else None  # only the count just before is a whole
    state["previous_end"] = r.end
    state["inherited"] = r.predicate or inherited
    return fired


# «، بينهم 4 …»: a part of the count before.
_PART = re.compile(r"\s*[،,]?\s*[وف]?(?:من\s+)?(?:بينهم|بينهن|منهم|منهن)\s*")
# «، هم 25 من …»: the count before, restated and broken down.
_APPOSITION = re.compile(r"\s*[،,]\s*و?(?:هم|هن)\s+")
# «، و5 نساء»، «، مقابل 6 جنود»: the next item of a list, after a comma.
_LIST_GOES_ON = re.compile(r"\s*[،,]\s*(?:و|(?P<versus>و?(?:في\s+)?مقابل\s+))?\s*")


def event_noun_passes_on(r: Reading) -> bool:
    """A noun that carries its event (قتلى، جرحى) passes it on to the counts
    that continue it; «4 قتلى من المدنيين» says whom.

    «وسقط 4 قتلى من المدنيين» → 4 killed civilians

    The sentences after it in the paragraph count among them
    (:func:`among_those_before`).
    """
    from khabar.claims_table import _PARTITIVE, CASUALTY, _row

    if not (_kind(r.subject) == "event" and r.subject in CASUALTY):
        return False
    r.state["inherited"] = r.subject
    if not r.of_them:
        r.carry["predicate"] = r.subject
    group = _PARTITIVE.match(r.plain, r.end)
    member = next((n for n in r.sentence.nouns if group and n["start"] == group.end()), None)
    if member and _kind(member["subject"]) == "people":
        place, place_en = r.state["place"]
        r.rows.append(
            _row(r.quantity, r.sentence, r.text, place, place_en, r.subject, member["subject"], r.noun, r.lemma, r.said)
        )
        r.done = True
    return True


def reading(r: Reading) -> bool:
    """Subject and scope from what is counted and what befell it: people
    killed are the subject ``killed`` with the people as scope; things keep
    their subject with what befell them as scope.  The whole a part is
    counted in is remembered for the sentences after.

    «واعتقلت القوات 7 أشخاص» → 7 detained persons
    «وأعطبت 3 دبابات» → 3 tanks lost
    """
    from khabar.claims_table import _reading

    kind = _kind(r.subject)
    if kind in ("people", "things") and r.quantity["unit"] != "percent" and r.predicate and not r.of_them:
        # a part («من بينهم 5 ضباط») leaves the whole as what «منهم» points back to
        r.carry.update(counted=(r.subject, r.noun, r.lemma), predicate=r.predicate)
        r.carry.setdefault("predicates", {})[r.subject] = r.predicate
    before = (r.subject, r.scope)
    r.subject, r.scope = _reading(r.subject, r.predicate, r.quantity["unit"])
    return (r.subject, r.scope) != before or bool(r.scope)


def evacuation_vehicles(r: Reading) -> bool:
    """What the evacuation moved keeps its scope: buses that left are
    displaced, though a bus is a thing (:func:`carried_by_vehicles`); buses
    people left on («على متن 9 حافلات») are how they left.

    «وخرجت 20 حافلة من المخيم باتجاه الشمال» → 20 buses displaced
    """
    if (
        (lexicon.record("subject", r.subject) or {}).get("topic") == "evacuation"
        and r.predicate == "displaced"
        and not _ON_BOARD.search(r.plain, max(0, r.start - 12), r.start)
    ):
        r.scope = "displaced"
        return True
    return False


# «غادروا على متن 9 حافلات»: the buses are how they left, not who left.
_ON_BOARD = re.compile(r"(?<!\w)(?:متن|في|ب)\s+$")


def materiel_seized(r: Reading) -> bool:
    """Materiel seized («استولوا على دبابة») is captured: a place is seized
    and held, a weapon taken is the enemy's loss and the taker's gain.

    «واستولوا على دبابة وعربة BMP في الهجوم» → 1 tanks captured
    """
    if r.scope == "seized" and (lexicon.record("subject", r.subject) or {}).get("topic") == "materiel":
        r.scope = "captured"
        return True
    return False


def rate(r: Reading) -> bool:
    """A count followed by a period («يومياً»، «في اليوم») is a rate: its
    unit says per what.

    «وقتل بمعدل 8 أشخاص يومياً خلال الشهر الماضي» → 8 killed persons {per_day}
    """
    following = _rates().match(r.plain, r.sentence.back.get(r.quantity["end"], r.end))
    if not following:
        return False
    unit = next(key for key in _RATE_KEYS if following.group(key))
    r.quantity = {**r.quantity, "unit": unit}
    return True


def losses_listed(r: Reading) -> bool:
    """Materiel in a list of losses is lost: «خسائر النظام بلغت 175 قتيلا،
    إلى جانب خمس دبابات».

    «وقالت المصادر إن خسائر القوات بلغت 60 قتيلا، إلى جانب ثلاث دبابات» → 3 tanks lost
    """
    from khabar.claims_table import THINGS_SCOPES

    if not r.scope and (lexicon.record("subject", r.subject) or {}).get("topic") == "materiel":
        losses = [p for p in r.sentence.predicates if p[1] <= r.start and p[2] in THINGS_SCOPES]
        if losses:
            r.scope = losses[-1][2]
            return True
    return False


def another_figure(r: Reading) -> bool:
    """A figure for what the paragraph counted before takes what befell it:
    «في المقابل، تحدثت صفحات موالية عن 38 جثة فقط».

    «وسلم التنظيم 40 جثة. في المقابل، تحدثت صفحات موالية عن 38 جثة» → 38 bodies handed_over
    """
    from khabar.claims_table import _reading

    if r.scope == "unspecified" and r.subject in r.carry.get("predicates", {}):
        r.scope = _reading(r.subject, r.carry["predicates"][r.subject], r.quantity["unit"])[1]
        return True
    return False


def batch_of_handover(r: Reading) -> bool:
    """A batch or stage of an exchange is handed over: «الدفعة الثالثة،
    وتضم 17 جثة».

    «ووصلت الدفعة الثالثة وتضم 17 جثة» → 17 bodies handed_over
    """
    from khabar.claims_table import _BATCH

    if r.scope == "unspecified" and _BATCH.search(r.plain):
        r.scope = "handed_over"
        return True
    return False


def place_of_share(r: Reading) -> bool:
    """A share of ground is of the place named after it, else before it;
    with none in the sentence, the place the paragraph named last.

    «ويسيطر التنظيم على 70% من مساحة مخيم اليرموك» → 70 area_share Yarmouk camp
    """
    from khabar.claims_table import _share_place

    if r.subject != "area_share":
        return False
    r.where = _share_place(r.state["named"], r.quantity["end"]) or r.carry.get("place")
    return True


RULES = [
    said_after_count,
    speaker_turn,
    others_continue,
    noun_left_out,
    share_of,
    noun_before,
    some_of_those_before,
    people_by_origin,
    verb_of_exceeding,
    dead_and_wounded_together,
    noun_reaches_count,
    two_nouns_one_number,
    toll_of_event,
    bodies_of,
    governing_predicate,
    complement_says,
    carried_by_vehicles,
    of_those_it_befell,
    carried_along,
    state_of_counted,
    part_of_counted,
    among_those_before,
    among_the_dead,
    count_goes_on,
    event_noun_passes_on,
    reading,
    evacuation_vehicles,
    materiel_seized,
    rate,
    losses_listed,
    another_figure,
    batch_of_handover,
    place_of_share,
]
"""The rules, in the order they read a count."""
