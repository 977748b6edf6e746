func.func @layer_norm_missing_normalized_shape(%input: tensor<2x5x16xf32>) {
  %0 = "s2s.layer_norm"(%input) <{operandSegmentSizes = array<i32: 1, 0, 0>}>
      : (tensor<2x5x16xf32>) -> tensor<2x5x16xf32>
  return
}
