//===- Passes.td - graph-level passes on s2s ops -----------*- tablegen -*-===//

#ifndef S2S_DIALECT_S2S_TRANSFORMS_PASSES_TD
#define S2S_DIALECT_S2S_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def S2SHoistRNNInputPass : Pass<"s2s-hoist-rnn-input"> {
  let summary = "Compute the input projection of every time step as one GEMM";
  let description = [{
    Splits each `s2s.rnn`, `s2s.lstm` and `s2s.gru` into the input
    projection of all time steps and directions, one `s2s.linear` of `x`
    (`[T, B, I]`, a GEMM with M = T*B rows) with `w_ih` viewed as
    `[D*G*H, I]`, which runs near the machine's peak, and an `s2s.recurrence`
    that is left with one small GEMM (`h W_hh^T`) and the gate math per
    step.

    Before:
    ```mlir
    %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
        hidden_size(16) : ...
    ```
    After:
    ```mlir
    %w = tensor.collapse_shape %w_ih [[0, 1], [2]]
        : tensor<1x64x8xf32> into tensor<64x8xf32>
    %b = tensor.collapse_shape %b_ih [[0, 1]]
        : tensor<1x64xf32> into tensor<64xf32>
    %x_gates = s2s.linear %x, %w, %b
        : (tensor<6x2x8xf32>, tensor<64x8xf32>, tensor<64xf32>)
        -> tensor<6x2x64xf32>
    %y, %h_n, %c_n = s2s.recurrence lstm %x_gates, %w_hh b_hh(%b_hh)
        hidden_size(16) : ...
    ```

    With `seq_lens`, the projection is also computed for the padding steps
    past a sequence's end; the recurrence ignores them, so results do not
    change. `min-steps` leaves layers with fewer time steps alone (with
    one step there is nothing to batch).
  }];
  let options = [
    Option<"minSteps", "min-steps", "int64_t", /*default=*/"2",
           "Hoist only layers over at least this many time steps">,
  ];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
}

def S2SInsertValueChecksPass : Pass<"s2s-insert-value-checks"> {
  let summary = "Check at run time the values an s2s op needs in range";
  let description = [{
    Some operands are integers that must lie in a range no type can state:
    the indices of `s2s.embedding` in `[0, V)` (the rows of its table),
    those of `s2s.index_select` in `[0, N)` (the size of its dimension), the
    position of `s2s.kv_cache_append` in `[0, T_max - S]` (within the
    cache's capacity), the
    `seq_lens` of a recurrent layer (`s2s.rnn`, `s2s.lstm`, `s2s.gru`,
    `s2s.recurrence`) in `[0, T]`. PyTorch raises for a value outside; the
    lowering clamps it (so that nothing is read out of bounds), which would
    give a silent wrong answer. This pass inserts before each such op a
    loop over the values and a `cf.assert` that they all lie in range,
    with a message naming the op (and its location) and the operand. The
    `cf.assert` carries the unit attribute `s2s.value_check`, as do the
    checks of indices the ONNX importer writes for a `Gather` whose
    indices are known at run time only.

    `s2s-to-llvm` runs it (unless `check-values=false`) after the shape
    functions are built, so that `<name>_check_shapes` keeps reading sizes
    only; `s2s-bufferization-return-status` lifts the checks of values an
    entry point receives into the status it returns, made once the sizes
    and descriptors are known to be right. A check of values computed
    inside the model (the tokens a decoder feeds back) stays where it is,
    where a failure would stop the program with its message.

    Before:
    ```mlir
    %emb = s2s.embedding %ids, %table
        : (tensor<?xi64>, tensor<20x8xf32>) -> tensor<?x8xf32>
    ```
    After:
    ```mlir
    %ok = scf.for %i = %c0 to %n step %c1 iter_args(%all = %true) -> (i1) {
      %id = tensor.extract %ids[%i] : tensor<?xi64>
      ... %in = 0 <= %id < 20 ...
      %next = arith.andi %all, %in : i1
      scf.yield %next : i1
    }
    cf.assert %ok, "model.mlir:2:8: s2s.embedding: every index must be in
        [0, 20), the rows of 'weight' (a value given at run time)"
    %emb = s2s.embedding %ids, %table ...
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::cf::ControlFlowDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def S2SRemoveValueChecksPass : Pass<"s2s-remove-value-checks"> {
  let summary = "Remove the run-time checks of values";
  let description = [{
    Erases every `cf.assert` marked `s2s.value_check` (the checks that
    `s2s-insert-value-checks` and the ONNX importer write for token ids,
    `seq_lens` and gather indices) and the computations that only they
    used. `s2s-to-llvm` runs it with `check-values=false`, for a model
    whose inputs are known to be in range: the lowering then clamps an
    out-of-range value rather than read out of bounds, without a word.
    Checks of sizes are kept.
  }];
}

def S2SInsertShapeChecksPass : Pass<"s2s-insert-shape-checks"> {
  let summary = "Check at run time the shape rules of s2s ops whose sizes "
                "are dynamic";
  let description = [{
    The verifier checks the shape rules of an s2s op where the sizes are
    static: the batch of `h0` is that of `x`, keys and values have one
    length, a mask's dimensions are 1 or those of the scores. Where one side
    of a rule is a dynamic dimension the rule can only hold at run time, and
    sizes that break it would make the compiled code read out of bounds.
    This pass inserts, before each s2s op, a `cf.assert` per such rule,
    with a message naming the op (and its location), the operands and the
    dimensions; so it does for the bounds that are not equalities: the new
    entries of `s2s.kv_cache_append` fit in the cache, and a gather
    (`s2s.embedding`, `s2s.index_select`) with indices has a non-empty
    dimension to read. Rules between static dimensions are left to the verifier,
    so a statically shaped model is unchanged.

    `s2s-to-llvm` runs it first; `s2s-bufferization-shape-functions` then
    gathers the checks of each entry point into a function that returns a
    status, which callers (`s2s-run`, C code) call before the entry point.

    Before:
    ```mlir
    %y, %h_n = s2s.gru %x, %w_ih, %w_hh h0(%h0) hidden_size(4)
        : (tensor<?x?x4xf32>, tensor<1x12x4xf32>, tensor<1x12x4xf32>,
           tensor<1x?x4xf32>) -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>)
    ```
    After:
    ```mlir
    %b0 = tensor.dim %h0, %c1 : tensor<1x?x4xf32>
    %b = tensor.dim %x, %c1 : tensor<?x?x4xf32>
    %same = arith.cmpi eq, %b0, %b : index
    cf.assert %same, "model.mlir:3:13: s2s.gru: dimension 1 of operand 'h0'
        must equal dimension 1 of 'x' (a dynamic size given at run time)"
    %y, %h_n = s2s.gru ...
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::cf::ControlFlowDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def S2SPackQKVPass : Pass<"s2s-pack-qkv"> {
  let summary = "One GEMM for the Q, K and V projections of self-attention";
  let description = [{
    Rewrites an `s2s.multi_head_attention` that attends to itself (no
    `key`/`value`, or both equal to `query`) and has separate projection
    weights, and every `s2s.cached_multi_head_attention` (self-attention
    always) with separate weights, into the packed form: `q_proj_weight`, `k_proj_weight` and
    `v_proj_weight` are concatenated into one `in_proj_weight : [3E, E]`,
    and `key`/`value` are dropped. The lowering computes the packed
    projection of self-attention as a single GEMM with N = 3E instead of
    three GEMMs over the same input.

    Before:
    ```mlir
    %out = s2s.multi_head_attention %x, %x, %x q_proj_weight(%wq)
        k_proj_weight(%wk) v_proj_weight(%wv) out_proj_weight(%wo)
        num_heads(4) batch_first : ...
    ```
    After:
    ```mlir
    %w = tensor.concat dim(0) %wq, %wk, %wv
        : (tensor<32x32xf32>, tensor<32x32xf32>, tensor<32x32xf32>)
        -> tensor<96x32xf32>
    %out = s2s.multi_head_attention %x in_proj_weight(%w)
        out_proj_weight(%wo) num_heads(4) batch_first : ...
    ```

    Cross-attention (a `key` other than `query`) is left alone: its
    projections read different inputs.
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
}

def S2SRaiseAttentionPass : Pass<"s2s-raise-attention"> {
  let summary = "Raise attention written in linalg to s2s.scaled_dot_product_attention";
  let description = [{
    Finds `softmax(mask(scale(Q K^T))) V` written with upstream ops on
    `f32` tensors and rewrites it into one
    `s2s.scaled_dot_product_attention`, whose lowering computes the softmax
    online over key blocks instead of materializing the `[Tq, Tk]` scores
    and probabilities. Models imported from other frameworks arrive in this
    form.

    What it matches, starting at the `P V` contraction and walking back:

    * **Contractions** `Q K^T` and `P V`: any linalg contraction (checked
      through its indexing maps) on a zero-filled init, rank 2 (one head,
      `linalg.matmul`), rank 3 (`[N, T, D]`, `linalg.batch_matmul`) or rank 4
      (`[B, H, T, D]`, `linalg.generic`). The key is either indexed
      transposed (`bhqd,bhkd->bhqk`, or `indexing_maps` on the named op) or
      given as `[.., D, Tk]`, in which case a `linalg.transpose` of the last
      two dimensions is looked through (or a transpose is emitted). A rank-4
      contraction may also be written as importers write a rank-4 `MatMul`:
      a rank-3 one between `tensor.collapse_shape [[0, 1], [2], [3]]` of
      both operands, its result split again by the same `expand_shape`; the
      heads must be static and the same in all three, and the op is raised
      on the rank-4 tensors.
    * **Scale**: a multiplication or division by a constant (a scalar in or
      around the body, a splat or rank-0 tensor constant) of Q, of K, or of
      the scores. It becomes the `scale` attribute (`c`, `1/c`, or their
      product); with no scale, `scale(1.0)` is set (the op's default would
      be `1/sqrt(D)`).
    * **Mask**, after the scale: an additive `f32` tensor, or an
      `arith.select` of an `i1` tensor between the scores and `-inf` (or a
      constant <= -1e9). The mask's indexing map must read it as the op's
      mask broadcasts: its dimensions in order, each of full size or 1
      (missing dimensions and constant-0 results become unit dimensions).
      A select whose scores are on the false side is negated (`arith.xori`
      with true, folded for a constant mask); a finite masked value becomes
      an additive mask `select(m, 0, c)`. A constant mask that is the causal
      triangle becomes the `causal` flag (the op's canonical form).
    * **Softmax** over the last dimension: `linalg.softmax`, or decomposed
      as max reduction, subtraction and exp (one op or two), sum reduction
      and division, with the reductions kept as `[.., 1]` or dropped (the
      form `linalg.softmax` decomposes into included, whose `maxnumf`
      starts at NaN).
    * **Grouped heads** (rank 4): a key/value repeated per query head as
      `tensor.collapse_shape [[0], [1, 2], [3], [4]]` of a broadcast
      `[B, Hkv, T, D] -> [B, Hkv, G, T, D]` (a `linalg.broadcast`, or a
      broadcasting `linalg.generic` of the tensor expanded to
      `[B, Hkv, 1, T, D]`) is replaced by the unrepeated tensor (head `h`
      reads kv head `h / G`, as the op does). A repeat in another order
      (kv head `h mod Hkv`) is kept, and then so is the other one's: the op
      gets the repeated key and value, one head per query head.

    Elementwise steps may be a `linalg.generic` with one op in its body
    (operands broadcast through its indexing maps), a named elementwise
    linalg op (`linalg.mul`, `linalg.add`, ...) or an arith op on tensors.

    Rank-3 and rank-2 operands are expanded to `[1, N, T, D]` and
    `[1, 1, T, D]` and the result collapsed back.

    The raised ops are canonicalized as the pass creates them: a constant
    mask that masks nothing is dropped, and a constant mask that is the
    causal triangle (bottom-right aligned; `-inf` above the diagonal, as
    `nn.Transformer.generate_square_subsequent_mask`, or boolean) becomes
    the `causal` attribute, so that the lowering skips the hidden key blocks.

    So does a mask computed at run time from a dynamic sequence length T,
    as an export with dynamic axes computes it: `Trilu` of a `-inf` fill
    (`generate_square_subsequent_mask(T)`), `tril(ones(T, T)) == 0`, a
    boolean `tril`, `arange(T)` compared with itself, or nanoGPT's slice
    `[:T, :T]` of a constant `tril` buffer, through the importer's
    `linalg.generic` ops over `linalg.index`, fills, splats, slices,
    reshapes and arith ops on tensors. The canonicalization proves it for
    every T (lib/Dialect/S2S/IR/CausalMask.cpp):

    * the mask's two sizes and the query length are the same size: the
      same SSA value or tensor dimension through the producers
      (tensor.empty, reshapes, destination-style results), or two sizes a
      `cf.assert` before the attention checks equal (as the importer checks
      dimensions an ONNX graph names alike);
    * one element `[.., i, j]` is evaluated symbolically, integers as affine
      functions of i and j and floats with the target's rounding; every
      comparison must compare `j - i` with a constant (signed, in 32 bits
      or more), so the element is a function of `j - i`, constant between
      those constants; a constant matrix read at row `i + a` and column
      `j + b` must hold one value along each diagonal, and changes where
      they do; the element must not depend on the leading indices;
    * the element is evaluated at `j - i` equal to each such constant and
      beside it, and at 0 and 1: visible (`true`, +-0) exactly where
      `j <= i`, hidden (`false`, `-inf`, or <= -1e30) elsewhere.

    A mask that depends on i or j alone, whose diagonal offset is computed
    from sizes, compares in fewer than 32 bits, or whose sizes are not
    provably T x T stays an operand; `canonicalize-computed-causal-mask.mlir`
    shows each case.

    Batch and sequence sizes may be dynamic (`?`), as an export with
    dynamic axes has them: the ops of the chain tie two `?` that meet (a
    contraction's operands share its loop sizes), while a static size
    meeting a `?` is not matched. The head dimension D and the number of
    heads (rank 4) must be static, as the op's lowering needs; a rank-3
    operand with a dynamic first dimension is viewed as `[N, 1, T, D]`
    (a dynamic batch rather than dynamic heads), its mask likewise, and a
    select mask's constants are `tensor.splat`s of the mask's run-time
    shape.

    Before (the form of an exported `nn.MultiheadAttention`, one
    `linalg.generic` per ONNX op; maps and bodies elided):
    ```mlir
    %qs = linalg.generic {...} ins(%q, %sqrt_d : tensor<8x5x16xf32>, tensor<f32>)
        outs(%e0 : tensor<8x5x16xf32>) { arith.divf ... }
    %kt = linalg.transpose ins(%k : tensor<8x7x16xf32>)
        outs(%e1 : tensor<8x16x7xf32>) permutation = [0, 2, 1]
    %s = linalg.batch_matmul ins(%qs, %kt : tensor<8x5x16xf32>, tensor<8x16x7xf32>)
        outs(%zero : tensor<8x5x7xf32>) -> tensor<8x5x7xf32>
    %sm = linalg.generic {...} ins(%s, %mask : tensor<8x5x7xf32>, tensor<5x7xf32>)
        outs(%e2 : tensor<8x5x7xf32>) { arith.addf ... }
    %p = linalg.softmax dimension(2) ins(%sm : tensor<8x5x7xf32>)
        outs(%e3 : tensor<8x5x7xf32>) -> tensor<8x5x7xf32>
    %o = linalg.batch_matmul ins(%p, %v : tensor<8x5x7xf32>, tensor<8x7x16xf32>)
        outs(%zero2 : tensor<8x5x16xf32>) -> tensor<8x5x16xf32>
    ```
    After:
    ```mlir
    %q4 = tensor.expand_shape %q [[0, 1], [2], [3]] output_shape [1, 8, 5, 16]
        : tensor<8x5x16xf32> into tensor<1x8x5x16xf32>
    %k4 = tensor.expand_shape %k ... into tensor<1x8x7x16xf32>
    %v4 = tensor.expand_shape %v ... into tensor<1x8x7x16xf32>
    %o4 = s2s.scaled_dot_product_attention %q4, %k4, %v4 mask(%mask)
        scale(0.25) : (tensor<1x8x5x16xf32>, tensor<1x8x7x16xf32>,
        tensor<1x8x7x16xf32>, tensor<5x7xf32>) -> tensor<1x8x5x16xf32>
    %o = tensor.collapse_shape %o4 [[0, 1], [2], [3]]
        : tensor<1x8x5x16xf32> into tensor<8x5x16xf32>
    ```

    Left alone: chains whose intermediate values (scaled or masked scores,
    probabilities) have other uses, softmax over another dimension, a scale
    that is not a constant, a mask applied before the scale or whose map
    transposes or does not broadcast as the op's mask does, a select whose
    masked value is above -1e9, contractions whose dimensions do not line
    up or that accumulate into a non-zero init, non-f32 element types and
    dynamic shapes.

    Limits: a query row whose keys are all masked by `-inf` gives zeros
    after the rewrite (the op's definition) where the linalg form gives
    NaN. A finite masked value `c` of a select becomes an additive mask, so
    a masked key weighs `exp(c + s - max)` instead of `exp(c - max)`: 0 in
    f32 either way when some key of the row is unmasked; a row with every
    key masked averages V in both forms as long as `c + s` rounds to `c`
    (`|s| < 32` for `c = -1e9`).
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::s2s::S2SDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // S2S_DIALECT_S2S_TRANSFORMS_PASSES_TD
