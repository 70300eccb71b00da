"""The comparison page for many reports: which reports were read (and which
files failed, and why), per subject each outlet's and each claimant's range
side by side, a chart of the outlets' ranges, and the contested pairs.

One self-contained offline page per language; the chart is an embedded SVG
with its Arabic drawn as paths, so the HTML keeps logical-order text only.

>>> from khabar.article import SEED_PATH
>>> from khabar.reports import load_articles, claims_of
>>> articles, failures = load_articles([SEED_PATH, "no/such.txt"])
>>> page = comparison_page(articles, failures, claims_of(articles), lang="en")
>>> 'failures"' in page and ">file not found</td>" in page and "no/such.txt: file" not in page
True
"""

from __future__ import annotations

import base64
import io
import re
from html import escape

import pandas as pd

from khabar.reports import contested_pairs, side_by_side

WORDS = {
    "title": {"ar": "مقارنة التقارير", "en": "Comparing reports"},
    "intro": {
        "ar": "الأرقام التي تذكرها هذه التقارير، جنبًا إلى جنب: لكل موضوع مدى كل وسيلة وكل قائل، "
        "والأزواج التي لا يمكن أن تصح معًا. المدى هو ما تسمح به العبارة («حوالي 85» من 76 إلى 94).",
        "en": "The figures these reports give, side by side: per subject each outlet's and each "
        "claimant's range, and the pairs that cannot both be true. A range is what the words "
        'allow ("about 85" is 76 to 94).',
    },
    "reports": {"ar": "التقارير المقروءة", "en": "The reports read"},
    "failures": {"ar": "الملفات التي تعذرت قراءتها", "en": "Files that could not be read"},
    "no_failures": {"ar": "قُرئت كل الملفات.", "en": "Every file was read."},
    "no_reports": {"ar": "لم يُقرأ أي تقرير.", "en": "No report could be read."},
    "by_outlet": {"ar": "المدى بحسب الوسيلة", "en": "Ranges by outlet"},
    "by_claimant": {"ar": "المدى بحسب القائل", "en": "Ranges by claimant"},
    "claimant_note": {
        "ar": "المصادر المجهولة وصوت الوسيلة نفسها تُعرف بالوسيلة التي تنقلها، فيحمل اسمها "
        "اسم الوسيلة بين قوسين؛ والمصدر المسمّى (كصحيفة النبأ) قائل واحد أيًّا كان ناقله.",
        "en": "Anonymous sources and an outlet's own voice are known only through the outlet "
        "that quotes them, so their name carries the outlet in brackets; a named source "
        "(such as al-Naba) is one claimant whoever quotes it.",
    },
    "no_ranges": {
        "ar": "لا تذكر التقارير أرقامًا تقرؤها الحزمة.",
        "en": "The reports give no figures this package reads.",
    },
    "chart": {"ar": "كم؟ بحسب كل وسيلة", "en": "How many, according to each outlet?"},
    "no_chart": {"ar": "لا أعداد أشخاص أو جثث لرسمها.", "en": "No counts of people or bodies to chart."},
    "contested": {"ar": "أرقام لا يمكن أن تصح معًا", "en": "Figures that cannot both be true"},
    "no_contested": {"ar": "لا تناقض بين الأرقام.", "en": "No two figures contradict each other."},
    "claims": {"ar": "كل الأرقام", "en": "Every figure"},
    "missing": {"ar": "ينقصه", "en": "missing"},
    "data": {"ar": "البيانات", "en": "Data"},
    "data_note": {
        "ar": "كل الأرقام في جدول واحد بصيغة CSV، وفي أوله ملف التقرير ووسيلته وتاريخه: {csv}؛ "
        "وأحداث التقارير كلها بتنسيق ACLED‏ ({acled}) وبتنسيق UCDP GED‏ ({ged})؛ "
        "ووصف كل عمود في {codebook}.",
        "en": "Every figure as one CSV table (UTF-8), with each report’s file, outlet and date in front: {csv}; "
        "the events of all the reports in ACLED’s layout ({acled}) and UCDP GED’s ({ged}); "
        "every column is described in {codebook} (a Frictionless Data Package).",
    },
}
REPORT_COLUMNS = ["article", "outlet", "published", "title", "claims", "missing"]
CLAIM_COLUMNS = [
    "article",
    "outlet",
    "subject",
    "scope",
    "value_low",
    "value_high",
    "qualifier",
    "claimant_key",
    "corroboration",
    "quote",
]


def _w(key: str, lang: str) -> str:
    return escape(WORDS[key][lang])


# Columns holding codes, and the kind of word each code is (khabar.labels).
CODED = {
    "topic": "topic",
    "subject": "subject",
    "scope": "scope",
    "scope_a": "scope",
    "scope_b": "scope",
    "claimant": "claimant",
    "side": "side",
    "qualifier": "qualifier",
    "corroboration": "grade",
    "corroboration_in_report": "grade",
    "reason": "reason",
}
_CLAIMANT_KEY = re.compile(r"^(?:other: (?P<written>.*)|(?P<key>[a-z0-9_]+)) \((?P<place>.*)\)$")


def claimant_key_words(key: str, lang: str = "ar") -> str:
    """A cross-report claimant key (:func:`khabar.reports.claimant_key`) in
    words: the claimant's label, and the outlet that quotes it.

    >>> claimant_key_words("informed_sources (Madina Post)", "en"), claimant_key_words("al_naba", "ar")
    ('informed sources (Madina Post)', 'صحيفة النبأ (التنظيم)')
    """
    from khabar.labels import label

    match = _CLAIMANT_KEY.match(str(key))
    if not match:
        return label("claimant", key, lang)
    who = match["written"] or label("claimant", match["key"], lang)
    return f"{who} ({match['place']})"


def in_words(frame: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """A table of the page with its codes and headers in the edition's words
    (the same vocabulary as the notebooks' tables); outlets, quotes and
    figures as they are.

    >>> in_words(pd.DataFrame({"subject": ["bodies"], "scope": ["handed_over"]}), "en").to_dict("records")
    [{'counted': 'bodies', 'said of it': 'handed over'}]
    """
    from khabar.labels import label

    out = frame.copy()
    for column, kind in CODED.items():
        if column in out.columns:
            out[column] = [label(kind, value, lang) for value in out[column]]
    if "missing" in out.columns:  # metadata fields, as the report card names them
        separator = "، " if lang == "ar" else ", "
        out["missing"] = [
            separator.join(label("field", f, lang) for f in str(v).split(", ") if f) if isinstance(v, str) else v
            for v in out["missing"]
        ]
    for column in ("claimant_key", "claimant_a", "claimant_b"):
        if column in out.columns:
            out[column] = [claimant_key_words(value, lang) for value in out[column]]
    return out.rename(columns=lambda column: label("column", column, lang))


_OPEN = re.compile(r"^(\d+)\+$")


def _cell(value) -> str:
    """A cell as the other pages write it: whole numbers without ".0", an
    open range as «≥ 101», nothing for a missing value."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _OPEN.sub(lambda m: f"≥ {m[1]}", str(value))


def _table(frame: pd.DataFrame, css_class: str, lang: str = "ar") -> str:
    """A page table in the edition's words (:func:`in_words`), rendered as
    the notebooks' reader tables are (each cell in its own direction, ranges
    and dates left to right), inside a box that scrolls when wide."""
    from khabar.views import html_table

    shown = in_words(frame, lang).map(_cell)
    shown.attrs["lang"] = lang
    table = html_table(shown, lang).replace(
        'class="dataframe khabar-table"', f'class="dataframe khabar-table {css_class}"', 1
    )
    return f'<div class="wide">{table}</div>'


def failures_in_words(failures: pd.DataFrame) -> pd.DataFrame:
    """The files that could not be read, each by its name, with the
    problem alone (the path is not repeated).

    >>> failures_in_words(pd.DataFrame({"file": ["/a/b/c.txt"], "problem": ["/a/b/c.txt: binary data"]})).values.tolist()
    [['c.txt', 'binary data']]
    """
    from pathlib import PurePath

    rows = []
    for file, problem in zip(failures["file"], failures["problem"]):
        problem = str(problem)
        if problem.startswith(f"{file}: "):
            problem = problem[len(str(file)) + 2 :]
        rows.append((PurePath(str(file)).name, problem))
    return pd.DataFrame(rows, columns=["file", "problem"])


def claims_in_words(table: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """The page's table of every figure: each range written as the other
    pages write it («76–94», «≥ 101»), places in the edition's language.

    >>> frame = pd.DataFrame({"article": ["a.txt"], "outlet": ["X"], "subject": ["bodies"], "scope": ["held"],
    ...     "value_low": [101.0], "value_high": [float("nan")], "qualifier": ["more_than"], "unit": ["persons"],
    ...     "claimant_key": ["isis"], "corroboration": ["single_source"], "quote": ["q"]})
    >>> claims_in_words(frame, "en")["how_many"].tolist()
    ['≥ 101']
    """
    from khabar.views import figure_range, place_name

    out = table[[c for c in CLAIM_COLUMNS if c not in ("value_low", "value_high")]].copy()
    units = table["unit"] if "unit" in table.columns else [""] * len(table)
    out.insert(
        CLAIM_COLUMNS.index("value_low"),
        "how_many",
        [figure_range(lo, hi, unit) for lo, hi, unit in zip(table["value_low"], table["value_high"], units)],
    )
    out["scope"] = [
        place_name(s, lang) if subject == "area_share" else s for s, subject in zip(out["scope"], table["subject"])
    ]
    return out


def _places(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    from khabar.views import place_name

    if "scope" in frame.columns and "subject" in frame.columns:
        frame = frame.copy()
        frame["scope"] = [
            place_name(s, lang) if subject == "area_share" else s
            for s, subject in zip(frame["scope"], frame["subject"])
        ]
    return frame


def report_list(articles: list, table: pd.DataFrame) -> pd.DataFrame:
    """One row per report read: file, outlet, date, title, how many claims,
        and which metadata is missing.

        >>> from khabar.article import SEED_PATH
    >>> from khabar.reports import load_articles, claims_of
        >>> articles, _ = load_articles([SEED_PATH])
        >>> report_list(articles, claims_of(articles))[["outlet", "missing"]].values.tolist()
        [['Enab Baladi', '']]
    """
    from khabar.article import metadata_table

    counts = table.groupby("article").size() if len(table) else pd.Series(dtype=int)
    rows = []
    for article in articles:
        about = metadata_table(article)
        rows.append(
            (
                article.source_path.name,
                article.metadata.get("outlet", ""),
                article.published.isoformat() if article.published else "",
                article.title,
                int(counts.get(article.source_path.name, 0)),
                ", ".join(about.loc[about["source"] == "missing", "field"]),
            )
        )
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


def outlet_ranges_chart(table: pd.DataFrame, lang: str = "ar"):
    """Per subject and scope (counts of people and bodies only), one bar per
        outlet: the range its reports give, a dot where it is one figure, an
        arrow where it is open.  ``None`` when there is nothing to draw.

        >>> from khabar.article import SEED_PATH
    >>> from khabar.reports import load_articles, claims_of
        >>> fig = outlet_ranges_chart(claims_of(load_articles([SEED_PATH])[0]), lang="en")
        >>> fig.khabar_title
        '6 counts, each from one outlet only'
    """
    from matplotlib.patches import Patch

    from khabar import charts, findings
    from khabar.arabic import ar
    from khabar.reports import ranges
    from khabar.views import figure_range

    frame = ranges(table[table["unit"] == "persons"], "outlet")
    if frame.empty:
        return None
    outlets = list(dict.fromkeys(sorted(frame["outlet"])))
    colours = {outlet: charts.PALETTE[i % len(charts.PALETTE)] for i, outlet in enumerate(outlets)}
    fig, ax = charts.new_axes(lang, size=(9, 1.8 + 0.38 * len(frame)))
    finite = pd.concat([frame["low"], frame["high"]]).dropna()
    right_end = finite.max() * 1.25
    labels, described = [], []
    for row, item in frame.reset_index(drop=True).iterrows():
        colour = colours[item["outlet"]]
        if pd.isna(item["high"]):  # open: drawn to twice its lower bound at most (khabar.charts.claim_ranges)
            ax.annotate(
                "",
                xy=(min(right_end, 2 * item["low"]) if item["low"] > 0 else right_end, row),
                xytext=(item["low"], row),
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 5, "mutation_scale": 14},
            )
        elif item["high"] > item["low"]:
            ax.plot([item["low"], item["high"]], [row, row], color=colour, lw=7, alpha=0.6, solid_capstyle="butt")
        else:
            ax.plot([item["low"]], [row], "o", color=colour, ms=7)
        subject = charts.SUBJECTS.get(item["subject"], {"ar": item["subject"], "en": item["subject"]})
        scope = (
            charts._scope_words(item)
            if item["scope"] in charts.SCOPES or item["scope"].startswith("branch_")
            else {"ar": item["scope"], "en": item["scope"]}
        )
        labels.append(charts.label({lang: f"{subject[lang]} {scope[lang]}".strip()}, lang))
        described.append(f"{subject[lang]} {scope[lang]} — {item['outlet']}: {figure_range(item['low'], item['high'])}")
    ax.set_yticks(range(len(frame)))
    ax.set_yticklabels(labels, fontsize=9)
    ax.set_ylim(len(frame) - 0.4, -0.8)
    ax.set_xlim(0, right_end * 1.02)
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_xlabel(charts.label({"ar": "العدد الذي تسمح به العبارات", "en": "the count the words allow"}, lang))
    # Outlet names are as the metadata writes them, Arabic or not, in either edition.
    charts.legend_below(fig, [Patch(color=colours[o], label=ar(o)) for o in outlets], lang, max_columns=3)
    charts.set_title(ax, findings.outlet_ranges(frame), lang, findings.subtitle("outlet_ranges"))
    charts.mirror_for_arabic(ax, lang)
    return charts.describe(fig, described, lang)


def _figure_img(fig) -> str:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "khabar"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = escape(getattr(fig, "khabar_alt", ""))
    return f'<img class="chart" alt="{alt}" src="data:image/svg+xml;base64,{data}">'


def data_section(folder: str, lang: str) -> str:
    """The page's last section: links to the combined ``claims.csv``,
    ``acled.csv`` and ``ged.csv`` in ``folder`` (a URL relative to the page)
    and to their codebook.

    >>> print(data_section("data/comparison", "en"))
    <h2 id="data">Data</h2>
    <p>Every figure as one CSV table (UTF-8), with each report’s file, outlet and date in front: <a href="data/comparison/claims.csv">claims.csv</a>; the events of all the reports in ACLED’s layout (<a href="data/comparison/acled.csv">acled.csv</a>) and UCDP GED’s (<a href="data/comparison/ged.csv">ged.csv</a>); every column is described in <a href="data/comparison/datapackage.json">datapackage.json</a> (a Frictionless Data Package).</p>
    """
    folder = escape(folder)
    links = {
        "csv": f'<a href="{folder}/claims.csv">claims.csv</a>',
        "acled": f'<a href="{folder}/acled.csv">acled.csv</a>',
        "ged": f'<a href="{folder}/ged.csv">ged.csv</a>',
        "codebook": f'<a href="{folder}/datapackage.json">datapackage.json</a>',
    }
    return f'<h2 id="data">{_w("data", lang)}</h2>\n<p>{_w("data_note", lang).format(**links)}</p>'


def comparison_page(
    articles: list,
    failures: pd.DataFrame,
    table: pd.DataFrame,
    lang: str = "ar",
    *,
    data_folder: str = "",
    links: dict | None = None,
) -> str:
    """The whole comparison page as HTML (``lang`` "ar": right to left), in
    the pages' one style with their header (``links``:
    :func:`khabar.site.header`); with ``data_folder``, a last section links
    the table as CSV there (:func:`data_section`)."""
    from khabar import site

    parts = [f"<h1>{_w('title', lang)}</h1>", f"<p>{_w('intro', lang)}</p>", f"<h2>{_w('reports', lang)}</h2>"]
    parts.append(
        _table(report_list(articles, table), "reports", lang)
        if articles
        else f'<p class="nothing-found">{_w("no_reports", lang)}</p>'
    )
    parts.append(f"<h2>{_w('failures', lang)}</h2>")
    parts.append(
        _table(failures_in_words(failures), "failures", lang)
        if len(failures)
        else f'<p class="nothing-found">{_w("no_failures", lang)}</p>'
    )
    for key, by in (("by_outlet", "outlet"), ("by_claimant", "claimant_key")):
        parts.append(f"<h2>{_w(key, lang)}</h2>")
        if by == "claimant_key":
            parts.append(f"<p>{_w('claimant_note', lang)}</p>")
        wide = side_by_side(table, by) if len(table) else pd.DataFrame()
        if by == "claimant_key":
            wide = wide.rename(
                columns=lambda c: c if c in ("topic", "subject", "scope") else claimant_key_words(c, lang)
            )
        parts.append(
            _table(_places(wide, lang), f"ranges ranges-{by}", lang)
            if len(wide)
            else f'<p class="nothing-found">{_w("no_ranges", lang)}</p>'
        )
    fig = outlet_ranges_chart(table, lang) if len(table) else None
    if fig is not None:
        parts += [_figure_img(fig), site.source_line(lang, reports=True)]
    else:
        parts.append(f'<p class="nothing-found">{_w("no_chart", lang)}</p>')
    parts.append(f"<h2>{_w('contested', lang)}</h2>")
    pairs = contested_pairs(table) if len(table) else pd.DataFrame()
    parts.append(
        _table(pairs, "contested", lang) if len(pairs) else f'<p class="nothing-found">{_w("no_contested", lang)}</p>'
    )
    if len(table):
        parts += [f"<h2>{_w('claims', lang)}</h2>", _table(claims_in_words(table, lang), "claims", lang)]
    if data_folder:
        parts.append(data_section(data_folder, lang))
    header_links = {**(links or {})}
    if data_folder:
        header_links["data"] = "#data"
    return site.page(
        lang,
        WORDS["title"][lang],
        "\n".join(parts),
        header_html=site.header(lang, **header_links),
        kind="comparison",
        css_class="khabar-comparison",
    )
