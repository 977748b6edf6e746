//===- Status.h - an i32 status from a list of checks -----------*- C++ -*-===//
//
// The check functions (s2s-bufferization-shape-functions,
// s2s-bufferization-check-descriptors) and the status-returning entry
// points (s2s-bufferization-return-status) turn checks into one status:
// the number of the first check that fails.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_LIB_BUFFERIZATION_STATUS_H
#define S2S_LIB_BUFFERIZATION_STATUS_H

#include "mlir/Dialect/Arith/IR/Arith.h"

namespace mlir::s2s {

/// One check: its condition (i1) and the status it gives when it fails.
struct NumberedCheck {
  Value holds;
  int64_t number;
};

/// The i32 status of `checks`, in order of precedence: the number of the
/// first whose condition is false, else `otherwise`.
inline Value firstFailedCheck(OpBuilder &b, Location loc,
                              ArrayRef<NumberedCheck> checks, Value otherwise) {
  Value status = otherwise;
  for (const NumberedCheck &check : llvm::reverse(checks))
    status = arith::SelectOp::create(
        b, loc, check.holds, status,
        arith::ConstantIntOp::create(b, loc, b.getI32Type(), check.number));
  return status;
}

} // namespace mlir::s2s

#endif // S2S_LIB_BUFFERIZATION_STATUS_H
