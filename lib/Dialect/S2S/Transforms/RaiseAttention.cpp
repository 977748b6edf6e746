//===- RaiseAttention.cpp - linalg attention chains to s2s SDPA ----------===//
//
// Recognizes scaled dot-product attention written with upstream ops,
//
//   P = softmax_last(mask(scale(Q K^T)));  out = P V
//
// as linalg contractions, elementwise linalg ops (or arith ops on tensors),
// linalg.softmax or its decomposition, and rewrites the chain into one
// s2s.scaled_dot_product_attention, whose lowering is tiled and does not
// materialize the [Tq, Tk] scores. The match starts at the P V contraction
// and walks back; nothing is created before the whole chain has matched, so
// a chain that does not match is left exactly as it was.
//
//===----------------------------------------------------------------------===//

#include "s2s/Dialect/S2S/Transforms/Passes.h"
#include "s2s/Dialect/S2S/Transforms/Transforms.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include <cmath>

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SRAISEATTENTIONPASS
#include "s2s/Dialect/S2S/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;
using namespace mlir::s2s;

/// Select-based masks whose masked value is at most this are raised; a
/// smaller magnitude would still give masked keys a weight.
static constexpr double kMaskedValueLimit = -1e9;

//===----------------------------------------------------------------------===//
// Values and constants
//===----------------------------------------------------------------------===//

/// A ranked tensor of f32. Its sizes may be dynamic: the ops of a chain tie
/// them (a contraction's operands share its loop sizes, an elementwise op's
/// operands have its result's), so two `?` that meet in the chain are the
/// same size at run time; a static size meeting a `?` does not match.
static RankedTensorType getF32Type(Value v) {
  auto type = dyn_cast<RankedTensorType>(v.getType());
  if (!type || !type.getElementType().isF32())
    return nullptr;
  return type;
}

/// The value of a float constant: a scalar, or a splat tensor (of any
/// shape, a rank-0 tensor included).
static std::optional<double> getFloatConstant(Value v) {
  if (!v)
    return std::nullopt;
  FloatAttr scalar;
  if (matchPattern(v, m_Constant(&scalar)))
    return scalar.getValueAsDouble();
  DenseFPElementsAttr dense;
  if (matchPattern(v, m_Constant(&dense)) && dense.isSplat())
    return dense.getSplatValue<APFloat>().convertToDouble();
  return std::nullopt;
}

/// Whether `init` is all zeros: a zero fill or a zero constant.
static bool isZeroInit(Value init) {
  if (auto fill = init.getDefiningOp<linalg::FillOp>())
    init = fill.getInputs()[0];
  std::optional<double> value = getFloatConstant(init);
  return value && *value == 0.0;
}

/// Whether `init` starts a max reduction at -inf or a value no larger than
/// any score (softmax does not depend on the value subtracted), or at NaN
/// for `maxnumf`, which ignores it (linalg.softmax's decomposition does so).
static bool isMaxInit(Value init, bool ignoresNaN) {
  if (auto fill = init.getDefiningOp<linalg::FillOp>())
    init = fill.getInputs()[0];
  std::optional<double> value = getFloatConstant(init);
  return value && (*value <= -1e30 || (ignoresNaN && std::isnan(*value)));
}

//===----------------------------------------------------------------------===//
// Elementwise ops
//===----------------------------------------------------------------------===//

namespace {

/// One operand of an elementwise computation: a tensor read through an
/// indexing map over the result's dimensions, or a scalar.
struct EltOperand {
  Value tensor;
  AffineMap map;
  Value scalar;
};

/// An elementwise computation producing one tensor: a linalg op with only
/// parallel loops and an identity output map, whose body computes `ops` (the
/// last one yielded), or an arith op on tensors (`ops` is the op itself).
struct Elementwise {
  Operation *op = nullptr;
  SmallVector<Operation *> ops;
  linalg::LinalgOp linalgOp;

  /// What a value used by `ops` stands for; nullopt for the values `ops`
  /// compute themselves and for the output's block argument.
  std::optional<EltOperand> resolve(Value v) const {
    if (!linalgOp) {
      auto type = cast<ShapedType>(op->getResult(0).getType());
      return EltOperand{
          v,
          AffineMap::getMultiDimIdentityMap(type.getRank(), op->getContext()),
          nullptr};
    }
    linalg::LinalgOp lop = linalgOp;
    if (auto arg = dyn_cast<BlockArgument>(v)) {
      if (arg.getOwner() != lop.getBlock())
        return EltOperand{nullptr, AffineMap(), v};
      if (arg.getArgNumber() >= lop.getNumDpsInputs())
        return std::nullopt;
      OpOperand *input = lop.getDpsInputOperand(arg.getArgNumber());
      return EltOperand{input->get(), lop.getMatchingIndexingMap(input),
                        nullptr};
    }
    if (llvm::is_contained(ops, v.getDefiningOp()))
      return std::nullopt;
    return EltOperand{nullptr, AffineMap(), v};
  }
};

} // namespace

/// Matches the elementwise computation producing `result`.
static std::optional<Elementwise> matchElementwise(Value result) {
  Operation *op = result.getDefiningOp();
  if (!op || op->getNumResults() != 1 ||
      !isa<RankedTensorType>(result.getType()))
    return std::nullopt;
  Elementwise elt;
  elt.op = op;
  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op)) {
    if (!linalgOp.hasPureTensorSemantics() || linalgOp.getNumDpsInits() != 1 ||
        linalgOp.getNumParallelLoops() != linalgOp.getNumLoops() ||
        !linalgOp.getMatchingIndexingMap(linalgOp.getDpsInitOperand(0))
             .isIdentity())
      return std::nullopt;
    Block *body = linalgOp.getBlock();
    auto yield = dyn_cast<linalg::YieldOp>(body->getTerminator());
    if (!yield || yield.getNumOperands() != 1)
      return std::nullopt;
    for (Operation &bodyOp : body->without_terminator()) {
      // Constants in the body are operands, not steps.
      if (bodyOp.hasTrait<OpTrait::ConstantLike>())
        continue;
      if (bodyOp.getNumResults() != 1 || bodyOp.getNumRegions() != 0)
        return std::nullopt;
      elt.ops.push_back(&bodyOp);
    }
    if (elt.ops.empty() || yield.getOperand(0) != elt.ops.back()->getResult(0))
      return std::nullopt;
    elt.linalgOp = linalgOp;
    return elt;
  }
  // An arith op on tensors: all operands have the result's shape.
  if (!isa_and_nonnull<arith::ArithDialect>(op->getDialect()) ||
      op->hasTrait<OpTrait::ConstantLike>())
    return std::nullopt;
  auto resultType = cast<RankedTensorType>(result.getType());
  for (Value operand : op->getOperands()) {
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    if (!type || type.getShape() != resultType.getShape())
      return std::nullopt;
  }
  elt.ops.push_back(op);
  return elt;
}

/// Whether `operand` reads a tensor of `type` element by element (identity
/// map), as the chain value of an elementwise step.
static bool isChainOperand(const std::optional<EltOperand> &operand,
                           Type type) {
  return operand && operand->tensor && operand->tensor.getType() == type &&
         operand->map.isIdentity();
}

/// The constant an operand stands for, scalar or splat tensor.
static std::optional<double> getConstant(const std::optional<EltOperand> &op) {
  if (!op)
    return std::nullopt;
  return getFloatConstant(op->scalar ? op->scalar : op->tensor);
}

/// Matches `v = x * c`, `c * x` or `x / c` for a constant c != 0; returns x
/// and multiplies `scale` by c or 1/c.
static Value matchScale(Value v, double &scale) {
  std::optional<Elementwise> elt = matchElementwise(v);
  if (!elt || elt->ops.size() != 1)
    return nullptr;
  Operation *payload = elt->ops.front();
  if (!isa<arith::MulFOp, arith::DivFOp>(payload))
    return nullptr;
  std::optional<EltOperand> lhs = elt->resolve(payload->getOperand(0));
  std::optional<EltOperand> rhs = elt->resolve(payload->getOperand(1));
  bool isMul = isa<arith::MulFOp>(payload);
  if (isMul && !isChainOperand(lhs, v.getType()))
    std::swap(lhs, rhs);
  if (!isChainOperand(lhs, v.getType()))
    return nullptr;
  std::optional<double> c = getConstant(rhs);
  if (!c || *c == 0.0 || !std::isfinite(*c))
    return nullptr;
  scale *= isMul ? *c : 1.0 / *c;
  return lhs->tensor;
}

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

namespace {

/// C[b..., m, n] = sum_k A[b..., m, k] * B[b..., k, n] with R - 2 batch
/// dimensions, on a zero-initialized C; `rhsTransposed` when B is indexed
/// [b..., n, k].
struct Contraction {
  linalg::LinalgOp op;
  Value lhs, rhs;
  bool rhsTransposed = false;
};

} // namespace

static std::optional<Contraction> matchContraction(Value result) {
  auto op = result.getDefiningOp<linalg::LinalgOp>();
  if (!op || !op.hasPureTensorSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || !linalg::isaContractionOpInterface(op))
    return std::nullopt;
  Value lhs = op.getDpsInputOperand(0)->get();
  Value rhs = op.getDpsInputOperand(1)->get();
  auto type = getF32Type(result);
  if (!type || !getF32Type(lhs) || !getF32Type(rhs))
    return std::nullopt;
  int64_t rank = type.getRank();
  if (rank < 2 || rank > 4 || op.getNumLoops() != rank + 1 ||
      !isZeroInit(op.getDpsInitOperand(0)->get()))
    return std::nullopt;
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  AffineMap out = maps[2];
  if (!out.isProjectedPermutation() || out.getNumResults() != rank)
    return std::nullopt;
  // One reduction k (upstream's classification of the loops); the batch,
  // m and n loops are then read from the output's map in its order, and the
  // operands' maps compared with the one layout of each operand that
  // attention has (the classes alone do not fix it).
  FailureOr<linalg::ContractionDimensions> classes =
      linalg::inferContractionDims(op);
  if (failed(classes) || classes->k.size() != 1)
    return std::nullopt;
  unsigned k = classes->k.front();
  SmallVector<unsigned> dims;
  for (AffineExpr e : out.getResults())
    dims.push_back(cast<AffineDimExpr>(e).getPosition());
  MLIRContext *ctx = op.getContext();
  auto mapOf = [&](ArrayRef<unsigned> positions) {
    SmallVector<AffineExpr> exprs;
    for (unsigned p : positions)
      exprs.push_back(getAffineDimExpr(p, ctx));
    return AffineMap::get(rank + 1, 0, exprs, ctx);
  };
  SmallVector<unsigned> batch(dims.begin(), dims.end() - 2);
  unsigned m = dims[rank - 2], n = dims[rank - 1];
  auto with = [&](unsigned a, unsigned b) {
    SmallVector<unsigned> positions = batch;
    positions.push_back(a);
    positions.push_back(b);
    return mapOf(positions);
  };
  if (maps[0] != with(m, k))
    return std::nullopt;
  Contraction c{op, lhs, rhs};
  if (maps[1] == with(n, k))
    c.rhsTransposed = true;
  else if (maps[1] != with(k, n))
    return std::nullopt;
  return c;
}

/// Whether `reassociation` merges the first two of four dimensions:
/// [[0, 1], [2], [3]].
static bool mergesBatchAndHeads(ArrayRef<ReassociationIndices> reassociation) {
  return reassociation.size() == 3 &&
         reassociation[0] == ReassociationIndices{0, 1} &&
         reassociation[1] == ReassociationIndices{2} &&
         reassociation[2] == ReassociationIndices{3};
}

/// Matches a contraction with two batch dimensions written, as importers
/// write a rank-4 MatMul, as a batch matmul between merges of the batch and
/// heads: `result` = expand(C) with C = collapse(A) x collapse(B), each
/// reshape merging [B, H, ., .] into [B * H, ., .]. Returns the contraction
/// of the rank-4 A and B. The heads must be static and the same in A, B and
/// the result, so that the batches line up too.
static std::optional<Contraction> matchMergedBatchContraction(Value result) {
  auto expand = result.getDefiningOp<tensor::ExpandShapeOp>();
  if (!expand || expand.getResultType().getRank() != 4 ||
      !mergesBatchAndHeads(expand.getReassociationIndices()) ||
      !expand.getSrc().hasOneUse())
    return std::nullopt;
  std::optional<Contraction> c = matchContraction(expand.getSrc());
  if (!c)
    return std::nullopt;
  ArrayRef<int64_t> outShape = expand.getResultType().getShape();
  auto unmerge = [&](Value v) -> Value {
    auto collapse = v.getDefiningOp<tensor::CollapseShapeOp>();
    if (!collapse || !v.hasOneUse() || collapse.getSrcType().getRank() != 4 ||
        !mergesBatchAndHeads(collapse.getReassociationIndices()))
      return nullptr;
    ArrayRef<int64_t> shape = collapse.getSrcType().getShape();
    if (ShapedType::isDynamic(shape[1]) || shape[1] != outShape[1] ||
        shape[0] != outShape[0])
      return nullptr;
    return collapse.getSrc();
  };
  Value lhs = unmerge(c->lhs), rhs = unmerge(c->rhs);
  if (!lhs || !rhs)
    return std::nullopt;
  return Contraction{c->op, lhs, rhs, c->rhsTransposed};
}

/// A contraction producing `result`: of its own rank, or with two batch
/// dimensions merged around it (matchMergedBatchContraction).
static std::optional<Contraction> matchAnyContraction(Value result) {
  if (std::optional<Contraction> c = matchContraction(result))
    return c;
  return matchMergedBatchContraction(result);
}

/// If `v` is `linalg.transpose` swapping the last two dimensions, its input.
static Value matchTransposeLast2(Value v) {
  auto transpose = v.getDefiningOp<linalg::TransposeOp>();
  if (!transpose || !v.hasOneUse())
    return nullptr;
  ArrayRef<int64_t> perm = transpose.getPermutation();
  int64_t rank = perm.size();
  for (int64_t i = 0; i < rank; ++i) {
    int64_t expected = i < rank - 2 ? i : (i == rank - 2 ? rank - 1 : rank - 2);
    if (perm[i] != expected)
      return nullptr;
  }
  return transpose.getInput();
}

/// If `v : [B, Hkv * G, T, D]` repeats each head of `kv : [B, Hkv, T, D]` G
/// times in a row (kv head h / G for head h) as
/// collapse_shape(broadcast(kv) : [B, Hkv, G, T, D]), returns kv. The
/// broadcast may also read kv expanded to [B, Hkv, 1, T, D] at index 0 of
/// the new dimension (unsqueeze, expand, reshape).
static Value matchRepeatedHeads(Value v) {
  auto collapse = v.getDefiningOp<tensor::CollapseShapeOp>();
  if (!collapse || !v.hasOneUse() || !collapse.getSrc().hasOneUse())
    return nullptr;
  SmallVector<ReassociationIndices> groups = collapse.getReassociationIndices();
  if (groups.size() != 4 || groups[0] != ReassociationIndices{0} ||
      groups[1] != ReassociationIndices{1, 2} ||
      groups[2] != ReassociationIndices{3} ||
      groups[3] != ReassociationIndices{4})
    return nullptr;
  auto broadcast = collapse.getSrc().getDefiningOp<linalg::LinalgOp>();
  if (!broadcast || !broadcast.hasPureTensorSemantics() ||
      broadcast.getNumDpsInputs() != 1 || broadcast.getNumDpsInits() != 1 ||
      broadcast.getNumLoops() != 5 || broadcast.getNumParallelLoops() != 5)
    return nullptr;
  // The body only forwards the input.
  Block *body = broadcast.getBlock();
  auto yield = dyn_cast<linalg::YieldOp>(body->getTerminator());
  if (!yield || yield.getNumOperands() != 1 ||
      yield.getOperand(0) != body->getArgument(0))
    return nullptr;
  MLIRContext *ctx = v.getContext();
  OpOperand *input = broadcast.getDpsInputOperand(0);
  AffineExpr d0, d1, d2, d3, d4;
  bindDims(ctx, d0, d1, d2, d3, d4);
  if (!broadcast.getMatchingIndexingMap(broadcast.getDpsInitOperand(0))
           .isIdentity())
    return nullptr;
  AffineMap inputMap = broadcast.getMatchingIndexingMap(input);
  if (inputMap == AffineMap::get(5, 0, {d0, d1, d3, d4}, ctx))
    return input->get();
  // [B, Hkv, 1, T, D] read at index 0, expanded from [B, Hkv, T, D].
  if (inputMap !=
      AffineMap::get(5, 0, {d0, d1, getAffineConstantExpr(0, ctx), d3, d4},
                     ctx))
    return nullptr;
  auto expand = input->get().getDefiningOp<tensor::ExpandShapeOp>();
  if (!expand || !expand.getResult().hasOneUse())
    return nullptr;
  auto srcType = dyn_cast<RankedTensorType>(expand.getSrc().getType());
  ArrayRef<int64_t> unit = expand.getResultType().getShape();
  if (!srcType || unit[2] != 1 ||
      srcType.getShape() !=
          ArrayRef<int64_t>{unit[0], unit[1], unit[3], unit[4]})
    return nullptr;
  return expand.getSrc();
}

//===----------------------------------------------------------------------===//
// Softmax
//===----------------------------------------------------------------------===//

/// Whether `map` reads a reduced tensor `type` at the rows of a tensor of
/// rank `rank` (the last dimension dropped, or kept with size 1).
static bool isRowMap(AffineMap map, Type type, int64_t rank) {
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType || map.getNumDims() != rank)
    return false;
  MLIRContext *ctx = map.getContext();
  AffineMap rows =
      AffineMap::getMultiDimIdentityMap(rank, ctx).dropResult(rank - 1);
  if (map == rows)
    return true;
  AffineMap keep = rows.insertResult(getAffineConstantExpr(0, ctx), rank - 1);
  return map == keep && tensorType.getDimSize(rank - 1) == 1;
}

/// Matches a reduction of `input` over its last dimension combining with
/// one of `CombinerOps` (returned in `combiner`); returns the reduced
/// value's init.
template <typename... CombinerOps>
static Value matchRowReduction(Value reduced, Value &input,
                               Operation *&combiner) {
  auto op = reduced.getDefiningOp<linalg::LinalgOp>();
  if (!op || !op.hasPureTensorSemantics() || op.getNumDpsInputs() != 1 ||
      op.getNumDpsInits() != 1 || op.getNumReductionLoops() != 1)
    return nullptr;
  int64_t rank = op.getNumLoops();
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  if (iterators.back() != utils::IteratorType::reduction)
    return nullptr;
  OpOperand *in = op.getDpsInputOperand(0);
  OpOperand *init = op.getDpsInitOperand(0);
  if (!op.getMatchingIndexingMap(in).isIdentity() ||
      !isRowMap(op.getMatchingIndexingMap(init), init->get().getType(), rank))
    return nullptr;
  Block *body = op.getBlock();
  if (body->getOperations().size() != 2)
    return nullptr;
  combiner = &body->front();
  if (!isa<CombinerOps...>(combiner) ||
      body->getTerminator()->getOperand(0) != combiner->getResult(0))
    return nullptr;
  Value a = body->getArgument(0), b = body->getArgument(1);
  if (!(combiner->getOperand(0) == a && combiner->getOperand(1) == b) &&
      !(combiner->getOperand(0) == b && combiner->getOperand(1) == a))
    return nullptr;
  input = in->get();
  return init->get();
}

/// Whether `v` has exactly the users `users` (each once).
static bool hasExactUsers(Value v, ArrayRef<Operation *> users) {
  SmallVector<Operation *> actual;
  for (OpOperand &use : v.getUses())
    actual.push_back(use.getOwner());
  if (actual.size() != users.size())
    return false;
  return llvm::all_of(
      users, [&](Operation *user) { return llvm::count(actual, user) == 1; });
}

/// Matches the softmax over the last dimension producing `p`, as
/// linalg.softmax or decomposed (max, subtract, exp, sum, divide); returns
/// its input.
static Value matchSoftmax(Value p) {
  if (auto softmax = p.getDefiningOp<linalg::SoftmaxOp>()) {
    auto type = getF32Type(softmax.getInput());
    if (!type || softmax.getDimension() != uint64_t(type.getRank() - 1) ||
        softmax.getInput().getType() != p.getType() ||
        !softmax.getInput().hasOneUse())
      return nullptr;
    return softmax.getInput();
  }
  // p = e / sum(e) with the sum read per row.
  auto type = getF32Type(p);
  if (!type)
    return nullptr;
  int64_t rank = type.getRank();
  std::optional<Elementwise> div = matchElementwise(p);
  if (!div || div->ops.size() != 1 || !isa<arith::DivFOp>(div->ops[0]))
    return nullptr;
  std::optional<EltOperand> num = div->resolve(div->ops[0]->getOperand(0));
  std::optional<EltOperand> den = div->resolve(div->ops[0]->getOperand(1));
  if (!isChainOperand(num, type) || !den || !den->tensor ||
      !isRowMap(den->map, den->tensor.getType(), rank))
    return nullptr;
  Value exps = num->tensor, summed;
  Operation *combiner = nullptr;
  Value sumInit =
      matchRowReduction<arith::AddFOp>(den->tensor, summed, combiner);
  if (!sumInit || summed != exps || !isZeroInit(sumInit) ||
      !den->tensor.hasOneUse() ||
      !hasExactUsers(exps, {den->tensor.getDefiningOp(), div->op}))
    return nullptr;
  // e = exp(x - max(x)), in one op or as exp of a subtraction.
  std::optional<Elementwise> exp = matchElementwise(exps);
  if (!exp || exp->ops.empty() || !isa<math::ExpOp>(exp->ops.back()))
    return nullptr;
  Operation *subOp = nullptr;
  std::optional<Elementwise> sub;
  if (exp->ops.size() == 2) {
    sub = exp;
    if (exp->ops.back()->getOperand(0) != exp->ops[0]->getResult(0))
      return nullptr;
  } else if (exp->ops.size() == 1) {
    std::optional<EltOperand> arg = exp->resolve(exp->ops[0]->getOperand(0));
    if (!isChainOperand(arg, type) || !arg->tensor.hasOneUse())
      return nullptr;
    sub = matchElementwise(arg->tensor);
    if (!sub || sub->ops.size() != 1)
      return nullptr;
  } else {
    return nullptr;
  }
  subOp = sub->ops[0];
  if (!isa<arith::SubFOp>(subOp))
    return nullptr;
  std::optional<EltOperand> x = sub->resolve(subOp->getOperand(0));
  std::optional<EltOperand> max = sub->resolve(subOp->getOperand(1));
  if (!isChainOperand(x, type) || !max || !max->tensor ||
      !isRowMap(max->map, max->tensor.getType(), rank) ||
      !max->tensor.hasOneUse())
    return nullptr;
  Value maxed;
  Value maxInit = matchRowReduction<arith::MaxNumFOp, arith::MaximumFOp>(
      max->tensor, maxed, combiner);
  if (!maxInit || maxed != x->tensor ||
      !isMaxInit(maxInit, isa<arith::MaxNumFOp>(combiner)) ||
      !hasExactUsers(x->tensor, {max->tensor.getDefiningOp(), sub->op}))
    return nullptr;
  return x->tensor;
}

//===----------------------------------------------------------------------===//
// Masks
//===----------------------------------------------------------------------===//

namespace {

/// A mask read by the elementwise step before the softmax.
struct MaskMatch {
  Value mask;
  AffineMap map;
  /// Select-based: the masked value (-inf or very negative); whether the
  /// mask is true where a key may be attended.
  bool isSelect = false;
  double maskedValue = 0.0;
  bool trueAttends = true;
};

} // namespace

/// Whether `map` reads `mask` broadcast to the scores `scoresShape` as
/// SDPA's mask broadcasts: dimensions in order, each of full size or 1.
/// On success, `shape` is the mask's shape with 1s inserted for the
/// dimensions it broadcasts over (leading ones only as far as the mask's
/// rank needs, at least rank 2).
static bool getBroadcastShape(Value mask, AffineMap map,
                              ArrayRef<int64_t> scoresShape,
                              SmallVectorImpl<int64_t> &shape) {
  auto type = dyn_cast<RankedTensorType>(mask.getType());
  int64_t rank = scoresShape.size();
  if (!type || map.getNumDims() != rank || map.getNumSymbols() != 0)
    return false;
  shape.assign(rank, 1);
  int64_t next = 0;
  for (auto [i, expr] : llvm::enumerate(map.getResults())) {
    int64_t size = type.getDimSize(i);
    if (auto constant = dyn_cast<AffineConstantExpr>(expr)) {
      if (constant.getValue() != 0 || size != 1)
        return false;
      continue;
    }
    auto dim = dyn_cast<AffineDimExpr>(expr);
    if (!dim || dim.getPosition() < next ||
        size != scoresShape[dim.getPosition()])
      return false;
    next = dim.getPosition() + 1;
    shape[dim.getPosition()] = size;
  }
  // The op aligns masks right: leading unit dimensions are implied.
  while (shape.size() > 2 && shape.front() == 1 &&
         int64_t(shape.size()) > type.getRank())
    shape.erase(shape.begin());
  return true;
}

/// Matches the mask step producing `v`: scores + mask, or a select between
/// the scores and a very negative constant. Returns the scores.
static Value matchMask(Value v, MaskMatch &match) {
  std::optional<Elementwise> elt = matchElementwise(v);
  if (!elt || elt->ops.size() != 1)
    return nullptr;
  Operation *payload = elt->ops[0];
  Type type = v.getType();
  if (isa<arith::AddFOp>(payload)) {
    std::optional<EltOperand> lhs = elt->resolve(payload->getOperand(0));
    std::optional<EltOperand> rhs = elt->resolve(payload->getOperand(1));
    if (!isChainOperand(lhs, type))
      std::swap(lhs, rhs);
    if (!isChainOperand(lhs, type) || !rhs || !rhs->tensor ||
        !getF32Type(rhs->tensor))
      return nullptr;
    match.mask = rhs->tensor;
    match.map = rhs->map;
    return lhs->tensor;
  }
  if (auto select = dyn_cast<arith::SelectOp>(payload)) {
    std::optional<EltOperand> cond = elt->resolve(select.getCondition());
    std::optional<EltOperand> onTrue = elt->resolve(select.getTrueValue());
    std::optional<EltOperand> onFalse = elt->resolve(select.getFalseValue());
    if (!cond || !cond->tensor)
      return nullptr;
    auto condType = dyn_cast<RankedTensorType>(cond->tensor.getType());
    if (!condType || !condType.getElementType().isInteger(1))
      return nullptr;
    match.isSelect = true;
    match.trueAttends = isChainOperand(onTrue, type);
    std::optional<EltOperand> scores = match.trueAttends ? onTrue : onFalse;
    std::optional<double> masked =
        getConstant(match.trueAttends ? onFalse : onTrue);
    if (!isChainOperand(scores, type) || !masked ||
        !(*masked <= kMaskedValueLimit))
      return nullptr;
    match.maskedValue = *masked;
    match.mask = cond->tensor;
    match.map = cond->map;
    return scores->tensor;
  }
  return nullptr;
}

//===----------------------------------------------------------------------===//
// The rewrite
//===----------------------------------------------------------------------===//

/// Reshapes `value` to `shape` when they differ only in unit dimensions:
/// collapses the unit dimensions away, then expands to `shape`. Without a
/// rewriter, only checks that it can.
static Value reshapeUnitDims(PatternRewriter *rewriter, Location loc,
                             Value value, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getShape() == shape)
    return value;
  SmallVector<int64_t> core;
  for (int64_t size : type.getShape())
    if (size != 1)
      core.push_back(size);
  if (core.empty())
    core.push_back(1);
  std::optional<SmallVector<ReassociationIndices>> collapse, expand;
  if (type.getShape() != ArrayRef<int64_t>(core)) {
    collapse = getReassociationIndicesForCollapse(type.getShape(), core);
    if (!collapse)
      return nullptr;
  }
  if (ArrayRef<int64_t>(core) != shape) {
    expand = getReassociationIndicesForCollapse(shape, core);
    if (!expand)
      return nullptr;
  }
  if (!rewriter)
    return value;
  if (collapse)
    value = tensor::CollapseShapeOp::create(*rewriter, loc, value, *collapse);
  if (expand)
    value = tensor::ExpandShapeOp::create(
        *rewriter, loc, RankedTensorType::get(shape, type.getElementType()),
        value, *expand);
  return value;
}

/// The reassociation taking a rank-`rank` attention operand to rank 4.
static SmallVector<ReassociationIndices> getTo4DGroups(int64_t rank) {
  if (rank == 3)
    return {{0, 1}, {2}, {3}};
  return {{0, 1, 2}, {3}};
}

/// The [B, H, T, D] shape an attention operand of `shape` (rank 2 to 4) is
/// viewed as. The batch of a rank-3 operand becomes the heads, or the batch
/// when it is dynamic (the op takes a dynamic batch, not dynamic heads).
static SmallVector<int64_t> get4DShape(ArrayRef<int64_t> shape) {
  int64_t rank = shape.size();
  if (rank == 3 && ShapedType::isDynamic(shape[0]))
    return {shape[0], 1, shape[1], shape[2]};
  SmallVector<int64_t> shape4D(4 - rank, 1);
  llvm::append_range(shape4D, shape);
  return shape4D;
}

/// `value` viewed as [B, H, T, D] (see get4DShape).
static Value expandTo4D(PatternRewriter &rewriter, Location loc, Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  if (rank == 4)
    return value;
  return tensor::ExpandShapeOp::create(
      rewriter, loc,
      RankedTensorType::get(get4DShape(type.getShape()), type.getElementType()),
      value, getTo4DGroups(rank));
}

/// A tensor of the shape of `like` (static or dynamic) filled with `value`.
static Value createSplat(PatternRewriter &rewriter, Location loc, Value like,
                         TypedAttr value) {
  auto type = RankedTensorType::get(
      cast<RankedTensorType>(like.getType()).getShape(), value.getType());
  if (type.hasStaticShape())
    return arith::ConstantOp::create(rewriter, loc,
                                     DenseElementsAttr::get(type, value));
  SmallVector<Value> sizes;
  for (int64_t i = 0; i < type.getRank(); ++i)
    if (type.isDynamicDim(i))
      sizes.push_back(tensor::DimOp::create(rewriter, loc, like, i));
  Value scalar = arith::ConstantOp::create(rewriter, loc, value);
  return tensor::SplatOp::create(rewriter, loc, type, scalar, sizes);
}

/// `value` of [.., A, B] as [.., B, A].
static Value transposeLast2(PatternRewriter &rewriter, Location loc,
                            Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> perm = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  std::swap(perm[rank - 2], perm[rank - 1]);
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(rewriter, loc, value);
  std::swap(sizes[rank - 2], sizes[rank - 1]);
  Value init =
      tensor::EmptyOp::create(rewriter, loc, sizes, type.getElementType());
  return linalg::TransposeOp::create(rewriter, loc, value, init, perm)
      .getResult()[0];
}

namespace {

/// Key or value operand of a contraction after peeling: the tensor, whether
/// a transpose must still be emitted (none to look through), the scale
/// folded from it and whether a head repeat was removed.
struct KeyValue {
  Value value;
  bool needsTranspose = false;
  double scale = 1.0;
  bool unrepeated = false;
};

struct RaiseAttentionChain : OpInterfaceRewritePattern<linalg::LinalgOp> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;

  /// Peels the look-through steps off a key or value operand, each at most
  /// once: the transpose to [.., T, D] (when `transposed`, i.e. the operand
  /// is [.., D, T]), the scale (if `scalable`), the head repeat (if
  /// `unrepeat`).
  static KeyValue peel(Value v, bool transposed, bool scalable, bool unrepeat) {
    KeyValue kv{v, transposed};
    bool scaled = false;
    while (true) {
      if (kv.needsTranspose) {
        if (Value input = matchTransposeLast2(kv.value)) {
          kv.value = input;
          kv.needsTranspose = false;
          continue;
        }
      }
      if (scalable && !scaled && kv.value.hasOneUse()) {
        if (Value input = matchScale(kv.value, kv.scale)) {
          kv.value = input;
          scaled = true;
          continue;
        }
      }
      if (unrepeat && !kv.unrepeated && !kv.needsTranspose) {
        if (Value input = matchRepeatedHeads(kv.value)) {
          kv.value = input;
          kv.unrepeated = true;
          continue;
        }
      }
      return kv;
    }
  }

  /// The shape of `kv` as [.., T, D].
  static SmallVector<int64_t> getShape(const KeyValue &kv) {
    auto shape =
        llvm::to_vector(cast<RankedTensorType>(kv.value.getType()).getShape());
    if (kv.needsTranspose)
      std::swap(shape[shape.size() - 2], shape[shape.size() - 1]);
    return shape;
  }

  LogicalResult matchAndRewrite(linalg::LinalgOp op,
                                PatternRewriter &rewriter) const override {
    if (op->getNumResults() != 1)
      return failure();
    Value result = op->getResult(0);
    // The op whose result the attention replaces: `op`, or the reshape that
    // splits the batch of a rank-4 contraction written on merged batches.
    Operation *root = op;
    if (result.hasOneUse())
      if (auto expand =
              dyn_cast<tensor::ExpandShapeOp>(*result.getUsers().begin()))
        if (matchMergedBatchContraction(expand.getResult())) {
          result = expand.getResult();
          root = expand;
        }
    // out = P V.
    std::optional<Contraction> pv = matchAnyContraction(result);
    if (!pv)
      return rewriter.notifyMatchFailure(op, "not a contraction");
    auto outType = cast<RankedTensorType>(result.getType());
    int64_t rank = outType.getRank();
    Value probs = pv->lhs;
    if (!probs.hasOneUse())
      return rewriter.notifyMatchFailure(op, "probabilities used elsewhere");
    Value x = matchSoftmax(probs);
    if (!x)
      return rewriter.notifyMatchFailure(op, "no softmax over the last dim");
    // x = mask(scale(S)) or a part of it.
    MaskMatch mask;
    double scale = 1.0;
    Value scores = x;
    if (Value unmasked = matchMask(scores, mask)) {
      if (!unmasked.hasOneUse())
        return rewriter.notifyMatchFailure(op, "masked scores used elsewhere");
      scores = unmasked;
    }
    if (Value unscaled = matchScale(scores, scale)) {
      if (!unscaled.hasOneUse())
        return rewriter.notifyMatchFailure(op, "scores used elsewhere");
      scores = unscaled;
    }
    // S = Q K^T.
    std::optional<Contraction> qk = matchAnyContraction(scores);
    if (!qk)
      return rewriter.notifyMatchFailure(op, "scores are not Q K^T");
    auto scoresType = cast<RankedTensorType>(scores.getType());
    if (scoresType.getRank() != rank)
      return rewriter.notifyMatchFailure(op, "ranks differ");
    Value query = qk->lhs;
    if (query.hasOneUse())
      if (Value unscaled = matchScale(query, scale))
        query = unscaled;
    // The key operand is K [.., Tk, D] when indexed transposed, else K^T.
    // Heads are unrepeated only if both K and V are, with the same heads;
    // otherwise both stay repeated.
    KeyValue key = peel(qk->rhs, !qk->rhsTransposed, /*scalable=*/true,
                        /*unrepeat=*/rank == 4);
    KeyValue value = peel(pv->rhs, pv->rhsTransposed, /*scalable=*/false,
                          /*unrepeat=*/rank == 4);
    if ((key.unrepeated || value.unrepeated) &&
        (!key.unrepeated || !value.unrepeated ||
         getShape(key)[1] != getShape(value)[1])) {
      key = peel(qk->rhs, !qk->rhsTransposed, /*scalable=*/true,
                 /*unrepeat=*/false);
      value = peel(pv->rhs, pv->rhsTransposed, /*scalable=*/false,
                   /*unrepeat=*/false);
    }
    scale *= key.scale;

    // Shapes: Q [b.., Tq, D], K [b'.., Tk, D], V [b'.., Tk, Dv].
    auto qType = cast<RankedTensorType>(query.getType());
    SmallVector<int64_t> kShape = getShape(key), vShape = getShape(value);
    ArrayRef<int64_t> qShape = qType.getShape();
    if (kShape[rank - 1] != qShape[rank - 1] ||
        vShape[rank - 2] != kShape[rank - 2] ||
        ArrayRef<int64_t>(kShape).drop_back(2) !=
            ArrayRef<int64_t>(vShape).drop_back(2))
      return rewriter.notifyMatchFailure(op, "dimensions do not line up");
    // The scores [b.., Tq, Tk] and the result [b.., Tq, Dv] written as Q, K
    // and V say (a static size where they have a `?`, or the reverse, would
    // give the op another type than the one it infers).
    SmallVector<int64_t> scoresShape(qShape.drop_back());
    scoresShape.push_back(kShape[rank - 2]);
    SmallVector<int64_t> resultShape(qShape.drop_back());
    resultShape.push_back(vShape[rank - 1]);
    if (scoresType.getShape() != ArrayRef<int64_t>(scoresShape) ||
        outType.getShape() != ArrayRef<int64_t>(resultShape))
      return rewriter.notifyMatchFailure(
          op, "scores or result sizes are not written as Q, K and V say");
    // The lowering takes dynamic batch and sequence sizes only.
    if (ShapedType::isDynamic(qShape[rank - 1]) ||
        ShapedType::isDynamic(vShape[rank - 1]))
      return rewriter.notifyMatchFailure(op, "head dimension is dynamic");
    if (rank == 4 &&
        (ShapedType::isDynamic(qShape[1]) || ShapedType::isDynamic(kShape[1])))
      return rewriter.notifyMatchFailure(op, "number of heads is dynamic");
    for (int64_t i = 0; i < rank - 2; ++i) {
      bool heads = rank == 4 && i == 1;
      if (heads ? kShape[i] == 0 || qShape[i] % kShape[i] != 0
                : qShape[i] != kShape[i])
        return rewriter.notifyMatchFailure(op, "batch dimensions differ");
    }
    if (!std::isfinite(scale) || scale == 0.0)
      return rewriter.notifyMatchFailure(op, "scale out of range");
    SmallVector<int64_t> maskShape;
    if (mask.mask && !getBroadcastShape(mask.mask, mask.map,
                                        scoresType.getShape(), maskShape))
      return rewriter.notifyMatchFailure(op, "mask does not broadcast");
    // A mask over a dynamic rank-3 batch reads it as the batch, not the
    // heads (see get4DShape).
    if (rank == 3 && ShapedType::isDynamic(qShape[0]) && maskShape.size() == 3)
      maskShape.insert(maskShape.begin() + 1, 1);
    if (mask.mask &&
        !reshapeUnitDims(nullptr, op.getLoc(), mask.mask, maskShape))
      return rewriter.notifyMatchFailure(op, "mask does not broadcast");

    // Rewrite.
    Location loc = op.getLoc();
    Value q = expandTo4D(rewriter, loc, query);
    Value kValue = key.needsTranspose ? transposeLast2(rewriter, loc, key.value)
                                      : key.value;
    Value vValue = value.needsTranspose
                       ? transposeLast2(rewriter, loc, value.value)
                       : value.value;
    Value k = expandTo4D(rewriter, loc, kValue);
    Value v = expandTo4D(rewriter, loc, vValue);
    Value sdpaMask;
    if (mask.mask) {
      sdpaMask = reshapeUnitDims(&rewriter, loc, mask.mask, maskShape);
      if (mask.isSelect && !std::isinf(mask.maskedValue)) {
        // A finite masked value: an additive mask of 0 and that value.
        Value zero =
            createSplat(rewriter, loc, sdpaMask, rewriter.getF32FloatAttr(0));
        Value masked =
            createSplat(rewriter, loc, sdpaMask,
                        rewriter.getF32FloatAttr(float(mask.maskedValue)));
        sdpaMask = arith::SelectOp::create(rewriter, loc, sdpaMask,
                                           mask.trueAttends ? zero : masked,
                                           mask.trueAttends ? masked : zero);
      } else if (mask.isSelect && !mask.trueAttends) {
        Value ones =
            createSplat(rewriter, loc, sdpaMask, rewriter.getBoolAttr(true));
        // Folded when the mask is a constant (a triangle from torch.triu),
        // so that the canonical form below can make it the causal flag.
        sdpaMask = rewriter.createOrFold<arith::XOrIOp>(loc, sdpaMask, ones);
      }
    }
    auto out4DType = RankedTensorType::get(get4DShape(outType.getShape()),
                                           outType.getElementType());
    Value out = ScaledDotProductAttentionOp::create(
        rewriter, loc, out4DType, q, k, v, sdpaMask,
        rewriter.getF64FloatAttr(scale), /*causal=*/false);
    if (rank != 4)
      out = tensor::CollapseShapeOp::create(rewriter, loc, outType, out,
                                            getTo4DGroups(rank));
    rewriter.replaceOp(root, out);
    if (root != op)
      rewriter.eraseOp(op);
    return success();
  }
};

struct S2SRaiseAttentionPass
    : s2s::impl::S2SRaiseAttentionPassBase<S2SRaiseAttentionPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateRaiseAttentionPatterns(patterns);
    // The raised ops in canonical form: a constant mask that masks nothing
    // goes, a causal one becomes the causal attribute.
    ScaledDotProductAttentionOp::getCanonicalizationPatterns(patterns,
                                                             &getContext());
    // Leave the IR that does not match as it was: no folding, no constant
    // hoisting.
    GreedyRewriteConfig config;
    config.enableFolding(false).enableConstantCSE(false);
    if (failed(
            applyPatternsGreedily(getOperation(), std::move(patterns), config)))
      signalPassFailure();
  }
};

} // namespace

void mlir::s2s::populateRaiseAttentionPatterns(RewritePatternSet &patterns) {
  patterns.add<RaiseAttentionChain>(patterns.getContext());
}
