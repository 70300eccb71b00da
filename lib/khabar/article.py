"""Loading an article: read bytes, decode, normalise, split into paragraphs,
drop the news site's furniture (icons, related-articles box, donation appeal).

>>> article = load_article()
>>> article.paragraphs["kind"].value_counts().to_dict()
{'body': 14, 'title': 1, 'caption': 1}
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

import pandas as pd

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEED_PATH = PROJECT_ROOT / "seeds" / "enab-baladi-2018-03-26-south-damascus-deal.txt"

# Tatweel (kashida) only stretches letters on screen; harakat and tanween are
# optional in news text.  Both are removed so that the same words match whether
# or not a copy of the article carries them.
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")

# Lines a news page shows around the article that are not part of it are
# data (furniture.csv): each row is a pattern searched in every paragraph, the
# reason shown to users, and a role.  ``furniture`` drops the paragraph,
# ``footer`` drops it and everything after it (related articles, donation
# appeal), ``repeated_caption`` drops a caption repeated behind an icon's alt
# text and marks what follows the icon as the photo caption.
FURNITURE_PATH = Path(__file__).resolve().parent / "furniture.csv"
_REPEATED_CAPTION = "repeated_caption"


def furniture_table(path: Path | None = None) -> pd.DataFrame:
    """The site furniture rules: ``site``, ``role``, ``pattern``, ``reason``.

    >>> furniture_table().query("role == 'footer'")["reason"].iloc[0]
    'related-articles heading'
    """
    return pd.read_csv(path or FURNITURE_PATH, dtype=str, keep_default_na=False)


_RULES = None


def _furniture_rules() -> list[tuple[str, re.Pattern, str]]:
    global _RULES
    if _RULES is None:
        _RULES = [(row.role, re.compile(row.pattern), row.reason) for row in furniture_table().itertuples()]
    return _RULES


# A photo caption ends with the photo's credit in brackets, e.g. "(فيس بوك)".
_CAPTION_CREDIT = re.compile(r"\([^()]{2,40}\)$")
_CONTROL_BYTES = [byte for byte in range(32) if chr(byte) not in "\t\n\r\f"] + [127]
_HTML_HINT = re.compile(r"<\s*(!doctype|html|head|body|p|div|article|h1)\b", re.I)
# Below this share of Arabic letters a text is not read: the readers know
# Arabic only, and an English report would still yield counts ("42
# detainees"), with no speaker.  Arabic news quotes Latin names (BMP, T-72),
# so the bar is a majority, not all.
MIN_ARABIC_SHARE = 0.5
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_MARKUP = re.compile(r"<[^<>]*>")
# A line that ends a sentence: one paragraph per line, not a wrapped paragraph.
_SENTENCE_END = re.compile(r"[.!?؟…:][\"'”»)\]]*$")


class ArticleError(ValueError):
    """An article file that cannot be read as an article; the message names the file.

    >>> try:
    ...     load_article("no/such/file.txt")
    ... except ArticleError as error:
    ...     print(error)
    no/such/file.txt: file not found
    """

    def __init__(self, path, problem):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class Article:
    """One article: its text in logical-order Unicode and its paragraphs.

    ``paragraphs`` has one row per kept paragraph (``kind`` is title, caption or
    body; ``start``/``end`` are offsets into ``text``).  ``dropped`` lists what
    was removed as site furniture, with the reason.

    >>> article = load_article()
    >>> article.text[article.paragraphs.start[0]:article.paragraphs.end[0]] == article.title
    True
    """

    title: str
    published: date | None
    text: str
    paragraphs: pd.DataFrame
    dropped: pd.DataFrame
    source_path: Path
    metadata: dict = field(default_factory=dict)

    def body(self) -> pd.DataFrame:
        """The body paragraphs only.

        >>> len(load_article().body())
        14
        """
        return self.paragraphs[self.paragraphs["kind"] == "body"]


def arabic_share(text: str) -> float:
    """The share of Arabic letters among the letters of ``text`` (0.0 with
    no letters); markup tags are not counted.

    >>> round(arabic_share("قتل 12 جنديا في BMP"), 2)  # 10 Arabic letters of 13
    0.77
    >>> arabic_share("42 detainees were freed")
    0.0
    """
    letters = [c for c in _MARKUP.sub(" ", text) if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _ARABIC_LETTER.match(c)) / len(letters)


def publication_date(value, source="<text>") -> date | None:
    """``value`` as a date: a ``datetime.date``, a ``datetime`` (its day), an
    ISO string ("2018-03-26", or with a time after it), or None.  Anything
    else raises :class:`ArticleError` naming ``source``.

    >>> publication_date("2019-11-18"), publication_date(datetime(2019, 11, 18, 9, 30))
    (datetime.date(2019, 11, 18), datetime.date(2019, 11, 18))
    >>> publication_date("18/11/2019", "report.txt")
    Traceback (most recent call last):
    ...
    khabar.article.ArticleError: report.txt: publication date '18/11/2019' is not a date as YYYY-MM-DD (e.g. 2018-03-26)
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ArticleError(
            source,
            f"publication date {value!r} ({type(value).__name__}) is not a date: give a date, "
            "a datetime or an ISO date string (YYYY-MM-DD, e.g. 2018-03-26)",
        )
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?", value.strip()):
        raise ArticleError(source, f"publication date {value!r} is not a date as YYYY-MM-DD (e.g. 2018-03-26)")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ArticleError(source, f"publication date {value!r} is not a day of the calendar") from None


def load_article(path=None, published=None, *, defaults: dict | None = None) -> Article:
    """Read an article file (UTF-8 or windows-1256 text, or an HTML page).

    With no path, the project's seed.  The title, outlet and publication date
    come from a ``<stem>.json`` sidecar beside the file, else from the page
    (an HTML page's ``<title>``, ``og:site_name``, ``article:published_time``,
    or a full date in the first lines), else from ``defaults`` (the options a
    user gives, e.g. ``{"published": "2018-03-27", "outlet": "..."}``).  An
    explicit ``published`` (a date, a datetime or an ISO string, see
    :func:`publication_date`) wins over all of them.  Where each came from,
    and what is missing, is in :func:`metadata_table`; nothing is guessed.

    Paragraphs are separated by blank lines; a text with none (one
    paragraph per line, as a copy from a browser gives) is split at each
    line.  A text that is mostly not Arabic (:data:`MIN_ARABIC_SHARE`) is
    refused with :class:`ArticleError`.

    >>> article = load_article()
    >>> article.published, len(article.body())
    (datetime.date(2018, 3, 26), 14)
    """
    path = Path(path) if path is not None else SEED_PATH
    published = publication_date(published, path)
    metadata = _read_metadata(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(path, "file not found") from None
    except IsADirectoryError:
        raise ArticleError(path, "is a directory, not an article file") from None
    except OSError as error:
        raise ArticleError(path, f"cannot be read ({error.strerror})") from None

    text, decode_notes = _decode(raw, path)
    article = article_from_text(text, source=path, metadata=metadata, notes=decode_notes)
    found = {
        key: (value, f"sidecar {path.with_suffix('.json').name}")
        for key, value in metadata.items()
        if key in METADATA_FIELDS and value
    }
    if _HTML_HINT.search(text):
        for key, value in _page_metadata(text).items():
            found.setdefault(key, value)
    if "published" not in found:
        dateline = _date_in_first_lines(article.paragraphs["text"].head(3))
        if dateline:
            found["published"] = dateline
    for key, value in (defaults or {}).items():
        if key in METADATA_FIELDS and value:
            found.setdefault(key, (str(value), f"option {key.upper()}"))
    if published is not None:
        found["published"] = (published.isoformat(), "given by the caller")
    found.setdefault("title", (article.title, "the first paragraph"))
    metadata = {
        **metadata,
        **{key: value for key, (value, _) in found.items()},
        "provenance": {key: where for key, (_, where) in found.items()},
    }
    return replace(article, published=publication_date(found.get("published", (None, ""))[0], path), metadata=metadata)


METADATA_FIELDS = ("title", "outlet", "published")
_MISSING = {
    "title": ("the first paragraph is taken as the title", "الفقرة الأولى تؤخذ عنوانًا"),
    "outlet": (
        "no outlet given: the report's own statements cannot be credited to it",
        "لم تُذكر الوسيلة: لا يمكن نسبة ما يقوله التقرير نفسه إليها",
    ),
    "published": (
        "no publication date given: relative dates (yesterday, last Saturday) cannot be resolved, and are not guessed",
        "لم يُذكر تاريخ النشر: لا يمكن حساب التواريخ النسبية (أمس، السبت الماضي)، ولا نخمّنها",
    ),
}


def metadata_table(article: Article) -> pd.DataFrame:
    """Title, outlet and publication date, each with where it came from
    (``source``), or, when missing, what that means (``note``, ``note_ar``).

    >>> metadata_table(load_article())[["field", "source"]].values.tolist()[1]
    ['outlet', 'sidecar enab-baladi-2018-03-26-south-damascus-deal.json']
    """
    provenance = article.metadata.get("provenance", {})
    rows = []
    for field_name in METADATA_FIELDS:
        value = article.metadata.get(field_name, "")
        if field_name == "published" and article.published is not None:
            value = article.published.isoformat()
        if field_name in provenance:
            rows.append((field_name, str(value), provenance[field_name], "", ""))
        elif value:
            rows.append((field_name, str(value), "given with the text", "", ""))
        else:
            rows.append((field_name, "", "missing", *_MISSING[field_name]))
    return pd.DataFrame(rows, columns=["field", "value", "source", "note", "note_ar"])


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DMY_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")


def _date_in_first_lines(lines) -> tuple[str, str] | None:
    """A full date (day, month and year) in the first lines, as a dateline
    gives it: "2018-03-27", "27/3/2018" (day first, as Arabic papers write
    it) or "الثلاثاء 27 من آذار 2018".  A date without its year is not
    taken: the year would be a guess."""
    from khabar.dates import find_dates
    from khabar.numbers import to_western_digits

    for line in lines:
        western = to_western_digits(line)
        for pattern, order in ((_ISO_DATE, (1, 2, 3)), (_DMY_DATE, (3, 2, 1))):
            match = pattern.search(western)
            if match:
                try:
                    found = date(*(int(match.group(i)) for i in order))
                except ValueError:
                    continue
                return found.isoformat(), f"first lines: {match.group()}"
        for row in find_dates(line, date(2000, 1, 1)).itertuples():
            if row.form == "day_month" and re.search(r"(?:19|20)\d\d", to_western_digits(row.expression)):
                return row.date.date().isoformat(), f"first lines: {row.expression.strip()}"
    return None


def _page_metadata(html: str) -> dict:
    """Title, outlet and date from an HTML page's head, each with its source."""
    from bs4 import BeautifulSoup

    head = BeautifulSoup(html, "html.parser")
    found = {}

    def meta(*names):
        for name in names:
            tag = head.find("meta", attrs={"property": name}) or head.find("meta", attrs={"name": name})
            if tag and tag.get("content", "").strip():
                return " ".join(tag["content"].split())
        return ""

    outlet = meta("og:site_name")
    if outlet:
        found["outlet"] = (outlet, "page og:site_name")
    published = meta("article:published_time")
    if published:
        found["published"] = (published[:10], "page article:published_time")
    if head.title and head.title.get_text().strip():
        title = " ".join(_normalise(head.title.get_text()).split())
        # Pages append the site's name to the title: "العنوان - الموقع".
        if outlet:
            title = re.sub(rf"\s*[-|–—:]\s*{re.escape(outlet)}$", "", title)
        found["title"] = (title, "page <title>")
    return found


def article_from_text(
    text: str,
    *,
    source="<text>",
    published=None,
    metadata: dict | None = None,
    notes: list[str] | None = None,
) -> Article:
    """An Article from text already in memory (plain text or an HTML page).
    ``source`` names it in error messages and becomes ``source_path``;
    ``published`` as in :func:`load_article`.

    >>> article = article_from_text("عنوان\\n\\nنص الفقرة الأولى.", published=date(2018, 3, 26))
    >>> article.paragraphs["kind"].tolist()
    ['title', 'body']
    """
    published = publication_date(published, source)
    if _HTML_HINT.search(text):
        text = _text_from_html(text)
    paragraphs, dropped = _split(_normalise(text), source)
    share = arabic_share(" ".join(text for _, text in paragraphs))
    if share < MIN_ARABIC_SHARE:
        raise ArticleError(
            source,
            f"the text is mostly not Arabic ({share:.0%} Arabic letters): khabar reads Arabic news reports only",
        )
    dropped += [("", note) for note in notes or []]

    kept = pd.DataFrame(paragraphs, columns=["kind", "text"])
    expected_title = " ".join(_normalise((metadata or {}).get("title", "")).split())
    if expected_title and kept["text"][0] != expected_title:
        raise ArticleError(
            source,
            f"the first paragraph is not the title its metadata gives "
            f"({expected_title!r}): the title is missing or changed",
        )
    starts, offset = [], 0
    for paragraph in kept["text"]:
        starts.append(offset)
        offset += len(paragraph) + 2  # paragraphs are joined by a blank line
    kept["start"] = starts
    kept["end"] = kept["start"] + kept["text"].str.len()
    return Article(
        title=kept["text"][0],
        published=published,
        text="\n\n".join(kept["text"]),
        paragraphs=kept,
        dropped=pd.DataFrame(dropped, columns=["text", "reason"]),
        source_path=Path(source),
        metadata=metadata or {},
    )


def english_gloss(article: Article) -> list[str] | None:
    """The English rendering of each paragraph kept beside the article's
    file, ``<name>.gloss.csv`` (columns ``paragraph``, ``kind``, ``en``; one
    row per paragraph, numbered from 0), or None when there is none.  A file
    that does not line up with the paragraphs raises :class:`ArticleError`
    naming it.

    >>> english_gloss(load_article())[1][:30]
    "Members of the Mazrou' group, "
    """
    path = Path(article.source_path).with_suffix(".gloss.csv")
    if not path.is_file():
        return None
    try:
        rows = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig").to_dict("records")
    except (ValueError, pd.errors.ParserError) as error:
        raise ArticleError(path, f"not a CSV file of paragraph, kind, en ({error})") from None
    kinds = article.paragraphs["kind"].tolist()
    if [row.get("paragraph") for row in rows] != [str(i) for i in range(len(kinds))]:
        raise ArticleError(path, f"needs one row per paragraph, numbered 0 to {len(kinds) - 1}")
    for row, kind in zip(rows, kinds):
        if row.get("kind") != kind or not row.get("en", "").strip():
            raise ArticleError(path, f"paragraph {row['paragraph']} should be a {kind} with an English gloss")
    return [row["en"] for row in rows]


def _read_metadata(path: Path) -> dict:
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        return json.loads(sidecar.read_text(encoding="utf-8"))
    except ValueError as error:
        raise ArticleError(sidecar, f"metadata is not valid JSON ({error})") from None


def _decode(raw: bytes, path: Path) -> tuple[str, list[str]]:
    """Bytes to text.  Arabic news text comes as UTF-8 or windows-1256; other
    encodings are refused rather than guessed (a wrong guess gives plausible
    but wrong letters, and no library can tell the two apart reliably on
    short texts)."""
    notes = []
    if not raw.strip():
        raise ArticleError(path, "empty file" if not raw else "file holds only whitespace")
    if b"\x00" in raw:
        raise ArticleError(path, "binary data (NUL bytes), not a text article")
    controls = sum(raw.count(bytes([byte])) for byte in _CONTROL_BYTES)
    if controls > len(raw) * 0.01:
        raise ArticleError(path, "binary data (control characters), not a text article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.start >= len(raw) - 3:
            # A file cut in the middle of a multi-byte letter: keep what is whole.
            text = raw[: error.start].decode("utf-8-sig")
            notes.append("incomplete character at the end of the file (truncated file?)")
        else:
            text = _decode_windows_1256(raw, path)
    return text, notes


def _decode_windows_1256(raw: bytes, path: Path) -> str:
    try:
        text = raw.decode("windows-1256")
    except UnicodeDecodeError:
        raise ArticleError(path, "neither UTF-8 nor windows-1256 text") from None
    if arabic_share(text) < MIN_ARABIC_SHARE:
        raise ArticleError(path, "not UTF-8, and not Arabic text in windows-1256")
    return text


def _text_from_html(html: str) -> str:
    """An HTML page's headings, captions and paragraphs, one per block."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "noscript", "template", "nav", "footer"]):
        element.decompose()
    blocks = soup.find_all(["h1", "h2", "h3", "figcaption", "p", "li"])
    texts = [" ".join(block.get_text(" ").split()) for block in blocks]
    return "\n\n".join(text for text in texts if text)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _DIACRITICS.sub("", text)


def _blocks(text: str) -> list[str]:
    """The paragraphs of a text, each on one line.  Blank lines separate
    paragraphs, and a block's lines are one paragraph wrapped; but a text
    without blank lines is one paragraph per line, and so is a block whose
    every line but the last ends a sentence.

    >>> _blocks("عنوان\\nالفقرة الأولى.\\nالفقرة الثانية.")
    ['عنوان', 'الفقرة الأولى.', 'الفقرة الثانية.']
    >>> _blocks("عنوان\\n\\nسطر أول من فقرة\\nيكملها سطر ثان.")
    ['عنوان', 'سطر أول من فقرة يكملها سطر ثان.']
    """
    blocks = re.split(r"\n[^\S\n]*\n", text)
    if len(blocks) == 1:
        blocks = text.split("\n")
    paragraphs = []
    for block in blocks:
        lines = [" ".join(line.split()) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if len(lines) > 1 and all(_SENTENCE_END.search(line) for line in lines[:-1]):
            paragraphs += lines
        else:
            paragraphs.append(" ".join(lines))
    return [paragraph for paragraph in paragraphs if paragraph]


def _split(text: str, path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    blocks = _blocks(text)
    kept, dropped, repeated = [], [], set()
    in_footer = False
    rules = _furniture_rules()
    for block in blocks:
        reason = next((why for role, pattern, why in rules if role == "footer" and pattern.search(block)), None)
        if reason:
            in_footer = True
        elif in_footer:
            reason = "page footer"
        else:
            for role, pattern, why in rules:
                match = pattern.search(block) if role != "footer" else None
                if match:
                    reason = why
                    if role == _REPEATED_CAPTION:
                        repeated.add(block[match.end() :].strip())
                    break
        if reason:
            dropped.append((block, reason))
        else:
            kept.append(block)
    if not kept:
        raise ArticleError(path, "no article text (only site furniture)")
    if len(kept) < 2:
        raise ArticleError(path, "a title but no body paragraphs")
    kinds = ["title"]
    for index, block in enumerate(kept[1:], start=1):
        is_caption = block in repeated or (index == 1 and _CAPTION_CREDIT.search(block) and len(kept) > 2)
        kinds.append("caption" if is_caption and "body" not in kinds else "body")
    return list(zip(kinds, kept)), dropped
