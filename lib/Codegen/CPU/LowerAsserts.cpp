//===- LowerAsserts.cpp - failed checks speak on standard error -----------===//
//
// The s2s-cpu-lower-asserts pass: each cf.assert becomes a branch to a
// block that writes the message to file descriptor 2 and aborts (see the
// pass description in include/s2s/Codegen/CPU/Passes.td).
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/LLVMIR/FunctionCallUtils.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SCPULOWERASSERTSPASS
#include "s2s/Codegen/CPU/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {
struct S2SCPULowerAssertsPass
    : s2s::impl::S2SCPULowerAssertsPassBase<S2SCPULowerAssertsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<cf::AssertOp> checks;
    module.walk([&](cf::AssertOp op) { checks.push_back(op); });
    if (checks.empty())
      return;
    MLIRContext *ctx = module.getContext();
    OpBuilder b(ctx);
    Type i32 = b.getI32Type(), i64 = b.getI64Type();
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    FailureOr<LLVM::LLVMFuncOp> write =
        LLVM::lookupOrCreateFn(b, module, "write", {i32, ptr, i64}, i64);
    FailureOr<LLVM::LLVMFuncOp> abort = LLVM::lookupOrCreateFn(
        b, module, "abort", {}, LLVM::LLVMVoidType::get(ctx));
    if (failed(write) || failed(abort)) {
      module.emitError() << "cannot declare write(int, const void *, size_t) "
                            "and abort(): the module has other symbols of "
                            "these names";
      return signalPassFailure();
    }
    SymbolTable symbols(module);
    unsigned next = 0;
    for (cf::AssertOp check : checks) {
      Location loc = check.getLoc();
      Block *before = check->getBlock();
      Block *after = before->splitBlock(std::next(Block::iterator(check)));
      auto *fail = new Block();
      before->getParent()->getBlocks().insert(Region::iterator(after), fail);

      b.setInsertionPointToEnd(fail);
      std::string name;
      do
        name = "s2s_check_message_" + std::to_string(next++);
      while (symbols.lookup(name));
      std::string text = check.getMsg().str() + "\n";
      Value message =
          LLVM::createGlobalString(loc, b, name, text, LLVM::Linkage::Internal);
      Value fd = LLVM::ConstantOp::create(b, loc, i32, b.getI32IntegerAttr(2));
      Value length = LLVM::ConstantOp::create(
          b, loc, i64, b.getI64IntegerAttr(static_cast<int64_t>(text.size())));
      LLVM::CallOp::create(b, loc, *write, ValueRange{fd, message, length});
      LLVM::CallOp::create(b, loc, *abort, ValueRange{});
      LLVM::UnreachableOp::create(b, loc);

      b.setInsertionPoint(check);
      cf::CondBranchOp::create(b, loc, check.getArg(), after, ValueRange{},
                               fail, ValueRange{});
      check.erase();
    }
  }
};
} // namespace
