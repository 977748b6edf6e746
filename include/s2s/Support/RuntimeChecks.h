//===- RuntimeChecks.h - pieces of the checks made at run time --*- C++ -*-===//
//
// The dialect's value checks and the ONNX importer's index checks test that
// every element of an integer tensor lies in a range, and name the place
// in the model in their messages; the CPU code generation names it in its
// allocation checks.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_SUPPORT_RUNTIMECHECKS_H
#define S2S_SUPPORT_RUNTIMECHECKS_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Location.h"

#include <string>

namespace mlir {
namespace s2s {

/// "file:line:col: " of `loc` (looking through names and fused
/// locations), or nothing.
inline std::string locationPrefix(Location loc) {
  if (auto fileLoc = dyn_cast<FileLineColLoc>(loc))
    return (fileLoc.getFilename().str() + ":" + Twine(fileLoc.getLine()) + ":" +
            Twine(fileLoc.getColumn()) + ": ")
        .str();
  if (auto nameLoc = dyn_cast<NameLoc>(loc))
    return locationPrefix(nameLoc.getChildLoc());
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (std::string prefix = locationPrefix(inner); !prefix.empty())
        return prefix;
  return "";
}

/// An i1 that holds when every element `v` of the integer tensor `values`
/// satisfies low <= v < high (v <= high when `inclusiveHigh`), for i64
/// bounds `low` and `high`: one loop over the elements, flattened (no loop
/// for rank 0).
inline Value buildAllInRange(OpBuilder &b, Location loc, Value values,
                             Value low, Value high, bool inclusiveHigh) {
  Type i64 = b.getI64Type();
  auto inRange = [&](OpBuilder &ob, Location l, Value v) -> Value {
    if (v.getType() != i64)
      v = arith::ExtSIOp::create(ob, l, i64, v);
    Value above =
        arith::CmpIOp::create(ob, l, arith::CmpIPredicate::sge, v, low);
    Value below = arith::CmpIOp::create(
        ob, l,
        inclusiveHigh ? arith::CmpIPredicate::sle : arith::CmpIPredicate::slt,
        v, high);
    return arith::AndIOp::create(ob, l, above, below);
  };
  auto type = cast<RankedTensorType>(values.getType());
  if (type.getRank() == 0)
    return inRange(b, loc, tensor::ExtractOp::create(b, loc, values));
  Value flat = values;
  if (type.getRank() > 1) {
    ReassociationIndices all;
    for (int64_t d = 0; d < type.getRank(); ++d)
      all.push_back(d);
    flat = tensor::CollapseShapeOp::create(b, loc, values,
                                           ArrayRef<ReassociationIndices>{all});
  }
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value count = tensor::DimOp::create(b, loc, flat, 0);
  Value all = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
  return scf::ForOp::create(
             b, loc, zero, count, one, ValueRange{all},
             [&](OpBuilder &lb, Location l, Value i, ValueRange acc) {
               Value v = tensor::ExtractOp::create(lb, l, flat, ValueRange{i});
               scf::YieldOp::create(lb, l,
                                    ValueRange{arith::AndIOp::create(
                                        lb, l, acc[0], inRange(lb, l, v))});
             })
      .getResult(0);
}

} // namespace s2s
} // namespace mlir

#endif // S2S_SUPPORT_RUNTIMECHECKS_H
