//===- PlanBuffers.cpp - one arena per function for its scratch buffers ---===//
//
// Places the statically sized heap buffers a function allocates at its top
// level into one arena, planned at compile time from their lifetimes and
// reused by every call: a zero-initialized global of the function, taken
// for the duration of a call through an atomic flag (a call that finds it
// taken, from another thread or recursively, mallocs an arena of its own).
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SCPUPLANBUFFERSPASS
#include "s2s/Codegen/CPU/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

constexpr int64_t kAlignment = 64;

/// A buffer of the arena: its allocation, size, lifetime (positions in the
/// function's block) and, once planned, its offset.
struct Buffer {
  memref::AllocOp alloc;
  SmallVector<memref::DeallocOp> deallocs;
  int64_t bytes = 0;
  unsigned begin = 0, end = 0;
  int64_t offset = 0;
};

/// The size in bytes of a static, identity-layout memref of whole bytes.
static std::optional<int64_t> staticBytes(MemRefType type) {
  if (!type.hasStaticShape() || !type.getLayout().isIdentity() ||
      type.getMemorySpace())
    return std::nullopt;
  Type elt = type.getElementType();
  if (!elt.isIntOrFloat() || elt.getIntOrFloatBitWidth() % 8 != 0)
    return std::nullopt;
  return type.getNumElements() * (elt.getIntOrFloatBitWidth() / 8);
}

/// Describes `alloc` as a buffer of `block`, or fails when it may outlive
/// the call or be freed other than by a plain dealloc in `block`: returned,
/// passed to a call that returns a memref, yielded out of a region, or its
/// base buffer taken apart (as the deallocation helpers do for conditional
/// frees).
static FailureOr<Buffer> describe(memref::AllocOp alloc, Block &block,
                                  const DenseMap<Operation *, unsigned> &pos) {
  Buffer buffer;
  buffer.alloc = alloc;
  std::optional<int64_t> bytes = staticBytes(alloc.getType());
  if (!bytes || !alloc.getDynamicSizes().empty() ||
      !alloc.getSymbolOperands().empty())
    return failure();
  buffer.bytes = llvm::alignTo(*bytes, kAlignment);
  buffer.begin = buffer.end = pos.lookup(alloc);
  bool freed = false;
  SmallVector<Value> aliases = {alloc.getResult()};
  while (!aliases.empty()) {
    Value value = aliases.pop_back_val();
    for (OpOperand &use : value.getUses()) {
      Operation *user = use.getOwner();
      if (isa<func::ReturnOp, memref::ExtractStridedMetadataOp>(user) ||
          user->hasTrait<OpTrait::IsTerminator>())
        return failure();
      // A callee may use the buffer during the call (an output parameter
      // of a private function) but has nowhere to keep it, unless it
      // returns a memref.
      if (isa<CallOpInterface>(user) &&
          llvm::any_of(user->getResultTypes(), llvm::IsaPred<BaseMemRefType>))
        return failure();
      if (auto dealloc = dyn_cast<memref::DeallocOp>(user)) {
        if (dealloc->getBlock() != &block || value != alloc.getResult())
          return failure();
        buffer.deallocs.push_back(dealloc);
        buffer.end = std::max(buffer.end, pos.lookup(dealloc));
        freed = true;
        continue;
      }
      if (auto view = dyn_cast<ViewLikeOpInterface>(user))
        if (view.getViewSource() == value)
          for (Value result : user->getResults())
            aliases.push_back(result);
      Operation *ancestor = block.findAncestorOpInBlock(*user);
      if (!ancestor)
        return failure();
      buffer.end = std::max(buffer.end, pos.lookup(ancestor));
    }
  }
  // Not freed in the block: live to its end.
  if (!freed)
    buffer.end = pos.lookup(block.getTerminator());
  return buffer;
}

/// Offsets for `buffers` such that buffers with overlapping lifetimes do
/// not overlap: the largest first, each at the lowest offset that fits.
/// Returns the arena's size.
static int64_t assignOffsets(MutableArrayRef<Buffer> buffers) {
  SmallVector<Buffer *> order;
  for (Buffer &buffer : buffers)
    order.push_back(&buffer);
  llvm::stable_sort(order,
                    [](Buffer *a, Buffer *b) { return a->bytes > b->bytes; });
  SmallVector<Buffer *> placed;
  int64_t total = 0;
  for (Buffer *buffer : order) {
    // The placed buffers alive at the same time, by offset.
    SmallVector<Buffer *> live;
    for (Buffer *other : placed)
      if (other->begin <= buffer->end && buffer->begin <= other->end)
        live.push_back(other);
    llvm::sort(live,
               [](Buffer *a, Buffer *b) { return a->offset < b->offset; });
    int64_t offset = 0;
    for (Buffer *other : live) {
      if (offset + buffer->bytes <= other->offset)
        break;
      offset = std::max(offset, other->offset + other->bytes);
    }
    buffer->offset = offset;
    total = std::max(total, offset + buffer->bytes);
    placed.push_back(buffer);
  }
  return total;
}

struct S2SCPUPlanBuffersPass
    : s2s::impl::S2SCPUPlanBuffersPassBase<S2SCPUPlanBuffersPass> {
  using S2SCPUPlanBuffersPassBase::S2SCPUPlanBuffersPassBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    for (auto func : llvm::to_vector(module.getOps<func::FuncOp>())) {
      if (func.isExternal() || !func.getBody().hasOneBlock())
        continue;
      hoistOutOfLoops(func);
      plan(func, symbols);
    }
  }

  /// Moves each buffer that lives within one iteration of an scf.for (its
  /// frees in the loop's body, nothing carrying it to the next iteration)
  /// before the loop, freed after it: one allocation for all iterations.
  /// Repeated outward through nested sequential loops; parallel loops stop
  /// it (their iterations need buffers of their own).
  void hoistOutOfLoops(func::FuncOp func) {
    DenseMap<Operation *, unsigned> noPositions;
    bool changed = true;
    while (changed) {
      changed = false;
      SmallVector<memref::AllocOp> candidates;
      func.walk([&](memref::AllocOp alloc) {
        if (isa<scf::ForOp>(alloc->getParentOp()))
          candidates.push_back(alloc);
      });
      for (memref::AllocOp alloc : candidates) {
        auto loop = cast<scf::ForOp>(alloc->getParentOp());
        FailureOr<Buffer> buffer =
            describe(alloc, *alloc->getBlock(), noPositions);
        if (failed(buffer) || buffer->deallocs.empty())
          continue;
        alloc->moveBefore(loop);
        for (memref::DeallocOp dealloc : buffer->deallocs)
          dealloc.erase();
        OpBuilder b(loop);
        b.setInsertionPointAfter(loop);
        memref::DeallocOp::create(b, alloc.getLoc(), alloc);
        changed = true;
      }
    }
  }

  void plan(func::FuncOp func, SymbolTable &symbols) {
    Block &block = func.getBody().front();
    DenseMap<Operation *, unsigned> pos;
    for (auto [i, op] : llvm::enumerate(block))
      pos[&op] = i;
    SmallVector<Buffer> buffers;
    for (auto alloc : block.getOps<memref::AllocOp>())
      if (FailureOr<Buffer> buffer = describe(alloc, block, pos);
          succeeded(buffer) && buffer->bytes >= minBytes)
        buffers.push_back(*buffer);
    if (buffers.empty())
      return;
    int64_t total = assignOffsets(buffers);

    // The arena and its flag, next to the function.
    MLIRContext *ctx = &getContext();
    OpBuilder b(func);
    Location loc = func.getLoc();
    auto arenaType = MemRefType::get({total}, IntegerType::get(ctx, 8));
    auto flagType = MemRefType::get({}, b.getI32Type());
    auto arena = memref::GlobalOp::create(
        b, loc, (func.getName() + "_arena").str(), b.getStringAttr("private"),
        arenaType, b.getUnitAttr(),
        /*constant=*/false, b.getI64IntegerAttr(kAlignment));
    symbols.insert(arena);
    auto flag = memref::GlobalOp::create(
        b, loc, (func.getName() + "_arena_busy").str(),
        b.getStringAttr("private"), flagType,
        DenseElementsAttr::get(RankedTensorType::get({}, b.getI32Type()),
                               b.getI32IntegerAttr(0).getValue()),
        /*constant=*/false, /*alignment=*/nullptr);
    symbols.insert(flag);

    // Take the arena: the global when it is free, else a fresh one.
    b.setInsertionPointToStart(&block);
    Value one = arith::ConstantIntOp::create(b, loc, 1, 32);
    Value zero = arith::ConstantIntOp::create(b, loc, 0, 32);
    Value flagRef =
        memref::GetGlobalOp::create(b, loc, flagType, flag.getSymName());
    Value previous = memref::AtomicRMWOp::create(
        b, loc, arith::AtomicRMWKind::assign, one, flagRef, ValueRange());
    Value owns =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, previous, zero);
    auto take = scf::IfOp::create(b, loc, TypeRange{arenaType}, owns,
                                  /*withElseRegion=*/true);
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(take.thenBlock());
      Value global =
          memref::GetGlobalOp::create(b, loc, arenaType, arena.getSymName());
      scf::YieldOp::create(b, loc, global);
      b.setInsertionPointToStart(take.elseBlock());
      Value fresh = memref::AllocOp::create(b, loc, arenaType,
                                            b.getI64IntegerAttr(kAlignment));
      scf::YieldOp::create(b, loc, fresh);
    }
    Value base = take.getResult(0);

    // Each buffer becomes a view of the arena.
    for (Buffer &buffer : buffers) {
      b.setInsertionPoint(buffer.alloc);
      Value offset = arith::ConstantIndexOp::create(b, buffer.alloc.getLoc(),
                                                    buffer.offset);
      Value view = memref::ViewOp::create(b, buffer.alloc.getLoc(),
                                          buffer.alloc.getType(), base, offset,
                                          ValueRange());
      buffer.alloc.replaceAllUsesWith(view);
      buffer.alloc.erase();
      for (memref::DeallocOp dealloc : buffer.deallocs)
        dealloc.erase();
    }

    // Give it back on return.
    b.setInsertionPoint(block.getTerminator());
    auto release = scf::IfOp::create(b, loc, TypeRange(), owns,
                                     /*withElseRegion=*/true);
    b.setInsertionPointToStart(release.thenBlock());
    memref::AtomicRMWOp::create(b, loc, arith::AtomicRMWKind::assign, zero,
                                flagRef, ValueRange());
    b.setInsertionPointToStart(release.elseBlock());
    memref::DeallocOp::create(b, loc, base);
  }
};

} // namespace
