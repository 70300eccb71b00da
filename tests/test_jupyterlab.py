"""JupyterLab as a new user meets it: started exactly as the README's `make lab`
(the Makefile's own recipe, with only the port, token and browser options
added), with a fresh home folder, so every notebook is one the user has not
run (untrusted).  The browser part needs Debian's chromium, as the export
tests do; without it, it skips and says so."""

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from khabar.article import PROJECT_ROOT
from khabar.export import notebook_paths
from pagechecks import HEADING_RUNS, LTR_CELLS

SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
FIGURE_TYPES = ("image/png", "image/svg+xml")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server started by `make lab`; yields (base url, token)."""
    home = tmp_path_factory.mktemp("home")
    port, token = free_port(), secrets.token_hex(16)
    options = (
        f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0"
        f" --IdentityProvider.token={token}"
        f" --FileCheckpoints.checkpoint_dir={home / 'checkpoints'}"
    )  # nothing written beside the notebooks
    log = open(home / "lab.log", "wb")
    server = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"LAB_ARGS={options}"],
        cwd=PROJECT_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={"JUPYTER_RUNTIME_DIR": str(home / "runtime"), "PATH": "/usr/bin:/bin", "HOME": str(home)},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        listing = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and listing is None:
            try:
                with urllib.request.urlopen(f"{base}/api/contents?token={token}", timeout=5) as answer:
                    listing = json.load(answer)
            except OSError:
                assert server.poll() is None, (home / "lab.log").read_text()
                time.sleep(0.5)
        assert listing is not None, (home / "lab.log").read_text()
        yield base, token, listing
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make and the jupyter it started
        server.wait(timeout=30)
        log.close()


def test_jupyterlab_lists_the_notebooks(lab):
    base, token, listing = lab
    names = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
    assert names == [path.name for path in notebook_paths()]
    with urllib.request.urlopen(f"{base}/lab?token={token}", timeout=10) as answer:
        assert answer.status == 200 and b"JupyterLab" in answer.read()


def test_project_settings_turn_the_news_question_off(lab):
    base, token, _ = lab
    url = f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={token}"
    with urllib.request.urlopen(url, timeout=10) as answer:
        properties = json.load(answer)["schema"]["properties"]  # defaults, overrides applied
    assert properties["fetchNews"]["default"] == "false"
    assert properties["checkForUpdates"]["default"] is False


def figure_outputs(path: Path) -> int:
    notebook = nbformat.read(path, as_version=4)
    return sum(
        1
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if any(kind in output.get("data", {}) for kind in FIGURE_TYPES)
    )


# Every output the notebook panel holds, rendered or not, with what it shows.
READ_OUTPUTS = """() => {
  const panel = '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output';
  const outputs = [...document.querySelectorAll(panel)];
  return outputs.map(o => ({
    images: [...o.querySelectorAll('img')].map(i => i.complete ? i.naturalWidth : -1),
    text: o.textContent,
  }));
}"""


def test_charts_show_in_an_untrusted_notebook(lab, browser):
    """Each stored figure output is a drawn image on first open; none falls
    back to its "<Figure size …>" text; no news pop-up covers the notebook."""
    base, token, _ = lab
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    for path in notebook_paths():
        page = context.new_page()
        page.goto(f"{base}/lab/tree/{path.name}?reset&token={token}")
        page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(timeout=60_000)
        expected = figure_outputs(path)
        assert expected >= 1, f"{path.name}: no stored figure"
        deadline, outputs = time.monotonic() + 30, []
        while time.monotonic() < deadline:
            outputs = page.evaluate(READ_OUTPUTS)
            images = [width for output in outputs for width in output["images"]]
            if len(images) >= expected and all(width > 0 for width in images):
                break
            page.wait_for_timeout(500)
        images = [width for output in outputs for width in output["images"]]
        page.screenshot(path=str(SCREENSHOTS / f"jupyterlab-{path.stem}.png"))
        assert len(images) == expected, f"{path.name}: {len(images)} images for {expected} figures"
        assert all(width > 0 for width in images), f"{path.name}: an image did not load"
        assert not [o for o in outputs if "<Figure size" in o["text"]], f"{path.name}: a figure shows as text"
        assert page.get_by_text("official Jupyter news").count() == 0, "the news question is shown"
        misplaced = [run for run in page.evaluate(HEADING_RUNS) if not run["atEnd"]]
        assert not misplaced, f"{path.name}: {misplaced}"
        page.close()
    context.close()


# What JupyterLab's sanitizer left of the reader table and the annotated article.
READ_VIEWS = """() => ({
  cells: [...document.querySelectorAll('table.khabar-table td[dir]')].map(td => ({
    text: td.textContent, direction: getComputedStyle(td).direction})),
  marks: [...document.querySelectorAll('.khabar-article mark')].map(mark => ({
    title: mark.title, number: mark.querySelector('sup') ? mark.querySelector('sup').textContent : null,
    colour: getComputedStyle(mark).backgroundColor,
    direction: getComputedStyle(mark.closest('p')).direction})),
  width: document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer, .jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook').getBoundingClientRect().right,
  tableRight: Math.max(...[...document.querySelectorAll('table.khabar-table')].map(t => t.getBoundingClientRect().right)),
})"""


def test_reader_views_survive_the_sanitizer(lab, browser):
    """In the untrusted notebook 02: the claims table keeps each cell's own
    direction and fits at 1,400 px; the annotated article keeps its
    highlights, colours, numbers and hover text."""
    base, token, _ = lab
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/lab/tree/02-casualty-claims.ipynb?reset&token={token}")
    page.locator(".khabar-article mark").first.wait_for(timeout=60_000)
    page.locator(".khabar-article").first.scroll_into_view_if_needed()
    page.locator(".khabar-article mark").first.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(500)  # the windowed notebook draws the cells around the article
    page.screenshot(path=str(SCREENSHOTS / "jupyterlab-02-annotated-article.png"))
    views = page.evaluate(READ_VIEWS)
    context.close()
    arabic = [cell for cell in views["cells"] if "\u0600" <= cell["text"][:1] <= "\u06ff"]
    assert arabic and {cell["direction"] for cell in arabic} == {"rtl"}
    assert views["tableRight"] <= views["width"], "the claims table runs past the notebook"
    marks = views["marks"]
    assert len(marks) >= 10 and [m["number"] for m in marks] == [str(i) for i in range(1, len(marks) + 1)]
    assert all(m["title"] for m in marks) and {m["direction"] for m in marks} == {"rtl"}
    assert len({m["colour"] for m in marks}) >= 2 and "rgba(0, 0, 0, 0)" not in {m["colour"] for m in marks}


def test_ranges_and_dates_stay_whole_in_jupyterlab(lab, browser):
    """In the untrusted notebook 04 (dates, events, the event table, the
    ledger): every left-to-right cell (a date, a span of days, a range) is
    drawn on one line and in reading order."""
    base, token, _ = lab
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/lab/tree/04-exchange-stages.ipynb?reset&token={token}")
    page.locator("table.khabar-table").first.wait_for(timeout=60_000)
    seen = {}
    for _ in range(40):  # the notebook is windowed: read the tables as they come into view
        for cell in page.evaluate(LTR_CELLS):
            seen.setdefault(cell["text"], []).append(cell)
        moved = page.evaluate("""() => { const o = document.querySelector(
            '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
            const before = o.scrollTop; o.scrollTop += 700; return o.scrollTop !== before; }""")
        page.wait_for_timeout(300)
        if not moved:
            break
    context.close()
    assert any("–" in text and text.count("-") >= 4 for text in seen), "no span of days was read"
    broken = sorted(
        {text for text, cells in seen.items() for cell in cells if not (cell["oneLine"] and cell["inOrder"])}
    )
    assert broken == []
