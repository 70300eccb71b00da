"""The loader: the seed's structure, and bad or differently encoded inputs."""

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from khabar.article import SEED_PATH, ArticleError, load_article

SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_363a31e02e04f53c.txt"


@pytest.fixture(scope="module")
def seed():
    return load_article()


def test_seed_is_a_byte_identical_copy_of_the_shared_seed():
    if not SHARED_SEED.exists():
        pytest.skip(f"{SHARED_SEED} is not beside the project")
    assert SEED_PATH.read_bytes() == SHARED_SEED.read_bytes()


def test_metadata_is_data():
    metadata = json.loads(SEED_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    assert metadata["outlet"] == "Enab Baladi"
    assert metadata["published"] == "2018-03-26"
    assert metadata["language"] == "ar"
    assert metadata["file"] == SEED_PATH.name


def test_seed_has_one_title_one_caption_fourteen_body_paragraphs(seed):
    counts = seed.paragraphs["kind"].value_counts()
    assert counts.to_dict() == {"body": 14, "title": 1, "caption": 1}
    assert list(seed.paragraphs["kind"][:3]) == ["title", "caption", "body"]


def test_title_date_and_source(seed):
    assert seed.title == "اتفاق غامض جنوبي دمشق بين النظام وتنظيم “الدولة”"
    assert seed.published == date(2018, 3, 26)
    assert seed.source_path == SEED_PATH


def test_offsets_point_into_text(seed):
    for row in seed.paragraphs.itertuples():
        assert seed.text[row.start : row.end] == row.text
    assert seed.paragraphs["text"].iloc[-1].startswith("وجرت خلال السنوات الماضية")


def test_site_furniture_is_dropped_with_reasons(seed):
    dropped = seed.dropped
    assert any(dropped["text"].str.startswith("camera icon"))
    assert "tag icon ع ع ع" in set(dropped["text"])
    assert "مقالات متعلقة" in set(dropped["text"])
    assert "×" in set(dropped["text"])
    assert "اضغط هنا للمساهمة" in set(dropped["text"])
    assert dropped["reason"].str.len().min() > 0
    for furniture in ["camera icon", "tag icon", "مقالات متعلقة", "ادعم عنب بلدي", "×"]:
        assert furniture not in seed.text


def _write(tmp_path, name, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _same_article(article, seed):
    assert article.text == seed.text
    assert article.paragraphs[["kind", "text"]].equals(seed.paragraphs[["kind", "text"]])


def test_windows_1256_decodes_to_the_same_article(tmp_path, seed):
    # Windows-1256 has no curly quotes' neighbours problem: all seed letters exist in it.
    data = SEED_PATH.read_text(encoding="utf-8").encode("windows-1256", errors="strict")
    _same_article(load_article(_write(tmp_path, "a.txt", data)), seed)


def test_bom_and_crlf_decode_to_the_same_article(tmp_path, seed):
    text = SEED_PATH.read_text(encoding="utf-8").replace("\n", "\r\n")
    _same_article(load_article(_write(tmp_path, "a.txt", b"\xef\xbb\xbf" + text.encode())), seed)


def test_tatweel_and_diacritics_are_normalised_away(tmp_path, seed):
    text = SEED_PATH.read_text(encoding="utf-8")
    text = text.replace("الجثث", "الجُثَث").replace("التنظيم", "التنظـــيم")
    _same_article(load_article(_write(tmp_path, "a.txt", text.encode())), seed)


def test_publication_date_from_argument_when_no_metadata(tmp_path):
    path = _write(tmp_path, "a.txt", SEED_PATH.read_bytes())
    assert load_article(path).published is None
    assert load_article(path, published=date(2018, 3, 26)).published == date(2018, 3, 26)


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty file"),
        (b"  \n\r\n\t ", "only whitespace"),
        (bytes(range(256)) * 8, "binary data"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 4, "binary data"),
        ("Plain English text with no Arabic at all, ü".encode("latin-1"), "not Arabic text"),
        ("مقالات متعلقة\n\n×\n\nادعم عنب بلدي".encode(), "only site furniture"),
        ("عنوان وحيد بلا نص".encode(), "no body paragraphs"),
    ],
)
def test_bad_input_gives_a_clear_error_naming_the_file(tmp_path, data, problem):
    path = _write(tmp_path, "damaged-article.txt", data)
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    assert "damaged-article.txt" in str(caught.value)
    assert problem in str(caught.value)


def test_a_missing_title_is_caught_by_the_metadata(tmp_path):
    text = SEED_PATH.read_text(encoding="utf-8").split("\n", 1)[1]  # the title line removed
    path = tmp_path / "no-title.txt"
    path.write_text(text, encoding="utf-8")
    path.with_suffix(".json").write_bytes(SEED_PATH.with_suffix(".json").read_bytes())
    with pytest.raises(ArticleError, match="no-title.txt: the first paragraph is not the title"):
        load_article(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ArticleError, match="nothere.txt: file not found"):
        load_article(tmp_path / "nothere.txt")
    with pytest.raises(ArticleError, match="directory"):
        load_article(tmp_path)


def test_truncated_file_loads_what_remains(tmp_path, seed):
    data = SEED_PATH.read_bytes()
    cut = data.index("قتل 175".encode()) + 1  # inside a two-byte Arabic letter
    article = load_article(_write(tmp_path, "cut.txt", data[:cut]))
    assert article.text and seed.text.startswith(article.text[:-1])
    assert len(article.body()) < len(seed.body())
    assert "truncated" in " ".join(article.dropped["reason"])


def test_html_page_is_extracted_to_the_same_paragraphs(tmp_path, seed):
    from html import escape

    kept = seed.paragraphs
    title, caption = kept["text"][0], kept["text"][1]
    body = "".join(f"<p>{escape(text)}</p>\n" for text in seed.body()["text"])
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>x</title>
<script>document.write("<p>injected</p>")</script><style>p {{color: red}}</style></head>
<body><nav><p>القائمة</p></nav><article><h1>{escape(title)}</h1>
<figure><img src="a.jpg"><figcaption>{escape(caption)}</figcaption></figure>
{body}</article><footer><p>ادعم عنب بلدي</p></footer></body></html>"""
    article = load_article(_write(tmp_path, "page.html", page.encode()))
    _same_article(article, seed)
    assert "injected" not in article.text


def test_public_names_stay_functions_after_every_module_is_imported():
    # A submodule named like a public function would shadow it on the package
    # once imported (khabar.<module> is set to the module by the import).
    import importlib
    import pkgutil

    import khabar

    for module in pkgutil.iter_modules(khabar.__path__):
        importlib.import_module(f"khabar.{module.name}")
    for name in khabar.__all__:
        value = getattr(khabar, name)
        assert not isinstance(value, type(khabar)), f"khabar.{name} is a module, not the public {name}"


# Inputs as people have them: copied from a browser, one paragraph per line.
LINES = [
    "قوات النظام تستعيد بلدة على أطراف ريف حماة",
    "سيطرت قوات النظام، صباح اليوم الخميس، على بلدة في ريف حماة الشمالي بعد معارك استمرت ثلاثة أيام.",
    "وقال مراسل محلي إن 14 عنصرا من الفصائل قتلوا في المعارك، بينما أسر ستة آخرون.",
    "وأفاد ناشطون بنزوح نحو 300 عائلة من البلدة باتجاه المخيمات الحدودية.",
]


def test_one_paragraph_per_line_is_split_at_each_line(tmp_path):
    article = load_article(_write(tmp_path, "pasted.txt", "\n".join(LINES).encode()))
    assert article.paragraphs["text"].tolist() == LINES
    assert article.paragraphs["kind"].tolist() == ["title", "body", "body", "body"]
    assert article.title == LINES[0]
    for row in article.paragraphs.itertuples():
        assert article.text[row.start : row.end] == row.text


def test_one_paragraph_per_line_with_crlf_and_a_blank_line_after_the_title(tmp_path):
    text = LINES[0] + "\r\n\r\n" + "\r\n".join(LINES[1:]) + "\r\n"
    article = load_article(_write(tmp_path, "pasted.txt", text.encode()))
    assert article.paragraphs["text"].tolist() == LINES


def test_a_wrapped_paragraph_between_blank_lines_stays_one_paragraph(tmp_path):
    wrapped = LINES[1].replace("، على بلدة", "،\nعلى بلدة")  # a line break inside a sentence
    text = "\n\n".join([LINES[0], wrapped, LINES[2]])
    article = load_article(_write(tmp_path, "wrapped.txt", text.encode()))
    assert article.paragraphs["text"].tolist() == LINES[:3]


def test_the_seed_saved_one_paragraph_per_line_reads_the_same(tmp_path, seed):
    text = re.sub(r"\n+", "\n", SEED_PATH.read_text(encoding="utf-8"))
    assert "\n\n" not in text
    _same_article(load_article(_write(tmp_path, "a.txt", text.encode())), seed)


@pytest.mark.parametrize(
    "text, share",
    [
        (
            "Regime forces retake a town in rural Hama\n\n"
            "Local sources said 42 detainees were freed on Monday in exchange for the bodies.",
            "0%",
        ),
        (
            "قوات النظام تستعيد بلدة\n\n"
            "Local sources said on Monday that 42 detainees were freed in exchange for the bodies held by the group.",
            "20%",  # 20 Arabic letters of 102
        ),
    ],
)
def test_a_text_mostly_not_arabic_is_refused_naming_the_file(tmp_path, text, share):
    path = _write(tmp_path, "english-report.txt", text.encode())
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    assert str(caught.value) == (
        f"{path}: the text is mostly not Arabic ({share} Arabic letters): khabar reads Arabic news reports only"
    )


def test_an_english_page_is_refused_too(tmp_path):
    page = (
        "<html><head><title>News</title></head><body><h1>Town retaken</h1><p>42 detainees were freed.</p></body></html>"
    )
    with pytest.raises(ArticleError, match=r"page\.html: the text is mostly not Arabic \(0% Arabic letters\)"):
        load_article(_write(tmp_path, "page.html", page.encode()))


def test_arabic_with_latin_names_is_read(tmp_path):
    text = "\n".join([LINES[0], "وخسرت الفصائل دبابة T-72 وعربة BMP وراجمة صواريخ خلال الهجوم على بلدة كفرنبودة."])
    assert len(load_article(_write(tmp_path, "names.txt", text.encode())).body()) == 1


def test_text_in_memory_is_checked_like_a_file():
    from khabar.article import article_from_text

    with pytest.raises(ArticleError, match=r"^<pasted>: the text is mostly not Arabic"):
        article_from_text("Headline\n\nSome 40 people were killed.", source="<pasted>")


@pytest.mark.parametrize(
    "given",
    [date(2019, 11, 18), "2019-11-18", " 2019-11-18 ", "2019-11-18T08:30:00+03:00", datetime(2019, 11, 18, 23, 59)],
)
def test_published_takes_a_date_a_datetime_or_an_iso_string(tmp_path, given):
    path = _write(tmp_path, "pasted.txt", "\n".join(LINES).encode())
    article = load_article(path, published=given)
    assert article.published == date(2019, 11, 18) and type(article.published) is date
    assert article.metadata["published"] == "2019-11-18"
    assert article.metadata["provenance"]["published"] == "given by the caller"


@pytest.mark.parametrize(
    "given, problem",
    [
        ("18/11/2019", "publication date '18/11/2019' is not a date as YYYY-MM-DD (e.g. 2018-03-26)"),
        ("2019-02-30", "publication date '2019-02-30' is not a day of the calendar"),
        (20191118, "publication date 20191118 (int) is not a date: give a date, a datetime or an ISO date string"),
        (["2019-11-18"], "publication date ['2019-11-18'] (list) is not a date"),
    ],
)
def test_published_of_another_kind_is_a_clear_error(tmp_path, given, problem):
    path = _write(tmp_path, "pasted.txt", "\n".join(LINES).encode())
    with pytest.raises(ArticleError) as caught:
        load_article(path, published=given)
    assert str(caught.value).startswith(f"{path}: {problem}")


def test_published_in_memory_takes_a_string_too():
    from khabar.article import article_from_text

    assert article_from_text("\n".join(LINES), published="2019-11-18").published == date(2019, 11, 18)
    with pytest.raises(ArticleError, match=r"^<text>: publication date 2019 \(int\) is not a date"):
        article_from_text("\n".join(LINES), published=2019)


def test_an_english_gloss_beside_the_file_is_read_and_checked(tmp_path):
    from khabar.article import english_gloss

    path = _write(tmp_path, "pasted.txt", "\n".join(LINES).encode())
    assert english_gloss(load_article(path)) is None
    gloss = path.with_suffix(".gloss.csv")
    rows = ["paragraph,kind,en", "0,title,Regime forces retake a town", "1,body,a", "2,body,b", "3,body,c"]
    gloss.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert english_gloss(load_article(path)) == ["Regime forces retake a town", "a", "b", "c"]
    gloss.write_text("\n".join(rows[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"pasted\.gloss\.csv: needs one row per paragraph, numbered 0 to 3"):
        english_gloss(load_article(path))
    gloss.write_text("\n".join(rows[:2] + ["1,caption,a"] + rows[3:]) + "\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"pasted\.gloss\.csv: paragraph 1 should be a body with an English gloss"):
        english_gloss(load_article(path))
