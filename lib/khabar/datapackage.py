"""The article's tables as shareable data: one CSV per table, a
``datapackage.json`` (a Frictionless Data Package) describing them, and the
same tables as one Excel workbook, ``tables.xlsx`` (:mod:`khabar.workbook`).

The CSV files are UTF-8 with a signature (so that Excel opens them as
UTF-8), logical-order Arabic, ISO dates, whole numbers without a decimal
point, several texts in one cell separated by " ; ", and an empty cell for
unknown; every column's type, allowed values and meaning come from
:mod:`khabar.schema`, which is also the package's codebook.  The package
names its licence (:data:`LICENCE`) and the article it was read from.  The
folder is written whole or not at all: the tables are checked against the
schema, written to a temporary folder beside the target, validated (with
the ``frictionless`` library when it is installed), and only then put in
place of the previous one.

Run it as ``python -m khabar.datapackage`` (``make html`` does).

>>> [name for name in tables(load_article())]
['claims', 'events', 'control', 'paragraphs', 'dropped', 'event_table', 'ledger', 'acled', 'ged']
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

from khabar import schema
from khabar.article import PROJECT_ROOT, english_gloss, load_article
from khabar.workbook import write_workbook

DATA_DIR = PROJECT_ROOT / "build" / "data"
WORKBOOK = "tables.xlsx"

LICENCE = {
    "name": "ODC-By-1.0",
    "path": "https://opendatacommons.org/licenses/by/1-0/",
    "title": "Open Data Commons Attribution License v1.0",
}
"""The data's licence: a database licence, which covers the tables as
compiled (what was read, and how) and leaves the article's own text to its
publisher's copyright (see docs/inputs-and-data.md)."""


class DataPackageError(ValueError):
    """A data package that was not written because it would not validate.

    >>> str(DataPackageError("build/data", ["claims.csv row 2: bad"]))
    'build/data: not written, the data do not validate: claims.csv row 2: bad'
    """

    def __init__(self, folder, problems: list[str]):
        self.problems = problems
        super().__init__(f"{folder}: not written, the data do not validate: " + "; ".join(problems))


def tables(article) -> dict[str, pd.DataFrame]:
    """The article's shared tables by name, in :data:`khabar.schema.TABLES`
    order: each is one entry here and one schema file
    (``lib/khabar/schema/<name>.json``), and the writer does the rest.

    >>> tables(load_article())["paragraphs"].columns.tolist()[:4]
    ['paragraph', 'kind', 'text', 'gloss_en']
    """
    from khabar import claims, control, events
    from khabar.acled import acled
    from khabar.ged import ged
    from khabar.shared_tables import event_rows, ledger_rows

    found, happenings = claims(article), events(article)
    rows = event_rows(article, claims=found, events=happenings)
    return {
        "claims": found,
        "events": happenings,
        "control": control(article),
        "paragraphs": paragraphs(article),
        "dropped": article.dropped,
        "event_table": rows,
        "ledger": ledger_rows(article, claims=found, events=happenings),
        "acled": acled(article, rows),
        "ged": ged(article, rows),
    }


def paragraphs(article) -> pd.DataFrame:
    """The article's paragraphs with their row number (``paragraph``) and
    the English gloss kept beside the article (``gloss_en``, empty when
    there is none; see :func:`khabar.article.english_gloss`).

    >>> paragraphs(load_article()).loc[0, "gloss_en"][:12]
    'A murky deal'
    """
    table = article.paragraphs.reset_index(drop=True).rename_axis("paragraph").reset_index()
    gloss = english_gloss(article)
    table.insert(table.columns.get_loc("text") + 1, "gloss_en", gloss if gloss is not None else "")
    return table


def article_source(article) -> dict:
    """What the data were read from: the article's title, outlet, publication
    date and URL (empty when not known), from the article and its metadata.

    >>> article_source(load_article())["outlet"]
    'Enab Baladi'
    """
    meta = article.metadata
    return {
        "title": article.title,
        "title_en": meta.get("title_en", ""),
        "outlet": meta.get("outlet", ""),
        "outlet_ar": meta.get("outlet_ar", ""),
        "published": article.published.isoformat() if article.published else "",
        "url": meta.get("url", ""),
        "file": Path(article.source_path).name,
    }


def descriptor(source: dict, names=schema.TABLES, *, schemas: dict | None = None) -> dict:
    """The ``datapackage.json`` content for tables ``names`` read from ``source``
    (see :func:`article_source`): one tabular resource per table, each with
    its Table Schema.  ``schemas`` maps a table to another schema than its
    own name's (``{"claims": "claims_of"}`` beside a comparison page); a
    ``source`` with ``reports`` (a list of :func:`article_source`) describes
    a package read from several reports, each one of its ``sources``.

    >>> package = descriptor({"title": "عنوان", "outlet": "An Outlet", "published": "2018-03-26"})
    >>> package["name"], [r["path"] for r in package["resources"]][:2]
    ('an-outlet-2018-03-26', ['claims.csv', 'events.csv'])
    """
    schemas = schemas or {}
    slug = Path(source.get("file", "")).stem or "-".join(filter(None, [source.get("outlet"), source.get("published")]))
    slug = re.sub(r"[^a-z0-9._-]+", "-", slug.lower()).strip("-") or "khabar"
    resources = []
    for name in names:
        table = schema.table_schema(schemas.get(name, name))
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table.pop("description"),
                "schema": table,
            }
        )
    reports = source.get("reports")
    read_from = "one Arabic news report" if reports is None else "several Arabic news reports"
    package = {
        "profile": "tabular-data-package",
        "name": slug,
        "title": source.get("title_en") or source["title"],
        "description": (
            f"Every number, dated happening and claim of control in {read_from}, "
            "with who states it and the exact quote (offsets into the article text), "
            "as read by khabar. Each table's columns are described in its schema below; "
            f"the same tables, with this codebook, are in the Excel workbook {WORKBOOK}."
        ),
        "licenses": [dict(LICENCE)],
        "copyright": _copyright(reports if reports is not None else [source]),
        "sources": [_origin(report) for report in (reports if reports is not None else [source])],
    }
    if reports is not None:
        package["reports"] = reports
    else:
        package["article"] = source
    package["resources"] = resources
    return package


def _copyright(sources: list[dict]) -> str:
    """Whose the quoted text is: the licence covers the data, not the article."""
    outlets = list(
        dict.fromkeys(s.get("outlet") or s.get("outlet_ar") for s in sources if s.get("outlet") or s.get("outlet_ar"))
    )
    whose = " and ".join(outlets) if outlets else "its publisher"
    return (
        f"The article text (paragraphs, and every quote and sentence) remains the copyright of {whose}; "
        f"it is quoted to show what each figure rests on and is not covered by the {LICENCE['name']} licence, "
        "which covers the data read from it. Cite the article with the data."
    )


def _origin(source: dict) -> dict:
    """A Data Package ``sources`` entry: "outlet, date: title", and the URL as its path."""
    citation = ", ".join(filter(None, [source.get("outlet"), source.get("published")]))
    origin = {"title": f"{citation}: {source['title']}" if citation else source["title"]}
    if source.get("url"):
        origin["path"] = source["url"]
    return origin


def validate(folder) -> list[str]:
    """The problems the ``frictionless`` validator finds in ``folder``'s
    ``datapackage.json`` (each naming the file, row and column), or an empty
    list; also empty when frictionless is not installed.

    >>> validate(write_data(out_dir=Path(tempfile.mkdtemp()) / "data"))
    []
    """
    try:
        import frictionless
    except ImportError:
        return []
    report = frictionless.validate(str(Path(folder) / "datapackage.json"))
    if report.valid:
        return []
    found = [f"{error.type}: {error.message}" for error in report.errors]
    for task in report.tasks:
        found += [f"{task.name}.csv: {error.message}" for error in task.errors]
    return found


KEPT = ("reports",)
"""Folders inside a data folder that are not its package and outlive its
replacement: ``make report`` writes each report's package under ``reports/``,
and ``make html`` keeps them (as it keeps the report pages)."""


def write_package(
    named: dict[str, pd.DataFrame], source: dict, out_dir=DATA_DIR, *, schemas: dict | None = None
) -> Path:
    """Write ``named`` tables and their ``datapackage.json`` to ``out_dir``,
    replacing it only if every table fits its schema and the package
    validates; otherwise raise (:class:`khabar.schema.SchemaError` or
    :class:`DataPackageError`) and leave the previous folder as it was.
    ``schemas``: a table's schema when not its own name's (see
    :func:`descriptor`).  The folders named in :data:`KEPT` are carried over.

    >>> write_package({"dropped": load_article().dropped}, article_source(load_article()),
    ...               Path(tempfile.mkdtemp()) / "data").name
    'data'
    """
    staging = stage_package(named, source, out_dir, schemas=schemas)
    try:
        return place_package(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def stage_package(named: dict[str, pd.DataFrame], source: dict, out_dir=DATA_DIR, *, schemas=None) -> Path:
    """The first half of :func:`write_package`: the tables checked, written
    and validated in a temporary folder beside ``out_dir``, which is
    returned (:func:`place_package` puts it in place); nothing is left
    behind when a check fails.

    >>> staging = stage_package({"dropped": load_article().dropped}, article_source(load_article()),
    ...                         Path(tempfile.mkdtemp()) / "data")
    >>> staging.name.startswith(".data-"), sorted(p.name for p in staging.iterdir())
    (True, ['datapackage.json', 'dropped.csv', 'tables.xlsx'])
    """
    out_dir = Path(out_dir)
    schemas = {name: (schemas or {}).get(name, name) for name in named}
    known = schema.names()
    unknown = [name for name in schemas.values() if name not in known]
    if unknown:
        raise KeyError(f"no schema for {unknown} in {schema.SCHEMA_DIR}: the tables are {', '.join(known)}")
    for name, table in named.items():
        schema.check(table, schemas[name])
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".data-", dir=out_dir.parent))
    try:
        staging.chmod(0o755)
        for name, table in named.items():
            schema.to_csv(table, staging / f"{name}.csv", schemas[name])
        package = descriptor(source, list(named), schemas=schemas)
        (staging / "datapackage.json").write_text(
            json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        write_workbook(named, staging / WORKBOOK, schemas=schemas, package=package)
        found = validate(staging)
        if found:
            raise DataPackageError(out_dir, found)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def place_package(staging, out_dir=DATA_DIR) -> Path:
    """Put a folder made by :func:`stage_package` in place of ``out_dir``,
    keeping the folders named in :data:`KEPT`; returns ``out_dir``.

    >>> out = Path(tempfile.mkdtemp()) / "data"
    >>> place_package(stage_package({"dropped": load_article().dropped}, article_source(load_article()), out), out) == out
    True
    """
    staging, out_dir = Path(staging), Path(out_dir)
    for kept in KEPT:
        if (out_dir / kept).is_dir():
            shutil.copytree(out_dir / kept, staging / kept)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    staging.rename(out_dir)
    return out_dir


def write_data(article=None, out_dir=DATA_DIR) -> Path:
    """Write ``article``'s tables (default: the seed) as a data package to
    ``out_dir`` (default ``build/data/``); see :func:`write_package`.

    >>> sorted(p.name for p in write_data(out_dir=Path(tempfile.mkdtemp()) / "data").iterdir())[:2]
    ['acled.csv', 'claims.csv']
    """
    article = load_article() if article is None else article
    return write_package(tables(article), article_source(article), out_dir)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out_dir = write_data(load_article(argv[0]) if argv else None)
    for path in sorted(out_dir.iterdir()):
        print(
            f"{path.stat().st_size:>8}  {path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
