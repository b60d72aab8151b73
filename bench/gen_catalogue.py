#!/usr/bin/env python3
"""Writes a catalogue of N vendor files into DIR: copies of the shipped vendor files, round-robin,
each with a new id (`<id>-<n>`) and the file name to match, so every copy is a real, valid vendor.

usage: gen_catalogue.py VENDORS_DIR N OUT_DIR
"""
import os
import re
import sys


def main():
    src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    files = sorted(f for f in os.listdir(src) if f.endswith(".toml"))
    texts = [open(os.path.join(src, f), encoding="utf-8").read() for f in files]
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        text = texts[i % len(texts)]
        old = files[i % len(files)][: -len(".toml")]
        new = f"{old}-{i:05d}"
        text, count = re.subn(r'^id = "[^"]*"', f'id = "{new}"', text, count=1, flags=re.M)
        if count != 1:
            sys.exit(f"{files[i % len(files)]}: no top-level id line")
        # Aliases are unique across a catalogue: each copy gets its own.
        text = re.sub(
            r'^aliases = \[(.*)\]',
            lambda m: "aliases = [" + ", ".join(f'"{a.strip().strip(chr(34))}-{i:05d}"' for a in m.group(1).split(",") if a.strip()) + "]",
            text,
            count=1,
            flags=re.M,
        )
        with open(os.path.join(out, new + ".toml"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
