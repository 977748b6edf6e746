func.func @sdpa_neutral_masks(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>,
    %v: tensor<1x2x4x8xf32>)
    -> (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) {
  %true = arith.constant dense<true> : tensor<4x4xi1>
  %zero = arith.constant dense<0.0> : tensor<1x1x4x4xf32>
  %some = arith.constant dense<[[true, true, false, true], [true, true, true, true], [true, true, true, true], [true, true, true, true]]> : tensor<4x4xi1>
  %a = s2s.scaled_dot_product_attention %q, %k, %v mask(%true)
      : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>,
         tensor<4x4xi1>) -> tensor<1x2x4x8xf32>
  %b = s2s.scaled_dot_product_attention %q, %k, %v mask(%zero) causal
      : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>,
         tensor<1x1x4x4xf32>) -> tensor<1x2x4x8xf32>
  %c = s2s.scaled_dot_product_attention %q, %k, %v mask(%some)
      : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>,
         tensor<4x4xi1>) -> tensor<1x2x4x8xf32>
  return %a, %b, %c
      : tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>
}
