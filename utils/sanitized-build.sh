#!/usr/bin/env bash
#===- utils/sanitized-build.sh - build s2s with ASan and UBSan -------------===#
#
#   utils/sanitized-build.sh [TARGET...]
#                             configures (once) and builds the sanitized build
#                             in SANITIZE_BUILD_DIR (default build-sanitize/):
#                             clang-22, -O1 with assertions,
#                             -fsanitize=address,undefined (LLVM's
#                             LLVM_USE_SANITIZER="Address;Undefined"), the
#                             code instrumented for libFuzzer's coverage and
#                             the fuzzers of tools/fuzzers built too. Builds
#                             TARGETs, or everything and the docs.
#
# Installs what ./build.sh needs, clang-22 and libclang-rt-22-dev with
# apt-get when missing. Used by `./build.sh sanitize` (the lit suite on this
# build), `./build.sh test` and utils/fuzz.sh.
#
#===----------------------------------------------------------------------===#

set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}

# What every build needs (cmake, ninja, LLVM/MLIR, ONNX, ...), then clang.
"$ROOT/build.sh" deps
missing=()
for pkg in clang-22 libclang-rt-22-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "==> installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
fi

if [ ! -f "$BUILD/build.ninja" ]; then
  echo "==> configuring the sanitized build in $BUILD"
  # -O1 without NDEBUG: assertions on, the sanitizers' usual speed. No
  # Python module: an extension built with ASan loads only into a Python
  # that starts with the ASan runtime.
  cmake -G Ninja -S "$ROOT" -B "$BUILD" \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_FLAGS_RELEASE=-O1 -DCMAKE_CXX_FLAGS_RELEASE=-O1 \
    -DLLVM_USE_SANITIZER="Address;Undefined" \
    -DS2S_BUILD_FUZZERS=ON \
    -DS2S_ENABLE_PYTHON=OFF
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(all s2s-doc-gen)
echo "==> building ${targets[*]} (sanitized)"
ninja -C "$BUILD" -j "${JOBS:-2}" "${targets[@]}"
