"""Properties of the readers, tried by Hypothesis on generated text.

Seeded (``derandomize``) so a run is repeatable.  ``make test`` uses the
``make`` profile, 300 examples per property, so the whole suite stays short;
``make properties`` runs the ``thorough`` profile, 2,000 examples per
property, before a release or after a change to the readers."""

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.article import ArticleError, article_from_text
from khabar.claims_table import claims
from khabar.dates import LEVANTINE_MONTHS
from khabar.numbers import numbers_in, quantities

settings.register_profile(
    "make", max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=2000, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "make"))

# Pieces of news sentences the grammar reads, to build text that reaches it.
WORDS = [
    "قتل",
    "مقتل",
    "أصيب",
    "أسر",
    "نزح",
    "يقطن",
    "تسليم",
    "لدى",
    "بحسب",
    "وقال",
    "المرصد",
    "نشطاء",
    "نحو",
    "قرابة",
    "أكثر من",
    "على الأقل",
    "فقط",
    "ونيف",
    "بين",
    "و",
    "من",
    "إلى",
    "عشرات",
    "مئات",
    "ثلاثة",
    "عشر",
    "ألف",
    "آلاف",
    "مليون",
    "مئتين",
    "وأربعين",
    "اربعة",
    "اثنين",
    "عنصرا",
    "مدنيين",
    "قتيلا",
    "جرحى",
    "جثة",
    "أسرى",
    "معتقلات",
    "عناصره",
    "ضباطها",
    "أيام",
    "كم",
    "غارة",
    "دبابتين",
    "عام",
    "آذار",
    "الفرع",
    "العدد",
    "رقم",
    "الساعة",
    "الـ",
    "%",
    "،",
    ".",
    "“",
    "”",
    "(",
    ")",
]
NUMBERS = st.integers(min_value=0, max_value=250000).map(str)
TOKENS = st.one_of(st.sampled_from(WORDS), NUMBERS)
NEWSY = st.lists(TOKENS, min_size=1, max_size=14).map(" ".join)

TATWEEL, HARAKAT = "\u0640", ["\u064b", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"]
KEY = ["value_low", "value_high", "qualifier", "unit", "subject", "scope", "lemma", "claimant"]


def rows(text):
    try:
        article = article_from_text("عنوان تجريبي\n\n" + text)
    except ArticleError:
        return None
    table = claims(article)
    return [tuple("nan" if v != v else v for v in row) for row in table[KEY].itertuples(index=False)]


@given(st.text(max_size=200))
def test_the_readers_never_raise_on_any_text(text):
    numbers_in(text)
    quantities(text)
    rows(text)


@given(NEWSY)
def test_claims_never_raise_on_newsy_text(text):
    table = numbers_in(text)
    for row in table.itertuples():
        assert text[row.start : row.end] == row.quote
        assert not (row.value_low > row.value_high)  # NaN compares False: open ranges pass
    rows(text)


@st.composite
def decorated(draw):
    """A newsy sentence and the same sentence with tatweel inside words and
    harakat after letters, as some outlets write."""
    text = draw(NEWSY)
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if "\u0621" <= ch <= "\u064a":
            nxt = text[i + 1] if i + 1 < len(text) else " "
            choice = draw(st.integers(min_value=0, max_value=3))
            if choice == 1 and "\u0621" <= nxt <= "\u064a" and ch not in "ادذرزوةءأإآؤى":
                out.append(TATWEEL)
            elif choice == 2:
                out.append(draw(st.sampled_from(HARAKAT)))
    return text, "".join(out)


@given(decorated())
def test_tatweel_and_harakat_do_not_change_the_rows(pair):
    plain, fancy = pair
    assert rows(fancy) == rows(plain)
    columns = ["value_low", "value_high", "qualifier", "unit", "subject", "lemma"]
    fancy_rows, plain_rows = quantities(fancy)[columns].fillna(-1), quantities(plain)[columns].fillna(-1)
    assert fancy_rows.values.tolist() == plain_rows.values.tolist()


@given(NEWSY)
def test_arabic_indic_digits_do_not_change_the_rows(text):
    indic = text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert rows(indic) == rows(text)


@given(NEWSY)
def test_a_windows_1256_round_trip_does_not_change_the_rows(text):
    assert rows(text.encode("windows-1256").decode("windows-1256")) == rows(text)


@given(
    st.integers(1, 31),
    st.sampled_from(LEVANTINE_MONTHS),
    st.integers(1900, 2100),
    st.sampled_from(
        [
            "وقتل 5 عناصر في {d} من {m} {y}.",
            "وجرى التبادل يوم {d} {m} {y}.",
            "وذلك عام {y}، بعد أن نزح 300 مدني في {d} من {m}.",
            "منذ {m} {y} قتل 12 مدنيا.",
            "في {d} من {m}، قتل 40 مدنيا.",
        ]
    ),
)
def test_a_year_or_a_day_of_a_month_is_never_a_count(day, month, year, template):
    text = template.format(d=day, m=month, y=year)
    table = quantities(text)
    for row in table.itertuples():
        assert not re.fullmatch(rf"{day}|{year}", row.quote.strip(" ،.")), (text, row.quote)
    assert len(table) == (0 if "التبادل" in template else 1)
