#!/bin/sh
# Watch benchmark: `vcaudit watch` against urlwatch 2.29 on the same N real policy pages, served
# by serve.py on 127.0.0.1 with ETag/Last-Modified support. For each N: a first run (every page
# new) and a re-check with nothing changed (conditional requests answered 304), each measured
# with /usr/bin/time: wall time, CPU time (user + system) and peak memory (max RSS). With ROUNDS=k
# the two tools take turns k times (each round starts from an empty cache and store) and the
# tables give the median of each measure: on a shared machine one run can be far off.
#
# usage: bench/watch/run.sh [N...]     (default: 100 500)
# needs: cargo, python3, `pip install urlwatch==2.29 html2text`, /usr/bin/time (GNU time)
# env:   CORPUS (default ../shared/corpus/policies next to the repository), PORT (18181),
#        BENCH_DIR (/tmp/vcaudit-watch-bench), VCAUDIT_ONLY=1 or URLWATCH_ONLY=1 to run one tool,
#        ROUNDS (1)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=${*:-100 500}
corpus=${CORPUS:-$root/../shared/corpus/policies}
[ -d "$corpus" ] || corpus=/work/shared/corpus/policies
port=${PORT:-18181}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/vcaudit-watch-bench}
mkdir -p "$work"

# VCAUDIT_BIN=path measures that binary instead of building one.
if [ -n "${VCAUDIT_BIN:-}" ]; then
    bin=$VCAUDIT_BIN
else
    cargo build --release --manifest-path "$root/Cargo.toml" >&2
    bin=${CARGO_TARGET_DIR:-$root/target}/release/vcaudit
fi
results="$work/results.tsv"
printf 'pages\ttool\trun\twall_s\tcpu_s\tpeak_mb\texit\n' > "$results"

# measure N TOOL RUN COMMAND...: runs the command, appends one row to the results.
measure() {
    n=$1 tool=$2 run=$3
    shift 3
    set +e
    /usr/bin/time -f '%e %U %S %M' -o "$dir/time" "$@" > "$dir/$tool-$run.out" 2>&1
    code=$?
    set -e
    read -r wall user sys rss < "$dir/time"
    cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
    mb=$(python3 -c "print(f'{$rss / 1024:.0f}')")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$run" "$wall" "$cpu" "$mb" "$code" >> "$results"
    printf '%5s %-9s %-8s wall %6ss  cpu %6ss  peak %5s MB  exit %s\n' "$n" "$tool" "$run" "$wall" "$cpu" "$mb" "$code" >&2
}

for n in $sizes; do
    dir="$work/n$n"
    rm -rf "$dir"
    mkdir -p "$dir"
    python3 "$here/gen.py" "$corpus" "$n" "$port" "$dir"
    python3 "$here/serve.py" "$dir/pages.json" "$port" > "$dir/server.log" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null' EXIT INT TERM
    python3 - "$port" <<'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/0.html", timeout=1).read()
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("the page server did not start")
PY
    uw="urlwatch --urls $dir/urls.yaml --config $dir/urlwatch.yaml --cache $dir/cache.db"
    vw="$bin watch --catalogue $dir/catalogue --state $dir/state --concurrency 10 --per-host 10 --color never"
    for round in $(seq "${ROUNDS:-1}"); do
        if [ -z "${VCAUDIT_ONLY:-}" ]; then
            $uw --list > /dev/null 2>&1 || true   # writes the default configuration
            rm -f "$dir/cache.db"
            measure "$n" urlwatch first $uw
            measure "$n" urlwatch recheck $uw
        fi
        if [ -z "${URLWATCH_ONLY:-}" ]; then
            rm -rf "$dir/state"
            measure "$n" vcaudit first $vw
            measure "$n" vcaudit recheck $vw
        fi
    done
    kill $server 2>/dev/null || true
    wait $server 2>/dev/null || true
    trap - EXIT INT TERM
done

# Ratios urlwatch / vcaudit per N and run (higher is better for vcaudit).
python3 - "$results" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
# One row per pages, tool and run: the median of each measure over the rounds.
groups = {}
for r in rows:
    groups.setdefault((r["pages"], r["tool"], r["run"]), []).append(r)
by = {}
for key, rs in groups.items():
    med = lambda k: statistics.median(float(r[k]) for r in rs)
    by[key] = {"wall_s": f"{med('wall_s'):.2f}", "cpu_s": f"{med('cpu_s'):.2f}", "peak_mb": f"{med('peak_mb'):.0f}",
               "exit": ",".join(sorted({r["exit"] for r in rs})), "rounds": len(rs),
               "walls": " ".join(r["wall_s"] for r in rs)}
print("| pages | tool | run | rounds | wall s (median) | CPU s | peak MB | exit | wall s of each round |")
print("|---:|---|---|---:|---:|---:|---:|---:|---|")
for (n, tool, run), r in by.items():
    print(f"| {n} | {tool} | {run} | {r['rounds']} | {r['wall_s']} | {r['cpu_s']} | {r['peak_mb']} | {r['exit']} | {r['walls']} |")
lines = []
for (n, tool, run), r in by.items():
    if tool != "vcaudit" or (n, "urlwatch", run) not in by:
        continue
    u = by[(n, "urlwatch", run)]
    ratio = lambda k: float(u[k]) / max(float(r[k]), 0.005)
    # The tools take turns, so round i of one and round i of the other ran under the same load.
    pairs = zip(groups[(n, "urlwatch", run)], groups[(n, tool, run)])
    each = " ".join(f"{float(a['wall_s']) / max(float(b['wall_s']), 0.005):.1f}" for a, b in pairs)
    lines.append(f"| {n} | {run} | {ratio('wall_s'):.1f}x | {ratio('cpu_s'):.1f}x | {ratio('peak_mb'):.1f}x | {each} |")
if lines:
    print("\n| pages | run | wall urlwatch/vcaudit | CPU urlwatch/vcaudit | memory urlwatch/vcaudit | wall ratio of each round |")
    print("|---:|---|---:|---:|---:|---|")
    print("\n".join(lines))
for n in sorted({r["pages"] for r in rows}, key=int):
    if (n, "vcaudit", "first") in by and (n, "vcaudit", "recheck") in by:
        f, c = by[(n, "vcaudit", "first")], by[(n, "vcaudit", "recheck")]
        print(f"\nvcaudit {n} pages: re-check {float(f['wall_s']) / max(float(c['wall_s']), 0.005):.1f}x faster than the first run")
PY
