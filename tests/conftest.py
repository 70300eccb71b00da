"""Fixtures shared by the test modules.  Imports of khabar stay inside the
fixtures: the matplotlib 3.10 environment runs the pixel test without pandas."""

import shutil
from datetime import date
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def article():
    """The seed article."""
    from khabar import load_article

    return load_article()


@pytest.fixture(scope="session")
def table(article):
    """The seed's claims."""
    from khabar import claims

    return claims(article)


@pytest.fixture
def made_up_article(tmp_path):
    """A function writing a made-up article (a title, then the given body
    paragraphs) and loading it, so rules can be tried on text of the same
    shape as the seed."""
    from khabar import load_article

    def make(*body, published=date(2019, 1, 9)):
        path = tmp_path / "made-up.txt"
        path.write_text("\n\n".join(["عنوان تجريبي", *body]), encoding="utf-8")
        return load_article(path, published=published)

    return make


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for every browser test (playwright's sync
    API allows one running instance per thread).  Skips, saying why, when
    chromium is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip("browser tests need Debian's chromium: apt-get update && apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield browser
        browser.close()
