//===- Epilogues.cpp - what the kernels fold in before and after ---------===//
//
// Work next to a contraction that its kernel takes over while C's tiles are
// in registers: a zero fill of C before it (the tiles start from zero
// instead of loading C) and a column maximum of C after it (the tiles fold
// their rows into the maximum as they are stored; the block maximum of
// tiled attention's scores).
//
//===----------------------------------------------------------------------===//

#include "KernelEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;
using namespace mlir::s2s::cpu;

//===----------------------------------------------------------------------===//
// Matching
//===----------------------------------------------------------------------===//

/// The combining op of a column-max body over (in = element, out =
/// running maximum), if that is all the body does.
static std::optional<MaxKind> maxKindOf(linalg::GenericOp op) {
  Block &body = op.getRegion().front();
  Value in = body.getArgument(0), out = body.getArgument(1);
  Value yielded = cast<linalg::YieldOp>(body.getTerminator()).getOperand(0);
  if (auto max = yielded.getDefiningOp<arith::MaximumFOp>()) {
    if (body.getOperations().size() == 2 &&
        ((max.getLhs() == in && max.getRhs() == out) ||
         (max.getLhs() == out && max.getRhs() == in)))
      return MaxKind::Maximum;
    return std::nullopt;
  }
  auto select = yielded.getDefiningOp<arith::SelectOp>();
  if (!select || body.getOperations().size() != 3 ||
      select.getTrueValue() != in || select.getFalseValue() != out)
    return std::nullopt;
  auto cmp = select.getCondition().getDefiningOp<arith::CmpFOp>();
  if (!cmp || cmp.getPredicate() != arith::CmpFPredicate::OGT ||
      cmp.getLhs() != in || cmp.getRhs() != out)
    return std::nullopt;
  return MaxKind::Greater;
}

namespace {
/// A fill on buffers: `out` set to `value` everywhere.
struct BufferFill {
  Value out, value;
};
} // namespace

/// `op` as a fill on buffers: a linalg.fill, or the linalg.generic it
/// generalizes to (one scalar input yielded at every point of its output).
static std::optional<BufferFill> matchBufferFill(Operation *op) {
  if (auto fill = dyn_cast<linalg::FillOp>(op)) {
    if (!fill.hasPureBufferSemantics())
      return std::nullopt;
    return BufferFill{fill.getOutputs()[0], fill.getInputs()[0]};
  }
  auto generic = dyn_cast<linalg::GenericOp>(op);
  if (!generic || !generic.hasPureBufferSemantics() ||
      generic.getNumDpsInputs() != 1 || generic.getNumDpsInits() != 1 ||
      generic.getNumParallelLoops() != generic.getNumLoops() ||
      !generic.getMatchingIndexingMap(generic.getDpsInitOperand(0))
           .isIdentity())
    return std::nullopt;
  Value scalar = generic.getDpsInputs()[0];
  Block &body = generic.getRegion().front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  if (isa<ShapedType>(scalar.getType()) || body.getOperations().size() != 1 ||
      yield.getValues()[0] != body.getArgument(0))
    return std::nullopt;
  return BufferFill{generic.getDpsInits()[0], scalar};
}

/// Whether `buffer` is allocated after `op` in op's block: memory nothing
/// before its allocation can alias.
static bool allocatedAfter(Value buffer, Operation *op) {
  auto alloc = buffer.getDefiningOp<memref::AllocOp>();
  return alloc && alloc->getBlock() == op->getBlock() &&
         op->isBeforeInBlock(alloc);
}

/// Whether `op` fills a buffer allocated after `after` in the same block.
static bool fillsFreshBuffer(Operation *op, Operation *after) {
  std::optional<BufferFill> fill = matchBufferFill(op);
  return fill && allocatedAfter(fill->out, after);
}

/// The column maximum of `c`'s C that follows it, with nothing in between
/// but ops that touch no memory, allocations and fills of fresh buffers
/// (its own initial -inf), or nullopt. C must be [m, n], without batch
/// dimensions, and the maximum's buffer fresh too.
std::optional<ColumnMax>
mlir::s2s::cpu::matchColumnMaxAfter(const Contraction &c) {
  if (c.kind != KernelKind::Axpy || !c.batchDims.empty())
    return std::nullopt;
  for (Operation *next = c.op->getNextNode(); next;
       next = next->getNextNode()) {
    auto generic = dyn_cast<linalg::GenericOp>(next);
    if (generic && generic.hasPureBufferSemantics() &&
        generic.getNumDpsInputs() == 1 && generic.getNumDpsInits() == 1 &&
        generic.getDpsInputs()[0] == c.c) {
      MLIRContext *ctx = generic.getContext();
      SmallVector<AffineMap> maps = generic.getIndexingMapsArray();
      SmallVector<utils::IteratorType> iterators =
          generic.getIteratorTypesArray();
      Value max = generic.getDpsInits()[0];
      std::optional<MaxKind> kind = maxKindOf(generic);
      if (!kind || iterators.size() != 2 ||
          iterators[0] != utils::IteratorType::reduction ||
          iterators[1] != utils::IteratorType::parallel ||
          !maps[0].isIdentity() ||
          maps[1] != AffineMap::get(2, 0, getAffineDimExpr(1, ctx)) ||
          !allocatedAfter(max, c.op))
        return std::nullopt;
      return ColumnMax{generic, max, *kind};
    }
    if (isMemoryEffectFree(next) || isa<memref::AllocOp>(next) ||
        fillsFreshBuffer(next, c.op))
      continue;
    return std::nullopt;
  }
  return std::nullopt;
}

/// Whether `op` sets every element of `out` to +0.0.
static bool isZeroFill(Operation *op, Value out) {
  std::optional<BufferFill> fill = matchBufferFill(op);
  FloatAttr value;
  return fill && fill->out == out &&
         matchPattern(fill->value, m_Constant(&value)) &&
         value.getValue().isPosZero();
}

/// The zero fill of exactly C that `op` follows, with nothing in between
/// that touches memory, or null.
Operation *mlir::s2s::cpu::matchZeroFillBefore(linalg::GenericOp op, Value c) {
  for (Operation *prev = op->getPrevNode(); prev; prev = prev->getPrevNode()) {
    if (isZeroFill(prev, c))
      return prev;
    if (!isMemoryEffectFree(prev))
      return nullptr;
  }
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Emission
//===----------------------------------------------------------------------===//

void KernelEmitter::fuseColumnMax(const ColumnMax &max) {
  assert(kernel == ContractionKernel::Axpy &&
         "the column maximum needs the axpy kernel's tiles");
  columnMax = max.max;
  columnMaxKind = max.kind;
}

void KernelEmitter::startFromZero() {
  assert(coversKInOnePass() && "the packed kernel's k blocks accumulate");
  fromZero = true;
}

/// max[j0 + v * vw + lane] folds in rows 0..mr-1 of the tile `tile`, in
/// order, as the column-max generic would.
void KernelEmitter::foldColumnMax(ValueRange tile, int64_t mr, Value j0,
                                  int64_t nv, Value mask) {
  for (int64_t v = 0; v < nv; ++v) {
    Value col = offset(j0, v * vw);
    Value acc = load(columnMax, col, mask, zeroVector());
    for (int64_t r = 0; r < mr; ++r) {
      Value x = tile[r * nv + v];
      if (columnMaxKind == MaxKind::Maximum) {
        acc = arith::MaximumFOp::create(b, loc, x, acc);
      } else {
        Value greater =
            arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, acc);
        acc = arith::SelectOp::create(b, loc, greater, x, acc);
      }
    }
    store(acc, columnMax, col, mask);
  }
}
