"""Charts draw the dataframes' numbers, and only the chart layer converts Arabic."""
import re

import pytest

from khabar import charts
from khabar.arabic import has_presentation_forms
from khabar.names import mentions

ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def texts(fig):
    return [t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text")) if t.get_text()]


def test_paragraph_lengths_are_the_word_counts(article):
    fig = charts.paragraph_lengths(article.paragraphs, lang="en")
    heights = [bar.get_height() for bar in fig.axes[0].patches]
    assert heights == article.paragraphs["text"].str.split().str.len().tolist()


def test_mentions_map_places_each_mention_at_its_paragraph(article):
    named = mentions(article)
    fig = charts.mentions_map(named, len(article.paragraphs), lang="en")
    drawn = sorted(x for collection in fig.axes[0].collections for x, _ in collection.get_offsets())
    assert drawn == sorted(named["paragraph"].tolist())


def test_claim_ranges_draw_the_claims_ranges(table):
    shown = table.query("topic == 'exchange'").dropna(subset=["value_low"])
    fig = charts.claim_ranges(shown, {"ar": "ع", "en": "t"}, lang="en")
    ax = fig.axes[0]
    segments = sorted(tuple(line.get_xdata()) for line in ax.lines if len(line.get_xdata()) == 2)
    expected = sorted((low, high) for low, high in zip(shown.value_low, shown.value_high) if high > low)
    assert segments == expected
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    assert [a.xyann[0] for a in arrows] == shown.loc[shown.value_high.isna(), "value_low"].tolist()
    assert len(ax.get_yticklabels()) == len(shown)


def test_materiel_bars_are_the_claimed_counts(table):
    losses = table.query("topic == 'materiel'").dropna(subset=["value"])  # counts the text leaves unstated have no bar
    fig = charts.materiel_losses(losses, lang="ar")
    assert [bar.get_width() for bar in fig.axes[0].patches] == losses["value"].tolist()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_right_to_left_layout_for_arabic_only(article, lang):
    fig = charts.mentions_map(mentions(article), len(article.paragraphs), lang=lang)
    ax = fig.axes[0]
    assert ax.xaxis_inverted() == (lang == "ar")
    assert ax.yaxis.get_ticks_position() == ("right" if lang == "ar" else "left")
    assert bool(ax.get_title(loc="right")) == (lang == "ar")


def test_english_charts_have_english_labels(table):
    fig = charts.claim_ranges(table.query("subject == 'killed'"), {"ar": "ع", "en": "The dead"}, lang="en")
    assert not [t for t in texts(fig) if ARABIC_LETTER.search(t)]


def test_charts_leave_the_dataframe_in_logical_order(table):
    before = table.copy()
    charts.claim_ranges(table.query("topic == 'exchange'"), {"ar": "ع", "en": "t"}, lang="ar")
    assert table.equals(before)
    assert not table["quote"].map(has_presentation_forms).any()


def test_no_dataframe_holds_presentation_forms(article):
    import khabar
    from khabar.names import place_table

    frames = {
        "paragraphs": article.paragraphs, "dropped": article.dropped, "claims": khabar.claims(article),
        "events": khabar.events(article), "control": khabar.control(article),
        "mentions": mentions(article), "places": place_table(),
    }
    for lang in ("ar", "en"):  # charts are drawn first: they must not write back
        charts.claim_ranges(frames["claims"].query("topic == 'exchange'"), {"ar": "ع", "en": "t"}, lang)
        charts.mentions_map(frames["mentions"], len(article.paragraphs), lang)
        charts.timeline(frames["events"], lang=lang, published=article.published)
    for name, frame in frames.items():
        assert len(frame), name
        for column in frame.columns:
            values = frame[column].map(lambda v: isinstance(v, str) and has_presentation_forms(v))
            assert not values.any(), f"{name}.{column}"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        charts.label({"ar": "ع", "en": "t"}, "fr")
