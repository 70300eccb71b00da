"""What the benchmarks run on and how they time it: copies of the seed and
of the invented fixture reports with their numbers varied, import-only
"floor" notebooks, and a timed subprocess.

>>> len(varied_copies(3)), len(varied_reports(3))
(3, 3)
"""

from __future__ import annotations

import functools
import random
import subprocess
import time
from pathlib import Path

from khabar.article import SEED_PATH, article_from_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "reports"


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


@functools.cache
def _spans(text: str) -> tuple:
    from khabar.numbers import quantities

    return tuple((row.start, row.end) for row in quantities(text).itertuples() if row.value == row.value)


def _varied(text: str, rng: random.Random) -> str:
    """``text`` with each count number replaced by another of the same order
    of magnitude (as :func:`varied_copies` does to the seed)."""
    return varied_text(text, _spans(text), rng)


def varied_report_texts(count: int, seed: int = 14) -> list[tuple[str, dict]]:
    """``count`` (text, keywords of :func:`khabar.article.article_from_text`)
    pairs, taken in turn from the seed and the invented fixture reports
    (text and HTML), each with its numbers varied, its metadata kept, and
    its own file name: plain values, so another process (another tree's
    khabar) can build the same articles.

    >>> [keywords["source"] for _, keywords in varied_report_texts(2)]
    ['varied-0000.txt', 'varied-0001.txt']
    """
    from khabar.reports import article_paths, load_articles

    sources, _ = load_articles([SEED_PATH] + article_paths(FIXTURES))
    rng = random.Random(seed)
    pairs = []
    for index in range(count):
        source = sources[index % len(sources)]
        raw = source.source_path.read_text(encoding="utf-8")
        name = f"varied-{index:04d}{source.source_path.suffix}"
        metadata = {key: source.metadata[key] for key in ("outlet", "title") if key in source.metadata}
        if source.source_path.suffix == ".html":
            metadata.pop("title", None)  # the page title is not the first paragraph
        pairs.append((_varied(raw, rng), {"source": name, "published": source.published, "metadata": metadata}))
    return pairs


def varied_reports(count: int, seed: int = 14) -> list:
    """``count`` articles in memory, taken in turn from the seed and the
    invented fixture reports (text and HTML), each with its numbers varied,
    its metadata kept, and its own file name (see :func:`varied_report_texts`).

    >>> [(a.source_path.name, a.metadata["outlet"]) for a in varied_reports(3)][1:]
    [('varied-0001.txt', 'Janub Desk (invented)'), ('varied-0002.txt', 'Madina Post (invented)')]
    """
    return [article_from_text(text, **keywords) for text, keywords in varied_report_texts(count, seed)]
