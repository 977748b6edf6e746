func.func @lstm_language_model(%tokens: tensor<6x2xi64>,
                               %embedding: tensor<100x8xf32>,
                               %w_ih: tensor<1x64x8xf32>,
                               %w_hh: tensor<1x64x17xf32>,
                               %b_ih: tensor<1x64xf32>,
                               %b_hh: tensor<1x64xf32>,
                               %w_out: tensor<100x16xf32>,
                               %b_out: tensor<100xf32>) -> tensor<6x2xi64> {
  %x = s2s.embedding %tokens, %embedding
      : (tensor<6x2xi64>, tensor<100x8xf32>) -> tensor<6x2x8xf32>
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      hidden_size(16)
      : (tensor<6x2x8xf32>, tensor<1x64x8xf32>, tensor<1x64x17xf32>,
         tensor<1x64xf32>, tensor<1x64xf32>)
      -> (tensor<6x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>)
  %logits = s2s.linear %y, %w_out, %b_out
      : (tensor<6x2x16xf32>, tensor<100x16xf32>, tensor<100xf32>)
      -> tensor<6x2x100xf32>
  %next = s2s.argmax %logits dim(-1)
      : (tensor<6x2x100xf32>) -> tensor<6x2xi64>
  return %next : tensor<6x2xi64>
}
