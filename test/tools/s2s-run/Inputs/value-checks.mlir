// Token ids and sequence lengths that must be in range.
func.func @embed(%ids: tensor<?x?xi64>, %table: tensor<5x3xf32>)
    -> tensor<?x?x3xf32> {
  %e = s2s.embedding %ids, %table
      : (tensor<?x?xi64>, tensor<5x3xf32>) -> tensor<?x?x3xf32>
  return %e : tensor<?x?x3xf32>
}

func.func @rnn(%x: tensor<4x2x3xf32>, %w_ih: tensor<1x2x3xf32>,
               %w_hh: tensor<1x2x2xf32>, %lens: tensor<2xi32>)
    -> tensor<1x2x2xf32> {
  %y, %h = s2s.rnn %x, %w_ih, %w_hh seq_lens(%lens) hidden_size(2)
      : (tensor<4x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x2xf32>,
         tensor<2xi32>) -> (tensor<4x2x2xf32>, tensor<1x2x2xf32>)
  return %h : tensor<1x2x2xf32>
}

// Beam search's reorder: rows of the table at the (flattened) ids.
func.func @select(%ids: tensor<?x?xi64>, %table: tensor<5x3xf32>)
    -> tensor<?x3xf32> {
  %flat = tensor.collapse_shape %ids [[0, 1]]
      : tensor<?x?xi64> into tensor<?xi64>
  %rows = s2s.index_select %table, %flat dim(0)
      : (tensor<5x3xf32>, tensor<?xi64>) -> tensor<?x3xf32>
  return %rows : tensor<?x3xf32>
}

// A KV cache of capacity 4 that takes the new positions at `pos`.
func.func @cache(%new: tensor<1x?x2xf32>, %cache: tensor<1x4x2xf32>,
                 %pos_t: tensor<i64>) -> tensor<1x4x2xf32> {
  %pos64 = tensor.extract %pos_t[] : tensor<i64>
  %pos = arith.index_cast %pos64 : i64 to index
  %out, %valid = s2s.kv_cache_append %new into %cache at(%pos) dim(1)
      : (tensor<1x?x2xf32>, tensor<1x4x2xf32>, index)
      -> (tensor<1x4x2xf32>, tensor<1x?x2xf32>)
  return %out : tensor<1x4x2xf32>
}

// The cached multi-head attention of one head over E = 2 (identity
// projections) with a cache of capacity 4: `new` holds the step's positions
// (batch-first), written at `pos`.
func.func @cached_mha(%new: tensor<1x?x2xf32>, %pos_t: tensor<i64>)
    -> tensor<1x?x2xf32> {
  %pos64 = tensor.extract %pos_t[] : tensor<i64>
  %pos = arith.index_cast %pos64 : i64 to index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x1x4x2xf32>
  %cache = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x1x4x2xf32>)
      -> tensor<1x1x4x2xf32>
  %w_in = arith.constant dense<[[1.0, 0.0], [0.0, 1.0], [1.0, 0.0],
                                [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]]>
      : tensor<6x2xf32>
  %w_out = arith.constant dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>
  %out, %k, %v = s2s.cached_multi_head_attention %new cache(%cache, %cache)
      at(%pos) in_proj_weight(%w_in) out_proj_weight(%w_out) num_heads(1)
      batch_first
      : (tensor<1x?x2xf32>, tensor<1x1x4x2xf32>, tensor<1x1x4x2xf32>, index,
         tensor<6x2xf32>, tensor<2x2xf32>)
      -> (tensor<1x?x2xf32>, tensor<1x1x4x2xf32>, tensor<1x1x4x2xf32>)
  return %out : tensor<1x?x2xf32>
}
