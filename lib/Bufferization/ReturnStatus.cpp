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

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SBUFFERIZATIONRETURNSTATUSPASS
#include "s2s/Bufferization/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

/// Whether `value` is computed in `block` from its arguments by ops that
/// neither touch memory nor have regions; collects those ops into `slice`.
static bool computedFromArguments(Value value, Block &block,
                                  llvm::SetVector<Operation *> &slice) {
  if (auto arg = dyn_cast<BlockArgument>(value))
    return arg.getOwner() == &block;
  Operation *def = value.getDefiningOp();
  if (slice.contains(def))
    return true;
  if (def->getBlock() != &block || def->getNumRegions() != 0 ||
      !isMemoryEffectFree(def))
    return false;
  for (Value operand : def->getOperands())
    if (!computedFromArguments(operand, block, slice))
      return false;
  slice.insert(def);
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
  {
    RewritePatternSet patterns(ctx);
    memref::populateResolveRankedShapedTypeResultDimsPatterns(patterns);
    memref::DimOp::getCanonicalizationPatterns(patterns, ctx);
    (void)applyPatternsGreedily(func, std::move(patterns));
  }

  // The checks a status can report: those computed from the arguments
  // alone, without reading memory (sizes, descriptors). Checks on data
  // stay in the body.
  struct Check {
    cf::AssertOp op;
    int64_t number;
  };
  SmallVector<Check> checks;
  llvm::SetVector<Operation *> slice;
  SmallVector<StringRef> numbered = checkFunctionMessages(func, symbols);
  SmallVector<Attribute> messages;
  for (StringRef message : numbered)
    messages.push_back(StringAttr::get(ctx, message));
  for (auto check : block.getOps<cf::AssertOp>()) {
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
    checks.push_back({check, number});
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
  // the number of the first check that fails (by number), or 0.
  IRMapping mapping;
  mapping.map(block.getArguments(), entry->getArguments());
  for (Operation &op : block)
    if (slice.contains(&op))
      b.clone(op, mapping);
  Value status = arith::ConstantIntOp::create(b, loc, i32, 0);
  for (Check &check : llvm::reverse(checks))
    status = arith::SelectOp::create(
        b, loc, mapping.lookup(check.op.getArg()), status,
        arith::ConstantIntOp::create(b, loc, i32, check.number));
  Value zero = arith::ConstantIntOp::create(b, loc, i32, 0);
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
