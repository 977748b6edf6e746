//===- ImporterInternals.h - the ONNX importer's shared state ---*- C++ -*-===//
//
// What the files of the ONNX importer share: the Importer (the state of one
// import: the builder, the values by name, the node being imported), the
// attributes of a node, the table of node handlers by op type and opset,
// and the building blocks the handlers emit with (broadcasting, reshapes,
// slices, constants and their folding).
//
// Each op family lives in a file of its own (Elementwise.cpp, Shape.cpp,
// Reductions.cpp, Linear.cpp, Recurrent.cpp, Attention.cpp, Constants.cpp)
// that registers its handlers with a populate<Family>Handlers function;
// Importer.cpp walks the graph and dispatches each node to its handler.
//
// Errors are MLIR diagnostics at the node's location (a NameLoc naming the
// node, its index and op type, around a FileLineColLoc naming the model).
//
//===----------------------------------------------------------------------===//

#ifndef S2S_LIB_IMPORT_ONNX_IMPORTERINTERNALS_H
#define S2S_LIB_IMPORT_ONNX_IMPORTERINTERNALS_H

#include "s2s/Import/ONNX/ONNXImporter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Matchers.h"
#include "onnx/onnx_pb.h"
#include "llvm/ADT/StringMap.h"

#include <functional>

namespace mlir {
namespace s2s {
namespace onnx_import {

/// Elements of a folded tensor at most: larger results are computed by the
/// compiled code.
constexpr int64_t kMaxFoldElements = 4096;

/// The number of elements of `shape` (dimensions >= 0), INT64_MAX if that
/// overflows: shapes of the model's tensors are checked with
/// isRepresentable when they enter the importer, so only shapes computed
/// from the file's constants can reach it.
int64_t product(ArrayRef<int64_t> shape);
/// Whether a tensor of `shape` has an element count (and a size in bytes
/// of up to 8-byte elements) that int64 holds.
bool isRepresentable(ArrayRef<int64_t> shape);
/// "[2, 3]".
std::string shapeString(ArrayRef<int64_t> shape);
/// A number as %g prints it.
std::string formatNumber(double v);
/// A type as MLIR prints it.
std::string typeString(Type type);

/// `type` (of `attr`'s element type) with element i taken from element
/// `sourceIndex(i)` of `attr` (flat, row-major positions).
DenseElementsAttr pickElements(DenseElementsAttr attr, RankedTensorType type,
                               function_ref<int64_t(int64_t)> sourceIndex);
/// `attr` broadcast to `shape` (ONNX rules: aligned right).
DenseElementsAttr broadcastAttr(DenseElementsAttr attr,
                                ArrayRef<int64_t> shape);

/// Folds an element type cast of the constant `operand` to `type` as
/// arith's casts compute it (floats to integers toward zero, to bool as
/// "not zero"); null where it does not fold.
Attribute foldCast(Attribute operand, RankedTensorType type);

/// An integer the importer may know only at run time: the size of a
/// dimension, or an element of a shape computation (Shape -> Gather ->
/// Mul -> Concat -> Reshape). It is `factor` times the product of run-time
/// values, the Importer's symbols (by number); with no symbols it is a
/// constant. Products compare exactly, so a reshape from [S, B, 16] to
/// [S, 4*B, 4] finds its dimension groups as it does on static shapes. What
/// is not a product (a sum of different sizes, a comparison, a clamp) is
/// computed at run time and becomes a symbol of its own.
class SymSize {
public:
  SymSize() = default;
  /*implicit*/ SymSize(int64_t constant) : factor(constant) {}
  static SymSize symbol(unsigned id) {
    SymSize s(1);
    s.symbols.push_back(id);
    return s;
  }
  bool isConstant() const { return symbols.empty(); }
  std::optional<int64_t> getConstant() const {
    return isConstant() ? std::optional<int64_t>(factor) : std::nullopt;
  }
  /// The constant, or ShapedType::kDynamic.
  int64_t staticSize() const {
    return isConstant() ? factor : ShapedType::kDynamic;
  }
  int64_t getFactor() const { return factor; }
  ArrayRef<unsigned> getSymbols() const { return symbols; }
  bool operator==(const SymSize &o) const {
    return factor == o.factor && symbols == o.symbols;
  }
  bool operator!=(const SymSize &o) const { return !(*this == o); }
  /// The product (saturating at INT64_MAX on overflow of the factor).
  friend SymSize operator*(const SymSize &a, const SymSize &b);
  /// `this` / `d` when `d` divides it as a product: its factor divides ours
  /// and its symbols are among ours.
  std::optional<SymSize> divideExactly(const SymSize &d) const;
  /// `this` + `k` * `o` when both have the same symbols (like terms).
  std::optional<SymSize> addLikeTerms(const SymSize &o, int64_t k) const;

private:
  int64_t factor = 0;
  /// Sorted, with repeats (B*B has two).
  SmallVector<unsigned, 2> symbols;
};
using SymShape = SmallVector<SymSize, 4>;

SymSize operator*(const SymSize &a, const SymSize &b);

/// The product of `sizes`.
SymSize product(ArrayRef<SymSize> sizes);
/// The static shape of `sizes`: constants, kDynamic for the others.
SmallVector<int64_t> staticShape(ArrayRef<SymSize> sizes);
/// `shape` as sizes (every dimension static).
SymShape symShape(ArrayRef<int64_t> shape);

/// The attributes of one node, by name.
class NodeAttributes {
public:
  explicit NodeAttributes(const onnx::NodeProto &node);
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
  std::optional<SmallVector<int64_t>> getInts(StringRef name) const;
  SmallVector<std::string> getStrings(StringRef name) const;
  /// Names of all attributes not in `known`, sorted.
  SmallVector<std::string> unknown(ArrayRef<StringRef> known) const;

private:
  llvm::StringMap<const onnx::AttributeProto *> byName;
};

class Importer;

/// Imports one node: its results, one per output (a null value for an
/// output the handler does not produce).
using NodeHandler = std::function<FailureOr<SmallVector<Value>>(
    Importer &, const NodeAttributes &)>;

/// A handler of one result.
using SingleResultHandler =
    std::function<FailureOr<Value>(Importer &, const NodeAttributes &)>;
/// `handler` as a NodeHandler.
NodeHandler oneResult(SingleResultHandler handler);

/// The node handlers by op type and the opset version they apply from.
class HandlerTable {
public:
  /// Registers `handler` for `opType` from opset `sinceVersion` on (until a
  /// handler of the same op type with a larger version takes over).
  void on(StringRef opType, int64_t sinceVersion, NodeHandler handler);
  /// The same for a handler of one result.
  void on(StringRef opType, int64_t sinceVersion,
          FailureOr<Value> (Importer::*handler)(const NodeAttributes &));
  void on(StringRef opType, int64_t sinceVersion,
          FailureOr<SmallVector<Value>> (Importer::*handler)(
              const NodeAttributes &));

  /// The handler of `opType` with the largest version <= `opset`, or null.
  const NodeHandler *lookup(StringRef opType, int64_t opset) const;
  /// Whether `opType` has a handler at any opset.
  bool knows(StringRef opType) const { return handlers.count(opType); }
  /// The smallest version `opType` has a handler for (0 if none).
  int64_t oldestVersion(StringRef opType) const;

private:
  llvm::StringMap<SmallVector<std::pair<int64_t, NodeHandler>, 1>> handlers;
};

/// Registers the handlers of one op family (one per file).
void populateElementwiseHandlers(HandlerTable &table);
void populateShapeHandlers(HandlerTable &table);
void populateConstantHandlers(HandlerTable &table);
void populateReductionHandlers(HandlerTable &table);
void populateLinearHandlers(HandlerTable &table);
void populateRecurrentHandlers(HandlerTable &table);
void populateAttentionHandlers(HandlerTable &table);

/// The body of an elementwise op: one scalar per operand to the result.
using BodyFn = function_ref<Value(OpBuilder &, Location, ValueRange)>;
/// Folds an elementwise op on constant operands, each already broadcast to
/// `resultType`'s shape (in its own element type); a null attribute leaves
/// the op to the compiled code.
using FoldFn = function_ref<Attribute(ArrayRef<Attribute> operands,
                                      RankedTensorType resultType)>;

/// The state of one import; the handlers are its methods, spread over the
/// files of the op families.
class Importer {
public:
  Importer(MLIRContext *context, StringRef path,
           const ONNXImportOptions &options);

  /// The module of `model`, or failure after a diagnostic.
  FailureOr<OwningOpRef<ModuleOp>> run(const onnx::ModelProto &model);

  //===--------------------------------------------------------------------===//
  // Diagnostics
  //===--------------------------------------------------------------------===//

  /// An error at the node being imported (or at the model before the first
  /// node).
  LogicalResult fail(const Twine &message) {
    errorReported = true;
    return emitError(diagLoc) << message;
  }
  LogicalResult unsupported(const Twine &what) {
    return fail("unsupported: " + what);
  }
  /// An error about the model as a whole.
  LogicalResult failModel(const Twine &message) {
    errorReported = true;
    return emitError(fileLoc) << message;
  }

  //===--------------------------------------------------------------------===//
  // Types and values
  //===--------------------------------------------------------------------===//

  /// The MLIR element type of an ONNX TensorProto data type; `what` names
  /// the value in the error, which is reported at `at`.
  FailureOr<Type> convertElementType(int type, StringRef what, Location at);
  FailureOr<RankedTensorType>
  convertValueInfo(const onnx::ValueInfoProto &info);
  /// Input `i` of the node, null when absent or omitted.
  Value input(unsigned i) const {
    return i < inputs.size() ? inputs[i] : Value();
  }
  /// Input `i`, or null after an error naming it `what`.
  Value requireInput(unsigned i, StringRef what);
  /// Whether output `i` of the node is used (present and named).
  bool hasOutput(unsigned i) const {
    return i < outputNames.size() && !outputNames[i].empty();
  }
  static RankedTensorType typeOf(Value v) {
    return cast<RankedTensorType>(v.getType());
  }
  static ArrayRef<int64_t> shapeOf(Value v) { return typeOf(v).getShape(); }
  static Type eltOf(Value v) { return typeOf(v).getElementType(); }
  static int64_t rankOf(Value v) { return typeOf(v).getRank(); }
  static bool isFloat(Value v) { return isa<FloatType>(eltOf(v)); }

  //===--------------------------------------------------------------------===//
  // Sizes known at run time (Sizes.cpp)
  //===--------------------------------------------------------------------===//

  /// A new symbol standing for the index `value` (defined at the top level
  /// of the function, before the ops that use it); `name` is how messages
  /// print it (a dim_param), or empty.
  SymSize newSymbol(Value value, StringRef name = "", bool isSize = false);
  /// Whether `s` is a product of sizes (so never negative).
  bool isKnownSize(const SymSize &s) const;
  /// How many of the symbols of `s` are computed at run time rather than
  /// dimensions of the graph's inputs.
  unsigned computedSymbols(const SymSize &s) const;
  /// `s` as an index value.
  Value materialize(const SymSize &s);
  OpFoldResult foldResult(const SymSize &s);
  SmallVector<OpFoldResult> foldResults(ArrayRef<SymSize> sizes);
  /// "16", "4*B", "?" (a run-time value with no name).
  std::string sizeString(const SymSize &s) const;
  /// "[?, 4*B, 16]".
  std::string sizesString(ArrayRef<SymSize> sizes) const;
  /// The sizes of the dimensions of the ranked tensor `v`.
  SymShape sizesOf(Value v);
  /// Records `sizes` as those of `v`; returns `v`.
  Value record(Value v, ArrayRef<SymSize> sizes);
  /// Whether the elements of `v` are known at import time: a constant, or
  /// the result of a shape computation.
  bool hasKnownElements(Value v) const {
    return constAttr(v) || knownElements.count(v);
  }
  /// The elements of the shape operand `v` (a rank-0 or rank-1 integer
  /// tensor of static size), the operand `what` ("a shape input"):
  /// constants, the elements of a shape computation, or else read at run
  /// time.
  FailureOr<SymShape> elementsOf(Value v, const Twine &what);
  /// The elements of the shape operand `v` of a Reshape, Expand or
  /// ConstantOfShape, which must be a rank-1 tensor of static size.
  FailureOr<SymShape> shapeOperand(Value v, const Twine &what);
  /// A tensor of `type` (rank 0 or 1, integer elements) holding
  /// `elements`: a constant when they all are.
  Value fromElements(ArrayRef<SymSize> elements, RankedTensorType type);
  /// Fails at run time with `message` (naming the model and the node)
  /// unless `holds`.
  cf::AssertOp check(Value holds, const Twine &message);
  /// Checks at run time that every element of the integer tensor `indices`
  /// is in [-n, n) for n = `size` (an index counted from the end when
  /// negative); a check of values, which check-values=false removes.
  void checkIndicesInRange(Value indices, const SymSize &size,
                           const Twine &what);
  /// Checks that `a` equals `b`: nothing when they are the same size, an
  /// error when they are different constants, else a check at run time.
  LogicalResult requireEqual(const SymSize &a, const SymSize &b,
                             const Twine &message);
  /// Integer arithmetic on sizes as ONNX defines it on int64 (division
  /// truncates), computed at run time when it cannot be at import time.
  SymSize add(const SymSize &a, const SymSize &b);
  SymSize sub(const SymSize &a, const SymSize &b);
  FailureOr<SymSize> divide(const SymSize &a, const SymSize &b);
  SymSize minimum(const SymSize &a, const SymSize &b);
  SymSize maximum(const SymSize &a, const SymSize &b);
  /// 1 or 0.
  SymSize compare(arith::CmpIPredicate pred, const SymSize &a,
                  const SymSize &b);
  /// `cond` (non-zero) ? a : b.
  SymSize select(const SymSize &cond, const SymSize &a, const SymSize &b);

  //===--------------------------------------------------------------------===//
  // Shape computations (ShapeComputations.cpp)
  //===--------------------------------------------------------------------===//

  /// The results of the node when it is a shape computation on elements
  /// known at import time (at least one of them at run time only): Shape
  /// of a tensor with dynamic sizes, and Gather, Concat, Slice, Squeeze,
  /// Unsqueeze, Reshape, Cast, arithmetic, comparisons and Where on such
  /// shapes. None when the node is not one; the node's handler imports it.
  FailureOr<std::optional<SmallVector<Value>>>
  importShapeComputation(const NodeAttributes &attrs);

  //===--------------------------------------------------------------------===//
  // Constants (Constants.cpp)
  //===--------------------------------------------------------------------===//

  Value constant(DenseElementsAttr attr) {
    return arith::ConstantOp::create(builder, loc, attr);
  }
  /// A scalar arith.constant.
  Value scalarConst(TypedAttr value) {
    return arith::ConstantOp::create(builder, loc, value);
  }
  /// A float scalar of type `type`.
  Value floatConst(Type type, double value) {
    return scalarConst(builder.getFloatAttr(type, value));
  }
  /// A rank-1 i64 constant.
  Value int64Const(ArrayRef<int64_t> values);
  static DenseElementsAttr constAttr(Value v) {
    DenseElementsAttr attr;
    if (v && matchPattern(v, m_Constant(&attr)))
      return attr;
    return nullptr;
  }
  /// The value of `v` if it is a constant small enough to fold.
  static DenseElementsAttr foldable(Value v);
  /// The elements of an integer constant, sign-extended.
  /// The integers of `v`, the operand `what` ("an axes input"): unsupported
  /// unless it is a constant, an error unless its elements are integers.
  FailureOr<SmallVector<int64_t>> constInts(Value v, const Twine &what);
  /// The initializer or attribute `tensor` as a constant; null after an
  /// error.
  Value fromTensorProto(const onnx::TensorProto &tensor, StringRef name);

  //===--------------------------------------------------------------------===//
  // Building blocks (Builders.cpp)
  //===--------------------------------------------------------------------===//

  /// A tensor.empty of `sizes` (dynamic ones computed at run time).
  Value empty(ArrayRef<SymSize> sizes, Type elt);
  /// The constant of `shape`, which has no elements (a value to fold
  /// through, unlike tensor.empty).
  Value emptyConstant(ArrayRef<int64_t> shape, Type elt) {
    return constant(DenseElementsAttr::get(RankedTensorType::get(shape, elt),
                                           ArrayRef<Attribute>{}));
  }
  /// A tensor of `sizes` filled with `value`.
  Value filled(ArrayRef<SymSize> sizes, TypedAttr value);
  /// The sizes the operands broadcast to (ONNX rules: aligned right). A
  /// dimension broadcasts when its size is the constant 1; dynamic sizes
  /// that must agree are checked at run time.
  FailureOr<SymShape> broadcastShapes(ArrayRef<Value> values);
  /// One linalg.generic over the broadcast operands, or a constant when
  /// `fold` folds constant operands.
  FailureOr<Value> elementwise(ArrayRef<Value> operands, Type resultElt,
                               BodyFn body, FoldFn fold = nullptr);
  Value broadcastTo(Value v, ArrayRef<SymSize> sizes);
  Value transpose(Value v, ArrayRef<int64_t> perm);
  /// `v` reshaped to `sizes` (of the same number of elements): a
  /// collapse_shape, an expand_shape, or one then the other.
  Value reshape(Value v, ArrayRef<SymSize> sizes);
  /// The same between static shapes.
  Value reshapeStatic(Value v, ArrayRef<int64_t> shape);
  /// A strided slice; an empty tensor when a size is zero.
  Value slice(Value v, ArrayRef<SymSize> offsets, ArrayRef<SymSize> sizes,
              ArrayRef<int64_t> strides = {});
  /// The concatenation of `parts` (of equal rank and element type) along
  /// `axis`.
  Value concat(ArrayRef<Value> parts, int64_t axis);
  Value permuteBlocks(Value v, int64_t axis, int64_t block,
                      ArrayRef<int64_t> order);
  Value matmul(Value a, Value b);
  Value castTo(Value v, Type to);
  FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank,
                                   StringRef what = "axis");

  //===--------------------------------------------------------------------===//
  // Node handlers (one file per op family)
  //===--------------------------------------------------------------------===//

  // Recurrent.cpp
  FailureOr<SmallVector<Value>> importRecurrent(const NodeAttributes &attrs);
  // Attention.cpp
  FailureOr<SmallVector<Value>> importAttention(const NodeAttributes &attrs);
  // Linear.cpp
  FailureOr<Value> importGemm(const NodeAttributes &attrs);
  FailureOr<Value> importMatMul(const NodeAttributes &attrs);
  // Reductions.cpp
  FailureOr<Value> importReduce(const NodeAttributes &attrs, bool axesAsInput);
  FailureOr<Value> importSoftmax(const NodeAttributes &attrs, bool onAxis);
  FailureOr<SmallVector<Value>> importLayerNorm(const NodeAttributes &attrs);
  FailureOr<Value> importArgMax(const NodeAttributes &attrs);
  // Shape.cpp
  FailureOr<Value> importReshape(const NodeAttributes &attrs);
  FailureOr<Value> importGather(const NodeAttributes &attrs);
  FailureOr<Value> importSlice(const NodeAttributes &attrs, bool fromInputs);
  FailureOr<SmallVector<Value>> importSplit(const NodeAttributes &attrs);
  FailureOr<Value> importConcat(const NodeAttributes &attrs);
  FailureOr<Value> importTranspose(const NodeAttributes &attrs);
  FailureOr<Value> importSqueeze(const NodeAttributes &attrs, bool unsqueeze,
                                 bool axesAsInput);
  FailureOr<Value> importFlatten(const NodeAttributes &attrs);
  FailureOr<Value> importExpand(const NodeAttributes &attrs);
  FailureOr<Value> importShape(const NodeAttributes &attrs);
  FailureOr<Value> importSize(const NodeAttributes &attrs);
  // Constants.cpp
  FailureOr<Value> importConstant(const NodeAttributes &attrs);
  FailureOr<Value> importConstantOfShape(const NodeAttributes &attrs);
  FailureOr<Value> importRange(const NodeAttributes &attrs);
  FailureOr<Value> importRangeAtRunTime();
  /// The length of Range(start, limit, delta) when it is Range(0, n, 1) of
  /// a size n known at import time (a dimension, a product of them).
  std::optional<SymSize> rangeOfSize(Value start, Value limit, Value delta);
  /// The length of a Range computed at run time from its scalars of type
  /// `elt`, checked (delta not 0, at most kMaxRangeElements).
  SymSize runTimeRangeCount(Value start, Value limit, Value delta, Type elt);
  // Elementwise.cpp
  FailureOr<Value> importUnary(const NodeAttributes &attrs);
  FailureOr<Value> importBinary(const NodeAttributes &attrs);
  FailureOr<Value> importWhere(const NodeAttributes &attrs);
  FailureOr<Value> importTrilu(const NodeAttributes &attrs);
  FailureOr<Value> importPow(const NodeAttributes &attrs);
  FailureOr<Value> importCast(const NodeAttributes &attrs);
  FailureOr<SmallVector<Value>> importDropout(const NodeAttributes &attrs,
                                              bool trainingModeInput);

  //===--------------------------------------------------------------------===//
  // State
  //===--------------------------------------------------------------------===//

  MLIRContext *context;
  OpBuilder builder;
  std::string path;
  ONNXImportOptions options;
  /// The model: errors about the graph as a whole are reported here.
  Location fileLoc;
  /// Where the ops of the node being imported are.
  Location loc;
  /// Where the errors of the node being imported are reported: a NameLoc
  /// holding the node's label ("node 'name' (#index) (OpType)").
  Location diagLoc;
  /// The opset of the default domain.
  int64_t opset = 0;
  llvm::StringMap<Value> values;
  // The node being imported.
  std::string nodeLabel, opType;
  SmallVector<Value> inputs;
  SmallVector<std::string> inputNames, outputNames;
  /// Whether an error has been reported.
  bool errorReported = false;
  /// The run-time values sizes are products of.
  struct Symbol {
    Value value;
    std::string name;
    /// A dimension's size (>= 0), not any integer.
    bool isSize;
  };
  SmallVector<Symbol> symbols;
  /// The sizes of the tensors with dynamic dimensions made so far.
  DenseMap<Value, SymShape> knownSizes;
  /// The elements of the shape computations' results.
  DenseMap<Value, SymShape> knownElements;
};

} // namespace onnx_import
} // namespace s2s
} // namespace mlir

#endif // S2S_LIB_IMPORT_ONNX_IMPORTERINTERNALS_H
