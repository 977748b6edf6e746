// A self-attention with separate Q/K/V projection weights (passes-flag.test).
func.func @main(%x: tensor<2x5x8xf32>, %wq: tensor<8x8xf32>,
    %wk: tensor<8x8xf32>, %wv: tensor<8x8xf32>, %wo: tensor<8x8xf32>)
    -> tensor<2x5x8xf32> {
  %out = s2s.multi_head_attention %x q_proj_weight(%wq) k_proj_weight(%wk)
      v_proj_weight(%wv) out_proj_weight(%wo) num_heads(2) batch_first
      : (tensor<2x5x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>,
         tensor<8x8xf32>) -> tensor<2x5x8xf32>
  return %out : tensor<2x5x8xf32>
}
