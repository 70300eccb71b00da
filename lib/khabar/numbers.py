"""Arabic quantities in running text: digits, number words, the dual, vague
quantities ("dozens"), the qualifiers that set a range, and what is counted.

Found by hand-written rules: pyarabic converts digits and number words, but
its phrase detector misses numbers with clitics (بخمس) and knows nothing of
qualifiers, the dual or identifiers, so those rules live here.

>>> quantities("قتل 175 من قوات الأسد")[["quote", "value_low", "noun"]].values.tolist()
[['175 من قوات الأسد', 175.0, 'قوات']]
"""
from __future__ import annotations

import math
import re

import pandas as pd
from pyarabic.number import text2number
from pyarabic.trans import normalize_digits

from khabar import conventions as _conventions
from khabar.dates import EGYPTIAN_MONTHS, LEVANTINE_MONTHS

# Clitics Arabic writes joined to the next word: و (and), ف (so), ب (by, with),
# ل (for), ك (like); "بخمس" is "with five", "و12" is "and 12".
CLITIC = "(?:[وف]?[بلك]?)"

# The words that set a range, with the qualifier each stands for.
QUALIFIERS = {
    "about": ["حوالي", "نحو", "زهاء"],
    "nearly": ["قرابة", "ما يقارب", "ما يقرب من"],
    "more_than": ["أكثر من", "ما يزيد عن", "ما يزيد على", "يزيد عن", "تتجاوز", "يتجاوز", "تجاوز", "تفوق", "يفوق"],
    "less_than": ["أقل من", "ما دون"],
}

# How wide a band each qualifier allows: read from the reading conventions
# (khabar.conventions, a named and switchable set; the default reads قرابة
# like نحو, within 10% either side, and عشرات, "tens", as 20-99).
BANDS = {q: rule[1:] for q, rule in _conventions._table()[_conventions.DEFAULT].items() if rule[0] == "factor"}

# Vague quantities; their ranges come from the same conventions.
VAGUE = {
    word: (qualifier, *_conventions.vague_range(qualifier))
    for word, qualifier in (("عشرات", "dozens"), ("مئات", "hundreds"), ("آلاف", "thousands"))
}
VAGUE_EN = {qualifier: qualifier for qualifier, _, _ in VAGUE.values()}

# Words that make the next number a name, not a count: "الفرع 215" (Branch
# 215), "العدد 124" (issue no. 124), "رقم", "اللواء", "الفرقة".  With ل the
# article's alif drops: "للفرع 2015" is ل + الفرع.
IDENTIFIER_BEFORE = re.compile(
    r"(?<!\w)(?:[وب]?ال|[وف]?لل)(?:فرع|عدد|لواء|فرقة|كتيبة|مادة|قرار)\s*[“\"«]?$|(?<!\w)[وبل]?رقم\s*$"
)

_MONTH = "(?:" + "|".join(LEVANTINE_MONTHS + EGYPTIAN_MONTHS) + ")"
DATE_AFTER = re.compile(rf"^\s*(?:من\s+)?{_MONTH}")
DATE_BEFORE = re.compile(rf"{_MONTH}\s*$")

# Counted nouns: singular, plural, what they count, and whether the dual can be
# read from the spelling.  The dual ends in ين/ان (تين/تان after ة); so does
# the sound masculine plural (مقاتلين), and without vowels the two look alike.
# Only nouns whose plural is not sound masculine give an unambiguous dual.
NOUNS = [
    ("جثة", "جثث", "bodies", True),
    ("أسير", "أسرى", "prisoners", True),
    ("معتقلة", "معتقلات", "detainees", True),
    ("معتقل", "معتقلين", "detainees", False),
    ("دبابة", "دبابات", "tanks", True),
    ("عربة", "عربات", "armoured_vehicles", True),
    ("مدرعة", "مدرعات", "armoured_vehicles", True),
    ("راجمة", "راجمات", "rocket_launchers", True),
    ("رشاش", "رشاشات", "heavy_machine_guns", True),
    ("عنصر", "عناصر", "members", True),
    ("جندي", "جنود", "soldiers", False),
    ("ضابط", "ضباط", "officers", True),
    ("مقاتل", "مقاتلين", "fighters", False),
    ("مدني", "مدنيين", "civilians", False),
    ("قوات", "قوات", "forces", False),
]
MATERIEL = {"tanks", "armoured_vehicles", "rocket_launchers", "heavy_machine_guns"}

_WORD_NUMBERS = [
    "واحد", "واحدة", "اثنان", "اثنين", "اثنا", "اثني", "ثلاث", "ثلاثة", "أربع", "أربعة", "خمس", "خمسة",
    "ست", "ستة", "سبع", "سبعة", "ثمان", "ثماني", "ثمانية", "تسع", "تسعة", "عشر", "عشرة",
    "عشرون", "عشرين", "ثلاثون", "ثلاثين", "أربعون", "أربعين", "خمسون", "خمسين", "ستون", "ستين",
    "سبعون", "سبعين", "ثمانون", "ثمانين", "تسعون", "تسعين", "مئة", "مائة", "مئتان", "مئتين",
    "ألف", "ألفان", "ألفين",
]
_NUMBER_WORD = "(?:" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + ")"
_QUALIFIER = "|".join(
    re.escape(word) for words in QUALIFIERS.values() for word in sorted(words, key=len, reverse=True)
)
_QUALIFIER_OF = {word: key for key, words in QUALIFIERS.items() for word in words}

# One quantity: an optional qualifier, then digits (ASCII or Arabic-Indic, maybe
# in quotes, maybe a percentage), number words, or a vague quantity.
QUANTITY = re.compile(
    rf"(?<!\w)(?:(?P<qualifier>{CLITIC}(?:{_QUALIFIER}))\s+)?"
    rf"{CLITIC}(?:"
    rf"[“\"«]?(?P<digits>[0-9٠-٩]+(?:[.,٫][0-9٠-٩]+)?)[”\"»]?(?P<percent>\s?[%٪]|\s(?:في|بال)\s?الم(?:ئ|ائ)ة)?"
    rf"|(?P<words>{_NUMBER_WORD}(?:\s+و?{_NUMBER_WORD})*)"
    rf"|(?:ال)?(?P<vague>{'|'.join(VAGUE)})"
    rf")(?![\w])"
)

_ALL_NOUN_FORMS = []
for singular, plural, subject, dual_ok in NOUNS:
    forms = [(singular, "singular"), (singular + "ا", "singular"), (plural, "plural")]
    if dual_ok:
        stem = singular[:-1] + "ت" if singular.endswith("ة") else singular
        forms += [(stem + "ين", "dual"), (stem + "ان", "dual")]
    _ALL_NOUN_FORMS += [(form, number, subject, singular) for form, number in forms]
_ALL_NOUN_FORMS.sort(key=lambda entry: len(entry[0]), reverse=True)
_NOUN_FORM = {form: (number, subject, singular) for form, number, subject, singular in _ALL_NOUN_FORMS}
# The accusative ("12 عنصرًا") may carry its tanween; the loader strips it, raw text may not.
_FORM_PATTERNS = [
    re.escape(singular) + "\u064b?ا" if form == singular + "ا" else re.escape(form)
    for form, number, subject, singular in _ALL_NOUN_FORMS
]
_NOUN_BODY = rf"{CLITIC}(?:ال)?(?P<noun>{'|'.join(_FORM_PATTERNS)})(?!\w)"
NOUN = re.compile(rf"(?<!\w){_NOUN_BODY}")
# After a number: the counted noun, directly or as "من" + noun ("175 من قوات").
NOUN_AFTER = re.compile(rf"^\s+(?:من\s+)?{_NOUN_BODY}(?:\s+(?P<modifier>ال\w+|\w+ين))?")


def noun_info(word: str) -> tuple[str, str, str]:
    """(grammatical number, subject, singular) of a counted noun as matched by ``NOUN``.

    >>> noun_info("رشاشين")
    ('dual', 'heavy_machine_guns', 'رشاش')
    """
    return _NOUN_FORM[word.replace("\u064b", "")]


def to_western_digits(text: str) -> str:
    """Arabic-Indic digits (٠–٩) to ASCII digits; other text unchanged.

    >>> to_western_digits("قرابة ٧٠٪")
    'قرابة 70٪'
    """
    return normalize_digits(text, source="all", out="west")


def value_range(qualifier: str, n: float, upper: float = math.nan,
                convention: str = _conventions.DEFAULT) -> tuple[float, float]:
    """The (low, high) range the words allow around ``n``; NaN where open.
    ``upper`` caps the range (100 for a percentage).  The bands are a named
    convention (:mod:`khabar.conventions`).

    >>> value_range("about", 85), value_range("more_than", 100), value_range("nearly", 30)
    ((76.0, 94.0), (101.0, nan), (27.0, 33.0))
    >>> value_range("more_than", 50, upper=100), value_range("nearly", 30, convention="nearly_below")
    ((51.0, 100.0), (27.0, 30.0))
    """
    return _conventions.band(qualifier, n, upper=upper, convention=convention)


# English names of what is counted: (one, several).
NOUNS_EN = {
    "bodies": ("body", "bodies"), "prisoners": ("prisoner", "prisoners"),
    "detainees": ("detainee", "detainees"), "tanks": ("tank", "tanks"),
    "armoured_vehicles": ("armoured vehicle", "armoured vehicles"),
    "rocket_launchers": ("rocket launcher", "rocket launchers"),
    "heavy_machine_guns": ("heavy machine gun", "heavy machine guns"),
    "members": ("member", "members"), "soldiers": ("soldier", "soldiers"),
    "officers": ("officer", "officers"), "fighters": ("fighter", "fighters"),
    "civilians": ("civilian", "civilians"), "forces": ("member of the forces", "members of the forces"),
}
QUALIFIERS_EN = {"exact": "", "about": "about", "nearly": "nearly", "more_than": "more than",
                 "less_than": "fewer than", "unspecified": "an unstated number of"}


def in_english(qualifier: str, value: float, unit: str = "count", subject: str | None = None) -> str:
    """A quantity in English words, e.g. for chart labels.

    >>> in_english("nearly", 30, subject="bodies"), in_english("about", 90, unit="percent")
    ('nearly 30 bodies', 'about 90%')
    >>> in_english("dozens", float("nan"), subject="soldiers")
    'dozens of soldiers'
    """
    one, several = NOUNS_EN.get(subject, ("", ""))
    if qualifier in VAGUE_EN:
        return f"{VAGUE_EN[qualifier]} of {several}" if several else VAGUE_EN[qualifier]
    number = "" if value != value else f"{value:g}" + ("%" if unit == "percent" else "")
    noun = one if value == 1 else several
    return " ".join(word for word in (QUALIFIERS_EN[qualifier], number, noun) if word)


def _counted_noun(text: str, end: int):
    match = NOUN_AFTER.match(text[end:])
    if not match:
        return None, end
    noun_end = end + match.end("noun")
    modifier = match.group("modifier")
    if modifier and (match.group("noun") in ("قوات", "عناصر") or noun_info(match.group("noun"))[0] == "dual"):
        noun_end = end + match.end("modifier")  # "قوات الأسد", "رشاشين ثقيلين"
    return match.group("noun"), noun_end


def quantities(text: str) -> pd.DataFrame:
    """Every quantity in ``text``: one row each with ``start``, ``end``,
    ``quote`` (text[start:end]), ``value`` (the number as stated; NaN for
    "dozens"), ``value_low``, ``value_high``, ``qualifier``,
    ``qualifier_ar``, ``unit`` (percent or count), ``noun`` (the counted noun as
    written, singular form) and ``subject``.  Identifiers ("الفرع 215"),
    dates ("26 من آذار") and years are left out.  A qualifier governs only the
    number right after it.  Dual nouns count two; singular nouns are found
    by :func:`materiel_singulars`, not here.

    >>> quantities("تحدثت عن قرابة 30 جثة و12 أسيرًا")[["quote", "qualifier", "value_low", "value_high"]].values.tolist()
    [['قرابة 30 جثة', 'nearly', 27.0, 33.0], ['و12 أسيرًا', 'exact', 12.0, 12.0]]
    """
    rows = []
    for match in QUANTITY.finditer(text):
        start, end = match.span()
        before, after = text[:match.start("digits") if match.group("digits") else start], text[end:]
        qualifier_ar = _strip_clitic(match.group("qualifier")) if match.group("qualifier") else ""
        qualifier = _QUALIFIER_OF.get(qualifier_ar, "exact")
        unit = "count"
        if match.group("digits"):
            if IDENTIFIER_BEFORE.search(before) or DATE_AFTER.match(after) or DATE_BEFORE.search(before):
                continue
            n = float(to_western_digits(match.group("digits")).replace(",", ".").replace("٫", "."))
            if match.group("percent"):
                unit = "percent"
        elif match.group("words"):
            n = float(text2number(_strip_clitic(match.group("words"))))
            if n == 0:
                continue
        else:
            qualifier, low, high = VAGUE[match.group("vague")]
            n = math.nan
            qualifier_ar = qualifier_ar or text[start:end].lstrip("وفبلك")
        noun, noun_end = _counted_noun(text, end) if unit == "count" else (None, end)
        if match.group("digits") and noun is None and unit == "count" and 1900 <= n <= 2100:
            continue  # a bare year
        if not match.group("vague"):
            low, high = value_range(qualifier, n, upper=100 if unit == "percent" else math.nan)
        number, subject, singular = noun_info(noun) if noun else (None, None, None)
        rows.append(_row(text, start, noun_end, n, low, high, qualifier, qualifier_ar, unit, singular, subject))
    rows += _uncounted_nouns(text, "dual", 2.0, _DUAL_MODIFIER, taken=[(row["start"], row["end"]) for row in rows])
    return _frame(rows)


def materiel_singulars(text: str) -> pd.DataFrame:
    """Singular materiel nouns with no number: in a list of losses, "عربة BMP"
    and "راجمة صواريخ" each mean one.  Same columns as :func:`quantities`.

    >>> materiel_singulars("خسائر القوات بخمس دبابات وعربة “BMP” وراجمة صواريخ")["quote"].tolist()
    ['وعربة “BMP”', 'وراجمة صواريخ']
    """
    after_number = re.compile(rf"(?:[0-9٠-٩]|{_NUMBER_WORD})\s*$")
    rows = [
        row for row in _uncounted_nouns(text, "singular", 1.0, _SINGULAR_MODIFIER)
        # A singular noun after a number ("5 عربة") is the counted noun of that number.
        if row["subject"] in MATERIEL and not after_number.search(text[: row["start"]])
    ]
    return _frame(rows)


# What may follow a counted noun and belongs to it: a model name in quotes or
# a qualifying word (عربة “BMP”، راجمة صواريخ); after a dual, its agreeing
# dual adjective (رشاشين ثقيلين).
_SINGULAR_MODIFIER = re.compile(r"\s+(?:[“\"«][^”\"»]{1,12}[”\"»]|صواريخ|مدرعة|عسكرية)")
_DUAL_MODIFIER = re.compile(r"\s+\w+(?:ين|ان)(?!\w)")


def _uncounted_nouns(text: str, form: str, value: float, modifier: re.Pattern, taken=()) -> list[dict]:
    """Counted nouns standing with no number, whose grammatical ``form``
    (singular, dual) gives the count ``value``."""
    rows = []
    for match in NOUN.finditer(text):
        number, subject, singular = noun_info(match.group("noun"))
        if number != form or any(s <= match.start() < e for s, e in taken):
            continue
        following = modifier.match(text, match.end())
        end = following.end() if following else match.end()
        rows.append(_row(text, match.start(), end, value, value, value, "exact", "", "count", singular, subject))
    return rows


# Counts the text says it does not give: "دون تحديد العدد" (without giving the number).
UNSPECIFIED = re.compile(r"دون تحديد (?:ال)?عدد|لم يحدد (?:ال)?عدد|دون ذكر (?:ال)?عدد|عدد غير محدد")


def unspecified_counts(text: str) -> pd.DataFrame:
    """A counted noun whose number the text says it does not give; the quote
    runs from the noun to those words.  Same columns as :func:`quantities`.

    >>> unspecified_counts("وتحدثت عن انتشال جثث بعض العناصر، دون تحديد العدد")[["quote", "subject"]].values.tolist()
    [['جثث بعض العناصر، دون تحديد العدد', 'bodies']]
    """
    unspecified = UNSPECIFIED.search(text)
    noun = NOUN.search(text, 0, unspecified.start()) if unspecified else None
    if not noun:
        return _frame([])
    number, subject, singular = noun_info(noun.group("noun"))
    nan = math.nan
    return _frame([_row(text, noun.start(), unspecified.end(), nan, nan, nan, "unspecified",
                        unspecified.group(), "count", singular, subject)])


def _row(text, start, end, value, low, high, qualifier, qualifier_ar, unit, noun, subject) -> dict:
    return {
        "start": start, "end": end, "quote": text[start:end], "value": float(value),
        "value_low": float(low), "value_high": float(high), "qualifier": qualifier,
        "qualifier_ar": qualifier_ar, "unit": unit, "noun": noun, "subject": subject,
    }


def _strip_clitic(words: str) -> str:
    for prefix in ("وب", "ول", "فب", "و", "ف", "ب", "ل", "ك"):
        rest = words[len(prefix):]
        if words.startswith(prefix) and (rest.startswith(tuple(_QUALIFIER_OF)) or re.match(_NUMBER_WORD, rest)):
            return rest
    return words


def _frame(rows: list[dict]) -> pd.DataFrame:
    columns = ["start", "end", "quote", "value", "value_low", "value_high", "qualifier",
               "qualifier_ar", "unit", "noun", "subject"]
    return pd.DataFrame(rows, columns=columns).sort_values("start", kind="stable").reset_index(drop=True)
