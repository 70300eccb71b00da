"""Every rule's examples: each sentence in a rule's docstring yields the row
it gives (value, subject, scope, and the claimant when one is given in
brackets), and the rule is named in that row's ``rules``.  Removing any rule
from ``RULES`` loses one of these rows or a gold row of the development set."""

import math
import re

import pytest

from khabar import claims_table, numbers, rules

EXAMPLE = re.compile(
    r"«(?P<sentence>[^»]+)» → (?P<value>\S+) (?P<subject>\S+)(?: (?P<scope>[^(){}]*?))?(?: \((?P<claimant>\S+)\))?(?: \{(?P<unit>\w+)\})?$"
)


def examples(rule):
    found = [EXAMPLE.match(line.strip()) for line in (rule.__doc__ or "").splitlines()]
    return [m.groupdict() for m in found if m]


ALL = [(rule.__name__, example) for rule in rules.RULES for example in examples(rule)]


def test_every_rule_has_an_example():
    assert [rule.__name__ for rule in rules.RULES if not examples(rule)] == []


def _row_for(made_up_article, example):
    from khabar import claims

    table = claims(made_up_article(example["sentence"]))
    value = float(example["value"])
    for row in table.to_dict("records"):
        if (
            (row["value_low"] == value or (math.isnan(value) and math.isnan(row["value_low"])))
            and (row["subject"], row["scope"]) == (example["subject"], example["scope"] or "")
            and (not example["claimant"] or row["claimant"] == example["claimant"])
            and (not example["unit"] or row["unit"] == example["unit"])
        ):
            return row
    return None


@pytest.mark.parametrize("name, example", ALL, ids=[f"{n}-{i}" for i, (n, _) in enumerate(ALL)])
def test_each_rules_example_yields_its_row(made_up_article, name, example):
    row = _row_for(made_up_article, example)
    assert row is not None, example
    assert name in row["rules"].split(" ; ")


@pytest.fixture(scope="module")
def devset_reading():
    from khabar.devset import devset_scores

    return devset_scores()


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda rule: rule.__name__)
def test_removing_a_rule_loses_a_row(made_up_article, monkeypatch, devset_reading, rule):
    from khabar.devset import devset_scores

    # Only the sentences whose rows the rule made can lose a row without it
    # (each development sentence is read as an article of its own).
    made_by_rule = {i for i, names in devset_reading["rules"].items() if rule.__name__ in names}
    before = devset_scores(only=made_by_rule)["matched"]
    monkeypatch.setattr(rules, "RULES", [other for other in rules.RULES if other is not rule])
    own_first = sorted(ALL, key=lambda item: item[0] != rule.__name__)
    lost = any(_row_for(made_up_article, example) is None for _, example in own_first)
    if not lost:
        assert devset_scores(only=made_by_rule)["matched"] < before, f"{rule.__name__} can go and nothing is lost"


# The steps that find a count the numbers do not give (one person, a plural
# with no number, «أي» after a negation, …) name their rows too; their
# examples stand in the docstring of the function whose rows they are.
FINDERS = {
    "unspecified_count": ("unspecified_records", numbers.unspecified_records),
    "materiel_single": ("materiel_records", numbers.materiel_records),
    "one_person": ("_one_person", claims_table._one_person),
    "unstated_plural": ("_unstated_counts", claims_table._unstated_counts),
    "unstated_others": ("_unstated_counts", claims_table._unstated_counts),
    "none_with_any": ("_none_counts", claims_table._none_counts),
}


def _own_examples(made_up_article, name):
    found = [(example, _row_for(made_up_article, example)) for example in examples(FINDERS[name][1])]
    return [example for example, row in found if row is not None and name in row["rules"].split(" ; ")]


def test_every_rule_named_in_the_development_set_is_a_step_or_a_finder(devset_reading):
    named = {name for names in devset_reading["rules"].values() for name in names}
    assert named - {rule.__name__ for rule in rules.RULES} - set(FINDERS) == set()


@pytest.mark.parametrize("name", FINDERS)
def test_each_finders_example_yields_its_row(made_up_article, name):
    assert _own_examples(made_up_article, name), f"{name}: no example yields a row named by it"


@pytest.mark.parametrize("name", FINDERS)
def test_removing_a_finder_loses_a_row(made_up_article, monkeypatch, name):
    attribute, finder = FINDERS[name]
    own = _own_examples(made_up_article, name)

    def without(*args, **kwargs):
        return [row for row in finder(*args, **kwargs) if row.get("rule", row.get("rules")) != name]

    without_all = name not in ("unstated_plural", "unstated_others")  # one function makes both
    monkeypatch.setattr(claims_table, attribute, (lambda *args, **kwargs: []) if without_all else without)
    assert any(_row_for(made_up_article, example) is None for example in own), f"{name} can go and nothing is lost"
