//===- BF16Pairs.cpp - contractions on pairs of bf16 ----------------------===//
//
// Contractions of activations rounded to bf16 and bf16 weights (the
// bf16-products mode) on a target with AVX512-BF16: vdpbf16ps multiplies
// 16 pairs of bf16 by 16 pairs and adds each pair's two products to an f32
// lane. A is rounded once into a buffer of pairs (one i32 each, broadcast
// to every lane), before the loops that do not write it; B is read as
// pairs of k (the packed panels hold them, the axpy kernel's B is
// interleaved before the loops that do not write it or two rows at a
// time, the dot kernel reads B as it is stored).
//
//===----------------------------------------------------------------------===//

#include "KernelEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "llvm/ADT/SmallBitVector.h"

#include <functional>

using namespace mlir;
using namespace mlir::s2s::cpu;

/// Scratch buffers of the bf16 kernels of at most this many bytes (and of
/// static size) live on the stack: one per function or parallel body.
static constexpr int64_t kMaxStackBytes = 64 * 1024;

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
  bool onStack = !dynamicRows() && m * k * 2 <= kMaxStackBytes;
  Operation *hoistA =
      c.batchDims.empty() ? findReadOnlyLoop(c.op, c.a) : nullptr;

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
  aPairs =
      allocScratch(MemRefType::get({m, k / 2}, i32),
                   dynamicRows() ? ValueRange(rows) : ValueRange(), onStack);
  // Rows of A, 16 lanes at a time: rounded to bf16 (ties to even) and
  // stored as 8 pairs.
  auto narrow = VectorType::get({vw}, b.getBF16Type());
  auto halfBits = VectorType::get({vw / 2}, i32);
  auto round = [&] {
    loopStep(rows, 1, [&](Value i) {
      dims[c.mDim] = i;
      loopStep(cst(k), vw, [&](Value kk) {
        dims[c.kDim] = kk;
        Value row =
            vector::LoadOp::create(b, loc, vecType, c.a, indices(c.aMap));
        Value bits = vector::BitCastOp::create(
            b, loc, halfBits, arith::TruncFOp::create(b, loc, narrow, row));
        Value pair = arith::DivUIOp::create(b, loc, kk, cst(2));
        vector::StoreOp::create(b, loc, bits, aPairs, ValueRange{i, pair});
      });
    });
    // The kernel sets the dimensions it uses; none of these loops' indices
    // may leak into it.
    dims[c.mDim] = dims[c.kDim] = Value();
  };
  emitIfLoopRuns(hoistA, round);
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

Value KernelEmitter::allocScratch(MemRefType type, ValueRange dynamicSizes,
                                  bool onStack) {
  if (!onStack)
    return memref::AllocOp::create(b, loc, type, dynamicSizes,
                                   b.getI64IntegerAttr(64));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(scratchBlock());
  return memref::AllocaOp::create(b, loc, type, ValueRange(),
                                  b.getI64IntegerAttr(64));
}

void KernelEmitter::emitIfLoopRuns(Operation *loop, function_ref<void()> body) {
  if (!loop)
    return body();
  Value runs;
  auto bounds = [&](ValueRange lbs, ValueRange ubs) {
    for (auto [lb, ub] : llvm::zip(lbs, ubs)) {
      Value some =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, lb, ub);
      runs = runs ? arith::AndIOp::create(b, loc, runs, some) : some;
    }
  };
  if (auto forOp = dyn_cast<scf::ForOp>(loop))
    bounds(forOp.getLowerBound(), forOp.getUpperBound());
  else if (auto parOp = dyn_cast<scf::ParallelOp>(loop))
    bounds(parOp.getLowerBound(), parOp.getUpperBound());
  auto ifOp = scf::IfOp::create(b, loc, runs, /*withElseRegion=*/false);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  body();
}

void KernelEmitter::emitRoundedCopies(function_ref<void()> body) {
  // Copies on the heap, and the loops they are made before (or null).
  SmallVector<std::pair<Value, Operation *>> heapCopies;
  auto roundedCopy = [&](Value source) -> Value {
    auto type = cast<MemRefType>(source.getType());
    Operation *hoist = findReadOnlyLoop(c.op, source);
    OpBuilder::InsertionGuard guard(b);
    if (hoist)
      b.setInsertionPoint(hoist);
    SmallVector<Value> sizes, dynamicSizes;
    for (auto [d, size] : llvm::enumerate(type.getShape())) {
      sizes.push_back(ShapedType::isDynamic(size)
                          ? memref::DimOp::create(b, loc, source, d).getResult()
                          : cst(size));
      if (ShapedType::isDynamic(size))
        dynamicSizes.push_back(sizes.back());
    }
    auto copyType = MemRefType::get(type.getShape(), type.getElementType());
    bool onStack =
        type.hasStaticShape() && type.getNumElements() * 4 <= kMaxStackBytes;
    Value copy = allocScratch(copyType, dynamicSizes, onStack);
    if (!onStack)
      heapCopies.push_back({copy, hoist});
    // Element by element: rounded to bf16 (ties to even) and widened.
    SmallVector<Value> at;
    std::function<void(unsigned)> round = [&](unsigned d) {
      if (d == sizes.size()) {
        Value x = memref::LoadOp::create(b, loc, source, at);
        Value narrow = arith::TruncFOp::create(b, loc, b.getBF16Type(), x);
        Value wide = arith::ExtFOp::create(b, loc, x.getType(), narrow);
        memref::StoreOp::create(b, loc, wide, copy, at);
        return;
      }
      loopTo(sizes[d], [&](Value i) {
        at.push_back(i);
        round(d + 1);
        at.pop_back();
      });
    };
    emitIfLoopRuns(hoist, [&] { round(0); });
    return copy;
  };
  Contraction original = c;
  if (c.roundedA) {
    c.a = roundedCopy(c.a);
    c.roundedA = false;
  }
  if (c.roundedB && kernel != ContractionKernel::Prepacked) {
    c.b = roundedCopy(c.b);
    c.roundedB = false;
  }
  body();
  for (auto [copy, hoist] : heapCopies) {
    OpBuilder::InsertionGuard guard(b);
    if (hoist)
      b.setInsertionPointAfter(hoist);
    memref::DeallocOp::create(b, loc, copy);
  }
  c = original;
}

Value KernelEmitter::dotPairs(Value acc, Value x, Value y) {
  return LLVM::CallIntrinsicOp::create(
             b, loc, vecType,
             b.getStringAttr("llvm.x86.avx512bf16.dpbf16ps.512"),
             ValueRange{acc, x, y})
      .getResult(0);
}

Value KernelEmitter::interleaveRows(Value even, Value odd) {
  SmallVector<int64_t> lanes;
  for (int64_t i = 0; i < vw; ++i)
    lanes.append({i, vw + i});
  return vector::ShuffleOp::create(b, loc, even, odd, lanes);
}

/// B's rows k and k + 1 as pairs: loaded from bPairs when interleaved
/// before the loop, else two rows (masked like C's tile) interleaved here.
void KernelEmitter::emitAxpyPairTile(Value i0, int64_t mr, Value j0, int64_t nv,
                                     Value mask) {
  auto narrow = VectorType::get({vw}, b.getBF16Type());
  Value narrowZero = constant(
      DenseElementsAttr::get(narrow, b.getZeroAttr(narrow.getElementType())));
  emitPairTileOver(
      i0, mr, j0, nv, mask, cst(0),
      arith::DivUIOp::create(b, loc, loopSize(c.kDim), cst(2)),
      [&](Value q, int64_t v) -> Value {
        if (bPairs) {
          SmallVector<Value> idx(bPairsLead);
          idx.push_back(q);
          idx.push_back(
              arith::MulIOp::create(b, loc, offset(j0, v * vw), cst(2)));
          return vector::LoadOp::create(b, loc, pairType, bPairs, idx);
        }
        dims[c.nDim] = offset(j0, v * vw);
        Value k0 = arith::MulIOp::create(b, loc, q, cst(2));
        SmallVector<Value> halves;
        for (Value k : {k0, offset(k0, 1)}) {
          dims[c.kDim] = k;
          SmallVector<Value> idx = indices(c.bMap);
          halves.push_back(
              mask ? vector::MaskedLoadOp::create(b, loc, narrow, c.b, idx,
                                                  mask, narrowZero)
                         .getResult()
                   : vector::LoadOp::create(b, loc, narrow, c.b, idx)
                         .getResult());
        }
        return interleaveRows(halves[0], halves[1]);
      });
}

Value KernelEmitter::broadcastPairOfA(Value row, Value kp) {
  Value bits = memref::LoadOp::create(b, loc, aPairs, ValueRange{row, kp});
  return vector::BitCastOp::create(
      b, loc, pairType,
      vector::BroadcastOp::create(b, loc, pairBitsType, bits));
}

/// A tile of few accumulators (a row or two: a recurrent step at batch 1)
/// would wait on vdpbf16ps's latency: it keeps `sets` sets of them, over
/// alternate pairs of k (the pair count is a multiple of 16), added at the
/// end.
void KernelEmitter::emitPairTileOver(
    Value i0, int64_t mr, Value j0, int64_t nv, Value mask, Value kp0,
    Value pairCount, function_ref<Value(Value, int64_t)> loadB) {
  constexpr int64_t kMinChains = 8;
  int64_t sets = mr * nv >= kMinChains ? 1 : 2;
  emitTile(i0, mr, j0, nv, mask, [&](ValueRange init) {
    SmallVector<Value> inits(init);
    for (int64_t s = 1; s < sets; ++s)
      inits.append(init.size(), zeroVector());
    auto kLoop = scf::ForOp::create(
        b, loc, cst(0), pairCount, cst(sets), inits,
        [&](OpBuilder &, Location, Value kk, ValueRange acc) {
          SmallVector<Value> next;
          for (int64_t s = 0; s < sets; ++s) {
            Value q = offset(kk, s);
            SmallVector<Value> bs;
            for (int64_t v = 0; v < nv; ++v)
              bs.push_back(loadB(q, v));
            Value kp = arith::AddIOp::create(b, loc, kp0, q);
            for (int64_t r = 0; r < mr; ++r) {
              Value a = broadcastPairOfA(offset(i0, r), kp);
              for (int64_t v = 0; v < nv; ++v)
                next.push_back(dotPairs(acc[(s * mr + r) * nv + v], a, bs[v]));
            }
          }
          scf::YieldOp::create(b, loc, next);
        });
    SmallVector<Value> tile(kLoop.getResults().take_front(mr * nv));
    for (int64_t s = 1; s < sets; ++s)
      for (int64_t i = 0; i < mr * nv; ++i)
        tile[i] = arith::AddFOp::create(b, loc, tile[i],
                                        kLoop.getResult(s * mr * nv + i));
    return tile;
  });
}

void KernelEmitter::interleaveBBefore() {
  // B = buffer[lead.., 0:K, 0:N] (unit strides, the leading dimensions
  // dropped), or the buffer itself; B's map reads (k, n).
  if (c.bMap.getNumResults() != 2 || !innermostIs(c.bMap, c.nDim))
    return;
  auto kExpr = dyn_cast<AffineDimExpr>(c.bMap.getResult(0));
  if (!kExpr || kExpr.getPosition() != c.kDim)
    return;
  Value buffer = c.b;
  SmallVector<OpFoldResult> lead;
  if (auto view = c.b.getDefiningOp<memref::SubViewOp>()) {
    buffer = view.getSource();
    auto type = cast<MemRefType>(buffer.getType());
    int64_t rank = type.getRank();
    llvm::SmallBitVector dropped = view.getDroppedDims();
    SmallVector<OpFoldResult> offsets = view.getMixedOffsets();
    SmallVector<OpFoldResult> sizes = view.getMixedSizes();
    for (int64_t d = 0; d < rank - 2; ++d)
      if (!dropped.test(d))
        return;
    for (int64_t d = rank - 2; d < rank; ++d) {
      std::optional<int64_t> offset = getConstantIntValue(offsets[d]);
      std::optional<int64_t> size = getConstantIntValue(sizes[d]);
      if (dropped.test(d) || offset != 0 || size != type.getDimSize(d))
        return;
    }
    for (OpFoldResult stride : view.getMixedStrides())
      if (getConstantIntValue(stride) != 1)
        return;
    lead.assign(offsets.begin(), offsets.end() - 2);
  }
  auto type = cast<MemRefType>(buffer.getType());
  int64_t k = c.loopSizes[c.kDim], n = c.loopSizes[c.nDim];
  if (!type.hasStaticShape() || !type.getLayout().isIdentity() ||
      ShapedType::isDynamic(n) || n % vw != 0 ||
      type.getShape().take_back(2) != ArrayRef<int64_t>{k, n})
    return;
  Operation *outer = findReadOnlyLoop(c.op, buffer);
  if (!outer)
    return;

  // Before the loop: every [K, N] slice of the buffer with rows 2q and
  // 2q + 1 interleaved into row q of a [K / 2, 2N] slice.
  SmallVector<int64_t> shape(type.getShape());
  shape[shape.size() - 2] = k / 2;
  shape.back() = 2 * n;
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(outer);
    bPairs = memref::AllocOp::create(
        b, loc, MemRefType::get(shape, type.getElementType()),
        b.getI64IntegerAttr(64));
    auto narrow = VectorType::get({vw}, type.getElementType());
    SmallVector<Value> index(shape.size());
    std::function<void(size_t)> rows = [&](size_t d) {
      if (d + 2 < shape.size()) {
        loop(0, shape[d], 1, [&](Value iv) {
          index[d] = iv;
          rows(d + 1);
        });
        return;
      }
      loop(0, k / 2, 1, [&](Value q) {
        Value k0 = arith::MulIOp::create(b, loc, q, cst(2));
        loop(0, n, vw, [&](Value j) {
          SmallVector<Value> halves;
          for (Value row : {k0, offset(k0, 1)}) {
            index[d] = row;
            index[d + 1] = j;
            halves.push_back(
                vector::LoadOp::create(b, loc, narrow, buffer, index));
          }
          index[d] = q;
          index[d + 1] = arith::MulIOp::create(b, loc, j, cst(2));
          vector::StoreOp::create(b, loc, interleaveRows(halves[0], halves[1]),
                                  bPairs, index);
        });
      });
    };
    rows(0);
    b.setInsertionPointAfter(outer);
    memref::DeallocOp::create(b, loc, bPairs);
  }
  bPairsLead.clear();
  for (OpFoldResult offset : lead) {
    if (auto value = dyn_cast<Value>(offset))
      bPairsLead.push_back(value);
    else
      bPairsLead.push_back(cst(*getConstantIntValue(offset)));
  }
}
