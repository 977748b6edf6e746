//===- Sizes.cpp - sizes the importer knows only at run time --------------===//
//
// A model exported with dynamic axes has dimensions whose sizes are known
// only when it runs ('batch', 'seq'), and shape computations on them
// (Shape -> Gather -> Mul -> Concat -> Reshape). The importer follows these
// sizes as SymSize: a constant times a product of run-time values
// (symbols). Each graph input's dynamic dimension is a symbol, named by its
// dim_param (inputs that share a dim_param share the symbol, checked when
// the model is called); sizes of the tensors the importer makes are
// recorded as it makes them, so that a reshape or a broadcast knows that
// two dimensions are the same size without a run-time check, and emits
// the same collapse/expand groups it would on static shapes.
//
// Where an equality cannot be decided at import time it is checked at run
// time (cf.assert, which the entry's shape-check function reports as a
// status).
//
//===----------------------------------------------------------------------===//

#include "ImporterInternals.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "s2s/Dialect/S2S/IR/S2SDialect.h"
#include "s2s/Support/RuntimeChecks.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

//===----------------------------------------------------------------------===//
// SymSize
//===----------------------------------------------------------------------===//

SymSize onnx_import::operator*(const SymSize &a, const SymSize &b) {
  SymSize out;
  if (llvm::MulOverflow(a.factor, b.factor, out.factor))
    out.factor = std::numeric_limits<int64_t>::max();
  if (out.factor == 0)
    return out;
  out.symbols.append(a.symbols.begin(), a.symbols.end());
  out.symbols.append(b.symbols.begin(), b.symbols.end());
  llvm::sort(out.symbols);
  return out;
}

std::optional<SymSize> SymSize::divideExactly(const SymSize &d) const {
  if (d.factor == 0 || factor % d.factor != 0)
    return std::nullopt;
  SymSize out;
  out.factor = factor / d.factor;
  // Remove d's symbols (both lists are sorted).
  size_t j = 0;
  for (unsigned s : symbols) {
    if (j < d.symbols.size() && d.symbols[j] == s) {
      ++j;
      continue;
    }
    out.symbols.push_back(s);
  }
  if (j != d.symbols.size())
    return std::nullopt;
  if (out.factor == 0)
    out.symbols.clear();
  return out;
}

std::optional<SymSize> SymSize::addLikeTerms(const SymSize &o,
                                             int64_t k) const {
  if (symbols != o.symbols)
    return std::nullopt;
  SymSize out = *this;
  int64_t scaled;
  if (llvm::MulOverflow(o.factor, k, scaled) ||
      llvm::AddOverflow(factor, scaled, out.factor))
    return std::nullopt;
  if (out.factor == 0)
    out.symbols.clear();
  return out;
}

SymSize onnx_import::product(ArrayRef<SymSize> sizes) {
  SymSize out(1);
  for (const SymSize &s : sizes)
    out = out * s;
  return out;
}

SmallVector<int64_t> onnx_import::staticShape(ArrayRef<SymSize> sizes) {
  return llvm::map_to_vector(sizes,
                             [](const SymSize &s) { return s.staticSize(); });
}

SymShape onnx_import::symShape(ArrayRef<int64_t> shape) {
  SymShape out;
  for (int64_t d : shape)
    out.push_back(SymSize(d));
  return out;
}

//===----------------------------------------------------------------------===//
// Symbols and their values
//===----------------------------------------------------------------------===//

SymSize Importer::newSymbol(Value value, StringRef name, bool isSize) {
  symbols.push_back({value, name.str(), isSize});
  return SymSize::symbol(symbols.size() - 1);
}

bool Importer::isKnownSize(const SymSize &s) const {
  return s.getFactor() >= 0 && llvm::all_of(s.getSymbols(), [&](unsigned id) {
           return symbols[id].isSize;
         });
}

Value Importer::materialize(const SymSize &s) {
  if (s.isConstant())
    return arith::ConstantIndexOp::create(builder, loc, s.getFactor());
  Value v;
  for (unsigned id : s.getSymbols()) {
    Value sym = symbols[id].value;
    v = v ? arith::MulIOp::create(builder, loc, v, sym).getResult() : sym;
  }
  if (s.getFactor() != 1)
    v = arith::MulIOp::create(
        builder, loc, v,
        arith::ConstantIndexOp::create(builder, loc, s.getFactor()));
  return v;
}

OpFoldResult Importer::foldResult(const SymSize &s) {
  if (s.isConstant())
    return builder.getIndexAttr(s.getFactor());
  return materialize(s);
}

SmallVector<OpFoldResult> Importer::foldResults(ArrayRef<SymSize> sizes) {
  return llvm::map_to_vector(sizes,
                             [&](const SymSize &s) { return foldResult(s); });
}

unsigned Importer::computedSymbols(const SymSize &s) const {
  return llvm::count_if(s.getSymbols(), [&](unsigned id) {
    auto dim = symbols[id].value.getDefiningOp<tensor::DimOp>();
    return !dim || !isa<BlockArgument>(dim.getSource());
  });
}

std::string Importer::sizeString(const SymSize &s) const {
  if (s.isConstant())
    return std::to_string(s.getFactor());
  std::string out;
  if (s.getFactor() != 1)
    out = std::to_string(s.getFactor());
  for (unsigned id : s.getSymbols()) {
    if (!out.empty())
      out += "*";
    out += symbols[id].name.empty() ? "?" : symbols[id].name;
  }
  return out;
}

std::string Importer::sizesString(ArrayRef<SymSize> sizes) const {
  std::string out = "[";
  for (auto [i, s] : llvm::enumerate(sizes))
    out += (i ? ", " : "") + sizeString(s);
  return out + "]";
}

//===----------------------------------------------------------------------===//
// Sizes of tensors
//===----------------------------------------------------------------------===//

Value Importer::record(Value v, ArrayRef<SymSize> sizes) {
#ifndef NDEBUG
  // A static size in the type is the size; a dynamic one may still be
  // known to be a constant.
  for (auto [d, s] : llvm::zip_equal(shapeOf(v), sizes))
    assert((ShapedType::isDynamic(d) || s == SymSize(d)) &&
           "sizes disagree with the type");
#endif
  if (!typeOf(v).hasStaticShape())
    knownSizes[v] = SymShape(sizes);
  return v;
}

SymShape Importer::sizesOf(Value v) {
  RankedTensorType type = typeOf(v);
  if (type.hasStaticShape())
    return symShape(type.getShape());
  auto it = knownSizes.find(v);
  if (it != knownSizes.end())
    return it->second;

  SymShape sizes;
  Operation *def = v.getDefiningOp();
  OpBuilder::InsertionGuard guard(builder);
  if (def)
    builder.setInsertionPointAfter(def);
  // A destination-style op's result has its init's sizes.
  if (auto dps = dyn_cast_or_null<DestinationStyleOpInterface>(def)) {
    sizes = sizesOf(dps.getTiedOpOperand(cast<OpResult>(v))->get());
  } else if (auto reify =
                 dyn_cast_or_null<ReifyRankedShapedTypeOpInterface>(def)) {
    // Sizes from the operands' (a tensor.dim of an operand is that
    // operand's size).
    ReifiedRankedShapedTypeDims shapes;
    if (succeeded(reify.reifyResultShapes(builder, shapes))) {
      for (OpFoldResult r : shapes[cast<OpResult>(v).getResultNumber()]) {
        if (std::optional<int64_t> c = getConstantIntValue(r)) {
          sizes.push_back(*c);
          continue;
        }
        Value size = cast<Value>(r);
        auto dim = size.getDefiningOp<tensor::DimOp>();
        std::optional<int64_t> index =
            dim ? dim.getConstantIndex() : std::nullopt;
        if (dim && index && dim.getSource() != v) {
          sizes.push_back(sizesOf(dim.getSource())[*index]);
          continue;
        }
        sizes.push_back(newSymbol(size, "", /*isSize=*/true));
      }
    }
  }
  if (sizes.size() != static_cast<size_t>(type.getRank())) {
    sizes.clear();
    for (int64_t i = 0; i < type.getRank(); ++i)
      sizes.push_back(type.isDynamicDim(i)
                          ? newSymbol(tensor::DimOp::create(builder, loc, v, i),
                                      "",
                                      /*isSize=*/true)
                          : SymSize(type.getDimSize(i)));
  }
  // What the type says statically holds even where the operands' sizes
  // were not known to be constants.
  for (int64_t i = 0; i < type.getRank(); ++i)
    if (!type.isDynamicDim(i))
      sizes[i] = type.getDimSize(i);
  knownSizes[v] = sizes;
  return sizes;
}

//===----------------------------------------------------------------------===//
// Elements of shape computations
//===----------------------------------------------------------------------===//

FailureOr<SymShape> Importer::elementsOf(Value v, const Twine &what) {
  RankedTensorType type = typeOf(v);
  auto named = [&]() {
    auto at = llvm::find(inputs, v);
    return at == inputs.end()
               ? what.str()
               : "input '" + inputNames[at - inputs.begin()] + "'";
  };
  if (!type.getElementType().isInteger())
    return fail(named() + " must hold integers, but is " + typeString(type));
  if (DenseElementsAttr attr = constAttr(v)) {
    SymShape out;
    for (APInt i : attr.getValues<APInt>())
      out.push_back(type.getElementType().isInteger(1)
                        ? int64_t(i.getBoolValue())
                        : i.getSExtValue());
    return out;
  }
  auto it = knownElements.find(v);
  if (it != knownElements.end())
    return it->second;
  if (type.getRank() > 1 || !type.hasStaticShape())
    return fail(named() + " must have rank 0 or 1 and a static size, but is " +
                typeString(type));
  if (type.getNumElements() > kMaxFoldElements)
    return unsupported(named() + " of " + Twine(type.getNumElements()) +
                       " elements");
  // Computed from data: read at run time.
  SymShape out;
  for (int64_t i = 0; i < type.getNumElements(); ++i) {
    SmallVector<Value> index;
    if (type.getRank() == 1)
      index.push_back(arith::ConstantIndexOp::create(builder, loc, i));
    Value e = tensor::ExtractOp::create(builder, loc, v, index);
    Value asIndex = type.getElementType().isInteger(1)
                        ? arith::IndexCastUIOp::create(
                              builder, loc, builder.getIndexType(), e)
                              .getResult()
                        : arith::IndexCastOp::create(builder, loc,
                                                     builder.getIndexType(), e)
                              .getResult();
    out.push_back(newSymbol(asIndex));
  }
  knownElements[v] = out;
  return out;
}

FailureOr<SymShape> Importer::shapeOperand(Value v, const Twine &what) {
  if (rankOf(v) != 1 || !typeOf(v).hasStaticShape())
    return fail(what + " must be a rank-1 tensor of static size, but is " +
                typeString(v.getType()));
  return elementsOf(v, what);
}

Value Importer::fromElements(ArrayRef<SymSize> elements,
                             RankedTensorType type) {
  Type elt = type.getElementType();
  if (llvm::all_of(elements, [](const SymSize &s) { return s.isConstant(); })) {
    SmallVector<APInt> data;
    for (const SymSize &s : elements)
      data.push_back(APInt(elt.getIntOrFloatBitWidth(), *s.getConstant(),
                           /*isSigned=*/!elt.isInteger(1)));
    return constant(DenseElementsAttr::get(type, data));
  }
  SmallVector<Value> scalars;
  for (const SymSize &s : elements) {
    Value v = materialize(s);
    if (elt.isInteger(1)) {
      Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
      scalars.push_back(arith::CmpIOp::create(
          builder, loc, arith::CmpIPredicate::ne, v, zero));
    } else {
      scalars.push_back(arith::IndexCastOp::create(builder, loc, elt, v));
    }
  }
  Value out = tensor::FromElementsOp::create(builder, loc, type, scalars);
  knownElements[out] = SymShape(elements);
  return out;
}

//===----------------------------------------------------------------------===//
// Checks and arithmetic
//===----------------------------------------------------------------------===//

cf::AssertOp Importer::check(Value holds, const Twine &message) {
  std::string where = path + ": ";
  if (!nodeLabel.empty())
    where += nodeLabel + ": ";
  return cf::AssertOp::create(builder, loc, holds, where + message.str());
}

void Importer::checkIndicesInRange(Value indices, const SymSize &size,
                                   const Twine &what) {
  Type i64 = builder.getI64Type();
  Value n = arith::IndexCastOp::create(builder, loc, i64, materialize(size));
  Value negN = arith::SubIOp::create(
      builder, loc, arith::ConstantIntOp::create(builder, loc, i64, 0), n);
  Value holds = buildAllInRange(builder, loc, indices, negN, n,
                                /*inclusiveHigh=*/false);
  std::string bound = sizeString(size);
  cf::AssertOp assertOp = check(
      holds, "every index of 'indices' must be in [-" + bound + ", " + bound +
                 ") (" + bound + ": " + what + "; a value given at run time)");
  assertOp->setAttr(S2SDialect::getValueCheckAttrName(), builder.getUnitAttr());
}

LogicalResult Importer::requireEqual(const SymSize &a, const SymSize &b,
                                     const Twine &message) {
  if (a == b)
    return success();
  if (a.isConstant() && b.isConstant())
    return fail(message);
  check(arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::eq,
                              materialize(a), materialize(b)),
        message);
  return success();
}

SymSize Importer::add(const SymSize &a, const SymSize &b) {
  if (b == SymSize(0))
    return a;
  if (a == SymSize(0))
    return b;
  if (std::optional<SymSize> r = a.addLikeTerms(b, 1))
    return *r;
  return newSymbol(
      arith::AddIOp::create(builder, loc, materialize(a), materialize(b)));
}

SymSize Importer::sub(const SymSize &a, const SymSize &b) {
  if (b == SymSize(0))
    return a;
  if (std::optional<SymSize> r = a.addLikeTerms(b, -1))
    return *r;
  return newSymbol(
      arith::SubIOp::create(builder, loc, materialize(a), materialize(b)));
}

FailureOr<SymSize> Importer::divide(const SymSize &a, const SymSize &b) {
  if (b == SymSize(0))
    return fail("division by zero in a shape computation (" + sizeString(a) +
                " / 0)");
  if (a.isConstant() && b.isConstant()) {
    if (a.getFactor() == std::numeric_limits<int64_t>::min() &&
        b.getFactor() == -1)
      return fail("division overflows in a shape computation");
    return SymSize(a.getFactor() / b.getFactor());
  }
  if (std::optional<SymSize> q = a.divideExactly(b))
    return *q;
  return newSymbol(
      arith::DivSIOp::create(builder, loc, materialize(a), materialize(b)));
}

SymSize Importer::minimum(const SymSize &a, const SymSize &b) {
  if (a == b)
    return a;
  if (a.isConstant() && b.isConstant())
    return std::min(a.getFactor(), b.getFactor());
  return newSymbol(
      arith::MinSIOp::create(builder, loc, materialize(a), materialize(b)));
}

SymSize Importer::maximum(const SymSize &a, const SymSize &b) {
  if (a == b)
    return a;
  // Sizes are never negative.
  if (a == SymSize(0) && isKnownSize(b))
    return b;
  if (b == SymSize(0) && isKnownSize(a))
    return a;
  if (a.isConstant() && b.isConstant())
    return std::max(a.getFactor(), b.getFactor());
  return newSymbol(
      arith::MaxSIOp::create(builder, loc, materialize(a), materialize(b)), "",
      /*isSize=*/
      (a == SymSize(0) || b == SymSize(0) || isKnownSize(a) || isKnownSize(b)));
}

SymSize Importer::compare(arith::CmpIPredicate pred, const SymSize &a,
                          const SymSize &b) {
  if (a.isConstant() && b.isConstant())
    return int64_t(arith::applyCmpPredicate(
        pred, APInt(64, a.getFactor(), true), APInt(64, b.getFactor(), true)));
  if (a == b)
    return int64_t(pred == arith::CmpIPredicate::eq ||
                   pred == arith::CmpIPredicate::sle ||
                   pred == arith::CmpIPredicate::sge);
  Value c =
      arith::CmpIOp::create(builder, loc, pred, materialize(a), materialize(b));
  return newSymbol(
      arith::IndexCastUIOp::create(builder, loc, builder.getIndexType(), c));
}

SymSize Importer::select(const SymSize &cond, const SymSize &a,
                         const SymSize &b) {
  if (std::optional<int64_t> c = cond.getConstant())
    return *c ? a : b;
  if (a == b)
    return a;
  Value c = arith::CmpIOp::create(
      builder, loc, arith::CmpIPredicate::ne, materialize(cond),
      arith::ConstantIndexOp::create(builder, loc, 0));
  return newSymbol(
      arith::SelectOp::create(builder, loc, c, materialize(a), materialize(b)));
}
