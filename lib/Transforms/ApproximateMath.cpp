//===- ApproximateMath.cpp - vectorizable math functions ------------------===//
//
// Applies upstream MLIR's polynomial approximations of math functions, so
// that the elementwise loops of gates and softmaxes vectorize instead of
// calling libm one element at a time.
//
//===----------------------------------------------------------------------===//

#include "s2s/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SLINALGAPPROXIMATEMATHPASS
#include "s2s/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {
struct S2SLinalgApproximateMathPass
    : s2s::impl::S2SLinalgApproximateMathPassBase<S2SLinalgApproximateMathPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateMathPolynomialApproximationPatterns(
        patterns, [](StringRef name) {
          return llvm::is_contained({"math.exp", "math.expm1", "math.tanh",
                                     "math.log", "math.log1p", "math.log2",
                                     "math.erf", "math.sin", "math.cos"},
                                    name);
        });
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
