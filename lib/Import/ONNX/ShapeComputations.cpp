//===- ShapeComputations.cpp - shape arithmetic on run-time sizes ---------===//
//
// Exporters compute the shapes of reshapes, expands and zero states from
// the model's inputs: Shape -> Gather -> Unsqueeze -> Concat -> Reshape,
// with Mul, Div, Add, Cast, Equal and Where on the way. On static shapes
// these fold to constants (Constants.cpp and the handlers' folding); on
// dynamic ones the importer evaluates them here element by element as
// SymSize, so that the Reshape at the end knows its target as products
// of the inputs' sizes ([S, 4*B, 4]), computed at run time only where
// they must be. Each result is also a tensor (tensor.from_elements of the
// sizes) for the nodes that use it as data; it is erased when unused.
//
// A node is a shape computation when its inputs are rank-0 or rank-1
// integer tensors of static size whose elements are known (constants or
// earlier shape computations), at least one of them only at run time.
// (Shape and Size, the sources of these elements, are Shape.cpp's.)
//
//===----------------------------------------------------------------------===//

#include "ImporterInternals.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

namespace {
/// The ops evaluated elementwise on sizes, by ONNX op type (the
/// comparisons are one kind, told apart by their predicate).
enum class SizeOp { Add, Sub, Mul, Div, Min, Max, Compare, Neg, Not, Where };
} // namespace

static std::optional<SizeOp> sizeOpFor(StringRef opType) {
  return llvm::StringSwitch<std::optional<SizeOp>>(opType)
      .Case("Add", SizeOp::Add)
      .Case("Sub", SizeOp::Sub)
      .Case("Mul", SizeOp::Mul)
      .Case("Div", SizeOp::Div)
      .Case("Min", SizeOp::Min)
      .Case("Max", SizeOp::Max)
      .Cases({"Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual"},
             SizeOp::Compare)
      .Case("Neg", SizeOp::Neg)
      .Case("Not", SizeOp::Not)
      .Case("Where", SizeOp::Where)
      .Default(std::nullopt);
}

/// The predicate of a comparison op.
static arith::CmpIPredicate predicateFor(StringRef opType) {
  using P = arith::CmpIPredicate;
  return llvm::StringSwitch<P>(opType)
      .Case("Less", P::slt)
      .Case("Greater", P::sgt)
      .Case("LessOrEqual", P::sle)
      .Case("GreaterOrEqual", P::sge)
      .Default(P::eq);
}

/// Whether `v` can be an operand of a shape computation: a rank-0 or
/// rank-1 integer tensor of a few elements.
static bool isShapeLike(Value v) {
  auto type = cast<RankedTensorType>(v.getType());
  return type.getRank() <= 1 && type.hasStaticShape() &&
         type.getNumElements() <= kMaxFoldElements &&
         type.getElementType().isInteger();
}

FailureOr<std::optional<SmallVector<Value>>>
Importer::importShapeComputation(const NodeAttributes &attrs) {
  using Result = std::optional<SmallVector<Value>>;
  StringRef op = opType;
  Type i64 = builder.getI64Type();
  auto one = [](Value v) -> Result { return SmallVector<Value>{v}; };

  // The others: every operand shape-like with known elements, one of them
  // known at run time only.
  static const llvm::StringSet<> ops = {"Gather",
                                        "Unsqueeze",
                                        "Squeeze",
                                        "Concat",
                                        "Slice",
                                        "Cast",
                                        "Identity",
                                        "Reshape",
                                        "Add",
                                        "Sub",
                                        "Mul",
                                        "Div",
                                        "Min",
                                        "Max",
                                        "Equal",
                                        "Less",
                                        "Greater",
                                        "LessOrEqual",
                                        "GreaterOrEqual",
                                        "Neg",
                                        "Not",
                                        "Where"};
  if (!ops.contains(op))
    return Result();
  bool dynamic = false;
  for (Value v : inputs) {
    if (!v)
      continue;
    if (!isShapeLike(v) || !hasKnownElements(v))
      return Result();
    dynamic |= knownElements.count(v) > 0;
  }
  if (!dynamic)
    return Result();
  Value x = input(0);
  if (!x)
    return Result();
  RankedTensorType xType = typeOf(x);
  FailureOr<SymShape> xs = elementsOf(x, "input 0");
  if (failed(xs))
    return failure();

  // Ops that move elements.
  if (op == "Identity")
    return one(x);
  if (op == "Cast") {
    Type to;
    switch (attrs.getInt("to", 0)) {
    case onnx::TensorProto::INT64:
      to = i64;
      break;
    case onnx::TensorProto::INT32:
      to = builder.getI32Type();
      break;
    default:
      return Result(); // to floats or bool: computed as data
    }
    return one(fromElements(*xs, RankedTensorType::get(xType.getShape(), to)));
  }
  if (op == "Unsqueeze" || op == "Squeeze" || op == "Reshape") {
    // Only the rank changes (0 <-> 1); a result of rank > 1 is data.
    SmallVector<int64_t> axes;
    if (input(1)) {
      FailureOr<SymShape> a = elementsOf(input(1), "the axes or shape");
      if (failed(a))
        return failure();
      for (const SymSize &s : *a) {
        if (!s.isConstant())
          return Result();
        axes.push_back(*s.getConstant());
      }
    } else if (auto a = attrs.getInts("axes")) {
      axes = *a;
    } else if (op == "Reshape") {
      return Result();
    }
    int64_t n = xs->size();
    int64_t rank;
    if (op == "Reshape")
      rank = axes.size();
    else if (op == "Unsqueeze")
      rank = xType.getRank() + axes.size();
    else
      rank = axes.empty() ? (n == 1 ? 0 : 1) : xType.getRank() - axes.size();
    if (rank > 1 || rank < 0 || (rank == 0 && n != 1))
      return Result();
    SmallVector<int64_t> shape;
    if (rank == 1)
      shape.push_back(n);
    return one(fromElements(
        *xs, RankedTensorType::get(shape, xType.getElementType())));
  }
  if (op == "Gather") {
    if (xType.getRank() != 1 || !constAttr(input(1)))
      return Result();
    if (attrs.getInt("axis", 0) != 0 && attrs.getInt("axis", 0) != -1)
      return Result();
    FailureOr<SymShape> idx = elementsOf(input(1), "the indices");
    if (failed(idx))
      return failure();
    int64_t n = xs->size();
    SymShape out;
    for (const SymSize &i : *idx) {
      int64_t k = *i.getConstant();
      if (k < -n || k >= n)
        return fail("index " + Twine(k) + " is out of range for a shape of " +
                    Twine(n) + " elements (expected [" + Twine(-n) + ", " +
                    Twine(n - 1) + "])");
      out.push_back((*xs)[k < 0 ? k + n : k]);
    }
    return one(
        fromElements(out, RankedTensorType::get(typeOf(input(1)).getShape(),
                                                xType.getElementType())));
  }
  if (op == "Concat") {
    SymShape out;
    for (Value v : inputs) {
      if (!v)
        continue;
      if (typeOf(v).getRank() != 1 ||
          typeOf(v).getElementType() != xType.getElementType())
        return Result();
      FailureOr<SymShape> e = elementsOf(v, "an input");
      if (failed(e))
        return failure();
      out.append(e->begin(), e->end());
    }
    return one(fromElements(
        out, RankedTensorType::get({static_cast<int64_t>(out.size())},
                                   xType.getElementType())));
  }
  if (op == "Slice") {
    // Starts, ends, axes and steps constants (attributes before opset 10).
    if (xType.getRank() != 1)
      return Result();
    auto param = [&](unsigned i, StringRef name) -> std::optional<int64_t> {
      if (opset < 10) {
        auto a = attrs.getInts(name);
        return a && a->size() == 1 ? std::optional<int64_t>((*a)[0])
                                   : std::nullopt;
      }
      DenseElementsAttr attr = constAttr(input(i));
      if (!attr || attr.getNumElements() != 1)
        return std::nullopt;
      return (*attr.getValues<APInt>().begin()).getSExtValue();
    };
    std::optional<int64_t> start = param(1, "starts"), end = param(2, "ends");
    std::optional<int64_t> step = input(4) ? param(4, "steps") : 1;
    if (!start || !end || !step || *step == 0)
      return Result();
    int64_t n = xs->size();
    auto clampIdx = [&](int64_t v, int64_t lo, int64_t hi) {
      if (v < 0)
        v += n;
      return std::clamp(v, lo, hi);
    };
    SymShape out;
    if (*step > 0) {
      for (int64_t i = clampIdx(*start, 0, n), e = clampIdx(*end, 0, n); i < e;
           i += *step)
        out.push_back((*xs)[i]);
    } else {
      for (int64_t i = clampIdx(*start, -1, n - 1),
                   e = clampIdx(*end, -1, n - 1);
           i > e; i += *step)
        out.push_back((*xs)[i]);
    }
    return one(fromElements(
        out, RankedTensorType::get({static_cast<int64_t>(out.size())},
                                   xType.getElementType())));
  }

  // Elementwise arithmetic, comparisons and Where (NumPy broadcasting on
  // rank 0 and 1).
  std::optional<SizeOp> kind = sizeOpFor(op);
  if (!kind)
    return Result();
  // The operands each op takes (Min and Max: one or more); otherwise the
  // op's handler reports the node.
  size_t arity = *kind == SizeOp::Neg || *kind == SizeOp::Not ? 1
                 : *kind == SizeOp::Where                     ? 3
                                                              : 2;
  bool variadic = *kind == SizeOp::Min || *kind == SizeOp::Max;
  if (llvm::is_contained(inputs, Value()) ||
      (variadic ? inputs.empty() : inputs.size() != arity))
    return Result();
  SmallVector<SymShape> operands;
  int64_t n = 1, rank = 0;
  for (auto [i, v] : llvm::enumerate(inputs)) {
    FailureOr<SymShape> e = elementsOf(v, "input " + Twine(i));
    if (failed(e))
      return failure();
    if (e->size() != 1 && n != 1 && static_cast<int64_t>(e->size()) != n)
      return fail("operands of " + Twine(n) + " and " + Twine(e->size()) +
                  " elements do not broadcast");
    if (e->size() != 1)
      n = e->size();
    rank = std::max(rank, typeOf(v).getRank());
    operands.push_back(std::move(*e));
  }
  auto at = [&](unsigned k, int64_t i) -> const SymSize & {
    return operands[k].size() == 1 ? operands[k][0] : operands[k][i];
  };
  SymShape out;
  for (int64_t i = 0; i < n; ++i) {
    switch (*kind) {
    case SizeOp::Add:
      out.push_back(add(at(0, i), at(1, i)));
      break;
    case SizeOp::Sub:
      out.push_back(sub(at(0, i), at(1, i)));
      break;
    case SizeOp::Mul:
      out.push_back(at(0, i) * at(1, i));
      break;
    case SizeOp::Div: {
      FailureOr<SymSize> q = divide(at(0, i), at(1, i));
      if (failed(q))
        return failure();
      out.push_back(*q);
      break;
    }
    case SizeOp::Min:
    case SizeOp::Max: {
      SymSize acc = at(0, i);
      for (unsigned k = 1; k < operands.size(); ++k)
        acc = *kind == SizeOp::Min ? minimum(acc, at(k, i))
                                   : maximum(acc, at(k, i));
      out.push_back(acc);
      break;
    }
    case SizeOp::Compare:
      out.push_back(compare(predicateFor(op), at(0, i), at(1, i)));
      break;
    case SizeOp::Neg:
      out.push_back(at(0, i) * SymSize(-1));
      break;
    case SizeOp::Not:
      out.push_back(compare(arith::CmpIPredicate::eq, at(0, i), SymSize(0)));
      break;
    case SizeOp::Where:
      out.push_back(select(at(0, i), at(1, i), at(2, i)));
      break;
    }
  }
  bool isCompare = *kind == SizeOp::Compare || *kind == SizeOp::Not;
  Type elt = isCompare                ? builder.getI1Type()
             : *kind == SizeOp::Where ? eltOf(input(1))
                                      : xType.getElementType();
  SmallVector<int64_t> shape;
  if (rank == 1)
    shape.push_back(n);
  return one(fromElements(out, RankedTensorType::get(shape, elt)));
}
