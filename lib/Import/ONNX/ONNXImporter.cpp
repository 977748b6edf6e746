//===- ONNXImporter.cpp - importing ONNX models into s2s ------------------===//
//
// Walks the nodes of an ONNX graph in order (ONNX requires a topological
// order) and emits, for each, s2s or upstream ops on statically shaped
// tensors. Shapes are computed here, so every mismatch is reported with the
// node that causes it rather than by a verifier later.
//
// Emission contract (what the graph passes match):
//   MatMul     rank 2 x rank 2 -> linalg.matmul; rank 3 x rank 3 ->
//              linalg.batch_matmul; higher ranks collapse their batch
//              dimensions to one (after a linalg.broadcast where they
//              differ), use linalg.batch_matmul and expand back; rank N x
//              rank 2 collapses to rank 2, linalg.matmul, expand.
//   Transpose  linalg.transpose.   Softmax  linalg.softmax on the axis.
//   elementwise ops: one linalg.generic each, parallel iterators, ONNX
//              broadcasting (aligned right) in the indexing maps, a body of
//              one arith/math op (Where -> arith.select).
//   constants: arith.constant dense<...>.
// Shape computations on static shapes (Shape, Gather, Concat, Slice,
// Unsqueeze, arithmetic on their results, ...) are folded to constants here.
//
//===----------------------------------------------------------------------===//

#include "s2s/Import/ONNX/ONNXImporter.h"

#include "s2s/Dialect/S2S/IR/S2SOps.h"
#include "s2s/Runtime/TensorProto.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "onnx/onnx_pb.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <numeric>

using namespace mlir;
using namespace mlir::s2s;

bool mlir::s2s::isONNXModel(StringRef path, StringRef contents) {
  if (path.ends_with(".onnx"))
    return true;
  // A ModelProto starts with ir_version: field 1, varint (tag byte 0x08).
  // MLIR text starts with printable characters and bytecode with "ML".
  return !contents.empty() && contents[0] == '\x08';
}

namespace {

/// Small constant tensors evaluated at import time (shape computations).
struct Literal {
  SmallVector<int64_t> shape;
  std::vector<double> values;
  Type elementType;

  int64_t size() const { return values.size(); }
};

/// Elements of a folded tensor at most: larger results are computed by the
/// compiled code.
constexpr int64_t kMaxFoldElements = 4096;

static int64_t product(ArrayRef<int64_t> shape) {
  return std::accumulate(shape.begin(), shape.end(), int64_t(1),
                         std::multiplies<int64_t>());
}

static std::string shapeString(ArrayRef<int64_t> shape) {
  return formatShape(shape);
}

static std::string formatNumber(double v) {
  std::string s;
  llvm::raw_string_ostream(s) << llvm::format("%g", v);
  return s;
}

static std::string typeString(Type type) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << type;
  return s;
}

/// An error while importing, already formatted.
struct ImportError {
  std::string message;
};

/// The attributes of one node, by name.
class NodeAttributes {
public:
  explicit NodeAttributes(const onnx::NodeProto &node) {
    for (const onnx::AttributeProto &attr : node.attribute())
      byName[attr.name()] = &attr;
  }
  const onnx::AttributeProto *get(StringRef name) const {
    auto it = byName.find(name);
    return it == byName.end() ? nullptr : it->second;
  }
  bool has(StringRef name) const { return get(name); }
  int64_t getInt(StringRef name, int64_t dflt) const {
    const onnx::AttributeProto *a = get(name);
    return a ? a->i() : dflt;
  }
  double getFloat(StringRef name, double dflt) const {
    const onnx::AttributeProto *a = get(name);
    return a ? a->f() : dflt;
  }
  std::string getString(StringRef name, StringRef dflt) const {
    const onnx::AttributeProto *a = get(name);
    return a ? a->s() : dflt.str();
  }
  std::optional<SmallVector<int64_t>> getInts(StringRef name) const {
    const onnx::AttributeProto *a = get(name);
    if (!a)
      return std::nullopt;
    return SmallVector<int64_t>(a->ints().begin(), a->ints().end());
  }
  SmallVector<std::string> getStrings(StringRef name) const {
    SmallVector<std::string> out;
    if (const onnx::AttributeProto *a = get(name))
      for (const std::string &s : a->strings())
        out.push_back(s);
    return out;
  }
  /// Names of all attributes not in `known`.
  SmallVector<std::string> unknown(ArrayRef<StringRef> known) const {
    SmallVector<std::string> out;
    for (auto &entry : byName)
      if (!llvm::is_contained(known, entry.first()))
        out.push_back(entry.first().str());
    llvm::sort(out);
    return out;
  }

private:
  llvm::StringMap<const onnx::AttributeProto *> byName;
};

using BodyFn = function_ref<Value(OpBuilder &, Location, ValueRange)>;
using FoldFn = function_ref<double(ArrayRef<double>)>;

class Importer {
public:
  Importer(MLIRContext *context, StringRef path,
           const ONNXImportOptions &options)
      : context(context), builder(context), path(path.str()),
        options(options) {}

  llvm::Expected<OwningOpRef<ModuleOp>> run(const onnx::ModelProto &model);

private:
  // Errors.
  ImportError error(const Twine &message) {
    return {path + ": " + message.str()};
  }
  ImportError nodeError(const Twine &message) {
    return {path + ": " + nodeLabel + ": " + message.str()};
  }

  // Types and values.
  FailureOr<Type> convertElementType(int type, StringRef what);
  FailureOr<RankedTensorType> convertValueInfo(const onnx::ValueInfoProto &info);
  Value input(unsigned i) {
    return i < inputs.size() ? inputs[i] : Value();
  }
  Value requireInput(unsigned i, StringRef what);
  static RankedTensorType typeOf(Value v) {
    return cast<RankedTensorType>(v.getType());
  }
  static ArrayRef<int64_t> shapeOf(Value v) { return typeOf(v).getShape(); }
  static Type eltOf(Value v) { return typeOf(v).getElementType(); }
  static int64_t rankOf(Value v) { return typeOf(v).getRank(); }
  static bool isFloat(Value v) { return isa<FloatType>(eltOf(v)); }

  // Constants.
  Value constant(DenseElementsAttr attr) {
    return arith::ConstantOp::create(builder, loc, attr);
  }
  Value constantOf(const Literal &lit);
  Value scalarConst(Type type, double value);
  static DenseElementsAttr constAttr(Value v) {
    DenseElementsAttr attr;
    if (v && matchPattern(v, m_Constant(&attr)))
      return attr;
    return nullptr;
  }
  std::optional<Literal> literal(Value v);
  SmallVector<int64_t> constInts(Value v);
  Value fromTensorProto(const onnx::TensorProto &tensor, StringRef name);

  // Building blocks.
  Value empty(ArrayRef<int64_t> shape, Type elt) {
    return tensor::EmptyOp::create(builder, loc, shape, elt);
  }
  Value filled(ArrayRef<int64_t> shape, Type elt, double value);
  FailureOr<SmallVector<int64_t>> broadcastShapes(ArrayRef<Value> values);
  FailureOr<Value> elementwise(ArrayRef<Value> operands, Type resultElt,
                               BodyFn body, FoldFn fold = nullptr);
  Value broadcastTo(Value v, ArrayRef<int64_t> shape);
  Value transpose(Value v, ArrayRef<int64_t> perm);
  Value reshape(Value v, ArrayRef<int64_t> shape);
  Value slice(Value v, ArrayRef<int64_t> offsets, ArrayRef<int64_t> sizes,
              ArrayRef<int64_t> strides = {});
  Value concat(ArrayRef<Value> parts, int64_t axis);
  Value permuteBlocks(Value v, int64_t axis, int64_t block,
                      ArrayRef<int64_t> order);
  Value matmul(Value a, Value b);
  Value castTo(Value v, Type to);
  FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank,
                                   StringRef what = "axis");

  // Nodes.
  FailureOr<SmallVector<Value>> importNode(const onnx::NodeProto &node,
                                           const NodeAttributes &attrs);
  FailureOr<SmallVector<Value>> importRecurrent(const NodeAttributes &attrs);
  FailureOr<SmallVector<Value>> importAttention(const NodeAttributes &attrs);
  FailureOr<Value> importGemm(const NodeAttributes &attrs);
  FailureOr<Value> importReduce(StringRef op, const NodeAttributes &attrs);
  FailureOr<Value> importGather(const NodeAttributes &attrs);
  FailureOr<Value> importSlice(const NodeAttributes &attrs);
  FailureOr<SmallVector<Value>> importSplit(const NodeAttributes &attrs,
                                            unsigned numResults);
  FailureOr<SmallVector<Value>> importLayerNorm(const NodeAttributes &attrs,
                                                unsigned numResults);
  FailureOr<Value> importSoftmax(const NodeAttributes &attrs);
  FailureOr<Value> importCast(const NodeAttributes &attrs);
  FailureOr<Value> importConstant(const NodeAttributes &attrs);
  FailureOr<Value> importReshape(const NodeAttributes &attrs);

  LogicalResult fail(const Twine &message) {
    pending = nodeError(message);
    return failure();
  }
  LogicalResult unsupported(const Twine &what) {
    return fail("unsupported: " + what);
  }

  MLIRContext *context;
  OpBuilder builder;
  std::string path;
  ONNXImportOptions options;
  Location loc = UnknownLoc::get(context);
  int64_t opset = 0;
  llvm::StringMap<Value> values;
  // The node being imported.
  std::string nodeLabel, opType;
  SmallVector<Value> inputs;
  SmallVector<std::string> inputNames;
  std::optional<ImportError> pending;
};

} // namespace

//===----------------------------------------------------------------------===//
// Types, constants and literals
//===----------------------------------------------------------------------===//

FailureOr<Type> Importer::convertElementType(int type, StringRef what) {
  switch (type) {
  case onnx::TensorProto::FLOAT:
    return Type(builder.getF32Type());
  case onnx::TensorProto::DOUBLE:
    return Type(builder.getF64Type());
  case onnx::TensorProto::INT32:
    return Type(builder.getI32Type());
  case onnx::TensorProto::INT64:
    return Type(builder.getI64Type());
  case onnx::TensorProto::BOOL:
    return Type(builder.getI1Type());
  default:
    break;
  }
  StringRef name = onnx::TensorProto_DataType_IsValid(type)
                       ? StringRef(onnx::TensorProto_DataType_Name(
                             static_cast<onnx::TensorProto_DataType>(type)))
                       : StringRef("invalid");
  pending = error("unsupported: element type " + name + " of " + what +
                  " (supported: FLOAT, DOUBLE, INT32, INT64, BOOL)");
  return failure();
}

FailureOr<RankedTensorType>
Importer::convertValueInfo(const onnx::ValueInfoProto &info) {
  std::string what = "'" + info.name() + "'";
  if (!info.type().has_tensor_type()) {
    pending = error("unsupported: " + what + " is not a tensor");
    return failure();
  }
  const onnx::TypeProto_Tensor &tensor = info.type().tensor_type();
  FailureOr<Type> elt = convertElementType(tensor.elem_type(), what);
  if (failed(elt))
    return failure();
  if (!tensor.has_shape()) {
    pending = error("unsupported: " + what + " has no shape; s2s needs "
                    "static shapes");
    return failure();
  }
  SmallVector<int64_t> shape;
  for (const onnx::TensorShapeProto_Dimension &dim : tensor.shape().dim()) {
    if (!dim.has_dim_value() || dim.dim_value() < 0) {
      std::string name =
          dim.has_dim_param() ? "'" + dim.dim_param() + "'" : "?";
      pending = error("unsupported: dimension " + Twine(shape.size()) +
                      " of " + what + " is dynamic (" + name +
                      "); s2s needs static shapes (fix it when exporting, "
                      "e.g. without dynamic_axes)");
      return failure();
    }
    shape.push_back(dim.dim_value());
  }
  return RankedTensorType::get(shape, *elt);
}

Value Importer::scalarConst(Type type, double value) {
  if (isa<FloatType>(type))
    return arith::ConstantOp::create(builder, loc, type,
                                     builder.getFloatAttr(type, value));
  return arith::ConstantOp::create(
      builder, loc, type,
      builder.getIntegerAttr(type, static_cast<int64_t>(value)));
}

Value Importer::filled(ArrayRef<int64_t> shape, Type elt, double value) {
  return linalg::FillOp::create(builder, loc, scalarConst(elt, value),
                                empty(shape, elt))
      .getResult(0);
}

std::optional<Literal> Importer::literal(Value v) {
  DenseElementsAttr attr = constAttr(v);
  if (!attr || attr.getNumElements() > kMaxFoldElements)
    return std::nullopt;
  Literal lit;
  lit.shape.assign(attr.getType().getShape().begin(),
                   attr.getType().getShape().end());
  lit.elementType = attr.getElementType();
  if (isa<FloatType>(lit.elementType)) {
    for (APFloat f : attr.getValues<APFloat>())
      lit.values.push_back(f.convertToDouble());
  } else if (lit.elementType.isInteger(1)) {
    for (bool b : attr.getValues<bool>())
      lit.values.push_back(b);
  } else {
    for (APInt i : attr.getValues<APInt>())
      lit.values.push_back(static_cast<double>(i.getSExtValue()));
  }
  return lit;
}

Value Importer::constantOf(const Literal &lit) {
  auto type = RankedTensorType::get(lit.shape, lit.elementType);
  Type elt = lit.elementType;
  if (auto ft = dyn_cast<FloatType>(elt)) {
    SmallVector<APFloat> data;
    for (double v : lit.values) {
      APFloat f(v);
      bool lost;
      f.convert(ft.getFloatSemantics(), APFloat::rmNearestTiesToEven, &lost);
      data.push_back(f);
    }
    return constant(DenseElementsAttr::get(type, data));
  }
  if (elt.isInteger(1)) {
    SmallVector<bool> data;
    for (double v : lit.values)
      data.push_back(v != 0);
    return constant(DenseElementsAttr::get(type, data));
  }
  SmallVector<APInt> data;
  unsigned width = elt.getIntOrFloatBitWidth();
  for (double v : lit.values) {
    // Clamp: Slice uses INT64_MAX as "to the end".
    double clamped = std::max(std::min(v, 9.2e18), -9.2e18);
    data.push_back(APInt(width, static_cast<int64_t>(clamped), true));
  }
  return constant(DenseElementsAttr::get(type, data));
}

SmallVector<int64_t> Importer::constInts(Value v) {
  SmallVector<int64_t> out;
  if (DenseElementsAttr attr = constAttr(v))
    for (APInt i : attr.getValues<APInt>())
      out.push_back(i.getSExtValue());
  return out;
}

Value Importer::fromTensorProto(const onnx::TensorProto &tensor,
                                StringRef name) {
  llvm::Expected<NpyArray> array = convertTensorProto(tensor, name);
  if (!array) {
    pending = error(llvm::toString(array.takeError()));
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
// Building blocks
//===----------------------------------------------------------------------===//

Value Importer::requireInput(unsigned i, StringRef what) {
  Value v = input(i);
  if (!v)
    (void)fail("input #" + Twine(i) + " (" + what + ") is missing");
  return v;
}

FailureOr<int64_t> Importer::normalizeAxis(int64_t axis, int64_t rank,
                                           StringRef what) {
  if (axis < -rank || axis >= std::max<int64_t>(rank, 1)) {
    (void)fail(what + " " + Twine(axis) + " is out of range for rank " +
               Twine(rank) + " (expected [" + Twine(-rank) + ", " +
               Twine(rank - 1) + "])");
    return failure();
  }
  return axis < 0 ? axis + rank : axis;
}

FailureOr<SmallVector<int64_t>>
Importer::broadcastShapes(ArrayRef<Value> operands) {
  int64_t rank = 0;
  for (Value v : operands)
    rank = std::max(rank, rankOf(v));
  SmallVector<int64_t> shape(rank, 1);
  for (Value v : operands) {
    ArrayRef<int64_t> s = shapeOf(v);
    int64_t offset = rank - s.size();
    for (auto [i, dim] : llvm::enumerate(s)) {
      int64_t &out = shape[offset + i];
      if (dim == out || dim == 1)
        continue;
      if (out == 1) {
        out = dim;
        continue;
      }
      std::string shapes;
      llvm::raw_string_ostream os(shapes);
      llvm::interleaveComma(operands, os,
                            [&](Value o) { os << shapeString(shapeOf(o)); });
      (void)fail("operand shapes " + shapes +
                 " do not broadcast: dimension " + Twine(offset + i) +
                 " of the result would be both " + Twine(out) + " and " +
                 Twine(dim));
      return failure();
    }
  }
  return shape;
}

FailureOr<Value> Importer::elementwise(ArrayRef<Value> operands,
                                       Type resultElt, BodyFn body,
                                       FoldFn fold) {
  FailureOr<SmallVector<int64_t>> shape = broadcastShapes(operands);
  if (failed(shape))
    return failure();
  int64_t rank = shape->size(), n = product(*shape);

  // Fold small constant operands.
  if (fold && n <= kMaxFoldElements) {
    SmallVector<Literal> lits;
    for (Value v : operands) {
      std::optional<Literal> lit = literal(v);
      if (!lit)
        break;
      lits.push_back(std::move(*lit));
    }
    if (lits.size() == operands.size()) {
      Literal out;
      out.shape = *shape;
      out.elementType = resultElt;
      SmallVector<int64_t> index(rank, 0);
      SmallVector<double> args(lits.size());
      for (int64_t flat = 0; flat < n; ++flat) {
        int64_t rem = flat;
        for (int64_t d = rank - 1; d >= 0; --d) {
          index[d] = rem % (*shape)[d];
          rem /= (*shape)[d];
        }
        for (auto [k, lit] : llvm::enumerate(lits)) {
          int64_t offset = rank - lit.shape.size(), pos = 0;
          for (auto [d, dim] : llvm::enumerate(lit.shape))
            pos = pos * dim + (dim == 1 ? 0 : index[offset + d]);
          args[k] = lit.values[pos];
        }
        out.values.push_back(fold(args));
      }
      return constantOf(out);
    }
  }

  SmallVector<AffineMap> maps;
  for (Value v : operands) {
    ArrayRef<int64_t> s = shapeOf(v);
    int64_t offset = rank - s.size();
    SmallVector<AffineExpr> exprs;
    for (auto [i, dim] : llvm::enumerate(s))
      exprs.push_back(dim == 1 && (*shape)[offset + i] != 1
                          ? builder.getAffineConstantExpr(0)
                          : builder.getAffineDimExpr(offset + i));
    maps.push_back(AffineMap::get(rank, 0, exprs, context));
  }
  maps.push_back(builder.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto op = linalg::GenericOp::create(
      builder, loc, TypeRange{RankedTensorType::get(*shape, resultElt)},
      operands, ValueRange{empty(*shape, resultElt)}, maps, iterators,
      [&](OpBuilder &b, Location l, ValueRange args) {
        linalg::YieldOp::create(b, l,
                                body(b, l, args.take_front(operands.size())));
      });
  return op.getResult(0);
}

Value Importer::broadcastTo(Value v, ArrayRef<int64_t> shape) {
  if (shapeOf(v) == shape)
    return v;
  // A generic reading `v` through a broadcasting map (the caller has
  // checked that `v` broadcasts to `shape`).
  Type elt = eltOf(v);
  ArrayRef<int64_t> s = shapeOf(v);
  int64_t rank = shape.size(), offset = rank - s.size();
  if (std::optional<Literal> lit = literal(v);
      lit && product(shape) <= kMaxFoldElements) {
    Literal out;
    out.shape.assign(shape.begin(), shape.end());
    out.elementType = elt;
    SmallVector<int64_t> index(rank);
    for (int64_t flat = 0, n = product(shape); flat < n; ++flat) {
      int64_t rem = flat, pos = 0;
      for (int64_t d = rank - 1; d >= 0; --d) {
        index[d] = rem % shape[d];
        rem /= shape[d];
      }
      for (auto [d, dim] : llvm::enumerate(s))
        pos = pos * dim + (dim == 1 ? 0 : index[offset + d]);
      out.values.push_back(lit->values[pos]);
    }
    return constantOf(out);
  }
  SmallVector<AffineExpr> exprs;
  for (auto [i, dim] : llvm::enumerate(s))
    exprs.push_back(dim == 1 && shape[offset + i] != 1
                        ? builder.getAffineConstantExpr(0)
                        : builder.getAffineDimExpr(offset + i));
  SmallVector<AffineMap> maps = {AffineMap::get(rank, 0, exprs, context),
                                 builder.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             builder, loc, TypeRange{RankedTensorType::get(shape, elt)},
             ValueRange{v}, ValueRange{empty(shape, elt)}, maps, iterators,
             [](OpBuilder &b, Location l, ValueRange args) {
               linalg::YieldOp::create(b, l, args[0]);
             })
      .getResult(0);
}

Value Importer::transpose(Value v, ArrayRef<int64_t> perm) {
  ArrayRef<int64_t> shape = shapeOf(v);
  SmallVector<int64_t> out;
  for (int64_t p : perm)
    out.push_back(shape[p]);
  if (llvm::equal(perm, llvm::seq<int64_t>(0, perm.size())))
    return v;
  // A transpose of a transpose is one transpose (or none): exports around
  // recurrent layers transpose back and forth.
  if (auto inner = v.getDefiningOp<linalg::TransposeOp>()) {
    ArrayRef<int64_t> first = inner.getPermutation();
    SmallVector<int64_t> composed;
    for (int64_t p : perm)
      composed.push_back(first[p]);
    return transpose(inner.getInput(), composed);
  }
  return linalg::TransposeOp::create(builder, loc, v, empty(out, eltOf(v)),
                                     perm)
      .getResult()[0];
}

/// The reassociation that groups consecutive dimensions of `from` into the
/// dimensions of `to` (which has fewer), if there is one.
static std::optional<SmallVector<ReassociationIndices>>
reassociationFor(ArrayRef<int64_t> from, ArrayRef<int64_t> to) {
  SmallVector<ReassociationIndices> groups;
  size_t i = 0;
  for (int64_t target : to) {
    ReassociationIndices group;
    int64_t acc = 1;
    while (i < from.size() && (group.empty() || acc < target)) {
      acc *= from[i];
      group.push_back(i++);
    }
    if (acc != target || group.empty())
      return std::nullopt;
    groups.push_back(group);
  }
  // Trailing unit dimensions join the last group.
  while (i < from.size() && from[i] == 1 && !groups.empty())
    groups.back().push_back(i++);
  if (i != from.size() || groups.empty())
    return std::nullopt;
  return groups;
}

Value Importer::reshape(Value v, ArrayRef<int64_t> shape) {
  ArrayRef<int64_t> from = shapeOf(v);
  if (from == shape)
    return v;
  Type elt = eltOf(v);
  auto type = RankedTensorType::get(shape, elt);
  if (DenseElementsAttr attr = constAttr(v))
    return constant(attr.reshape(type));
  // Reshapes compose: start from the value before the last one.
  if (auto expand = v.getDefiningOp<tensor::ExpandShapeOp>())
    return reshape(expand.getSrc(), shape);
  if (auto collapse = v.getDefiningOp<tensor::CollapseShapeOp>())
    return reshape(collapse.getSrc(), shape);
  if (from.size() > shape.size() && !shape.empty()) {
    if (auto groups = reassociationFor(from, shape))
      return tensor::CollapseShapeOp::create(builder, loc, type, v, *groups);
  } else if (from.size() < shape.size() && !from.empty()) {
    if (auto groups = reassociationFor(shape, from))
      return tensor::ExpandShapeOp::create(builder, loc, type, v, *groups);
  }
  // Collapse to the finest shape both refine, then expand: [5, 2, 16] ->
  // [5, 32] -> [5, 8, 4].
  int64_t total = product(from);
  if (total > 1 && !from.empty() && !shape.empty()) {
    SmallVector<int64_t> breaks;
    int64_t pf = 1;
    for (int64_t d : from) {
      pf *= d;
      int64_t pt = 1;
      for (int64_t e : shape) {
        pt *= e;
        if (pt == pf && (breaks.empty() || breaks.back() != pf))
          breaks.push_back(pf);
      }
    }
    SmallVector<int64_t> middle;
    int64_t prev = 1;
    for (int64_t b : breaks) {
      middle.push_back(b / prev);
      prev = b;
    }
    auto down = reassociationFor(from, middle);
    auto up = reassociationFor(shape, middle);
    if (down && up && middle.size() < from.size() &&
        middle.size() < shape.size()) {
      Value mid = tensor::CollapseShapeOp::create(
          builder, loc, RankedTensorType::get(middle, elt), v, *down);
      return tensor::ExpandShapeOp::create(builder, loc, type, mid, *up);
    }
  }
  // General case: through one dimension.
  auto flatType = RankedTensorType::get({product(from)}, elt);
  Value flat = v;
  if (from.empty())
    flat = tensor::ExpandShapeOp::create(builder, loc, flatType, v,
                                         ArrayRef<ReassociationIndices>{});
  else if (from.size() != 1)
    flat = tensor::CollapseShapeOp::create(
        builder, loc, flatType, v,
        ArrayRef<ReassociationIndices>{
            llvm::to_vector(llvm::seq<int64_t>(0, from.size()))});
  if (shape.empty())
    return tensor::CollapseShapeOp::create(builder, loc, type, flat,
                                           ArrayRef<ReassociationIndices>{});
  if (shape.size() == 1)
    return flat;
  return tensor::ExpandShapeOp::create(
      builder, loc, type, flat,
      ArrayRef<ReassociationIndices>{
          llvm::to_vector(llvm::seq<int64_t>(0, shape.size()))});
}

Value Importer::slice(Value v, ArrayRef<int64_t> offsets,
                      ArrayRef<int64_t> sizes, ArrayRef<int64_t> strides) {
  SmallVector<int64_t> unit(sizes.size(), 1);
  if (strides.empty())
    strides = unit;
  if (offsets == ArrayRef<int64_t>(SmallVector<int64_t>(sizes.size(), 0)) &&
      sizes == shapeOf(v) && strides == ArrayRef<int64_t>(unit))
    return v;
  if (std::optional<Literal> lit = literal(v)) {
    Literal out;
    out.shape.assign(sizes.begin(), sizes.end());
    out.elementType = lit->elementType;
    int64_t rank = sizes.size(), n = product(sizes);
    SmallVector<int64_t> index(rank);
    for (int64_t flat = 0; flat < n; ++flat) {
      int64_t rem = flat, pos = 0;
      for (int64_t d = rank - 1; d >= 0; --d) {
        index[d] = rem % sizes[d];
        rem /= sizes[d];
      }
      for (int64_t d = 0; d < rank; ++d)
        pos = pos * lit->shape[d] + offsets[d] + index[d] * strides[d];
      out.values.push_back(lit->values[pos]);
    }
    return constantOf(out);
  }
  auto type = RankedTensorType::get(sizes, eltOf(v));
  return tensor::ExtractSliceOp::create(
      builder, loc, type, v, getAsIndexOpFoldResult(context, offsets),
      getAsIndexOpFoldResult(context, sizes),
      getAsIndexOpFoldResult(context, strides));
}

Value Importer::concat(ArrayRef<Value> parts, int64_t axis) {
  if (parts.size() == 1)
    return parts[0];
  SmallVector<int64_t> shape(shapeOf(parts[0]));
  shape[axis] = 0;
  for (Value p : parts)
    shape[axis] += shapeOf(p)[axis];
  Type elt = eltOf(parts[0]);
  // Fold constants.
  SmallVector<Literal> lits;
  for (Value p : parts)
    if (std::optional<Literal> lit = literal(p))
      lits.push_back(std::move(*lit));
  if (lits.size() == parts.size() && product(shape) <= kMaxFoldElements) {
    Literal out;
    out.shape = shape;
    out.elementType = elt;
    int64_t outer = product(ArrayRef<int64_t>(shape).take_front(axis));
    for (int64_t o = 0; o < outer; ++o)
      for (Literal &lit : lits) {
        int64_t chunk = product(ArrayRef<int64_t>(lit.shape).drop_front(axis));
        out.values.insert(out.values.end(), lit.values.begin() + o * chunk,
                          lit.values.begin() + (o + 1) * chunk);
      }
    return constantOf(out);
  }
  Value result = empty(shape, elt);
  int64_t offset = 0;
  for (Value p : parts) {
    ArrayRef<int64_t> s = shapeOf(p);
    SmallVector<int64_t> offsets(shape.size(), 0), strides(shape.size(), 1);
    offsets[axis] = offset;
    result = tensor::InsertSliceOp::create(
        builder, loc, p, result, getAsIndexOpFoldResult(context, offsets),
        getAsIndexOpFoldResult(context, s),
        getAsIndexOpFoldResult(context, strides));
    offset += s[axis];
  }
  return result;
}

/// Reorders the `order.size()` blocks of `block` rows along `axis`: block k
/// of the result is block order[k] of `v`. Constants are reordered here.
Value Importer::permuteBlocks(Value v, int64_t axis, int64_t block,
                              ArrayRef<int64_t> order) {
  if (DenseElementsAttr attr = constAttr(v)) {
    if (attr.isSplat())
      return v;
    ArrayRef<int64_t> shape = attr.getType().getShape();
    ArrayRef<char> raw = attr.getRawData();
    int64_t eltBytes = raw.size() / attr.getNumElements();
    if (eltBytes > 0 && !attr.getElementType().isInteger(1)) {
      int64_t outer = product(shape.take_front(axis));
      int64_t inner = product(shape.drop_front(axis + 1)) * eltBytes;
      int64_t rows = shape[axis];
      std::vector<char> out(raw.size());
      for (int64_t o = 0; o < outer; ++o)
        for (auto [k, src] : llvm::enumerate(order))
          std::memcpy(out.data() + (o * rows + k * block) * inner,
                      raw.data() + (o * rows + src * block) * inner,
                      block * inner);
      return constant(DenseElementsAttr::getFromRawBuffer(attr.getType(), out));
    }
  }
  ArrayRef<int64_t> shape = shapeOf(v);
  SmallVector<Value> parts;
  for (int64_t src : order) {
    SmallVector<int64_t> offsets(shape.size(), 0), sizes(shape);
    offsets[axis] = src * block;
    sizes[axis] = block;
    parts.push_back(slice(v, offsets, sizes));
  }
  return concat(parts, axis);
}

Value Importer::matmul(Value a, Value b) {
  ArrayRef<int64_t> as = shapeOf(a), bs = shapeOf(b);
  Type elt = eltOf(a);
  int64_t ra = as.size(), rb = bs.size();
  auto contract = [&](Value x, Value y, bool batched) -> Value {
    ArrayRef<int64_t> xs = shapeOf(x), ys = shapeOf(y);
    SmallVector<int64_t> out;
    if (batched)
      out = {xs[0], xs[1], ys[2]};
    else
      out = {xs[0], ys[1]};
    Value init = filled(out, elt, 0.0);
    auto type = RankedTensorType::get(out, elt);
    if (batched)
      return linalg::BatchMatmulOp::create(builder, loc, TypeRange{type},
                                           ValueRange{x, y}, ValueRange{init})
          .getResult(0);
    return linalg::MatmulOp::create(builder, loc, TypeRange{type},
                                    ValueRange{x, y}, ValueRange{init})
        .getResult(0);
  };
  if (ra == 2 && rb == 2)
    return contract(a, b, false);
  if (rb == 2) {
    // [..., M, K] x [K, N]: flatten the leading dimensions.
    int64_t k = as.back();
    Value flat = reshape(a, {product(as) / k, k});
    Value prod = contract(flat, b, false);
    SmallVector<int64_t> out(as);
    out.back() = bs[1];
    return reshape(prod, out);
  }
  // Batched: broadcast the batch dimensions, then one batch dimension.
  SmallVector<int64_t> batchA(as.drop_back(2)), batchB(bs.drop_back(2));
  int64_t batchRank = std::max(batchA.size(), batchB.size());
  SmallVector<int64_t> batch(batchRank, 1);
  for (int i = 0; i < 2; ++i) {
    ArrayRef<int64_t> src = i ? batchB : batchA;
    for (auto [j, d] : llvm::enumerate(src)) {
      int64_t &o = batch[batchRank - src.size() + j];
      o = o == 1 ? d : o;
    }
  }
  auto expandBatch = [&](Value v, ArrayRef<int64_t> s) -> Value {
    SmallVector<int64_t> want(batch);
    want.append({s[s.size() - 2], s.back()});
    if (ArrayRef<int64_t>(want) == s)
      return v;
    // linalg.broadcast adds dimensions; first drop the unit ones that grow.
    SmallVector<int64_t> kept, keptShape, added;
    int64_t offset = want.size() - s.size();
    for (int64_t d = 0; d < static_cast<int64_t>(want.size()); ++d) {
      int64_t srcDim = d - offset;
      if (srcDim >= 0 && (s[srcDim] == want[d])) {
        kept.push_back(srcDim);
        keptShape.push_back(s[srcDim]);
      } else {
        added.push_back(d);
      }
    }
    Value src = reshape(v, keptShape);
    return linalg::BroadcastOp::create(builder, loc, src,
                                       empty(want, eltOf(v)), added)
        .getResult()[0];
  };
  if (ra == 1 || rb == 1)
    return nullptr; // handled by the caller
  Value x = expandBatch(a, as), y = expandBatch(b, bs);
  int64_t nb = product(batch);
  int64_t m = as[ra - 2], k = as[ra - 1], n = bs[rb - 1];
  Value x3 = reshape(x, {nb, m, k}), y3 = reshape(y, {nb, k, n});
  Value prod = contract(x3, y3, true);
  SmallVector<int64_t> out(batch);
  out.append({m, n});
  return reshape(prod, out);
}

Value Importer::castTo(Value v, Type to) {
  Type from = eltOf(v);
  if (from == to)
    return v;
  FailureOr<Value> r = elementwise(
      {v}, to,
      [&](OpBuilder &b, Location l, ValueRange a) -> Value {
        Value x = a[0];
        auto fromF = dyn_cast<FloatType>(from), toF = dyn_cast<FloatType>(to);
        if (fromF && toF)
          return fromF.getWidth() < toF.getWidth()
                     ? arith::ExtFOp::create(b, l, to, x).getResult()
                     : arith::TruncFOp::create(b, l, to, x).getResult();
        if (to.isInteger(1)) {
          if (fromF) {
            Value zero = arith::ConstantOp::create(b, l, from,
                                                   b.getFloatAttr(from, 0));
            return arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNE, x,
                                         zero);
          }
          Value zero = arith::ConstantOp::create(b, l, from,
                                                 b.getIntegerAttr(from, 0));
          return arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, x,
                                       zero);
        }
        if (fromF)
          return arith::FPToSIOp::create(b, l, to, x);
        if (toF)
          return from.isInteger(1)
                     ? arith::UIToFPOp::create(b, l, to, x).getResult()
                     : arith::SIToFPOp::create(b, l, to, x).getResult();
        unsigned fw = from.getIntOrFloatBitWidth(),
                 tw = to.getIntOrFloatBitWidth();
        if (fw < tw)
          return from.isInteger(1)
                     ? arith::ExtUIOp::create(b, l, to, x).getResult()
                     : arith::ExtSIOp::create(b, l, to, x).getResult();
        return arith::TruncIOp::create(b, l, to, x);
      },
      [&](ArrayRef<double> a) {
        double x = a[0];
        if (to.isInteger(1))
          return x != 0 ? 1.0 : 0.0;
        if (!isa<FloatType>(to))
          return std::trunc(x);
        return x;
      });
  return *r;
}

//===----------------------------------------------------------------------===//
// Recurrent layers
//===----------------------------------------------------------------------===//

FailureOr<SmallVector<Value>>
Importer::importRecurrent(const NodeAttributes &attrs) {
  bool isLSTM = opType == "LSTM", isGRU = opType == "GRU";
  int64_t gates = isLSTM ? 4 : isGRU ? 3 : 1;
  SmallVector<StringRef> known = {"activation_alpha", "activation_beta",
                                  "activations",      "clip",
                                  "direction",        "hidden_size",
                                  "layout"};
  if (isLSTM)
    known.push_back("input_forget");
  if (isGRU)
    known.push_back("linear_before_reset");
  SmallVector<std::string> extra = attrs.unknown(known);
  if (!extra.empty()) {
    (void)fail("unknown attribute '" + extra.front() + "'");
    return failure();
  }

  Value x = requireInput(0, "X"), w = requireInput(1, "W"),
        r = requireInput(2, "R");
  if (!x || !w || !r)
    return failure();
  Value bias = input(3), seqLens = input(4), h0 = input(5);
  Value c0 = isLSTM ? input(6) : Value();
  Value peep = isLSTM ? input(7) : Value();

  // Attributes.
  std::string direction = attrs.getString("direction", "forward");
  Direction dir;
  if (direction == "forward")
    dir = Direction::forward;
  else if (direction == "reverse")
    dir = Direction::reverse;
  else if (direction == "bidirectional")
    dir = Direction::bidirectional;
  else {
    (void)fail("attribute direction='" + direction +
               "' is not one of forward, reverse, bidirectional");
    return failure();
  }
  int64_t numDirs = dir == Direction::bidirectional ? 2 : 1;
  int64_t layout = attrs.getInt("layout", 0);
  if (layout != 0 && layout != 1) {
    (void)fail("attribute layout=" + Twine(layout) + " is not 0 or 1");
    return failure();
  }
  if (attrs.has("activation_alpha") || attrs.has("activation_beta")) {
    (void)unsupported("attribute activation_alpha/activation_beta on " +
                      nodeLabel + " (s2s's activations take no parameters)");
    return failure();
  }
  if (isLSTM && attrs.getInt("input_forget", 0) != 0) {
    (void)unsupported("input_forget=" + Twine(attrs.getInt("input_forget", 0)) +
                      " on " + nodeLabel);
    return failure();
  }
  std::optional<double> clip;
  if (attrs.has("clip"))
    clip = attrs.getFloat("clip", 0);
  if (clip && *clip <= 0) {
    (void)fail("attribute clip=" + formatNumber(*clip) + " must be positive");
    return failure();
  }

  // Activations: s2s has the defaults, and tanh or relu for the Elman RNN.
  SmallVector<std::string> acts = attrs.getStrings("activations");
  Activation rnnActivation = Activation::tanh;
  {
    SmallVector<std::string> defaults;
    if (isLSTM)
      defaults = {"Sigmoid", "Tanh", "Tanh"};
    else if (isGRU)
      defaults = {"Sigmoid", "Tanh"};
    else
      defaults = {"Tanh"};
    size_t per = defaults.size();
    if (!acts.empty() && acts.size() != per * numDirs) {
      (void)fail("attribute activations has " + Twine(acts.size()) +
                 " entries, expected " + Twine(per * numDirs) + " (" +
                 Twine(per) + " per direction)");
      return failure();
    }
    if (!isLSTM && !isGRU && !acts.empty()) {
      std::string first = StringRef(acts[0]).lower();
      for (const std::string &a : acts)
        if (StringRef(a).lower() != first) {
          (void)unsupported("activations=" + llvm::join(acts, ",") + " on " +
                            nodeLabel + " (directions must share one)");
          return failure();
        }
      if (first == "relu")
        rnnActivation = Activation::relu;
      else if (first != "tanh") {
        (void)unsupported("activations=" + acts[0] + " on " + nodeLabel +
                          " (s2s.rnn supports Tanh and Relu)");
        return failure();
      }
    } else {
      for (size_t i = 0; i < acts.size(); ++i)
        if (StringRef(acts[i]).lower() != StringRef(defaults[i % per]).lower()) {
          (void)unsupported("activations=" + llvm::join(acts, ",") + " on " +
                            nodeLabel + " (s2s." + StringRef(opType).lower() +
                            " supports only " + llvm::join(defaults, ",") +
                            ")");
          return failure();
        }
    }
  }

  // Shapes.
  if (rankOf(x) != 3) {
    (void)fail("input X must have rank 3, but has shape " +
               shapeString(shapeOf(x)));
    return failure();
  }
  ArrayRef<int64_t> xs = shapeOf(x);
  int64_t seq = layout ? xs[1] : xs[0], batch = layout ? xs[0] : xs[1],
          inSize = xs[2];
  int64_t hidden = attrs.getInt("hidden_size", 0);
  if (!attrs.has("hidden_size") && rankOf(r) == 3)
    hidden = shapeOf(r)[2];
  if (hidden <= 0) {
    (void)fail("attribute hidden_size must be positive");
    return failure();
  }
  int64_t g = gates * hidden;
  auto expect = [&](Value v, StringRef name, ArrayRef<int64_t> want,
                    StringRef rule) -> LogicalResult {
    if (!v || shapeOf(v) == want)
      return success();
    return fail("input " + name + " must have shape " + rule + " = " +
                shapeString(want) + ", but has shape " +
                shapeString(shapeOf(v)));
  };
  std::string gh = gates == 1 ? "H" : Twine(gates).str() + "*H";
  SmallVector<int64_t> stateShape = layout
                                        ? SmallVector<int64_t>{batch, numDirs,
                                                               hidden}
                                        : SmallVector<int64_t>{numDirs, batch,
                                                               hidden};
  std::string stateRule = layout ? "[batch, D, H]" : "[D, batch, H]";
  if (failed(expect(w, "W", {numDirs, g, inSize},
                    "[D, " + gh + ", input_size]")) ||
      failed(expect(r, "R", {numDirs, g, hidden}, "[D, " + gh + ", H]")) ||
      failed(expect(bias, "B", {numDirs, 2 * g}, "[D, 2*" + gh + "]")) ||
      failed(expect(seqLens, "sequence_lens", {batch}, "[batch]")) ||
      failed(expect(h0, "initial_h", stateShape, stateRule)) ||
      failed(expect(c0, "initial_c", stateShape, stateRule)) ||
      failed(expect(peep, "P", {numDirs, 3 * hidden}, "[D, 3*H]")))
    return failure();
  Type elt = eltOf(x);
  Value operands[] = {w, r, bias, h0, c0, peep};
  StringRef names[] = {"W", "R", "B", "initial_h", "initial_c", "P"};
  for (auto [v, name] : llvm::zip(operands, names))
    if (v && eltOf(v) != elt) {
      (void)fail("input " + name + " has element type " +
                 typeString(eltOf(v)) + ", but X has " + typeString(elt));
      return failure();
    }
  if (!isa<FloatType>(elt)) {
    (void)fail("input X must hold floats, but holds " + typeString(elt));
    return failure();
  }
  if (seqLens && !eltOf(seqLens).isInteger(32) &&
      !eltOf(seqLens).isInteger(64)) {
    (void)fail("input sequence_lens must hold int32 or int64");
    return failure();
  }

  // Gate order: ONNX LSTM i,o,f,c -> i,f,c,o; GRU z,r,h -> r,z,h.
  SmallVector<int64_t> order;
  if (isLSTM)
    order = {0, 2, 3, 1};
  else if (isGRU)
    order = {1, 0, 2};
  auto reorder = [&](Value v, int64_t axis) {
    return order.empty() ? v : permuteBlocks(v, axis, hidden, order);
  };
  Value wIh = reorder(w, 1), wHh = reorder(r, 1), bIh, bHh;
  if (bias) {
    bIh = reorder(slice(bias, {0, 0}, {numDirs, g}), 1);
    bHh = reorder(slice(bias, {0, g}, {numDirs, g}), 1);
  }
  // Peepholes: ONNX i,o,f -> s2s i,f,o.
  if (peep) {
    DenseElementsAttr pAttr = constAttr(peep);
    if (!(pAttr && pAttr.isSplat() && pAttr.getSplatValue<APFloat>().isZero()))
      peep = permuteBlocks(peep, 1, hidden, {0, 2, 1});
    else
      peep = nullptr;
  }
  if (layout) {
    if (h0)
      h0 = transpose(h0, {1, 0, 2});
    if (c0)
      c0 = transpose(c0, {1, 0, 2});
  }

  auto yType = RankedTensorType::get(
      layout ? SmallVector<int64_t>{batch, seq, numDirs * hidden}
             : SmallVector<int64_t>{seq, batch, numDirs * hidden},
      elt);
  auto stateType = RankedTensorType::get({numDirs, batch, hidden}, elt);
  IntegerAttr hiddenAttr = builder.getI64IntegerAttr(hidden);
  auto dirAttr = DirectionAttr::get(context, dir);
  UnitAttr batchFirst = layout ? builder.getUnitAttr() : nullptr;
  FloatAttr clipAttr = clip ? builder.getF64FloatAttr(*clip) : nullptr;
  SmallVector<Value> results;
  if (isLSTM) {
    auto op = LSTMOp::create(builder, loc, yType, stateType, stateType, x,
                             wIh, wHh, bIh, bHh, h0, c0, peep, seqLens,
                             hiddenAttr, dirAttr, batchFirst, clipAttr);
    results = {op.getY(), op.getHN(), op.getCN()};
  } else if (isGRU) {
    bool lbr = attrs.getInt("linear_before_reset", 0) != 0;
    auto op = GRUOp::create(builder, loc, yType, stateType, x, wIh, wHh, bIh,
                            bHh, h0, seqLens, hiddenAttr, dirAttr, batchFirst,
                            clipAttr, builder.getBoolAttr(lbr));
    results = {op.getY(), op.getHN()};
  } else {
    auto op = RNNOp::create(builder, loc, yType, stateType, x, wIh, wHh, bIh,
                            bHh, h0, seqLens, hiddenAttr, dirAttr, batchFirst,
                            clipAttr, ActivationAttr::get(context,
                                                          rnnActivation));
    results = {op.getY(), op.getHN()};
  }

  // Back to ONNX's layouts: Y [T, D, B, H] (layout 1: [B, T, D, H]),
  // Y_h / Y_c [D, B, H] (layout 1: [B, D, H]).
  Value y = results[0];
  if (layout) {
    y = reshape(y, {batch, seq, numDirs, hidden});
  } else {
    y = transpose(reshape(y, {seq, batch, numDirs, hidden}), {0, 2, 1, 3});
  }
  results[0] = y;
  if (layout)
    for (size_t i = 1; i < results.size(); ++i)
      results[i] = transpose(results[i], {1, 0, 2});
  return results;
}

//===----------------------------------------------------------------------===//
// Other ops
//===----------------------------------------------------------------------===//

FailureOr<Value> Importer::importGemm(const NodeAttributes &attrs) {
  Value a = requireInput(0, "A"), b = requireInput(1, "B"), c = input(2);
  if (!a || !b)
    return failure();
  if (rankOf(a) != 2 || rankOf(b) != 2) {
    (void)fail("inputs A and B must have rank 2, but have shapes " +
               shapeString(shapeOf(a)) + " and " + shapeString(shapeOf(b)));
    return failure();
  }
  bool transA = attrs.getInt("transA", 0), transB = attrs.getInt("transB", 0);
  double alpha = attrs.getFloat("alpha", 1.0), beta = attrs.getFloat("beta", 1.0);
  int64_t m = shapeOf(a)[transA ? 1 : 0], k = shapeOf(a)[transA ? 0 : 1];
  int64_t kb = shapeOf(b)[transB ? 1 : 0], n = shapeOf(b)[transB ? 0 : 1];
  if (k != kb) {
    (void)fail("the inner dimensions disagree: A" +
               StringRef(transA ? "^T" : "") + " is " +
               shapeString({m, k}) + " and B" + StringRef(transB ? "^T" : "") +
               " is " + shapeString({kb, n}));
    return failure();
  }
  Type elt = eltOf(a);
  // x W^T + b as PyTorch's nn.Linear exports it.
  if (!transA && transB && alpha == 1.0 && beta == 1.0 &&
      (!c || (rankOf(c) == 1 && shapeOf(c)[0] == n))) {
    return Value(LinearOp::create(builder, loc,
                                  RankedTensorType::get({m, n}, elt), a, b, c)
                     .getResult());
  }
  if (transA)
    a = transpose(a, {1, 0});
  if (transB)
    b = transpose(b, {1, 0});
  Value y = matmul(a, b);
  if (alpha != 1.0) {
    Value s = constant(DenseElementsAttr::get(
        RankedTensorType::get({}, elt), builder.getFloatAttr(elt, alpha)));
    y = *elementwise({y, s}, elt, [](OpBuilder &bb, Location l, ValueRange v) {
      return arith::MulFOp::create(bb, l, v[0], v[1]).getResult();
    });
  }
  if (c && beta != 0.0) {
    if (beta != 1.0) {
      Value s = constant(DenseElementsAttr::get(
          RankedTensorType::get({}, elt), builder.getFloatAttr(elt, beta)));
      c = *elementwise({c, s}, elt,
                       [](OpBuilder &bb, Location l, ValueRange v) {
                         return arith::MulFOp::create(bb, l, v[0], v[1])
                             .getResult();
                       },
                       [](ArrayRef<double> v) { return v[0] * v[1]; });
    }
    FailureOr<Value> sum =
        elementwise({y, c}, elt, [](OpBuilder &bb, Location l, ValueRange v) {
          return arith::AddFOp::create(bb, l, v[0], v[1]).getResult();
        });
    if (failed(sum))
      return failure();
    if (shapeOf(*sum) != ArrayRef<int64_t>{m, n}) {
      (void)fail("input C of shape " + shapeString(shapeOf(c)) +
                 " does not broadcast to " + shapeString({m, n}));
      return failure();
    }
    y = *sum;
  }
  return y;
}

FailureOr<Value> Importer::importSoftmax(const NodeAttributes &attrs) {
  Value x = requireInput(0, "input");
  if (!x)
    return failure();
  int64_t rank = rankOf(x);
  int64_t dflt = opset >= 13 ? -1 : 1;
  FailureOr<int64_t> axis =
      normalizeAxis(attrs.getInt("axis", dflt), rank);
  if (failed(axis))
    return failure();
  auto softmax = [&](Value v, int64_t dim) {
    return linalg::SoftmaxOp::create(builder, loc, TypeRange{v.getType()}, v,
                                     empty(shapeOf(v), eltOf(v)), dim)
        .getResult()[0];
  };
  if (opset >= 13 || *axis == rank - 1)
    return softmax(x, *axis);
  // Before opset 13: over the flattened trailing dims from axis.
  ArrayRef<int64_t> s = shapeOf(x);
  Value flat = reshape(x, {product(s.take_front(*axis)),
                           product(s.drop_front(*axis))});
  return reshape(softmax(flat, 1), s);
}

FailureOr<SmallVector<Value>>
Importer::importLayerNorm(const NodeAttributes &attrs, unsigned numResults) {
  Value x = requireInput(0, "X"), scale = requireInput(1, "Scale"),
        bias = input(2);
  if (!x || !scale)
    return failure();
  int64_t rank = rankOf(x);
  FailureOr<int64_t> axis = normalizeAxis(attrs.getInt("axis", -1), rank);
  if (failed(axis))
    return failure();
  if (attrs.getInt("stash_type", 1) != 1) {
    (void)unsupported("stash_type=" + Twine(attrs.getInt("stash_type", 1)) +
                      " on " + nodeLabel);
    return failure();
  }
  SmallVector<int64_t> normalized(shapeOf(x).drop_front(*axis));
  // Scale and B broadcast to the normalized shape.
  auto fit = [&](Value v, StringRef name) -> FailureOr<Value> {
    if (!v)
      return Value();
    Value target = empty(normalized, eltOf(v));
    bool fits = rankOf(v) <= static_cast<int64_t>(normalized.size());
    if (fits) {
      FailureOr<SmallVector<int64_t>> both = broadcastShapes({v, target});
      fits = succeeded(both) &&
             ArrayRef<int64_t>(*both) == ArrayRef<int64_t>(normalized);
    }
    if (!fits) {
      pending = nodeError("input " + name + " of shape " +
                          shapeString(shapeOf(v)) +
                          " does not broadcast to the normalized shape " +
                          shapeString(normalized));
      return failure();
    }
    return broadcastTo(v, normalized);
  };
  FailureOr<Value> w = fit(scale, "Scale"), b = fit(bias, "B");
  if (failed(w) || failed(b))
    return failure();
  double eps = attrs.getFloat("epsilon", 1e-5);
  SmallVector<Value> results = {
      LayerNormOp::create(builder, loc, typeOf(x), x, *w, *b,
                          builder.getDenseI64ArrayAttr(normalized),
                          builder.getF64FloatAttr(eps))
          .getResult()};
  if (numResults < 2)
    return results;
  // Mean and InvStdDev: [d0, ..., d(axis-1), 1, ..., 1].
  Type elt = eltOf(x);
  SmallVector<int64_t> statShape(shapeOf(x));
  for (int64_t d = *axis; d < rank; ++d)
    statShape[d] = 1;
  int64_t count = product(normalized);
  SmallVector<int64_t> outer(shapeOf(x).take_front(*axis));
  auto reduceMean = [&](Value v) -> Value {
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < *axis; ++d)
      exprs.push_back(builder.getAffineDimExpr(d));
    SmallVector<utils::IteratorType> iterators;
    for (int64_t d = 0; d < rank; ++d)
      iterators.push_back(d < *axis ? utils::IteratorType::parallel
                                    : utils::IteratorType::reduction);
    Value acc = filled(outer, elt, 0.0);
    auto sum = linalg::GenericOp::create(
        builder, loc, TypeRange{acc.getType()}, ValueRange{v}, ValueRange{acc},
        ArrayRef<AffineMap>{builder.getMultiDimIdentityMap(rank),
                            AffineMap::get(rank, 0, exprs, context)},
        iterators, [](OpBuilder &b, Location l, ValueRange a) {
          linalg::YieldOp::create(
              b, l, arith::AddFOp::create(b, l, a[0], a[1]).getResult());
        });
    Value n = scalarConst(elt, static_cast<double>(count));
    Value mean = *elementwise(
        {sum.getResult(0)}, elt, [&](OpBuilder &b, Location l, ValueRange a) {
          return arith::DivFOp::create(b, l, a[0], n).getResult();
        });
    return reshape(mean, statShape);
  };
  Value mean = reduceMean(x);
  Value centered = *elementwise({x, mean}, elt,
                                [](OpBuilder &b, Location l, ValueRange a) {
                                  return arith::SubFOp::create(b, l, a[0], a[1])
                                      .getResult();
                                });
  Value square = *elementwise({centered}, elt,
                              [](OpBuilder &b, Location l, ValueRange a) {
                                return arith::MulFOp::create(b, l, a[0], a[0])
                                    .getResult();
                              });
  Value var = reduceMean(square);
  Value epsV = scalarConst(elt, eps);
  Value invStd = *elementwise(
      {var}, elt, [&](OpBuilder &b, Location l, ValueRange a) {
        return math::RsqrtOp::create(b, l,
                                     arith::AddFOp::create(b, l, a[0], epsV))
            .getResult();
      });
  results.append({mean, invStd});
  return results;
}

FailureOr<Value> Importer::importReshape(const NodeAttributes &attrs) {
  Value x = requireInput(0, "data"), shapeIn = requireInput(1, "shape");
  if (!x || !shapeIn)
    return failure();
  if (!constAttr(shapeIn)) {
    (void)unsupported("a shape input '" + inputNames[1] +
                      "' that is not a constant (s2s needs static shapes)");
    return failure();
  }
  SmallVector<int64_t> want = constInts(shapeIn);
  bool allowZero = attrs.getInt("allowzero", 0);
  ArrayRef<int64_t> s = shapeOf(x);
  int64_t known = 1, infer = -1;
  for (auto [i, d] : llvm::enumerate(want)) {
    if (d == 0 && !allowZero) {
      if (i >= s.size()) {
        (void)fail("shape " + shapeString(want) + " copies dimension " +
                   Twine(i) + " of an input of shape " + shapeString(s));
        return failure();
      }
      d = s[i];
    }
    if (d == -1) {
      if (infer >= 0) {
        (void)fail("shape " + shapeString(want) + " has two -1 entries");
        return failure();
      }
      infer = i;
      continue;
    }
    known *= d;
  }
  int64_t total = product(s);
  if (infer >= 0) {
    if (known == 0 || total % known) {
      (void)fail("cannot reshape " + shapeString(s) + " to " +
                 shapeString(want));
      return failure();
    }
    want[infer] = total / known;
  }
  if (product(want) != total) {
    (void)fail("cannot reshape " + shapeString(s) + " (" + Twine(total) +
               " elements) to " + shapeString(want) + " (" +
               Twine(product(want)) + " elements)");
    return failure();
  }
  return reshape(x, want);
}

FailureOr<Value> Importer::importGather(const NodeAttributes &attrs) {
  Value data = requireInput(0, "data"), indices = requireInput(1, "indices");
  if (!data || !indices)
    return failure();
  FailureOr<int64_t> axis = normalizeAxis(attrs.getInt("axis", 0), rankOf(data));
  if (failed(axis))
    return failure();
  ArrayRef<int64_t> ds = shapeOf(data), is = shapeOf(indices);
  SmallVector<int64_t> out(ds.take_front(*axis));
  out.append(is.begin(), is.end());
  out.append(ds.begin() + *axis + 1, ds.end());
  Type elt = eltOf(data);
  // Fold constants.
  std::optional<Literal> dl = literal(data), il = literal(indices);
  if (dl && il && product(out) <= kMaxFoldElements) {
    Literal lit;
    lit.shape = out;
    lit.elementType = elt;
    int64_t outer = product(ds.take_front(*axis)), n = ds[*axis];
    int64_t inner = product(ds.drop_front(*axis + 1));
    for (int64_t o = 0; o < outer; ++o)
      for (double idx : il->values) {
        int64_t i = static_cast<int64_t>(idx);
        if (i < -n || i >= n) {
          (void)fail("index " + Twine(i) + " is out of range for dimension " +
                     Twine(*axis) + " of size " + Twine(n));
          return failure();
        }
        if (i < 0)
          i += n;
        for (int64_t j = 0; j < inner; ++j)
          lit.values.push_back(dl->values[(o * n + i) * inner + j]);
      }
    return constantOf(lit);
  }
  // An embedding lookup: rows of a 2-D table.
  if (*axis == 0 && ds.size() == 2 && isa<FloatType>(elt))
    return Value(EmbeddingOp::create(builder, loc,
                                      RankedTensorType::get(out, elt), indices,
                                      data)
                     .getResult());
  // General gather: a generic that extracts from `data`.
  int64_t rank = out.size(), ir = is.size();
  SmallVector<AffineExpr> idxExprs;
  for (int64_t d = 0; d < ir; ++d)
    idxExprs.push_back(builder.getAffineDimExpr(*axis + d));
  SmallVector<AffineMap> maps = {
      AffineMap::get(rank, 0, idxExprs, context),
      builder.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  int64_t n = ds[*axis];
  auto op = linalg::GenericOp::create(
      builder, loc, TypeRange{RankedTensorType::get(out, elt)},
      ValueRange{indices}, ValueRange{empty(out, elt)}, maps, iterators,
      [&](OpBuilder &b, Location l, ValueRange args) {
        Value idx = arith::IndexCastOp::create(b, l, b.getIndexType(), args[0]);
        Value size = arith::ConstantIndexOp::create(b, l, n);
        Value zero = arith::ConstantIndexOp::create(b, l, 0);
        Value neg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, idx,
                                          zero);
        Value wrapped = arith::AddIOp::create(b, l, idx, size);
        idx = arith::SelectOp::create(b, l, neg, wrapped, idx);
        // Clamp rather than read out of bounds.
        Value maxIdx = arith::ConstantIndexOp::create(b, l, n - 1);
        idx = arith::MinSIOp::create(b, l, arith::MaxSIOp::create(b, l, idx, zero),
                                     maxIdx);
        SmallVector<Value> coords;
        for (int64_t d = 0; d < *axis; ++d)
          coords.push_back(linalg::IndexOp::create(b, l, d));
        coords.push_back(idx);
        for (int64_t d = *axis + 1; d < static_cast<int64_t>(ds.size()); ++d)
          coords.push_back(linalg::IndexOp::create(b, l, d - 1 + ir));
        Value v = tensor::ExtractOp::create(b, l, data, coords);
        linalg::YieldOp::create(b, l, v);
      });
  return op.getResult(0);
}

FailureOr<Value> Importer::importSlice(const NodeAttributes &attrs) {
  Value x = requireInput(0, "data");
  if (!x)
    return failure();
  SmallVector<int64_t> starts, ends, axes, steps;
  if (opset < 10) {
    starts = attrs.getInts("starts").value_or(SmallVector<int64_t>{});
    ends = attrs.getInts("ends").value_or(SmallVector<int64_t>{});
    axes = attrs.getInts("axes").value_or(SmallVector<int64_t>{});
  } else {
    for (unsigned i = 1; i < 5; ++i) {
      Value v = input(i);
      if (v && !constAttr(v)) {
        (void)unsupported("input '" + inputNames[i] +
                          "' that is not a constant (s2s needs static shapes)");
        return failure();
      }
    }
    if (!input(1) || !input(2)) {
      (void)fail("inputs starts and ends are required");
      return failure();
    }
    starts = constInts(input(1));
    ends = constInts(input(2));
    if (input(3))
      axes = constInts(input(3));
    if (input(4))
      steps = constInts(input(4));
  }
  int64_t rank = rankOf(x);
  if (axes.empty())
    axes = llvm::to_vector(llvm::seq<int64_t>(0, starts.size()));
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (starts.size() != ends.size() || axes.size() != starts.size() ||
      steps.size() != starts.size()) {
    (void)fail("starts, ends, axes and steps must have the same length");
    return failure();
  }
  ArrayRef<int64_t> s = shapeOf(x);
  SmallVector<int64_t> offsets(rank, 0), sizes(s), strides(rank, 1);
  for (size_t i = 0; i < starts.size(); ++i) {
    FailureOr<int64_t> axis = normalizeAxis(axes[i], rank);
    if (failed(axis))
      return failure();
    int64_t dim = s[*axis], step = steps[i];
    if (step <= 0) {
      (void)unsupported("steps=" + Twine(step) + " on " + nodeLabel +
                        " (only positive steps)");
      return failure();
    }
    auto clampIdx = [&](int64_t v) {
      if (v < 0)
        v += dim;
      return std::max<int64_t>(0, std::min(v, dim));
    };
    int64_t start = clampIdx(starts[i]), end = clampIdx(ends[i]);
    int64_t count = end > start ? (end - start + step - 1) / step : 0;
    offsets[*axis] = start;
    sizes[*axis] = count;
    strides[*axis] = step;
  }
  return slice(x, offsets, sizes, strides);
}

FailureOr<SmallVector<Value>> Importer::importSplit(const NodeAttributes &attrs,
                                                   unsigned numResults) {
  Value x = requireInput(0, "input");
  if (!x)
    return failure();
  FailureOr<int64_t> axis = normalizeAxis(attrs.getInt("axis", 0), rankOf(x));
  if (failed(axis))
    return failure();
  int64_t dim = shapeOf(x)[*axis];
  SmallVector<int64_t> sizes;
  if (Value s = input(1)) {
    if (!constAttr(s)) {
      (void)unsupported("a split input that is not a constant");
      return failure();
    }
    sizes = constInts(s);
  } else if (auto a = attrs.getInts("split")) {
    sizes = *a;
  } else {
    int64_t parts = attrs.getInt("num_outputs", numResults);
    int64_t each = (dim + parts - 1) / parts;
    for (int64_t i = 0; i < parts; ++i)
      sizes.push_back(std::min(each, dim - i * each));
  }
  int64_t total = std::accumulate(sizes.begin(), sizes.end(), int64_t(0));
  if (total != dim || sizes.size() != numResults) {
    (void)fail("split sizes " + shapeString(sizes) + " do not divide dimension " +
               Twine(*axis) + " of size " + Twine(dim) + " into " +
               Twine(numResults) + " outputs");
    return failure();
  }
  SmallVector<Value> out;
  int64_t offset = 0;
  for (int64_t size : sizes) {
    SmallVector<int64_t> offsets(rankOf(x), 0), sz(shapeOf(x));
    offsets[*axis] = offset;
    sz[*axis] = size;
    out.push_back(slice(x, offsets, sz));
    offset += size;
  }
  return out;
}

FailureOr<Value> Importer::importReduce(StringRef op,
                                        const NodeAttributes &attrs) {
  Value x = requireInput(0, "data");
  if (!x)
    return failure();
  int64_t rank = rankOf(x);
  SmallVector<int64_t> axes;
  bool axesAsInput = op == "ReduceSum" ? opset >= 13 : opset >= 18;
  if (axesAsInput) {
    if (Value a = input(1)) {
      if (!constAttr(a)) {
        (void)unsupported("an axes input that is not a constant");
        return failure();
      }
      axes = constInts(a);
    }
  } else if (auto a = attrs.getInts("axes")) {
    axes = *a;
  }
  if (axes.empty()) {
    if (attrs.getInt("noop_with_empty_axes", 0))
      return x;
    axes = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  }
  SmallVector<bool> reduced(rank, false);
  for (int64_t a : axes) {
    FailureOr<int64_t> ax = normalizeAxis(a, rank);
    if (failed(ax))
      return failure();
    reduced[*ax] = true;
  }
  bool keep = attrs.getInt("keepdims", 1);
  ArrayRef<int64_t> s = shapeOf(x);
  SmallVector<int64_t> outShape, keptShape;
  SmallVector<AffineExpr> outExprs;
  int64_t count = 1;
  for (int64_t d = 0; d < rank; ++d) {
    if (reduced[d]) {
      count *= s[d];
      if (keep)
        keptShape.push_back(1);
      continue;
    }
    outShape.push_back(s[d]);
    keptShape.push_back(s[d]);
    outExprs.push_back(builder.getAffineDimExpr(d));
  }
  Type elt = eltOf(x);
  if (!isa<FloatType>(elt)) {
    (void)unsupported(op + " of " + typeString(elt));
    return failure();
  }
  double init = op == "ReduceMax" ? -INFINITY : op == "ReduceMin" ? INFINITY : 0;
  Value acc = filled(outShape, elt, init);
  SmallVector<utils::IteratorType> iterators;
  for (int64_t d = 0; d < rank; ++d)
    iterators.push_back(reduced[d] ? utils::IteratorType::reduction
                                   : utils::IteratorType::parallel);
  SmallVector<AffineMap> maps = {builder.getMultiDimIdentityMap(rank),
                                 AffineMap::get(rank, 0, outExprs, context)};
  auto generic = linalg::GenericOp::create(
      builder, loc, TypeRange{acc.getType()}, ValueRange{x}, ValueRange{acc},
      maps, iterators, [&](OpBuilder &b, Location l, ValueRange a) {
        Value v;
        if (op == "ReduceMax")
          v = arith::MaximumFOp::create(b, l, a[0], a[1]);
        else if (op == "ReduceMin")
          v = arith::MinimumFOp::create(b, l, a[0], a[1]);
        else if (op == "ReduceSumSquare")
          v = arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, a[0], a[0]), a[1]);
        else
          v = arith::AddFOp::create(b, l, a[0], a[1]);
        linalg::YieldOp::create(b, l, v);
      });
  Value result = generic.getResult(0);
  if (op == "ReduceMean") {
    Value n = constant(DenseElementsAttr::get(
        RankedTensorType::get({}, elt),
        builder.getFloatAttr(elt, static_cast<double>(count))));
    result = *elementwise({result, n}, elt,
                          [](OpBuilder &b, Location l, ValueRange a) {
                            return arith::DivFOp::create(b, l, a[0], a[1])
                                .getResult();
                          });
  }
  return reshape(result, keptShape);
}

FailureOr<Value> Importer::importCast(const NodeAttributes &attrs) {
  Value x = requireInput(0, "input");
  if (!x)
    return failure();
  FailureOr<Type> to =
      convertElementType(attrs.getInt("to", 0), "the 'to' attribute");
  if (failed(to)) {
    pending = nodeError(pending->message.substr(path.size() + 2));
    return failure();
  }
  return castTo(x, *to);
}

FailureOr<Value> Importer::importConstant(const NodeAttributes &attrs) {
  if (const onnx::AttributeProto *a = attrs.get("value")) {
    Value v = fromTensorProto(a->t(), "attribute 'value' of " + nodeLabel);
    if (!v)
      return failure();
    return v;
  }
  Literal lit;
  if (const onnx::AttributeProto *a = attrs.get("value_float")) {
    lit.elementType = builder.getF32Type();
    lit.values = {a->f()};
  } else if (const onnx::AttributeProto *a = attrs.get("value_int")) {
    lit.elementType = builder.getI64Type();
    lit.values = {static_cast<double>(a->i())};
  } else if (const onnx::AttributeProto *a = attrs.get("value_floats")) {
    lit.elementType = builder.getF32Type();
    lit.values.assign(a->floats().begin(), a->floats().end());
    lit.shape = {static_cast<int64_t>(lit.values.size())};
  } else if (const onnx::AttributeProto *a = attrs.get("value_ints")) {
    lit.elementType = builder.getI64Type();
    for (int64_t i : a->ints())
      lit.values.push_back(i);
    lit.shape = {static_cast<int64_t>(lit.values.size())};
  } else {
    SmallVector<std::string> names = attrs.unknown({});
    (void)unsupported(
        "Constant with attribute '" +
        (names.empty() ? std::string("(none)") : names.front()) + "'");
    return failure();
  }
  return constantOf(lit);
}

//===----------------------------------------------------------------------===//
// Attention (opset 23)
//===----------------------------------------------------------------------===//

FailureOr<SmallVector<Value>>
Importer::importAttention(const NodeAttributes &attrs) {
  Value q = requireInput(0, "Q"), k = requireInput(1, "K"),
        v = requireInput(2, "V"), mask = input(3);
  if (!q || !k || !v)
    return failure();
  if (input(4) || input(5)) {
    (void)unsupported("the past_key/past_value inputs of " + nodeLabel +
                      " (no KV cache)");
    return failure();
  }
  SmallVector<std::string> extra =
      attrs.unknown({"is_causal", "scale", "q_num_heads", "kv_num_heads",
                     "softcap", "qk_matmul_output_mode", "softmax_precision"});
  if (!extra.empty()) {
    (void)fail("unknown attribute '" + extra.front() + "'");
    return failure();
  }
  if (attrs.getFloat("softcap", 0) != 0) {
    (void)unsupported("softcap=" + formatNumber(attrs.getFloat("softcap", 0)) +
                      " on " + nodeLabel);
    return failure();
  }
  if (attrs.getInt("qk_matmul_output_mode", 0) != 0) {
    (void)unsupported("qk_matmul_output_mode=" +
                      Twine(attrs.getInt("qk_matmul_output_mode", 0)) +
                      " on " + nodeLabel);
    return failure();
  }
  Type elt = eltOf(q);
  if (attrs.has("softmax_precision")) {
    int64_t precision = attrs.getInt("softmax_precision", 0);
    bool same = (precision == onnx::TensorProto::FLOAT && elt.isF32()) ||
                (precision == onnx::TensorProto::DOUBLE && elt.isF64());
    if (!same) {
      (void)unsupported("softmax_precision=" + Twine(precision) + " on " +
                        nodeLabel + " (the softmax runs in the input type)");
      return failure();
    }
  }
  int64_t rank = rankOf(q);
  if (rank != 3 && rank != 4) {
    (void)fail("Q must have rank 3 or 4, but has shape " +
               shapeString(shapeOf(q)));
    return failure();
  }
  bool threeD = rank == 3;
  int64_t qHeads = attrs.getInt("q_num_heads", 0),
          kvHeads = attrs.getInt("kv_num_heads", 0);
  // [B, S, heads*D] -> [B, heads, S, D].
  auto toHeads = [&](Value x, int64_t heads, StringRef name) -> Value {
    if (rankOf(x) != rank) {
      (void)fail("Q, K and V must have the same rank, but " + name +
                 " has shape " + shapeString(shapeOf(x)));
      return nullptr;
    }
    if (!threeD)
      return x;
    ArrayRef<int64_t> s = shapeOf(x);
    if (heads <= 0 || s[2] % heads) {
      (void)fail("3-D input " + name + " of shape " + shapeString(s) +
                 " needs q_num_heads and kv_num_heads dividing its last "
                 "dimension");
      return nullptr;
    }
    return transpose(reshape(x, {s[0], s[1], heads, s[2] / heads}),
                     {0, 2, 1, 3});
  };
  q = toHeads(q, qHeads, "Q");
  k = q ? toHeads(k, kvHeads, "K") : nullptr;
  v = k ? toHeads(v, kvHeads, "V") : nullptr;
  if (!v)
    return failure();
  ArrayRef<int64_t> qs = shapeOf(q), ks = shapeOf(k), vs = shapeOf(v);
  if (ks[0] != qs[0] || vs[0] != qs[0] || ks[3] != qs[3] || vs[1] != ks[1] ||
      vs[2] != ks[2] || qs[1] % ks[1] != 0) {
    (void)fail("Q " + shapeString(qs) + ", K " + shapeString(ks) + " and V " +
               shapeString(vs) +
               " do not fit [B, H, S, D], [B, Hkv, L, D], [B, Hkv, L, Dv] "
               "with H a multiple of Hkv");
    return failure();
  }
  int64_t seqQ = qs[2], seqK = ks[2];
  if (mask) {
    int64_t mr = rankOf(mask);
    bool boolMask = eltOf(mask).isInteger(1);
    if (mr < 2 || mr > 4 || (!boolMask && eltOf(mask) != elt)) {
      (void)fail("attn_mask must be bool or " + typeString(elt) +
                 " of rank 2 to 4, but is " + typeString(mask.getType()));
      return failure();
    }
  }
  bool causal = attrs.getInt("is_causal", 0) != 0;
  UnitAttr causalAttr;
  if (causal && seqQ == seqK) {
    causalAttr = builder.getUnitAttr();
  } else if (causal) {
    // ONNX aligns the causal mask top-left (query i sees keys j <= i), s2s
    // bottom-right: spell it out as a mask.
    SmallVector<bool> allowed;
    for (int64_t i = 0; i < seqQ; ++i)
      for (int64_t j = 0; j < seqK; ++j)
        allowed.push_back(j <= i);
    Value tri = constant(DenseElementsAttr::get(
        RankedTensorType::get({seqQ, seqK}, builder.getI1Type()),
        ArrayRef<bool>(allowed)));
    if (!mask) {
      mask = tri;
    } else if (eltOf(mask).isInteger(1)) {
      mask = *elementwise({mask, tri}, builder.getI1Type(),
                          [](OpBuilder &b, Location l, ValueRange a) {
                            return arith::AndIOp::create(b, l, a[0], a[1])
                                .getResult();
                          });
    } else {
      Value minusInf = constant(DenseElementsAttr::get(
          RankedTensorType::get({}, elt),
          builder.getFloatAttr(elt, -INFINITY)));
      mask = *elementwise({tri, mask, minusInf}, elt,
                          [](OpBuilder &b, Location l, ValueRange a) {
                            return arith::SelectOp::create(b, l, a[0], a[1],
                                                           a[2])
                                .getResult();
                          });
    }
  }
  FloatAttr scale;
  if (attrs.has("scale"))
    scale = builder.getF64FloatAttr(attrs.getFloat("scale", 1));
  auto type = RankedTensorType::get({qs[0], qs[1], seqQ, vs[3]}, elt);
  Value out = ScaledDotProductAttentionOp::create(builder, loc, type, q, k, v,
                                                  mask, scale, causalAttr)
                  .getResult();
  if (threeD)
    out = reshape(transpose(out, {0, 2, 1, 3}),
                  {qs[0], seqQ, qs[1] * vs[3]});
  return SmallVector<Value>{out};
}

//===----------------------------------------------------------------------===//
// Dispatch
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
  if (op == "Identity" || op == "Dropout")
    return x;
  if (op == "Gelu") {
    if (attrs.getString("approximate", "none") == "tanh") {
      // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
      Value x3 = arith::MulFOp::create(b, l, arith::MulFOp::create(b, l, x, x), x);
      Value inner = arith::AddFOp::create(
          b, l, x, arith::MulFOp::create(b, l, fconst(0.044715), x3));
      Value th = math::TanhOp::create(
          b, l, arith::MulFOp::create(b, l, fconst(std::sqrt(2.0 / M_PI)), inner));
      return arith::MulFOp::create(
          b, l, arith::MulFOp::create(b, l, fconst(0.5), x),
          arith::AddFOp::create(b, l, fconst(1), th));
    }
    Value erf = math::ErfOp::create(
        b, l, arith::MulFOp::create(b, l, x, fconst(M_SQRT1_2)));
    return arith::MulFOp::create(b, l, arith::MulFOp::create(b, l, fconst(0.5), x),
                                 arith::AddFOp::create(b, l, fconst(1), erf));
  }
  return nullptr;
}

FailureOr<SmallVector<Value>>
Importer::importNode(const onnx::NodeProto &node, const NodeAttributes &attrs) {
  StringRef op = opType;
  auto one = [](FailureOr<Value> v) -> FailureOr<SmallVector<Value>> {
    if (failed(v))
      return failure();
    return SmallVector<Value>{*v};
  };
  if (!node.domain().empty() && node.domain() != "ai.onnx") {
    (void)unsupported("op domain '" + node.domain() + "'");
    return failure();
  }

  if (op == "LSTM" || op == "GRU" || op == "RNN")
    return importRecurrent(attrs);
  if (op == "Attention")
    return importAttention(attrs);
  if (op == "Gemm")
    return one(importGemm(attrs));
  if (op == "Softmax")
    return one(importSoftmax(attrs));
  if (op == "LayerNormalization")
    return importLayerNorm(attrs, node.output_size());
  if (op == "Reshape")
    return one(importReshape(attrs));
  if (op == "Gather")
    return one(importGather(attrs));
  if (op == "Slice")
    return one(importSlice(attrs));
  if (op == "Split")
    return importSplit(attrs, node.output_size());
  if (op == "Cast")
    return one(importCast(attrs));
  if (op == "Constant")
    return one(importConstant(attrs));
  if (op == "ReduceMean" || op == "ReduceSum" || op == "ReduceMax" ||
      op == "ReduceMin" || op == "ReduceSumSquare")
    return one(importReduce(op, attrs));

  if (op == "MatMul") {
    Value a = requireInput(0, "A"), b = requireInput(1, "B");
    if (!a || !b)
      return failure();
    bool vecA = rankOf(a) == 1, vecB = rankOf(b) == 1;
    Value x = vecA ? reshape(a, {1, shapeOf(a)[0]}) : a;
    Value y = vecB ? reshape(b, {shapeOf(b)[0], 1}) : b;
    int64_t k1 = shapeOf(x).back(), k2 = shapeOf(y)[rankOf(y) - 2];
    if (k1 != k2) {
      (void)fail("the inner dimensions disagree: A has shape " +
                 shapeString(shapeOf(a)) + " and B has shape " +
                 shapeString(shapeOf(b)) + " (" + Twine(k1) + " vs " +
                 Twine(k2) + ")");
      return failure();
    }
    if (rankOf(x) > 2 || rankOf(y) > 2) {
      ArrayRef<int64_t> bx = shapeOf(x).drop_back(2), by = shapeOf(y).drop_back(2);
      for (size_t i = 0; i < std::min(bx.size(), by.size()); ++i) {
        int64_t dx = bx[bx.size() - 1 - i], dy = by[by.size() - 1 - i];
        if (dx != dy && dx != 1 && dy != 1) {
          (void)fail("the batch dimensions of A " + shapeString(shapeOf(a)) +
                     " and B " + shapeString(shapeOf(b)) + " do not broadcast");
          return failure();
        }
      }
    }
    Value r = matmul(x, y);
    SmallVector<int64_t> s(shapeOf(r));
    if (vecA)
      s.erase(s.end() - 2);
    if (vecB)
      s.pop_back();
    return SmallVector<Value>{reshape(r, s)};
  }
  if (op == "Transpose") {
    Value x = requireInput(0, "data");
    if (!x)
      return failure();
    int64_t rank = rankOf(x);
    SmallVector<int64_t> perm =
        attrs.getInts("perm").value_or(SmallVector<int64_t>{});
    if (perm.empty())
      for (int64_t i = rank - 1; i >= 0; --i)
        perm.push_back(i);
    SmallVector<int64_t> sorted(perm);
    llvm::sort(sorted);
    if (!llvm::equal(sorted, llvm::seq<int64_t>(0, rank))) {
      (void)fail("perm " + shapeString(perm) +
                 " is not a permutation of the " + Twine(rank) +
                 " dimensions");
      return failure();
    }
    return SmallVector<Value>{transpose(x, perm)};
  }
  if (op == "Concat") {
    SmallVector<Value> parts;
    for (Value v : inputs)
      if (v && product(shapeOf(v)) > 0)
        parts.push_back(v);
    if (parts.empty()) {
      (void)fail("has no non-empty inputs");
      return failure();
    }
    FailureOr<int64_t> axis = normalizeAxis(attrs.getInt("axis", 0),
                                            rankOf(parts[0]));
    if (failed(axis))
      return failure();
    for (Value p : parts) {
      ArrayRef<int64_t> s = shapeOf(p), s0 = shapeOf(parts[0]);
      bool ok = s.size() == s0.size() && eltOf(p) == eltOf(parts[0]);
      for (size_t d = 0; ok && d < s.size(); ++d)
        ok = d == static_cast<size_t>(*axis) || s[d] == s0[d];
      if (!ok) {
        (void)fail("inputs of shapes " + shapeString(s0) + " and " +
                   shapeString(s) + " cannot be concatenated along axis " +
                   Twine(*axis));
        return failure();
      }
    }
    return SmallVector<Value>{concat(parts, *axis)};
  }
  if (op == "Shape") {
    Value x = requireInput(0, "data");
    if (!x)
      return failure();
    int64_t rank = rankOf(x);
    int64_t start = attrs.getInt("start", 0), end = attrs.getInt("end", rank);
    if (start < 0)
      start += rank;
    if (end < 0)
      end += rank;
    start = std::clamp<int64_t>(start, 0, rank);
    end = std::clamp<int64_t>(end, start, rank);
    Literal lit;
    lit.elementType = builder.getI64Type();
    for (int64_t d = start; d < end; ++d)
      lit.values.push_back(shapeOf(x)[d]);
    lit.shape = {end - start};
    return SmallVector<Value>{constantOf(lit)};
  }
  if (op == "Size") {
    Value x = requireInput(0, "data");
    if (!x)
      return failure();
    Literal lit{{}, {static_cast<double>(product(shapeOf(x)))},
                builder.getI64Type()};
    return SmallVector<Value>{constantOf(lit)};
  }
  if (op == "ConstantOfShape") {
    Value s = requireInput(0, "input");
    if (!s)
      return failure();
    if (!constAttr(s)) {
      (void)unsupported("a shape that is not a constant");
      return failure();
    }
    SmallVector<int64_t> shape = constInts(s);
    Type elt = builder.getF32Type();
    double value = 0;
    if (const onnx::AttributeProto *a = attrs.get("value")) {
      Value v = fromTensorProto(a->t(), "attribute 'value'");
      if (!v)
        return failure();
      std::optional<Literal> lit = literal(v);
      elt = eltOf(v);
      value = lit && lit->size() ? lit->values[0] : 0;
    }
    auto type = RankedTensorType::get(shape, elt);
    Attribute scalar = isa<FloatType>(elt)
                           ? Attribute(builder.getFloatAttr(elt, value))
                           : elt.isInteger(1)
                                 ? Attribute(builder.getBoolAttr(value != 0))
                                 : Attribute(builder.getIntegerAttr(
                                       elt, static_cast<int64_t>(value)));
    return SmallVector<Value>{
        constant(DenseElementsAttr::get(type, scalar))};
  }
  if (op == "Unsqueeze" || op == "Squeeze") {
    Value x = requireInput(0, "data");
    if (!x)
      return failure();
    SmallVector<int64_t> axes;
    if (opset >= 13) {
      if (Value a = input(1)) {
        if (!constAttr(a)) {
          (void)unsupported("an axes input that is not a constant");
          return failure();
        }
        axes = constInts(a);
      }
    } else {
      axes = attrs.getInts("axes").value_or(SmallVector<int64_t>{});
    }
    ArrayRef<int64_t> s = shapeOf(x);
    SmallVector<int64_t> out;
    if (op == "Unsqueeze") {
      int64_t rank = s.size() + axes.size();
      SmallVector<bool> isNew(rank, false);
      for (int64_t a : axes) {
        FailureOr<int64_t> ax = normalizeAxis(a, rank);
        if (failed(ax))
          return failure();
        isNew[*ax] = true;
      }
      size_t j = 0;
      for (int64_t d = 0; d < rank; ++d)
        out.push_back(isNew[d] ? 1 : s[j++]);
    } else {
      int64_t rank = s.size();
      SmallVector<bool> drop(rank, axes.empty());
      if (axes.empty())
        for (int64_t d = 0; d < rank; ++d)
          drop[d] = s[d] == 1;
      for (int64_t a : axes) {
        FailureOr<int64_t> ax = normalizeAxis(a, rank);
        if (failed(ax))
          return failure();
        if (s[*ax] != 1) {
          (void)fail("cannot squeeze dimension " + Twine(*ax) + " of size " +
                     Twine(s[*ax]) + " (shape " + shapeString(s) + ")");
          return failure();
        }
        drop[*ax] = true;
      }
      for (int64_t d = 0; d < rank; ++d)
        if (!drop[d])
          out.push_back(s[d]);
    }
    return SmallVector<Value>{reshape(x, out)};
  }
  if (op == "Flatten") {
    Value x = requireInput(0, "input");
    if (!x)
      return failure();
    int64_t rank = rankOf(x), axis = attrs.getInt("axis", 1);
    if (axis < -rank || axis > rank) {
      (void)fail("axis " + Twine(axis) + " is out of range for rank " +
                 Twine(rank) + " (expected [" + Twine(-rank) + ", " +
                 Twine(rank) + "])");
      return failure();
    }
    if (axis < 0)
      axis += rank;
    ArrayRef<int64_t> s = shapeOf(x);
    return SmallVector<Value>{reshape(
        x, {product(s.take_front(axis)), product(s.drop_front(axis))})};
  }
  if (op == "Expand") {
    Value x = requireInput(0, "input"), s = requireInput(1, "shape");
    if (!x || !s)
      return failure();
    if (!constAttr(s)) {
      (void)unsupported("a shape that is not a constant");
      return failure();
    }
    SmallVector<int64_t> shape = constInts(s);
    Value target = empty(shape, eltOf(x));
    FailureOr<SmallVector<int64_t>> out = broadcastShapes({x, target});
    if (failed(out))
      return failure();
    return SmallVector<Value>{broadcastTo(x, *out)};
  }
  if (op == "Range") {
    std::optional<Literal> start = literal(input(0)), limit = literal(input(1)),
                           delta = literal(input(2));
    if (!start || !limit || !delta) {
      (void)unsupported("Range with inputs that are not constants");
      return failure();
    }
    Literal lit;
    lit.elementType = start->elementType;
    double s0 = start->values[0], l0 = limit->values[0], d0 = delta->values[0];
    int64_t n = std::max<int64_t>(0, std::ceil((l0 - s0) / d0));
    for (int64_t i = 0; i < n; ++i)
      lit.values.push_back(s0 + i * d0);
    lit.shape = {n};
    return SmallVector<Value>{constantOf(lit)};
  }
  if (op == "ArgMax") {
    Value x = requireInput(0, "data");
    if (!x)
      return failure();
    if (attrs.getInt("select_last_index", 0)) {
      (void)unsupported("select_last_index=1 on " + nodeLabel);
      return failure();
    }
    if (!isFloat(x)) {
      (void)unsupported("ArgMax of " + typeString(eltOf(x)));
      return failure();
    }
    FailureOr<int64_t> axis = normalizeAxis(attrs.getInt("axis", 0), rankOf(x));
    if (failed(axis))
      return failure();
    bool keep = attrs.getInt("keepdims", 1);
    SmallVector<int64_t> out(shapeOf(x));
    if (keep)
      out[*axis] = 1;
    else
      out.erase(out.begin() + *axis);
    return SmallVector<Value>{
        ArgMaxOp::create(builder, loc,
                         RankedTensorType::get(out, builder.getI64Type()), x,
                         builder.getI64IntegerAttr(*axis),
                         keep ? builder.getUnitAttr() : nullptr)
            .getResult()};
  }

  // Elementwise ops.
  static const char *const unaryOps[] = {
      "Relu", "Tanh", "Sigmoid", "Erf", "Sqrt",       "Exp",      "Log",
      "Neg",  "Abs",  "Gelu",    "Identity", "Reciprocal", "Dropout"};
  if (llvm::is_contained(unaryOps, op)) {
    Value x = requireInput(0, "X");
    if (!x)
      return failure();
    if (op == "Identity")
      return SmallVector<Value>{x};
    if (op == "Dropout") {
      if (node.output_size() > 1 && !node.output(1).empty()) {
        (void)unsupported("the mask output of Dropout");
        return failure();
      }
      return SmallVector<Value>{x};
    }
    if (op == "Neg" && !isFloat(x)) {
      FailureOr<Value> r = elementwise(
          {x}, eltOf(x),
          [](OpBuilder &b, Location l, ValueRange a) -> Value {
            Value zero = arith::ConstantOp::create(
                b, l, a[0].getType(), b.getIntegerAttr(a[0].getType(), 0));
            return arith::SubIOp::create(b, l, zero, a[0]);
          },
          [](ArrayRef<double> a) { return -a[0]; });
      return one(r);
    }
    if (!isFloat(x)) {
      (void)unsupported(op + " of " + typeString(eltOf(x)));
      return failure();
    }
    return one(elementwise({x}, eltOf(x),
                           [&](OpBuilder &b, Location l, ValueRange a) {
                             return unaryBody(op, b, l, a[0], attrs);
                           }));
  }

  static const char *const binaryOps[] = {"Add", "Sub", "Mul", "Div", "Pow",
                                          "Max", "Min"};
  static const char *const compareOps[] = {"Equal", "Less", "Greater",
                                           "LessOrEqual", "GreaterOrEqual"};
  bool isCompare = llvm::is_contained(compareOps, op);
  if (llvm::is_contained(binaryOps, op) || isCompare || op == "And" ||
      op == "Or" || op == "Not" || op == "Where") {
    SmallVector<Value> operands;
    unsigned arity = op == "Not" ? 1 : op == "Where" ? 3 : 2;
    if ((op == "Max" || op == "Min") && inputs.size() != 2) {
      (void)unsupported(op + " with " + Twine(inputs.size()) +
                        " inputs (only 2)");
      return failure();
    }
    for (unsigned i = 0; i < arity; ++i) {
      Value v = requireInput(i, "operand");
      if (!v)
        return failure();
      operands.push_back(v);
    }
    Type elt = eltOf(operands.back());
    if (op == "Where") {
      if (!eltOf(operands[0]).isInteger(1) || eltOf(operands[1]) != elt) {
        (void)fail("expected a bool condition and two values of one type, "
                   "found " + typeString(eltOf(operands[0])) + ", " +
                   typeString(eltOf(operands[1])) + ", " + typeString(elt));
        return failure();
      }
      return one(elementwise(
          operands, elt,
          [](OpBuilder &b, Location l, ValueRange a) -> Value {
            return arith::SelectOp::create(b, l, a[0], a[1], a[2]);
          },
          [](ArrayRef<double> a) { return a[0] != 0 ? a[1] : a[2]; }));
    }
    if (arity == 2 && eltOf(operands[0]) != eltOf(operands[1]) &&
        op != "Pow") {
      (void)fail("operands have different element types: " +
                 typeString(eltOf(operands[0])) + " and " +
                 typeString(eltOf(operands[1])));
      return failure();
    }
    bool fl = isa<FloatType>(eltOf(operands[0]));
    Type resultElt = isCompare ? builder.getI1Type() : eltOf(operands[0]);
    std::string name = op.str();
    if (op == "Pow" && eltOf(operands[1]) != eltOf(operands[0])) {
      if (!fl) {
        (void)unsupported("Pow of integers");
        return failure();
      }
      operands[1] = castTo(operands[1], eltOf(operands[0]));
    }
    auto body = [&, fl](OpBuilder &b, Location l, ValueRange a) -> Value {
      Value x = a[0], y = a.size() > 1 ? a[1] : Value();
      if (name == "Add")
        return fl ? arith::AddFOp::create(b, l, x, y).getResult()
                  : arith::AddIOp::create(b, l, x, y).getResult();
      if (name == "Sub")
        return fl ? arith::SubFOp::create(b, l, x, y).getResult()
                  : arith::SubIOp::create(b, l, x, y).getResult();
      if (name == "Mul")
        return fl ? arith::MulFOp::create(b, l, x, y).getResult()
                  : arith::MulIOp::create(b, l, x, y).getResult();
      if (name == "Div")
        return fl ? arith::DivFOp::create(b, l, x, y).getResult()
                  : arith::DivSIOp::create(b, l, x, y).getResult();
      if (name == "Pow")
        return math::PowFOp::create(b, l, x, y);
      if (name == "Max")
        return fl ? arith::MaximumFOp::create(b, l, x, y).getResult()
                  : arith::MaxSIOp::create(b, l, x, y).getResult();
      if (name == "Min")
        return fl ? arith::MinimumFOp::create(b, l, x, y).getResult()
                  : arith::MinSIOp::create(b, l, x, y).getResult();
      if (name == "And")
        return arith::AndIOp::create(b, l, x, y);
      if (name == "Or")
        return arith::OrIOp::create(b, l, x, y);
      if (name == "Not") {
        Value t = arith::ConstantOp::create(b, l, b.getI1Type(),
                                            b.getBoolAttr(true));
        return arith::XOrIOp::create(b, l, x, t);
      }
      std::pair<arith::CmpFPredicate, arith::CmpIPredicate> pred =
          name == "Equal"  ? std::pair{arith::CmpFPredicate::OEQ,
                                      arith::CmpIPredicate::eq}
          : name == "Less" ? std::pair{arith::CmpFPredicate::OLT,
                                       arith::CmpIPredicate::slt}
          : name == "Greater"
              ? std::pair{arith::CmpFPredicate::OGT, arith::CmpIPredicate::sgt}
          : name == "LessOrEqual"
              ? std::pair{arith::CmpFPredicate::OLE, arith::CmpIPredicate::sle}
              : std::pair{arith::CmpFPredicate::OGE, arith::CmpIPredicate::sge};
      return fl ? arith::CmpFOp::create(b, l, pred.first, x, y).getResult()
                : arith::CmpIOp::create(b, l, pred.second, x, y).getResult();
    };
    auto fold = [&, fl](ArrayRef<double> a) -> double {
      double x = a[0], y = a.size() > 1 ? a[1] : 0;
      if (name == "Add")
        return x + y;
      if (name == "Sub")
        return x - y;
      if (name == "Mul")
        return x * y;
      if (name == "Div")
        return fl ? x / y : (y == 0 ? 0 : std::trunc(x / y));
      if (name == "Pow")
        return std::pow(x, y);
      if (name == "Max")
        return std::max(x, y);
      if (name == "Min")
        return std::min(x, y);
      if (name == "And")
        return (x != 0) && (y != 0);
      if (name == "Or")
        return (x != 0) || (y != 0);
      if (name == "Not")
        return x == 0;
      if (name == "Equal")
        return x == y;
      if (name == "Less")
        return x < y;
      if (name == "Greater")
        return x > y;
      if (name == "LessOrEqual")
        return x <= y;
      return x >= y;
    };
    return one(elementwise(operands, resultElt, body, fold));
  }

  (void)unsupported("op type '" + op + "'" +
                    (node.domain().empty() ? std::string()
                                           : " of domain " + node.domain()));
  return failure();
}

//===----------------------------------------------------------------------===//
// The graph
//===----------------------------------------------------------------------===//

llvm::Expected<OwningOpRef<ModuleOp>>
Importer::run(const onnx::ModelProto &model) {
  auto asError = [&]() {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   pending ? pending->message
                                           : path + ": import failed");
  };
  for (const onnx::OperatorSetIdProto &set : model.opset_import())
    if (set.domain().empty() || set.domain() == "ai.onnx")
      opset = set.version();
  const onnx::GraphProto &graph = model.graph();
  Location fileLoc = FileLineColLoc::get(context, path, 0, 0);
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  builder.setInsertionPointToEnd(module->getBody());

  // Signature: graph inputs that are not initializers, then (optionally)
  // the initializers.
  llvm::StringMap<const onnx::TensorProto *> initializers;
  for (const onnx::TensorProto &init : graph.initializer())
    initializers[init.name()] = &init;
  SmallVector<Type> argTypes;
  SmallVector<std::string> argNames;
  for (const onnx::ValueInfoProto &info : graph.input()) {
    if (initializers.count(info.name()) && !options.initializersAsArguments)
      continue;
    if (initializers.count(info.name()))
      continue; // added with the initializers below
    FailureOr<RankedTensorType> type = convertValueInfo(info);
    if (failed(type))
      return asError();
    argTypes.push_back(*type);
    argNames.push_back(info.name());
  }
  if (options.initializersAsArguments) {
    for (const onnx::TensorProto &init : graph.initializer()) {
      llvm::Expected<NpyArray> array = convertTensorProto(init, init.name());
      if (!array)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       path + ": initializer " +
                                           llvm::toString(array.takeError()));
      FailureOr<Type> elt = convertElementType(init.data_type(), init.name());
      if (failed(elt))
        return asError();
      argTypes.push_back(RankedTensorType::get(array->shape, *elt));
      argNames.push_back(init.name());
    }
  }
  SmallVector<Type> resultTypes;
  for (const onnx::ValueInfoProto &info : graph.output()) {
    FailureOr<RankedTensorType> type = convertValueInfo(info);
    if (failed(type))
      return asError();
    resultTypes.push_back(*type);
  }
  auto func = func::FuncOp::create(builder, fileLoc, options.functionName,
                                   builder.getFunctionType(argTypes,
                                                           resultTypes));
  Block *entry = func.addEntryBlock();
  for (auto [i, name] : llvm::enumerate(argNames)) {
    values[name] = entry->getArgument(i);
    func.setArgAttr(i, "onnx.name", builder.getStringAttr(name));
  }
  builder.setInsertionPointToEnd(entry);
  if (!options.initializersAsArguments)
    for (const onnx::TensorProto &init : graph.initializer()) {
      loc = NameLoc::get(builder.getStringAttr(init.name()), fileLoc);
      Value v = fromTensorProto(init, "initializer '" + init.name() + "'");
      if (!v)
        return asError();
      values[init.name()] = v;
    }

  for (auto [index, node] : llvm::enumerate(graph.node())) {
    opType = node.op_type();
    nodeLabel = (node.name().empty() ? "node #" + Twine(index)
                                     : "node '" + node.name() + "' (#" +
                                           Twine(index) + ")")
                    .str() +
                " (" + opType + ")";
    std::string locName =
        node.name().empty() ? opType + "#" + std::to_string(index) : node.name();
    loc = NameLoc::get(builder.getStringAttr(locName), fileLoc);
    inputs.clear();
    inputNames.clear();
    for (const std::string &name : node.input()) {
      inputNames.push_back(name);
      if (name.empty()) {
        inputs.push_back(nullptr);
        continue;
      }
      auto it = values.find(name);
      if (it == values.end()) {
        pending = nodeError("input '" + name +
                            "' is not defined by a graph input, an "
                            "initializer or an earlier node");
        return asError();
      }
      inputs.push_back(it->second);
    }
    NodeAttributes attrs(node);
    FailureOr<SmallVector<Value>> results = importNode(node, attrs);
    if (failed(results)) {
      if (!pending)
        pending = nodeError("cannot import");
      return asError();
    }
    for (auto [i, name] : llvm::enumerate(node.output())) {
      if (name.empty())
        continue;
      if (i >= results->size() || !(*results)[i]) {
        pending = nodeError("unsupported: output #" + Twine(i) + " ('" +
                            name + "')");
        return asError();
      }
      values[name] = (*results)[i];
    }
  }

  SmallVector<Value> returned;
  for (auto [i, info] : llvm::enumerate(graph.output())) {
    auto it = values.find(info.name());
    if (it == values.end()) {
      pending = error("graph output '" + info.name() +
                      "' is not produced by any node");
      return asError();
    }
    Value v = it->second;
    auto want = cast<RankedTensorType>(resultTypes[i]);
    if (typeOf(v) != want) {
      pending = error("graph output '" + info.name() + "' is declared as " +
                      typeString(want) + ", but the graph computes " +
                      typeString(typeOf(v)));
      return asError();
    }
    returned.push_back(v);
  }
  func::ReturnOp::create(builder, fileLoc, returned);
  // Drop what folding left unused (shape constants, unused outputs).
  SmallVector<Operation *> ops;
  entry->walk([&](Operation *op) { ops.push_back(op); });
  for (Operation *op : llvm::reverse(ops))
    if (isOpTriviallyDead(op))
      op->erase();
  if (failed(verify(*module)))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   path + ": the imported module does not "
                                          "verify (see above)");
  return std::move(module);
}

llvm::Expected<OwningOpRef<ModuleOp>>
mlir::s2s::importONNXModel(MLIRContext *context, StringRef contents,
                           StringRef path, const ONNXImportOptions &options) {
  onnx::ModelProto model;
  if (contents.empty() ||
      !model.ParseFromArray(contents.data(), static_cast<int>(contents.size())))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        path + ": not a valid ONNX model (the protobuf does not parse: the "
               "file is truncated or corrupt)");
  if (!model.has_graph())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   path + ": the ONNX model has no graph");
  for (const char *dialect : {"arith", "func", "linalg", "math", "tensor", "s2s"})
    if (!context->getOrLoadDialect(dialect))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     Twine("dialect '") + dialect +
                                         "' is not registered");
  Importer importer(context, path, options);
  return importer.run(model);
}
