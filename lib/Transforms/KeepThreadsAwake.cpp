//===- KeepThreadsAwake.cpp - no sleeping threads between loop steps ------===//
//
// Sets the OpenMP blocktime of the calling thread around loops that fork a
// parallel region per iteration, so that the team's threads spin instead
// of sleeping between iterations, and restores it after the loop.
//
//===----------------------------------------------------------------------===//

#include "s2s/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SKEEPTHREADSAWAKEPASS
#include "s2s/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

/// Whether `op` is a loop that contains a parallel region and is neither
/// inside another such loop nor inside a parallel region.
static bool isOutermostLoopOfRegions(Operation *op) {
  if (!isa<scf::ForOp, scf::WhileOp>(op))
    return false;
  bool forks = op->walk([](omp::ParallelOp) {
                   return WalkResult::interrupt();
                 }).wasInterrupted();
  if (!forks)
    return false;
  for (Operation *p = op->getParentOp(); p; p = p->getParentOp())
    if (isa<omp::ParallelOp>(p) ||
        (isa<scf::ForOp, scf::WhileOp>(p) && isOutermostLoopOfRegions(p)))
      return false;
  return true;
}

/// The function `name` of type `type` in `module`, declared (private,
/// external) when missing.
static func::FuncOp getOrDeclare(ModuleOp module, StringRef name,
                                 FunctionType type) {
  if (auto fn = module.lookupSymbol<func::FuncOp>(name))
    return fn;
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  auto fn = func::FuncOp::create(b, module.getLoc(), name, type);
  fn.setPrivate();
  return fn;
}

struct S2SKeepThreadsAwakePass
    : s2s::impl::S2SKeepThreadsAwakePassBase<S2SKeepThreadsAwakePass> {
  using S2SKeepThreadsAwakePassBase::S2SKeepThreadsAwakePassBase;

  void runOnOperation() override {
    if (blocktimeMs <= 0)
      return;
    ModuleOp module = getOperation();
    SmallVector<Operation *> loops;
    module.walk([&](Operation *op) {
      if (isOutermostLoopOfRegions(op))
        loops.push_back(op);
    });
    if (loops.empty())
      return;
    MLIRContext *ctx = &getContext();
    Type i32 = IntegerType::get(ctx, 32);
    func::FuncOp get = getOrDeclare(module, "kmp_get_blocktime",
                                    FunctionType::get(ctx, {}, {i32}));
    func::FuncOp set = getOrDeclare(module, "kmp_set_blocktime",
                                    FunctionType::get(ctx, {i32}, {}));
    for (Operation *loop : loops) {
      OpBuilder b(loop);
      Location loc = loop->getLoc();
      Value old = func::CallOp::create(b, loc, get).getResult(0);
      Value spin = arith::ConstantOp::create(
          b, loc, i32,
          b.getI32IntegerAttr(
              static_cast<int32_t>(std::min<int64_t>(blocktimeMs, INT32_MAX))));
      func::CallOp::create(b, loc, set, ValueRange{spin});
      b.setInsertionPointAfter(loop);
      func::CallOp::create(b, loc, set, ValueRange{old});
    }
  }
};

} // namespace
