//===- ExpandBF16.cpp - bf16 conversions as integer operations ------------===//
//
// Applies upstream's bf16 expansion to arith.truncf and arith.extf, so that
// the LLVM code converts to and from bf16 without library calls on any CPU.
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SCPUEXPANDBF16PASS
#include "s2s/Codegen/CPU/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {
struct S2SCPUExpandBF16Pass
    : s2s::impl::S2SCPUExpandBF16PassBase<S2SCPUExpandBF16Pass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    arith::populateExpandBFloat16Patterns(patterns);
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};
} // namespace
