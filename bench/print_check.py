#!/usr/bin/env python3
"""Checks the printed comparison in a real browser.

Renders `vcaudit compare` of five offerings (with --title and --reference) to HTML in English and
Dutch, prints each page to PDF with headless Chromium, and checks:

  * the page count: at most MAX_PAGES A4 landscape pages;
  * every page's footer: the title, the reference and "Page N of M" ("Pagina N van M");
  * no element wider than the page: the HTML is laid out at the printable width with the print
    styles applied, and every element's right edge and every cell's content must stay inside;
    in the PDF, no word may lie beyond the right margin;
  * no word broken without a hyphen: every word pdftotext reads from the PDF must be a word of
    the HTML, or a piece of one cut where the HTML allows it: at a soft hyphen (printed as "-"),
    after a hyphen it has, or after the separator of a technical token (a path, a host, a dotted
    term id) where the HTML has a <wbr>.

usage: bench/print_check.py BIN OUTDIR
  BIN     the vcaudit binary
  OUTDIR  where the HTML, PDF and PNG files go (kept for a look)
needs: chromium, pdftotext and pdfinfo (Debian: apt-get install chromium poppler-utils)
exit:  0 all checks passed, 1 a check failed, 2 a tool is missing or failed
"""

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

MAX_PAGES = 6
OFFERINGS = [
    "zoom/education",
    "microsoft-teams/education",
    "google-meet/education",
    "bigbluebutton/self-hosted",
    "whereby/meetings",
]
TITLE = "Aanbesteding videobellen voor het onderwijs 2027"
REFERENCE = "AB-2026-017"
DAY = "2026-12-06"
# A4 landscape in points, and the page margins of style.css (10mm sides).
PAGE_WIDTH_PT = 841.92
SIDE_MARGIN_PT = 10 / 25.4 * 72
# The printable width in CSS pixels (297mm - 2 x 10mm).
PRINTABLE_PX = round((297 - 20) / 25.4 * 96)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGE_WORDS = {"en": ("Page", "of"), "nl": ("Pagina", "van")}
# Punctuation that may stick to a word in the text but is not part of it.
EDGES = "\"'“”‘’„«»()[]{},;:!?·…"
SEPARATORS = "/._="


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def chromium(args):
    profile = tempfile.mkdtemp(prefix="vcaudit-chromium-")
    try:
        return run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def norm(word):
    return word.strip(EDGES)


def html_words(page):
    """The words of the HTML's text, and the pieces a line may break them into."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<wbr>", "\x01", page)
    page = re.sub(r"<br[^>]*>", " ", page)
    # Block elements end a word; inline ones do not.
    page = re.sub(r"</?(p|div|li|ul|ol|tr|td|th|h\d|dt|dd|dl|table|thead|tbody|section|header|q)\b[^>]*>", " ", page)
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    words, pieces = set(), set()
    for raw in text.split():
        word = raw.replace("\u00ad", "").replace("\x01", "")
        words.add(norm(word))
        # Where the word may break: soft hyphens (printed as "-"), <wbr> and its own hyphens.
        cuts, plain, pos = [], [], 0
        for ch in raw:
            if ch == "\u00ad":
                cuts.append((pos, "-"))
            elif ch == "\x01":
                cuts.append((pos, ""))
            else:
                plain.append(ch)
                pos += 1
                if ch == "-" and 0 < pos:
                    cuts.append((pos, ""))
        plain = "".join(plain)
        points = [(0, "")] + cuts + [(len(plain), "")]
        for i, (a, _) in enumerate(points):
            for b, mark in points[i + 1 :]:
                if a < b:
                    pieces.add(norm(plain[a:b] + mark))
                    pieces.add(norm(plain[a:b]))
    return words, pieces


def check_words(pdf_text, words, pieces, extra):
    bad = []
    for token in pdf_text.split():
        # A soft hyphen is printed as a hyphen (U+2010) where the line broke, and kept, unprinted,
        # in the text of the words that did not break there.
        t = norm(token.replace("\u2010", "-").replace("\u00ad", ""))
        if not t or t in words or t in pieces or t in extra or re.fullmatch(r"\d+\.?", t):
            continue
        bad.append(token)
    return bad


def check_widths(html_path, outdir, lang):
    """Elements wider than the printable width, with the print styles applied on screen."""
    page = open(html_path, encoding="utf-8").read()
    page = page.replace("@media print {", "@media all {")
    probe = """<script>
(function () {
  var width = document.documentElement.clientWidth, out = [];
  document.querySelectorAll('body *').forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.width === 0) return;
    var name = el.tagName.toLowerCase() + (el.className ? '.' + el.className : '');
    if (r.right > width + 1 || r.left < -1) out.push(name + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + 'px of ' + width);
    if (/^(TD|TH)$/.test(el.tagName) && el.scrollWidth > el.clientWidth + 1) out.push(name + ' holds ' + el.scrollWidth + 'px in ' + el.clientWidth + 'px: ' + el.textContent.slice(0, 60));
  });
  var pre = document.createElement('pre');
  pre.id = 'width-check';
  pre.textContent = JSON.stringify({width: width, wide: out});
  document.body.appendChild(pre);
})();
</script>
</body>"""
    page = page.replace("</body>", probe)
    probe_path = os.path.join(outdir, f"width-probe.{lang}.html")
    with open(probe_path, "w", encoding="utf-8") as f:
        f.write(page)
    dom = chromium([f"--window-size={PRINTABLE_PX},1200", "--dump-dom", probe_path]).stdout
    m = re.search(r'<pre id="width-check">(.*?)</pre>', dom, flags=re.S)
    if not m:
        return ["the width probe did not run"]
    import json

    result = json.loads(html.unescape(m.group(1)))
    return result["wide"]


def check_margins(pdf_path):
    """Words of the PDF that lie beyond the right margin."""
    out = run(["pdftotext", "-bbox", pdf_path, "-"]).stdout
    limit = PAGE_WIDTH_PT - SIDE_MARGIN_PT + 1
    bad = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', out):
        if float(m.group(2)) > limit or float(m.group(1)) < SIDE_MARGIN_PT - 1:
            bad.append(f"{html.unescape(m.group(3))} at x {m.group(1)}..{m.group(2)}pt")
    return bad


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, outdir = sys.argv[1], sys.argv[2]
    for tool in ("chromium", "pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            print(f"print check: `{tool}` is not installed (apt-get install chromium poppler-utils)", file=sys.stderr)
            return 2
    os.makedirs(outdir, exist_ok=True)
    failures = 0
    for lang in ("en", "nl"):
        html_path = os.path.join(outdir, f"compare.{lang}.html")
        pdf_path = os.path.join(outdir, f"compare.{lang}.pdf")
        run([binary, "--color", "never", "--as-of", DAY, "--lang", lang, "compare", *OFFERINGS,
             "--title", TITLE, "--reference", REFERENCE, "-o", html_path])
        chromium(["--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", html_path])
        info = run(["pdfinfo", pdf_path]).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))
        size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, flags=re.M)
        problems = []
        if pages > MAX_PAGES:
            problems.append(f"{pages} pages, more than {MAX_PAGES}")
        if not size or abs(float(size.group(1)) - PAGE_WIDTH_PT) > 1:
            problems.append(f"the page is not A4 landscape: {size.group(0) if size else info}")
        word, of = PAGE_WORDS[lang]
        for n in range(1, pages + 1):
            text = run(["pdftotext", "-f", str(n), "-l", str(n), pdf_path, "-"]).stdout
            for want in (TITLE, REFERENCE, f"{word} {n} {of} {pages}"):
                if want not in " ".join(text.split()):
                    problems.append(f"page {n} lacks `{want}`")
        words, pieces = html_words(open(html_path, encoding="utf-8").read())
        extra = {norm(w) for w in f"{TITLE} {REFERENCE} {word} {of}".split()}
        # The physical layout keeps each line's words as printed (the reading order would join words
        # of neighbouring cells and undo the hyphenation of a line's last word).
        text = run(["pdftotext", "-layout", pdf_path, "-"]).stdout
        broken = check_words(text, words, pieces, extra)
        problems += [f"a word broken without a hyphen, or not in the HTML: `{w}`" for w in broken]
        problems += [f"beyond the page: {w}" for w in check_margins(pdf_path)]
        problems += [f"wider than the page: {w}" for w in check_widths(html_path, outdir, lang)]
        status = "ok" if not problems else "FAILED"
        print(f"{lang}: {pages} page(s), {len(words)} words: {status}")
        for p in problems:
            print(f"  {p}")
        failures += len(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
