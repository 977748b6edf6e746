//===- S2SToLinalg.h - lowering s2s to linalg -------------------*- C++ -*-===//

#ifndef S2S_CONVERSION_S2STOLINALG_S2STOLINALG_H
#define S2S_CONVERSION_S2STOLINALG_S2STOLINALG_H

#include "s2s/Support/OptionChecks.h"

#include "mlir/Pass/Pass.h"

namespace mlir {
class ConversionTarget;
class RewritePatternSet;

namespace s2s {

#define GEN_PASS_DECL_CONVERTS2STOLINALGPASS
#include "s2s/Conversion/Passes.h.inc"

/// Adds the patterns lowering every s2s op to linalg/tensor/arith/math/scf,
/// configured as the pass options say.
void populateS2SToLinalgConversionPatterns(
    RewritePatternSet &patterns,
    const ConvertS2SToLinalgPassOptions &options = {});

/// Checks the block sizes of `options`, which divide trip counts.
LogicalResult
verifyConvertS2SToLinalgOptions(const ConvertS2SToLinalgPassOptions &options,
                                OptionErrorFn emitError);

/// Marks s2s illegal and the dialects the lowering produces legal.
void configureS2SToLinalgConversionTarget(ConversionTarget &target);

} // namespace s2s
} // namespace mlir

#endif // S2S_CONVERSION_S2STOLINALG_S2STOLINALG_H
