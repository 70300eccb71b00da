"""What the report card notebook (``notebooks/05-report-card.ipynb``) shows
for a section: the table or chart when the text gives something, else one
sentence saying what was not found and, where it matters, why.

>>> import pandas as pd
>>> nothing_found("claims", "en").data
'<p dir="ltr" lang="en" class="nothing-found">The text states no count or share this package reads as a claim.</p>'
"""

from __future__ import annotations

from html import escape

import pandas as pd

# One sentence per section, in each language: what the text does not give.
NOTHING_FOUND = {
    "dropped": {
        "ar": "لم يُحذف شيء: لا عناصر موقع معروفة في النص.",
        "en": "Nothing was dropped: the text holds no known site furniture.",
    },
    "claims": {
        "ar": "لا يذكر النص عددًا أو نسبة تقرؤها الحزمة ادعاءً.",
        "en": "The text states no count or share this package reads as a claim.",
    },
    "chart": {
        "ar": "لا أعداد أشخاص أو جثث في النص لرسمها بحسب قائليها.",
        "en": "The text gives no counts of people or bodies to chart by claimant.",
    },
    "dates": {"ar": "لا عبارات تاريخ في النص.", "en": "The text gives no date expressions."},
    "events": {
        "ar": "لا أحداث مؤرخة في النص (صفقة، تسليم، قتال...).",
        "en": "The text gives no dated happenings (deal, handover, fighting...).",
    },
    "no_date": {
        "ar": "لا تاريخ نشر لهذا التقرير، فلا يمكن حساب تواريخه النسبية ولا رسم خط زمني؛ "
        "أعطه بـ PUBLISHED=YYYY-MM-DD أو في ملف ‎.json‎ بجانبه.",
        "en": "This report has no publication date, so its relative dates cannot be resolved "
        "and no timeline is drawn; give one with PUBLISHED=YYYY-MM-DD or in a .json beside it.",
    },
    "places": {
        "ar": "لا يذكر النص مكانًا من قائمة الأماكن في الحزمة.",
        "en": "The text names no place from the package's gazetteer.",
    },
    "control": {
        "ar": "لا يقول النص من يسيطر على أي مكان معروف للحزمة.",
        "en": "The text does not say who holds any place the package knows.",
    },
    "discrepancies": {
        "ar": "لا تناقض بين الأرقام: لا رقمين لا يصحان معًا.",
        "en": "No discrepancies: no two figures that cannot both be true.",
    },
    "missing": {
        "ar": "بيانات التقرير كاملة: العنوان والوسيلة وتاريخ النشر.",
        "en": "The report's metadata is complete: title, outlet and publication date.",
    },
}


def _sentence(text: str, lang: str) -> str:
    direction = "rtl" if lang == "ar" else "ltr"
    return f'<p dir="{direction}" lang="{lang}" class="nothing-found">{escape(text)}</p>'


def nothing_found(section: str, lang: str = "ar"):
    """The sentence saying a section found nothing, as displayable HTML.

    >>> "nothing-found" in nothing_found("dates", "ar").data
    True
    """
    from IPython.display import HTML

    return HTML(_sentence(NOTHING_FOUND[section][lang], lang))


def shown(frame: pd.DataFrame, section: str, lang: str = "ar"):
    """``frame`` as a reader's table (:func:`khabar.views.show`: each text
    cell in its own direction) when it has rows, else :func:`nothing_found`
    for ``section``.

    >>> shown(pd.DataFrame({"a": [1]}), "claims").data.startswith("<table")
    True
    """
    from khabar import views

    return views.show(frame, lang) if len(frame) else nothing_found(section, lang)


def missing(metadata: pd.DataFrame, lang: str = "ar"):
    """What the report's metadata lacks and what that means, one sentence
    each, from :func:`khabar.article.metadata_table`.

    >>> table = pd.DataFrame({"field": ["published"], "source": ["missing"],
    ...                       "note": ["no date"], "note_ar": ["لا تاريخ"]})
    >>> missing(table, "en").data
    '<p dir="ltr" lang="en" class="missing">no date</p>'
    """
    from IPython.display import HTML

    gaps = metadata[metadata["source"] == "missing"]
    if gaps.empty:
        return nothing_found("missing", lang)
    direction = "rtl" if lang == "ar" else "ltr"
    notes = gaps["note_ar" if lang == "ar" else "note"]
    return HTML("".join(f'<p dir="{direction}" lang="{lang}" class="missing">{escape(note)}</p>' for note in notes))
