"""Dates in Arabic news text, resolved against the publication date.

Each date found carries a precision:

- ``day``: one calendar day ("أمس", "السبت الماضي", "الاثنين 26 من آذار");
- ``month_part``: a third of a month ("منتصف آذار الحالي"): أوائل is days
  1-10, منتصف days 11-20, أواخر day 21 to the month's end;
- ``month``: a whole month ("شباط 2018");
- ``approx``: a span the words allow ("قبل أيام", "منذ أكثر من أسبوع").

``date`` is the first day the words allow and ``date_end`` the last, so a
``day`` has ``date == date_end``.

The expressions are found with regular expressions (``dateparser.search``
reads many ordinary words as dates) and resolved by counting on the
calendar from the anchor: اليوم, أمس, "قبل N أيام", "السبت الماضي" count
days back; "26 من آذار 2018" and "شباط 2018" are the day or month they name
(a month said without a year is the latest not after the anchor); the vague
spans follow :data:`BANDS`.  dateparser (locale ``ar-SY``) reads the exact
forms too, but not "X الماضي", قبل أيام, منتصف or "26 من آذار": the tests
check every form it reads against it.  A day the calendar does not have
("31 شباط") is not a date and is left out.

>>> from datetime import date
>>> resolve("السبت الماضي", date(2018, 3, 26))
(Timestamp('2018-03-24 00:00:00'), Timestamp('2018-03-24 00:00:00'), 'day')
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date as Date

import pandas as pd

PRECISIONS = ("day", "month_part", "month", "approx")

# Month names as Syrian and Lebanese papers write them, and as Egyptian (and
# most Gulf) papers write them; the index + 1 is the month number.
LEVANTINE_MONTHS = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
EGYPTIAN_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
# Spellings seen in print besides the ones above.
_MONTH_VARIANTS = {"إبريل": 4, "ابريل": 4, "يونيه": 6, "يوليه": 7, "اغسطس": 8, "اكتوبر": 10}

# Python's weekday(): Monday is 0.
WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}

# Parts of a day said before a weekday: «مساء السبت»، «فجر الخميس».
DAY_PARTS = ("صباح", "مساء", "فجر", "ظهر", "عصر", "ليلة", "ليل", "ظهيرة", "منتصف ليلة")

# Heads of a news outlet's name: «اليوم» after one is part of the name
# («موقع صدى اليوم»), not today.
OUTLET_HEADS = ("موقع", "صحيفة", "جريدة", "قناة", "شبكة", "وكالة", "إذاعة", "تلفزيون", "مجلة", "منصة", "برنامج")

# Thirds of a month, as (first day, last day); None is the month's last day.
MONTH_PARTS = {
    "أوائل": (1, 10),
    "مطلع": (1, 10),
    "بداية": (1, 10),
    "منتصف": (11, 20),
    "أواسط": (11, 20),
    "أواخر": (21, None),
    "نهاية": (21, None),
}


def _loose(word: str) -> str:
    """A regex for ``word`` that accepts any alif (ا أ إ آ) where it has one:
    hamza seats vary between copies of one text (آذار, اذار)."""
    out = []
    for ch in word:
        if ch in "اأإآ":
            out.append("[اأإآ]")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _month_number(name: str) -> int:
    """The month number of a month name as written (any alif spelling).

    >>> _month_number("اذار"), _month_number("يناير")
    (3, 1)
    """
    numbers = {
        **{m: i for i, m in enumerate(LEVANTINE_MONTHS, 1)},
        **{m: i for i, m in enumerate(EGYPTIAN_MONTHS, 1)},
        **_MONTH_VARIANTS,
    }
    for candidate, number in numbers.items():
        if re.fullmatch(_loose(candidate), name):
            return number
    raise ValueError(f"not a month name: {name!r}")


_ALL_MONTHS = sorted(LEVANTINE_MONTHS + EGYPTIAN_MONTHS + list(_MONTH_VARIANTS), key=len, reverse=True)
_MONTH = "(?P<month>" + "|".join(_loose(m) for m in _ALL_MONTHS) + ")"
_WEEKDAY = "(?P<weekday>" + "|".join(_loose(w) for w in sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_PART = "(?P<part>" + "|".join(_loose(p) for p in MONTH_PARTS) + ")"
# \d is any decimal digit, Arabic-Indic (٠–٩) too; int() reads both.
_YEAR = r"(?P<year>(?:19|20|١٩|٢٠)\d\d)"
_DAY = r"(?P<day>[0-3٠-٣]?\d)"
# و (and), ف (so) and ب (in) attach to the next word, و/ف before ب:
# "وأمس", "بمنتصف", "وبمنتصف".
_PRE = r"(?<![\w])[وف]?ب?"
_END = r"(?![\w])"

# (form, pattern).  Order matters only for readability: overlaps are settled
# by keeping the longest match.  A month name alone ("آذار") is not taken:
# Egyptian names are also words (مارس, "he practised"), so a month counts only
# with a day, a year, a part word or الحالي/الماضي/المقبل.
PATTERNS = [
    ("day_month", rf"{_PRE}(?:{_WEEKDAY}\s+)?{_DAY}\s+(?:من\s+)?{_MONTH}(?:\s+{_YEAR})?{_END}"),
    ("month_part", rf"{_PRE}{_PART}\s+(?:شهر\s+)?{_MONTH}(?:\s+(?P<which>الحالي|الجاري|الماضي)|\s+{_YEAR})?{_END}"),
    ("month_year", rf"{_PRE}(?:شهر\s+)?{_MONTH}\s+{_YEAR}{_END}"),
    ("month_relative", rf"{_PRE}(?:شهر\s+)?{_MONTH}\s+(?P<which>الحالي|الجاري|الماضي|المقبل){_END}"),
    ("weekday_relative", rf"{_PRE}(?:يوم\s+)?{_WEEKDAY}\s+(?P<which>الماضي|الفائت|المقبل|القادم){_END}"),
    # A weekday alone («يوم الأحد»، «مساء السبت»، «فجر الخميس»): news tells
    # what has happened, so it is the latest such day on or before the anchor.
    ("weekday", rf"{_PRE}(?:(?:{'|'.join(_loose(p) for p in DAY_PARTS)})\s+)?(?:يوم\s+)?{_WEEKDAY}{_END}"),
    ("day_before_yesterday", rf"{_PRE}أول\s+(?:من\s+)?أمس{_END}"),
    # «أمس الاثنين»، «اليوم الثلاثاء»: the weekday after is only a check for the reader
    ("yesterday", rf"{_PRE}(?:يوم\s+)?أمس(?:\s+{_WEEKDAY})?{_END}"),
    ("today", rf"{_PRE}اليوم(?:\s+{_WEEKDAY})?{_END}"),
    ("days_ago", rf"{_PRE}(?:قبل|منذ)\s+(?P<count>\d+|بضعة)?\s*أيام{_END}"),
    ("two_days_ago", rf"{_PRE}(?:قبل|منذ)\s+يومين{_END}"),
    ("more_than_week", rf"{_PRE}(?:قبل|منذ)\s+أكثر\s+من\s+أسبوع{_END}"),
    ("week_ago", rf"{_PRE}(?:قبل|منذ)\s+أسبوع{_END}"),
    ("past_days", rf"{_PRE}(?:خلال\s+)?الأيام\s+(?:الماضية|الأخيرة|الفائتة){_END}"),
]
_COMPILED = [(form, re.compile(pattern)) for form, pattern in PATTERNS]
# What each form cannot match without: a month name, a weekday, or its own
# word.  A text without it is not searched for that form.
_ANY_MONTH = re.compile("|".join(_loose(m) for m in _ALL_MONTHS))
_ANY_WEEKDAY = re.compile("|".join(_loose(w) for w in WEEKDAYS))
_NEEDS = {
    "day_month": _ANY_MONTH,
    "month_part": _ANY_MONTH,
    "month_year": _ANY_MONTH,
    "month_relative": _ANY_MONTH,
    "weekday_relative": _ANY_WEEKDAY,
    "weekday": _ANY_WEEKDAY,
    "day_before_yesterday": "أمس",
    "yesterday": "أمس",
    "today": "اليوم",
    "days_ago": "أيام",
    "two_days_ago": "يومين",
    "more_than_week": "أسبوع",
    "week_ago": "أسبوع",
    "past_days": "الأيام",
}

# How many days back a vague phrase reaches, as (nearest, farthest).
# أيام is a plural of paucity (جمع قلة), the plural Arabic counts 3 to 10 with
# ("ثلاثة أيام" ... "عشرة أيام"), so "قبل أيام" reaches 10 days back.  As a
# time adverbial it is looser than a count: news writers say "قبل أيام" of
# something two days old rather than the exact "قبل يومين" (a deal of
# Saturday is "a deal done days ago" on Monday), so it starts at 2 days.
# "أكثر من أسبوع" is more than 7 days and fewer than 14, which a writer
# would call أسبوعين.  "الأيام الماضية" runs up to the day before the anchor.
BANDS = {
    "days_ago": (2, 10),
    "more_than_week": (8, 13),
    "week_ago": (6, 8),
    "past_days": (1, 10),
}


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _relative_month(month: int, which: str | None, anchor: Date) -> int:
    """The year of a month said without a year.  الحالي/الجاري (current) is
    the anchor's year; الماضي (last) the latest such month before the anchor's
    month; المقبل (next) the first after it; nothing: not after the anchor."""
    if which in ("الحالي", "الجاري"):
        return anchor.year
    if which == "الماضي":
        return anchor.year if month < anchor.month else anchor.year - 1
    if which == "المقبل":
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


# Exact forms that count whole days back from the anchor.
DAYS_BACK = {"today": 0, "yesterday": 1, "two_days_ago": 2, "day_before_yesterday": 2}


def resolve_match(form: str, groups: dict, anchor: Date):
    """``(date, date_end, precision)`` for one matched expression, or
    ``None`` for a day the calendar does not have ("31 شباط").

    ``form`` and ``groups`` come from :data:`PATTERNS`.

    >>> resolve_match("yesterday", {}, Date(2018, 3, 26))
    (Timestamp('2018-03-25 00:00:00'), Timestamp('2018-03-25 00:00:00'), 'day')
    >>> resolve_match("day_month", {"day": "31", "month": "شباط"}, Date(2018, 3, 26)) is None
    True

    With no publication date (``anchor`` None), only a date with its year:

    >>> resolve_match("weekday", {"weekday": "السبت"}, None) is None
    True
    """
    if anchor is None and not (form in ("month_year", "month_part", "day_month") and groups.get("year")):
        # Without a publication date only a date with its year can be placed.
        return None
    ts = pd.Timestamp(anchor)
    back = DAYS_BACK.get(form)
    if form == "days_ago" and groups.get("count") and groups["count"].isdigit():
        back = int(groups["count"])
    if back is not None:
        day = ts - pd.Timedelta(days=back)
        return day, day, "day"
    if form in BANDS:
        near, far = BANDS[form]
        return ts - pd.Timedelta(days=far), ts - pd.Timedelta(days=near), "approx"
    if form == "weekday":
        back = (anchor.weekday() - WEEKDAYS[_canonical_weekday(groups["weekday"])]) % 7
        day = ts - pd.Timedelta(days=back)
        return day, day, "day"
    if form == "weekday_relative":
        target = WEEKDAYS[_canonical_weekday(groups["weekday"])]
        if groups["which"] in ("الماضي", "الفائت"):
            # The latest such weekday strictly before the anchor: on a Monday,
            # "الاثنين الماضي" is a week earlier, not the same day.
            back = (anchor.weekday() - target) % 7 or 7
            day = ts - pd.Timedelta(days=back)
        else:
            ahead = (target - anchor.weekday()) % 7 or 7
            day = ts + pd.Timedelta(days=ahead)
        return day, day, "day"
    month = _month_number(groups["month"])
    if form == "day_month":
        # A weekday in front ("الاثنين 26 من آذار") is only a check for the
        # reader.  With no year, the latest such day not after the anchor.
        number = int(groups["day"])
        if groups.get("year"):
            year = int(groups["year"])
        else:
            year = anchor.year if (month, number) <= (anchor.month, anchor.day) else anchor.year - 1
        if not 1 <= number <= _month_end(year, month):
            return None
        day = pd.Timestamp(year, month, number)
        return day, day, "day"
    year = int(groups["year"]) if groups.get("year") else _relative_month(month, groups.get("which"), anchor)
    if form in ("month_year", "month_relative"):
        first = pd.Timestamp(year, month, 1)
        return first, first.replace(day=_month_end(year, month)), "month"
    if form == "month_part":
        low, high = MONTH_PARTS[_canonical_part(groups["part"])]
        high = high or _month_end(year, month)
        return pd.Timestamp(year, month, low), pd.Timestamp(year, month, high), "month_part"
    raise ValueError(f"unknown date form {form!r}")


def _canonical_weekday(word: str) -> str:
    return next(w for w in WEEKDAYS if re.fullmatch(_loose(w), word))


def _canonical_part(word: str) -> str:
    return next(p for p in MONTH_PARTS if re.fullmatch(_loose(p), word))


def find_dates(text: str, published: Date) -> pd.DataFrame:
    """Every date expression in ``text``, resolved against ``published``.

    Columns: ``expression`` (``text[start:end]``), ``form``, ``date``,
    ``date_end``, ``precision``, ``start``, ``end``.  Overlapping matches
    keep the longest; one naming a day the calendar does not have
    ("31 شباط") is left out.

    >>> found = find_dates("وقالت اليوم، الاثنين 26 من آذار، إن صفقة عقدت السبت الماضي", Date(2018, 3, 26))
    >>> found[["expression", "date"]].astype(str).values.tolist()
    [['اليوم', '2018-03-26'], ['الاثنين 26 من آذار', '2018-03-26'], ['السبت الماضي', '2018-03-24']]

    An article's dates are read once: claims, the reporting windows of its
    claims and its events ask for the same text, and each caller gets its
    own copy of the table.
    """
    return _dates_of(text, published).copy()


def date_spans(text: str, published: Date) -> list[dict]:
    """:func:`find_dates` as plain records (``start``, ``end``, ``date``,
    ``date_end``, ``precision``), in text order, without making a dataframe:
    what the readers of sentences and of claims ask for.

    >>> [(d["start"], str(d["date"].date())) for d in date_spans("وقالت أمس إن", Date(2018, 3, 26))]
    [(6, '2018-03-25')]
    """
    return [
        {"start": start, "end": end, "date": date, "date_end": date_end, "precision": precision}
        for _, _, date, date_end, precision, start, end in _found(text, published)
    ]


@functools.lru_cache(maxsize=16)
def _dates_of(text: str, published: Date) -> pd.DataFrame:
    columns = ["expression", "form", "date", "date_end", "precision", "start", "end"]
    frame = pd.DataFrame(list(_found(text, published)), columns=columns).sort_values("start").reset_index(drop=True)
    for column in ("date", "date_end"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


@functools.lru_cache(maxsize=16)
def _found(text: str, published: Date) -> tuple:
    """(expression, form, date, date_end, precision, start, end) of each date
    expression, in text order: read once per text, shared by the readers of
    one article (its sentences, its claims' windows, its events)."""
    candidates = []
    present: dict = {}
    for form, pattern in _COMPILED:
        need = _NEEDS[form]
        if need not in present:
            present[need] = need in text if isinstance(need, str) else bool(need.search(text))
        if not present[need]:
            continue
        for match in pattern.finditer(text):
            candidates.append((match.start(), match.end(), form, match))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken, rows = [], []
    for start, end, form, match in candidates:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        if form == "today" and _in_a_name(text, start, end):
            continue
        taken.append((start, end))
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        resolved = resolve_match(form, groups, published)
        if resolved is not None:
            rows.append((text[start:end], form, *resolved, start, end))
    return tuple(sorted(rows, key=lambda row: row[5]))


_OUTLET_BEFORE = re.compile(
    r"(?<![\w])[وفبل]?(?:ال)?(?:" + "|".join(_loose(h) for h in OUTLET_HEADS) + r")\s+[“\"«]?\S+\s+$"
)


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Whether «اليوم» at ``text[start:end]`` ends a name: inside quotation
    marks with the word before it («صدى اليوم»), or after an outlet's head
    and one word («موقع صدى اليوم»).

    >>> _in_a_name("وقال مراسل موقع «صدى اليوم» إن", 21, 26), _in_a_name("وقال المرصد اليوم إن", 12, 17)
    (True, False)
    """
    closed = re.match(r"[”»\"]", text[end : end + 1])
    opened = re.search(r"[“«\"][^\s“”«»\"]+\s+$", text[max(0, start - 30) : start])
    return bool(closed and opened) or bool(_OUTLET_BEFORE.search(text[max(0, start - 40) : start]))


def resolve(expression: str, published: Date):
    """``(date, date_end, precision)`` for one date expression on its own.

    >>> resolve("منتصف آذار الحالي", Date(2018, 3, 26))
    (Timestamp('2018-03-11 00:00:00'), Timestamp('2018-03-20 00:00:00'), 'month_part')
    >>> resolve("شباط 2018", Date(2018, 3, 26))[1:]
    (Timestamp('2018-02-28 00:00:00'), 'month')
    """
    found = find_dates(expression.strip(), published)
    if len(found) != 1 or found.at[0, "expression"] != expression.strip():
        raise ValueError(f"not one date expression: {expression!r}")
    row = found.iloc[0]
    return row["date"], row["date_end"], row["precision"]
