#!/usr/bin/env bash
#===- utils/fuzz.sh - build and run the s2s fuzzers ------------------------===#
#
#   utils/fuzz.sh [SECONDS [FUZZER...]]
#                             build the libFuzzer harnesses of tools/fuzzers
#                             (in the sanitized build of
#                             utils/sanitized-build.sh: clang-22,
#                             -fsanitize=fuzzer,address,undefined) and run
#                             each for SECONDS (default 60) on its committed
#                             corpus (tools/fuzzers/corpus/); new inputs go to
#                             $FUZZ_DIR/corpus/ (default build-fuzz/), crashes
#                             to $FUZZ_DIR/crashes/. Exits non-zero on a crash.
#
# Fuzzers: npy-fuzzer, tensorproto-fuzzer, onnx-import-fuzzer,
# mlir-pipeline-fuzzer (all by default).
#
#===----------------------------------------------------------------------===#

set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_EACH=${1:-60}
OUT=${FUZZ_DIR:-$ROOT/build-fuzz}
BUILD=${SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}

# fuzzer name -> its corpus directory under tools/fuzzers/corpus.
declare -A CORPUS=([npy-fuzzer]=npy [npz-fuzzer]=npz
  [tensorproto-fuzzer]=tensorproto
  [onnx-import-fuzzer]=onnx [mlir-pipeline-fuzzer]=mlir)
# What each input may take: the pipeline compiles whole models.
declare -A TIMEOUT=([npy-fuzzer]=10 [npz-fuzzer]=10 [tensorproto-fuzzer]=10
  [onnx-import-fuzzer]=10 [mlir-pipeline-fuzzer]=60)

shift || true
selected=("$@")
[ ${#selected[@]} -gt 0 ] ||
  selected=(npy-fuzzer npz-fuzzer tensorproto-fuzzer onnx-import-fuzzer
    mlir-pipeline-fuzzer)
for fuzzer in "${selected[@]}"; do
  if [ -z "${CORPUS[$fuzzer]:-}" ]; then
    echo "utils/fuzz.sh: no fuzzer '$fuzzer' (there are: ${!CORPUS[*]})" >&2
    exit 2
  fi
done

"$ROOT/utils/sanitized-build.sh" "${selected[@]}"

# MLIR and LLVM are the installed, uninstrumented libraries, but their
# header-only allocators (llvm::BumpPtrAllocator) are also compiled into the
# instrumented s2s code, where they poison the unused part of each new slab
# (ASan's manual poisoning); the libraries' own copies then hand out memory
# from such a slab without unpoisoning it, and ASan reports a write to it
# (use-after-poison) that is none. Manual poisoning is therefore off; every
# other check stays.
export ASAN_OPTIONS="allow_user_poisoning=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
mkdir -p "$OUT/crashes"

status=0
for fuzzer in "${selected[@]}"; do
  corpus="$OUT/corpus/${CORPUS[$fuzzer]}"
  mkdir -p "$corpus"
  echo "==> running $fuzzer for ${SECONDS_EACH}s"
  if ! "$BUILD/bin/$fuzzer" -max_total_time="$SECONDS_EACH" \
      -timeout="${TIMEOUT[$fuzzer]}" -rss_limit_mb=4096 \
      -artifact_prefix="$OUT/crashes/$fuzzer-" -print_final_stats=1 \
      "$corpus" "$ROOT/tools/fuzzers/corpus/${CORPUS[$fuzzer]}" \
      2>&1 | tee "$OUT/$fuzzer.log" | grep -E "^#[0-9]+ +(INITED|DONE)|ERROR|stat::|SUMMARY"; then
    :
  fi
  if grep -qE "ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer)|runtime error:|^mlir-pipeline-fuzzer: " "$OUT/$fuzzer.log"; then
    echo "==> $fuzzer: crash, see $OUT/crashes/ and $OUT/$fuzzer.log"
    status=1
  else
    echo "==> $fuzzer: no crash"
  fi
done
exit $status
