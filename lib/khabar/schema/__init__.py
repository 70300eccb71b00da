"""The tables' columns, types and allowed values, defined once.

Each shared table has a Frictionless Table Schema beside this file
(``claims.json``, ``events.json``, ``control.json``, ``paragraphs.json``,
``dropped.json``): every column's name, type, one-line description and
constraints (``required``, ``enum``, ``pattern``, ``minimum``, ``maximum``,
``unique``), plus ``rowConstraints``, comparisons between two columns of
a row ("start <= end") that hold wherever both are given.  Three keys are
khabar's own and resolved before a schema is handed out: ``enumFrom``
(allowed values kept in the lexicon), ``enumOf`` (those of another
column) and ``addedBy`` (the step that adds a column after the rows are
made, such as the claims' provenance columns of :mod:`khabar.provenance`:
:func:`frame` does not ask the rows for it); ``extends`` appends another
table's fields (``claims_of.json``, the claims of many reports, is the
claims with their report in front).  Adding a column
or an allowed value is one edit in that file; the checks, the CSV files and
the codebook (``datapackage.json``) all come from it.

A column of several texts is a ``list`` (Table Schema's list type): a tuple
of texts in the dataframe, the texts joined by its ``delimiter`` (" ; ")
in the CSV file.  A JSON array in the cell is written only for a column
whose type is ``array``.  Any ``<name>.json`` in this folder is a schema:
a new table needs its file here and nothing more in this module.

>>> columns("paragraphs")
['paragraph', 'kind', 'text', 'gloss_en', 'start', 'end']
>>> check(pd.DataFrame({"text": ["x"], "reason": [""]}), "dropped")
Traceback (most recent call last):
...
khabar.schema.SchemaError: dropped: column 'reason', row 0: empty, but the column is required
"""

from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd

SCHEMA_DIR = Path(__file__).resolve().parent
TABLES = ("claims", "events", "control", "paragraphs", "dropped", "event_table", "ledger", "acled", "ged")
"""The shared tables, in the order the data package lists them."""
COMBINED = ("claims_of",)
"""Tables of many reports: ``claims_of`` is :func:`khabar.claims_of`, the
claims with their report in front (written as ``claims.csv`` beside a
comparison page)."""

_ROW_RULE = re.compile(r"^(\w+)\s*(<=|<|>=|>)\s*(\w+)$")
_COMPARE = {"<=": lambda a, b: a <= b, "<": lambda a, b: a < b, ">=": lambda a, b: a >= b, ">": lambda a, b: a > b}
# At most this many problems are listed in one error, so a broken table
# gives a readable message.
MAX_LISTED = 10


class SchemaError(ValueError):
    """A table that does not fit its schema; the message names the table, the
    column and the row of each problem.

    >>> SchemaError("claims", ["column 'value', row 2: -3 is below the minimum 0"]).problems
    ["column 'value', row 2: -3 is below the minimum 0"]
    """

    def __init__(self, table: str, problems: list[str]):
        self.table = table
        self.problems = problems
        listed = problems[:MAX_LISTED]
        more = f"; and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        super().__init__(f"{table}: " + f"; {table}: ".join(listed) + more)


def names() -> list[str]:
    """Every table with a schema file in this folder, in name order.

    >>> names()[:3]
    ['acled', 'claims', 'claims_of']
    """
    return sorted(path.stem for path in SCHEMA_DIR.glob("*.json"))


@functools.cache
def _described(name: str) -> str:
    """The schema file as written, with the fields of the table it
    ``extends`` appended after its own (``claims_of`` is the claims with
    their report in front), and ``enumFrom`` not yet resolved: the column
    names need nothing but this file, so a table module can take them at
    import time without loading the lexicon."""
    path = SCHEMA_DIR / f"{name}.json"
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or not path.is_file():
        raise KeyError(f"no schema for a table named {name!r}: the tables are {', '.join(names())}")
    try:
        described = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise ValueError(f"{path}: not valid JSON ({error})") from None
    base = described.pop("extends", None)
    if base:
        extended = json.loads(_described(base))
        described["fields"] = described["fields"] + extended["fields"]
        described["rowConstraints"] = described.get("rowConstraints", []) + extended.get("rowConstraints", [])
    return json.dumps(described, ensure_ascii=False)


@functools.cache
def _load(name: str) -> str:
    described = json.loads(_described(name))
    for field in described["fields"]:
        _resolve_enum_from(field)
        field.pop("addedBy", None)
    # "enumOf": the allowed values of another column of the same table.
    by_name = {field["name"]: field for field in described["fields"]}
    for field in described["fields"]:
        other = field.pop("enumOf", None)
        if other:
            field.setdefault("constraints", {})["enum"] = list(by_name[other]["constraints"]["enum"])
    return json.dumps(described, ensure_ascii=False)


def _resolve_enum_from(field: dict) -> None:
    """Allowed values kept in the lexicon, not repeated here: a field's
    ``enumFrom`` names lexicon columns as ``"kind.column"`` (``"side.key"``);
    their values join the field's own ``enum`` (values no lexicon record
    holds, such as ``unspecified``).  The schema handed out has the plain
    ``enum`` a Table Schema reader expects."""
    sources = field.pop("enumFrom", None)
    if not sources:
        return
    from khabar import lexicon

    values = list(field.setdefault("constraints", {}).get("enum", []))
    for source in sources:
        kind, column = source.split(".")
        values += [value for value in lexicon.records(kind)[column] if isinstance(value, str) and value]
    field["constraints"]["enum"] = sorted(set(values))


def table_schema(name: str) -> dict:
    """The Table Schema of table ``name`` (a fresh copy, safe to change).

    >>> [field["type"] for field in table_schema("paragraphs")["fields"]]
    ['integer', 'string', 'string', 'string', 'integer', 'integer']
    """
    return json.loads(_load(name))


def columns(name: str) -> list[str]:
    """The column names of table ``name``, in order: what the table modules
    build their dataframes with (read from the file alone, see
    :func:`_described`).

    >>> columns("dropped")
    ['text', 'reason']
    >>> columns("claims_of")[:5]
    ['article', 'outlet', 'published', 'claimant_key', 'corroboration_in_report']
    """
    return [field["name"] for field in json.loads(_described(name))["fields"]]


def added_later(name: str) -> list[str]:
    """The columns of table ``name`` that a later step adds to the table the
    rows make (a field's ``addedBy`` names that step): :func:`frame` does not
    ask the rows for them.

    >>> added_later("claims")[:2]
    ['claim_id', 'source_type']
    """
    return [field["name"] for field in json.loads(_described(name))["fields"] if field.get("addedBy")]


def frame(rows: list, name: str, *, without: tuple = ()) -> pd.DataFrame:
    """A dataframe of table ``name``'s columns (but ``without``, the columns
    added later) from ``rows``, dicts or tuples, as the table modules make
    them.  A value made in code for a column the schema does not have, or a
    schema column the code gives no value, raises :class:`SchemaError`
    naming the schema file, rather than being silently dropped or left empty.

    >>> frame([{"text": "نص", "reason": "icon"}], "dropped").values.tolist()
    [['نص', 'icon']]
    >>> frame([("نص", "icon", 3)], "dropped")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    khabar.schema.SchemaError: dropped: row 0 has 3 values for the 2 columns of the schema: add the new column to .../dropped.json
    """
    check_rows(rows, name, without=without)
    return pd.DataFrame(rows, columns=list(_made(name, tuple(without))))


@functools.cache
def _made(name: str, without: tuple) -> tuple[str, ...]:
    """The columns rows of table ``name`` are made with: not ``without``,
    nor those added later."""
    skipped = set(without) | set(added_later(name))
    return tuple(column for column in columns(name) if column not in skipped)


def check_rows(rows: list, name: str, *, without: tuple = ()) -> None:
    """Raise :class:`SchemaError` unless each of ``rows`` (dicts or tuples)
    gives exactly table ``name``'s columns but ``without`` and the columns
    added later, as :func:`frame` wants them; rows of one set of keys are
    checked once.

    >>> check_rows([{"text": "نص", "reason": "icon", "page": 2}], "dropped")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    khabar.schema.SchemaError: dropped: column 'page' is made in code but not in the schema: add it to .../dropped.json
    """
    wanted = _made(name, tuple(without))
    source = SCHEMA_DIR / f"{name}.json"
    checked = set()
    for number, row in enumerate(rows):
        if isinstance(row, dict):
            keys = tuple(row)
            if keys in checked:
                continue
            checked.add(keys)
            made, known = set(row), set(wanted)
            found = [
                f"column {column!r} is made in code but not in the schema: add it to {source}"
                for column in row
                if column not in known
            ]
            found += [
                f"column {column!r} is in the schema ({source}) but the code gives no value"
                for column in wanted
                if column not in made
            ]
        elif len(row) != len(wanted):
            found = [
                f"row {number} has {len(row)} values for the {len(wanted)} columns of the schema: "
                f"add the new column to {source}"
                if len(row) > len(wanted)
                else f"row {number} has {len(row)} values for the {len(wanted)} columns of the schema ({source})"
            ]
        else:
            continue
        if found:
            raise SchemaError(name, found)


def allowed(name: str, column: str) -> list[str]:
    """The allowed values of a column with an ``enum`` constraint.

    >>> allowed("paragraphs", "kind")
    ['title', 'caption', 'body']
    """
    field = _field(name, column)
    return list(field.get("constraints", {}).get("enum", []))


def codebook(name: str) -> pd.DataFrame:
    """Table ``name``'s columns as a dataframe: ``column``, ``type``,
    ``required``, ``allowed`` (the allowed values, joined by ", ") and
    ``description``; what ``datapackage.json`` says, for reading in a notebook.

    >>> codebook("paragraphs").loc[1, ["column", "type", "allowed"]].tolist()
    ['kind', 'string', 'title, caption, body']
    >>> codebook("events").set_index("column").loc["quotes", "type"]
    "list of string, separated by ' ; '"
    >>> codebook("acled").set_index("column").loc["time_precision", "allowed"]
    '1, 2, 3'
    """
    rows = [
        {
            "column": field["name"],
            "type": type_in_words(field),
            "required": bool(field.get("constraints", {}).get("required", False)),
            "allowed": ", ".join(str(value) for value in field.get("constraints", {}).get("enum", [])),
            "description": field["description"],
        }
        for field in table_schema(name)["fields"]
    ]
    return pd.DataFrame(rows, columns=["column", "type", "required", "allowed", "description"])


def type_in_words(field: dict) -> str:
    """A field's type as the codebook gives it: the Table Schema type, and
    for several values in one cell how they are written.

    >>> type_in_words({"type": "list", "delimiter": " ; ", "itemType": "string"})
    "list of string, separated by ' ; '"
    >>> type_in_words({"type": "array"}), type_in_words({"type": "integer"})
    ('array (a JSON array)', 'integer')
    """
    if field["type"] == "list":
        return f"list of {field.get('itemType', 'string')}, separated by {field.get('delimiter', ',')!r}"
    if field["type"] == "array":
        return "array (a JSON array)"
    return field["type"]


def _field(name: str, column: str) -> dict:
    for field in table_schema(name)["fields"]:
        if field["name"] == column:
            return field
    raise KeyError(f"{name}: no column {column!r} in {SCHEMA_DIR / (name + '.json')}")


def dtype(field: dict) -> str:
    """The pandas dtype a column of this Table Schema field has: an integer
    column that may be empty is ``float64`` (empty is NaN, as in khabar's own
    tables), a required one ``int64``.

    >>> dtype({"name": "n", "type": "integer"}), dtype({"name": "d", "type": "date"})
    ('float64', 'datetime64[us]')
    """
    kind = field["type"]
    if kind == "integer":
        return "int64" if field.get("constraints", {}).get("required") else "float64"
    return {
        "number": "float64",
        "date": "datetime64[us]",
        "boolean": "boolean",
        "string": "str",
        "array": "object",
        "list": "object",
    }[kind]


def _is_empty(value) -> bool:
    if isinstance(value, (list, tuple)):
        return len(value) == 0
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value == ""


def _value_problem(field: dict, value) -> str | None:
    """Why one non-empty value does not fit its field, or None."""
    kind, constraints = field["type"], field.get("constraints", {})
    if kind == "string":
        if not isinstance(value, str):
            return f"{value!r} is not text"
    elif kind in ("integer", "number"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            try:
                value = float(value)
            except (TypeError, ValueError):
                return f"{value!r} is not a number"
        if kind == "integer" and float(value) != math.floor(float(value)):
            return f"{value!r} is not a whole number"
    elif kind == "date":
        try:
            stamp = pd.Timestamp(value)
        except (TypeError, ValueError):
            return f"{value!r} is not a date"
        if stamp != stamp.normalize():
            return f"{value!r} is not a date (it has a time of day)"
    elif kind == "boolean" and not isinstance(value, (bool, np.bool_)):
        return f"{value!r} is not true or false"
    elif kind == "array":
        if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
            return f"{value!r} is not a list of texts"
        return None
    elif kind == "list":
        if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
            return f"{value!r} is not a list of texts"
        delimiter = field.get("delimiter", ",")
        if "" in value or delimiter.join(value).split(delimiter) != list(value):
            return f"{value!r} cannot be written as texts separated by {delimiter!r} (an item is empty or holds it)"
        return None
    if "enum" in constraints and value not in constraints["enum"]:
        return f"{value!r} is not one of the allowed values {constraints['enum']}"
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], value):
        return f"{value!r} does not match the pattern {constraints['pattern']!r}"
    if "minimum" in constraints and value < constraints["minimum"]:
        return f"{value!r} is below the minimum {constraints['minimum']}"
    if "maximum" in constraints and value > constraints["maximum"]:
        return f"{value!r} is above the maximum {constraints['maximum']}"
    return None


def problems(table: pd.DataFrame, name: str) -> list[str]:
    """Every way ``table`` does not fit the schema of table ``name``, each
    naming the column and the row (the row's index label); empty if it fits.

    >>> problems(pd.DataFrame({"text": ["x"], "reason": ["icon"]}), "dropped")
    []
    """
    schema = table_schema(name)
    source = SCHEMA_DIR / f"{name}.json"
    found = []
    wanted = [field["name"] for field in schema["fields"]]
    missing = [column for column in wanted if column not in table.columns]
    extra = [column for column in table.columns if column not in wanted]
    found += [f"column {column!r} is missing" for column in missing]
    found += [
        f"column {column!r} is not in the schema: add it to {source} with its type and description" for column in extra
    ]
    if not missing and not extra and list(table.columns) != wanted:
        found.append(f"the columns are not in the schema's order {wanted}")
    for field in schema["fields"]:
        column = field["name"]
        if column in missing:
            continue
        constraints = field.get("constraints", {})
        seen = {}
        for row, value in table[column].items():
            if _is_empty(value):
                if constraints.get("required"):
                    found.append(f"column {column!r}, row {row}: empty, but the column is required")
                continue
            problem = _value_problem(field, value)
            if problem:
                found.append(f"column {column!r}, row {row}: {problem}")
            elif constraints.get("unique"):
                if value in seen:
                    found.append(f"column {column!r}, row {row}: {value!r} repeats row {seen[value]}")
                seen.setdefault(value, row)
    for rule in schema.get("rowConstraints", []):
        left, op, right = _ROW_RULE.match(rule).groups()
        if left in missing or right in missing:
            continue
        for row, a, b in zip(table.index, table[left], table[right]):
            if _is_empty(a) or _is_empty(b):
                continue
            try:
                holds = _COMPARE[op](a, b)
            except TypeError:
                continue  # a value of the wrong type, already reported above
            if not holds:
                found.append(f"columns {left!r} and {right!r}, row {row}: {a!r} {op} {b!r} does not hold")
    return found


def check(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return ``table`` if it fits the schema of table ``name``; otherwise
    raise :class:`SchemaError` listing each problem with its column and row.

    >>> bad = pd.DataFrame({"paragraph": [0], "kind": ["footer"], "text": ["x"], "gloss_en": [""], "start": [5], "end": [2]})
    >>> try:
    ...     check(bad, "paragraphs")
    ... except SchemaError as error:
    ...     print(*error.problems, sep="\\n")
    column 'kind', row 0: 'footer' is not one of the allowed values ['title', 'caption', 'body']
    columns 'start' and 'end', row 0: 5 <= 2 does not hold
    """
    found = problems(table, name)
    if found:
        raise SchemaError(name, found)
    return table


def conform(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """``table`` checked against the schema of ``name`` and given the schema's
    dtypes (see :func:`dtype`); empty text is "" and an empty number NaN.

    >>> conform(pd.DataFrame({"text": [None], "reason": ["icon"]}), "dropped")["text"].tolist()
    ['']
    """
    check(table, name)
    out = table.copy()
    for field in table_schema(name)["fields"]:
        column, kind = field["name"], dtype(field)
        if kind == "str":
            out[column] = out[column].map(lambda v: "" if _is_empty(v) else v).astype("str")
        elif kind.startswith("datetime64"):
            out[column] = pd.to_datetime(out[column]).astype(kind)
        elif field["type"] in ("array", "list"):
            out[column] = out[column].map(lambda v: () if _is_empty(v) else tuple(v)).astype(object)
        else:
            out[column] = out[column].astype(kind)
    return out


def empty(name: str) -> pd.DataFrame:
    """Table ``name`` with no rows: its columns, with the schema's dtypes
    (:func:`conform`), as a table of many reports is when none gives a row.

    >>> table = empty("dropped")
    >>> len(table), table.columns.tolist(), table["reason"].dtype == conform(
    ...     pd.DataFrame({"text": ["x"], "reason": ["icon"]}), "dropped")["reason"].dtype
    (0, ['text', 'reason'], True)
    """
    return conform(pd.DataFrame({column: [] for column in columns(name)}), name)


ENCODING = "utf-8-sig"
"""The CSV files' encoding: UTF-8 with a signature (byte-order mark), so
that Excel on Windows opens a double-clicked file as UTF-8; pandas,
frictionless and most readers skip the mark."""


def whole(value):
    """A number as it is written: a whole number as an int (85, not 85.0),
    any other as it is, and None for empty.

    >>> whole(85.0), whole(0.5), whole(float("nan"))
    (85, 0.5, None)
    """
    if _is_empty(value) or value is pd.NA:
        return None
    if isinstance(value, bool):
        return value
    number = float(value)
    return int(number) if number.is_integer() else number


def cells(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """``table`` (checked) as the values a CSV file or a spreadsheet holds:
    whole numbers as ints (``Int64`` for an integer column, an int or a
    float for a number column), a list joined by its delimiter, an array as
    JSON, dates as dates; empty for unknown.

    >>> cells(pd.DataFrame({"paragraph": [0], "kind": ["title"], "text": ["نص"], "gloss_en": [""],
    ...                     "start": [0], "end": [2]}), "paragraphs").dtypes["start"]
    Int64Dtype()
    """
    out = conform(table, name)
    for field in table_schema(name)["fields"]:
        column = field["name"]
        if field["type"] == "integer":
            out[column] = out[column].astype("Int64")
        elif field["type"] == "number":
            # Built as objects: a map would make 85 a float again.
            out[column] = pd.Series([whole(v) for v in out[column]], index=out.index, dtype=object)
        elif field["type"] == "list":
            out[column] = out[column].map(field.get("delimiter", ",").join)
        elif field["type"] == "array":
            # Table Schema's array type: a JSON array in the cell.
            out[column] = out[column].map(lambda v: json.dumps(list(v), ensure_ascii=False))
    return out


def to_csv(table: pd.DataFrame, path, name: str) -> Path:
    """Write ``table`` (checked) to ``path`` as CSV (:data:`ENCODING`): ISO
    dates, whole numbers without a decimal point, lists joined by their
    delimiter, empty for unknown (see :func:`cells`).  Returns the path.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> path = to_csv(pd.DataFrame({"text": ["نص"], "reason": ["icon"]}), os.path.join(folder, "d.csv"), "dropped")
    >>> path.read_bytes().decode("utf-8")
    '\\ufefftext,reason\\nنص,icon\\n'
    """
    out = cells(table, name)
    for field in table_schema(name)["fields"]:
        if field["type"] == "date":
            out[field["name"]] = out[field["name"]].dt.strftime("%Y-%m-%d").fillna("")
    path = Path(path)
    out.to_csv(path, index=False, encoding=ENCODING, lineterminator="\n")
    return path


def read_csv(path, name: str) -> pd.DataFrame:
    """Load a CSV written by :func:`to_csv` back as table ``name``, with the
    schema's dtypes, and check it.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> path = to_csv(pd.DataFrame({"text": [""], "reason": ["icon"]}), os.path.join(folder, "d.csv"), "dropped")
    >>> read_csv(path, "dropped").values.tolist()
    [['', 'icon']]
    """
    fields = table_schema(name)["fields"]
    dtypes = {f["name"]: dtype(f) for f in fields if not dtype(f).startswith("datetime64")}
    dates = [f["name"] for f in fields if dtype(f).startswith("datetime64")]
    text = [f["name"] for f in fields if f["type"] == "string"]
    lists = [f["name"] for f in fields if f["type"] in ("list", "array")]
    dtypes.update({column: "str" for column in lists})
    frame = pd.read_csv(
        path,
        dtype=dtypes,
        keep_default_na=False,
        encoding=ENCODING,
        na_values={f["name"]: [""] for f in fields if f["name"] not in text + lists},
    )
    for column in (f["name"] for f in fields if f["type"] == "array"):
        frame[column] = frame[column].map(lambda cell: tuple(json.loads(cell)) if cell else ()).astype(object)
    for field in (f for f in fields if f["type"] == "list"):
        split = functools.partial(_split_list, delimiter=field.get("delimiter", ","))
        frame[field["name"]] = frame[field["name"]].map(split).astype(object)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d").astype(dtype(_field(name, column)))
    try:
        return check(frame, name)
    except SchemaError as error:
        # Row n of the table is line n + 2 of the file (after the header).
        found = [re.sub(r"row (\d+)", lambda m: f"{m.group()} (line {int(m.group(1)) + 2})", p) for p in error.problems]
        raise SchemaError(f"{path} ({name})", found) from None


def _split_list(cell: str, delimiter: str) -> tuple:
    return tuple(cell.split(delimiter)) if cell else ()
