//===- PrepareEntryPoints.cpp - the s2s calling convention ----------------===//
//
// Marks the tensor arguments of public functions read-only for
// bufferization and requests their C interface wrappers.
//
//===----------------------------------------------------------------------===//

#include "s2s/Bufferization/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseSet.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SBUFFERIZATIONPREPAREENTRYPOINTSPASS
#include "s2s/Bufferization/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

/// Copies every tensor that `ret` returns more than once, so that each
/// result gets a buffer of its own once results become out-parameters.
static void copyRepeatedResults(func::ReturnOp ret) {
  OpBuilder builder(ret);
  llvm::DenseSet<Value> seen;
  for (OpOperand &operand : ret->getOpOperands()) {
    Value value = operand.get();
    auto type = dyn_cast<RankedTensorType>(value.getType());
    if (!type || seen.insert(value).second)
      continue;
    Location loc = ret.getLoc();
    SmallVector<OpFoldResult> sizes =
        tensor::getMixedSizes(builder, loc, value);
    Value init = tensor::EmptyOp::create(builder, loc, sizes,
                                         type.getElementType());
    operand.set(linalg::CopyOp::create(builder, loc, value, init)
                    .getResult(0));
  }
}

namespace {
struct S2SBufferizationPrepareEntryPointsPass
    : s2s::impl::S2SBufferizationPrepareEntryPointsPassBase<S2SBufferizationPrepareEntryPointsPass> {
  void runOnOperation() override {
    Builder builder(&getContext());
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      if (func.isExternal() || !func.isPublic())
        continue;
      for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i)
        if (isa<TensorType>(func.getArgument(i).getType()))
          func.setArgAttr(i,
                          bufferization::BufferizationDialect::kWritableAttrName,
                          builder.getBoolAttr(false));
      func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                    builder.getUnitAttr());
      func.walk(copyRepeatedResults);
    }
  }
};
} // namespace
