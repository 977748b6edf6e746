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
  FailureOr<SmallVector<int64_t>> ints = constInts(s, "a shape");
  if (failed(ints))
    return failure();
  SmallVector<int64_t> shape = std::move(*ints);
  for (int64_t d : shape)
    if (d < 0)
      return fail("shape " + shapeString(shape) + " has a negative dimension");
  if (!isRepresentable(shape))
    return fail("shape " + shapeString(shape) +
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
  auto type = RankedTensorType::get(shape, scalar.getType());
  return constant(DenseElementsAttr::get(type, Attribute(scalar)));
}

FailureOr<Value> Importer::importRange(const NodeAttributes &) {
  DenseElementsAttr start = foldable(input(0)), limit = foldable(input(1)),
                    delta = foldable(input(2));
  if (!start || !limit || !delta)
    return unsupported("Range with inputs that are not constants");
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
