// s2s-fuzz-options: tile-attention=false fuse-rnn-steps=false dot-block-cols=1
func.func @lstm(%x: tensor<0x0x3xf32>, %w_ih: tensor<2x20x3xf32>,
    %w_hh: tensor<2x20x5xf32>, %b_ih: tensor<2x20xf32>,
    %b_hh: tensor<2x20xf32>, %h0: tensor<2x0x5xf32>, %c0: tensor<2x0x5xf32>,
    %seq_lens: tensor<0xi64>)
    -> (tensor<0x0x10xf32>, tensor<2x0x5xf32>, tensor<2x0x5xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      h0(%h0) c0(%c0) seq_lens(%seq_lens) hidden_size(5)
      direction bidirectional batch_first
      : (tensor<0x0x3xf32>, tensor<2x20x3xf32>, tensor<2x20x5xf32>,
         tensor<2x20xf32>, tensor<2x20xf32>, tensor<2x0x5xf32>,
         tensor<2x0x5xf32>, tensor<0xi64>)
      -> (tensor<0x0x10xf32>, tensor<2x0x5xf32>, tensor<2x0x5xf32>)
  return %y, %h_n, %c_n
      : tensor<0x0x10xf32>, tensor<2x0x5xf32>, tensor<2x0x5xf32>
}

func.func @sdpa(%q: tensor<0x0x0x8xf32>, %k: tensor<0x2x0x8xf32>,
    %v: tensor<0x2x0x8xf32>) -> tensor<0x0x0x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v 
      : (tensor<0x0x0x8xf32>, tensor<0x2x0x8xf32>, tensor<0x2x0x8xf32>)
      -> tensor<0x0x0x8xf32>
  return %out : tensor<0x0x0x8xf32>
}
