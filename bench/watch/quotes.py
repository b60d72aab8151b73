#!/usr/bin/env python3
"""Writes the inputs of the quote-checking benchmark: the pages of gen.py, as N vendors of one
document each, without claims (PLAIN) or with ten claims per vendor whose quotes are sentences of
the page (NAIVE, COPIED). The catalogues fetch the same pages with the same selectors, so the
difference of their first `watch` runs is the cost of checking the quotes.

  OUT/pages.json       the snapshot file behind each page (as gen.py)
  OUT/plain/*.toml     N vendor files without claims
  OUT/naive/*.toml     ten quotes per vendor: sentences of the whole page's text as Python's
                       HTML parser reads it, selectors ignored; about one in eight is not in the
                       text vcaudit extracts (navigation, text split over blocks): a worst case
  OUT/copied/*.toml    only with STORE, the store of a `watch` run of OUT/plain: ten quotes per
                       vendor copied from the text vcaudit extracted, as a reader copies them from
                       the page, every twentieth with its last word changed so that it is gone

usage: quotes.py CORPUS_DIR N PORT OUT_DIR [STORE]
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


def stored_sentences(store, vendor):
    """The sentences of 40 to 160 characters of the text the store holds for the vendor's page."""
    folder = os.path.join(store, vendor, "page")
    meta = json.load(open(os.path.join(folder, "meta.json")))
    text = open(os.path.join(folder, f"text-{meta['text_sha256']}.txt"), encoding="utf-8").read()
    found = [
        s
        for line in text.splitlines()
        for s in re.split(r"(?<=[.!?]) ", line)
        if 40 <= len(s) <= 160 and '"' not in s
    ]
    return found or [text[:80]]


def claims_toml(quotes):
    return "".join(
        f'\n[terms.{term}]\nvalue = false\nsource = "page"\nverified = 2020-01-01\n'
        f'confidence = "medium"\nquote = {toml_str(q)}\n'
        for term, q in zip(TERMS, quotes)
    )


def main():
    corpus, n, port, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    store = sys.argv[5] if len(sys.argv) > 5 else None
    docs = documents(corpus)
    kinds = ("naive", "plain", "copied") if store else ("naive", "plain")
    for kind in kinds:
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
        naive = [found[(i + k) % len(found)] for k in range(len(TERMS))]
        open(os.path.join(out, "naive", vendor + ".toml"), "w").write(head + claims_toml(naive))
        open(os.path.join(out, "plain", vendor + ".toml"), "w").write(head)
        if store:
            own = stored_sentences(store, vendor)
            copied = [own[(i + k) % len(own)] for k in range(len(TERMS))]
            for k in range(len(copied)):
                if (i * len(TERMS) + k) % 20 == 19:
                    copied[k] = copied[k].rsplit(" ", 1)[0] + " otherwise"
            open(os.path.join(out, "copied", vendor + ".toml"), "w").write(head + claims_toml(copied))
    json.dump(pages, open(os.path.join(out, "pages.json"), "w"))
    print(f"{n} pages, {len(TERMS) * n} quotes per catalogue with claims", file=sys.stderr)


if __name__ == "__main__":
    main()
