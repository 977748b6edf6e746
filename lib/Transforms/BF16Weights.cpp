//===- BF16Weights.cpp - weights of contractions stored as bf16 -----------===//
//
// The s2s-linalg-bf16-weights pass: the contractions the lowering marked as
// reading weights, and those that read constant weights (an imported
// graph's MatMul), read them rounded to bf16, converted once where the
// weights come from (at compile time for constants), and widen them to f32
// in their body.
//
//===----------------------------------------------------------------------===//

#include "s2s/Transforms/Passes.h"

#include "s2s/Conversion/S2SToLinalg/S2SToLinalg.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/APFloat.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SLINALGBF16WEIGHTSPASS
#include "s2s/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

/// `type` with bf16 elements.
static RankedTensorType withBF16(RankedTensorType type) {
  return type.clone(BFloat16Type::get(type.getContext()));
}

/// Converts f32 weights to bf16, once per value.
class WeightConverter {
public:
  explicit WeightConverter(MLIRContext *ctx) : b(ctx) {}

  /// `w` (an f32 tensor) rounded to bf16, placed right after the value it
  /// comes from.
  Value convert(Value w) {
    if (Value done = converted.lookup(w))
      return done;
    Value result = convertUncached(w);
    converted[w] = result;
    return result;
  }

private:
  Value convertUncached(Value w) {
    auto type = cast<RankedTensorType>(w.getType());
    Operation *def = w.getDefiningOp();
    // A view of another tensor: the same view of its conversion.
    if (def && isa<tensor::ExtractSliceOp, tensor::ExpandShapeOp,
                   tensor::CollapseShapeOp, tensor::CastOp>(def)) {
      Value source = def->getOperand(0);
      auto sourceType = dyn_cast<RankedTensorType>(source.getType());
      if (sourceType && sourceType.getElementType().isF32()) {
        Value source16 = convert(source);
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointAfter(def);
        Operation *view = b.clone(*def);
        view->setOperand(0, source16);
        view->getResult(0).setType(withBF16(type));
        return view->getResult(0);
      }
    }
    // A rearranging copy (the fused recurrent step's W_hh in blocks of
    // units): the same copy of the conversion, so that constant weights are
    // still rounded at compile time.
    if (auto copy = dyn_cast_if_present<linalg::GenericOp>(def))
      if (Value result = convertCopy(copy))
        return result;
    if (auto transpose = dyn_cast_if_present<linalg::TransposeOp>(def)) {
      auto inputType =
          dyn_cast<RankedTensorType>(transpose.getInput().getType());
      auto init = transpose.getInit().getDefiningOp<tensor::EmptyOp>();
      if (inputType && inputType.getElementType().isF32() && init) {
        Value input16 = convert(transpose.getInput());
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointAfter(transpose);
        Value init16 =
            tensor::EmptyOp::create(b, init.getLoc(), init.getMixedSizes(),
                                    BFloat16Type::get(b.getContext()));
        return linalg::TransposeOp::create(b, transpose.getLoc(), input16,
                                           init16, transpose.getPermutation())
            .getResult()[0];
      }
    }
    OpBuilder::InsertionGuard guard(b);
    if (def)
      b.setInsertionPointAfter(def);
    else
      b.setInsertionPointToStart(cast<BlockArgument>(w).getOwner());
    Location loc = w.getLoc();
    // A constant (weights bound at compile time): rounded now.
    DenseElementsAttr values;
    if (matchPattern(w, m_Constant(&values))) {
      SmallVector<APFloat> rounded;
      rounded.reserve(values.getNumElements());
      for (APFloat value : values.getValues<APFloat>()) {
        bool losesInfo;
        value.convert(APFloat::BFloat(), APFloat::rmNearestTiesToEven,
                      &losesInfo);
        rounded.push_back(value);
      }
      return arith::ConstantOp::create(
          b, loc, DenseElementsAttr::get(withBF16(type), rounded));
    }
    // Anything else: an elementwise arith.truncf.
    SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, w);
    Value init = tensor::EmptyOp::create(b, loc, sizes,
                                         BFloat16Type::get(b.getContext()));
    AffineMap identity = b.getMultiDimIdentityMap(type.getRank());
    SmallVector<utils::IteratorType> iterators(type.getRank(),
                                               utils::IteratorType::parallel);
    auto generic = linalg::GenericOp::create(
        b, loc, TypeRange{init.getType()}, ValueRange{w}, ValueRange{init},
        ArrayRef<AffineMap>{identity, identity}, iterators,
        [](OpBuilder &nb, Location nloc, ValueRange args) {
          Value narrow = arith::TruncFOp::create(
              nb, nloc, BFloat16Type::get(nb.getContext()), args[0]);
          linalg::YieldOp::create(nb, nloc, narrow);
        });
    return generic.getResult(0);
  }

  /// `copy` redone on the conversion of its input, or null when it is not
  /// a copy: all loops parallel, one f32 input, an init from tensor.empty,
  /// a body that yields the input's element.
  Value convertCopy(linalg::GenericOp copy) {
    if (copy.getNumDpsInputs() != 1 || copy.getNumDpsInits() != 1 ||
        copy.getNumParallelLoops() != copy.getNumLoops())
      return nullptr;
    Value input = copy.getDpsInputOperand(0)->get();
    auto inputType = dyn_cast<RankedTensorType>(input.getType());
    auto init =
        copy.getDpsInitOperand(0)->get().getDefiningOp<tensor::EmptyOp>();
    Block &body = copy.getRegion().front();
    auto yield = cast<linalg::YieldOp>(body.getTerminator());
    if (!inputType || !inputType.getElementType().isF32() || !init ||
        body.getOperations().size() != 1 ||
        yield.getOperand(0) != body.getArgument(0))
      return nullptr;
    Value input16 = convert(input);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointAfter(copy);
    Value init16 =
        tensor::EmptyOp::create(b, init.getLoc(), init.getMixedSizes(),
                                BFloat16Type::get(b.getContext()));
    auto copy16 = linalg::GenericOp::create(
        b, copy.getLoc(), TypeRange{init16.getType()}, ValueRange{input16},
        ValueRange{init16}, copy.getIndexingMapsArray(),
        copy.getIteratorTypesArray(),
        [](OpBuilder &nb, Location nloc, ValueRange args) {
          linalg::YieldOp::create(nb, nloc, args[0]);
        });
    return copy16.getResult(0);
  }

  OpBuilder b;
  DenseMap<Value, Value> converted;
};

/// Whether `v` is an f32 constant, or a view, rearranging copy or transpose
/// of one: weights baked into the model (an imported graph's initializers).
static bool isConstantWeights(Value v) {
  while (true) {
    auto type = dyn_cast<RankedTensorType>(v.getType());
    if (!type || !type.getElementType().isF32())
      return false;
    DenseElementsAttr values;
    if (matchPattern(v, m_Constant(&values)))
      return true;
    Operation *def = v.getDefiningOp();
    if (!def)
      return false;
    if (isa<tensor::ExtractSliceOp, tensor::ExpandShapeOp,
            tensor::CollapseShapeOp, tensor::CastOp>(def)) {
      v = def->getOperand(0);
      continue;
    }
    if (auto transpose = dyn_cast<linalg::TransposeOp>(def)) {
      v = transpose.getInput();
      continue;
    }
    auto copy = dyn_cast<linalg::GenericOp>(def);
    if (!copy || copy.getNumDpsInputs() != 1 || copy.getNumDpsInits() != 1 ||
        copy.getNumParallelLoops() != copy.getNumLoops())
      return false;
    Block &body = copy.getRegion().front();
    if (body.getOperations().size() != 1 ||
        body.getTerminator()->getOperand(0) != body.getArgument(0))
      return false;
    v = copy.getDpsInputOperand(0)->get();
  }
}

/// The input of `op` that holds constant weights, when `op` is a
/// contraction (named, such as the linalg.matmul of an imported MatMul, or a
/// generic) of two f32 inputs into f32 with exactly one such input.
static std::optional<unsigned> constantWeightsInput(linalg::LinalgOp op) {
  if (!op.hasPureTensorSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || !linalg::isaContractionOpInterface(op))
    return std::nullopt;
  auto out = dyn_cast<RankedTensorType>(op.getDpsInits()[0].getType());
  if (!out || !out.getElementType().isF32())
    return std::nullopt;
  bool lhs = isConstantWeights(op.getDpsInputs()[0]);
  bool rhs = isConstantWeights(op.getDpsInputs()[1]);
  if (lhs == rhs)
    return std::nullopt;
  return lhs ? 0 : 1;
}

struct S2SLinalgBF16WeightsPass
    : s2s::impl::S2SLinalgBF16WeightsPassBase<S2SLinalgBF16WeightsPass> {
  void runOnOperation() override {
    SmallVector<std::pair<linalg::GenericOp, unsigned>> marked;
    SmallVector<std::pair<linalg::LinalgOp, unsigned>> constant;
    getOperation()->walk([&](linalg::LinalgOp op) {
      auto index = op->getAttrOfType<IntegerAttr>(s2s::kWeightInputAttrName);
      if (index) {
        op->removeAttr(s2s::kWeightInputAttrName);
        if (auto generic = dyn_cast<linalg::GenericOp>(op.getOperation()))
          marked.emplace_back(generic, index.getInt());
        return;
      }
      // Not marked: a contraction written or imported as linalg, whose
      // weights are constants of the model.
      if (std::optional<unsigned> input = constantWeightsInput(op))
        constant.emplace_back(op, *input);
    });
    // Those as generics, whose body can widen the weights.
    IRRewriter rewriter(&getContext());
    for (auto [op, input] : constant) {
      if (auto generic = dyn_cast<linalg::GenericOp>(op.getOperation())) {
        marked.emplace_back(generic, input);
        continue;
      }
      rewriter.setInsertionPoint(op);
      FailureOr<linalg::GenericOp> generic =
          linalg::generalizeNamedOp(rewriter, op);
      if (succeeded(generic))
        marked.emplace_back(*generic, input);
    }
    WeightConverter converter(&getContext());
    for (auto [op, input] : marked) {
      if (input >= op.getNumDpsInputs())
        continue;
      OpOperand *operand = op.getDpsInputOperand(input);
      auto type = dyn_cast<RankedTensorType>(operand->get().getType());
      if (!type || !type.getElementType().isF32())
        continue;
      operand->set(converter.convert(operand->get()));
      // The body widens the weight before using it.
      BlockArgument arg = op.getMatchingBlockArgument(operand);
      Type f32 = arg.getType();
      arg.setType(BFloat16Type::get(&getContext()));
      OpBuilder b = OpBuilder::atBlockBegin(arg.getOwner());
      auto wide = arith::ExtFOp::create(b, op.getLoc(), f32, arg);
      arg.replaceAllUsesExcept(wide, wide);
    }
  }
};

} // namespace
