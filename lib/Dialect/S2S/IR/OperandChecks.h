//===- OperandChecks.h - shared helpers of the s2s op verifiers -*- C++ -*-===//
//
// What the verifiers and result type inference of every op family share:
// shape arithmetic with dynamic sizes, shape formatting, and
// OperandChecker, which checks operands against expected shapes and element
// types and names the operand and the rule when one does not fit.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_LIB_DIALECT_S2S_IR_OPERANDCHECKS_H
#define S2S_LIB_DIALECT_S2S_IR_OPERANDCHECKS_H

#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace mlir {
namespace s2s {
namespace detail {

//===----------------------------------------------------------------------===//
// Shape helpers
//===----------------------------------------------------------------------===//

inline constexpr int64_t kDynamic = ShapedType::kDynamic;

/// Product of two dimensions; dynamic if either is.
inline int64_t mulDims(int64_t a, int64_t b) {
  if (ShapedType::isDynamic(a) || ShapedType::isDynamic(b))
    return kDynamic;
  return a * b;
}

/// Two dimensions agree unless both are static and differ.
inline bool dimsAgree(int64_t a, int64_t b) {
  return a == b || ShapedType::isDynamic(a) || ShapedType::isDynamic(b);
}

/// Prints a shape as `[2, ?, 8]`.
inline std::string formatShape(ArrayRef<int64_t> shape) {
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

inline RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

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
  /// (One-way, toward a target that must not grow, so not
  /// OpTrait::util::getBroadcastedShape, which broadcasts both ways.)
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

inline std::string
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
inline std::string gateRule(int64_t numGates) {
  return numGates == 1 ? "H" : std::to_string(numGates) + "*H";
}

} // namespace detail
} // namespace s2s
} // namespace mlir

#endif // S2S_LIB_DIALECT_S2S_IR_OPERANDCHECKS_H
