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

def S2SPackQKVPass : Pass<"s2s-pack-qkv"> {
  let summary = "One GEMM for the Q, K and V projections of self-attention";
  let description = [{
    Rewrites an `s2s.multi_head_attention` that attends to itself (no
    `key`/`value`, or both equal to `query`) and has separate projection
    weights into the packed form: `q_proj_weight`, `k_proj_weight` and
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

#endif // S2S_DIALECT_S2S_TRANSFORMS_PASSES_TD
