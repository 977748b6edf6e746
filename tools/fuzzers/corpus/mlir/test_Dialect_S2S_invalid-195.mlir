func.func @layer_norm_bias_element_type(%input: tensor<2x5x16xf32>,
    %bias: tensor<16xbf16>) {
  %0 = s2s.layer_norm %input bias(%bias) normalized_shape([16])
      : (tensor<2x5x16xf32>, tensor<16xbf16>) -> tensor<2x5x16xf32>
  return
}
