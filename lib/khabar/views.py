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

from khabar.labels import label

LETTER = re.compile(r"[^\W\d_]")
DASH = "\u2013"  # en dash between the ends of a range
HIGHLIGHTS = {"regime": (178, 24, 43), "isis": (64, 64, 64), "independent": (33, 102, 172)}
"""Highlight colour per side: the charts' side colours (``khabar.charts.SIDE_COLOURS``)."""


def figure_range(low, high, unit: str = "") -> str:
    """A range as a reader writes it: «76–94», «175» when both ends agree,
    «≥ 101» with no upper end, empty when nothing is known.

    >>> figure_range(76.0, 94.0), figure_range(175.0, 175.0), figure_range(101.0, float("nan"))
    ('76–94', '175', '≥ 101')
    >>> figure_range(81, 99, "percent"), figure_range(None, None)
    ('81–99%', '')
    """

    def known(x):
        return x is not None and not (isinstance(x, float) and math.isnan(x)) and x is not pd.NA

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
    ``strength`` (from :func:`khabar.claims_table.grades`)."""
    words = label("grade", claim["corroboration"], lang)
    strength = claim.get("strength", "")
    return f"{words} ({label('strength', strength, lang)})" if isinstance(strength, str) and strength else words


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
            "claimant": [label("claimant", c, lang) for c in claims["claimant"]],
            "side": [label("side", s, lang) for s in claims["side"]],
            "corroboration": [_grade_words(c, lang) for _, c in claims.iterrows()],
            "paragraph": claims["paragraph"],
        },
        index=claims.index,
    )
    return _view(rows, lang)


def control_view(rows: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """Who holds which place: quote, place, holder, share range, who says so.

    >>> from khabar import load_article, control
    >>> view = control_view(control(load_article()), "en")
    >>> view.loc[2, "share"]
    '81–99%'
    """
    view = pd.DataFrame(
        {
            "quote": rows["quote"],
            "place": rows["place"] if lang == "ar" else rows["place_en"],
            "controller": [label("controller", c, lang) for c in rows["controller"]],
            "share": [figure_range(low, high, "percent") for low, high in zip(rows["share_low"], rows["share_high"])],
            "claimant": [label("claimant", c, lang) for c in rows["claimant"]],
            "paragraph": rows["paragraph"],
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
            "when": [when_words(event, lang) for _, event in events.iterrows()],
            "said_on": [_day(day) for day in events["reported_on"]],
            "quote": events["quote"],
            "date_precision": [label("precision", p, lang) for p in events["date_precision"]],
            "stage": events[f"label_{lang}"],
            "amount": events[f"amount_{lang}"],
            "claimant": [label("claimant", c, lang) for c in events["claimant"]],
            "paragraph": events["paragraph"],
        },
        index=events.index,
    )
    return _view(view, lang)


def discrepancies_view(found: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """:func:`khabar.claims_table.discrepancies` in the edition's words.

    >>> from khabar import load_article
    >>> from khabar.claims_table import discrepancies
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


def html_table(view: pd.DataFrame, lang: str | None = None) -> str:
    """``view`` as an HTML table in the edition's direction, each text cell
    with ``dir="auto"``; all text escaped.

    >>> html = html_table(pd.DataFrame({"quote": ["<b>قرابة 30</b>"]}), "en")
    >>> '<td dir="auto">&lt;b&gt;قرابة 30&lt;/b&gt;</td>' in html
    True
    >>> '<td dir="ltr">76–94</td>' in html_table(pd.DataFrame({"how many": ["76–94"]}), "ar")
    True
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
    for index, row in view.iterrows():
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
            if column in numeric:
                attributes = ""
            elif LETTER.search(text):
                attributes = ' dir="auto"'
            else:
                attributes = ' dir="ltr"'
            cells.append(f"<td{attributes}>{escape(text)}</td>")
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
        f"{_what(claim, lang)}: {how_many or '?'}{comma} {per} {label('claimant', claim['claimant'], lang)}"
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
    >>> "&lt;script&gt;" in html and "<script>" not in html, '<sup dir="ltr">0</sup>' in html
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
                pieces.append(f'<sup dir="ltr">{row}</sup>')
                continue
            red, green, blue = HIGHLIGHTS.get(claim["side"], (128, 128, 128))
            pieces.append(escape(text[cursor : claim["start"]]))
            pieces.append(
                f'<mark style="background-color: rgba({red}, {green}, {blue}, 0.22); color: inherit"'
                f' title="{escape(claim_in_words(claim, lang))}">'
                f'{escape(text[claim["start"] : claim["end"]])}<sup dir="ltr">{row}</sup></mark>'
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
