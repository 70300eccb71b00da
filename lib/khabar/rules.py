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
    if found:
        s = r.sentence
        r.subject, r.lemma, r.anchor = found["subject"], found["lemma"], found["start"]
        r.noun = s.text[s.offsets[found["start"]] : s.offsets[found["end"]]]
        return True
    return False


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
    """
    from khabar.claims_table import _AMONG_THEM, _OF_THEM, _clause_start, _governing

    plain = r.plain
    r.predicate = _governing(plain, r.sentence.predicates, r.start, r.end, r.anchor, r.state["inherited"])
    r.of_them = _OF_THEM.match(plain, r.end) or _AMONG_THEM.search(plain, _clause_start(plain, r.start), r.start)
    return bool(r.predicate)


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
    """
    if not r.predicate and r.of_them and r.carry.get("predicate"):
        r.predicate = r.carry["predicate"]
        return True
    return False


def among_the_dead(r: Reading) -> bool:
    """«ومن بين القتلى 11 ضابطا»: counted among the dead, they are dead.

    «ومن بين القتلى 11 ضابطا» → 11 killed officers
    """
    from khabar.claims_table import _AMONG, _clause_start

    among = _AMONG.search(r.plain, _clause_start(r.plain, r.start), r.start)
    if among:
        group = noun_at(r.plain, among.start("noun"))
        if group and _kind(group["subject"]) == "event":
            r.predicate = group["subject"]
            return True
    return False


def count_goes_on(r: Reading) -> bool:
    """«… 57 جريحًا بينهم 14 طفلًا»: a count joined to the one before, with
    no predicate of its own between them, is what that one was.

    «وأصيب 57 شخصا بينهم 14 طفلا» → 14 wounded children
    """
    from khabar.claims_table import COORDINATED

    state, fired = r.state, False
    inherited, previous_end = state["inherited"], state["previous_end"]
    if (
        inherited
        and r.predicate in ("", inherited)
        and previous_end is not None
        and COORDINATED.match(r.plain[previous_end : r.start])
        and not any(previous_end <= p[0] < r.start for p in r.sentence.predicates)
    ):
        r.predicate, fired = inherited, True
    state["previous_end"] = r.end
    state["inherited"] = r.predicate or inherited
    return fired


def event_noun_passes_on(r: Reading) -> bool:
    """A noun that carries its event (قتلى، جرحى) passes it on to the counts
    that continue it; «4 قتلى من المدنيين» says whom.

    «وسقط 4 قتلى من المدنيين» → 4 killed civilians
    """
    from khabar.claims_table import _PARTITIVE, CASUALTY, _row

    if not (_kind(r.subject) == "event" and r.subject in CASUALTY):
        return False
    r.state["inherited"] = r.subject
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
    share_of,
    noun_before,
    some_of_those_before,
    people_by_origin,
    verb_of_exceeding,
    two_nouns_one_number,
    toll_of_event,
    bodies_of,
    governing_predicate,
    part_of_counted,
    among_those_before,
    among_the_dead,
    count_goes_on,
    event_noun_passes_on,
    reading,
    rate,
    losses_listed,
    another_figure,
    batch_of_handover,
    place_of_share,
]
"""The rules, in the order they read a count."""
