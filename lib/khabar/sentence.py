"""One reading of each sentence: :class:`Sentence`, built once per sentence
by :func:`read`, and read by :func:`khabar.claims`.

A sentence is folded once (:func:`khabar.text.fold_with_offsets`); its
numbers, counted nouns, predicates and speaker turns are found once, in that
fold, and every reader takes them from here.

>>> from khabar import load_article
>>> first = read(load_article())[1]
>>> first.paragraph, first.claimant, [n["quote"] for n in first.numbers][:1]  # a year, read as one
(1, 'enab_baladi', ['2015'])
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from khabar.numbers import find_nouns, numbers_records
from khabar.predicates import predicate_forms, predicates_in
from khabar.sources import sentence_records


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article as khabar reads it.

    ``text`` as written and ``start``/``end`` its offsets in the article;
    ``plain`` its fold and ``offsets`` the offset in ``text`` of each folded
    character (and one past the end); ``paragraph`` and ``kind`` (title,
    caption, body); ``claimant``, ``claimant_ar``, ``side`` and ``continues``
    who speaks at its start; ``carried`` the speaker carried in from the
    sentence before (key, as written); ``turns`` the speakers who take the
    floor inside it; ``reported_on`` and ``reported_precision`` when it was
    said.  ``numbers``, ``nouns`` and ``predicates`` are found on first use,
    once, in ``plain``.

    >>> s = Sentence("قتل 5", 0, 5, 1, "body", "قتل 5", (0, 1, 2, 3, 4, 5))
    >>> [p[2] for p in s.predicates], s.numbers[0]["value"]
    (['killed'], 5.0)
    """

    text: str
    start: int
    end: int
    paragraph: int
    kind: str
    plain: str
    offsets: tuple
    claimant: str = "unattributed"
    claimant_ar: str = ""
    side: str = "unknown"
    continues: bool = False
    carried: tuple = (None, "")
    turns: tuple = ()
    reported_on: object = pd.NaT
    reported_precision: str = ""

    @cached_property
    def numbers(self) -> list[dict]:
        """Every number in the sentence (:func:`khabar.numbers.numbers_records`)."""
        return numbers_records(self.text, (self.plain, self.offsets), self.nouns)

    @cached_property
    def nouns(self) -> list[dict]:
        """Every lexicon noun in the fold (:func:`khabar.numbers.find_nouns`)."""
        return find_nouns(self.plain)

    @cached_property
    def predicates(self) -> list[tuple[int, int, str]]:
        """(start, end, scope) of each predicate in the fold."""
        return predicates_in(self.plain, self.predicate_forms)

    @cached_property
    def predicate_forms(self) -> list[tuple[int, int, str, int]]:
        """Every predicate form in the fold, negated or not
        (:func:`khabar.predicates.predicate_forms`)."""
        return predicate_forms(self.plain)

    @cached_property
    def back(self) -> dict:
        """Offset in ``text`` → index in ``plain``."""
        return {offset: index for index, offset in enumerate(self.offsets)}

    @property
    def folded(self) -> tuple[str, tuple]:
        """``(plain, offsets)``, as the functions that take a fold want it."""
        return self.plain, self.offsets


def read(article) -> list[Sentence]:
    """The article's sentences, each read once, with when each was said.

    >>> from khabar import load_article
    >>> len(read(load_article()))
    16
    """
    records = sentence_records(article)
    dated = _report_dates(records, article.text, getattr(article, "published", None))
    return [
        Sentence(
            **{field: record[field] for field in _FROM_RECORD},
            offsets=tuple(record["offsets"]),
            turns=tuple(record["turns"]),
            reported_on=on,
            reported_precision=precision,
        )
        for record, (on, precision) in zip(records, dated, strict=True)
    ]


# The fields a sentence takes as they are from :func:`khabar.sources.sentence_records`.
_FROM_RECORD = (
    "text",
    "start",
    "end",
    "paragraph",
    "kind",
    "plain",
    "claimant",
    "claimant_ar",
    "side",
    "continues",
    "carried",
)


def _report_dates(records: list[dict], text: str, published) -> list[tuple]:
    """When each sentence's claim was made: the first date the sentence gives
    ("أمس" in "وتحدثت صفحات موالية، أمس، عن ..."; al-Naba's "الخميس الماضي"),
    else the previous sentence's when it carries on the same speaker, else
    the publication date."""
    if published is None:
        return [(pd.NaT, "")] * len(records)
    from khabar.dates import date_spans

    found = [(d["start"], d["end"], d["date"], d["precision"]) for d in date_spans(text, published)]
    previous, dated = (pd.Timestamp(published), "day"), []
    for sentence in records:
        inside = [d for d in found if d[0] >= sentence["start"] and d[1] <= sentence["end"]]
        if inside:
            reported = (inside[0][2], inside[0][3])
        elif not sentence["continues"]:
            reported = (pd.Timestamp(published), "day")
        else:
            reported = previous
        dated.append(reported)
        previous = reported
    return dated
