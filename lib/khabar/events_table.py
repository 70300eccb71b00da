"""Dated happenings in an article: what happened, when, and who says so.

Found with rules over sentences: a stage is a trigger phrase (a deal
"concluded", bodies "exchanged", "in stages" still to come...), its date is
the date expression in the same sentence nearest the trigger (resolved by
:mod:`khabar.dates` against the publication date), and its claimant is who
the sentence attributes it to.

A sentence with no date takes the previous sentence's date when it continues
the previous speaker ("وتحدثت عن ..." after "ووثقت صفحات موالية ..."), and
otherwise the publication date; ``date_basis`` says which (``text``,
``previous_sentence``, ``publication``).

``date_precision`` is one of :data:`khabar.dates.PRECISIONS`, plus ``after``
for what the text says is still to come: it happens after ``date`` and no
end is known.

>>> from khabar import load_article
>>> found = events(load_article())
>>> found.loc[found.stage == "deal", ["date", "date_precision", "claimant"]].astype(str).values.tolist()
[['2018-03-16', 'approx', 'enab_baladi'], ['2018-03-24', 'day', 'informed_sources']]
"""
from __future__ import annotations

import re

import pandas as pd

from khabar.dates import find_dates
from khabar.names import NAMES, name_pattern
from khabar.numbers import in_english, quantities
from khabar.sources import sentences

# (stage, trigger, label_ar, label_en, precision override).  A sentence may
# hold several stages; each stage is counted once per sentence.
STAGES = [
    # The accusative adds an alif once tanween is stripped: "إن اتفاقًا" -> "اتفاقا".
    ("deal",
     r"(?<!\w)[وف]?(?:ال)?(?:صفقة|اتفاقا?)(?:\s+\S+)?\s+(?:عقدت|عقد|جرى|جرت|أبرم|أبرمت|تم|تمت)(?!\w)"
     r"|(?:عقد|أبرم|وقع)\w*\s+(?:ال)?(?:صفقة|اتفاق)(?!\w)",
     "عقد الصفقة", "deal concluded", None),
    ("handover",
     r"(?:تبادل|بادل\w*|تسليم|سلم\w*)\s+(?:\S+\s+){0,2}?(?:من\s+)?(?:ال)?جث"
     r"|(?:ال)?جث\w*\s+التي\s+(?:بادل|سلم)\w*",
     "تسليم الجثث", "bodies handed over", None),
    ("to_come",
     r"(?:ستجري|سيجري|ستتم|سيتم|ستستكمل|ستستمر)\s+(?:\S+\s+){0,2}?على\s+مراحل",
     "ما تبقى لاحقًا على مراحل", "the rest to come, in stages", "after"),
    # كانت بحوزة ("were held by") is a past state: those bodies have been handed over.
    ("bodies_held",
     r"(?<!كانت\s)(?<!\w)(?:لدى|بحوزة|في\s+قبضة)\s+(?:ال)?تنظيم(?!\w)",
     "الجثث والأسرى لدى التنظيم", "bodies and prisoners held by the group", None),
    ("control_announced",
     r"أعلن\w*\s+(?:\S+\s+){0,3}?سيطرت\w*",
     "إعلان السيطرة", "control announced", None),
    # The perfect سيطر ("took control") is an event; the imperfect يسيطر
    # ("controls") describes a standing state and is left to khabar.control.
    ("area_seized",
     r"(?<!\w)[وف]?(?:كما\s+)?سيطر(?:ت)?(?!\w)",
     "السيطرة على مناطق", "areas seized", None),
    ("evacuation",
     r"خروج\s+(?:ال)?(?:أهالي|مقاتلين|فصائل)|خرجت\s+منها\s+فصائل",
     "خروج الأهالي والمقاتلين", "residents and fighters evacuated", None),
    ("offensive",
     r"(?:العملية\s+العسكرية|الهجوم|هجوم)\s+(?:\S+\s+)?(?:المستمرة|المستمر|بدأ\w*)",
     "الهجوم", "offensive under way", None),
    ("deaths",
     r"(?<!\w)(?:قتل|مقتل)\s+\d+",
     "قتلى قوات الأسد", "regime forces killed", None),
    ("bodies_recovered",
     r"انتشال\s+(?:ال)?جث",
     "انتشال جثث", "bodies recovered", None),
]
_STAGES = [(key, re.compile(trigger), ar, en, precision) for key, trigger, ar, en, precision in STAGES]

# When a sentence concludes a deal, the handover it mentions is the deal's
# terms ("ضمنت تسليم عشرات الجثث"), not a separate happening.
_ABSORBED_BY = {"handover": "deal"}

# In exchange for معتقلات: the feminine plural (معتقلات, not معتقلين) says
# the detainees are women.
_IN_RETURN = [(re.compile(r"مقابل\s+(?:\S+\s+){0,4}?معتقلات(?!\w)"), "women detainees"),
              (re.compile(r"مقابل\s+(?:\S+\s+){0,4}?معتقلين(?!\w)"), "detainees")]
_UNDER = re.compile(r"برعاية\s+")


def amounts(text: str) -> list[tuple[int, int, str]]:
    """Quantities in ``text`` as ``(start, end, english)``, read by
    :func:`khabar.numbers.quantities` (so identifiers and dates are skipped).

    >>> [q[2] for q in amounts("تحدثت عن قرابة 30 جثة و12 أسيرًا")]
    ['nearly 30 bodies', '12 prisoners']
    """
    return [
        (row.start, row.end, in_english(row.qualifier, row.value, row.unit, row.subject))
        for row in quantities(text).itertuples()
    ]


def events(article) -> pd.DataFrame:
    """One row per dated happening in ``article``.

    Columns: ``date`` (Timestamp, the first day the words allow),
    ``date_end``, ``date_precision``, ``date_expression`` (the words, empty
    when the date is not in the sentence), ``date_basis``, ``stage``,
    ``label_ar``, ``label_en``, ``amount_ar`` (the quantity words, verbatim),
    ``amount_en``, ``in_return_for``, ``under`` (who sponsors it),
    ``claimant``, ``paragraph``, ``quote`` (the sentence, exactly
    ``article.text[start:end]``), ``start``, ``end``.

    >>> from khabar import load_article
    >>> found = events(load_article())
    >>> found.loc[found.stage == "handover", ["date_expression", "amount_en"]].values.tolist()
    [['أمس', 'dozens of bodies'], ['اليوم', 'about 85']]
    """
    text, published = article.text, article.published
    dates = find_dates(text, published)
    organisations = [(name_en, name_pattern(name)) for name, name_en, kind in NAMES if kind == "organisation"]
    rows, previous_date = [], None
    for sentence in sentences(article).itertuples():
        here = dates[(dates.start >= sentence.start) & (dates.end <= sentence.end)]
        triggers = []
        for key, pattern, label_ar, label_en, precision in _STAGES:
            match = pattern.search(sentence.text)
            if match:
                triggers.append((sentence.start + match.start(), sentence.start + match.end(),
                                 key, label_ar, label_en, precision))
        if sentence.kind == "caption" and len(here):
            triggers.append((sentence.start, sentence.start, "photo", "صورة من الجبهة",
                             "photo from the front", None))
        keys = {t[2] for t in triggers}
        triggers = sorted(t for t in triggers if _ABSORBED_BY.get(t[2]) not in keys)
        in_return = next((en for pattern, en in _IN_RETURN if pattern.search(sentence.text)), "")
        under = ""
        sponsor = _UNDER.search(sentence.text)
        if sponsor:
            rest = sentence.text[sponsor.end():]
            under = next((en for en, pattern in organisations if pattern.match(rest.lstrip("“\"«"))), "")
        for index, (t_start, t_end, key, label_ar, label_en, precision) in enumerate(triggers):
            date_row, basis = None, "publication"
            if len(here):
                date_row, basis = _date_for(here, triggers, index, sentence), "text"
            elif sentence.continues and previous_date is not None:
                date_row, basis = previous_date, "previous_sentence"
            if date_row is None:
                day = pd.Timestamp(published)
                date, date_end, date_precision, expression = day, day, "day", ""
            else:
                date, date_end = date_row["date"], date_row["date_end"]
                date_precision = date_row["precision"]
                expression = date_row["expression"] if basis == "text" else ""
            if precision == "after":
                date, date_end, date_precision = date_end, pd.NaT, "after"
            amount = _amount_for(text, triggers, index, sentence, precision)
            rows.append((date, date_end, date_precision, expression, basis, key, label_ar, label_en,
                         amount[0], amount[1], in_return, under, sentence.claimant,
                         sentence.paragraph, sentence.text, sentence.start, sentence.end))
        if len(here):
            previous_date = here.iloc[-1]
        elif not sentence.continues:
            previous_date = None
    columns = ["date", "date_end", "date_precision", "date_expression", "date_basis", "stage",
               "label_ar", "label_en", "amount_ar", "amount_en", "in_return_for", "under", "claimant",
               "paragraph", "quote", "start", "end"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["date_end"] = pd.to_datetime(frame["date_end"])
    return frame


def _date_for(here, triggers, index, sentence):
    """The date of one trigger.  Arabic puts a time adverbial after its verb
    ("صفقة عقدت بين الطرفين، السبت الماضي"), so the first date between the
    trigger and the next trigger wins; failing that, the nearest date before
    the trigger ("تحدثت صفحات موالية، أمس، عن تبادل").  A date before the
    trigger is often the date of the telling, not of the happening."""
    t_start, t_end = triggers[index][:2]
    next_start = triggers[index + 1][0] if index + 1 < len(triggers) else sentence.end
    after = here[(here.start >= t_start) & (here.start < next_start)]
    if len(after):
        return after.iloc[0]
    before = here[here.end <= t_start]
    if len(before):
        return before.iloc[-1]
    return here.iloc[0]


def _amount_for(text, triggers, index, sentence, precision):
    """The quantity words a stage mentions: between its trigger and the next
    trigger (or the sentence end); failing that, between the previous
    trigger (or the sentence start) and it.  A stage still to come has no
    amount of its own."""
    if precision == "after":
        return "", ""
    t_start, t_end = triggers[index][:2]
    after_end = triggers[index + 1][0] if index + 1 < len(triggers) else sentence.end
    before_start = triggers[index - 1][1] if index > 0 else sentence.start
    for lo, hi in ((t_start, after_end), (before_start, t_start)):
        found = amounts(text[lo:hi])
        # Quantities joined by و ("قرابة 30 جثة و12 أسيرًا") are one amount;
        # a quantity further on belongs to something else.
        for count in range(1, len(found)):
            if text[lo + found[count - 1][1]:lo + found[count][0]].strip():
                found = found[:count]
                break
        if found:
            start, end = lo + found[0][0], lo + found[-1][1]
            return text[start:end].strip(), " and ".join(q[2] for q in found)
    return "", ""
