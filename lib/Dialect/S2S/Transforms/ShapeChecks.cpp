//===- ShapeChecks.cpp - run-time checks of dynamic dimensions ------------===//
//
// The s2s-insert-shape-checks pass: before each s2s op, a cf.assert for
// each shape rule of the op that relates a dynamic dimension (the batch of
// x and of h0, the length of keys and of values, a mask's dimensions). The
// verifier checks these rules where the sizes are static; at run time a
// size that breaks one would make the compiled code read out of bounds.
// The entry point ABI turns the checks into a status
// (s2s-bufferization-shape-functions); the asserts that remain stop the
// program with the message.
//
//===----------------------------------------------------------------------===//

#include "s2s/Dialect/S2S/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "s2s/Dialect/S2S/IR/S2SDialect.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"
#include "s2s/Support/RuntimeChecks.h"
#include "llvm/ADT/SetVector.h"

#include <optional>

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SINSERTSHAPECHECKSPASS
#define GEN_PASS_DEF_S2SINSERTVALUECHECKSPASS
#define GEN_PASS_DEF_S2SREMOVEVALUECHECKSPASS
#include "s2s/Dialect/S2S/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;
using namespace mlir::s2s;

namespace {

//===----------------------------------------------------------------------===//

/// Dimension `dim` of `value` as an index value at `b`.
static Value sizeOf(OpBuilder &b, Location loc, Value value, int64_t dim) {
  return getValueOrCreateConstantIndexOp(
      b, loc, tensor::getMixedSize(b, loc, value, dim));
}

/// Emits a cf.assert before `op` for each rule relating a dynamic dimension
/// of its operands: at run time, a size that breaks a shape rule stops the
/// program with a message naming the op, the operands and the dimensions,
/// instead of reading out of bounds.
static void emitDimChecks(Operation *op) {
  SmallVector<DimRule> rules = getDimRules(op);
  if (rules.empty())
    return;
  OpBuilder b(op);
  Location loc = op->getLoc();
  std::string where = locationPrefix(loc) + op->getName().getStringRef().str();
  for (const DimRule &rule : rules) {
    Value size = sizeOf(b, loc, rule.value, rule.dim);
    std::string message;
    llvm::raw_string_ostream os(message);
    os << where << ": dimension " << rule.dim << " of operand '" << rule.name
       << "' must ";
    Value holds;
    if (!rule.ref) {
      holds = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, size,
                                    arith::ConstantIndexOp::create(b, loc, 1));
      os << "not be 0";
    } else {
      Value refSize = sizeOf(b, loc, rule.ref, rule.refDim);
      if (rule.factor != 1)
        refSize = arith::MulIOp::create(
            b, loc, refSize,
            arith::ConstantIndexOp::create(b, loc, rule.factor));
      holds = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, size,
                                    refSize);
      os << "equal ";
      if (rule.factor != 1)
        os << rule.factor << " times ";
      os << "dimension " << rule.refDim << " of '" << rule.refName << "'";
    }
    os << " (a dynamic size given at run time)";
    cf::AssertOp::create(b, loc, holds, message);
  }
}

/// A write of new entries into a KV cache at a position: the entries'
/// positions lie along `entriesDim` of `entries`, the cache's along
/// `cacheDim` of `cache`.
struct CacheWrite {
  Value entries, cache, pos;
  int64_t entriesDim, cacheDim;
  StringRef entriesName, cacheName;

  static std::optional<CacheWrite> of(Operation *op) {
    if (auto append = dyn_cast<KVCacheAppendOp>(op)) {
      int64_t dim = static_cast<int64_t>(append.getDim());
      if (dim < 0)
        dim += cast<RankedTensorType>(append.getCache().getType()).getRank();
      return CacheWrite{append.getNewEntries(),
                        append.getCache(),
                        append.getPos(),
                        dim,
                        dim,
                        "new_entries",
                        "cache"};
    }
    if (auto attn = dyn_cast<CachedMultiHeadAttentionOp>(op))
      return CacheWrite{attn.getQuery(),
                        attn.getKeyCache(),
                        attn.getPos(),
                        attn.getBatchFirst() ? 1 : 0,
                        2,
                        "query",
                        "key_cache"};
    return std::nullopt;
  }
};

/// Emits before `op` the checks of the size rules that are not equalities,
/// where a size involved is dynamic (the verifier checks static ones): the
/// new entries of a KV cache append fit in the cache, and a gather
/// (embedding, index_select) from a dimension of size 0 has no index.
static void emitBoundChecks(Operation *op) {
  OpBuilder b(op);
  Location loc = op->getLoc();
  std::string where = locationPrefix(loc) + op->getName().getStringRef().str();
  auto isDynamic = [](Value value, int64_t dim) {
    return cast<RankedTensorType>(value.getType()).isDynamicDim(dim);
  };
  auto normalize = [](Value value, int64_t dim) {
    return dim < 0 ? dim + cast<RankedTensorType>(value.getType()).getRank()
                   : dim;
  };
  if (std::optional<CacheWrite> write = CacheWrite::of(op)) {
    if (!isDynamic(write->entries, write->entriesDim) &&
        !isDynamic(write->cache, write->cacheDim))
      return;
    Value holds =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle,
                              sizeOf(b, loc, write->entries, write->entriesDim),
                              sizeOf(b, loc, write->cache, write->cacheDim));
    cf::AssertOp::create(
        b, loc, holds,
        where + ": dimension " + std::to_string(write->entriesDim) +
            " of operand '" + write->entriesName.str() +
            "' must not exceed dimension " + std::to_string(write->cacheDim) +
            " of '" + write->cacheName.str() +
            "' (its capacity) (a dynamic size given at run "
            "time)");
    return;
  }
  // A gather from `source` along `dim` at `indices`.
  Value source, indices;
  int64_t dim = 0;
  StringRef sourceName;
  if (auto embedding = dyn_cast<EmbeddingOp>(op)) {
    source = embedding.getWeight();
    indices = embedding.getIndices();
    sourceName = "weight";
  } else if (auto select = dyn_cast<IndexSelectOp>(op)) {
    source = select.getInput();
    indices = select.getIndices();
    dim = normalize(source, static_cast<int64_t>(select.getDim()));
    sourceName = "input";
  } else {
    return;
  }
  auto indicesType = cast<RankedTensorType>(indices.getType());
  if (!isDynamic(source, dim) || llvm::is_contained(indicesType.getShape(), 0))
    return;
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value count = arith::ConstantIndexOp::create(b, loc, 1);
  for (int64_t i = 0; i < indicesType.getRank(); ++i)
    count = arith::MulIOp::create(b, loc, count, sizeOf(b, loc, indices, i));
  Value holds = arith::OrIOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                            sizeOf(b, loc, source, dim), zero),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, count, zero));
  cf::AssertOp::create(b, loc, holds,
                       where + ": dimension " + std::to_string(dim) +
                           " of operand '" + sourceName.str() +
                           "' must not be 0 when 'indices' has elements, "
                           "which would have nothing to select (a dynamic "
                           "size given at run time)");
}

/// Emits, at `b`, a cf.assert that every element of the integer tensor
/// `values` lies in [0, bound) (or [0, bound] when `inclusive`): a loop
/// over the elements, which reads them.
static void emitRangeCheck(OpBuilder &b, Location loc, Value values,
                           Value bound, bool inclusive,
                           const std::string &message) {
  Type i64 = b.getI64Type();
  Value zero = arith::ConstantIntOp::create(b, loc, i64, 0);
  Value limit = arith::IndexCastOp::create(b, loc, i64, bound);
  Value holds = buildAllInRange(b, loc, values, zero, limit, inclusive);
  cf::AssertOp::create(b, loc, holds, message)
      ->setAttr(S2SDialect::getValueCheckAttrName(), b.getUnitAttr());
}

/// The check of `seq_lens` of a recurrent layer: every length in [0, T].
template <typename OpT> static void emitSeqLensCheck(OpT op, Value x) {
  Value seqLens = op.getSeqLens();
  if (!seqLens)
    return;
  OpBuilder b(op);
  Location loc = op.getLoc();
  int64_t timeDim = op.getBatchFirst() ? 1 : 0;
  Value steps = getValueOrCreateConstantIndexOp(
      b, loc, tensor::getMixedSize(b, loc, x, timeDim));
  auto xType = cast<RankedTensorType>(x.getType());
  std::string length = xType.isDynamicDim(timeDim)
                           ? "T"
                           : std::to_string(xType.getDimSize(timeDim));
  emitRangeCheck(b, loc, seqLens, steps, /*inclusive=*/true,
                 locationPrefix(loc) + op->getName().getStringRef().str() +
                     ": every value of 'seq_lens' must be in [0, " + length +
                     "] (" + length +
                     ": the number of steps of 'x'; a value given at run "
                     "time)");
}

/// The check of the indices of an embedding: every index in [0, V).
static void emitEmbeddingCheck(EmbeddingOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value rows = getValueOrCreateConstantIndexOp(
      b, loc, tensor::getMixedSize(b, loc, op.getWeight(), 0));
  auto weightType = cast<RankedTensorType>(op.getWeight().getType());
  std::string count = weightType.isDynamicDim(0)
                          ? "V"
                          : std::to_string(weightType.getDimSize(0));
  emitRangeCheck(b, loc, op.getIndices(), rows, /*inclusive=*/false,
                 locationPrefix(loc) +
                     "s2s.embedding: every index must be "
                     "in [0, " +
                     count + ") (" + count +
                     ": the rows of 'weight'; a value given at run time)");
}

/// The check of the indices of an index_select: every index in [0, size of
/// `dim`).
static void emitIndexSelectCheck(IndexSelectOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  auto inputType = cast<RankedTensorType>(op.getInput().getType());
  int64_t dim = static_cast<int64_t>(op.getDim());
  if (dim < 0)
    dim += inputType.getRank();
  Value size = getValueOrCreateConstantIndexOp(
      b, loc, tensor::getMixedSize(b, loc, op.getInput(), dim));
  std::string count = inputType.isDynamicDim(dim)
                          ? "N"
                          : std::to_string(inputType.getDimSize(dim));
  emitRangeCheck(b, loc, op.getIndices(), size, /*inclusive=*/false,
                 locationPrefix(loc) +
                     "s2s.index_select: every index must be in [0, " + count +
                     ") (" + count + ": the size of 'input' along dimension " +
                     std::to_string(dim) + "; a value given at run time)");
}

/// The check of the position of a write into a KV cache: pos in
/// [0, T_max - S].
static void emitCachePositionCheck(Operation *op, const CacheWrite &write) {
  OpBuilder b(op);
  Location loc = op->getLoc();
  auto cacheType = cast<RankedTensorType>(write.cache.getType());
  auto newType = cast<RankedTensorType>(write.entries.getType());
  Value capacity = sizeOf(b, loc, write.cache, write.cacheDim);
  Value count = sizeOf(b, loc, write.entries, write.entriesDim);
  Value last = arith::SubIOp::create(b, loc, capacity, count);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value holds = arith::AndIOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, write.pos, zero),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle, write.pos,
                            last));
  auto size = [](RankedTensorType type, int64_t d, StringRef name) {
    return type.isDynamicDim(d) ? name.str()
                                : std::to_string(type.getDimSize(d));
  };
  std::string tMax = size(cacheType, write.cacheDim, "T_max");
  std::string s = size(newType, write.entriesDim, "S");
  cf::AssertOp::create(
      b, loc, holds,
      locationPrefix(loc) + op->getName().getStringRef().str() +
          ": 'pos' must be in [0, " + tMax + " - " + s + "] (" + tMax +
          ": the capacity of '" + write.cacheName.str() + "', " + s +
          ": the positions of '" + write.entriesName.str() +
          "' along dimension " + std::to_string(write.entriesDim) +
          "; a value given at run time)")
      ->setAttr(S2SDialect::getValueCheckAttrName(), b.getUnitAttr());
}

struct S2SInsertValueChecksPass
    : s2s::impl::S2SInsertValueChecksPassBase<S2SInsertValueChecksPass> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation()->walk([&](Operation *op) {
      if (isa<S2SDialect>(op->getDialect()))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      if (auto rnn = dyn_cast<RNNOp>(op))
        emitSeqLensCheck(rnn, rnn.getX());
      else if (auto lstm = dyn_cast<LSTMOp>(op))
        emitSeqLensCheck(lstm, lstm.getX());
      else if (auto gru = dyn_cast<GRUOp>(op))
        emitSeqLensCheck(gru, gru.getX());
      else if (auto recurrence = dyn_cast<RecurrenceOp>(op))
        emitSeqLensCheck(recurrence, recurrence.getXGates());
      else if (auto embedding = dyn_cast<EmbeddingOp>(op))
        emitEmbeddingCheck(embedding);
      else if (auto select = dyn_cast<IndexSelectOp>(op))
        emitIndexSelectCheck(select);
      else if (std::optional<CacheWrite> write = CacheWrite::of(op))
        emitCachePositionCheck(op, *write);
    }
  }
};

struct S2SRemoveValueChecksPass
    : s2s::impl::S2SRemoveValueChecksPassBase<S2SRemoveValueChecksPass> {
  void runOnOperation() override {
    SmallVector<cf::AssertOp> checks;
    getOperation()->walk([&](cf::AssertOp check) {
      if (check->hasAttr(S2SDialect::getValueCheckAttrName()))
        checks.push_back(check);
    });
    IRRewriter rewriter(&getContext());
    for (cf::AssertOp check : checks) {
      Operation *condition = check.getArg().getDefiningOp();
      rewriter.eraseOp(check);
      // The computation of the condition, as far as nothing else uses it
      // (an op is queued once at a time, and erased only once unused).
      llvm::SetVector<Operation *> worklist;
      if (condition)
        worklist.insert(condition);
      while (!worklist.empty()) {
        Operation *op = worklist.pop_back_val();
        if (!isOpTriviallyDead(op))
          continue;
        // What it and the ops in its regions (a loop's body) read.
        SmallVector<Operation *> defs;
        op->walk([&](Operation *nested) {
          for (Value operand : nested->getOperands())
            if (Operation *def = operand.getDefiningOp())
              if (!op->isAncestor(def))
                defs.push_back(def);
        });
        rewriter.eraseOp(op);
        for (Operation *def : defs)
          worklist.insert(def);
      }
    }
  }
};

struct S2SInsertShapeChecksPass
    : s2s::impl::S2SInsertShapeChecksPassBase<S2SInsertShapeChecksPass> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation()->walk([&](Operation *op) {
      if (isa<S2SDialect>(op->getDialect()))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      emitDimChecks(op);
      emitBoundChecks(op);
    }
  }
};

} // namespace
