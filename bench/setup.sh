#!/usr/bin/env bash
#===- bench/setup.sh - install what the benchmark suite needs -------------===#
#
# Installs with apt-get (as root or via sudo), only what is missing:
#   python3-numpy, python3-torch   the PyTorch side of the comparison
#   libopenblas0-pthread           OpenBLAS: the sgemm reference rate, and the
#                                  BLAS behind Debian's torch (BLAS_INFO=generic,
#                                  it calls libblas.so.3)
#   libdnnl-dev, g++               oneDNN, a peer of the comparison
#                                  (bench/peers/onednn.cpp, built by run.py)
#   nodejs (npm), python3-onnx     ONNX Runtime, a peer: onnxruntime-node from
#                                  the npm registry, pinned by
#                                  bench/peers/package-lock.json (npm ci), fed
#                                  ONNX models that run.py writes
# then makes sure the libblas.so.3 alternative points at OpenBLAS, not at the
# reference BLAS of libblas3.
#
#===----------------------------------------------------------------------===#

set -euo pipefail

PACKAGES=(python3 python3-numpy python3-torch libopenblas0-pthread libdnnl-dev g++
          nodejs python3-onnx)
ALT=libblas.so.3-x86_64-linux-gnu
MULTIARCH=x86_64-linux-gnu
OPENBLAS_BLAS=/usr/lib/$MULTIARCH/openblas-pthread/libblas.so.3

log() { printf '==> %s\n' "$*"; }

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
fi

# libblas.so.3 must resolve to OpenBLAS. Installing libopenblas0-pthread
# registers it with a higher priority than the reference BLAS, so "auto" mode
# picks it; a manual selection of another BLAS is overridden here.
current=$(update-alternatives --query "$ALT" 2>/dev/null | sed -n 's/^Value: //p')
if [ "$current" != "$OPENBLAS_BLAS" ]; then
  log "selecting OpenBLAS for libblas.so.3 (was: ${current:-none})"
  "${sudo[@]}" update-alternatives --set "$ALT" "$OPENBLAS_BLAS"
fi
update-alternatives --display "$ALT"
resolved=$(readlink -f "/usr/lib/$MULTIARCH/libblas.so.3")
case "$resolved" in
  *openblas*) log "libblas.so.3 -> $resolved (OpenBLAS)" ;;
  *)
    echo "error: libblas.so.3 resolves to $resolved, not OpenBLAS" >&2
    exit 1
    ;;
esac

# ONNX Runtime: the package-lock's exact versions (npm ci), unless they are
# there already. bench/peers/.npmrc skips the package's download of CUDA
# binaries; its CPU provider ships inside the package.
# Debian's nodejs comes without npm (a package of its own); other builds of
# nodejs bring it.
if ! command -v npm >/dev/null; then
  log "installing npm"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq npm
fi
PEERS_DIR=$(cd "$(dirname "$0")" && pwd)/peers
STAMP=$PEERS_DIR/node_modules/.s2s-package-lock.json
if ! cmp -s "$PEERS_DIR/package-lock.json" "$STAMP"; then
  log "installing onnxruntime-node (npm ci in $PEERS_DIR)"
  (cd "$PEERS_DIR" && npm ci --no-audit --no-fund)
  cp "$PEERS_DIR/package-lock.json" "$STAMP"
fi
