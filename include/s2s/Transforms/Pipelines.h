//===- Pipelines.h - the stages of s2s, as named pipelines ------*- C++ -*-===//
//
// s2s compiles in stages, each a function that adds its passes to a pass
// manager and a pipeline that s2s-opt runs alone:
//
//   s2s-graph-pipeline          graph level, on s2s ops (raise attention,
//                               hoist RNN input projections, pack Q/K/V)
//   s2s-linalg-lowering-pipeline  s2s ops to linalg, tensor, arith, scf
//   s2s-linalg-pipeline         on linalg and tensors (elementwise ops as
//                               linalg, fusion, approximate math)
//   s2s-bufferization-pipeline  one-shot bufferization with the s2s calling
//                               convention (read-only inputs,
//                               caller-allocated outputs), parallel loops
//   s2s-cpu-codegen-pipeline    CPU kernels on memrefs, the scratch arena,
//                               loops, OpenMP
//   s2s-llvm-lowering-pipeline  to the LLVM dialect
//
// composed by `s2s-to-linalg-pipeline` (the first two) and `s2s-to-llvm`
// (all). Every stage takes the one options struct, S2SPipelineOptions, which
// converts to the options of each pass it configures.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_TRANSFORMS_PIPELINES_H
#define S2S_TRANSFORMS_PIPELINES_H

#include "s2s/Codegen/CPU/Passes.h"
#include "s2s/Codegen/CPU/Target.h"
#include "s2s/Conversion/Passes.h"

#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;

namespace s2s {

/// Options of every s2s pipeline. Each optimization can be switched off for
/// A/B comparison.
struct S2SPipelineOptions : public PassPipelineOptions<S2SPipelineOptions> {
  PassOptions::Option<bool> raiseAttention{
      *this, "raise-attention",
      llvm::cl::desc("Rewrite attention written with linalg contractions and "
                     "softmax into s2s.scaled_dot_product_attention "
                     "(s2s-raise-attention)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> hoistRNNInput{
      *this, "hoist-rnn-input",
      llvm::cl::desc("Compute RNN input projections as one GEMM before the "
                     "recurrence (s2s-hoist-rnn-input)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> packQKV{
      *this, "pack-qkv",
      llvm::cl::desc("Project Q, K and V of self-attention with one GEMM "
                     "(s2s-pack-qkv)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> tileAttention{
      *this, "tile-attention",
      llvm::cl::desc("Lower attention as a tiled online softmax "
                     "(convert-s2s-to-linalg-tiled-attention)"),
      llvm::cl::init(true)};
  PassOptions::Option<int64_t> attentionBlockQ{
      *this, "attention-block-q",
      llvm::cl::desc("Queries per block of the tiled attention"),
      llvm::cl::init(128)};
  PassOptions::Option<int64_t> attentionBlockK{
      *this, "attention-block-k",
      llvm::cl::desc("Keys per block of the tiled attention"),
      llvm::cl::init(128)};
  PassOptions::Option<int64_t> attentionKeySplits{
      *this, "attention-key-splits",
      llvm::cl::desc("Split the keys of decoding attention into chunks run "
                     "in parallel when it has fewer (batch, head, query "
                     "block) triples than this (0: the thread count; 1: "
                     "never)"),
      llvm::cl::init(0)};
  PassOptions::Option<bool> fuseRNNSteps{
      *this, "fuse-rnn-steps",
      llvm::cl::desc("Fuse the gate math of a recurrent step into its GEMM "
                     "(convert-s2s-to-linalg-fused-rnn)"),
      llvm::cl::init(true)};
  PassOptions::Option<int64_t> rnnBlockUnits{
      *this, "rnn-block-units",
      llvm::cl::desc("Hidden units per block of a fused recurrent step "
                     "(0: 64 GEMM columns' worth)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> rnnBlockRows{
      *this, "rnn-block-rows",
      llvm::cl::desc("With seq_lens, rows per group of a fused recurrent "
                     "step; groups whose sequences have all ended are "
                     "skipped (0: no groups)"),
      llvm::cl::init(8)};
  PassOptions::Option<bool> bf16Weights{
      *this, "bf16-weights",
      llvm::cl::desc("Store the weights of linear layers, attention "
                     "projections and recurrent gates as bf16, rounded once; "
                     "products and sums stay f32 (s2s-linalg-bf16-weights)"),
      llvm::cl::init(false)};
  PassOptions::Option<bool> bf16Products{
      *this, "bf16-products",
      llvm::cl::desc("bf16-weights, and the activations each weight "
                     "multiplies rounded to bf16 too: products of two bf16 "
                     "numbers summed in f32, which a target with AVX512-BF16 "
                     "computes with vdpbf16ps (s2s-linalg-bf16-weights "
                     "round-activations)"),
      llvm::cl::init(false)};
  PassOptions::Option<bool> checkValues{
      *this, "check-values",
      llvm::cl::desc("Check at run time that embedding indices and seq_lens "
                     "are in range, reported by the entry point's status "
                     "(s2s-insert-value-checks)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> fuseElementwise{
      *this, "fuse-elementwise",
      llvm::cl::desc("Fuse chains of elementwise linalg ops "
                     "(s2s-linalg-fuse-elementwise)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> approximateMath{
      *this, "approximate-math",
      llvm::cl::desc("Replace exp/tanh/... by vectorizable polynomial "
                     "approximations (s2s-linalg-approximate-math and the "
                     "softmax's polynomial-exp)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> planBuffers{
      *this, "plan-buffers",
      llvm::cl::desc("Place each function's scratch buffers in one arena "
                     "reused by every call (s2s-cpu-plan-buffers)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> lowerContractions{
      *this, "lower-contractions",
      llvm::cl::desc("Lower contractions to register-blocked vector kernels "
                     "(s2s-cpu-lower-contractions)"),
      llvm::cl::init(true)};
  PassOptions::Option<int64_t> vectorBits{
      *this, "vector-bits",
      llvm::cl::desc("Vector register width in bits; 0 detects the host's "
                     "(512 with AVX-512, 256 with AVX2, else 128)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> vectorRegisters{
      *this, "vector-registers",
      llvm::cl::desc("Vector registers the kernels' tiles may fill; 0: the "
                     "target's (32 with AVX-512 or NEON, else 16)"),
      llvm::cl::init(0)};
  PassOptions::Option<bool> fma{
      *this, "fma",
      llvm::cl::desc("Whether the target has fused multiply-add (with "
                     "vector-bits=0, the host's answer counts); without it "
                     "fma ops become a multiplication and an addition "
                     "(s2s-cpu-expand-fma)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> avx512BF16{
      *this, "avx512-bf16",
      llvm::cl::desc("Whether the target has AVX512-BF16 (with "
                     "vector-bits=0, the host's answer counts): "
                     "bf16-products then run as vdpbf16ps"),
      llvm::cl::init(false)};
  PassOptions::Option<int64_t> dotBlockCols{
      *this, "dot-block-cols",
      llvm::cl::desc("Columns of C per cache block of the dot kernel"),
      llvm::cl::init(64)};
  PassOptions::Option<int64_t> packMinRows{
      *this, "pack-min-rows",
      llvm::cl::desc("x W^T contractions with at least this many rows pack "
                     "W^T into panels for the axpy kernel; 0 never packs"),
      llvm::cl::init(64)};
  PassOptions::Option<int64_t> packDepth{
      *this, "pack-depth", llvm::cl::desc("k extent of a packed block of W^T"),
      llvm::cl::init(256)};
  PassOptions::Option<int64_t> packCols{
      *this, "pack-cols", llvm::cl::desc("n extent of a packed block of W^T"),
      llvm::cl::init(256)};
  PassOptions::Option<int64_t> threads{
      *this, "threads",
      llvm::cl::desc("Threads of the compiled code: above 1, attention "
                     "blocks and large contractions run as OpenMP parallel "
                     "loops (the code then needs the OpenMP runtime, libomp)"),
      llvm::cl::init(1)};
  PassOptions::Option<bool> runtimeThreads{
      *this, "runtime-threads",
      llvm::cl::desc("With threads above 1: the OpenMP runtime chooses how "
                     "many threads run the parallel loops when the code runs "
                     "(OMP_NUM_THREADS, else one per logical CPU); `threads` "
                     "then only sets how many chunks the work is split into"),
      llvm::cl::init(false)};
  PassOptions::Option<int64_t> parallelMinFlops{
      *this, "parallel-min-flops",
      llvm::cl::desc("With threads > 1, contractions of fewer FLOPs stay "
                     "sequential"),
      llvm::cl::init(4000000)};
  PassOptions::Option<int64_t> rnnParallelMinFlops{
      *this, "rnn-parallel-min-flops",
      llvm::cl::desc("With threads > 1, fused recurrent steps of fewer FLOPs "
                     "run their blocks in sequence"),
      llvm::cl::init(1000000)};
  PassOptions::Option<int64_t> blocktimeMs{
      *this, "blocktime-ms",
      llvm::cl::desc("With threads > 1, milliseconds the OpenMP threads spin "
                     "between the parallel regions of a function "
                     "(s2s-cpu-keep-threads-awake; 0: the runtime's setting)"),
      llvm::cl::init(1)};

  /// Checks every option against its range; reports the first one outside
  /// through `emitError` (naming the option, its range and its value).
  LogicalResult verify(function_ref<void(const Twine &)> emitError) const;

  /// The CPU the kernels are shaped for (vector-bits, or the host's).
  cpu::CPUTarget cpuTarget() const;
  /// Whether weights are stored as bf16 (bf16-weights or bf16-products).
  bool storesBF16Weights() const { return bf16Weights || bf16Products; }
  /// The options of convert-s2s-to-linalg.
  ConvertS2SToLinalgPassOptions linalgLoweringOptions() const;
  /// The options of convert-s2s-to-linalg-tiled-attention.
  ConvertS2SToLinalgTiledAttentionPassOptions tiledAttentionOptions() const;
  /// The options of convert-s2s-to-linalg-fused-rnn.
  ConvertS2SToLinalgFusedRNNPassOptions fusedRNNOptions() const;
  /// The options of s2s-cpu-lower-contractions.
  S2SCPULowerContractionsPassOptions contractionOptions() const;
  /// The options of s2s-cpu-parallelize-elementwise.
  S2SCPUParallelizeElementwisePassOptions parallelizeElementwiseOptions() const;
  /// The options of s2s-cpu-keep-threads-awake.
  S2SCPUKeepThreadsAwakePassOptions keepThreadsAwakeOptions() const;
};

/// Graph-level passes the options enable, on s2s ops.
void buildS2SGraphPipeline(OpPassManager &pm,
                           const S2SPipelineOptions &options);

/// s2s ops to linalg on tensors (convert-s2s-to-linalg), aggregates such as
/// linalg.softmax as generics, then canonicalization and CSE.
void buildS2SLinalgLoweringPipeline(OpPassManager &pm,
                                    const S2SPipelineOptions &options);

/// On linalg and tensors: elementwise arith/math as linalg, elementwise
/// fusion, polynomial approximations.
void buildS2SLinalgPipeline(OpPassManager &pm,
                            const S2SPipelineOptions &options);

/// One-shot bufferization with the s2s entry-point convention (inputs and
/// caller-allocated outputs as memref descriptors), scf.forall as parallel
/// or sequential loops, deallocation.
void buildS2SBufferizationPipeline(OpPassManager &pm,
                                   const S2SPipelineOptions &options);

/// CPU code generation on memrefs: contraction kernels, the scratch arena,
/// copies, linalg to loops, OpenMP for parallel loops.
void buildS2SCPUCodegenPipeline(OpPassManager &pm,
                                const S2SPipelineOptions &options);

/// Loops, memrefs, math and the rest to the LLVM dialect.
void buildS2SLLVMLoweringPipeline(OpPassManager &pm,
                                  const S2SPipelineOptions &options);

/// The graph passes and the linalg lowering: s2s to linalg on tensors.
void buildS2SToLinalgPipeline(OpPassManager &pm,
                              const S2SPipelineOptions &options);

/// Every stage: from s2s and upstream tensor IR to the LLVM dialect.
void buildS2SToLLVMPipeline(OpPassManager &pm,
                            const S2SPipelineOptions &options);

/// Registers every stage and the two compositions with the pass registry.
void registerS2SPipelines();

} // namespace s2s
} // namespace mlir

#endif // S2S_TRANSFORMS_PIPELINES_H
