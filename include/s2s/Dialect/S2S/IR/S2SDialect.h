//===- S2SDialect.h - s2s dialect declaration -------------------*- C++ -*-===//
//
// Declares the s2s dialect class and its enum attributes.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_DIALECT_S2S_IR_S2SDIALECT_H
#define S2S_DIALECT_S2S_IR_S2SDIALECT_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"

#include "s2s/Dialect/S2S/IR/S2SOpsDialect.h.inc"

#include "s2s/Dialect/S2S/IR/S2SEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "s2s/Dialect/S2S/IR/S2SAttrs.h.inc"

#endif // S2S_DIALECT_S2S_IR_S2SDIALECT_H
