//===- S2SToLinalg.h - lowering s2s to linalg -------------------*- C++ -*-===//
//
// Three passes lower s2s ops to linalg on tensors: convert-s2s-to-linalg, the
// straightforward lowering of every op, and two that lower some ops with a
// schedule first and leave the rest to it: the tiled attention
// (FlashAttention) and the recurrent layers with fused steps.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_CONVERSION_S2STOLINALG_S2STOLINALG_H
#define S2S_CONVERSION_S2STOLINALG_S2STOLINALG_H

#include "s2s/Support/OptionChecks.h"

#include "mlir/Pass/Pass.h"

namespace mlir {
class ConversionTarget;
class RewritePatternSet;

namespace s2s {

#define GEN_PASS_DECL_CONVERTS2STOLINALGPASS
#define GEN_PASS_DECL_CONVERTS2STOLINALGTILEDATTENTIONPASS
#define GEN_PASS_DECL_CONVERTS2STOLINALGFUSEDRNNPASS
#include "s2s/Conversion/Passes.h.inc"

/// Adds the patterns lowering every s2s op to linalg/tensor/arith/math/scf,
/// configured as the pass options say.
void populateS2SToLinalgConversionPatterns(
    RewritePatternSet &patterns,
    const ConvertS2SToLinalgPassOptions &options = {});

/// Marks s2s illegal and the dialects the lowering produces legal.
void configureS2SToLinalgConversionTarget(ConversionTarget &target);

/// Adds the patterns lowering s2s.scaled_dot_product_attention,
/// s2s.multi_head_attention and s2s.cached_multi_head_attention as a tiled
/// online softmax. They fail on an s2s.multi_head_attention with
/// need_weights.
void populateS2SToLinalgTiledAttentionPatterns(
    RewritePatternSet &patterns,
    const ConvertS2SToLinalgTiledAttentionPassOptions &options = {});

/// Checks the block sizes and the split count of `options`.
LogicalResult verifyConvertS2SToLinalgTiledAttentionOptions(
    const ConvertS2SToLinalgTiledAttentionPassOptions &options,
    OptionErrorFn emitError);

/// Adds the patterns lowering s2s.rnn, s2s.lstm, s2s.gru and
/// s2s.recurrence with fused steps.
void populateS2SToLinalgFusedRNNPatterns(
    RewritePatternSet &patterns,
    const ConvertS2SToLinalgFusedRNNPassOptions &options = {});

/// Checks the block sizes and the FLOP threshold of `options`.
LogicalResult verifyConvertS2SToLinalgFusedRNNOptions(
    const ConvertS2SToLinalgFusedRNNPassOptions &options,
    OptionErrorFn emitError);

} // namespace s2s
} // namespace mlir

#endif // S2S_CONVERSION_S2STOLINALG_S2STOLINALG_H
