"""Fixtures shared by the test modules."""
from datetime import date

import pytest

from khabar import claims, load_article


@pytest.fixture(scope="session")
def article():
    """The seed article."""
    return load_article()


@pytest.fixture(scope="session")
def table(article):
    """The seed's claims."""
    return claims(article)


@pytest.fixture
def made_up_article(tmp_path):
    """A function writing a made-up article (a title, then the given body
    paragraphs) and loading it, so rules can be tried on text of the same
    shape as the seed."""
    def make(*body, published=date(2019, 1, 9)):
        path = tmp_path / "made-up.txt"
        path.write_text("\n\n".join(["عنوان تجريبي", *body]), encoding="utf-8")
        return load_article(path, published=published)

    return make
