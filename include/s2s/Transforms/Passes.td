//===- Passes.td - s2s passes on linalg --------------------*- tablegen -*-===//

#ifndef S2S_TRANSFORMS_PASSES_TD
#define S2S_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def S2SLinalgDecomposeAggregatesPass : Pass<"s2s-linalg-decompose-aggregates"> {
  let summary = "Decompose linalg.softmax (and other aggregated linalg ops)";
  let description = [{
    Replaces every op implementing linalg's `AggregatedOpInterface` by its
    own decomposition into structured ops, so that loop lowering, which
    handles only structured ops, sees none of them. On tensors this is
    `linalg.softmax`, which models imported from other frameworks use; it
    becomes a max reduction, `exp(x - max)`, a sum reduction and a division,
    each a `linalg.generic`.

    Before:
    ```mlir
    %p = linalg.softmax dimension(1) ins(%x : tensor<2x8xf32>)
        outs(%e : tensor<2x8xf32>) -> tensor<2x8xf32>
    ```
    After (bodies elided):
    ```mlir
    %max = linalg.generic {iterator_types = ["parallel", "reduction"]}
        ins(%x : tensor<2x8xf32>) outs(%ninf : tensor<2xf32>) {maxnumf}
    %exp = linalg.generic ins(%x, %max : tensor<2x8xf32>, tensor<2xf32>)
        outs(%e : tensor<2x8xf32>) {subf, exp}
    %sum = linalg.generic {iterator_types = ["parallel", "reduction"]}
        ins(%exp : tensor<2x8xf32>) outs(%zero : tensor<2xf32>) {addf}
    %p = linalg.generic ins(%exp, %sum : tensor<2x8xf32>, tensor<2xf32>)
        outs(%e : tensor<2x8xf32>) {divf}
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def S2SLinalgFuseElementwisePass : Pass<"s2s-linalg-fuse-elementwise"> {
  let summary = "Fuse chains of elementwise linalg ops on tensors";
  let description = [{
    Fuses each elementwise `linalg.generic` (all loops parallel) into the
    elementwise generic that consumes its result, when that consumer is
    its only user, so that a chain such as bias add -> relu, or residual
    add -> the first pass of a layer norm, runs as one loop over memory
    instead of one loop (and one temporary) per op; splat constants that
    such ops read (`arith.maximumf %x, dense<0.0>` for relu) become scalars
    in the body instead of a tensor read from memory. Upstream's
    elementwise fusion does the rewriting; this pass decides what may fuse.

    Left alone: contractions and reductions, as producers and as consumers
    (the contraction kernels of `s2s-cpu-lower-contractions` match a plain
    multiply-add body, and a reduction would recompute its producer for
    every element it reads), and a producer with other users (fusing would
    compute it twice).

    Before:
    ```mlir
    %b = linalg.generic {... ["parallel", "parallel"]}
        ins(%y, %bias : tensor<4x8xf32>, tensor<8xf32>) outs(%e : tensor<4x8xf32>)
        { addf }
    %r = linalg.generic {... ["parallel", "parallel"]}
        ins(%b, %zero : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>)
        { maximumf }
    ```
    After: one `linalg.generic` reading `%y` and `%bias`, whose body adds
    and takes the maximum with the scalar 0.0.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def S2SLinalgApproximateMathPass : Pass<"s2s-linalg-approximate-math"> {
  let summary = "Polynomial approximations of exp, tanh, log and erf";
  let description = [{
    Rewrites the `math` functions of the gates and of user code
    (`math.exp`, `math.tanh`, `math.log`, `math.erf`, ...) on f32 into the
    polynomial and rational approximations of upstream MLIR, made of `arith`
    ops only. Unlike the libm calls they would otherwise become, these
    vectorize: LLVM turns the elementwise loops around them into vector code.
    The approximations are accurate to a few ulp in f32. (The softmax's
    exponentials are already a polynomial when they are lowered:
    `convert-s2s-to-linalg` option `polynomial-exp`.)

    Before:
    ```mlir
    %e = math.exp %x : f32
    ```
    After: a range reduction, a polynomial and an exponent reconstruction in
    `arith` ops (`arith.mulf`, `math.fma`, `arith.bitcast`, ...).
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def S2SLinalgBF16WeightsPass : Pass<"s2s-linalg-bf16-weights"> {
  let summary = "Store the weights of contractions as bf16, multiply in f32";
  let description = [{
    For every contraction that the lowering marked as reading a model's
    weights (attribute `s2s.weight_input`, set by the `convert-s2s-to-linalg`
    passes with `mark-weights`: W of `x W^T` in linear layers, attention
    projections and RNN gates, W_hh of a fused recurrent step, W of Luong's
    general score), the weights are rounded to bf16 once (round to nearest
    even) and the contraction reads the bf16 tensor: its body extends each
    weight back to f32 (`arith.extf`) before the f32 multiply-add. Inputs,
    activations, biases and accumulation stay f32; contractions of two
    activations (attention's `q k^T` and `p v`, a KV cache) are not marked
    and stay f32.

    The lowering also marks the contractions of two activations it builds
    (`s2s.no_weights`), which are left alone even when an input is a
    constant (keys and values bound at compile time). Contractions the
    lowering did not write (a `linalg.matmul` of an imported graph's MatMul,
    or a generic one) are taken when exactly one of their inputs is constant
    weights: an f32 `arith.constant` (dense or a dense resource), or a view,
    `linalg.transpose`, `linalg.broadcast` or rearranging copy of one. A
    named one is generalized first. Two activations, or two constants, are
    left alone. Only f32 weights are converted (an f16 or f64 model keeps
    its own).

    Where the weights are converted: right after the value they come from,
    looked for through `tensor.extract_slice`, `tensor.expand_shape`,
    `tensor.collapse_shape` and `tensor.cast` (the views the lowering takes
    of one weight tensor, which then share one conversion), and through
    the copies that rearrange them (a transpose, a broadcast, a
    `linalg.generic` whose body yields its input, as the fused recurrent
    step arranges W_hh in blocks of units), which are then made of the bf16
    tensor: a constant is rounded at compile time, and a copy at run time
    moves half the bytes (the conversion before it reads the weights in
    order; gru_b1: 2.4 ms per call, 3.5 ms with the conversion after the
    copy, which fuses into it as a scalar loop). So a weight that
    a loop reads (the recurrent step's W_hh, a decoder's projections) is
    converted once before the loop, and a constant (weights bound at compile
    time) is converted at compile time into a bf16 constant, half the size
    in the compiled code. A weight passed as an argument is converted at
    each call; one that a loop carries as an iteration argument is
    converted in the loop's body, at each iteration.

    The contraction kernels of `s2s-cpu-lower-contractions` read bf16
    weights (half the bytes of f32) and widen them in registers. The marks
    are removed.

    With `round-activations`, the contraction's other input (the
    activations, still stored as f32) is rounded to bf16 in the body too
    (`arith.truncf` then `arith.extf`): each product is then one of two
    bf16 numbers, exact in f32, and the sums stay f32. That is what
    AVX512-BF16's `vdpbf16ps` computes, which the kernels use where the
    target has it (`bf16-dot`); elsewhere the kernels round as they load.

    Before:
    ```mlir
    %y = linalg.generic {... ["parallel", "parallel", "reduction"],
                         s2s.weight_input = 1 : index}
        ins(%x, %w : tensor<4x16xf32>, tensor<8x16xf32>) outs(%z : tensor<4x8xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
    ```
    After:
    ```mlir
    %w16 = linalg.generic {... ["parallel", "parallel"]}
        ins(%w : tensor<8x16xf32>) outs(%e : tensor<8x16xbf16>) {truncf}
    %y = linalg.generic {... ["parallel", "parallel", "reduction"]}
        ins(%x, %w16 : tensor<4x16xf32>, tensor<8x16xbf16>) outs(%z : tensor<4x8xf32>) {
    ^bb0(%a: f32, %b: bf16, %acc: f32):
      %bw = arith.extf %b : bf16 to f32
      %p = arith.mulf %a, %bw : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
    ```
  }];
  let options = [
    Option<"roundActivations", "round-activations", "bool",
           /*default=*/"false",
           "Round the other input of each converted contraction (the "
           "activations) to bf16 too, in the body (truncf then extf): "
           "products of two bf16 numbers, summed in f32">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // S2S_TRANSFORMS_PASSES_TD
