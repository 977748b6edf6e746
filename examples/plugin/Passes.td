//===- Passes.td - passes of the example s2s plugin --------*- tablegen -*-===//

#ifndef S2S_EXAMPLE_PLUGIN_PASSES_TD
#define S2S_EXAMPLE_PLUGIN_PASSES_TD

include "mlir/Pass/PassBase.td"

def AnnotateLinearFlopsPass : Pass<"s2s-example-annotate-flops"> {
  let summary = "Annotate each s2s.linear with its floating-point op count";
  let description = [{
    Sets `s2s_example.flops = 2 * M * In * Out` (plus `M * Out` for the bias)
    on every `s2s.linear` with a static shape, where `M` is the product of
    the input's leading dimensions. Ops with dynamic shapes are left alone.

    Before:
    ```mlir
    %y = s2s.linear %x, %w, %b
        : (tensor<2x5x16xf32>, tensor<12x16xf32>, tensor<12xf32>)
        -> tensor<2x5x12xf32>
    ```
    After:
    ```mlir
    %y = s2s.linear %x, %w, %b {s2s_example.flops = 3960 : i64} : ...
    ```
  }];
}

#endif // S2S_EXAMPLE_PLUGIN_PASSES_TD
