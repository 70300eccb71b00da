"""Relative dates: each form on the article and on made-up sentences, and
what dateparser does and does not read."""

from datetime import date, datetime

import dateparser
import pandas as pd
import pytest

from khabar import load_article
from khabar.dates import EGYPTIAN_MONTHS, LEVANTINE_MONTHS, find_dates, resolve

MONDAY = date(2018, 3, 26)  # the article's publication day
WEDNESDAY = date(2019, 1, 9)  # another day, to keep the rules honest

T = pd.Timestamp


@pytest.mark.parametrize(
    "words, first, last, precision",
    [
        ("اليوم", T(2018, 3, 26), T(2018, 3, 26), "day"),
        ("أمس", T(2018, 3, 25), T(2018, 3, 25), "day"),
        ("أول أمس", T(2018, 3, 24), T(2018, 3, 24), "day"),
        ("السبت الماضي", T(2018, 3, 24), T(2018, 3, 24), "day"),
        ("الخميس الماضي", T(2018, 3, 22), T(2018, 3, 22), "day"),
        ("الأحد الماضي", T(2018, 3, 25), T(2018, 3, 25), "day"),
        ("الاثنين الماضي", T(2018, 3, 19), T(2018, 3, 19), "day"),  # not the same day
        ("الجمعة المقبل", T(2018, 3, 30), T(2018, 3, 30), "day"),
        ("قبل أيام", T(2018, 3, 16), T(2018, 3, 24), "approx"),
        ("منذ أكثر من أسبوع", T(2018, 3, 13), T(2018, 3, 18), "approx"),
        ("قبل 4 أيام", T(2018, 3, 22), T(2018, 3, 22), "day"),
        ("منتصف آذار الحالي", T(2018, 3, 11), T(2018, 3, 20), "month_part"),
        ("أوائل آذار الحالي", T(2018, 3, 1), T(2018, 3, 10), "month_part"),
        ("أواخر شباط الماضي", T(2018, 2, 21), T(2018, 2, 28), "month_part"),
        ("الاثنين 26 من آذار", T(2018, 3, 26), T(2018, 3, 26), "day"),
        ("26 آذار 2018", T(2018, 3, 26), T(2018, 3, 26), "day"),
        ("شباط 2018", T(2018, 2, 1), T(2018, 2, 28), "month"),
        ("فبراير 2016", T(2016, 2, 1), T(2016, 2, 29), "month"),
        ("آب الماضي", T(2017, 8, 1), T(2017, 8, 31), "month"),
    ],
)
def test_each_form_against_monday_26_march_2018(words, first, last, precision):
    assert resolve(words, MONDAY) == (first, last, precision)


@pytest.mark.parametrize(
    "words, first, last",
    [
        ("أمس", T(2019, 1, 8), T(2019, 1, 8)),
        ("السبت الماضي", T(2019, 1, 5), T(2019, 1, 5)),
        ("الأربعاء الماضي", T(2019, 1, 2), T(2019, 1, 2)),
        ("قبل أيام", T(2018, 12, 30), T(2019, 1, 7)),
        # "mid-December" with no year, said in January, is last December.
        ("منتصف كانون الأول الماضي", T(2018, 12, 11), T(2018, 12, 20)),
        ("أواخر ديسمبر الماضي", T(2018, 12, 21), T(2018, 12, 31)),
        ("الخميس 3 من كانون الثاني", T(2019, 1, 3), T(2019, 1, 3)),
    ],
)
def test_forms_against_another_day(words, first, last):
    assert resolve(words, WEDNESDAY)[:2] == (first, last)


@pytest.mark.parametrize("number", range(1, 13))
def test_levantine_and_egyptian_month_names_agree(number):
    levantine = resolve(f"{LEVANTINE_MONTHS[number - 1]} 2017", MONDAY)
    egyptian = resolve(f"{EGYPTIAN_MONTHS[number - 1]} 2017", MONDAY)
    assert levantine == egyptian
    assert levantine[0] == T(2017, number, 1) and levantine[2] == "month"


def test_alif_spellings_vary():
    assert resolve("اذار 2018", MONDAY) == resolve("آذار 2018", MONDAY)
    assert resolve("ايار 2018", MONDAY)[0] == T(2018, 5, 1)


def test_month_alone_or_ordinary_words_are_not_dates():
    # مارس is also a verb ("he practised"); a month needs a day, year or part word.
    assert find_dates("مارس الرياضة يوما كاملا في آذار", MONDAY).empty
    assert find_dates("العدد 124 من الصحيفة، والفرع 215", MONDAY).empty


def test_clitics_and_overlaps():
    found = find_dates("واليوم، الاثنين 26 من آذار، وبمنتصف شباط الماضي", MONDAY)
    assert found["expression"].tolist() == ["واليوم", "الاثنين 26 من آذار", "وبمنتصف شباط الماضي"]
    assert found["precision"].tolist() == ["day", "day", "month_part"]


def test_the_articles_dates_in_order():
    article = load_article()
    found = find_dates(article.text, article.published)
    assert found["expression"].tolist() == [
        "شباط 2018",
        "قبل أيام",
        "اليوم",
        "الاثنين 26 من آذار",
        "السبت الماضي",
        "أمس",
        "اليوم",
        "قبل أيام",
        "الخميس الماضي",
        "منذ أكثر من أسبوع",
        "منتصف آذار الحالي",
        "خلال الأيام الماضية",
    ]
    for row in found.itertuples():
        assert article.text[row.start : row.end] == row.expression


# dateparser, the library made for reading dates, is the independent check of
# every exact form it reads (with the Syrian locale: it knows the Levantine
# months only through ar-SY).  It does not read "X الماضي", منتصف or
# "26 من آذار" -- which is why finding and resolving are done in khabar.
SETTINGS = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
ANCHORS = [MONDAY, WEDNESDAY, date(2016, 2, 29), date(2020, 1, 1), date(2024, 12, 31), date(2017, 7, 15)]


def read_by_dateparser(words: str, anchor: date):
    settings = {**SETTINGS, "RELATIVE_BASE": datetime.combine(anchor, datetime.min.time())}
    parsed = dateparser.parse(words, locales=["ar-SY"], settings=settings)
    return None if parsed is None else T(parsed.date())


@pytest.mark.parametrize("anchor", ANCHORS)
@pytest.mark.parametrize("words", ["اليوم", "أمس", "قبل يومين", "قبل 3 أيام", "قبل 9 أيام"])
def test_days_back_agree_with_dateparser(words, anchor):
    expected = read_by_dateparser(words, anchor)
    assert expected is not None
    assert resolve(words, anchor) == (expected, expected, "day")


@pytest.mark.parametrize("anchor", ANCHORS)
@pytest.mark.parametrize("month", range(1, 13))
def test_named_days_and_months_agree_with_dateparser(month, anchor):
    name = LEVANTINE_MONTHS[month - 1]
    first = read_by_dateparser(f"{name} 2017", anchor)
    assert resolve(f"{name} 2017", anchor)[0] == first == T(2017, month, 1)
    for day in (1, 15, 28):
        with_year = read_by_dateparser(f"{day} {name} 2019", anchor)
        assert resolve(f"{day} {name} 2019", anchor)[:2] == (with_year, with_year)
        # With no year: the latest such day not after the anchor, as dateparser
        # reads it when told to prefer the past.
        without_year = read_by_dateparser(f"{day} {name}", anchor)
        assert resolve(f"{day} {name}", anchor)[:2] == (without_year, without_year)


@pytest.mark.parametrize("words", ["31 شباط 2018", "30 شباط", "29 شباط 2019", "31 نيسان 2018", "0 آذار 2018"])
def test_a_day_the_calendar_does_not_have_is_not_a_date(words):
    assert read_by_dateparser(words, MONDAY) is None  # dateparser does not read it either
    text = f"وقال المصدر إن الاتفاق أبرم في {words}، وإن التسليم بدأ أمس"
    found = find_dates(text, MONDAY)
    assert found["expression"].tolist() == ["أمس"]


def test_29_february_in_a_leap_year():
    assert resolve("29 شباط 2016", MONDAY) == (T(2016, 2, 29), T(2016, 2, 29), "day")


@pytest.mark.parametrize("words", ["السبت الماضي", "منتصف آذار", "قبل أيام", "منذ أكثر من أسبوع", "26 من آذار"])
def test_dateparser_does_not_read(words):
    assert read_by_dateparser(words, MONDAY) is None


@pytest.mark.parametrize(
    "words, published",
    [
        (words, published)
        for words in ("يوم الأحد", "مساء السبت", "فجر الخميس", "الثلاثاء", "صباح يوم الجمعة", "ليلة الأربعاء")
        for published in (MONDAY, WEDNESDAY, date(2024, 2, 29), date(2025, 12, 28))
    ],
)
def test_a_weekday_alone_is_the_last_such_day_on_or_before_publication(words, published):
    # checked against the calendar: the day's name in Python's weekday(), and
    # no later day before publication with that name
    names = {"الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}
    wanted = next(number for name, number in names.items() if name in words)
    first, last, precision = resolve(words, published)
    assert first == last and precision == "day"
    assert first.weekday() == wanted
    assert 0 <= (T(published) - first).days <= 6


def test_a_weekday_on_publication_day_is_that_day_and_past_is_a_week_back():
    assert resolve("يوم الاثنين", MONDAY)[0] == T("2018-03-26")
    assert resolve("الاثنين الماضي", MONDAY)[0] == T("2018-03-19")


@pytest.mark.parametrize(
    "text",
    [
        "وقال مراسل موقع «صدى اليوم» إن القصف استمر",
        "ونقلت صحيفة “أخبار اليوم” عن مصادر طبية",
        "بحسب ما نشرته شبكة حلب اليوم على قناتها",
    ],
)
def test_today_inside_a_name_is_not_today(text):
    assert find_dates(text, MONDAY).empty


def test_today_after_a_speaker_is_still_today():
    found = find_dates("وقال مصدر عسكري اليوم إن 5 قتلوا", MONDAY)
    assert found[["expression", "date"]].astype(str).values.tolist() == [["اليوم", "2018-03-26"]]


def test_yesterday_or_today_with_its_weekday_is_one_expression():
    found = find_dates(
        "تسلمت القوات، أمس الاثنين، دفعة جديدة، وقال مصدر اليوم الثلاثاء إنها الأخيرة", date(2018, 3, 27)
    )
    assert found[["expression", "date"]].astype(str).values.tolist() == [
        ["أمس الاثنين", "2018-03-26"],
        ["اليوم الثلاثاء", "2018-03-27"],
    ]
