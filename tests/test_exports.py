"""The shareable HTML pages, opened in a real headless Chromium with the
network blocked.  Needs Debian's chromium (`apt-get install chromium`, which
.ci/run does); without it these tests skip and say so."""

import base64
import hashlib
import json
import os
import re
from pathlib import Path

import nbformat
import pytest

from khabar import export
from khabar.arabic import has_presentation_forms
from khabar.article import PROJECT_ROOT
from khabar.export import export_all, notebook_paths, notebook_to_html
from pagechecks import FIGURES_ON_SCREEN, HEADING_RUNS, READER_TEXT

SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
MAX_PAGE_BYTES = 2 * 1024 * 1024


def tree_hashes(*folders):
    return {
        str(path): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


SOURCES_BEFORE = tree_hashes(PROJECT_ROOT / "seeds", PROJECT_ROOT / "notebooks")


@pytest.fixture(scope="session")
def exported(tmp_path_factory):
    return export_all(tmp_path_factory.mktemp("export") / "html")


def test_export_writes_nothing_into_seeds_or_notebooks(exported):
    assert tree_hashes(PROJECT_ROOT / "seeds", PROJECT_ROOT / "notebooks") == SOURCES_BEFORE


def test_a_failed_export_leaves_the_previous_pages(tmp_path, monkeypatch):
    out = tmp_path / "html"
    out.mkdir()
    (out / "index.html").write_text("previous export", encoding="utf-8")
    calls = []

    def fail_on_second(path, **options):
        calls.append(path)
        if len(calls) == 2:
            raise RuntimeError("kernel died")
        return "<html></html>"

    monkeypatch.setattr(export, "notebook_to_html", fail_on_second)
    with pytest.raises(RuntimeError, match="kernel died"):
        export_all(out)
    assert [p.name for p in tmp_path.iterdir()] == ["html"]  # no half-written folder left
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "previous export"


def pages(folder):
    return sorted(folder.rglob("*.html"))


def test_every_notebook_has_a_page_in_each_edition(exported):
    stems = [path.stem for path in notebook_paths()]
    assert stems, "no notebooks found"
    assert sorted(p.stem for p in exported.glob("*.html")) == sorted(stems + ["index"])
    assert sorted(p.stem for p in (exported / "en").glob("*.html")) == sorted(stems + ["index"])
    for index in (exported / "index.html", exported / "en" / "index.html"):
        html = index.read_text(encoding="utf-8")
        for stem in stems:
            assert f'href="{stem}.html"' in html, (index, stem)


def test_make_html_builds_an_example_report_card_and_comparison(exported):
    written = sorted(str(p.relative_to(exported)) for p in (exported / "reports").rglob("*.html"))
    assert written == [
        "reports/en/janub-desk-2018-03-27.html",
        "reports/en/reports.html",
        "reports/janub-desk-2018-03-27.html",
        "reports/reports.html",
    ]
    for index, prefix in ((exported / "index.html", "reports/"), (exported / "en" / "index.html", "../reports/en/")):
        html = index.read_text(encoding="utf-8")
        assert f'href="{prefix}janub-desk-2018-03-27.html"' in html and f'href="{prefix}reports.html"' in html


def page_kind(path):
    from khabar.site import page_entry

    entry = page_entry(path)
    return entry[0] if entry else None


def test_every_page_has_the_header_and_one_style(opened, exported):
    """Every page: a viewport tag, the shared stylesheet, and a header whose
    links all lead to a page or file that exists: the index of its edition,
    the same page in the other edition, and this page's data."""
    for path in pages(exported):
        name = str(path.relative_to(exported))
        html = path.read_text(encoding="utf-8")
        assert ".khabar-nav ul" in html, name  # the one stylesheet
        page, _ = opened[path]
        viewport = page.evaluate("() => document.querySelector('meta[name=viewport]')?.content || ''")
        assert viewport.startswith("width=device-width") and page.locator("body.khabar-page").count() == 1, name
        links = page.eval_on_selector_all(
            "header.khabar-nav a",
            "links => links.map(a => ({href: a.getAttribute('href'), url: a.href, text: a.innerText, lang: a.lang}))",
        )
        lang = page.get_attribute("html", "lang")
        font = page.evaluate("() => getComputedStyle(document.body).fontFamily")
        anchors = [link for link in links if link["href"].startswith("#")]
        for link in anchors:
            assert page.locator(f'[id="{link["href"][1:]}"]').count() == 1, f"{name}: {link}"
        assert "system-ui" in font, name
        files = [link for link in links if not link["href"].startswith(("#", "http"))]
        for link in files:
            target = Path(link["url"].split("#")[0].replace("file://", ""))
            assert target.is_file(), f"{name}: {link['href']} leads nowhere"
        other = [link for link in files if link["lang"] and link["lang"] != lang]
        assert len(other) == 1, f"{name}: no link to the other edition"
        other_page = Path(other[0]["url"].replace("file://", ""))
        assert other_page.name == path.name and f'lang="{other[0]["lang"]}"' in other_page.read_text(encoding="utf-8")
        if path.stem != "index":
            index = [link for link in files if Path(link["url"]).name == "index.html"]
            assert index and f'lang="{lang}"' in Path(index[0]["url"].replace("file://", "")).read_text(
                encoding="utf-8"
            )
            assert anchors, f"{name}: no link to this page's data"


# A data file's name (event_table.csv) is what a reader downloads, not code.
CODE_NAMES = re.compile(
    r"\b[a-z]+_[a-z0-9]+(?:_[a-z0-9]+)*\b(?!\.(?:csv|json|xlsx))|\bkhabar\.|\bLANG\s*=|\b(?:claims|events|control|sensitivity)\(|\bNaN\b"
)


def test_reader_text_holds_no_code_names(opened, exported):
    for path in pages(exported):
        page, _ = opened[path]
        text = page.evaluate(READER_TEXT)
        assert len(text) > 200, path
        found = sorted({m[0] for m in CODE_NAMES.finditer(text)})
        assert not found, f"{path.relative_to(exported)}: {found}"


def test_every_chart_has_alt_text_and_a_source_line(opened, exported):
    for path in pages(exported):
        page, _ = opened[path]
        charts = page.eval_on_selector_all(
            "img",
            """images => images.map(img => {
                const holder = img.closest('.jp-OutputArea-child');
                const next = img.nextElementSibling;
                const line = holder ? holder.querySelector('.khabar-source')
                                    : (next && next.matches('.khabar-source') ? next : null);
                return {alt: img.alt, source: line ? line.innerText : ''};
            })""",
        )
        lang = page.get_attribute("html", "lang")
        name = str(path.relative_to(exported))
        for chart in charts:
            assert "No description" not in chart["alt"] and len(chart["alt"]) > 40, f"{name}: {chart['alt']!r}"
            assert re.search(r"\d", chart["alt"]) and ": " in chart["alt"], f"{name}: {chart['alt']!r}"
            script = "[\u0600-\u06ff]" if lang == "ar" else "[A-Za-z]"
            # the first letter (a title may start with a number) is in the page's script
            assert re.match(f"[^A-Za-z\u0600-\u06ff]*{script}", chart["alt"]), f"{name}: {chart['alt']!r}"
            assert chart["source"], f"{name}: a chart without a source line"
        if path.stem in ("02-casualty-claims", "05-report-card"):
            assert charts, name
    claims = (exported / "en" / "02-casualty-claims.html").read_text(encoding="utf-8")
    assert re.search(
        r'alt="Bodies held: more than 100 or nearly 30, depending on who says it: '
        r'[^"]*informed sources — bodies handed over: about 85 \(76–94\)',
        claims,
    )


def test_dates_and_ranges_read_in_order_on_screen(opened, exported):
    """The order of the digits as drawn: every date, range and open end on
    every page, first character left of the last."""
    checked = 0
    for path in pages(exported):
        page, _ = opened[path]
        found = page.evaluate(FIGURES_ON_SCREEN)
        backwards = [(f["text"], f["around"]) for f in found if not f["inOrder"]]
        assert not backwards, f"{path.relative_to(exported)}: {backwards}"
        checked += sum(f["oneLine"] for f in found)
    assert checked > 100, checked


def test_tables_count_rows_from_one_and_repeat_none(opened, exported):
    for path in pages(exported):
        page, _ = opened[path]
        tables = page.eval_on_selector_all(
            "table.khabar-table",
            """tables => tables.map(t => [...t.querySelectorAll('tbody tr')].map(tr =>
                 [...tr.children].map(c => c.innerText)))""",
        )
        for rows in tables:
            name = str(path.relative_to(exported))
            assert [row[0] for row in rows] == [str(i) for i in range(1, len(rows) + 1)], name
            bodies = [tuple(row[1:]) for row in rows]
            assert len(set(bodies)) == len(bodies), f"{name}: a table repeats a row"


def test_pages_are_small_offline_and_logical_order(exported):
    for page in pages(exported):
        html = page.read_text(encoding="utf-8")
        assert page.stat().st_size <= MAX_PAGE_BYTES, page
        assert not has_presentation_forms(html), page
        assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)=[\"']?(?:https?:)?//", html), page
        assert "require.min.js" not in html and "MathJax" not in html


# An IPython startup file that puts ar() on its reshape+bidi path in the
# kernel, as on matplotlib < 3.11: on 3.11 ar() returns its input, so pages
# would be free of presentation forms whatever a chart did to a dataframe.
FORCE_RESHAPING = "import khabar.arabic\nkhabar.arabic._needs_reshaping = lambda: True\n"


def svg_images(html):
    return [
        base64.b64decode(data).decode("utf-8")
        for data in re.findall(r'<img[^>]+src="data:image/svg\+xml;base64,([^"]+)"', html)
    ]


@pytest.fixture(scope="session")
def reshaped_pages(tmp_path_factory):
    """The Arabic pages, written with ar() forced onto its reshaping path."""
    ipython_dir = tmp_path_factory.mktemp("ipython")
    startup = ipython_dir / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-force-reshaping.py").write_text(FORCE_RESHAPING, encoding="utf-8")
    before = os.environ.get("IPYTHONDIR")
    os.environ["IPYTHONDIR"] = str(ipython_dir)
    try:
        # Two pages whose charts hold every kind of Arabic label (bars, ranges,
        # names on a map, a legend): the path is the same for every chart.
        chosen = [path for path in notebook_paths() if path.stem in ("02-casualty-claims", "03-control-shares")]
        assert len(chosen) == 2
        return {path.stem: notebook_to_html(path, lang="ar") for path in chosen}
    finally:
        if before is None:
            del os.environ["IPYTHONDIR"]
        else:
            os.environ["IPYTHONDIR"] = before


def test_pages_stay_logical_order_when_charts_get_reshaped_text(reshaped_pages):
    for stem, html in reshaped_pages.items():
        charts = [svg for svg in svg_images(html) if has_presentation_forms(svg)]
        assert charts, f"{stem}: no chart drew reshaped text, so the path was not forced"
        outside_images = re.sub(r'src="data:image/svg\+xml;base64,[^"]+"', "", html)
        assert not has_presentation_forms(outside_images), stem


def test_editions_set_language_and_direction(exported):
    assert '<html dir="rtl" lang="ar">' in (exported / "01-article.html").read_text(encoding="utf-8")
    assert '<html dir="ltr" lang="en">' in (exported / "en" / "01-article.html").read_text(encoding="utf-8")


def open_offline(browser, path: Path):
    """Open a file page with every non-file request refused; return the page
    and the lists of problems seen."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    problems = {"network": [], "failed": [], "console": [], "dialogs": []}

    def route(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            problems["network"].append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("requestfailed", lambda request: problems["failed"].append(request.url))
    page.on("console", lambda message: message.type == "error" and problems["console"].append(message.text))
    page.on("pageerror", lambda error: problems["console"].append(str(error)))
    page.on("dialog", lambda dialog: (problems["dialogs"].append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    return page, problems


@pytest.fixture(scope="module")
def opened(browser, exported):
    """Every exported page, opened once offline and kept open for the tests
    that only read it: the page and the problems seen while it loaded."""
    found = {path: open_offline(browser, path) for path in pages(exported)}
    yield found
    for page, _ in found.values():
        page.context.close()


def test_pages_in_a_browser(opened, exported):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in pages(exported):
        page, problems = opened[path]
        name = str(path.relative_to(exported)).replace("/", "-")
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        assert problems == {"network": [], "failed": [], "console": [], "dialogs": []}, name
        assert page.title().strip(), name
        assert page.locator("h1").count() >= 1, name
        widths = page.eval_on_selector_all("img", "images => images.map(i => i.naturalWidth)")
        assert all(width > 0 for width in widths), name
        directions = page.eval_on_selector_all('[dir="rtl"]', "nodes => nodes.map(n => getComputedStyle(n).direction)")
        assert directions and set(directions) == {"rtl"}, name
        if path.stem != "index":
            assert len(widths) >= 1, f"{name}: no figure"  # figures are embedded SVG images
            assert page.locator(".jp-CodeCell .jp-InputArea-editor").count() == 0, f"{name}: code is shown"
            code_direction = page.evaluate(
                "() => { const pre = document.querySelector('.jp-OutputArea-output pre');"
                " return pre ? getComputedStyle(pre).direction : 'ltr'; }"
            )
            assert code_direction == "ltr", name


def test_article_text_is_escaped(browser, tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(
        "عنوان <script>window.pwned = 1; alert('x')</script>\n\n"
        'نص الفقرة الأولى <img src=x onerror="window.pwned = 2"> والثانية\n\n'
        "فقرة ثالثة </table><script>window.pwned = 3</script>\n",
        encoding="utf-8",
    )
    notebook = nbformat.v4.new_notebook(
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        }
    )
    notebook.cells = [
        nbformat.v4.new_code_cell('LANG = "ar"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(f"import khabar\nkhabar.load_article({json.dumps(str(article))}).paragraphs"),
    ]
    source = tmp_path / "hostile.ipynb"
    nbformat.write(notebook, source)
    page_path = tmp_path / "hostile.html"
    page_path.write_text(notebook_to_html(source), encoding="utf-8")
    assert "&lt;script&gt;window.pwned" in page_path.read_text(encoding="utf-8")
    page, problems = open_offline(browser, page_path)
    assert page.evaluate("() => window.pwned") is None
    assert problems["dialogs"] == [] and problems["network"] == []
    assert "<script>window.pwned = 1" in page.inner_text("body")  # shown as text
    page.context.close()


def test_the_index_links_the_data_written_beside_the_pages(exported):
    index = (exported / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(\.\./data/[^"]+)"', index)
    from khabar.schema import TABLES

    assert sorted(links) == sorted(
        [f"../data/{name}.csv" for name in TABLES] + ["../data/datapackage.json", "../data/tables.xlsx"]
    )
    assert all((exported / link).resolve().is_file() for link in links)


def test_heading_punctuation_ends_its_own_language_run(opened, exported):
    checked = 0
    for path in pages(exported):
        if path.stem == "index" or page_kind(path) == "comparison":
            continue
        page, _ = opened[path]
        runs = page.evaluate(HEADING_RUNS)
        # Headings read in the page's direction, its language's part first.
        order = page.evaluate("""() => [...document.querySelectorAll('h1, h2')].filter(h =>
            h.querySelector('bdi[lang="ar"]') && h.querySelector('bdi[lang="en"]')).map(h => ({
            direction: getComputedStyle(h).direction,
            arabicRight: h.querySelector('bdi[lang="ar"]').getBoundingClientRect().left
                         > h.querySelector('bdi[lang="en"]').getBoundingClientRect().left}))""")
        lang = "en" if path.parent.name == "en" else "ar"
        assert order, f"{path.name}: no two-language heading"
        assert {(o["direction"], o["arabicRight"]) for o in order} == {("rtl" if lang == "ar" else "ltr", True)}, path
        misplaced = [run for run in runs if not run["atEnd"]]
        assert not misplaced, f"{path.relative_to(exported)}: {misplaced}"
        checked += len(runs)
    assert checked >= 2 * len(notebook_paths()), "too few headings ending in punctuation were checked"


def read_table(page, selector):
    return page.evaluate(
        """selector => [...document.querySelectorAll(selector)].map(table => ({
        dir: getComputedStyle(table).direction,
        headers: [...table.querySelectorAll('thead th')].map(th => th.textContent),
        cells: [...table.querySelectorAll('tbody td')].map(td => ({
            text: td.textContent, dir: getComputedStyle(td).direction})),
        right: table.getBoundingClientRect().right}))""",
        selector,
    )


def test_reader_tables_speak_the_edition_language(browser, exported):
    """The claims table: Arabic headers and labels in the Arabic edition,
    English ones in the English edition, no raw codes, integers, quotes in
    their own direction, and all of it inside the page at 1,400 px."""
    found = {}
    for folder, lang in ((exported, "ar"), (exported / "en", "en")):
        page, _ = open_offline(browser, folder / "02-casualty-claims.html")
        page.set_viewport_size({"width": 1400, "height": 900})
        tables = read_table(page, "table.khabar-table")
        width = page.evaluate("() => document.documentElement.clientWidth")
        page.context.close()
        assert tables, f"{lang}: no reader table"
        claims_table = tables[0]
        texts = [cell["text"] for cell in claims_table["cells"]]
        assert claims_table["right"] <= width, f"{lang}: the claims table runs off the page"
        assert not [t for t in texts if re.fullmatch(r"\d+\.0", t)], f"{lang}: counts shown as floats"
        assert not [t for t in texts if t in ("single_source", "branch_215_members", "NaN", "informed_sources")]
        arabic_cells = [cell for cell in claims_table["cells"] if re.search("[\u0600-\u06ff]", cell["text"][:1])]
        assert arabic_cells and {cell["dir"] for cell in arabic_cells} == {"rtl"}, lang
        found[lang] = claims_table
    assert found["ar"]["dir"] == "rtl" and "الاقتباس" in found["ar"]["headers"]
    assert found["en"]["dir"] == "ltr" and "quote" in found["en"]["headers"]
    assert "متنازع عليه" in [c["text"] for c in found["ar"]["cells"]]
    assert "76–94" in [c["text"] for c in found["en"]["cells"]]


def test_every_notebook_table_is_a_reader_view(opened, exported):
    """No page shows a bare dataframe: every table is a reader view (column
    headers in the edition's language, no raw codes, no NaN/NaT/None, counts
    as integers), and every left-to-right cell (ranges, dates, figures) is
    drawn on one line in reading order, first character left of the last."""
    raw = re.compile(r"^(nan|NaN|NaT|None|inf|True|False|<NA>|-?\d+\.0)$|\b[a-z]+_[a-z0-9_]+\b")
    for path in pages(exported):
        if path.stem in ("index", "05-report-card") or "reports" in path.parts:
            continue
        page, _ = opened[path]
        bare = page.locator(".jp-OutputArea-output table:not(.khabar-table)").count()
        tables = read_table(page, "table.khabar-table")
        split = [
            f["text"] for f in page.evaluate(FIGURES_ON_SCREEN) if f["around"].strip() == f["text"] and not f["oneLine"]
        ]
        name = str(path.relative_to(exported))
        assert bare == 0, f"{name}: {bare} table(s) shown as bare dataframes"
        assert not split, f"{name}: {split}"
        for table in tables:
            texts = [cell["text"] for cell in table["cells"]]
            assert not [t for t in texts if raw.search(t)], f"{name}: {[t for t in texts if raw.search(t)]}"
            headers = [h for h in table["headers"] if h not in ("#", "") and "ACLED" not in h]
            arabic = [h for h in headers if re.search("[\u0600-\u06ff]", h)]
            assert arabic == (headers if path.parent.name != "en" else []), f"{name}: {headers}"


def test_english_edition_reads_english_first(opened, exported):
    page, _ = opened[exported / "en" / "02-casualty-claims.html"]
    first_heading = page.locator("h1").first.inner_text()
    align = page.evaluate("() => getComputedStyle(document.querySelector('.jp-RenderedMarkdown p')).textAlign")
    figures = page.locator(".jp-OutputArea-output img").count()
    pointer = page.get_by_text("This chart alone, in English").count()
    assert pointer == 0  # the pointer to the English version is left out
    assert re.match(r"[A-Za-z]", first_heading), first_heading
    assert align in ("start", "left")
    arabic, _ = opened[exported / "02-casualty-claims.html"]
    assert figures == arabic.locator(".jp-OutputArea-output img").count()  # each chart once, in each edition's language
    # A pointer to a notebook cell the reader cannot see is for the notebook only.
    assert arabic.get_by_text("This chart alone, in English").count() == 0
    assert arabic.locator('.jp-RenderedMarkdown div[lang="en"]').count() == 0  # the Arabic edition reads in Arabic


def test_annotated_article_marks_every_claim(opened, exported):
    for folder in (exported, exported / "en"):
        page, problems = opened[folder / "02-casualty-claims.html"]
        marks = page.evaluate("""() => [...document.querySelectorAll('.khabar-article mark')].map(m => ({
            number: m.querySelector('sup').textContent, title: m.title,
            dir: getComputedStyle(m.closest('p')).direction,
            colour: getComputedStyle(m).backgroundColor}))""")
        english = page.locator('.khabar-article p[lang="en"]').count()
        assert [m["number"] for m in marks] == [str(i) for i in range(1, len(marks) + 1)] and len(marks) >= 10
        assert {m["dir"] for m in marks} == {"rtl"}
        assert all(m["title"] for m in marks) and len({m["colour"] for m in marks}) >= 2
        assert (english > 0) == (folder.name == "en")
        assert problems["network"] == [] and problems["console"] == []


def test_hostile_article_in_the_annotated_view_runs_nothing(browser, tmp_path):
    from datetime import date

    from khabar import article_from_text, claims
    from khabar.views import annotated_html

    article = article_from_text(
        "عنوان <script>window.pwned = 1</script>\n\n"
        'قتل 12 جنديًا <img src=x onerror="window.pwned = 2"> <a href="javascript:window.pwned=3">رابط</a>',
        published=date(2018, 3, 26),
    )
    page_path = tmp_path / "hostile.html"
    page_path.write_text(
        f"<!DOCTYPE html><html><body>{annotated_html(article, claims(article), 'en')}</body></html>", encoding="utf-8"
    )
    page, problems = open_offline(browser, page_path)
    page.locator("a").count() == 0 or page.locator("a").first.click()
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("img, a, script").count() == 0
    # The claim markers (<sup>) aside, the hostile words are shown as they were written.
    shown = page.evaluate(
        "() => { document.querySelectorAll('sup').forEach(s => s.remove()); return document.body.innerText; }"
    )
    assert "<script>window.pwned = 1</script>" in shown
    assert problems["network"] == []
    page.context.close()


def test_make_html_kernels_print_no_transport_warning(capfd):
    path = notebook_paths()[0]
    notebook_to_html(path, lang="en")
    captured = capfd.readouterr()
    assert "TCP" not in captured.err and "KeyboardInterrupt" not in captured.err


def test_the_order_check_sees_a_range_drawn_backwards(browser, tmp_path):
    """The on-screen check fails a range left bare in right-to-left text
    ("76–94" drawn as 94–76) and passes it in a left-to-right isolate."""
    path = tmp_path / "order.html"
    path.write_text(
        '<!DOCTYPE html><html dir="rtl" lang="ar"><body><p>المدى 76–94 جثة</p>'
        '<p>المدى <bdi dir="ltr">2018-03-25</bdi> و<bdi dir="ltr">76–94</bdi></p></body></html>',
        encoding="utf-8",
    )
    page, _ = open_offline(browser, path)
    found = page.evaluate(FIGURES_ON_SCREEN)
    page.context.close()
    assert [(f["text"], f["inOrder"]) for f in found] == [("76–94", False), ("2018-03-25", True), ("76–94", True)]
