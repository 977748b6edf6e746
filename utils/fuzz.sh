#!/usr/bin/env bash
#===- utils/fuzz.sh - build and run the s2s fuzzers ------------------------===#
#
#   utils/fuzz.sh [SECONDS [FUZZER...]]
#                             build the libFuzzer harnesses of tools/fuzzers
#                             with clang-22 (-fsanitize=fuzzer,address,
#                             undefined) and run each for SECONDS (default 60)
#                             on its committed corpus (tools/fuzzers/corpus/);
#                             new inputs go to build-fuzz/corpus/, crashes to
#                             build-fuzz/crashes/. Exits non-zero on a crash.
#
# Installs clang-22 and libclang-rt-22-dev with apt-get when missing. The
# importer harness takes the generated headers of the build in BUILD_DIR
# (default: build/; ./build.sh build makes it).
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

BUILD_DIR=${BUILD_DIR:-$ROOT/build}
if [ ! -f "$BUILD_DIR/include/s2s/Dialect/S2S/IR/S2SOps.h.inc" ]; then
  echo "utils/fuzz.sh: the importer harness needs the generated headers of a" \
    "build in $BUILD_DIR: run ./build.sh build first (or set BUILD_DIR)" >&2
  exit 2
fi
mkdir -p "$OUT/bin" "$OUT/crashes"

# fuzzer name -> sources (the harness and the code under test, instrumented;
# MLIR, LLVM and protobuf are the installed shared libraries).
declare -A SOURCES=(
  [npy-fuzzer]="tools/fuzzers/npy-fuzzer/npy-fuzzer.cpp lib/Runtime/Npy.cpp"
  [tensorproto-fuzzer]="tools/fuzzers/tensorproto-fuzzer/tensorproto-fuzzer.cpp lib/Runtime/TensorProto.cpp lib/Runtime/Npy.cpp"
  [onnx-import-fuzzer]="tools/fuzzers/onnx-import-fuzzer/onnx-import-fuzzer.cpp $(cd "$ROOT" && echo lib/Import/ONNX/*.cpp lib/Dialect/S2S/IR/*.cpp lib/Runtime/*.cpp)"
)
declare -A CORPUS=([npy-fuzzer]=npy [tensorproto-fuzzer]=tensorproto
  [onnx-import-fuzzer]=onnx)

# A ninja file: objects are compiled once each, in parallel, and again only
# when a source or a header they include changes.
{
  echo "cxxflags = -std=c++17 -O1 -g -fno-omit-frame-pointer" \
    "-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
    "-DONNX_ML=1 -DONNX_NAMESPACE=onnx -I$ROOT/include -I$BUILD_DIR/include" \
    "-I$LLVM/include"
  echo "ldflags = -fsanitize=fuzzer,address,undefined -L$LLVM/lib" \
    "-Wl,-rpath,$LLVM/lib -lMLIR -lLLVM -lonnx_proto -lprotobuf"
  echo "rule cxx"
  echo "  command = clang++-22 \$cxxflags -MMD -MF \$out.d -c \$in -o \$out"
  echo "  depfile = \$out.d"
  echo "  deps = gcc"
  echo "rule link"
  echo "  command = clang++-22 \$in \$ldflags -o \$out"
  declare -A seen=()
  for fuzzer in "${!SOURCES[@]}"; do
    objs=()
    for src in ${SOURCES[$fuzzer]}; do
      obj="obj/${src%.cpp}.o"
      objs+=("$obj")
      [ -n "${seen[$obj]:-}" ] && continue
      seen[$obj]=1
      echo "build $obj: cxx $ROOT/$src"
    done
    echo "build bin/$fuzzer: link ${objs[*]}"
  done
} > "$OUT/build.ninja"
echo "==> building the fuzzers"
ninja -C "$OUT" -j "${JOBS:-2}"

shift || true
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${!SOURCES[@]}")

status=0
for fuzzer in "${selected[@]}"; do
  if [ -z "${SOURCES[$fuzzer]:-}" ]; then
    echo "utils/fuzz.sh: no fuzzer '$fuzzer' (there are: ${!SOURCES[*]})" >&2
    exit 2
  fi
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
  if grep -qE "ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer)|runtime error:" "$OUT/$fuzzer.log"; then
    echo "==> $fuzzer: crash, see $OUT/crashes/ and $OUT/$fuzzer.log"
    status=1
  else
    echo "==> $fuzzer: no crash"
  fi
done
exit $status
