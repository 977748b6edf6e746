// bf16-products on s2s.lstm (T 6, batch 3, input 64, hidden 32: the fused
// step's axpy kernel on pairs of W_hh rows, h rounded once per step for
// all blocks): within the accuracy contract of PyTorch's f32 results with
// the pair kernels, with f32 FMAs on rounded values, unfused, and on two
// threads with blocks of 8 units. (The paths sum in other orders, and a
// state that rounds the other way to bf16 carries that on: they agree
// within the contract, not bit for bit.)
//
// UNSUPPORTED: pipeline-variant
// DEFINE: %{dir} = %S/Inputs/lstm
// DEFINE: %{run} = s2s-run %s --input=%{dir}/x.npy --input=%{dir}/w_ih.npy \
// DEFINE:   --input=%{dir}/w_hh.npy --input=%{dir}/b_ih.npy --input=%{dir}/b_hh.npy \
// DEFINE:   --input=%{dir}/h0.npy --input=%{dir}/c0.npy --expect=%{dir}/y.npy \
// DEFINE:   --expect=%{dir}/h_n.npy --expect=%{dir}/c_n.npy \
// DEFINE:   --rtol=0 --atol=0 --scale-tol=0.01 --quiet
// RUN: %{run} --pipeline-options=bf16-products=true | FileCheck %s
// RUN: %{run} --pipeline-options='bf16-products=true vector-bits=512 avx512-bf16=false' | FileCheck %s
// RUN: %{run} --pipeline-options='bf16-products=true fuse-rnn-steps=false hoist-rnn-input=false' | FileCheck %s
// RUN: %{run} --pipeline-options='bf16-products=true threads=2 rnn-parallel-min-flops=0 rnn-block-units=8' | FileCheck %s

// CHECK: result #0: matches
// CHECK: result #1: matches
// CHECK: result #2: matches

func.func @main(%x: tensor<6x3x64xf32>, %w_ih: tensor<1x128x64xf32>,
    %w_hh: tensor<1x128x32xf32>, %b_ih: tensor<1x128xf32>,
    %b_hh: tensor<1x128xf32>, %h0: tensor<1x3x32xf32>, %c0: tensor<1x3x32xf32>)
    -> (tensor<6x3x32xf32>, tensor<1x3x32xf32>, tensor<1x3x32xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) hidden_size(32) direction forward
      : (tensor<6x3x64xf32>, tensor<1x128x64xf32>, tensor<1x128x32xf32>,
         tensor<1x128xf32>, tensor<1x128xf32>, tensor<1x3x32xf32>,
         tensor<1x3x32xf32>)
      -> (tensor<6x3x32xf32>, tensor<1x3x32xf32>, tensor<1x3x32xf32>)
  return %y, %h_n, %c_n : tensor<6x3x32xf32>, tensor<1x3x32xf32>,
      tensor<1x3x32xf32>
}
