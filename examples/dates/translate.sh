#!/usr/bin/env bash
# Compiles the date translator (dates.mlir) into a shared library with
# s2s-compile, builds examples/aot/translate.cpp against it, and translates
# the sentences given on the command line (by default the sample sentences
# of data/sentences.txt and a few more), printing each translation and the
# time per sentence.
#
#   examples/dates/translate.sh [S2S_COMPILE [WORK_DIR]] [-- SENTENCE...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
s2s_compile=${1:-s2s-compile}
work=${2:-$(mktemp -d)}
shift $(( $# < 2 ? $# : 2 ))
if [ "${1:-}" = "--" ]; then
  shift
fi
sentences=("$@")
if [ ${#sentences[@]} -eq 0 ]; then
  mapfile -t sentences < "$here/data/sentences.txt"
  sentences+=("the twenty-first of june 1987" "sunday, january 5th 2031"
              "february 2, twenty twelve"
              "the 30th of october nineteen sixty-nine")
fi
mkdir -p "$work"
"$s2s_compile" "$here/dates.mlir" --emit=shared -o "$work/libdates.so" \
  --header="$work/dates.h"
"${CXX:-c++}" -std=c++17 -O2 -I"$work" -I"$here/../aot" \
  "$here/../aot/translate.cpp" "$work/libdates.so" -Wl,-rpath,"$work" \
  -o "$work/translate"
exec "$work/translate" "$here/weights" "${sentences[@]}"
