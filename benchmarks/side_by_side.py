"""``khabar.claims()`` per article, this tree against another, side by side
in one run: ``python -m benchmarks.side_by_side --against /work/base``.

Each tree's khabar is imported in its own worker process (``PYTHONPATH``
set to that tree's ``lib``, the same Python); the two workers are handed the
same fresh articles in turn, alternating which goes first, and each times
its ``claims()`` calls in CPU seconds (:func:`time.process_time`, the worker
alone, so other work on the machine counts less than in wall time).  Every
batch is new text (the seed's or the fixture reports' numbers varied with
another random seed), so nothing read from one batch helps the next.

Prints, for 1, 10, 100 and 1,000 articles, the median milliseconds per
article of each tree and their ratio (the other tree over this one: above 1
is faster here).

>>> _per_article([(20.0, 2), (30.0, 2)])
12.5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SIZES = (1, 10, 100, 1000)
# Fewer articles than this in a batch are timed over several batches of
# fresh articles, so the figure for one article is not one call's noise.
AT_LEAST = 30


def corpus(kind: str, count: int, seed: int) -> list[tuple[str, dict]]:
    """``count`` (text, keywords) pairs of the corpus ``kind``: ``copies`` of
    the seed with its numbers varied, or varied ``reports`` (the seed and the
    fixture reports in turn); plain values, sent to the workers as JSON.

    >>> [keywords["published"] for _, keywords in corpus("copies", 2, 1)]
    ['2018-03-26', '2018-03-26']
    """
    from benchmarks.corpus import varied_copies, varied_report_texts
    from khabar.article import load_article

    if kind == "copies":
        published = load_article().published
        pairs = [(text, {"published": published}) for text in varied_copies(count, seed=seed)]
    elif kind == "reports":
        pairs = varied_report_texts(count, seed=seed)
    else:
        raise ValueError(f"unknown corpus {kind!r}: copies or reports")
    return [(text, {**keywords, "published": keywords["published"].isoformat()}) for text, keywords in pairs]


def _per_article(timings: list[tuple[float, int]]) -> float:
    """Milliseconds per article over (milliseconds, articles) batches."""
    return sum(ms for ms, _ in timings) / sum(n for _, n in timings)


def worker() -> None:
    """Read batches (JSON lines of (text, keywords) pairs) on stdin; answer
    each with the CPU milliseconds its ``claims()`` calls took and the claims
    found.  The first line answered names the khabar imported."""
    import khabar
    from khabar.article import article_from_text, load_article

    khabar.claims(load_article())  # the lexicon read and the patterns compiled once, as in any session
    print(json.dumps({"khabar": khabar.__file__}), flush=True)
    for line in sys.stdin:
        articles = [
            article_from_text(text, **{**keywords, "published": date.fromisoformat(keywords["published"])})
            for text, keywords in json.loads(line)
        ]
        start = time.process_time()
        found = sum(len(khabar.claims(article)) for article in articles)
        elapsed = (time.process_time() - start) * 1000
        print(json.dumps({"ms": elapsed, "claims": found}), flush=True)


class Worker:
    """One tree's khabar in its own process."""

    def __init__(self, tree: Path):
        env = {**os.environ, "PYTHONPATH": f"{tree / 'lib'}{os.pathsep}{ROOT}"}
        self.tree = tree
        self.process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.side_by_side", "--worker"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        imported = Path(json.loads(self.process.stdout.readline())["khabar"]).resolve()
        if not imported.is_relative_to(tree.resolve()):
            raise RuntimeError(f"{tree}: the worker imported khabar from {imported}, not from this tree")

    def run(self, batch: list) -> tuple[float, int]:
        self.process.stdin.write(json.dumps(batch, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        return answer["ms"], answer["claims"]

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def side_by_side(other: Path, sizes=SIZES, rounds: int = 3, kind: str = "copies") -> list[dict]:
    """Per size: ``articles``, ``other_ms`` and ``this_ms`` (median CPU
    milliseconds per article over ``rounds``), ``ratio`` (other over this),
    and the claims each found in its last round."""
    workers = {"other": Worker(other), "this": Worker(ROOT)}
    results = []
    try:
        for size in sizes:
            per_round = {"other": [], "this": []}
            found = {}
            for round_ in range(rounds):
                batches = max(1, AT_LEAST // size)
                timings = {"other": [], "this": []}
                for number in range(batches):
                    batch = corpus(kind, size, seed=1_000_000 * round_ + 1000 * number + size)
                    order = ("other", "this") if (round_ + number) % 2 == 0 else ("this", "other")
                    for side in order:
                        ms, claims_found = workers[side].run(batch)
                        timings[side].append((ms, size))
                        found[side] = claims_found
                for side in per_round:
                    per_round[side].append(_per_article(timings[side]))
            other_ms, this_ms = statistics.median(per_round["other"]), statistics.median(per_round["this"])
            results.append(
                {
                    "articles": size,
                    "other_ms": other_ms,
                    "this_ms": this_ms,
                    "ratio": other_ms / this_ms,
                    "other_claims": found["other"],
                    "this_claims": found["this"],
                }
            )
            print(
                f"claims() on {size:>5} articles ({kind}): {other} {other_ms:6.1f} ms per article, "
                f"this tree {this_ms:6.1f} ms; {other_ms / this_ms:.2f}x "
                f"(claims in the last batch {found['other']} / {found['this']})",
                flush=True,
            )
    finally:
        for each in workers.values():
            each.close()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, help="the other tree (a checkout with lib/khabar)")
    parser.add_argument("tree", nargs="?", type=Path, help="the other tree, as --against")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", choices=("copies", "reports"), default="copies")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker()
        return 0
    other = args.against or args.tree
    if other is None or not (other / "lib" / "khabar" / "__init__.py").is_file():
        parser.error(f"{other}: not a tree with lib/khabar/__init__.py (give --against PATH)")
    print(f"CPU time per article, {args.rounds} rounds, load average {os.getloadavg()[0]:.1f}", flush=True)
    side_by_side(other, args.sizes, args.rounds, args.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
