#!/usr/bin/env python3
"""Writes the inputs of the quote-checking benchmark: the pages of gen.py, as N vendors of one
document each, with (QUOTED) or without (PLAIN) ten claims per vendor whose quotes are sentences
of the page's visible text. The two catalogues fetch the same pages with the same selectors, so
the difference of their first `watch` runs is the cost of checking the quotes.

  OUT/pages.json       the snapshot file behind each page (as gen.py)
  OUT/quoted/*.toml    N vendor files with ten quoted claims each
  OUT/plain/*.toml     the same vendor files without claims

usage: quotes.py CORPUS_DIR N PORT OUT_DIR
"""
import json
import os
import re
import sys
from html.parser import HTMLParser

from gen import documents, toml_str

# Ten boolean terms: a claim on each, one per vendor.
TERMS = [
    "contract.dpa",
    "contract.education_terms",
    "analytics.usage_profiling",
    "analytics.telemetry_limitable",
    "secondary_use.marketing",
    "secondary_use.selling",
    "secondary_use.ai_training",
    "sharing.trackers",
    "sharing.third_parties",
    "recording.notice",
]


class Text(HTMLParser):
    """The text of a page outside scripts and styles."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def sentences(path):
    p = Text()
    p.feed(open(path, encoding="utf-8", errors="replace").read())
    text = " ".join(" ".join(p.parts).split())
    found = [s for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s) <= 160 and '"' not in s]
    return found or [text[:80]]


def main():
    corpus, n, port, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    docs = documents(corpus)
    for kind in ("quoted", "plain"):
        os.makedirs(os.path.join(out, kind), exist_ok=True)
    pages, cache = [], {}
    for i in range(n):
        path, select, remove = docs[i % len(docs)]
        pages.append(path)
        vendor = f"bench-{i:05d}"
        head = (
            f'id = "{vendor}"\nname = "Benchmark page {i}"\ncompany = "Benchmark"\nheadquarters = "NL"\n'
            'open_source = false\nself_hostable = false\nstatus = "active"\n'
            f'\n[[documents]]\nid = "page"\nkind = "privacy-policy"\n'
            f"url = {toml_str(f'http://127.0.0.1:{port}/{i}.html')}\n"
            f"select = [{', '.join(map(toml_str, select))}]\n"
            f"remove = [{', '.join(map(toml_str, remove))}]\n"
        )
        found = cache.setdefault(path, sentences(path))
        claims = "".join(
            f'\n[terms.{term}]\nvalue = false\nsource = "page"\nverified = 2020-01-01\n'
            f'confidence = "medium"\nquote = {toml_str(found[(i + k) % len(found)])}\n'
            for k, term in enumerate(TERMS)
        )
        open(os.path.join(out, "quoted", vendor + ".toml"), "w").write(head + claims)
        open(os.path.join(out, "plain", vendor + ".toml"), "w").write(head)
    json.dump(pages, open(os.path.join(out, "pages.json"), "w"))
    print(f"{n} pages, {10 * n} quotes", file=sys.stderr)


if __name__ == "__main__":
    main()
