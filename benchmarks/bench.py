"""Benchmarks of the notebooks and of claims(), measured side by side in one
run (``make bench`` runs them with :mod:`benchmarks.reports`).  Prints ratios, not verdicts; the goals are in the README.

- nbval over the notebooks, over the same number of "floor" notebooks that
  only import pandas, matplotlib.pyplot and khabar (goal: at most 1.5);
- ``import khabar`` over ``import pandas, matplotlib.pyplot`` (goal: at most 1.3);
- claims extraction on 1, 10, 100 and 1,000 copies of the article with varied
  numbers: the time per article should stay flat;
- precision and recall of claims on the development set
  (``tests/devset/sentences.csv``, sentences written for it with gold rows).

>>> claims_per_article(sizes=(2,))[0][0]
2
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import _floor_notebooks, _timed, varied_copies
from khabar.article import article_from_text, load_article
from khabar.devset import devset_scores
from khabar.export import notebook_paths


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


def main() -> int:
    import os

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
