//===- ReturnStatus.cpp - entry points that return a status
//----------------===//
//
// The s2s-bufferization-return-status pass: each entry point becomes a
// function that checks what its caller gave it (descriptors, sizes against
// the shape rules) and returns 0 after computing the results, or the
// number of the first check that fails without computing anything; the
// computation moves to a private `<name>_body`. See the pass description in
// include/s2s/Bufferization/Passes.td.
//
//===----------------------------------------------------------------------===//

#include "s2s/Bufferization/Passes.h"

#include "Status.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "s2s/Support/MemRefSizes.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SBUFFERIZATIONRETURNSTATUSPASS
#include "s2s/Bufferization/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {
/// The computation of a check's condition from the arguments of the
/// function's block: the ops (of that block) it needs, and whether it reads
/// memory (the values of an input, rather than its sizes).
struct Slice {
  llvm::SetVector<Operation *> ops;
  bool reads = false;
};
} // namespace

static bool computedFromArguments(Value value, Block &block, Slice &slice);

/// Whether `value`, used within `root`, is defined within it.
static bool definedWithin(Value value, Operation *root) {
  return root->isAncestor(value.getParentRegion()->getParentOp());
}

/// Whether `op` (`root`, an op of `block`, or an op nested in it) may be
/// part of a slice: it touches no memory, or only reads a memref computed
/// from the arguments (an input's values); the ops nested in it likewise;
/// and what it uses from outside `root` is computed from the arguments.
static bool isLiftable(Operation *op, Operation *root, Block &block,
                       Slice &slice) {
  if (auto load = dyn_cast<memref::LoadOp>(op)) {
    if (!definedWithin(load.getMemRef(), root) &&
        !computedFromArguments(load.getMemRef(), block, slice))
      return false;
    slice.reads = true;
  } else if (op->getNumRegions() == 0
                 ? !isMemoryEffectFree(op)
                 : !op->hasTrait<OpTrait::HasRecursiveMemoryEffects>()) {
    return false;
  }
  for (Value operand : op->getOperands())
    if (!definedWithin(operand, root) &&
        !computedFromArguments(operand, block, slice))
      return false;
  for (Region &region : op->getRegions())
    for (Operation &nested : region.getOps())
      if (!isLiftable(&nested, root, block, slice))
        return false;
  return true;
}

/// Whether `value` is computed in `block` from its arguments by ops that
/// touch no memory but reads of the arguments (isLiftable); collects the
/// ops of `block` it needs into `slice`.
static bool computedFromArguments(Value value, Block &block, Slice &slice) {
  if (auto arg = dyn_cast<BlockArgument>(value))
    return arg.getOwner() == &block;
  Operation *def = value.getDefiningOp();
  if (slice.ops.contains(def))
    return true;
  if (def->getBlock() != &block || !isLiftable(def, def, block, slice))
    return false;
  slice.ops.insert(def);
  return true;
}

/// The messages of the check function of `func`, if it has one, in status
/// order.
static SmallVector<StringRef> checkFunctionMessages(func::FuncOp func,
                                                    SymbolTable &symbols) {
  SmallVector<StringRef> messages;
  auto check =
      symbols.lookup<func::FuncOp>((func.getName() + "_check_shapes").str());
  if (!check)
    return messages;
  if (auto list = check->getAttrOfType<ArrayAttr>("s2s.shape_checks"))
    for (Attribute message : list)
      messages.push_back(cast<StringAttr>(message).getValue());
  return messages;
}

/// Turns the entry point `func` into a function returning the status of
/// its checks and calling `<name>_body`, the former `func`, when they hold.
static LogicalResult wrapEntry(func::FuncOp func, SymbolTable &symbols) {
  MLIRContext *ctx = func.getContext();
  Block &block = func.front();
  std::string name = func.getName().str();
  std::string bodyName = name + "_body";
  if (symbols.lookup(bodyName))
    return func.emitError()
           << "cannot move the body of @" << name << " to @" << bodyName
           << ": the module already has a symbol of that name";

  // Sizes of buffers as sizes of what they are made from (an allocation's
  // operands, a reshape's source): in the end, of the arguments.
  s2s::resolveMemRefDims(func);

  // The checks a status can report: those computed from the arguments
  // alone (sizes, descriptors), or from the values of the inputs as well
  // (token ids in range). Checks on values computed in the body stay there.
  struct Check {
    cf::AssertOp op;
    int64_t number;
    Slice slice;
  };
  SmallVector<Check> checks;
  SmallVector<StringRef> numbered = checkFunctionMessages(func, symbols);
  SmallVector<Attribute> messages;
  for (StringRef message : numbered)
    messages.push_back(StringAttr::get(ctx, message));
  for (auto check : block.getOps<cf::AssertOp>()) {
    Slice slice;
    if (!computedFromArguments(check.getArg(), block, slice))
      continue;
    // The number the check function gives the same message, else a new
    // one after those.
    const auto *it = llvm::find(numbered, check.getMsg());
    int64_t number = it - numbered.begin() + 1;
    if (it == numbered.end()) {
      messages.push_back(check.getMsgAttr());
      number = messages.size();
    }
    checks.push_back({check, number, std::move(slice)});
  }
  llvm::stable_sort(checks, [](const Check &a, const Check &b) {
    return a.number < b.number;
  });

  // The wrapper: same arguments and attributes, an i32 result.
  OpBuilder b(func);
  Location loc = func.getLoc();
  Type i32 = b.getI32Type();
  auto wrapper = func::FuncOp::create(
      b, loc, name,
      FunctionType::get(ctx, func.getArgumentTypes(), TypeRange{i32}));
  wrapper->setAttrs(func->getAttrs());
  wrapper.setName(name);
  wrapper.setType(
      FunctionType::get(ctx, func.getArgumentTypes(), TypeRange{i32}));
  wrapper->setAttr("s2s.status_messages", ArrayAttr::get(ctx, messages));
  Block *entry = wrapper.addEntryBlock();
  b.setInsertionPointToStart(entry);

  // The checks' computations, in their order in the body, then the status:
  // the number of the first check that fails (by number), or 0. The checks
  // that read the inputs' values come after the others have held: only
  // then are the descriptors they read through known to be right.
  IRMapping mapping;
  mapping.map(block.getArguments(), entry->getArguments());
  auto statusOf = [&](bool reads, Value status) {
    llvm::SetVector<Operation *> ops;
    for (Check &check : checks)
      if (check.slice.reads == reads)
        ops.insert(check.slice.ops.begin(), check.slice.ops.end());
    for (Operation &op : block)
      if (ops.contains(&op) &&
          !(op.getNumResults() && mapping.contains(op.getResult(0))))
        b.clone(op, mapping);
    SmallVector<s2s::NumberedCheck> numbered;
    for (Check &check : checks)
      if (check.slice.reads == reads)
        numbered.push_back({mapping.lookup(check.op.getArg()), check.number});
    return s2s::firstFailedCheck(b, loc, numbered, status);
  };
  Value zero = arith::ConstantIntOp::create(b, loc, i32, 0);
  Value status = statusOf(/*reads=*/false, zero);
  if (llvm::any_of(checks, [](const Check &c) { return c.slice.reads; })) {
    Value sizesHold =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, status, zero);
    auto ifSizesHold = scf::IfOp::create(b, loc, TypeRange{i32}, sizesHold,
                                         /*withElseRegion=*/true);
    b.setInsertionPointToStart(ifSizesHold.thenBlock());
    scf::YieldOp::create(b, loc, statusOf(/*reads=*/true, zero));
    b.setInsertionPointToStart(ifSizesHold.elseBlock());
    scf::YieldOp::create(b, loc, status);
    b.setInsertionPointAfter(ifSizesHold);
    status = ifSizesHold.getResult(0);
  }
  Value ok =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, status, zero);
  auto ifOk = scf::IfOp::create(b, loc, TypeRange(), ok,
                                /*withElseRegion=*/false);
  b.setInsertionPointToStart(ifOk.thenBlock());
  func::CallOp::create(b, loc, bodyName, TypeRange(),
                       ValueRange(entry->getArguments()));
  b.setInsertionPointAfter(ifOk);
  func::ReturnOp::create(b, loc, status);

  // The body: private, without the checks the wrapper made.
  for (Check &check : checks)
    check.op.erase();
  symbols.remove(func);
  func.setName(bodyName);
  func.setPrivate();
  func->removeAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName());
  symbols.insert(func);
  symbols.insert(wrapper, Block::iterator(func));
  return success();
}

namespace {
struct S2SBufferizationReturnStatusPass
    : s2s::impl::S2SBufferizationReturnStatusPassBase<
          S2SBufferizationReturnStatusPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<func::FuncOp> entries;
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal() && func.getNumResults() == 0 &&
          func.getBody().hasOneBlock() &&
          func->hasAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName()) &&
          !func->hasAttr("s2s.shape_checks") &&
          !func->hasAttr("s2s.result_shapes"))
        entries.push_back(func);
    for (func::FuncOp func : entries)
      if (failed(wrapEntry(func, symbols)))
        return signalPassFailure();
  }
};
} // namespace
