"""``make report``: a report card for one article, or a comparison page for
several or a folder.

    python -m khabar.report path/to/report.txt [more files or a folder]
        [--published YYYY-MM-DD] [--outlet NAME] [--out FOLDER] [--data FOLDER] [--with-code]

Each page's tables are written beside it as a data package (CSV files and
``datapackage.json``), by default under ``build/data/reports/<name>/``.

A file that cannot be read is named with the reason; with one file nothing
is written, with many the others are compared and the page lists it.

>>> main(["no/such/report.txt"])
no/such/report.txt: file not found
1
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Parse the options, write the pages, print where they are."""
    from khabar.article import PROJECT_ROOT, ArticleError
    from khabar.export import REPORTS_DIR, export_report, report_data_dir, report_name, without_iri_grammar

    without_iri_grammar()

    parser = argparse.ArgumentParser(prog="python -m khabar.report", description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="+", help="article files (.txt, .html) or a folder")
    parser.add_argument("--published", default="", help="publication date YYYY-MM-DD, when nothing else gives it")
    parser.add_argument("--outlet", default="", help="the outlet's name, when nothing else gives it")
    parser.add_argument("--out", default=str(REPORTS_DIR), help="output folder (default build/html/reports)")
    parser.add_argument(
        "--data", default="", help="folder of the pages' data packages (default build/data/reports, or data/ in --out)"
    )
    parser.add_argument("--with-code", action="store_true", help="show the notebook's code")
    options = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        written = export_report(
            options.articles,
            options.out,
            published=options.published,
            outlet=options.outlet,
            with_code=options.with_code,
            data_dir=options.data or None,
        )
    except ArticleError as error:
        print(error)
        return 1
    data = Path(options.data or report_data_dir(options.out)) / report_name(options.articles)
    for path in [*written, *sorted(data.iterdir())]:
        shown = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
        print(f"wrote {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
