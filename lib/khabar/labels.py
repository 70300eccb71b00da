"""Words a reader sees in tables, in Arabic or English, for the codes the
dataframes hold (``isis``, ``contested``, ``single_source``…).

One function, :func:`label`, answers for every kind of code: claimants,
subjects, scopes and sides come from the lexicon (``khabar.lexicon``), the
vocabulary the charts use, so a table and a chart name a thing alike; column
headers, grades and the rest come from ``ui_terms.csv`` beside this module.
The dataframes themselves keep their codes.

>>> label("side", "isis", "ar")
'التنظيم'
>>> label("grade", "contested", "en")
'contested'
"""

from __future__ import annotations

import csv
import functools
import math
from pathlib import Path

TERMS_PATH = Path(__file__).resolve().parent / "ui_terms.csv"
LANGS = ("ar", "en")
CHART_KINDS = ("claimant", "subject", "scope", "side")


def bilingual_rows(path: Path, keys: tuple[str, str]) -> dict[tuple[str, str], dict[str, str]]:
    """The rows of a CSV of words in both languages (columns ``keys``, then
    ``ar`` and ``en``) keyed by their two key columns; a row missing a cell,
    or repeating another's keys, is refused with the file and line.

    >>> bilingual_rows(TERMS_PATH, ("kind", "key"))[("column", "quote")]["en"]
    'quote'
    """
    found = {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            if not all(row.get(field) for field in (*keys, "ar", "en")):
                raise ValueError(f"{path}: line {number} needs {', '.join(keys)}, ar and en")
            key = (row[keys[0]], row[keys[1]])
            if key in found:
                raise ValueError(f"{path}: line {number} repeats {key[0]},{key[1]}")
            found[key] = {"ar": row["ar"], "en": row["en"]}
    return found


@functools.cache
def ui_terms() -> dict[tuple[str, str], dict[str, str]]:
    """The rows of ``ui_terms.csv`` keyed by (kind, key).

    >>> ui_terms()[("column", "quote")]["ar"]
    'الاقتباس'
    """
    return bilingual_rows(TERMS_PATH, ("kind", "key"))


def _lexicon_words(kind: str, key) -> dict | None:
    """A lexicon record's labels (claimants, subjects, scopes, sides): the
    one vocabulary the charts use too."""
    from khabar import lexicon

    found = lexicon.record(kind, key) or (lexicon.record("subject", key) if kind == "scope" else None)
    if not found or not found.get("label_ar") or not found.get("label_en"):
        return None
    return {"ar": found["label_ar"], "en": found["label_en"]}


def label(kind: str, key, lang: str) -> str:
    """The reader's word for code ``key`` of ``kind`` in ``lang``.

    A missing value (None, NaN) is an empty string; a code with no entry is
    shown as written, underscores as spaces, rather than hidden.

    >>> label("claimant", "informed_sources", "en")
    'informed sources'
    >>> label("column", "how_many", "ar")
    'كم'
    >>> label("grade", float("nan"), "en")
    ''
    >>> label("scope", "no_such_code", "en")
    'no such code'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    if key is None or (isinstance(key, float) and math.isnan(key)) or key == "":
        return ""
    words = None
    if kind in CHART_KINDS:
        words = _lexicon_words(kind, key)
    if words is None:
        words = ui_terms().get((kind, key))
    if words is None:
        return str(key).replace("_", " ")
    return words[lang]


def speaker(key, as_written, lang: str) -> str:
    """The reader's word for who says a claim: the lexicon's label, but a
    speaker it does not hold (``other``) by his words as written, so an
    outlet or a spokesman the lexicon does not know is named, not shown as
    «مصدر آخر».

    >>> speaker("other", "موقع الساحل", "ar"), speaker("sohr", "المرصد", "en")
    ('موقع الساحل', 'Syrian Observatory for Human Rights')
    >>> speaker("other", "", "en")
    'other speaker'
    """
    if key == "other" and isinstance(as_written, str) and as_written.strip():
        return as_written
    return label("claimant", key, lang)
