//===- S2SOps.cpp - s2s op verification and type inference ----------------===//
//
// Shape rules of the s2s ops. Each op has three parts that must agree:
//
//  * `verifyOperandShapes()` checks every operand against the shapes implied
//    by the op's principal operand and attributes, and names the operand,
//    the symbolic rule, the expected and the actual shape when it fails;
//  * `inferReturnTypes()` derives the result types from the principal
//    operand and attributes only, so that it succeeds on any operands that
//    passed the ODS rank and element type constraints;
//  * `reifyResultShapes()` (S2SReify.cpp) gives the sizes of the results at
//    run time: each dynamic result dimension is a dimension of an operand.
//
//===----------------------------------------------------------------------===//

#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace mlir;
using namespace mlir::s2s;

//===----------------------------------------------------------------------===//
// Shape helpers
//===----------------------------------------------------------------------===//

static constexpr int64_t kDynamic = ShapedType::kDynamic;

/// Product of two dimensions; dynamic if either is.
static int64_t mulDims(int64_t a, int64_t b) {
  if (ShapedType::isDynamic(a) || ShapedType::isDynamic(b))
    return kDynamic;
  return a * b;
}

/// Two dimensions agree unless both are static and differ.
static bool dimsAgree(int64_t a, int64_t b) {
  return a == b || ShapedType::isDynamic(a) || ShapedType::isDynamic(b);
}

/// Prints a shape as `[2, ?, 8]`.
static std::string formatShape(ArrayRef<int64_t> shape) {
  std::string result;
  llvm::raw_string_ostream os(result);
  os << '[';
  llvm::interleaveComma(shape, os, [&](int64_t dim) {
    if (ShapedType::isDynamic(dim))
      os << '?';
    else
      os << dim;
  });
  os << ']';
  return result;
}

static RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

namespace {
/// Checks operands of one op against expected shapes and element types.
/// `legend` explains the symbols used in the shape rules (for example
/// "D = 1, H = 16, I = 8") and is appended to every shape message.
class OperandChecker {
public:
  OperandChecker(Operation *op, std::string legend = "")
      : op(op), legend(std::move(legend)) {}

  void setLegend(std::string newLegend) { legend = std::move(newLegend); }

  /// `value`, the operand called `name`, must have shape `expected`
  /// (`rule` in symbols). Dynamic dimensions on either side are not checked.
  LogicalResult shape(StringRef name, Value value, ArrayRef<int64_t> expected,
                      StringRef rule) {
    auto type = getTensorType(value);
    if (type.getRank() == static_cast<int64_t>(expected.size()) &&
        llvm::all_of(llvm::zip_equal(type.getShape(), expected), [](auto pair) {
          return dimsAgree(std::get<0>(pair), std::get<1>(pair));
        }))
      return success();
    InFlightDiagnostic diag = op->emitOpError()
                              << "operand '" << name << "' must have shape "
                              << rule << " = " << formatShape(expected)
                              << ", but has " << formatShape(type.getShape());
    if (!legend.empty())
      diag << " (" << legend << ")";
    return diag;
  }

  /// `value` must have the element type `expected`, that of operand `ref`.
  LogicalResult elementType(StringRef name, Value value, Type expected,
                            StringRef ref) {
    Type actual = getTensorType(value).getElementType();
    if (actual == expected)
      return success();
    return op->emitOpError()
           << "operand '" << name << "' must have element type " << expected
           << " (that of '" << ref << "'), but has " << actual;
  }

  /// Operands `a` and `b` are both present or both absent.
  LogicalResult together(StringRef a, Value va, StringRef b, Value vb) {
    if (static_cast<bool>(va) == static_cast<bool>(vb))
      return success();
    return op->emitOpError() << "operands '" << a << "' and '" << b
                             << "' must be given together, but only '"
                             << (va ? a : b) << "' is present";
  }

  /// `value`, when present, has shape `expected` and element type `elt`.
  LogicalResult optional(StringRef name, Value value,
                         ArrayRef<int64_t> expected, StringRef rule, Type elt,
                         StringRef ref) {
    if (!value)
      return success();
    if (failed(shape(name, value, expected, rule)))
      return failure();
    return elementType(name, value, elt, ref);
  }

  /// `mask` broadcasts to `target` (`rule`): rank at most that of the
  /// target, aligned right, every dimension 1 or equal to the target's.
  LogicalResult broadcastable(StringRef name, Value mask,
                              ArrayRef<int64_t> target, StringRef rule,
                              int64_t minRank) {
    auto type = getTensorType(mask);
    int64_t rank = type.getRank();
    int64_t targetRank = target.size();
    bool ok = rank >= minRank && rank <= targetRank;
    for (int64_t i = 0; ok && i < rank; ++i) {
      int64_t dim = type.getDimSize(rank - 1 - i);
      ok = dim == 1 || dimsAgree(dim, target[targetRank - 1 - i]);
    }
    if (ok)
      return success();
    InFlightDiagnostic diag = op->emitOpError()
                              << "operand '" << name << "' must broadcast to "
                              << rule << " = " << formatShape(target)
                              << " (rank " << minRank;
    if (targetRank != minRank)
      diag << " to " << targetRank;
    diag << ", each dimension 1 or equal), but has "
         << formatShape(type.getShape());
    if (!legend.empty())
      diag << " (" << legend << ")";
    return diag;
  }

  /// A mask is boolean or has the floating-point type `elt`.
  LogicalResult maskElementType(StringRef name, Value mask, Type elt) {
    Type actual = getTensorType(mask).getElementType();
    if (actual.isInteger(1) || actual == elt)
      return success();
    return op->emitOpError()
           << "operand '" << name << "' must be a boolean (i1) mask or an "
           << "additive mask of element type " << elt << ", but has " << actual;
  }

private:
  Operation *op;
  std::string legend;
};
} // namespace

static std::string
symbolLegend(ArrayRef<std::pair<StringRef, int64_t>> symbols) {
  std::string result;
  llvm::raw_string_ostream os(result);
  llvm::interleaveComma(symbols, os, [&](auto symbol) {
    os << symbol.first << " = ";
    if (ShapedType::isDynamic(symbol.second))
      os << '?';
    else
      os << symbol.second;
  });
  return result;
}

/// "4*H" for four gates, "H" for one.
static std::string gateRule(int64_t numGates) {
  return numGates == 1 ? "H" : std::to_string(numGates) + "*H";
}

//===----------------------------------------------------------------------===//
// Recurrent layers
//===----------------------------------------------------------------------===//

namespace {
/// The dimensions of a recurrent layer, read from `x` and the attributes.
struct RNNLayerDims {
  int64_t numDirections, seqLen, batch, inputSize, hiddenSize;

  template <typename AdaptorOrOp> static RNNLayerDims get(AdaptorOrOp op) {
    auto xType = getTensorType(op.getX());
    bool batchFirst = op.getBatchFirst();
    return {op.getDirection() == Direction::bidirectional ? 2 : 1,
            xType.getDimSize(batchFirst ? 1 : 0),
            xType.getDimSize(batchFirst ? 0 : 1), xType.getDimSize(2),
            static_cast<int64_t>(op.getHiddenSize())};
  }
};
} // namespace

/// Shared rules of s2s.rnn, s2s.lstm and s2s.gru; `c0` is the LSTM's
/// initial cell state and peepholes (null for the others).
template <typename OpTy>
static LogicalResult verifyRNNLayer(OpTy op, int64_t numGates, Value c0,
                                    Value peepholes = nullptr) {
  RNNLayerDims dims = RNNLayerDims::get(op);
  int64_t d = dims.numDirections, h = dims.hiddenSize;
  int64_t gates = numGates * h;
  OperandChecker check(
      op, symbolLegend(
              {{"D", d}, {"H", h}, {"I", dims.inputSize}, {"B", dims.batch}}));
  Type elt = getTensorType(op.getX()).getElementType();
  std::string g = gateRule(numGates);

  if (failed(check.shape("w_ih", op.getWIh(), {d, gates, dims.inputSize},
                         "[D, " + g + ", I]")) ||
      failed(check.elementType("w_ih", op.getWIh(), elt, "x")) ||
      failed(check.shape("w_hh", op.getWHh(), {d, gates, h},
                         "[D, " + g + ", H]")) ||
      failed(check.elementType("w_hh", op.getWHh(), elt, "x")) ||
      failed(check.together("b_ih", op.getBIh(), "b_hh", op.getBHh())) ||
      failed(check.optional("b_ih", op.getBIh(), {d, gates}, "[D, " + g + "]",
                            elt, "x")) ||
      failed(check.optional("b_hh", op.getBHh(), {d, gates}, "[D, " + g + "]",
                            elt, "x")) ||
      failed(check.optional("h0", op.getH0(), {d, dims.batch, h}, "[D, B, H]",
                            elt, "x")) ||
      failed(check.optional("c0", c0, {d, dims.batch, h}, "[D, B, H]", elt,
                            "x")) ||
      failed(check.optional("peepholes", peepholes, {d, mulDims(3, h)},
                            "[D, 3*H]", elt, "x")))
    return failure();
  if (std::optional<APFloat> clip = op.getClip())
    if (!(clip->convertToDouble() > 0))
      return op.emitOpError() << "attribute 'clip' must be positive, but is "
                              << clip->convertToDouble();
  if (Value seqLens = op.getSeqLens())
    if (failed(check.shape("seq_lens", seqLens, {dims.batch}, "[B]")))
      return failure();
  return success();
}

/// Result types of a recurrent layer: y, then `numStates` final states.
template <typename AdaptorTy>
static LogicalResult inferRNNLayer(AdaptorTy adaptor, unsigned numStates,
                                   SmallVectorImpl<Type> &results) {
  auto xType = dyn_cast<RankedTensorType>(adaptor.getX().getType());
  if (!xType || xType.getRank() != 3)
    return failure();
  RNNLayerDims dims = RNNLayerDims::get(adaptor);
  int64_t dh = mulDims(dims.numDirections, dims.hiddenSize);
  Type elt = xType.getElementType();
  SmallVector<int64_t> yShape = {dims.seqLen, dims.batch, dh};
  if (adaptor.getBatchFirst())
    std::swap(yShape[0], yShape[1]);
  results.push_back(RankedTensorType::get(yShape, elt));
  for (unsigned i = 0; i < numStates; ++i)
    results.push_back(RankedTensorType::get(
        {dims.numDirections, dims.batch, dims.hiddenSize}, elt));
  return success();
}

CellKind RNNOp::getCellKind() { return CellKind::rnn; }
CellKind LSTMOp::getCellKind() { return CellKind::lstm; }
CellKind GRUOp::getCellKind() { return CellKind::gru; }
CellKind RNNCellOp::getCellKind() { return CellKind::rnn; }
CellKind LSTMCellOp::getCellKind() { return CellKind::lstm; }
CellKind GRUCellOp::getCellKind() { return CellKind::gru; }

LogicalResult RNNOp::verifyOperandShapes() {
  return verifyRNNLayer(*this, getNumGates(), /*c0=*/nullptr);
}

LogicalResult RNNOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &results) {
  return inferRNNLayer(adaptor, 1, results);
}

LogicalResult LSTMOp::verifyOperandShapes() {
  return verifyRNNLayer(*this, getNumGates(), getC0(), getPeepholes());
}

LogicalResult LSTMOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &results) {
  return inferRNNLayer(adaptor, 2, results);
}

LogicalResult GRUOp::verifyOperandShapes() {
  return verifyRNNLayer(*this, getNumGates(), /*c0=*/nullptr);
}

LogicalResult GRUOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &results) {
  return inferRNNLayer(adaptor, 1, results);
}

//===----------------------------------------------------------------------===//
// RecurrenceOp
//===----------------------------------------------------------------------===//

int64_t mlir::s2s::getNumGates(CellKind cell) {
  switch (cell) {
  case CellKind::rnn:
    return 1;
  case CellKind::lstm:
    return 4;
  case CellKind::gru:
    return 3;
  }
  llvm_unreachable("unknown cell kind");
}

CellKind RecurrenceOp::getCellKind() { return getCell(); }

LogicalResult RecurrenceOp::verifyOperandShapes() {
  auto xType = getTensorType(getXGates());
  bool batchFirst = getBatchFirst();
  int64_t t = xType.getDimSize(batchFirst ? 1 : 0);
  int64_t b = xType.getDimSize(batchFirst ? 0 : 1);
  int64_t d = getNumDirections(), h = getHiddenSize();
  int64_t numGates = getNumGates(), gates = numGates * h;
  std::string g = gateRule(numGates);
  StringRef cell = stringifyCellKind(getCell());
  Type elt = xType.getElementType();
  OperandChecker check(
      *this,
      symbolLegend({{"T", t}, {"B", b}, {"D", d}, {"H", h}, {"G", numGates}}));
  SmallVector<int64_t> xShape = {t, b, mulDims(d, gates)};
  if (batchFirst)
    std::swap(xShape[0], xShape[1]);
  if (failed(check.shape("x_gates", getXGates(), xShape,
                         batchFirst ? "[B, T, D*G*H]" : "[T, B, D*G*H]")) ||
      failed(
          check.shape("w_hh", getWHh(), {d, gates, h}, "[D, " + g + ", H]")) ||
      failed(check.elementType("w_hh", getWHh(), elt, "x_gates")) ||
      failed(check.optional("b_hh", getBHh(), {d, gates}, "[D, " + g + "]", elt,
                            "x_gates")) ||
      failed(check.optional("h0", getH0(), {d, b, h}, "[D, B, H]", elt,
                            "x_gates")))
    return failure();
  if (Value c0 = getC0()) {
    if (getCell() != CellKind::lstm)
      return emitOpError() << "operand 'c0' is only used by cell 'lstm', not '"
                           << cell << "'";
    if (failed(
            check.optional("c0", c0, {d, b, h}, "[D, B, H]", elt, "x_gates")))
      return failure();
  }
  if (Value seqLens = getSeqLens())
    if (failed(check.shape("seq_lens", seqLens, {b}, "[B]")))
      return failure();
  if (getCell() != CellKind::rnn && getActivation() != Activation::tanh)
    return emitOpError() << "attribute 'activation' applies to cell 'rnn' "
                         << "only, not '" << cell << "'";
  if (getCell() != CellKind::gru && !getLinearBeforeReset())
    return emitOpError() << "attribute 'linear_before_reset' applies to cell "
                         << "'gru' only, not '" << cell << "'";
  return success();
}

LogicalResult RecurrenceOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location>,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &results) {
  auto xType = getTensorType(adaptor.getXGates());
  bool batchFirst = adaptor.getBatchFirst();
  int64_t t = xType.getDimSize(batchFirst ? 1 : 0);
  int64_t b = xType.getDimSize(batchFirst ? 0 : 1);
  int64_t d = adaptor.getDirection() == Direction::bidirectional ? 2 : 1;
  int64_t h = adaptor.getHiddenSize();
  Type elt = xType.getElementType();
  SmallVector<int64_t> yShape = {t, b, mulDims(d, h)};
  if (batchFirst)
    std::swap(yShape[0], yShape[1]);
  results.push_back(RankedTensorType::get(yShape, elt));
  results.push_back(RankedTensorType::get({d, b, h}, elt));
  if (adaptor.getCell() == CellKind::lstm)
    results.push_back(RankedTensorType::get({d, b, h}, elt));
  return success();
}

//===----------------------------------------------------------------------===//
// Recurrent cells
//===----------------------------------------------------------------------===//

/// Shared rules of the cells; `c` is the LSTM cell state (null otherwise).
template <typename OpTy>
static LogicalResult verifyRNNCell(OpTy op, int64_t numGates, Value c) {
  auto xType = getTensorType(op.getX());
  auto hType = getTensorType(op.getH());
  int64_t batch = xType.getDimSize(0), inputSize = xType.getDimSize(1);
  int64_t h = hType.getDimSize(1);
  int64_t gates = mulDims(numGates, h);
  Type elt = xType.getElementType();
  std::string g = gateRule(numGates);
  OperandChecker check(
      op, symbolLegend({{"B", batch}, {"I", inputSize}, {"H", h}}));
  if (failed(check.shape("h", op.getH(), {batch, h}, "[B, H]")) ||
      failed(check.elementType("h", op.getH(), elt, "x")) ||
      failed(check.optional("c", c, {batch, h}, "[B, H]", elt, "x")) ||
      failed(check.shape("w_ih", op.getWIh(), {gates, inputSize},
                         "[" + g + ", I]")) ||
      failed(check.elementType("w_ih", op.getWIh(), elt, "x")) ||
      failed(check.shape("w_hh", op.getWHh(), {gates, h}, "[" + g + ", H]")) ||
      failed(check.elementType("w_hh", op.getWHh(), elt, "x")) ||
      failed(check.together("b_ih", op.getBIh(), "b_hh", op.getBHh())) ||
      failed(check.optional("b_ih", op.getBIh(), {gates}, "[" + g + "]", elt,
                            "x")) ||
      failed(check.optional("b_hh", op.getBHh(), {gates}, "[" + g + "]", elt,
                            "x")))
    return failure();
  return success();
}

/// Every result of a cell has the type of its hidden state `h`.
template <typename AdaptorTy>
static LogicalResult inferRNNCell(AdaptorTy adaptor, unsigned numResults,
                                  SmallVectorImpl<Type> &results) {
  results.append(numResults, adaptor.getH().getType());
  return success();
}

LogicalResult RNNCellOp::verifyOperandShapes() {
  return verifyRNNCell(*this, getNumGates(), nullptr);
}

LogicalResult RNNCellOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location>,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &results) {
  return inferRNNCell(adaptor, 1, results);
}

LogicalResult LSTMCellOp::verifyOperandShapes() {
  return verifyRNNCell(*this, getNumGates(), getC());
}

LogicalResult LSTMCellOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location>,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &results) {
  return inferRNNCell(adaptor, 2, results);
}

LogicalResult GRUCellOp::verifyOperandShapes() {
  return verifyRNNCell(*this, getNumGates(), nullptr);
}

LogicalResult GRUCellOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location>,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &results) {
  return inferRNNCell(adaptor, 1, results);
}

//===----------------------------------------------------------------------===//
// AttentionOp
//===----------------------------------------------------------------------===//

LogicalResult AttentionOp::verifyOperandShapes() {
  auto qType = getTensorType(getQuery());
  auto kType = getTensorType(getKeys());
  auto vType = getTensorType(getValues());
  int64_t b = qType.getDimSize(0), tq = qType.getDimSize(1),
          dq = qType.getDimSize(2);
  int64_t tk = kType.getDimSize(1), dk = kType.getDimSize(2),
          dv = vType.getDimSize(2);
  Type elt = qType.getElementType();
  OperandChecker check(
      *this,
      symbolLegend({{"B", b}, {"Tq", tq}, {"Dq", dq}, {"Tk", tk}, {"Dk", dk}}));
  if (failed(check.shape("keys", getKeys(), {b, tk, dk}, "[B, Tk, Dk]")) ||
      failed(check.elementType("keys", getKeys(), elt, "query")) ||
      failed(check.shape("values", getValues(), {b, tk, dv}, "[B, Tk, Dv]")) ||
      failed(check.elementType("values", getValues(), elt, "query")))
    return failure();

  // Each score function takes exactly its own parameters.
  AttentionScore score = getScore();
  std::pair<StringRef, Value> params[] = {{"w", getW()},
                                          {"w_query", getWQuery()},
                                          {"w_keys", getWKeys()},
                                          {"v", getV()}};
  for (auto [name, value] : params) {
    bool wanted = score == AttentionScore::general
                      ? name == "w"
                      : score == AttentionScore::additive && name != "w";
    if (wanted && !value)
      return emitOpError() << "score '" << stringifyAttentionScore(score)
                           << "' requires operand '" << name << "'";
    if (!wanted && value)
      return emitOpError() << "operand '" << name << "' is not used by score '"
                           << stringifyAttentionScore(score) << "'";
  }

  switch (score) {
  case AttentionScore::dot:
    if (!dimsAgree(dq, dk))
      return emitOpError() << "score 'dot' needs query and keys of one "
                           << "feature size, but Dq = " << dq
                           << " and Dk = " << dk;
    break;
  case AttentionScore::general:
    if (failed(check.shape("w", getW(), {dq, dk}, "[Dq, Dk]")) ||
        failed(check.elementType("w", getW(), elt, "query")))
      return failure();
    break;
  case AttentionScore::additive: {
    int64_t a = getTensorType(getV()).getDimSize(0);
    check.setLegend(symbolLegend({{"A", a}, {"Dq", dq}, {"Dk", dk}}));
    if (failed(check.elementType("v", getV(), elt, "query")) ||
        failed(check.shape("w_query", getWQuery(), {a, dq}, "[A, Dq]")) ||
        failed(check.elementType("w_query", getWQuery(), elt, "query")) ||
        failed(check.shape("w_keys", getWKeys(), {a, dk}, "[A, Dk]")) ||
        failed(check.elementType("w_keys", getWKeys(), elt, "query")))
      return failure();
    break;
  }
  }

  if (Value mask = getMask()) {
    check.setLegend(symbolLegend({{"B", b}, {"Tq", tq}, {"Tk", tk}}));
    if (failed(check.broadcastable("mask", mask, {b, tq, tk}, "[B, Tq, Tk]",
                                   /*minRank=*/3)))
      return failure();
  }
  return success();
}

LogicalResult AttentionOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location>,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &results) {
  auto qType = getTensorType(adaptor.getQuery());
  auto kType = getTensorType(adaptor.getKeys());
  auto vType = getTensorType(adaptor.getValues());
  int64_t b = qType.getDimSize(0), tq = qType.getDimSize(1);
  Type elt = qType.getElementType();
  results.push_back(RankedTensorType::get({b, tq, vType.getDimSize(2)}, elt));
  results.push_back(RankedTensorType::get({b, tq, kType.getDimSize(1)}, elt));
  return success();
}

//===----------------------------------------------------------------------===//
// ScaledDotProductAttentionOp
//===----------------------------------------------------------------------===//

double ScaledDotProductAttentionOp::getScaleOrDefault() {
  if (FloatAttr scale = getScaleAttr())
    return scale.getValueAsDouble();
  return 1.0 / std::sqrt(static_cast<double>(
                   getTensorType(getQuery()).getDimSize(3)));
}

LogicalResult ScaledDotProductAttentionOp::verifyOperandShapes() {
  auto qType = getTensorType(getQuery());
  auto kType = getTensorType(getKey());
  auto vType = getTensorType(getValue());
  int64_t b = qType.getDimSize(0), h = qType.getDimSize(1),
          tq = qType.getDimSize(2), d = qType.getDimSize(3);
  int64_t hkv = kType.getDimSize(1), tk = kType.getDimSize(2),
          dv = vType.getDimSize(3);
  Type elt = qType.getElementType();
  OperandChecker check(*this, symbolLegend({{"B", b},
                                            {"H", h},
                                            {"Hkv", hkv},
                                            {"Tq", tq},
                                            {"Tk", tk},
                                            {"D", d}}));
  if (failed(
          check.shape("key", getKey(), {b, hkv, tk, d}, "[B, Hkv, Tk, D]")) ||
      failed(check.elementType("key", getKey(), elt, "query")) ||
      failed(check.shape("value", getValue(), {b, hkv, tk, dv},
                         "[B, Hkv, Tk, Dv]")) ||
      failed(check.elementType("value", getValue(), elt, "query")))
    return failure();
  if (!ShapedType::isDynamic(h) && !ShapedType::isDynamic(hkv) &&
      (hkv == 0 || h % hkv != 0))
    return emitOpError() << "the key/value heads (Hkv = " << hkv
                         << ") must divide the query heads (H = " << h << ")";
  if (Value mask = getMask()) {
    if (failed(check.maskElementType("mask", mask, elt)) ||
        failed(check.broadcastable("mask", mask, {b, h, tq, tk},
                                   "[B, H, Tq, Tk]", /*minRank=*/2)))
      return failure();
  }
  if (FloatAttr scale = getScaleAttr())
    if (!std::isfinite(scale.getValueAsDouble()))
      return emitOpError() << "attribute 'scale' must be finite, but is "
                           << scale.getValueAsDouble();
  return success();
}

LogicalResult ScaledDotProductAttentionOp::inferReturnTypes(
    MLIRContext *, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &results) {
  auto qType = getTensorType(adaptor.getQuery());
  auto vType = getTensorType(adaptor.getValue());
  SmallVector<int64_t> shape(qType.getShape());
  shape[3] = vType.getDimSize(3);
  results.push_back(RankedTensorType::get(shape, qType.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// MultiHeadAttentionOp
//===----------------------------------------------------------------------===//

namespace {
/// Batch, length and feature size of an MHA input in its layout.
struct SequenceDims {
  int64_t batch, length, features;

  static SequenceDims get(Value value, bool batchFirst) {
    auto type = getTensorType(value);
    return {type.getDimSize(batchFirst ? 0 : 1),
            type.getDimSize(batchFirst ? 1 : 0), type.getDimSize(2)};
  }

  /// The shape in the given layout.
  SmallVector<int64_t> shape(bool batchFirst) const {
    if (batchFirst)
      return {batch, length, features};
    return {length, batch, features};
  }
};
} // namespace

LogicalResult MultiHeadAttentionOp::verifyOperandShapes() {
  bool batchFirst = getBatchFirst();
  StringRef layout = batchFirst ? "[B, Tk, " : "[Tk, B, ";
  SequenceDims q = SequenceDims::get(getQuery(), batchFirst);
  int64_t e = q.features, b = q.batch, tq = q.length;
  int64_t heads = getNumHeads();
  Type elt = getTensorType(getQuery()).getElementType();
  OperandChecker check(*this);

  if (failed(check.together("key", getKey(), "value", getValue())))
    return failure();
  SequenceDims k = q, v = q;
  if (getKey()) {
    k = SequenceDims::get(getKey(), batchFirst);
    v = SequenceDims::get(getValue(), batchFirst);
    check.setLegend(symbolLegend({{"B", b}, {"Tk", k.length}}));
    if (failed(check.shape(
            "key", getKey(),
            {batchFirst ? b : k.length, batchFirst ? k.length : b, k.features},
            (layout + "Ek]").str())) ||
        failed(check.elementType("key", getKey(), elt, "query")) ||
        failed(check.shape(
            "value", getValue(),
            {batchFirst ? b : k.length, batchFirst ? k.length : b, v.features},
            (layout + "Ev]").str())) ||
        failed(check.elementType("value", getValue(), elt, "query")))
      return failure();
  }
  int64_t tk = k.length;

  if (!ShapedType::isDynamic(e) && e % heads != 0)
    return emitOpError() << "attribute 'num_heads' (" << heads
                         << ") must divide the embedding size E (" << e << ")";

  // Projection weights: packed or separate, never both.
  check.setLegend(
      symbolLegend({{"E", e}, {"Ek", k.features}, {"Ev", v.features}}));
  bool separate = getQProjWeight() || getKProjWeight() || getVProjWeight();
  if (getInProjWeight() && separate)
    return emitOpError() << "takes either 'in_proj_weight' or "
                         << "'q_proj_weight', 'k_proj_weight' and "
                         << "'v_proj_weight', not both";
  if (Value packed = getInProjWeight()) {
    if (!dimsAgree(k.features, e) || !dimsAgree(v.features, e))
      return emitOpError() << "packed 'in_proj_weight' needs key and value "
                           << "of the query's embedding size E = " << e
                           << ", but Ek = " << k.features
                           << " and Ev = " << v.features
                           << "; use separate projection weights";
    if (failed(check.shape("in_proj_weight", packed, {mulDims(3, e), e},
                           "[3*E, E]")) ||
        failed(check.elementType("in_proj_weight", packed, elt, "query")))
      return failure();
  } else {
    std::tuple<StringRef, Value, int64_t, StringRef> projs[] = {
        {"q_proj_weight", getQProjWeight(), e, "[E, E]"},
        {"k_proj_weight", getKProjWeight(), k.features, "[E, Ek]"},
        {"v_proj_weight", getVProjWeight(), v.features, "[E, Ev]"}};
    for (auto [name, weight, in, rule] : projs) {
      if (!weight)
        return emitOpError()
               << "requires 'in_proj_weight' or all of 'q_proj_weight', "
               << "'k_proj_weight' and 'v_proj_weight', but '" << name
               << "' is missing";
      if (failed(check.shape(name, weight, {e, in}, rule)) ||
          failed(check.elementType(name, weight, elt, "query")))
        return failure();
    }
  }
  if (failed(check.optional("in_proj_bias", getInProjBias(), {mulDims(3, e)},
                            "[3*E]", elt, "query")) ||
      failed(check.shape("out_proj_weight", getOutProjWeight(), {e, e},
                         "[E, E]")) ||
      failed(check.elementType("out_proj_weight", getOutProjWeight(), elt,
                               "query")) ||
      failed(check.optional("out_proj_bias", getOutProjBias(), {e}, "[E]", elt,
                            "query")))
    return failure();

  check.setLegend(
      symbolLegend({{"B", b}, {"num_heads", heads}, {"Tq", tq}, {"Tk", tk}}));
  if (Value mask = getKeyPaddingMask())
    if (failed(check.maskElementType("key_padding_mask", mask, elt)) ||
        failed(check.shape("key_padding_mask", mask, {b, tk}, "[B, Tk]")))
      return failure();
  if (Value mask = getAttnMask()) {
    if (failed(check.maskElementType("attn_mask", mask, elt)))
      return failure();
    int64_t rank = getTensorType(mask).getRank();
    SmallVector<int64_t> perHead = {mulDims(b, heads), tq, tk};
    if (rank == 3) {
      if (failed(
              check.shape("attn_mask", mask, perHead, "[B*num_heads, Tq, Tk]")))
        return failure();
    } else if (rank == 2) {
      if (failed(check.shape("attn_mask", mask, {tq, tk}, "[Tq, Tk]")))
        return failure();
    } else {
      // Neither rank: the check fails on the rank and names both shapes.
      (void)check.shape("attn_mask", mask, perHead,
                        "[Tq, Tk] = " + formatShape({tq, tk}) +
                            " or [B*num_heads, Tq, Tk]");
      return failure();
    }
  }
  return success();
}

LogicalResult
MultiHeadAttentionOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &results) {
  auto qType = getTensorType(adaptor.getQuery());
  results.push_back(qType);
  if (!adaptor.getNeedWeights())
    return success();
  bool batchFirst = adaptor.getBatchFirst();
  SequenceDims q = SequenceDims::get(adaptor.getQuery(), batchFirst);
  int64_t tk = q.length;
  if (Value key = adaptor.getKey())
    tk = SequenceDims::get(key, batchFirst).length;
  results.push_back(
      RankedTensorType::get({q.batch, q.length, tk}, qType.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// LinearOp
//===----------------------------------------------------------------------===//

LogicalResult LinearOp::verifyOperandShapes() {
  auto xType = getTensorType(getInput());
  if (xType.getRank() < 1)
    return emitOpError() << "operand 'input' must have rank at least 1, but "
                         << "has rank 0";
  int64_t in = xType.getShape().back();
  int64_t out = getTensorType(getWeight()).getDimSize(0);
  Type elt = xType.getElementType();
  OperandChecker check(*this, symbolLegend({{"In", in}, {"Out", out}}));
  if (failed(check.shape("weight", getWeight(), {out, in}, "[Out, In]")) ||
      failed(check.elementType("weight", getWeight(), elt, "input")) ||
      failed(check.optional("bias", getBias(), {out}, "[Out]", elt, "input")))
    return failure();
  return success();
}

LogicalResult LinearOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &results) {
  auto xType = getTensorType(adaptor.getInput());
  if (xType.getRank() < 1)
    return failure();
  SmallVector<int64_t> shape(xType.getShape());
  shape.back() = getTensorType(adaptor.getWeight()).getDimSize(0);
  results.push_back(RankedTensorType::get(shape, xType.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// LayerNormOp
//===----------------------------------------------------------------------===//

LogicalResult LayerNormOp::verifyOperandShapes() {
  auto xType = getTensorType(getInput());
  ArrayRef<int64_t> normalized = getNormalizedShape();
  if (normalized.empty())
    return emitOpError() << "attribute 'normalized_shape' must not be empty";
  if (llvm::any_of(normalized, [](int64_t dim) { return dim <= 0; }))
    return emitOpError() << "attribute 'normalized_shape' must hold positive "
                         << "sizes, but is " << formatShape(normalized);
  int64_t rank = xType.getRank();
  int64_t n = normalized.size();
  if (rank < n ||
      !llvm::all_of(llvm::zip_equal(xType.getShape().take_back(n), normalized),
                    [](auto pair) {
                      return dimsAgree(std::get<0>(pair), std::get<1>(pair));
                    }))
    return emitOpError() << "operand 'input' must end in the dimensions of "
                         << "'normalized_shape' " << formatShape(normalized)
                         << ", but has shape " << formatShape(xType.getShape());
  if (!(getEps().convertToDouble() > 0.0))
    return emitOpError() << "attribute 'eps' must be positive, but is "
                         << getEps().convertToDouble();
  Type elt = xType.getElementType();
  OperandChecker check(*this);
  if (failed(check.optional("weight", getWeight(), normalized,
                            "normalized_shape", elt, "input")) ||
      failed(check.optional("bias", getBias(), normalized, "normalized_shape",
                            elt, "input")))
    return failure();
  return success();
}

LogicalResult LayerNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location>,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &results) {
  results.push_back(adaptor.getInput().getType());
  return success();
}

//===----------------------------------------------------------------------===//
// EmbeddingOp
//===----------------------------------------------------------------------===//

LogicalResult EmbeddingOp::verifyOperandShapes() {
  // An empty table has no valid index: looking any up is an error, as in
  // PyTorch (only no indices at all can be taken from it).
  // With a dynamic number of indices, the table must not be empty either:
  // it can be looked up at run time.
  auto indicesType = getTensorType(getIndices());
  bool noIndices = llvm::is_contained(indicesType.getShape(), 0);
  if (getTensorType(getWeight()).getDimSize(0) == 0 && !noIndices) {
    if (indicesType.hasStaticShape())
      return emitOpError() << "operand 'weight' has no rows, so none of the "
                           << indicesType.getNumElements()
                           << " elements of 'indices' can be a valid index";
    return emitOpError() << "operand 'weight' has no rows, so no index can "
                         << "be valid, but 'indices' has the dynamic shape "
                         << formatShape(indicesType.getShape());
  }
  return success();
}

LogicalResult EmbeddingOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location>,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &results) {
  auto indicesType = getTensorType(adaptor.getIndices());
  auto weightType = getTensorType(adaptor.getWeight());
  SmallVector<int64_t> shape(indicesType.getShape());
  shape.push_back(weightType.getDimSize(1));
  results.push_back(RankedTensorType::get(shape, weightType.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// ArgMaxOp
//===----------------------------------------------------------------------===//

/// The dimension `dim` counts from the end when negative; none if out of
/// range for `rank`.
static std::optional<int64_t> normalizeDim(int64_t dim, int64_t rank) {
  if (dim < -rank || dim >= rank)
    return std::nullopt;
  return dim < 0 ? dim + rank : dim;
}

LogicalResult ArgMaxOp::verifyOperandShapes() {
  int64_t rank = getTensorType(getInput()).getRank();
  int64_t dim = static_cast<int64_t>(getDim());
  if (rank == 0)
    return emitOpError() << "operand 'input' must have rank at least 1";
  if (!normalizeDim(dim, rank))
    return emitOpError() << "attribute 'dim' must be in [" << -rank << ", "
                         << rank - 1 << "] for an input of rank " << rank
                         << ", but is " << dim;
  // The maximum of no elements is undefined (PyTorch raises).
  int64_t size = getTensorType(getInput()).getDimSize(*normalizeDim(dim, rank));
  if (size == 0)
    return emitOpError() << "operand 'input' has size 0 along dimension " << dim
                         << ": there is no element to take the argmax of";
  return success();
}

LogicalResult ArgMaxOp::inferReturnTypes(MLIRContext *context,
                                         std::optional<Location>,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &results) {
  auto xType = getTensorType(adaptor.getInput());
  std::optional<int64_t> dim =
      normalizeDim(static_cast<int64_t>(adaptor.getDim()), xType.getRank());
  if (!dim)
    return failure();
  SmallVector<int64_t> shape(xType.getShape());
  if (adaptor.getKeepdim())
    shape[*dim] = 1;
  else
    shape.erase(shape.begin() + *dim);
  results.push_back(
      RankedTensorType::get(shape, IntegerType::get(context, 64)));
  return success();
}

//===----------------------------------------------------------------------===//
// LogSoftmaxOp, TopKOp, IndexSelectOp
//===----------------------------------------------------------------------===//

/// Checks the `dim` attribute of a reduction-like op: an input of rank at
/// least 1 and `dim` in [-rank, rank - 1].
static LogicalResult verifyDimAttr(Operation *op, Value input, int64_t dim) {
  int64_t rank = getTensorType(input).getRank();
  if (rank == 0)
    return op->emitOpError() << "operand 'input' must have rank at least 1";
  if (!normalizeDim(dim, rank))
    return op->emitOpError()
           << "attribute 'dim' must be in [" << -rank << ", " << rank - 1
           << "] for an input of rank " << rank << ", but is " << dim;
  return success();
}

LogicalResult LogSoftmaxOp::verifyOperandShapes() {
  return verifyDimAttr(*this, getInput(), static_cast<int64_t>(getDim()));
}

LogicalResult LogSoftmaxOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location>,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &results) {
  results.push_back(adaptor.getInput().getType());
  return success();
}

LogicalResult TopKOp::verifyOperandShapes() {
  int64_t dim = static_cast<int64_t>(getDim());
  if (failed(verifyDimAttr(*this, getInput(), dim)))
    return failure();
  auto type = getTensorType(getInput());
  int64_t d = *normalizeDim(dim, type.getRank());
  if (type.isDynamicDim(d))
    return emitOpError() << "operand 'input' (type " << type
                         << ") must have a static size along dimension " << dim
                         << ", the dimension the top k are taken along";
  int64_t k = static_cast<int64_t>(getK());
  if (k > type.getDimSize(d))
    return emitOpError() << "attribute 'k' (" << k
                         << ") must not exceed the size of operand 'input' "
                         << "along dimension " << dim << " ("
                         << type.getDimSize(d) << ")";
  return success();
}

LogicalResult TopKOp::inferReturnTypes(MLIRContext *context,
                                       std::optional<Location>, Adaptor adaptor,
                                       SmallVectorImpl<Type> &results) {
  auto xType = getTensorType(adaptor.getInput());
  std::optional<int64_t> dim =
      normalizeDim(static_cast<int64_t>(adaptor.getDim()), xType.getRank());
  if (!dim)
    return failure();
  SmallVector<int64_t> shape(xType.getShape());
  shape[*dim] = static_cast<int64_t>(adaptor.getK());
  results.push_back(RankedTensorType::get(shape, xType.getElementType()));
  results.push_back(
      RankedTensorType::get(shape, IntegerType::get(context, 64)));
  return success();
}

LogicalResult IndexSelectOp::verifyOperandShapes() {
  int64_t dim = static_cast<int64_t>(getDim());
  if (failed(verifyDimAttr(*this, getInput(), dim)))
    return failure();
  // Nothing can be selected from an empty dimension, except no slice at all.
  auto type = getTensorType(getInput());
  auto indicesType = getTensorType(getIndices());
  int64_t d = *normalizeDim(dim, type.getRank());
  if (type.getDimSize(d) == 0 && indicesType.getDimSize(0) != 0)
    return emitOpError() << "operand 'input' (type " << type
                         << ") has size 0 along dimension " << dim
                         << ", so no index can be valid, but 'indices' has "
                         << "type " << indicesType;
  return success();
}

LogicalResult IndexSelectOp::inferReturnTypes(MLIRContext *,
                                              std::optional<Location>,
                                              Adaptor adaptor,
                                              SmallVectorImpl<Type> &results) {
  auto xType = getTensorType(adaptor.getInput());
  std::optional<int64_t> dim =
      normalizeDim(static_cast<int64_t>(adaptor.getDim()), xType.getRank());
  if (!dim)
    return failure();
  SmallVector<int64_t> shape(xType.getShape());
  shape[*dim] = getTensorType(adaptor.getIndices()).getDimSize(0);
  results.push_back(RankedTensorType::get(shape, xType.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// KVCacheAppendOp
//===----------------------------------------------------------------------===//

LogicalResult KVCacheAppendOp::verifyOperandShapes() {
  auto newType = getTensorType(getNewEntries());
  auto cacheType = getTensorType(getCache());
  int64_t rank = cacheType.getRank();
  int64_t dim = static_cast<int64_t>(getDim());
  if (rank == 0)
    return emitOpError() << "operand 'cache' must have rank at least 1";
  if (!normalizeDim(dim, rank))
    return emitOpError() << "attribute 'dim' must be in [" << -rank << ", "
                         << rank - 1 << "] for a cache of rank " << rank
                         << ", but is " << dim;
  if (newType.getRank() != rank)
    return emitOpError() << "operand 'new_entries' must have the rank of "
                         << "'cache' (" << rank << "), but has type "
                         << newType;
  if (newType.getElementType() != cacheType.getElementType())
    return emitOpError() << "operand 'new_entries' must have the element "
                         << "type of 'cache' (" << cacheType.getElementType()
                         << "), but has type " << newType;
  int64_t d = *normalizeDim(dim, rank);
  for (int64_t i = 0; i < rank; ++i) {
    int64_t n = newType.getDimSize(i), c = cacheType.getDimSize(i);
    if (ShapedType::isDynamic(n) || ShapedType::isDynamic(c))
      continue;
    if (i == d && n > c)
      return emitOpError() << "operand 'new_entries' (type " << newType
                           << ") has " << n << " positions along dimension "
                           << dim << ", more than the capacity of 'cache' ("
                           << cacheType << ")";
    if (i != d && n != c)
      return emitOpError() << "operand 'new_entries' must have the sizes of "
                           << "'cache' (" << cacheType << ") except along "
                           << "dimension " << dim << ", but has " << n
                           << " where 'cache' has " << c << " along dimension "
                           << i << " (type " << newType << ")";
  }
  return success();
}

LogicalResult
KVCacheAppendOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                  Adaptor adaptor,
                                  SmallVectorImpl<Type> &results) {
  auto cacheType = getTensorType(adaptor.getCache());
  std::optional<int64_t> dim =
      normalizeDim(static_cast<int64_t>(adaptor.getDim()), cacheType.getRank());
  if (!dim)
    return failure();
  SmallVector<int64_t> shape(cacheType.getShape());
  shape[*dim] = ShapedType::kDynamic;
  results.push_back(cacheType);
  results.push_back(RankedTensorType::get(shape, cacheType.getElementType()));
  return success();
}

#include "s2s/Dialect/S2S/IR/S2SInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "s2s/Dialect/S2S/IR/S2SOps.cpp.inc"
