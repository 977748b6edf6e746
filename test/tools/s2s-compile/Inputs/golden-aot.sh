#!/usr/bin/env bash
# Runs a golden case of test/Integration/Golden through the AOT path:
#
#   golden-aot.sh CXX RUNNER GOLDEN.mlir WORK_DIR [s2s-compile option...]
#
# compiles GOLDEN.mlir with s2s-compile (--emit=obj and the options given,
# e.g. --mtriple=aarch64-linux-gnu), links it with aot-check.cpp (compiled
# once per WORK_DIR) by CXX, statically so that an emulator needs no
# sysroot (with AOT_OPENMP_DIR set: dynamically, with the OpenMP runtime
# found there; the emulator then needs the target's root, e.g. through
# QEMU_LD_PREFIX), and runs the program
# (under RUNNER, e.g. qemu-aarch64; `-` runs it directly) on the inputs,
# expected results and tolerances of the golden case's own s2s-run line
# (or, when AOT_TOLERANCES is set, those it holds, e.g. "--rtol=0 --atol=0
# --scale-tol=0.01" for bf16-weights).
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 CXX RUNNER GOLDEN.mlir WORK_DIR [s2s-compile option...]" >&2
  exit 2
fi
cxx=$1 runner=$2 golden=$3 work=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
dir=$(cd "$(dirname "$golden")" && pwd)
name=$(basename "$golden" .mlir)
mkdir -p "$work"

# The golden case's files, in the order of its RUN lines (%S is its folder).
inputs=() expects=() tolerances=()
while read -r arg; do
  case $arg in
    --input=*) inputs+=("${arg#--input=}") ;;
    --expect=*) expects+=("${arg#--expect=}") ;;
    --rtol=* | --atol=*) tolerances+=("$arg") ;;
  esac
done < <(grep '^// RUN:' "$golden" |
  grep -o -- '--\(input\|expect\|rtol\|atol\)=[^ ]*' | sed "s|%S|$dir|")
if [ ${#inputs[@]} -eq 0 ] || [ ${#expects[@]} -eq 0 ]; then
  echo "error: $golden names no --input or --expect file" >&2
  exit 2
fi

s2s-compile "$golden" --emit=obj -o "$work/$name.o" "$@"
# The driver, compiled once per work directory and compiler.
driver="$work/aot-check-$(basename "$cxx").o"
[ -f "$driver" ] || "$cxx" -std=c++17 -O1 -c -DS2S_ENTRY=_mlir_ciface_main \
  -I"$here/../../../../examples/aot" "$here/aot-check.cpp" -o "$driver"
if [ -n "${AOT_OPENMP_DIR:-}" ]; then
  # Code compiled with --threads above 1 calls the OpenMP runtime: linked
  # from AOT_OPENMP_DIR (dynamically: there is no static libomp), found
  # there when it runs.
  "$cxx" "$driver" "$work/$name.o" -o "$work/$name" -L"$AOT_OPENMP_DIR" \
    -l:libomp.so.5 -Wl,-rpath,"$AOT_OPENMP_DIR" -lm
else
  "$cxx" -static "$driver" "$work/$name.o" -o "$work/$name" -lm
fi
if [ -n "${AOT_TOLERANCES:-}" ]; then
  read -r -a tolerances <<< "$AOT_TOLERANCES"
fi
prefix=()
[ "$runner" = - ] || prefix=("$runner")
echo "$name:"
exec "${prefix[@]}" "$work/$name" "${inputs[@]}" -- "${expects[@]}" \
  "${tolerances[@]}"
