"""Checks run inside a page by the browser tests (exports and JupyterLab)."""

# For every heading: each run of Arabic or Latin letters (up to the "—"
# between languages), and whether its final punctuation mark is drawn at the
# end of that run: right of the letter before it for English, left for Arabic.
HEADING_RUNS = """() => {
  const out = [];
  for (const heading of document.querySelectorAll('h1, h2, h3')) {
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT, {
      acceptNode: n => n.parentElement.closest('a.anchor-link, a.jp-InternalAnchorLink') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    const nodes = [];
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push([node, text.length]);
      text += node.data;
    }
    const box = index => {
      let [node, offset] = nodes[0];
      for (const [n, o] of nodes) if (o <= index) { node = n; offset = o; }
      const range = document.createRange();
      range.setStart(node, index - offset);
      range.setEnd(node, index - offset + 1);
      return range.getBoundingClientRect();
    };
    for (const [script, pattern] of [['ar', /[\u0600-\u06ff][^A-Za-z\u2014]*/g], ['en', /[A-Za-z][^\u0600-\u06ff\u2014]*/g]]) {
      for (const match of text.matchAll(pattern)) {
        const run = match[0].trimEnd();
        if (!/[?؟!.:]$/.test(run)) continue;
        // Compared with the letter just before it, which is on the same line.
        const before = box(match.index + run.length - 2), last = box(match.index + run.length - 1);
        const atEnd = script === 'en' ? last.left >= before.right - 1 : last.right <= before.left + 1;
        out.push({heading: text.trim(), run, script, atEnd});
      }
    }
  }
  return out;
}"""

# Every reader-table cell marked left to right (a range, a date, numbers),
# and every short cell holding a date ("by 2018-03-25", «حتى 2018-03-25»):
# whether it is drawn on one line, and for left-to-right cells whether the
# first character is drawn left of the last, as it is read.
LTR_CELLS = """() => [...document.querySelectorAll('table.khabar-table td')]
  .filter(td => td.firstChild && td.textContent.trim().length > 1 && (td.dir === 'ltr'
          || (/\\d{4}-\\d\\d-\\d\\d/.test(td.textContent) && td.textContent.length < 30)))
  .map(td => {
    // A cell may hold isolates (<bdi>): its first and last text nodes, wherever they are.
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.length) nodes.push(n);
    const head = nodes[0], tail = nodes[nodes.length - 1];
    const box = (node, i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
    const first = box(head, 0), last = box(tail, tail.data.length - 1);
    return {text: td.textContent, direction: getComputedStyle(td).direction, oneLine: first.top === last.top,
            inOrder: td.dir !== 'ltr' || first.top !== last.top || first.left < last.left};
  })"""

# Every date, range and open end drawn on the page ("2018-03-25", "76–94",
# "32 / 101 / 175", "≥ 101"), wherever it is (prose, tables, headers), and
# whether it is drawn as it is read: its first character left of its last,
# on one line.  Read from the boxes the browser lays out, not from the markup.
FIGURES_ON_SCREEN = """() => {
  const pattern = /\\d{4}-\\d{2}-\\d{2}|\\d+(?:[.,]\\d+)?%?\\s?[\\u2013\\/-]\\s?\\d+(?:[.,]\\d+)?%?|\\u2265\\s?\\d+/g;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.parentElement.closest('script, style, svg, title, pre, code') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const out = [];
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(pattern)) {
      const box = i => { range.setStart(node, i); range.setEnd(node, i + 1); return range.getBoundingClientRect(); };
      const first = box(match.index), last = box(match.index + match[0].length - 1);
      if (!first.width || !last.width) continue;  // not drawn (a closed section)
      const oneLine = Math.abs(first.top - last.top) < 3;
      out.push({text: match[0], around: node.data.slice(Math.max(0, match.index - 20), match.index + match[0].length + 20),
                oneLine, inOrder: !oneLine || first.left < last.left});
    }
  }
  return out;
}"""

# The visible text of the page with the parts a reader does not read as prose
# (code cells shown with --with-code) left out.
READER_TEXT = """() => {
  const clone = document.body.cloneNode(true);
  clone.querySelectorAll('script, style, .jp-InputArea').forEach(n => n.remove());
  document.body.appendChild(clone);
  clone.style.position = 'absolute';
  const text = clone.innerText;
  clone.remove();
  return text;
}"""
