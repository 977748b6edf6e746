//===- BF16Pairs.cpp - contractions on pairs of bf16 ----------------------===//
//
// Contractions of activations rounded to bf16 and bf16 weights (the
// bf16-products mode) on a target with AVX512-BF16: vdpbf16ps multiplies
// 16 pairs of bf16 by 16 pairs and adds each pair's two products to an f32
// lane. A is rounded once per run into a buffer of pairs (one i32 each,
// broadcast to every lane); B is read as pairs of k (the packed panels
// hold them, the axpy kernel interleaves two rows of B, the dot kernel
// reads B as it is stored).
//
//===----------------------------------------------------------------------===//

#include "KernelEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;
using namespace mlir::s2s::cpu;

/// Whether the last result of `map` is dimension `dim`.
static bool innermostIs(AffineMap map, unsigned dim) {
  auto expr = dyn_cast<AffineDimExpr>(map.getResults().back());
  return expr && expr.getPosition() == dim;
}

bool KernelEmitter::fitsPairs(const Contraction &c, int64_t vw) {
  Type elt = cast<MemRefType>(c.c.getType()).getElementType();
  Type bElt = cast<MemRefType>(c.b.getType()).getElementType();
  int64_t k = c.loopSizes[c.kDim];
  return c.roundedA && !c.roundedB && bElt.isBF16() && elt.isF32() &&
         vw == 16 && !ShapedType::isDynamic(k) && k % (2 * vw) == 0 &&
         innermostIs(c.aMap, c.kDim);
}

/// A's pairs are computed before the outermost loop in which A is
/// read-only (through scf.for and scf.parallel loops: the blocks of a
/// fused recurrent step share h's), else at each run. Runs must not grow
/// the stack: the buffer is a small static one at the start of the
/// function or parallel body, or on the heap.
void KernelEmitter::emitPairsOfA(function_ref<void()> kernelBody) {
  int64_t m = c.loopSizes[c.mDim], k = c.loopSizes[c.kDim];
  Type i32 = b.getI32Type();
  constexpr int64_t kMaxStackBytes = 64 * 1024;
  bool onStack = !dynamicRows() && m * k * 2 <= kMaxStackBytes;
  Operation *hoistA = c.batchDims.empty() ? findInvariantLoopOfA(c) : nullptr;

  OpBuilder::InsertPoint kernelPoint = b.saveInsertionPoint();
  if (hoistA)
    b.setInsertionPoint(hoistA);
  // The number of rows, from A (C may be defined inside the loop).
  Value rows = cst(m);
  if (dynamicRows())
    for (auto [pos, expr] : llvm::enumerate(c.aMap.getResults()))
      if (auto d = dyn_cast<AffineDimExpr>(expr);
          d && d.getPosition() == c.mDim)
        rows = memref::DimOp::create(b, loc, c.a, pos);
  auto type = MemRefType::get({m, k / 2}, i32);
  if (onStack) {
    OpBuilder::InsertionGuard stackGuard(b);
    b.setInsertionPointToStart(scratchBlock());
    aPairs = memref::AllocaOp::create(b, loc, type, ValueRange(),
                                      b.getI64IntegerAttr(64));
  } else {
    SmallVector<Value> sizes;
    if (dynamicRows())
      sizes.push_back(rows);
    aPairs =
        memref::AllocOp::create(b, loc, type, sizes, b.getI64IntegerAttr(64));
  }
  // Rows of A, 16 lanes at a time: rounded to bf16 (ties to even) and
  // stored as 8 pairs.
  auto narrow = VectorType::get({vw}, b.getBF16Type());
  auto halfBits = VectorType::get({vw / 2}, i32);
  loopStep(rows, 1, [&](Value i) {
    dims[c.mDim] = i;
    loopStep(cst(k), vw, [&](Value kk) {
      dims[c.kDim] = kk;
      Value row = vector::LoadOp::create(b, loc, vecType, c.a, indices(c.aMap));
      Value bits = vector::BitCastOp::create(
          b, loc, halfBits, arith::TruncFOp::create(b, loc, narrow, row));
      Value pair = arith::DivUIOp::create(b, loc, kk, cst(2));
      vector::StoreOp::create(b, loc, bits, aPairs, ValueRange{i, pair});
    });
  });
  auto free = [&] {
    if (!onStack)
      memref::DeallocOp::create(b, loc, aPairs);
  };
  if (hoistA) {
    b.setInsertionPointAfter(hoistA);
    free();
    b.restoreInsertionPoint(kernelPoint);
  }
  kernelBody();
  if (!hoistA)
    free();
}

Value KernelEmitter::dotPairs(Value acc, Value x, Value y) {
  return LLVM::CallIntrinsicOp::create(
             b, loc, vecType,
             b.getStringAttr("llvm.x86.avx512bf16.dpbf16ps.512"),
             ValueRange{acc, x, y})
      .getResult(0);
}

Value KernelEmitter::broadcastPairOfA(Value row, Value kp) {
  Value bits = memref::LoadOp::create(b, loc, aPairs, ValueRange{row, kp});
  return vector::BitCastOp::create(
      b, loc, pairType,
      vector::BroadcastOp::create(b, loc, pairBitsType, bits));
}

void KernelEmitter::emitPairTileOver(
    Value i0, int64_t mr, Value j0, int64_t nv, Value mask, Value kp0,
    Value pairCount, function_ref<Value(Value, int64_t)> loadB) {
  emitTile(i0, mr, j0, nv, mask, [&](ValueRange init) {
    auto kLoop = scf::ForOp::create(
        b, loc, cst(0), pairCount, cst(1), init,
        [&](OpBuilder &, Location, Value kk, ValueRange acc) {
          SmallVector<Value> bs;
          for (int64_t v = 0; v < nv; ++v)
            bs.push_back(loadB(kk, v));
          Value kp = arith::AddIOp::create(b, loc, kp0, kk);
          SmallVector<Value> next;
          for (int64_t r = 0; r < mr; ++r) {
            Value a = broadcastPairOfA(offset(i0, r), kp);
            for (int64_t v = 0; v < nv; ++v)
              next.push_back(dotPairs(acc[r * nv + v], a, bs[v]));
          }
          scf::YieldOp::create(b, loc, next);
        });
    return SmallVector<Value>(kLoop.getResults());
  });
}

void KernelEmitter::packPairPanel(Value buffer, Value p, Value col0, int64_t nv,
                                  Value pc, Value depth) {
  Value pairCount = arith::DivUIOp::create(b, loc, depth, cst(2));
  loopStep(pairCount, vw, [&](Value q) {
    dims[c.kDim] = arith::AddIOp::create(
        b, loc, pc, arith::MulIOp::create(b, loc, q, cst(2)));
    for (int64_t v = 0; v < nv; ++v) {
      // 16 rows of B (n), 16 pairs of k each, transposed: row i of the
      // result holds pair q + i of the 16 columns.
      SmallVector<Value> rows;
      for (int64_t i = 0; i < vw; ++i) {
        dims[c.nDim] = offset(col0, v * vw + i);
        Value row =
            vector::LoadOp::create(b, loc, pairType, c.b, indices(c.bMap));
        rows.push_back(vector::BitCastOp::create(b, loc, pairBitsType, row));
      }
      transposeInRegisters(b, loc, rows);
      for (int64_t i = 0; i < vw; ++i)
        vector::StoreOp::create(b, loc, rows[i], buffer,
                                ValueRange{p, offset(q, i), cst(v * vw)});
    }
  });
}
