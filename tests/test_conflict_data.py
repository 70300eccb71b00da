"""The event table's low, best and high, and the ACLED and UCDP GED layouts,
checked against the seed's words, a made-up report and the published
layouts' column lists."""

import datetime
import json
import math

import pandas as pd
import pytest

from khabar.article import PROJECT_ROOT

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "reports"
SEED_NAME = "enab-baladi-2018-03-26-south-damascus-deal"

# The columns as ACLED and UCDP publish them, in their order (ACLED Codebook
# 2023, "ACLED Data Columns at a Glance"; UCDP GED Codebook 25.1).
ACLED_COLUMNS = (
    "event_date year time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 inter1 "
    "actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country admin1 admin2 admin3 "
    "location latitude longitude geo_precision source source_scale notes fatalities tags timestamp"
).split()
GED_COLUMNS = (
    "id year type_of_violence side_a side_b dyad_name source_article source_office source_date "
    "source_headline source_original number_of_sources where_prec where_coordinates where_description "
    "adm_1 adm_2 latitude longitude country region event_clarity date_prec date_start date_end deaths_a "
    "deaths_b deaths_civilians deaths_unknown best high low"
).split()

# Our own sentences: local sources tie nearly 40 dead to al-Qadam, the group
# claims 300 of its enemy, pro-regime pages mourn dozens with no place.
MADE_UP = """معارك بين النظام وتنظيم "الدولة" في حي القدم

قالت مصادر محلية لعنب بلدي اليوم إن قرابة 40 عنصرا من قوات الأسد قتلوا خلال معارك حي القدم، السبت الماضي.

وأعلن التنظيم مقتل 300 من قوات الأسد في حي القدم، السبت الماضي.

ونعت صفحات موالية للنظام عشرات الجنود الذين قتلوا في المعارك ضد تنظيم "الدولة"."""


@pytest.fixture(scope="module")
def rows(article):
    from khabar.shared_tables import event_rows

    return event_rows(article)


@pytest.fixture(scope="module")
def battle(rows):
    dead = rows[rows.stage == "deaths"]
    assert len(dead) == 1
    return dead.iloc[0]


@pytest.fixture(scope="module")
def made_up():
    from khabar import article_from_text
    from khabar.incidents import event_table

    table = event_table(article_from_text(MADE_UP, published=datetime.date(2018, 3, 26)))
    return table[table.stage == "deaths"].iloc[0]


@pytest.fixture(scope="module")
def acled_rows(article, rows):
    from khabar.acled import acled

    return acled(article, rows)


@pytest.fixture(scope="module")
def ged_rows(article, rows):
    from khabar.ged import ged

    return ged(article, rows)


def test_vague_words_take_acleds_floors():
    from khabar.incidents import acled_floors, acled_value

    assert acled_floors()["dozens"] == 12 and acled_floors()["hundreds"] == 100
    assert acled_value({"value": math.nan, "qualifier": "dozens", "value_low": 20.0}) == 12
    assert acled_value({"value": 100.0, "qualifier": "more_than", "value_low": 101.0}) == 100


def test_low_adds_disjoint_parts_at_the_floors(battle):
    # «12 عنصرا من مخابرات الفرع 215 ... إلى جانب العشرات من الجنود»: 12 + 12
    assert battle.fatalities_low == 24
    assert "12 عنصرا من مخابرات الفرع 215 + العشرات من الجنود = 12, together 24" in battle.note


def test_best_is_the_specific_figure_tied_to_the_place(battle):
    # «بحوالي 85» bodies handed over, which the same sources say «جميعهم قتلوا
    # خلال معارك حي القدم»; not the open floor «تتجاوز 100» of bodies held.
    assert battle.fatalities_best == 85
    assert "best 85: بحوالي 85 (informed_sources)" in battle.note
    assert "not tied to the place by the text: تتجاوز 100" in battle.note


def test_best_never_a_partys_claim_about_its_enemy(made_up):
    assert (made_up.fatalities_low, made_up.fatalities_best, made_up.fatalities_high) == (40, 40, 300)
    assert made_up.high_source == "party_about_enemy"
    assert made_up.deaths_a == 40


def test_high_is_flagged_when_a_party_speaks_of_its_enemy(battle):
    # al-Naba, the group's weekly, on Assad's forces
    assert battle.fatalities_high == 175 and battle.high_source == "party_about_enemy"


def test_deaths_by_side_sum_to_best(rows, made_up):
    from khabar.acled import acled_of  # noqa: F401  (imports the layouts once)
    from khabar.reports import load_articles
    from khabar.shared_tables import event_rows

    articles, _ = load_articles(FIXTURES)
    tables = [rows] + [event_rows(a) for a in articles]
    dead = pd.concat([t[t.fatalities_best.notna()] for t in tables])
    parts = dead[["deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"]].sum(axis=1)
    assert len(dead) >= 2 and (parts == dead["fatalities_best"]).all()
    assert made_up[["deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"]].sum() == made_up.fatalities_best
    assert (rows.loc[rows.stage == "deaths", "deaths_a"] == 85).all()  # all of Assad's forces, side A


def test_ged_keeps_only_events_with_dead(ged_rows, rows, article):
    from khabar.ged import ged

    assert ged_rows["id"].tolist() == [f"{SEED_NAME}:5"]
    assert ged_rows[["low", "best", "high"]].values.tolist() == [[24, 85, 175]]
    assert (
        ged_rows[["deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"]].sum(axis=1) == ged_rows["best"]
    ).all()
    # the same battle with no dead is not a UCDP event
    deathless = rows.copy()
    for column in ("fatalities_low", "fatalities_best", "fatalities_high"):
        deathless[column] = float("nan")
    assert ged(article, deathless).empty


def test_acled_strategic_developments_and_territory(acled_rows):
    kinds = acled_rows.groupby(["event_type", "sub_event_type"]).size().to_dict()
    assert kinds[("Strategic developments", "Agreement")] == 3  # the deal and the two handovers
    assert kinds[("Battles", "Non-state actor overtakes territory")] == 1
    assert kinds[("Battles", "Armed clash")] == 1  # the offensive and the deaths are one fight
    assert (acled_rows.loc[acled_rows.event_type == "Strategic developments", "fatalities"] == 0).all()
    clash = acled_rows[acled_rows.sub_event_type == "Armed clash"].iloc[0]
    # the most conservative figure, with the dispute in the notes
    assert clash.fatalities == 24 and "best estimate 85, highest claim 175" in clash.notes
    assert (clash.time_precision, str(clash.event_date.date())) == (3, "2018-03-17")
    deal = acled_rows[(acled_rows.sub_event_type == "Agreement") & (acled_rows.time_precision == 1)].iloc[0]
    assert str(deal.event_date.date()) == "2018-03-24" and deal.interaction == 12


def test_columns_follow_the_published_layouts(acled_rows, ged_rows):
    from khabar import schema

    assert acled_rows.columns.tolist() == ACLED_COLUMNS == schema.columns("acled")
    assert ged_rows.columns.tolist() == GED_COLUMNS == schema.columns("ged")
    assert "ACLED Codebook 2023" in schema.table_schema("acled")["description"]
    assert "UCDP GED Codebook version 25.1" in schema.table_schema("ged")["description"]


def test_coordinates_and_where_they_come_from(acled_rows):
    from khabar.gazetteer import places

    clash = acled_rows[acled_rows.sub_event_type == "Armed clash"].iloc[0]
    assert (clash.location, clash.latitude, clash.longitude, clash.geo_precision) == ("al-Qadam", 33.4667, 36.2833, 1)
    assert (clash.iso, clash.country, clash.admin1) == (760, "Syria", "Damascus")
    assert places()["coordinate_source"].str.len().gt(0).all()


def test_claim_ids_are_stable_and_followable(article, rows):
    from khabar import claims
    from khabar.provenance import claim_ids
    from khabar.shared_tables import ledger_rows

    table = claims(article)
    ids = pd.Series(claim_ids(table, SEED_NAME), index=table.index)
    shuffled = table.sample(frac=1, random_state=1)
    assert pd.Series(claim_ids(shuffled, SEED_NAME), index=shuffled.index).sort_index().equals(ids)
    assert ids.is_unique and ids.tolist() == table["claim_id"].tolist()
    known = set(ids)
    assert all(i in known for cited in rows["claim_ids"] for i in cited)
    book = ledger_rows(article)
    assert book.loc[book.quote == "بحوالي 85", "claim_ids"].tolist() == [(f"{SEED_NAME}:641-650",)]


def test_every_table_is_written_and_validates(tmp_path):
    from khabar import schema
    from khabar.datapackage import validate, write_data

    out = write_data(out_dir=tmp_path / "data")
    assert {"event_table.csv", "ledger.csv", "acled.csv", "ged.csv"} <= {p.name for p in out.iterdir()}
    assert validate(out) == []
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["name"]: r for r in package["resources"]}
    for name in ("event_table", "ledger", "acled", "ged"):
        assert all(field["description"] for field in described[name]["schema"]["fields"])
    ged_back = schema.read_csv(out / "ged.csv", "ged")
    assert ged_back["best"].tolist() == [85]


def test_a_folder_gets_one_acled_and_one_ged_table(tmp_path):
    from khabar.datapackage import validate
    from khabar.export import export_report

    export_report(FIXTURES, tmp_path / "html", data_dir=tmp_path / "data")
    folder = tmp_path / "data" / "reports"
    assert {"claims.csv", "acled.csv", "ged.csv"} <= {p.name for p in folder.iterdir()}
    assert validate(folder) == []
    acled = pd.read_csv(folder / "acled.csv")
    assert acled["tags"].str.split(":").str[0].nunique() >= 3  # rows from several reports


def test_executors_give_the_same_tables():
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    from khabar.acled import acled_of
    from khabar.ged import ged_of, layouts_of
    from khabar.reports import claims_of, load_articles

    articles, _ = load_articles(FIXTURES)
    serial = acled_of(articles, processes=1)
    with ThreadPoolExecutor(2) as pool:
        assert acled_of(articles, executor=pool).equals(serial)
        assert ged_of(articles, executor=pool).equals(ged_of(articles, processes=1))
        assert claims_of(articles, executor=pool).equals(claims_of(articles, processes=1))
    with ProcessPoolExecutor(2) as pool:
        assert acled_of(articles, executor=pool).equals(serial)
        both = layouts_of(articles, executor=pool)
    assert both[0].equals(serial) and both[1].equals(ged_of(articles, processes=1))


def test_on_a_local_dask_cluster():
    distributed = pytest.importorskip("distributed")
    from khabar.acled import acled_of
    from khabar.ged import ged_of
    from khabar.reports import claims_of, load_articles

    articles, _ = load_articles(FIXTURES)
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster:
        with distributed.Client(cluster) as client:
            executor = client.get_executor()
            on_cluster = (
                claims_of(articles, executor=executor),
                acled_of(articles, executor=executor),
                ged_of(articles, executor=executor),
            )
    assert on_cluster[0].equals(claims_of(articles, processes=1))
    assert on_cluster[1].equals(acled_of(articles, processes=1))
    assert on_cluster[2].equals(ged_of(articles, processes=1))
    assert len(on_cluster[1]) > len(articles)


def test_a_report_with_no_date_leaves_its_events_out_of_the_layouts():
    from khabar import article_from_text
    from khabar.datapackage import tables

    text = (FIXTURES / "madina-post-2018-03-28.txt").read_text(encoding="utf-8")
    found = tables(article_from_text(text, published=None))
    assert found["event_table"]["fatalities_best"].notna().any()  # the dead are still counted
    assert found["acled"].empty and found["ged"].empty  # but no day to code them on


def test_the_layouts_are_public_names():
    import khabar

    assert khabar.acled_of.__module__ == "khabar.acled" and khabar.ged_of.__module__ == "khabar.ged"


def test_a_part_among_the_dead_is_not_the_low():
    from khabar import article_from_text
    from khabar.incidents import event_table

    # «بينهم 9 نساء» is inside the 45, neither a count of the event nor added to it
    text = (
        'اشتباكات بين النظام وتنظيم "الدولة" في حي القدم\n\n'
        "وقال المرصد إن 45 شخصا قتلوا في حي القدم أمس، بينهم 9 نساء.\n\n"
        "وأعلن التنظيم مقتل 300 من قوات الأسد في حي القدم أمس."
    )
    table = event_table(article_from_text(text, published=datetime.date(2018, 3, 26)))
    dead = table[table.stage == "deaths"].iloc[0]
    assert (dead.fatalities_low, dead.fatalities_best, dead.fatalities_high) == (45, 45, 300)
    assert dead.deaths_unknown == 45  # «شخصا»: the text does not say whose


def test_civilians_and_fighters_of_one_sentence_are_added_and_split():
    from khabar import article_from_text
    from khabar.incidents import event_table

    text = (
        'قصف واشتباكات بين النظام وتنظيم "الدولة" في حي القدم\n\n'
        "وقال المرصد إن 7 مدنيين قتلوا في حي القدم أمس، إلى جانب 20 عنصرا من قوات الأسد.\n\n"
        "وأعلن التنظيم مقتل 300 من قوات الأسد في حي القدم أمس."
    )
    table = event_table(article_from_text(text, published=datetime.date(2018, 3, 26)))
    dead = table[table.stage == "deaths"].iloc[0]
    assert (dead.fatalities_low, dead.fatalities_best, dead.fatalities_high) == (27, 27, 300)
    assert (dead.deaths_a, dead.deaths_b, dead.deaths_civilians, dead.deaths_unknown) == (20, 0, 7, 0)
    assert "vague words" not in dead.note
