//===- ParallelizeElementwise.cpp - spread large loops over the threads ---===//
//
// With threads > 1, runs each large linalg op left after the contraction
// kernels (elementwise maps, row-wise reductions such as a layer norm's,
// fills, copies) as an scf.parallel loop of `threads` chunks of its first
// parallel dimension. An op with dynamic sizes is split the same way at
// run time, when its size then is large enough.
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/TilingInterfaceImpl.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/TilingInterface.h"

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

  void getDependentDialects(DialectRegistry &registry) const override {
    S2SCPUParallelizeElementwisePassBase::getDependentDialects(registry);
    // The tiling of linalg ops through TilingInterface.
    linalg::registerTilingInterfaceExternalModels(registry);
  }

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
      if (op.hasDynamicShape())
        parallelizeAtRunTime(rewriter, op, dim);
      else
        parallelize(rewriter, op, dim);
    }
  }

  /// Tiles `op` into `threads` parallel chunks of dimension `dim` (of
  /// ceil(size / threads) iterations, the last one shorter): an scf.forall
  /// from upstream's tiling of TilingInterface ops, as the scf.parallel that
  /// the OpenMP lowering takes.
  void parallelize(RewriterBase &rewriter, linalg::LinalgOp op, int64_t dim) {
    rewriter.setInsertionPoint(op);
    SmallVector<OpFoldResult> numThreads(op.getNumLoops(),
                                         rewriter.getIndexAttr(0));
    numThreads[dim] = rewriter.getIndexAttr(threads);
    scf::SCFTilingOptions options;
    options.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp)
        .setNumThreads(numThreads);
    auto tileable = dyn_cast<TilingInterface>(op.getOperation());
    if (!tileable)
      return;
    FailureOr<scf::SCFTilingResult> tiled =
        scf::tileUsingSCF(rewriter, tileable, options);
    if (failed(tiled))
      return;
    rewriter.eraseOp(op);
    for (LoopLikeOpInterface loop : tiled->loops)
      if (auto forall = dyn_cast<scf::ForallOp>(loop.getOperation()))
        (void)scf::forallToParallelLoop(rewriter, forall);
  }

  /// `op` of dynamic sizes: in `threads` parallel chunks of `dim` when its
  /// iterations number at least `min-elements` and `dim` has at least
  /// `threads` of them at run time, else as it is.
  void parallelizeAtRunTime(RewriterBase &rewriter, linalg::LinalgOp op,
                            int64_t dim) {
    Location loc = op.getLoc();
    rewriter.setInsertionPoint(op);
    SmallVector<Range> ranges = op.createLoopRanges(rewriter, loc);
    Value total = arith::ConstantIndexOp::create(rewriter, loc, 1);
    for (Range &range : ranges)
      total = arith::MulIOp::create(
          rewriter, loc, total,
          getValueOrCreateConstantIndexOp(rewriter, loc, range.size));
    // One statement per op: the IR's order must not depend on the order in
    // which a compiler evaluates call arguments.
    Value rows =
        getValueOrCreateConstantIndexOp(rewriter, loc, ranges[dim].size);
    Value threadCount = arith::ConstantIndexOp::create(rewriter, loc, threads);
    Value enoughRows = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::uge, rows, threadCount);
    Value minTotal = arith::ConstantIndexOp::create(rewriter, loc, minElements);
    Value enoughWork = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::uge, total, minTotal);
    Value large = arith::AndIOp::create(rewriter, loc, enoughWork, enoughRows);
    auto ifLarge = scf::IfOp::create(rewriter, loc, TypeRange(), large,
                                     /*withElseRegion=*/true);
    rewriter.setInsertionPointToStart(ifLarge.elseBlock());
    rewriter.clone(*op);
    rewriter.setInsertionPointToStart(ifLarge.thenBlock());
    auto parallel = cast<linalg::LinalgOp>(rewriter.clone(*op));
    rewriter.eraseOp(op);
    parallelize(rewriter, parallel, dim);
  }

  /// The dimension to split among the threads: the first parallel one with
  /// at least `threads` iterations, for an op on buffers with at least
  /// `min-elements` iterations in all, that no loop encloses (inside a
  /// loop, each run is small and the fork would repeat). A dynamic size
  /// counts as large here; it is checked at run time.
  std::optional<int64_t> chooseDim(linalg::LinalgOp op) {
    if (!op.hasPureBufferSemantics())
      return std::nullopt;
    for (Operation *parent = op->getParentOp();
         !isa<FunctionOpInterface>(parent); parent = parent->getParentOp())
      if (isa<LoopLikeOpInterface>(parent))
        return std::nullopt;
    SmallVector<int64_t> sizes = op.getStaticLoopRanges();
    int64_t total = 1;
    bool dynamic = false;
    for (int64_t size : sizes) {
      if (ShapedType::isDynamic(size))
        dynamic = true;
      else
        total *= size;
    }
    if (!dynamic && total < minElements)
      return std::nullopt;
    for (auto [i, it] : llvm::enumerate(op.getIteratorTypesArray()))
      if (it == utils::IteratorType::parallel &&
          (ShapedType::isDynamic(sizes[i]) || sizes[i] >= threads))
        return i;
    return std::nullopt;
  }
};

} // namespace
