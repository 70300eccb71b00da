"""Arabic quantities: each rule on a sentence of the article and on made-up
sentences of the same shape."""

import math

import pytest

from khabar.numbers import materiel_singulars, numbers_in, quantities, to_western_digits, value_range


def found(text):
    table = quantities(text)
    return [(row.quote, row.value_low, row.value_high, row.qualifier) for row in table.itertuples()]


def nan_equal(a, b):
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


@pytest.mark.parametrize(
    "text, quote, low, high, qualifier",
    [
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
    ],
)
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


@pytest.mark.parametrize(
    "text, value",
    [
        ("قدر التنظيم خسائر القوات بخمس دبابات", 5),  # number word with ب
        ("ودمر ثلاث دبابات", 3),
        ("وأسر سبعة عناصر", 7),
        ("وقتل خمسة عشر عنصرًا", 15),
        ("قتل ١٧٥ من قوات الأسد", 175),  # Arabic-Indic digits
        ("تبادل و12 أسيرًا", 12),  # و joined to digits
    ],
)
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


@pytest.mark.parametrize(
    "text",
    [
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
        "وتستقبل المكاتب المراجعين بين الساعة 10 صباحا و4 عصرا",
        "وانطلقت القافلة عند الساعة 7:45 من صباح الثلاثاء",
        "وأعطب المقاتلون دبابة من طراز T-62 وعربة BMP-2",
        "واستولوا على مدفع عيار 57 ملم",
        "وبدأت المرحلة عند الساعة الحادية عشرة من صباح الخميس",
        "ووقع عن النظام ضابط من فرع الأمن العسكري 227",
        "أو الاتصال على الرقم 011-2223344",
        "وصدر التعميم رقم 37 لسنة 2018",
    ],
)
def test_identifiers_and_dates_are_not_counts(text):
    assert found(text) == []


def test_singular_materiel_nouns_mean_one():
    table = materiel_singulars("وقدر التنظيم خسائر القوات بخمس دبابات وعربة “BMP” وراجمة صواريخ")
    assert table["quote"].tolist() == ["وعربة “BMP”", "وراجمة صواريخ"]
    assert table["value_low"].tolist() == [1, 1]
    assert table["subject"].tolist() == ["armoured_vehicles", "rocket_launchers"]
    assert materiel_singulars("وأعطب دبابة ومدرعة")["subject"].tolist() == ["tanks", "armoured_vehicles"]
    assert materiel_singulars("دمر 4 عربة").empty  # the noun counted by a number


def test_value_range_and_digits():
    assert value_range("exact", 12) == (12, 12)
    assert value_range("about", 90) == (81, 99)
    assert to_western_digits("٢٠١٨ و٨٥") == "2018 و85"


# One example of each form the reader handles: (text, quote, low, high, qualifier, lemma).
FORMS = [
    ("ونزح 25 ألف شخص", "25 ألف شخص", 25000, 25000, "exact", "شخص"),
    ("ويقطنها 2.5 مليون نسمة", "2.5 مليون نسمة", 2500000, 2500000, "exact", "نسمة"),
    ("وعاد 3 آلاف لاجئ", "3 آلاف لاجئ", 3000, 3000, "exact", "لاجئ"),
    ("وقتل أحد عشر جنديا", "أحد عشر جنديا", 11, 11, "exact", "جندي"),
    ("ويقطن البلدة سبعة عشر ألف مدني", "سبعة عشر ألف مدني", 17000, 17000, "exact", "مدني"),
    ("وسكانها مئتين وأربعين ألف نسمة", "مئتين وأربعين ألف نسمة", 240000, 240000, "exact", "نسمة"),
    ("وقتل ألف ومئتان من المقاتلين", "ألف ومئتان من المقاتلين", 1200, 1200, "exact", "مقاتل"),
    ("ونزحت ألفين وخمسمائة عائلة", "ألفين وخمسمائة عائلة", 2500, 2500, "exact", "عائلة"),
    ("وقتل اربعة مدنيين", "اربعة مدنيين", 4, 4, "exact", "مدني"),
    ("وأصيب اثنا عشر طفلًا", "اثنا عشر طفلًا", 12, 12, "exact", "طفل"),
    ("وقصفوا البلدة بخمسين قذيفة", "بخمسين قذيفة", 50, 50, "exact", "قذيفة"),
    ("وقتل 25 مدنيًا تقريبًا", "25 مدنيًا تقريبًا", 22, 28, "about", "مدني"),
    ("وقتل 25 مدنيًا على الأقل", "25 مدنيًا على الأقل", 25, math.nan, "at_least", "مدني"),
    ("وأصيب 3 أشخاص فقط", "3 أشخاص فقط", 3, 3, "exact", "شخص"),
    ("وقتل عشرون ونيف مقاتلًا", "عشرون ونيف مقاتلًا", 21, 29, "and_some", "مقاتل"),
    ("ونزح بين 20 و30 ألف شخص", "بين 20 و30 ألف شخص", 20000, 30000, "range", "شخص"),
    ("وقتل من 20 إلى 30 عنصرًا", "من 20 إلى 30 عنصرًا", 20, 30, "range", "عنصر"),
    ("وأصيب عدد من المدنيين", "عدد من المدنيين", 3, 9, "several", "مدني"),
    ("وأصيب بضعة عناصر", "بضعة عناصر", 3, 9, "several", "عنصر"),
    ("ونزح عشرات الآلاف من السكان", "عشرات الآلاف من السكان", 20000, 99999, "tens_of_thousands", "ساكن"),
    ("وخسر التنظيم نحو 40 من عناصره", "نحو 40 من عناصره", 36, 44, "about", "عنصر"),
    ("ونعت الفرقة مقتل 4 من ضباطها", "4 من ضباطها", 4, 4, "exact", "ضابط"),
    ("وقتل 6 من مقاتليهم", "6 من مقاتليهم", 6, 6, "exact", "مقاتل"),
    ("وقتل خمسة قادة", "خمسة قادة", 5, 5, "exact", "قائد"),
    ("واعتقلت ثلاث ممرضات", "ثلاث ممرضات", 3, 3, "exact", "ممرض"),
    ("وسقط أكثر من 60 قتيلًا", "أكثر من 60 قتيلًا", 61, math.nan, "more_than", "قتيل"),
    ("ونقل نحو 120 جريحًا", "نحو 120 جريحًا", 108, 132, "about", "جريح"),
    ("وسيطر على 40 كيلومترًا مربعًا", "40 كيلومترًا مربعًا", 40, 40, "exact", "كيلومتر مربع"),
    ("واستمر القصف يومين", "يومين", 2, 2, "exact", "يوم"),
]


@pytest.mark.parametrize("text, quote, low, high, qualifier, lemma", FORMS)
def test_every_form(text, quote, low, high, qualifier, lemma):
    table = quantities(text)
    assert table["quote"].tolist() == [quote]
    row = table.iloc[0]
    assert (row.qualifier, row.lemma) == (qualifier, lemma)
    assert nan_equal(row.value_low, float(low)) and nan_equal(row.value_high, float(high))
    assert text[row.start : row.end] == quote


@pytest.mark.parametrize(
    "text, number, kind",
    [
        ("في 12 من نيسان قتل 5", "12", "date"),
        ("في شباط 2018", "2018", "date"),
        ("في 3 آذار", "3", "date"),
        ("منذ عام 2013", "2013", "year"),
        ("في 2016 أصدرت المحكمة", "2016", "year"),
        ("عند الساعة 5 مساء", "5", "time"),
        ("في تمام 5:30 صباحا", "5", "time"),
        ("في الذكرى الـ15 للثورة", "15", "ordinal"),
        ("قرب الحاجز 4 على الطريق", "4", "identifier"),
        ("في العدد “124” من الصحيفة", "124", "identifier"),
        ("بحسب القرار 2254", "2254", "identifier"),
        ("السيارة رقم 12", "12", "identifier"),
        ("من 10 إلى 12 حزيران", "10", "date"),
        # an age is one person's, neither a count nor the duration of an event
        ("وكان الشاب يبلغ من العمر 23 عامًا", "23", "age"),
        ("واعتقلت فتاة عمرها 16 سنة", "16", "age"),
        ("وقتل طفل في التاسعة، بعمر 9 سنوات", "9", "age"),
        ("وأصيب رجل في الـ60 من عمره", "60", "ordinal"),
        # a phone number: a leading zero, or nine digits and more in one run
        ("للإبلاغ اتصلوا على 0112223344 مباشرة", "0112223344", "identifier"),
        ("أو عبر الواتساب 963944555666", "963944555666", "identifier"),
        ("ونشرت الصحيفة ذلك في الصفحة 9", "9", "identifier"),
        # a number in a place's name: a street, a roundabout, a crossing
        ("وسقطت قذيفة في شارع الـ(12) وسط المدينة", "12", "identifier"),
        ("وتجمع الأهالي عند دوار الـ40 قبل الإجلاء", "40", "identifier"),
        ("وأغلقت القوات معبر 7 أمام الشاحنات", "7", "identifier"),
    ],
)
def test_no_number_is_dropped(text, number, kind):
    # every number is a count or recognised as something else, named here
    table = numbers_in(text)
    rows = table[table["quote"].str.contains(number)]
    assert len(rows) >= 1, table
    assert rows.iloc[0]["kind"] == kind


def test_a_range_is_one_row_and_its_bounds_are_not_counts():
    table = numbers_in("ونزح بين 20 و30 ألف شخص")
    assert table["kind"].tolist() == ["count"]
    assert (table.iloc[0].value_low, table.iloc[0].value_high) == (20000, 30000)


def test_a_noun_the_lexicon_does_not_hold_is_kept_as_other():
    table = quantities("واعتقلت القوات 5 صحفيين من المدينة")
    assert table[["noun", "lemma", "subject"]].values.tolist() == [["صحفيين", "صحفي", "other"]]
    assert quantities("بلغ 85 حتى اليوم")["subject"].tolist() == [""]  # nothing counted after it


def test_a_number_word_after_a_definite_plural_is_its_adjective():
    table = quantities("وعاش المدنيون خلال السنوات السبع الماضية تحت القصف")
    assert table[["quote", "value_low", "subject"]].values.tolist() == [["السنوات السبع", 7.0, "years"]]
    assert quantities("يوم الاثنين")["quote"].tolist() == []  # Monday, not two


def test_percent_written_before_its_digits_and_in_words():
    assert quantities("سيطر على %90 من الحي")[["quote", "unit"]].values.tolist() == [["%90", "percent"]]
    assert quantities("يسيطر على تسعين بالمئة من المخيم")["value_low"].tolist() == [90.0]
    assert quantities("ارتفعت الأسعار بنسبة 150%")["value_high"].tolist() == [150.0]  # no cap above 100


def test_years_of_a_siege_or_a_sentence_are_still_durations():
    # only the word for age makes years an age
    assert numbers_in("واستمر الحصار 5 سنوات")["kind"].tolist() == ["count"]
    assert numbers_in("وحكم عليه بالسجن 7 أعوام")["kind"].tolist() == ["count"]


def test_a_singular_after_a_plural_noun_is_its_adjective_not_one_more():
    # «عربات مدرعة», «آليات عسكرية مدرعة»: the adjective counts nothing
    assert materiel_singulars("ودمرت الفصائل 4 عربات مدرعة")["quote"].tolist() == []
    assert materiel_singulars("وخسر الفوج دبابات مدرعة وعربة مدرعة")["quote"].tolist() == ["وعربة مدرعة"]


@pytest.mark.parametrize(
    "text, quote, low, high",
    [
        ("وتسيطر الفصائل على نصف مساحة البلدة", "نصف", 50.0, 50.0),
        ("وبات التنظيم يسيطر على نحو ثلثي المخيم", "نحو ثلثي", 60.0, 74.0),
        ("وتراجعت القوات إلى ربع الحي تقريبا", "ربع الحي تقريبا", 22.0, 28.0),
        ("وخسر الفصيل ثلث مساحة القرية", "ثلث", 33.0, 34.0),
    ],
)
def test_a_fraction_of_ground_is_a_share(text, quote, low, high):
    rows = quantities(text)
    assert rows[["quote", "value_low", "value_high", "unit"]].values.tolist() == [[quote, low, high, "percent"]]


def test_a_fraction_of_a_number_multiplies_it_of_a_count_is_its_share_of_a_measure_nothing():
    rows = quantities("ونزح نصف مليون شخص، وعاد نحو ربع مليون، خلال نصف ساعة دمر أكثر من نصف المنازل")
    assert rows[["quote", "value_low", "value_high", "unit", "subject"]].values.tolist() == [
        ["نصف مليون شخص", 500000.0, 500000.0, "count", "persons"],
        ["نحو ربع مليون", 225000.0, 275000.0, "count", ""],
        ["أكثر من نصف المنازل", 51.0, 100.0, "percent", "homes"],
    ]


def test_a_plural_in_construct_is_still_its_noun():
    # the sound plural drops its ن before a genitive: مقاتلي التنظيم، مسلحي الفصيل
    rows = quantities("وقتل 12 من مقاتلي التنظيم و7 من مسلحي الفصيل")
    assert rows["subject"].tolist() == ["fighters", "fighters"]


def test_a_compound_number_adjective_and_a_dual_with_its_qualifier():
    rows = quantities("خلال الساعات الأربع والعشرين الماضية، وأسر أسيرين على الأقل")
    assert rows[["quote", "value_low", "subject"]].values.tolist() == [
        ["الساعات الأربع والعشرين", 24.0, "hours"],
        ["أسيرين على الأقل", 2.0, "prisoners"],
    ]
    assert rows["value_high"].tolist()[0] == 24.0 and math.isnan(rows["value_high"].tolist()[1])


def test_three_quarters_is_one_share():
    rows = quantities("وباتت القوات تسيطر على ثلاثة أرباع مساحة الحي")
    assert rows[["quote", "value_low", "unit"]].values.tolist() == [["ثلاثة أرباع", 75.0, "percent"]]


@pytest.mark.parametrize("text", ["وكان الطفل، ذو الأحد عشر عاما، قد اعتقل", "وأفرج عن أم أحمد (38 عاما) أمس"])
def test_more_ways_of_giving_an_age(text):
    assert numbers_in(text)["kind"].tolist() == ["age"]


def test_web_spellings_of_counts():
    # ة written ه, thousands with a dot, and a range with a hyphen still a range
    rows = quantities("سلم 13 جثه، ونزحت أكثر من 1.500 عائلة، وقتل 20-30 مدنيا")
    assert rows["subject"].tolist() == ["bodies", "families", "civilians"]
    assert rows["value_low"].tolist() == [13.0, 1501.0, 20.0]
    assert rows["value_high"].tolist()[2] == 30.0 and math.isnan(rows["value_high"].tolist()[1])


def test_an_adjective_like_a_dual_in_construct_counts_nothing():
    # «قصف مدفعي»: artillery shelling, not two cannons
    assert quantities("تزامنا مع قصف مدفعي مكثف على الحي").empty


def test_a_street_named_by_a_number_is_not_a_count_but_its_dead_are():
    table = numbers_in("وقتل 6 مدنيين في شارع الـ(12) بقصف مدفعي.")
    assert table[["quote", "kind"]].values.tolist() == [["6 مدنيين", "count"], ["12", "identifier"]]
