#!/bin/sh
# Quote-checking benchmark: the first `watch` run of N pages (the pages of the watch benchmark)
# as N vendors, without claims and with ten quoted claims per vendor (quotes.py), the catalogues
# taking turns ROUNDS times; each run starts from an empty store. Prints the median wall and CPU
# time (user + system) of each catalogue, and how much more the catalogues with quotes took.
#
# usage: bench/watch/quotes.sh [N]     (default: 500)
# needs: cargo, python3, /usr/bin/time (GNU time)
# env:   CORPUS (default ../shared/corpus/policies next to the repository), PORT (18191),
#        BENCH_DIR (/tmp/vcaudit-quotes-bench), STATE_DIR (where the stores go; default
#        BENCH_DIR: a disk, as in use; a tmpfs such as /dev/shm leaves out the disk's flushes,
#        the part of a run that varies most), ROUNDS (5), VCAUDIT_BIN (a binary to measure)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-500}
corpus=${CORPUS:-$root/../shared/corpus/policies}
[ -d "$corpus" ] || corpus=/work/shared/corpus/policies
port=${PORT:-18191}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/vcaudit-quotes-bench}
states=${STATE_DIR:-$work}
rounds=${ROUNDS:-5}
mkdir -p "$work" "$states"

if [ -n "${VCAUDIT_BIN:-}" ]; then
    bin=$VCAUDIT_BIN
else
    cargo build --release --manifest-path "$root/Cargo.toml" >&2
    bin=${CARGO_TARGET_DIR:-$root/target}/release/vcaudit
fi

(cd "$here" && python3 quotes.py "$corpus" "$n" "$port" "$work")
python3 "$here/serve.py" "$work/pages.json" "$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1

# first KIND: a first run of the catalogue KIND into an empty store; appends wall and CPU time.
first() {
    rm -rf "$states/store-$1"
    /usr/bin/time -f "$1 %e %U %S" -a -o "$work/times" \
        "$bin" --catalogue "$work/$1" watch --state "$states/store-$1" \
        --concurrency 10 --per-host 10 --quiet > /dev/null 2>&1 || true
}

# The copied quotes are taken from the text vcaudit extracts: a run of the plain catalogue first.
first plain
(cd "$here" && python3 quotes.py "$corpus" "$n" "$port" "$work" "$states/store-plain")
: > "$work/times"
i=0
while [ "$i" -lt "$rounds" ]; do
    for kind in plain copied naive; do
        first "$kind"
    done
    i=$((i + 1))
done
for kind in copied naive; do
    python3 - "$states/store-$kind/.quotes.json" "$kind" <<'EOF'
import collections, json, sys
book = json.load(open(sys.argv[1]))
states = collections.Counter(c["state"] for c in book["claims"])
print(f"{sys.argv[2]}: {states['confirmed']} quotes confirmed, {states['quote-gone']} gone")
EOF
done
python3 - "$work/times" <<'EOF'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    kind, wall, user, system = line.split()
    runs[kind].append((float(wall), float(user) + float(system)))
median = {k: [statistics.median(x[i] for x in v) for i in (0, 1)] for k, v in runs.items()}
print("catalogue  wall_s  cpu_s  (medians of", len(runs["plain"]), "runs)")
for kind, (wall, cpu) in median.items():
    more = ""
    if kind != "plain":
        w0, c0 = median["plain"]
        more = f"  wall {100 * (wall - w0) / w0:+.1f} %, cpu {100 * (cpu - c0) / c0:+.1f} %"
    print(f"{kind:9}  {wall:6.2f}  {cpu:5.2f}{more}")
EOF
