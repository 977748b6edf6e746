func.func @negative_packed(%x: tensor<2x10x32xf32>, %w: tensor<96x32xf32>,
    %wo: tensor<32x32xf32>) -> tensor<2x10x32xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w) out_proj_weight(%wo)
      num_heads(4) batch_first
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>)
      -> tensor<2x10x32xf32>
  return %out : tensor<2x10x32xf32>
}
