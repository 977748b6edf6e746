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
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "s2s/Dialect/S2S/IR/S2SDialect.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"
#include "llvm/ADT/TypeSwitch.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SINSERTSHAPECHECKSPASS
#include "s2s/Dialect/S2S/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;
using namespace mlir::s2s;

namespace {

//===----------------------------------------------------------------------===//

/// A rule the verifier checks where the sizes are static: dimension `dim`
/// of `value` equals `factor` times dimension `refDim` of `ref` or, without
/// `ref`, is at least 1.
struct DimRule {
  StringRef name;
  Value value;
  int64_t dim;
  StringRef refName;
  Value ref;
  int64_t refDim;
  int64_t factor = 1;
};

/// The rules relating dimensions of `op`'s operands that its verifier checks
/// when they are static, for the batch, sequence and mask dimensions (the
/// ones that may be dynamic).
static SmallVector<DimRule> getDimRules(Operation *op) {
  SmallVector<DimRule> rules;
  auto add = [&](StringRef name, Value value, int64_t dim, StringRef refName,
                 Value ref, int64_t refDim, int64_t factor = 1) {
    if (value && ref)
      rules.push_back({name, value, dim, refName, ref, refDim, factor});
  };
  // A mask of rank r aligned right with `target` (the named dimensions of
  // the scores): each dimension is a static 1 (broadcast) or the target's.
  auto addMask = [&](StringRef name, Value mask,
                     ArrayRef<std::tuple<StringRef, Value, int64_t>> target) {
    if (!mask)
      return;
    auto type = cast<RankedTensorType>(mask.getType());
    int64_t offset = static_cast<int64_t>(target.size()) - type.getRank();
    for (int64_t i = 0; i < type.getRank(); ++i) {
      if (type.getDimSize(i) == 1 || offset + i < 0)
        continue;
      auto [refName, ref, refDim] = target[offset + i];
      add(name, mask, i, refName, ref, refDim);
    }
  };
  llvm::TypeSwitch<Operation *>(op)
      .Case<RNNOp, LSTMOp, GRUOp>([&](auto layer) {
        int64_t batchDim = layer.getBatchFirst() ? 0 : 1;
        Value x = layer.getX();
        add("h0", layer.getH0(), 1, "x", x, batchDim);
        if constexpr (std::is_same_v<decltype(layer), LSTMOp>)
          add("c0", layer.getC0(), 1, "x", x, batchDim);
        add("seq_lens", layer.getSeqLens(), 0, "x", x, batchDim);
      })
      .Case([&](RecurrenceOp layer) {
        int64_t batchDim = layer.getBatchFirst() ? 0 : 1;
        Value x = layer.getXGates();
        add("h0", layer.getH0(), 1, "x_gates", x, batchDim);
        add("c0", layer.getC0(), 1, "x_gates", x, batchDim);
        add("seq_lens", layer.getSeqLens(), 0, "x_gates", x, batchDim);
      })
      .Case<RNNCellOp, GRUCellOp>(
          [&](auto cell) { add("h", cell.getH(), 0, "x", cell.getX(), 0); })
      .Case([&](LSTMCellOp cell) {
        add("h", cell.getH(), 0, "x", cell.getX(), 0);
        add("c", cell.getC(), 0, "x", cell.getX(), 0);
      })
      .Case([&](AttentionOp attn) {
        Value q = attn.getQuery(), k = attn.getKeys();
        add("keys", k, 0, "query", q, 0);
        add("values", attn.getValues(), 0, "query", q, 0);
        add("values", attn.getValues(), 1, "keys", k, 1);
        addMask("mask", attn.getMask(),
                {{"query", q, 0}, {"query", q, 1}, {"keys", k, 1}});
      })
      .Case([&](ScaledDotProductAttentionOp attn) {
        Value q = attn.getQuery(), k = attn.getKey();
        add("key", k, 0, "query", q, 0);
        add("value", attn.getValue(), 0, "query", q, 0);
        add("value", attn.getValue(), 2, "key", k, 2);
        addMask(
            "mask", attn.getMask(),
            {{"query", q, 0}, {"query", q, 1}, {"query", q, 2}, {"key", k, 2}});
      })
      .Case([&](ArgMaxOp argmax) {
        // The maximum of no elements is undefined (PyTorch raises).
        auto type = cast<RankedTensorType>(argmax.getInput().getType());
        int64_t dim = static_cast<int64_t>(argmax.getDim());
        if (dim < 0)
          dim += type.getRank();
        if (dim >= 0 && dim < type.getRank())
          rules.push_back({"input", argmax.getInput(), dim, "", nullptr, 0});
      })
      .Case([&](MultiHeadAttentionOp attn) {
        bool batchFirst = attn.getBatchFirst();
        int64_t batchDim = batchFirst ? 0 : 1, timeDim = batchFirst ? 1 : 0;
        Value q = attn.getQuery();
        Value k = attn.getKey() ? attn.getKey() : q;
        StringRef kName = attn.getKey() ? "key" : "query";
        if (attn.getKey()) {
          add("key", k, batchDim, "query", q, batchDim);
          add("value", attn.getValue(), batchDim, "query", q, batchDim);
          add("value", attn.getValue(), timeDim, "key", k, timeDim);
        }
        if (Value kpm = attn.getKeyPaddingMask()) {
          add("key_padding_mask", kpm, 0, "query", q, batchDim);
          add("key_padding_mask", kpm, 1, kName, k, timeDim);
        }
        if (Value am = attn.getAttnMask()) {
          int64_t rank = cast<RankedTensorType>(am.getType()).getRank();
          if (rank == 3)
            add("attn_mask", am, 0, "query", q, batchDim, attn.getNumHeads());
          add("attn_mask", am, rank - 2, "query", q, timeDim);
          add("attn_mask", am, rank - 1, kName, k, timeDim);
        }
      });
  // Rules between static dimensions were checked by the verifier.
  llvm::erase_if(rules, [](const DimRule &rule) {
    return !cast<RankedTensorType>(rule.value.getType())
                .isDynamicDim(rule.dim) &&
           (!rule.ref || !cast<RankedTensorType>(rule.ref.getType())
                              .isDynamicDim(rule.refDim));
  });
  return rules;
}

/// `file:line:col: ` of `loc`, when it has one.
static std::string locationPrefix(Location loc) {
  if (auto fileLoc = dyn_cast<FileLineColLoc>(loc))
    return (fileLoc.getFilename().str() + ":" + Twine(fileLoc.getLine()) + ":" +
            Twine(fileLoc.getColumn()) + ": ")
        .str();
  if (auto nameLoc = dyn_cast<NameLoc>(loc))
    return locationPrefix(nameLoc.getChildLoc());
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (std::string prefix = locationPrefix(inner); !prefix.empty())
        return prefix;
  return "";
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
  auto sizeOf = [&](Value value, int64_t dim) {
    return getValueOrCreateConstantIndexOp(
        b, loc, tensor::getMixedSize(b, loc, value, dim));
  };
  for (const DimRule &rule : rules) {
    Value size = sizeOf(rule.value, rule.dim);
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
      Value refSize = sizeOf(rule.ref, rule.refDim);
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

struct S2SInsertShapeChecksPass
    : s2s::impl::S2SInsertShapeChecksPassBase<S2SInsertShapeChecksPass> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation()->walk([&](Operation *op) {
      if (isa<S2SDialect>(op->getDialect()))
        ops.push_back(op);
    });
    for (Operation *op : ops)
      emitDimChecks(op);
  }
};

} // namespace
