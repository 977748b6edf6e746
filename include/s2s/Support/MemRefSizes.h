//===- MemRefSizes.h - sizes of buffers as sizes of arguments ---*- C++ -*-===//
//
// The bufferization and CPU passes need the sizes of dynamic buffers where
// nothing has been computed yet (the entry's status checks, the arena taken
// at the first allocation): they rewrite each memref.dim as a size of what
// its memref is made from, in the end of the function's arguments.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_SUPPORT_MEMREFSIZES_H
#define S2S_SUPPORT_MEMREFSIZES_H

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir {
namespace s2s {

/// memref.dim of a loop result that every iteration yields unchanged (a
/// buffer the loop writes in place, such as an RNN's output): the dim of
/// the loop's initial value.
struct DimOfUnchangedLoopResult : OpRewritePattern<memref::DimOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(memref::DimOp dim,
                                PatternRewriter &rewriter) const override {
    auto result = dyn_cast<OpResult>(dim.getSource());
    auto loop = result ? dyn_cast<scf::ForOp>(result.getOwner()) : nullptr;
    if (!loop)
      return failure();
    unsigned i = result.getResultNumber();
    if (loop.getYieldedValues()[i] != loop.getRegionIterArgs()[i])
      return failure();
    rewriter.modifyOpInPlace(
        dim, [&] { dim.getSourceMutable().assign(loop.getInitArgs()[i]); });
    return success();
  }
};

/// Rewrites the memref.dim ops under `root` as sizes of what their memrefs
/// are made from: an allocation's operands, a reshape's or view's source, a
/// loop's initial value that the loop does not replace.
inline void resolveMemRefDims(Operation *root) {
  MLIRContext *ctx = root->getContext();
  RewritePatternSet patterns(ctx);
  memref::populateResolveRankedShapedTypeResultDimsPatterns(patterns);
  memref::DimOp::getCanonicalizationPatterns(patterns, ctx);
  patterns.add<DimOfUnchangedLoopResult>(ctx);
  (void)applyPatternsGreedily(root, std::move(patterns));
}

} // namespace s2s
} // namespace mlir

#endif // S2S_SUPPORT_MEMREFSIZES_H
