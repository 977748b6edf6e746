#!/usr/bin/env bash
# Compiles the date translator (dates.mlir) into a shared library with
# s2s-compile, its trained weights inside, builds examples/aot/translate.cpp
# against it, and translates the sentences given on the command line (by
# default the sample sentences of data/sentences.txt and a few more),
# printing each translation and the time per sentence.
#
#   examples/dates/translate.sh [S2S_COMPILE [WORK_DIR]] [-- SENTENCE...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# Up to two positional arguments, then the sentences after `--`.
positional=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  positional+=("$1")
  shift
done
[ $# -gt 0 ] && shift
if [ ${#positional[@]} -gt 2 ]; then
  echo "usage: $0 [S2S_COMPILE [WORK_DIR]] [-- SENTENCE...]" >&2
  exit 2
fi
s2s_compile=${positional[0]:-s2s-compile}
work=${positional[1]:-$(mktemp -d)}
sentences=("$@")
if [ ${#sentences[@]} -eq 0 ]; then
  mapfile -t sentences < "$here/data/sentences.txt"
  sentences+=("the twenty-first of june 1987" "sunday, january 5th 2031"
              "february 2, twenty twelve"
              "the 30th of october nineteen sixty-nine")
fi
mkdir -p "$work"
# The trained weights go into the library (each weights/NAME.npy binds the
# argument NAME): translate.cpp passes the sentences alone.
"$s2s_compile" "$here/dates.mlir" --bind="$here/weights" --emit=shared \
  -o "$work/libdates.so" --header="$work/dates.h"
"${CXX:-c++}" -std=c++17 -O2 -I"$work" -I"$here/../aot" \
  "$here/../aot/translate.cpp" "$work/libdates.so" -Wl,-rpath,"$work" \
  -o "$work/translate"
exec "$work/translate" "$here/weights" "${sentences[@]}"
