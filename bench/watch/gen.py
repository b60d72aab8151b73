#!/usr/bin/env python3
"""Writes the inputs of the watch benchmark for N pages served by serve.py on PORT:

  OUT/pages.json          the snapshot file behind each page (the real HTML snapshots of
                          CORPUS/MANIFEST.toml, round-robin)
  OUT/catalogue/bench.toml a vcaudit vendor file with N documents, each with the CSS selectors
                          of the document's Open Terms Archive declaration
  OUT/urls.yaml           the same N jobs for urlwatch: the same CSS selectors (`exclude` for
                          the removed parts), then html2text

usage: gen.py CORPUS_DIR N PORT OUT_DIR
"""
import json
import os
import sys
import tomllib


def as_list(v):
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [x for x in v if isinstance(x, str)]


def documents(corpus):
    manifest = tomllib.load(open(os.path.join(corpus, "MANIFEST.toml"), "rb"))
    out = []
    for doc in manifest["document"]:
        folder = os.path.join(corpus, doc["folder"])
        decl = json.load(open(os.path.join(folder, "declaration.json")))
        terms = decl.get("documents") or decl.get("terms") or {}
        d = terms.get(doc["document_type"], {})
        select, remove = as_list(d.get("select")) or ["body"], as_list(d.get("remove"))
        snaps = sorted(os.listdir(os.path.join(folder, "snapshots")))
        for s in snaps:
            if s.endswith(".html"):
                out.append((os.path.join(folder, "snapshots", s), select, remove))
    return out


def toml_str(s):
    return json.dumps(s)


def main():
    corpus, n, port, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    docs = documents(corpus)
    os.makedirs(os.path.join(out, "catalogue"), exist_ok=True)
    pages, cat, urls = [], [], []
    cat.append(
        'id = "bench"\nname = "Benchmark pages"\ncompany = "Benchmark"\nheadquarters = "NL"\n'
        'open_source = false\nself_hostable = false\nstatus = "active"\n'
    )
    for i in range(n):
        path, select, remove = docs[i % len(docs)]
        pages.append(path)
        url = f"http://127.0.0.1:{port}/{i}.html"
        cat.append(
            f'\n[[documents]]\nid = "doc-{i:05d}"\nkind = "privacy-policy"\nurl = {toml_str(url)}\n'
            f"select = [{', '.join(map(toml_str, select))}]\n"
            f"remove = [{', '.join(map(toml_str, remove))}]\n"
        )
        css = {"selector": ", ".join(select)}
        if remove:
            css["exclude"] = ", ".join(remove)
        urls.append(json.dumps({"name": f"doc-{i:05d}", "url": url, "filter": [{"css": css}, "html2text"]}))
    json.dump(pages, open(os.path.join(out, "pages.json"), "w"))
    open(os.path.join(out, "catalogue", "bench.toml"), "w").write("".join(cat))
    # JSON is YAML: one document per job.
    open(os.path.join(out, "urls.yaml"), "w").write("\n---\n".join(urls) + "\n")
    total = sum(os.path.getsize(p) for p in pages)
    print(f"{n} pages, {total / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
