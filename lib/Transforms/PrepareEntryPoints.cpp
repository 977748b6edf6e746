//===- PrepareEntryPoints.cpp - the s2s calling convention ----------------===//
//
// Marks the tensor arguments of public functions read-only for
// bufferization and requests their C interface wrappers.
//
//===----------------------------------------------------------------------===//

#include "s2s/Transforms/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SPREPAREENTRYPOINTSPASS
#include "s2s/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {
struct S2SPrepareEntryPointsPass
    : s2s::impl::S2SPrepareEntryPointsPassBase<S2SPrepareEntryPointsPass> {
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
    }
  }
};
} // namespace
