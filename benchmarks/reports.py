"""Benchmarks of make report and of many reports, measured side by side in
one run (part of ``make bench``).
Prints ratios, not verdicts; the goals are in the README.

- ``make report`` on one article (both editions) over ``jupyter nbconvert
  --execute`` on an import-only notebook (goal: at most 1.5);
- :func:`khabar.reports.claims_of` on 1,000 varied reports with a process
  pool over the same without (goal: at least 1.7 faster), peak memory
  growth (goal: under 200 MB), articles per second.

>>> 0.2 < parallel_capacity(2, 0.05) < 2.5
True
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.corpus import FIXTURES, ROOT, _floor_notebooks, _timed, varied_reports


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def _cpu_seconds() -> float:
    """CPU seconds used so far by this process and its finished children:
    set beside wall time, it shows how much of the cores other work took."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _busy(cpu_seconds: float) -> None:
    start = time.process_time()
    while time.process_time() - start < cpu_seconds:
        pass


def parallel_capacity(processes: int = 2, cpu_seconds: float = 0.5) -> float:
    """How much faster ``processes`` pure-CPU tasks run in a process pool than
    one after another, right now: ``processes`` on an idle machine, less
    when other work holds the cores.  The ceiling of any pool speed-up measured
    at the same moment.

    >>> 0.2 < parallel_capacity(2, 0.05) < 2.5
    True
    """
    import multiprocessing

    start = time.perf_counter()
    for _ in range(processes):
        _busy(cpu_seconds)
    serial = time.perf_counter() - start
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
        pool.submit(_busy, 0).result()  # the workers are up before the clock starts
        start = time.perf_counter()
        list(pool.map(_busy, [cpu_seconds] * processes))
        parallel = time.perf_counter() - start
    return serial / parallel


def _pool_run(count: int, processes: int, rounds: int = 3) -> dict:
    """In a fresh interpreter: claims_of on ``count`` varied articles with a
    pool of ``processes``, then the single-process loop on the same articles,
    alternating, ``rounds`` times.  The best round of each is kept (as
    ``timeit`` does): on a machine shared with other work, the slower rounds
    measure the other work."""
    from khabar.claims_table import claims
    from khabar.reports import claims_of

    articles = varied_reports(count)
    claims(articles[0])  # first use: pandas, patterns, vocabulary
    load_before = os.getloadavg()[0]
    baseline = _rss_mb()
    pooled_s, single_s, pooled_cpu, single_cpu, capacity = [], [], [], [], []
    for _ in range(rounds):
        capacity.append(parallel_capacity(processes))
        cpu, start = _cpu_seconds(), time.perf_counter()
        pooled = claims_of(articles, processes=processes)
        pooled_s.append(time.perf_counter() - start)
        pooled_cpu.append(_cpu_seconds() - cpu)
        cpu, start = _cpu_seconds(), time.perf_counter()
        single = claims_of(articles, processes=1)
        single_s.append(time.perf_counter() - start)
        single_cpu.append(_cpu_seconds() - cpu)
    parent_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "articles": count,
        "processes": processes,
        "rounds": rounds,
        "claims": len(pooled),
        "same_table": bool(pooled.equals(single)),
        "pooled_s": min(pooled_s),
        "single_s": min(single_s),
        "pooled_all_s": pooled_s,
        "single_all_s": single_s,
        "capacity": capacity,
        "pooled_cpu_s": min(pooled_cpu),
        "single_cpu_s": min(single_cpu),
        # Upper bound: the parent's growth plus each child's peak beyond what it inherited.
        "memory_growth_mb": (parent_peak - baseline) + processes * max(0.0, child_peak - baseline),
        # The machine's 1-minute load average before and after: above the
        # core count, other work held cores while the pool ran.
        "load": [load_before, os.getloadavg()[0]],
    }


def pool_speedup(count: int = 1000, processes: int | None = None) -> dict:
    """:func:`_pool_run` in a fresh interpreter (so its memory peaks are its own)."""
    processes = processes or os.cpu_count() or 1
    code = f"import json; from benchmarks.reports import _pool_run; print(json.dumps(_pool_run({count}, {processes})))"
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(result.stdout.strip().splitlines()[-1])


def report_ratio(repeats: int = 5) -> tuple[float, float]:
    """Median wall seconds of ``python -m khabar.report`` on one invented
    report (both editions) and of ``jupyter nbconvert --to html --execute``
    on an import-only notebook, alternating the two."""
    jupyter = str(Path(sys.executable).with_name("jupyter"))
    article = FIXTURES / "janub-desk-2018-03-27.txt"
    with tempfile.TemporaryDirectory() as folder:
        floor = _floor_notebooks(Path(folder), 1)[0]
        report_times, floor_times = [], []
        for _ in range(repeats):
            report_times.append(
                _timed(
                    [sys.executable, "-m", "khabar.report", str(article), "--out", str(Path(folder) / "reports")],
                    Path(folder),
                )
            )
            floor_times.append(_timed([jupyter, "nbconvert", "--to", "html", "--execute", str(floor)], Path(folder)))
    return statistics.median(report_times), statistics.median(floor_times)


def _seconds(times: list[float]) -> str:
    return ", ".join(f"{t:.1f}" for t in times)


def main() -> int:
    """Print the figures."""
    report, floor_page = report_ratio()
    print(
        f"make report, one article, both editions: {report:.2f} s; nbconvert --execute on an import-only "
        f"notebook: {floor_page:.2f} s; ratio {report / floor_page:.2f} (goal <= 1.5)"
    )
    pool = pool_speedup()
    rate = pool["articles"] / pool["pooled_s"]
    print(
        f"claims_of on {pool['articles']} varied articles, best of {pool['rounds']} alternating rounds: "
        f"{pool['processes']} processes {pool['pooled_s']:.2f} s, one process {pool['single_s']:.2f} s; "
        f"speed-up {pool['single_s'] / pool['pooled_s']:.2f} (goal >= 1.7); "
        f"{rate:.0f} articles/s ({rate * 3600:,.0f} an hour); "
        f"peak memory growth {pool['memory_growth_mb']:.0f} MB (goal < 200); same table: {pool['same_table']}"
    )
    print(
        f"  CPU seconds, best round: {pool['pooled_cpu_s']:.1f} pooled, {pool['single_cpu_s']:.1f} one process; "
        f"every round (s): pooled {_seconds(pool['pooled_all_s'])}, one process {_seconds(pool['single_all_s'])}; "
        f"pure-CPU pool speed-up before each round (the machine's ceiling then): {_seconds(pool['capacity'])}; "
        f"load average {pool['load'][0]:.1f} before, {pool['load'][1]:.1f} after, on {os.cpu_count()} cores"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
