#!/bin/sh
# Renders the shipped catalogue through every report command, format and language into DIR, so
# that two builds can be compared file by file (`diff -r before after`). Spreadsheets are unpacked
# and their document properties (which hold the time of writing) left out.
#
# usage: bench/snapshot.sh BIN DIR
#   BIN  the vcaudit binary to run
#   DIR  where the outputs go (created; existing files are replaced)
# needs: unzip
set -eu

bin=$1
dir=$2
mkdir -p "$dir"
day=2026-12-06

run() {
    name=$1
    shift
    "$bin" --color never --as-of "$day" "$@" >"$dir/$name" 2>"$dir/$name.err" || echo "exit $?" >>"$dir/$name.err"
}

for lang in en nl; do
    for fmt in table json markdown csv html; do
        run "audit.$lang.$fmt" --lang "$lang" audit --format "$fmt"
        run "show-zoom.$lang.$fmt" --lang "$lang" show zoom/education --format "$fmt"
        run "show-teams.$lang.$fmt" --lang "$lang" show microsoft-teams --format "$fmt"
        run "compare.$lang.$fmt" --lang "$lang" compare zoom/education microsoft-teams/education \
            google-meet/education bigbluebutton/self-hosted whereby/meetings --format "$fmt"
    done
    for fmt in table json markdown; do
        run "criteria.$lang.$fmt" --lang "$lang" criteria --format "$fmt"
    done
    for cmd in audit show compare; do
        case $cmd in
        audit) args="" ;;
        show) args="zoom/education" ;;
        compare) args="zoom/education bigbluebutton/self-hosted" ;;
        esac
        # shellcheck disable=SC2086
        "$bin" --color never --as-of "$day" --lang "$lang" $cmd $args -o "$dir/$cmd.$lang.xlsx" 2>/dev/null || true
        if [ -f "$dir/$cmd.$lang.xlsx" ]; then
            rm -rf "$dir/$cmd.$lang.xlsx.d"
            unzip -q -o "$dir/$cmd.$lang.xlsx" -d "$dir/$cmd.$lang.xlsx.d"
            rm -f "$dir/$cmd.$lang.xlsx" "$dir/$cmd.$lang.xlsx.d/docProps/core.xml"
        fi
    done
    run "validate.$lang" --lang "$lang" validate --coverage
    run "validate.$lang.json" --lang "$lang" validate --coverage --format json
    run "advise-list.$lang" --lang "$lang" advise --list
    for s in live-lesson recording-external publish-images; do
        run "advise-$s.$lang" --lang "$lang" advise "$s"
        run "advise-$s.$lang.json" --lang "$lang" advise "$s" --format json
    done
    run "notice-zoom.$lang" --lang "$lang" notice zoom/education --school "De Linde"
    run "notice-teams.$lang" --lang "$lang" notice microsoft-teams/education
    run "notice-bbb.$lang" --lang "$lang" notice bigbluebutton/self-hosted
done
run "schema.json" schema
run "bad-vendor" show no-such-vendor
