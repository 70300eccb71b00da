"""Reader views: labels per edition from one vocabulary, ranges, integer
counts, escaping, and the English glosses lined up with the seed."""

import pandas as pd
import pytest

from khabar import charts, labels
from khabar.views import claims_view, figure_range, glosses, html_table


def test_chart_and_table_share_the_vocabulary(table):
    for lang in ("ar", "en"):
        view = claims_view(table, lang)
        who = view[labels.label("column", "claimant", lang)]
        assert list(who) == [charts.CLAIMANTS[c][lang] for c in table["claimant"]]


def test_views_keep_the_codes_in_the_dataframe(table):
    before = table.copy()
    claims_view(table, "ar")
    pd.testing.assert_frame_equal(table, before)


def test_every_code_in_the_seed_tables_has_words(article, table):
    from khabar import control

    unlabelled = [
        (kind, key)
        for kind, column in (
            ("claimant", "claimant"),
            ("subject", "subject"),
            ("side", "side"),
            ("grade", "corroboration"),
        )
        for key in table[column].unique()
        if labels.label(kind, key, "ar") == str(key).replace("_", " ")
    ]
    unlabelled += [
        ("controller", key)
        for key in control(article)["controller"].unique()
        if labels.label("controller", key, "ar") == key
    ]
    assert unlabelled == []


@pytest.mark.parametrize(
    "low, high, unit, expected",
    [
        (27.0, 30.0, "persons", "27–30"),
        (12.0, 12.0, "persons", "12"),
        (63.0, 70.0, "percent", "63–70%"),
        (101.0, float("nan"), "persons", "≥ 101"),
        (float("nan"), float("nan"), "persons", ""),
        (2.5, 3.0, "km", "2.5–3"),
    ],
)
def test_figure_range(low, high, unit, expected):
    assert figure_range(low, high, unit) == expected


def test_html_table_escapes_and_sets_directions():
    view = pd.DataFrame({"quote": ['<img src=x onerror="alert(1)">', "قرابة 30"], "n": pd.array([1, None], "Int64")})
    html = html_table(view, "ar")
    assert "<img" not in html and "&lt;img" in html
    assert html.startswith('<table class="dataframe khabar-table" dir="rtl" lang="ar">')
    assert html.count('dir="auto"') == 2 and "<td></td>" in html


def test_ui_terms_with_a_missing_word_name_the_file(tmp_path, monkeypatch):
    bad = tmp_path / "terms.csv"
    bad.write_text("kind,key,ar,en\ngrade,contested,,contested\n", encoding="utf-8")
    monkeypatch.setattr(labels, "TERMS_PATH", bad)
    labels.ui_terms.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"terms\.csv: line 2"):
            labels.label("grade", "contested", "en")
    finally:
        labels.ui_terms.cache_clear()


def test_glosses_line_up_with_the_paragraphs(article):
    english = glosses(article)
    assert len(english) == len(article.paragraphs)
    # Figures written in a paragraph appear in its gloss.
    for text, gloss in zip(article.paragraphs["text"], english):
        for number in __import__("re").findall(r"\d+", text):
            if len(number) < 4 or number in ("2015",):
                assert number in gloss, (number, gloss)


def test_glosses_out_of_step_are_an_error(article, tmp_path):
    import dataclasses
    import shutil

    copy = tmp_path / article.source_path.name
    shutil.copy(article.source_path, copy)
    gloss = article.source_path.with_suffix(".gloss.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / copy.with_suffix(".gloss.csv").name).write_text("\n".join(gloss[:1] + gloss[2:]), encoding="utf-8")
    with pytest.raises(ValueError, match=r"gloss\.csv: needs one row per paragraph"):
        glosses(dataclasses.replace(article, source_path=copy))
