#!/usr/bin/env bash
#===- build.sh - set up, build and run s2s --------------------------------===#
#
# One entry point for a new user on Debian 12 (as root or with sudo):
#
#   ./build.sh example   install what is missing, build, compile and run the
#                        Seq2Seq example (prints its tokens and time per call)
#                        and the trained date translator (prints sentences
#                        and their translations, time per sentence)
#   ./build.sh test      install what is missing, build, run the whole test suite
#                        (lit, its numeric variants, lit again on the ASan +
#                        UBSan build, the fuzzers briefly)
#   ./build.sh build     install what is missing and build only
#   ./build.sh deps      install what is missing (Debian packages) only
#   ./build.sh sanitize  install what is missing, build with ASan and UBSan
#                        (build-sanitize/, utils/sanitized-build.sh) and run
#                        the lit suite on that build
#   ./build.sh bench [OPTIONS]
#                        install what is missing (bench/setup.sh: NumPy,
#                        PyTorch, OpenBLAS, oneDNN, ONNX Runtime), build,
#                        run the benchmark suite
#                        (bench/run.py OPTIONS, e.g. --threads 1 --filter mha)
#
# Environment: BUILD_DIR (default: build), JOBS (default: 2).
#
#===----------------------------------------------------------------------===#

set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
JOBS=${JOBS:-2}
LLVM_BIN=/usr/lib/llvm-22/bin

PACKAGES=(
  cmake
  g++
  g++-12-aarch64-linux-gnu
  llvm-22-dev
  llvm-22-tools
  libmlir-22-dev
  libomp-22-dev
  libonnx-dev
  libprotobuf-dev
  mlir-22-tools
  ninja-build
  protobuf-compiler
  pybind11-dev
  python3
  python3-dev
  python3-numpy
  qemu-user
  zlib1g-dev
)

log() { printf '==> %s\n' "$*"; }

install_packages() {
  local missing=()
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
}

# The AArch64 OpenMP runtime, for the tests that run code compiled for AArch64
# with --threads above 1 under qemu-aarch64: libomp.so.5 of the arm64 build
# of the package that holds the host's runtime, extracted into
# AARCH64_OPENMP_DIR (installing it would replace the host's files, which
# share its paths). Without it those tests are reported unsupported.
AARCH64_OPENMP_DIR=${S2S_AARCH64_OPENMP_DIR:-/usr/local/lib/s2s-aarch64-openmp}

install_aarch64_openmp() {
  [ -f "$AARCH64_OPENMP_DIR/libomp.so.5" ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  local pkg tmp lib
  pkg=$(dpkg -S "$(readlink -f /usr/lib/llvm-22/lib/libomp.so.5)" | cut -d: -f1) ||
    return 1
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    log "adding the arm64 architecture to apt (for $pkg:arm64)"
    "${sudo[@]}" dpkg --add-architecture arm64
    "${sudo[@]}" apt-get update -qq
  fi
  tmp=$(mktemp -d)
  chmod 755 "$tmp"
  log "extracting $pkg:arm64 into $AARCH64_OPENMP_DIR"
  (cd "$tmp" && apt-get download -qq "$pkg:arm64" 2>/dev/null) &&
    dpkg-deb -x "$tmp"/*.deb "$tmp/root" &&
    lib=$(find "$tmp/root" -name libomp.so.5 -type f | head -n 1) &&
    [ -n "$lib" ] &&
    "${sudo[@]}" mkdir -p "$AARCH64_OPENMP_DIR" &&
    "${sudo[@]}" cp "$lib" "$AARCH64_OPENMP_DIR/libomp.so.5"
  local status=$?
  rm -rf "$tmp"
  return $status
}

install_deps() {
  install_packages
  install_aarch64_openmp ||
    log "warning: no AArch64 OpenMP runtime; the AArch64 tests with" \
        "threads will be unsupported"
}

build() {
  install_deps
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    log "configuring in $BUILD_DIR"
    cmake -G Ninja -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release
  fi
  log "building"
  ninja -C "$BUILD_DIR" -j "$JOBS"
  # check-s2s needs the generated docs too.
  ninja -C "$BUILD_DIR" -j "$JOBS" s2s-doc-gen
}

run_example() {
  build
  log "compiling and running examples/seq2seq/seq2seq_bahdanau.mlir"
  "$ROOT/examples/seq2seq/run.sh" "$BUILD_DIR/bin/s2s-run"
  log "translating dates with the trained model of examples/dates" \
      "(compiled to a shared library, called from examples/aot/translate.cpp)"
  "$ROOT/examples/dates/translate.sh" "$BUILD_DIR/bin/s2s-compile" \
    "$BUILD_DIR/examples/dates"
}

# The numeric suites again with each optimization of the s2s-to-llvm pipeline
# switched off, so that every optimization is checked against its absence,
# with tiny attention and recurrent-step blocks, so that the small golden
# shapes take the multi-block and tail paths of the tiled attention and the
# fused RNN step, and on two threads with every contraction parallel,
# however small. An attention optimization and a recurrent one share a
# variant: each changes only its own ops.
OPTIMIZATION_OFF_VARIANTS=(
  "raise-attention=false hoist-rnn-input=false"
  "approximate-math=false"
  "fuse-elementwise=false"
  "pack-qkv=false fuse-rnn-steps=false"
  "tile-attention=false"
  "lower-contractions=false"
  "attention-block-q=8 attention-block-k=8 rnn-block-units=2 rnn-block-rows=1 attention-key-splits=16"
  "pack-min-rows=0"
  "plan-buffers=false"
  "threads=2 parallel-min-flops=0 rnn-parallel-min-flops=0 pack-min-rows=1 attention-block-q=8 attention-block-k=8 attention-key-splits=16 rnn-block-units=3 rnn-block-rows=2"
)

# run_lit LOG ARGS...: runs lit, adds its counts to total_passed and
# total_failed, sets status to 1 when lit fails.
total_passed=0
total_failed=0
status=0
run_lit() {
  local log_file=$1 rc=0
  shift
  "$LLVM_BIN/lit" -sv "$@" 2>&1 | tee "$log_file" || rc=$?
  # lit's summary lines look like "  Passed: 12 (100.00%)", or aligned
  # when several kinds are listed: "  Passed     : 12 (98.71%)".
  count() {
    local n
    n=$(sed -n "s/^ *$1 *: *\([0-9]*\).*/\1/p" "$log_file" | head -n 1)
    echo "${n:-0}"
  }
  local passed failed
  passed=$(( $(count 'Passed') + $(count 'Expectedly Failed') ))
  failed=$(( $(count 'Failed') + $(count 'Unexpectedly Passed') \
           + $(count 'Unresolved') + $(count 'Timed Out') ))
  [ "$rc" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
  total_passed=$(( total_passed + passed ))
  total_failed=$(( total_failed + failed ))
  [ "$rc" -eq 0 ] || status=1
}

run_tests() {
  build
  log "running the lit suite"
  run_lit "$BUILD_DIR/lit.log" "$BUILD_DIR/test"
  local i=0
  for variant in "${OPTIMIZATION_OFF_VARIANTS[@]}"; do
    log "running the numeric tests with $variant"
    run_lit "$BUILD_DIR/lit-variant-$i.log" \
      --param "s2s_pipeline_options=$variant" \
      "$BUILD_DIR/test/Integration" "$BUILD_DIR/test/Examples" \
      "$BUILD_DIR/test/ONNX/torch" "$BUILD_DIR/test/ONNX/reference"
    i=$(( i + 1 ))
  done
  run_sanitized_lit
  # The fuzzers, briefly, on their committed corpus (utils/fuzz.sh for
  # longer runs): one test each. They are built in the sanitized build.
  log "running the fuzzers for ${FUZZ_SECONDS:-15}s each"
  local fuzz_log="$BUILD_DIR/fuzz.log"
  FUZZ_DIR="$BUILD_DIR/fuzz" "$ROOT/utils/fuzz.sh" "${FUZZ_SECONDS:-15}" \
    2>&1 | tee "$fuzz_log" || status=1
  total_passed=$(( total_passed + $(grep -c ': no crash$' "$fuzz_log" || true) ))
  total_failed=$(( total_failed + $(grep -c ': crash, see' "$fuzz_log" || true) ))
  echo "$total_passed passed, $total_failed failed"
  [ "$status" -eq 0 ] && [ "$total_failed" -eq 0 ]
}

# The lit suite on the ASan + UBSan build of utils/sanitized-build.sh (the
# compiler, the tools and their readers sanitized, assertions on; the code
# they generate is not instrumented).
run_sanitized_lit() {
  local sanitize_dir=${SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}
  if ! "$ROOT/utils/sanitized-build.sh"; then
    log "the sanitized build failed"
    total_failed=$(( total_failed + 1 ))
    status=1
    return 0
  fi
  log "running the lit suite on the sanitized build"
  # A too-large allocation is an error the tests expect, not a report; and
  # manual poisoning is off (utils/fuzz.sh says why).
  local -x ASAN_OPTIONS="allocator_may_return_null=1:allow_user_poisoning=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
  run_lit "$sanitize_dir/lit.log" "$sanitize_dir/test"
}

run_sanitized_tests() {
  install_packages
  run_sanitized_lit
  echo "$total_passed passed, $total_failed failed"
  [ "$status" -eq 0 ] && [ "$total_failed" -eq 0 ]
}

run_bench() {
  log "installing what the benchmark suite needs"
  "$ROOT/bench/setup.sh"
  build
  log "running the benchmark suite"
  /usr/bin/python3 "$ROOT/bench/run.py" --s2s-bin "$BUILD_DIR/bin" "$@"
}

case "${1:-}" in
  example) run_example ;;
  test) run_tests ;;
  build) build ;;
  bench) shift; run_bench "$@" ;;
  sanitize) run_sanitized_tests ;;
  deps) install_deps ;;
  *)
    echo "usage: $0 example|test|build|sanitize|deps|bench [bench/run.py options]" >&2
    exit 2
    ;;
esac
