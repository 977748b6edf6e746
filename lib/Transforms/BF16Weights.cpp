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

#include "s2s/Support/WeightMarks.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectResourceBlobManager.h"
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

static bool isF32Tensor(Value v) {
  auto type = dyn_cast<RankedTensorType>(v.getType());
  return type && type.getElementType().isF32();
}

/// `value` rounded to bf16, ties to even.
static APFloat roundToBF16(APFloat value) {
  bool losesInfo;
  value.convert(APFloat::BFloat(), APFloat::rmNearestTiesToEven, &losesInfo);
  return value;
}

/// The values of `v` when it is an f32 constant whose values can be read
/// (dense, or a dense resource blob that holds its data), else null.
static Attribute f32ConstantValues(Value v) {
  Attribute attr;
  if (!isF32Tensor(v) || !matchPattern(v, m_Constant(&attr)))
    return nullptr;
  if (isa<DenseElementsAttr>(attr))
    return attr;
  auto resource = dyn_cast<DenseF32ResourceElementsAttr>(attr);
  return resource && resource.tryGetAsArrayRef() ? attr : nullptr;
}

/// The f32 values of the constant `v` rounded to bf16, or null when `v` is
/// not an f32 constant (f32ConstantValues).
static DenseElementsAttr roundedConstant(Value v) {
  Attribute attr = f32ConstantValues(v);
  if (!attr)
    return nullptr;
  auto type = withBF16(cast<RankedTensorType>(v.getType()));
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    if (dense.isSplat())
      return DenseElementsAttr::get(
          type, roundToBF16(dense.getSplatValue<APFloat>()));
    SmallVector<APFloat> rounded;
    rounded.reserve(dense.getNumElements());
    for (APFloat value : dense.getValues<APFloat>())
      rounded.push_back(roundToBF16(value));
    return DenseElementsAttr::get(type, rounded);
  }
  ArrayRef<float> values =
      *cast<DenseF32ResourceElementsAttr>(attr).tryGetAsArrayRef();
  SmallVector<APFloat> rounded;
  rounded.reserve(values.size());
  for (float value : values)
    rounded.push_back(roundToBF16(APFloat(value)));
  return DenseElementsAttr::get(type, rounded);
}

/// The f32 input that `op` only rearranges into a fresh tensor (its init a
/// tensor.empty): a view (tensor.extract_slice, expand_shape,
/// collapse_shape, cast), a linalg.transpose or linalg.broadcast, or a
/// linalg.generic whose loops are all parallel and whose body yields its
/// one input. Null for anything else.
static Value rearrangedSource(Operation *op) {
  if (!op)
    return nullptr;
  Value source;
  if (isa<tensor::ExtractSliceOp, tensor::ExpandShapeOp,
          tensor::CollapseShapeOp, tensor::CastOp>(op))
    return isF32Tensor(op->getOperand(0)) ? op->getOperand(0) : nullptr;
  if (auto transpose = dyn_cast<linalg::TransposeOp>(op)) {
    if (!transpose.getInit().getDefiningOp<tensor::EmptyOp>())
      return nullptr;
    source = transpose.getInput();
  } else if (auto broadcast = dyn_cast<linalg::BroadcastOp>(op)) {
    if (!broadcast.getInit().getDefiningOp<tensor::EmptyOp>())
      return nullptr;
    source = broadcast.getInput();
  } else if (auto copy = dyn_cast<linalg::GenericOp>(op)) {
    if (copy.getNumDpsInputs() != 1 || copy.getNumDpsInits() != 1 ||
        copy.getNumParallelLoops() != copy.getNumLoops() ||
        !copy.getDpsInits()[0].getDefiningOp<tensor::EmptyOp>())
      return nullptr;
    Block &body = copy.getRegion().front();
    if (body.getOperations().size() != 1 ||
        body.getTerminator()->getOperand(0) != body.getArgument(0))
      return nullptr;
    source = copy.getDpsInputs()[0];
  } else {
    return nullptr;
  }
  return isF32Tensor(source) ? source : nullptr;
}

/// Whether `v` is an f32 constant, or a rearrangement (rearrangedSource) of
/// one: weights baked into the model (an imported graph's initializers,
/// weights bound at compile time).
static bool isConstantWeights(Value v) {
  while (true) {
    if (f32ConstantValues(v))
      return true;
    v = rearrangedSource(v.getDefiningOp());
    if (!v)
      return false;
  }
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
    OpBuilder::InsertionGuard guard(b);
    // A constant (weights bound at compile time, an imported initializer):
    // rounded now.
    if (DenseElementsAttr rounded = roundedConstant(w)) {
      b.setInsertionPointAfter(def);
      return arith::ConstantOp::create(b, w.getLoc(), rounded);
    }
    // A rearrangement of another tensor: the same rearrangement of its
    // conversion. Views then share one conversion, constants are rounded
    // at compile time, and a copy of run-time weights moves half the bytes.
    if (Value source = rearrangedSource(def))
      return rearranged(def, convert(source));
    // Anything else: an elementwise arith.truncf.
    if (def)
      b.setInsertionPointAfter(def);
    else
      b.setInsertionPointToStart(cast<BlockArgument>(w).getOwner());
    Location loc = w.getLoc();
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

  /// `op` (which rearrangedSource accepts) redone on `source16`, the bf16
  /// conversion of its source, right after it.
  Value rearranged(Operation *op, Value source16) {
    b.setInsertionPointAfter(op);
    auto type16 = withBF16(cast<RankedTensorType>(op->getResult(0).getType()));
    if (isa<tensor::TensorDialect>(op->getDialect())) {
      Operation *view = b.clone(*op);
      view->setOperand(0, source16);
      view->getResult(0).setType(type16);
      return view->getResult(0);
    }
    auto linalgOp = cast<linalg::LinalgOp>(op);
    auto init = linalgOp.getDpsInits()[0].getDefiningOp<tensor::EmptyOp>();
    Value init16 =
        tensor::EmptyOp::create(b, init.getLoc(), init.getMixedSizes(),
                                BFloat16Type::get(b.getContext()));
    Location loc = op->getLoc();
    if (auto transpose = dyn_cast<linalg::TransposeOp>(op))
      return linalg::TransposeOp::create(b, loc, source16, init16,
                                         transpose.getPermutation())
          .getResult()[0];
    if (auto broadcast = dyn_cast<linalg::BroadcastOp>(op))
      return linalg::BroadcastOp::create(b, loc, source16, init16,
                                         broadcast.getDimensions())
          .getResult()[0];
    auto copy = cast<linalg::GenericOp>(op);
    return linalg::GenericOp::create(
               b, loc, TypeRange{type16}, ValueRange{source16},
               ValueRange{init16}, copy.getIndexingMapsArray(),
               copy.getIteratorTypesArray(),
               [](OpBuilder &nb, Location nloc, ValueRange args) {
                 linalg::YieldOp::create(nb, nloc, args[0]);
               })
        .getResult(0);
  }

  OpBuilder b;
  DenseMap<Value, Value> converted;
};

/// The input of `op` that holds constant weights, when `op` is a
/// contraction (named, such as the linalg.matmul of an imported MatMul, or a
/// generic) of two f32 inputs into f32 with exactly one such input.
static std::optional<unsigned> constantWeightsInput(linalg::LinalgOp op) {
  if (!op.hasPureTensorSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || !isF32Tensor(op.getDpsInits()[0]) ||
      !linalg::isaContractionOpInterface(op))
    return std::nullopt;
  bool lhs = isConstantWeights(op.getDpsInputs()[0]);
  bool rhs = isConstantWeights(op.getDpsInputs()[1]);
  if (lhs == rhs)
    return std::nullopt;
  return lhs ? 0 : 1;
}

/// Rounds input `i` of the contraction `op` (f32 activations) to bf16 where
/// its body reads it: extf(truncf(x)).
static void roundInput(OpBuilder &b, linalg::GenericOp op, unsigned i) {
  BlockArgument arg = op.getMatchingBlockArgument(op.getDpsInputOperand(i));
  if (!arg.getType().isF32())
    return;
  auto narrow = arith::TruncFOp::create(b, op.getLoc(),
                                        BFloat16Type::get(b.getContext()), arg);
  auto wide =
      arith::ExtFOp::create(b, op.getLoc(), arg.getType(), narrow.getResult());
  arg.replaceAllUsesExcept(wide, narrow);
}

struct S2SLinalgBF16WeightsPass
    : s2s::impl::S2SLinalgBF16WeightsPassBase<S2SLinalgBF16WeightsPass> {
  using S2SLinalgBF16WeightsPassBase::S2SLinalgBF16WeightsPassBase;

  void runOnOperation() override {
    // The contractions to rewrite and the input holding their weights:
    // those the lowering marked, and unmarked ones with constant weights.
    SmallVector<std::pair<linalg::LinalgOp, unsigned>> found;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (op->hasAttr(s2s::kNoWeightsAttrName)) {
        op->removeAttr(s2s::kNoWeightsAttrName);
        return;
      }
      if (auto index =
              op->getAttrOfType<IntegerAttr>(s2s::kWeightInputAttrName)) {
        op->removeAttr(s2s::kWeightInputAttrName);
        found.emplace_back(op, index.getInt());
        return;
      }
      if (std::optional<unsigned> input = constantWeightsInput(op))
        found.emplace_back(op, *input);
    });
    // Named ones as generics, whose body can widen the weights.
    IRRewriter rewriter(&getContext());
    SmallVector<std::pair<linalg::GenericOp, unsigned>> generics;
    for (auto [op, input] : found) {
      if (auto generic = dyn_cast<linalg::GenericOp>(op.getOperation())) {
        generics.emplace_back(generic, input);
        continue;
      }
      rewriter.setInsertionPoint(op);
      FailureOr<linalg::GenericOp> generic =
          linalg::generalizeNamedOp(rewriter, op);
      if (succeeded(generic))
        generics.emplace_back(*generic, input);
    }
    WeightConverter converter(&getContext());
    for (auto [op, input] : generics) {
      if (input >= op.getNumDpsInputs())
        continue;
      OpOperand *operand = op.getDpsInputOperand(input);
      // Only f32 weights (f16 and f64 models keep theirs).
      BlockArgument arg = op.getMatchingBlockArgument(operand);
      if (!isF32Tensor(operand->get()) || !arg.getType().isF32())
        continue;
      operand->set(converter.convert(operand->get()));
      // The body widens the weight before using it.
      Type f32 = arg.getType();
      arg.setType(BFloat16Type::get(&getContext()));
      OpBuilder b = OpBuilder::atBlockBegin(arg.getOwner());
      auto wide = arith::ExtFOp::create(b, op.getLoc(), f32, arg);
      arg.replaceAllUsesExcept(wide, wide);
      if (roundActivations && op.getNumDpsInputs() == 2)
        roundInput(b, op, 1 - input);
    }
  }
};

} // namespace
