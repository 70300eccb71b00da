"""Every orthographic fold khabar reads Arabic through, each a named step,
and :func:`fold_with_offsets`, their composition, which keeps for each
character of the folded text the offset of the character it came from.

Arabic writes one word several ways: with or without harakat and tatweel,
with hamza on or under alif or a bare alif, with alif maqsura or ya, with
Arabic-Indic or ASCII digits.  Text is matched in one spelling, the fold,
and every span found in it is mapped back to the words as written.

=====================  ======================================  ============
step                   what it does                            in the fold
=====================  ======================================  ============
:func:`harakat`        drops short vowels, shadda, sukun,      yes
                       tanwin and the dagger alif
:func:`tatweel`        drops the stretching stroke ـ            yes
:func:`hamza_forms`    أ إ آ ٱ → ا                              yes
:func:`alif_maqsura`   ى → ي                                    yes
:func:`digits`         ٠–٩ and ۰–۹ → 0–9                        yes
:func:`taa_marbuta`    ة → ه                                    no
:func:`punctuation`    the Latin comma and semicolon → ، ؛      no
=====================  ======================================  ============

The last two are kept out of :data:`STEPS`: the lexicon and the grammar tell
«قتلة» (killers) from «قتله» (killed him), and a Latin comma in a figure
(«1,200») from a comma that ends a clause.

>>> fold("أربعةٌ وإحدى ـ ٣٠")
'اربعة واحدي  30'
>>> fold_with_offsets("عنصرًا")
('عنصرا', [0, 1, 2, 3, 5, 6])
"""

from __future__ import annotations

import re

HARAKAT = re.compile("[\u064b-\u0652\u0670]")
TATWEEL = re.compile("\u0640")
_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_MAQSURA = str.maketrans({"ى": "ي"})
_DIGITS = str.maketrans(
    {**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}}
)
_TAA = str.maketrans({"ة": "ه"})
_PUNCTUATION = str.maketrans({",": "،", ";": "؛"})
# The steps that drop characters, and those that put one character for another.
_DROPPED = re.compile("[\u064b-\u0652\u0670\u0640]")
_ONE_FOR_ONE = str.maketrans({**_HAMZA, **_MAQSURA, **_DIGITS})


def harakat(text: str) -> str:
    """``text`` without short vowels, shadda, sukun, tanwin or the dagger alif.

    >>> harakat("قُتِلَ عنصرًا")
    'قتل عنصرا'
    """
    return HARAKAT.sub("", text)


def tatweel(text: str) -> str:
    """``text`` without tatweel.

    >>> tatweel("قتـــلى")
    'قتلى'
    """
    return TATWEEL.sub("", text)


def hamza_forms(text: str) -> str:
    """Alif with hamza above or below, with madda or wasla, as a bare alif.

    >>> hamza_forms("أبرم إجمالي آلاف")
    'ابرم اجمالي الاف'
    """
    return text.translate(_HAMZA)


def alif_maqsura(text: str) -> str:
    """Alif maqsura as ya: «على» and «علي» are written both ways.

    >>> alif_maqsura("على القتلى")
    'علي القتلي'
    """
    return text.translate(_MAQSURA)


def digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits.

    >>> digits("٣٠ و۱۲")
    '30 و12'
    """
    return text.translate(_DIGITS)


def taa_marbuta(text: str) -> str:
    """Taa marbuta as ha, for matching text that writes one for the other
    (not part of :func:`fold`).

    >>> taa_marbuta("حصيلة")
    'حصيله'
    """
    return text.translate(_TAA)


def punctuation(text: str) -> str:
    """The Latin comma and semicolon as their Arabic forms (not part of
    :func:`fold`).

    >>> punctuation("قتل 5, وجرح 3;")
    'قتل 5، وجرح 3؛'
    """
    return text.translate(_PUNCTUATION)


# The fold, in order: what drops characters, then what replaces them.
STEPS = (harakat, tatweel, hamza_forms, alif_maqsura, digits)


def fold(text: str) -> str:
    """``text`` as khabar matches it: every step of :data:`STEPS` in turn
    (done as one pass over the text: no step changes what another reads).

    >>> fold("إِحْدَى ـ ٣")
    'احدي  3'
    """
    return text.translate(_FOLD)


_FOLD = {
    **{ord(ch): None for ch in map(chr, range(0x0600, 0x0700)) if _DROPPED.match(ch)},
    **_ONE_FOR_ONE,
}


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`fold` of ``text`` and, for each of its characters (and one past
    the end), the offset of that character in ``text``.

    >>> fold_with_offsets("قَتْلى")
    ('قتلي', [0, 2, 4, 5, 6])
    """
    if not _DROPPED.search(text):
        return text.translate(_ONE_FOR_ONE), list(range(len(text) + 1))
    offsets = [i for i, ch in enumerate(text) if not _DROPPED.match(ch)] + [len(text)]
    return _DROPPED.sub("", text).translate(_ONE_FOR_ONE), offsets


def alternation(forms, space: str = r"\s+") -> str:
    """A regex matching any of ``forms`` as their alternation longest first
    would (``"|".join`` of them escaped, sorted by length, longest first), a
    space in a form matching ``space``; written as a tree of shared
    beginnings, so a word of the text is compared with each letter once,
    not with each form.  Of the forms that match at one place the longest is
    tried first, then the next longest, as in the alternation: they are
    beginnings of one another, so they lie on one branch of the tree, tried
    deepest first.

    >>> alternation(["قتل", "قتلى", "قتلوا", "جثث"])
    '(?:جثث|قتل(?:وا|ى)?)'
    >>> re.fullmatch(alternation(["عنصر", "عنصر امن"]), "عنصر  امن") is not None
    True
    """
    forms = sorted(set(forms))  # one pattern whatever the order given (or the hash seed)
    if any(" ".join(form.split()) != form for form in forms):
        # a space that is not one between two words: the plain alternation
        return "|".join(re.escape(form).replace(r"\ ", space) for form in sorted(forms, key=len, reverse=True))
    tree: dict = {}
    for form in forms:
        node = tree
        for token in _tokens(form):
            node = node.setdefault(token, {})
        node[_END] = {}
    return _branches(tree, space)


_END, _SPACE = 0, 1


def _tokens(form: str) -> list:
    words = form.split(" ")
    tokens = list(words[0])
    for word in words[1:]:
        tokens += [_SPACE, *word]
    return tokens


def _branches(node: dict, space: str) -> str:
    """The pattern of a node of :func:`alternation`'s tree: its children
    (one letter each, so at most one can match at a place) and, tried last,
    the end of a form."""
    letters, longer = [], []
    for token, child in node.items():
        if token == _END:
            continue
        head = space if token == _SPACE else re.escape(token)
        rest = _branches(child, space)
        if rest == "" and token != _SPACE:
            letters.append(head)
        else:
            longer.append(head + rest)
    if len(letters) > 1:
        longer.append("[" + "".join(letters) + "]")
    else:
        longer += letters
    if not longer:
        return ""
    body = "|".join(longer)
    if _END in node:
        return f"(?:{body})?"
    return body if len(longer) == 1 else f"(?:{body})"
