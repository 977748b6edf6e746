//===- ForwardOutParams.cpp - results computed in the caller's buffers ----===//
//
// Replaces the allocation that a function's result is computed in by the
// caller's output buffer (through inverse reshapes), removing the final
// copy into it.
//
//===----------------------------------------------------------------------===//

#include "s2s/Bufferization/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SBUFFERIZATIONFORWARDOUTPARAMSPASS
#include "s2s/Bufferization/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

/// The allocation `value` views through expand/collapse_shape ops (each
/// with this as its only use), with those ops from the allocation outward.
static memref::AllocOp findAllocation(Value value,
                                      SmallVectorImpl<Operation *> &reshapes) {
  while (true) {
    Operation *def = value.getDefiningOp();
    if (!def)
      return nullptr;
    if (auto alloc = dyn_cast<memref::AllocOp>(def)) {
      std::reverse(reshapes.begin(), reshapes.end());
      return alloc;
    }
    if (!isa<memref::ExpandShapeOp, memref::CollapseShapeOp>(def) ||
        !def->hasOneUse())
      return nullptr;
    reshapes.push_back(def);
    value = def->getOperand(0);
  }
}

/// `out` seen as the allocation was: the inverse of each reshape, from the
/// outermost in. The ops built are appended to `created`.
static FailureOr<Value> invertReshapes(OpBuilder &b, Location loc, Value out,
                                       ArrayRef<Operation *> reshapes,
                                       SmallVectorImpl<Operation *> &created) {
  for (Operation *op : llvm::reverse(reshapes)) {
    if (auto expand = dyn_cast<memref::ExpandShapeOp>(op)) {
      auto type = cast<MemRefType>(expand.getSrc().getType());
      auto collapse = memref::CollapseShapeOp::create(
          b, loc, out, expand.getReassociationIndices());
      created.push_back(collapse);
      if (collapse.getType() != type)
        return failure();
      out = collapse;
      continue;
    }
    auto collapse = cast<memref::CollapseShapeOp>(op);
    auto type = cast<MemRefType>(collapse.getSrc().getType());
    if (!type.hasStaticShape())
      return failure();
    auto expand = memref::ExpandShapeOp::create(
        b, loc, type, out, collapse.getReassociationIndices());
    created.push_back(expand);
    out = expand;
  }
  return out;
}

/// Asserts, at `b`'s insertion point, that the dynamic sizes of `out`
/// (an output argument, or a view of it) are `sizes`, those of the result
/// computed for it; `what` names the argument in the message.
static void checkOutputSizes(OpBuilder &b, Location loc, Value out,
                             ArrayRef<Value> sizes, const std::string &what) {
  auto type = cast<MemRefType>(out.getType());
  Value holds;
  unsigned next = 0;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    if (!type.isDynamicDim(d))
      continue;
    Value dim = memref::DimOp::create(b, loc, out, d);
    Value same = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, dim,
                                       sizes[next++]);
    holds =
        holds ? arith::AndIOp::create(b, loc, holds, same).getResult() : same;
  }
  if (holds)
    cf::AssertOp::create(b, loc, holds,
                         what + ": its sizes must be those of the result "
                                "the model computes for it");
}

/// The dynamic sizes of `value`, a memref, as memref.dim ops at `b`.
static SmallVector<Value> dynamicSizes(OpBuilder &b, Location loc,
                                       Value value) {
  SmallVector<Value> sizes;
  auto type = cast<MemRefType>(value.getType());
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      sizes.push_back(memref::DimOp::create(b, loc, value, d));
  return sizes;
}

struct S2SBufferizationForwardOutParamsPass
    : s2s::impl::S2SBufferizationForwardOutParamsPassBase<
          S2SBufferizationForwardOutParamsPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    Block &entry = func.getBody().front();
    IRRewriter rewriter(&getContext());
    // An entry point's outputs take their sizes from the caller: they are
    // checked against the results'.
    bool isEntry = func.isPublic() &&
                   func->hasAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName());
    for (BlockArgument arg : func.getArguments()) {
      if (!isa<MemRefType>(arg.getType()) || !arg.hasOneUse())
        continue;
      auto copy = dyn_cast<memref::CopyOp>(*arg.getUsers().begin());
      if (!copy || copy.getTarget() != arg || copy->getBlock() != &entry)
        continue;
      std::string what = "argument #" + std::to_string(arg.getArgNumber()) +
                         " of @" + func.getName().str() + " (an output)";
      bool check = isEntry && !cast<MemRefType>(arg.getType()).hasStaticShape();
      auto checkAtCopy = [&] {
        if (!check)
          return;
        OpBuilder b(copy);
        checkOutputSizes(b, copy.getLoc(), arg,
                         dynamicSizes(b, copy.getLoc(), copy.getSource()),
                         what);
      };
      SmallVector<Operation *> reshapes;
      memref::AllocOp alloc = findAllocation(copy.getSource(), reshapes);
      if (!alloc || alloc->getBlock() != &entry ||
          !alloc.getType().getLayout().isIdentity()) {
        checkAtCopy();
        continue;
      }
      // Every use of the allocation must come before the copy (the
      // reshapes toward it included).
      bool usedAfter = llvm::any_of(alloc->getUsers(), [&](Operation *user) {
        Operation *inEntry = entry.findAncestorOpInBlock(*user);
        return !inEntry || copy->isBeforeInBlock(inEntry);
      });
      if (usedAfter) {
        checkAtCopy();
        continue;
      }
      OpBuilder builder(alloc);
      SmallVector<Operation *> created;
      FailureOr<Value> view =
          invertReshapes(builder, alloc.getLoc(), arg, reshapes, created);
      if (failed(view) || view->getType() != alloc.getType()) {
        for (Operation *op : llvm::reverse(created))
          rewriter.eraseOp(op);
        checkAtCopy();
        continue;
      }
      // Before anything writes the output through the view.
      if (check)
        checkOutputSizes(builder, alloc.getLoc(), *view,
                         llvm::to_vector(alloc.getDynamicSizes()), what);
      rewriter.eraseOp(copy);
      for (Operation *op : llvm::reverse(reshapes))
        rewriter.eraseOp(op);
      rewriter.replaceOp(alloc, *view);
    }
  }
};

} // namespace
