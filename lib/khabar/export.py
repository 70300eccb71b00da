"""Shareable HTML: execute every notebook afresh and write one offline page per
notebook plus an index to ``build/html/``.

Run it as ``python -m khabar.export``.  The stored notebooks are not touched:
each is executed in memory, and the pages are written to a temporary folder
that replaces ``build/html/`` only once every page is written.

>>> [path.name for path in notebook_paths()][:1]
['01-article.ipynb']
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from html import escape
from pathlib import Path

from khabar.article import PROJECT_ROOT

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
HTML_DIR = PROJECT_ROOT / "build" / "html"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks in reading order (their names start with a number).

    >>> notebook_paths()[0].suffix
    '.ipynb'
    """
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def notebook_to_html(path: Path, *, with_code: bool = False) -> str:
    """Execute one notebook in memory and return its offline HTML page.

    >>> page = notebook_to_html(notebook_paths()[0])  # doctest: +SKIP
    """
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, kernel_name="python3", timeout=600,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=not with_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    page, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": path.stem}})
    return page


def index_page(entries: list[tuple[str, str, str, str]]) -> str:
    """The index: one link per page with its Arabic and English description.

    ``entries`` holds (file name, title, description in Arabic, in English).

    >>> "01-article.html" in index_page([("01-article.html", "t", "وصف", "d")])
    True
    """
    items = "\n".join(
        f'<li><a href="{escape(name)}">{escape(title)}</a>'
        f'<p dir="rtl" lang="ar">{escape(description_ar)}</p>'
        f'<p dir="ltr" lang="en">{escape(description_en)}</p></li>'
        for name, title, description_ar, description_en in entries
    )
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>اتفاق غامض جنوبي دمشق — دفاتر البيانات</title>
<style>body {{ font-family: sans-serif; max-width: 46em; margin: 2em auto; line-height: 1.6 }}
[lang="en"] {{ color: #444 }}</style></head>
<body>
<h1>اتفاق غامض جنوبي دمشق: المقال بيانات</h1>
<p lang="en" dir="ltr">A murky deal south of Damascus (Enab Baladi, 26 March 2018), as data.</p>
<ol>
{items}
</ol>
</body>
</html>
"""


def _description(path: Path) -> tuple[str, str, str]:
    import nbformat

    metadata = nbformat.read(path, as_version=4).metadata.get("khabar", {})
    return (
        metadata.get("title", path.stem),
        metadata.get("description_ar", ""),
        metadata.get("description_en", ""),
    )


def export_all(out_dir: Path = HTML_DIR, *, with_code: bool = False) -> Path:
    """Write every notebook's page and ``index.html`` to ``out_dir``; return it.

    >>> export_all()  # doctest: +SKIP
    PosixPath('.../build/html')
    """
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".html-", dir=out_dir.parent))
    try:
        entries = []
        for path in notebook_paths():
            print(f"executing {path.relative_to(PROJECT_ROOT)}", flush=True)
            page_name = f"{path.stem}.html"
            (staging / page_name).write_text(notebook_to_html(path, with_code=with_code), encoding="utf-8")
            entries.append((page_name, *_description(path)))
        (staging / "index.html").write_text(index_page(entries), encoding="utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging.rename(out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out_dir


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out_dir = export_all(with_code="--with-code" in argv)
    pages = sorted(out_dir.glob("*.html"))
    print(f"wrote {len(pages)} pages to {out_dir}/ — open {out_dir / 'index.html'} in a browser")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
