//===- HoistRNNInput.cpp - one GEMM for the input projection --------------===//
//
// Splits s2s.rnn/lstm/gru into an s2s.linear computing x W_ih^T + b_ih for
// every time step and direction at once, and an s2s.recurrence consuming
// those input gates.
//
//===----------------------------------------------------------------------===//

#include "s2s/Dialect/S2S/Transforms/Passes.h"
#include "s2s/Dialect/S2S/Transforms/Transforms.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SHOISTRNNINPUTPASS
#include "s2s/Dialect/S2S/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;
using namespace mlir::s2s;

namespace {

/// What distinguishes the three layer ops for the rewrite.
template <typename OpTy>
struct LayerTraits;

template <>
struct LayerTraits<RNNOp> {
  static Activation activation(RNNOp op) { return op.getActivation(); }
  static bool linearBeforeReset(RNNOp) { return true; }
  static Value c0(RNNOp) { return nullptr; }
  static Value peepholes(RNNOp) { return nullptr; }
};

template <>
struct LayerTraits<LSTMOp> {
  static Activation activation(LSTMOp) { return Activation::tanh; }
  static bool linearBeforeReset(LSTMOp) { return true; }
  static Value c0(LSTMOp op) { return op.getC0(); }
  static Value peepholes(LSTMOp op) { return op.getPeepholes(); }
};

template <>
struct LayerTraits<GRUOp> {
  static Activation activation(GRUOp) { return Activation::tanh; }
  static bool linearBeforeReset(GRUOp op) { return op.getLinearBeforeReset(); }
  static Value c0(GRUOp) { return nullptr; }
  static Value peepholes(GRUOp) { return nullptr; }
};

template <typename OpTy>
struct HoistLayerInput : OpRewritePattern<OpTy> {
  HoistLayerInput(MLIRContext *context, ControlHoistFn control)
      : OpRewritePattern<OpTy>(context), control(std::move(control)) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (control && !control(op))
      return rewriter.notifyMatchFailure(op, "rejected by the control function");
    using Traits = LayerTraits<OpTy>;
    // s2s.recurrence has neither clipping nor peepholes (ONNX's extensions):
    // such layers keep their in-loop input projection.
    if (op.getClip() || Traits::peepholes(op))
      return rewriter.notifyMatchFailure(
          op, "s2s.recurrence carries neither clip nor peepholes");
    Location loc = op.getLoc();
    // [D, G*H, I] -> [D*G*H, I] and [D, G*H] -> [D*G*H]: the directions'
    // projections side by side, as s2s.recurrence expects them.
    Value weight = tensor::CollapseShapeOp::create(
        rewriter, loc, op.getWIh(), ArrayRef<ReassociationIndices>{{0, 1}, {2}});
    Value bias;
    if (Value bIh = op.getBIh())
      bias = tensor::CollapseShapeOp::create(
          rewriter, loc, bIh, ArrayRef<ReassociationIndices>{{0, 1}});
    Value gates = LinearOp::create(rewriter, loc, op.getX(), weight, bias);
    auto recurrence = RecurrenceOp::create(
        rewriter, loc, op.getCellKind(), gates, op.getWHh(), op.getBHh(),
        op.getH0(), Traits::c0(op), op.getSeqLens(), op.getHiddenSize(),
        op.getDirection(), op.getBatchFirst(), Traits::activation(op),
        Traits::linearBeforeReset(op));
    rewriter.replaceOp(op, recurrence.getResults());
    return success();
  }

  ControlHoistFn control;
};

struct S2SHoistRNNInputPass
    : s2s::impl::S2SHoistRNNInputPassBase<S2SHoistRNNInputPass> {
  using S2SHoistRNNInputPassBase::S2SHoistRNNInputPassBase;

  void runOnOperation() override {
    int64_t minimum = minSteps;
    ControlHoistFn control = [minimum](Operation *layer) {
      int64_t steps =
          TypeSwitch<Operation *, int64_t>(layer)
              .Case<RNNOp, LSTMOp, GRUOp>([](auto op) {
                return op.getX().getType().getDimSize(op.getBatchFirst() ? 1
                                                                         : 0);
              })
              .Default([](Operation *) { return ShapedType::kDynamic; });
      return ShapedType::isDynamic(steps) || steps >= minimum;
    };
    RewritePatternSet patterns(&getContext());
    populateHoistRNNInputPatterns(patterns, control);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void mlir::s2s::populateHoistRNNInputPatterns(RewritePatternSet &patterns,
                                              const ControlHoistFn &control) {
  patterns.add<HoistLayerInput<GRUOp>, HoistLayerInput<LSTMOp>,
               HoistLayerInput<RNNOp>>(patterns.getContext(), control);
}
