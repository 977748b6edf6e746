//===- OptionChecks.h - range checks of pass options ------------*- C++ -*-===//
//
// Passes and pipelines refuse option values that would make them divide by
// zero or build invalid IR, with a message naming the option, its range and
// its value. The passes and the pipeline that configures them share these
// checks.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_SUPPORT_OPTIONCHECKS_H
#define S2S_SUPPORT_OPTIONCHECKS_H

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/LogicalResult.h"

#include <cstdint>

namespace mlir {
namespace s2s {

/// Reports an option outside its range; the message reads "option 'NAME'
/// must be ..., but is VALUE" (the caller says whose option it is).
using OptionErrorFn = function_ref<void(const Twine &)>;

/// An integer option and the least value it may take.
struct OptionLowerBound {
  StringRef name;
  int64_t value;
  int64_t min;
};

/// Checks each bound in order; reports the first violated one.
inline LogicalResult checkLowerBounds(ArrayRef<OptionLowerBound> bounds,
                                      OptionErrorFn emitError) {
  for (const OptionLowerBound &bound : bounds) {
    if (bound.value < bound.min) {
      emitError("option '" + bound.name + "' must be at least " +
                Twine(bound.min) + ", but is " + Twine(bound.value));
      return failure();
    }
  }
  return success();
}

} // namespace s2s
} // namespace mlir

#endif // S2S_SUPPORT_OPTIONCHECKS_H
