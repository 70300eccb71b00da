"""build/data/: the tables as CSV with a codebook (datapackage.json), checked
by the frictionless validator and read back with pandas."""

import csv
import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from khabar import datapackage, schema
from khabar.arabic import has_presentation_forms
from khabar.datapackage import DataPackageError, article_source, tables, write_data, write_package
from khabar.export import index_page
from khabar.schema import SchemaError, conform, read_csv, table_schema

frictionless = pytest.importorskip("frictionless")

FILES = sorted([f"{name}.csv" for name in schema.TABLES] + ["datapackage.json"])


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
    with open(data / "claims.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[3]["qualifier"] = "roughly"
    rows[5]["value_low"] = "-12"
    with open(broken / "claims.csv", "w", encoding="utf-8", newline="") as handle:
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


@pytest.mark.parametrize("name", schema.TABLES)
def test_csv_cells_are_plain(data, name):
    raw = (data / f"{name}.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no byte-order mark
    text = raw.decode("utf-8")
    assert not has_presentation_forms(text)
    with open(data / f"{name}.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for field in table_schema(name)["fields"]:
        cells = [row[field["name"]] for row in rows]
        if field["type"] == "integer":
            assert all(re.fullmatch(r"-?\d*", cell) for cell in cells), (field["name"], cells)
        if field["type"] == "date":
            assert all(re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", cell) for cell in cells), (field["name"], cells)


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
    assert sorted(links) == FILES
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
    bad = table.assign(corroboration_in_report="likely")
    with pytest.raises(SchemaError, match=r"claims_of: column 'corroboration_in_report', row 0: 'likely'"):
        write_package({"claims": bad}, source, tmp_path / "data", schemas={"claims": "claims_of"})
    assert sorted(p.name for p in out.iterdir()) == ["claims.csv", "datapackage.json"]
