"""Arabic chart labels, checked by their pixels, on whichever matplotlib is installed.

Each label goes through ``ar()`` and the package style onto a matplotlib Agg
canvas.  The reference is Pillow's raqm layout (HarfBuzz shaping + FriBiDi) of
the logical string in the same font file.  A label passes when its ink is much
closer to the reference than to each known way of getting Arabic wrong:

* ``reversed``: the reshape + bidi recipe fed to a shaping engine (what
  matplotlib >= 3.11 draws when given the recipe's output);
* ``unjoined``: isolated letters in the right order (bidi without shaping);
* ``logical_ltr``: isolated letters in logical order, drawn left to right
  (what matplotlib < 3.11 draws when given the logical string).

The same file runs on matplotlib 3.11 (``.venv``) and 3.10
(``.venv-mpl310``, see requirements-mpl310.txt).  Run with ``-s`` for the
distance tables.
"""

import re
import subprocess
import sys
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image, ImageDraw, ImageFilter, ImageFont, features

from khabar import arabic

SEED = Path(__file__).resolve().parents[1] / "seeds" / "enab-baladi-2018-03-26-south-damascus-deal.txt"

LABELS = [
    "اتفاق غامض جنوبي دمشق",
    "قرابة 70% من مساحة مخيم اليرموك",
    "عربة “BMP”",
    "قتل 175 من قوات الأسد",
    "حي القدم",
    "الحجر الأسود",
    "الهلال الأحمر السوري",
    "مصادر مطلعة",
    "صحيفة “النبأ”",
]

SIZE_PX = 48
INK_THRESHOLD = 64  # of 255; the faintest anti-aliasing fringe does not count as ink when cropping
# Matplotlib and Pillow place glyphs with different sub-pixel rounding, which
# drifts strokes by a pixel along a label.  Blurring both images by about a
# stroke's half-width makes that drift cheap while a wrong glyph or order
# still moves whole strokes.
BLUR_PX = 1.5
FAILURES = ("reversed", "unjoined", "logical_ltr")
# A correct label must be at least this many times closer to the reference
# than to every failure.
MARGIN = 2.0
# Absolute bound, relative to the label's own ink: the distance to the
# reference may be at most this share of the distance between the reference
# and an empty box of the same size ("half the ink misplaced").  A wrong
# rendering both loses ink where the reference has it and adds ink where it
# has none, so it lands near or beyond the whole ink; only a shared Latin run
# ("BMP") pulls it lower.
MAX_INK_SHARE = 0.5


def _recipe(text):
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


def _ink(gray):
    """Crop a white-background grayscale array to its ink."""
    ys, xs = np.nonzero(gray < 255 - INK_THRESHOLD)
    if len(xs) == 0:
        raise AssertionError("nothing was drawn")
    return gray[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


def render_matplotlib(label):
    """Ink of ``label`` (already passed through ``ar``) drawn by matplotlib Agg."""
    fig = Figure(figsize=(20, 2), dpi=72)  # 1 pt == 1 px
    fig.patch.set_facecolor("white")
    fig.text(0.5, 0.5, label, fontsize=SIZE_PX, color="black", ha="center", va="center")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    return _ink(np.asarray(Image.fromarray(rgba[..., :3]).convert("L")))


def render_pillow(text, layout):
    font = ImageFont.truetype(arabic.font_path(), SIZE_PX, layout_engine=layout)
    image = Image.new("L", (SIZE_PX * (len(text) + 4), SIZE_PX * 3), 255)
    ImageDraw.Draw(image).text((SIZE_PX, SIZE_PX), text, font=font, fill=0)
    return _ink(np.asarray(image))


def references(text):
    """The right rendering of logical ``text`` and the known wrong ones."""
    from bidi import get_display

    raqm, basic = ImageFont.Layout.RAQM, ImageFont.Layout.BASIC
    return {
        "reference": render_pillow(text, raqm),
        "reversed": render_pillow(_recipe(text), raqm),
        "unjoined": render_pillow(get_display(text), basic),
        "logical_ltr": render_pillow(text, basic),
    }


def _blurred(image):
    return np.asarray(image.filter(ImageFilter.GaussianBlur(BLUR_PX)), dtype=float)


def distance(ink, ref):
    """Mean absolute grayscale difference (0-255), ``ink`` scaled to ``ref``'s box, both blurred."""
    h, w = ref.shape
    scaled = Image.fromarray(ink).resize((w, h), Image.Resampling.BILINEAR)
    return float(np.mean(np.abs(_blurred(scaled) - _blurred(Image.fromarray(ref)))))


def measure(text):
    ink = render_matplotlib(arabic.ar(text))
    refs = references(text)
    d = {name: distance(ink, ref) for name, ref in refs.items()}
    d["bound"] = MAX_INK_SHARE * distance(np.full_like(refs["reference"], 255), refs["reference"])
    return d


def verdict(d):
    """None if the distances describe a correct label, else the reason."""
    if d["reference"] > d["bound"]:
        return f"distance to reference {d['reference']:.1f} > bound {d['bound']:.1f}"
    for name in FAILURES:
        if d["reference"] * MARGIN > d[name]:
            return f"not {MARGIN}x closer to the reference than to {name}"
    return None


COLUMNS = ("reference",) + FAILURES + ("bound",)


def table(rows):
    lines = [f"{'label':<34}" + "".join(f"{k:>12}" for k in COLUMNS)]
    for text, d in rows:
        lines.append(f"{text:<34}" + "".join(f"{d[k]:>12.1f}" for k in COLUMNS))
    return "\n".join(lines)


def _setup_name():
    path = "reshape+bidi" if arabic._needs_reshaping() else "logical"
    return f"matplotlib {matplotlib.__version__}, ar() path {path}, font {arabic.FONT_FAMILY}"


@pytest.fixture(autouse=True)
def style():
    with matplotlib.rc_context():
        arabic.use_arabic_style()
        yield


def test_labels_are_real_substrings_of_the_article():
    text = SEED.read_text(encoding="utf-8")
    assert [label for label in LABELS if label not in text] == []


def test_pillow_has_raqm():
    assert features.check("raqm")


def test_labels_match_harfbuzz_reference():
    rows = [(text, measure(text)) for text in LABELS]
    print(f"\n{_setup_name()}\n{table(rows)}")
    bad = [(text, verdict(d)) for text, d in rows if verdict(d)]
    assert not bad, f"{bad}\n{_setup_name()}\n{table(rows)}"


def test_wrong_path_fails_the_same_check(monkeypatch):
    right = arabic._needs_reshaping()
    monkeypatch.setattr(arabic, "_needs_reshaping", lambda: not right)
    rows = [(text, measure(text)) for text in LABELS]
    print(f"\nwrong path forced on {_setup_name()}\n{table(rows)}")
    passing = [text for text, d in rows if verdict(d) is None]
    assert not passing, f"wrong ar() passed for {passing}\n{table(rows)}"


# --- ar() contract -------------------------------------------------------


def test_capability_matches_the_matplotlib_line():
    major, minor = (int(p) for p in matplotlib.__version__.split(".")[:2])
    assert arabic._needs_reshaping() == ((major, minor) < (3, 11))


@pytest.mark.parametrize("text", LABELS)
def test_ar_on_installed_matplotlib(text):
    out = arabic.ar(text)
    assert arabic.ar(out) == out
    if arabic._needs_reshaping():
        assert arabic.has_presentation_forms(out)
    else:
        assert out == text


def test_recipe_path_reverses_arabic_but_not_latin_or_numbers(monkeypatch):
    monkeypatch.setattr(arabic, "_needs_reshaping", lambda: True)
    out = arabic.ar("حي القدم")
    assert out[0] == "\ufee1"  # isolated meem (dal does not join on): the last letter comes first
    assert out[-1] == "\ufea3"  # initial hah
    assert "BMP" in arabic.ar("عربة “BMP”")
    assert "175" in arabic.ar("قتل 175 من قوات الأسد")
    # After an Arabic letter, "70" is an Arabic number (UBA rule W2), so "%"
    # does not join its run and sits on its left, as HarfBuzz/FriBiDi draw it.
    assert "%70" in arabic.ar("قرابة 70% من مساحة مخيم اليرموك")
    two = arabic.ar("حي القدم\nالحجر الأسود")
    assert two.split("\n") == [arabic.ar("حي القدم"), arabic.ar("الحجر الأسود")]
    assert arabic.ar(out) == out
    assert arabic.ar("Yarmouk 2018") == "Yarmouk 2018"


def test_logical_path_returns_text_unchanged(monkeypatch):
    monkeypatch.setattr(arabic, "_needs_reshaping", lambda: False)
    assert [arabic.ar(t) for t in LABELS] == LABELS


# --- presentation forms --------------------------------------------------


def test_has_presentation_forms():
    assert not any(arabic.has_presentation_forms(t) for t in LABELS)
    assert all(arabic.has_presentation_forms(_recipe(t)) for t in LABELS)
    assert arabic.has_presentation_forms("\ufb50")
    assert arabic.has_presentation_forms("\ufdff")
    assert arabic.has_presentation_forms("\ufe70")
    assert arabic.has_presentation_forms("\ufeff")
    assert not arabic.has_presentation_forms("\ufb4f")  # Hebrew presentation form
    assert not arabic.has_presentation_forms("\ufe0f")  # variation selector, between the two blocks
    assert not arabic.has_presentation_forms("")


# --- style ---------------------------------------------------------------


def test_use_arabic_style_twice_is_harmless():
    from matplotlib import font_manager
    from matplotlib.font_manager import FontProperties

    first = arabic.use_arabic_style()
    rc_after_first = dict(matplotlib.rcParams)
    second = arabic.use_arabic_style()
    assert first == second == arabic.font_path()
    assert dict(matplotlib.rcParams) == rc_after_first
    assert sum(f.fname == first for f in font_manager.fontManager.ttflist) == 1
    assert matplotlib.rcParams["font.family"][:2] == [arabic.FONT_FAMILY, arabic.LATIN_FALLBACK]
    assert matplotlib.rcParams["font.sans-serif"][0] == arabic.FONT_FAMILY
    found = font_manager.findfont(FontProperties(family=arabic.FONT_FAMILY), fallback_to_default=False)
    assert Path(found) == Path(first)


def test_svg_is_deterministic_text_as_paths_without_presentation_forms():
    import io

    def svg():
        fig = Figure(figsize=(3, 1))
        fig.text(0.5, 0.5, arabic.ar("مخيم اليرموك"))
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        return buf.getvalue().decode("utf-8")

    first, second = svg(), svg()
    assert first == second
    assert "<text" not in first
    # Matplotlib writes each label's string into an SVG comment; on the
    # reshape+bidi path that comment is the only place presentation forms reach.
    assert not arabic.has_presentation_forms(re.sub(r"<!--.*?-->", "", first, flags=re.S))
    assert arabic.has_presentation_forms(first) == arabic._needs_reshaping()


def test_inline_figure_setup_outside_ipython_sets_the_style_only():
    matplotlib.rcdefaults()  # restored by the style fixture's rc_context
    assert matplotlib.rcParams["svg.hashsalt"] is None and arabic.FONT_FAMILY not in matplotlib.rcParams["font.family"]
    arabic.inline_figure_setup()
    assert matplotlib.rcParams["font.family"][:2] == [arabic.FONT_FAMILY, arabic.LATIN_FALLBACK]
    assert (matplotlib.rcParams["svg.fonttype"], matplotlib.rcParams["svg.hashsalt"]) == ("path", arabic.SVG_HASHSALT)
    try:
        from IPython.core.interactiveshell import InteractiveShell
    except ImportError:
        return
    assert not InteractiveShell.initialized()  # no shell was started to configure inline figures


_IN_IPYTHON = """
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
from khabar.arabic import ar, inline_figure_setup
inline_figure_setup()
from matplotlib_inline.backend_inline import InlineBackend
assert InlineBackend.instance().figure_formats == {"svg", "png"}
import base64, hashlib
from matplotlib.figure import Figure
fig = Figure(figsize=(3, 2))
fig.add_subplot().set_title(ar("حي القدم"))
data, _ = shell.display_formatter.format(fig)
png = data["image/png"]
png = base64.b64decode(png) if isinstance(png, str) else png
assert png.startswith(b"\\x89PNG"), png[:8]
print("png", hashlib.sha256(png).hexdigest())
print(data["image/svg+xml"])
"""


def test_inline_figures_are_deterministic_svg_and_png():
    """SVG (nbval's reference) and PNG (what an untrusted notebook shows),
    both byte-identical run after run."""
    pytest.importorskip("IPython")
    pytest.importorskip("matplotlib_inline")

    def run():
        proc = subprocess.run([sys.executable, "-c", _IN_IPYTHON], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    first, second = run(), run()
    assert first == second
    png_line, svg = first.split("\n", 1)
    assert png_line.startswith("png ")
    first = svg
    assert first.lstrip().startswith("<?xml") or "<svg" in first
    assert "<dc:date>" not in first and "Matplotlib" not in first.split("</metadata>")[0]
    assert "<text" not in first


def test_inline_png_drawn_from_the_svg_matches_matplotlibs_own_png():
    """The inline PNG is rasterized from the SVG (one draw for both formats):
    same size as matplotlib's PNG of the figure, and the same ink, label by
    label, within antialiasing."""
    pytest.importorskip("resvg_py")
    import io

    arabic.use_arabic_style()
    fig = Figure(figsize=(4, 2), dpi=100)
    ax = fig.add_subplot()
    ax.barh([0, 1], [3, 5], color="#1f77b4")
    ax.set_title(arabic.ar("قرابة 70% من مساحة مخيم اليرموك"))
    ax.set_yticks([0, 1], [arabic.ar("حي القدم"), arabic.ar("تنظيم الدولة")])
    svg, agg = io.BytesIO(), io.BytesIO()
    fig.savefig(svg, format="svg")
    FigureCanvasAgg(fig).print_png(agg)
    drawn = np.asarray(Image.open(io.BytesIO(arabic.svg_to_png(svg.getvalue().decode()))).convert("L"), float)
    own = np.asarray(Image.open(agg).convert("L"), float)
    assert drawn.shape == own.shape == (200, 400)
    ink_drawn, ink_own = drawn < 128, own < 128
    assert abs(int(ink_drawn.sum()) - int(ink_own.sum())) < 0.08 * ink_own.sum()
    # Where one has ink the other has ink within a pixel: the labels are the same shapes in the same places.
    grown = np.asarray(Image.fromarray((ink_own * 255).astype("uint8")).filter(ImageFilter.MaxFilter(3))) > 0
    assert (ink_drawn & ~grown).sum() < 0.03 * ink_drawn.sum()
    assert np.abs(drawn - own).mean() < 6


def test_svg_to_png_names_the_problem_with_a_bad_svg():
    pytest.importorskip("resvg_py")
    with pytest.raises(ValueError, match="cannot be rasterized"):
        arabic.svg_to_png("<svg xmlns='http://www.w3.org/2000/svg'><rect")  # cut short
