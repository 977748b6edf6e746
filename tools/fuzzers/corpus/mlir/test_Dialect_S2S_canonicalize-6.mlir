func.func @negative_mha_value_differs(%x: tensor<2x5x8xf32>,
    %v: tensor<2x5x8xf32>, %w_in: tensor<24x8xf32>, %w_out: tensor<8x8xf32>)
    -> tensor<2x5x8xf32> {
  %out = s2s.multi_head_attention %x, %x, %v in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(2) batch_first
      : (tensor<2x5x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>,
         tensor<24x8xf32>, tensor<8x8xf32>) -> tensor<2x5x8xf32>
  return %out : tensor<2x5x8xf32>
}
