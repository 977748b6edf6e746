//===- PlanBuffers.cpp - one arena per function for its scratch buffers ---===//
//
// Places the heap buffers a function allocates at its top level into one
// arena, planned from their lifetimes and reused by every call, taken for
// the duration of a call through an atomic flag (a call that finds it
// taken, from another thread or recursively, mallocs an arena of its own).
// With static sizes only, the arena is a zero-initialized global of the
// function, its layout fixed at compile time. With dynamic sizes, buffers
// whose lifetimes do not overlap share a slot planned at compile time,
// the slots' sizes are computed at the start of each call, and the arena is
// a heap block that grows to the largest size a call has needed.
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/FunctionCallUtils.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "s2s/Support/MemRefSizes.h"
#include "s2s/Support/RuntimeChecks.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SCPUPLANBUFFERSPASS
#include "s2s/Codegen/CPU/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

constexpr int64_t kAlignment = 64;
/// Static arenas larger than this are heap blocks instead of globals: a
/// loader maps a global with the library, called or not, and cannot report
/// that it failed to.
constexpr int64_t kMaxStaticArenaBytes = int64_t(1) << 30;
/// More than a process can address on the 64-bit targets (47-bit user
/// address spaces): a buffer this large is refused at compile time.
constexpr int64_t kMaxBufferBytes = int64_t(1) << 47;

/// A buffer of the arena: its allocation, size, lifetime (positions in the
/// function's block) and, once planned, its offset (static buffers) or slot
/// (dynamic ones).
struct Buffer {
  memref::AllocOp alloc;
  SmallVector<memref::DeallocOp> deallocs;
  /// Static: the size in bytes, aligned. Dynamic: the bytes of one element
  /// times the static dimensions.
  int64_t bytes = 0;
  bool dynamic = false;
  unsigned begin = 0, end = 0;
  int64_t offset = 0;
  unsigned slot = 0;
};

/// The bytes of the static dimensions of `type` (all of them when it is
/// static): nullopt when that does not fit in an int64_t.
static std::optional<int64_t> staticBytes(MemRefType type) {
  Type elt = type.getElementType();
  int64_t bytes = elt.isIntOrIndexOrFloat()
                      ? llvm::divideCeil(
                            elt.isIndex() ? 64 : elt.getIntOrFloatBitWidth(), 8)
                      : 8;
  for (int64_t size : type.getShape())
    if (!ShapedType::isDynamic(size) && llvm::MulOverflow(bytes, size, bytes))
      return std::nullopt;
  return bytes;
}

/// Refuses a buffer that no process could allocate, naming the op it
/// was made for (its location) and its size.
static LogicalResult checkBufferSizes(func::FuncOp func) {
  WalkResult result = func.walk([&](Operation *op) {
    if (!isa<memref::AllocOp, memref::AllocaOp>(op))
      return WalkResult::advance();
    auto type = cast<MemRefType>(op->getResult(0).getType());
    std::optional<int64_t> bytes = staticBytes(type);
    if (bytes && *bytes <= kMaxBufferBytes)
      return WalkResult::advance();
    InFlightDiagnostic diag = op->emitError()
                              << "a buffer of type " << type << " needs ";
    if (bytes)
      diag << *bytes << " bytes";
    else
      diag << "more than 2^63 bytes";
    diag << ", more than a process can address (2^47 bytes); the sizes of "
            "the tensor this op computes are too large";
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

/// Heap allocations of at least this many bytes (or of a dynamic size)
/// are checked; a smaller one failing means the process has no memory left
/// for anything.
constexpr int64_t kCheckedAllocationBytes = int64_t(1) << 20;

/// After each large or dynamic heap allocation left in `func`, a
/// `cf.assert` that it did not fail (a null pointer), with the size and the
/// op it was made for: a message rather than a crash when the memory is not
/// there.
static void checkAllocations(func::FuncOp func) {
  SmallVector<memref::AllocOp> allocs;
  func.walk([&](memref::AllocOp alloc) {
    std::optional<int64_t> bytes = staticBytes(alloc.getType());
    if (!alloc.getType().hasStaticShape() ||
        (bytes && *bytes >= kCheckedAllocationBytes))
      allocs.push_back(alloc);
  });
  for (memref::AllocOp alloc : allocs) {
    OpBuilder b(alloc);
    b.setInsertionPointAfter(alloc);
    Location loc = alloc.getLoc();
    MemRefType type = alloc.getType();
    Value address =
        memref::ExtractAlignedPointerAsIndexOp::create(b, loc, alloc);
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    Value ok =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, address, zero);
    std::string what;
    llvm::raw_string_ostream os(what);
    os << s2s::locationPrefix(loc) << "@" << func.getName()
       << ": cannot allocate ";
    if (type.hasStaticShape())
      os << *staticBytes(type) << " bytes for ";
    os << "a buffer of type " << type << " (malloc failed)";
    cf::AssertOp::create(b, loc, ok, what);
  }
}

/// The bytes of one element of an identity-layout memref of whole bytes.
static std::optional<int64_t> elementBytes(MemRefType type) {
  if (!type.getLayout().isIdentity() || type.getMemorySpace())
    return std::nullopt;
  Type elt = type.getElementType();
  if (!elt.isIntOrFloat() || elt.getIntOrFloatBitWidth() % 8 != 0)
    return std::nullopt;
  return elt.getIntOrFloatBitWidth() / 8;
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
  MemRefType type = alloc.getType();
  // Whole-byte elements, identity layout; the bytes of the static sizes.
  std::optional<int64_t> bytes =
      elementBytes(type) ? staticBytes(type) : std::nullopt;
  if (!bytes || !alloc.getSymbolOperands().empty())
    return failure();
  buffer.dynamic = !type.hasStaticShape();
  buffer.bytes = buffer.dynamic ? *bytes : llvm::alignTo(*bytes, kAlignment);
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

/// Slots for dynamic buffers: buffers whose lifetimes do not overlap share
/// a slot (in order of their allocation, each into the first slot free by
/// then). Returns the number of slots.
static unsigned assignSlots(MutableArrayRef<Buffer> buffers) {
  SmallVector<unsigned> slotEnds;
  for (Buffer &buffer : buffers) {
    auto *free = llvm::find_if(
        slotEnds, [&](unsigned end) { return end < buffer.begin; });
    if (free == slotEnds.end()) {
      buffer.slot = slotEnds.size();
      slotEnds.push_back(buffer.end);
    } else {
      buffer.slot = free - slotEnds.begin();
      *free = buffer.end;
    }
  }
  return slotEnds.size();
}

/// `value` available before `point` (an op of `block`, the function's
/// body): itself when it is defined before `point` or is an argument, else
/// a clone of its side-effect-free computation from such values, inserted
/// at `b`'s insertion point. Fails when that computation reads memory or
/// is nested in a region.
static FailureOr<Value>
materializeBefore(Value value, Operation *point, Block &block,
                  const DenseMap<Operation *, unsigned> &pos, OpBuilder &b,
                  IRMapping &cloned) {
  if (Value known = cloned.lookupOrNull(value))
    return known;
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    if (arg.getOwner() != &block)
      return failure();
    return value;
  }
  Operation *def = value.getDefiningOp();
  if (def->getBlock() != &block)
    return failure();
  if (pos.lookup(def) < pos.lookup(point))
    return value;
  if (def->getNumRegions() != 0 || !isMemoryEffectFree(def))
    return failure();
  for (Value operand : def->getOperands())
    if (failed(materializeBefore(operand, point, block, pos, b, cloned)))
      return failure();
  Operation *copy = b.clone(*def, cloned);
  return copy->getResult(cast<OpResult>(value).getResultNumber());
}

/// The flag of `func`'s arena: a private i32 global, 0 while the arena is
/// free.
static memref::GlobalOp declareFlag(OpBuilder &b, func::FuncOp func,
                                    SymbolTable &symbols) {
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(func);
  auto flag = memref::GlobalOp::create(
      b, func.getLoc(), (func.getName() + "_arena_busy").str(),
      b.getStringAttr("private"), MemRefType::get({}, b.getI32Type()),
      DenseElementsAttr::get(RankedTensorType::get({}, b.getI32Type()),
                             b.getI32IntegerAttr(0).getValue()),
      /*constant=*/false, /*alignment=*/nullptr);
  symbols.insert(flag);
  return flag;
}

/// Takes `flag` (an atomic exchange with 1): whether the call owns the
/// arena, and the flag's memref.
static std::pair<Value, Value> acquire(OpBuilder &b, Location loc,
                                       memref::GlobalOp flag) {
  Value one = arith::ConstantIntOp::create(b, loc, 1, 32);
  Value zero = arith::ConstantIntOp::create(b, loc, 0, 32);
  Value flagRef =
      memref::GetGlobalOp::create(b, loc, flag.getType(), flag.getSymName());
  Value previous = memref::AtomicRMWOp::create(
      b, loc, arith::AtomicRMWKind::assign, one, flagRef, ValueRange());
  Value owns =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, previous, zero);
  return {owns, flagRef};
}

/// Before `terminator`: clears the flag when the call owns the arena, else
/// frees the arena `base` the call allocated.
static void release(OpBuilder &b, Location loc, Operation *terminator,
                    Value owns, Value flagRef, Value base) {
  b.setInsertionPoint(terminator);
  auto ifOwns = scf::IfOp::create(b, loc, TypeRange(), owns,
                                  /*withElseRegion=*/true);
  b.setInsertionPointToStart(ifOwns.thenBlock());
  Value zero = arith::ConstantIntOp::create(b, loc, 0, 32);
  memref::AtomicRMWOp::create(b, loc, arith::AtomicRMWKind::assign, zero,
                              flagRef, ValueRange());
  b.setInsertionPointToStart(ifOwns.elseBlock());
  memref::DeallocOp::create(b, loc, base);
}

/// Replaces the allocation of `buffer` (and its deallocations) by `view`.
static void replaceWithView(Buffer &buffer, Value view) {
  buffer.alloc.replaceAllUsesWith(view);
  buffer.alloc.erase();
  for (memref::DeallocOp dealloc : buffer.deallocs)
    dealloc.erase();
}

/// Each of the static `buffers` as a view of `base` at its offset.
static void placeStatic(OpBuilder &b, MutableArrayRef<Buffer> buffers,
                        Value base) {
  for (Buffer &buffer : buffers) {
    b.setInsertionPoint(buffer.alloc);
    Location loc = buffer.alloc.getLoc();
    Value offset = arith::ConstantIndexOp::create(b, loc, buffer.offset);
    replaceWithView(buffer,
                    memref::ViewOp::create(b, loc, buffer.alloc.getType(), base,
                                           offset, ValueRange()));
  }
}

struct S2SCPUPlanBuffersPass
    : s2s::impl::S2SCPUPlanBuffersPassBase<S2SCPUPlanBuffersPass> {
  using S2SCPUPlanBuffersPassBase::S2SCPUPlanBuffersPassBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    heapArenas.clear();
    for (auto func : llvm::to_vector(module.getOps<func::FuncOp>())) {
      if (func.isExternal())
        continue;
      if (failed(checkBufferSizes(func)))
        return signalPassFailure();
      if (!func.getBody().hasOneBlock())
        continue;
      hoistOutOfLoops(func);
      plan(func, symbols);
      checkAllocations(func);
    }
    releaseArenasAtUnload(module, symbols);
  }

  /// The address and size globals of the heap arenas made so far.
  SmallVector<std::pair<LLVM::GlobalOp, LLVM::GlobalOp>> heapArenas;

  /// Adds a destructor of the module (llvm.global_dtors) that frees the
  /// heap arenas, so that the memory goes back when a library or the JIT's
  /// code is unloaded (or the program exits) instead of leaking. Like any
  /// library's destructors, it assumes no call is running then (unloading
  /// unmaps the code itself).
  void releaseArenasAtUnload(ModuleOp module, SymbolTable &symbols) {
    if (heapArenas.empty())
      return;
    MLIRContext *ctx = module.getContext();
    Location loc = module.getLoc();
    OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
    FailureOr<LLVM::LLVMFuncOp> freeFn = LLVM::lookupOrCreateFreeFn(b, module);
    if (failed(freeFn))
      return signalPassFailure();
    auto release = LLVM::LLVMFuncOp::create(
        b, loc, "s2s_release_arenas",
        LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), {}),
        LLVM::Linkage::Internal);
    symbols.insert(release);
    b.setInsertionPointToStart(release.addEntryBlock(b));
    Type i64 = b.getI64Type();
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    Value zero = LLVM::ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
    for (auto [addressGlobal, capacityGlobal] : heapArenas) {
      Value addressRef = LLVM::AddressOfOp::create(b, loc, addressGlobal);
      Value address = LLVM::LoadOp::create(b, loc, i64, addressRef);
      LLVM::CallOp::create(
          b, loc, *freeFn,
          ValueRange{LLVM::IntToPtrOp::create(b, loc, ptrType, address)});
      // A call after this (another destructor's) starts from nothing.
      LLVM::StoreOp::create(b, loc, zero, addressRef);
      LLVM::StoreOp::create(b, loc, zero,
                            LLVM::AddressOfOp::create(b, loc, capacityGlobal));
    }
    LLVM::ReturnOp::create(b, loc, ValueRange{});
    heapArenas.clear();

    // One llvm.mlir.global_dtors per module: add to the module's own.
    SmallVector<Attribute> dtors, priorities, data;
    for (auto existing :
         llvm::make_early_inc_range(module.getOps<LLVM::GlobalDtorsOp>())) {
      llvm::append_range(dtors, existing.getDtors());
      llvm::append_range(priorities, existing.getPriorities());
      llvm::append_range(data, existing.getData());
      existing->erase();
    }
    dtors.push_back(FlatSymbolRefAttr::get(release));
    priorities.push_back(b.getI32IntegerAttr(65535));
    data.push_back(LLVM::ZeroAttr::get(ctx));
    b.setInsertionPointToEnd(module.getBody());
    LLVM::GlobalDtorsOp::create(b, loc, b.getArrayAttr(dtors),
                                b.getArrayAttr(priorities),
                                b.getArrayAttr(data));
  }

  /// Moves each buffer that lives within one iteration of an scf.for (its
  /// frees in the loop's body, nothing carrying it to the next iteration)
  /// before the loop, freed after it: one allocation for all iterations.
  /// (Upstream's buffer-loop-hoisting moves the allocation alone and must
  /// run before deallocation is inserted; this runs after it, on the
  /// kernels' own buffers too, and moves the dealloc with the alloc.)
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
        if (failed(buffer) || buffer->deallocs.empty() ||
            !llvm::all_of(alloc.getDynamicSizes(), [&](Value size) {
              return loop.isDefinedOutsideOfLoop(size);
            }))
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

  /// Places the static `buffers` and the dynamic `dynamicBuffers` of
  /// `func` in an arena on the heap that grows to the largest size a call
  /// has needed: the static buffers at their planned offsets, then one slot
  /// per group of dynamic buffers with disjoint lifetimes, sized at run time
  /// for the largest of them. The dynamic buffers whose sizes cannot be
  /// computed where the arena is taken stay on the heap. Fails (changing
  /// nothing) when none is left.
  LogicalResult planGrowing(func::FuncOp func, MutableArrayRef<Buffer> buffers,
                            SmallVector<Buffer> &dynamicBuffers,
                            const DenseMap<Operation *, unsigned> &pos,
                            SymbolTable &symbols, bool staticOnly = false) {
    Block &block = func.getBody().front();
    MLIRContext *ctx = &getContext();
    Location loc = func.getLoc();
    // The arena is taken where the first of its buffers is allocated.
    Operation *point = nullptr;
    for (Buffer &buffer : llvm::concat<Buffer>(buffers, dynamicBuffers))
      if (!point || buffer.begin < pos.lookup(point))
        point = buffer.alloc;
    OpBuilder b(point);

    // The sizes of the dynamic buffers there.
    IRMapping cloned;
    SmallVector<Buffer> placed;
    SmallVector<SmallVector<Value>> sizes;
    for (Buffer &buffer : dynamicBuffers) {
      SmallVector<Value> dims;
      for (Value size : buffer.alloc.getDynamicSizes()) {
        FailureOr<Value> dim =
            materializeBefore(size, point, block, pos, b, cloned);
        if (failed(dim))
          break;
        dims.push_back(*dim);
      }
      if (dims.size() != buffer.alloc.getDynamicSizes().size())
        continue;
      placed.push_back(buffer);
      sizes.push_back(dims);
    }
    if (placed.empty() && !staticOnly)
      return failure();
    dynamicBuffers = placed;

    // The bytes of each slot, then the slots' offsets after the static
    // buffers.
    int64_t staticTotal = buffers.empty() ? 0 : assignOffsets(buffers);
    unsigned numSlots = assignSlots(dynamicBuffers);
    Value alignMask = arith::ConstantIndexOp::create(b, loc, -kAlignment);
    Value alignPad = arith::ConstantIndexOp::create(b, loc, kAlignment - 1);
    SmallVector<Value> slotBytes(numSlots);
    for (auto [buffer, dims] : llvm::zip(dynamicBuffers, sizes)) {
      Value bytes = arith::ConstantIndexOp::create(b, loc, buffer.bytes);
      for (Value dim : dims)
        bytes = arith::MulIOp::create(b, loc, bytes, dim);
      bytes = arith::AndIOp::create(
          b, loc, arith::AddIOp::create(b, loc, bytes, alignPad), alignMask);
      Value &slot = slotBytes[buffer.slot];
      slot = slot ? arith::MaxUIOp::create(b, loc, slot, bytes).getResult()
                  : bytes;
    }
    SmallVector<Value> slotOffsets;
    Value need = arith::ConstantIndexOp::create(b, loc, staticTotal);
    for (Value bytes : slotBytes) {
      slotOffsets.push_back(need);
      need = arith::AddIOp::create(b, loc, need, bytes);
    }

    // The arena (its address and size as i64 globals) and its flag.
    ModuleOp module = getOperation();
    Type i64 = b.getI64Type();
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    auto declare = [&](StringRef suffix) {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(func);
      auto global = LLVM::GlobalOp::create(
          b, loc, i64, /*isConstant=*/false, LLVM::Linkage::Private,
          (func.getName() + suffix).str(), b.getI64IntegerAttr(0));
      symbols.insert(global);
      return global;
    };
    LLVM::GlobalOp addressGlobal = declare("_arena_address");
    LLVM::GlobalOp capacityGlobal = declare("_arena_bytes");
    heapArenas.push_back({addressGlobal, capacityGlobal});
    memref::GlobalOp flag = declareFlag(b, func, symbols);
    FailureOr<LLVM::LLVMFuncOp> mallocFn =
        LLVM::lookupOrCreateMallocFn(b, module, i64);
    FailureOr<LLVM::LLVMFuncOp> freeFn = LLVM::lookupOrCreateFreeFn(b, module);
    if (failed(mallocFn) || failed(freeFn))
      return failure();

    // Take it: when free, grow it to `need` bytes if it is smaller; else a
    // fresh block of `need` bytes.
    auto [owns, flagRef] = acquire(b, loc, flag);
    auto arenaType =
        MemRefType::get({ShapedType::kDynamic}, IntegerType::get(ctx, 8));
    auto take = scf::IfOp::create(b, loc, TypeRange{arenaType}, owns,
                                  /*withElseRegion=*/true);
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(take.thenBlock());
      Value needBytes = arith::IndexCastOp::create(b, loc, i64, need);
      Value addressRef = LLVM::AddressOfOp::create(b, loc, addressGlobal);
      Value capacityRef = LLVM::AddressOfOp::create(b, loc, capacityGlobal);
      Value capacity = LLVM::LoadOp::create(b, loc, i64, capacityRef);
      Value small = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                                          capacity, needBytes);
      auto grow = scf::IfOp::create(b, loc, TypeRange(), small,
                                    /*withElseRegion=*/false);
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(grow.thenBlock());
        Value oldAddress = LLVM::LoadOp::create(b, loc, i64, addressRef);
        Value old = LLVM::IntToPtrOp::create(b, loc, ptrType, oldAddress);
        LLVM::CallOp::create(b, loc, *freeFn, ValueRange{old});
        Value padded = arith::AddIOp::create(
            b, loc, needBytes,
            arith::ConstantIntOp::create(b, loc, kAlignment - 1, 64));
        Value fresh =
            LLVM::CallOp::create(b, loc, *mallocFn, ValueRange{padded})
                .getResult();
        Value null = LLVM::ZeroOp::create(b, loc, ptrType);
        Value ok =
            LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ne, fresh, null);
        std::string size =
            staticOnly ? " of " + std::to_string(staticTotal) + " bytes" : "";
        cf::AssertOp::create(b, loc, ok,
                             ("@" + func.getName() +
                              ": cannot allocate its scratch memory" + size +
                              " (malloc failed)")
                                 .str());
        LLVM::StoreOp::create(
            b, loc, LLVM::PtrToIntOp::create(b, loc, i64, fresh), addressRef);
        LLVM::StoreOp::create(b, loc, needBytes, capacityRef);
      }
      // A memref descriptor of the block: allocated pointer, the pointer
      // aligned up, offset 0, `need` bytes, stride 1.
      Value address = LLVM::LoadOp::create(b, loc, i64, addressRef);
      Value aligned = LLVM::AndOp::create(
          b, loc,
          LLVM::AddOp::create(
              b, loc, address,
              arith::ConstantIntOp::create(b, loc, kAlignment - 1, 64)),
          arith::ConstantIntOp::create(b, loc, -kAlignment, 64));
      auto descriptorType = LLVM::LLVMStructType::getLiteral(
          ctx, {ptrType, ptrType, i64, LLVM::LLVMArrayType::get(i64, 1),
                LLVM::LLVMArrayType::get(i64, 1)});
      Value descriptor = LLVM::PoisonOp::create(b, loc, descriptorType);
      auto insert = [&](Value field, ArrayRef<int64_t> position) {
        descriptor =
            LLVM::InsertValueOp::create(b, loc, descriptor, field, position);
      };
      insert(LLVM::IntToPtrOp::create(b, loc, ptrType, address), {0});
      insert(LLVM::IntToPtrOp::create(b, loc, ptrType, aligned), {1});
      insert(arith::ConstantIntOp::create(b, loc, 0, 64), {2});
      insert(needBytes, {3, 0});
      insert(arith::ConstantIntOp::create(b, loc, 1, 64), {4, 0});
      Value arena =
          UnrealizedConversionCastOp::create(b, loc, arenaType, descriptor)
              .getResult(0);
      scf::YieldOp::create(b, loc, arena);
      b.setInsertionPointToStart(take.elseBlock());
      Value fresh = memref::AllocOp::create(b, loc, arenaType, ValueRange{need},
                                            b.getI64IntegerAttr(kAlignment));
      scf::YieldOp::create(b, loc, fresh);
    }
    Value base = take.getResult(0);

    // Each buffer becomes a view of the arena.
    placeStatic(b, buffers, base);
    for (Buffer &buffer : dynamicBuffers) {
      b.setInsertionPoint(buffer.alloc);
      replaceWithView(buffer,
                      memref::ViewOp::create(b, buffer.alloc.getLoc(),
                                             buffer.alloc.getType(), base,
                                             slotOffsets[buffer.slot],
                                             buffer.alloc.getDynamicSizes()));
    }

    // Give it back on return.
    release(b, loc, block.getTerminator(), owns, flagRef, base);
    return success();
  }

  void plan(func::FuncOp func, SymbolTable &symbols) {
    Block &block = func.getBody().front();
    if (llvm::any_of(block.getOps<memref::AllocOp>(), [](memref::AllocOp a) {
          return !a.getDynamicSizes().empty();
        }))
      // The sizes of dynamic buffers are needed where the arena is taken.
      s2s::resolveMemRefDims(func);
    DenseMap<Operation *, unsigned> pos;
    for (auto [i, op] : llvm::enumerate(block))
      pos[&op] = i;
    SmallVector<Buffer> buffers, dynamicBuffers;
    for (auto alloc : block.getOps<memref::AllocOp>()) {
      FailureOr<Buffer> buffer = describe(alloc, block, pos);
      if (failed(buffer))
        continue;
      if (buffer->dynamic)
        dynamicBuffers.push_back(*buffer);
      else if (buffer->bytes >= minBytes)
        buffers.push_back(*buffer);
    }
    if (!dynamicBuffers.empty() &&
        succeeded(planGrowing(func, buffers, dynamicBuffers, pos, symbols)))
      return;
    if (buffers.empty())
      return;
    int64_t total = assignOffsets(buffers);
    // Too large for a global: a heap block, allocated (and checked) at the
    // first call.
    if (total > kMaxStaticArenaBytes) {
      SmallVector<Buffer> none;
      (void)planGrowing(func, buffers, none, pos, symbols,
                        /*staticOnly=*/true);
      return;
    }

    // The arena and its flag, next to the function.
    MLIRContext *ctx = &getContext();
    OpBuilder b(func);
    Location loc = func.getLoc();
    auto arenaType = MemRefType::get({total}, IntegerType::get(ctx, 8));
    auto arena = memref::GlobalOp::create(
        b, loc, (func.getName() + "_arena").str(), b.getStringAttr("private"),
        arenaType, b.getUnitAttr(),
        /*constant=*/false, b.getI64IntegerAttr(kAlignment));
    symbols.insert(arena);
    memref::GlobalOp flag = declareFlag(b, func, symbols);

    // Take the arena: the global when it is free, else a fresh one.
    b.setInsertionPointToStart(&block);
    auto [owns, flagRef] = acquire(b, loc, flag);
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

    // Each buffer becomes a view of the arena; give it back on return.
    placeStatic(b, buffers, base);
    release(b, loc, block.getTerminator(), owns, flagRef, base);
  }
};

} // namespace
