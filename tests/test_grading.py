"""Grades of the seed's figures: camps, strength, parts and wholes, both
readings of the held-bodies pair, and how the grades move with the reading
convention.  Expected values are worked out by hand from the quoted words."""

import math

import pandas as pd
import pytest

from khabar.grading import camp, conflicts, grades, part_whole, readings, sensitivity


def at(table, quote):
    rows = table.index[table["quote"] == quote]
    assert len(rows) == 1, quote
    return rows[0]


def test_the_groups_weekly_never_corroborates_the_group():
    # al-Naba is the group's own weekly: a figure it shares with the group is
    # one camp speaking twice.
    rows = pd.DataFrame(
        {
            "subject": ["killed"] * 2,
            "scope": ["forces"] * 2,
            "claimant": ["al_naba", "isis"],
            "side": ["isis", "isis"],
            "value_low": [175, 170],
            "value_high": [175, 180],
        }
    )
    assert grades(rows)["grade"].tolist() == ["single_source", "single_source"]
    assert camp("al_naba", "isis") == camp("isis", "isis") == "isis"
    # two independent sources are two camps
    assert camp("informed_sources", "independent") != camp("other_sources", "independent")


def test_dozens_against_dozens_is_weak(table):
    # «عشرات الجثث» (informed sources) and «العشرات من الجثث» (pro-regime pages):
    # both 20-99, agreeing on little.
    graded = grades(table)
    for quote in ("عشرات الجثث", "العشرات من الجثث"):
        row = graded.loc[at(table, quote)]
        assert (row.grade, row.strength) == ("corroborated", "weak")


def test_precise_figures_from_two_camps_are_strong():
    rows = pd.DataFrame(
        {
            "subject": ["bodies"] * 2,
            "scope": ["handed_over"] * 2,
            "claimant": ["informed_sources", "pro_regime_pages"],
            "side": ["independent", "regime"],
            "value_low": [76, 81],
            "value_high": [94, 99],
        }
    )
    assert grades(rows)["strength"].tolist() == ["strong", "strong"]


def test_parts_are_checked_against_the_whole_not_graded_as_rivals(table):
    # «12 عنصرًا من مخابرات الفرع 215 ... إلى جانب العشرات من الجنود» is part of
    # «قتل 175 من قوات الأسد»: 12 + 20..99 = 32..111, at most 175.
    checks = part_whole(table)
    dead = checks[checks["whole"] == "175 من قوات الأسد"]
    unit = dead[dead["parts"].map(lambda p: "12 عنصرا من مخابرات الفرع 215" in p)].iloc[0]
    assert set(unit.parts) == {"12 عنصرا من مخابرات الفرع 215", "العشرات من الجنود"}
    assert (unit.parts_low, unit.parts_high, unit.fits) == (32, 111, True)
    for i, j, _ in conflicts(table):
        assert "175 من قوات الأسد" not in (table.loc[i, "quote"], table.loc[j, "quote"])


def test_more_than_100_bodies_is_a_floor_for_the_dead(table):
    # «مجمل أعداد الجثث لدى التنظيم تتجاوز 100», bodies of men «جميعهم قتلوا
    # خلال معارك حي القدم»: the dead are at least 101; 175 fits.
    checks = part_whole(table)
    floor = checks[(checks["whole"] == "175 من قوات الأسد") & (checks["parts"] == ("تتجاوز 100",))].iloc[0]
    assert (floor.parts_low, floor.fits) == (101, True)


def test_part_larger_than_whole_is_a_conflict():
    rows = pd.DataFrame(
        {
            "subject": ["killed"] * 2,
            "scope": ["forces", "branch_215_members"],
            "claimant": ["a", "b"],
            "value_low": [10, 12],
            "value_high": [10, 12],
        }
    )
    assert conflicts(rows) == [(0, 1, "part larger than the whole")]


def test_both_readings_of_the_held_bodies(table):
    # total: «تتجاوز 100» and «قرابة 30 جثة» both count every body held -> they
    # do not meet, and «بحوالي 85» handed over exceeds 27-33.
    # remaining: nearly 30 still held after about 85 handed over:
    # 76+27 = 103 to 94+33 = 127, which is more than 100.
    both = readings(table).set_index("reading")
    assert not both.loc["total", "fits"]
    assert (both.loc["remaining", "low"], both.loc["remaining", "high"]) == (103, 127)
    assert both.loc["remaining", "fits"]
    assert (both.loc["remaining", "claim_a"], both.loc["remaining", "claim_b"]) == ("تتجاوز 100", "قرابة 30 جثة")


def test_which_grades_survive_each_convention(table):
    grid = sensitivity(table).set_index("quote")
    # the held-bodies contradiction survives every convention
    for quote in ("بحوالي 85", "تتجاوز 100", "قرابة 30 جثة"):
        assert set(grid.loc[quote].drop("claimant")) == {"contested"}
    # reading عشرات as ACLED's 10 for "tens" sets the pages' dozens against about 85
    assert grid.loc["العشرات من الجثث", "arabic_news"] == "corroborated (weak)"
    assert grid.loc["العشرات من الجثث", "acled_points"] == "contested"
    # strength is judged on the words, not on a point convention's zero width
    assert grid.loc["عشرات الجثث", "acled_points"] == "corroborated (weak)"


def test_grades_of_claims_with_no_figure(table):
    recovered = at(table, "جثث بعض العناصر من محور بور سعيد في الحي، دون تحديد العدد")
    assert grades(table).loc[recovered, "grade"] == "unspecified"
    assert math.isnan(table.loc[recovered, "value_low"])


@pytest.mark.parametrize("name", ["arabic_news", "nearly_below", "narrow", "wide", "acled_points"])
def test_every_convention_grades_every_figure(table, name):
    grid = sensitivity(table, [name])
    assert len(grid) == table["value_low"].notna().sum()
    assert grid[name].str.match(r"^(contested|single_source|corroborated \((strong|moderate|weak)\))$").all()


def test_discrepancies_say_what_the_other_reading_makes_of_them(article, table):
    from khabar.grading import discrepancies

    found = discrepancies(article, table)
    bodies = found[found["what"] == "bodies"]
    assert len(bodies) == 2
    assert set(bodies["conflict_under_other_reading"]) == {"none if قرابة 30 جثة is what is still held (readings)"}
    assert found.loc[found["what"] == "unit_number", "conflict_under_other_reading"].tolist() == [""]


def _two_reports(named, via):
    """Two claimants of two camps giving about 85 and about 90 bodies."""
    return pd.DataFrame(
        {
            "subject": ["bodies"] * 2,
            "scope": ["handed_over"] * 2,
            "claimant": ["informed_sources", "local_sources"],
            "side": ["independent", "independent"],
            "value_low": [76, 81],
            "value_high": [94, 99],
            "named": pd.array(named, dtype="boolean"),
            "via": via,
        }
    )


def test_unnamed_sources_through_one_outlet_corroborate_weakly_at_most():
    # figures that would be strong, but both from unnamed sources that only
    # one outlet relays: nothing shows they are two sources
    graded = grades(_two_reports([False, False], ["enab_baladi", "enab_baladi"]))
    assert graded["strength"].tolist() == ["weak", "weak"]
    assert graded["reason"].tolist() == ["one_relay_unnamed"] * 2
    assert graded["grade"].tolist() == ["corroborated", "corroborated"]


@pytest.mark.parametrize(
    "named, via",
    [
        ([True, False], ["enab_baladi", "enab_baladi"]),  # one source is named
        ([False, False], ["enab_baladi", "janub_desk"]),  # two outlets relay them
    ],
)
def test_independent_sources_keep_their_strength(named, via):
    graded = grades(_two_reports(named, via))
    assert graded["strength"].tolist() == ["strong", "strong"]
    assert graded["reason"].tolist() == ["", ""]


def test_one_independent_corroborator_is_enough():
    rows = pd.concat([_two_reports([False, False], ["a", "a"]), _two_reports([True, True], ["b", "b"])[1:]])
    rows.index = range(3)
    rows.loc[2, "claimant"] = "sohr"
    graded = grades(rows)
    assert graded.loc[0, "strength"] == "strong" and graded.loc[0, "reason"] == ""


def test_the_seeds_dozens_say_why_they_are_weak(table):
    graded = grades(table)
    for quote in ("عشرات الجثث", "العشرات من الجثث"):
        assert graded.loc[at(table, quote), "reason"] == "one_relay_unnamed"
    assert (graded["reason"] != "").sum() == 2


def test_the_claims_view_says_why(table):
    from khabar import views

    view = views.claims_view(table.join(grades(table)[["strength", "reason"]]), "en")
    assert view.loc[at(table, "عشرات الجثث"), "grade"].endswith("not shown to be independent")
    assert "independent" not in view.loc[at(table, "175 من قوات الأسد"), "grade"]
