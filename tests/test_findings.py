"""Chart titles state what the chart's data shows (khabar.findings): the
numbers come from the dataframe, both languages state the same ones, the
article's own places and parties appear only when the data names them."""

import re

import pandas as pd
import pytest

from khabar import charts, findings

# Names from the seed article: a title for another article must not carry them.
SEED_WORDS = [
    "دمشق",
    "القدم",
    "اليرموك",
    "الأسد",
    "الحجر الأسود",
    "النبأ",
    "عنب بلدي",
    "Damascus",
    "Qadam",
    "Yarmouk",
    "Assad",
    "al-Naba",
    "Enab",
    "Hajar",
]
MADE_UP_BODY = [
    "قال المرصد السوري لحقوق الإنسان إن 14 مدنيا قتلوا في قصف على مدينة أريحا يوم الأحد.",
    "وذكرت وكالة سانا أن 3 مدنيين فقط قتلوا في القصف، وأن نحو 20 آخرين أصيبوا.",
    "وقال الدفاع المدني إن فرقه انتشلت أكثر من 10 جثث من تحت الأنقاض.",
]
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def numbers(text):
    """The figures a sentence states, as a sorted list (dates split into their parts)."""
    return sorted(re.findall(r"\d+(?:\.\d+)?", text))


def claim(subject, scope, claimant, qualifier, value, low, high, unit="persons"):
    return {
        "subject": subject,
        "scope": scope,
        "claimant": claimant,
        "claimant_ar": "",
        "side": "independent",
        "qualifier": qualifier,
        "value": value,
        "value_low": low,
        "value_high": high,
        "unit": unit,
    }


def shares(*rows):
    columns = ["place", "place_en", "controller", "claimant", "qualifier", "share", "share_low", "share_high"]
    return pd.DataFrame([dict(zip(columns, row)) for row in rows])


def every_finding():
    """One made-up dataframe per chart, and its finding."""
    claims = pd.DataFrame(
        [
            claim("killed", "civilians", "sohr", "exact", 14.0, 14.0, 14.0),
            claim("killed", "civilians", "state_media", "about", 3.0, 3.0, 4.0),
        ]
    )
    materiel = pd.DataFrame({"subject": ["tanks", "tanks"], "value": [2.0, 4.0], "claimant": ["hts", "hts"]})
    events = pd.DataFrame(
        {"date": pd.to_datetime(["2019-05-01", "2019-05-03"]), "date_end": pd.to_datetime(["2019-05-02", "2019-05-07"])}
    )
    rows = pd.DataFrame(
        {
            "place_en": ["Ariha", "Saraqib"],
            "controller": ["hts", "regime"],
            "as_of": pd.to_datetime(["2019-01-01"] * 2),
            "start": [0, 9],
        }
    )
    return [
        findings.claim_ranges(claims),
        findings.materiel_losses(materiel),
        findings.timeline(events),
        findings.paragraph_lengths(pd.DataFrame({"text": ["ا ب", "ج د ه"], "kind": ["title", "body"]})),
        findings.mentions_map(
            pd.DataFrame({"name": ["أريحا"], "name_en": ["Ariha"], "kind": ["city"], "paragraph": [1]}), 3
        ),
        findings.control_shares(shares(("أريحا", "Ariha", "hts", "sohr", "about", 60.0, 54.0, 66.0))),
        findings.control_map(rows, pd.DataFrame({"name_en": ["Ariha", "Saraqib"]})),
    ]


def test_the_title_states_the_spread_between_claimants_and_changes_with_it():
    rows = [
        claim("bodies", "held", "informed_sources", "more_than", 100.0, 101.0, None),
        claim("bodies", "held", "other_sources", "nearly", 30.0, 27.0, 33.0),
    ]
    title = findings.claim_ranges(pd.DataFrame(rows))
    assert title["en"] == "Bodies held: more than 100 or nearly 30, depending on who says it"
    assert title["ar"] == "جثث قيد الاحتجاز: أكثر من 100 أو قرابة 30، بحسب المصدر"
    rows[1].update(qualifier="about", value=45.0, value_low=41.0, value_high=49.0)
    assert findings.claim_ranges(pd.DataFrame(rows))["en"] == (
        "Bodies held: more than 100 or about 45, depending on who says it"
    )


def test_one_claim_is_said_to_be_one_figure_from_one_source():
    one = pd.DataFrame([claim("bodies", "handed_over", "informed_sources", "about", 85.0, 76.0, 94.0)])
    assert findings.claim_ranges(one)["en"] == "Bodies handed over: one figure, about 85, from one source"
    assert numbers(findings.claim_ranges(one)["ar"]) == ["85"]


def test_figures_that_agree_are_said_to_agree_and_claims_without_figures_are_left_out():
    rows = pd.DataFrame(
        [
            claim("wounded", "civilians", "sohr", "about", 20.0, 18.0, 22.0),
            claim("wounded", "civilians", "civil_defence", "exact", 21.0, 21.0, 21.0),
            claim("wounded", "civilians", "activists", "unspecified", None, None, None),
        ]
    )
    assert findings.claim_ranges(rows)["en"] == "Wounded (civilians): 2 figures, all between 18 and 22"
    assert findings.claim_ranges(rows.iloc[2:])["en"] == "The article states no figure for these counts"


@pytest.mark.parametrize(
    "longest, expected",
    [
        (2, "3 paragraphs; the longest, paragraph 2, has 5 words"),
        (3, "3 paragraphs; the longest, paragraph 3, has 5 words"),
    ],
)
def test_paragraph_lengths_name_the_longest_paragraph(longest, expected):
    texts = ["عنوان قصير", "جملة من كلمتين", "جملة من كلمتين"]
    texts[longest - 1] = "جملة أطول من غيرها بكثير"
    assert (
        findings.paragraph_lengths(pd.DataFrame({"text": texts, "kind": ["title", "body", "body"]}))["en"] == expected
    )


def test_the_most_named_name_and_a_tie():
    rows = pd.DataFrame(
        {"name": ["إدلب", "حلب", "حلب"], "name_en": ["Idlib", "Aleppo", "Aleppo"], "paragraph": [1, 2, 3]}
    )
    assert findings.mentions_map(rows, 5)["en"] == "Aleppo is named most: in 2 of 5 paragraphs"
    assert findings.mentions_map(rows, 5)["ar"] == "الاسم الأكثر ذكرًا: حلب، في 2 من الفقرات الـ5"
    tied = findings.mentions_map(rows.iloc[:2], 5)["en"]
    assert tied == "Idlib and Aleppo are named most: in 1 of 5 paragraphs each"


def test_materiel_losses_count_the_items_and_name_the_most():
    rows = pd.DataFrame(
        {
            "subject": ["tanks", "rocket_launchers", "rocket_launchers"],
            "value": [1.0, 2.0, 5.0],
            "claimant": ["hts"] * 3,
        }
    )
    title = findings.materiel_losses(rows)
    assert "lost 8 items, rocket launchers the most (7)" in title["en"]
    assert numbers(title["ar"]) == ["7", "8"]


def test_control_shares_use_the_datas_place_and_the_spread_between_sources():
    one = shares(("حي الوعر", "al-Waer", "regime", "enab_baladi", "nearly", 40.0, 36.0, 44.0))
    assert findings.control_shares(one)["en"] == "Al-Waer: nearly 40% held by the regime, per Enab Baladi"
    assert findings.control_shares(one)["ar"] == "حي الوعر: قرابة 40% بيد النظام، بحسب عنب بلدي"
    two = shares(
        ("حي الوعر", "al-Waer", "regime", "enab_baladi", "nearly", 40.0, 36.0, 44.0),
        ("حي الوعر", "al-Waer", "regime", "regime", "more_than", 80.0, 81.0, 100.0),
    )
    assert findings.control_shares(two)["en"] == (
        "Al-Waer: between nearly 40% and more than 80% held by the regime, depending on the source"
    )


def test_control_map_counts_places_by_their_latest_holder():
    rows = pd.DataFrame(
        {
            "place_en": ["A", "B", "B", "C"],
            "controller": ["regime", "opposition", "regime", "opposition"],
            "as_of": pd.to_datetime(["2019-01-01", "2019-01-01", "2019-01-03", "2019-01-01"]),
            "start": [0, 5, 9, 12],
        }
    )
    title = findings.control_map(rows, pd.DataFrame({"name_en": ["A", "B", "C", "D"]}))
    assert title["en"] == "3 places on the map: 2 held by the regime, 1 held by the opposition"


def test_timeline_gives_the_number_of_events_and_days_between_the_first_and_last():
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2019-05-01", "2019-05-10", "2019-05-20"]),
            "date_end": pd.to_datetime(["2019-05-01", "2019-05-12", pd.NaT]),
        }
    )
    assert findings.timeline(events)["en"] == "3 events over 20 days, 2019-05-01 to 2019-05-20"
    assert findings.timeline(events.iloc[:1])["en"] == "1 event, on 2019-05-01"
    assert findings.timeline(events.iloc[:0])["en"] == "No event has a date"


@pytest.mark.parametrize("finding", every_finding(), ids=lambda f: f["en"][:30])
def test_both_languages_state_the_same_numbers_and_arabic_stays_logical(finding):
    assert numbers(finding["ar"]) == numbers(finding["en"]) and numbers(finding["en"])
    assert not PRESENTATION_FORMS.search(finding["ar"])
    assert re.match("[\u0600-\u06ff]", finding["ar"]) and re.match("[A-Z0-9]", finding["en"])


def test_every_chart_has_a_subtitle_in_both_languages():
    for chart in ("paragraph_lengths", "mentions_map", "claim_ranges", "materiel_losses", "control_shares"):
        words = findings.subtitle(chart)
        assert words["ar"] and words["en"] and words["ar"] != words["en"], chart
    assert "percent" in findings.subtitle("claim_ranges", "percent")["en"]


def test_a_made_up_article_gets_titles_of_its_own(made_up_article):
    import khabar
    from khabar.names import mentions

    article = made_up_article(*MADE_UP_BODY)
    table = khabar.claims(article)
    persons = table[table["unit"] == "persons"]
    found = [
        findings.claim_ranges(persons),
        findings.paragraph_lengths(article.paragraphs),
        findings.mentions_map(mentions(article), len(article.paragraphs)),
        findings.timeline(khabar.events(article)),
        findings.control_shares(khabar.control(article)),
    ]
    assert found[0]["en"] == "Killed (civilians): 14 or 3, depending on who says it"
    for finding in found:
        for words in finding.values():
            assert not [w for w in SEED_WORDS if w in words], words
    fig = charts.claim_ranges(persons, lang="ar")
    assert fig.khabar_title == found[0]["ar"] and fig.khabar_alt.startswith(found[0]["ar"])


def test_a_chart_takes_its_finding_unless_given_a_title(table):
    exchange = table.query("topic == 'exchange'")
    fig = charts.claim_ranges(exchange, lang="en")
    assert fig.khabar_title.startswith("Bodies held: more than 100 or nearly 30")
    assert fig.khabar_alt.startswith(fig.khabar_title + ": ")
    given = charts.claim_ranges(exchange, {"ar": "عنوان", "en": "A title given"}, lang="en")
    assert given.khabar_title == "A title given"
    subtitle = [t.get_text() for t in given.axes[0].texts if t.get_gid() == charts.SUBTITLE_ID]
    assert subtitle and subtitle[0].startswith("people or bodies")
    with pytest.raises(TypeError, match="title"):
        charts.claim_ranges(exchange, "en")


def test_a_bad_template_file_is_named(tmp_path, monkeypatch):
    bad = tmp_path / "findings.csv"
    bad.write_text("chart,key,ar,en\ntimeline,title,,{n} events\n", encoding="utf-8")
    monkeypatch.setattr(findings, "FINDINGS_PATH", bad)
    findings.templates.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"findings\.csv: line 2 needs chart, key, ar and en"):
            findings.templates()
    finally:
        monkeypatch.undo()
        findings.templates.cache_clear()


def test_the_comparison_names_the_outlets_furthest_apart():
    rows = pd.DataFrame(
        {
            "subject": ["bodies"] * 3 + ["prisoners"],
            "scope": ["held"] * 3 + ["held"],
            "outlet": ["A", "B", "C", "A"],
            "low": [27.0, 101.0, 60.0, 12.0],
            "high": [33.0, None, 70.0, 12.0],
        }
    )
    title = findings.outlet_ranges(rows)
    assert title["en"] == "Bodies held: 27–33 in A and 101 or more in B"
    assert numbers(title["ar"]) == numbers(title["en"])
    assert findings.outlet_ranges(rows.iloc[[0, 3]])["en"] == "2 counts, each from one outlet only"
