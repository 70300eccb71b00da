"""Arabic text for matplotlib: the right label string and a packaged font.

Text stays in logical order everywhere in the package; only chart code calls
:func:`ar` on a label just before handing it to matplotlib.

Matplotlib 3.11 lays text out with libraqm (HarfBuzz shaping + bidi), so it
needs the logical string as is.  Older matplotlib draws one glyph per
character, left to right, so the string must be shaped into Arabic
Presentation Forms (arabic-reshaper) and put into visual order (python-bidi)
first.  Feeding either version the other's string gives reversed or unjoined
letters without any error, so the choice is made from what the installed
matplotlib can do, not from its version number.

>>> from khabar.arabic import ar, use_arabic_style
>>> path = use_arabic_style()
>>> label = ar("حي القدم")
"""

from __future__ import annotations

import functools

# Chosen by rendering article labels on both matplotlib lines against a
# HarfBuzz reference: Amiri loses its ligatures on the reshape+bidi path and
# IBM Plex Sans Arabic loses its kerning there; Noto Sans Arabic stays close
# on both.
FONT_FAMILY = "Noto Sans Arabic"
"""Family name of the chart font, as registered by its fontpkg package."""

LATIN_FALLBACK = "DejaVu Sans"
"""Matplotlib's bundled font, used for any glyph the Arabic font lacks."""

SVG_HASHSALT = "khabar"

INLINE_FORMATS = ("svg", "png")
"""Inline figure formats: SVG is the regression reference, PNG is what an
untrusted notebook shows."""

_PRESENTATION_FORMS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


@functools.cache
def font_path() -> str:
    """Path of the regular font file for :data:`FONT_FAMILY`, looked up once
    (fontpkg reads the installed packages' metadata to find it).

    Charts and the pixel tests (which render the same file with Pillow) use it.

    >>> font_path().endswith(".ttf")
    True
    """
    import fontpkg

    return str(fontpkg.path(FONT_FAMILY))


@functools.cache
def _needs_reshaping() -> bool:
    """True when the installed matplotlib cannot shape or reorder Arabic.

    Builds with libraqm (matplotlib >= 3.11) expose
    ``matplotlib.ft2font.__libraqm_version__``.
    """
    from matplotlib import ft2font

    return not hasattr(ft2font, "__libraqm_version__")


def has_presentation_forms(text: str) -> bool:
    """True if ``text`` holds Arabic Presentation Forms (U+FB50–U+FDFF, U+FE70–U+FEFF).

    Logical-order Arabic never does; text prepared for pre-3.11 matplotlib
    always does, so this tells the two apart.

    >>> has_presentation_forms("حي القدم")
    False
    >>> has_presentation_forms("\\ufedd\\ufe8e")
    True
    """
    return any(lo <= ord(ch) <= hi for ch in text for lo, hi in _PRESENTATION_FORMS)


def ar(text: str) -> str:
    """The string to give the installed matplotlib for logical-order ``text``.

    With libraqm (matplotlib >= 3.11) that is ``text`` unchanged.  Otherwise
    each line is reshaped and put into visual order; Latin runs and numbers
    ("BMP", "70%", "175") keep their left-to-right order inside it.  Text that
    already holds presentation forms is returned unchanged, so ``ar`` is
    idempotent on both paths.

    >>> ar("Damascus")
    'Damascus'
    >>> ar(ar("قتل 175 من قوات الأسد")) == ar("قتل 175 من قوات الأسد")
    True
    """
    if not _needs_reshaping() or has_presentation_forms(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


def use_arabic_style() -> str:
    """Register the packaged Arabic font and set matplotlib's rcParams for it.

    Sets the Arabic font first and :data:`LATIN_FALLBACK` second (glyph
    fallback), SVG text as paths (renders in a browser with no Arabic font) and
    a fixed SVG hash salt (same figure, same bytes).  Calling it again changes
    nothing.  Returns the font file's path.

    >>> path = use_arabic_style()
    >>> import matplotlib
    >>> matplotlib.rcParams["font.family"][0] == FONT_FAMILY
    True
    """
    import matplotlib
    from matplotlib import font_manager

    path = font_path()
    manager = font_manager.fontManager
    if not any(entry.fname == path for entry in manager.ttflist):
        manager.addfont(path)
    families = [FONT_FAMILY, LATIN_FALLBACK]
    matplotlib.rcParams.update(
        {
            "font.family": families,
            "font.sans-serif": families + [f for f in matplotlib.rcParams["font.sans-serif"] if f not in families],
            "svg.fonttype": "path",
            "svg.hashsalt": SVG_HASHSALT,
        }
    )
    return path


def inline_figure_setup() -> None:
    """Make notebook inline figures deterministic SVG, with a PNG beside it,
    Arabic drawn as paths.

    Applies :func:`use_arabic_style` and, inside IPython, gives every inline
    figure two images with no Date/Creator metadata: SVG, which JupyterLab
    shows once the notebook is trusted (and which nbval compares), and PNG,
    the one a viewer shows for a notebook it does not trust (JupyterLab will
    not render SVG from outputs it did not produce itself).  Outside IPython
    it does only the style part.  Returns nothing, so a notebook cell that
    ends with the call shows no output (a trailing ";" does not hide output
    under nbval).

    >>> inline_figure_setup()  # in a plain interpreter: the style only
    """
    use_arabic_style()
    try:
        from IPython import get_ipython
    except ImportError:
        return
    if get_ipython() is None:
        return
    from matplotlib_inline.backend_inline import InlineBackend, set_matplotlib_formats

    cfg = InlineBackend.instance()
    cfg.figure_formats = set(INLINE_FORMATS)
    cfg.print_figure_kwargs = {
        **cfg.print_figure_kwargs,
        "metadata": {"Date": None, "Creator": None},
        # Charts lay themselves out (constrained layout): no second, cropping draw.
        "bbox_inches": None,
    }
    set_matplotlib_formats(*INLINE_FORMATS)
    _fast_png(get_ipython())


PNG_DPI = 100
"""Resolution of the inline PNG (100 px to the inch: a 10-inch chart is
1,000 px wide, as matplotlib's own PNG of it)."""


def svg_to_png(svg: str, dpi: float = PNG_DPI) -> bytes:
    """PNG bytes of a matplotlib SVG (text drawn as paths), rasterized by resvg.

    The inline PNG is drawn from the SVG the notebook already holds, so each
    figure is laid out and drawn once for both formats; resvg paints the same
    paths at a fraction of a second matplotlib draw.  Only what the SVG itself
    holds is used: no system font is loaded (there is no text element to need
    one), so the bytes do not depend on the machine.

    >>> svg = '<svg xmlns="http://www.w3.org/2000/svg" width="72pt" height="36pt" viewBox="0 0 72 36">'
    >>> png = svg_to_png(svg + '<rect width="72" height="36" fill="white"/></svg>')
    >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    import resvg_py

    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, dpi=float(dpi)))
    except ValueError as error:
        raise ValueError(f"SVG figure cannot be rasterized to PNG: {error}") from None


def _fast_png(shell) -> None:
    """Register an inline PNG drawn from the figure's inline SVG.

    The PNG is only what an untrusted viewer shows (nbval compares the SVG).
    IPython asks for the SVG first; the PNG is then rasterized from that very
    SVG (:func:`svg_to_png`) instead of drawing the figure a second time with
    Agg, which would lay out and shape every label again.  A figure shown as
    PNG alone (no SVG just drawn) gets matplotlib's own PNG.
    """
    import base64
    import weakref

    from IPython.core.pylabtools import print_figure
    from matplotlib.figure import Figure

    formatters = shell.display_formatter.formatters
    svg_printer = formatters["image/svg+xml"].lookup_by_type(Figure)
    drawn = weakref.WeakKeyDictionary()

    def svg(fig):
        data = svg_printer(fig)
        if data is None:
            return None
        drawn[fig] = data
        # A chart's description (khabar.charts.describe) travels as the
        # output's metadata, which the exported pages use as the image's alt text.
        alt = getattr(fig, "khabar_alt", None)
        return (data, {"alt": alt}) if alt else data

    def png(fig):
        data = drawn.pop(fig, None)
        if data is None:
            return print_figure(fig, fmt="png", base64=True, bbox_inches=None, metadata={"Software": None})
        return base64.b64encode(svg_to_png(data, fig.dpi)).decode("ascii")

    formatters["image/svg+xml"].for_type(Figure, svg)
    formatters["image/png"].for_type(Figure, png)
