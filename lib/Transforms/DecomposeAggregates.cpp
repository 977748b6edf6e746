//===- DecomposeAggregates.cpp - linalg.softmax and kin as generics -------===//
//
// Replaces every op implementing linalg's AggregatedOpInterface (on tensors:
// linalg.softmax) by the structured ops of its own decomposition, which the
// rest of the pipeline lowers like any other linalg.generic. An op that
// cannot be decomposed is an error.
//
//===----------------------------------------------------------------------===//

#include "s2s/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SLINALGDECOMPOSEAGGREGATESPASS
#include "s2s/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {
struct S2SLinalgDecomposeAggregatesPass
    : s2s::impl::S2SLinalgDecomposeAggregatesPassBase<S2SLinalgDecomposeAggregatesPass> {
  void runOnOperation() override {
    SmallVector<linalg::AggregatedOpInterface> ops;
    getOperation()->walk(
        [&](linalg::AggregatedOpInterface op) { ops.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (linalg::AggregatedOpInterface op : ops) {
      rewriter.setInsertionPoint(op);
      FailureOr<SmallVector<Value>> results = op.decomposeOperation(rewriter);
      if (failed(results)) {
        op->emitOpError() << "cannot be decomposed into linalg ops";
        return signalPassFailure();
      }
      rewriter.replaceOp(op, *results);
    }
  }
};
} // namespace
