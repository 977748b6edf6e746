//===- ExpandDynamicReshapes.cpp - dynamic expand_shape as a cast ---------===//
//
// Rewrites memref.expand_shape ops that split one dimension into several
// dynamic ones (a [T*B, N] GEMM result viewed as [T, B, N] when both T and B
// are dynamic) into memref.reinterpret_cast of the source's base buffer,
// with the strides computed from the source's strides and the output sizes.
// MLIR 22's expand-strided-metadata crashes on such expand_shape ops; every
// other reshape is left to it.
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SCPUEXPANDDYNAMICRESHAPESPASS
#include "s2s/Codegen/CPU/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

/// Whether a reassociation group of `op` holds more than one dynamic size.
static bool hasGroupOfDynamicSizes(memref::ExpandShapeOp op) {
  MemRefType type = op.getResultType();
  return llvm::any_of(op.getReassociationIndices(),
                      [&](const ReassociationIndices &group) {
                        return llvm::count_if(group, [&](int64_t dim) {
                                 return type.isDynamicDim(dim);
                               }) > 1;
                      });
}

struct ExpandShapeAsReinterpretCast : OpRewritePattern<memref::ExpandShapeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(memref::ExpandShapeOp op,
                                PatternRewriter &rewriter) const override {
    if (!hasGroupOfDynamicSizes(op))
      return rewriter.notifyMatchFailure(op,
                                         "no group of several dynamic sizes");
    MemRefType resultType = op.getResultType();
    auto [resultStrides, resultOffset] = resultType.getStridesAndOffset();
    Location loc = op.getLoc();
    auto meta =
        memref::ExtractStridedMetadataOp::create(rewriter, loc, op.getSrc());
    SmallVector<OpFoldResult> sizes = op.getMixedOutputShape();
    // Within a group, the innermost dimension keeps the source's stride and
    // each one further out multiplies it by the sizes inside it.
    SmallVector<OpFoldResult> strides(resultType.getRank());
    for (auto [srcDim, group] : llvm::enumerate(op.getReassociationIndices())) {
      OpFoldResult stride = meta.getConstifiedMixedStrides()[srcDim];
      for (int64_t dim : llvm::reverse(group)) {
        strides[dim] = stride;
        std::optional<int64_t> a = getConstantIntValue(stride),
                               b = getConstantIntValue(sizes[dim]);
        if (a && b)
          stride = rewriter.getIndexAttr(*a * *b);
        else
          stride =
              arith::MulIOp::create(
                  rewriter, loc,
                  getValueOrCreateConstantIndexOp(rewriter, loc, stride),
                  getValueOrCreateConstantIndexOp(rewriter, loc, sizes[dim]))
                  .getResult();
      }
    }
    // What the result type states statically is used as such.
    for (int64_t dim = 0; dim < resultType.getRank(); ++dim) {
      if (!resultType.isDynamicDim(dim))
        sizes[dim] = rewriter.getIndexAttr(resultType.getDimSize(dim));
      if (!ShapedType::isDynamic(resultStrides[dim]))
        strides[dim] = rewriter.getIndexAttr(resultStrides[dim]);
    }
    OpFoldResult offset = meta.getConstifiedMixedOffset();
    if (!ShapedType::isDynamic(resultOffset))
      offset = rewriter.getIndexAttr(resultOffset);
    rewriter.replaceOpWithNewOp<memref::ReinterpretCastOp>(
        op, resultType, meta.getBaseBuffer(), offset, sizes, strides);
    return success();
  }
};

struct S2SCPUExpandDynamicReshapesPass
    : s2s::impl::S2SCPUExpandDynamicReshapesPassBase<
          S2SCPUExpandDynamicReshapesPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ExpandShapeAsReinterpretCast>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
