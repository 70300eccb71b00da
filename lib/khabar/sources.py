"""Who says what: the article's sentences, each attributed to a claimant.

Claims, events and control rows all take their claimant from here.  A
speaker is found by the grammar of attribution: a reporting verb and its
subject after it («وقالت مصادر مطلعة») or before it («وكان تنظيم الدولة
أعلن»), or a phrase of attribution and the source after it («بحسب المرصد»،
«وفق ناشطين»، «نقلًا عن»).  Speakers the lexicon knows get their key
(:mod:`khabar.lexicon`, ``claimants.csv``); others are kept as written with
the key ``other``.  When no one is named, the claim is the outlet's, from
the article's metadata, or ``unattributed``.

>>> from khabar import load_article
>>> found = sentences(load_article())
>>> found.loc[found.text.str.startswith("وتحدثت عن انتشال"), ["claimant", "continues"]].values.tolist()
[['pro_regime_pages', True]]
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from khabar import lexicon
from khabar.lexicon import fold, folded_with_offsets

# إلا أن أخرى: "but others" -- the feminine أخرى agrees with مصادر
# (sources), so it means other sources even with the noun left out.
OTHER_SOURCES = re.compile(r"(?:الا\s+ان|لكن|غير\s+ان|بينما)\s+(?:مصادر\s+)?اخري(?!\w)")
# "وقدرت المصادر": the definite "the sources" points back to the sources
# named last (informed or other).
THE_SOURCES = re.compile(r"^المصادر$")
SOURCES = ("informed_sources", "other_sources", "local_sources")

# The source a reporter relays: "وفق ما رصدت عنب بلدي في العدد 124 من
# صحيفة النبأ" is al-Naba's claim, seen by the outlet.
RELAYED_FROM = re.compile(r"^\s+(?:\S+\s+){0,3}?(?:في|من|عن)\s+$")
_REPORTED_BEGUN = re.compile(r"(?<!\w)ان(?!\w)")
# Words that end a speaker's name: "مسؤول محلي إن", "مصدر عسكري لعنب بلدي".
_NAME_ENDS = re.compile(r"(?:ان|عن|الي|في|من|علي|بال\S*|لل\S*|\S*[،,.:])")

# Speakers who tell someone: «المصادر لعنب بلدي», «المسؤول للمرصد» name the listener.
_TOLD = re.compile(r"ال(?:مصادر|مصدر|مسؤول|مسؤولون|شهود|شاهد|مراسل|ناشط|ناشطون)(?!\S)")
_SAME = frozenset(("ذاته", "ذاتها", "ذاتهم", "نفسه", "نفسها", "نفسهم", "انفسهم"))
_MEMBER_OF = re.compile(r"\s+(?:باسم|في|من|داخل|مقرب\s+من|مقربة\s+من)\s+")

_SENTENCE_END = re.compile(r"(?<=[.!؟])\s+|(?<=[.!؟])$")


def _name_pattern(form: str) -> str:
    words = [re.escape(word) for word in form.split()]
    return r"[“\"«]?" + r"[”\"»]?[\s“”\"«»]+".join(words) + r"[”\"»]?"


@cache
def reporting_alternation(*kinds: str) -> str:
    """A regex alternation of the reporting words of ``kinds`` (rows of
    ``reporting.csv``), longest first, a space matching any run of spaces.

    >>> "حسب" in reporting_alternation("preposition").split("|")
    True
    """
    forms = (form for record in lexicon.rows("reporting") if record["kind"] in kinds for form in record["forms"])
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in sorted(forms, key=len, reverse=True))


@cache
def _patterns() -> dict:
    names = {form: record["key"] for record in lexicon.rows("claimant") for form in record["forms"]}
    alternation = "|".join(_name_pattern(form) for form in sorted(names, key=len, reverse=True))
    without_article = "|".join(
        _name_pattern(form[2:]) for form in sorted(names, key=len, reverse=True) if form.startswith("ال")
    )
    cues = {kind: reporting_alternation(kind) for kind in ("verb", "preposition", "document")}
    cues["speaker"] = reporting_alternation("speaker", "correspondent", "title")
    return {
        "names": names,
        # ل swallows the alif of ال: «للجيش السوري» is ل + «الجيش السوري».
        "name": re.compile(
            rf"(?<!\w)(?:[وفب]?لل(?P<name_l>{without_article})"
            rf"|(?:[وفب]?ل|[وفب])?(?P<name>{alternation}))(?!\w)"
        ),
        "cue": re.compile(
            rf"(?<!\w)[وف]?(?:(?P<verb>(?:{cues['verb']})(?:ه|ها|هم)?)"
            rf"|(?P<preposition>{cues['preposition']}))(?!\w)"
        ),
        # A speaker the lexicon does not know: a head noun (مسؤول، مصدر، بيان)
        # and up to two words of its name, never a particle.
        "speaker": re.compile(
            # «أحد مسؤولي الهلال الأحمر»: one of, and a head in construct
            rf"\s+(?P<words>(?:(?:احد|احدي|بعض)\s+)?(?:ال)?(?:(?:{cues['speaker']})(?:ي|و)?|(?P<document>{cues['document']}))(?!\w)"
            rf"(?:\s+(?!(?:ان|عن|في|من|الي|علي)(?!\w))[^\W\d_]+){{0,2}})"
        ),
        "after_preposition": re.compile(r"\s+(?:ما\s+)?(?P<words>(?!(?:ان|ما)(?!\w))[^\W\d_]+(?:\s+[^\W\d_]+){0,2})"),
    }


@cache
def _correspondents() -> frozenset:
    """Heads of a speaker whose «ل» names whom they report for («مراسل
    لوكالة فرانس برس»), not whom they told («مصدر لعنب بلدي»)."""
    return frozenset(
        form for record in lexicon.rows("reporting") if record["kind"] == "correspondent" for form in record["forms"]
    )


def _named(match) -> tuple[int, int, str]:
    """(start, end, key) of a claimant name found by the ``name`` pattern."""
    group = "name" if match.group("name") else "name_l"
    words = match.group(group) if group == "name" else "ال" + match.group(group)
    return match.start(group), match.end(group), _patterns()["names"][_norm(words)]


def _key_of(words: str) -> str:
    """The claimant key of a speaker's words: the lexicon's when they are a
    name it holds or contain one («مراسل عنب بلدي»), else ``other``."""
    plain = " ".join(re.sub(r"[“”\"«»]", " ", words).split())
    if plain in _patterns()["names"]:
        return _patterns()["names"][plain]
    inside = _patterns()["name"].search(plain)
    return _named(inside)[2] if inside else "other"


def _trim(words: str) -> str:
    """A speaker's words up to the first word that cannot belong to the name.
    An adjective agrees with its noun in definiteness («مسؤول محلي»،
    «الفرقة السابعة»); an indefinite head may lead a construct ending in a
    definite noun («شبكة صوت العاصمة»، «وزارة الدفاع الروسية»), after
    which every word is definite.  So «المصادر عدد الجثث» is «المصادر» alone."""
    kept, seen_definite = [], False
    for index, word in enumerate(words.split()):
        if kept and word in _SAME:
            kept.append(word)  # «المصادر ذاتها»: the same sources
            break
        if kept:
            if _NAME_ENDS.fullmatch(word) or word in _closed_words():
                break
            if word.startswith("ل") and _patterns()["name"].match(" ".join(words.split()[index:])):
                break  # «لعنب بلدي»: the listener, not part of the speaker
            definite = word.startswith("ال")
            if kept[0].startswith("ال") and not definite:
                break
            if seen_definite and not definite:
                break
            seen_definite = seen_definite or definite
        kept.append(word)
    return " ".join(kept)


def outlet_claimant(metadata: dict | None) -> tuple[str, str]:
    """(claimant key, Arabic name) of the outlet an article's metadata names:
    the lexicon's key when it knows the outlet, ``other`` when not, and
    ``unattributed`` when the metadata names none.

    >>> outlet_claimant({"outlet": "Enab Baladi", "outlet_ar": "عنب بلدي"})
    ('enab_baladi', 'عنب بلدي')
    >>> outlet_claimant({"outlet_ar": "صحيفة جديدة"}), outlet_claimant({})
    (('other', 'صحيفة جديدة'), ('unattributed', ''))
    """
    metadata = metadata or {}
    names = [name for name in (metadata.get("outlet_ar"), metadata.get("outlet")) if name]
    if not names:
        return "unattributed", ""
    for name in names:
        key = _patterns()["names"].get(fold(" ".join(name.split())))
        if key:
            return key, names[0]
    by_english = {record["label_en"]: record["key"] for record in lexicon.rows("claimant")}
    return next((by_english[name] for name in names if name in by_english), "other"), names[0]


def claimant_of(
    sentence: str, previous: str | None = None, last_sources: str | None = None, default: str = "unattributed"
) -> str:
    """Who makes the claims in ``sentence``.  ``previous`` is the previous
    sentence's claimant, ``last_sources`` the sources named last,
    ``default`` the claimant when no one is named (the article's outlet).

    >>> claimant_of("وقدر التنظيم خسائر القوات بخمس دبابات")
    'isis'
    >>> claimant_of("وتحدثت عن انتشال جثث بعض العناصر", previous="pro_regime_pages")
    'pro_regime_pages'
    >>> claimant_of("وقتل 17 عنصرا بحسب المرصد السوري"), claimant_of("وقال مسؤول محلي إن 9 قتلوا")
    ('sohr', 'other')
    """
    return attribute(sentence, (previous, previous or ""), last_sources, (default, ""))[0]


def attribute(
    sentence: str,
    previous=(None, ""),
    last_sources: str | None = None,
    default=("unattributed", ""),
    folded: tuple[str, list[int]] | None = None,
) -> tuple[str, str, bool]:
    """(claimant key, claimant as written, continues) for ``sentence``.
    ``previous`` and ``default`` are (key, as written) pairs; ``continues``
    is True when the sentence names no speaker and carries on the previous one.

    >>> attribute("وكان تنظيم “الدولة” أعلن سيطرته")
    ('isis', 'تنظيم “الدولة”', False)
    >>> attribute("ونعت الفرقة السابعة مقتل 4 من ضباطها")
    ('other', 'الفرقة السابعة', False)

    ``folded`` is the sentence's fold and offsets when the caller has them.
    """
    plain, offsets = folded or folded_with_offsets(sentence)
    patterns = _patterns()

    def written(start, end):
        return _written(sentence, plain, offsets, start, end)

    other = OTHER_SOURCES.search(plain)
    found = []
    # «المرصد السوري: مقتل 17 عنصرًا»: a name and a colon open a headline's claim.
    headline = patterns["name"].match(plain)
    if headline and re.match(r"\s*:", plain[headline.end() :]):
        start, end, key = _named(headline)
        found.append((-1, key, written(start, end)))
    if other:
        found.append((other.start(), "other_sources", written(other.start(), other.end()).split()[-1]))
    for cue in patterns["cue"].finditer(plain):
        speaker = _speaker(plain, cue, patterns)
        if speaker:
            start, end, key = speaker
            found.append((cue.start(), key, written(start, end)))
    if found:
        found.sort(key=lambda hit: hit[0])
        _, key, words = found[0]
        # «ذكرت الأناضول أن التنظيم أعلن مقتل 27 جنديا»: a known speaker quoted
        # inside the reported words is whose claim it is.
        inner = [
            hit
            for hit in found[1:]
            if hit[1] not in ("other", key) and _REPORTED_BEGUN.search(plain[max(found[0][0], 0) : hit[0]])
        ]
        if inner:
            _, key, words = inner[0]
        if (
            key == "other"
            and previous[0] not in (None, "unattributed")
            and tuple(previous) != tuple(default)  # someone other than the outlet was quoted before
            and _back_reference().fullmatch(fold(words))
            and not THE_SOURCES.search(fold(words))  # bare «المصادر»: the sources named last, below
            and not _MEMBER_OF.match(plain, plain.find(fold(words)) + len(fold(words)))  # «الناطق باسم …»
        ):
            return previous[0], previous[1], True  # «وأضاف المصدر»، «المصادر نفسها»: the one just quoted
        if THE_SOURCES.search(fold(words)) and key == "other":
            key = (
                last_sources
                if last_sources in SOURCES
                else (previous[0] if previous[0] in SOURCES else "informed_sources")
            )
        return key, words, False
    if previous[0] and (_opens_with_saying().match(plain) or _goes_on().match(plain)):
        return previous[0], previous[1], True
    if previous[0] not in (None, "unattributed") and tuple(previous) != tuple(default):
        # «ولم تتمكن الشبكة من تحديد …»: the speaker just quoted, named again
        # by its head as the subject of the sentence's first verb, still speaks
        again = _SUBJECT_AGAIN.match(plain)
        head = again and _back_reference().fullmatch(again.group("head"))
        if head and again.group("head")[2:] in [word.removeprefix("ال") for word in fold(previous[1]).split()]:
            return previous[0], previous[1], True
    return default[0], default[1], False


_SUBJECT_AGAIN = re.compile(r"[وف]?(?:(?:لم|لا|لن|قد)\s+)?[^\W\d_]+\s+(?P<head>ال[^\W\d_]+)(?!\S)")

# A clause opened by a contrast and a verb of saying gives the floor to a
# second speaker for the rest of the sentence: «…، في حين ذكرت وكالة سانا
# أن …», «…، بينما أفاد الدفاع المدني …», «…، وقال المرصد إن …».
_TURN = re.compile(r"(?:(?:[،,]\s*|(?<!\w))[وف]?(?:في\s+حين|بينما|فيما|في\s+المقابل|لكن|غير\s+ان|الا\s+ان)|[،,]\s*)\s*")


def turns(sentence: str, folded: tuple[str, list[int]] | None = None) -> list[tuple[int, str, str]]:
    """Speakers who take the floor inside a sentence after a contrast
    («في حين»، «بينما») or a new clause opening with a verb of saying:
    (offset in ``sentence``, claimant key, as written).  Counts after the
    offset are theirs; counts before keep the sentence's claimant.

    >>> turns("وقال المرصد إن 15 عنصرا قتلوا، في حين ذكرت وكالة سانا أن الجيش قتل 30.")
    [(29, 'state_media', 'وكالة سانا')]
    >>> turns("وقتل 5 مدنيين، وقال الدفاع المدني إن 10 آخرين أصيبوا."), turns("وقال المرصد إن 15 عنصرا قتلوا.")
    ([(13, 'civil_defence', 'الدفاع المدني')], [])
    """
    plain, offsets = folded or folded_with_offsets(sentence)
    patterns = _patterns()
    found = []
    for turn in _TURN.finditer(plain):
        if turn.start() == 0:
            continue
        cue = patterns["cue"].match(plain, turn.end())
        if not cue or not cue.group("verb"):
            continue
        speaker = _speaker(plain, cue, patterns)
        if speaker and speaker[0] > turn.start():
            start, end, key = speaker
            found.append((offsets[turn.start()], key, _written(sentence, plain, offsets, start, end)))
    return found


def said_after(sentence: str, end: int) -> tuple[str, str] | None:
    """(claimant key, as written) named by «بحسب»، «وفق»… after a count
    and before its clause ends: each figure of «35 جثة بحسب المرصد، و50 وفق
    مصادر أهلية» is its own speaker's.  ``end`` is the count's end offset in
    ``sentence``.

    >>> said_after("35 جثة بحسب المرصد، و50 وفق مصادر أهلية", 23)
    ('local_sources', 'مصادر أهلية')
    """
    plain, offsets = folded_with_offsets(sentence)
    position = {offset: index for index, offset in enumerate(offsets)}.get(end, len(plain))
    return said_after_folded(sentence, plain, offsets, position)


def said_after_folded(sentence: str, plain: str, offsets, position: int) -> tuple[str, str] | None:
    """:func:`said_after` for a sentence already folded (``plain`` and its
    ``offsets``), ``position`` being the count's end in ``plain``."""
    clause_end = _CLAUSE_END.search(plain, position)
    limit = clause_end.start() if clause_end else len(plain)
    patterns = _patterns()
    if clause_end and clause_end.group() == "،":
        # «فيما نزح 15 ألفا، وفق تقديرات أممية»: an attribution that opens
        # the next clause and ends the sentence is the count's
        opens = patterns["cue"].match(plain, clause_end.end() + 1)
        if opens and opens.group("preposition") and not re.search(r"[،؛:;]", plain[opens.end() :]):
            limit = len(plain)
    for cue in patterns["cue"].finditer(plain, position, limit):
        if cue.group("preposition"):
            speaker = _speaker(plain, cue, patterns)
            if speaker:
                first, last, key = speaker
                return key, _written(sentence, plain, offsets, first, last)
    return None


_CLAUSE_END = re.compile(r"[،؛:;.]")


@cache
def _opens_with_saying() -> re.Pattern:
    """A sentence opening with a verb of saying and naming no one («وتحدثت
    عن …», «وتابع أن …», «وأوضح في بيان أن …»): Arabic drops a subject that
    is the one just quoted, so the sentence carries on that speaker.  The
    verbs are the lexicon's (``reporting.csv``, kind ``verb``)."""
    # «وبيّن أن»: بين opens a sentence as a verb of saying only before أن
    return re.compile(rf"[وف]?(?:(?:{reporting_alternation('verb')})(?:ت|وا)?|بين(?:ت)?(?=\s+ان))(?!\w)")


@cache
def _represents() -> re.Pattern:
    from khabar.predicates import cue_words

    return re.compile(rf"(?:ال)?(?:{cue_words('represents')})$")


@cache
def _goes_on() -> re.Pattern:
    """A sentence opening with «مما»، «الأمر الذي»، «وهو ما» is the end of
    the sentence before, cut by a full stop: it says what that one's words
    led to, so it is the same speaker's (``reporting.csv``, ``continues``)."""
    return re.compile(rf"(?:{reporting_alternation('continues')})(?!\w)")


@cache
def _back_reference() -> re.Pattern:
    """A definite head with no name («المصدر»، «الوكالة»، «الصفحات»، «المصادر
    نفسها»): the speaker quoted before, named again."""
    heads = reporting_alternation("speaker", "correspondent")
    return re.compile(rf"ال(?:{heads})(?:\s+(?:ذاته|ذاتها|نفسه|نفسها|ذاتهم|انفسهم|المذكور|المذكورة))?")


def _written(sentence: str, plain: str, offsets, start: int, end: int) -> str:
    """A speaker's name as written; after «لل» (ل swallowing the article:
    «للأمم المتحدة») with its article given back: «الأمم المتحدة»."""
    words = sentence[offsets[start] : offsets[end]]
    if len(words) > 2 and words[0] in '“"«' and words[-1] in '”"»' and not re.search('[“”"«»]', words[1:-1]):
        words = words[1:-1]  # «"الدفاع المدني"»: the name, not its quotation marks
    return "ال" + words if plain[max(0, start - 2) : start] == "لل" else words


@cache
def _reporting_forms(*kinds: str) -> frozenset:
    return frozenset(
        form for record in lexicon.rows("reporting") if record["kind"] in kinds for form in record["forms"]
    )


@cache
def _phrase_stops() -> frozenset:
    """Words that end a speaker's phrase: function words, predicates, verbs
    and phrases of saying, documents and asides («في بيان»، «في وقت سابق»),
    time words and the passive «تم» (never a speaker)."""
    from khabar.dates import EGYPTIAN_MONTHS, LEVANTINE_MONTHS, WEEKDAYS

    words = set(lexicon_particles()) - {"في", "من", "داخل"}
    words.update(form for record in lexicon.rows("predicate") for form in record["forms"])
    words.update(_reporting_forms("verb", "preposition", "document", "aside", "participle"))
    words.update(fold(w) for w in [*WEEKDAYS, *LEVANTINE_MONTHS, *EGYPTIAN_MONTHS] for w in w.split())
    words.update(("ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "بانهم", "لان", "اليوم", "امس"))
    words.update(("تم", "يتم", "جري", "يجري", "وقال", "وقالت"))
    return frozenset(words)


def _stops_phrase(word: str) -> bool:
    bare = word[1:] if word[:1] in "وف" and len(word) > 3 and word[1:] in _phrase_stops() else word
    return (
        bare in _phrase_stops()
        or (
            bare.startswith("ال")
            and (bare[2:] in _predicate_forms() or bare[2:] in _reporting_forms("document", "aside"))
        )
        or any(c.isdigit() for c in word)
    )


@cache
def _counted_words() -> frozenset:
    """Counted nouns and number words: never part of a person's name."""
    words = {form for record in lexicon.rows("noun") for form in record["forms"]}
    words.update(form for record in lexicon.rows("number") for form in record["forms"])
    return frozenset(words)


@cache
def _predicate_forms() -> frozenset:
    return frozenset(form for record in lexicon.rows("predicate") for form in record["forms"])


# One word of a speaker's phrase, perhaps inside quotation marks.
_PHRASE_WORD = re.compile(r"[ \t]*[“\"«]?(?P<word>[^\s“”\"«»،,.:;؛!؟()\[\]-]+)[”\"»]?")
# A name in quotation marks, of up to five words, after a speaker's head
# («مراسل موقع «صدى اليوم»»، «شبكة "صوت العاصمة"»): its words are a name,
# even one that would end a phrase («اليوم»).
_QUOTED_NAME = re.compile(r"[ \t]*(?:«[^«»،,.:؛\d]{1,40}?»|“[^“”،,.:؛\d]{1,40}?”|\"[^\"،,.:؛\d]{1,40}?\")")
# A boundary after a name: the reported words, a comma, a colon or «ب».
_AFTER_NAME = re.compile(r"\s*(?:[،,:]|\()|\s+(?:ان|انه|انها|انهم|بان|بانه)(?!\w)")


def phrase_end(plain: str, start: int, end: int, told: bool | None = None) -> int:
    """Where a speaker's phrase that begins at ``start`` and whose head ends
    at ``end`` (offsets in folded text) ends.  Arabic news names a speaker
    with more than a head: adjectives and genitives («مصدر عسكري رفيع
    المستوى»، «مدير مركز الإيواء»), whom he speaks for or belongs to
    («المتحدث باسم الوزارة»، «عضو في لجنة المفاوضات»، «وزارة الصحة التابعة
    للحكومة»), a name after a title («مدير المركز أحمد سالم») and a
    description set off by commas («الدكتور سامر خليل، مدير المستشفى
    الميداني،»).  It ends at «إن/أن», at a time word, an aside («في بيان»)
    or a predicate, and at «ل» and a known name: after an indefinite head or
    one who tells (``told``), the listener («مصدر لعنب بلدي»).

    >>> plain = fold("وقال مدير مركز الإيواء أحمد سالم إن 40 عائلة وصلت")
    >>> plain[5:phrase_end(plain, 5, 9)]
    'مدير مركز الايواء احمد سالم'
    """
    words = plain[start:end].split()
    head_definite = bool(words) and words[0].startswith("ال")
    if told is None:
        # an indefinite head tells someone («مصدر لعنب بلدي»), as do «المصادر»,
        # «المسؤول»; a correspondent reports for («مراسل لوكالة فرانس برس»)
        told = bool(words) and words[0] not in _correspondents() and (not head_definite or bool(_TOLD.match(words[0])))
    definite = any(word.startswith("ال") for word in words)
    affiliations = _reporting_forms("affiliation")
    position = end
    while True:
        token = _PHRASE_WORD.match(plain, position)
        if not token:
            break
        word = token.group("word")
        quoted = _QUOTED_NAME.match(plain, token.start())
        if quoted and position > start:
            position, definite = quoted.end(), True  # «مراسل موقع «صدى اليوم»»: a quoted name, whole
            continue
        known = _patterns()["name"].match(plain, token.start("word"))
        if known and not word.startswith("ل") and known.end() > token.end():
            position, definite = known.end(), True  # «باسم هيئة تحرير الشام»: a known name, whole
            continue
        if word == "باسم" or word in affiliations:
            # «باسم الوزارة»، «التابعة لجماعة الحوثيين»، «المقرب من المعارضة»
            after = re.compile(r"\s+(?:من\s+)?").match(plain, token.end())
            following = _PHRASE_WORD.match(plain, after.end()) if after else None
            if not following or _stops_phrase(following.group("word")):
                break
            named = _patterns()["name"].match(plain, following.start("word"))
            position, definite = max(following.end(), named.end() if named else 0), True
            continue
        if word == "عن" and _represents().match(words[0]) and position < len(plain):
            word = "في"  # «عضو لجنة التفاوض عن جانب المعارضة»: whom he stands for
        if word in ("في", "من", "داخل"):
            # «عضو في لجنة المفاوضات»، «مصدر في قيادة العمليات»: who he is among
            following = _PHRASE_WORD.match(plain, token.end())
            if not following or _stops_phrase(following.group("word")):
                break
            named = _patterns()["name"].match(plain, following.start("word"))
            position = max(following.end(), named.end() if named else 0)
            definite = definite or following.group("word").startswith("ال")
            continue
        if _stops_phrase(word):
            break
        if word.startswith("ل") and not word.startswith("ال"):
            known = _patterns()["name"].match(plain, token.start("word"))
            if known and told:
                break  # «مصدر عسكري لوكالة الأناضول»: who was told
            if known:
                position, definite = known.end(), True  # «المكتب الإعلامي للتنظيم»: whose office
                continue
            if word.startswith("لل") and definite:
                position = token.end()  # «المنظمة الدولية للهجرة»: a genitive with ل
                continue
            if word[1:] in _reporting_forms("speaker") and definite and not told:
                position = token.end()  # «الأمانة العامة لمجلس المحافظة»: whose it is
                continue
            if word[1:] in _reporting_forms("speaker", "correspondent", "document") or word.startswith("لل"):
                break  # «لوكالة محلية»: whom he told; «ليبية» is a word of its own
        if word.startswith(("وال", "فال")) and definite:
            position = token.end()  # «مركز طب الطوارئ والدعم»: within a name
            continue
        if word[:1] in "وف" and len(word) > 2 and not head_definite and not definite and word[1:] in _phrase_stops():
            break
        if (
            word.startswith("و")
            and not definite
            and position > end
            and not _stops_phrase(word[1:])
            and word[1:] not in _predicate_forms()
            and (following := _PHRASE_WORD.match(plain, token.end()))
            and following.group("word").startswith("ال")
            and not _stops_phrase(following.group("word"))
        ):
            position = token.end()  # «جمعية رعاية وتأهيل الأيتام»: two nouns in one construct
            continue
        if word.startswith("ال"):
            position, definite = token.end(), True
            continue
        if not definite and (not word.startswith(("و", "ف")) or word in _reporting_forms("speaker")):
            # «مصدر عسكري»: an adjective agrees with its indefinite head;
            # «مراسل وكالة»: a head noun that begins with و, in construct
            position = token.end()
            continue
        # A definite phrase, then up to three indefinite words and a boundary:
        # the name after a title («مدير مركز الإيواء أحمد سالم إن»).
        run, cursor = 0, position
        while run < 3:
            quoted = _QUOTED_NAME.match(plain, cursor)
            if quoted and run:
                cursor, run = quoted.end(), run + 1  # «قوات عملية «فجر الجنوب»»
                continue
            more = _PHRASE_WORD.match(plain, cursor)
            if (
                not more
                or _stops_phrase(more.group("word"))
                or more.group("word").startswith(("ال", "و", "ف", "ل"))
                or more.group("word") in _counted_words()  # «نقلت اللجنة رفات أربع»: the object, not a name
            ):
                break
            cursor, run = more.end(), run + 1
        if run and (_AFTER_NAME.match(plain, cursor) or _patterns()["name"].match(plain, cursor + 1)):
            position = cursor
        break
    return _apposition_end(plain, position)


def _apposition_end(plain: str, position: int) -> int:
    """After a speaker's phrase, a description or a name set off by commas
    belongs to it («اللواء يحيى رسول»، «مدير المستشفى الميداني»), unless it
    opens with «و» («وهو من سكان البلدة»), a time word or an aside."""
    aside = re.compile(r"\s*[،,]\s*(?P<words>[^،,:؛.]{2,60}?)\s*[،,]").match(plain, position)
    if not aside:
        return position
    words = aside.group("words").split()
    if not 1 <= len(words) <= 6 or words[0][:1] in ("و", "ف") or any(_stops_phrase(w) for w in words[:1]):
        return position
    if words[0].startswith("ل") and not words[0].startswith("ال"):
        return position  # «، لـ “الشبكة”،»: whom he told, not who he is
    if any(w in _phrase_stops() and w not in ("في", "من") for w in words) or re.search(r"[0-9]", aside.group("words")):
        return position
    return aside.end("words")


def _phrase(plain: str, start: int, end: int, told: bool | None = None) -> tuple[int, int, str]:
    """(start, end, key) of a whole speaker phrase: the key of a known name
    it holds («المتحدث باسم الدفاع المدني» is the civil defence's), else ``other``."""
    end = phrase_end(plain, start, end, told)
    words = plain[start:end]
    exact = _patterns()["names"].get(_norm(words))
    if exact:
        return start, end, exact
    inside = _patterns()["name"].search(plain, start, end)
    return start, end, (_named(inside)[2] if inside and inside.end() <= end else "other")


# «وكان مركز طب الطوارئ أكد»، «وكانت مصادر في المقاومة، قد ذكرت»: the
# subject between «كان» and its verb of saying.
_WAS = re.compile(r"(?<!\w)[وف]?(?:كان|كانت|كانوا)(?=\s)")
_BEFORE_VERB = re.compile(r"[\s،,]*(?:قد\s+)?$")
# A speaker with no head the lexicon knows: a verb of saying, one to four
# words, and the reported words («وقال رسول، في بيان»، «أعلنت إسرائيل أنها»).
_BARE_NAME = re.compile(r"\s+(?P<words>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}?)(?=\s*[،,:]|\s+(?:ان|انه|انها|انهم)(?!\w))")


def _subject_before(plain: str, cue, patterns) -> tuple[int, int, str] | None:
    """The unknown speaker named between «كان» and the verb of saying."""
    was = [m for m in _WAS.finditer(plain, max(0, cue.start() - 120), cue.start())]
    if not was or re.search(r"[.؛:]", plain[was[-1].end() : cue.start()]):
        return None
    head = patterns["speaker"].match(plain, was[-1].end())
    if not head:
        return None
    first = head.start("words")
    start, end, key = _phrase(plain, first, first + len(_trim(head.group("words")).split()[0]))
    return (start, end, key) if _BEFORE_VERB.match(plain[end : cue.start()]) else None


def _speaker(plain: str, cue, patterns) -> tuple[int, int, str] | None:
    """(start, end, key) of who speaks by this cue, in folded text, or None.
    The span is the whole speaker phrase (:func:`phrase_end`), without the
    preposition before it."""
    name = patterns["name"]
    # «أفاد به ناشطون»: the verb's pronoun object comes before its subject;
    # «وفقًا لـ "الدفاع المدني"»: ل written apart before a quoted name.
    after = re.compile(r"\s+(?:(?:به|بها|بهم|ل)\s+)?\(?").match(plain, cue.end())
    position = after.end() if after else cue.end()
    known = name.match(plain, position)
    if cue.group("verb"):
        if known:
            return _relayed(plain, known, patterns) or _affiliated(plain, _named(known))
        # The subject before its verb: "وكان تنظيم الدولة أعلن".
        before = [
            m
            for m in name.finditer(plain, max(0, cue.start() - 60), cue.start())
            # «مصادر أهلية في بلدة يلدا قدّرت»: a place after the name
            if re.fullmatch(r"[\s”\"»]*(?:(?:في|من)\s+\S+(?:\s+\S+)?\s+|\S+\s+)?", plain[m.end() : cue.start()])
            # «خسائر تنظيم الدولة تقدر»: a name in construct after a noun is
            # who is spoken of, not who speaks
            and not _in_construct(plain, m.start())
        ]
        if before:
            m = before[-1]
            return _named(m)
        was = _subject_before(plain, cue, patterns)
        if was:
            return was
        unknown = patterns["speaker"].match(plain, cue.end())
        if unknown:
            words = _trim(unknown.group("words"))
            first = unknown.start("words")
            end = first + len(words)
            if unknown.group("document"):
                # «بيان للجيش السوري»، «إحصائية لوزارة الصحة»: a document is its owner's
                owner = _owner(plain, first + len(unknown.group("document")))
                if owner:
                    return owner
            # «مراسل وكالة فرانس برس»: a known name begun inside the speaker's
            # words is read whole.
            inside = name.search(plain, first, min(len(plain), end + 40))
            if (
                inside
                and inside.start() < end
                and inside.group().startswith("ل")
                and words.split()[0] not in _correspondents()
            ):
                # «مصدر عسكري لوكالة الأنباء الرسمية»: the speaker ends where ل
                # and a known name begin (the listener, or the owner below).
                words = plain[first : inside.start()].rstrip()
                end = first + len(words)
            elif inside and inside.start() < end and _key_of(words) == "other":
                end = max(end, inside.end())
            found = _phrase(plain, first, min(end, first + len(words.split()[0])) if not inside else end)
            return _relayed_source(plain, cue, found) or found
        bare = _BARE_NAME.match(plain, cue.end())
        # «وأكد الناشط أن»: a definite word with no head is the one quoted before
        if (
            bare
            and not bare.group("words").startswith("ال")
            and not any(_stops_phrase(word) for word in bare.group("words").split())
        ):
            first = bare.start("words")
            return _phrase(plain, first, bare.end("words"))
        return None
    if known:
        return _named(known)
    said = _SAID_BY.match(plain, cue.end())
    verb = patterns["cue"].match(plain, said.end()) if said else None
    if verb and verb.group("verb"):
        return _speaker(plain, verb, patterns)  # «وفق ما أفاد مسؤولون من الطرفين»
    relayed = _relayed(plain, cue, patterns)
    if relayed:
        return relayed
    # «بحسب إحصائية لوزارة الصحة»: a document of a speaker is the speaker's.
    document = (
        patterns["speaker"].match(plain, position - 1)
        if position > cue.end()
        else patterns["speaker"].match(plain, cue.end())
    )
    if document and document.group("document"):
        owner = _owner(plain, document.start("document") + len(document.group("document")))
        if owner:
            return owner
    # «وفقًا للمتحدث باسم الدفاع المدني»: ل swallows the article of the speaker
    own = re.compile(r"\s+(?:ما\s+)?(?:ل(?=[^ل\s]{2})(?!ا))?").match(plain, cue.end())
    if own:
        start = own.end()
        # «للمتحدث» is ل + «المتحدث»: read the head with its article given back
        swapped = plain[:start] + "ال" + plain[start + 2 :] if plain.startswith("لل", start) else plain
        if plain[start - 1] == "ل":
            swapped = plain[: start - 1] + " " + plain[start:]  # «لمصادر طبية»: ل before an indefinite speaker
        unknown = patterns["speaker"].match(swapped, start - 1)
        if unknown and unknown.group("document"):
            owner = _owner(swapped, unknown.start("document") + len(unknown.group("document")))
            if owner:
                return owner  # «وفقاً للإحصاءات التي تنشرها مديرية الصحة»
        if unknown and not unknown.group("document"):
            first = unknown.start("words")
            found = _phrase(swapped, first, first + len(unknown.group("words").split()[0]))
            return (found[0] + 2, *found[1:]) if plain.startswith("لل", start) and found[0] == start else found
    unknown = patterns["after_preposition"].match(plain, cue.end())
    if unknown and not patterns["cue"].match(plain, unknown.start("words")):
        words = _trim(unknown.group("words"))
        if words in lexicon_particles() or _stops_phrase(words.split()[0]):
            return None  # «وفق ما تم»: a passive names no one
        return unknown.start("words"), unknown.start("words") + len(words), _key_of(words)
    return None


_SAID_BY = re.compile(r"\s+(?:ما\s+)?")
# «بيان صادر عن لجنة الأسرى»: a document issued by its owner.
_ISSUED_BY = re.compile(r"\s+(?:ال)?(?:صادر|صادرة)\s+عن\s+")


def _affiliated(plain: str, named: tuple[int, int, str]) -> tuple[int, int, str]:
    """A known name and whose it is: «المنظمة الدولية للهجرة التابعة للأمم المتحدة»."""
    start, end, key = named
    follows = _PHRASE_WORD.match(plain, end)
    if follows and (follows.group("word") in _reporting_forms("affiliation") or follows.group("word") == "باسم"):
        return start, phrase_end(plain, start, end), key
    return named


def _owner(plain: str, position: int) -> tuple[int, int, str] | None:
    """The speaker whose document it is: «ل» and a phrase after it («بيان
    للجيش السوري»، «إحصائية لوزارة الصحة»), without the «ل»."""
    # «إحصاء سابق للمرصد»: an adjective may stand between the document and its owner
    adjective = re.compile(r"\s+(?!ال|ل)[^\W\d_]+(?=\s+ل)").match(plain, position)
    if adjective and not _stops_phrase(adjective.group().strip()):
        position = adjective.end()
    of = re.compile(r"\s+[“\"«]?(?P<l>ل)(?!ا)").match(plain, position) or re.compile(r"\s+(?P<l>ل)(?=ال)").match(
        plain, position
    )
    issued = _ISSUED_BY.match(plain, position)
    if issued:
        known = _patterns()["name"].match(plain, issued.end())
        if known:
            return _named(known)
        word = _PHRASE_WORD.match(plain, issued.end())
        if word and not _stops_phrase(word.group("word")):
            return _phrase(plain, issued.end(), word.end())
    if not of:
        # «تقديرات الأمم المتحدة»: a document in construct with its owner
        # «حصيلة جمعتها وكالة فرانس برس»: or made by it
        made = re.compile(r"\s+(?P<relative>(?:التي|الذي)\s+)?(?:[^\W\d_]+(?:ها|ه)\s+)?").match(plain, position)
        known = _patterns()["name"].match(plain, made.end()) if made else None
        if known and not known.group().startswith("ل"):
            return _named(known)
        maker = _patterns()["speaker"].match(plain, made.end() - 1) if made and made.group("relative") else None
        if maker and not maker.group("document"):
            # «الإحصاءات التي تنشرها مديرية الصحة»: made by a speaker the lexicon does not know
            first = maker.start("words")
            return _phrase(plain, first, first + len(maker.group("words").split()[0]))
        construct = re.compile(r"\s+(?=[“\"«]?ال)").match(plain, position)
        word = _PHRASE_WORD.match(plain, construct.end()) if construct else None
        if not word or _stops_phrase(word.group("word")):
            return None
        return _phrase(plain, construct.end(), word.end())
    known = _patterns()["name"].match(plain, of.start("l"))
    if known:
        return _named(known)
    whole = _PHRASE_WORD.match(plain, of.start("l"))
    if whole and whole.group("word") in _reporting_forms("speaker"):
        # «تقرير لجنة التحقيق»: the ل is the head's own first letter (لجنة، لواء)
        return _phrase(plain, whole.start("word"), whole.end())
    first = of.end() + (1 if plain.startswith("لل", of.start("l")) else 0)  # «للشبكة»: ل and the article
    word = _PHRASE_WORD.match(plain, first)
    if not word or _stops_phrase(word.group("word")):
        return None
    return _phrase(plain, first, word.end())


def _in_construct(plain: str, start: int) -> bool:
    """Whether the word before ``start`` is a noun the name is the genitive
    of: «خسائر تنظيم الدولة»، «عناصر التنظيم»، «قتلى الجيش»."""
    before = re.search(r"(?:^|\s)[وفب]?(?P<word>\S+)\s+$", plain[max(0, start - 30) : start])
    if not before:
        return False
    word = before.group("word")
    nouns = {form for record in lexicon.rows("noun") for form in record["forms"]}
    predicates = {form for record in lexicon.rows("predicate") for form in record["forms"]}
    return any(w in nouns or w in predicates for w in (word, word.removeprefix("ال")))


def _norm(words: str) -> str:
    return " ".join(re.sub(r"[“”\"«»]", " ", words).split())


@cache
def lexicon_particles() -> frozenset:
    return frozenset(form for record in lexicon.rows("particle") for form in record["forms"])


@cache
def _predicate_words() -> re.Pattern:
    forms = sorted({form for record in lexicon.rows("predicate") for form in record["forms"]}, key=len, reverse=True)
    return re.compile(r"(?<!\w)[وفبل]?(?:ال)?(?:" + "|".join(re.escape(f) for f in forms) + r")")


@cache
def _closed_words() -> frozenset:
    """Words that cannot continue a speaker's name: particles, predicates, verbs of saying."""
    words = set(lexicon_particles())
    for kind in ("predicate", "reporting"):
        words.update(form for record in lexicon.rows(kind) if record["key"] != "speaker" for form in record["forms"])
    return frozenset(words)


def _relayed_source(plain: str, cue, relayer: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """«ونقل المراسل عن متطوع في الهلال الأحمر قوله»: a reporter who relays
    («نقل … عن») a source the lexicon knows gives the floor to that source;
    one it does not know («عن مصدر في التحالف») leaves the claim with the
    reporter, who vouches for it."""
    from khabar.predicates import cue_words

    if not re.fullmatch(rf"[وف]?(?:{cue_words('relaying')})", cue.group().strip()):
        return None
    source = re.compile(r"\s+عن\s+").match(plain, relayer[1])
    if not source:
        return None
    known = _patterns()["name"].match(plain, source.end())
    if known:
        return _named(known)
    head = _patterns()["speaker"].match(plain, source.end() - 1)
    if not head or head.group("document"):
        return None
    first = head.start("words")
    found = _phrase(plain, first, first + len(head.group("words").split()[0]))
    return found if found[2] != "other" else None


def _relayed(plain: str, speaker, patterns):
    """The source a reporter relays, named later in the same clause after
    في، من or عن («رصدت عنب بلدي في العدد 124 من صحيفة النبأ»)."""
    clause_end = plain.find("،", speaker.end())
    clause_end = len(plain) if clause_end == -1 else clause_end
    for later in patterns["name"].finditer(plain, speaker.end(), clause_end):
        between = plain[speaker.end() : later.start()]
        # «أعلنت الهيئة مقتل 14 عنصرا من قوات النظام»: a named group after
        # a predicate is who the event befell, not a source; nor is one after
        # إن/أن («قال المرصد إن 8 عناصر من قوات النظام»): the
        # reported words have begun.
        if (
            RELAYED_FROM.search(between)
            and not _predicate_words().search(between)
            and not _REPORTED_BEGUN.search(between)
        ):
            return _named(later)
    return None


def sentences(article) -> pd.DataFrame:
    """The article's sentences (title, caption and body) with who each is
    attributed to: ``paragraph``, ``kind``, ``text``, ``start``, ``end``
    (offsets in ``article.text``), ``claimant`` (a lexicon key, ``other`` or
    the outlet's), ``claimant_ar`` (as written, or the outlet's name),
    ``side``, ``continues`` (True when the sentence carries on the previous
    speaker).

    >>> from khabar import load_article
    >>> s = sentences(load_article())
    >>> s.loc[s.text.str.startswith("إلا أن أخرى"), "claimant"].item()
    'other_sources'
    """
    columns = ["paragraph", "kind", "text", "start", "end", "claimant", "claimant_ar", "side", "continues"]
    return pd.DataFrame([[row[c] for c in columns] for row in sentence_records(article)], columns=columns)


def sentence_records(article) -> list[dict]:
    """:func:`sentences` as plain records, each also holding the sentence's
    fold (``plain``, ``offsets``: see :func:`khabar.text.fold_with_offsets`)
    and its ``turns``: every sentence is folded once, here.

    >>> from khabar import load_article
    >>> sentence_records(load_article())[0]["plain"] == sentence_records(load_article())[0]["text"]
    True
    """
    from khabar import text as _text

    default = outlet_claimant(getattr(article, "metadata", {}))
    rows, previous, last_sources = [], (None, ""), None
    paragraphs = article.paragraphs
    for index, kind, paragraph_text, paragraph_start in zip(
        paragraphs.index.tolist(),
        paragraphs["kind"].tolist(),
        paragraphs["text"].tolist(),
        paragraphs["start"].tolist(),
    ):
        # A quotation never runs past its paragraph.  A speaker does only
        # through a verb of saying with no subject («وتحدثت عن …»), which
        # Arabic writes only for the one just named, or a back-reference
        # («وأضاف المصدر»); any other sentence is the outlet's.
        offset, quoting = 0, False
        for piece in _SENTENCE_END.split(paragraph_text):
            if not piece.strip():
                continue
            local = paragraph_text.index(piece, offset)
            offset = local + len(piece)
            start = paragraph_start + local
            plain, offsets = _text.fold_with_offsets(piece)
            # A speaker who takes the floor later in the sentence speaks
            # only from there on (:func:`turns`): the sentence is whoever
            # speaks at its start.
            floor = turns(piece, (plain, offsets))
            if floor:
                cut = offsets.index(floor[0][0])
                head = (piece[: floor[0][0]], (plain[:cut], offsets[: cut + 1]))
            else:
                head = (piece, (plain, offsets))
            carried = previous
            claimant, claimant_ar, continues = attribute(head[0], previous, last_sources, default, folded=head[1])
            if quoting and not continues and claimant == default[0] and previous[0]:
                claimant, claimant_ar, continues = previous[0], previous[1], True  # inside a quotation left open
            quoting = _open_quotation(piece, quoting)
            rows.append(
                {
                    "paragraph": index,
                    "kind": kind,
                    "text": piece,
                    "start": start,
                    "end": start + len(piece),
                    "claimant": claimant,
                    "claimant_ar": claimant_ar,
                    "side": side_of(claimant),
                    "continues": continues,
                    "plain": plain,
                    "offsets": offsets,
                    "turns": floor,
                    "carried": carried,
                }
            )
            # the next sentence carries on whoever spoke last in this one
            previous = (floor[-1][1], floor[-1][2]) if floor else (claimant, claimant_ar)
            if claimant in SOURCES:
                last_sources = claimant
    return rows


def _open_quotation(text: str, quoting: bool) -> bool:
    """Whether a quotation is still open at the end of ``text`` (it was at
    its start when ``quoting``): the next sentence is then the speaker's own
    words («وأضاف: "… . ومنهم 5 أطفال"»).

    >>> _open_quotation('وقال: "قتل 5 مدنيين.', False), _open_quotation('وأصيب 3 آخرون".', True)
    (True, False)
    """
    opened = quoting
    for found in re.finditer(r"[“”«»\"]", text):
        mark, after_letter = found.group(), found.start() > 0 and text[found.start() - 1].isalpha()
        if mark == '"':
            opened = not opened
        else:
            # «“تلغرام“»: a mark right after a word closes, whichever way it is drawn
            opened = mark in "“«" and not after_letter
    return opened


def side_of(claimant: str) -> str:
    """The camp of a claimant key; ``unknown`` for a speaker the lexicon does not hold.

    >>> side_of("pro_regime_pages"), side_of("other")
    ('regime', 'unknown')
    """
    return (lexicon.record("claimant", claimant) or {}).get("side") or "unknown"


# The claimants' sides, as a mapping (read from the lexicon on use).


def __getattr__(name):
    if name == "SIDE":
        return {record["key"]: record["side"] for record in lexicon.rows("claimant")}
    raise AttributeError(name)
