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


CLAIMANTS = {
    "informed_sources": {"ar": "مصادر مطلعة", "en": "informed sources"},
    "other_sources": {"ar": "مصادر أخرى", "en": "other sources"},
    "pro_regime_pages": {"ar": "صفحات موالية", "en": "pro-regime pages"},
    "al_naba": {"ar": "صحيفة النبأ (التنظيم)", "en": "al-Naba (the group's weekly)"},
    "isis": {"ar": "تنظيم الدولة", "en": "the Islamic State group"},
    "enab_baladi": {"ar": "عنب بلدي", "en": "Enab Baladi"},
    "activists": {"ar": "ناشطون", "en": "activists"},
}
SUBJECTS = {
    "bodies": {"ar": "جثث", "en": "bodies"},
    "prisoners": {"ar": "أسرى", "en": "prisoners"},
    "killed": {"ar": "قتلى", "en": "dead"},
    "tanks": {"ar": "دبابات", "en": "tanks"},
    "armoured_vehicles": {"ar": "عربات مدرعة", "en": "armoured vehicles"},
    "rocket_launchers": {"ar": "راجمات صواريخ", "en": "rocket launchers"},
    "heavy_machine_guns": {"ar": "رشاشات ثقيلة", "en": "heavy machine guns"},
}
SCOPES = {
    "handed_over": {"ar": "سُلّمت", "en": "handed over"},
    "held": {"ar": "لدى التنظيم", "en": "held by the group"},
    "forces": {"ar": "من قوات الأسد", "en": "Assad forces"},
    "soldiers": {"ar": "جنود", "en": "soldiers"},
}
SIDE_COLOURS = {"regime": "#b2182b", "isis": "#404040", "independent": "#2166ac"}
SIDES = {
    "regime": {"ar": "موالٍ للنظام", "en": "pro-regime"},
    "isis": {"ar": "التنظيم", "en": "the group"},
    "independent": {"ar": "مستقل أو غير محدد", "en": "independent or unstated"},
}


def figure_words(claim, lang: str) -> str:
    """How a claim states its figure, in the chart's language: the exact quote
    in Arabic, the qualifier and number in English.

    >>> figure_words(pd.Series({"qualifier": "more_than", "value": 100.0, "quote": "تتجاوز 100"}), "en")
    'more than 100'
    """
    if lang == "ar":
        return claim["quote"]
    number = "" if pd.isna(claim["value"]) else f"{claim['value']:g}"
    return {
        "exact": number, "about": f"about {number}", "nearly": f"nearly {number}",
        "more_than": f"more than {number}", "less_than": f"fewer than {number}",
        "dozens": "dozens", "hundreds": "hundreds", "unspecified": "unspecified",
    }[claim["qualifier"]]


def _scope_words(claim) -> dict:
    scope = claim["scope"]
    if scope.startswith("branch_"):
        number = scope.split("_")[1]
        return {"ar": f"عناصر الفرع {number}", "en": f"Branch {number} members"}
    return SCOPES.get(scope, {"ar": "", "en": ""})


def claim_ranges(claims: pd.DataFrame, title: dict, lang: str = "ar") -> Figure:
    """Each claim as the range its words allow, one row per claim, coloured by
    the claimant's side: a dot for an exact figure, a bar for a range, an
    arrow for an open one ("more than 100").  Claims with no figure are left out.

    ``claims`` is a slice of :func:`khabar.claims`.

    >>> from khabar import load_article, claims
    >>> table = claims(load_article()).query("subject == 'killed'")
    >>> fig = claim_ranges(table, {"ar": "القتلى", "en": "The dead"}, lang="en")
    >>> len(fig.axes[0].get_yticklabels())
    3
    """
    shown = claims.dropna(subset=["value_low"]).reset_index(drop=True)
    fig, ax = new_axes(lang, size=(8, 1.6 + 0.55 * len(shown)))
    finite = pd.concat([shown["value_low"], shown["value_high"]]).dropna()
    right_end = finite.max() * 1.25
    for row, claim in shown.iterrows():
        colour = SIDE_COLOURS[claim["side"]]
        low, high = claim["value_low"], claim["value_high"]
        if pd.isna(high):
            ax.annotate("", xy=(right_end, row), xytext=(low, row),
                        arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 6, "mutation_scale": 18})
        elif high > low:
            ax.plot([low, high], [row, row], color=colour, lw=8, alpha=0.55, solid_capstyle="butt")
        if not pd.isna(claim["value"]):
            ax.plot([claim["value"]], [row], "o", color=colour, ms=8)
        ax.annotate(label({lang: figure_words(claim, lang)}, lang), (low, row), xytext=(0, 9),
                    textcoords="offset points", fontsize=9, color=colour,
                    ha="right" if lang == "ar" else "left")
    ax.set_yticks(range(len(shown)))
    ax.set_yticklabels([
        label({lang: f"{CLAIMANTS[c['claimant']][lang]} — {SUBJECTS[c['subject']][lang]} {_scope_words(c)[lang]}".strip()}, lang)
        for _, c in shown.iterrows()
    ])
    ax.set_ylim(len(shown) - 0.4, -0.8)
    ax.set_xlim(0, right_end * 1.02)
    ax.grid(axis="x", color="#e5e5e5")
    unit = shown["unit"].iloc[0] if len(shown) else "persons"
    ax.set_xlabel(label({"ar": "العدد الذي تسمح به العبارة", "en": "the count the words allow"}
                        if unit != "percent" else {"ar": "النسبة %", "en": "percent"}, lang))
    legend_below(fig, [Patch(color=SIDE_COLOURS[s], label=label(SIDES[s], lang))
                       for s in SIDE_COLOURS if s in set(shown["side"])], lang)
    set_title(ax, title, lang)
    mirror_for_arabic(ax, lang)
    return fig


def materiel_losses(claims: pd.DataFrame, lang: str = "ar") -> Figure:
    """The materiel losses a claimant attributes to the other side, one bar per item.

    >>> from khabar import load_article, claims
    >>> fig = materiel_losses(claims(load_article()).query("topic == 'materiel'"), lang="en")
    >>> [round(p.get_width()) for p in fig.axes[0].patches]
    [5, 1, 1, 2]
    """
    shown = claims.reset_index(drop=True)
    fig, ax = new_axes(lang, size=(8, 1.4 + 0.5 * len(shown)))
    colours = [SIDE_COLOURS[side] for side in shown["side"]]
    ax.barh(range(len(shown)), shown["value"], color=colours, height=0.6)
    for row, claim in shown.iterrows():
        ax.annotate(label({lang: figure_words(claim, lang)}, lang), (claim["value"], row),
                    xytext=(6 if lang == "en" else -6, 0), textcoords="offset points",
                    va="center", ha="left" if lang == "en" else "right", fontsize=9)
    ax.set_yticks(range(len(shown)))
    ax.set_yticklabels([label(SUBJECTS[s], lang) for s in shown["subject"]])
    ax.invert_yaxis()
    ax.set_xlim(0, shown["value"].max() * 1.4)
    ax.xaxis.get_major_locator().set_params(integer=True)
    claimants = " / ".join(CLAIMANTS[c][lang] for c in shown["claimant"].unique())
    ax.set_xlabel(label({"ar": f"العدد، بحسب {claimants}", "en": f"number, as claimed by {claimants}"}, lang))
    set_title(ax, {"ar": "ما خسائر قوات الأسد التي يعلنها التنظيم؟",
                   "en": "What losses does the group claim Assad's forces suffered?"}, lang)
    mirror_for_arabic(ax, lang)
    return fig
