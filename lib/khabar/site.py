"""The publication layer every page shares: one stylesheet, one header (the
index, the other edition, this page's data, the original article when its
address is known), the page's kind for the index, and the two index pages.

The header's words are in ``ui_terms.csv`` (kind ``nav``).

>>> 'href="en/01-article.html"' in header("ar", index="index.html", other="en/01-article.html")
True
"""

from __future__ import annotations

import functools
import re
from html import escape
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parent / "templates" / "offline" / "site.css"
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
KINDS = ("notebook", "report", "comparison", "index")


@functools.cache
def stylesheet() -> str:
    """The one stylesheet of every page (``templates/offline/site.css``).

    >>> "khabar-nav" in stylesheet()
    True
    """
    return STYLESHEET.read_text(encoding="utf-8")


def word(key: str, lang: str) -> str:
    """A word of the pages' frame (header, index) in ``lang``.

    >>> word("index", "en"), word("other_edition", "ar")
    ('Index', 'English')
    """
    from khabar.labels import ui_terms

    return ui_terms()[("nav", key)][lang]


def other_lang(lang: str) -> str:
    """The other edition's language.

    >>> other_lang("ar")
    'en'
    """
    return "en" if lang == "ar" else "ar"


def header(lang: str, *, index: str = "", other: str = "", data: str = "", original: str = "") -> str:
    """The header of a page in ``lang``: links (URLs relative to the page)
    to the index, the other edition, this page's data and the original
    article; a link with no URL is left out.

    >>> print(header("en", other="../a.html", original="https://example.org/a"))
    <header class="khabar-nav" lang="en" dir="ltr"><nav class="khabar-nav-inner"><ul><li><a href="../a.html" hreflang="ar" lang="ar" dir="rtl" rel="alternate">العربية</a></li><li><a href="https://example.org/a" rel="external">Original article</a></li></ul></nav></header>
    """
    direction = "rtl" if lang == "ar" else "ltr"
    other_language = other_lang(lang)
    other_direction = "rtl" if other_language == "ar" else "ltr"
    items = []
    if index:
        items.append(f'<a class="khabar-site" href="{escape(index)}">{escape(word("index", lang))}</a>')
    if other:
        items.append(
            f'<a href="{escape(other)}" hreflang="{other_language}" lang="{other_language}" '
            f'dir="{other_direction}" rel="alternate">{escape(word("other_edition", lang))}</a>'
        )
    if data:
        items.append(f'<a href="{escape(data)}">{escape(word("data", lang))}</a>')
    if original:
        items.append(f'<a href="{escape(original)}" rel="external">{escape(word("original", lang))}</a>')
    entries = "".join(f"<li>{item}</li>" for item in items)
    return (
        f'<header class="khabar-nav" lang="{lang}" dir="{direction}">'
        f'<nav class="khabar-nav-inner"><ul>{entries}</ul></nav></header>'
    )


def kind_meta(kind: str) -> str:
    """The tag naming a page's kind, which the index reads to list it.

    >>> kind_meta("report")
    '<meta name="khabar-kind" content="report">'
    """
    if kind not in KINDS:
        raise ValueError(f"page kind must be one of {KINDS}, not {kind!r}")
    return f'<meta name="khabar-kind" content="{kind}">'


def page(lang: str, title: str, body: str, *, header_html: str = "", kind: str = "index", css_class: str = "") -> str:
    """A whole page outside the notebooks (the index, a comparison) with
    the shared stylesheet, the viewport tag and the header.

    >>> html = page("en", "T", "<p>x</p>")
    >>> VIEWPORT in html and 'class="khabar-page' in html
    True
    """
    direction = "rtl" if lang == "ar" else "ltr"
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="{direction}">
<head><meta charset="utf-8">
{VIEWPORT}
{kind_meta(kind)}
<title>{escape(title)}</title>
<style>
{stylesheet()}
</style></head>
<body class="khabar-page {css_class}" dir="{direction}">
{header_html}
<main>
{body}
</main>
</body>
</html>
"""


# nbconvert writes the tag back with its attributes in another order.
_META = re.compile(r'<meta (?:name="khabar-kind" content="([a-z]+)"|content="([a-z]+)" name="khabar-kind")\s*/?>')
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def page_entry(path: Path) -> tuple[str, str] | None:
    """(kind, title) of a page written by the project, read from its head;
    ``None`` for a page without a kind.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.html"
    >>> _ = path.write_text(page("ar", "عنوان", "", kind="report"), encoding="utf-8")
    >>> page_entry(path)
    ('report', 'عنوان')
    >>> _ = path.write_text('<head><meta content="notebook" name="khabar-kind"/><title>t</title></head>', encoding="utf-8")
    >>> page_entry(path)
    ('notebook', 't')
    """
    from html import unescape

    head = path.read_text(encoding="utf-8", errors="replace")[:400_000].split("</head>", 1)[0]
    kind, title = _META.search(head), _TITLE.search(head)
    if not kind:
        return None
    return kind[1] or kind[2], unescape(title[1].strip()) if title else path.stem


def _bidi(text: str, lang: str) -> str:
    """Text isolated in its own direction (a title may be Arabic on an English page)."""
    direction = "rtl" if re.search("[\u0600-\u06ff]", text) else "ltr"
    return f'<bdi dir="{direction}">{escape(text)}</bdi>'


def index_page(lang: str, notebooks: list[tuple], reports: list[tuple], data_folder: str, *, other: str) -> str:
    """The index of one edition: the notebooks (file name, title, Arabic and
    English description), the report cards and the comparisons (kind, URL,
    title), and the data of the article (``data_folder``: URL of
    ``build/data/`` relative to the index).

    >>> html = index_page("en", [("01-a.html", "01 · أ — A", "و", "d")], [("report", "reports/en/r.html", "R")],
    ...                   "../../data", other="../index.html")
    >>> 'href="01-a.html"' in html and 'href="reports/en/r.html"' in html and "../../data/claims.csv" in html
    True
    """
    from khabar.export import edition_title
    from khabar.schema import TABLES

    direction = "rtl" if lang == "ar" else "ltr"
    items = []
    for name, title, description_ar, description_en in notebooks:
        description = description_ar if lang == "ar" else description_en
        items.append(
            f'<li><h3><a href="{escape(name)}">{escape(edition_title(title, "en") if lang == "en" else title.rpartition(" — ")[0] or title)}</a></h3>'
            f"<p>{escape(description)}</p></li>"
        )
    parts = [
        f"<h1>{escape(word('site', lang))}</h1>",
        f"<p>{escape(word('intro', lang))}</p>",
        f"<h2>{escape(word('notebooks', lang))}</h2>",
        f"<ol>{''.join(items)}</ol>",
    ]
    for kind, key in (("report", "reports"), ("comparison", "comparisons")):
        found = [(url, title) for k, url, title in reports if k == kind]
        parts.append(f"<h2>{escape(word(key, lang))}</h2>")
        if found:
            links = "".join(f'<li><a href="{escape(url)}">{_bidi(title, lang)}</a></li>' for url, title in found)
            parts.append(f'<ul class="khabar-list">{links}</ul>')
        else:
            parts.append(f'<p class="nothing-found">{escape(word("no_reports", lang))}</p>')
    separator = "، " if lang == "ar" else ", "
    links = separator.join(f'<a href="{data_folder}/{name}.csv">{name}.csv</a>' for name in TABLES)
    codebook = f'<a href="{data_folder}/datapackage.json">datapackage.json</a>'
    workbook = f'<a href="{data_folder}/tables.xlsx">tables.xlsx</a>'
    parts.append(f'<h2 id="data">{escape(word("data_heading", lang))}</h2>')
    parts.append(f"<p>{escape(word('data_note', lang)).format(links=links, codebook=codebook, workbook=workbook)}</p>")
    return page(
        lang,
        word("site", lang),
        "\n".join(parts),
        header_html=header(lang, other=other, data="#data"),
        kind="index",
        css_class=f"khabar-index {direction}",
    )


def source_line(lang: str, *, outlet: str = "", published=None, url: str = "", reports: bool = False) -> str:
    """The line under every chart: the outlet, the date, a link to the
    article when its address is known, and the reading convention of the
    ranges; without an address the line says it is not given.  ``reports``:
    the chart draws several reports (a comparison).

    >>> print(source_line("en", outlet="Enab Baladi", published="2018-03-26", url="https://example.org/a"))
    <p class="khabar-source" dir="ltr" lang="en">Source: <bdi dir="ltr">Enab Baladi</bdi>, <bdi dir="ltr">2018-03-26</bdi>, <a href="https://example.org/a" rel="external">the article</a>. A range is what the words allow, by the Arabic-news convention: &quot;about 85&quot; is 76 to 94, and &quot;more than 100&quot; is open.</p>
    >>> "address is not given" in source_line("en", outlet="Enab Baladi", published="2018-03-26")
    True
    """
    direction = "rtl" if lang == "ar" else "ltr"
    if reports:
        first = escape(word("source_reports", lang))
    else:
        date = f'<bdi dir="ltr">{escape(str(published))}</bdi>' if published else escape(word("not_read", lang))
        separator = "، " if lang == "ar" else ", "
        link = (
            f'{separator}<a href="{escape(url)}" rel="external">{escape(word("source_link", lang))}</a>'
            if url
            else f"{separator}{escape(word('source_no_link', lang))}"
        )
        who = _bidi(outlet, lang) if outlet else escape(word("not_read", lang))
        first = escape(word("source", lang)).format(outlet=who, date=date, link=link)
    return f'<p class="khabar-source" dir="{direction}" lang="{lang}">{first} {escape(word("convention", lang))}</p>'


def article_source_line(article, lang: str) -> str:
    """:func:`source_line` for one article, from its metadata (the Arabic
    name of the outlet on the Arabic page when it is known).

    >>> from khabar.article import load_article
    >>> "عنب بلدي" in article_source_line(load_article(), "ar")
    True
    """
    metadata = article.metadata
    outlet = (metadata.get("outlet_ar") if lang == "ar" else "") or metadata.get("outlet", "")
    published = article.published.isoformat() if article.published else None
    return source_line(lang, outlet=outlet, published=published, url=metadata.get("url", "") or "")
