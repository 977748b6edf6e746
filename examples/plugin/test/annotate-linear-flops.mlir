// RUN: s2s-opt %s --load-pass-plugin=%plugin \
// RUN:   --pass-pipeline='builtin.module(s2s-example-annotate-flops)' \
// RUN:   | FileCheck %s

/// 2 * (2*5) * 16 * 12 multiply-adds plus (2*5) * 12 bias adds.
// CHECK-LABEL: func.func @linear_with_bias
// CHECK: s2s.linear {{.*}} {s2s_example.flops = 3960 : i64}
func.func @linear_with_bias(%x: tensor<2x5x16xf32>, %w: tensor<12x16xf32>,
                            %b: tensor<12xf32>) -> tensor<2x5x12xf32> {
  %y = s2s.linear %x, %w, %b
      : (tensor<2x5x16xf32>, tensor<12x16xf32>, tensor<12xf32>)
      -> tensor<2x5x12xf32>
  return %y : tensor<2x5x12xf32>
}

// CHECK-LABEL: func.func @linear_without_bias
// CHECK: s2s.linear {{.*}} {s2s_example.flops = 384 : i64}
func.func @linear_without_bias(%x: tensor<16xf32>, %w: tensor<12x16xf32>)
    -> tensor<12xf32> {
  %y = s2s.linear %x, %w : (tensor<16xf32>, tensor<12x16xf32>) -> tensor<12xf32>
  return %y : tensor<12xf32>
}

/// A dynamic batch has no static FLOP count: the op is left alone.
// CHECK-LABEL: func.func @negative_dynamic_batch
// CHECK-NOT: s2s_example.flops
func.func @negative_dynamic_batch(%x: tensor<?x16xf32>, %w: tensor<12x16xf32>)
    -> tensor<?x12xf32> {
  %y = s2s.linear %x, %w : (tensor<?x16xf32>, tensor<12x16xf32>) -> tensor<?x12xf32>
  return %y : tensor<?x12xf32>
}
