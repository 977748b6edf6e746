//===- InlineAllocaScopes.cpp - flatten the scopes of parallel bodies -----===//
//
// Inlines memref.alloca_scope ops (as convert-scf-to-openmp creates around
// loop bodies) so that the loops inside may become branches; their static
// allocas move to the enclosing omp.parallel region.
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SCPUINLINEALLOCASCOPESPASS
#include "s2s/Codegen/CPU/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

/// The static allocas directly in `scope`'s body, or failure when the
/// scope holds any other alloca (nested deeper or dynamically sized).
static FailureOr<SmallVector<memref::AllocaOp>>
hoistableAllocas(memref::AllocaScopeOp scope) {
  SmallVector<memref::AllocaOp> allocas;
  bool other = false;
  scope.getBodyRegion().walk([&](memref::AllocaOp alloca) {
    if (alloca->getParentOp() == scope.getOperation() &&
        alloca.getType().hasStaticShape() && alloca.getOperands().empty())
      allocas.push_back(alloca);
    else
      other = true;
  });
  if (other)
    return failure();
  return allocas;
}

struct S2SCPUInlineAllocaScopesPass
    : s2s::impl::S2SCPUInlineAllocaScopesPassBase<
          S2SCPUInlineAllocaScopesPass> {
  void runOnOperation() override {
    SmallVector<memref::AllocaScopeOp> scopes;
    getOperation()->walk(
        [&](memref::AllocaScopeOp scope) { scopes.push_back(scope); });
    IRRewriter rewriter(&getContext());
    for (memref::AllocaScopeOp scope : scopes) {
      FailureOr<SmallVector<memref::AllocaOp>> allocas =
          hoistableAllocas(scope);
      if (failed(allocas))
        continue;
      if (!allocas->empty()) {
        // Per thread, once: the start of the parallel region.
        auto parallel = scope->getParentOfType<omp::ParallelOp>();
        if (!parallel)
          continue;
        Block &entry = parallel.getRegion().front();
        for (memref::AllocaOp alloca : *allocas)
          alloca->moveBefore(&entry, entry.begin());
      }
      Block *body = &scope.getBodyRegion().front();
      Operation *terminator = body->getTerminator();
      ValueRange results = terminator->getOperands();
      SmallVector<Value> replacements(results.begin(), results.end());
      rewriter.eraseOp(terminator);
      rewriter.inlineBlockBefore(body, scope);
      rewriter.replaceOp(scope, replacements);
    }
  }
};

} // namespace
