//===- CopiesToLinalg.cpp - memref.copy as linalg.copy --------------------===//
//
// Rewrites memref.copy as linalg.copy so that no copy lowers to the
// memrefCopy runtime call; an unranked copy, which linalg cannot express, is
// an error. Nothing else in the IR is touched.
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SCPUCOPIESTOLINALGPASS
#include "s2s/Codegen/CPU/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {
struct S2SCPUCopiesToLinalgPass
    : s2s::impl::S2SCPUCopiesToLinalgPassBase<S2SCPUCopiesToLinalgPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    WalkResult result =
        getOperation()->walk([&](memref::CopyOp copy) {
          // linalg.copy needs ranked operands; an unranked copy would fall back
          // to the runtime call this pass exists to avoid.
          if (!isa<MemRefType>(copy.getSource().getType()) ||
              !isa<MemRefType>(copy.getTarget().getType())) {
            copy.emitOpError()
                << "copies an unranked memref, which s2s cannot lower without "
                   "the memrefCopy runtime function";
            return WalkResult::interrupt();
          }
          rewriter.setInsertionPoint(copy);
          rewriter.replaceOpWithNewOp<linalg::CopyOp>(copy, copy.getSource(),
                                                      copy.getTarget());
          return WalkResult::advance();
        });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace
