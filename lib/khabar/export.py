"""Shareable HTML: execute every notebook afresh and write one offline page per
notebook plus an index to ``build/html/``, and the English edition (the same
notebooks run with ``LANG = "en"``) to ``build/html/en/``.

Run it as ``python -m khabar.export``.  The stored notebooks are not touched:
each is executed in memory (papermill injects the language parameter after
the cell tagged "parameters"), and the pages are written to a temporary folder
that replaces ``build/html/`` only once every page is written.

>>> [path.name for path in notebook_paths()][:1]
['01-article.ipynb']
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
import shutil
import sys
import tempfile
from html import escape
from pathlib import Path

from khabar.article import PROJECT_ROOT
from khabar.datapackage import write_data
from khabar.schema import TABLES

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
HTML_DIR = PROJECT_ROOT / "build" / "html"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks in reading order (their names start with a number).

    >>> notebook_paths()[0].suffix
    '.ipynb'
    """
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


LANGS = ("ar", "en")
REPEAT_TAG = "english-repeat"
"""Tag of the cells that point an Arabic reader to a chart's English version
(``LANG = "en"``, the English edition, the one call): for the notebook only."""
NOTEBOOK_ONLY_TAGS = frozenset({REPEAT_TAG, "notebook-only", "parameters"})
"""Tags of cells meant for the notebook and not for a reader: code pointers,
``LANG`` notes, the parameters cell.  Left out of both editions' pages."""

# The notebooks' markup for two languages: a heading holds an Arabic and an
# English run, each isolated in <bdi>; prose comes as a right-to-left Arabic
# <p> (or <div>) and a left-to-right English <div>.  The Arabic paragraph is
# HTML with its own text-align because JupyterLab aligns every <p> left.
_HEADING = re.compile(r'^(#+ )(<bdi lang="ar"[^>]*>.*?</bdi>)( — )(<bdi lang="en"[^>]*>.*?</bdi>)[ \t]*$', re.M)
_ARABIC_BLOCK = re.compile(
    r'\n*(?:<div dir="rtl" lang="ar">\n\n.*?\n\n</div>|<p dir="rtl" lang="ar"[^>]*>[^\n]*?</p>)\n*', re.S
)


def english_first(markdown: str) -> str:
    r"""A markdown cell as the English edition shows it: the English run of
    each heading first, then the English prose, then the Arabic prose.

    >>> cell = ('## <bdi lang="ar" dir="rtl">لماذا؟</bdi> — <bdi lang="en" dir="ltr">Why?</bdi>\n\n'
    ...         '<p dir="rtl" lang="ar">نص.</p>\n\n<div dir="ltr" lang="en">\n\nText.\n\n</div>')
    >>> print(english_first(cell))
    ## <bdi lang="en" dir="ltr">Why?</bdi> — <bdi lang="ar" dir="rtl">لماذا؟</bdi>
    <BLANKLINE>
    <div dir="ltr" lang="en">
    <BLANKLINE>
    Text.
    <BLANKLINE>
    </div>
    <BLANKLINE>
    <p dir="rtl" lang="ar">نص.</p>
    """
    swapped = _HEADING.sub(lambda m: m[1] + m[4] + m[3] + m[2], markdown)
    arabic = [block.strip("\n") for block in _ARABIC_BLOCK.findall(swapped)]
    rest = _ARABIC_BLOCK.sub("\n\n", swapped).strip("\n")
    return "\n\n".join(part for part in [rest, *arabic] if part)


_ENGLISH_BLOCK = re.compile(r'\n*<div dir="ltr" lang="en">\n\n.*?\n\n</div>\n*', re.S)


def own_language(markdown: str, lang: str) -> str:
    r"""A markdown cell with the prose of the other edition left out (its
    headings keep both languages): each edition reads in its own language.

    >>> cell = '## t\n\n<p dir="rtl" lang="ar">نص.</p>\n\n<div dir="ltr" lang="en">\n\nText.\n\n</div>'
    >>> own_language(cell, "ar")
    '## t\n\n<p dir="rtl" lang="ar">نص.</p>'
    >>> own_language(cell, "en")
    '## t\n\n<div dir="ltr" lang="en">\n\nText.\n\n</div>'
    """
    other = _ENGLISH_BLOCK if lang == "ar" else _ARABIC_BLOCK
    return other.sub("\n\n", markdown).strip("\n")


def edition(notebook, lang: str):
    """The executed notebook as the ``lang`` edition shows it: without the
    cells meant for the notebook only (:data:`NOTEBOOK_ONLY_TAGS`), its
    markdown in its own language (:func:`own_language`; headings in both,
    English first in English: :func:`english_first`).

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1", metadata={"tags": [REPEAT_TAG]}),
    ...                                      nbformat.v4.new_code_cell("2")])
    >>> len(edition(nb, "en").cells), len(edition(nb, "ar").cells)
    (1, 1)
    """
    notebook = copy.deepcopy(notebook)
    cells = []
    for cell in notebook.cells:
        if NOTEBOOK_ONLY_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            continue
        if cell.cell_type == "markdown":
            cell.source = own_language(english_first(cell.source) if lang == "en" else cell.source, lang)
        cells.append(cell)
    notebook.cells = cells
    return notebook


def edition_title(title: str, lang: str) -> str:
    """The page title for ``lang`` from a notebook's two-language title
    ("01 · المقال — The article"): the English part for English.

    >>> edition_title("01 · المقال — The article", "en")
    '01 · The article'
    >>> edition_title("01 · المقال — The article", "ar")
    '01 · المقال — The article'
    """
    if lang != "en" or " — " not in title:
        return title
    number, dot, _ = title.partition(" · ")
    english = title.rpartition(" — ")[2]
    return f"{number} · {english}" if dot else english


def without_iri_grammar() -> None:
    """Let this process skip jsonschema's "iri" format checker.  jsonschema
    (which nbformat and frictionless import) imports ``rfc3987_syntax`` when it
    is installed, and that module builds a Lark grammar at import: 0.65 s of
    every command here (python-jsonschema/jsonschema#1392).  No schema the
    project validates, nor nbformat's or frictionless's own, uses the "iri"
    formats, so the commands mark the module absent before jsonschema loads;
    an import of jsonschema already done is left as it is.

    >>> without_iri_grammar()
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


def quiet_kernel(sockets: str):
    """Kernel settings for executing notebooks quietly: the kernel talks over
    IPC sockets in the folder ``sockets`` (no TCP port, and no "Kernel is
    running over TCP without encryption" warning per page).  Shutting a
    kernel down interrupts it first; when that lands mid-loop the kernel logs
    a harmless KeyboardInterrupt, so its log is kept to critical messages.  A
    failing cell still raises, with its traceback.

    >>> quiet_kernel("/tmp/k").KernelManager.transport
    'ipc'
    """
    from traitlets.config import Config

    return Config(
        {
            "KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "kernel")},
            "NotebookClient": {"extra_arguments": ["--IPKernelApp.log_level=CRITICAL"]},
        }
    )


def notebook_to_html(
    path: Path,
    *,
    lang: str = "ar",
    with_code: bool = False,
    parameters: dict | None = None,
    title: str | None = None,
    executed=None,
    frame: dict | None = None,
    extra_cells=(),
) -> str:
    """Execute one notebook in memory with ``LANG = lang`` (and any other
    ``parameters``) and return its offline HTML page (``<html lang=...
    dir=...>`` set from ``lang``; ``title`` replaces the notebook's title).
    ``executed``: a notebook already run (see :func:`execute_editions`).
    ``frame``: the page's header, kind and chart source line
    (:func:`page_frame`); ``extra_cells``: cells added at the end (the data links).

    >>> page = notebook_to_html(notebook_paths()[0], lang="en")  # doctest: +SKIP
    """
    import papermill
    from nbconvert import HTMLExporter

    notebook = executed
    if notebook is None:
        with tempfile.TemporaryDirectory(prefix="khabar-kernel-") as sockets:
            notebook = papermill.execute_notebook(
                str(path),
                None,
                parameters={**(parameters or {}), "LANG": lang},
                kernel_name="python3",
                cwd=str(path.parent),
                progress_bar=False,
                request_save_on_cell_execute=False,
                config=quiet_kernel(sockets),
            )
    if extra_cells:
        notebook = copy.copy(notebook)
        notebook.cells = [*notebook.cells, *extra_cells]
    notebook = edition(notebook, lang)
    notebook.metadata["language_code"] = lang
    title = title or notebook.metadata.get("khabar", {}).get("title")
    if title:
        notebook.metadata["title"] = edition_title(title, lang)
    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=not with_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    resources = {"metadata": {"name": path.stem}, **(frame or page_frame(lang))}
    page, _ = exporter.from_notebook_node(notebook, resources=resources)
    return page


def page_frame(lang: str, *, kind: str = "notebook", links: dict | None = None, source: str = "") -> dict:
    """What the offline template adds around a notebook page: the tag naming
    its kind (for the index), the header with ``links`` (:func:`khabar.site.header`)
    and the ``source`` line under each chart.

    >>> sorted(page_frame("ar"))
    ['khabar_head', 'khabar_header', 'khabar_source']
    """
    from khabar import site

    return {
        "khabar_head": site.kind_meta(kind),
        "khabar_header": site.header(lang, **(links or {})),
        "khabar_source": source,
    }


def edition_links(name: str, lang: str, *, index: str = "", data: str = "", original: str = "") -> dict:
    """The header's links of page ``name`` whose Arabic edition is beside
    the folder ``en/`` that holds its English one; ``index``: the URL of the
    Arabic index from the Arabic page (the English page links ``en/index.html``).

    >>> edition_links("a.html", "en", index="../index.html")["index"]
    '../../en/index.html'
    >>> edition_links("a.html", "ar", index="index.html")["other"]
    'en/a.html'
    """
    links = {"data": data, "original": original}
    if lang == "ar":
        links.update(other=f"en/{name}", index=index)
    else:
        links.update(other=f"../{name}", index=f"../{index.replace('index.html', 'en/index.html')}" if index else "")
    return links


def isolated_title(title: str) -> str:
    """A two-language title as HTML with each language's part isolated, so
    neither part's punctuation strays into the other.

    >>> isolated_title("01 · المقال — The article")
    '<bdi lang="ar" dir="rtl">01 · المقال</bdi> — <bdi lang="en" dir="ltr">The article</bdi>'
    >>> isolated_title("a < b")
    'a &lt; b'
    """
    if " — " not in title:
        return escape(title)
    arabic, _, english = title.rpartition(" — ")
    return f'<bdi lang="ar" dir="rtl">{escape(arabic)}</bdi> — <bdi lang="en" dir="ltr">{escape(english)}</bdi>'


def _description(path: Path) -> tuple[str, str, str]:
    import nbformat

    metadata = nbformat.read(path, as_version=4).metadata.get("khabar", {})
    return (
        metadata.get("title", path.stem),
        metadata.get("description_ar", ""),
        metadata.get("description_en", ""),
    )


DATA_CELL_ID = "data-links"
DATA_ANCHOR = f"#cell-id={DATA_CELL_ID}"
"""Where the header's data link points on a notebook page: the data cell."""


def data_cell(folder: str, names=TABLES):
    """The last cell of a page: links to its tables as CSV in ``folder``
    (a URL relative to the page), the target of the header's data link.

    >>> data_cell("../data").id
    'data-links'
    """
    import nbformat

    return nbformat.v4.new_markdown_cell(data_links_markdown(folder, names), id=DATA_CELL_ID)


def published_pages(html_dir: Path) -> list[tuple[str, str, str, str]]:
    """The report cards and comparisons under ``html_dir/reports``, as
    (kind, Arabic URL, English URL, title) relative to ``html_dir``.

    >>> published_pages(Path("/no/such/folder"))
    []
    """
    from khabar.site import page_entry

    found = []
    for path in sorted(Path(html_dir, "reports").glob("*.html")):
        entry = page_entry(path)
        if entry is None:
            continue
        english = path.parent / "en" / path.name
        found.append((entry[0], f"reports/{path.name}", f"reports/en/{english.name}", entry[1]))
    return found


def index_page(entries: list[tuple[str, str, str, str]], reports=()) -> str:
    """The Arabic index (:func:`khabar.site.index_page`) of ``build/html/``:
    ``entries`` (file name, title, description in Arabic, in English) of the
    notebooks, ``reports`` (kind, URL, title) of the report cards and comparisons.

    >>> 'href="01-article.html"' in index_page([("01-article.html", "t", "وصف", "d")])
    True
    """
    from khabar import site

    return site.index_page("ar", list(entries), list(reports), "../data", other="en/index.html")


def write_indexes(html_dir: Path) -> list[Path]:
    """Write ``index.html`` and ``en/index.html`` of ``html_dir``: the
    notebooks, the report cards and comparisons found there, and the data.

    >>> write_indexes(HTML_DIR)  # doctest: +SKIP
    """
    from khabar import site

    html_dir = Path(html_dir)
    notebooks = [(f"{path.stem}.html", *_description(path)) for path in notebook_paths()]
    reports = published_pages(html_dir)
    pages = {
        html_dir / "index.html": site.index_page(
            "ar", notebooks, [(k, ar, t) for k, ar, _, t in reports], "../data", other="en/index.html"
        ),
        html_dir / "en" / "index.html": site.index_page(
            "en", notebooks, [(k, f"../{en}", t) for k, _, en, t in reports], "../../data", other="../index.html"
        ),
    }
    for target, html in pages.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return list(pages)


EXAMPLES_DIR = PROJECT_ROOT / "tests" / "fixtures" / "reports"
EXAMPLE_REPORT = EXAMPLES_DIR / "janub-desk-2018-03-27.txt"
"""``make html`` also builds one report card and one comparison from these
invented reports, so the index shows both kinds of page."""


def export_all(out_dir: Path = HTML_DIR, *, with_code: bool = False, examples: bool = True) -> Path:
    """Write every notebook's page, the example report card and comparison
    (``examples``), and the two indexes to ``out_dir``; return it.

    >>> export_all()  # doctest: +SKIP
    PosixPath('.../build/html')
    """
    from khabar.article import load_article
    from khabar.site import article_source_line

    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".html-", dir=out_dir.parent))
    staging.chmod(0o755)
    (staging / "en").mkdir(mode=0o755)
    try:
        seed = load_article()
        url = seed.metadata.get("url", "") or ""
        for path in notebook_paths():
            page_name = f"{path.stem}.html"
            for lang, folder in (("ar", staging), ("en", staging / "en")):
                print(f"executing {path.relative_to(PROJECT_ROOT)} with LANG={lang!r}", flush=True)
                links = edition_links(page_name, lang, index="index.html", data=DATA_ANCHOR, original=url)
                frame = page_frame(lang, links=links, source=article_source_line(seed, lang))
                data = "../data" if lang == "ar" else "../../data"
                page = notebook_to_html(
                    path, lang=lang, with_code=with_code, frame=frame, extra_cells=[data_cell(data)]
                )
                (folder / page_name).write_text(page, encoding="utf-8")
        if (out_dir / "reports").is_dir():  # pages made by make report are kept
            shutil.copytree(out_dir / "reports", staging / "reports")
        write_data(out_dir=out_dir.parent / "data")  # the tables the pages show, linked from the index
        if examples:
            data_dir = out_dir.parent / "data" / "reports"
            for paths in ([EXAMPLE_REPORT], [EXAMPLES_DIR]):
                print(f"writing the example {'comparison' if paths[0].is_dir() else 'report card'}", flush=True)
                export_report(paths, staging / "reports", with_code=with_code, data_dir=data_dir, index=True)
        write_indexes(staging)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging.rename(out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out_dir


REPORTS_DIR = HTML_DIR / "reports"
REPORT_NOTEBOOK = NOTEBOOKS_DIR / "05-report-card.ipynb"
REPORT_DATA_DIR = PROJECT_ROOT / "build" / "data" / "reports"


def report_data_dir(out_dir: Path = REPORTS_DIR) -> Path:
    """Where ``make report`` writes each page's data package: beside the
    default pages, ``build/data/reports/`` (as ``build/data/`` is beside
    ``build/html/``); beside pages written elsewhere, ``data/`` in their folder.

    >>> report_data_dir().relative_to(PROJECT_ROOT).as_posix()
    'build/data/reports'
    >>> report_data_dir(Path("/tmp/pages")).as_posix()
    '/tmp/pages/data'
    """
    out_dir = Path(out_dir)
    return REPORT_DATA_DIR if out_dir.resolve() == REPORTS_DIR.resolve() else out_dir / "data"


def report_name(paths) -> str:
    """The name of the page (and of its data folder) ``make report`` writes
    for ``paths``: the article's file name, the folder's name, or
    ``comparison`` for several files.

    >>> report_name(["a/janub.txt"]), report_name(["a/b.txt", "c.txt"])
    ('janub', 'comparison')
    """
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if len(paths) == 1:
        return Path(paths[0]).name if Path(paths[0]).is_dir() else Path(paths[0]).stem
    return "comparison"


DATA_WORDS = {
    "heading": {"ar": "البيانات", "en": "Data"},
    "ar": "جداول هذه الصفحة بصيغة CSV: {links}، ووصف كل عمود في {codebook}.",
    "en": "This page's tables as CSV (UTF-8): {links}; every column is described in {codebook} "
    "(a Frictionless Data Package).",
}


def data_links_markdown(folder: str, names) -> str:
    r"""A two-language markdown cell linking the CSV files ``names`` and
    ``datapackage.json`` in ``folder`` (a URL relative to the page).

    >>> print(data_links_markdown("../data/x", ["claims"]).split("\n")[2])
    <p dir="rtl" lang="ar">جداول هذه الصفحة بصيغة CSV: <a href="../data/x/claims.csv">claims.csv</a>، ووصف كل عمود في <a href="../data/x/datapackage.json">datapackage.json</a>.</p>
    """
    heading = DATA_WORDS["heading"]
    codebook = f'<a href="{escape(folder)}/datapackage.json">datapackage.json</a>'
    links = {
        lang: separator.join(f'<a href="{escape(folder)}/{name}.csv">{name}.csv</a>' for name in names)
        for lang, separator in (("ar", "، "), ("en", ", "))
    }
    return (
        f'## <bdi lang="ar" dir="rtl">{heading["ar"]}</bdi> — <bdi lang="en" dir="ltr">{heading["en"]}</bdi>\n\n'
        f'<p dir="rtl" lang="ar">{DATA_WORDS["ar"].format(links=links["ar"], codebook=codebook)}</p>\n\n'
        f'<div dir="ltr" lang="en">\n\n{DATA_WORDS["en"].format(links=links["en"], codebook=codebook)}\n\n</div>'
    )


def _relative(folder: Path, page: Path) -> str:
    return Path(os.path.relpath(folder, page.parent)).as_posix()


@contextlib.contextmanager
def _restored_on_failure(folder: Path):
    """Put ``folder`` back as it was if the block fails: the data of a page
    are not newer than the page."""
    backup = None
    if folder.exists():
        backup = Path(tempfile.mkdtemp(prefix=".previous-", dir=folder.parent)) / folder.name
        shutil.copytree(folder, backup)
    try:
        yield
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        if backup is not None:
            backup.rename(folder)
        raise
    finally:
        if backup is not None:
            shutil.rmtree(backup.parent, ignore_errors=True)


def write_pages(pages: dict) -> list[Path]:
    """Write every page or none: each is written to a temporary file beside
    its target, and all are renamed into place only once all are written.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> [p.name for p in write_pages({folder / "en" / "a.html": "<p>a</p>"})]
    ['a.html']
    """
    staged = []
    try:
        for target, page in pages.items():
            target = Path(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=target.parent, prefix=".", suffix=".html", delete=False
            )
            staged.append((Path(handle.name), target))
            with handle:
                handle.write(page)
            Path(handle.name).chmod(0o644)
        replaced = []
        try:
            for temporary, target in staged:
                previous = target.read_bytes() if target.exists() else None
                temporary.replace(target)
                replaced.append((target, previous))
        except BaseException:
            # Put back the pages already replaced, so no edition is newer than its pair.
            for target, previous in replaced:
                if previous is None:
                    target.unlink(missing_ok=True)
                else:
                    target.write_bytes(previous)
            raise
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    return [target for _, target in staged]


@contextlib.contextmanager
def started_kernel(cwd: Path):
    """A python3 kernel started at once (quiet, see :func:`quiet_kernel`) and
    killed when the block ends: it boots on the other core while this process
    goes on loading and checking, and :func:`execute_editions` waits for it
    only when it has a cell to run.

    >>> with started_kernel(NOTEBOOKS_DIR) as kernel:  # doctest: +SKIP
    ...     notebooks = execute_editions(REPORT_NOTEBOOK, {}, kernel=kernel)
    """
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    with tempfile.TemporaryDirectory(prefix="khabar-kernel-") as sockets:
        config = quiet_kernel(sockets)
        kernel = AsyncKernelManager(kernel_name="python3", config=config)
        arguments = [*config.NotebookClient.extra_arguments, "--HistoryManager.hist_file=:memory:"]
        run_sync(kernel.start_kernel)(cwd=str(cwd), extra_arguments=arguments)
        try:
            yield kernel
        finally:
            if run_sync(kernel.is_alive)():
                run_sync(kernel.shutdown_kernel)(now=True)
            run_sync(kernel.cleanup_resources)()


def execute_editions(path: Path, parameters: dict, kernel=None) -> dict:
    """Run a notebook once per language, ``{lang: executed notebook}``, in
    one kernel: papermill injects the parameters (``LANG`` and ``parameters``)
    after the cell tagged "parameters", and the editions run one after the
    other, so the second pays neither a kernel start nor the imports again.
    Every cell sets what it uses, so nothing of one edition leaks into the other.

    >>> sorted(execute_editions(REPORT_NOTEBOOK, {}))  # doctest: +SKIP
    ['ar', 'en']
    """
    import papermill
    from nbclient import NotebookClient

    notebooks = {
        lang: papermill.execute_notebook(
            str(path),
            None,
            parameters={**parameters, "LANG": lang},
            prepare_only=True,
            kernel_name="python3",
            progress_bar=False,
        )
        for lang in LANGS
    }
    with contextlib.ExitStack() as stack:
        if kernel is None:
            kernel = stack.enter_context(started_kernel(Path(path).parent))
        client = NotebookClient(notebooks[LANGS[0]], km=kernel)
        with client.setup_kernel(cleanup_kc=False):
            try:
                for notebook in notebooks.values():
                    client.nb = notebook
                    for index, cell in enumerate(notebook.cells):
                        client.execute_cell(cell, index)
            finally:
                client.kc.stop_channels()
    return notebooks


def report_pages(
    path,
    *,
    published: str = "",
    outlet: str = "",
    with_code: bool = False,
    data_folders: dict | None = None,
    kernel=None,
    links: dict | None = None,
) -> dict:
    """The report card of one article file in each language, ``{lang: html}``:
    notebook 05 executed with the file as its parameter.  An unreadable file
    raises :class:`~khabar.article.ArticleError` before any notebook runs.
    ``data_folders`` (``{lang: URL relative to that page}``) adds a last
    section linking the report's data package (:func:`data_links_markdown`).
    ``kernel``: one already started (:func:`started_kernel`); ``links``:
    ``{lang: header links}`` (:func:`edition_links`).

    >>> report_pages("no/such.txt")
    Traceback (most recent call last):
    ...
    khabar.article.ArticleError: no/such.txt: file not found
    """
    from khabar.article import load_article
    from khabar.site import article_source_line

    article = load_article(path, defaults={"published": published, "outlet": outlet})
    parameters = {"ARTICLE": str(Path(path).resolve()), "PUBLISHED": published, "OUTLET": outlet}
    executed = execute_editions(REPORT_NOTEBOOK, parameters, kernel=kernel)
    pages = {}
    for lang, notebook in executed.items():
        cells = [data_cell(data_folders[lang])] if data_folders else []
        header_links = {**(links or {}).get(lang, {}), "original": article.metadata.get("url", "") or ""}
        if data_folders:
            header_links["data"] = DATA_ANCHOR
        frame = page_frame(lang, kind="report", links=header_links, source=article_source_line(article, lang))
        pages[lang] = notebook_to_html(
            REPORT_NOTEBOOK,
            lang=lang,
            with_code=with_code,
            title=article.title,
            executed=notebook,
            frame=frame,
            extra_cells=cells,
        )
    return pages


def export_report(
    paths,
    out_dir: Path = REPORTS_DIR,
    *,
    published: str = "",
    outlet: str = "",
    with_code: bool = False,
    data_dir: Path | None = None,
    index: bool | None = None,
) -> list[Path]:
    """``make report``: one article file gives its report card,
    ``out_dir/<name>.html`` and ``out_dir/en/<name>.html``; several files or
    a folder give one comparison page (named after the folder, else
    ``comparison``), listing the files that failed.  Returns the pages written.

    Each page's tables are written as a data package to ``data_dir/<name>/``
    (default :func:`report_data_dir`) and linked from the page: a report
    card's tables, a comparison's one ``claims.csv`` (the schema
    ``claims_of``) with one ``acled.csv`` and one ``ged.csv`` for all its
    reports.  The package is checked and validated before anything is
    written (nothing is, if it fails); if the pages then fail to be written,
    the previous package is put back.

    ``index``: the pages sit in ``reports/`` beside the index of ``make
    html`` and link it (by default when ``out_dir`` is ``build/html/reports``,
    whose index is then written again to list them).

    >>> export_report(["README.md"])  # doctest: +SKIP
    """
    from concurrent.futures import ThreadPoolExecutor

    from khabar.comparison import WORDS, comparison_page
    from khabar.datapackage import article_source, place_package, stage_package, tables
    from khabar.reports import claims_of, load_articles
    from khabar.schema import check

    with contextlib.ExitStack() as stack:  # the report's kernel, if one is started
        paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
        out_dir = Path(out_dir)
        name = report_name(paths)
        data = Path(data_dir or report_data_dir(out_dir)) / name
        targets = {"ar": out_dir / f"{name}.html", "en": out_dir / "en" / f"{name}.html"}
        folders = {lang: _relative(data, target) for lang, target in targets.items()}
        default_place = out_dir.resolve() == REPORTS_DIR.resolve()
        index = default_place if index is None else index
        links = {lang: edition_links(f"{name}.html", lang, index="../index.html" if index else "") for lang in LANGS}
        if len(paths) == 1 and not Path(paths[0]).is_dir():
            from khabar.article import load_article

            article = load_article(paths[0], defaults={"published": published, "outlet": outlet})
            # The kernel boots on the other core while the tables are built and checked.
            kernel = stack.enter_context(started_kernel(REPORT_NOTEBOOK.parent))
            named, source, schemas = tables(article), article_source(article), None
            for table_name, table in named.items():  # a table outside its schema fails before any notebook runs
                check(table, table_name)

            def make_pages():
                return report_pages(
                    paths[0],
                    published=published,
                    outlet=outlet,
                    with_code=with_code,
                    data_folders=folders,
                    kernel=kernel,
                    links=links,
                )
        else:
            articles, failures = load_articles(paths, defaults={"published": published, "outlet": outlet})
            table = claims_of(articles)
            from khabar.ged import layouts_of

            # one ACLED and one GED table for the folder, beside its claims
            acled_table, ged_table = layouts_of(articles)
            named = {"claims": table, "acled": acled_table, "ged": ged_table}
            schemas = {"claims": "claims_of"}
            source = {
                "title": WORDS["title"]["ar"],
                "title_en": WORDS["title"]["en"],
                "file": name,
                "reports": [article_source(article) for article in articles],
            }

            def make_pages():
                return {
                    lang: comparison_page(articles, failures, table, lang, data_folder=folders[lang], links=links[lang])
                    for lang in LANGS
                }

        # The package is written and validated while the notebooks run (the
        # validator's first use costs seconds); it is put in place only with the pages.
        new_folder = not data.parent.exists()
        with ThreadPoolExecutor(1) as pool:
            staged = pool.submit(stage_package, named, source, data, schemas=schemas)
            try:
                pages = make_pages()
                staging = staged.result()
            except BaseException:
                if staged.exception() is None:
                    shutil.rmtree(staged.result(), ignore_errors=True)
                if new_folder:
                    shutil.rmtree(data.parent, ignore_errors=True)  # made for the staging folder only
                raise
        try:
            with _restored_on_failure(data):
                place_package(staging, data)
                written = write_pages({targets["ar"]: pages["ar"], targets["en"]: pages["en"]})
            if default_place and (HTML_DIR / "index.html").exists():
                write_indexes(HTML_DIR)  # the index lists the new page
            return written
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    without_iri_grammar()
    out_dir = export_all(with_code="--with-code" in argv)
    pages = sorted(out_dir.rglob("*.html"))
    print(f"wrote {len(pages)} pages to {out_dir}/ — open {out_dir / 'index.html'} in a browser")
    print(f"wrote the tables and datapackage.json to {out_dir.parent / 'data'}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
