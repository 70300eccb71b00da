"""Many reports: metadata from sidecars, pages, datelines and options; one
claims table across reports; per-file failures.  The reports under
tests/fixtures/reports/ are invented (see their sidecars)."""

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from khabar import article as article_module
from khabar.article import SEED_PATH, ArticleError, load_article, metadata_table
from khabar.reports import claims_of, contested_pairs, load_articles, ranges, side_by_side

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reports"


@pytest.fixture(scope="module")
def loaded():
    return load_articles([SEED_PATH, FIXTURES])


@pytest.fixture(scope="module")
def combined(loaded):
    return claims_of(loaded[0], processes=1)


def sources(article):
    return dict(metadata_table(article)[["field", "source"]].values)


def test_fixtures_are_marked_as_invented():
    for sidecar in FIXTURES.glob("*.json"):
        assert '"invented": true' in sidecar.read_text(encoding="utf-8"), sidecar
    for page in FIXTURES.glob("*.html"):
        assert "Invented test fixture" in page.read_text(encoding="utf-8"), page


def test_seed_metadata_comes_from_its_sidecar():
    table = metadata_table(load_article())
    assert table["source"].str.startswith("sidecar ").all()
    assert table.set_index("field").loc["published", "value"] == "2018-03-26"


def test_html_page_metadata_comes_from_its_head():
    page = load_article(FIXTURES / "sahil-news-2018-03-27.html")
    assert page.metadata["outlet"] == "ساحل نيوز"
    assert page.published == date(2018, 3, 27)
    assert page.metadata["title"] == "تبادل جديد للجثث والأسرى جنوبي دمشق"  # the site's name is cut off
    assert sources(page) == {
        "title": "page <title>",
        "outlet": "page og:site_name",
        "published": "page article:published_time",
    }
    assert "الرئيسية" not in page.text and "جميع الحقوق" not in page.text  # navigation and footer


def test_a_sidecar_wins_over_the_page(tmp_path):
    page = tmp_path / "page.html"
    shutil.copy(FIXTURES / "sahil-news-2018-03-27.html", page)
    page.with_suffix(".json").write_text('{"outlet": "Other", "published": "2018-03-29"}', encoding="utf-8")
    article = load_article(page)
    assert (article.metadata["outlet"], article.published) == ("Other", date(2018, 3, 29))
    assert sources(article)["title"] == "page <title>"  # what the sidecar leaves out still comes from the page


@pytest.mark.parametrize(
    "dateline, expected",
    [
        ("دمشق - الثلاثاء 27 من آذار 2018", date(2018, 3, 27)),
        ("دمشق - ٢٧/٣/٢٠١٨", date(2018, 3, 27)),
        ("نشر في 2018-04-02", date(2018, 4, 2)),
        ("القاهرة، الأربعاء 4 أبريل 2018", date(2018, 4, 4)),
    ],
)
def test_a_full_date_in_the_first_lines(tmp_path, dateline, expected):
    path = tmp_path / "report.txt"
    path.write_text(f"عنوان التقرير\n\n{dateline}\n\nوقالت مصادر مطلعة إن التبادل مستمر.", encoding="utf-8")
    article = load_article(path)
    assert article.published == expected
    assert sources(article)["published"].startswith("first lines: ")


def test_what_is_missing_is_stated_not_guessed(tmp_path):
    path = tmp_path / "report.txt"
    # A date without its year is not a publication date.
    path.write_text("عنوان التقرير\n\nدمشق - الثلاثاء 27 من آذار\n\nوقالت مصادر إن التبادل جرى أمس.", encoding="utf-8")
    article = load_article(path)
    table = metadata_table(article).set_index("field")
    assert article.published is None
    assert table.loc["published", "source"] == "missing"
    assert "cannot be resolved" in table.loc["published", "note"]
    assert table.loc["outlet", "source"] == "missing" and table.loc["outlet", "note_ar"]
    assert table.loc["title", "source"] == "the first paragraph"


def test_options_fill_only_what_is_missing(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("عنوان التقرير\n\nوقالت مصادر إن التبادل جرى أمس.", encoding="utf-8")
    article = load_article(path, defaults={"published": "2018-03-27", "outlet": "مكتب تجريبي"})
    assert (article.published, article.metadata["outlet"]) == (date(2018, 3, 27), "مكتب تجريبي")
    assert sources(article)["published"] == "option PUBLISHED"
    seed = load_article(defaults={"published": "2019-01-01", "outlet": "x"})
    assert (seed.published, seed.metadata["outlet"]) == (date(2018, 3, 26), "Enab Baladi")


def test_a_bad_date_in_a_sidecar_names_the_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("عنوان\n\nنص.", encoding="utf-8")
    path.with_suffix(".json").write_text('{"published": "27 March"}', encoding="utf-8")
    with pytest.raises(ArticleError, match=r"report\.txt: publication date '27 March' is not a date"):
        load_article(path)


def test_furniture_is_data(tmp_path, monkeypatch):
    rules = tmp_path / "furniture.csv"
    rules.write_text(
        article_module.furniture_table().to_csv(index=False) + "Some site,furniture,^شارك المقال$,share buttons\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(article_module, "FURNITURE_PATH", rules)
    monkeypatch.setattr(article_module, "_RULES", None)
    path = tmp_path / "report.txt"
    path.write_text("عنوان\n\nشارك المقال\n\nنص الفقرة الأولى.", encoding="utf-8")
    article = load_article(path)
    assert article.dropped.values.tolist() == [["شارك المقال", "share buttons"]]
    assert load_article().paragraphs["kind"].value_counts().to_dict() == {"body": 14, "title": 1, "caption": 1}


def test_one_unreadable_file_does_not_stop_the_others(loaded):
    articles, failures = loaded
    assert sorted(a.source_path.name for a in articles) == sorted(
        [SEED_PATH.name]
        + [p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html") and p.name != "damaged-download.txt"]
    )
    assert failures["file"].map(lambda f: Path(f).name).tolist() == ["damaged-download.txt"]
    assert "binary data" in failures["problem"][0] and "damaged-download.txt" in failures["problem"][0]


def test_one_table_with_article_outlet_published_in_front(loaded, combined):
    assert list(combined.columns[:3]) == ["article", "outlet", "published"]
    by_article = combined.groupby("article")["outlet"].first().to_dict()
    assert by_article["madina-post-2018-03-28.txt"] == "Madina Post (invented)"
    assert by_article["sahil-news-2018-03-27.html"] == "ساحل نيوز"
    for article in loaded[0]:
        rows = combined[combined["article"] == article.source_path.name]
        assert (rows["quote"] == [article.text[s:e] for s, e in zip(rows["start"], rows["end"])]).all()
        assert (rows["published"] == pd.Timestamp(article.published)).all()


def claim(table, article, subject, scope, low):
    """The one claim of ``article`` on ``subject`` and ``scope`` whose range starts at ``low``."""
    rows = table[
        (table["article"] == article)
        & (table["subject"] == subject)
        & (table["scope"] == scope)
        & (table["value_low"] == low)
    ]
    assert len(rows) == 1, (article, subject, scope, low)
    return rows.iloc[0]


def test_corroboration_across_reports(combined):
    seed = SEED_PATH.name
    # 12 prisoners: one claimant in the seed, the same figure from other outlets' sources.
    prisoners = claim(combined, seed, "prisoners", "held", 12)
    assert (prisoners["corroboration_in_report"], prisoners["corroboration"]) == ("single_source", "corroborated")
    # 35 bodies handed over cannot be about 85 handed over.
    handed_over = claim(combined, "madina-post-2018-03-28.txt", "bodies", "handed_over", 35)
    assert handed_over["corroboration"] == "contested"
    # The group's weekly quoted by two outlets is one source: no corroboration of itself.
    killed = combined[(combined["subject"] == "killed") & (combined["scope"] == "forces")]
    assert len(killed) == 2 and set(killed["corroboration"]) == {"single_source"}


def test_the_same_outlet_does_not_corroborate_itself(tmp_path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(FIXTURES / "janub-desk-2018-03-27.txt", tmp_path / name)
        shutil.copy(FIXTURES / "janub-desk-2018-03-27.json", (tmp_path / name).with_suffix(".json"))
    articles, _ = load_articles(tmp_path)
    table = claims_of(articles, processes=1)
    assert (table["corroboration"] == table["corroboration_in_report"]).all()


def test_the_process_pool_gives_the_same_table(loaded):
    articles = loaded[0] * 3
    pooled = claims_of(articles, processes=2)
    single = claims_of(articles, processes=1)
    pd.testing.assert_frame_equal(pooled, single)
    assert single["article"].value_counts().min() > 0 and len(single) % 3 == 0


def test_ranges_side_by_side(combined):
    wide = side_by_side(combined).set_index(["subject", "scope"])
    handed_over = wide.loc[("bodies", "handed_over")]
    assert handed_over["Madina Post (invented)"] == "35"
    assert handed_over["Qalam Weekly (invented)"] == "76–94"
    held = ranges(combined).query("subject == 'bodies' and scope == 'held' and outlet == 'Janub Desk (invented)'")
    assert held["low"].item() == 101 and pd.isna(held["high"].item())
    by_claimant = side_by_side(combined, "claimant_key").set_index(["subject", "scope"])
    assert by_claimant.loc[("killed", "forces"), "al_naba"] == "175"
    assert "informed_sources (Janub Desk (invented))" in by_claimant.columns


def test_contested_pairs_name_both_reports(combined):
    pairs = contested_pairs(combined)
    across = pairs[
        (pairs["article_a"] == SEED_PATH.name)
        & (pairs["article_b"] == "madina-post-2018-03-28.txt")
        & pairs["quote_a"].str.contains("85")
        & pairs["quote_b"].str.contains("35")
    ]
    assert across["reason"].tolist() == ["ranges do not meet"]
    assert across["outlet_b"].item() == "Madina Post (invented)"
    assert set(pairs["reason"]) <= {"ranges do not meet", "part larger than the whole"}


def test_metadata_given_with_text_in_memory():
    from khabar.article import article_from_text

    article = article_from_text("عنوان\n\nنص.", published=date(2018, 3, 3), metadata={"outlet": "x"})
    table = metadata_table(article).set_index("field")
    assert table.loc["outlet", "source"] == table.loc["published", "source"] == "given with the text"
    assert table.loc["published", "value"] == "2018-03-03"
    assert table.loc["title", "source"] == "missing"


def test_grading_by_family_is_the_grading_of_the_whole_table(combined):
    from khabar.grading import corroboration

    whole = corroboration(combined.assign(claimant=combined["claimant_key"]))
    assert combined["corroboration"].tolist() == whole.tolist()
    assert "contested" in set(whole) and "corroborated" in set(whole)


def test_the_one_table_fits_its_own_schema(combined):
    from khabar import schema

    assert combined.columns.tolist() == schema.columns("claims_of")
    assert schema.columns("claims_of")[5:] == schema.columns("claims")  # the claims, with their report in front
    assert schema.problems(combined, "claims_of") == []
    assert "unspecified" in schema.allowed("claims_of", "corroboration_in_report")
    assert schema.allowed("claims_of", "corroboration_in_report") == schema.allowed("claims", "corroboration")
