// bf16-products on s2s.gru at batch 1 (T 5, input 32, hidden 64,
// linear_before_reset as nn.GRU): within the accuracy contract of
// PyTorch's f32 results with the pair kernels, with f32 FMAs on rounded
// values, and unfused.
//
// UNSUPPORTED: pipeline-variant
// DEFINE: %{dir} = %S/Inputs/gru_b1
// DEFINE: %{run} = s2s-run %s --input=%{dir}/x.npy --input=%{dir}/w_ih.npy \
// DEFINE:   --input=%{dir}/w_hh.npy --input=%{dir}/b_ih.npy --input=%{dir}/b_hh.npy \
// DEFINE:   --input=%{dir}/h0.npy --expect=%{dir}/y.npy --expect=%{dir}/h_n.npy \
// DEFINE:   --rtol=0 --atol=0 --scale-tol=0.01 --quiet
// RUN: %{run} --pipeline-options=bf16-products=true | FileCheck %s
// RUN: %{run} --pipeline-options='bf16-products=true vector-bits=512 avx512-bf16=false' | FileCheck %s
// RUN: %{run} --pipeline-options='bf16-products=true fuse-rnn-steps=false' | FileCheck %s

// CHECK: result #0: matches
// CHECK: result #1: matches

func.func @main(%x: tensor<5x1x32xf32>, %w_ih: tensor<1x192x32xf32>,
    %w_hh: tensor<1x192x64xf32>, %b_ih: tensor<1x192xf32>, %b_hh: tensor<1x192xf32>,
    %h0: tensor<1x1x64xf32>)
    -> (tensor<5x1x64xf32>, tensor<1x1x64xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(64) direction forward linear_before_reset(true)
      : (tensor<5x1x32xf32>, tensor<1x192x32xf32>, tensor<1x192x64xf32>,
         tensor<1x192xf32>, tensor<1x192xf32>, tensor<1x1x64xf32>)
      -> (tensor<5x1x64xf32>, tensor<1x1x64xf32>)
  return %y, %h_n : tensor<5x1x64xf32>, tensor<1x1x64xf32>
}
