"""make report: the report card of one article and the comparison page of
many, rendered and opened in headless Chromium with the network blocked
(skipped, saying so, without Debian's chromium)."""

import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from khabar import comparison, datapackage, export, schema
from khabar.arabic import has_presentation_forms
from khabar.article import ArticleError, load_article
from khabar.export import export_report
from khabar.report_card import NOTHING_FOUND
from test_exports import open_offline

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reports"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "enab-baladi-2018-03-26-south-damascus-deal.txt"
NO_PROBLEMS = {"network": [], "failed": [], "console": [], "dialogs": []}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def card(out):
    return export_report([FIXTURES / "janub-desk-2018-03-27.txt"], out)


@pytest.fixture(scope="module")
def bare(out, tmp_path_factory):
    """A report in which nothing is found: no number, no date, no known place."""
    path = tmp_path_factory.mktemp("bare") / "bare-report.txt"
    path.write_text("اجتماع بلا نتائج\n\nعقد الطرفان اجتماعًا مطولًا انتهى دون الإعلان عن أي تفاصيل.", encoding="utf-8")
    return export_report([path], out)


@pytest.fixture(scope="module")
def compared(out):
    return export_report([SEED, FIXTURES], out)


def visible(browser, path):
    page, problems = open_offline(browser, path)
    assert problems == NO_PROBLEMS, path
    return page


def test_one_article_gives_its_page_and_english_edition(card, out):
    assert card == [out / "janub-desk-2018-03-27.html", out / "en" / "janub-desk-2018-03-27.html"]
    for path in card:
        html = path.read_text(encoding="utf-8")
        assert not has_presentation_forms(html), path
    assert not [p for p in out.rglob(".*") if p.is_file()], "temporary files left behind"


def test_report_card_in_a_browser(browser, card):
    article = load_article(FIXTURES / "janub-desk-2018-03-27.txt")
    for path, lang in zip(card, ("ar", "en")):
        page = visible(browser, path)
        assert page.title() == article.title
        assert page.get_attribute("html", "lang") == lang
        text = page.inner_text("body")
        sidecar = {"ar": "ملف بجانب التقرير: janub-desk-2018-03-27.json", "en": "sidecar janub-desk-2018-03-27.json"}
        assert sidecar[lang] in text and "Janub Desk (invented)" in text
        assert "Enab Baladi" not in text and "عنب بلدي" not in text  # nothing of the seed on another report's page
        headers = page.eval_on_selector_all(
            "table.khabar-table >> nth=0 >> thead th", "ths => ths.map(t => t.innerText)"
        )
        assert (lang == "ar") == all(re.search("[\u0600-\u06ff]", h) for h in headers if h not in ("", "#")), headers
        assert "نحو 90 جثة" in text and "أكثر من 100 جثة" in text  # the claims table's quotes
        assert NOTHING_FOUND["dropped"][lang] in text  # no furniture in this text, and it says so
        widths = page.eval_on_selector_all("img", "images => images.map(i => i.naturalWidth)")
        assert len(widths) == 2 and min(widths) > 0  # the claims chart and the timeline
        page.context.close()


def test_a_saved_news_page_gives_its_report_card(browser, out):
    written = export_report([FIXTURES / "sahil-news-2018-03-27.html"], out)
    assert [p.name for p in written] == ["sahil-news-2018-03-27.html"] * 2
    page = visible(browser, written[0])
    text = page.inner_text("body")
    assert "رأس الصفحة المحفوظة: og:site_name" in text and "ساحل نيوز" in text
    assert "article:published_time" in text and "2018-03-27" in text
    assert "قرابة 30 جثة" in text and "الرئيسية" not in text  # the article, not the site's menu
    page.context.close()


def test_a_section_with_nothing_found_says_so(browser, bare):
    page = visible(browser, bare[0])
    text = page.inner_text("body")
    for section in ("claims", "chart", "no_date", "places", "control", "discrepancies"):
        assert NOTHING_FOUND[section]["ar"] in text, section
    assert page.locator("img").count() == 0  # no empty chart
    assert "cannot be resolved" not in text and "لا يمكن حساب التواريخ النسبية" in text
    page.context.close()
    english = visible(browser, bare[1]).inner_text("body")
    assert NOTHING_FOUND["no_date"]["en"] in english


def test_an_unreadable_article_writes_nothing(tmp_path):
    with pytest.raises(ArticleError, match="damaged-download.txt: binary data"):
        export_report([FIXTURES / "damaged-download.txt"], tmp_path / "reports")
    assert not (tmp_path / "reports").exists()


def test_comparison_page_in_a_browser(browser, compared, out):
    assert compared == [out / "comparison.html", out / "en" / "comparison.html"]
    page = visible(browser, compared[0])
    assert page.get_attribute("html", "dir") == "rtl"
    # Wide tables scroll in their boxes: the page itself is no wider than the window.
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    failures = page.inner_text("table.failures")
    assert "damaged-download.txt" in failures and "binary data (NUL bytes)" in failures
    reports = page.inner_text("table.reports")
    for name in (
        "janub-desk-2018-03-27.txt",
        "madina-post-2018-03-28.txt",
        "qalam-weekly-2018-04-02.txt",
        "sahil-news-2018-03-27.html",
        SEED.name,
    ):
        assert name in reports
    headers = page.eval_on_selector_all("table.ranges-outlet th", "cells => cells.map(c => c.innerText)")
    assert {"Enab Baladi", "Madina Post (invented)", "ساحل نيوز"} <= set(headers)
    contested = page.inner_text("table.contested")
    assert "35 جثة" in contested and "بحوالي 85" in contested
    widths = page.eval_on_selector_all("img", "images => images.map(i => i.naturalWidth)")
    assert len(widths) == 1 and widths[0] > 0
    # Ranges read left to right inside right-to-left tables: "63–70", not "70–63".
    cell = page.locator("table.ranges-outlet td", has_text="–").first
    assert page.evaluate("c => getComputedStyle(c).direction", cell.element_handle()) == "ltr"
    text = page.inner_text("main")
    assert not re.search(r"\b\d+\.0\b", text)  # whole numbers as integers
    assert not re.search(r"\b(?:unspecified|several)\b", text) and "Yarmouk" not in text  # Arabic words throughout
    assert "≥ 101" in text and "101+" not in text  # an open range as every page writes it
    assert str(FIXTURES) not in page.content()  # a failing file by its name, not its full path
    page.context.close()
    english = visible(browser, compared[1])
    assert english.get_attribute("html", "dir") == "ltr"
    assert comparison.WORDS["failures"]["en"] in english.inner_text("h2 >> nth=1")
    english.context.close()


def test_a_failed_comparison_leaves_the_previous_pages(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    (out / "en").mkdir(parents=True)
    for path in (out / "comparison.html", out / "en" / "comparison.html"):
        path.write_text("previous", encoding="utf-8")

    def fail_in_english(articles, failures, table, lang, **options):
        if lang == "en":
            raise RuntimeError("disk full")
        return "<html>new</html>"

    monkeypatch.setattr(comparison, "comparison_page", fail_in_english)
    with pytest.raises(RuntimeError, match="disk full"):
        export_report([FIXTURES / "janub-desk-2018-03-27.txt", SEED], out)
    assert (out / "comparison.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in out.rglob("*")) == ["comparison.html", "comparison.html", "en"]


def test_a_failed_write_leaves_the_previous_pair(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    (out / "en").mkdir(parents=True)
    (out / "a.html").write_text("previous", encoding="utf-8")
    real_replace = Path.replace
    calls = []

    def fail_second(self, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError("no space left")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", fail_second)
    with pytest.raises(OSError, match="no space left"):
        export.write_pages({out / "a.html": "new", out / "en" / "a.html": "new"})
    assert (out / "a.html").read_text(encoding="utf-8") == "previous"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == ["a.html", "en"]


def test_make_html_keeps_the_report_pages(tmp_path, monkeypatch):
    out = tmp_path / "html"
    (out / "reports" / "en").mkdir(parents=True)
    (out / "reports" / "en" / "a.html").write_text("a report", encoding="utf-8")
    (out / "old.html").write_text("an old page", encoding="utf-8")
    monkeypatch.setattr(export, "notebook_to_html", lambda path, **options: "<html></html>")
    # Only the pages are under test here, not the data files written beside them.
    monkeypatch.setattr(export, "write_data", lambda **options: None, raising=False)
    export.export_all(out)
    assert (out / "reports" / "en" / "a.html").read_text(encoding="utf-8") == "a report"
    assert not (out / "old.html").exists()


def test_make_report_passes_files_and_options():
    import subprocess

    root = SEED.parents[1]
    command = subprocess.run(
        [
            "make",
            "-n",
            "-s",
            "-o",
            ".venv/installed",
            "report",
            "ARTICLE=a.txt b.html",
            "PUBLISHED=2018-03-27",
            'OUTLET=مكتب "الجنوب"',
        ],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert '-m khabar.report a.txt b.html --published "2018-03-27" --outlet "مكتب \\"الجنوب\\""' in command


def test_the_command_compares_a_folder(tmp_path, capsys):
    from khabar.report import main

    assert main([str(FIXTURES), "--out", str(tmp_path), "--published", "2018-03-30"]) == 0
    assert capsys.readouterr().out.split("\n")[:2] == [
        f"wrote {tmp_path / 'reports.html'}",
        f"wrote {tmp_path / 'en' / 'reports.html'}",
    ]
    page = (tmp_path / "reports.html").read_text(encoding="utf-8")
    assert "damaged-download.txt" in page and "Madina Post (invented)" in page


def test_the_command_names_an_unreadable_file_and_fails(tmp_path, capsys):
    from khabar.report import main

    assert main([str(FIXTURES / "damaged-download.txt"), "--out", str(tmp_path / "out")]) == 1
    assert "damaged-download.txt: binary data" in capsys.readouterr().out
    assert not (tmp_path / "out").exists()


# The data beside the pages: each report's tables as a data package.
CARD = "janub-desk-2018-03-27"
DATA_FILES = sorted([f"{name}.csv" for name in schema.TABLES] + ["datapackage.json"])


def linked_files(page: Path) -> list[Path]:
    """The files a page links to (once each: its Arabic and English prose
    both link them), resolved from the page's folder."""
    hrefs = re.findall(r'href="([^"#]+\.(?:csv|json))"', page.read_text(encoding="utf-8"))
    return sorted({Path(os.path.normpath(page.parent / href)) for href in hrefs})


def valid(folder: Path):
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    return report


def test_a_report_card_writes_its_tables_as_a_data_package(card, out):
    data = out / "data" / CARD
    assert sorted(p.name for p in data.iterdir()) == sorted(DATA_FILES + ["tables.xlsx"])
    report = valid(data)
    assert [task.name for task in report.tasks] == list(schema.TABLES)
    article = load_article(FIXTURES / f"{CARD}.txt")
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    about = package["article"]
    assert (about["title"], about["outlet"], about["published"]) == (
        article.title,
        "Janub Desk (invented)",
        "2018-03-27",
    )
    assert package["sources"][0]["title"] == f"Janub Desk (invented), 2018-03-27: {article.title}"
    expected = datapackage.tables(article)
    assert len(expected["claims"]) and len(expected["events"])
    for name in schema.TABLES:
        back = schema.read_csv(data / f"{name}.csv", name)
        pd.testing.assert_frame_equal(back, schema.conform(expected[name], name), check_dtype=True)


def test_the_report_card_links_its_data(card, out):
    data = out / "data" / CARD
    for page in card:
        assert sorted(linked_files(page)) == sorted(data / name for name in DATA_FILES), page
    english = card[1].read_text(encoding="utf-8")
    assert english.index(">Data</bdi>") < english.index(">البيانات</bdi>")  # English first in its edition


def test_the_report_cards_links_resolve_in_a_browser(browser, card):
    for path in card:
        page = visible(browser, path)
        hrefs = page.eval_on_selector_all('a[href$=".csv"], a[href$=".json"]', "links => links.map(a => a.href)")
        assert len(set(hrefs)) == len(DATA_FILES)
        assert all(href.startswith("file://") and Path(href[len("file://") :]).is_file() for href in hrefs), hrefs
        page.context.close()


def test_a_comparison_writes_one_claims_table_of_all_reports(compared, out):
    from khabar.reports import claims_of, load_articles

    data = out / "data" / "comparison"
    assert sorted(p.name for p in data.iterdir()) == [
        "acled.csv",
        "claims.csv",
        "datapackage.json",
        "ged.csv",
        "tables.xlsx",
    ]
    report = valid(data)
    assert [task.name for task in report.tasks] == ["claims", "acled", "ged"]
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert package["resources"][0]["schema"] == {
        k: v for k, v in schema.table_schema("claims_of").items() if k != "description"
    }
    articles, _ = load_articles([SEED, FIXTURES])
    assert sorted(r["file"] for r in package["reports"]) == sorted(a.source_path.name for a in articles)
    assert {"Enab Baladi", "Madina Post (invented)"} <= {r["outlet"] for r in package["reports"]}
    back = schema.read_csv(data / "claims.csv", "claims_of")
    assert back.columns[:5].tolist() == ["article", "outlet", "published", "claimant_key", "corroboration_in_report"]
    expected = claims_of(articles, processes=1)
    assert back["article"].nunique() == len(articles)
    pd.testing.assert_frame_equal(back, schema.conform(expected, "claims_of"), check_dtype=True)
    for page in compared:
        assert sorted(linked_files(page)) == sorted(
            [data / "claims.csv", data / "acled.csv", data / "ged.csv", data / "datapackage.json"]
        ), page


def test_data_outside_the_schema_writes_neither_data_nor_page(tmp_path, monkeypatch):
    made = datapackage.tables

    def with_a_new_qualifier(article):
        found = made(article)
        found["claims"].loc[0, "qualifier"] = "roughly"
        return found

    monkeypatch.setattr(datapackage, "tables", with_a_new_qualifier)
    monkeypatch.setattr(export, "execute_editions", lambda *a, **k: pytest.fail("the notebook ran"))
    with pytest.raises(schema.SchemaError, match="claims: column 'qualifier', row 0: 'roughly'"):
        export_report([FIXTURES / f"{CARD}.txt"], tmp_path / "reports")
    assert not (tmp_path / "reports").exists()
    assert kernels_left() == []  # the kernel started early is stopped with the failure


def kernels_left() -> list[str]:
    """The command lines of this process's kernels still running (other
    children, such as the tests' browser, are not counted)."""
    import psutil

    commands = []
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE:  # a zombie has exited, only not yet reaped
                commands.append(" ".join(child.cmdline()))
        except psutil.Error:  # gone meanwhile
            continue
    return [command for command in commands if "ipykernel" in command]


def test_the_early_kernel_runs_the_notebook_and_stops(tmp_path):
    with export.started_kernel(tmp_path) as kernel:
        assert kernels_left() != []  # started at once, before any cell is sent
        notebooks = export.execute_editions(export.REPORT_NOTEBOOK, {}, kernel=kernel)
    assert kernels_left() == []
    assert not list(tmp_path.iterdir())  # the kernel's sockets were in their own folder
    assert set(notebooks) == {"ar", "en"}
    for notebook in notebooks.values():
        assert all(cell.get("outputs") is not None for cell in notebook.cells if cell.cell_type == "code")
        assert not [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]


def test_pages_that_fail_put_the_previous_data_back(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    previous = out / "data" / "comparison"
    previous.mkdir(parents=True)
    (previous / "claims.csv").write_text("previous data", encoding="utf-8")

    def full_disk(pages):
        assert (previous / "datapackage.json").is_file()  # the new package was in place
        raise OSError("no space left")

    monkeypatch.setattr(export, "write_pages", full_disk)
    with pytest.raises(OSError, match="no space left"):
        export_report([FIXTURES / f"{CARD}.txt", SEED], out)
    assert [p.name for p in previous.iterdir()] == ["claims.csv"]
    assert (previous / "claims.csv").read_text(encoding="utf-8") == "previous data"
    assert [p.name for p in previous.parent.iterdir()] == ["comparison"]  # no backup left


def test_the_default_report_data_sit_beside_build_data():
    assert export.report_data_dir() == datapackage.DATA_DIR / "reports"
    assert "reports" in datapackage.KEPT


def test_comparison_tables_speak_the_edition_language(browser, compared):
    for path, lang in zip(compared, ("ar", "en")):
        codes = ("handed_over", "pro_regime_pages", "informed_sources", "single_source", "value_low")
        codes += ("casualties", "bodies") if lang == "ar" else ()
        page = visible(browser, path)
        headers = page.eval_on_selector_all("table.claims th", "cells => cells.map(c => c.innerText)")
        cells = page.eval_on_selector_all("table td, table th", "cells => cells.map(c => c.innerText)")
        page.context.close()
        assert not [cell for cell in cells if any(code in cell for code in codes)], lang
        assert ("الاقتباس" in headers) == (lang == "ar") and ("quote" in headers) == (lang == "en")


def test_the_commands_validate_without_the_iri_grammar(tmp_path):
    """make report and make html skip the module behind jsonschema's "iri"
    format (slow to import); frictionless still validates, and still finds a
    damaged table."""
    import subprocess
    import sys

    script = f"""
import sys
from pathlib import Path
from khabar.export import without_iri_grammar
without_iri_grammar()
import jsonschema
from khabar import datapackage
from khabar.article import load_article
article = load_article({str(FIXTURES / f"{CARD}.txt")!r})
folder = datapackage.stage_package(datapackage.tables(article), datapackage.article_source(article), Path({str(tmp_path)!r}) / "data")
print("good:", datapackage.validate(folder))
claims = folder / "claims.csv"
lines = claims.read_text(encoding="utf-8").splitlines()
claims.write_text("\\n".join(lines[:1] + ["x," + lines[1]] + lines[2:]) + "\\n", encoding="utf-8")
print("damaged:", len(datapackage.validate(folder)) > 0)
print("iri grammar loaded:", sys.modules.get("rfc3987_syntax") is not None)
print("uri checked:", not jsonschema.FormatChecker().conforms("not a uri", "uri"))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-4:] == [
        "good: []",
        "damaged: True",
        "iri grammar loaded: False",
        "uri checked: True",
    ]
