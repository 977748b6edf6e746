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

#endif // S2S_DIALECT_S2S_TRANSFORMS_PASSES_TD
