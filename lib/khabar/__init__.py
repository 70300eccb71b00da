"""khabar: one Arabic news report as dataframes and Arabic-correct charts.

The public names are imported lazily, so ``import khabar`` stays cheap
(pandas and matplotlib load only when a function that needs them is used).

>>> import khabar
>>> khabar.load_article().published.isoformat()
'2018-03-26'
"""

from importlib import import_module

_PUBLIC = {
    "Article": "article",
    "ArticleError": "article",
    "load_article": "article",
    "article_from_text": "article",
    "load_articles": "reports",
    "claims_of": "reports",
    "claims": "claims_table",
    "events": "events_table",
    "event_mentions": "events_table",
    "event_table": "incidents",
    "acled_of": "acled",
    "ged_of": "ged",
    "exchange_ledger": "ledger",
    "grades": "grading",
    "part_whole": "grading",
    "readings": "grading",
    "sensitivity": "grading",
    "band": "conventions",
    "with_convention": "conventions",
    "control": "control_table",
    "ar": "arabic",
    "use_arabic_style": "arabic",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name):
    if name in _PUBLIC:
        return getattr(import_module(f"khabar.{_PUBLIC[name]}"), name)
    raise AttributeError(f"module 'khabar' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)
