//===- KeepThreadsAwake.cpp - no sleeping threads between regions ---------===//
//
// Sets the OpenMP blocktime of the calling thread around the part of a
// function that forks several parallel regions one after the other (in
// sequence, or one per iteration of a loop), so that the team's threads
// spin instead of sleeping between regions, and restores it after.
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SCPUKEEPTHREADSAWAKEPASS
#include "s2s/Codegen/CPU/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

/// Whether `op` is or contains a parallel region.
static bool forks(Operation *op) {
  return op->walk([](omp::ParallelOp) { return WalkResult::interrupt(); })
      .wasInterrupted();
}

/// The first and last op of `block` that fork parallel regions when there
/// are several regions one after the other: two such ops, or one loop of
/// regions. Null when the block forks at most one region.
static std::pair<Operation *, Operation *> spanOfRegions(Block &block) {
  Operation *first = nullptr, *last = nullptr;
  unsigned count = 0;
  for (Operation &op : block) {
    if (!forks(&op))
      continue;
    first = first ? first : &op;
    last = &op;
    ++count;
  }
  if (count == 0)
    return {nullptr, nullptr};
  if (count == 1) {
    // (The walk visits `first` itself.)
    bool loopOfRegions =
        first
            ->walk([](Operation *op) {
              return isa<scf::ForOp, scf::WhileOp>(op) && forks(op)
                         ? WalkResult::interrupt()
                         : WalkResult::advance();
            })
            .wasInterrupted();
    if (isa<omp::ParallelOp>(first) || !loopOfRegions)
      return {nullptr, nullptr};
  }
  return {first, last};
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

struct S2SCPUKeepThreadsAwakePass
    : s2s::impl::S2SCPUKeepThreadsAwakePassBase<S2SCPUKeepThreadsAwakePass> {
  using S2SCPUKeepThreadsAwakePassBase::S2SCPUKeepThreadsAwakePassBase;

  void runOnOperation() override {
    if (blocktimeMs <= 0)
      return;
    ModuleOp module = getOperation();
    SmallVector<std::pair<Operation *, Operation *>> spans;
    for (auto fn : module.getOps<func::FuncOp>())
      if (fn.getBody().hasOneBlock())
        if (auto span = spanOfRegions(fn.getBody().front()); span.first)
          spans.push_back(span);
    if (spans.empty())
      return;
    MLIRContext *ctx = &getContext();
    Type i32 = IntegerType::get(ctx, 32);
    func::FuncOp get = getOrDeclare(module, "kmp_get_blocktime",
                                    FunctionType::get(ctx, {}, {i32}));
    func::FuncOp set = getOrDeclare(module, "kmp_set_blocktime",
                                    FunctionType::get(ctx, {i32}, {}));
    for (auto [first, last] : spans) {
      OpBuilder b(first);
      Location loc = first->getLoc();
      Value old = func::CallOp::create(b, loc, get).getResult(0);
      Value spin = arith::ConstantOp::create(
          b, loc, i32,
          b.getI32IntegerAttr(
              static_cast<int32_t>(std::min<int64_t>(blocktimeMs, INT32_MAX))));
      func::CallOp::create(b, loc, set, ValueRange{spin});
      b.setInsertionPointAfter(last);
      func::CallOp::create(b, loc, set, ValueRange{old});
    }
  }
};

} // namespace
