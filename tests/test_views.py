"""Reader views: labels per edition from one vocabulary, ranges, integer
counts, escaping, and the English glosses lined up with the seed."""

import re

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
    # Each text cell reads in the direction of most of its letters: the
    # Latin tag is left to right inside the Arabic table, the quote right to left.
    assert '<td dir="ltr" lang="en">&lt;img' in html and '<td dir="rtl">قرابة 30</td>' in html
    assert "<td></td>" in html
    assert [row.split("</th>")[0] for row in html.split("<tr><th>")[2:]] == ["1", "2"]  # rows counted from 1


def test_an_english_note_opening_with_an_arabic_quote_reads_left_to_right():
    html = html_table(pd.DataFrame({"note": ["«حتى اليوم» is a total of 32–111"]}), "en")
    assert (
        '<td dir="ltr"><bdi dir="rtl" lang="ar">«حتى اليوم»</bdi> is a total of <bdi dir="ltr">32–111</bdi></td>'
        in html
    )


def test_an_arabic_cell_keeps_its_date_in_a_left_to_right_isolate():
    html = html_table(pd.DataFrame({"when": ["حتى 2018-03-25"]}), "ar")
    assert 'حتى <bdi dir="ltr">2018-03-25</bdi>' in html


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


RAW = re.compile(r"^(nan|NaN|NaT|None|inf|True|False|<NA>|-?\d+\.0)$|\b[a-z]+_[a-z0-9_]+\b")
"""A cell a reader should never see: a missing-value marker, a boolean, a
count written as a float, or a code with an underscore."""


def seed_views(article, table):
    """Every reader view the notebooks show of the seed, by name, per edition."""
    import khabar
    from khabar import views
    from khabar.dates import find_dates
    from khabar.grading import part_whole, readings, sensitivity
    from khabar.incidents import event_table
    from khabar.names import mentions, place_table

    found = khabar.events(article)
    for lang in ("ar", "en"):
        yield lang, "paragraphs", views.paragraphs_view(article.paragraphs, lang)
        yield lang, "kinds", views.counts_view(article.paragraphs["kind"], "paragraph_kind", lang)
        yield lang, "words", views.words_summary(article.paragraphs, lang)
        yield lang, "dropped", views.dropped_view(article.dropped, lang)
        yield lang, "mentions", views.mentions_view(mentions(article), lang)
        yield lang, "topics", views.counts_view(table["topic"], "topic", lang)
        yield lang, "part_whole", views.part_whole_view(part_whole(table), lang)
        yield lang, "readings", views.readings_view(readings(table), lang)
        yield lang, "sensitivity", views.sensitivity_view(sensitivity(table), lang)
        yield lang, "holders", views.counts_view(khabar.control(article)["controller"], "controller", lang)
        yield lang, "places", views.places_view(place_table(), lang)
        yield lang, "dates", views.dates_view(find_dates(article.text, article.published), lang)
        yield lang, "events", views.events_view(found, lang)
        yield lang, "event_table", views.event_table_view(event_table(article, events=found), lang)
        yield lang, "ledger", views.ledger_view(khabar.exchange_ledger(article, events=found), lang)


def test_no_view_shows_raw_codes_or_markers(article, table):
    raw = [
        (lang, name, column, value)
        for lang, name, view in seed_views(article, table)
        for column in view.columns
        if column not in ("arabic_news", "nearly_below", "narrow", "wide", "acled_points")  # convention names
        for value in view[column]
        if RAW.search("" if value is pd.NA else str(value))
    ]
    assert raw == []


def test_views_speak_the_edition_language(article, table):
    arabic = re.compile("[\u0600-\u06ff]")
    for lang, name, view in seed_views(article, table):
        headers = [
            str(c) for c in view.columns if c not in ("arabic_news", "nearly_below", "narrow", "wide", "acled_points")
        ]
        if lang == "ar":
            assert all(arabic.search(h) for h in headers), (name, headers)
        else:
            assert not [h for h in headers if arabic.search(h)], (name, headers)
            # Words in the English edition's label columns are English: only
            # quotes, expressions, text and the Arabic reading's figures hold Arabic.
            quoted = ("quote", "text", "expression", "quote_a", "quote_b", "parts", "whole", "figure", "note", "how")
            for column in view.columns:
                if column in {labels.label("column", key, "en") for key in quoted}:
                    continue
                assert not [v for v in view[column] if arabic.search(str(v))], (name, column)


def test_figure_range_treats_infinity_as_open():
    assert figure_range(101.0, float("inf")) == "≥ 101"


def test_dropped_reasons_all_have_words(article):
    from khabar.views import dropped_view

    for lang in ("ar", "en"):
        reasons = dropped_view(article.dropped, lang).iloc[:, -1]
        assert not set(reasons) & set(article.dropped["reason"]) or lang == "en", set(reasons)
    assert set(dropped_view(article.dropped, "ar").iloc[:, -1]) <= {
        labels.ui_terms()[("dropped", r)]["ar"] for r in article.dropped["reason"]
    }


def test_event_table_view_sides_are_actors_not_camps(article):
    from khabar.incidents import event_table
    from khabar.views import event_table_view

    sides = event_table_view(event_table(article), "ar").iloc[:, 1]
    assert set(sides) == {"النظام ضد التنظيم"}


def test_conventions_view_gives_each_range_in_words():
    from khabar.conventions import conventions
    from khabar.views import conventions_view

    table = conventions()
    view = conventions_view(table, "en")
    reach = dict(zip(zip(table["convention"], table["qualifier"]), view["range"]))
    assert reach[("arabic_news", "about")] == "±10%" and reach[("narrow", "dozens")] == "30–99"
    assert reach[("nearly_below", "nearly")] == "-10%–0%" and reach[("arabic_news", "more_than")] == "> n"
    assert "NaN" not in set(view["note"]) and "nan" not in set(view["note"])


def test_event_table_view_says_what_is_to_come_and_sorts_claim_rows(article):
    from khabar.incidents import event_table
    from khabar.views import event_table_view

    table = event_table(article)
    view = event_table_view(table, "en")
    ended = dict(zip(table["stage"], view["ended"]))
    assert ended["to_come"] == "still to come" and ended["offensive"] == "still going on"
    for ids in view["claims"]:
        numbers = [int(i) for i in ids.split(", ")] if ids else []
        assert numbers == sorted(numbers)
