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
  // Every row of C against the panel at j0 of nv vectors (`tail` > 0, or
  // `mask` when given, masks a single partial vector).
  auto rowsAgainst = [&](Value j0, int64_t nv, int64_t tail, Value mask) {
    if (dynamicRows()) {
      forEachDynamicRowTile(
          axpyRows,
          [&](Value i, int64_t mr) { emitAxpyTile(i, mr, j0, nv, tail, mask); },
          parallelLoop == ParallelLoop::Rows);
      return;
    }
    loop(
        0, mFull, axpyRows,
        [&](Value i) { emitAxpyTile(i, axpyRows, j0, nv, tail, mask); },
        parallelLoop == ParallelLoop::Rows);
    // The remaining rows as one shorter tile.
    if (mFull < m)
      emitAxpyTile(cst(mFull), m - mFull, j0, nv, tail, mask);
  };
  if (ShapedType::isDynamic(n)) {
    emitDynamicColumns(nBlock, [&](Value j0, int64_t nv, Value mask) {
      rowsAgainst(j0, nv, 0, mask);
    });
    return;
  }
  loop(
      0, nFull, nBlock,
      [&](Value j) { rowsAgainst(j, axpyVectors, 0, Value()); },
      parallelLoop == ParallelLoop::Cols);
  // The whole vectors after the last full panel as one narrower panel,
  // then one masked vector.
  if (nVecFull > nFull)
    rowsAgainst(cst(nFull), (nVecFull - nFull) / vw, 0, Value());
  if (nVecFull < n)
    rowsAgainst(cst(nVecFull), 1, n - nVecFull, Value());
}

/// A dynamic n: the full panels of `nBlock` columns, then the whole vectors
/// after them as one narrower panel (1 .. axpyVectors-1 vectors, chosen at
/// run time), then the last partial vector under a mask of the lanes left.
void KernelEmitter::emitDynamicColumns(
    int64_t nBlock, function_ref<void(Value, int64_t, Value)> rowsAgainst) {
  Value n = loopSize(c.nDim);
  auto roundDown = [&](Value value, int64_t multiple) -> Value {
    return arith::MulIOp::create(
        b, loc, arith::DivUIOp::create(b, loc, value, cst(multiple)),
        cst(multiple));
  };
  Value nFull = roundDown(n, nBlock), nVecFull = roundDown(n, vw);
  {
    OpBuilder::InsertionGuard guard(b);
    auto panels = scf::ForOp::create(b, loc, cst(0), nFull, cst(nBlock));
    b.setInsertionPointToStart(panels.getBody());
    rowsAgainst(panels.getInductionVar(), axpyVectors, Value());
  }
  if (axpyVectors > 1) {
    Value vectors = arith::DivUIOp::create(
        b, loc, arith::SubIOp::create(b, loc, nVecFull, nFull), cst(vw));
    SmallVector<int64_t> counts =
        llvm::to_vector(llvm::seq<int64_t>(1, axpyVectors));
    auto switchOp = scf::IndexSwitchOp::create(b, loc, TypeRange(), vectors,
                                               counts, counts.size());
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&switchOp.getDefaultRegion().emplaceBlock());
    scf::YieldOp::create(b, loc);
    for (auto [region, nv] : llvm::zip(switchOp.getCaseRegions(), counts)) {
      b.setInsertionPointToStart(&region.emplaceBlock());
      rowsAgainst(nFull, nv, Value());
      scf::YieldOp::create(b, loc);
    }
  }
  Value lanes = arith::SubIOp::create(b, loc, n, nVecFull);
  Value partial =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, lanes, cst(0));
  auto ifOp = scf::IfOp::create(b, loc, partial, /*withElseRegion=*/false);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  // The first `lanes` lanes: [0, 1, .., vw-1] < lanes (vector.create_mask
  // of a dynamic size is not lowered by convert-to-llvm).
  Type i32 = b.getI32Type();
  auto laneType = VectorType::get({vw}, i32);
  SmallVector<int32_t> ids =
      llvm::to_vector(llvm::seq<int32_t>(0, static_cast<int32_t>(vw)));
  Value laneIds =
      constant(DenseElementsAttr::get(laneType, ArrayRef<int32_t>(ids)));
  Value bound = vector::BroadcastOp::create(
      b, loc, laneType, arith::IndexCastOp::create(b, loc, i32, lanes));
  Value mask =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, laneIds, bound);
  rowsAgainst(nVecFull, 1, mask);
}

/// An mr x (nv * vw) tile at (i0, j0); `tail` > 0 masks a single partial
/// vector of that many lanes, as does `mask` when given.
void KernelEmitter::emitAxpyTile(Value i0, int64_t mr, Value j0, int64_t nv,
                                 int64_t tail, Value mask) {
  if (tail > 0)
    mask = prefixMask(tail);
  Value zero = zeroVector();
  if (pairs) {
    emitAxpyPairTile(i0, mr, j0, nv, mask);
    return;
  }
  emitAxpyTileOver(i0, mr, j0, nv, mask, cst(0), loopSize(c.kDim),
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
  emitTile(i0, mr, j0, nv, mask, [&](ValueRange init) {
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
            Value scalar = loadScalar(c.a, indices(c.aMap));
            Value splat = vector::BroadcastOp::create(b, loc, vecType, scalar);
            for (int64_t v = 0; v < nv; ++v)
              next.push_back(
                  vector::FMAOp::create(b, loc, splat, bs[v], acc[r * nv + v]));
          }
          scf::YieldOp::create(b, loc, next);
        });
    return SmallVector<Value>(kLoop.getResults());
  });
}

void KernelEmitter::emitTile(
    Value i0, int64_t mr, Value j0, int64_t nv, Value mask,
    function_ref<SmallVector<Value>(ValueRange)> update) {
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
  SmallVector<Value> tile = update(init);
  for (int64_t r = 0; r < mr; ++r) {
    dims[c.mDim] = offset(i0, r);
    for (int64_t v = 0; v < nv; ++v) {
      dims[c.nDim] = offset(j0, v * vw);
      store(tile[r * nv + v], c.c, indices(c.cMap), mask);
    }
  }
  if (columnMax)
    foldColumnMax(tile, mr, j0, nv, mask);
}
