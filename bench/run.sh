#!/bin/sh
# Audit and validate benchmark: generates catalogues of 10, 100, 1,000 and 10,000 vendors (copies
# of the shipped vendor files with new ids) and times `vcaudit audit --format json` and
# `vcaudit validate` on each with hyperfine. Results go to $BENCH_DIR (default /tmp/vcaudit-bench): audit.md, audit.json.
#
# usage: bench/run.sh [SIZES...]        (default: 10 100 1000 10000)
# needs: cargo, python3, hyperfine (`apt-get install -y hyperfine`)
# env:   VCAUDIT_BIN (measure this binary, no build), BENCH_DIR, RUNS (hyperfine --min-runs, 5)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${*:-10 100 1000 10000}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/vcaudit-bench}
out="$work"
mkdir -p "$work" "$out"

# VCAUDIT_BIN=path measures that binary instead of building one.
if [ -n "${VCAUDIT_BIN:-}" ]; then
    bin=$VCAUDIT_BIN
else
    cargo build --release --manifest-path "$root/Cargo.toml" >&2
    bin=${CARGO_TARGET_DIR:-$root/target}/release/vcaudit
fi

for n in $sizes; do
    if [ ! -d "$work/cat-$n" ]; then
        python3 "$root/bench/gen_catalogue.py" "$root/vendors" "$n" "$work/cat-$n"
    fi
    # A catalogue that does not validate would measure the error path, not the audit.
    "$bin" validate --catalogue "$work/cat-$n" >/dev/null
done

set --
for n in $sizes; do
    set -- "$@" "$bin audit --format json --catalogue $work/cat-$n"
done
for n in $sizes; do
    set -- "$@" "$bin validate --catalogue $work/cat-$n"
done
hyperfine --warmup 1 --min-runs "${RUNS:-5}" --output=pipe --shell=none \
    --export-markdown "$out/audit.md" --export-json "$out/audit.json" "$@"

# Cost per vendor: time divided by the number of vendors; flat means linear growth.
python3 - "$out/audit.json" <<'PY'
import json, re, sys
rows = json.load(open(sys.argv[1]))["results"]
print("\ncommand   vendors   mean s   user s   ms per vendor")
for r in rows:
    n = int(re.search(r"cat-(\d+)", r["command"]).group(1))
    cmd = "audit" if " audit " in r["command"] else "validate"
    print(f"{cmd:9} {n:7d} {r['mean']:8.3f} {r['user']:8.3f} {1000 * r['mean'] / n:12.3f}")
PY
