"""Damaged or differently written copies of the seed give the same claims, or a
clear error; never silently different numbers."""

import random
from datetime import date
from html import escape

import pytest

from khabar import claims, load_article
from khabar.article import SEED_PATH, ArticleError

KEY = ["topic", "subject", "scope", "value_low", "value_high", "qualifier", "claimant", "side"]
PUBLISHED = date(2018, 3, 26)
SEED_TEXT = SEED_PATH.read_text(encoding="utf-8")


def key_rows(table):
    return [tuple("nan" if value != value else value for value in row) for row in table[KEY].itertuples(index=False)]


@pytest.fixture(scope="module")
def clean():
    return key_rows(claims(load_article()))


def load_bytes(tmp_path, data: bytes, name="copy.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    # a copy of the same outlet's report: claims no one else makes are the outlet's
    path.with_suffix(".json").write_text('{"outlet": "Enab Baladi", "outlet_ar": "عنب بلدي"}', encoding="utf-8")
    return load_article(path, published=PUBLISHED)


def with_arabic_indic_digits(text):
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def with_tatweel_and_diacritics(text):
    # kashida inside words, and harakat on the words the rules look for
    for plain, decorated in [
        ("الجثث", "الجُثـث"),
        ("قرابة", "قـرابة"),
        ("حوالي", "حَوالي"),
        ("التنظيم", "التنظـــيم"),
        ("رشاشين", "رَشّاشين"),
        ("صفحات", "صَفَحات"),
        ("عشرات", "عشـرات"),
        ("دبابات", "دبّابات"),
    ]:
        text = text.replace(plain, decorated)
    return text


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("windows-1256"),
        lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
        lambda text: with_arabic_indic_digits(text).encode("utf-8"),
        lambda text: with_tatweel_and_diacritics(text).encode("utf-8"),
    ],
    ids=["windows-1256", "bom-crlf", "arabic-indic-digits", "tatweel-diacritics"],
)
def test_variants_give_the_same_claims(tmp_path, clean, encode):
    assert key_rows(claims(load_bytes(tmp_path, encode(SEED_TEXT)))) == clean


@pytest.mark.parametrize("variant", [with_arabic_indic_digits, with_tatweel_and_diacritics])
def test_variants_give_the_same_events_and_control(tmp_path, article, variant):
    from khabar import control, events

    copy = load_bytes(tmp_path, variant(SEED_TEXT).encode("utf-8"))
    event_key = ["date", "date_end", "date_precision", "stage", "claimant"]
    control_key = ["place_en", "controller", "share_low", "share_high", "qualifier", "claimant"]
    assert events(copy)[event_key].equals(events(article)[event_key])
    assert control(copy)[control_key].equals(control(article)[control_key])


def test_html_page_gives_the_same_claims(tmp_path, clean):
    paragraphs = [p for p in SEED_TEXT.split("\n\n") if p.strip()]
    page = "<html><body><h1>{}</h1>{}</body></html>".format(
        escape(paragraphs[0]), "".join(f"<p>{escape(p)}</p>" for p in paragraphs[1:])
    )
    assert key_rows(claims(load_bytes(tmp_path, page.encode(), "page.html"))) == clean


def test_a_missing_paragraph_loses_only_its_own_claims(tmp_path, clean):
    text = SEED_TEXT.replace("وقدر التنظيم خسائر القوات بخمس دبابات", "XX", 1)
    paragraphs = [p for p in text.split("\n\n") if not p.startswith("XX")]
    table = claims(load_bytes(tmp_path, "\n\n".join(paragraphs).encode()))
    assert "materiel" not in set(table["topic"])
    assert key_rows(table) == [row for row in clean if row[0] != "materiel"]


def test_truncated_copies_load_what_remains_or_say_why(tmp_path, clean):
    data = SEED_PATH.read_bytes()
    cuts = sorted(random.Random(26).sample(range(1, len(data)), 60))
    loaded = 0
    for cut in cuts:
        try:
            table = claims(load_bytes(tmp_path, data[:cut]))
        except ArticleError as error:
            assert "copy.txt" in str(error)
            assert cut < data.index("تجري عمليات".encode()) + 200, f"refused at byte {cut}: {error}"
            continue
        loaded += 1
        assert len(table) <= len(clean)
        # what remains is read as in the whole article, apart from the last, cut sentence
        whole = table[table["sentence"] != table["sentence"].iloc[-1]] if len(table) else table
        assert set(key_rows(whole)) <= set(clean), cut
    assert loaded > 40


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_refused(tmp_path, seed):
    rng = random.Random(seed)
    with pytest.raises(ArticleError, match="binary|not Arabic|neither"):
        load_bytes(tmp_path, bytes(rng.randrange(256) for _ in range(4000)))
    no_nul = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(ArticleError, match="binary|not Arabic|neither"):
        load_bytes(tmp_path, no_nul)
