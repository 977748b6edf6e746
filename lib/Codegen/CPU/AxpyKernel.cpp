//===- AxpyKernel.cpp - C += A B with n contiguous
//--------------------------===//
//
// The axpy kernel: C[m, n] += sum_k A[m, k] * B[k, n], n contiguous in B and
// C (p v of attention, q W of Luong's general score, a fused RNN step's block
// of gates). An MR x (NV * VW) tile of C stays in registers while k
// advances, each step broadcasting A[m, k]; the packed kernels run the same
// tile over panels of B.
//
//===----------------------------------------------------------------------===//

#include "KernelEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;
using namespace mlir::s2s::cpu;

/// Column panels outermost: the panel of B (K x nv vectors) stays in cache
/// while every row tile of A passes over it.
void KernelEmitter::emitAxpy() {
  int64_t m = c.loopSizes[c.mDim], n = c.loopSizes[c.nDim];
  int64_t nBlock = axpyVectors * vw;
  int64_t mFull = m / axpyRows * axpyRows;
  int64_t nFull = n / nBlock * nBlock;
  int64_t nVecFull = n / vw * vw;
  // Every row of C against the panel at j0 of nv vectors (`tail` masks a
  // single partial vector).
  auto rowsAgainst = [&](Value j0, int64_t nv, int64_t tail) {
    loop(
        0, mFull, axpyRows,
        [&](Value i) { emitAxpyTile(i, axpyRows, j0, nv, tail); },
        parallelLoop == ParallelLoop::Rows);
    // The remaining rows as one shorter tile.
    if (mFull < m)
      emitAxpyTile(cst(mFull), m - mFull, j0, nv, tail);
  };
  loop(
      0, nFull, nBlock, [&](Value j) { rowsAgainst(j, axpyVectors, 0); },
      parallelLoop == ParallelLoop::Cols);
  // The whole vectors after the last full panel as one narrower panel,
  // then one masked vector.
  if (nVecFull > nFull)
    rowsAgainst(cst(nFull), (nVecFull - nFull) / vw, 0);
  if (nVecFull < n)
    rowsAgainst(cst(nVecFull), 1, n - nVecFull);
}

/// An mr x (nv * vw) tile at (i0, j0); `tail` > 0 masks a single partial
/// vector of that many lanes.
void KernelEmitter::emitAxpyTile(Value i0, int64_t mr, Value j0, int64_t nv,
                                 int64_t tail) {
  Value mask;
  if (tail > 0)
    mask = prefixMask(tail);
  Value zero = zeroVector();
  emitAxpyTileOver(i0, mr, j0, nv, mask, cst(0), cst(c.loopSizes[c.kDim]),
                   [&](Value kIv, int64_t v) {
                     dims[c.kDim] = kIv;
                     dims[c.nDim] = offset(j0, v * vw);
                     return load(c.b, indices(c.bMap), mask, zero);
                   });
}

/// The axpy tile at (i0, j0) over k in [k0, k0 + kCount): C's tile stays
/// in registers; `loadB(kk, v)` gives vector v of B's row k0 + kk.
void KernelEmitter::emitAxpyTileOver(
    Value i0, int64_t mr, Value j0, int64_t nv, Value mask, Value k0,
    Value kCount, function_ref<Value(Value, int64_t)> loadB) {
  Value zero = zeroVector();
  // Load the C tile (zero when C is known to be zero).
  dims[c.kDim] = cst(0);
  SmallVector<Value> init;
  for (int64_t r = 0; r < mr; ++r) {
    dims[c.mDim] = offset(i0, r);
    for (int64_t v = 0; v < nv; ++v) {
      dims[c.nDim] = offset(j0, v * vw);
      init.push_back(fromZero ? zero : load(c.c, indices(c.cMap), mask, zero));
    }
  }
  auto kLoop = scf::ForOp::create(
      b, loc, cst(0), kCount, cst(1), init,
      [&](OpBuilder &, Location, Value kk, ValueRange acc) {
        SmallVector<Value> bs;
        for (int64_t v = 0; v < nv; ++v)
          bs.push_back(loadB(kk, v));
        dims[c.kDim] = arith::AddIOp::create(b, loc, k0, kk);
        SmallVector<Value> next;
        for (int64_t r = 0; r < mr; ++r) {
          dims[c.mDim] = offset(i0, r);
          Value scalar = memref::LoadOp::create(b, loc, c.a, indices(c.aMap));
          Value splat = vector::BroadcastOp::create(b, loc, vecType, scalar);
          for (int64_t v = 0; v < nv; ++v)
            next.push_back(
                vector::FMAOp::create(b, loc, splat, bs[v], acc[r * nv + v]));
        }
        scf::YieldOp::create(b, loc, next);
      });
  for (int64_t r = 0; r < mr; ++r) {
    dims[c.mDim] = offset(i0, r);
    for (int64_t v = 0; v < nv; ++v) {
      dims[c.nDim] = offset(j0, v * vw);
      store(kLoop.getResult(r * nv + v), c.c, indices(c.cMap), mask);
    }
  }
  if (columnMax)
    foldColumnMax(kLoop.getResults(), mr, j0, nv, mask);
}
