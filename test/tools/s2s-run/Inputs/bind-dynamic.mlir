// An argument of dynamic size bound at compile time: the constant has the
// array's size, and a cast gives its uses the argument's type.
func.func @main(%x: tensor<2x3xf32>, %table: tensor<?x3xf32>)
    -> (tensor<2x3xf32>, tensor<?x3xf32>) {
  %first = tensor.extract_slice %table[0, 0] [2, 3] [1, 1]
      : tensor<?x3xf32> to tensor<2x3xf32>
  %sum = arith.addf %x, %first : tensor<2x3xf32>
  return %sum, %table : tensor<2x3xf32>, tensor<?x3xf32>
}
