//===- PackQKV.cpp - one projection GEMM for self-attention ---------------===//
//
// Concatenates the separate Q/K/V projection weights of a self-attention
// s2s.multi_head_attention or s2s.cached_multi_head_attention into one
// packed in_proj_weight, which the lowering turns into a single GEMM.
//
//===----------------------------------------------------------------------===//

#include "s2s/Dialect/S2S/Transforms/Passes.h"
#include "s2s/Dialect/S2S/Transforms/Transforms.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include <type_traits>

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SPACKQKVPASS
#include "s2s/Dialect/S2S/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;
using namespace mlir::s2s;

namespace {

/// Separate Q, K and V projection weights of a self-attention, packed into
/// one `in_proj_weight` (one GEMM with N = 3E instead of three).
template <typename OpTy>
struct PackSelfAttentionProjections : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Value wq = op.getQProjWeight(), wk = op.getKProjWeight(),
          wv = op.getVProjWeight();
    if (!wq || !wk || !wv)
      return rewriter.notifyMatchFailure(op, "projections already packed");
    if constexpr (std::is_same_v<OpTy, MultiHeadAttentionOp>) {
      Value query = op.getQuery();
      if (op.getKey() && (op.getKey() != query || op.getValue() != query))
        return rewriter.notifyMatchFailure(op, "not self-attention");
    }
    Value packed = tensor::ConcatOp::create(rewriter, op.getLoc(), /*dim=*/0,
                                            ValueRange{wq, wk, wv});
    rewriter.modifyOpInPlace(op, [&] {
      if constexpr (std::is_same_v<OpTy, MultiHeadAttentionOp>) {
        op.getKeyMutable().clear();
        op.getValueMutable().clear();
      }
      op.getInProjWeightMutable().assign(packed);
      op.getQProjWeightMutable().clear();
      op.getKProjWeightMutable().clear();
      op.getVProjWeightMutable().clear();
    });
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
  patterns.add<PackSelfAttentionProjections<MultiHeadAttentionOp>,
               PackSelfAttentionProjections<CachedMultiHeadAttentionOp>>(
      patterns.getContext());
}
