"""The shareable HTML pages, opened in a real headless Chromium with the
network blocked.  Needs Debian's chromium (`apt-get install chromium`, which
.ci/run does); without it these tests skip and say so."""
import hashlib
import json
import re
from pathlib import Path

import nbformat
import pytest

from khabar.arabic import has_presentation_forms
from khabar.article import PROJECT_ROOT
from khabar import export
from khabar.export import export_all, notebook_paths, notebook_to_html

SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
MAX_PAGE_BYTES = 2 * 1024 * 1024


def tree_hashes(*folders):
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest()
            for folder in folders for path in sorted(folder.rglob("*")) if path.is_file()}


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
    assert sorted(p.stem for p in (exported / "en").glob("*.html")) == sorted(stems)
    index = (exported / "index.html").read_text(encoding="utf-8")
    for stem in stems:
        assert f'href="{stem}.html"' in index and f'href="en/{stem}.html"' in index


def test_pages_are_small_offline_and_logical_order(exported):
    for page in pages(exported):
        html = page.read_text(encoding="utf-8")
        assert page.stat().st_size <= MAX_PAGE_BYTES, page
        assert not has_presentation_forms(html), page
        assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)=[\"']?(?:https?:)?//", html), page
        assert "require.min.js" not in html and "MathJax" not in html


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


def test_pages_in_a_browser(browser, exported):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in pages(exported):
        page, problems = open_offline(browser, path)
        name = str(path.relative_to(exported)).replace("/", "-")
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        assert problems == {"network": [], "failed": [], "console": [], "dialogs": []}, name
        assert page.title().strip(), name
        assert page.locator("h1").count() >= 1, name
        widths = page.eval_on_selector_all("img", "images => images.map(i => i.naturalWidth)")
        assert all(width > 0 for width in widths), name
        directions = page.eval_on_selector_all(
            '[dir="rtl"]', "nodes => nodes.map(n => getComputedStyle(n).direction)")
        assert directions and set(directions) == {"rtl"}, name
        if path.stem != "index":
            assert len(widths) >= 1, f"{name}: no figure"  # figures are embedded SVG images
            assert page.locator(".jp-CodeCell .jp-InputArea-editor").count() == 0, f"{name}: code is shown"
            code_direction = page.evaluate(
                "() => { const pre = document.querySelector('.jp-OutputArea-output pre');"
                " return pre ? getComputedStyle(pre).direction : 'ltr'; }")
            assert code_direction == "ltr", name
        page.context.close()


def test_article_text_is_escaped(browser, tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(
        "عنوان <script>window.pwned = 1; alert('x')</script>\n\n"
        "نص الفقرة الأولى <img src=x onerror=\"window.pwned = 2\"> والثانية\n\n"
        "فقرة ثالثة </table><script>window.pwned = 3</script>\n",
        encoding="utf-8",
    )
    notebook = nbformat.v4.new_notebook(metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
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
