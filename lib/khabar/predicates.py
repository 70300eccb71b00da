"""The words that say what befell a count (قتل → killed, أفرج → released),
found in folded text: :func:`predicates_in`.  The words are the lexicon's
(``predicates.csv``); the negation a predicate may carry is in
``cues.csv`` (``negation``).

>>> [p[2] for p in predicates_in("قتل 5 واصيب 3")]
['killed', 'wounded']
"""

from __future__ import annotations

import re
from functools import cache

from khabar import lexicon, text


@cache
def _predicates() -> tuple[re.Pattern, dict]:
    forms = {form: record["scope"] for record in lexicon.rows("predicate") for form in record["forms"]}
    alternation = text.alternation(forms)
    # A verb's subject endings (قتلوا، انتشلا، تسلمنا) and object pronouns (بادلها).
    pattern = re.compile(
        rf"(?<!\w)[وفبل]{{0,2}}?(?:ال)?(?P<form>{alternation})(?:وا|تا|نا|ا|ت|ن)?(?:هما|هم|هن|ها|ه)?(?!\w)"
    )
    return pattern, {" ".join(form.split()): scope for form, scope in forms.items()}


def predicate_pattern() -> tuple[re.Pattern, dict]:
    """The compiled alternation of every predicate form, and each form's scope.

    >>> pattern, scopes = predicate_pattern()
    >>> scopes[pattern.search("وقتل").group("form")]
    'killed'
    """
    return _predicates()


@cache
def cue_words(key: str) -> str:
    """The folded forms of a cue of ``cues.csv``, as a regex alternation.

    >>> "ناهز" in cue_words("approaching").split("|")
    True
    """
    record = lexicon.record("cue", key)
    if record is None:
        raise lexicon.LexiconError(f"{lexicon.FOLDER / 'cues.csv'}: no cue {key!r}")
    return "|".join(re.escape(form) for form in sorted(record["forms"], key=len, reverse=True))


@cache
def negated_before() -> re.Pattern:
    """A refusal or negation right before a predicate: «رفضت الخروج»، «عدم
    الإفراج»، «لم يقتل» say nothing happened to the count.

    >>> bool(negated_before().search("لم "))
    True
    """
    return re.compile(rf"(?<!\w)[وف]?(?:{cue_words('negation')})\s+$")


# «لم يتسلم سوى 27 جثة»: negated with «سوى/إلا» it says «only».
_ONLY = re.compile(r"(?:\s+\S+){0,3}?\s+(?:سوي|الا)(?!\w)")


def predicate_forms(plain: str) -> list[tuple[int, int, str, int]]:
    """(start, end, form, start of the form) of every match of
    :func:`predicate_pattern` in folded text, negated or not; the form
    without the clitics before it, as the lexicon writes it.

    >>> predicate_forms("ولم يقتل احد")  # negated: predicates_in leaves it out
    [(4, 8, 'يقتل', 4)]
    """
    pattern, _ = _predicates()
    return [(m.start(), m.end(), " ".join(m.group("form").split()), m.start("form")) for m in pattern.finditer(plain)]


def predicates_in(plain: str, forms: list | None = None) -> list[tuple[int, int, str]]:
    """(start, end, scope) of every event predicate in folded text;
    ``forms``, its :func:`predicate_forms`, when the caller has them.

    >>> from khabar.text import fold
    >>> [p[2] for p in predicates_in(fold("يسكنه عشرون ألف مدني، قتل منهم ألفان"))]
    ['residents', 'killed']
    """
    _, scopes = _predicates()
    negated = negated_before()
    return [
        (start, end, scopes[form])
        for start, end, form, form_start in (predicate_forms(plain) if forms is None else forms)
        # لدى takes no preposition: «بلدي» is a word of its own
        if not (form == "لدي" and form_start > start)
        and not (negated.search(plain, max(0, start - 12), start) and not _ONLY.match(plain, end))
    ]
