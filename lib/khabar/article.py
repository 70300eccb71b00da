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
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEED_PATH = PROJECT_ROOT / "seeds" / "enab-baladi-2018-03-26-south-damascus-deal.txt"

# Tatweel (kashida) only stretches letters on screen; harakat and tanween are
# optional in news text.  Both are removed so that the same words match whether
# or not a copy of the article carries them.
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")

# Lines a news page shows around the article that are not part of it.
# Each pattern is matched against a whole paragraph; the reason is shown to users.
_REPEATED_CAPTION = "image caption repeated with the camera icon's alt text"
_FURNITURE = [
    (re.compile(r"^camera icon"), _REPEATED_CAPTION),
    (re.compile(r"^tag icon\b"), "tag icon and the site's tag letters"),
]
# Paragraphs that start the page footer: nothing after them is the article.
_FOOTER = [
    (re.compile(r"^مقالات متعلقة$"), "related-articles heading"),
    (re.compile(r"^×$"), "close button of the donation pop-up"),
]
# The donation appeal that ends every page of the site.
_APPEAL = re.compile(
    r"الإعلام الموجه|بحاجة للصحافة الحرة|ادعم عنب بلدي|يصنع الفرق|اضغط هنا للمساهمة"
)
# A photo caption ends with the photo's credit in brackets, e.g. "(فيس بوك)".
_CAPTION_CREDIT = re.compile(r"\([^()]{2,40}\)$")
_CONTROL_BYTES = [byte for byte in range(32) if chr(byte) not in "\t\n\r\f"] + [127]
_HTML_HINT = re.compile(r"<\s*(!doctype|html|head|body|p|div|article|h1)\b", re.I)


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


def load_article(path=None, published: date | None = None) -> Article:
    """Read an article file (UTF-8 or windows-1256 text, or an HTML page).

    With no path, the project's seed.  The publication date comes from
    ``published`` or from a ``<stem>.json`` metadata file beside the text.

    >>> article = load_article()
    >>> article.published, len(article.body())
    (datetime.date(2018, 3, 26), 14)
    """
    path = Path(path) if path is not None else SEED_PATH
    metadata = _read_metadata(path)
    if published is None and metadata.get("published"):
        published = date.fromisoformat(metadata["published"])

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(path, "file not found") from None
    except IsADirectoryError:
        raise ArticleError(path, "is a directory, not an article file") from None

    text, decode_notes = _decode(raw, path)
    return article_from_text(text, source=path, published=published, metadata=metadata, notes=decode_notes)


def article_from_text(text: str, *, source="<text>", published: date | None = None,
                      metadata: dict | None = None, notes: list[str] | None = None) -> Article:
    """An Article from text already in memory (plain text or an HTML page).
    ``source`` names it in error messages and becomes ``source_path``.

    >>> article = article_from_text("عنوان\\n\\nنص الفقرة الأولى.", published=date(2018, 3, 26))
    >>> article.paragraphs["kind"].tolist()
    ['title', 'body']
    """
    if _HTML_HINT.search(text):
        text = _text_from_html(text)
    paragraphs, dropped = _split(_normalise(text), source)
    dropped += [("", note) for note in notes or []]

    kept = pd.DataFrame(paragraphs, columns=["kind", "text"])
    expected_title = " ".join(_normalise((metadata or {}).get("title", "")).split())
    if expected_title and kept["text"][0] != expected_title:
        raise ArticleError(source, f"the first paragraph is not the title its metadata gives "
                                   f"({expected_title!r}): the title is missing or changed")
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
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    if not letters or arabic < 0.5 * len(letters):
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


def _split(text: str, path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    blocks = [block for block in blocks if block]
    kept, dropped = [], []
    in_footer = False
    for block in blocks:
        reason = next((why for pattern, why in _FOOTER if pattern.search(block)), None)
        if reason is None and _APPEAL.search(block):
            reason = "donation appeal"
        if reason:
            in_footer = True
        elif in_footer:
            reason = "page footer"
        else:
            reason = next((why for pattern, why in _FURNITURE if pattern.search(block)), None)
        if reason:
            dropped.append((block, reason))
        else:
            kept.append(block)
    if not kept:
        raise ArticleError(path, "no article text (only site furniture)")
    if len(kept) < 2:
        raise ArticleError(path, "a title but no body paragraphs")
    repeated = {block[len("camera icon"):].strip() for block, why in dropped if why == _REPEATED_CAPTION}
    kinds = ["title"]
    for index, block in enumerate(kept[1:], start=1):
        is_caption = block in repeated or (
            index == 1 and _CAPTION_CREDIT.search(block) and len(kept) > 2
        )
        kinds.append("caption" if is_caption and "body" not in kinds else "body")
    return list(zip(kinds, kept)), dropped
