// bf16-products on s2s.linear, 80 rows (the packed kernel), k = 64: within
// the accuracy contract of PyTorch's f32 results, and equal (up to the
// order of the f32 sums) to the model on inputs and weights rounded to
// bf16, with the pair kernels (vdpbf16ps, where the host has AVX512-BF16)
// and with f32 FMAs on rounded values (avx512-bf16=false). bf16-weights
// alone does not round the activations, and differs from the latter.
//
// UNSUPPORTED: pipeline-variant
// DEFINE: %{in} = --input=%S/Inputs/linear/x.npy --input=%S/Inputs/linear/w.npy \
// DEFINE:   --input=%S/Inputs/linear/b.npy
// DEFINE: %{rounded} = --expect=%S/Inputs/linear/y_rounded.npy --rtol=1e-5 --atol=1e-6 --quiet
// RUN: s2s-run %s --pipeline-options=bf16-products=true %{in} \
// RUN:   --expect=%S/Inputs/linear/y.npy --rtol=0 --atol=0 --scale-tol=0.01 \
// RUN:   --quiet | FileCheck %s
// RUN: s2s-run %s --pipeline-options=bf16-products=true %{in} %{rounded} | FileCheck %s
// RUN: s2s-run %s --pipeline-options='bf16-products=true vector-bits=512 avx512-bf16=false' \
// RUN:   %{in} %{rounded} | FileCheck %s
// RUN: s2s-run %s --pipeline-options='bf16-products=true threads=2 parallel-min-flops=0' \
// RUN:   %{in} %{rounded} | FileCheck %s
// RUN: not s2s-run %s --pipeline-options=bf16-weights=true %{in} %{rounded} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=DIFFERS

// CHECK: result #0: matches
// DIFFERS: result #0 differs

func.func @main(%x: tensor<2x40x64xf32>, %w: tensor<48x64xf32>,
    %b: tensor<48xf32>) -> tensor<2x40x48xf32> {
  %y = s2s.linear %x, %w, %b
      : (tensor<2x40x64xf32>, tensor<48x64xf32>, tensor<48xf32>)
      -> tensor<2x40x48xf32>
  return %y : tensor<2x40x48xf32>
}
