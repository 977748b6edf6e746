#!/usr/bin/env bash
#===- utils/fuzz.sh - build and run the s2s fuzzers ------------------------===#
#
#   utils/fuzz.sh [SECONDS]   build the libFuzzer harnesses of tools/fuzzers
#                             with clang-22 (-fsanitize=fuzzer,address,
#                             undefined) and run each for SECONDS (default 60)
#                             on its committed corpus (tools/fuzzers/corpus/);
#                             new inputs go to build-fuzz/corpus/, crashes to
#                             build-fuzz/crashes/. Exits non-zero on a crash.
#
# Installs clang-22 and libclang-rt-22-dev with apt-get when missing.
#
#===----------------------------------------------------------------------===#

set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_EACH=${1:-60}
OUT=${FUZZ_DIR:-$ROOT/build-fuzz}
LLVM=/usr/lib/llvm-22

for pkg in clang-22 libclang-rt-22-dev llvm-22-dev; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$pkg"
  fi
done

mkdir -p "$OUT/bin" "$OUT/crashes"
CXXFLAGS=(-std=c++17 -O1 -g -fno-omit-frame-pointer
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
  -DONNX_ML=1 -DONNX_NAMESPACE=onnx
  -I"$ROOT/include" -I"$LLVM/include")
LIBS=(-L"$LLVM/lib" -Wl,-rpath,"$LLVM/lib" -lLLVM -lonnx_proto -lprotobuf)

# fuzzer name -> sources (the harness and the code under test, instrumented).
declare -A SOURCES=(
  [npy-fuzzer]="tools/fuzzers/npy-fuzzer/npy-fuzzer.cpp lib/Runtime/Npy.cpp"
  [tensorproto-fuzzer]="tools/fuzzers/tensorproto-fuzzer/tensorproto-fuzzer.cpp lib/Runtime/TensorProto.cpp lib/Runtime/Npy.cpp"
)
declare -A CORPUS=([npy-fuzzer]=npy [tensorproto-fuzzer]=tensorproto)

status=0
for fuzzer in "${!SOURCES[@]}"; do
  echo "==> building $fuzzer"
  # shellcheck disable=SC2086
  clang++-22 "${CXXFLAGS[@]}" ${SOURCES[$fuzzer]} "${LIBS[@]}" -o "$OUT/bin/$fuzzer"
  corpus="$OUT/corpus/${CORPUS[$fuzzer]}"
  mkdir -p "$corpus"
  echo "==> running $fuzzer for ${SECONDS_EACH}s"
  if ! "$OUT/bin/$fuzzer" -max_total_time="$SECONDS_EACH" -timeout=10 \
      -rss_limit_mb=4096 -artifact_prefix="$OUT/crashes/$fuzzer-" \
      -print_final_stats=1 \
      "$corpus" "$ROOT/tools/fuzzers/corpus/${CORPUS[$fuzzer]}" \
      2>&1 | tee "$OUT/$fuzzer.log" | grep -E "^#[0-9]+ +(INITED|DONE)|ERROR|stat::|SUMMARY"; then
    :
  fi
  if grep -qE "ERROR: (libFuzzer|AddressSanitizer|UndefinedBehaviorSanitizer)|runtime error:" "$OUT/$fuzzer.log"; then
    echo "==> $fuzzer: crash, see $OUT/crashes/ and $OUT/$fuzzer.log"
    status=1
  else
    echo "==> $fuzzer: no crash"
  fi
done
exit $status
