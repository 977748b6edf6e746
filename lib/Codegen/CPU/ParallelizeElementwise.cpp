//===- ParallelizeElementwise.cpp - spread large loops over the threads ---===//
//
// With threads > 1, runs each large linalg op left after the contraction
// kernels (elementwise maps, row-wise reductions such as a layer norm's,
// fills, copies) as an scf.parallel loop of `threads` chunks of its first
// parallel dimension.
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SCPUPARALLELIZEELEMENTWISEPASS
#include "s2s/Codegen/CPU/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

struct S2SCPUParallelizeElementwisePass
    : s2s::impl::S2SCPUParallelizeElementwisePassBase<
          S2SCPUParallelizeElementwisePass> {
  using S2SCPUParallelizeElementwisePassBase::
      S2SCPUParallelizeElementwisePassBase;

  void runOnOperation() override {
    if (threads < 2)
      return;
    SmallVector<std::pair<linalg::LinalgOp, int64_t>> work;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (std::optional<int64_t> dim = chooseDim(op))
        work.push_back({op, *dim});
    });
    IRRewriter rewriter(&getContext());
    for (auto [op, dim] : work) {
      SmallVector<int64_t> sizes = op.getStaticLoopRanges();
      SmallVector<int64_t> tiles(sizes.size(), 0);
      tiles[dim] = llvm::divideCeil(sizes[dim], threads);
      rewriter.setInsertionPoint(op);
      FailureOr<linalg::TiledLinalgOp> tiled = linalg::tileLinalgOp(
          rewriter, op,
          linalg::LinalgTilingOptions().setTileSizes(tiles).setLoopType(
              linalg::LinalgTilingLoopType::ParallelLoops));
      if (failed(tiled))
        continue;
      rewriter.eraseOp(op);
    }
  }

  /// The dimension to split among the threads: the first parallel one with
  /// at least `threads` iterations, for an op on buffers with static sizes
  /// and at least `min-elements` iterations in all, that no loop encloses
  /// (inside a loop, each run is small and the fork would repeat).
  std::optional<int64_t> chooseDim(linalg::LinalgOp op) {
    if (!op.hasPureBufferSemantics() || op.hasDynamicShape())
      return std::nullopt;
    for (Operation *parent = op->getParentOp();
         !isa<FunctionOpInterface>(parent); parent = parent->getParentOp())
      if (isa<LoopLikeOpInterface>(parent))
        return std::nullopt;
    SmallVector<int64_t> sizes = op.getStaticLoopRanges();
    int64_t total = 1;
    for (int64_t size : sizes)
      total *= size;
    if (total < minElements)
      return std::nullopt;
    for (auto [i, it] : llvm::enumerate(op.getIteratorTypesArray()))
      if (it == utils::IteratorType::parallel && sizes[i] >= threads)
        return i;
    return std::nullopt;
  }
};

} // namespace
