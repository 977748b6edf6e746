//===- S2SLayerOps.cpp - verifiers of linear, layer norm, embedding ---------===//
//
// Operand checks and result type inference of s2s.linear,
// s2s.layer_norm and s2s.embedding.
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
