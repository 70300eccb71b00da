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
>>> fig.khabar_title
'16 paragraphs; the longest, paragraph 4, has 40 words'

Each chart's title states what its data shows and its subtitle gives units
and scope (:mod:`khabar.findings`); a ``title`` given as ``{"ar": ..., "en": ...}``
is used instead.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from khabar import findings, lexicon
from khabar.arabic import ar, use_arabic_style
from khabar.dates import LEVANTINE_MONTHS
from khabar.labels import ui_terms
from khabar.numbers import in_english

LANGS = ("ar", "en")
KIND_COLOURS = {"title": "#7b3294", "caption": "#c2a5cf", "body": "#4d7ea8"}
# Kinds of paragraph and of named place: the words the reader tables use too.
KIND_LABELS = {key: words for (kind, key), words in ui_terms().items() if kind in ("paragraph_kind", "place_kind")}
# Paragraphs are numbered as the reader tables show the rows of
# Article.paragraphs: from 1, the title (row 0 of the dataframe).
PARAGRAPH_AXIS = {"ar": "الفقرة (رقم الصف في جدول الفقرات)", "en": "paragraph (row of the paragraph table)"}
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


def _wrap(text: str, width: int) -> str:
    """``text`` in lines of about ``width`` characters; a number stays on the
    line of the word before it ("paragraph 4", «الأرقام الـ3»), never alone
    at the start of a line.

    >>> _wrap("the largest of 3 figures", 14).split("\\n")
    ['the largest', 'of 3 figures']
    """
    import textwrap

    kept = re.sub(r" (?=(?:الـ)?[0-9])", "\u00a0", text)
    return textwrap.fill(kept, width, break_on_hyphens=False).replace("\u00a0", " ")


SUBTITLE_ID = "khabar-subtitle"  # the subtitle's gid: it is not one of the chart's labels


def set_title(ax, title: dict, lang: str, subtitle: dict | None = None) -> None:
    """Title on the reading side: right for Arabic, left for English; a
    ``subtitle`` (units and scope) in smaller grey type between it and the plot.

    >>> fig, ax = new_axes("ar"); set_title(ax, {"ar": "عنوان", "en": "t"}, "ar", {"ar": "بالأشخاص", "en": "people"})
    >>> bool(ax.get_title(loc="right")), len(ax.texts)
    (True, 1)
    """

    side = "right" if lang == "ar" else "left"
    if not subtitle:
        ax.set_title(label(title, lang), loc=side, fontsize=13)
        ax.figure.khabar_title = ax.figure.khabar_alt = title[lang]
        return
    # A finding is a sentence: wrapped to the width the row labels leave
    # beside the plot (the title starts at the plot's edge on the reading side
    # and must not run off the figure), estimated from the labels' length.
    # Widths in ems: Arabic letters run narrower than Latin ones.
    em = 0.45 if lang == "ar" else 0.52
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    beside = em * 10 * max((len(line) for text in labels for line in text.split("\n")), default=0)
    points = max(ax.figure.get_figwidth() * 72 - beside - 40, ax.figure.get_figwidth() * 72 / 2)
    heading = _wrap(title[lang], max(24, int(points / (em * 13))))
    below = _wrap(subtitle[lang], max(30, int(points / (em * 9))))
    ax.set_title(
        "\n".join(label({lang: line}, lang) for line in heading.split("\n")),
        loc=side,
        fontsize=13,
        pad=12 + 16 * (below.count("\n") + 1),
    )
    ax.annotate(
        "\n".join(label({lang: line}, lang) for line in below.split("\n")),
        (1 if lang == "ar" else 0, 1),
        xycoords="axes fraction",
        xytext=(0, 5),
        textcoords="offset points",
        ha=side,
        va="bottom",
        fontsize=9,
        color="#666666",
        gid=SUBTITLE_ID,
    )
    others = [other for other in ax.figure.axes if other is not ax]
    if others:
        # Panels side by side (the timeline's break): the title runs over
        # its neighbours, so the layout must not fit the panel to its width;
        # the same lines, blank, over the other panels keep the room above.
        ax.title.set_in_layout(False)
        ax.texts[-1].set_in_layout(False)
        blank = "\n".join(" " for _ in range(heading.count("\n") + 1))
        for other in others:
            other.set_title(blank, loc=side, fontsize=13, pad=12 + 16 * (below.count("\n") + 1))
    # Each chart is sized for its rows and a one-line title: the figure grows
    # by what the title's further lines and the subtitle take, so the plot
    # keeps its height.
    extra = heading.count("\n") * 19 + (below.count("\n") + 1) * 16 + 12
    ax.figure.set_figheight(ax.figure.get_figheight() + extra / 72)
    ax.figure.khabar_title = title[lang]
    ax.figure.khabar_alt = title[lang]


def describe(fig: Figure, items, lang: str) -> Figure:
    """Give ``fig`` its text for a screen reader: its title (set by
    :func:`set_title`), then what it shows, item by item, in logical order.
    The pages use it as the chart image's alt text; ``fig.khabar_alt``.

    >>> fig, ax = new_axes("en"); set_title(ax, {"ar": "ع", "en": "Bodies by claimant"}, "en")
    >>> describe(fig, ["informed sources: 76–94 handed over", "the group: more than 100 held"], "en").khabar_alt
    'Bodies by claimant: informed sources: 76–94 handed over; the group: more than 100 held.'
    """
    items = [str(item).strip() for item in items if str(item).strip()]
    title = getattr(fig, "khabar_title", "")
    separator, colon, stop = ("؛ ", ": ", ".") if lang == "ar" else ("; ", ": ", ".")
    fig.khabar_alt = f"{title}{colon}{separator.join(items)}{stop}" if items else title
    return fig


def legend_below(fig, handles, lang: str, max_columns: int = 8) -> None:
    """A legend under the axes; in Arabic it reads right to left, key after text.

    >>> fig, ax = new_axes("en")
    >>> legend_below(fig, [Patch(color="red", label="a")], "en")
    >>> len(fig.legends)
    1
    """
    if lang == "ar":
        handles = handles[::-1]
    fig.legend(
        handles=handles,
        loc="outside lower center",
        ncols=min(max_columns, len(handles)),
        frameon=False,
        markerfirst=lang != "ar",
    )


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


def paragraph_lengths(paragraphs: pd.DataFrame, lang: str = "ar", *, title: dict | None = None) -> Figure:
    """Words per paragraph, coloured by kind (title, caption, body).

    ``paragraphs`` is ``Article.paragraphs``.

    >>> from khabar import load_article
    >>> fig = paragraph_lengths(load_article().paragraphs)
    >>> len(fig.axes[0].patches)
    16
    """
    fig, ax = new_axes(lang)
    numbers = list(paragraphs.index)  # the rows of the paragraph table, as in every table
    words = paragraphs["text"].str.split().str.len()
    ax.bar(numbers, words, color=[KIND_COLOURS[kind] for kind in paragraphs["kind"]])
    legend_below(
        fig, [Patch(color=colour, label=label(KIND_LABELS[kind], lang)) for kind, colour in KIND_COLOURS.items()], lang
    )
    ax.set_xticks(numbers, [str(n + 1) for n in numbers])  # counted from 1, as the tables show them
    ax.set_xlabel(label(PARAGRAPH_AXIS, lang))
    ax.set_ylabel(label({"ar": "عدد الكلمات", "en": "words"}, lang))
    set_title(ax, title or findings.paragraph_lengths(paragraphs), lang, findings.subtitle("paragraph_lengths"))
    mirror_for_arabic(ax, lang)
    unit = {"ar": "الفقرة {n} ({k}): عدد كلماتها {w}", "en": "paragraph {n}: {w} words ({k})"}[lang]
    return describe(
        fig,
        [
            unit.format(n=n + 1, w=w, k=KIND_LABELS[kind][lang])
            for n, w, kind in zip(numbers, words, paragraphs["kind"])
        ],
        lang,
    )


def mentions_map(
    mentions: pd.DataFrame, paragraph_count: int, lang: str = "ar", *, title: dict | None = None
) -> Figure:
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
        ax.scatter(
            rows["paragraph"], rows["name"].map(row_of), s=60, color=colour, label=label(KIND_LABELS[kind], lang)
        )
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels([label({"ar": n, "en": e}, lang) for n, e in zip(names["name"], names["name_en"])])
    ax.invert_yaxis()
    ax.set_xticks(range(paragraph_count), [str(n + 1) for n in range(paragraph_count)])
    ax.set_xlim(-0.5, paragraph_count - 0.5)
    ax.grid(axis="x", color="#dddddd")
    ax.set_xlabel(label(PARAGRAPH_AXIS, lang))
    legend_below(fig, ax.get_legend_handles_labels()[0], lang)
    set_title(ax, title or findings.mentions_map(mentions, paragraph_count), lang, findings.subtitle("mentions_map"))
    mirror_for_arabic(ax, lang)
    where = {"ar": "{name}: الفقرة {at}", "en": "{name}: paragraph {at}"}[lang]
    comma = "، " if lang == "ar" else ", "
    return describe(
        fig,
        [
            where.format(
                name=n if lang == "ar" else e,
                at=comma.join(str(int(x) + 1) for x in sorted(set(mentions.loc[mentions["name"] == n, "paragraph"]))),
            )
            for n, e in zip(names["name"], names["name_en"])
        ],
        lang,
    )


# Labels and colours come from the lexicon (khabar/lexicon/*.csv); a key the
# lexicon has no label for is shown as written, never a KeyError.
CLAIMANTS = lexicon.Labels("claimant")
SUBJECTS = lexicon.Labels("subject")
SCOPES = lexicon.Labels("scope")
SIDE_COLOURS = lexicon.Colours("side")
SIDES = lexicon.Labels("side")


def _claimant_words(claim, lang: str) -> str:
    """A claimant's label; a speaker the lexicon does not know, as written."""
    if claim["claimant"] == "other" and isinstance(claim.get("claimant_ar"), str) and claim.get("claimant_ar"):
        return claim["claimant_ar"]
    return CLAIMANTS[claim["claimant"]][lang]


def figure_words(claim, lang: str) -> str:
    """How a claim states its figure, in the chart's language: the exact quote
    in Arabic, the qualifier and number in English.

    >>> figure_words(pd.Series({"qualifier": "more_than", "value": 100.0, "quote": "تتجاوز 100"}), "en")
    'more than 100'
    """
    if lang == "ar":
        return claim["quote"]
    return in_english(claim["qualifier"], claim["value"], claim.get("unit", "count"))


def _scope_words(claim) -> dict:
    scope = claim["scope"]
    if scope.startswith("branch_"):
        number = scope.split("_")[1]
        return {"ar": f"عناصر الفرع {number}", "en": f"Branch {number} members"}
    if not scope or scope == "unspecified":
        return {"ar": "", "en": ""}
    return SCOPES[scope]


OPEN_RANGE = {"ar": "مفتوح، بلا حد أعلى", "en": "open, no upper bound"}
PART = {"ar": "جزء", "en": "part"}


def _in_range(value, low, high) -> bool:
    return not pd.isna(value) and value >= low and (pd.isna(high) or value <= high)


def claim_ranges(claims: pd.DataFrame, title: dict | None = None, lang: str = "ar") -> Figure:
    """Each claim as the range its words allow, one row per claim, coloured by
    the claimant's side: a dot for the figure as written when it lies in its
    own range (not for "تتجاوز 100", which is 101 and up), a bar for a
    range, an arrow reaching the axis edge for an open one, marked open.  A
    claim that counts a part of another's whole (a unit's dead within the
    forces' dead) says so: it is not a rival total.  Claims with no figure
    are left out.

    ``claims`` is a slice of :func:`khabar.claims`.  The title states the
    finding (:func:`khabar.findings.claim_ranges`) unless ``title`` is given.

    >>> from khabar import load_article, claims
    >>> table = claims(load_article()).query("subject == 'killed'")
    >>> fig = claim_ranges(table, lang="en")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][1]
    'pro-regime pages — dead Branch 215 members (part)'
    >>> fig.khabar_title.split(",")[0]
    'Killed (forces): 175'
    """
    if title is not None and not isinstance(title, dict):
        raise TypeError(f"title must be a dict of 'ar' and 'en' words or None, not {title!r} (give lang= by name)")
    from khabar.grading import _is_part

    shown = claims.dropna(subset=["value_low"]).reset_index(drop=True)
    fig, ax = new_axes(lang, size=(8, 1.6 + 0.55 * len(shown)))
    finite = pd.concat([shown["value_low"], shown["value_high"]]).dropna()
    right_end = finite.max() * 1.25
    kinds = set(zip(shown["subject"], shown["scope"]))
    for row, claim in shown.iterrows():
        colour = SIDE_COLOURS[claim["side"]]
        low, high = claim["value_low"], claim["value_high"]
        words = figure_words(claim, lang)
        if pd.isna(high):
            # An open range ("more than 10") is drawn to twice its lower
            # bound at most, so it does not stretch across the other claims;
            # the arrow and the word under it say it goes on.
            edge = min(right_end, 2 * low) if low > 0 else right_end
            ax.annotate(
                "",
                xy=(edge, row),
                xytext=(low, row),
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": colour,
                    "lw": 6,
                    "mutation_scale": 18,
                    "shrinkA": 0,
                    "shrinkB": 0,
                },
            )
            ax.annotate(
                label({lang: OPEN_RANGE[lang]}, lang),
                (edge, row),
                xytext=(0, -14),
                textcoords="offset points",
                fontsize=8,
                color=colour,
                ha="right" if lang == "en" else "left",
            )
        elif high > low:
            ax.plot([low, high], [row, row], color=colour, lw=8, alpha=0.55, solid_capstyle="butt")
        if _in_range(claim["value"], low, high):
            ax.plot([claim["value"]], [row], "o", color=colour, ms=8)
        ax.annotate(
            label({lang: words}, lang),
            (low, row),
            xytext=(0, 9),
            textcoords="offset points",
            fontsize=9,
            color=colour,
            ha="right" if lang == "ar" else "left",
        )
    names = []
    for _, c in shown.iterrows():
        name = f"{_claimant_words(c, lang)} — {SUBJECTS[c['subject']][lang]} {_scope_words(c)[lang]}".strip()
        if any(_is_part((c["subject"], c["scope"]), kind) for kind in kinds):
            name = f"{name} ({PART[lang]})"
        names.append(label({lang: name}, lang))
    ax.set_yticks(range(len(shown)))
    ax.set_yticklabels(names)
    ax.set_ylim(len(shown) - 0.4, -0.8)
    ax.set_xlim(0, right_end)
    ax.grid(axis="x", color="#e5e5e5")
    unit = shown["unit"].iloc[0] if len(shown) else "persons"
    ax.set_xlabel(
        label(
            {"ar": "العدد الذي تسمح به العبارة", "en": "the count the words allow"}
            if unit != "percent"
            else {"ar": "النسبة %", "en": "percent"},
            lang,
        )
    )
    legend_below(
        fig,
        [Patch(color=SIDE_COLOURS[s], label=label(SIDES[s], lang)) for s in SIDE_COLOURS if s in set(shown["side"])],
        lang,
    )
    set_title(
        ax,
        title or findings.claim_ranges(claims),
        lang,
        findings.subtitle("claim_ranges", "percent" if unit == "percent" else ""),
    )
    mirror_for_arabic(ax, lang)
    plain = [
        f"{_claimant_words(c, lang)} — {SUBJECTS[c['subject']][lang]} {_scope_words(c)[lang]}".strip()
        for _, c in shown.iterrows()
    ]
    from khabar.views import figure_range

    return describe(
        fig,
        [
            f"{name}: {figure_words(c, lang)} ({figure_range(c['value_low'], c['value_high'], c['unit'])})"
            for name, (_, c) in zip(plain, shown.iterrows())
        ],
        lang,
    )


def materiel_losses(claims: pd.DataFrame, lang: str = "ar", *, title: dict | None = None) -> Figure:
    """The materiel losses a claimant attributes to the other side, one bar
    per item; items with no number («أسلحة وذخائر») are left out.

    >>> from khabar import load_article, claims
    >>> fig = materiel_losses(claims(load_article()).query("topic == 'materiel'"), lang="en")
    >>> [round(p.get_width()) for p in fig.axes[0].patches]
    [5, 1, 1, 2]
    """
    shown = claims.dropna(subset=["value"]).reset_index(drop=True)
    fig, ax = new_axes(lang, size=(8, 1.4 + 0.5 * len(shown)))
    colours = [SIDE_COLOURS[side] for side in shown["side"]]
    ax.barh(range(len(shown)), shown["value"], color=colours, height=0.6)
    for row, claim in shown.iterrows():
        ax.annotate(
            label({lang: figure_words(claim, lang)}, lang),
            (claim["value"], row),
            xytext=(6 if lang == "en" else -6, 0),
            textcoords="offset points",
            va="center",
            ha="left" if lang == "en" else "right",
            fontsize=9,
        )
    ax.set_yticks(range(len(shown)))
    ax.set_yticklabels([label(SUBJECTS[s], lang) for s in shown["subject"]])
    ax.invert_yaxis()
    ax.set_xlim(0, shown["value"].max() * 1.4)
    ax.xaxis.get_major_locator().set_params(integer=True)
    claimants = " / ".join(CLAIMANTS[c][lang] for c in shown["claimant"].unique())
    ax.set_xlabel(label({"ar": f"العدد، بحسب {claimants}", "en": f"number, as claimed by {claimants}"}, lang))
    set_title(ax, title or findings.materiel_losses(claims), lang, findings.subtitle("materiel_losses"))
    mirror_for_arabic(ax, lang)
    return describe(
        fig,
        [f"{SUBJECTS[c['subject']][lang]}: {figure_words(c, lang)} ({c['value']:g})" for _, c in shown.iterrows()],
        lang,
    )


CONTROLLER_COLOURS = {
    "isis": "#404040",
    "regime": "#b2182b",
    "opposition": "#1b9e77",
    "contested": "#e08214",
    "unspecified": "#999999",
}
CONTROLLERS = {
    "isis": {"ar": "تنظيم الدولة", "en": "Islamic State group"},
    "regime": {"ar": "النظام", "en": "regime"},
    "opposition": {"ar": "المعارضة", "en": "opposition"},
    "contested": {"ar": "متنازع عليه (جبهة أو معارك دائرة)", "en": "contested (front or fighting)"},
    "unspecified": {"ar": "غير محدد", "en": "unspecified"},
}
CLAIMANT_COLOURS = lexicon.Colours("claimant")
SHARE_QUALIFIERS = {
    "exact": {"ar": "", "en": ""},
    "about": {"ar": "حوالي", "en": "about"},
    "nearly": {"ar": "قرابة", "en": "nearly"},
    "more_than": {"ar": "أكثر من", "en": "more than"},
}
MONTH_NAMES = {
    "ar": LEVANTINE_MONTHS,
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}


def _share_words(row, lang: str = "en", comma: bool = False) -> dict:
    """ "about 90% by its own claim" / "nearly 70% per Enab Baladi", from one
    control row; with ``comma``, "about 90%, by its own claim"."""
    number = f"{row['share']:g}%"
    qualifier = SHARE_QUALIFIERS[row["qualifier"]]
    if row["claimant"] == row["controller"]:
        whose = {"ar": "بإعلانه هو", "en": "by its own claim"}
    else:
        whose = {"ar": f"بحسب {CLAIMANTS[row['claimant']]['ar']}", "en": f"per {CLAIMANTS[row['claimant']]['en']}"}
    ar_sep, en_sep = ("، ", ", ") if comma else (" ", " ")
    return {
        "ar": f"{qualifier['ar']} {number}".strip() + ar_sep + whose["ar"],
        "en": f"{qualifier['en']} {number}".strip() + en_sep + whose["en"],
    }


def control_shares(rows: pd.DataFrame, lang: str = "ar", *, title: dict | None = None) -> Figure:
    """The share of each place its holder is said to control, as the range the
    words allow (bar), the figure as written (dot) and who says so (words and
    colour): "about 90% by its own claim" is visibly a claim.  Rows with no
    share are left out.

    ``rows`` is :func:`khabar.control`.

    >>> from khabar import load_article, control
    >>> fig = control_shares(control(load_article()), lang="en")
    >>> [t.get_text() for t in fig.axes[0].texts][:2]  # then the subtitle
    ['about 90% by its own claim', 'nearly 70% per Enab Baladi']
    """
    shown = rows.dropna(subset=["share"]).reset_index(drop=True)
    fig, ax = new_axes(lang, size=(8, 1.8 + 0.7 * len(shown)))
    for row, place in shown.iterrows():
        colour = CLAIMANT_COLOURS[place["claimant"]]
        ax.barh(row, 100, color="#eeeeee", height=0.5)
        ax.barh(
            row, place["share_high"] - place["share_low"], left=place["share_low"], color=colour, alpha=0.45, height=0.5
        )
        ax.plot([place["share"]], [row], "o", color=colour, ms=9)
        ax.annotate(
            label(_share_words(place, lang), lang),
            (place["share_low"], row),
            xytext=(-4 if lang == "en" else 4, 0),
            textcoords="offset points",
            va="center",
            ha="right" if lang == "en" else "left",
            fontsize=10,
            color=colour,
        )
    ax.set_yticks(range(len(shown)))
    ax.set_yticklabels([label({"ar": p, "en": e}, lang) for p, e in zip(shown["place"], shown["place_en"])])
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xlabel(
        label(
            {
                "ar": "النسبة من مساحة المكان التي تسمح بها العبارة (%)",
                "en": "share of the place's area the words allow (%)",
            },
            lang,
        )
    )
    legend_below(
        fig,
        [Patch(color=CLAIMANT_COLOURS[c], label=label(CLAIMANTS[c], lang)) for c in dict.fromkeys(shown["claimant"])],
        lang,
    )
    set_title(ax, title or findings.control_shares(rows), lang, findings.subtitle("control_shares"))
    mirror_for_arabic(ax, lang)
    return describe(
        fig,
        [
            f"{p if lang == 'ar' else e}: {_share_words(row, lang)[lang]} "
            f"({int(row['share_low'])}–{int(row['share_high'])}%)"
            for (_, row), p, e in zip(shown.iterrows(), shown["place"], shown["place_en"])
        ],
        lang,
    )


def _names_apart(fig: Figure, names, markers) -> None:
    """Move a place name below its marker when, above it, it would overlap a
    name already placed or another place's marker (neighbouring places are
    close on the map)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)
    fig.draw_without_rendering()  # the layout, so the names sit where they will be drawn
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    dots = []
    for collection in markers:
        for offset, size in zip(
            collection.get_offsets(), np.resize(collection.get_sizes(), len(collection.get_offsets()))
        ):
            x, y = ax.transData.transform(offset)
            half = np.sqrt(size) / 2 * fig.dpi / 72
            dots.append(Bbox([[x - half, y - half], [x + half, y + half]]))
    frame = ax.get_window_extent(renderer)
    placed = []
    for text, clear in names:
        # above, below, right, left of the marker: the first that is free and inside the map
        for position, ha, va in (
            ((0, clear), "center", "bottom"),
            ((0, -clear), "center", "top"),
            ((clear, 0), "left", "center"),
            ((-clear, 0), "right", "center"),
        ):
            text.set_position(position)
            text.set_ha(ha)
            text.set_va(va)
            box = text.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in placed + dots):
                break
        else:  # nowhere free: back above, where a reader looks first
            text.set_position((0, clear))
            text.set_ha("center")
            text.set_va("bottom")
            box = text.get_window_extent(renderer)
        placed.append(box)
    # The names stand inside the map, so the layout just computed holds: keep
    # it, and drawing the figure does not lay it out a second time.
    fig.set_layout_engine(None)


def control_map(rows: pd.DataFrame, places: pd.DataFrame, lang: str = "ar", *, title: dict | None = None) -> Figure:
    """A schematic map of southern Damascus: each place the article says is
    held at its approximate coordinates, coloured by its holder in the
    latest statement about it.  A share says whose claim it is ("about 90%,
    by its own claim"); a place only partly held ("قسم من", "أجزاء من") is
    hatched, a stronghold ringed.  Markers with a dashed edge were placed by
    hand, the others use Wikipedia's coordinates (see
    :data:`khabar.names.PLACE_COORDINATES`).
    North is up and east is right in both languages: a map is not mirrored.

    ``rows`` is :func:`khabar.control`, ``places`` :func:`khabar.names.place_table`.

    >>> from khabar import load_article, control
    >>> from khabar.names import place_table
    >>> fig = control_map(control(load_article()), place_table(), lang="en")
    >>> len(fig.axes[0].collections)  # one marker per place, and the stronghold's ring
    9
    >>> [t.get_text() for t in fig.axes[0].texts if "%" in t.get_text()]
    ['al-Qadam (about 90%, by its own claim; fought over, per pro-regime pages)', 'Yarmouk camp (nearly 70%, per Enab Baladi)']
    """
    import math

    from matplotlib.lines import Line2D

    latest = rows.sort_values(["as_of", "start"]).drop_duplicates("place_en", keep="last")
    shared = rows.dropna(subset=["share"]).drop_duplicates("place_en", keep="last").set_index("place_en")
    extents = rows.groupby("place_en")["extent"].agg(
        lambda e: "stronghold" if "stronghold" in set(e) else "part" if "part" in set(e) else ""
    )
    shown = places.rename(columns={"name": "place", "name_en": "place_en"}).merge(
        latest[["place_en", "controller", "claimant"]], on="place_en"
    )
    fig, ax = new_axes(lang, size=(8, 6.2))
    ax.spines[:].set_visible(True)
    ax.spines[:].set_color("#cccccc")
    names, described = [], []
    for place in shown.itertuples():
        colour = CONTROLLER_COLOURS[place.controller]
        by_hand = place.coordinates != "wikipedia"
        extent = extents.get(place.place_en, "")
        marker = "s" if place.kind in ("roundabout", "front_axis") else "o"
        size = 260 if place.kind in ("neighbourhood", "camp") else 120
        if extent == "stronghold":  # a ring around the marker: the group's main base
            ax.scatter(
                [place.lon],
                [place.lat],
                s=size * 2.6,
                marker=marker,
                facecolor="none",
                edgecolor=colour,
                linewidth=1.5,
                zorder=2,
            )
        # hatched: only part of the place is held ("قسم من", "أجزاء من")
        ax.scatter(
            [place.lon],
            [place.lat],
            s=size,
            marker=marker,
            facecolor="white" if extent == "part" else colour,
            edgecolor=colour,
            linewidth=2.5,
            hatch="////" if extent == "part" else None,
            linestyle="--" if by_hand else "-",
            zorder=3,
        )
        words = {"ar": place.place, "en": place.place_en}
        held = CONTROLLERS[place.controller][lang]
        if place.place_en in shared.index:
            share = _share_words(shared.loc[place.place_en], comma=True)
            if place.controller == "contested" and place.claimant != shared.loc[place.place_en, "claimant"]:
                # the latest word is a counter-claim: say both
                share = {
                    "ar": f"{share['ar']}؛ متنازع عليه بحسب {CLAIMANTS[place.claimant]['ar']}",
                    "en": f"{share['en']}; fought over, per {CLAIMANTS[place.claimant]['en']}",
                }
            words = {"ar": f"{place.place} ({share['ar']})", "en": f"{place.place_en} ({share['en']})"}
        described.append(f"{words[lang]}: {held}")
        # Clear of the marker (and the stronghold's ring): half its width in points, and a gap.
        clear = math.sqrt(size * (2.6 if extent == "stronghold" else 1)) / 2 + 3
        names.append(
            (
                ax.annotate(
                    label(words, lang),
                    (place.lon, place.lat),
                    xytext=(0, clear),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=9,
                ),
                clear,
            )
        )
    pad = 0.006
    ax.set_xlim(shown["lon"].min() - 2 * pad, shown["lon"].max() + 2 * pad)
    ax.set_ylim(shown["lat"].min() - pad, shown["lat"].max() + 1.5 * pad)
    # A degree of longitude is shorter than a degree of latitude by cos(latitude).
    ax.set_aspect(1 / math.cos(math.radians(shown["lat"].mean())))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.annotate(
        label({"ar": "↑ شمال: وسط دمشق", "en": "↑ north: central Damascus"}, lang),
        (0.5, 0.98),
        xycoords="axes fraction",
        ha="center",
        va="top",
        fontsize=9,
        color="#666666",
    )
    handles = [
        Patch(color=CONTROLLER_COLOURS[c], label=label(CONTROLLERS[c], lang))
        for c in dict.fromkeys(shown["controller"])
    ]
    handles += [
        Patch(
            facecolor="white",
            edgecolor="#666666",
            hatch="////",
            label=label({"ar": "جزء من المكان", "en": "part of the place"}, lang),
        ),
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            mfc="none",
            mec="#666666",
            mew=1.5,
            ms=16,
            label=label({"ar": "معقل", "en": "stronghold"}, lang),
        ),
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            mfc="#dddddd",
            mec="#666666",
            mew=2,
            label=label({"ar": "موضع تقريبي باليد (إطار متقطع)", "en": "placed by hand (dashed edge)"}, lang),
        ),
    ]
    legend_below(fig, handles, lang, max_columns=4)
    set_title(ax, title or findings.control_map(rows, places), lang, findings.subtitle("control_map"))
    _names_apart(fig, names, ax.collections)
    return describe(fig, described, lang)


def _day_words(day, lang: str) -> str:
    return label(
        {"ar": f"{day.day} {MONTH_NAMES['ar'][day.month - 1]}", "en": f"{day.day} {MONTH_NAMES['en'][day.month - 1]}"},
        lang,
    )


def _timeline_windows(shown, one_day):
    """(early window or None, first day of the main window): rows that end
    more than two weeks before the median first day (the February photo
    against late March) get a narrow panel of their own, so the days that
    matter are not squeezed into a corner."""
    firsts = shown["date"].fillna(shown["date_end"])
    lasts = shown["date_end"].fillna(shown["date"])
    cut = firsts.median() - 14 * one_day
    early = lasts < cut
    if early.any() and not early.all():
        return (firsts[early].min() - 2 * one_day, lasts[early].max() + 2 * one_day), firsts[~early].min()
    return None, firsts.min()


TIMELINE_KEYS = {
    "by": {"ar": "بحلول", "en": "by"},
    "since": {"ar": "مستمر منذ", "en": "ongoing since"},
    "direction": {"ar": "الزمن يجري من اليمين إلى اليسار ←", "en": "time runs left to right →"},
}


def _event_words(event, lang: str) -> str:
    """One happening of the timeline in words, for its description: what,
    when (a day, a span, by or since a day, after a day) and who says so."""
    first, last = event["date"], event["date_end"]

    def day(value) -> str:
        return pd.Timestamp(value).date().isoformat() if pd.notna(value) else ""

    relation = event.get("relation", "at")
    if event["date_precision"] == "after" or relation == "after":
        when = f"{'بعد' if lang == 'ar' else 'after'} {day(first)}"
    elif relation in ("by", "since"):
        when = f"{TIMELINE_KEYS[relation][lang]} {day(last if relation == 'by' else first)}"
    elif pd.notna(last) and pd.notna(first) and last != first:
        when = f"{day(first)}–{day(last)}"
    else:
        when = day(first) or day(last)
    what = event["label_ar"] if lang == "ar" else event["label_en"]
    amount = event.get("amount_ar" if lang == "ar" else "amount_en", "")
    who = CLAIMANTS[event["claimant"]][lang]
    amount = f" ({amount})" if isinstance(amount, str) and amount else ""
    return f"{what}{amount}: {when}{'، ' if lang == 'ar' else ', '}{who}"


def timeline(events: pd.DataFrame, lang: str = "ar", published=None, *, title: dict | None = None) -> Figure:
    """One row per happening (:func:`khabar.events`: mentions of one deal
    are one row), in date order: a dot for a day, a bar for a span, an arrow
    for what is still to come; a dotted line ending in a bar for what is only
    known to be on or before a day (a running total "حتى اليوم", a happening
    told of "أمس"); a bar then a dashed arrow for what began in a span and
    is still going on.  Coloured by who says it (the most precise mention),
    with the amount the words give.  A date far before the rest (the
    caption's February photo) gets a narrow panel of its own, with a break.
    Arabic runs right to left, and says so under the axis.

    >>> from khabar import load_article, events
    >>> fig = timeline(events(load_article()), lang="en")
    >>> fig.axes[0].get_yticklabels()[0].get_text(), len(fig.axes)
    ('photo from the front', 2)
    """
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    key = events["date"].fillna(events["date_end"])
    shown = events.assign(_key=key).sort_values(["_key", "start"], kind="stable").reset_index(drop=True)
    one_day = pd.Timedelta(days=1)
    early, main_first = _timeline_windows(shown, one_day)
    last = pd.concat([shown["date"], shown["date_end"]]).max()
    # The axis is scaled to the days shown: a margin of a tenth of their
    # span (a day at least) each side, and room for the labels after the last.
    span = max(last - main_first, one_day)
    margin = max(one_day, span / 10)
    right_end = last + margin
    left_end = main_first - margin
    label_room = min(12 * one_day, max(3 * one_day, (right_end - left_end) * 0.6))
    use_arabic_style()
    fig = Figure(figsize=(10, 1.6 + 0.42 * len(shown)), layout="constrained")
    if early is None:
        axes = [fig.add_subplot()]
    else:
        ratios = [1, 6] if lang == "en" else [6, 1]
        pair = fig.subplots(1, 2, sharey=True, width_ratios=ratios)
        axes = list(pair) if lang == "en" else [pair[1], pair[0]]  # [early, main]
    main = axes[-1]
    for row, event in shown.iterrows():
        colour = CLAIMANT_COLOURS[event["claimant"]]
        ax = axes[0] if early is not None and event["date_end"] < early[1] else main
        start, relation = event["date"], event.get("relation", "at")
        if event["date_precision"] == "after" or relation == "after":
            ax.annotate(
                "",
                xy=(right_end, row),
                xytext=(start + one_day, row),
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2.5, "ls": "--"},
            )
            end = right_end
        elif relation == "by":
            end = event["date_end"] + one_day
            ax.plot([left_end, end], [row, row], color=colour, lw=2, ls=":")
            ax.plot([end], [row], "|", color=colour, ms=14, mew=3)
        elif relation == "since":
            end = event["date_end"] + one_day
            ax.barh(row, end - start, left=start, height=0.5, color=colour, alpha=0.45)
            ax.annotate(
                "",
                xy=(right_end, row),
                xytext=(end, row),
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2, "ls": "--"},
            )
        elif event["date_precision"] == "day":
            ax.plot([start + one_day / 2], [row], "o", color=colour, ms=8)
            end = start + one_day
        else:
            end = event["date_end"] + one_day
            ax.barh(row, end - start, left=start, height=0.5, color=colour, alpha=0.45)
        words = {"ar": event["amount_ar"], "en": event["amount_en"]}
        if relation in ("by", "since"):
            day = event["date_end"] if relation == "by" else event["date"]
            when = {
                lang_: f"{TIMELINE_KEYS[relation][lang_]} {_day_words(day, 'en') if lang_ == 'en' else ''}"
                for lang_ in ("ar", "en")
            }
            when["ar"] = f"{TIMELINE_KEYS[relation]['ar']} {day.day} {MONTH_NAMES['ar'][day.month - 1]}"
            words = {k: f"{words[k]} ({when[k].strip()})" if words[k] else when[k].strip() for k in words}
        if words[lang]:
            at = end if relation != "since" else right_end
            ax.annotate(
                label(words, lang),
                (min(at, right_end), row),
                xytext=(6 if lang == "en" else -6, 0),
                textcoords="offset points",
                va="center",
                fontsize=8.5,
                color=colour,
                ha="left" if lang == "en" else "right",
            )
    if published is not None:
        main.axvline(pd.Timestamp(published) + one_day / 2, color="#999999", lw=1, ls=":")
    axes[0].set_yticks(range(len(shown)))
    axes[0].set_yticklabels(
        [label({"ar": a, "en": e}, lang) for a, e in zip(shown["label_ar"], shown["label_en"])], fontsize=9
    )
    axes[0].set_ylim(len(shown) - 0.5, -0.7)
    main.set_xlim(left_end, right_end + label_room)
    days_shown = (right_end + label_room - left_end) / one_day
    main.xaxis.set_major_locator(
        mdates.DayLocator(bymonthday=[1, 8, 15, 22]) if days_shown > 14 else mdates.DayLocator(interval=2)
    )
    if early is not None:
        axes[0].set_xlim(*early)
        axes[0].xaxis.set_major_locator(mdates.MonthLocator(bymonthday=1))
        axes[0].xaxis.set_major_formatter(
            FuncFormatter(
                lambda x, _: label(
                    {
                        "ar": MONTH_NAMES["ar"][mdates.num2date(x).month - 1],
                        "en": MONTH_NAMES["en"][mdates.num2date(x).month - 1],
                    },
                    lang,
                )
            )
        )
        _break_marks(axes, lang)
    main.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _day_words(mdates.num2date(x), lang)))
    for ax in axes:
        ax.grid(axis="x", color="#eeeeee")
    main.set_xlabel(label(TIMELINE_KEYS["direction"], lang), fontsize=9, color="#666666")
    # Up to four keys a row: seven claimants do not fit on one line.
    legend_below(
        fig,
        [Patch(color=CLAIMANT_COLOURS[c], label=label(CLAIMANTS[c], lang)) for c in dict.fromkeys(shown["claimant"])],
        lang,
        max_columns=4,
    )
    set_title(axes[0], title or findings.timeline(events), lang, findings.subtitle("timeline"))
    describe(fig, [_event_words(event, lang) for _, event in shown.iterrows()], lang)
    if lang == "ar":
        for ax in axes:
            ax.invert_xaxis()
        # the row labels stand on the right, on the first panel of the reading order
        axes[0].yaxis.tick_right()
        axes[0].tick_params(axis="y", labelright=True, labelleft=False)
        if early is not None:
            main.tick_params(axis="y", left=False, right=False, labelleft=False, labelright=False)
    return fig


def _break_marks(axes, lang):
    """Diagonal marks where the time axis is broken, and no spine between the panels."""
    early, main = axes
    inner_early, inner_main = ("right", "left") if lang == "en" else ("left", "right")
    early.spines[inner_early].set_visible(False)
    main.spines[inner_main].set_visible(False)
    main.spines[["top", "right" if lang == "en" else "left"]].set_visible(False)
    main.tick_params(axis="y", which="both", length=0)
    kwargs = {
        "marker": [(-1, -1), (1, 1)],
        "markersize": 10,
        "linestyle": "none",
        "color": "#666666",
        "mec": "#666666",
        "mew": 1,
        "clip_on": False,
    }
    early.plot([1 if lang == "en" else 0], [0], transform=early.transAxes, **kwargs)
    main.plot([0 if lang == "en" else 1], [0], transform=main.transAxes, **kwargs)
