//===- DecomposeAggregates.cpp - aggregate linalg ops as generics ---------===//
//
// Rewrites the linalg ops that implement AggregatedOpInterface (upstream's
// linalg.softmax) into the linalg.generic / linalg.fill ops they are made
// of, so that they bufferize and lower to loops like any other linalg op.
// An importer emits linalg.softmax for graph passes to match; whatever is
// left of it after those passes goes through here.
//
//===----------------------------------------------------------------------===//

#include "s2s/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SDECOMPOSEAGGREGATESPASS
#include "s2s/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {
struct S2SDecomposeAggregatesPass
    : s2s::impl::S2SDecomposeAggregatesPassBase<S2SDecomposeAggregatesPass> {
  void runOnOperation() override {
    SmallVector<linalg::AggregatedOpInterface> aggregates;
    getOperation()->walk([&](linalg::AggregatedOpInterface op) {
      aggregates.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::AggregatedOpInterface op : aggregates) {
      rewriter.setInsertionPoint(op);
      FailureOr<SmallVector<Value>> parts = op.decomposeOperation(rewriter);
      if (failed(parts)) {
        op->emitOpError() << "cannot be decomposed into linalg.generic ops";
        return signalPassFailure();
      }
      rewriter.replaceOp(op, *parts);
    }
  }
};
} // namespace
