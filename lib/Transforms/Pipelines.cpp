//===- Pipelines.cpp - the stages of s2s, as named pipelines --------------===//
//
// Each stage is a function adding its passes; s2s-to-llvm runs them all in
// order. The order follows the pitfalls of MLIR 22 noted in DESIGN.md
// (bufferization-to-memref after the deallocation pipeline, lower-affine
// after loop lowering, UB lowering via convert-to-llvm). The options struct
// converts to each pass's options in one place.
//
//===----------------------------------------------------------------------===//

#include "s2s/Transforms/Pipelines.h"

#include "s2s/Bufferization/Passes.h"
#include "s2s/Codegen/CPU/Passes.h"
#include "s2s/Conversion/Passes.h"
#include "s2s/Dialect/S2S/Transforms/Passes.h"
#include "s2s/Transforms/Passes.h"

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

using namespace mlir;
using namespace mlir::s2s;

//===----------------------------------------------------------------------===//
// Options
//===----------------------------------------------------------------------===//

LogicalResult
S2SPipelineOptions::verify(function_ref<void(const Twine &)> emitError) const {
  // The passes' own checks, on the options the pipeline gives them, then
  // the options only the pipeline has.
  auto emitPipelineError = [&](const Twine &message) {
    emitError("pipeline " + message);
  };
  if (vectorBits != 0 && !cpu::CPUTarget::isSupportedVectorBits(vectorBits)) {
    emitPipelineError("option 'vector-bits' must be 0 (the host's), 128, 256 "
                      "or 512, but is " +
                      Twine(vectorBits));
    return failure();
  }
  if (avx512BF16 && vectorBits != 0 && vectorBits != 512) {
    emitPipelineError("option 'avx512-bf16' needs vector-bits=512 (or 0, the "
                      "target's), but vector-bits is " +
                      Twine(vectorBits));
    return failure();
  }
  if (failed(verifyConvertS2SToLinalgTiledAttentionOptions(
          tiledAttentionOptions(), emitPipelineError)) ||
      failed(verifyConvertS2SToLinalgFusedRNNOptions(fusedRNNOptions(),
                                                     emitPipelineError)) ||
      failed(verifyS2SCPULowerContractionsOptions(contractionOptions(),
                                                  emitPipelineError)))
    return failure();
  return checkLowerBounds({{"blocktime-ms", blocktimeMs, 0},
                           {"attention-key-splits", attentionKeySplits, 0}},
                          emitPipelineError);
}

cpu::CPUTarget S2SPipelineOptions::cpuTarget() const {
  cpu::CPUTarget target;
  if (vectorBits > 0) {
    target = cpu::CPUTarget::fromVectorBits(vectorBits);
    target.hasFMA = fma;
    target.hasBF16Dot = avx512BF16 && vectorBits == 512;
  } else {
    target = cpu::CPUTarget::host();
  }
  if (vectorRegisters > 0)
    target.vectorRegisters = vectorRegisters;
  return target;
}

ConvertS2SToLinalgPassOptions
S2SPipelineOptions::linalgLoweringOptions() const {
  ConvertS2SToLinalgPassOptions lowering;
  // approximate-math=false: libm's exp for the softmax too.
  lowering.polynomialExp = approximateMath;
  lowering.markWeights = storesBF16Weights();
  return lowering;
}

ConvertS2SToLinalgTiledAttentionPassOptions
S2SPipelineOptions::tiledAttentionOptions() const {
  ConvertS2SToLinalgTiledAttentionPassOptions tiling;
  tiling.attentionBlockQ = attentionBlockQ;
  tiling.attentionBlockK = attentionBlockK;
  // 0 (the default) and negative values: as many chunks as threads; a
  // negative value is refused by verify() above.
  tiling.attentionKeySplits = attentionKeySplits > 0
                                  ? int64_t(attentionKeySplits)
                                  : std::max<int64_t>(threads, 1);
  tiling.polynomialExp = approximateMath;
  tiling.markWeights = storesBF16Weights();
  return tiling;
}

ConvertS2SToLinalgFusedRNNPassOptions
S2SPipelineOptions::fusedRNNOptions() const {
  ConvertS2SToLinalgFusedRNNPassOptions fused;
  fused.rnnBlockUnits = rnnBlockUnits;
  fused.rnnBlockRows = rnnBlockRows;
  fused.rnnParallelMinFlops = rnnParallelMinFlops;
  fused.markWeights = storesBF16Weights();
  return fused;
}

S2SCPULowerContractionsPassOptions
S2SPipelineOptions::contractionOptions() const {
  S2SCPULowerContractionsPassOptions kernels;
  cpu::CPUTarget target = cpuTarget();
  kernels.vectorBits = target.vectorBits;
  kernels.vectorRegisters = target.vectorRegisters;
  kernels.bf16Dot = target.hasBF16Dot;
  kernels.dotBlockCols = dotBlockCols;
  kernels.packMinRows = packMinRows;
  kernels.packDepth = packDepth;
  kernels.packCols = packCols;
  kernels.threads = threads;
  kernels.parallelMinFlops = parallelMinFlops;
  return kernels;
}

S2SCPUParallelizeElementwisePassOptions
S2SPipelineOptions::parallelizeElementwiseOptions() const {
  S2SCPUParallelizeElementwisePassOptions parallel;
  parallel.threads = threads;
  return parallel;
}

S2SCPUKeepThreadsAwakePassOptions
S2SPipelineOptions::keepThreadsAwakeOptions() const {
  S2SCPUKeepThreadsAwakePassOptions awake;
  awake.blocktimeMs = blocktimeMs;
  return awake;
}

//===----------------------------------------------------------------------===//
// Stages
//===----------------------------------------------------------------------===//

/// Calls are inlined (MLIR's inliner: every call it can, of private or
/// public functions), so that the passes see whole entry points: a model's
/// encoder or decoder step written once as a private function and called
/// from several entry points, or one entry calling another (the callee
/// stays an entry of its own). Private callees, then unused, are erased.
/// Without a simplification pipeline: what follows canonicalizes.
static void addInliner(OpPassManager &pm) {
  pm.addPass(createInlinerPass({}, [](OpPassManager &) {}));
}

void s2s::buildS2SGraphPipeline(OpPassManager &pm,
                                const S2SPipelineOptions &options) {
  addInliner(pm);
  // Operands that state a default (zero states, neutral masks, key = value
  // = query) go first, so that the graph passes see the canonical forms.
  pm.addPass(createCanonicalizerPass());
  if (options.raiseAttention)
    pm.addPass(createS2SRaiseAttentionPass());
  if (options.hoistRNNInput)
    pm.addPass(createS2SHoistRNNInputPass());
  if (options.packQKV)
    pm.addPass(createS2SPackQKVPass());
}

void s2s::buildS2SLinalgLoweringPipeline(OpPassManager &pm,
                                         const S2SPipelineOptions &options) {
  // The ops with a schedule of their own first; the rest as they are.
  if (options.tileAttention)
    pm.addPass(createConvertS2SToLinalgTiledAttentionPass(
        options.tiledAttentionOptions()));
  if (options.fuseRNNSteps)
    pm.addPass(createConvertS2SToLinalgFusedRNNPass(options.fusedRNNOptions()));
  pm.addPass(createConvertS2SToLinalgPass(options.linalgLoweringOptions()));
  // linalg.softmax written by the user or imported (not raised to
  // attention) as generics.
  pm.addPass(createS2SLinalgDecomposeAggregatesPass());
  // The weights the lowering marked, as bf16 (the marks exist only then).
  if (options.storesBF16Weights()) {
    S2SLinalgBF16WeightsPassOptions bf16;
    bf16.roundActivations = options.bf16Products;
    pm.addPass(createS2SLinalgBF16WeightsPass(bf16));
  }
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void s2s::buildS2SLinalgPipeline(OpPassManager &pm,
                                 const S2SPipelineOptions &options) {
  // Elementwise arith/math on tensors written by the user (residual adds,
  // relu) become linalg too.
  pm.addNestedPass<func::FuncOp>(createConvertElementwiseToLinalgPass());
  if (options.fuseElementwise)
    pm.addNestedPass<func::FuncOp>(createS2SLinalgFuseElementwisePass());
  if (options.approximateMath)
    pm.addNestedPass<func::FuncOp>(createS2SLinalgApproximateMathPass());
}

void s2s::buildS2SBufferizationPipeline(OpPassManager &pm,
                                        const S2SPipelineOptions &options) {
  // Bufferize with the s2s calling convention: read-only inputs,
  // caller-allocated outputs.
  pm.addPass(createS2SBufferizationPrepareEntryPointsPass());
  bufferization::OneShotBufferizePassOptions bufferization;
  bufferization.bufferizeFunctionBoundaries = true;
  bufferization.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  // The recurrent state of a time loop is a fresh tensor every step.
  bufferization.allowReturnAllocsFromLoops = true;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferization));
  // Its constants, in an order that does not depend on the order in which
  // it took the functions.
  pm.addPass(createS2SBufferizationOrderGlobalsPass());
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.modifyPublicFunctions = true;
  outParams.hoistStaticAllocs = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  pm.addNestedPass<func::FuncOp>(createS2SBufferizationForwardOutParamsPass());
  // The caller's descriptors: offset 0, the static sizes, row-major.
  pm.addPass(createS2SBufferizationCheckDescriptorsPass());
  // Entry points return the status of those checks and of the shape
  // rules rather than aborting.
  pm.addPass(createS2SBufferizationReturnStatusPass());
  // Loops the lowering marked as parallel (scf.forall) run on threads, or
  // in sequence.
  if (options.threads > 1)
    pm.addPass(createForallToParallelLoopPass());
  else
    pm.addPass(createForallToForLoopPass());
  bufferization::buildBufferDeallocationPipeline(pm);
  pm.addPass(createConvertBufferizationToMemRefPass());
}

void s2s::buildS2SCPUCodegenPipeline(OpPassManager &pm,
                                     const S2SPipelineOptions &options) {
  // Vector kernels for the contractions, loops for the rest.
  if (options.lowerContractions) {
    // Named contractions (linalg.matmul, batch_matmul, ... as imported
    // models use them) as generics, which the kernels match.
    pm.addNestedPass<func::FuncOp>(createLinalgGeneralizeNamedOpsPass());
    pm.addNestedPass<func::FuncOp>(
        createS2SCPULowerContractionsPass(options.contractionOptions()));
  }
  // After the kernels, which may add buffers (B packed before a loop).
  if (options.planBuffers)
    pm.addPass(createS2SCPUPlanBuffersPass());
  pm.addPass(createS2SCPUCopiesToLinalgPass());
  if (options.threads > 1)
    pm.addNestedPass<func::FuncOp>(createS2SCPUParallelizeElementwisePass(
        options.parallelizeElementwiseOptions()));
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  if (options.threads > 1) {
    ConvertSCFToOpenMPPassOptions openMP;
    // 0: no num_threads clause, the runtime decides.
    openMP.numThreads = options.runtimeThreads ? 0u : unsigned(options.threads);
    pm.addPass(createConvertSCFToOpenMPPass(openMP));
    // The loop bodies come wrapped in memref.alloca_scope, which must hold
    // a single block: inline them before their loops become branches.
    pm.addPass(createS2SCPUInlineAllocaScopesPass());
    // Several regions in a row (a layer's kernels, RNN steps, decoder
    // tokens): the threads wait spinning between regions, not asleep.
    pm.addPass(
        createS2SCPUKeepThreadsAwakePass(options.keepThreadsAwakeOptions()));
  }
}

void s2s::buildS2SLLVMLoweringPipeline(OpPassManager &pm,
                                       const S2SPipelineOptions &options) {
  // Without an FMA unit, llvm.intr.fma would be a call of libm's fmaf per
  // lane.
  if (!options.cpuTarget().hasFMA)
    pm.addPass(createS2SCPUExpandFMAPass());
  // Integer powers (math.ipowi, from ONNX Pow of integers) become calls of
  // generated functions; the other math ops lower to LLVM or libm below.
  // bf16 conversions (bf16-weights) without library calls.
  pm.addPass(createS2SCPUExpandBF16Pass());
  pm.addPass(createConvertMathToFuncs());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  // expand-strided-metadata crashes on expand_shape ops that split a
  // dimension into several dynamic ones: those become casts first.
  pm.addPass(createS2SCPUExpandDynamicReshapesPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  // Failed run-time checks print their message on standard error.
  pm.addPass(createS2SCPULowerAssertsPass());
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

void s2s::buildS2SToLinalgPipeline(OpPassManager &pm,
                                   const S2SPipelineOptions &options) {
  buildS2SGraphPipeline(pm, options);
  buildS2SLinalgLoweringPipeline(pm, options);
}

void s2s::buildS2SToLLVMPipeline(OpPassManager &pm,
                                 const S2SPipelineOptions &options) {
  // The shape functions below are copies of the entry points: they must
  // see the callees' ops, not calls (which could do anything).
  addInliner(pm);
  // Run-time checks of the shape rules that involve dynamic sizes, and the
  // entry points' shape functions (their checks as a status, their result
  // shapes), built while the s2s ops can still tell their result sizes.
  pm.addPass(createS2SInsertShapeChecksPass());
  pm.addPass(createS2SBufferizationShapeFunctionsPass());
  // Values that must be in range (token ids, seq_lens), after the shape
  // functions: those read sizes only.
  if (options.checkValues)
    pm.addPass(createS2SInsertValueChecksPass());
  else
    pm.addPass(createS2SRemoveValueChecksPass());
  buildS2SToLinalgPipeline(pm, options);
  buildS2SLinalgPipeline(pm, options);
  buildS2SBufferizationPipeline(pm, options);
  buildS2SCPUCodegenPipeline(pm, options);
  buildS2SLLVMLoweringPipeline(pm, options);
}

//===----------------------------------------------------------------------===//
// Registration
//===----------------------------------------------------------------------===//

/// Registers `builder` as the pipeline `name`, its options checked first.
static void registerStage(StringRef name, StringRef description,
                          void (*builder)(OpPassManager &,
                                          const S2SPipelineOptions &)) {
  registerPassPipeline(
      name, description,
      [builder](OpPassManager &pm, StringRef optionsString,
                function_ref<LogicalResult(const Twine &)> errorHandler) {
        S2SPipelineOptions options;
        if (failed(options.parseFromString(optionsString)))
          return failure();
        if (failed(options.verify(
                [&](const Twine &message) { (void)errorHandler(message); })))
          return failure();
        builder(pm, options);
        return success();
      },
      [](function_ref<void(const detail::PassOptions &)> optionsHandler) {
        optionsHandler(S2SPipelineOptions());
      });
}

void s2s::registerS2SPipelines() {
  registerStage("s2s-graph-pipeline",
                "Graph-level optimizations on s2s ops (raise attention, "
                "hoist RNN input projections, pack Q/K/V)",
                buildS2SGraphPipeline);
  registerStage("s2s-linalg-lowering-pipeline",
                "Lower s2s ops to linalg on tensors and clean up",
                buildS2SLinalgLoweringPipeline);
  registerStage("s2s-linalg-pipeline",
                "Elementwise ops as linalg, elementwise fusion and "
                "approximate math on tensors",
                buildS2SLinalgPipeline);
  registerStage("s2s-bufferization-pipeline",
                "Bufferize with the s2s calling convention (read-only "
                "inputs, caller-allocated outputs)",
                buildS2SBufferizationPipeline);
  registerStage("s2s-cpu-codegen-pipeline",
                "CPU code generation on memrefs: contraction kernels, "
                "scratch arena, loops, OpenMP",
                buildS2SCPUCodegenPipeline);
  registerStage("s2s-llvm-lowering-pipeline",
                "Lower loops, memrefs, math and the rest to the LLVM dialect",
                buildS2SLLVMLoweringPipeline);
  registerStage("s2s-to-linalg-pipeline",
                "Run the enabled graph-level passes, lower s2s ops to linalg "
                "on tensors and clean up",
                buildS2SToLinalgPipeline);
  registerStage("s2s-to-llvm",
                "Lower s2s and upstream tensor IR to the LLVM dialect with "
                "the s2s calling convention",
                buildS2SToLLVMPipeline);
}
