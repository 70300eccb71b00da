"""Every rule's examples: each sentence in a rule's docstring yields the row
it gives (value, subject, scope, and the claimant when one is given in
brackets), and the rule is named in that row's ``rules``.  Removing any rule
from ``RULES`` loses one of these rows or a gold row of the development set."""

import re

import pytest

from khabar import rules

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
    wanted = (float(example["value"]), example["subject"], example["scope"] or "")
    for row in table.to_dict("records"):
        if (
            (row["value_low"], row["subject"], row["scope"]) == wanted
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
