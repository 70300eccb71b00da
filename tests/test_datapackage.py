"""build/data/: the tables as CSV with a codebook (datapackage.json), checked
by the frictionless validator and read back with pandas."""

import csv
import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from khabar import datapackage, schema, workbook
from khabar.arabic import has_presentation_forms
from khabar.datapackage import DataPackageError, article_source, tables, write_data, write_package
from khabar.export import index_page
from khabar.schema import SchemaError, conform, read_csv, table_schema

frictionless = pytest.importorskip("frictionless")

CODEBOOK = ["datapackage.json"]
FILES = sorted([f"{name}.csv" for name in schema.TABLES] + CODEBOOK + ["tables.xlsx"])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return write_data(out_dir=tmp_path_factory.mktemp("build") / "data")


@pytest.fixture(scope="module")
def seed_tables(article):
    return tables(article)


def test_the_package_holds_a_file_per_table_and_the_codebook(data):
    assert sorted(p.name for p in data.iterdir()) == FILES
    assert [p.name for p in data.parent.iterdir()] == ["data"]  # no staging folder left


def test_frictionless_finds_the_package_valid(data):
    report = frictionless.validate(str(data / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [task.name for task in report.tasks] == list(schema.TABLES)
    assert all(task.stats["rows"] > 0 for task in report.tasks[:4])


def test_frictionless_catches_what_the_schema_forbids(data, tmp_path):
    broken = tmp_path / "data"
    broken.mkdir()
    for path in data.iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    with open(data / "claims.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[3]["qualifier"] = "roughly"
    rows[5]["value_low"] = "-12"
    with open(broken / "claims.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    found = datapackage.validate(broken)
    assert len(found) == 2 and all(problem.startswith("claims.csv: ") for problem in found)
    assert "roughly" in " ".join(found) and "-12" in " ".join(found)


def test_the_codebook_describes_the_article_and_every_column(data, article):
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert package["article"]["title"] == article.title
    assert (package["article"]["outlet"], package["article"]["published"]) == ("Enab Baladi", "2018-03-26")
    assert package["sources"][0]["title"].endswith(article.title)
    assert [r["path"] for r in package["resources"]] == [f"{name}.csv" for name in schema.TABLES]
    for resource in package["resources"]:
        assert resource["description"]
        assert resource["schema"]["fields"] == table_schema(resource["name"])["fields"]
    qualifier = next(f for f in package["resources"][0]["schema"]["fields"] if f["name"] == "qualifier")
    assert "20-99" in qualifier["description"] and "76-94" in qualifier["description"]


def test_a_url_in_the_metadata_becomes_the_source_path(article):
    source = {**article_source(article), "url": "https://example.org/article"}
    assert datapackage.descriptor(source)["sources"][0]["path"] == "https://example.org/article"
    assert "path" not in datapackage.descriptor(article_source(article))["sources"][0]


@pytest.mark.parametrize("name", schema.TABLES)
def test_each_csv_round_trips_to_the_same_table(data, seed_tables, name):
    back = read_csv(data / f"{name}.csv", name)
    pd.testing.assert_frame_equal(back, conform(seed_tables[name], name), check_dtype=True)
    pd.testing.assert_frame_equal(back, seed_tables[name].reset_index(drop=True), check_dtype=False)


def csv_rows(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def assert_plain_cells(path, described):
    """Whole numbers without ".0", ISO dates, lists as plain text."""
    rows = csv_rows(path)
    assert list(rows[0]) == schema.columns(described)
    for field in table_schema(described)["fields"]:
        cells = [row[field["name"]] for row in rows]
        if field["type"] == "integer":
            assert all(re.fullmatch(r"-?\d*", cell) for cell in cells), (field["name"], cells)
        if field["type"] in ("integer", "number"):
            assert not [cell for cell in cells if re.fullmatch(r"-?\d+\.0+", cell)], (field["name"], cells)
        if field["type"] == "date":
            assert all(re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", cell) for cell in cells), (field["name"], cells)
        if field["type"] == "list":
            assert not [cell for cell in cells if cell.startswith(("[", '"'))], (field["name"], cells)
        if field["type"] not in ("array",):
            assert not [cell for cell in cells if re.fullmatch(r"\[.*\]", cell)], (field["name"], cells)
    return rows


@pytest.mark.parametrize("name", schema.TABLES)
def test_csv_cells_are_plain(data, name):
    raw = (data / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbf" * 2)  # one UTF-8 signature
    text = raw.decode("utf-8-sig")
    assert not has_presentation_forms(text)
    assert text.split("\n", 1)[0] == ",".join(schema.columns(name))
    assert_plain_cells(data / f"{name}.csv", name)


def test_the_seeds_figures_are_written_as_whole_numbers(data):
    rows = csv_rows(data / "claims.csv")
    bodies = next(row for row in rows if row["quote"] == "بحوالي 85")
    assert (bodies["value"], bodies["value_low"], bodies["value_high"]) == ("85", "76", "94")
    shares = {row["place"]: row["share"] for row in csv_rows(data / "control.csv") if row["share"]}
    assert shares == {"حي القدم": "90", "مخيم اليرموك": "70"}


def test_a_fraction_keeps_its_decimals(tmp_path, seed_tables, article):
    claims = seed_tables["claims"].copy()
    claims.loc[0, "value"] = 2.5
    out = write_package({"claims": claims}, article_source(article), tmp_path / "data")
    assert csv_rows(out / "claims.csv")[0]["value"] == "2.5"
    assert read_csv(out / "claims.csv", "claims").loc[0, "value"] == 2.5


def test_several_texts_in_a_cell_are_separated_not_json(data, seed_tables):
    events = seed_tables["events"]
    merged = events[events["claimants"].map(len) > 1]
    assert len(merged), "the seed has a happening told by two claimants"
    rows = csv_rows(data / "events.csv")
    for index, row in merged.iterrows():
        assert rows[index]["claimants"] == " ; ".join(row["claimants"])
        assert rows[index]["quotes"] == " ; ".join(row["quotes"])
        assert rows[index]["quotes"].split(" ; ") == list(row["quotes"])
    field = next(f for f in table_schema("events")["fields"] if f["name"] == "quotes")
    assert (field["type"], field["delimiter"]) == ("list", " ; ")


def test_a_text_holding_the_separator_is_refused_not_split(tmp_path, seed_tables, article):
    events = seed_tables["events"].copy()
    events.at[0, "quotes"] = ("جملة أولى ; وتتمتها",)
    with pytest.raises(
        SchemaError, match=r"events: column 'quotes', row 0: .* cannot be written as texts separated by ' ; '"
    ):
        write_package({"events": events}, article_source(article), tmp_path / "data")


def test_quotes_are_the_article_text_at_their_offsets(data, article):
    for name in ("claims", "events", "control"):
        table = read_csv(data / f"{name}.csv", name)
        assert [article.text[s:e] for s, e in zip(table.start, table.end)] == table["quote"].tolist()


def test_a_table_outside_its_schema_is_not_written(tmp_path, seed_tables, article):
    out = tmp_path / "data"
    out.mkdir()
    (out / "claims.csv").write_text("previous package", encoding="utf-8")
    bad = dict(seed_tables)
    bad["claims"] = seed_tables["claims"].copy()
    bad["claims"].loc[3, "qualifier"] = "roughly"
    with pytest.raises(SchemaError, match="claims: column 'qualifier', row 3"):
        write_package(bad, article_source(article), out)
    assert [p.name for p in tmp_path.iterdir()] == ["data"]
    assert [p.name for p in out.iterdir()] == ["claims.csv"]
    assert (out / "claims.csv").read_text(encoding="utf-8") == "previous package"


def test_a_package_the_validator_rejects_is_not_written(tmp_path, seed_tables, article, monkeypatch):
    out = tmp_path / "data"
    out.mkdir()
    (out / "events.csv").write_text("previous package", encoding="utf-8")
    written = schema.to_csv

    def corrupt(table, path, name):  # a writer bug: a date that is not ISO
        path = written(table, path, name)
        if name == "events":
            lines = path.read_text(encoding="utf-8").split("\n")
            lines[2] = "16/03/2018" + lines[2][len("2018-03-16") :]
            path.write_text("\n".join(lines), encoding="utf-8")
        return path

    monkeypatch.setattr(schema, "to_csv", corrupt)
    with pytest.raises(DataPackageError, match=r"data: not written, the data do not validate: .*events\.csv"):
        write_package(seed_tables, article_source(article), out)
    assert [p.name for p in tmp_path.iterdir()] == ["data"]
    assert (out / "events.csv").read_text(encoding="utf-8") == "previous package"


def test_the_index_links_every_file(data):
    page = index_page([("01-article.html", "t", "وصف", "d")])
    links = re.findall(r'href="\.\./data/([^"]+)"', page)
    assert set(links) >= {f"{name}.csv" for name in schema.TABLES} | set(CODEBOOK)
    html_dir = data.parent / "html"
    assert all(Path(os.path.normpath(html_dir / ".." / "data" / link)).is_file() for link in links)


def test_a_bad_csv_read_back_names_file_column_row_and_line(data, tmp_path):
    lines = (data / "paragraphs.csv").read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3].replace(",body,", ",footer,", 1)
    broken = tmp_path / "paragraphs.csv"
    broken.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SchemaError, match=r"paragraphs\.csv \(paragraphs\): column 'kind', row 2 \(line 4\): 'footer'"):
        read_csv(broken, "paragraphs")


def test_make_html_keeps_the_report_data(tmp_path, article):
    # make report writes under data/reports/; make html replaces data/ but not those.
    out = tmp_path / "data"
    (out / "reports" / "a").mkdir(parents=True)
    (out / "reports" / "a" / "claims.csv").write_text("a report's claims", encoding="utf-8")
    (out / "old.csv").write_text("an old table", encoding="utf-8")
    write_data(article, out)
    assert (out / "reports" / "a" / "claims.csv").read_text(encoding="utf-8") == "a report's claims"
    assert not (out / "old.csv").exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES + ["reports"])
    assert datapackage.validate(out) == []


def test_a_combined_table_takes_its_own_schema(tmp_path):
    from khabar.article import SEED_PATH
    from khabar.reports import claims_of, load_articles

    articles, _ = load_articles([SEED_PATH])
    table = claims_of(articles, processes=1)
    source = {"title": "مقارنة", "file": "one", "reports": [article_source(a) for a in articles]}
    with pytest.raises(SchemaError, match="claims: column 'article' is not in the schema"):
        write_package({"claims": table}, source, tmp_path / "wrong")
    out = write_package({"claims": table}, source, tmp_path / "data", schemas={"claims": "claims_of"})
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == ["claims.csv"]
    assert package["sources"] == [{"title": f"Enab Baladi, 2018-03-26: {articles[0].title}"}]
    assert "several Arabic news reports" in package["description"] and "article" not in package
    back = read_csv(out / "claims.csv", "claims_of")
    pd.testing.assert_frame_equal(back, conform(table, "claims_of"), check_dtype=True)
    assert_plain_cells(out / "claims.csv", "claims_of")
    assert workbook.sheet_names(out / "tables.xlsx") == ["claims", "codebook", "about"]
    bad = table.assign(corroboration_in_report="likely")
    with pytest.raises(SchemaError, match=r"claims_of: column 'corroboration_in_report', row 0: 'likely'"):
        write_package({"claims": bad}, source, tmp_path / "data", schemas={"claims": "claims_of"})
    assert sorted(p.name for p in out.iterdir()) == ["claims.csv", "datapackage.json", "tables.xlsx"]


# The workbook: a sheet per table, the codebook, right to left for Arabic.


@pytest.fixture(scope="module")
def book(data):
    from openpyxl import load_workbook

    return load_workbook(data / "tables.xlsx")


def sheet_rows(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_the_workbook_has_a_sheet_per_table_then_the_codebook(book):
    assert book.sheetnames == [*schema.TABLES, "codebook", "about"]
    for name in schema.TABLES:
        header = next(book[name].iter_rows(max_row=1, values_only=True))
        assert list(header) == schema.columns(name)


def test_sheets_of_arabic_text_read_right_to_left(book):
    # ACLED's layout is an English table (its notes quote Arabic inside
    # English sentences); GED's carries the report's Arabic headline and
    # quotes in columns of their own, so it reads right to left like the rest.
    english = {"acled", "codebook", "about"}
    flags = {sheet.title: sheet.sheet_view.rightToLeft for sheet in book.worksheets}
    assert flags == {name: name not in english for name in [*schema.TABLES, "codebook", "about"]}


def test_the_codebook_sheet_has_a_row_per_column_from_the_schemas(book):
    rows = sheet_rows(book["codebook"])
    expected = [(name, field["name"]) for name in schema.TABLES for field in table_schema(name)["fields"]]
    assert [(row["table"], row["column"]) for row in rows] == expected
    by_column = {(row["table"], row["column"]): row for row in rows}
    qualifier = by_column[("claims", "qualifier")]
    assert qualifier["type"] == "string" and qualifier["required"] is True
    assert "about" in qualifier["allowed"].split(", ") and "76-94" in qualifier["description"]
    assert by_column[("events", "quotes")]["type"] == "list of string, separated by ' ; '"
    assert by_column[("paragraphs", "gloss_en")]["description"].startswith("An English rendering")


def test_the_sheets_hold_the_csv_values_typed(book, data):
    from datetime import datetime

    for name in schema.TABLES:
        sheet, rows = sheet_rows(book[name]), csv_rows(data / f"{name}.csv")
        assert len(sheet) == len(rows), name
        for field in table_schema(name)["fields"]:
            column = field["name"]
            for cell, text in zip((row[column] for row in sheet), (row[column] for row in rows)):
                if text == "":
                    assert cell is None, (name, column)
                elif field["type"] in ("integer", "number") and re.fullmatch(r"-?\d+", text):
                    assert type(cell) is int and cell == int(text), (name, column, cell)
                elif field["type"] == "date":
                    assert isinstance(cell, datetime) and cell.strftime("%Y-%m-%d") == text, (name, column)
                else:
                    assert str(cell) == text, (name, column)


def test_a_text_like_a_formula_stays_text(tmp_path, article):
    from openpyxl import load_workbook

    dropped = pd.DataFrame({"text": ['=HYPERLINK("http://example.org")'], "reason": ["icon"]})
    out = write_package({"dropped": dropped}, article_source(article), tmp_path / "data")
    cell = load_workbook(out / "tables.xlsx")["dropped"]["A2"]
    assert (cell.data_type, cell.value) == ("s", dropped.loc[0, "text"])


# Licence, source and the English gloss.


def test_the_package_names_its_licence_and_whose_the_text_is(data):
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [
        {
            "name": "ODC-By-1.0",
            "path": "https://opendatacommons.org/licenses/by/1-0/",
            "title": "Open Data Commons Attribution License v1.0",
        }
    ]
    assert "copyright of Enab Baladi" in package["copyright"]
    assert "tables.xlsx" in package["description"]


def test_the_source_url_is_in_the_package_and_the_workbook(tmp_path, article):
    from openpyxl import load_workbook

    source = {**article_source(article), "url": "https://example.org/2018/03/26/deal"}
    out = write_package({"dropped": article.dropped}, source, tmp_path / "data")
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["sources"][0]["path"] == package["article"]["url"] == "https://example.org/2018/03/26/deal"
    about = dict(load_workbook(out / "tables.xlsx")["about"].iter_rows(min_row=2, values_only=True))
    assert about["source"].endswith(": https://example.org/2018/03/26/deal")
    assert (
        about["licence"] == "Open Data Commons Attribution License v1.0: https://opendatacommons.org/licenses/by/1-0/"
    )


def test_the_seeds_english_gloss_is_a_column_of_paragraphs(data, article):
    gloss = csv_rows(article.source_path.with_suffix(".gloss.csv"))
    rows = csv_rows(data / "paragraphs.csv")
    assert [row["gloss_en"] for row in rows] == [row["en"] for row in gloss]
    assert rows[0]["gloss_en"].startswith("A murky deal south of Damascus")
    assert all(row["gloss_en"] for row in rows)


def test_a_report_without_a_gloss_has_the_column_empty(tmp_path):
    from khabar.article import load_article

    path = tmp_path / "report.txt"
    path.write_text("عنوان التقرير\nوقالت مصادر محلية إن 12 مدنيا قتلوا في القصف.", encoding="utf-8")
    table = tables(load_article(path))["paragraphs"]
    assert table["gloss_en"].tolist() == ["", ""]


# The writer is driven by the schema files and the tables: a new table is a
# schema file and one entry.


def test_a_new_table_needs_only_its_schema_file_and_an_entry(tmp_path, monkeypatch, article):
    from openpyxl import load_workbook

    folder = tmp_path / "schema"
    folder.mkdir()
    for path in schema.SCHEMA_DIR.glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "sightings_test.json").write_text(
        json.dumps(
            {
                "description": "A table made up for this test.",
                "fields": [
                    {"name": "place", "type": "string", "description": "Where.", "constraints": {"required": True}},
                    {"name": "count", "type": "integer", "description": "How many."},
                    {"name": "share", "type": "number", "description": "What share."},
                    {
                        "name": "seen_by",
                        "type": "list",
                        "delimiter": " ; ",
                        "itemType": "string",
                        "description": "Who.",
                    },
                    {"name": "raw", "type": "array", "description": "As given, a JSON array."},
                ],
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(schema, "SCHEMA_DIR", folder)
    made = datapackage.tables
    sightings = pd.DataFrame(
        {
            "place": ["حي القدم", "مخيم اليرموك"],
            "count": [12.0, float("nan")],
            "share": [90.0, 0.5],
            "seen_by": [("enab_baladi", "isis"), ()],
            "raw": [("a", "b"), ("c",)],
        }
    )
    monkeypatch.setattr(datapackage, "tables", lambda a: {**made(a), "sightings_test": sightings})
    out = datapackage.write_data(article, tmp_path / "data")
    assert datapackage.validate(out) == []
    assert csv_rows(out / "sightings_test.csv") == [
        {"place": "حي القدم", "count": "12", "share": "90", "seen_by": "enab_baladi ; isis", "raw": '["a", "b"]'},
        {"place": "مخيم اليرموك", "count": "", "share": "0.5", "seen_by": "", "raw": '["c"]'},
    ]
    back = read_csv(out / "sightings_test.csv", "sightings_test")
    pd.testing.assert_frame_equal(back, conform(sightings, "sightings_test"), check_dtype=True)
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["resources"][-1]["name"] == "sightings_test"
    book = load_workbook(out / "tables.xlsx")
    assert book.sheetnames[-3:] == ["sightings_test", "codebook", "about"]
    assert book["sightings_test"].sheet_view.rightToLeft
    assert [row[1] for row in book["codebook"].iter_rows(values_only=True) if row[0] == "sightings_test"] == [
        "place",
        "count",
        "share",
        "seen_by",
        "raw",
    ]


def test_the_same_tables_give_the_same_workbook(tmp_path, seed_tables, data):
    import zipfile

    first = workbook.write_workbook(seed_tables, tmp_path / "first.xlsx", package=None)
    with zipfile.ZipFile(first) as book:  # nothing of the time of writing
        assert {info.date_time for info in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "dcterms:modified" not in book.read("docProps/core.xml").decode()
    assert workbook.write_workbook(seed_tables, tmp_path / "again.xlsx").read_bytes() == first.read_bytes()
    read = pd.read_excel(data / "tables.xlsx", sheet_name=None)
    assert list(read) == [*schema.TABLES, "codebook", "about"]
    assert len(read["claims"]) == len(seed_tables["claims"])
