func.func @main(%query: tensor<?x?x10xf32>, %in_proj_weight: tensor<30x10xf32>,
    %out_proj_weight: tensor<10x10xf32>, %attn_mask: tensor<?x?xi1>)
    -> tensor<?x?x10xf32> {
  %out = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) attn_mask(%attn_mask) num_heads(2)
      batch_first
      : (tensor<?x?x10xf32>, tensor<30x10xf32>, tensor<10x10xf32>,
         tensor<?x?xi1>)
      -> tensor<?x?x10xf32>
  return %out : tensor<?x?x10xf32>
}
