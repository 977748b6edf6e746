//===- OrderGlobals.cpp - memref.global ops in the order of their names ---===//
//
// The s2s-bufferization-order-globals pass: see its description in
// include/s2s/Bufferization/Passes.td.
//
//===----------------------------------------------------------------------===//

#include "s2s/Bufferization/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SBUFFERIZATIONORDERGLOBALSPASS
#include "s2s/Bufferization/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {
struct S2SBufferizationOrderGlobalsPass
    : s2s::impl::S2SBufferizationOrderGlobalsPassBase<
          S2SBufferizationOrderGlobalsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<memref::GlobalOp> globals =
        llvm::to_vector(module.getOps<memref::GlobalOp>());
    llvm::stable_sort(globals, [](memref::GlobalOp a, memref::GlobalOp b) {
      return a.getSymName() < b.getSymName();
    });
    Block *body = module.getBody();
    // Each in turn to the front, the last name first.
    for (memref::GlobalOp global : llvm::reverse(globals))
      global->moveBefore(body, body->begin());
  }
};
} // namespace
