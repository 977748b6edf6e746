func.func @argmax_result_element_type(%input: tensor<3x15xf32>) {
  %0 = s2s.argmax %input dim(1) : (tensor<3x15xf32>) -> tensor<3xi32>
  return
}
