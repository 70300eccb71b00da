"""Charts draw the dataframes' numbers, and only the chart layer converts Arabic."""

import re

import pandas as pd
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


@pytest.fixture
def reshaping(monkeypatch):
    """ar() forced onto its reshape+bidi path (matplotlib < 3.11), the one path
    that makes presentation forms: on 3.11 ar() returns its input unchanged,
    so a chart writing its labels back into a dataframe would go unseen."""
    from khabar import arabic

    monkeypatch.setattr(arabic, "_needs_reshaping", lambda: True)
    assert has_presentation_forms(arabic.ar("حي القدم"))


def with_presentation_forms(frame):
    return [
        (column, row)
        for column in frame.columns
        for row, value in frame[column].items()
        if isinstance(value, str) and has_presentation_forms(value)
    ]


def test_charts_leave_the_dataframe_in_logical_order(article, reshaping):
    import khabar

    claims = khabar.claims(article)
    exchange = claims[claims["topic"] == "exchange"]
    materiel = claims[claims["topic"] == "materiel"]
    before = {"claims": claims.copy(), "exchange": exchange.copy(), "materiel": materiel.copy()}
    figures = [
        charts.claim_ranges(exchange, {"ar": "ع", "en": "t"}, lang="ar"),
        charts.materiel_losses(materiel, lang="ar"),
    ]
    assert all(any(has_presentation_forms(t) for t in texts(fig)) for fig in figures)  # the path was taken
    for name, frame in {"claims": claims, "exchange": exchange, "materiel": materiel}.items():
        pd.testing.assert_frame_equal(frame, before[name])
        assert with_presentation_forms(frame) == [], name


def test_no_dataframe_holds_presentation_forms(article, reshaping):
    import khabar
    from khabar.names import place_table

    frames = {
        "paragraphs": article.paragraphs.copy(),
        "dropped": article.dropped,
        "claims": khabar.claims(article),
        "events": khabar.events(article),
        "control": khabar.control(article),
        "mentions": mentions(article),
        "places": place_table(),
    }
    frames["exchange"] = frames["claims"][frames["claims"]["topic"] == "exchange"]
    frames["materiel"] = frames["claims"][frames["claims"]["topic"] == "materiel"]
    for lang in ("ar", "en"):  # charts are drawn first, each on the dataframe itself: they must not write back
        charts.paragraph_lengths(frames["paragraphs"], lang)
        charts.claim_ranges(frames["exchange"], {"ar": "ع", "en": "t"}, lang)
        charts.materiel_losses(frames["materiel"], lang)
        charts.mentions_map(frames["mentions"], len(article.paragraphs), lang)
        charts.control_shares(frames["control"], lang)
        charts.control_map(frames["control"], frames["places"], lang)
        charts.timeline(frames["events"], lang=lang, published=article.published)
    for name, frame in frames.items():
        assert len(frame), name
        assert with_presentation_forms(frame) == [], name


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        charts.label({"ar": "ع", "en": "t"}, "fr")


def test_no_dot_outside_its_own_range_and_open_ranges_reach_the_edge(table):
    # «تتجاوز 100» is 101 and up: its figure, 100, is not in it
    shown = table.query("topic == 'exchange'").dropna(subset=["value_low"])
    ax = charts.claim_ranges(shown, {"ar": "ع", "en": "t"}, lang="en").axes[0]
    dots = sorted(line.get_xdata()[0] for line in ax.lines if len(line.get_xdata()) == 1)
    assert 100 not in dots
    assert dots == sorted(
        v
        for v, lo, hi in zip(shown.value, shown.value_low, shown.value_high)
        if v == v and v >= lo and (hi != hi or v <= hi)
    )
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    assert [a.xy[0] for a in arrows] == [ax.get_xlim()[1]]
    assert "open, no upper bound" in texts(ax.figure)


def test_parts_are_labelled_as_parts(table):
    ax = charts.claim_ranges(table.query("subject == 'killed'"), {"ar": "ع", "en": "t"}, lang="en").axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert [name.endswith("(part)") for name in labels] == [False, True, True]


def test_map_says_whose_share_and_draws_part_unlike_stronghold(article):
    import khabar
    from khabar.names import place_table

    rows = khabar.control(article)
    ax = charts.control_map(rows, place_table(), lang="en").axes[0]
    # the group's own 90%, and the pages' «المعارك الدائرة في الحي» after it
    assert "al-Qadam (about 90%, by its own claim; fought over, per pro-regime pages)" in texts(ax.figure)
    hatched = [c for c in ax.collections if c.get_hatch()]
    rings = [c for c in ax.collections if len(c.get_facecolor()) == 0 or c.get_facecolor()[0][3] == 0]
    # «قسم من حي التضامن», «أجزاء من حي الماذنية», «مساحات واسعة من حي القدم», 70% of Yarmouk
    assert len(hatched) == 4
    # «حي الحجر الأسود (معقله الرئيسي)»
    assert len(rings) == 1 and tuple(rings[0].get_offsets()[0]) in {
        (p.lon, p.lat) for p in place_table().itertuples() if p.name_en == "al-Hajar al-Aswad"
    }


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_map_names_overlap_neither_each_other_nor_markers_and_stay_inside(article, lang):
    """Drawn boxes: no two place names overlap, no name covers a marker or
    the stronghold's ring, and every name is inside the map."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    import khabar
    from khabar.names import place_table

    fig = charts.control_map(khabar.control(article), place_table(), lang=lang)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    ax = fig.axes[0]
    names = [
        text.get_window_extent(renderer)
        for text in ax.texts
        if text.get_text() and "↑" not in text.get_text() and text.get_gid() != charts.SUBTITLE_ID
    ]
    markers = [box for collection in ax.collections for box in _marker_boxes(collection, ax)]
    frame = ax.get_window_extent(renderer)
    overlapping = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if a.overlaps(b)]
    assert len(names) >= 8 and overlapping == []
    assert [name for name in names for marker in markers if name.overlaps(marker)] == []
    assert all(frame.x0 <= n.x0 and n.x1 <= frame.x1 and frame.y0 <= n.y0 and n.y1 <= frame.y1 for n in names)


def _marker_boxes(collection, ax):
    """Each scatter marker's drawn extent in pixels (a square of its size)."""
    from matplotlib.transforms import Bbox

    sizes = collection.get_sizes()
    for (x, y), size in zip(collection.get_offsets(), list(sizes) * len(collection.get_offsets())):
        cx, cy = ax.transData.transform((x, y))
        half = (size**0.5) / 2 * ax.figure.dpi / 72
        yield Bbox([[cx - half, cy - half], [cx + half, cy + half]])


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_timeline_breaks_for_february_and_says_its_direction(article, lang):
    import khabar

    found = khabar.events(article)
    fig = charts.timeline(found, lang=lang, published=article.published)
    assert len(fig.axes) == 2
    early, main = fig.axes if lang == "en" else fig.axes[::-1]
    assert early.get_xlim()[1 if lang == "en" else 0] < main.get_xlim()[0 if lang == "en" else 1]
    assert early.bbox.width < main.bbox.width / 3
    words = texts(fig)
    assert ("time runs left to right →" in words) == (lang == "en")
    assert main.xaxis_inverted() == (lang == "ar")
    # one row per happening: the deal once
    names = [t.get_text() for t in fig.axes[0 if lang == "en" else 1].get_yticklabels()]
    assert len(names) == len(found)
