"""A data package's tables as one Excel workbook, ``tables.xlsx``: a sheet
per table (the values of its CSV file, typed: whole numbers as integers,
dates as dates), a ``codebook`` sheet (every column's type, allowed values
and description, from the schemas) and an ``about`` sheet (what the data
were read from, and the licence).  A sheet with a column of Arabic text
reads right to left.

>>> import tempfile
>>> from khabar.article import load_article
>>> path = write_workbook({"dropped": load_article().dropped}, Path(tempfile.mkdtemp()) / "t.xlsx")
>>> sheet_names(path)
['dropped', 'codebook', 'about']
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd

from khabar import schema
from khabar.article import MIN_ARABIC_SHARE, arabic_share

CODEBOOK = "codebook"
ABOUT = "about"
CODEBOOK_COLUMNS = ["table", "column", "type", "required", "allowed", "description"]
# Excel's limits: a sheet name of at most 31 characters; a column wider
# than this many characters is cut on screen (the cell keeps its text).
MAX_SHEET_NAME = 31
MAX_WIDTH = 60


def codebook(names: dict[str, str]) -> pd.DataFrame:
    """Every column of the tables ``names`` (a table's name to its schema's
    name) with its table, type, whether it is required, allowed values and
    description.

    >>> codebook({"dropped": "dropped"})[["table", "column", "required"]].values.tolist()
    [['dropped', 'text', False], ['dropped', 'reason', True]]
    """
    frames = [schema.codebook(described).assign(table=name) for name, described in names.items()]
    if not frames:
        return pd.DataFrame(columns=CODEBOOK_COLUMNS)
    return pd.concat(frames, ignore_index=True)[CODEBOOK_COLUMNS]


def about(package: dict | None) -> pd.DataFrame:
    """The ``about`` sheet: a ``datapackage.json`` descriptor's title,
    description, sources (title and URL) and licences, one line each.

    >>> about({"title": "t", "licenses": [{"title": "L", "path": "https://l"}]}).values.tolist()
    [['title', 't'], ['licence', 'L: https://l']]
    """
    package = package or {}
    rows = [(key, package[key]) for key in ("title", "description") if package.get(key)]
    for source in package.get("sources", []):
        rows.append(("source", ": ".join(filter(None, [source.get("title"), source.get("path")]))))
    for licence in package.get("licenses", []):
        rows.append(
            ("licence", ": ".join(filter(None, [licence.get("title") or licence.get("name"), licence.get("path")])))
        )
    if package.get("copyright"):
        rows.append(("copyright", package["copyright"]))
    return pd.DataFrame(rows, columns=["about", "value"])


def is_right_to_left(table: pd.DataFrame) -> bool:
    """Whether a sheet of ``table`` reads right to left: one of its text
    columns is mostly Arabic (most of its non-empty cells have a majority
    of Arabic letters).

    >>> is_right_to_left(pd.DataFrame({"quote": ["قتل 12 جنديا", "نزوح 40 عائلة"], "n": [1, 2]}))
    True
    >>> is_right_to_left(pd.DataFrame({"column": ["quote"], "description": ["The sentence «قتل»"]}))
    False
    """
    for column in table.columns:
        texts = [value for value in table[column] if isinstance(value, str) and value.strip()]
        if texts and sum(arabic_share(text) >= MIN_ARABIC_SHARE for text in texts) * 2 > len(texts):
            return True
    return False


def _sheet_values(table: pd.DataFrame, described: str) -> pd.DataFrame:
    """The table as a sheet holds it: :func:`khabar.schema.cells` (whole
    numbers as ints, lists joined), dates as days, empty cells empty."""
    out = schema.cells(table, described)
    for field in schema.table_schema(described)["fields"]:
        column = field["name"]
        if field["type"] == "date":
            out[column] = [None if pd.isna(v) else v.date() for v in out[column]]
        elif field["type"] == "integer":
            out[column] = pd.Series(
                [None if pd.isna(v) else int(v) for v in out[column]], index=out.index, dtype=object
            )
        elif field["type"] in ("string", "list", "array"):
            out[column] = [v if v != "" else None for v in out[column]]
    return out


def write_workbook(
    named: dict[str, pd.DataFrame], path, *, schemas: dict | None = None, package: dict | None = None
) -> Path:
    """Write ``named`` tables (each checked against its schema; ``schemas``
    maps a table to another schema than its own name's) to ``path`` as an
    Excel workbook: one sheet per table, then ``codebook`` and ``about``
    (from ``package``, the ``datapackage.json`` descriptor).  Returns the path.

    >>> import tempfile
    >>> from khabar.article import load_article
    >>> path = write_workbook({"dropped": load_article().dropped}, Path(tempfile.mkdtemp()) / "t.xlsx")
    >>> right_to_left(path)
    {'dropped': True, 'codebook': False, 'about': False}
    """
    schemas = {name: (schemas or {}).get(name, name) for name in named}
    clash = [name for name in named if name in (CODEBOOK, ABOUT) or len(name) > MAX_SHEET_NAME]
    if clash:
        raise ValueError(f"{path}: a table cannot be a sheet named {clash} (taken, or longer than {MAX_SHEET_NAME})")
    sheets = {name: _sheet_values(table, schemas[name]) for name, table in named.items()}
    sheets[CODEBOOK] = codebook(schemas)
    sheets[ABOUT] = about(package)
    path = Path(path)
    with pd.ExcelWriter(path, engine="openpyxl", date_format="YYYY-MM-DD", datetime_format="YYYY-MM-DD") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            _lay_out(writer.sheets[name], frame, right_to_left=is_right_to_left(frame))
    _without_timestamps(path)
    return path


_STAMP = re.compile(r"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def _without_timestamps(path: Path) -> None:
    """The same tables give the same bytes: the time of writing (the
    document's created and modified dates, optional in the format, and each
    zip entry's time) is left out."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _STAMP.sub("", data.decode("utf-8")).encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
            target.writestr(fixed, data)


def _lay_out(sheet, frame: pd.DataFrame, *, right_to_left: bool) -> None:
    """Direction, a frozen header row with filters, and column widths."""
    from openpyxl.utils import get_column_letter

    sheet.sheet_view.rightToLeft = right_to_left
    sheet.freeze_panes = "A2"
    if len(frame):
        sheet.auto_filter.ref = sheet.dimensions
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            # A text beginning with "=" is text here, never a formula.
            if cell.data_type == "f":
                cell.data_type = "s"
    for number, column in enumerate(frame.columns, start=1):
        longest = max([len(str(column))] + [len(str(v)) for v in frame[column] if v is not None])
        sheet.column_dimensions[get_column_letter(number)].width = min(MAX_WIDTH, longest + 2)


def sheet_names(path) -> list[str]:
    """The sheets of a workbook, in order.

    >>> import tempfile
    >>> sheet_names(write_workbook({}, Path(tempfile.mkdtemp()) / "t.xlsx"))
    ['codebook', 'about']
    """
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return book.sheetnames
    finally:
        book.close()


def right_to_left(path) -> dict[str, bool]:
    """Each sheet of a workbook and whether it reads right to left.

    >>> import tempfile
    >>> right_to_left(write_workbook({}, Path(tempfile.mkdtemp()) / "t.xlsx"))
    {'codebook': False, 'about': False}
    """
    from openpyxl import load_workbook

    book = load_workbook(path)
    return {sheet.title: bool(sheet.sheet_view.rightToLeft) for sheet in book.worksheets}
