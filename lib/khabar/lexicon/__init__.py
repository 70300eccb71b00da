"""The vocabulary khabar reads Arabic news with, kept as data: one CSV file
per kind of thing in this folder, one record per thing, spellings separated
by ``|``.  Files are read once, on first use.

======================  ====================================================
kind                    file and what a record holds
======================  ====================================================
``noun``                nouns.csv: a counted noun's lemma, its spellings, its subject
``subject``             subjects.csv: what is counted, its topic, unit and labels
``scope``               scopes.csv: what is said of a count, its labels
``predicate``           predicates.csv: the words that say it (قتل → killed)
``claimant``            claimants.csv: who speaks, its names, side, labels, colour
``side``                sides.csv: a claimant's camp, its labels and colour
``reporting``           reporting.csv: verbs and phrases of saying (قال، بحسب)
``qualifier``           qualifiers.csv: words that set a range (نحو، على الأقل)
``vague``               vague.csv: vague quantities (عشرات) and their bands
``number``              numbers.csv: number words and fractions, and their values
``identifier``          identifiers.csv: words that make the next number a name, year or time
``particle``            particles.csv: function words, never a counted noun
``place``               places.csv: the gazetteer of places and named sources
``cue``                 cues.csv: words that change how a count is read (negation, exceeding)
``stage``               stages.csv: the stages of events and the words that trigger each (a pattern)
``actor``               actors.csv: who can hold a place, as a pattern (khabar.control)
``source_type``         source_types.csv: a claimant's kind of source, named or not
``people``              people.csv: a counted noun's lemma, sex, combatant, the forms naming women
``owner``               owners.csv: the words naming whose forces a count is, by side
``exchange_term``       exchange_terms.csv: a deal's terms, running totals, where bodies are gathered
``caveat``              caveats.csv: words that cast doubt on a report, as an events stage
======================  ====================================================

Spellings are compared after :func:`fold`, so a spelling written with or
without hamza, harakat or tatweel matches the same text.

>>> label("subject", "bodies", "en"), label("claimant", "a_new_speaker", "en")
('bodies', 'a_new_speaker')
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from khabar import text as _text

FOLDER = Path(__file__).parent
FILES = {
    "noun": "nouns.csv",
    "subject": "subjects.csv",
    "scope": "scopes.csv",
    "predicate": "predicates.csv",
    "claimant": "claimants.csv",
    "side": "sides.csv",
    "reporting": "reporting.csv",
    "qualifier": "qualifiers.csv",
    "vague": "vague.csv",
    "number": "numbers.csv",
    "identifier": "identifiers.csv",
    "particle": "particles.csv",
    "place": "places.csv",
    "cue": "cues.csv",
    "stage": "stages.csv",
    "actor": "actors.csv",
    "source_type": "source_types.csv",
    "people": "people.csv",
    "owner": "owners.csv",
    "exchange_term": "exchange_terms.csv",
    "caveat": "caveats.csv",
}
# The column holding each kind's key, and the one holding its spellings.
KEYS = {
    "noun": "lemma",
    "qualifier": "qualifier",
    "vague": "qualifier",
    "number": "value",
    "identifier": "kind",
    "particle": "role",
    "predicate": "scope",
    "reporting": "kind",
    "place": "name_en",
    "people": "lemma",
    "owner": "side",
    "exchange_term": "kind",
    "caveat": "stage",
}
SPELLINGS = {"claimant": "names", "place": "name"}  # nouns: singulars and plurals
LANGS = ("ar", "en")


def fold(text: str) -> str:
    """``text`` as khabar matches it (see :func:`khabar.text.fold`).

    >>> fold("أربعةٌ وإحدى ـ ٣٠")
    'اربعة واحدي  30'
    """
    return _text.fold(text)


def folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`khabar.text.fold_with_offsets`, under the name older code imports.

    >>> folded_with_offsets("عنصرًا")
    ('عنصرا', [0, 1, 2, 3, 5, 6])
    """
    return _text.fold_with_offsets(text)


class LexiconError(ValueError):
    """A lexicon file that cannot be read as the loader expects."""


@cache
def rows(kind: str) -> tuple[dict, ...]:
    """The records of ``kind`` as plain dicts, read once; ``forms`` (when the
    kind has spellings) is a tuple of folded spellings.

    >>> rows("side")[0]["key"]
    'regime'
    """
    if kind not in FILES:
        raise LexiconError(f"no lexicon kind {kind!r}; kinds: {', '.join(FILES)}")
    path = FOLDER / FILES[kind]
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            records = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise LexiconError(f"{path}: cannot be read ({error})") from None
    spelled = SPELLINGS.get(kind, "forms")
    key_column = KEYS.get(kind, "key")
    for number, record in enumerate(records, start=2):
        if None in record or any(value is None for value in record.values()):
            raise LexiconError(f"{path}, line {number}: wrong number of fields")
        if key_column not in record:
            raise LexiconError(f"{path}: no {key_column!r} column")
        record["key"] = record[key_column]
        if kind == "noun":
            record["singular_forms"] = _spellings(record["singulars"])
            record["plural_forms"] = _spellings(record["plurals"])
            record["forms"] = record["singular_forms"] + record["plural_forms"]
        elif spelled in record:
            record["forms"] = _spellings(record[spelled])
    return tuple(records)


def _spellings(cell: str) -> tuple[str, ...]:
    return tuple(fold(form) for form in cell.split("|") if form)


def records(kind: str):
    """The records of ``kind`` as a dataframe, one row per record (``forms``
    holds the folded spellings as a tuple).

    >>> records("claimant").set_index("key").loc["sohr", "side"]
    'independent'
    """
    import pandas as pd

    return pd.DataFrame(list(rows(kind)))


@cache
def _by_key(kind: str) -> dict:
    return {record["key"]: record for record in rows(kind)}


def record(kind: str, key: str) -> dict | None:
    """The record of ``kind`` with ``key``, or None.

    >>> record("subject", "killed")["topic"]
    'casualties'
    """
    return _by_key(kind).get(key)


def label(kind: str, key: str, lang: str) -> str:
    """The Arabic or English label of a lexicon key; the key as written when
    the lexicon has no label for it.  A scope that is a group of people
    ("forces", "civilians") falls back to that subject's label.

    >>> label("scope", "handed_over", "en"), label("scope", "civilians", "ar"), label("side", "x y", "ar")
    ('handed over', 'مدنيون', 'x y')
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    found = record(kind, key) or (record("subject", key) if kind == "scope" else None)
    return (found or {}).get(f"label_{lang}") or str(key)


def colour(kind: str, key: str, default: str = "#999999") -> str:
    """The chart colour of a claimant or side; ``default`` when it has none.

    >>> colour("side", "regime"), colour("claimant", "someone new")
    ('#b2182b', '#999999')
    """
    return (record(kind, key) or {}).get("colour") or default


class Labels(Mapping):
    """``{key: {"ar": ..., "en": ...}}`` for a lexicon kind, built on use;
    a key the lexicon does not hold gives its own words in both languages.

    >>> Labels("subject")["a new subject"]
    {'ar': 'a new subject', 'en': 'a new subject'}
    """

    def __init__(self, kind: str):
        self.kind = kind

    def __getitem__(self, key):
        return {lang: label(self.kind, key, lang) for lang in LANGS}

    def __iter__(self):
        return iter(_by_key(self.kind))

    def __len__(self):
        return len(_by_key(self.kind))

    def __contains__(self, key):
        return True


class Colours(Mapping):
    """``{key: colour}`` for claimants or sides; grey for a key with none.

    >>> Colours("side")["isis"], Colours("side")["nobody"]
    ('#404040', '#999999')
    """

    def __init__(self, kind: str):
        self.kind = kind

    def __getitem__(self, key):
        return colour(self.kind, key)

    def __iter__(self):
        return iter(_by_key(self.kind))

    def __len__(self):
        return len(_by_key(self.kind))

    def __contains__(self, key):
        return True
