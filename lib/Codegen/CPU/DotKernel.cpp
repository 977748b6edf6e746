//===- DotKernel.cpp - C += A B^T with k contiguous
//-------------------------===//
//
// The dot kernel: C[m, n] += sum_k A[m, k] * B[n, k], k contiguous in A and
// B (x W^T of s2s.linear and the RNN gates, q k^T of attention). An MR x NR
// tile of outputs accumulates in MR * NR vector registers over k, which are
// reduced horizontally at the end; tails in k use masked loads, the rows and
// columns left after the full tiles form one smaller tile.
//
//===----------------------------------------------------------------------===//

#include "KernelEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;
using namespace mlir::s2s::cpu;

/// Columns are taken in blocks of `dotBlockCols` rows of B, which stay
/// in cache while every row tile of A passes over them.
void KernelEmitter::emitDot() {
  int64_t m = c.loopSizes[c.mDim], n = c.loopSizes[c.nDim];
  int64_t mFull = m / dotRows * dotRows, nFull = n / dotCols * dotCols;
  int64_t block = dotColsPerBlock();
  int64_t blocksEnd = nFull / block * block;
  // Every row of C against the columns [j0, j0 + width), width a multiple
  // of dotCols (or the single-column tail when nr is 1).
  auto rowsAgainst = [&](Value j0, int64_t width, int64_t nr) {
    auto tiles = [&](int64_t mLo, int64_t mHi, int64_t mr, bool parallel) {
      loop(
          mLo, mHi, mr,
          [&](Value i) {
            loopFrom(j0, width, nr,
                     [&](Value j) { emitDotTile(i, mr, j, nr); });
          },
          parallel);
    };
    if (dynamicRows()) {
      forEachDynamicRowTile(dotRows, [&](Value i, int64_t mr) {
        loopFrom(j0, width, nr, [&](Value j) { emitDotTile(i, mr, j, nr); });
      });
      return;
    }
    tiles(0, mFull, dotRows, parallelLoop == ParallelLoop::Rows);
    // The remaining rows as one shorter tile.
    tiles(mFull, m, m - mFull, false);
  };
  loop(
      0, blocksEnd, block, [&](Value jb) { rowsAgainst(jb, block, dotCols); },
      parallelLoop == ParallelLoop::Cols);
  if (blocksEnd < nFull)
    rowsAgainst(cst(blocksEnd), nFull - blocksEnd, dotCols);
  // The remaining columns as one narrower tile.
  if (nFull < n)
    rowsAgainst(cst(nFull), n - nFull, n - nFull);
}

void KernelEmitter::emitDotTile(Value i0, int64_t mr, Value j0, int64_t nr) {
  int64_t k = c.loopSizes[c.kDim];
  int64_t kFull = k / vw * vw;
  Value zero = zeroVector();
  SmallVector<Value> init(mr * nr, zero);

  // One k step of vector width `vw`; `mask` guards the tail.
  auto step = [&](Value kIv, ValueRange acc, Value mask) {
    dims[c.kDim] = kIv;
    SmallVector<Value> as, bs;
    for (int64_t r = 0; r < mr; ++r) {
      dims[c.mDim] = offset(i0, r);
      as.push_back(load(c.a, indices(c.aMap), mask, zero));
    }
    for (int64_t col = 0; col < nr; ++col) {
      dims[c.nDim] = offset(j0, col);
      bs.push_back(load(c.b, indices(c.bMap), mask, zero));
    }
    SmallVector<Value> next;
    for (int64_t r = 0; r < mr; ++r)
      for (int64_t col = 0; col < nr; ++col)
        next.push_back(
            vector::FMAOp::create(b, loc, as[r], bs[col], acc[r * nr + col]));
    return next;
  };

  SmallVector<Value> acc = init;
  if (pairs) {
    // 16 pairs of k at a time: A's from its pairs, B's as it is stored.
    auto kLoop = scf::ForOp::create(
        b, loc, cst(0), cst(k / 2), cst(vw), init,
        [&](OpBuilder &, Location, Value kp, ValueRange args) {
          dims[c.mDim] = i0;
          dims[c.kDim] = arith::MulIOp::create(b, loc, kp, cst(2));
          SmallVector<Value> as, bs;
          for (int64_t r = 0; r < mr; ++r)
            as.push_back(vector::BitCastOp::create(
                b, loc, pairType,
                vector::LoadOp::create(b, loc, pairBitsType, aPairs,
                                       ValueRange{offset(i0, r), kp})));
          for (int64_t col = 0; col < nr; ++col) {
            dims[c.nDim] = offset(j0, col);
            bs.push_back(
                vector::LoadOp::create(b, loc, pairType, c.b, indices(c.bMap)));
          }
          SmallVector<Value> next;
          for (int64_t r = 0; r < mr; ++r)
            for (int64_t col = 0; col < nr; ++col)
              next.push_back(dotPairs(args[r * nr + col], as[r], bs[col]));
          scf::YieldOp::create(b, loc, next);
        });
    acc = SmallVector<Value>(kLoop.getResults());
  } else if (kFull > 0) {
    auto kLoop = scf::ForOp::create(
        b, loc, cst(0), cst(kFull), cst(vw), init,
        [&](OpBuilder &, Location, Value kIv, ValueRange args) {
          scf::YieldOp::create(b, loc, step(kIv, args, nullptr));
        });
    acc = SmallVector<Value>(kLoop.getResults());
  }
  if (!pairs && kFull < k) {
    Value mask = prefixMask(k - kFull);
    acc = step(cst(kFull), acc, mask);
  }

  // Horizontal sums, added to C.
  for (int64_t r = 0; r < mr; ++r) {
    dims[c.mDim] = offset(i0, r);
    for (int64_t col = 0; col < nr; ++col) {
      dims[c.nDim] = offset(j0, col);
      Value sum = vector::ReductionOp::create(
          b, loc, vector::CombiningKind::ADD, acc[r * nr + col],
          arith::FastMathFlags::reassoc);
      SmallVector<Value> cIdx = indices(c.cMap);
      if (!fromZero) {
        Value old = memref::LoadOp::create(b, loc, c.c, cIdx);
        sum = arith::AddFOp::create(b, loc, old, sum);
      }
      memref::StoreOp::create(b, loc, sum, c.c, cIdx);
    }
  }
}
