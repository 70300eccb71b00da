"""Who says what: the article's sentences, each attributed to a claimant.

Claims, events and control rows all take their claimant from here.

>>> from khabar import load_article
>>> found = sentences(load_article())
>>> found.loc[found.text.str.startswith("وتحدثت عن انتشال"), ["claimant", "continues"]].values.tolist()
[['pro_regime_pages', True]]
"""
from __future__ import annotations

import re

import pandas as pd

# Who a sentence attributes its content to.  The earliest match in the
# sentence wins: in "وقالت مصادر مطلعة إن التنظيم أعلن ..." the outer speaker
# is the claimant.  "لعنب بلدي" (to Enab Baladi) names the listener, not a
# source, so the outlet is the claimant only when nobody else is named.
CLAIMANT_PATTERNS = [
    ("al_naba", r"صحيفة\s*[“\"«]?النبأ|[“\"«]النبأ[”\"»]"),
    # The group as the subject of a verb of claiming: "وقدر التنظيم",
    # "وكان تنظيم “الدولة” أعلن".  "ويسيطر التنظيم" states a fact, claims nothing.
    ("isis", r"(?:أعلن|قدر|قال|أكد|ذكر|زعم|تبنى)\s+(?:ال)?تنظيم(?!\w)"),
    ("isis", r"تنظيم\s+[“\"«]?الدولة(?:\s+الإسلامية)?[”\"»]?\s+(?:\w+\s+){0,2}?(?:أعلن|قدر|قال|أكد|ذكر|زعم|تبنى)"),
    # إلا أن أخرى: "but others" -- the feminine أخرى agrees with مصادر
    # (sources), so it means other sources even with the noun left out.
    ("other_sources", r"(?:إلا\s+أن|لكن|غير\s+أن|بينما)\s+(?:مصادر\s+)?أخرى"),
    ("informed_sources", r"مصادر\s+مطلعة"),
    ("pro_regime_pages", r"صفحات\s+موالية"),
    ("activists", r"(?<!\w)ناشط(?:ين|ون|و)(?!\w)"),
    # "وقدرت المصادر": the definite "the sources" points back to the sources
    # named last (informed or other), resolved in :func:`claimant_of`.
    ("the_sources", r"(?:قدرت|قالت|أكدت|أفادت|ذكرت|أشارت|أضافت)\s+المصادر"),
]
_CLAIMANTS = [(key, re.compile(pattern)) for key, pattern in CLAIMANT_PATTERNS]
SOURCES = ("informed_sources", "other_sources")

# A sentence that opens with a verb of saying and no subject of its own
# ("وتحدثت عن ...") continues the previous sentence's speaker: Arabic drops a
# subject that is the same as the one before.
CONTINUES = re.compile(
    r"^[وف]?(?:تحدثت|تحدث|قالت|قال|أضافت|أضاف|أشارت|أشار|أكدت|أكد|ذكرت|ذكر|وثقت|وثق|لفتت)\s+(?:عن|أن|إن|إلى)(?!\w)"
)

SIDE = {
    "informed_sources": "independent", "other_sources": "independent",
    "pro_regime_pages": "regime", "al_naba": "isis", "isis": "isis",
    "enab_baladi": "independent", "activists": "independent",
}

_SENTENCE_END = re.compile(r"(?<=[.!؟])\s+|(?<=[.!؟])$")


def claimant_of(sentence: str, previous: str | None = None, last_sources: str | None = None) -> str:
    """Who makes the claims in ``sentence``.  ``previous`` is the previous
    sentence's claimant, ``last_sources`` the sources named last.

    >>> claimant_of("وقدر التنظيم خسائر القوات بخمس دبابات")
    'isis'
    >>> claimant_of("وتحدثت عن انتشال جثث بعض العناصر", previous="pro_regime_pages")
    'pro_regime_pages'
    """
    return _attribute(sentence, previous, last_sources)[0]


def _attribute(sentence: str, previous: str | None, last_sources: str | None) -> tuple[str, bool]:
    """(claimant, continues): ``continues`` is True when the sentence names
    no speaker and carries on the previous one."""
    hits = [(match.start(), key) for key, pattern in _CLAIMANTS for match in [pattern.search(sentence)] if match]
    if hits:
        claimant = min(hits)[1]
        if claimant != "the_sources":
            return claimant, False
        if last_sources in SOURCES:
            return last_sources, False
        return ("informed_sources" if previous not in SOURCES else previous), False
    if previous and CONTINUES.search(sentence):
        return previous, True
    return "enab_baladi", False


def sentences(article) -> pd.DataFrame:
    """The article's sentences (title, caption and body) with who each is
    attributed to: ``paragraph``, ``kind``, ``text``, ``start``, ``end``
    (offsets in ``article.text``), ``claimant``, ``side``, ``continues`` (True
    when the sentence carries on the previous speaker).

    >>> from khabar import load_article
    >>> s = sentences(load_article())
    >>> s.loc[s.text.str.startswith("إلا أن أخرى"), "claimant"].item()
    'other_sources'
    """
    rows, previous, last_sources = [], None, None
    for paragraph in article.paragraphs.itertuples():
        offset = 0
        for piece in _SENTENCE_END.split(paragraph.text):
            if not piece.strip():
                continue
            local = paragraph.text.index(piece, offset)
            offset = local + len(piece)
            start = paragraph.start + local
            claimant, continues = _attribute(piece, previous, last_sources)
            rows.append((paragraph.Index, paragraph.kind, piece, start, start + len(piece),
                         claimant, SIDE[claimant], continues))
            previous = claimant
            if claimant in SOURCES:
                last_sources = claimant
    columns = ["paragraph", "kind", "text", "start", "end", "claimant", "side", "continues"]
    return pd.DataFrame(rows, columns=columns)
