"""Charts: each function takes a dataframe and ``lang`` ("ar" or "en") and
returns a matplotlib Figure.

Arabic charts are laid out right to left: the title sits on the right, the
first category is on the right (or at the top), and the value axis is on the
right.  Labels pass through :func:`khabar.arabic.ar` here and nowhere else,
so dataframes keep logical-order text.

Figures are built with ``matplotlib.figure.Figure`` rather than pyplot, so a
notebook shows each one once (as the cell's value) and no figure lingers.

>>> from khabar import load_article
>>> fig = paragraph_lengths(load_article().paragraphs, lang="en")
>>> fig.axes[0].get_title(loc="left")
'How long is each paragraph?'
"""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from khabar.arabic import ar, use_arabic_style

LANGS = ("ar", "en")
KIND_COLOURS = {"title": "#7b3294", "caption": "#c2a5cf", "body": "#4d7ea8"}
KIND_LABELS = {
    "title": {"ar": "العنوان", "en": "title"},
    "caption": {"ar": "تعليق الصورة", "en": "photo caption"},
    "body": {"ar": "متن", "en": "body"},
    "source": {"ar": "مصدر", "en": "source"},
    "organisation": {"ar": "منظمة", "en": "organisation"},
    "city": {"ar": "مدينة", "en": "city"},
    "neighbourhood": {"ar": "حي أو منطقة", "en": "neighbourhood"},
    "camp": {"ar": "مخيم", "en": "camp"},
    "roundabout": {"ar": "دوار", "en": "roundabout"},
    "front_axis": {"ar": "محور جبهة", "en": "front axis"},
}
PALETTE = ["#4d7ea8", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#a6761d"]


def label(text_by_lang: dict, lang: str) -> str:
    """The label for ``lang``, ready for the installed matplotlib.

    >>> label({"ar": "الفقرة", "en": "paragraph"}, "en")
    'paragraph'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    text = text_by_lang[lang]
    return ar(text) if lang == "ar" else text


def new_axes(lang: str, size=(8, 4)):
    """A Figure with one Axes, styled for ``lang``.

    >>> fig, ax = new_axes("en")
    >>> len(fig.axes)
    1
    """
    use_arabic_style()
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    ax.spines[["top", "left" if lang == "ar" else "right"]].set_visible(False)
    return fig, ax


def set_title(ax, title: dict, lang: str) -> None:
    """Title on the reading side: right for Arabic, left for English.

    >>> fig, ax = new_axes("ar"); set_title(ax, {"ar": "عنوان", "en": "t"}, "ar")
    >>> bool(ax.get_title(loc="right"))
    True
    """
    ax.set_title(label(title, lang), loc="right" if lang == "ar" else "left", fontsize=13)


def legend_below(fig, handles, lang: str) -> None:
    """A legend under the axes; in Arabic it reads right to left, key after text.

    >>> fig, ax = new_axes("en")
    >>> legend_below(fig, [Patch(color="red", label="a")], "en")
    >>> len(fig.legends)
    1
    """
    if lang == "ar":
        handles = handles[::-1]
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles),
               frameon=False, markerfirst=lang != "ar")


def mirror_for_arabic(ax, lang: str, *, value_axis: str = "y") -> None:
    """Right-to-left layout: categories run from the right, and the value
    axis (``"y"``) moves to the right side.  Does nothing for English.

    >>> fig, ax = new_axes("ar"); mirror_for_arabic(ax, "ar")
    >>> bool(ax.xaxis_inverted()), ax.yaxis.get_ticks_position()
    (True, 'right')
    """
    if lang != "ar":
        return
    ax.invert_xaxis()
    if value_axis == "y":
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")


def paragraph_lengths(paragraphs: pd.DataFrame, lang: str = "ar") -> Figure:
    """Words per paragraph, coloured by kind (title, caption, body).

    ``paragraphs`` is ``Article.paragraphs``.

    >>> from khabar import load_article
    >>> fig = paragraph_lengths(load_article().paragraphs)
    >>> len(fig.axes[0].patches)
    16
    """
    fig, ax = new_axes(lang)
    numbers = range(1, len(paragraphs) + 1)
    words = paragraphs["text"].str.split().str.len()
    ax.bar(numbers, words, color=[KIND_COLOURS[kind] for kind in paragraphs["kind"]])
    legend_below(fig, [Patch(color=colour, label=label(KIND_LABELS[kind], lang))
                       for kind, colour in KIND_COLOURS.items()], lang)
    ax.set_xticks(list(numbers))
    ax.set_xlabel(label({"ar": "رقم الفقرة", "en": "paragraph number"}, lang))
    ax.set_ylabel(label({"ar": "عدد الكلمات", "en": "words"}, lang))
    set_title(ax, {"ar": "ما طول كل فقرة؟", "en": "How long is each paragraph?"}, lang)
    mirror_for_arabic(ax, lang)
    return fig


def mentions_map(mentions: pd.DataFrame, paragraph_count: int, lang: str = "ar") -> Figure:
    """Which sources and places are named in which paragraph: one dot per mention.

    ``mentions`` is :func:`khabar.names.mentions`; names are listed in the
    order they first appear, from the top.

    >>> from khabar import load_article
    >>> from khabar.names import mentions
    >>> article = load_article()
    >>> fig = mentions_map(mentions(article), len(article.paragraphs), lang="en")
    >>> fig.axes[0].get_yticklabels()[0].get_text()
    'Damascus'
    """
    names = mentions.drop_duplicates("name")[["name", "name_en", "kind"]].reset_index(drop=True)
    fig, ax = new_axes(lang, size=(8, 1.4 + 0.32 * len(names)))
    row_of = {name: row for row, name in enumerate(names["name"])}
    kinds = list(names["kind"].unique())
    for kind, colour in zip(kinds, PALETTE):
        rows = mentions[mentions["kind"] == kind]
        ax.scatter(rows["paragraph"] + 1, rows["name"].map(row_of), s=60, color=colour,
                   label=label(KIND_LABELS[kind], lang))
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels([label({"ar": n, "en": e}, lang) for n, e in zip(names["name"], names["name_en"])])
    ax.invert_yaxis()
    ax.set_xticks(range(1, paragraph_count + 1))
    ax.set_xlim(0.5, paragraph_count + 0.5)
    ax.grid(axis="x", color="#dddddd")
    ax.set_xlabel(label({"ar": "رقم الفقرة", "en": "paragraph number"}, lang))
    legend_below(fig, ax.get_legend_handles_labels()[0], lang)
    set_title(ax, {"ar": "أين يُذكر كل مصدر ومكان؟", "en": "Where is each source and place named?"}, lang)
    mirror_for_arabic(ax, lang)
    return fig
