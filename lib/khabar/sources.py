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
    cues["speaker"] = reporting_alternation("speaker", "correspondent")
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
            and previous[0] not in (None, "unattributed", default[0])  # someone was quoted before
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
    if previous[0] and _opens_with_saying().match(plain):
        return previous[0], previous[1], True
    return default[0], default[1], False


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
def _back_reference() -> re.Pattern:
    """A definite head with no name («المصدر»، «الوكالة»، «الصفحات»، «المصادر
    نفسها»): the speaker quoted before, named again."""
    heads = reporting_alternation("speaker", "correspondent")
    return re.compile(rf"ال(?:{heads})(?:\s+(?:ذاته|ذاتها|نفسه|نفسها|ذاتهم|انفسهم|المذكور|المذكورة))?")


def _written(sentence: str, plain: str, offsets, start: int, end: int) -> str:
    """A speaker's name as written; after «لل» (ل swallowing the article:
    «للأمم المتحدة») with its article given back: «الأمم المتحدة»."""
    words = sentence[offsets[start] : offsets[end]]
    return "ال" + words if plain[max(0, start - 2) : start] == "لل" else words


def _speaker(plain: str, cue, patterns) -> tuple[int, int, str] | None:
    """(start, end, key) of who speaks by this cue, in folded text, or None."""
    name = patterns["name"]
    # «أفاد به ناشطون»: the verb's pronoun object comes before its subject.
    after = re.compile(r"\s+(?:(?:به|بها|بهم)\s+)?").match(plain, cue.end())
    position = after.end() if after else cue.end()
    known = name.match(plain, position)
    if cue.group("verb"):
        if known:
            return _relayed(plain, known, patterns) or _named(known)
        # The subject before its verb: "وكان تنظيم الدولة أعلن".
        before = [
            m
            for m in name.finditer(plain, max(0, cue.start() - 60), cue.start())
            # «مصادر أهلية في بلدة يلدا قدّرت»: a place after the name
            if re.fullmatch(r"[\s”\"»]*(?:(?:في|من)\s+\S+(?:\s+\S+)?\s+|\S+\s+)?", plain[m.end() : cue.start()])
        ]
        if before:
            m = before[-1]
            return _named(m)
        unknown = patterns["speaker"].match(plain, cue.end())
        if unknown:
            words = _trim(unknown.group("words"))
            end = unknown.start("words") + len(words)
            # «مراسل وكالة فرانس برس»: a known name begun inside the speaker's
            # words is read whole.
            inside = name.search(plain, unknown.start("words"), min(len(plain), end + 40))
            if inside and inside.start() < end and inside.group().startswith("ل"):
                # «مصدر عسكري لوكالة الأنباء الرسمية»: the speaker ends where ل
                # and a known name begin (the listener, or the owner below).
                words = plain[unknown.start("words") : inside.start()].rstrip()
                end = unknown.start("words") + len(words)
            elif inside and inside.start() < end and _key_of(words) == "other":
                return _named(inside)
            # «بيان للجيش السوري», «المكتب الإعلامي للتنظيم»: a statement, or a
            # definite office, of a known speaker is theirs; after an
            # indefinite speaker «لعنب بلدي» is who was told.
            of = re.compile(r"\s+").match(plain, end)
            owner = name.match(plain, of.end()) if of else None
            if (
                owner
                and owner.group().startswith("ل")
                and (
                    unknown.group("document")
                    or (words.startswith("ال") and not _TOLD.match(words))
                    # «مراسل لوكالة فرانس برس»: a correspondent of, not a source told
                    or words.split()[0] in _correspondents()
                )
                and _key_of(words) == "other"
            ):
                return _named(owner)
            # «الناطق باسم جيش الإسلام», «مصادر في المعارضة», «مصدر من الهلال
            # الأحمر»: who speaks for or from within a known speaker is theirs.
            member = _MEMBER_OF.match(plain, end)
            owner = name.match(plain, member.end()) if member else None
            if owner and not owner.group().startswith("ل") and _key_of(words) == "other":
                return _named(owner)
            return unknown.start("words"), end, _key_of(words)
        return None
    if known:
        return _named(known)
    # «بحسب إحصائية للدفاع المدني»: a document of a known speaker is theirs.
    document = patterns["speaker"].match(plain, cue.end())
    if document and document.group("document"):
        owner = name.match(plain, document.start("document") + len(document.group("document")) + 1)
        if owner and owner.group().startswith("ل"):
            return _named(owner)
    relayed = _relayed(plain, cue, patterns)
    if relayed:
        return relayed
    unknown = patterns["after_preposition"].match(plain, cue.end())
    if unknown and not patterns["cue"].match(plain, unknown.start("words")):
        words = _trim(unknown.group("words"))
        if words in lexicon_particles():
            return None
        return unknown.start("words"), unknown.start("words") + len(words), _key_of(words)
    return None


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
    for paragraph in article.paragraphs.itertuples():
        offset = 0
        for piece in _SENTENCE_END.split(paragraph.text):
            if not piece.strip():
                continue
            local = paragraph.text.index(piece, offset)
            offset = local + len(piece)
            start = paragraph.start + local
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
            rows.append(
                {
                    "paragraph": paragraph.Index,
                    "kind": paragraph.kind,
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
