func.func @main(%x: tensor<?x?x2xf32>, %w_ih: tensor<1x6x2xf32>,
    %w_hh: tensor<1x6x2xf32>, %h0: tensor<1x?x2xf32>)
    -> (tensor<?x?x2xf32>, tensor<1x?x2xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh h0(%h0) hidden_size(2)
      : (tensor<?x?x2xf32>, tensor<1x6x2xf32>, tensor<1x6x2xf32>,
         tensor<1x?x2xf32>) -> (tensor<?x?x2xf32>, tensor<1x?x2xf32>)
  return %y, %h_n : tensor<?x?x2xf32>, tensor<1x?x2xf32>
}

func.func @make() -> (tensor<3x2x2xf32>, tensor<1x4x2xf32>,
                      tensor<1x6x2xf32>, tensor<1x2x2xf32>,
                      tensor<1x3x2xf32>) {
  %x = arith.constant dense<0.5> : tensor<3x2x2xf32>
  %x1 = arith.constant dense<-0.25> : tensor<1x4x2xf32>
  %w = arith.constant dense<0.1> : tensor<1x6x2xf32>
  %h2 = arith.constant dense<0.0> : tensor<1x2x2xf32>
  %h3 = arith.constant dense<0.0> : tensor<1x3x2xf32>
  return %x, %x1, %w, %h2, %h3 : tensor<3x2x2xf32>, tensor<1x4x2xf32>,
      tensor<1x6x2xf32>, tensor<1x2x2xf32>, tensor<1x3x2xf32>
}
