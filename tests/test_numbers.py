"""Arabic quantities: each rule on a sentence of the article and on made-up
sentences of the same shape."""
import math

import pytest

from khabar.numbers import materiel_singulars, quantities, to_western_digits, value_range


def found(text):
    table = quantities(text)
    return [(row.quote, row.value_low, row.value_high, row.qualifier) for row in table.itertuples()]


def nan_equal(a, b):
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


@pytest.mark.parametrize("text, quote, low, high, qualifier", [
    # the article
    ("عدد الجثث التي بادلها التنظيم، بحوالي 85 حتى اليوم", "بحوالي 85", 76, 94, "about"),
    ("مجمل أعداد الجثث لدى التنظيم تتجاوز 100.", "تتجاوز 100", 101, math.nan, "more_than"),
    ("تحدثت عن قرابة 30 جثة", "قرابة 30 جثة", 27, 33, "nearly"),
    ("مقدرًا نسبة سيطرته بحوالي 90% من الحي", "بحوالي 90%", 81, 99, "about"),
    ("قتل 175 من قوات الأسد بينهم ضباط", "175 من قوات الأسد", 175, 175, "exact"),
    # made up, same shapes
    ("قتل نحو 40 مدنيًا في القصف", "نحو 40 مدنيًا", 36, 44, "about"),
    ("أسر ما يزيد على 15 عنصرًا", "ما يزيد على 15 عنصرًا", 16, math.nan, "more_than"),
    ("وأحصت المصادر أكثر من 200 جثة", "أكثر من 200 جثة", 201, math.nan, "more_than"),
    ("سيطر على قرابة ٤٠٪ من المدينة", "قرابة ٤٠٪", 36, 44, "nearly"),
])
def test_qualifiers_set_the_range(text, quote, low, high, qualifier):
    rows = found(text)
    assert len(rows) == 1, rows
    got_quote, got_low, got_high, got_qualifier = rows[0]
    assert (got_quote, got_qualifier) == (quote, qualifier)
    assert nan_equal(got_low, float(low)) and nan_equal(got_high, float(high))


def test_a_qualifier_governs_only_the_next_number():
    rows = found("إلا أن أخرى تحدثت عن قرابة 30 جثة و12 أسيرًا من قوات الأسد")
    assert rows == [("قرابة 30 جثة", 27, 33, "nearly"), ("و12 أسيرًا", 12, 12, "exact")]
    rows = found("نقل حوالي 50 جريحًا و7 جثث")
    assert [row[3] for row in rows] == ["about", "exact"] and rows[1][0] == "و7 جثث"


@pytest.mark.parametrize("text, value", [
    ("قدر التنظيم خسائر القوات بخمس دبابات", 5),   # number word with ب
    ("ودمر ثلاث دبابات", 3),
    ("وأسر سبعة عناصر", 7),
    ("وقتل خمسة عشر عنصرًا", 15),
    ("قتل ١٧٥ من قوات الأسد", 175),                  # Arabic-Indic digits
    ("تبادل و12 أسيرًا", 12),                         # و joined to digits
])
def test_digits_and_number_words(text, value):
    table = quantities(text)
    assert table["value_low"].tolist() == [value]


def test_the_dual_counts_two():
    assert found("إضافة إلى رشاشين ثقيلين") == [("رشاشين ثقيلين", 2, 2, "exact")]
    assert found("وتسليم جثتين") == [("جثتين", 2, 2, "exact")]
    assert found("ودمرت دبابتان") == [("دبابتان", 2, 2, "exact")]
    # مقاتلين is a plural here, not a dual: without vowels the two look alike,
    # so nouns with a sound masculine plural never count as two.
    assert found("خروج مقاتلين من المنطقة") == []


def test_dozens_is_a_documented_range():
    assert found("ضمنت تسليم عشرات الجثث") == [("عشرات الجثث", 20, 99, "dozens")]
    table = quantities("عن تبادل العشرات من الجثث")
    assert table["quote"].tolist() == ["العشرات من الجثث"]
    assert table["qualifier_ar"].tolist() == ["العشرات"]
    assert quantities("قتل مئات المدنيين")["value_low"].tolist() == [200]


@pytest.mark.parametrize("text", [
    "عناصر من مجموعة المزروع التابعة للفرع 2015 على الجبهات في حي القدم - شباط 2018",
    "من مخابرات الفرع 215 خلال المعارك",
    "عناصر التابعة للفرع 215 على الجبهات",
    "وبحسب العدد ٣٠ من الصحيفة",
    "السيارة رقم 12 في الموقع",
    "في العدد “124” من صحيفة “النبأ” الأسبوعية",
    "لعنب بلدي اليوم، الاثنين 26 من آذار، إن صفقة",
    "في 3 كانون الثاني 2019",
    "في تقرير صدر عام 2017",
    "بحسب القرار 2254",
])
def test_identifiers_and_dates_are_not_counts(text):
    assert found(text) == []


def test_singular_materiel_nouns_mean_one():
    table = materiel_singulars("وقدر التنظيم خسائر القوات بخمس دبابات وعربة “BMP” وراجمة صواريخ")
    assert table["quote"].tolist() == ["وعربة “BMP”", "وراجمة صواريخ"]
    assert table["value_low"].tolist() == [1, 1]
    assert table["subject"].tolist() == ["armoured_vehicles", "rocket_launchers"]
    assert materiel_singulars("وأعطب دبابة ومدرعة")["subject"].tolist() == ["tanks", "armoured_vehicles"]
    assert materiel_singulars("دمر 4 عربة") .empty  # the noun counted by a number


def test_value_range_and_digits():
    assert value_range("exact", 12) == (12, 12)
    assert value_range("about", 90) == (81, 99)
    assert to_western_digits("٢٠١٨ و٨٥") == "2018 و85"
