func.func @pack_implicit_self_attention(%x: tensor<5x1x8xf32>,
    %wq: tensor<8x8xf32>, %wk: tensor<8x8xf32>, %wv: tensor<8x8xf32>,
    %wo: tensor<8x8xf32>) -> (tensor<5x1x8xf32>, tensor<1x5x5xf32>) {
  %out, %w = s2s.multi_head_attention %x q_proj_weight(%wq)
      k_proj_weight(%wk) v_proj_weight(%wv) out_proj_weight(%wo)
      num_heads(2) need_weights
      : (tensor<5x1x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>,
         tensor<8x8xf32>, tensor<8x8xf32>)
      -> (tensor<5x1x8xf32>, tensor<1x5x5xf32>)
  return %out, %w : tensor<5x1x8xf32>, tensor<1x5x5xf32>
}
