//===- AnnotateLinearFlops.cpp - an example s2s pass plugin ---------------===//
//
// A pass written by an s2s user, outside the s2s tree: it reads the shapes of
// s2s.linear ops through the s2s C++ API and records their FLOP count as an
// attribute. Built as a plugin that s2s-opt loads with --load-pass-plugin.
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"
#include "llvm/Config/llvm-config.h"

namespace mlir {
namespace s2s_example {

#define GEN_PASS_DECL
#define GEN_PASS_DEF_ANNOTATELINEARFLOPSPASS
#define GEN_PASS_REGISTRATION
#include "Passes.h.inc"

namespace {
struct AnnotateLinearFlopsPass
    : impl::AnnotateLinearFlopsPassBase<AnnotateLinearFlopsPass> {
  using impl::AnnotateLinearFlopsPassBase<
      AnnotateLinearFlopsPass>::AnnotateLinearFlopsPassBase;

  void runOnOperation() override {
    Builder builder(&getContext());
    getOperation()->walk([&](s2s::LinearOp op) {
      auto input = cast<RankedTensorType>(op.getInput().getType());
      auto weight = cast<RankedTensorType>(op.getWeight().getType());
      if (!input.hasStaticShape() || !weight.hasStaticShape())
        return;
      int64_t out = weight.getDimSize(0), in = weight.getDimSize(1);
      int64_t rows = input.getNumElements() / in;
      int64_t flops = 2 * rows * in * out + (op.getBias() ? rows * out : 0);
      op->setAttr("s2s_example.flops", builder.getI64IntegerAttr(flops));
    });
  }
};
} // namespace

} // namespace s2s_example
} // namespace mlir

/// The entry point s2s-opt looks up in the plugin.
extern "C" LLVM_ATTRIBUTE_WEAK ::mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "S2SExamplePlugin", LLVM_VERSION_STRING,
          []() { ::mlir::s2s_example::registerS2SExamplePasses(); }};
}
