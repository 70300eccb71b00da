"""Arabic quantities in running text: digits (with a multiplier word: «25
ألف»), compound number words («مئتين وأربعين ألف»), the dual, vague
quantities («عشرات»، «بضعة»), ranges («بين 20 و30»), the qualifiers that
set a range before or after the number («نحو»، «على الأقل»), and the noun
each number counts.  Every number in a text is either a quantity or
recognised as a date, year, time, ordinal or identifier (:func:`numbers_in`).

The vocabulary (number words, qualifiers, nouns, identifier words) is data in
:mod:`khabar.lexicon`; this module holds the grammar.  Text is matched after
:func:`khabar.lexicon.fold` (no harakat or tatweel, one alif), and every
quote is cut from the text as given.

>>> quantities("قتل 175 من قوات الأسد")[["quote", "value_low", "noun", "lemma"]].values.tolist()
[['175 من قوات الأسد', 175.0, 'قوات', 'قوات']]
"""

from __future__ import annotations

import math
import re
from functools import cache

import pandas as pd

from khabar import conventions, lexicon
from khabar.dates import EGYPTIAN_MONTHS, LEVANTINE_MONTHS
from khabar.lexicon import fold, folded_with_offsets
from khabar.text import alternation

# Clitics Arabic writes joined to the next word: و (and), ف (so), ب (by, with),
# ل (for), ك (like); "بخمس" is "with five", "و12" is "and 12".
CLITIC = "(?:[وف]?[بلك]?)"


# Possessive pronouns a counted noun may carry: عناصره (its members),
# ضباطها، مقاتليهم.
POSSESSIVE = "(?:هما|هم|هن|ها|ه|كم|نا)"


def to_western_digits(text: str) -> str:
    """Arabic-Indic digits (٠–٩) to ASCII digits; other text unchanged.

    >>> to_western_digits("قرابة ٧٠٪")
    'قرابة 70٪'
    """
    return text.translate({0x0660 + d: str(d) for d in range(10)} | {0x06F0 + d: str(d) for d in range(10)})


def value_range(
    qualifier: str, n: float, upper: float = math.nan, convention: str = conventions.DEFAULT
) -> tuple[float, float]:
    """The (low, high) range the words allow around ``n``; NaN where open.
    ``upper`` caps the range (100 for a percentage).  The bands of exact,
    about, nearly, more_than and less_than are a named reading convention
    (:mod:`khabar.conventions`); ``and_some`` (ونيف, "and a few") is n+1 up to
    the next step of n's order: 20 ونيف is 21–29.

    >>> value_range("about", 85), value_range("more_than", 100), value_range("nearly", 30)
    ((76.0, 94.0), (101.0, nan), (27.0, 33.0))
    >>> value_range("more_than", 50, upper=100), value_range("at_least", 25), value_range("and_some", 20)
    ((51.0, 100.0), (25.0, nan), (21.0, 29.0))
    >>> value_range("nearly", 30, convention="nearly_below")
    (27.0, 30.0)
    """
    # A figure above the cap is not a share (a rise of 150%): no cap then.
    cap = upper if not math.isnan(upper) and n <= upper else math.nan
    if qualifier == "at_least":
        low, high = float(n), math.nan
    elif qualifier == "at_most":
        low, high = 0.0, float(n)
    elif qualifier == "and_some":
        step = 10 ** (len(str(int(n))) - 1) if n >= 10 else 10
        low, high = float(n + 1), float(n + step - 1)
    else:
        return conventions.band(qualifier, n, upper=cap, convention=convention)
    if not math.isnan(cap):
        high = float(cap if math.isnan(high) else min(high, cap))
    return low, high


def _vague_range(record) -> tuple[float, float]:
    if conventions.covers(record["qualifier"]):
        return conventions.vague_range(record["qualifier"])
    return float(record["low"]), float(record["high"])


def _alternation(forms) -> str:
    return alternation(forms)


@cache
def grammar() -> dict:
    """The patterns and tables built from the lexicon, once."""
    number_words = {
        form: (record["kind"], float(record["value"])) for record in lexicon.rows("number") for form in record["forms"]
    }
    qualifiers = {
        (record["position"], form): record["qualifier"]
        for record in lexicon.rows("qualifier")
        for form in record["forms"]
    }
    # A vague quantity's range is the default reading convention's where it
    # has one (dozens, hundreds, thousands), else the lexicon's.
    vague = {
        form: (record["qualifier"], *_vague_range(record))
        for record in lexicon.rows("vague")
        for form in record["forms"]
    }
    fractions = {form: value for form, (kind, value) in number_words.items() if kind == "fraction"}
    number_words = {form: entry for form, entry in number_words.items() if entry[0] != "fraction"}
    word = _alternation(number_words)
    before = _alternation(form for position, form in qualifiers if position == "before")
    after = _alternation(form for position, form in qualifiers if position == "after")
    multipliers = _alternation(form for form, (kind, _) in number_words.items() if kind == "multiplier")
    quantity = re.compile(
        rf"(?<!\w)(?:(?P<qualifier_clitic>[وفبلك]{{0,2}}?)(?P<qualifier>{before})\s+)?"
        rf"(?P<clitic>[وفبلك]{{0,2}}?)(?:"
        rf"(?P<ordinal>ال\s?)?(?P<percent_before>[%٪]\s?)?[“\"«]?(?P<digits>[0-9]+(?:[.,٫٬][0-9]+)*)[”\"»]?"
        rf"(?:\s*(?P<multiplier>{multipliers})(?!\w))?"
        rf"(?P<percent>\s?[%٪]|\s(?:في\s?ال|بال)م(?:ئ|ا|ائ)ة)?"
        rf"|(?P<vague_article>ال)?(?P<vague>{_alternation(vague)})"
        rf"|(?P<words>(?:{word})(?:\s+و?(?:{word}))*)(?P<words_percent>\s(?:في\s?ال|بال)م(?:ئ|ا|ائ)ة)?"
        rf")(?!\w)"
    )
    identifiers = []
    for record in lexicon.rows("identifier"):
        article = "(?:ال|لل)" if record["definite"] == "yes" else "(?:ال|لل)?"
        # A name may stand between an indefinite identifier and its number:
        # «فرع الأمن العسكري 227».
        between = r"(?:\s+ال[^\W\d_]+){0,2}" if record["kind"] == "identifier" and record["definite"] == "no" else ""
        identifiers.append(
            (
                record["kind"],
                # «شارع الـ(12)»: the article of the number, and a bracket, may come between
                re.compile(
                    rf"(?<!\w)[وفب]?{article}(?:{_alternation(record['forms'])}){between}\s*(?:ال\s*)?[“\"«(]?\s*$"
                ),
            )
        )
    months = _alternation(fold(month) for month in LEVANTINE_MONTHS + EGYPTIAN_MONTHS)
    nouns = {}
    plurals = {form for record in lexicon.rows("noun") for form in record["plural_forms"]}
    for record in lexicon.rows("noun"):
        entry = (record["lemma"], record["subject"])
        for form in record["plural_forms"]:
            nouns.setdefault(form, (*entry, "plural"))
        for form in record["singular_forms"]:
            nouns.setdefault(form, (*entry, "singular"))
            if form.endswith("ة"):  # web text often writes the final ة as ه: «جثه»، «امرأه»
                nouns.setdefault(form[:-1] + "ه", (*entry, "singular"))
            if " " in form:  # كيلومترا مربعا: each word of a singular takes the accusative
                nouns.setdefault(" ".join(word + "ا" for word in form.split()), (*entry, "singular"))
            if record["dual"] == "yes" and " " not in form and len(form) > 2:
                stem = form[:-1] + "ت" if form.endswith("ة") else form
                for dual in (stem + "ين", stem + "ان"):
                    if dual not in plurals:
                        nouns.setdefault(dual, (*entry, "dual"))
    # A sound masculine plural drops its ن before a possessive: مقاتلين → مقاتليهم.
    construct = {form[:-1]: nouns[form] for form in list(nouns) if form.endswith(("ين", "ون"))}
    # Before a genitive noun only a plural stands in construct this way: «مدفعي»
    # in «قصف مدفعي» is an adjective, not two cannons.
    construct_plural = {form: entry for form, entry in construct.items() if entry[2] == "plural"}
    closed = set()
    for kind in ("particle", "reporting", "predicate"):
        closed.update(form for record in lexicon.rows(kind) for form in record["forms"])
    closed.update(number_words)
    closed.update(form for _, form in qualifiers)
    noun_pattern = re.compile(
        rf"(?<!\w)(?P<clitic>[وفبلك]{{0,2}}?)(?P<article>ال|(?<=ل)ل)?(?P<noun>{_alternation(nouns)})"
        rf"(?P<accusative>ا)?(?P<possessive>{POSSESSIVE})?(?!\w)"
        # In construct the plural's ن falls before a possessive or a genitive
        # noun: «مقاتليهم», «مقاتلي التنظيم», «إرهابيي داعش».
        rf"|(?<!\w)(?P<clitic2>[وفبلك]{{0,2}}?)(?:(?P<construct>{_alternation(construct)})(?P<possessive2>{POSSESSIVE})"
        rf"|(?P<construct_bare>{_alternation(construct_plural)})(?=\s+[^\W\d_]))(?!\w)"
    )
    fraction = re.compile(
        rf"(?<!\w)(?:(?P<qualifier_clitic>[وفبلك]{{0,2}}?)(?P<qualifier>{before})\s+)?"
        rf"(?P<clitic>[وفبلك]{{0,2}}?)(?P<fraction>{_alternation(fractions)})\s+(?P<next>[^\W\d_]+)"
    )
    return {
        "number_words": number_words,
        "fractions": fractions,
        "fraction": fraction,
        "fraction_before": re.compile(
            rf"(?<!\w)(?:(?P<qualifier>{before})\s+)?[وفبلك]{{0,2}}?(?P<fraction>{_alternation(fractions)})\s+$"
        ),
        "qualifiers": qualifiers,
        "vague": vague,
        "quantity": quantity,
        "after": re.compile(rf"(?:\s*،)?\s+(?P<after>{after})(?!\w)"),
        "and_some": re.compile(r"\s+(?P<after>ونيف|ونيفا)(?!\w)"),
        "identifiers": identifiers,
        "date_after": re.compile(rf"\s*(?:من\s+)?(?:{months}|الشهر)(?!\w)"),
        "date_before": re.compile(rf"(?<!\w)(?:{months})\s*$"),
        "ordinal_before": re.compile(r"(?<!\w)ال\s?$"),
        "time_after": re.compile(r"(?::[0-9]{2}|\s*(?:صباحا|مساء|مساءا|ظهرا|عصرا|فجرا|ليلا)(?!\w))"),
        "minutes_of": re.compile(r"[0-9]:$"),
        "range_before": re.compile(r"(?<!\w)(?:ما\s+)?(?:بين|من)\s+$"),
        "nouns": nouns,
        "construct": construct,
        "noun": noun_pattern,
        "closed": closed,
    }


def words_value(words: str) -> float:
    """The value of a run of number words: units and tens add (سبعة عشر is
    7 + 10), مئة after a unit multiplies it (ثلاث مئة), ألف and مليون
    multiply all that stands before them (مئتين وأربعين ألف).

    >>> [words_value(w) for w in ["سبعة عشر ألف", "مئتين وأربعين ألف", "ألف ومئتان", "اربعة", "اثنا عشر"]]
    [17000.0, 240000.0, 1200.0, 4.0, 12.0]
    """
    table = grammar()["number_words"]
    total = current = 0.0
    for word in fold(words).split():
        word = word[1:] if word not in table and word.startswith("و") else word
        kind, value = table[word]
        if kind == "hundred" and value == 100 and 0 < current < 10:
            current *= 100
        elif kind == "multiplier" and value in (1000.0, 1000000.0, 1000000000.0):
            total += (current or 1) * value
            current = 0.0
        else:
            current += value
    return total + current


def noun_at(plain: str, position: int) -> dict | None:
    """The lexicon noun starting at ``position`` of folded text, or None:
    ``lemma``, ``subject``, ``number`` (singular, plural, dual), ``definite``,
    ``possessive``, ``accusative``, ``start``, ``end``.

    >>> noun_at(fold("من ضباطها"), 3)["lemma"], noun_at(fold("مقاتليهم"), 0)["subject"]
    ('ضابط', 'fighters')
    """
    match = grammar()["noun"].match(plain, position)
    return _noun_info(match) if match else None


def _noun_info(match) -> dict:
    table = grammar()
    if match.group("noun"):
        lemma, subject, number = table["nouns"][match.group("noun")]
        possessive, accusative = match.group("possessive"), bool(match.group("accusative"))
        definite = bool(match.group("article")) or bool(possessive)
    else:
        lemma, subject, number = table["construct"][match.group("construct") or match.group("construct_bare")]
        # With a possessive the construct is definite; before a noun, as
        # definite as that noun (see claims_table._DEFINITE_NEXT).
        possessive, accusative, definite = match.group("possessive2"), False, bool(match.group("possessive2"))
    if accusative and number != "singular":
        accusative = False
    clitic = match.group("clitic") if match.group("noun") else match.group("clitic2")
    return {
        "lemma": lemma,
        "subject": subject,
        "number": number,
        "construct": bool(match.group("construct") or match.group("construct_bare")),
        "definite": definite,
        "clitic": clitic or "",
        "possessive": possessive or "",
        "accusative": accusative,
        "start": match.start(),
        "end": match.end(),
    }


def find_nouns(plain: str, start: int = 0, end: int | None = None) -> list[dict]:
    """Every lexicon noun in folded text, as :func:`noun_at` gives it.

    >>> [n["subject"] for n in find_nouns(fold("مقابل إطلاق سراح معتقلات وجثث"))]
    ['detainees', 'bodies']
    """
    end = len(plain) if end is None else end
    return [_noun_info(match) for match in grammar()["noun"].finditer(plain, start, end)]


# «9 من هذه الجثث»: a demonstrative may stand between من and the noun.
_WORD = re.compile(r"\s+(?P<from>من\s+(?:(?:هذه|هذا|هؤلاء|تلك|ذلك)\s+)?)?(?P<word>[^\W\d_]+)")
_TIME_PREPOSITION = re.compile(r"(?<!\w)(?:في|منذ|خلال|حتي|قبل|بعد|مطلع|اواخر|نهاية|بداية)\s+$")
_DEFINITE_NEXT = re.compile(r"\s+(?:ال|لل)[^\W\d_]{2,}")
_DUAL_ADJECTIVE = re.compile(r"\s+[^\W\d_]+(?:ين|ان)(?!\w)")


def light_stem(word: str) -> str:
    """A lemma for a noun the lexicon does not hold: without a clitic with
    the article (وال، بال، لل), a possessive, the accusative alif or a sound
    plural ending; the feminine plural ات gives back its ة.  Broken plurals
    (طلاب، قرى) stay as written: the lexicon holds the common ones.  Scored
    against ``tests/devset/lemmas.csv`` in ``tests/test_devset.py``.

    >>> light_stem("مسلحيهم"), light_stem("ممرضات"), light_stem("مسلحا"), light_stem("بالشاحنات")
    ('مسلح', 'ممرضة', 'مسلح', 'شاحنة')
    """
    word = fold(word)
    word = re.sub(r"^(?:[وف]?[بك]?ال|[وف]?لل)(?=\w{3})", "", word)
    word = re.sub(r"^[وف](?=\w{3})", "", word) if word[:1] in "وف" and word[1:3] == "ال" else word
    if word.endswith("ات") and len(word) >= 5:
        return word[:-2] + "ة"
    for suffix in ("يهم", "يها", "يه", "هم", "ها", "ين", "ون", "ا"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _UNITS_AFTER(plain: str, end: int) -> bool:  # noqa: N802 - reads as a condition
    """A noun of a measure (hours, days, km) right after a number: «الـ 24
    ساعة» is a count of hours, not the twenty-fourth."""
    noun = counted_noun(plain, end)
    return bool(noun) and (lexicon.record("subject", noun.get("subject") or "") or {}).get("kind") == "units"


def counted_noun(plain: str, end: int) -> dict | None:
    """The noun a number ending at ``end`` counts: the next word, directly or
    after من, with a possessive suffix or not.  A lexicon noun gives its
    lemma and subject; any other content word is kept with subject
    ``other``; a function word, number, verb of saying or predicate means
    the number counts nothing written after it.  The noun's span grows over
    a definite genitive («قوات الأسد») or a dual's adjective («رشاشين
    ثقيلين»).

    >>> counted_noun(fold("5 قادة ميدانيين"), 1)["subject"], counted_noun(fold("85 حتى اليوم"), 2)
    ('leaders', None)
    >>> counted_noun(fold("3 صحفيين"), 1)["subject"], counted_noun(fold("4 من ضباطه"), 1)["lemma"]
    ('other', 'ضابط')
    """
    table = grammar()
    found = _WORD.match(plain, end)
    if not found:
        return None
    word_start = found.start("word")
    noun = noun_at(plain, word_start)
    if noun is not None and noun["clitic"][:1] in ("و", "ف"):
        return None  # «الفرقة 25 وقادة»: a noun after و is coordinated, not counted
    if noun is None:
        word = found.group("word")
        bare = re.sub(r"^(?:ال|لل)", "", word)
        if (
            word in table["closed"]
            or bare in table["closed"]
            or word.startswith(("و", "ف"))
            or len(bare) < 3
            or grammar()["date_after"].match(plain, found.start())
        ):
            return None
        noun = {
            "lemma": light_stem(word),
            "subject": "other",
            "number": "",
            "definite": word != bare,
            "clitic": "",
            "possessive": "",
            "accusative": word.endswith("ا"),
            "start": word_start,
            "end": found.end(),
        }
    noun["after_min"] = bool(found.group("from"))
    noun["word_end"] = noun_end = noun["end"]
    if noun["number"] == "dual":
        adjective = _DUAL_ADJECTIVE.match(plain, noun_end)
        noun_end = adjective.end() if adjective else noun_end
    elif not noun["definite"] and not noun["accusative"] and noun["number"] != "singular":
        genitive = _DEFINITE_NEXT.match(plain, noun_end)
        if genitive and genitive.group().strip() not in table["closed"]:
            noun_end = genitive.end()
    noun["end"] = noun_end
    return noun


COLUMNS = [
    "start",
    "end",
    "quote",
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "qualifier_ar",
    "unit",
    "noun",
    "lemma",
    "subject",
    "noun_start",
    "kind",
]


def numbers_in(text: str) -> pd.DataFrame:
    """Every number in ``text``, each either a quantity (``kind`` ``count``)
    or recognised as something else: ``date`` («26 من آذار»), ``year``
    («عام 2017»، «شباط 2018»), ``time`` («الساعة 5»), ``ordinal`` («الـ15»)
    or ``identifier`` («الفرع 215»، «العدد 124»، «رقم 3», a phone number),
    or ``age`` («عمره 25 عامًا»: one person's age is neither a count of
    people nor the duration of an event).  The bounds of a range make one
    row.  Columns as :func:`quantities`, plus ``kind``.

    >>> numbers_in("قتل 5 في 3 من نيسان 2019 قرب الحاجز 4")[["quote", "kind"]].values.tolist()
    [['5', 'count'], ['3', 'date'], ['2019', 'date'], ['4', 'identifier']]
    >>> numbers_in("وقتل شاب يبلغ من العمر 19 عاما، واتصلوا على 0933123456")["kind"].tolist()
    ['age', 'identifier']
    """
    table = pd.DataFrame(numbers_records(text), columns=COLUMNS)
    return table.sort_values("start", kind="stable").reset_index(drop=True)


def numbers_records(
    text: str, folded: tuple[str, list[int]] | None = None, nouns: list[dict] | None = None
) -> list[dict]:
    """:func:`numbers_in` as a list of plain records (faster for many small
    texts); ``folded``, the text's fold and offsets, and ``nouns``, its
    :func:`find_nouns`, when the caller has them.

    >>> [r["value"] for r in numbers_records("نحو عشرين")]
    [20.0]
    """
    plain, offsets = folded or folded_with_offsets(text)
    table = grammar()
    found = []
    for match in table["quantity"].finditer(plain):
        found.append(_read(match, plain, table))
    found = _merge_ranges(found, plain, table)
    rows = []
    for item in found:
        start, end = offsets[item["start"]], offsets[item["end"]]
        noun = item.get("noun")
        noun_words = text[offsets[noun["start"]] : offsets[noun["word_end"]]] if noun else ""
        rows.append(
            {
                "start": start,
                "end": end,
                "quote": text[start:end],
                "value": item["value"],
                "value_low": item["low"],
                "value_high": item["high"],
                "qualifier": item["qualifier"],
                "qualifier_ar": _words(text, offsets, item["qualifier_span"]),
                "unit": item["unit"],
                "noun": noun_words,
                "lemma": noun["lemma"] if noun else "",
                "subject": noun["subject"] if noun else "",
                "noun_start": offsets[noun["start"]] if noun else -1,
                "kind": item["kind"],
            }
        )
    shares = _fraction_shares(text, plain, offsets)
    # «ثلاثة أرباع المساحة»: the number word begins the fraction, it counts nothing itself
    rows = [r for r in rows if not any(f["start"] <= r["start"] < f["end"] for f in shares)]
    rows += _standalone_duals(text, plain, offsets, [(r["start"], r["end"]) for r in rows + shares], nouns)
    rows += shares
    rows += _number_adjectives(text, plain, offsets)
    return sorted(rows, key=lambda row: row["start"])


def _words(text: str, offsets: list[int], span) -> str:
    return " ".join(text[offsets[span[0]] : offsets[span[1]]].split()) if span else ""


def quantities(text: str) -> pd.DataFrame:
    """Every quantity in ``text``: one row each with ``start``, ``end``,
    ``quote`` (text[start:end]), ``value`` (the number as stated; NaN for
    "dozens" or a range), ``value_low``, ``value_high``, ``qualifier``,
    ``qualifier_ar`` (the words as written, without clitics), ``unit``
    (percent or count), ``noun`` (the counted noun as written), ``lemma``,
    ``subject`` (``other`` for a noun the lexicon does not hold, empty when
    the number counts nothing written after it), ``noun_start``.  Dates,
    years, times, ordinals and identifiers are left out (see
    :func:`numbers_in`).  A qualifier governs only the number right after
    it; a dual noun alone counts two.

    >>> quantities("تحدثت عن قرابة 30 جثة و12 أسيرًا")[["quote", "qualifier", "value_low", "value_high"]].values.tolist()
    [['قرابة 30 جثة', 'nearly', 27.0, 33.0], ['و12 أسيرًا', 'exact', 12.0, 12.0]]
    >>> quantities("نزح بين 20 و30 ألف شخص")[["quote", "value_low", "value_high", "subject"]].values.tolist()
    [['بين 20 و30 ألف شخص', 20000.0, 30000.0, 'persons']]
    """
    table = numbers_in(text)
    return table[table["kind"] == "count"].drop(columns="kind").reset_index(drop=True)


def _read(match, plain: str, table: dict) -> dict:
    """One number match as a dict: its value, range, qualifier, noun and kind."""
    start, end = match.span()
    qualifier, qualifier_span = "exact", None
    if match.group("qualifier"):
        qualifier_span = match.span("qualifier")
        qualifier = table["qualifiers"].get(("before", " ".join(match.group("qualifier").split())), "exact")
        if qualifier == "more_than" and _NEGATION.search(plain, max(0, start - 8), start):
            qualifier = "at_most"  # «لم يتجاوز 10»: not more than ten
    unit, kind = "count", "count"
    if match.group("digits"):
        digits = match.group("digits")
        number_start = match.start("ordinal") if match.group("ordinal") else match.start("digits")
        before = plain[max(0, number_start - 40) : number_start]
        value = _digits_value(digits)
        if match.group("multiplier"):
            value *= table["number_words"][match.group("multiplier")][1]
        if match.group("percent") or match.group("percent_before"):
            unit = "percent"  # «90%», and «%90» as right-to-left pages often write it
        kind = next((id_kind for id_kind, pattern in table["identifiers"] if pattern.search(before)), "count")
        if kind == "time" and value > 24:
            kind = "count"  # «حتى هذه الساعة 450 جريحا»: no hour of the day is 450
        if kind == "count" and not match.group("multiplier") and _PHONE.fullmatch(digits):
            kind = "identifier"  # a phone number: a leading 0, or nine digits and more written together
        if kind == "count" and (
            re.search(r"(?<![0-9])0[0-9]*-$", before) or (len(digits) >= 5 and re.search(r"[0-9]-$", before))
        ):
            kind = "identifier"  # «011-2223344»: a dialling code and a number («20-30» is a range)
        if kind == "count" and (re.search(r"[0-9]\s*\+\s*$", before) or re.match(r"\s*\+\s*[0-9]", plain[end:])):
            kind = "identifier"  # «اللجنة (5+5)»: a name, not two counts
        if kind == "count" and match.group("ordinal") and not _UNITS_AFTER(plain, end):
            kind = "ordinal"  # الـ15: "the fifteenth"; «خلال الـ 24 ساعة» counts hours
        elif kind == "count" and (
            table["date_after"].match(plain, end)
            or (
                table["date_before"].search(before.rstrip('“"«( '))
                and 1 <= value <= 2100
                # «منذ 25 آذار 84 جثة»: a number with its noun after a month is a count
                and not (value < 1000 and counted_noun(plain, end))
            )
        ):
            kind = "date"
        elif kind == "count" and (
            table["time_after"].match(plain, match.end("digits")) or table["minutes_of"].search(before)
        ):
            kind = "time"  # «الساعة 9 صباحا»، «8:30»
        elif kind == "count" and _MODEL.search(before):
            kind = "identifier"  # a model: «T-72», «BMP-1»
        low, high = (
            (value, value)
            if qualifier == "exact"
            else value_range(qualifier, value, upper=100 if unit == "percent" else math.nan)
        )
    elif match.group("vague"):
        qualifier, low, high = table["vague"][" ".join(match.group("vague").split())]
        qualifier_span = (
            match.start("vague_article") if match.group("vague_article") else match.start("vague"),
            match.end("vague"),
        )
        value = math.nan
    else:
        words = match.group("words")
        value = words_value(words)
        before = plain[max(0, start - 40) : start]
        if any(pattern.search(before) for id_kind, pattern in table["identifiers"] if id_kind == "ordinal"):
            kind = "ordinal"  # «الساعة الحادية عشرة»: the eleventh
        fraction = table["fraction_before"].search(plain, max(0, start - 40), start)
        if fraction and table["number_words"][words.split()[0]][0] == "multiplier":
            # «نصف مليون» is half a million, «نحو ربع مليون» about 250,000.
            value *= table["fractions"][fraction.group("fraction")] / 100
            start = fraction.start() if not fraction.group("qualifier") else fraction.start("fraction")
            if fraction.group("qualifier") and qualifier == "exact":
                qualifier_span = fraction.span("qualifier")
                qualifier = table["qualifiers"].get(("before", " ".join(fraction.group("qualifier").split())), "exact")
                start = fraction.start()
        if len(words.split()) == 1 and words in ("احد", "احدي"):
            kind = "pronoun"  # أحد alone is "one of", not a count
        unit = "percent" if match.group("words_percent") else unit
        low, high = (
            (value, value)
            if qualifier == "exact"
            else value_range(qualifier, value, upper=100 if unit == "percent" else math.nan)
        )
    and_some = table["and_some"].match(plain, end) if unit == "count" and kind == "count" else None
    if and_some and not math.isnan(value):
        qualifier, qualifier_span = "and_some", and_some.span("after")
        low, high = value_range("and_some", value)
        end = and_some.end()
    if kind == "identifier" and match.group("digits"):
        # «في السجن 5 سنوات»: a counted noun after the number makes it a count.
        following = counted_noun(plain, end)
        if following and following["subject"] != "other" and following["number"] != "singular":
            kind = "count"
    noun = counted_noun(plain, end) if kind == "count" else None
    if (
        kind == "count"
        and match.group("digits")
        and unit == "count"
        and 1900 <= value <= 2100
        and re.fullmatch("[0-9]{4}", match.group("digits"))
        and not match.group("qualifier")
        and (noun is None or (noun["subject"] == "other" and _TIME_PREPOSITION.search(plain, 0, start)))
    ):
        # A bare year: nothing counted after it, or after a preposition of
        # time with no noun the lexicon knows («في 2016 أصدرت»).
        kind, noun = "year", None
    if kind == "count" and noun is not None and noun["subject"] == "years" and _age(plain, start, noun["end"]):
        # «عمره 25 عامًا»، «البالغ من العمر 45 عامًا»: one person's age, not a
        # count and not a duration of anything reported.
        kind, noun = "age", None
    if noun is not None and not (unit == "percent" and noun["subject"] == "other"):
        end = noun["end"]  # «90% من الحي»: the quote keeps to the figure
    after = table["after"].match(plain, end) if kind == "count" else None
    if after and not math.isnan(value) and qualifier == "exact":
        qualifier = table["qualifiers"][("after", " ".join(after.group("after").split()))]
        qualifier_span = after.span("after")
        if qualifier != "exact":
            low, high = value_range(qualifier, value, upper=100 if unit == "percent" else math.nan)
        end = after.end()
    return {
        "start": start,
        "end": end,
        "value": float(value),
        "low": float(low),
        "high": float(high),
        "qualifier": qualifier,
        "qualifier_span": qualifier_span,
        "unit": unit,
        "kind": kind,
        "noun": noun,
        "clitic": match.group("clitic") or "",
        "multiplier": table["number_words"][match.group("multiplier")][1] if match.group("multiplier") else 1.0,
    }


# The word for age before a number of years («عمره»، «من العمر»، «بعمر»)
# or after it («17 عامًا من عمره»).
_AGE_BEFORE = re.compile(
    r"(?<!\w)(?:[وب]?(?:ال)?عمر(?:ه|ها|هم)?|سن|سنه|سنها|ذو|ذات|ذي)\s+(?:\S+\s+)?$"
    r"|\(\s*$"  # «أم أحمد (38 عاما)»: an age in brackets after a name
)
_AGE_AFTER = re.compile(r"\s+من\s+(?:ال)?عمر(?:ه|ها|هم)?(?!\w)")


_NEGATION = re.compile(r"(?<!\w)[وف]?(?:لم|لا|لن)\s+$")
_PHONE = re.compile(r"0[0-9]{6,}|[0-9]{9,}")
# Latin letters joined to a number name a model of weapon or vehicle
# («دبابات من طراز T-72», «BMP-1», «Su-24»), not a count.
_MODEL = re.compile(r"[A-Za-z]-?$")


def _age(plain: str, start: int, noun_end: int) -> bool:
    return bool(_AGE_BEFORE.search(plain, max(0, start - 30), start) or _AGE_AFTER.match(plain, noun_end))


def _digits_value(digits: str) -> float:
    # 1,500 and 1٬500 are thousands, and so is 1.500 (a dot before exactly
    # three digits, as many Arabic sites write thousands); 2.5, 2,5 and 2٫5 are decimals.
    if re.fullmatch(r"[0-9]{1,3}(?:[,٬][0-9]{3})+|[0-9]{1,3}(?:\.[0-9]{3})+", digits):
        return float(re.sub(r"[,٬.]", "", digits))
    return float(digits.replace("٫", ".").replace(",", ".").replace("٬", ""))


def _merge_ranges(found: list[dict], plain: str, table: dict) -> list[dict]:
    """«بين 20 و30»، «من 20 إلى 30»، «20-30»: two numbers joined this way
    are the bounds of one range, not two counts.  A bound of a date range
    («من 20 إلى 25 آذار») is a date."""
    merged = []
    for item in found:
        previous = merged[-1] if merged else None
        if _compound(previous, item, plain):
            # «14 ألفاً و300 شخص»: thousands and the hundreds after them are one number
            value = previous["value"] + item["value"]
            merged[-1] = {**item, "start": previous["start"], "value": value, "low": value, "high": value}
            continue
        if not (
            previous
            and previous["noun"] is None
            and previous["qualifier"] == "exact"
            and item["qualifier"] == "exact"
            and not math.isnan(previous["value"])
            and not math.isnan(item["value"])
            and previous["kind"] == "count"
        ):
            merged.append(item)
            continue
        between = plain[previous["end"] : item["start"]].strip()
        opener = table["range_before"].search(plain[: previous["start"]])
        joined = between in ("-", "–", "الي", "حتي") or (
            opener
            and opener.group().strip().endswith("بين")
            and (between == "و" or (not between and item["clitic"].startswith("و")))
        )
        if not joined:
            merged.append(item)
            continue
        if item["kind"] != "count":
            previous["kind"] = item["kind"]
            merged.append(item)
            continue
        low = previous["low"] * (item["multiplier"] if previous["multiplier"] == 1.0 else 1.0)
        if low > item["high"]:
            merged.append(item)
            continue
        start = opener.start() if opener else previous["start"]
        merged[-1] = {
            **item,
            "start": start,
            "value": math.nan,
            "low": float(low),
            "qualifier": "range",
            "qualifier_span": (start, previous["start"]) if opener else (previous["end"], item["start"]),
        }
    return merged


def _compound(previous: dict | None, item: dict, plain: str) -> bool:
    """A number of thousands (or millions) with nothing counted after it,
    then «و» and a smaller exact number: the parts of one number."""
    return bool(
        previous
        and previous["noun"] is None
        and previous["kind"] == item["kind"] == "count"
        and previous["qualifier"] == item["qualifier"] == "exact"
        and previous.get("multiplier", 1.0) >= 1000
        and item.get("multiplier", 1.0) == 1.0
        and not math.isnan(previous["value"])
        and 0 < item["value"] < previous["multiplier"]
        and (item["clitic"].startswith("و") or plain[previous["end"] : item["start"]].strip() == "و")
    )


def _number_adjectives(text: str, plain: str, offsets: list[int]) -> list[dict]:
    """A number word after a definite plural agrees with it as an adjective:
    «السنوات السبع» (the seven years), «الأيام الثلاثة», «الساعات الأربع
    والعشرين» (each part of a compound takes the article)."""
    table = grammar()
    if "adjective" not in table:
        words = _alternation(form for form, (kind, _) in table["number_words"].items() if kind in ("unit", "ten"))
        table["adjective"] = re.compile(
            rf"(?<!\w)(?P<noun>[وفبل]?ال[^\W\d_]+)\s+ال(?P<word>{words})(?:\s+وال(?P<ten>{words}))?(?!\w)"
        )
    rows = []
    for match in table["adjective"].finditer(plain):
        noun = noun_at(plain, match.start("noun"))
        if noun is None or noun["number"] != "plural" or noun["end"] != match.end("noun"):
            continue
        value = words_value(match.group("word") + (" و" + match.group("ten") if match.group("ten") else ""))
        start, end = offsets[match.start("noun")], offsets[match.end()]
        rows.append(_exact_count(text, offsets, start, end, value, noun))
    return rows


def _fraction_shares(text: str, plain: str, offsets: list[int]) -> list[dict]:
    """A fraction in construct with a noun the lexicon does not count is a
    share of it, as a percentage: «نصف مساحة الحي» (50%), «نحو ثلثي حي
    القدم», «ربع الحي تقريبا» (about 25%).  Before a number word («نصف
    مليون»), a measure («نصف ساعة») or a counted noun («نصف الجثث») it is
    a part of that number or count, which this does not read."""
    table = grammar()
    rows = []
    for match in table["fraction"].finditer(plain):
        following = noun_at(plain, match.start("next"))
        if match.group("next") in table["number_words"]:
            continue
        if following is not None and (
            following["number"] != "plural"
            or (lexicon.record("subject", following["subject"]) or {}).get("kind") == "units"
        ):
            continue  # «نصف ساعة»: a part of a measure, not a share
        value = table["fractions"][match.group("fraction")]
        qualifier, qualifier_span = "exact", None
        end = following["end"] if following else match.end("fraction")  # the quote keeps the counted noun
        if match.group("qualifier"):
            qualifier_span = match.span("qualifier")
            qualifier = table["qualifiers"].get(("before", " ".join(match.group("qualifier").split())), "exact")
        else:
            # «ربع الحي تقريبا»: the qualifier after the share's noun
            after = table["after"].match(plain, match.end("fraction")) or table["after"].match(plain, match.end("next"))
            if after:
                qualifier = table["qualifiers"][("after", " ".join(after.group("after").split()))]
                qualifier_span, end = after.span("after"), after.end()
        low, high = (value, value) if qualifier == "exact" else value_range(qualifier, value, upper=100)
        # Counts are whole numbers: a third is 33–34%, two thirds 66–67%.
        low, high = math.floor(low), (math.ceil(high) if not math.isnan(high) else high)
        start = offsets[match.start()]
        rows.append(
            {
                "start": start,
                "end": offsets[end],
                "quote": text[start : offsets[end]],
                "value": value,
                "value_low": low,
                "value_high": high,
                "qualifier": qualifier,
                "qualifier_ar": _words(text, offsets, qualifier_span),
                "unit": "percent",
                # «أكثر من نصف منازل المخيم»: a share of a counted plural is a
                # percentage of it, as «40% من المنازل» is.
                "noun": text[offsets[following["start"]] : offsets[following["end"]]] if following else "",
                "lemma": following["lemma"] if following else "",
                "subject": following["subject"] if following else "",
                "noun_start": offsets[following["start"]] if following else -1,
                "kind": "count",
            }
        )
    return rows


def _exact_count(text: str, offsets: list[int], start: int, end: int, value: float, noun: dict) -> dict:
    """A quantity row for a count the words give exactly, with no digits: a
    number word as adjective, a dual noun standing alone, a singular item in
    a list of losses."""
    return {
        "start": start,
        "end": end,
        "quote": text[start:end],
        "value": value,
        "value_low": value,
        "value_high": value,
        "qualifier": "exact",
        "qualifier_ar": "",
        "unit": "count",
        "noun": text[start : offsets[noun["end"]]],
        "lemma": noun["lemma"],
        "subject": noun["subject"],
        "noun_start": start,
        "kind": "count",
    }


def _standalone_duals(text: str, plain: str, offsets: list[int], taken, nouns=None) -> list[dict]:
    """Dual nouns standing with no number count two: «جثتين»، «رشاشين ثقيلين»."""
    rows = []
    for noun in find_nouns(plain) if nouns is None else nouns:
        if noun["number"] != "dual":
            continue
        start = offsets[noun["start"]]
        if any(s <= start < e for s, e in taken):
            continue
        adjective = _DUAL_ADJECTIVE.match(plain, noun["end"])
        end_plain = adjective.end() if adjective else noun["end"]
        row = _exact_count(text, offsets, start, offsets[end_plain], 2.0, noun)
        after = grammar()["after"].match(plain, end_plain)  # «أسيرين على الأقل»
        if after:
            qualifier = grammar()["qualifiers"][("after", " ".join(after.group("after").split()))]
            low, high = value_range(qualifier, 2.0)
            end = offsets[after.end()]
            row.update(end=end, quote=text[start:end], qualifier=qualifier, value_low=low, value_high=high)
            row["qualifier_ar"] = _words(text, offsets, after.span("after"))
        rows.append(row)
    return rows


def noun_info(word: str) -> tuple[str, str, str]:
    """(grammatical number, subject, lemma) of a lexicon noun as written.

    >>> noun_info("رشاشين")
    ('dual', 'heavy_machine_guns', 'رشاش')
    """
    found = noun_at(fold(word), 0)
    if found is None:
        raise KeyError(word)
    return found["number"], found["subject"], found["lemma"]


def in_english(qualifier: str, value: float, unit: str = "count", subject: str | None = None) -> str:
    """A quantity in English words, e.g. for chart labels.

    >>> in_english("nearly", 30, subject="bodies"), in_english("about", 90, unit="percent")
    ('nearly 30 bodies', 'about 90%')
    >>> in_english("dozens", float("nan"), subject="soldiers")
    'dozens of soldiers'
    """
    record = lexicon.record("subject", subject) if subject and subject != "other" else None
    one, several = (record["label_en_one"], record["label_en"]) if record else ("", "")
    vague = {r["qualifier"]: r["label_en"] for r in lexicon.rows("vague")}
    if qualifier in vague:
        return f"{vague[qualifier]} of {several}" if several else vague[qualifier]
    words = {r["qualifier"]: r["label_en"] for r in lexicon.rows("qualifier")}
    words.update({"exact": "", "nearly": "nearly", "unspecified": "an unstated number of", "range": ""})
    number = "" if value != value else f"{value:g}" + ("%" if unit == "percent" else "")
    noun = one if value == 1 else several
    return " ".join(word for word in (words.get(qualifier, qualifier), number, noun) if word)


def materiel_singulars(text: str) -> pd.DataFrame:
    """Singular materiel nouns with no number: in a list of losses, "عربة BMP"
    and "راجمة صواريخ" each mean one.  Same columns as :func:`quantities`.

    >>> materiel_singulars("خسائر القوات بخمس دبابات وعربة “BMP” وراجمة صواريخ")["quote"].tolist()
    ['وعربة “BMP”', 'وراجمة صواريخ']
    """
    return pd.DataFrame(materiel_records(text), columns=COLUMNS[:-1])


def materiel_records(text: str, folded: tuple[str, list[int]] | None = None) -> list[dict]:
    """:func:`materiel_singulars` as plain records.  ``claims`` names the
    rows it makes from them ``materiel_single``; an example of the row:

    «وأعلن الفصيل أنه دمر دبابة وأعطب عربة.» → 1 tanks lost

    >>> [r["subject"] for r in materiel_records("وأعطب دبابة")]
    ['tanks']
    """
    plain, offsets = folded or folded_with_offsets(text)
    after_number = re.compile(r"(?:[0-9]|\w+)\s*$")
    words = grammar()["number_words"]
    rows = []
    nouns = find_nouns(plain)
    for noun in nouns:
        record = lexicon.record("subject", noun["subject"])
        if noun["number"] != "singular" or noun["definite"] or record["topic"] != "materiel":
            continue
        if not noun["clitic"] and any(other["end"] == noun["start"] - 1 for other in nouns):
            continue  # «3 عربات مدرعة»، «عربة مدرعة»: a singular right after a noun is its adjective
        previous = after_number.search(plain[: noun["start"]])
        if previous and (previous.group().strip()[-1:].isdigit() or previous.group().strip() in words):
            continue  # a singular noun after a number ("5 عربة") is that number's noun
        following = _SINGULAR_MODIFIER.match(plain, noun["end"])
        end_plain = following.end() if following else noun["end"]
        start, end = offsets[noun["start"]], offsets[end_plain]
        rows.append(_exact_count(text, offsets, start, end, 1.0, noun))
    return rows


# What may follow a counted noun and belongs to it: a model name in quotes or
# a qualifying word (عربة “BMP”، راجمة صواريخ).
_SINGULAR_MODIFIER = re.compile(r"\s+(?:[“\"«][^”\"»]{1,12}[”\"»]|صواريخ|مدرعة|عسكرية)")

# Counts the text says it does not give: "دون تحديد العدد" (without giving the number).
UNSPECIFIED = re.compile(r"دون تحديد (?:ال)?عدد|لم يحدد (?:ال)?عدد|دون ذكر (?:ال)?عدد|عدد غير محدد")


def unspecified_counts(text: str) -> pd.DataFrame:
    """A counted noun whose number the text says it does not give; the quote
    runs from the noun to those words.  Same columns as :func:`quantities`.

    >>> unspecified_counts("وتحدثت عن انتشال جثث بعض العناصر، دون تحديد العدد")[["quote", "subject"]].values.tolist()
    [['جثث بعض العناصر، دون تحديد العدد', 'bodies']]
    """
    return pd.DataFrame(unspecified_records(text), columns=COLUMNS[:-1])


def unspecified_records(text: str, folded: tuple[str, list[int]] | None = None) -> list[dict]:
    """:func:`unspecified_counts` as plain records.  ``claims`` names the
    rows it makes from them ``unspecified_count``; an example of the row:

    «وأفرج النظام عن المعتقلات دون تحديد عددهن.» → nan detainees released

    >>> unspecified_records("قتل 5")
    []
    """
    plain, offsets = folded or folded_with_offsets(text)
    unspecified = UNSPECIFIED.search(plain)
    nouns = find_nouns(plain, 0, unspecified.start()) if unspecified else []
    if not nouns:
        return []
    noun = nouns[0]
    start, end = offsets[noun["start"]], offsets[unspecified.end()]
    nan = math.nan
    return [
        {
            "start": start,
            "end": end,
            "quote": text[start:end],
            "value": nan,
            "value_low": nan,
            "value_high": nan,
            "qualifier": "unspecified",
            "qualifier_ar": text[offsets[unspecified.start()] : end],
            "unit": "count",
            "noun": text[start : offsets[noun["end"]]],
            "lemma": noun["lemma"],
            "subject": noun["subject"],
            "noun_start": start,
        }
    ]
