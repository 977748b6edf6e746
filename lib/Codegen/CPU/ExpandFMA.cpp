//===- ExpandFMA.cpp - multiply and add for targets without FMA -----------===//
//
// Rewrites math.fma and vector.fma as arith.mulf + arith.addf, so that a
// target without fused multiply-add gets two instructions per lane instead
// of a call of libm's fmaf.
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SCPUEXPANDFMAPASS
#include "s2s/Codegen/CPU/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

/// a * b + c as a multiplication then an addition, with `fastmath` flags.
static void replaceWithMulAdd(PatternRewriter &rewriter, Operation *op, Value a,
                              Value b, Value c, arith::FastMathFlags fastmath) {
  Value product = arith::MulFOp::create(rewriter, op->getLoc(), a, b, fastmath);
  rewriter.replaceOpWithNewOp<arith::AddFOp>(op, product, c, fastmath);
}

struct ExpandMathFMA : OpRewritePattern<math::FmaOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(math::FmaOp op,
                                PatternRewriter &rewriter) const override {
    replaceWithMulAdd(rewriter, op, op.getA(), op.getB(), op.getC(),
                      op.getFastmath());
    return success();
  }
};

struct ExpandVectorFMA : OpRewritePattern<vector::FMAOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(vector::FMAOp op,
                                PatternRewriter &rewriter) const override {
    replaceWithMulAdd(rewriter, op, op.getLhs(), op.getRhs(), op.getAcc(),
                      arith::FastMathFlags::none);
    return success();
  }
};

struct S2SCPUExpandFMAPass
    : s2s::impl::S2SCPUExpandFMAPassBase<S2SCPUExpandFMAPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ExpandMathFMA, ExpandVectorFMA>(&getContext());
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};

} // namespace
