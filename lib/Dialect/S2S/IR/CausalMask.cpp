//===- CausalMask.cpp - masks that compute the causal triangle ------------===//
//
// An exporter that keeps the sequence length dynamic computes the causal
// mask in the graph: nn.Transformer.generate_square_subsequent_mask(T) is
// Trilu(ConstantOfShape([T, T], -inf), k = 1); hand-written attention masks
// with tril(ones(T, T)) == 0, compares Range(T) with itself, or slices a
// constant tril buffer to [:T, :T] (nanoGPT). The importer
// turns these into linalg.generic ops over linalg.index, fills, splats and
// reshapes. This file proves that such a mask is the causal triangle for
// every T, without knowing T:
//
//  1. its sizes are Tq x Tq, the query length, as a size analysis of the
//     producers (tensor.empty, reshapes, destination-style results) and the
//     run-time checks before the attention (cf.assert of two sizes equal)
//     show;
//  2. one element [.., i, j] is evaluated symbolically, integers as affine
//     functions of i and j. Every comparison of them must compare j - i
//     with a constant c, and a constant matrix read at (i + a, j + b) must
//     hold one value along each diagonal; the element is then a function
//     of j - i alone, constant between those constants (and between the
//     diagonals where the matrix's values change);
//  3. the element is evaluated again at j - i equal to each c and beside it
//     (and at 0 and 1), where it must be visible iff j <= i.
//
// Floats are computed as the target does (APFloat, rounding to nearest even),
// so an additive mask multiplied by 1.0 or a boolean one turned into floats
// is seen as what it computes.
//
//===----------------------------------------------------------------------===//

#include "CausalMask.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/MathExtras.h"

#include <set>

using namespace mlir;
using namespace mlir::s2s;

namespace {

//===----------------------------------------------------------------------===//
// Sizes
//===----------------------------------------------------------------------===//

/// A size as far as the producers show it: a constant, an index value, or
/// dimension `dim` of a tensor whose producer says nothing more.
struct Size {
  std::optional<int64_t> constant;
  Value value;
  int64_t dim = -1;

  bool operator==(const Size &other) const {
    return constant == other.constant && value == other.value &&
           dim == other.dim;
  }
};

constexpr unsigned kMaxSizeDepth = 64;

Size sizeOfIndex(OpFoldResult size, unsigned depth = 0);

Size sizeOf(Value tensor, int64_t dim, unsigned depth = 0);

/// The size an index value stands for: a constant, a dimension of a tensor
/// (tensor.dim), or the value itself.
Size sizeOfIndex(OpFoldResult size, unsigned depth) {
  if (std::optional<int64_t> constant = getConstantIntValue(size))
    return Size{constant, {}, -1};
  Value value = cast<Value>(size);
  if (auto dimOp = value.getDefiningOp<tensor::DimOp>()) {
    auto type = dyn_cast<RankedTensorType>(dimOp.getSource().getType());
    std::optional<int64_t> index = dimOp.getConstantIndex();
    if (type && index && *index >= 0 && *index < type.getRank())
      return sizeOf(dimOp.getSource(), *index, depth + 1);
  }
  return Size{std::nullopt, value, -1};
}

Size sizeOf(Value tensor, int64_t dim, unsigned depth) {
  Size opaque{std::nullopt, tensor, dim};
  auto type = dyn_cast<RankedTensorType>(tensor.getType());
  if (!type)
    return opaque;
  if (!type.isDynamicDim(dim))
    return Size{type.getDimSize(dim), {}, -1};
  Operation *op = tensor.getDefiningOp();
  if (!op || depth > kMaxSizeDepth)
    return opaque;
  if (auto empty = dyn_cast<tensor::EmptyOp>(op))
    return sizeOfIndex(empty.getMixedSizes()[dim], depth);
  if (auto splat = dyn_cast<tensor::SplatOp>(op)) {
    int64_t before =
        llvm::count_if(type.getShape().take_front(dim), ShapedType::isDynamic);
    return sizeOfIndex(splat.getDynamicSizes()[before], depth);
  }
  if (auto expand = dyn_cast<tensor::ExpandShapeOp>(op))
    return sizeOfIndex(expand.getMixedOutputShape()[dim], depth);
  if (auto collapse = dyn_cast<tensor::CollapseShapeOp>(op)) {
    // A group of one dimension and units.
    ArrayRef<int64_t> source = collapse.getSrcType().getShape();
    std::optional<int64_t> only;
    SmallVector<ReassociationIndices> groups =
        collapse.getReassociationIndices();
    for (int64_t d : groups[dim]) {
      if (source[d] == 1)
        continue;
      if (only)
        return opaque;
      only = d;
    }
    return only ? sizeOf(collapse.getSrc(), *only, depth + 1) : opaque;
  }
  if (auto slice = dyn_cast<tensor::ExtractSliceOp>(op)) {
    llvm::SmallBitVector dropped = slice.getDroppedDims();
    SmallVector<OpFoldResult> sizes = slice.getMixedSizes();
    int64_t kept = -1;
    for (auto [d, size] : llvm::enumerate(sizes))
      if (!dropped[d] && ++kept == dim)
        return sizeOfIndex(size, depth);
    return opaque;
  }
  if (auto cast = dyn_cast<tensor::CastOp>(op))
    return isa<RankedTensorType>(cast.getSource().getType())
               ? sizeOf(cast.getSource(), dim, depth + 1)
               : opaque;
  if (auto dps = dyn_cast<DestinationStyleOpInterface>(op))
    return sizeOf(dps.getDpsInits()[cast<OpResult>(tensor).getResultNumber()],
                  dim, depth + 1);
  if (OpTrait::hasElementwiseMappableTraits(op))
    for (Value operand : op->getOperands())
      if (isa<RankedTensorType>(operand.getType()))
        return sizeOf(operand, dim, depth + 1);
  return opaque;
}

/// Sizes known equal at `op`: the same size, or two sizes a cf.assert
/// before `op` in its block checks are equal (the importer checks so that
/// the dimensions an ONNX graph names alike agree).
class EqualSizes {
public:
  explicit EqualSizes(Operation *op) {
    for (Operation &before : *op->getBlock()) {
      if (&before == op)
        break;
      auto check = dyn_cast<cf::AssertOp>(before);
      auto eq = check ? check.getArg().getDefiningOp<arith::CmpIOp>() : nullptr;
      if (eq && eq.getPredicate() == arith::CmpIPredicate::eq &&
          eq.getLhs().getType().isIndex())
        unite(sizeOfIndex(eq.getLhs()), sizeOfIndex(eq.getRhs()));
    }
  }

  bool operator()(const Size &a, const Size &b) {
    return a == b || find(node(a)) == find(node(b));
  }

private:
  unsigned node(const Size &size) {
    for (auto [i, known] : llvm::enumerate(sizes))
      if (known == size)
        return i;
    sizes.push_back(size);
    parents.push_back(parents.size());
    return sizes.size() - 1;
  }
  unsigned find(unsigned i) {
    while (parents[i] != i)
      i = parents[i] = parents[parents[i]];
    return i;
  }
  void unite(const Size &a, const Size &b) {
    unsigned x = find(node(a)), y = find(node(b));
    parents[x] = y;
  }

  SmallVector<Size> sizes;
  SmallVector<unsigned> parents;
};

//===----------------------------------------------------------------------===//
// Elements
//===----------------------------------------------------------------------===//

/// An integer (index, iN; i1 as 0 or 1) as a function of the mask element's
/// row i and column j: row * i + col * j + constant. Opaque when it depends
/// on anything else (another index, a value known at run time).
struct Affine {
  int64_t row = 0, col = 0, constant = 0;
  bool opaque = false;

  static Affine of(int64_t constant) {
    Affine a;
    a.constant = constant;
    return a;
  }
  static Affine unknown() {
    Affine a;
    a.opaque = true;
    return a;
  }
  bool isConstant() const { return !opaque && row == 0 && col == 0; }
};

/// Bounds on the terms of a symbolic integer, so that it takes the same
/// values in any integer type of 32 bits or more for sequences shorter than
/// 2^20.
constexpr int64_t kMaxFactor = 16, kMaxConstant = int64_t(1) << 24;

/// a * ka + b * kb, or failure on overflow or out of the bounds above.
FailureOr<Affine> combine(const Affine &a, int64_t ka, const Affine &b,
                          int64_t kb) {
  if (a.opaque || b.opaque)
    return Affine::unknown();
  Affine out;
  int64_t *fields[] = {&out.row, &out.col, &out.constant};
  int64_t as[] = {a.row, a.col, a.constant}, bs[] = {b.row, b.col, b.constant};
  for (int k = 0; k < 3; ++k) {
    std::optional<int64_t> x = llvm::checkedMul(as[k], ka);
    std::optional<int64_t> y = llvm::checkedMul(bs[k], kb);
    if (!x || !y)
      return failure();
    std::optional<int64_t> sum = llvm::checkedAdd(*x, *y);
    if (!sum)
      return failure();
    *fields[k] = *sum;
  }
  if (!out.isConstant() &&
      (std::abs(out.row) > kMaxFactor || std::abs(out.col) > kMaxFactor ||
       std::abs(out.constant) > kMaxConstant))
    return failure();
  return out;
}

/// One element's value: a float, or an integer.
struct Element {
  std::optional<APFloat> number;
  Affine integer;

  static Element ofInteger(Affine a) { return Element{std::nullopt, a}; }
  static Element ofFloat(APFloat x) { return Element{x, Affine::of(0)}; }
};

/// An integer attribute's value: i1 as 0 or 1, wider types sign-extended.
int64_t integerValue(const APInt &value) {
  return value.getBitWidth() == 1 ? int64_t(value.getZExtValue())
                                  : value.getSExtValue();
}

FailureOr<Element> elementOf(Attribute attr) {
  if (auto number = dyn_cast<FloatAttr>(attr))
    return Element::ofFloat(number.getValue());
  if (auto integer = dyn_cast<IntegerAttr>(attr)) {
    if (integer.getValue().getBitWidth() > 64)
      return failure();
    return Element::ofInteger(Affine::of(integerValue(integer.getValue())));
  }
  return failure();
}

unsigned bitWidthOf(Type type) {
  type = getElementTypeOrSelf(type);
  return type.isIndex() ? 64 : type.getIntOrFloatBitWidth();
}

/// `a` as the integer type of `width` bits holds it: a constant wrapped
/// (two's complement; i1 as 0 or 1), a symbolic value as it is.
Affine wrapped(const Affine &a, unsigned width) {
  if (!a.isConstant())
    return a;
  return Affine::of(integerValue(APInt(width, a.constant, /*isSigned=*/true,
                                       /*implicitTrunc=*/true)));
}

/// Whether `op` computes on integers of at most 64 bits, and its floats
/// without fast-math flags (which let the backend contract or reorder what
/// APFloat computes exactly).
bool isEvaluable(Operation *op) {
  for (Type type :
       llvm::concat<Type>(op->getOperandTypes(), op->getResultTypes())) {
    Type elt = getElementTypeOrSelf(type);
    if (elt.isSignlessInteger() && elt.getIntOrFloatBitWidth() > 64)
      return false;
  }
  if (auto fastMath = dyn_cast<arith::ArithFastMathInterface>(op))
    return fastMath.getFastMathFlagsAttr().getValue() ==
           arith::FastMathFlags::none;
  return true;
}

/// Evaluates one element of a mask, at a sample (i, j) that decides the
/// comparisons; records at which values of j - i the comparisons change.
class Evaluator {
public:
  /// Evaluates at row `row` and column `col` from now on.
  void setSample(int64_t row, int64_t col) {
    sampleRow = row;
    sampleCol = col;
    budget = kBudget;
    breakpoints.clear();
  }

  /// The element of `tensor` at `index`.
  FailureOr<Element> tensorElement(Value tensor, ArrayRef<Affine> index);

  /// The values of j - i at which some comparison (or the value along the
  /// diagonals of a constant) changes.
  std::set<int64_t> breakpoints;

private:
  /// The body of a linalg.generic being evaluated: its loop indices and the
  /// values computed so far.
  struct Scope {
    linalg::GenericOp op;
    SmallVector<Affine> loops;
    DenseMap<Value, Element> values;
  };

  FailureOr<Element> scalar(Value value, Scope *scope);
  FailureOr<Element> apply(Operation *op, ArrayRef<Element> operands);
  FailureOr<Element> compare(arith::CmpIOp op, const Affine &lhs,
                             const Affine &rhs);
  FailureOr<Element> constantElement(DenseElementsAttr attr,
                                     ArrayRef<Affine> index);
  FailureOr<Element> diagonalElement(DenseElementsAttr attr,
                                     ArrayRef<Affine> index);
  /// The values along the diagonals of the [R, C] matrix of `attr` that
  /// starts at element `base`, from diagonal -(R - 1) to C - 1, if each
  /// diagonal holds one value.
  const std::optional<SmallVector<Attribute>> &diagonals(DenseElementsAttr attr,
                                                         int64_t base);
  FailureOr<Element> genericElement(linalg::GenericOp op, unsigned result,
                                    ArrayRef<Affine> index);

  int64_t valueAt(const Affine &a) const {
    return a.row * sampleRow + a.col * sampleCol + a.constant;
  }

  int64_t sampleRow = 0, sampleCol = 0;
  /// Bounds the work on graphs that share values along many paths.
  static constexpr unsigned kBudget = 20000;
  unsigned budget = kBudget;
  /// Bounds the recursion (the stack) on long chains of ops.
  static constexpr unsigned kMaxDepth = 128;
  unsigned depth = 0;
  /// Counts one level of recursion while alive.
  struct Nested {
    explicit Nested(unsigned &depth) : depth(depth) { ++depth; }
    ~Nested() { --depth; }
    unsigned &depth;
  };
  /// diagonals(), for every sample.
  DenseMap<std::pair<Attribute, int64_t>, std::optional<SmallVector<Attribute>>>
      diagonalCache;
};

/// Constants read along their diagonals up to this many elements (a
/// 2048 x 2048 mask buffer).
constexpr int64_t kMaxDiagonalElements = int64_t(1) << 22;

const std::optional<SmallVector<Attribute>> &
Evaluator::diagonals(DenseElementsAttr attr, int64_t base) {
  auto [it, inserted] = diagonalCache.try_emplace({attr, base});
  if (!inserted)
    return it->second;
  ArrayRef<int64_t> shape = attr.getType().getShape();
  int64_t rows = shape[shape.size() - 2], cols = shape.back();
  // Each element equals the one up and left of it.
  auto constantAlongDiagonals = [&](auto values) {
    auto same = [](const auto &x, const auto &y) {
      if constexpr (std::is_same_v<std::decay_t<decltype(x)>, APFloat>)
        return x.bitwiseIsEqual(y);
      else
        return x == y;
    };
    for (int64_t r = 1; r < rows; ++r)
      for (int64_t c = 1; c < cols; ++c)
        if (!same(values[base + r * cols + c],
                  values[base + (r - 1) * cols + c - 1]))
          return false;
    return true;
  };
  bool diagonal = isa<FloatType>(attr.getElementType())
                      ? constantAlongDiagonals(attr.getValues<APFloat>())
                      : constantAlongDiagonals(attr.getValues<APInt>());
  if (!diagonal)
    return it->second;
  SmallVector<Attribute> values;
  auto all = attr.getValues<Attribute>();
  for (int64_t r = rows - 1; r > 0; --r)
    values.push_back(all[base + r * cols]);
  for (int64_t c = 0; c < cols; ++c)
    values.push_back(all[base + c]);
  it->second = std::move(values);
  return it->second;
}

FailureOr<Element> Evaluator::diagonalElement(DenseElementsAttr attr,
                                              ArrayRef<Affine> index) {
  // A matrix read at row i + a and column j + b (a slice of a mask buffer)
  // whose diagonals each hold one value: element [.., i, j] is a function
  // of j - i, changing where the diagonals' values do.
  ArrayRef<int64_t> shape = attr.getType().getShape();
  int64_t rank = shape.size();
  if (rank < 2 || attr.getNumElements() > kMaxDiagonalElements)
    return failure();
  int64_t base = 0;
  for (int64_t k = 0; k < rank - 2; ++k) {
    const Affine &at = index[k];
    if (!at.isConstant() || at.constant < 0 || at.constant >= shape[k])
      return failure();
    base = base * shape[k] + at.constant;
  }
  int64_t rows = shape[rank - 2], cols = shape[rank - 1];
  base *= rows * cols;
  const Affine &row = index[rank - 2], &col = index[rank - 1];
  if (row.opaque || col.opaque || row.row != 1 || row.col != 0 ||
      col.row != 0 || col.col != 1 || rows == 0 || cols == 0)
    return failure();
  const std::optional<SmallVector<Attribute>> &values = diagonals(attr, base);
  if (!values)
    return failure();
  // Diagonal e = (j + b) - (i + a) is at j - i = e - (b - a). Beyond the
  // matrix (never read: a slice stays inside) it extends its last values.
  int64_t shift = col.constant - row.constant;
  for (int64_t e = -(rows - 1) + 1; e < cols; ++e)
    if ((*values)[e + rows - 1] != (*values)[e + rows - 2])
      breakpoints.insert(e - shift);
  int64_t e = std::clamp(valueAt(col) - valueAt(row), -(rows - 1), cols - 1);
  return elementOf((*values)[e + rows - 1]);
}

FailureOr<Element> Evaluator::constantElement(DenseElementsAttr attr,
                                              ArrayRef<Affine> index) {
  if (attr.isSplat())
    return elementOf(attr.getSplatValue<Attribute>());
  // Any other constant at constant indices, or along its diagonals.
  ArrayRef<int64_t> shape = attr.getType().getShape();
  int64_t flat = 0;
  for (auto [size, at] : llvm::zip_equal(shape, index)) {
    if (!at.isConstant())
      return diagonalElement(attr, index);
    if (at.constant < 0 || at.constant >= size)
      return failure();
    flat = flat * size + at.constant;
  }
  return elementOf(attr.getValues<Attribute>()[flat]);
}

FailureOr<Element> Evaluator::genericElement(linalg::GenericOp op,
                                             unsigned result,
                                             ArrayRef<Affine> index) {
  if (llvm::any_of(op.getIteratorTypesArray(), [](utils::IteratorType t) {
        return t != utils::IteratorType::parallel;
      }))
    return failure();
  AffineMap map = op.getMatchingIndexingMap(op.getDpsInitOperand(result));
  if (!map.isPermutation())
    return failure();
  Scope scope;
  scope.op = op;
  scope.loops.assign(op.getNumLoops(), Affine::unknown());
  for (unsigned k = 0; k < map.getNumResults(); ++k)
    scope.loops[map.getDimPosition(k)] = index[k];
  return scalar(op.getBody()->getTerminator()->getOperand(result), &scope);
}

FailureOr<Element> Evaluator::tensorElement(Value tensor,
                                            ArrayRef<Affine> index) {
  if (budget == 0 || depth >= kMaxDepth)
    return failure();
  --budget;
  Nested nested(depth);
  auto type = dyn_cast<RankedTensorType>(tensor.getType());
  if (!type || type.getRank() != static_cast<int64_t>(index.size()))
    return failure();
  DenseElementsAttr attr;
  if (matchPattern(tensor, m_Constant(&attr)))
    return constantElement(attr, index);
  Operation *op = tensor.getDefiningOp();
  if (!op)
    return failure();
  return TypeSwitch<Operation *, FailureOr<Element>>(op)
      .Case([&](linalg::FillOp fill) {
        return scalar(fill.getInputs()[0], nullptr);
      })
      .Case([&](tensor::SplatOp splat) {
        return scalar(splat.getInput(), nullptr);
      })
      .Case([&](tensor::CastOp cast) {
        return tensorElement(cast.getSource(), index);
      })
      .Case([&](tensor::ExpandShapeOp expand) -> FailureOr<Element> {
        // Each group holds one dimension and units.
        ArrayRef<int64_t> shape = expand.getResultType().getShape();
        SmallVector<Affine> source;
        for (ReassociationIndices group : expand.getReassociationIndices()) {
          std::optional<Affine> at;
          for (int64_t d : group) {
            if (shape[d] == 1)
              continue;
            if (at)
              return failure();
            at = index[d];
          }
          source.push_back(at ? *at : Affine::of(0));
        }
        return tensorElement(expand.getSrc(), source);
      })
      .Case([&](tensor::CollapseShapeOp collapse) -> FailureOr<Element> {
        ArrayRef<int64_t> shape = collapse.getSrcType().getShape();
        SmallVector<Affine> source(shape.size(), Affine::of(0));
        for (auto [g, group] :
             llvm::enumerate(collapse.getReassociationIndices())) {
          int nonUnit = 0;
          for (int64_t d : group)
            if (shape[d] != 1) {
              source[d] = index[g];
              ++nonUnit;
            }
          if (nonUnit > 1)
            return failure();
        }
        return tensorElement(collapse.getSrc(), source);
      })
      .Case([&](tensor::ExtractSliceOp slice) -> FailureOr<Element> {
        llvm::SmallBitVector dropped = slice.getDroppedDims();
        SmallVector<Affine> source;
        unsigned kept = 0;
        for (auto [d, offset, stride] : llvm::enumerate(
                 slice.getMixedOffsets(), slice.getMixedStrides())) {
          std::optional<int64_t> first = getConstantIntValue(offset);
          if (!first || getConstantIntValue(stride) != 1)
            return failure();
          Affine at = dropped[d] ? Affine::of(0) : index[kept++];
          FailureOr<Affine> shifted = combine(at, 1, Affine::of(*first), 1);
          if (failed(shifted))
            return failure();
          source.push_back(*shifted);
        }
        return tensorElement(slice.getSource(), source);
      })
      .Case([&](linalg::TransposeOp transpose) {
        SmallVector<Affine> source(index.size());
        for (auto [r, p] : llvm::enumerate(transpose.getPermutation()))
          source[p] = index[r];
        return tensorElement(transpose.getInput(), source);
      })
      .Case([&](linalg::BroadcastOp broadcast) {
        SmallVector<Affine> source;
        ArrayRef<int64_t> added = broadcast.getDimensions();
        for (auto [d, at] : llvm::enumerate(index))
          if (!llvm::is_contained(added, static_cast<int64_t>(d)))
            source.push_back(at);
        return tensorElement(broadcast.getInput(), source);
      })
      .Case([&](linalg::GenericOp generic) {
        return genericElement(generic, cast<OpResult>(tensor).getResultNumber(),
                              index);
      })
      .Default([&](Operation *op) -> FailureOr<Element> {
        // arith ops on tensors, element by element.
        if (!OpTrait::hasElementwiseMappableTraits(op) ||
            op->getNumResults() != 1)
          return failure();
        SmallVector<Element> operands;
        for (Value operand : op->getOperands()) {
          FailureOr<Element> e = isa<RankedTensorType>(operand.getType())
                                     ? tensorElement(operand, index)
                                     : scalar(operand, nullptr);
          if (failed(e))
            return failure();
          operands.push_back(*e);
        }
        return apply(op, operands);
      });
}

FailureOr<Element> Evaluator::scalar(Value value, Scope *scope) {
  if (scope) {
    auto known = scope->values.find(value);
    if (known != scope->values.end())
      return known->second;
  }
  if (budget == 0 || depth >= kMaxDepth)
    return failure();
  --budget;
  Nested nested(depth);
  // What is not known: an opaque integer (which nothing may compare), or
  // failure for a float.
  auto unknown = [&]() -> FailureOr<Element> {
    Type type = value.getType();
    if (type.isIndex() || type.isSignlessInteger())
      return Element::ofInteger(Affine::unknown());
    return failure();
  };
  auto evaluate = [&]() -> FailureOr<Element> {
    if (auto arg = dyn_cast<BlockArgument>(value)) {
      if (!scope || arg.getOwner() != scope->op.getBody())
        return unknown();
      OpOperand &operand = scope->op->getOpOperand(arg.getArgNumber());
      if (scope->op.isDpsInit(&operand))
        return failure();
      if (!isa<RankedTensorType>(operand.get().getType()))
        return scalar(operand.get(), nullptr);
      SmallVector<Affine> index;
      for (AffineExpr e :
           scope->op.getMatchingIndexingMap(&operand).getResults()) {
        if (auto d = dyn_cast<AffineDimExpr>(e))
          index.push_back(scope->loops[d.getPosition()]);
        else if (auto c = dyn_cast<AffineConstantExpr>(e))
          index.push_back(Affine::of(c.getValue()));
        else
          return failure();
      }
      return tensorElement(operand.get(), index);
    }
    Attribute attr;
    if (matchPattern(value, m_Constant(&attr)))
      return isa<ShapedType>(value.getType()) ? FailureOr<Element>(failure())
                                              : elementOf(attr);
    Operation *op = value.getDefiningOp();
    if (auto index = dyn_cast<linalg::IndexOp>(op)) {
      if (!scope || index->getParentOp() != scope->op)
        return failure();
      return Element::ofInteger(scope->loops[index.getDim()]);
    }
    if (auto extract = dyn_cast<tensor::ExtractOp>(op)) {
      SmallVector<Affine> index;
      for (Value i : extract.getIndices()) {
        FailureOr<Element> e = scalar(i, scope);
        if (failed(e))
          return failure();
        index.push_back(e->integer);
      }
      return tensorElement(extract.getTensor(), index);
    }
    if (OpTrait::hasElementwiseMappableTraits(op) && op->getNumResults() == 1 &&
        !isa<ShapedType>(value.getType())) {
      SmallVector<Element> operands;
      for (Value operand : op->getOperands()) {
        FailureOr<Element> e = scalar(operand, scope);
        if (failed(e))
          return failure();
        operands.push_back(*e);
      }
      return apply(op, operands);
    }
    return unknown();
  };
  FailureOr<Element> result = evaluate();
  if (scope && succeeded(result))
    scope->values.try_emplace(value, *result);
  return result;
}

FailureOr<Element> Evaluator::compare(arith::CmpIOp op, const Affine &lhs,
                                      const Affine &rhs) {
  if (lhs.opaque || rhs.opaque)
    return failure();
  unsigned width = bitWidthOf(op.getLhs().getType());
  FailureOr<Affine> diff = combine(lhs, 1, rhs, -1);
  if (failed(diff))
    return failure();
  // Of symbolic operands, only signed comparisons (and equality), whose
  // result depends on their difference alone.
  arith::CmpIPredicate p = op.getPredicate();
  bool isSigned =
      p == arith::CmpIPredicate::eq || p == arith::CmpIPredicate::ne ||
      p == arith::CmpIPredicate::slt || p == arith::CmpIPredicate::sle ||
      p == arith::CmpIPredicate::sgt || p == arith::CmpIPredicate::sge;
  if (!isSigned && !(lhs.isConstant() && rhs.isConstant()))
    return failure();
  if (!diff->isConstant()) {
    // And then only comparisons of col * (j - i) with a constant.
    if (diff->row != -diff->col)
      return failure();
    // col * (j - i) + constant changes sign at j - i = -constant / col.
    int64_t n = -diff->constant, d = diff->col;
    breakpoints.insert(llvm::divideFloorSigned(n, d));
    breakpoints.insert(llvm::divideCeilSigned(n, d));
  }
  bool holds =
      arith::applyCmpPredicate(op.getPredicate(),
                               APInt(width, valueAt(lhs), /*isSigned=*/true,
                                     /*implicitTrunc=*/true),
                               APInt(width, valueAt(rhs), /*isSigned=*/true,
                                     /*implicitTrunc=*/true));
  return Element::ofInteger(Affine::of(holds));
}

FailureOr<Element> Evaluator::apply(Operation *op, ArrayRef<Element> operands) {
  if (!isEvaluable(op))
    return failure();
  Type type = getElementTypeOrSelf(op->getResult(0).getType());
  auto numbers = [&]() {
    return llvm::all_of(operands,
                        [](const Element &e) { return e.number.has_value(); });
  };
  auto integers = [&]() {
    return llvm::none_of(operands,
                         [](const Element &e) { return e.number.has_value(); });
  };
  constexpr auto rounding = APFloat::rmNearestTiesToEven;
  return TypeSwitch<Operation *, FailureOr<Element>>(op)
      .Case([&](arith::CmpIOp cmp) -> FailureOr<Element> {
        if (!integers())
          return failure();
        return compare(cmp, operands[0].integer, operands[1].integer);
      })
      .Case([&](arith::CmpFOp cmp) -> FailureOr<Element> {
        if (!numbers())
          return failure();
        return Element::ofInteger(Affine::of(arith::applyCmpPredicate(
            cmp.getPredicate(), *operands[0].number, *operands[1].number)));
      })
      .Case([&](arith::SelectOp) -> FailureOr<Element> {
        const Affine &condition = operands[0].integer;
        if (operands[0].number || !condition.isConstant())
          return failure();
        // Integers that depend on i and j: which one is picked changes
        // with j - i, and so would the comparisons made of it, which the
        // breakpoints found at j - i = 0 need not cover. Opaque.
        if (!operands[1].number && (!operands[1].integer.isConstant() ||
                                    !operands[2].integer.isConstant()))
          return Element::ofInteger(Affine::unknown());
        return condition.constant ? operands[1] : operands[2];
      })
      .Case<arith::AddFOp, arith::SubFOp, arith::MulFOp, arith::DivFOp>(
          [&](Operation *op) -> FailureOr<Element> {
            if (!numbers())
              return failure();
            APFloat x = *operands[0].number;
            const APFloat &y = *operands[1].number;
            if (isa<arith::AddFOp>(op))
              x.add(y, rounding);
            else if (isa<arith::SubFOp>(op))
              x.subtract(y, rounding);
            else if (isa<arith::MulFOp>(op))
              x.multiply(y, rounding);
            else
              x.divide(y, rounding);
            return Element::ofFloat(x);
          })
      .Case<arith::MaximumFOp, arith::MinimumFOp, arith::MaxNumFOp,
            arith::MinNumFOp>([&](Operation *op) -> FailureOr<Element> {
        if (!numbers())
          return failure();
        const APFloat &x = *operands[0].number, &y = *operands[1].number;
        if (isa<arith::MaximumFOp>(op))
          return Element::ofFloat(llvm::maximum(x, y));
        if (isa<arith::MinimumFOp>(op))
          return Element::ofFloat(llvm::minimum(x, y));
        if (isa<arith::MaxNumFOp>(op))
          return Element::ofFloat(llvm::maxnum(x, y));
        return Element::ofFloat(llvm::minnum(x, y));
      })
      .Case([&](arith::NegFOp) -> FailureOr<Element> {
        if (!numbers())
          return failure();
        APFloat x = *operands[0].number;
        x.changeSign();
        return Element::ofFloat(x);
      })
      .Case<arith::ExtFOp, arith::TruncFOp>(
          [&](Operation *op) -> FailureOr<Element> {
            auto truncf = dyn_cast<arith::TruncFOp>(op);
            if (!numbers() || (truncf && truncf.getRoundingmode() &&
                               *truncf.getRoundingmode() !=
                                   arith::RoundingMode::to_nearest_even))
              return failure();
            APFloat x = *operands[0].number;
            bool lost;
            x.convert(cast<FloatType>(type).getFloatSemantics(), rounding,
                      &lost);
            return Element::ofFloat(x);
          })
      .Case<arith::SIToFPOp, arith::UIToFPOp>(
          [&](Operation *op) -> FailureOr<Element> {
            const Affine &a = operands[0].integer;
            if (!integers() || !a.isConstant())
              return failure();
            unsigned width = bitWidthOf(op->getOperand(0).getType());
            APFloat x(cast<FloatType>(type).getFloatSemantics());
            x.convertFromAPInt(APInt(width, a.constant, /*isSigned=*/true,
                                     /*implicitTrunc=*/true),
                               isa<arith::SIToFPOp>(op), rounding);
            return Element::ofFloat(x);
          })
      .Case<arith::AddIOp, arith::SubIOp>(
          [&](Operation *op) -> FailureOr<Element> {
            if (!integers())
              return failure();
            FailureOr<Affine> sum =
                combine(operands[0].integer, 1, operands[1].integer,
                        isa<arith::AddIOp>(op) ? 1 : -1);
            if (failed(sum))
              return failure();
            return Element::ofInteger(wrapped(*sum, bitWidthOf(type)));
          })
      .Case([&](arith::MulIOp) -> FailureOr<Element> {
        if (!integers())
          return failure();
        const Affine &a = operands[0].integer, &b = operands[1].integer;
        FailureOr<Affine> product =
            b.isConstant()   ? combine(a, b.constant, Affine::of(0), 0)
            : a.isConstant() ? combine(b, a.constant, Affine::of(0), 0)
                             : FailureOr<Affine>(Affine::unknown());
        if (failed(product))
          return failure();
        return Element::ofInteger(wrapped(*product, bitWidthOf(type)));
      })
      .Case<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtSIOp,
            arith::ExtUIOp, arith::TruncIOp>(
          [&](Operation *op) -> FailureOr<Element> {
            if (!integers())
              return failure();
            Affine a = operands[0].integer;
            unsigned from = bitWidthOf(op->getOperand(0).getType());
            unsigned to = bitWidthOf(type);
            if (a.isConstant()) {
              // The value the target computes.
              APInt bits(from, a.constant, /*isSigned=*/true,
                         /*implicitTrunc=*/true);
              bool zeroExtends = isa<arith::ExtUIOp, arith::IndexCastUIOp>(op);
              bits = zeroExtends ? bits.zextOrTrunc(to) : bits.sextOrTrunc(to);
              return Element::ofInteger(Affine::of(integerValue(bits)));
            }
            // A symbolic value keeps its value through 32 bits or more (see
            // kMaxFactor); one zero-extended might not.
            if (a.opaque || (to < 32 || from < 32) ||
                isa<arith::ExtUIOp, arith::IndexCastUIOp>(op))
              return Element::ofInteger(Affine::unknown());
            return Element::ofInteger(a);
          })
      .Case<arith::AndIOp, arith::OrIOp, arith::XOrIOp, arith::MaxSIOp,
            arith::MinSIOp>([&](Operation *op) -> FailureOr<Element> {
        if (!integers())
          return failure();
        const Affine &a = operands[0].integer, &b = operands[1].integer;
        if (!a.isConstant() || !b.isConstant())
          return Element::ofInteger(Affine::unknown());
        unsigned width = bitWidthOf(type);
        APInt x(width, a.constant, /*isSigned=*/true, /*implicitTrunc=*/true);
        APInt y(width, b.constant, /*isSigned=*/true, /*implicitTrunc=*/true);
        APInt r = isa<arith::AndIOp>(op)    ? (x & y)
                  : isa<arith::OrIOp>(op)   ? (x | y)
                  : isa<arith::XOrIOp>(op)  ? (x ^ y)
                  : isa<arith::MaxSIOp>(op) ? llvm::APIntOps::smax(x, y)
                                            : llvm::APIntOps::smin(x, y);
        return Element::ofInteger(Affine::of(integerValue(r)));
      })
      .Default([&](Operation *) -> FailureOr<Element> {
        if (type.isIndex() || type.isSignlessInteger())
          return Element::ofInteger(Affine::unknown());
        return failure();
      });
}

} // namespace

bool mlir::s2s::detail::isAtMostMinus1e30(const APFloat &x) {
  APFloat limit(-1e30);
  bool lost;
  // In x's semantics (those whose range ends before 1e30 round it to
  // -inf, so that only -inf is below it).
  limit.convert(x.getSemantics(), APFloat::rmNearestTiesToEven, &lost);
  APFloat::cmpResult order = x.compare(limit);
  return order == APFloat::cmpLessThan || order == APFloat::cmpEqual;
}

bool mlir::s2s::detail::isComputedCausalMask(Operation *attention, Value mask,
                                             Value query, int64_t queryDim) {
  auto type = dyn_cast_if_present<RankedTensorType>(mask.getType());
  if (!type || type.getRank() < 2)
    return false;
  Type elt = type.getElementType();
  if (!elt.isInteger(1) && !isa<FloatType>(elt))
    return false;
  int64_t rank = type.getRank();
  Size rows = sizeOf(mask, rank - 2), cols = sizeOf(mask, rank - 1);
  Size queries = sizeOf(query, queryDim);
  // A static mask size must be the query length as it is; a dynamic one
  // may be shown equal by the checks before the attention.
  if (rows.constant != cols.constant || rows.constant != queries.constant)
    return false;
  if (!(rows == cols && rows == queries)) {
    EqualSizes equal(attention);
    if (!equal(rows, cols) || !equal(rows, queries))
      return false;
  }

  // Element [.., i, j]: the leading indices are 0 where the size is 1, and
  // unknown (nothing may depend on them) elsewhere.
  SmallVector<Affine> index;
  for (int64_t size : type.getShape().drop_back(2))
    index.push_back(size == 1 ? Affine::of(0) : Affine::unknown());
  Affine row, col;
  row.row = 1;
  col.col = 1;
  index.push_back(row);
  index.push_back(col);

  // Whether the element at j - i = d is what the causal mask has there;
  // `breakpoints` receives where the comparisons change.
  Evaluator evaluator;
  auto matches = [&](int64_t d, std::set<int64_t> *breakpoints) {
    evaluator.setSample(std::max<int64_t>(0, -d), std::max<int64_t>(0, d));
    FailureOr<Element> e = evaluator.tensorElement(mask, index);
    if (failed(e))
      return false;
    if (breakpoints)
      *breakpoints = std::move(evaluator.breakpoints);
    bool visible = d <= 0;
    if (elt.isInteger(1))
      return !e->number && e->integer.isConstant() &&
             (e->integer.constant != 0) == visible;
    if (!e->number)
      return false;
    const APFloat &x = *e->number;
    if (visible)
      return x.isZero();
    // Every query sees its own key, so a finite value whose exponential is
    // 0 masks as -inf does.
    return x.isNegative() && !x.isNaN() &&
           (x.isInfinity() || detail::isAtMostMinus1e30(x));
  };
  std::set<int64_t> breakpoints;
  if (!matches(0, &breakpoints) || breakpoints.size() > 64)
    return false;
  std::set<int64_t> samples = {0, 1};
  for (int64_t b : breakpoints)
    for (int64_t d : {b - 1, b, b + 1})
      samples.insert(d);
  return llvm::all_of(samples, [&](int64_t d) { return matches(d, nullptr); });
}
