// Arguments whose names are no C parameter names: a C keyword, a number,
// a name with a dot, a name of the form in<N>; and good ones.
func.func @main(%int: tensor<2xf32>, %0: tensor<2xf32>, %a.b: tensor<2xf32>,
                %in3: tensor<2xf32>, %scale: tensor<2xf32>,
                %x_1: tensor<2xf32>) -> tensor<2xf32> {
  %s1 = arith.addf %int, %0 : tensor<2xf32>
  %s2 = arith.addf %s1, %a.b : tensor<2xf32>
  %s3 = arith.addf %s2, %in3 : tensor<2xf32>
  %s4 = arith.mulf %s3, %scale : tensor<2xf32>
  %s5 = arith.subf %s4, %x_1 : tensor<2xf32>
  return %s5 : tensor<2xf32>
}
