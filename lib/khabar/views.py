"""What tables and the article look like to a reader: compact views with
the quote early and words instead of codes, and the annotated article.

A view is a dataframe (column headers and values in the edition's language,
counts as integers, ranges as «76–94»); :func:`show` turns one into an HTML
table in which every text cell takes its own direction (``dir="auto"``), so
an Arabic quote reads right to left inside an English table and the other
way round.  The HTML uses only tags and attributes JupyterLab keeps in a
notebook it does not trust, and escapes every piece of text.

>>> from khabar import load_article, claims
>>> view = claims_view(claims(load_article()), "en")
>>> list(view.columns)[:3]
['quote', 'what', 'how many']
"""

from __future__ import annotations

import csv
import math
import re
from html import escape
from pathlib import Path

import pandas as pd

from khabar.labels import label, speaker

LETTER = re.compile(r"[^\W\d_]")
ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
DASH = "\u2013"  # en dash between the ends of a range
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
# Runs that must read left to right inside any cell: a date, or figures
# joined by a dash, slash or colon ("2018-03-25", "76–94", "32 / 101 / 175"),
# or an open end ("≥ 101").
FIGURES = re.compile(r"(?:[≥≤]\s?)?\d[\d.,%]*(?:\s?[–\-/:]\s?\d[\d.,%]*)+%?|[≥≤]\s?\d[\d.,%]*%?")
# A run of the other script: Latin words in an Arabic cell, an Arabic
# phrase (with its quotation marks and figures) in an English one.
LATIN_RUN = re.compile(r"[A-Za-z](?:[A-Za-z0-9'’.&\- ]*[A-Za-z0-9.])?")
ARABIC_RUN = re.compile(r"[«“\"]?[\u0600-\u06ff](?:[\u0600-\u06ff\u064b-\u065f\s،؛…\d%.]*[\u0600-\u06ff\d%])?[»”\"]?")


def cell_direction(text: str, default: str = "ltr") -> str:
    """The direction a text cell reads in: that of the script most of its
    letters are in (an English note that opens with an Arabic quote is
    still English), ``default`` when it has no letters.

    >>> cell_direction("«حتى اليوم» is al-Naba's total"), cell_direction("قتل 12"), cell_direction("12")
    ('ltr', 'rtl', 'ltr')
    """
    arabic, latin = len(ARABIC_LETTER.findall(text)), len(LATIN_LETTER.findall(text))
    if not arabic and not latin:
        return default
    return "rtl" if arabic > latin else "ltr"


def isolated(text: str, direction: str) -> str:
    """``text`` as escaped HTML with its figures (dates, ranges) in a
    left-to-right isolate and each run of the other script isolated in its
    own direction, so neither reorders what is around it.

    >>> isolated("حتى 2018-03-25", "rtl")
    'حتى <bdi dir="ltr">2018-03-25</bdi>'
    >>> isolated("«قرابة 30» is 27–33", "ltr")
    '<bdi dir="rtl" lang="ar">«قرابة 30»</bdi> is <bdi dir="ltr">27–33</bdi>'
    >>> isolated("رصد Airwars <", "rtl")
    'رصد <bdi dir="ltr" lang="en">Airwars</bdi> &lt;'
    """
    other = LATIN_RUN if direction == "rtl" else ARABIC_RUN
    pattern = re.compile(f"(?P<figures>{FIGURES.pattern})|(?P<other>{other.pattern})")
    pieces, cursor = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[cursor : match.start()]))
        if match["figures"]:
            pieces.append(f'<bdi dir="ltr">{escape(match[0])}</bdi>')
        elif direction == "rtl":
            pieces.append(f'<bdi dir="ltr" lang="en">{escape(match[0])}</bdi>')
        else:
            pieces.append(f'<bdi dir="rtl" lang="ar">{escape(match[0])}</bdi>')
        cursor = match.end()
    pieces.append(escape(text[cursor:]))
    return "".join(pieces)


HIGHLIGHTS = {"regime": (178, 24, 43), "isis": (64, 64, 64), "independent": (33, 102, 172)}
"""Highlight colour per side: the charts' side colours (``khabar.charts.SIDE_COLOURS``)."""


def figure_range(low, high, unit: str = "") -> str:
    """A range as a reader writes it: «76–94», «175» when both ends agree,
    «≥ 101» with no upper end, empty when nothing is known.

    >>> figure_range(76.0, 94.0), figure_range(175.0, 175.0), figure_range(101.0, float("nan"))
    ('76–94', '175', '≥ 101')
    >>> figure_range(81, 99, "percent"), figure_range(None, None), figure_range(101.0, float("inf"))
    ('81–99%', '', '≥ 101')
    """

    def known(x):  # an infinite end is no end: "more than 100" is ≥ 101, not 101–inf
        return x is not None and x is not pd.NA and not (isinstance(x, float) and not math.isfinite(x))

    def number(x):
        return f"{int(x)}" if float(x).is_integer() else f"{x:g}"

    percent = "%" if unit == "percent" else ""
    if known(low) and known(high):
        text = number(low) if low == high else f"{number(low)}{DASH}{number(high)}"
    elif known(low):
        text = f"≥ {number(low)}"
    elif known(high):
        text = f"≤ {number(high)}"
    else:
        return ""
    return text + percent


def as_counts(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """``frame`` with ``columns`` as nullable integers (``Int64``) where every
    known value is whole, so 20.0 prints as 20 and a gap stays a gap.

    >>> as_counts(pd.DataFrame({"n": [20.0, None]}), ["n"])["n"].tolist()
    [20, <NA>]
    """
    frame = frame.copy()
    for column in columns:
        values = frame[column].dropna()
        if (values == values.round()).all():
            frame[column] = frame[column].round().astype("Int64")
    return frame


def _paragraph_numbers(paragraphs: pd.Series) -> pd.Series:
    """Paragraph references as the reader counts them: the paragraph
    table's rows are shown from 1 (the title), so a reference is its row + 1."""
    return (pd.to_numeric(paragraphs, errors="coerce") + 1).astype("Int64")


def read_or_not(values, lang: str) -> list[str]:
    """Each value as it is, or a visible "not read" where the text gave none
    (a date, a place, a holder, a speaker): a blank would read as nothing to say.

    >>> read_or_not(["2018-03-26", "", None], "en")
    ['2018-03-26', 'not read', 'not read']
    """
    missing = label("answer", "not_read", lang)
    return [value if isinstance(value, str) and value.strip() else missing for value in values]


def _view(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = frame.rename(columns=lambda column: label("column", column, lang))
    frame.index.name = label("column", "number", lang)
    frame.attrs["lang"] = lang
    return frame


def _what(claim, lang: str) -> str:
    if claim["subject"] == "area_share":
        place = claim.get("place") if lang == "ar" else claim.get("place_en")
        return f"{label('subject', 'area_share', lang)}: {place or claim['scope']}"
    return f"{label('subject', claim['subject'], lang)} {label('scope', claim['scope'], lang)}".strip()


def _grade_words(claim, lang: str) -> str:
    """The grade, with how strong a corroboration is when the table has
    ``strength`` and why when it has a ``reason`` (from
    :func:`khabar.grading.grades`)."""
    words = label("grade", claim["corroboration"], lang)
    strength = claim.get("strength", "")
    words = f"{words} ({label('strength', strength, lang)})" if isinstance(strength, str) and strength else words
    reason = claim.get("reason", "")
    if not (isinstance(reason, str) and reason):
        return words
    # a corroboration held weak for want of independence says why
    return f"{words}{'؛' if lang == 'ar' else ';'} {label('reason', reason, lang)}"


def claims_view(claims: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """The claims a reader checks: quote, what is counted, how many (the
    range the words allow), who says so, their side, the grade, the
    paragraph.  Rows keep the claims table's numbers.

    >>> from khabar import load_article, claims
    >>> table = claims(load_article())
    >>> row = table.index[table["quote"] == "بحوالي 85"][0]
    >>> view = claims_view(table, "ar")
    >>> view.loc[row, "كم"], view.loc[row, "التقدير"]
    ('76–94', 'متنازع عليه')
    """
    rows = pd.DataFrame(
        {
            "quote": claims["quote"],
            "what": [_what(claim, lang) for _, claim in claims.iterrows()],
            "how_many": [figure_range(c["value_low"], c["value_high"], c["unit"]) for _, c in claims.iterrows()],
            "claimant": read_or_not(
                [speaker(c, w, lang) for c, w in zip(claims["claimant"], _as_written(claims))], lang
            ),
            "side": [label("side", s, lang) for s in claims["side"]],
            "corroboration": [_grade_words(c, lang) for _, c in claims.iterrows()],
            "paragraph": _paragraph_numbers(claims["paragraph"]),
        },
        index=claims.index,
    )
    return _view(rows, lang)


def _as_written(table: pd.DataFrame) -> pd.Series:
    return table["claimant_ar"] if "claimant_ar" in table.columns else pd.Series("", index=table.index)


def control_view(rows: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """Who holds which place: quote, place, holder, share range, who says so.

    >>> from khabar import load_article, control
    >>> view = control_view(control(load_article()), "en")
    >>> view.loc[1, "share"]
    '81–99%'
    """
    view = pd.DataFrame(
        {
            "quote": rows["quote"],
            "place": read_or_not(rows["place"] if lang == "ar" else rows["place_en"], lang),
            "controller": read_or_not(
                [label("controller", c, lang) if c != "unspecified" else "" for c in rows["controller"]], lang
            ),
            "share": [figure_range(low, high, "percent") for low, high in zip(rows["share_low"], rows["share_high"])],
            "claimant": read_or_not([label("claimant", c, lang) for c in rows["claimant"]], lang),
            "paragraph": _paragraph_numbers(rows["paragraph"]),
        },
        index=rows.index,
    )
    return _view(view, lang)


def _day(value) -> str:
    return "" if pd.isna(value) else value.strftime("%Y-%m-%d")


def when_words(event, lang: str = "en") -> str:
    """When a happening took place, as far as the words allow: a day, a span,
    "by" a day (on or before it), "since" (still going on), "after" (to come).

    >>> import pandas as pd
    >>> when_words({"date": pd.NaT, "date_end": pd.Timestamp("2018-03-25"), "relation": "by"}, "en")
    'by 2018-03-25'
    >>> when_words({"date": pd.Timestamp("2018-03-16"), "date_end": pd.Timestamp("2018-03-20"), "relation": "at"}, "ar")
    '2018-03-16–2018-03-20'
    """
    start, end, relation = _day(event["date"]), _day(event["date_end"]), event.get("relation", "at")
    if relation == "by":
        return f"{label('relation', 'by', lang)} {end or start}"
    span = start if not end or end == start else f"{start}–{end}" if start else end
    if relation in ("since", "after"):
        return f"{label('relation', relation, lang)} {span}"
    return span


def events_view(events: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """What happened and when: when (with "by", "since", "after"), when it
    was said, quote, precision, stage, amount, who says so.

    >>> from khabar import load_article, events
    >>> view = events_view(events(load_article()), "en")
    >>> list(view.columns)[:3]
    ['when', 'said on', 'quote']
    """
    view = pd.DataFrame(
        {
            "when": read_or_not([when_words(event, lang) for _, event in events.iterrows()], lang),
            "said_on": read_or_not([_day(day) for day in events["reported_on"]], lang),
            "quote": events["quote"],
            "date_precision": [label("precision", p, lang) for p in events["date_precision"]],
            "stage": events[f"label_{lang}"],
            "amount": events[f"amount_{lang}"],
            "claimant": read_or_not([label("claimant", c, lang) for c in events["claimant"]], lang),
            "paragraph": _paragraph_numbers(events["paragraph"]),
        },
        index=events.index,
    )
    return _view(view, lang)


def discrepancies_view(found: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """:func:`khabar.grading.discrepancies` in the edition's words.

    >>> from khabar import load_article
    >>> from khabar.grading import discrepancies
    >>> view = discrepancies_view(discrepancies(load_article()), "ar")
    >>> view.iloc[-1].tolist()[-1]
    'الوحدة نفسها برقمين'
    """
    view = pd.DataFrame(
        {
            "what": [label("subject", w, lang) for w in found["what"]],
            "quote_a": found["quote_a"],
            "said_by_a": [label("claimant", c, lang) for c in found["said_by_a"]],
            "quote_b": found["quote_b"],
            "said_by_b": [label("claimant", c, lang) for c in found["said_by_b"]],
            "reason": [label("reason", r, lang) for r in found["reason"]],
        },
        index=found.index,
    )
    return _view(view, lang)


def paragraphs_view(paragraphs: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """The paragraph table as a reader sees it: kind in words, the text, its
    number of words, and where it sits in the article text (characters).

    >>> from khabar import load_article
    >>> view = paragraphs_view(load_article().paragraphs, "en")
    >>> view.iloc[0]["kind"], int(view.iloc[0]["from character"])
    ('title', 0)
    """
    view = pd.DataFrame(
        {
            "kind": [label("paragraph_kind", k, lang) for k in paragraphs["kind"]],
            "text": paragraphs["text"],
            "words": paragraphs["text"].str.split().str.len().astype("Int64"),
            "start": paragraphs["start"].astype("Int64"),
            "end": paragraphs["end"].astype("Int64"),
        },
        index=paragraphs.index,
    )
    return _view(view, lang)


def dropped_view(dropped: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """What was left out as site furniture, and why, in the edition's words.

    >>> from khabar import load_article
    >>> dropped_view(load_article().dropped, "ar").iloc[-1]["لماذا"]
    'نداء تبرع'
    """
    view = pd.DataFrame(
        {"text": dropped["text"], "reason": [label("dropped", r, lang) for r in dropped["reason"]]},
        index=dropped.index,
    )
    return _view(view, lang)


def mentions_view(mentions: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """Sources and places named (:func:`khabar.names.mentions`): the word as
    written, the name in the edition's language, its kind, the paragraph.

    >>> from khabar import load_article
    >>> from khabar.names import mentions
    >>> mentions_view(mentions(load_article()), "en").iloc[1].tolist()[:3]
    ['حي القدم', 'al-Qadam', 'neighbourhood']
    """
    view = pd.DataFrame(
        {
            "quote": mentions["quote"],
            "name": mentions["name"] if lang == "ar" else mentions["name_en"],
            "kind": [label("place_kind", k, lang) for k in mentions["kind"]],
            "paragraph": _paragraph_numbers(mentions["paragraph"]),
        },
        index=mentions.index,
    )
    return _view(view, lang)


def places_view(places: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """The gazetteer (:func:`khabar.names.place_table`): name in the
    edition's language, kind, coordinates and where they come from.

    >>> from khabar.names import place_table
    >>> places_view(place_table(), "ar").iloc[-1].tolist()[:2]
    ['محور بور سعيد', 'محور جبهة']
    """
    view = pd.DataFrame(
        {
            "name": places["name"] if lang == "ar" else places["name_en"],
            "kind": [label("place_kind", k, lang) for k in places["kind"]],
            "lat": [f"{x:.4f}" for x in places["lat"]],
            "lon": [f"{x:.4f}" for x in places["lon"]],
            "coordinates": [label("coordinates", c, lang) for c in places["coordinates"]],
        },
        index=places.index,
    )
    return _view(view, lang)


def dates_view(found: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """Date expressions (:func:`khabar.dates.find_dates`): the words, the
    days they allow (one day, or first–last), precision and form, in the
    edition's words; the same expression meaning the same days is one row.

    >>> from khabar import load_article
    >>> from khabar.dates import find_dates
    >>> article = load_article()
    >>> dates_view(find_dates(article.text, article.published), "en").iloc[1].tolist()[1:3]
    ['2018-03-16–2018-03-24', 'approximate']
    """
    view = pd.DataFrame(
        {
            "expression": found["expression"],
            "means": [
                when_words({"date": start, "date_end": end, "relation": "at"}, lang)
                for start, end in zip(found["date"], found["date_end"])
            ],
            "date_precision": [label("precision", p, lang) for p in found["precision"]],
            "form": [label("form", f, lang) for f in found["form"]],
        },
        index=found.index,
    )
    return _view(view.drop_duplicates(), lang)  # an expression said twice alike is one row


def counts_view(values: pd.Series, kind: str, lang: str = "ar") -> pd.DataFrame:
    """How many rows hold each code of ``values``, the code in words
    (:func:`khabar.labels.label` of ``kind``), counts as integers.

    >>> counts_view(pd.Series(["body", "title", "body"]), "paragraph_kind", "ar").to_dict("records")
    [{'النوع': 'متن', 'العدد': 2}, {'النوع': 'العنوان', 'العدد': 1}]
    """
    counts = values.value_counts(sort=True)
    view = pd.DataFrame(
        {
            "kind": [label(kind, key, lang) for key in counts.index],
            "count": pd.array(counts.to_numpy(), dtype="Int64"),
        }
    )
    return _view(view, lang)


def words_summary(paragraphs: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """Words per paragraph: how many paragraphs, the fewest, the median,
    the mean (one decimal) and the most, one row each.

    >>> from khabar import load_article
    >>> words_summary(load_article().paragraphs, "en").iloc[0].tolist()
    ['paragraphs', '16']
    """
    words = paragraphs["text"].str.split().str.len()
    stats = {
        "paragraphs": f"{len(words)}",
        "fewest": f"{words.min()}",
        "median": f"{words.median():g}",
        "mean": f"{words.mean():.1f}",
        "most": f"{words.max()}",
    }
    view = pd.DataFrame({"statistic": [label("statistic", k, lang) for k in stats], "words": list(stats.values())})
    return _view(view, lang)


def _yes_no(value, lang: str) -> str:
    return "" if pd.isna(value) else label("answer", "yes" if bool(value) else "no", lang)


GRADE_TEXT = re.compile(r"(?P<grade>[a-z_]+)(?: \((?P<strength>[a-z]+)\))?$")


def grade_text(text, lang: str = "ar") -> str:
    """A grade written as ``corroborated (weak)`` in the edition's words.

    >>> grade_text("corroborated (weak)", "ar"), grade_text("single_source", "en")
    ('مؤكَّد من مصدر آخر (ضعيف)', 'single source')
    """
    found = GRADE_TEXT.match(str(text))
    if not found:
        return label("grade", text, lang)
    words = label("grade", found["grade"], lang)
    return f"{words} ({label('strength', found['strength'], lang)})" if found["strength"] else words


def sensitivity_view(table: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """:func:`khabar.grading.sensitivity` in words: quote, who says so,
    and the grade under each named convention, its name in words; claims
    graded alike under every convention share one row.

    >>> from khabar import load_article, claims
    >>> from khabar.grading import sensitivity
    >>> view = sensitivity_view(sensitivity(claims(load_article())), "en")
    >>> view.iloc[1][["who says so", "one figure, as ACLED codes"]].tolist()
    ['pro-regime pages', 'contested']
    >>> len(view) < len(sensitivity(claims(load_article())))  # claims graded alike share a row
    True
    """
    conventions = [column for column in table.columns if column not in ("quote", "claimant")]
    separator = "، " if lang == "ar" else "; "
    rows = []
    # Claims graded alike under every convention share one row, their quotes joined.
    for grades, group in table.groupby(conventions, sort=False, dropna=False):
        grades = grades if isinstance(grades, tuple) else (grades,)
        claimants = dict.fromkeys(label("claimant", c, lang) for c in group["claimant"])
        rows.append(
            {
                "quote": separator.join(f"«{q}»" if len(group) > 1 else q for q in group["quote"]),
                "claimant": separator.join(claimants),
                **{label("convention", name, lang): grade_text(g, lang) for name, g in zip(conventions, grades)},
            }
        )
    return _view(pd.DataFrame(rows), lang)


def part_whole_view(table: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """:func:`khabar.grading.part_whole` in words: the parts (quotes
    joined by «+») and their range, the whole and its range, who says each,
    and whether the parts fit within the whole.

    >>> from khabar import load_article, claims
    >>> from khabar.grading import part_whole
    >>> view = part_whole_view(part_whole(claims(load_article())), "en")
    >>> view.iloc[0][["parts: how many", "whole: how many", "fits?"]].tolist()
    ['20–99', '≥ 101', 'yes']
    """
    view = pd.DataFrame(
        {
            "parts": [" + ".join(parts) for parts in table["parts"]],
            "parts_range": [figure_range(lo, hi) for lo, hi in zip(table["parts_low"], table["parts_high"])],
            "parts_by": [label("claimant", c, lang) for c in table["parts_by"]],
            "whole": table["whole"],
            "whole_range": [figure_range(lo, hi) for lo, hi in zip(table["whole_low"], table["whole_high"])],
            "whole_by": [label("claimant", c, lang) for c in table["whole_by"]],
            "fits": [_yes_no(f, lang) for f in table["fits"]],
        },
        index=table.index,
    )
    return _view(view, lang)


def readings_view(table: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """:func:`khabar.grading.readings` in words: the reading, the two
    quotes, the range it gives and whether the claims then fit; the English
    edition keeps the explanation (``how``), written in English.

    >>> from khabar import load_article, claims
    >>> from khabar.grading import readings
    >>> readings_view(readings(claims(load_article())), "ar").iloc[1].tolist()[0::3]
    ['القراءة: الثلاثون هي الباقي', 'نعم']
    """
    columns = {
        "reading": [label("reading", r, lang) for r in table["reading"]],
        "quote_a": table["claim_a"],
        "quote_b": table["claim_b"],
        "fits": [_yes_no(f, lang) for f in table["fits"]],
        "how_many": [figure_range(lo, hi) for lo, hi in zip(table["low"], table["high"])],
    }
    if lang == "en":
        columns["how"] = table["how"]
    return _view(pd.DataFrame(columns, index=table.index), lang)


def _span(first, last) -> str:
    first, last = _day(first), _day(last)
    return first if first == last else f"{first or '…'}{DASH}{last or '…'}" if first or last else ""


CODE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b(?:isis|regime|opposition)\b")


def event_table_view(table: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """:func:`khabar.event_table` in words: type, the two sides, place,
    when it started and ended (earliest–latest day; "still going on"), the
    dead (low / best / high), who says so, the claims' row numbers, and the
    note (written in English; claimant codes there given in words).

    >>> from khabar import load_article
    >>> from khabar.incidents import event_table
    >>> view = event_table_view(event_table(load_article()), "en")
    >>> view.loc[view["type"] == "battle deaths", "dead (low / best / high)"].tolist()
    ['24 / 85 / 175']
    """

    def dead(row) -> str:
        figures = [row[f"fatalities_{end}"] for end in ("low", "best", "high")]
        return "" if all(pd.isna(x) for x in figures) else " / ".join("?" if pd.isna(x) else f"{x:g}" for x in figures)

    def note(text) -> str:
        return CODE.sub(lambda code: label("claimant", code[0], "en"), text) if isinstance(text, str) else ""

    view = pd.DataFrame(
        {
            "type": [label("event_type", t, lang) for t in table["type"]],
            "sides": [
                f"{label('controller', a, lang)} {label('versus', 'versus', lang)} {label('controller', b, lang)}"
                for a, b in zip(table["side_a"], table["side_b"])
            ],
            "place": [place_name(p, lang) for p in table["place_en"]],
            "started": [_span(a, b) for a, b in zip(table["start_earliest"], table["start_latest"])],
            "ended": [
                label("stage", "to_come", lang)
                if stage == "to_come"
                else label("answer", "ongoing", lang)
                if going
                else _span(a, b)
                for a, b, going, stage in zip(
                    table["end_earliest"], table["end_latest"], table["ongoing"], table["stage"]
                )
            ],
            "date_precision": [label("precision", p, lang) for p in table["date_precision"]],
            "dead": [dead(row) for _, row in table.iterrows()],
            "claimant": [
                "، ".join(label("claimant", c, lang) for c in cs)
                if lang == "ar"
                else ", ".join(label("claimant", c, lang) for c in cs)
                for cs in table["claimants"]
            ],
            "claims": [", ".join(str(i + 1) for i in sorted(ids)) for ids in table["claim_ids"]],
            "note": [note(n) for n in table["note"]],
        },
        index=table.index,
    )
    if lang == "ar":  # the notes are written in English: the English edition has them
        view = view.drop(columns="note")
    return _view(view, lang)


def place_name(name_en, lang: str) -> str:
    """A gazetteer place's name in ``lang`` from its English name.

    >>> place_name("al-Qadam", "ar"), place_name("", "ar")
    ('حي القدم', '')
    """
    if not isinstance(name_en, str) or not name_en or lang == "en":
        return name_en if isinstance(name_en, str) else ""
    from khabar.names import place_table

    places = place_table()
    return dict(zip(places["name_en"], places["name"])).get(name_en, name_en)


def ledger_view(ledger: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """:func:`khabar.exchange_ledger` in words: what, from whom to whom, how
    many (the range; "not stated"), the figure it comes from, the reading,
    as of when, who says so, the quote.

    >>> from khabar import load_article, exchange_ledger
    >>> view = ledger_view(exchange_ledger(load_article()), "en")
    >>> view.iloc[-1][["item", "how many"]].tolist()
    ['released in return', 'not stated']
    """

    def how_many(row) -> str:
        return figure_range(row["low"], row["high"]) or label("answer", "not stated", lang)

    def figure(text) -> str:
        if text == "not stated":
            return ""
        return str(text).replace(" less ", " − ")

    view = pd.DataFrame(
        {
            "item": [label("ledger_item", i, lang) for i in ledger["item"]],
            "what": [label("ledger_what", w, lang) for w in ledger["what"]],
            "from_to": [
                f"{label('controller', a, lang)} ← {label('controller', b, lang)}".strip(" ←")
                if lang == "ar"
                else f"{label('controller', a, lang)} → {label('controller', b, lang)}".strip(" →")
                for a, b in zip(ledger["from_side"], ledger["to_side"])
            ],
            "how_many": [how_many(row) for _, row in ledger.iterrows()],
            "figure": [figure(f) for f in ledger["figure"]],
            "reading": [label("reading", r, lang) for r in ledger["reading"]],
            "status": [label("ledger_status", s, lang) for s in ledger.get("status", [""] * len(ledger))],
            "as_of": [_day(d) for d in ledger["as_of"]],
            "claimant": [label("claimant", c, lang) for c in ledger["claimant"]],
            "quote": ledger["quote"],
        },
        index=ledger.index,
    )
    return _view(view, lang)


def fields_view(fields: dict, lang: str = "ar") -> pd.DataFrame:
    """A few named values (an article's metadata) as a two-column table,
    each name in the edition's words.

    >>> fields_view({"outlet": "Enab Baladi"}, "ar").to_dict("records")
    [{'الحقل': 'الوسيلة', 'القيمة': 'Enab Baladi'}]
    """
    view = pd.DataFrame(
        {"field": [label("field", key, lang) for key in fields], "value": [str(v) for v in fields.values()]}
    )
    return _view(view, lang)


def conventions_view(table: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """Reading conventions (:func:`khabar.conventions.conventions`) in words:
    the convention's name in words, the
    qualifier, and the range it gives: «±10%» or «0.9–1×» of the figure for a
    factor, «> n» above the figure, a count «20–99»; the English edition keeps the note.

    >>> from khabar.conventions import conventions
    >>> view = conventions_view(conventions().query("qualifier in ['about', 'dozens']"), "ar")
    >>> view.iloc[:2, 1:].values.tolist()
    [['حوالي', '±10%'], ['العشرات', '20–99']]
    """

    def reach(row) -> str:
        low, high = row["low"], row["high"]
        if row["rule"] == "count":
            return figure_range(low, high)
        if row["rule"] == "factor" and pd.notna(low) and pd.notna(high) and round(1 - low, 6) == round(high - 1, 6):
            return "×1" if low == 1 else f"±{(1 - low) * 100:g}%"
        if row["rule"] == "factor":
            return f"{(low - 1) * 100:g}%{DASH}{(high - 1) * 100:g}%"
        return {"above": "> n", "below": "< n"}.get(row["rule"], figure_range(low, high))

    columns = {
        "convention": [label("convention", c, lang) for c in table["convention"]],
        "qualifier": [label("qualifier", q, lang) for q in table["qualifier"]],
        "reach": [reach(row) for _, row in table.iterrows()],
    }
    if lang == "en":
        columns["note"] = [n if isinstance(n, str) else "" for n in table["note"]]
    return _view(pd.DataFrame(columns, index=table.index), lang)


def html_table(view: pd.DataFrame, lang: str | None = None) -> str:
    """``view`` as an HTML table in the edition's direction, each text cell
    in the direction of most of its letters (:func:`cell_direction`), its
    dates, ranges and runs of the other script isolated (:func:`isolated`);
    all text escaped.

    >>> html = html_table(pd.DataFrame({"quote": ["<b>قرابة 30</b>"]}), "en")
    >>> '<td dir="rtl" lang="ar">&lt;' in html and "<b>" not in html
    True
    >>> '<td dir="ltr" style="white-space: nowrap">76–94</td>' in html_table(pd.DataFrame({"how many": ["76–94"]}), "ar")
    True
    >>> html_table(pd.DataFrame({"when": ["by 2018-03-25"]})).split("<td")[1].split("</td>")[0]
    ' dir="ltr" style="white-space: nowrap">by <bdi dir="ltr">2018-03-25</bdi>'
    """
    lang = lang or view.attrs.get("lang", "en")
    direction = "rtl" if lang == "ar" else "ltr"
    head = "".join(f"<th>{escape(str(column))}</th>" for column in view.columns)
    lines = [
        f'<table class="dataframe khabar-table" dir="{direction}" lang="{lang}">',
        f"<thead><tr><th>{escape(str(view.index.name or ''))}</th>{head}</tr></thead>",
        "<tbody>",
    ]
    numeric = {column for column in view.columns if pd.api.types.is_numeric_dtype(view[column])}
    # Rows are numbered from 1 in the order shown, whatever the frame's index
    # (a filter leaves gaps); the claims' numbers elsewhere are index + 1 too.
    for index, (_, row) in enumerate(view.iterrows(), start=1):
        cells = []
        for column, value in row.items():
            text = (
                ""
                if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
                else str(value)
            )
            # Text takes the direction of its first letter; a range with no
            # letters ("20–99") is left to right, or an Arabic table would
            # show it as "99–20".
            content = escape(text)
            if column in numeric:
                attributes = ""
            elif LETTER.search(text):
                # Words read in the direction of most of their letters, each
                # date, range or run of the other script isolated within them.
                cell_dir = cell_direction(text, direction)
                content = isolated(text, cell_dir)
                lang_attribute = f' lang="{"ar" if cell_dir == "rtl" else "en"}"' if cell_dir != direction else ""
                attributes = f' dir="{cell_dir}"{lang_attribute}' + (
                    ' style="white-space: nowrap"' if ISO_DAY.search(text) and len(text) < 30 else ""
                )
            else:  # kept on one line: a date or range broken at its hyphens reads as two
                attributes = ' dir="ltr" style="white-space: nowrap"'
            cells.append(f"<td{attributes}>{content}</td>")
        lines.append(f"<tr><th>{escape(str(index))}</th>{''.join(cells)}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def show(view: pd.DataFrame, lang: str | None = None):
    """Display ``view`` in a notebook as :func:`html_table` (the value of a cell).

    >>> show(pd.DataFrame({"a": [1]}), "en").data.startswith("<table")
    True
    """
    from IPython.display import HTML

    return HTML(html_table(view, lang))


def glosses(article) -> list[str] | None:
    """The English rendering of each paragraph kept beside the article's
    file (``<name>.gloss.csv``: ``paragraph``, ``kind``, ``en``), or None.

    Raises ``ValueError`` naming the file when it does not line up with the
    article's paragraphs.

    >>> from khabar import load_article
    >>> glosses(load_article())[0][:16]
    'A murky deal sou'
    """
    path = Path(article.source_path).with_suffix(".gloss.csv")
    if not path.exists():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    kinds = list(article.paragraphs["kind"])
    if [row.get("paragraph") for row in rows] != [str(i) for i in range(len(kinds))]:
        raise ValueError(f"{path}: needs one row per paragraph, numbered 0 to {len(kinds) - 1}")
    for row, kind in zip(rows, kinds):
        if row.get("kind") != kind or not row.get("en"):
            raise ValueError(f"{path}: paragraph {row['paragraph']} should be a {kind} with an English gloss")
    return [row["en"] for row in rows]


def claim_in_words(claim, lang: str = "en") -> str:
    """A claim spelled out from its columns, e.g. for a quote's hover text.

    >>> from khabar import load_article, claims
    >>> table = claims(load_article())
    >>> claim_in_words(table[table["quote"] == "بحوالي 85"].iloc[0])
    'bodies handed over: 76–94, per informed sources (independent or unstated)'
    """
    how_many = figure_range(claim["value_low"], claim["value_high"], claim["unit"])
    per, comma = ("بحسب", "،") if lang == "ar" else ("per", ",")
    return (
        f"{_what(claim, lang)}: {how_many or '?'}{comma} {per} {speaker(claim['claimant'], claim.get('claimant_ar'), lang)}"
        f" ({label('side', claim['side'], lang)})"
    )


def annotated_html(article, claims: pd.DataFrame, lang: str = "ar") -> str:
    """The whole article, right to left, each claim's quote highlighted in its
    claimant's side colour with the claims table's row number, and the
    claim spelled out on hover.  The English edition adds each paragraph's
    English gloss (:func:`glosses`) under it.  Every piece of text is escaped.

    >>> from khabar import article_from_text, claims
    >>> from datetime import date
    >>> article = article_from_text("عنوان <script>\\n\\nقتل 12 جنديًا.", published=date(2018, 3, 26))
    >>> html = annotated_html(article, claims(article), "en")
    >>> "&lt;script&gt;" in html and "<script>" not in html, '<sup dir="ltr">1</sup>' in html
    (True, True)
    """
    english = glosses(article) if lang == "en" else None
    text = article.text
    parts = ['<div class="khabar-article" dir="rtl" lang="ar" style="line-height: 2">']
    ordered = claims.sort_values("start")
    for number, paragraph in article.paragraphs.iterrows():
        start, end = int(paragraph["start"]), int(paragraph["end"])
        pieces, cursor = [], start
        for row, claim in ordered[(ordered["start"] >= start) & (ordered["end"] <= end)].iterrows():
            if claim["start"] < cursor:  # overlaps the previous highlight: number only
                pieces.append(f'<sup dir="ltr">{row + 1}</sup>')
                continue
            red, green, blue = HIGHLIGHTS.get(claim["side"], (128, 128, 128))
            pieces.append(escape(text[cursor : claim["start"]]))
            pieces.append(
                f'<mark style="background-color: rgba({red}, {green}, {blue}, 0.22); color: inherit"'
                f' title="{escape(claim_in_words(claim, lang))}">'
                f'{escape(text[claim["start"] : claim["end"]])}<sup dir="ltr">{row + 1}</sup></mark>'
            )
            cursor = int(claim["end"])
        pieces.append(escape(text[cursor:end]))
        body = "".join(pieces)
        if paragraph["kind"] == "title":
            body = f"<strong>{body}</strong>"
        parts.append(f'<p dir="rtl" lang="ar" style="text-align: right">{body}</p>')
        if english:
            parts.append(
                f'<p dir="ltr" lang="en" style="color: #555555; text-align: left">{escape(english[number])}</p>'
            )
    parts.append("</div>")
    return "\n".join(parts)


def annotated_article(article, claims: pd.DataFrame, lang: str = "ar"):
    """Display :func:`annotated_html` in a notebook (the value of a cell).

    >>> from khabar import load_article, claims
    >>> article = load_article()
    >>> table = claims(article)
    >>> html = annotated_article(article, table).data
    >>> html.count("<sup") == len(table)  # every claim numbered, highlighted or not
    True
    """
    from IPython.display import HTML

    return HTML(annotated_html(article, claims, lang))


def metadata_view(metadata: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """:func:`khabar.article.metadata_table` in words: each field, its value
    (a visible "not read" where none was found) and where it came from, the
    file or page tag kept as written.

    >>> table = pd.DataFrame({"field": ["outlet", "published"], "value": ["Janub Desk", ""],
    ...                       "source": ["sidecar janub.json", "missing"]})
    >>> metadata_view(table, "ar").values.tolist()
    [['الوسيلة', 'Janub Desk', 'ملف بجانب التقرير: janub.json'], ['تاريخ النشر', 'لم يُقرأ', 'لم يُقرأ']]
    >>> metadata_view(table, "en").iloc[0].tolist()
    ['outlet', 'Janub Desk', 'sidecar janub.json']
    """
    from khabar.labels import ui_terms

    terms = ui_terms()
    not_read = terms[("metadata_source", "missing")][lang]

    def source(text) -> str:
        text = str(text or "")
        if (("metadata_source", text)) in terms:
            return terms[("metadata_source", text)][lang]
        for prefix in ("sidecar", "option", "page", "first lines"):
            if text.startswith(prefix + " ") or text.startswith(prefix + ":"):
                if lang == "en":
                    return text
                rest = text[len(prefix) :].lstrip(": ")
                return f"{terms[('metadata_source', prefix)][lang]}: {rest}"
        return text

    view = pd.DataFrame(
        {
            "field": [label("field", f, lang) for f in metadata["field"]],
            "value": [v if isinstance(v, str) and v else not_read for v in metadata["value"]],
            "source": [source(s) for s in metadata["source"]],
        },
        index=metadata.index,
    )
    return _view(view, lang)
