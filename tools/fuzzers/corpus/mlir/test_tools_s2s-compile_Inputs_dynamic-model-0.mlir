func.func @lstm(%x: tensor<?x?x3xf32>, %w_ih: tensor<2x20x3xf32>,
    %w_hh: tensor<2x20x5xf32>, %b_ih: tensor<2x20xf32>,
    %b_hh: tensor<2x20xf32>, %h0: tensor<2x?x5xf32>, %c0: tensor<2x?x5xf32>,
    %seq_lens: tensor<?xi64>)
    -> (tensor<?x?x10xf32>, tensor<2x?x5xf32>, tensor<2x?x5xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      h0(%h0) c0(%c0) seq_lens(%seq_lens) hidden_size(5)
      direction bidirectional batch_first
      : (tensor<?x?x3xf32>, tensor<2x20x3xf32>, tensor<2x20x5xf32>,
         tensor<2x20xf32>, tensor<2x20xf32>, tensor<2x?x5xf32>,
         tensor<2x?x5xf32>, tensor<?xi64>)
      -> (tensor<?x?x10xf32>, tensor<2x?x5xf32>, tensor<2x?x5xf32>)
  return %y, %h_n, %c_n
      : tensor<?x?x10xf32>, tensor<2x?x5xf32>, tensor<2x?x5xf32>
}

func.func @sdpa(%q: tensor<?x4x?x8xf32>, %k: tensor<?x2x?x8xf32>,
    %v: tensor<?x2x?x8xf32>) -> tensor<?x4x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v causal
      : (tensor<?x4x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>)
      -> tensor<?x4x?x8xf32>
  return %out : tensor<?x4x?x8xf32>
}
