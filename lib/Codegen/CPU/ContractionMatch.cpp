//===- ContractionMatch.cpp - which generics the kernels implement -------===//
//
// Recognizes the contractions the kernels implement: a linalg.generic on
// memrefs with a multiply-add body (whose inputs may be widened from a
// narrower float type first, as bf16 weights are), static sizes but for the
// rows m (which may be dynamic: a batch, a sequence), unit inner strides, C
// indexed by the parallel loops in order, and the contiguous dimension of B
// either k (dot) or n (axpy). Also the facts kernel selection needs: whether
// B fits vector panels, and the loop in which B is invariant.
//
//===----------------------------------------------------------------------===//

#include "KernelEmitter.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/Support/MathExtras.h"

#include <array>

using namespace mlir;
using namespace mlir::s2s::cpu;

/// A memref whose innermost dimension has unit stride.
bool mlir::s2s::cpu::hasUnitInnerStride(Value v) {
  auto type = dyn_cast<MemRefType>(v.getType());
  if (!type || type.getRank() == 0)
    return false;
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(type.getStridesAndOffset(strides, offset)))
    return false;
  return strides.back() == 1;
}

/// Input `i` of the body as the multiply reads it: the block argument, its
/// widening to the output's type (weights stored as bf16), or its rounding
/// to bf16 and widening back (activations with bf16 products).
struct BodyInput {
  Value value;
  /// Ops between the block argument and `value`.
  size_t ops = 0;
  bool rounded = false;
};

static std::optional<BodyInput> bodyInput(Block &body, unsigned i) {
  BlockArgument arg = body.getArgument(i);
  Type out = body.getArgument(2).getType();
  if (!arg.hasOneUse())
    return arg.getType() == out ? std::optional(BodyInput{arg}) : std::nullopt;
  Operation *user = *arg.getUsers().begin();
  if (auto ext = dyn_cast<arith::ExtFOp>(user))
    if (ext.getType() == out)
      return BodyInput{ext.getResult(), 1};
  // Rounded as the kernels round: to nearest, ties to even (the default).
  if (auto trunc = dyn_cast<arith::TruncFOp>(user);
      trunc && arg.getType() == out && trunc.getType().isBF16() &&
      trunc->hasOneUse() &&
      (!trunc.getRoundingmode() ||
       *trunc.getRoundingmode() == arith::RoundingMode::to_nearest_even))
    if (auto ext = dyn_cast<arith::ExtFOp>(*trunc->getUsers().begin());
        ext && ext.getType() == out)
      return BodyInput{ext.getResult(), 2, /*rounded=*/true};
  if (arg.getType() == out)
    return BodyInput{arg};
  return std::nullopt;
}

/// The body is `out + in0 * in1` (in either operand order), where an input
/// of a narrower float type is widened first (`arith.extf`), and one of the
/// output's type may be rounded to bf16 first. Returns whether each input
/// is rounded.
static std::optional<std::array<bool, 2>> mulAddBody(linalg::GenericOp op) {
  Block &body = op.getRegion().front();
  std::optional<BodyInput> in0 = bodyInput(body, 0), in1 = bodyInput(body, 1);
  if (!in0 || !in1)
    return std::nullopt;
  if (body.getOperations().size() != 3 + in0->ops + in1->ops)
    return std::nullopt;
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  auto add = yield.getOperand(0).getDefiningOp<arith::AddFOp>();
  if (!add)
    return std::nullopt;
  Value acc = body.getArgument(2);
  Value prod = add.getLhs() == acc ? add.getRhs() : add.getLhs();
  if (add.getLhs() != acc && add.getRhs() != acc)
    return std::nullopt;
  auto mul = prod.getDefiningOp<arith::MulFOp>();
  if (!mul)
    return std::nullopt;
  if (!(mul.getLhs() == in0->value && mul.getRhs() == in1->value) &&
      !(mul.getLhs() == in1->value && mul.getRhs() == in0->value))
    return std::nullopt;
  return std::array<bool, 2>{in0->rounded, in1->rounded};
}

/// Whether `map` reads dimension `dim` anywhere.
static bool usesDim(AffineMap map, unsigned dim) {
  return map.isFunctionOfDim(dim);
}

/// `map`'s last result is exactly dimension `dim`.
static bool lastResultIs(AffineMap map, unsigned dim) {
  auto expr = dyn_cast<AffineDimExpr>(map.getResults().back());
  return expr && expr.getPosition() == dim;
}

// The dimensions are classified here, not by linalg::inferContractionDims:
// a batch dimension may be read through an affine expression (the key/value
// head h floordiv G of grouped-query attention), which inferContractionDims,
// counting plain dimensions only, would take for a second m dimension.
std::optional<Contraction>
mlir::s2s::cpu::matchContraction(linalg::GenericOp op, int64_t vectorWidth) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1)
    return std::nullopt;
  std::optional<std::array<bool, 2>> rounded = mulAddBody(op);
  if (!rounded)
    return std::nullopt;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  SmallVector<unsigned> parallel;
  std::optional<unsigned> reduction;
  for (auto [i, it] : llvm::enumerate(iterators)) {
    if (it == utils::IteratorType::parallel)
      parallel.push_back(i);
    else if (reduction)
      return std::nullopt; // one reduction dimension only
    else
      reduction = i;
  }
  if (!reduction || parallel.size() < 2)
    return std::nullopt;

  Contraction c;
  c.op = op;
  c.a = op.getDpsInputOperand(0)->get();
  c.b = op.getDpsInputOperand(1)->get();
  c.c = op.getDpsInitOperand(0)->get();
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  c.aMap = maps[0];
  c.bMap = maps[1];
  c.cMap = maps[2];
  c.roundedA = (*rounded)[0];
  c.roundedB = (*rounded)[1];
  c.kDim = *reduction;
  c.nDim = parallel.back();
  c.mDim = parallel[parallel.size() - 2];
  c.batchDims.assign(parallel.begin(), parallel.end() - 2);
  c.loopSizes = op.getStaticLoopRanges();

  // C is indexed by the parallel dimensions, in order.
  if (c.cMap.getNumResults() != parallel.size())
    return std::nullopt;
  for (auto [i, dim] : llvm::enumerate(parallel)) {
    auto expr = dyn_cast<AffineDimExpr>(c.cMap.getResult(i));
    if (!expr || expr.getPosition() != dim)
      return std::nullopt;
  }
  // A reads m and k but not n; B reads n and k but not m. Swap the inputs
  // when the generic lists them the other way round.
  auto fits = [&](AffineMap aMap, AffineMap bMap) {
    return usesDim(aMap, c.mDim) && !usesDim(aMap, c.nDim) &&
           usesDim(bMap, c.nDim) && !usesDim(bMap, c.mDim) &&
           usesDim(aMap, c.kDim) && usesDim(bMap, c.kDim);
  };
  if (!fits(c.aMap, c.bMap)) {
    std::swap(c.a, c.b);
    std::swap(c.aMap, c.bMap);
    std::swap(c.roundedA, c.roundedB);
    if (!fits(c.aMap, c.bMap))
      return std::nullopt;
  }
  // m, n and k must appear as plain dimensions (batch dimensions may be any
  // affine expression, as for grouped-query heads).
  for (AffineExpr expr :
       llvm::concat<const AffineExpr>(c.aMap.getResults(), c.bMap.getResults()))
    for (unsigned dim : {c.mDim, c.nDim, c.kDim})
      if (expr.isFunctionOfDim(dim) && !isa<AffineDimExpr>(expr))
        return std::nullopt;
  if (!hasUnitInnerStride(c.a) || !hasUnitInnerStride(c.b) ||
      !hasUnitInnerStride(c.c))
    return std::nullopt;
  Type elt = cast<MemRefType>(c.c.getType()).getElementType();
  if (!elt.isF32() && !elt.isF64())
    return std::nullopt;

  if (lastResultIs(c.aMap, c.kDim) && lastResultIs(c.bMap, c.kDim))
    c.kind = KernelKind::Dot;
  else if (lastResultIs(c.bMap, c.nDim))
    c.kind = KernelKind::Axpy;
  else
    return std::nullopt;
  // Dynamic sizes: m (a batch, a sequence) in every kernel, which tiles it
  // at run time; n and k in the axpy kernel (the blocks of tiled attention
  // over a dynamic length), whose columns end with a masked vector and
  // whose k loop has any trip count. Batch loops are static.
  for (auto [dim, size] : llvm::enumerate(c.loopSizes)) {
    if (!ShapedType::isDynamic(size) || dim == c.mDim)
      continue;
    if (c.kind != KernelKind::Axpy || (dim != c.nDim && dim != c.kDim))
      return std::nullopt;
  }
  // Too small to be worth a vector kernel.
  int64_t inner =
      c.kind == KernelKind::Dot ? c.loopSizes[c.kDim] : c.loopSizes[c.nDim];
  if (!ShapedType::isDynamic(inner) && inner < vectorWidth / 2)
    return std::nullopt;
  return c;
}

/// Whether B of a dot contraction can be transposed into panels of whole
/// vectors: n and k multiples of the (power of two) vector width.
bool mlir::s2s::cpu::fitsPanels(const Contraction &c, int64_t vw) {
  int64_t n = c.loopSizes[c.nDim], k = c.loopSizes[c.kDim];
  return c.kind == KernelKind::Dot && llvm::isPowerOf2_64(vw) &&
         !ShapedType::isDynamic(n) && !ShapedType::isDynamic(k) &&
         n % vw == 0 && k % vw == 0;
}

/// Whether something in `loop` may write the buffer `value` views (or
/// free it): any user of one of its aliases inside the loop with a write
/// or free effect on it, or without known effects.
///
/// Not LocalAliasAnalysis::getModRef: it must answer MayAlias for two
/// function arguments, so a write to an output in a recurrent loop would
/// keep the weights (inputs) from being packed once before it; the s2s
/// calling convention says inputs are never written and do not overlap
/// outputs, so only views of the same root are followed here.
bool mlir::s2s::cpu::mayBeWrittenIn(Value value, Operation *loop) {
  Value root = value;
  while (auto view = root.getDefiningOp<ViewLikeOpInterface>())
    root = view.getViewSource();
  SmallVector<Value> aliases = {root};
  while (!aliases.empty()) {
    Value alias = aliases.pop_back_val();
    for (OpOperand &use : alias.getUses()) {
      Operation *user = use.getOwner();
      if (auto view = dyn_cast<ViewLikeOpInterface>(user)) {
        if (view.getViewSource() == alias) {
          llvm::append_range(aliases, user->getResults());
          continue;
        }
      }
      if (!loop->isAncestor(user))
        continue;
      auto effects = dyn_cast<MemoryEffectOpInterface>(user);
      if (!effects)
        return true;
      SmallVector<MemoryEffects::EffectInstance> found;
      effects.getEffectsOnValue(alias, found);
      for (auto &effect : found)
        if (isa<MemoryEffects::Write, MemoryEffects::Free>(effect.getEffect()))
          return true;
    }
  }
  return false;
}

/// The outermost scf.for around `c` (through scf.for ops only) in which B is
/// defined outside and read-only, or null.
Operation *mlir::s2s::cpu::findInvariantLoopOfB(const Contraction &c) {
  return findReadOnlyLoop(c.op, c.b, /*throughParallel=*/false);
}

Operation *mlir::s2s::cpu::findReadOnlyLoop(Operation *op, Value value,
                                            bool throughParallel) {
  Operation *found = nullptr;
  for (Operation *parent = op->getParentOp();
       parent && (isa<scf::ForOp>(parent) ||
                  (throughParallel && isa<scf::ParallelOp>(parent)));
       parent = parent->getParentOp()) {
    if (parent->getRegion(0).isAncestor(value.getParentRegion()) ||
        mayBeWrittenIn(value, parent))
      break;
    found = parent;
  }
  return found;
}
