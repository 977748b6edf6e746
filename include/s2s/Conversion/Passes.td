//===- Passes.td - s2s conversion passes -------------------*- tablegen -*-===//

#ifndef S2S_CONVERSION_PASSES_TD
#define S2S_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertS2SToLinalgPass : Pass<"convert-s2s-to-linalg"> {
  let summary = "Lower every s2s op to linalg, tensor, arith, math and scf";
  let description = [{
    A straightforward, correct lowering of every s2s op on tensors, with no
    schedule of its own (the tiled attention and the fused recurrent step
    are the passes `convert-s2s-to-linalg-tiled-attention` and
    `convert-s2s-to-linalg-fused-rnn`, which the `s2s-linalg-lowering-pipeline`
    runs first; what they leave, this pass lowers):

    * recurrent layers become one `scf.for` over time, advancing every
      direction in each iteration and carrying the states (and the output
      tensor), so the IR does not grow with the sequence length; a step is
      two contractions and one elementwise `linalg.generic` holding the
      gate math; `seq_lens` freezes the state and zeroes the output past a
      sequence's end, and the loop stops after the longest sequence;
    * attention becomes a score contraction, the masks, a softmax with zero
      rows where every key is masked, and a contraction with the values;
      grouped-query heads read their key/value head through the indexing map.
      Bahdanau's key projection `k W_k^T`, and the key and value projections
      of a multi-head cross-attention, which depend on the keys alone, are
      computed before the outermost enclosing loop that defines neither the
      keys nor the weights (a decoder's steps over one source sequence): once
      per sequence, not once per step. Bahdanau keys that such a loop selects
      by batch row (`s2s.index_select` along dimension 0 of keys defined
      outside it: the sentences still decoding, the sentence of each beam)
      are projected before the loop too, and the loop selects the rows of
      the projection.
      With `polynomial-exp`, the softmax's exponentials, of `s - max <= 0`,
      are an f32 polynomial written out in `arith` and `math.fma` (Cephes'
      expf: about 1 ulp; exactly 0 below -88 and at -inf, so masked scores
      need no select; a NaN stays NaN), cheaper than a general `math.exp`,
      which must also handle overflow;
    * linear, layer norm, embedding, argmax, log_softmax, top-k, index_select
      and the cache append become `linalg.generic` ops and tensor slices.

    Example:

    ```mlir
    %h = s2s.rnn_cell %x, %h0, %w_ih, %w_hh
        : (tensor<3x5xf32>, tensor<3x7xf32>, tensor<7x5xf32>, tensor<7x7xf32>)
        -> tensor<3x7xf32>
    ```

    becomes two `linalg.generic` contractions (`x W_ih^T`, `h W_hh^T`) and an
    elementwise `linalg.generic` computing `tanh(a + b)`.

    Batch and sequence dimensions may be dynamic: sizes are `tensor.dim`
    of the operands and the time loop runs to a dynamic length. Feature,
    head and weight dimensions must be static: an op with such a dynamic
    dimension is reported, naming the operand and the dimension, and the
    pass fails.
  }];
  let options = [
    Option<"polynomialExp", "polynomial-exp", "bool", /*default=*/"true",
           "Softmax exponentials as an inline f32 polynomial (else "
           "math.exp, for s2s-linalg-approximate-math or libm)">,
    Option<"markWeights", "mark-weights", "bool", /*default=*/"false",
           "Keep the attributes that mark the contractions built: "
           "`s2s.weight_input` (naming the input that holds a model's "
           "weights, as in x W^T) or `s2s.no_weights` (two activations), "
           "for s2s-linalg-bf16-weights; false removes every mark">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def ConvertS2SToLinalgTiledAttentionPass
    : Pass<"convert-s2s-to-linalg-tiled-attention"> {
  let summary = "Lower attention as FlashAttention: blocks of queries and "
                "keys with an online softmax";
  let description = [{
    Lowers `s2s.scaled_dot_product_attention`, `s2s.multi_head_attention`
    without `need_weights` and `s2s.cached_multi_head_attention` as
    FlashAttention computes them: per head, blocks of `attention-block-q`
    queries against blocks of `attention-block-k` keys with a running
    maximum and sum, so the [Tq, Tk] score matrix never exists and scratch
    memory does not grow with the sequence length; with `causal`, key
    blocks that a query block cannot see are not visited. A multi-head
    attention's projections are lowered as `convert-s2s-to-linalg` lowers
    them, with the heads split as views of the projections ([B, T, heads,
    hd]), which the blocks read in place.

    Every other op is left as it is, for `convert-s2s-to-linalg`: the other
    s2s ops, `s2s.attention` and `need_weights` (which return the weights,
    so they keep the full score matrix), and an op with a dynamic feature,
    head or weight dimension (which `convert-s2s-to-linalg` reports).

    A block of one query (a decoding step) scores each key block as dot
    products along the head dimension with the scaled query row, where
    larger blocks score against the transposed query block so that both
    contractions run along contiguous query columns; a dynamic number of
    queries gets the one-query form as a branch of its own, taken at run
    time when the number is 1. With one query, the softmax of a key block
    whose size is a multiple of 16 (and more than 16) runs along 16 lanes
    of keys (the block's scores seen as [bk / 16, 16]), so that its
    exponentials, maxima and sums vectorize; only the 16 partials are
    reduced one by one.

    Decoding attends with one query (or a few) to many keys, so there are
    only `batch * heads` blocks to share among the threads. With
    `attention-key-splits=N` (N > 1) an attention whose queries may fit one
    block (their number is dynamic, or at most `attention-block-q`) also
    gets a split-key form (flash-decoding), chosen at run time when the
    (batch, head, query block) triples number fewer than N: each triple's
    keys are cut into `ceil(N / triples)` chunks of whole key blocks (no
    more chunks than key blocks), an `scf.forall` computes each chunk's
    running maximum, sum and unnormalized output, and a combination step
    rescales them to the common maximum: `out = sum_s exp(m_s - m) acc_s /
    sum_s exp(m_s - m) l_s`. Otherwise the usual form runs. The
    `s2s-to-llvm` pipeline sets N to its thread count.

    Batch and sequence lengths may be dynamic: the number of full blocks and
    the size of the last, shorter block of queries and of keys are computed
    at run time (an empty last block has no iteration).
  }];
  let options = [
    Option<"attentionBlockQ", "attention-block-q", "int64_t",
           /*default=*/"128", "Queries per block">,
    Option<"attentionBlockK", "attention-block-k", "int64_t",
           /*default=*/"128", "Keys per block">,
    Option<"attentionKeySplits", "attention-key-splits", "int64_t",
           /*default=*/"1",
           "Split the keys of each (batch, head, query block) into chunks "
           "run in parallel when there are fewer such triples than this, "
           "decided at run time (flash-decoding; 1: never)">,
    Option<"polynomialExp", "polynomial-exp", "bool", /*default=*/"true",
           "Softmax exponentials as an inline f32 polynomial (else "
           "math.exp, for s2s-linalg-approximate-math or libm)">,
    Option<"markWeights", "mark-weights", "bool", /*default=*/"false",
           "Keep the attributes that mark the contractions built: "
           "`s2s.weight_input` (naming the input that holds a model's "
           "weights, as in x W^T) or `s2s.no_weights` (two activations), "
           "for s2s-linalg-bf16-weights; false removes every mark">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def ConvertS2SToLinalgFusedRNNPass : Pass<"convert-s2s-to-linalg-fused-rnn"> {
  let summary = "Lower recurrent layers with each step's gate math fused "
                "into its GEMM, blocks of hidden units in parallel";
  let description = [{
    Lowers `s2s.rnn`, `s2s.lstm`, `s2s.gru` and `s2s.recurrence` as
    `convert-s2s-to-linalg` does (one `scf.for` over time carrying the
    states), but with each step an `scf.forall` over blocks of
    `rnn-block-units` hidden units: each block computes the GEMM of all
    gates of its units, its columns of `h W_hh^T` from a copy of `W_hh`
    rearranged once before the loop, and then their gate math, so the gates
    never go to memory as a whole. Steps of fewer than
    `rnn-parallel-min-flops` FLOPs run their blocks in sequence (`scf.for`).
    With `seq_lens` the blocks are also split into groups of `rnn-block-rows`
    rows, and a group whose sequences have all ended is not computed; with a
    dynamic batch, the groups have `rnn-block-rows` rows and the last group
    the rest, and the longest sequence of each group is found by a loop over
    the rows once per layer call.

    The cells (`s2s.rnn_cell`, ...), a GRU with `linear_before_reset(false)`
    (whose n-gate GEMM reads `r * h`, so a step is not one GEMM and then
    elementwise math), every other op and a layer with a dynamic feature or
    weight dimension (which `convert-s2s-to-linalg` reports) are left as
    they are, for `convert-s2s-to-linalg`.
  }];
  let options = [
    Option<"rnnBlockUnits", "rnn-block-units", "int64_t", /*default=*/"0",
           "Hidden units per block (0: 64 GEMM columns' worth, at least 16)">,
    Option<"rnnParallelMinFlops", "rnn-parallel-min-flops", "int64_t",
           /*default=*/"1000000",
           "Steps of fewer FLOPs (2*B*H*G*H) loop over their blocks in "
           "sequence (scf.for) instead of an scf.forall">,
    Option<"rnnBlockRows", "rnn-block-rows", "int64_t", /*default=*/"8",
           "With seq_lens, rows per group (groups whose sequences have all "
           "ended are skipped; 0: no groups)">,
    Option<"markWeights", "mark-weights", "bool", /*default=*/"false",
           "Keep the attributes that mark the contractions built: "
           "`s2s.weight_input` (naming the input that holds a model's "
           "weights, as in x W^T) or `s2s.no_weights` (two activations), "
           "for s2s-linalg-bf16-weights; false removes every mark">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // S2S_CONVERSION_PASSES_TD
