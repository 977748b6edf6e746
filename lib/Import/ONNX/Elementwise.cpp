//===- Elementwise.cpp - ONNX elementwise ops -----------------------------===//
//
// The ops computed element by element, each one linalg.generic with ONNX
// broadcasting in its indexing maps and one arith/math op in its body:
// unary activations and math functions, arithmetic, comparisons, logic,
// Where, Pow (math.powf for floats, math.ipowi for integers), Cast, and the
// forwarding ops Identity and Dropout (inference only). Constant operands
// fold with the element type's own arithmetic (APInt/APFloat).
//
//===----------------------------------------------------------------------===//

#include "ImporterInternals.h"

#include "mlir/Dialect/CommonFolders.h"
#include "mlir/Dialect/Math/IR/Math.h"

#include <cmath>

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

//===----------------------------------------------------------------------===//
// Unary ops
//===----------------------------------------------------------------------===//

/// The arith/math op of a unary elementwise ONNX op.
static Value unaryBody(StringRef op, OpBuilder &b, Location l, Value x,
                       const NodeAttributes &attrs) {
  Type t = x.getType();
  auto fconst = [&](double v) {
    return arith::ConstantOp::create(b, l, t, b.getFloatAttr(t, v)).getResult();
  };
  if (op == "Relu")
    return arith::MaximumFOp::create(b, l, x, fconst(0));
  if (op == "Tanh")
    return math::TanhOp::create(b, l, x);
  if (op == "Sigmoid") {
    Value e = math::ExpOp::create(b, l, arith::NegFOp::create(b, l, x));
    return arith::DivFOp::create(b, l, fconst(1),
                                 arith::AddFOp::create(b, l, fconst(1), e));
  }
  if (op == "Erf")
    return math::ErfOp::create(b, l, x);
  if (op == "Sqrt")
    return math::SqrtOp::create(b, l, x);
  if (op == "Exp")
    return math::ExpOp::create(b, l, x);
  if (op == "Log")
    return math::LogOp::create(b, l, x);
  if (op == "Neg")
    return arith::NegFOp::create(b, l, x);
  if (op == "Abs")
    return math::AbsFOp::create(b, l, x);
  if (op == "Reciprocal")
    return arith::DivFOp::create(b, l, fconst(1), x);
  if (op == "Ceil")
    return math::CeilOp::create(b, l, x);
  if (op == "Floor")
    return math::FloorOp::create(b, l, x);
  if (op == "Gelu") {
    if (attrs.getString("approximate", "none") == "tanh") {
      // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
      Value x3 =
          arith::MulFOp::create(b, l, arith::MulFOp::create(b, l, x, x), x);
      Value inner = arith::AddFOp::create(
          b, l, x, arith::MulFOp::create(b, l, fconst(0.044715), x3));
      Value th = math::TanhOp::create(
          b, l,
          arith::MulFOp::create(b, l, fconst(std::sqrt(2.0 / M_PI)), inner));
      return arith::MulFOp::create(b, l,
                                   arith::MulFOp::create(b, l, fconst(0.5), x),
                                   arith::AddFOp::create(b, l, fconst(1), th));
    }
    Value erf = math::ErfOp::create(
        b, l, arith::MulFOp::create(b, l, x, fconst(M_SQRT1_2)));
    return arith::MulFOp::create(b, l,
                                 arith::MulFOp::create(b, l, fconst(0.5), x),
                                 arith::AddFOp::create(b, l, fconst(1), erf));
  }
  return nullptr;
}

FailureOr<Value> Importer::importUnary(const NodeAttributes &attrs) {
  Value x = requireInput(0, "X");
  if (!x)
    return failure();
  StringRef op = opType;
  if (op == "Neg" && !isFloat(x))
    return elementwise(
        {x}, eltOf(x),
        [](OpBuilder &b, Location l, ValueRange a) -> Value {
          Value zero = arith::ConstantOp::create(
              b, l, a[0].getType(), b.getIntegerAttr(a[0].getType(), 0));
          return arith::SubIOp::create(b, l, zero, a[0]);
        },
        [](ArrayRef<Attribute> a, RankedTensorType type) {
          return constFoldUnaryOp<IntegerAttr, APInt, void>(
              a, type, [](const APInt &v) { return -v; });
        });
  if (!isFloat(x))
    return unsupported(op + " of " + typeString(eltOf(x)));
  return elementwise({x}, eltOf(x),
                     [&](OpBuilder &b, Location l, ValueRange a) {
                       return unaryBody(op, b, l, a[0], attrs);
                     });
}

/// The value of a constant float scalar (one element), if `attr` is one.
static std::optional<double> scalarFloat(DenseElementsAttr attr) {
  if (!attr || attr.getNumElements() != 1 ||
      !isa<FloatType>(attr.getElementType()))
    return std::nullopt;
  return (*attr.getValues<APFloat>().begin()).convertToDouble();
}

FailureOr<SmallVector<Value>>
Importer::importDropout(const NodeAttributes &attrs, bool trainingModeInput) {
  Value x = requireInput(0, "data");
  if (!x)
    return failure();
  if (trainingModeInput) {
    if (Value training = input(2)) {
      DenseElementsAttr mode = constAttr(training);
      if (!mode || mode.getNumElements() != 1)
        return unsupported("a training_mode input '" + inputNames[2] +
                           "' that is not a constant (s2s compiles "
                           "inference only)");
      // Training with a ratio of 0 drops nothing.
      std::optional<double> ratio = 0.5;
      if (input(1))
        ratio = scalarFloat(constAttr(input(1)));
      if ((*mode.getValues<APInt>().begin()).getBoolValue() && ratio != 0.0) {
        std::string what = !input(1) ? ", ratio 0.5 by default"
                           : ratio   ? ", ratio=" + formatNumber(*ratio)
                                     : ", ratio '" + inputNames[1] + "'";
        return unsupported(
            "Dropout in training mode (training_mode=true" + what +
            "): s2s compiles inference only, where Dropout is the identity");
      }
    }
  }
  SmallVector<Value> results = {x};
  if (hasOutput(1)) {
    // Nothing is dropped: the mask is all true (of the input's type before
    // opset 10).
    Type maskElt = opset >= 10 ? builder.getI1Type() : eltOf(x);
    Attribute one = maskElt.isInteger(1) ? Attribute(builder.getBoolAttr(true))
                                         : builder.getOneAttr(maskElt);
    if (typeOf(x).hasStaticShape())
      results.push_back(constant(DenseElementsAttr::get(
          RankedTensorType::get(shapeOf(x), maskElt), one)));
    else
      results.push_back(filled(sizesOf(x), cast<TypedAttr>(one)));
  }
  return results;
}

//===----------------------------------------------------------------------===//
// Binary ops
//===----------------------------------------------------------------------===//

/// Folds the binary op `op` on constant operands of one element type
/// (floats if `fl`); the result has `type`.
static Attribute foldBinary(StringRef op, bool fl, ArrayRef<Attribute> a,
                            RankedTensorType type) {
  auto floats = [&](auto fn) {
    return constFoldBinaryOpConditional<FloatAttr, APFloat, void>(a, type, fn);
  };
  auto ints = [&](auto fn) {
    return constFoldBinaryOpConditional<IntegerAttr, APInt, void>(a, type, fn);
  };
  using OptF = std::optional<APFloat>;
  using OptI = std::optional<APInt>;
  if (op == "Add")
    return fl ? floats([](const APFloat &x, const APFloat &y) -> OptF {
      return x + y;
    })
              : ints([](const APInt &x, const APInt &y) -> OptI {
                  return x + y;
                });
  if (op == "Sub")
    return fl ? floats([](const APFloat &x, const APFloat &y) -> OptF {
      return x - y;
    })
              : ints([](const APInt &x, const APInt &y) -> OptI {
                  return x - y;
                });
  if (op == "Mul")
    return fl ? floats([](const APFloat &x, const APFloat &y) -> OptF {
      return x * y;
    })
              : ints([](const APInt &x, const APInt &y) -> OptI {
                  return x * y;
                });
  if (op == "Div")
    return fl ? floats([](const APFloat &x, const APFloat &y) -> OptF {
      return x / y;
    })
              : ints([](const APInt &x, const APInt &y) -> OptI {
                  // Division by zero and overflow are left to run time.
                  bool overflow;
                  if (y.isZero())
                    return std::nullopt;
                  APInt q = x.sdiv_ov(y, overflow);
                  if (overflow)
                    return std::nullopt;
                  return q;
                });
  if (op == "Max")
    return fl ? floats([](const APFloat &x, const APFloat &y) -> OptF {
      return llvm::maximum(x, y);
    })
              : ints([](const APInt &x, const APInt &y) -> OptI {
                  return llvm::APIntOps::smax(x, y);
                });
  if (op == "Min")
    return fl ? floats([](const APFloat &x, const APFloat &y) -> OptF {
      return llvm::minimum(x, y);
    })
              : ints([](const APInt &x, const APInt &y) -> OptI {
                  return llvm::APIntOps::smin(x, y);
                });
  if (op == "And")
    return ints([](const APInt &x, const APInt &y) -> OptI { return x & y; });
  if (op == "Or")
    return ints([](const APInt &x, const APInt &y) -> OptI { return x | y; });
  // Comparisons: an i1 result.
  auto holds = [&](auto pred) {
    return [pred](const auto &x, const auto &y) -> OptI {
      return APInt(1, pred(x, y));
    };
  };
  auto compare = [&](auto floatPred, auto intPred) -> Attribute {
    if (fl)
      return constFoldBinaryOpConditional<FloatAttr, APFloat, void, IntegerAttr,
                                          APInt>(a, type, holds(floatPred));
    return constFoldBinaryOpConditional<IntegerAttr, APInt, void, IntegerAttr,
                                        APInt>(a, type, holds(intPred));
  };
  using C = APFloat::cmpResult;
  auto fcmp = [](std::initializer_list<C> accept) {
    SmallVector<C> set(accept);
    return [set](const APFloat &x, const APFloat &y) {
      return llvm::is_contained(set, x.compare(y));
    };
  };
  if (op == "Equal")
    return compare(fcmp({APFloat::cmpEqual}),
                   [](const APInt &x, const APInt &y) { return x == y; });
  if (op == "Less")
    return compare(fcmp({APFloat::cmpLessThan}),
                   [](const APInt &x, const APInt &y) { return x.slt(y); });
  if (op == "Greater")
    return compare(fcmp({APFloat::cmpGreaterThan}),
                   [](const APInt &x, const APInt &y) { return x.sgt(y); });
  if (op == "LessOrEqual")
    return compare(fcmp({APFloat::cmpLessThan, APFloat::cmpEqual}),
                   [](const APInt &x, const APInt &y) { return x.sle(y); });
  if (op == "GreaterOrEqual")
    return compare(fcmp({APFloat::cmpGreaterThan, APFloat::cmpEqual}),
                   [](const APInt &x, const APInt &y) { return x.sge(y); });
  return {};
}

FailureOr<Value> Importer::importBinary(const NodeAttributes &attrs) {
  // Before opset 7, `axis` aligned B at a dimension of A instead of from
  // the right: another result than today's broadcasting.
  if (attrs.has("axis"))
    return unsupported("legacy broadcasting with attribute 'axis' (opset < "
                       "7); re-export the model with opset 7 or later");
  StringRef op = opType;
  if (op == "Not") {
    Value x = requireInput(0, "operand");
    if (!x)
      return failure();
    if (!eltOf(x).isInteger(1))
      return fail("expected a bool operand, found " + typeString(eltOf(x)));
    return elementwise(
        {x}, eltOf(x),
        [](OpBuilder &b, Location l, ValueRange a) -> Value {
          Value t = arith::ConstantOp::create(b, l, b.getI1Type(),
                                              b.getBoolAttr(true));
          return arith::XOrIOp::create(b, l, a[0], t);
        },
        [](ArrayRef<Attribute> a, RankedTensorType type) {
          return constFoldUnaryOp<IntegerAttr, APInt, void>(
              a, type, [](const APInt &v) { return ~v; });
        });
  }
  if ((op == "Max" || op == "Min") && inputs.size() != 2)
    return unsupported(op + " with " + Twine(inputs.size()) +
                       " inputs (only 2)");
  Value x = requireInput(0, "operand"),
        y = x ? requireInput(1, "operand") : Value();
  if (!x || !y)
    return failure();
  if (eltOf(x) != eltOf(y))
    return fail("operands have different element types: " +
                typeString(eltOf(x)) + " and " + typeString(eltOf(y)));
  bool isCompare = llvm::is_contained(
      {"Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual"}, op);
  bool fl = isFloat(x);
  Type resultElt = isCompare ? builder.getI1Type() : eltOf(x);
  auto body = [&](OpBuilder &b, Location l, ValueRange a) -> Value {
    Value x = a[0], y = a[1];
    if (op == "Add")
      return fl ? arith::AddFOp::create(b, l, x, y).getResult()
                : arith::AddIOp::create(b, l, x, y).getResult();
    if (op == "Sub")
      return fl ? arith::SubFOp::create(b, l, x, y).getResult()
                : arith::SubIOp::create(b, l, x, y).getResult();
    if (op == "Mul")
      return fl ? arith::MulFOp::create(b, l, x, y).getResult()
                : arith::MulIOp::create(b, l, x, y).getResult();
    if (op == "Div")
      return fl ? arith::DivFOp::create(b, l, x, y).getResult()
                : arith::DivSIOp::create(b, l, x, y).getResult();
    if (op == "Max")
      return fl ? arith::MaximumFOp::create(b, l, x, y).getResult()
                : arith::MaxSIOp::create(b, l, x, y).getResult();
    if (op == "Min")
      return fl ? arith::MinimumFOp::create(b, l, x, y).getResult()
                : arith::MinSIOp::create(b, l, x, y).getResult();
    if (op == "And")
      return arith::AndIOp::create(b, l, x, y);
    if (op == "Or")
      return arith::OrIOp::create(b, l, x, y);
    std::pair<arith::CmpFPredicate, arith::CmpIPredicate> pred =
        op == "Equal"
            ? std::pair{arith::CmpFPredicate::OEQ, arith::CmpIPredicate::eq}
        : op == "Less"
            ? std::pair{arith::CmpFPredicate::OLT, arith::CmpIPredicate::slt}
        : op == "Greater"
            ? std::pair{arith::CmpFPredicate::OGT, arith::CmpIPredicate::sgt}
        : op == "LessOrEqual"
            ? std::pair{arith::CmpFPredicate::OLE, arith::CmpIPredicate::sle}
            : std::pair{arith::CmpFPredicate::OGE, arith::CmpIPredicate::sge};
    return fl ? arith::CmpFOp::create(b, l, pred.first, x, y).getResult()
              : arith::CmpIOp::create(b, l, pred.second, x, y).getResult();
  };
  return elementwise({x, y}, resultElt, body,
                     [&](ArrayRef<Attribute> a, RankedTensorType type) {
                       return foldBinary(op, fl, a, type);
                     });
}

/// x^n for integers, as math.ipowi computes it: a negative exponent gives
/// 0 but for |x| = 1; none for 0 (a division by zero).
static std::optional<APInt> integerPower(APInt x, APInt n) {
  if (n.isNegative()) {
    if (x.isOne())
      return x;
    if (x.isAllOnes())
      return n[0] ? x : APInt(x.getBitWidth(), 1);
    if (x.isZero())
      return std::nullopt;
    return APInt(x.getBitWidth(), 0);
  }
  APInt result(x.getBitWidth(), 1);
  for (; !n.isZero(); n.lshrInPlace(1)) {
    if (n[0])
      result *= x;
    x *= x;
  }
  return result;
}

FailureOr<Value> Importer::importPow(const NodeAttributes &attrs) {
  if (attrs.has("axis"))
    return unsupported("legacy broadcasting with attribute 'axis' (opset < "
                       "7); re-export the model with opset 7 or later");
  Value x = requireInput(0, "X"), y = x ? requireInput(1, "Y") : Value();
  if (!x || !y)
    return failure();
  Type baseElt = eltOf(x), expElt = eltOf(y);
  if (baseElt.isInteger(1) || expElt.isInteger(1))
    return fail("expected numbers, found " + typeString(baseElt) + " and " +
                typeString(expElt));
  auto powf = [&](Value base, Value exp) {
    Type elt = eltOf(base);
    return elementwise(
        {base, exp}, elt,
        [](OpBuilder &b, Location l, ValueRange a) -> Value {
          return math::PowFOp::create(b, l, a[0], a[1]);
        },
        [](ArrayRef<Attribute> a, RankedTensorType type) {
          return constFoldBinaryOp<FloatAttr, APFloat, void>(
              a, type, [&](const APFloat &u, const APFloat &v) {
                APFloat r(std::pow(u.convertToDouble(), v.convertToDouble()));
                bool lost;
                r.convert(u.getSemantics(), APFloat::rmNearestTiesToEven,
                          &lost);
                return r;
              });
        });
  };
  // A float base: the exponent in its type.
  if (isa<FloatType>(baseElt))
    return powf(x, castTo(y, baseElt));
  // An integer base with a float exponent: computed in the exponent's type,
  // the result in the base's (ONNX: the result has the type of the base).
  if (isa<FloatType>(expElt)) {
    FailureOr<Value> r = powf(castTo(x, expElt), y);
    if (failed(r))
      return failure();
    return castTo(*r, baseElt);
  }
  // Integers: math.ipowi, with the exponent in the base's width.
  return elementwise(
      {x, castTo(y, baseElt)}, baseElt,
      [](OpBuilder &b, Location l, ValueRange a) -> Value {
        return math::IPowIOp::create(b, l, a[0], a[1]);
      },
      [](ArrayRef<Attribute> a, RankedTensorType type) {
        return constFoldBinaryOpConditional<IntegerAttr, APInt, void>(
            a, type,
            [](const APInt &u, const APInt &v) { return integerPower(u, v); });
      });
}

FailureOr<Value> Importer::importWhere(const NodeAttributes &) {
  Value c = requireInput(0, "condition"),
        x = c ? requireInput(1, "X") : Value(),
        y = x ? requireInput(2, "Y") : Value();
  if (!c || !x || !y)
    return failure();
  Type elt = eltOf(y);
  if (!eltOf(c).isInteger(1) || eltOf(x) != elt)
    return fail("expected a bool condition and two values of one type, "
                "found " +
                typeString(eltOf(c)) + ", " + typeString(eltOf(x)) + ", " +
                typeString(elt));
  return elementwise(
      {c, x, y}, elt,
      [](OpBuilder &b, Location l, ValueRange a) -> Value {
        return arith::SelectOp::create(b, l, a[0], a[1], a[2]);
      },
      [](ArrayRef<Attribute> a, RankedTensorType type) -> Attribute {
        auto cond = cast<DenseElementsAttr>(a[0]);
        SmallVector<Attribute> xs(
            cast<DenseElementsAttr>(a[1]).getValues<Attribute>()),
            ys(cast<DenseElementsAttr>(a[2]).getValues<Attribute>());
        SmallVector<Attribute> out;
        for (auto [i, pick] : llvm::enumerate(cond.getValues<bool>()))
          out.push_back(pick ? xs[i] : ys[i]);
        return DenseElementsAttr::get(type, out);
      });
}

/// Trilu folds splat inputs up to this many elements (a 4096 x 4096 mask).
constexpr int64_t kMaxTriluFoldElements = int64_t(1) << 24;

/// Trilu: the upper (upper = 1, the default) or lower triangle of the last
/// two dimensions, element [.., i, j] kept when j - i >= k (upper) or
/// j - i <= k (lower), zero elsewhere. A constant input with a constant k
/// (nn.Transformer's causal masks: triu of a constant) folds; otherwise one
/// linalg.generic compares the indices.

FailureOr<Value> Importer::importTrilu(const NodeAttributes &attrs) {
  Value x = requireInput(0, "input");
  if (!x)
    return failure();
  if (rankOf(x) < 2)
    return fail("the input must have rank 2 or more, but has rank " +
                Twine(rankOf(x)));
  int64_t upper = attrs.getInt("upper", 1);
  if (upper != 0 && upper != 1)
    return fail("the 'upper' attribute must be 0 or 1, but is " + Twine(upper));
  Type elt = eltOf(x);
  Value k = input(1);
  if (k && (typeOf(k).getNumElements() != 1 || !eltOf(k).isInteger(64)))
    return fail("k must be a scalar int64, but is " + typeString(typeOf(k)));
  // The diagonal offset: known at import time, or read when the code runs.
  std::optional<int64_t> constK = 0;
  if (k) {
    DenseElementsAttr attr = foldable(k);
    constK = attr ? std::optional<int64_t>(
                        (*attr.getValues<APInt>().begin()).getSExtValue())
                  : std::nullopt;
  }
  auto keeps = [&](int64_t i, int64_t j, int64_t offset) {
    return upper ? j - i >= offset : j - i <= offset;
  };
  int64_t rank = rankOf(x);
  ArrayRef<int64_t> shape = shapeOf(x);
  int64_t rows = shape[rank - 2], cols = shape[rank - 1];
  // A splat input (torch.triu(torch.ones(T, T)), a causal mask) folds at
  // any size up to kMaxTriluFoldElements, built from raw bytes: the mask
  // must be a constant for s2s-raise-attention to make it the causal flag.
  DenseElementsAttr splat = constAttr(x);
  if (splat && splat.isSplat() && constK &&
      splat.getNumElements() <= kMaxTriluFoldElements) {
    int64_t n = splat.getNumElements();
    auto kept = [&](int64_t index) {
      return keeps((index / cols) % rows, index % cols, *constK);
    };
    if (elt.isInteger(1)) {
      bool value = splat.getSplatValue<bool>();
      std::unique_ptr<bool[]> out(new bool[n]);
      for (int64_t index = 0; index < n; ++index)
        out[index] = value && kept(index);
      return constant(
          DenseElementsAttr::get(typeOf(x), ArrayRef(out.get(), n)));
    }
    ArrayRef<char> value = splat.getRawData();
    std::vector<char> out(n * value.size(), 0);
    for (int64_t index = 0; index < n; ++index)
      if (kept(index))
        std::copy(value.begin(), value.end(),
                  out.begin() + index * value.size());
    return constant(DenseElementsAttr::getFromRawBuffer(typeOf(x), out));
  }
  if (DenseElementsAttr attr = foldable(x); attr && constK) {
    SmallVector<Attribute> values(attr.getValues<Attribute>());
    Attribute zero = builder.getZeroAttr(elt);
    for (auto [index, value] : llvm::enumerate(values)) {
      int64_t j = index % cols, i = (index / cols) % rows;
      if (!keeps(i, j, *constK))
        value = zero;
    }
    return constant(DenseElementsAttr::get(typeOf(x), values));
  }
  Value offset;
  if (constK) {
    offset = arith::ConstantIntOp::create(builder, loc, *constK, 64);
  } else {
    SmallVector<Value> index(rankOf(k),
                             arith::ConstantIndexOp::create(builder, loc, 0));
    offset = tensor::ExtractOp::create(builder, loc, k, index);
  }
  SymShape sizes = sizesOf(x);
  AffineMap identity = builder.getMultiDimIdentityMap(rank);
  Value result =
      linalg::GenericOp::create(
          builder, loc, TypeRange{typeOf(x)}, ValueRange{x},
          ValueRange{empty(sizes, elt)},
          ArrayRef<AffineMap>{identity, identity},
          SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
          [&](OpBuilder &b, Location l, ValueRange args) {
            Type i64 = b.getI64Type();
            auto indexOf = [&](int64_t dim) -> Value {
              return arith::IndexCastOp::create(
                  b, l, i64, linalg::IndexOp::create(b, l, dim));
            };
            Value diff = arith::SubIOp::create(b, l, indexOf(rank - 1),
                                               indexOf(rank - 2));
            Value keep = arith::CmpIOp::create(
                b, l,
                upper ? arith::CmpIPredicate::sge : arith::CmpIPredicate::sle,
                diff, offset);
            Value zero = arith::ConstantOp::create(
                b, l, elt, cast<TypedAttr>(b.getZeroAttr(elt)));
            linalg::YieldOp::create(
                b, l,
                ValueRange{arith::SelectOp::create(b, l, keep, args[0], zero)});
          })
          .getResult(0);
  return record(result, sizes);
}

FailureOr<Value> Importer::importCast(const NodeAttributes &attrs) {
  Value x = requireInput(0, "input");
  if (!x)
    return failure();
  FailureOr<Type> to =
      convertElementType(attrs.getInt("to", 0), "the 'to' attribute", diagLoc);
  if (failed(to))
    return failure();
  return castTo(x, *to);
}

void onnx_import::populateElementwiseHandlers(HandlerTable &table) {
  for (StringRef op : {"Relu", "Tanh", "Sigmoid", "Sqrt", "Exp", "Log", "Neg",
                       "Abs", "Reciprocal", "Ceil", "Floor"})
    table.on(op, 1, &Importer::importUnary);
  table.on("Erf", 9, &Importer::importUnary);
  table.on("Gelu", 20, &Importer::importUnary);
  for (StringRef op : {"Add", "Sub", "Mul", "Div", "Max", "Min", "Equal",
                       "Less", "Greater", "And", "Or", "Not"})
    table.on(op, 1, &Importer::importBinary);
  for (StringRef op : {"LessOrEqual", "GreaterOrEqual"})
    table.on(op, 12, &Importer::importBinary);
  table.on("Pow", 1, &Importer::importPow);
  table.on("Where", 9, &Importer::importWhere);
  table.on("Trilu", 14, &Importer::importTrilu);
  table.on("Cast", 6, &Importer::importCast);
  table.on(
      "Identity", 1,
      oneResult([](Importer &im, const NodeAttributes &) -> FailureOr<Value> {
        if (Value x = im.requireInput(0, "input"))
          return x;
        return failure();
      }));
  // Dropout takes ratio and training_mode as inputs from opset 12.
  table.on("Dropout", 1, [](Importer &im, const NodeAttributes &attrs) {
    return im.importDropout(attrs, /*trainingModeInput=*/false);
  });
  table.on("Dropout", 12, [](Importer &im, const NodeAttributes &attrs) {
    return im.importDropout(attrs, /*trainingModeInput=*/true);
  });
}
