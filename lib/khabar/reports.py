"""Many reports at once: load a folder (or a list of files), one claims table
for all of them, and the claims compared across reports.

A file that cannot be read does not stop the others: it is listed with the
reason (the :class:`~khabar.article.ArticleError` message).

>>> from khabar.article import SEED_PATH
>>> articles, failures = load_articles([SEED_PATH])
>>> table = claims_of(articles)
>>> list(table.columns[:3]), table["outlet"].unique().tolist()
(['article', 'outlet', 'published'], ['Enab Baladi'])
"""

from __future__ import annotations

import functools
import gc
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from khabar import schema
from khabar.article import ArticleError, load_article

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
SHARED_CLAIMANTS_PATH = Path(__file__).resolve().parent / "shared_claimants.csv"
FRONT = ["article", "outlet", "published"]
# Below this many articles a process pool costs more than it saves.
POOL_FROM = 8


def article_paths(folder_or_paths) -> list[Path]:
    """The article files to read: a folder's ``.txt`` and ``.html`` files in
    name order (sidecar ``.json`` files are metadata, not articles), or the
    paths given, in the order given.

    >>> from khabar.article import SEED_PATH
    >>> [p.name for p in article_paths(SEED_PATH.parent)]
    ['enab-baladi-2018-03-26-south-damascus-deal.txt']
    """
    if isinstance(folder_or_paths, (str, os.PathLike)):
        folder_or_paths = [folder_or_paths]
    paths = []
    for item in folder_or_paths:
        item = Path(item)
        if item.is_dir():
            paths += sorted(p for p in item.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
        else:
            paths.append(item)
    return paths


def load_articles(folder_or_paths, *, defaults: dict | None = None) -> tuple[list, pd.DataFrame]:
    """Every article in a folder or list of paths, and the files that failed.

    Returns ``(articles, failures)``; ``failures`` has one row per file that
    could not be read: ``file`` and ``problem`` (the ArticleError message).
    ``defaults`` fills metadata no sidecar or page gives (see
    :func:`khabar.load_article`).

    >>> from khabar.article import SEED_PATH
    >>> articles, failures = load_articles([SEED_PATH, "no/such/report.txt"])
    >>> len(articles), failures.values.tolist()
    (1, [['no/such/report.txt', 'no/such/report.txt: file not found']])
    """
    articles, failures = [], []
    for path in article_paths(folder_or_paths):
        try:
            articles.append(load_article(path, defaults=defaults))
        except ArticleError as error:
            failures.append((str(path), str(error)))
    return articles, pd.DataFrame(failures, columns=["file", "problem"])


def _shared_claimants() -> set[str]:
    return set(pd.read_csv(SHARED_CLAIMANTS_PATH, dtype=str)["claimant"])


def claimant_key(table: pd.DataFrame) -> pd.Series:
    """Who a claim comes from, across reports.  Anonymous sources ("informed
    sources"), activists, pages and an outlet's own voice are known only
    through the outlet that quotes them, so two outlets' "informed sources"
    are two claimants: their key carries the outlet (or the article when the
    outlet is missing).  A named source (``shared_claimants.csv``, e.g. the
    group's weekly) is one claimant whoever quotes it, and so is an outlet
    speaking for itself.  A claimant outside the vocabulary (``other``) is
    told apart by its words as written (``claimant_ar``).

    >>> rows = pd.DataFrame({"claimant": ["al_naba", "informed_sources", "B", "other", "other"],
    ...     "claimant_ar": ["", "", "", "مصدر عسكري", "B"], "outlet": ["A", "B", "B", "B", "B"],
    ...     "article": ["a.txt", "b.txt", "b.txt", "b.txt", "b.txt"]})
    >>> claimant_key(rows).tolist()
    ['al_naba', 'informed_sources (B)', 'B', 'other: مصدر عسكري (B)', 'B']
    """
    shared = _shared_claimants()
    where = table["outlet"].where(table["outlet"].astype(bool), table["article"])
    words = table["claimant_ar"] if "claimant_ar" in table.columns else pd.Series("", index=table.index)
    keys = []
    for claimant, place, written in zip(table["claimant"], where, words.fillna("")):
        if claimant in shared or claimant == place:
            keys.append(claimant)
        elif claimant == "other" and written:
            keys.append(written if written == place else f"other: {written} ({place})")
        else:
            keys.append(f"{claimant} ({place})")
    return pd.Series(keys, index=table.index, dtype=object)


_POOL_ARTICLES: list = []


def _claims_with_front(articles: list) -> pd.DataFrame:
    """claims() of each article, one table, with ``article``, ``outlet`` and
    ``published`` in front."""
    from khabar.claims_table import COLUMNS, claims

    tables = [claims(article) for article in articles]
    if not tables:
        return pd.DataFrame(columns=FRONT + COLUMNS)
    counts = [len(table) for table in tables]
    table = pd.concat(tables, ignore_index=True)
    published = [pd.Timestamp(a.published) if a.published else pd.NaT for a in articles]
    table.insert(0, "published", pd.to_datetime(pd.Series(published).repeat(counts).values))
    table.insert(0, "outlet", pd.Series([a.metadata.get("outlet", "") for a in articles]).repeat(counts).values)
    table.insert(0, "article", pd.Series([a.source_path.name for a in articles]).repeat(counts).values)
    return table


def _claims_of_chunk(bounds: tuple[int, int]) -> pd.DataFrame:
    return _claims_with_front(_POOL_ARTICLES[bounds[0] : bounds[1]])


def _chunks(items: list, parts: int) -> list[list]:
    size = max(1, -(-len(items) // max(1, parts)))
    return [items[start : start + size] for start in range(0, len(items), size)]


def map_reports(function, articles: list, *, executor=None, processes: int | None = None) -> list:
    """``function`` applied to chunks of ``articles`` (it takes a list and
    returns one result per chunk), the results in order.  ``executor``: any
    :class:`concurrent.futures.Executor` (a Dask client's
    ``client.get_executor()`` runs it on a cluster; ``function`` and the
    articles must then pickle); without one, a process pool of
    ``processes`` (default: every core) when there are enough articles to
    pay for it, else in this process.

    >>> map_reports(len, list(range(5)), processes=1)
    [5]
    """
    articles = list(articles)
    if executor is not None:
        workers = getattr(executor, "_max_workers", None) or processes or os.cpu_count() or 1
        return list(executor.map(function, _chunks(articles, workers * 4)))
    processes = processes or os.cpu_count() or 1
    if processes < 2 or len(articles) < POOL_FROM:
        return [function(articles)]
    with ProcessPoolExecutor(processes) as pool:
        return list(pool.map(function, _chunks(articles, processes * 4)))


def _tables_per_chunk(per_article, names: tuple, articles: list) -> tuple[pd.DataFrame, ...]:
    made = [per_article(article) for article in articles]
    return tuple(_joined([tables[k] for tables in made], name) for k, name in enumerate(names))


def _joined(tables: list, name: str) -> pd.DataFrame:
    """The rows of ``tables`` in one table of schema ``name`` (its empty
    table when none has a row)."""
    tables = [table for table in tables if len(table)]
    return pd.concat(tables, ignore_index=True) if tables else schema.empty(name)


def _as_one(per_article, article) -> tuple[pd.DataFrame]:
    return (per_article(article),)


def tables_of(per_article, names: tuple, articles, *, executor=None, processes: int | None = None) -> tuple:
    """One table of each schema of ``names`` for many reports: ``per_article``
    (a function of one article returning a tuple of tables, one of each
    schema) over each, in their order, through :func:`map_reports`.

    >>> from khabar.acled import acled
    >>> articles, _ = load_articles("tests/fixtures/reports")
    >>> both = tables_of(lambda a: (acled(a), acled(a)), ("acled", "acled"), articles[:2], processes=1)
    >>> [len(table) for table in both] == [len(acled(articles[0])) + len(acled(articles[1]))] * 2
    True
    """
    chunk = functools.partial(_tables_per_chunk, per_article, tuple(names))
    parts = map_reports(chunk, list(articles), executor=executor, processes=processes)
    return tuple(
        schema.conform(joined, name) if len(joined) else joined
        for name, joined in ((name, _joined([part[k] for part in parts], name)) for k, name in enumerate(names))
    )


def table_of(per_article, name: str, articles, *, executor=None, processes: int | None = None) -> pd.DataFrame:
    """One table of schema ``name`` for many reports: ``per_article`` (a
    function of one article returning rows of that schema) over each, in
    their order, through :func:`map_reports` (:func:`tables_of` with one
    table).

    >>> from khabar.acled import acled
    >>> articles, _ = load_articles("tests/fixtures/reports")
    >>> len(table_of(acled, "acled", articles, processes=1)) >= len(acled(articles[0]))
    True
    """
    one = functools.partial(_as_one, per_article)
    return tables_of(one, (name,), articles, executor=executor, processes=processes)[0]


def _tables(articles: list, processes: int | None, executor=None) -> list[pd.DataFrame]:
    """The claims of all articles, in order, as a few tables; over
    ``executor`` when one is given, else over a pool of processes when it
    pays.  The pool's processes are forked with the articles already in
    memory, so only one table per chunk travels back."""
    if executor is not None:
        return map_reports(_claims_with_front, articles, executor=executor, processes=processes)
    processes = processes or os.cpu_count() or 1
    if processes < 2 or len(articles) < POOL_FROM or "fork" not in _start_methods():
        return [_claims_with_front(articles)]
    import multiprocessing

    global _POOL_ARTICLES
    first = _claims_with_front(articles[:1])  # loads the vocabulary once, before the fork
    _POOL_ARTICLES = articles
    # Small chunks (16 a process): when another job slows one process down, the
    # other takes more chunks, and the last chunk to finish is a short one.
    size = max(1, -(-(len(articles) - 1) // (processes * 16)))
    chunks = [(start, min(start + size, len(articles))) for start in range(1, len(articles), size)]
    # Objects that exist before the fork are left out of the collector's
    # passes, so the children do not touch (and copy) the parent's pages.
    gc.freeze()
    try:
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
            return [first, *pool.map(_claims_of_chunk, chunks)]
    finally:
        _POOL_ARTICLES = []
        gc.unfreeze()


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def claims_of(articles: list, *, processes: int | None = None, executor=None) -> pd.DataFrame:
    """One claims table for many articles: :func:`khabar.claims` of each, with
    ``article`` (file name), ``outlet`` (empty when missing),
    ``published``, ``claimant_key`` and ``corroboration_in_report`` in front
    (the columns of ``lib/khabar/schema/claims_of.json``).  ``corroboration``
    is graded across all the reports (same subject and scope only), with
    :func:`claimant_key` as the claimant; ``corroboration_in_report`` keeps
    each report's own grade.
    ``processes`` (default: every core) runs the extraction in parallel;
    ``executor``, any :class:`concurrent.futures.Executor` (a Dask client's
    ``client.get_executor()``), runs it there instead (see :func:`map_reports`).

    >>> from khabar.article import SEED_PATH
    >>> articles, _ = load_articles([SEED_PATH])
    >>> table = claims_of(articles)
    >>> bool((table["corroboration"] == table["corroboration_in_report"]).all())  # one report: as before
    True
    """
    combined = pd.concat(_tables(list(articles), processes, executor), ignore_index=True)
    combined["published"] = pd.to_datetime(combined["published"])
    combined["corroboration_in_report"] = combined["corroboration"]
    combined["claimant_key"] = claimant_key(combined) if len(combined) else pd.Series(dtype=object)
    combined["corroboration"] = _graded_by_family(combined.assign(claimant=combined["claimant_key"]))
    return combined[schema.columns("claims_of")]  # lib/khabar/schema/claims_of.json


@functools.cache
def _linked(kind_a: tuple, kind_b: tuple) -> bool:
    """Whether :func:`khabar.grading.conflicts` relates claims of two
    different kinds (a part and its whole, such as bodies handed over and
    bodies held), found by asking it: each kind once far above the other."""
    from khabar.grading import conflicts

    kinds = [kind_a, kind_b, kind_a, kind_b]
    probe = pd.DataFrame(
        {
            "subject": [k[0] for k in kinds],
            "scope": [k[1] for k in kinds],
            "claimant": ["p0", "p1", "p2", "p3"],
            "side": ["independent"] * 4,
            "value_low": [1, 10, 10, 1],
            "value_high": [1, 10, 10, 1],
        }
    )
    return any(kinds[i] != kinds[j] for i, j, _ in conflicts(probe))


def _families(table: pd.DataFrame) -> pd.Series:
    """Which claims can bear on each other: the same subject and scope, joined
    with the kinds that a part-of rule links."""
    kinds = sorted(set(zip(table["subject"], table["scope"])))
    parent = {kind: kind for kind in kinds}

    def root(kind):
        while parent[kind] != kind:
            kind = parent[kind]
        return kind

    for k, kind_a in enumerate(kinds):
        for kind_b in kinds[k + 1 :]:
            if _linked(kind_a, kind_b):
                parent[root(kind_a)] = root(kind_b)
    return pd.Series([root(kind) for kind in zip(table["subject"], table["scope"])], index=table.index)


def _graded_by_family(table: pd.DataFrame) -> pd.Series:
    """:func:`khabar.grading.corroboration` run on each family of claims
    apart: claims of different families never meet in it, and its pairwise
    comparison grows with the square of the rows, so this is the same grading
    in a fraction of the time on many reports.  A family of more than
    :data:`MATRIX_FROM` claims is graded by :func:`_grades_by_matrix`."""
    from khabar.grading import corroboration

    if table.empty:
        return pd.Series([], index=table.index, dtype=object)
    families = _families(table)
    grades = [
        _grades_by_matrix(group) if len(group) > MATRIX_FROM else corroboration(group)
        for _, group in table.groupby(families, sort=False)
    ]
    return pd.concat(grades).reindex(table.index)


# Above this many claims in one family, the pairwise loops of corroboration()
# (seconds for a few thousand claims of one kind across many reports) give
# way to the same comparisons as numpy arrays, a block of rows at a time.
MATRIX_FROM = 300
_BLOCK_ROWS = 512


def _grades_by_matrix(table: pd.DataFrame) -> pd.Series:
    """:func:`khabar.grading.corroboration` of ``table``, the same
    grades, computed as boolean arrays of every pair (rows in blocks, so
    memory stays a few MB however many claims).

    >>> rows = pd.DataFrame({"subject": ["bodies"] * 4, "scope": ["held"] * 4,
    ...     "claimant": ["a", "b", "c", "isis"], "side": ["independent"] * 3 + ["isis"],
    ...     "value_low": [76, 20, 27, 20], "value_high": [94, 99, 33, 99]})
    >>> _grades_by_matrix(rows).tolist()
    ['contested', 'corroborated', 'contested', 'corroborated']
    """
    import numpy as np

    from khabar.grading import _is_part, camp

    sides = table["side"].tolist() if "side" in table.columns else [None] * len(table)
    low = pd.to_numeric(table["value_low"], errors="coerce").to_numpy(float)
    high = pd.to_numeric(table["value_high"], errors="coerce").to_numpy(float)
    figure = ~np.isnan(low)
    high = np.where(np.isnan(high), np.inf, high)
    kinds = list(zip(table["subject"], table["scope"]))
    codes = {k: code for code, k in enumerate(dict.fromkeys(kinds))}
    kind = np.array([codes[k] for k in kinds], dtype=int)
    # part[a, b]: kind a is a part of kind b (PART_OF), so a's figure cannot pass b's.
    part = np.array([[_is_part(a, b) for b in codes] for a in codes], dtype=bool)
    claimant = pd.factorize(table["claimant"])[0]
    camps = pd.factorize(pd.Series([camp(c, s) for c, s in zip(table["claimant"], sides)], dtype=object))[0]
    grade = np.full(len(table), "unspecified", dtype=object)
    for start in range(0, len(table), _BLOCK_ROWS):
        rows = slice(start, start + _BLOCK_ROWS)
        both = figure[rows, None] & figure[None, :]
        meet = (low[rows, None] <= high[None, :]) & (low[None, :] <= high[rows, None])
        same_kind = kind[rows, None] == kind[None, :]
        part_too_large = (part[np.ix_(kind[rows], kind)] & (low[rows, None] > high[None, :])) | (
            part[np.ix_(kind, kind[rows])].T & (low[None, :] > high[rows, None])
        )
        differ = claimant[rows, None] != claimant[None, :]
        contested = (both & differ & ((same_kind & ~meet) | part_too_large)).any(1)
        agreed = (both & same_kind & meet & (camps[rows, None] != camps[None, :])).any(1)
        block = np.where(agreed, "corroborated", "single_source").astype(object)
        block[contested] = "contested"
        block[~figure[rows]] = "unspecified"
        grade[rows] = block
    return pd.Series(grade.tolist(), index=table.index)  # the dtype corroboration() gives


def _range_words(low: float, high: float) -> str:
    if pd.isna(high):
        return f"{low:g}+"
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def ranges(table: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """Per subject and scope, the range each ``by`` (``outlet`` or
    ``claimant_key``) gives: the lowest low and the highest high of its
    claims (open when any is open), how many claims, and the words, e.g.
    ``76–94`` or ``101+``.  Claims with no figure are left out.

    >>> rows = pd.DataFrame({"topic": ["exchange"] * 3, "subject": ["bodies"] * 3, "scope": ["held"] * 3,
    ...     "outlet": ["A", "A", "B"], "value_low": [27, 20, 101], "value_high": [30, 99, None]})
    >>> ranges(rows)[["outlet", "low", "high", "claims", "range"]].values.tolist()
    [['A', 20.0, 99.0, 2, '20–99'], ['B', 101.0, nan, 1, '101+']]
    """
    shown = table.dropna(subset=["value_low"])
    keys = ["topic", "subject", "scope", by]
    grouped = shown.groupby(keys, sort=True, dropna=False)
    frame = grouped.agg(
        low=("value_low", "min"), high=("value_high", "max"), claims=("value_low", "size")
    ).reset_index()
    open_ended = grouped["value_high"].apply(lambda highs: highs.isna().any()).reset_index(drop=True)
    frame.loc[open_ended.values, "high"] = float("nan")
    frame["low"], frame["high"] = frame["low"].astype(float), frame["high"].astype(float)
    frame["range"] = [_range_words(low, high) for low, high in zip(frame["low"], frame["high"])]
    return frame


def side_by_side(table: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """:func:`ranges` as one row per subject and scope, one column per
    ``by`` value; an empty cell where that outlet or claimant gives no figure.

    >>> rows = pd.DataFrame({"topic": ["exchange"] * 2, "subject": ["bodies"] * 2, "scope": ["held"] * 2,
    ...     "outlet": ["A", "B"], "value_low": [27, 101], "value_high": [30, None]})
    >>> side_by_side(rows).values.tolist()
    [['exchange', 'bodies', 'held', '27–30', '101+']]
    """
    frame = ranges(table, by)
    if frame.empty:
        return pd.DataFrame(columns=["topic", "subject", "scope"])
    wide = frame.pivot(index=["topic", "subject", "scope"], columns=by, values="range").fillna("")
    wide.columns.name = None
    return wide.reset_index()


def contested_pairs(table: pd.DataFrame) -> pd.DataFrame:
    """The pairs of claims that cannot both be true, across and within
    reports (:func:`khabar.grading.conflicts` with :func:`claimant_key`
    as the claimant): for each side its article, outlet, claimant and quote.

    >>> rows = pd.DataFrame({"subject": ["bodies"] * 2, "scope": ["held"] * 2, "claimant": ["x"] * 2,
    ...     "claimant_key": ["x (A)", "x (B)"], "article": ["a.txt", "b.txt"], "outlet": ["A", "B"],
    ...     "quote": ["30 جثة", "أكثر من 100 جثة"], "value_low": [30, 101], "value_high": [30, None]})
    >>> contested_pairs(rows)[["outlet_a", "outlet_b", "reason"]].values.tolist()
    [['A', 'B', 'ranges do not meet']]
    """
    from khabar.grading import conflicts

    table = table.reset_index(drop=True)
    keyed = table.assign(claimant=table["claimant_key"])
    rows = []
    for i, j, reason in conflicts(keyed):
        a, b = table.loc[i], table.loc[j]
        rows.append(
            (
                a["subject"],
                a["scope"],
                b["scope"],
                reason,
                a["article"],
                a["outlet"],
                a["claimant_key"],
                a["quote"],
                b["article"],
                b["outlet"],
                b["claimant_key"],
                b["quote"],
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            "subject",
            "scope_a",
            "scope_b",
            "reason",
            "article_a",
            "outlet_a",
            "claimant_a",
            "quote_a",
            "article_b",
            "outlet_b",
            "claimant_b",
            "quote_b",
        ],
    )
