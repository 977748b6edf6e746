//===- S2SDialect.cpp - s2s dialect registration --------------------------===//
//
// Registers the ops and attributes of the s2s dialect, and lets the inliner
// move s2s ops (value-semantic, without regions) into their callers.
//
//===----------------------------------------------------------------------===//

#include "s2s/Dialect/S2S/IR/S2SDialect.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Transforms/InliningUtils.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::s2s;

#include "s2s/Dialect/S2S/IR/S2SOpsDialect.cpp.inc"

#include "s2s/Dialect/S2S/IR/S2SEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "s2s/Dialect/S2S/IR/S2SAttrs.cpp.inc"

namespace {
/// Every s2s op may be inlined: none has a region or refers to a symbol.
struct S2SInlinerInterface : DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void S2SDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "s2s/Dialect/S2S/IR/S2SOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "s2s/Dialect/S2S/IR/S2SAttrs.cpp.inc"
      >();
  addInterfaces<S2SInlinerInterface>();
}
