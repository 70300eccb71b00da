"""The array grading used for large families of claims across many reports
gives corroboration()'s grades, row for row."""

import random

import numpy as np
import pandas as pd
import pytest

from khabar import reports
from khabar.grading import corroboration

KINDS = [
    ("bodies", "handed_over"),
    ("bodies", "held"),
    ("killed", "forces"),
    ("killed", "soldiers"),
    ("killed", "branch_215_members"),
    ("prisoners", "held"),
]
CLAIMANTS = [("al_naba", "isis"), ("isis", "isis"), ("pages", "regime"), ("sana", "regime")] + [
    (f"outlet_{k}", "independent") for k in range(6)
]


def _random_claims(rows: int, seed: int) -> pd.DataFrame:
    rng = random.Random(seed)
    records = []
    for _ in range(rows):
        subject, scope = rng.choice(KINDS) if rng.random() > 0.05 else ("tanks", f"lost_{rng.randrange(10**6)}")
        claimant, side = rng.choice(CLAIMANTS)
        low = rng.choice([np.nan, 12, 20, 76, 85, 90, 100, 175])
        high = low + rng.choice([0, 0, 9, 18, 79, np.nan])
        records.append((subject, scope, claimant, rng.choice([side, None, ""]), low, high))
    table = pd.DataFrame(records, columns=["subject", "scope", "claimant", "side", "value_low", "value_high"])
    table.index = rng.sample(range(10 * rows), rows)  # grades keep the table's own index
    return table


@pytest.mark.parametrize("rows, seed", [(6, 1), (40, 2), (300, 3), (1100, 4)])
def test_array_grades_are_corroborations(rows, seed):
    table = _random_claims(rows, seed)
    expected = corroboration(table)
    got = reports._grades_by_matrix(table)
    assert got.index.equals(table.index)
    assert got.tolist() == expected.tolist() and got.dtype == expected.dtype
    if rows >= 40:  # the sample meets every grade, so each rule is exercised
        assert set(got) == {"contested", "corroborated", "single_source", "unspecified"}


def test_claims_of_grades_a_large_family_like_corroboration(monkeypatch):
    table = _random_claims(700, 5).assign(subject="killed", scope="soldiers")
    monkeypatch.setattr(reports, "MATRIX_FROM", 10**9)
    looped = reports._graded_by_family(table)
    monkeypatch.setattr(reports, "MATRIX_FROM", 100)
    assert reports._graded_by_family(table).tolist() == looped.tolist()
