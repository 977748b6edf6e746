//===- Constants.cpp - ONNX tensors as constants, and their folding -------===//
//
// Turns ONNX TensorProtos (initializers, Constant attributes) into
// arith.constant DenseElementsAttrs, and holds what folding at import time
// shares: the constants small enough to fold, broadcasting and rearranging
// their elements. Elements stay APInt/APFloat attributes throughout, so
// integer shape arithmetic is exact for every int64 value.
//
// Also the handlers of the ops that make constants: Constant,
// ConstantOfShape and Range.
//
//===----------------------------------------------------------------------===//

#include "ImporterInternals.h"

#include "s2s/Runtime/TensorProto.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

//===----------------------------------------------------------------------===//
// Constants and folding helpers
//===----------------------------------------------------------------------===//

DenseElementsAttr Importer::foldable(Value v) {
  DenseElementsAttr attr = constAttr(v);
  if (!attr || attr.getNumElements() > kMaxFoldElements)
    return nullptr;
  return attr;
}

FailureOr<SmallVector<int64_t>> Importer::constInts(Value v,
                                                    const Twine &what) {
  SmallVector<int64_t> out;
  DenseElementsAttr attr = constAttr(v);
  if (!attr)
    return unsupported(what + " that is not a constant");
  if (!attr.getElementType().isInteger()) {
    auto at = llvm::find(inputs, v);
    std::string name = at == inputs.end()
                           ? std::string("a shape or axes operand")
                           : "input '" + inputNames[at - inputs.begin()] + "'";
    return fail(name + " must hold integers, but is " +
                typeString(v.getType()));
  }
  for (APInt i : attr.getValues<APInt>())
    out.push_back(i.getSExtValue());
  return out;
}

Value Importer::int64Const(ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    builder.getI64Type());
  return constant(DenseElementsAttr::get(type, values));
}

DenseElementsAttr
onnx_import::pickElements(DenseElementsAttr attr, RankedTensorType type,
                          function_ref<int64_t(int64_t)> sourceIndex) {
  if (attr.isSplat())
    return DenseElementsAttr::get(type, attr.getSplatValue<Attribute>());
  SmallVector<Attribute> source(attr.getValues<Attribute>());
  SmallVector<Attribute> out;
  out.reserve(type.getNumElements());
  for (int64_t i = 0, n = type.getNumElements(); i < n; ++i)
    out.push_back(source[sourceIndex(i)]);
  return DenseElementsAttr::get(type, out);
}

DenseElementsAttr onnx_import::broadcastAttr(DenseElementsAttr attr,
                                             ArrayRef<int64_t> shape) {
  auto type = RankedTensorType::get(shape, attr.getElementType());
  if (attr.getType() == type)
    return attr;
  ArrayRef<int64_t> s = attr.getType().getShape();
  int64_t rank = shape.size(), offset = rank - s.size();
  return pickElements(attr, type, [&](int64_t flat) {
    // The position in `attr` of element `flat` of the result: broadcast
    // (unit) dimensions read index 0.
    SmallVector<int64_t> index(rank);
    for (int64_t d = rank - 1; d >= 0; --d) {
      index[d] = flat % shape[d];
      flat /= shape[d];
    }
    int64_t pos = 0;
    for (auto [d, dim] : llvm::enumerate(s))
      pos = pos * dim + (dim == 1 ? 0 : index[offset + d]);
    return pos;
  });
}

Value Importer::fromTensorProto(const onnx::TensorProto &tensor,
                                StringRef name) {
  llvm::Expected<NpyArray> array = convertTensorProto(tensor, name);
  if (!array) {
    (void)failModel(llvm::toString(array.takeError()));
    return nullptr;
  }
  Type elt;
  switch (array->dtype) {
  case DType::Float32:
    elt = builder.getF32Type();
    break;
  case DType::Float64:
    elt = builder.getF64Type();
    break;
  case DType::Int32:
    elt = builder.getI32Type();
    break;
  case DType::Int64:
    elt = builder.getI64Type();
    break;
  case DType::Bool:
    elt = builder.getI1Type();
    break;
  }
  auto type = RankedTensorType::get(array->shape, elt);
  if (array->dtype == DType::Bool) {
    SmallVector<bool> data;
    for (int64_t i = 0; i < array->getNumElements(); ++i)
      data.push_back(array->getAsInt64(i) != 0);
    return constant(DenseElementsAttr::get(type, data));
  }
  ArrayRef<char> raw(static_cast<const char *>(array->data()),
                     array->getByteSize());
  return constant(DenseElementsAttr::getFromRawBuffer(type, raw));
}

//===----------------------------------------------------------------------===//
// Constant, ConstantOfShape, Range
//===----------------------------------------------------------------------===//

/// Elements of a Range at most (it always folds).
constexpr int64_t kMaxRangeElements = int64_t(1) << 24;

FailureOr<Value> Importer::importConstant(const NodeAttributes &attrs) {
  if (const onnx::AttributeProto *a = attrs.get("value")) {
    Value v = fromTensorProto(a->t(), "attribute 'value' of " + nodeLabel);
    if (!v)
      return failure();
    return v;
  }
  Type f32 = builder.getF32Type(), i64 = builder.getI64Type();
  if (const onnx::AttributeProto *a = attrs.get("value_float"))
    return constant(
        DenseElementsAttr::get(RankedTensorType::get({}, f32), a->f()));
  if (const onnx::AttributeProto *a = attrs.get("value_int"))
    return constant(DenseElementsAttr::get(RankedTensorType::get({}, i64),
                                           static_cast<int64_t>(a->i())));
  if (const onnx::AttributeProto *a = attrs.get("value_floats")) {
    SmallVector<float> data(a->floats().begin(), a->floats().end());
    return constant(DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(data.size())}, f32),
        ArrayRef<float>(data)));
  }
  if (const onnx::AttributeProto *a = attrs.get("value_ints")) {
    SmallVector<int64_t> data(a->ints().begin(), a->ints().end());
    return int64Const(data);
  }
  SmallVector<std::string> names = attrs.unknown({});
  return unsupported("Constant with attribute '" +
                     (names.empty() ? std::string("(none)") : names.front()) +
                     "'");
}

FailureOr<Value> Importer::importConstantOfShape(const NodeAttributes &attrs) {
  Value s = requireInput(0, "input");
  if (!s)
    return failure();
  FailureOr<SymShape> elements = shapeOperand(s, "a shape");
  if (failed(elements))
    return failure();
  SmallVector<int64_t> shape;
  for (const SymSize &d : *elements) {
    if (std::optional<int64_t> c = d.getConstant()) {
      if (*c < 0)
        return fail("shape " + sizesString(*elements) +
                    " has a negative dimension");
      shape.push_back(*c);
      continue;
    }
    shape.push_back(0);
    if (!isKnownSize(d))
      check(arith::CmpIOp::create(
                builder, loc, arith::CmpIPredicate::sge, materialize(d),
                arith::ConstantIndexOp::create(builder, loc, 0)),
            "shape " + sizesString(*elements) + " has a negative dimension");
  }
  if (!isRepresentable(shape))
    return fail("shape " + sizesString(*elements) +
                " is too large: its size "
                "overflows");
  TypedAttr scalar = builder.getF32FloatAttr(0);
  if (const onnx::AttributeProto *a = attrs.get("value")) {
    Value v = fromTensorProto(a->t(), "attribute 'value'");
    if (!v)
      return failure();
    DenseElementsAttr attr = constAttr(v);
    scalar = attr.getNumElements() > 0
                 ? cast<TypedAttr>(*attr.getValues<Attribute>().begin())
                 : cast<TypedAttr>(builder.getZeroAttr(attr.getElementType()));
  }
  SmallVector<int64_t> st = staticShape(*elements);
  if (ShapedType::isDynamicShape(st))
    return filled(*elements, scalar);
  auto type = RankedTensorType::get(st, scalar.getType());
  return constant(DenseElementsAttr::get(type, Attribute(scalar)));
}

std::optional<SymSize> Importer::rangeOfSize(Value start, Value limit,
                                             Value delta) {
  DenseElementsAttr first = foldable(start), step = foldable(delta);
  if (isa<FloatType>(eltOf(start)) || !first || !step ||
      !hasKnownElements(limit))
    return std::nullopt;
  if ((*first.getValues<APInt>().begin()).getSExtValue() != 0 ||
      (*step.getValues<APInt>().begin()).getSExtValue() != 1)
    return std::nullopt;
  FailureOr<SymShape> elements = elementsOf(limit, "limit");
  if (failed(elements) || elements->size() != 1 ||
      !isKnownSize(elements->front()))
    return std::nullopt;
  return elements->front();
}

SymSize Importer::runTimeRangeCount(Value start, Value limit, Value delta,
                                    Type elt) {
  Value count;
  Type i64 = builder.getI64Type();
  if (isa<FloatType>(elt)) {
    Value zero = floatConst(elt, 0);
    check(arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::UNE, delta,
                                zero),
          "delta must not be 0");
    Value steps = math::CeilOp::create(
        builder, loc,
        arith::DivFOp::create(builder, loc,
                              arith::SubFOp::create(builder, loc, limit, start),
                              delta));
    steps = arith::MaximumFOp::create(builder, loc, steps, zero);
    count = arith::FPToSIOp::create(builder, loc, i64, steps);
  } else {
    Value zero = arith::ConstantOp::create(builder, loc, elt,
                                           builder.getIntegerAttr(elt, 0));
    check(arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::ne, delta,
                                zero),
          "delta must not be 0");
    Value diff = arith::SubIOp::create(builder, loc, limit, start);
    Value steps = arith::CeilDivSIOp::create(builder, loc, diff, delta);
    steps = arith::MaxSIOp::create(builder, loc, steps, zero);
    count = elt == i64
                ? steps
                : arith::ExtSIOp::create(builder, loc, i64, steps).getResult();
  }
  check(arith::CmpIOp::create(
            builder, loc, arith::CmpIPredicate::sle, count,
            arith::ConstantIntOp::create(builder, loc, i64, kMaxRangeElements)),
        "Range of more than " + Twine(kMaxRangeElements) + " elements");
  return newSymbol(
      arith::IndexCastOp::create(builder, loc, builder.getIndexType(), count),
      "", /*isSize=*/true);
}

/// Range with an input known at run time only: a generic computing
/// start + i * delta for i < max(0, ceil((limit - start) / delta)).
FailureOr<Value> Importer::importRangeAtRunTime() {
  Value ins[3];
  for (unsigned i = 0; i < 3; ++i) {
    ins[i] = requireInput(i, i == 0 ? "start" : i == 1 ? "limit" : "delta");
    if (!ins[i])
      return failure();
    if (typeOf(ins[i]).getNumElements() != 1 || eltOf(ins[i]) != eltOf(ins[0]))
      return fail("start, limit and delta must be scalars of one type");
  }
  Type elt = eltOf(ins[0]);
  if (!isa<FloatType>(elt) && !elt.isInteger(32) && !elt.isInteger(64))
    return unsupported("Range of " + typeString(elt));
  auto scalar = [&](Value v) -> Value {
    SmallVector<Value> index(rankOf(v),
                             arith::ConstantIndexOp::create(builder, loc, 0));
    return tensor::ExtractOp::create(builder, loc, v, index);
  };
  Value start = scalar(ins[0]), limit = scalar(ins[1]), delta = scalar(ins[2]);
  Type i64 = builder.getI64Type();
  // Range(0, n, 1) of a size n (arange(T) of a sequence length) has n
  // elements: the same size as the dimension it came from, which the ops
  // that meet both then know.
  std::optional<SymSize> n = rangeOfSize(ins[0], ins[1], ins[2]);
  if (!n)
    n = runTimeRangeCount(start, limit, delta, elt);
  return linalg::GenericOp::create(
             builder, loc,
             TypeRange{RankedTensorType::get({ShapedType::kDynamic}, elt)},
             ValueRange{}, ValueRange{empty({*n}, elt)},
             ArrayRef<AffineMap>{builder.getMultiDimIdentityMap(1)},
             SmallVector<utils::IteratorType>{utils::IteratorType::parallel},
             [&](OpBuilder &b, Location l, ValueRange) {
               Value i = arith::IndexCastOp::create(
                   b, l, i64, linalg::IndexOp::create(b, l, 0));
               Value v;
               if (isa<FloatType>(elt)) {
                 Value fi = arith::SIToFPOp::create(b, l, elt, i);
                 v = arith::AddFOp::create(
                     b, l, start, arith::MulFOp::create(b, l, fi, delta));
               } else {
                 if (elt != i64)
                   i = arith::TruncIOp::create(b, l, elt, i);
                 v = arith::AddIOp::create(
                     b, l, start, arith::MulIOp::create(b, l, i, delta));
               }
               linalg::YieldOp::create(b, l, v);
             })
      .getResult(0);
}

FailureOr<Value> Importer::importRange(const NodeAttributes &) {
  DenseElementsAttr start = foldable(input(0)), limit = foldable(input(1)),
                    delta = foldable(input(2));
  if (!start || !limit || !delta)
    return importRangeAtRunTime();
  if (start.getNumElements() != 1 || limit.getNumElements() != 1 ||
      delta.getNumElements() != 1 ||
      start.getElementType() != limit.getElementType() ||
      start.getElementType() != delta.getElementType())
    return fail("start, limit and delta must be scalars of one type");
  Type elt = start.getElementType();
  if (isa<FloatType>(elt)) {
    auto get = [](DenseElementsAttr a) {
      return (*a.getValues<APFloat>().begin()).convertToDouble();
    };
    double s0 = get(start), l0 = get(limit), d0 = get(delta);
    if (d0 == 0)
      return fail("delta must not be 0");
    double count = std::max(0.0, std::ceil((l0 - s0) / d0));
    if (count > kMaxRangeElements)
      return unsupported("Range of " + formatNumber(count) + " elements");
    SmallVector<Attribute> data;
    for (int64_t i = 0; i < static_cast<int64_t>(count); ++i)
      data.push_back(builder.getFloatAttr(elt, s0 + i * d0));
    return constant(DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(count)}, elt), data));
  }
  auto get = [](DenseElementsAttr a) {
    return (*a.getValues<APInt>().begin()).getSExtValue();
  };
  int64_t s0 = get(start), l0 = get(limit), d0 = get(delta), diff;
  if (d0 == 0)
    return fail("delta must not be 0");
  if (llvm::SubOverflow(l0, s0, diff))
    return unsupported("Range from " + Twine(s0) + " to " + Twine(l0));
  int64_t count = std::max<int64_t>(0, llvm::divideCeilSigned(diff, d0));
  if (count > kMaxRangeElements)
    return unsupported("Range of " + Twine(count) + " elements");
  unsigned width = elt.getIntOrFloatBitWidth();
  SmallVector<APInt> data;
  for (int64_t i = 0; i < count; ++i)
    data.push_back(APInt(width, s0 + i * d0, /*isSigned=*/true));
  return constant(
      DenseElementsAttr::get(RankedTensorType::get({count}, elt), data));
}

void onnx_import::populateConstantHandlers(HandlerTable &table) {
  table.on("Constant", 1, &Importer::importConstant);
  table.on("ConstantOfShape", 9, &Importer::importConstantOfShape);
  table.on("Range", 11, &Importer::importRange);
}
