"""Benchmarks, measured side by side in one run: ``python -m khabar.bench``
(``make bench``).  Prints ratios, not verdicts; the goals are in the README.

- nbval over the notebooks, over the same number of "floor" notebooks that
  only import pandas, matplotlib.pyplot and khabar (goal: at most 1.5);
- ``import khabar`` over ``import pandas, matplotlib.pyplot`` (goal: at most 1.3);
- claims extraction on 1, 10, 100 and 1,000 copies of the article with varied
  numbers: the time per article should stay flat;
- precision and recall of claims on the development set
  (``tests/devset/sentences.csv``, sentences written for it with gold rows).

>>> len(varied_copies(3))
3
"""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from khabar.article import SEED_PATH, article_from_text, load_article
from khabar.export import notebook_paths


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def _floor_notebooks(folder: Path, count: int) -> list[Path]:
    import nbformat

    paths = []
    for index in range(count):
        notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
        notebook.cells = [nbformat.v4.new_code_cell("import pandas, matplotlib.pyplot, khabar")]
        path = folder / f"floor-{index}.ipynb"
        nbformat.write(notebook, path)
        paths.append(path)
    return paths


def _timed_cpu(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the command and every process it waited
    for, kernels included) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = _timed(command, cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def nbval_times(repeats: int = 3) -> dict:
    """Median wall and CPU seconds of ``pytest --nbval`` over the notebooks
    (``real_s``, ``real_cpu_s``) and over as many floor notebooks
    (``floor_s``, ``floor_cpu_s``), alternating the two.  CPU seconds hardly
    depend on what else the machine runs; wall seconds do, and more for the
    side that computes more."""
    notebooks = notebook_paths()
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval"]
    runs: dict = {"real": [], "floor": []}
    with tempfile.TemporaryDirectory() as folder:
        floor = _floor_notebooks(Path(folder), len(notebooks))
        for _ in range(repeats):
            runs["real"].append(_timed_cpu(pytest + [str(p) for p in notebooks], Path(folder)))
            runs["floor"].append(_timed_cpu(pytest + [str(p) for p in floor], Path(folder)))
    return {
        f"{side}{suffix}": statistics.median(run[k] for run in runs[side])
        for side in runs
        for k, suffix in enumerate(("_s", "_cpu_s"))
    }


def nbval_ratio(repeats: int = 3) -> tuple[float, float]:
    """Median wall seconds of ``pytest --nbval`` over the notebooks and over
    as many floor notebooks, alternating the two (see :func:`nbval_times`)."""
    times = nbval_times(repeats)
    return times["real_s"], times["floor_s"]


def import_ratio(repeats: int = 7) -> tuple[float, float]:
    """Median wall seconds of a fresh interpreter importing khabar, and pandas
    with matplotlib.pyplot, alternating the two."""
    khabar_times, floor_times = [], []
    for _ in range(repeats):
        khabar_times.append(_timed([sys.executable, "-c", "import khabar"], Path.cwd()))
        floor_times.append(_timed([sys.executable, "-c", "import pandas, matplotlib.pyplot"], Path.cwd()))
    return statistics.median(khabar_times), statistics.median(floor_times)


def varied_text(text: str, spans, rng: random.Random) -> str:
    """``text`` with the number in each ``(start, end)`` span replaced by
    another of the same order of magnitude, drawn from ``rng``.

    >>> varied = varied_text("قتل 12 عنصرا", [(4, 6)], random.Random(1))
    >>> varied[:4], 10 <= int(varied[4:6]) <= 99, varied[6:]
    ('قتل ', True, ' عنصرا')
    """
    pieces, last = [], 0
    for start, end in spans:
        quote = text[start:end]
        digits = "".join(ch for ch in quote if ch.isdigit())
        if not digits:
            pieces.append(text[last:end])
        else:
            size = len(digits)
            new = str(rng.randrange(10 ** (size - 1) if size > 1 else 2, 10**size))
            pieces.append(text[last:start] + quote.replace(digits, new, 1))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def varied_copies(count: int, seed: int = 26) -> list[str]:
    """``count`` copies of the seed's text, each count number in it replaced
    by another number of the same order of magnitude.

    >>> copies = varied_copies(2)
    >>> copies[0] != copies[1]
    True
    """
    from khabar.numbers import quantities

    text = SEED_PATH.read_text(encoding="utf-8")
    spans = [(row.start, row.end) for row in quantities(text).itertuples() if row.value == row.value]
    rng = random.Random(seed)
    return [varied_text(text, spans, rng) for _ in range(count)]


def claims_per_article(sizes=(1, 10, 100, 1000)) -> list[tuple[int, float, int]]:
    """(articles, milliseconds per article, claims found) for each corpus size."""
    from khabar.claims_table import claims

    published = load_article().published
    claims(load_article())  # first use loads pandas and compiles the patterns
    results = []
    for size in sizes:
        articles = [article_from_text(text, published=published) for text in varied_copies(size)]
        start = time.perf_counter()
        found = sum(len(claims(article)) for article in articles)
        results.append((size, (time.perf_counter() - start) * 1000 / size, found))
    return results


DEVSET = Path(__file__).resolve().parents[2] / "tests" / "devset" / "sentences.csv"
GOLD = ["value_low", "value_high", "subject", "scope", "claimant"]


def _key(record: dict) -> tuple:
    return tuple("nan" if isinstance(v, float) and v != v else v for v in (record[c] for c in GOLD))


def devset_scores(path: Path = DEVSET) -> dict:
    """Claims on each development sentence against its gold rows (value
    range, subject, scope, claimant all equal): ``precision``, ``recall``,
    ``found``, ``gold``, ``matched``, ``sentences`` and the ``misses`` and
    ``extras`` as (sentence id, row) pairs.

    >>> scores = devset_scores()
    >>> scores["sentences"] >= 80 and 0 <= scores["precision"] <= 1
    True
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
    found = matched = expected = 0
    misses, extras = [], []
    for sentence_id, rows in gold.groupby("id", sort=False):
        sentence = rows["sentence"].iloc[0]
        wanted = [_key(r) for r in rows.to_dict("records") if r["subject"]]
        got = [_key(r) for r in claims(article_from_text("عنوان\n\n" + sentence)).to_dict("records")]
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
    }


def main() -> int:
    import os

    from khabar.bench_reports import main as report_figures

    report_figures()  # make report, and many reports through claims_of
    load = os.getloadavg()[0]
    times = nbval_times()
    real, floor = times["real_s"], times["floor_s"]
    count = len(notebook_paths())
    print(
        f"pytest --nbval, {count} notebooks: {real:.2f} s; {count} floor notebooks: {floor:.2f} s; "
        f"ratio {real / floor:.2f} (goal <= 1.5); load average {load:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores"
    )
    print(
        f"  CPU seconds (pytest and its kernels): {times['real_cpu_s']:.1f} / {times['floor_cpu_s']:.1f}, "
        f"ratio {times['real_cpu_s'] / times['floor_cpu_s']:.2f}"
    )
    khabar_import, floor_import = import_ratio()
    print(
        f"import khabar: {khabar_import * 1000:.0f} ms; import pandas, matplotlib.pyplot: "
        f"{floor_import * 1000:.0f} ms; ratio {khabar_import / floor_import:.2f} (goal <= 1.3)"
    )
    for size, per_article, found in claims_per_article():
        print(f"claims() on {size:>5} articles: {per_article:6.1f} ms per article ({found} claims)")
    scores = devset_scores()
    print(
        f"development set, {scores['sentences']} sentences: precision {scores['precision']:.2f} "
        f"({scores['matched']} of {scores['found']} rows found), recall {scores['recall']:.2f} "
        f"({scores['matched']} of {scores['gold']} gold rows)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
