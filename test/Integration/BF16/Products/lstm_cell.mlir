// bf16-products on s2s.lstm_cell (batch 4, input 64, hidden 32: the dot
// kernel on pairs for both contractions): within the accuracy contract of
// PyTorch's f32 results, and equal (up to the order of the f32 sums) to
// the cell on x, h and weights rounded to bf16, with the pair kernels and
// with f32 FMAs on rounded values.
//
// UNSUPPORTED: pipeline-variant
// DEFINE: %{dir} = %S/Inputs/lstm_cell
// DEFINE: %{in} = --input=%{dir}/x.npy --input=%{dir}/h.npy --input=%{dir}/c.npy \
// DEFINE:   --input=%{dir}/w_ih.npy --input=%{dir}/w_hh.npy --input=%{dir}/b_ih.npy \
// DEFINE:   --input=%{dir}/b_hh.npy
// DEFINE: %{rounded} = --expect=%{dir}/h_next_rounded.npy \
// DEFINE:   --expect=%{dir}/c_next_rounded.npy --rtol=1e-5 --atol=1e-6 --quiet
// RUN: s2s-run %s --pipeline-options=bf16-products=true %{in} \
// RUN:   --expect=%{dir}/h_next.npy --expect=%{dir}/c_next.npy \
// RUN:   --rtol=0 --atol=0 --scale-tol=0.01 --quiet | FileCheck %s
// RUN: s2s-run %s --pipeline-options=bf16-products=true %{in} %{rounded} | FileCheck %s
// RUN: s2s-run %s --pipeline-options='bf16-products=true vector-bits=512 avx512-bf16=false' \
// RUN:   %{in} %{rounded} | FileCheck %s

// CHECK: result #0: matches
// CHECK: result #1: matches

func.func @main(%x: tensor<4x64xf32>, %h: tensor<4x32xf32>, %c: tensor<4x32xf32>,
    %w_ih: tensor<128x64xf32>, %w_hh: tensor<128x32xf32>, %b_ih: tensor<128xf32>,
    %b_hh: tensor<128xf32>)
    -> (tensor<4x32xf32>, tensor<4x32xf32>) {
  %h_next, %c_next = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh b_ih(%b_ih)
      b_hh(%b_hh)
      : (tensor<4x64xf32>, tensor<4x32xf32>, tensor<4x32xf32>, tensor<128x64xf32>,
         tensor<128x32xf32>, tensor<128xf32>, tensor<128xf32>)
      -> (tensor<4x32xf32>, tensor<4x32xf32>)
  return %h_next, %c_next : tensor<4x32xf32>, tensor<4x32xf32>
}
