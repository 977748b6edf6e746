// Golden case layer_norm: s2s.layer_norm against nn.LayerNorm, reference data
// from /work/shared/golden/layer_norm (copied to Inputs/layer_norm). Attributes
// as in its manifest: {"epsilon": 1e-05}.
// Manifest notes: Normalizes over the last dim.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/layer_norm/x.npy \
// RUN:   --input=%S/Inputs/layer_norm/gamma.npy \
// RUN:   --input=%S/Inputs/layer_norm/beta.npy \
// RUN:   --expect=%S/Inputs/layer_norm/y.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy

func.func @main(%x: tensor<2x5x16xf32>, %gamma: tensor<16xf32>,
    %beta: tensor<16xf32>)
    -> tensor<2x5x16xf32> {
  %y = s2s.layer_norm %x weight(%gamma) bias(%beta) normalized_shape([16])
      eps(1.0e-05)
      : (tensor<2x5x16xf32>, tensor<16xf32>, tensor<16xf32>)
      -> tensor<2x5x16xf32>
  return %y : tensor<2x5x16xf32>
}
