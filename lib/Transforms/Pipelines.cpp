//===- Pipelines.cpp - named s2s pipelines --------------------------------===//
//
// The s2s-to-llvm pipeline. Each stage is an upstream pass except the s2s
// lowering and the entry-point preparation; the order follows the pitfalls
// of MLIR 22 noted in DESIGN.md (bufferization-to-memref after the
// deallocation pipeline, lower-affine after loop lowering, UB lowering via
// convert-to-llvm).
//
//===----------------------------------------------------------------------===//

#include "s2s/Transforms/Pipelines.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "s2s/Conversion/Passes.h"
#include "s2s/Dialect/S2S/Transforms/Passes.h"
#include "s2s/Transforms/Passes.h"
#include "llvm/TargetParser/Host.h"

using namespace mlir;

int64_t s2s::getHostVectorBits() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  if (features.lookup("avx512f"))
    return 512;
  if (features.lookup("avx2") || features.lookup("avx"))
    return 256;
  return 128;
}

void s2s::buildS2SToLinalgPipeline(OpPassManager &pm,
                                   const S2SToLLVMPipelineOptions &options) {
  if (options.raiseAttention)
    pm.addPass(createS2SRaiseAttentionPass());
  if (options.hoistRNNInput)
    pm.addPass(createS2SHoistRNNInputPass());
  if (options.packQKV)
    pm.addPass(createS2SPackQKVPass());
  ConvertS2SToLinalgPassOptions lowering;
  lowering.tileAttention = options.tileAttention;
  lowering.attentionBlockQ = options.attentionBlockQ;
  lowering.attentionBlockK = options.attentionBlockK;
  // approximate-math=false: libm's exp for the softmax too.
  lowering.polynomialExp = options.approximateMath;
  lowering.fuseRNNSteps = options.fuseRNNSteps;
  lowering.rnnBlockUnits = options.rnnBlockUnits;
  lowering.rnnBlockRows = options.rnnBlockRows;
  lowering.rnnParallelMinFlops = options.rnnParallelMinFlops;
  pm.addPass(createConvertS2SToLinalgPass(lowering));
  // linalg.softmax written by the user or imported (not raised to
  // attention) as generics.
  pm.addPass(createS2SDecomposeAggregatesPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void s2s::buildS2SToLLVMPipeline(OpPassManager &pm,
                                 const S2SToLLVMPipelineOptions &options) {
  buildS2SToLinalgPipeline(pm, options);
  // Elementwise arith/math on tensors written by the user (residual adds,
  // relu) become linalg too.
  pm.addNestedPass<func::FuncOp>(createConvertElementwiseToLinalgPass());
  if (options.fuseElementwise)
    pm.addNestedPass<func::FuncOp>(createS2SFuseElementwisePass());
  if (options.approximateMath)
    pm.addNestedPass<func::FuncOp>(createS2SApproximateMathPass());

  // Bufferize with the s2s calling convention: read-only inputs,
  // caller-allocated outputs.
  pm.addPass(createS2SPrepareEntryPointsPass());
  bufferization::OneShotBufferizePassOptions bufferization;
  bufferization.bufferizeFunctionBoundaries = true;
  bufferization.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  // The recurrent state of a time loop is a fresh tensor every step.
  bufferization.allowReturnAllocsFromLoops = true;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferization));
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.modifyPublicFunctions = true;
  outParams.hoistStaticAllocs = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  pm.addNestedPass<func::FuncOp>(createS2SForwardOutParamsPass());
  // Loops the lowering marked as parallel (scf.forall) run on threads, or
  // in sequence.
  if (options.threads > 1)
    pm.addPass(createForallToParallelLoopPass());
  else
    pm.addPass(createForallToForLoopPass());
  bufferization::buildBufferDeallocationPipeline(pm);
  pm.addPass(createConvertBufferizationToMemRefPass());

  // Vector kernels for the contractions, loops for the rest, then LLVM.
  if (options.lowerContractions) {
    // Named contractions (linalg.matmul, batch_matmul, ... as imported
    // models use them) as generics, which the kernels match.
    pm.addNestedPass<func::FuncOp>(createLinalgGeneralizeNamedOpsPass());
    S2SLowerContractionsPassOptions kernels;
    kernels.vectorBits =
        options.vectorBits > 0 ? options.vectorBits : getHostVectorBits();
    kernels.dotBlockCols = options.dotBlockCols;
    kernels.packMinRows = options.packMinRows;
    kernels.packDepth = options.packDepth;
    kernels.packCols = options.packCols;
    kernels.threads = options.threads;
    kernels.parallelMinFlops = options.parallelMinFlops;
    pm.addNestedPass<func::FuncOp>(createS2SLowerContractionsPass(kernels));
  }
  // After the kernels, which may add buffers (B packed before a loop).
  if (options.planBuffers)
    pm.addPass(createS2SPlanBuffersPass());
  pm.addPass(createS2SCopiesToLinalgPass());
  if (options.threads > 1) {
    S2SParallelizeElementwisePassOptions parallel;
    parallel.threads = options.threads;
    pm.addNestedPass<func::FuncOp>(
        createS2SParallelizeElementwisePass(parallel));
  }
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  if (options.threads > 1) {
    ConvertSCFToOpenMPPassOptions openMP;
    openMP.numThreads = options.threads;
    pm.addPass(createConvertSCFToOpenMPPass(openMP));
    // The loop bodies come wrapped in memref.alloca_scope, which must hold
    // a single block: inline them before their loops become branches.
    pm.addPass(createS2SInlineAllocaScopesPass());
    // Several regions in a row (a layer's kernels, RNN steps, decoder
    // tokens): the threads wait spinning between regions, not asleep.
    S2SKeepThreadsAwakePassOptions awake;
    awake.blocktimeMs = options.blocktimeMs;
    pm.addPass(createS2SKeepThreadsAwakePass(awake));
  }
  // Integer powers (math.ipowi, from ONNX Pow of integers) become calls of
  // generated functions; the other math ops lower to LLVM or libm below.
  pm.addPass(createConvertMathToFuncs());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

void s2s::registerS2SPipelines() {
  PassPipelineRegistration<S2SToLLVMPipelineOptions>(
      "s2s-to-linalg-pipeline",
      "Run the enabled graph-level passes, lower s2s ops to linalg on "
      "tensors and clean up",
      buildS2SToLinalgPipeline);
  PassPipelineRegistration<S2SToLLVMPipelineOptions>(
      "s2s-to-llvm",
      "Lower s2s and upstream tensor IR to the LLVM dialect with the s2s "
      "calling convention",
      buildS2SToLLVMPipeline);
}
