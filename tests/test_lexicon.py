"""The lexicon: every record checked, and what is built on it (labels,
colours, charts) never fails on a key it does not hold."""

import csv
import re
import subprocess
import sys

import pytest

from khabar import lexicon
from khabar.arabic import has_presentation_forms

MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
SPELLING_COLUMNS = {"noun": ["singulars", "plurals"], "claimant": ["names"], "place": ["name"]}
LABELLED = ["subject", "scope", "claimant", "side"]


def raw_rows(kind):
    with (lexicon.FOLDER / lexicon.FILES[kind]).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def spellings(kind, row):
    columns = SPELLING_COLUMNS.get(kind, ["forms"])
    return [form for column in columns if column in row for form in row[column].split("|") if form]


@pytest.mark.parametrize("kind", sorted(lexicon.FILES))
def test_spellings_are_plain_letters(kind):
    for row in raw_rows(kind):
        for form in spellings(kind, row):
            assert not MARKS.search(form), f"{kind}: {form!r} has harakat or tatweel and would never match"
            assert not has_presentation_forms(form), f"{kind}: {form!r} has presentation forms"
            assert form == form.strip() and "  " not in form, f"{kind}: {form!r} has stray spaces"


@pytest.mark.parametrize("kind", sorted(lexicon.FILES))
def test_no_spelling_in_two_records(kind):
    seen = {}
    for number, row in enumerate(raw_rows(kind)):
        for form in spellings(kind, row):
            # a qualifier may stand before or after the number under the same spelling
            key = (row.get("position", ""), lexicon.fold(form))
            assert key not in seen or seen[key] == number, f"{kind}: {form!r} is in two records"
            seen[key] = number


@pytest.mark.parametrize("kind", LABELLED)
def test_labels_in_both_languages(kind):
    for row in raw_rows(kind):
        assert row["label_ar"] and row["label_en"], f"{kind} {row['key']}: a label is missing"
        assert re.search("[\u0600-\u06ff]", row["label_ar"]), f"{kind} {row['key']}: Arabic label is not Arabic"
        assert not has_presentation_forms(row["label_ar"])
        assert not re.search("[\u0600-\u06ff]", row["label_en"])


@pytest.mark.parametrize("kind", ["claimant", "side"])
def test_colours_are_hex(kind):
    for row in raw_rows(kind):
        assert re.fullmatch("#[0-9a-f]{6}", row["colour"]), f"{kind} {row['key']}: {row['colour']!r}"


def test_records_point_at_records_that_exist():
    subjects = {row["key"] for row in raw_rows("subject")}
    sides = {row["key"] for row in raw_rows("side")}
    assert {row["subject"] for row in raw_rows("noun")} <= subjects
    assert {row["side"] for row in raw_rows("claimant")} <= sides
    scopes = {row["key"] for row in raw_rows("scope")}
    assert {row["scope"] for row in raw_rows("predicate")} <= scopes


@pytest.mark.parametrize("row", raw_rows("noun"), ids=lambda row: row["lemma"])
def test_each_nouns_example_yields_it(made_up_article, row):
    from khabar import claims

    found = claims(made_up_article(row["example"]))
    assert row["lemma"] in found["lemma"].tolist(), found[["quote", "lemma"]]
    assert row["subject"] in set(found["subject"]) | set(found["scope"])


@pytest.mark.parametrize("row", [r for r in raw_rows("claimant") if r["example"]], ids=lambda row: row["key"])
def test_each_claimants_example_yields_it(row):
    from khabar.sources import claimant_of

    assert claimant_of(row["example"]) == row["key"]


@pytest.mark.parametrize("row", raw_rows("predicate"), ids=lambda row: row["scope"])
def test_each_predicates_example_yields_it(made_up_article, row):
    from khabar import claims

    table = claims(made_up_article(row["example"]))
    said = set(table["scope"]) | set(table["subject"])
    assert row["scope"] in said, table[["quote", "subject", "scope"]]


@pytest.mark.parametrize("kind", ["qualifier", "vague"])
def test_each_qualifiers_example_yields_it(kind):
    from khabar.numbers import quantities

    for row in raw_rows(kind):
        assert row["qualifier"] in quantities(row["example"])["qualifier"].tolist(), row["example"]


def test_each_reporting_example_names_someone():
    from khabar.sources import claimant_of

    for row in raw_rows("reporting"):
        assert claimant_of(row["example"]) != "unattributed", row["example"]


def test_label_falls_back_to_the_key_as_written():
    assert lexicon.label("subject", "detainees", "en") == "detainees"
    assert lexicon.label("scope", "recovered", "ar") == "انتُشلت"
    assert lexicon.label("claimant", "مجلس محلي", "ar") == "مجلس محلي"
    with pytest.raises(ValueError, match="lang"):
        lexicon.label("side", "regime", "fr")


def test_records_is_a_dataframe_of_the_kind():
    table = lexicon.records("claimant")
    assert {"key", "names", "side", "label_ar", "label_en", "colour", "forms"} <= set(table.columns)
    assert "sohr" in set(table["key"])
    with pytest.raises(lexicon.LexiconError, match="no lexicon kind"):
        lexicon.records("verbs")


def test_a_broken_lexicon_file_is_named(tmp_path, monkeypatch):
    (tmp_path / "sides.csv").write_text("key,label_ar,label_en,colour\nregime,موال\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "FOLDER", tmp_path)
    lexicon.rows.cache_clear()
    try:
        with pytest.raises(lexicon.LexiconError, match="sides.csv, line 2"):
            lexicon.rows("side")
    finally:
        monkeypatch.undo()
        lexicon.rows.cache_clear()


def test_import_khabar_does_not_load_the_lexicon():
    code = "import sys, khabar; print('khabar.lexicon' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_charts_show_a_new_subject_scope_and_speaker_as_written(made_up_article):
    from khabar import charts, claims

    table = claims(made_up_article("وقال مجلس محلي إن الطرفين تبادلا نحو 20 معتقلا وانتشلا 5 جثث."))
    assert set(table["subject"]) == {"detainees", "bodies"}
    assert set(table["scope"]) == {"handed_over", "recovered"}
    fig = charts.claim_ranges(table, {"ar": "تجربة", "en": "test"}, lang="en")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["مجلس محلي — detainees handed over", "مجلس محلي — bodies recovered"]
    assert charts.SUBJECTS["a subject no one labelled"]["en"] == "a subject no one labelled"
    assert charts.CLAIMANT_COLOURS["someone new"] == "#999999"


def test_every_claimant_has_a_source_type():
    from khabar import schema

    types = {row["key"]: row for row in lexicon.rows("source_type")}
    allowed = schema.allowed("claims", "source_type")
    for key in lexicon.records("claimant")["key"]:
        assert key in types, f"claimant {key!r} has no row in lexicon/source_types.csv"
        assert types[key]["source_type"] in allowed, f"{key}: {types[key]['source_type']!r} is no source type"
        assert types[key]["named"] in ("true", "false")
    assert set(types) <= set(lexicon.records("claimant")["key"]), "a source type for no claimant"


def test_people_are_counted_nouns():
    nouns = set(lexicon.records("noun")["lemma"])
    for row in lexicon.rows("people"):
        assert row["lemma"] in nouns, f"people.csv: {row['lemma']!r} is not a lemma of nouns.csv"
        assert row["sex"] in ("", "female", "male") and row["combatant"] in ("combatant", "civilian", "unknown")


def test_owners_name_sides():
    sides = set(lexicon.records("side")["key"]) | {"previous"}
    assert {row["side"] for row in lexicon.rows("owner")} <= sides
