"""Every shared table against its one schema (lib/khabar/schema/*.json), and
the messages a table outside its schema gets."""

import re

import pandas as pd
import pytest

from khabar import schema
from khabar.datapackage import tables
from khabar.schema import SchemaError, allowed, check, columns, conform, table_schema

TYPES = {"string", "integer", "number", "date", "boolean", "array", "list"}


@pytest.fixture(scope="module")
def seed_tables(article):
    return tables(article)


@pytest.mark.parametrize("name", schema.TABLES)
def test_the_seeds_tables_fit_their_schema(seed_tables, name):
    table = seed_tables[name]
    assert len(table), name
    assert list(table.columns) == columns(name)
    assert schema.problems(table, name) == []


def test_tables_of_a_made_up_article_fit_too(made_up_article):
    made_up = made_up_article(
        "وقالت مصادر محلية لعنب بلدي، أمس، إن قرابة 40 جثة سلمت إلى الهلال الأحمر في حي القدم.",
        "وأعلن التنظيم سيطرته على أكثر من 60% من مخيم اليرموك، وقدر خسائر القوات بعشرات الجنود.",
    )
    found = tables(made_up)
    assert all(len(found[name]) for name in ("claims", "events", "control", "paragraphs"))
    for name, table in found.items():
        assert schema.problems(table, name) == [], name


@pytest.mark.parametrize("name", schema.TABLES + schema.COMBINED)
def test_every_column_is_described_with_a_known_type(name):
    described = table_schema(name)
    assert described["description"].strip()
    for field in described["fields"]:
        assert field["type"] in TYPES, field["name"]
        assert field["description"].strip() and "\n" not in field["description"], field["name"]
        enum = field.get("constraints", {}).get("enum", [])
        assert len(enum) == len(set(enum)), field["name"]
    assert len(columns(name)) == len(set(columns(name)))
    for rule in described.get("rowConstraints", []):
        left, _, right = rule.split()
        assert left in columns(name) and right in columns(name), rule


def test_allowed_values_cover_the_codes_vocabulary():
    from khabar import conventions
    from khabar.control_table import ACTORS, PLACE_KINDS
    from khabar.dates import PRECISIONS

    banded = set(conventions.conventions()["qualifier"])
    assert banded | {"unspecified", "range"} <= set(allowed("claims", "qualifier"))
    assert set(PRECISIONS) <= set(allowed("claims", "reported_precision"))
    assert set(PRECISIONS) | {"after"} == set(allowed("events", "date_precision"))
    assert {key for key, _ in ACTORS} <= set(allowed("control", "controller"))
    assert set(PLACE_KINDS) == set(allowed("control", "kind"))


def test_claims_of_every_development_sentence_fit_the_schema():
    # The values the reader makes in code (range, displacement, a speaker's
    # side) as well as the lexicon's must be allowed.
    import csv
    from pathlib import Path

    from khabar import claims
    from khabar.article import article_from_text

    path = Path(__file__).parent / "devset" / "sentences.csv"
    sentences = dict.fromkeys(row["sentence"] for row in csv.DictReader(path.open(encoding="utf-8")))
    tables = [claims(article_from_text("عنوان تجريبي\n\n" + sentence)) for sentence in sentences]
    every_row = pd.concat([table for table in tables if len(table)], ignore_index=True)
    assert len(every_row) > len(sentences) / 2
    # A problem names its row; the row's own sentence column says which one.
    assert not schema.problems(every_row, "claims")


def claims_with(seed_tables, row, **values):
    table = seed_tables["claims"].copy()
    for column, value in values.items():
        table.loc[row, column] = value
    return table


def test_a_new_qualifier_names_table_column_and_row(seed_tables):
    bad = claims_with(seed_tables, 3, qualifier="roughly")
    with pytest.raises(SchemaError, match=r"^claims: column 'qualifier', row 3: 'roughly' is not one of"):
        check(bad, "claims")


def test_a_negative_count_names_table_column_and_row(seed_tables):
    bad = claims_with(seed_tables, 5, value_low=-12.0)
    with pytest.raises(SchemaError, match=r"claims: column 'value_low', row 5: -12\.0 is below the minimum 0"):
        check(bad, "claims")


def test_a_count_that_is_not_whole_is_refused(seed_tables):
    bad = claims_with(seed_tables, 2, value_high=94.5)
    with pytest.raises(SchemaError, match=r"column 'value_high', row 2: 94\.5 is not a whole number"):
        check(bad, "claims")


def test_an_end_before_its_start_names_table_columns_and_row(seed_tables):
    events = seed_tables["events"].copy()
    events.loc[1, ["start", "end"]] = [events.loc[1, "end"], events.loc[1, "start"]]
    with pytest.raises(SchemaError, match=r"^events: columns 'start' and 'end', row 1: \d+ <= \d+ does not hold"):
        check(events, "events")
    dated = seed_tables["events"].copy()
    dated.loc[0, "date_end"] = dated.loc[0, "date"] - pd.Timedelta(days=3)
    with pytest.raises(SchemaError, match=r"events: columns 'date' and 'date_end', row 0"):
        check(dated, "events")


def test_a_range_upside_down_is_refused(seed_tables):
    claims = seed_tables["claims"]
    row = claims.index[claims["quote"].str.startswith("قرابة 30")][0]
    high = claims.loc[row, "value_high"]
    bad = claims_with(seed_tables, row, value_low=high + 10)
    pattern = rf"columns 'value_low' and 'value_high', row {row}: {high + 10:.1f} <= {high:.1f} does not hold"
    with pytest.raises(SchemaError, match=pattern):
        check(bad, "claims")


def test_a_column_the_schema_does_not_know_points_to_the_schema_file(seed_tables):
    table = seed_tables["claims"].assign(mood="جثة")
    with pytest.raises(SchemaError, match=r"column 'mood' is not in the schema: add it to .*claims\.json"):
        check(table, "claims")
    with pytest.raises(SchemaError, match=r"column 'quote' is missing"):
        check(seed_tables["claims"].drop(columns="quote"), "claims")


def test_a_missing_required_value_and_a_repeated_key(seed_tables):
    paragraphs = seed_tables["paragraphs"].copy()
    paragraphs.loc[2, "paragraph"] = 1
    paragraphs.loc[4, "kind"] = ""
    found = schema.problems(paragraphs, "paragraphs")
    assert found == [
        "column 'paragraph', row 2: 1 repeats row 1",
        "column 'kind', row 4: empty, but the column is required",
    ]


def test_every_problem_is_listed(seed_tables):
    bad = claims_with(seed_tables, 0, qualifier="roughly", corroboration="likely", start=-1)
    with pytest.raises(SchemaError) as caught:
        check(bad, "claims")
    assert [re.match(r"columns? '(\w+)'", p).group(1) for p in caught.value.problems] == [
        "qualifier",
        "corroboration",
        "start",
    ]


def test_conform_keeps_the_values(seed_tables):
    for name, table in seed_tables.items():
        conformed = conform(table, name)
        pd.testing.assert_frame_equal(conformed, table, check_dtype=False)
        assert [str(t) for t in conformed.dtypes] == [schema.dtype(f) for f in table_schema(name)["fields"]]


def test_an_unknown_table_is_named():
    with pytest.raises(KeyError, match="no schema for a table named 'casualties'"):
        columns("casualties")


def test_a_column_made_in_code_but_not_in_the_schema_names_the_schema_file(article, monkeypatch):
    from khabar import claims_table

    made = claims_table._row
    monkeypatch.setattr(claims_table, "_row", lambda *args: {**made(*args), "mood": "certain"})
    with pytest.raises(
        SchemaError,
        match=r"^claims: column 'mood' is made in code but not in the schema: add it to .*/schema/claims\.json",
    ):
        claims_table.claims(article)


def test_a_schema_column_the_code_gives_no_value_is_named(article, monkeypatch):
    from khabar import claims_table

    made = claims_table._row
    monkeypatch.setattr(claims_table, "_row", lambda *args: {k: v for k, v in made(*args).items() if k != "lemma"})
    with pytest.raises(
        SchemaError, match=r"column 'lemma' is in the schema \(.*claims\.json\) but the code gives no value"
    ):
        claims_table.claims(article)


@pytest.mark.parametrize("name, without", [("events", ("claimants", "quotes", "mentions", "event")), ("control", ())])
def test_a_value_made_in_code_beyond_the_schema_names_the_schema_file(article, name, without):
    # The rows as the table modules make them (tuples in schema order), one with a value more.
    from khabar import control, event_mentions
    from khabar.events_table import MERGED

    assert without == () or without == MERGED
    table = event_mentions(article).drop(columns="event") if name == "events" else control(article)
    rows = list(table.itertuples(index=False, name=None))
    assert schema.frame(rows, name, without=without).columns.tolist() == table.columns.tolist()
    rows[1] = rows[1] + ("certain",)
    with pytest.raises(
        SchemaError,
        match=rf"^{name}: row 1 has \d+ values for the \d+ columns of the schema: add the new column to .*/schema/{name}\.json",
    ):
        schema.frame(rows, name, without=without)


def test_the_tables_take_their_columns_from_the_schema_without_the_lexicon():
    # The column names come from the schema file alone: importing the table
    # modules resolves no enumFrom (that reads the lexicon; it waits until a
    # schema's allowed values are asked for).
    import subprocess
    import sys

    code = (
        "import khabar.claims_table as c, khabar.events_table, khabar.control_table\n"
        "from khabar import schema\n"
        "print(len(c.COLUMNS), schema._load.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    assert out == [str(len(columns("claims"))), "0"]


def test_the_package_tables_are_the_shared_tables(seed_tables):
    # A table added to datapackage.tables() is linked by the pages and
    # checked here only once its name is in schema.TABLES too.
    assert list(seed_tables) == list(schema.TABLES)
    assert set(schema.TABLES + schema.COMBINED) <= set(schema.names())


@pytest.mark.parametrize(
    "value, problem",
    [
        ("enab_baladi", "'enab_baladi' is not a list of texts"),
        (("enab_baladi", 3), "('enab_baladi', 3) is not a list of texts"),
        (("enab_baladi", ""), "cannot be written as texts separated by ' ; ' (an item is empty or holds it)"),
        (("a ; b",), "cannot be written as texts separated by ' ; '"),
        (("a ;", "b"), "cannot be written as texts separated by ' ; '"),
    ],
)
def test_a_list_cell_that_would_not_read_back_is_refused(seed_tables, value, problem):
    events = seed_tables["events"].copy()
    events.at[2, "claimants"] = value
    found = [p for p in schema.problems(events, "events") if p.startswith("column 'claimants'")]
    assert len(found) == 1 and found[0].startswith("column 'claimants', row 2: ") and problem in found[0], found


def test_a_list_column_is_tuples_in_the_table_and_text_in_the_file(seed_tables):
    events = conform(seed_tables["events"], "events")
    assert all(isinstance(v, tuple) for v in events["quotes"])
    written = schema.cells(seed_tables["events"], "events")
    assert written["claimants"].tolist() == [" ; ".join(v) for v in events["claimants"]]


@pytest.mark.parametrize("name", schema.TABLES)
def test_the_empty_table_has_the_columns_and_types_of_one_with_rows(seed_tables, name):
    empty = schema.empty(name)
    assert len(empty) == 0
    assert list(empty.columns) == columns(name)
    # the types a table with rows gets from its schema, column by column
    with_rows = conform(seed_tables[name], name)
    assert empty.dtypes.to_dict() == with_rows.dtypes.to_dict()
    assert schema.problems(empty, name) == []


def test_an_empty_table_of_a_name_without_schema_is_refused():
    with pytest.raises(KeyError, match="no schema for a table named 'claimz'"):
        schema.empty("claimz")
