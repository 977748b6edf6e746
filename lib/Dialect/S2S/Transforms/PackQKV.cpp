//===- PackQKV.cpp - one projection GEMM for self-attention ---------------===//
//
// Concatenates the separate Q/K/V projection weights of a self-attention
// s2s.multi_head_attention into one packed in_proj_weight, which the
// lowering turns into a single GEMM.
//
//===----------------------------------------------------------------------===//

#include "s2s/Dialect/S2S/Transforms/Passes.h"
#include "s2s/Dialect/S2S/Transforms/Transforms.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SPACKQKVPASS
#include "s2s/Dialect/S2S/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;
using namespace mlir::s2s;

namespace {

struct PackSelfAttentionProjections
    : OpRewritePattern<MultiHeadAttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MultiHeadAttentionOp op,
                                PatternRewriter &rewriter) const override {
    Value wq = op.getQProjWeight(), wk = op.getKProjWeight(),
          wv = op.getVProjWeight();
    if (!wq || !wk || !wv)
      return rewriter.notifyMatchFailure(op, "projections already packed");
    Value query = op.getQuery();
    if (op.getKey() && (op.getKey() != query || op.getValue() != query))
      return rewriter.notifyMatchFailure(op, "not self-attention");
    Location loc = op.getLoc();
    Value packed = tensor::ConcatOp::create(rewriter, loc, /*dim=*/0,
                                            ValueRange{wq, wk, wv});
    auto packedOp = MultiHeadAttentionOp::create(
        rewriter, loc, query, /*key=*/nullptr, /*value=*/nullptr, packed,
        /*q_proj_weight=*/nullptr, /*k_proj_weight=*/nullptr,
        /*v_proj_weight=*/nullptr, op.getInProjBias(), op.getOutProjWeight(),
        op.getOutProjBias(), op.getKeyPaddingMask(), op.getAttnMask(),
        op.getNumHeads(), op.getBatchFirst(), op.getCausal(),
        op.getNeedWeights());
    rewriter.replaceOp(op, packedOp.getResults());
    return success();
  }
};

struct S2SPackQKVPass : s2s::impl::S2SPackQKVPassBase<S2SPackQKVPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populatePackQKVPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void mlir::s2s::populatePackQKVPatterns(RewritePatternSet &patterns) {
  patterns.add<PackSelfAttentionProjections>(patterns.getContext());
}
