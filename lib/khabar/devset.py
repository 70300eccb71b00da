"""The development set's scores: claims on each sentence of
``tests/devset/sentences.csv`` (sentences written for khabar in the register
of Arabic news, each with the rows a careful reader takes from it) against its
gold rows.  ``make bench`` prints them; ``tests/test_devset.py`` holds them.

>>> scores = devset_scores(only={1, 2, 3})
>>> scores["gold"] > 0 and scores["matched"] <= scores["found"]
True
"""

from __future__ import annotations

from pathlib import Path

from khabar.article import article_from_text

DEVSET = Path(__file__).resolve().parents[2] / "tests" / "devset" / "sentences.csv"
GOLD = ["value_low", "value_high", "subject", "scope", "claimant"]


def _key(record: dict) -> tuple:
    return tuple("nan" if isinstance(v, float) and v != v else v for v in (record[c] for c in GOLD))


def devset_scores(path: Path = DEVSET, only=None) -> dict:
    """Claims on each development sentence against its gold rows (value
    range, subject, scope, claimant all equal): ``precision``, ``recall``,
    ``found``, ``gold``, ``matched``, ``sentences``, the ``misses`` and
    ``extras`` as (sentence id, row) pairs, and ``rules``: for each sentence
    id, the names of the rules its rows were made by.  ``only`` (sentence
    ids) scores those sentences alone.

    >>> scores = devset_scores(only={1, 2})
    >>> scores["sentences"], 0 <= scores["precision"] <= 1
    (2, True)
    """
    import pandas as pd

    from khabar.claims_table import claims

    try:
        gold = pd.read_csv(
            path,
            dtype={"subject": str, "scope": str, "claimant": str},
            keep_default_na=False,
            na_values={"value_low": [""], "value_high": [""]},
        )
    except (OSError, pd.errors.ParserError) as error:
        raise ValueError(f"{path}: cannot be read as the development set ({error})") from None
    missing = set(["id", "sentence"] + GOLD) - set(gold.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    if only is not None:
        gold = gold[gold["id"].isin(only)]
    found = matched = expected = 0
    misses, extras, rules = [], [], {}
    for sentence_id, rows in gold.groupby("id", sort=False):
        sentence = rows["sentence"].iloc[0]
        wanted = [_key(r) for r in rows.to_dict("records") if r["subject"]]
        table = claims(article_from_text("عنوان\n\n" + sentence))
        rules[sentence_id] = {name for names in table["rules"] for name in names.split(" ; ") if name}
        got = [_key(r) for r in table.to_dict("records")]
        left = list(wanted)
        for row in got:
            if row in left:
                left.remove(row)
                matched += 1
            else:
                extras.append((sentence_id, row))
        misses += [(sentence_id, row) for row in left]
        found += len(got)
        expected += len(wanted)
    return {
        "precision": matched / found if found else 1.0,
        "recall": matched / expected if expected else 1.0,
        "found": found,
        "gold": expected,
        "matched": matched,
        "sentences": gold["id"].nunique(),
        "misses": misses,
        "extras": extras,
        "rules": rules,
    }
