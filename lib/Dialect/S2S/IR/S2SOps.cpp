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
// The verifiers are split by op family: recurrent layers and cells here,
// attention in S2SAttentionOps.cpp, linear/layer norm/embedding in
// S2SLayerOps.cpp, argmax and the decoding ops in S2SDecodingOps.cpp;
// OperandChecks.h holds what they share.
//
//===----------------------------------------------------------------------===//

#include "OperandChecks.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"

#include <cmath>

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::detail;

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

#include "s2s/Dialect/S2S/IR/S2SInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "s2s/Dialect/S2S/IR/S2SOps.cpp.inc"
