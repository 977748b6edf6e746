func.func @gru(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x12x4xf32>,
    %w_hh: tensor<1x12x4xf32>, %h0: tensor<1x?x4xf32>,
    %seq_lens: tensor<?xi64>) -> tensor<?x?x4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %b = tensor.dim %x, %c1 : tensor<?x?x4xf32>
  %b0 = tensor.dim %h0, %c1 : tensor<1x?x4xf32>
  %ok1 = arith.cmpi eq, %b0, %b : index
  cf.assert %ok1, "first rule"
  %n = tensor.dim %seq_lens, %c0 : tensor<?xi64>
  %ok2 = arith.cmpi eq, %n, %b : index
  cf.assert %ok2, "second rule"
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh h0(%h0) seq_lens(%seq_lens)
      hidden_size(4)
      : (tensor<?x?x4xf32>, tensor<1x12x4xf32>, tensor<1x12x4xf32>,
         tensor<1x?x4xf32>, tensor<?xi64>)
      -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>)
  return %y : tensor<?x?x4xf32>
}
