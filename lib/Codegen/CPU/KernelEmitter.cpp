//===- KernelEmitter.cpp - what every kernel is built of
//--------------------===//
//
// The parts of KernelEmitter that every kernel uses: constants hoisted to
// the start of the function, loops (sequential, or scf.parallel for the
// loop chosen to run on the threads), the batch loops around a kernel, and
// vector loads and stores (masked for tails).
//
//===----------------------------------------------------------------------===//

#include "KernelEmitter.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace mlir::s2s::cpu;

KernelEmitter::KernelEmitter(RewriterBase &rewriter, const Contraction &c,
                             int64_t vectorWidth, const KernelShapes &shapes,
                             ContractionKernel kernel, bool bf16Dot)
    : b(rewriter), loc(c.op->getLoc()), c(c), vw(vectorWidth),
      dotRows(shapes.dotRows), dotCols(shapes.dotCols),
      dotBlockCols(shapes.dotBlockCols), axpyRows(shapes.axpyRows),
      axpyVectors(shapes.axpyVectors), kernel(kernel) {
  elt = cast<MemRefType>(c.c.getType()).getElementType();
  vecType = VectorType::get({vw}, elt);
  pairs = bf16Dot && fitsPairs(c, vw);
  if (pairs) {
    pairType = VectorType::get({2 * vw}, b.getBF16Type());
    pairBitsType = VectorType::get({vw}, b.getI32Type());
  }
  if (kernel == ContractionKernel::Packed) {
    int64_t n = c.loopSizes[c.nDim], k = c.loopSizes[c.kDim];
    int64_t nr = axpyVectors * vw;
    // Pairs: blocks of k hold whole 16 x 16 blocks of pairs, and twice as
    // many k fit the bytes of a block.
    int64_t depthStep = pairs ? 2 * vw : vw;
    int64_t depth = pairs ? 2 * shapes.packDepth : shapes.packDepth;
    packDepth =
        std::min(std::max(depth / depthStep, int64_t(1)) * depthStep, k);
    packCols = std::max(shapes.packCols / nr, int64_t(1)) * nr;
    packCols = std::min<int64_t>(packCols, llvm::alignTo(n, nr));
  }
}

void KernelEmitter::emit(int64_t threads) {
  dims.assign(c.loopSizes.size(), Value());
  if (pairs && kernel == ContractionKernel::Axpy && c.batchDims.empty())
    interleaveBBefore();
  if (threads > 1)
    chooseParallelLoop(threads);
  if (!pairs && (c.roundedA || c.roundedB))
    emitRoundedCopies([&] { emitBatch(0); });
  else
    emitBatch(0);
}

Value KernelEmitter::constant(TypedAttr value) {
  Value &cached = constants[value];
  if (!cached) {
    OpBuilder::InsertionGuard guard(b);
    Region *region = c.op->getParentRegion();
    while (!isa<FunctionOpInterface>(region->getParentOp()))
      region = region->getParentOp()->getParentRegion();
    b.setInsertionPointToStart(&region->front());
    cached = arith::ConstantOp::create(b, loc, value);
  }
  return cached;
}

Value KernelEmitter::zeroVector() {
  return constant(DenseElementsAttr::get(vecType, b.getZeroAttr(elt)));
}

Value KernelEmitter::prefixMask(int64_t count) {
  SmallVector<bool> lanes(vw, false);
  for (int64_t i = 0; i < count; ++i)
    lanes[i] = true;
  auto type = VectorType::get({vw}, b.getI1Type());
  return constant(DenseElementsAttr::get(type, lanes));
}

void KernelEmitter::loop(int64_t lo, int64_t hi, int64_t step,
                         function_ref<void(Value)> body, bool parallel) {
  if (lo >= hi)
    return;
  OpBuilder::InsertionGuard guard(b);
  if (parallel) {
    auto parOp =
        scf::ParallelOp::create(b, loc, ValueRange{cst(lo)},
                                ValueRange{cst(hi)}, ValueRange{cst(step)});
    b.setInsertionPointToStart(parOp.getBody());
    body(parOp.getInductionVars()[0]);
    return;
  }
  auto forOp = scf::ForOp::create(b, loc, cst(lo), cst(hi), cst(step));
  b.setInsertionPointToStart(forOp.getBody());
  body(forOp.getInductionVar());
}

void KernelEmitter::loopFrom(Value lo, int64_t count, int64_t step,
                             function_ref<void(Value)> body) {
  if (count <= 0)
    return;
  Value hi = arith::AddIOp::create(b, loc, lo, cst(count));
  auto forOp = scf::ForOp::create(b, loc, lo, hi, cst(step));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(forOp.getBody());
  body(forOp.getInductionVar());
}

void KernelEmitter::loopTo(Value count, function_ref<void(Value)> body) {
  loopStep(count, 1, body);
}

void KernelEmitter::loopStep(Value count, int64_t step,
                             function_ref<void(Value)> body) {
  auto forOp = scf::ForOp::create(b, loc, cst(0), count, cst(step));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(forOp.getBody());
  body(forOp.getInductionVar());
}

Value KernelEmitter::loopSize(unsigned dim) {
  if (!ShapedType::isDynamic(c.loopSizes[dim]))
    return cst(c.loopSizes[dim]);
  for (auto [operand, map] :
       {std::pair(c.c, c.cMap), std::pair(c.a, c.aMap), std::pair(c.b, c.bMap)})
    for (auto [pos, expr] : llvm::enumerate(map.getResults()))
      if (auto d = dyn_cast<AffineDimExpr>(expr); d && d.getPosition() == dim)
        return memref::DimOp::create(b, loc, operand, pos);
  llvm_unreachable("matchContraction checks that m, n, k index operands");
}

void KernelEmitter::forEachDynamicRowTile(
    int64_t mr, function_ref<void(Value, int64_t)> tile, bool parallel) {
  // C is indexed by the parallel loops in order: m is the one after the
  // batch loops.
  Value m = loopSize(c.mDim);
  Value mFull = arith::MulIOp::create(
      b, loc, arith::DivUIOp::create(b, loc, m, cst(mr)), cst(mr));
  {
    OpBuilder::InsertionGuard guard(b);
    if (parallel) {
      auto parOp = scf::ParallelOp::create(
          b, loc, ValueRange{cst(0)}, ValueRange{mFull}, ValueRange{cst(mr)});
      b.setInsertionPointToStart(parOp.getBody());
      tile(parOp.getInductionVars()[0], mr);
    } else {
      auto forOp = scf::ForOp::create(b, loc, cst(0), mFull, cst(mr));
      b.setInsertionPointToStart(forOp.getBody());
      tile(forOp.getInductionVar(), mr);
    }
  }
  if (mr == 1)
    return;
  // The rows after the full tiles as one shorter tile, of a size chosen at
  // run time among 1 .. mr-1 (none: no tile).
  Value rest = arith::SubIOp::create(b, loc, m, mFull);
  SmallVector<int64_t> sizes = llvm::to_vector(llvm::seq<int64_t>(1, mr));
  auto switchOp = scf::IndexSwitchOp::create(b, loc, TypeRange(), rest, sizes,
                                             sizes.size());
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&switchOp.getDefaultRegion().emplaceBlock());
  scf::YieldOp::create(b, loc);
  for (auto [region, rows] : llvm::zip(switchOp.getCaseRegions(), sizes)) {
    b.setInsertionPointToStart(&region.emplaceBlock());
    tile(mFull, rows);
    scf::YieldOp::create(b, loc);
  }
}

SmallVector<Value> KernelEmitter::indices(AffineMap map) {
  SmallVector<Value> result;
  for (AffineExpr expr : map.getResults()) {
    if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
      result.push_back(dims[dim.getPosition()]);
      continue;
    }
    SmallVector<Value> operands;
    for (unsigned i = 0; i < map.getNumDims(); ++i)
      operands.push_back(dims[i] ? dims[i] : cst(0));
    result.push_back(affine::AffineApplyOp::create(
        b, loc, AffineMap::get(map.getNumDims(), 0, expr), operands));
  }
  return result;
}

Value KernelEmitter::offset(Value base, int64_t delta) {
  if (delta == 0)
    return base;
  return arith::AddIOp::create(b, loc, base, cst(delta));
}

Value KernelEmitter::load(Value memref, ValueRange idx, Value mask,
                          Value passthru) {
  Type stored = cast<MemRefType>(memref.getType()).getElementType();
  if (stored != elt) {
    // A narrower type (bf16 weights): loaded as such, widened in registers.
    auto narrow = VectorType::get({vw}, stored);
    if (!mask)
      return arith::ExtFOp::create(
          b, loc, vecType,
          vector::LoadOp::create(b, loc, narrow, memref, idx).getResult());
    Value narrowPassthru = arith::TruncFOp::create(b, loc, narrow, passthru);
    Value value = vector::MaskedLoadOp::create(b, loc, narrow, memref, idx,
                                               mask, narrowPassthru);
    return arith::ExtFOp::create(b, loc, vecType, value);
  }
  if (mask)
    return roundedIfNeeded(memref,
                           vector::MaskedLoadOp::create(b, loc, vecType, memref,
                                                        idx, mask, passthru));
  return roundedIfNeeded(memref,
                         vector::LoadOp::create(b, loc, vecType, memref, idx));
}

Value KernelEmitter::loadScalar(Value memref, ValueRange idx) {
  Value value = memref::LoadOp::create(b, loc, memref, idx);
  if (value.getType() != elt)
    return arith::ExtFOp::create(b, loc, elt, value);
  return roundedIfNeeded(memref, value);
}

Value KernelEmitter::roundedIfNeeded(Value memref, Value value) {
  if (!(memref == c.a && c.roundedA) && !(memref == c.b && c.roundedB))
    return value;
  Type narrow = b.getBF16Type();
  if (auto vector = dyn_cast<VectorType>(value.getType()))
    narrow = vector.clone(narrow);
  Value rounded = arith::TruncFOp::create(b, loc, narrow, value);
  return arith::ExtFOp::create(b, loc, value.getType(), rounded);
}

void KernelEmitter::store(Value value, Value memref, ValueRange idx,
                          Value mask) {
  if (mask)
    vector::MaskedStoreOp::create(b, loc, memref, idx, mask, value);
  else
    vector::StoreOp::create(b, loc, value, memref, idx);
}

void KernelEmitter::chooseParallelLoop(int64_t threads) {
  for (unsigned level = 0; level < c.batchDims.size(); ++level) {
    if (c.loopSizes[c.batchDims[level]] >= threads) {
      parallelLoop = ParallelLoop::Batch;
      parallelBatchLevel = level;
      return;
    }
  }
  int64_t m = c.loopSizes[c.mDim], n = c.loopSizes[c.nDim];
  if (kernel == ContractionKernel::Prepacked) {
    if (n / (axpyVectors * vw) >= threads)
      parallelLoop = ParallelLoop::Cols;
    return;
  }
  if (kernel == ContractionKernel::Packed) {
    // Column blocks only: the threads pack their own blocks of B. Narrower
    // blocks when there are fewer than `threads` of them.
    int64_t nr = axpyVectors * vw;
    int64_t fullCols = n / nr * nr;
    int64_t perThread = llvm::alignTo(llvm::divideCeil(fullCols, threads), nr);
    packCols = std::min(packCols, std::max(nr, perThread));
    int64_t blocks = llvm::divideCeil(fullCols, packCols);
    if (blocks >= threads)
      parallelLoop = ParallelLoop::Cols;
    return;
  }
  int64_t colBlocks, rowTiles;
  if (c.kind == KernelKind::Dot) {
    colBlocks = n / dotColsPerBlock();
    rowTiles = m / dotRows;
  } else {
    colBlocks = n / (axpyVectors * vw);
    rowTiles = m / axpyRows;
  }
  if (colBlocks >= threads)
    parallelLoop = ParallelLoop::Cols;
  else if (rowTiles >= threads)
    parallelLoop = ParallelLoop::Rows;
}

int64_t KernelEmitter::dotColsPerBlock() const {
  return std::max<int64_t>(dotBlockCols / dotCols, 1) * dotCols;
}

void KernelEmitter::emitBatch(unsigned level) {
  if (level < c.batchDims.size()) {
    unsigned dim = c.batchDims[level];
    loop(
        0, c.loopSizes[dim], 1,
        [&](Value iv) {
          dims[dim] = iv;
          emitBatch(level + 1);
        },
        parallelLoop == ParallelLoop::Batch && level == parallelBatchLevel);
    return;
  }
  auto kernelBody = [&] {
    if (kernel == ContractionKernel::Prepacked)
      emitPrepackedDot();
    else if (kernel == ContractionKernel::Packed)
      emitPackedDot();
    else if (c.kind == KernelKind::Dot)
      emitDot();
    else
      emitAxpy();
  };
  if (pairs)
    emitPairsOfA(kernelBody);
  else
    kernelBody();
}
