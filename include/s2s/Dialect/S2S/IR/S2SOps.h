//===- S2SOps.h - s2s op declarations ---------------------------*- C++ -*-===//
//
// Declares the ops of the s2s dialect (generated from S2SOps.td) and the
// trait that checks operand shapes before result type inference.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_DIALECT_S2S_IR_S2SOPS_H
#define S2S_DIALECT_S2S_IR_S2SOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "s2s/Dialect/S2S/IR/S2SDialect.h"

namespace mlir {
namespace OpTrait {
namespace s2s {

/// Verifies an op's operand shapes and attributes (its
/// `verifyOperandShapes()` method) before InferTypeOpInterface compares the
/// inferred result types with the declared ones. Listed ahead of the
/// interface, it makes a wrong operand shape be reported as exactly that,
/// naming the operand, rather than as a mismatch of result types.
template <typename ConcreteType>
class OperandShapesVerifiedFirst
    : public TraitBase<ConcreteType, OperandShapesVerifiedFirst> {
public:
  static LogicalResult verifyTrait(Operation *op) {
    return cast<ConcreteType>(op).verifyOperandShapes();
  }
};

} // namespace s2s
} // namespace OpTrait
} // namespace mlir

namespace mlir {
namespace s2s {
/// Gate blocks per step of `cell`: 1 (RNN), 4 (LSTM) or 3 (GRU).
int64_t getNumGates(CellKind cell);

/// A shape rule of an s2s op that its verifier checks where the sizes are
/// static: dimension `dim` of operand `value` (called `name`) equals
/// `factor` times dimension `refDim` of `ref` (`refName`) or, without
/// `ref`, is at least 1.
struct DimRule {
  StringRef name;
  Value value;
  int64_t dim;
  StringRef refName;
  Value ref;
  int64_t refDim;
  int64_t factor = 1;
};

/// The shape rules of `op` (an s2s op) that involve a dynamic size: the
/// batch, sequence and mask dimensions of its operands. Rules between
/// static sizes are left to the verifier.
SmallVector<DimRule> getDimRules(Operation *op);
} // namespace s2s
} // namespace mlir

#include "s2s/Dialect/S2S/IR/S2SInterfaces.h.inc"

#define GET_OP_CLASSES
#include "s2s/Dialect/S2S/IR/S2SOps.h.inc"

#endif // S2S_DIALECT_S2S_IR_S2SOPS_H
