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
