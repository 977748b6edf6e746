//===- FuseElementwise.cpp - fuse elementwise linalg chains ---------------===//
//
// Runs upstream's elementwise fusion on tensors, restricted to producers and
// consumers whose loops are all parallel, so that contractions keep the
// plain bodies the vector kernels match and nothing is computed twice.
//
//===----------------------------------------------------------------------===//

#include "s2s/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SLINALGFUSEELEMENTWISEPASS
#include "s2s/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

/// A linalg.generic whose loops are all parallel. Upstream's
/// linalg::isElementwise is narrower: it wants every indexing map a
/// projected permutation, which refuses maps with constant results such as
/// (d0, d1) -> (d0, 2, d1), the way a recurrent step's gate math reads one
/// gate of the [B, G, H] gates. With it, that gate math no longer fuses with
/// the seq_lens select after it (an extra [B, H] pass per step, seen in the
/// IR of every recurrent test with seq_lens); upstream's fusion itself
/// (linalg::fuseElementwiseOps) handles such maps.
static bool isElementwiseGeneric(Operation *op) {
  auto generic = dyn_cast_or_null<linalg::GenericOp>(op);
  return generic && generic.getNumLoops() == generic.getNumParallelLoops();
}

/// Whether the value read by `operand` may be computed inside its consumer.
static bool mayFuse(OpOperand *operand) {
  Operation *consumer = operand->getOwner();
  if (!isElementwiseGeneric(consumer))
    return false;
  Operation *producer = operand->get().getDefiningOp();
  if (!producer)
    return false;
  // A splat constant becomes a scalar in the body.
  if (auto constant = dyn_cast<arith::ConstantOp>(producer)) {
    auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
    return dense && dense.isSplat();
  }
  if (!isElementwiseGeneric(producer))
    return false;
  // A producer that reads its outputs (a running state updated in place)
  // stays whole: inside a consumer of more loops it would read values it
  // has already updated.
  auto generic = cast<linalg::GenericOp>(producer);
  if (llvm::any_of(generic.getDpsInitsMutable(), [&](OpOperand &init) {
        return generic.payloadUsesValueFromOperand(&init);
      }))
    return false;
  // Every use in this consumer, so the producer goes away.
  return llvm::all_of(operand->get().getUsers(),
                      [&](Operation *user) { return user == consumer; });
}

struct S2SLinalgFuseElementwisePass
    : s2s::impl::S2SLinalgFuseElementwisePassBase<
          S2SLinalgFuseElementwisePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    linalg::populateElementwiseOpsFusionPatterns(patterns, mayFuse);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
