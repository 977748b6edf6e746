#id3 = affine_map<(a, b, c) -> (a, b, c)>

func.func private @fill3(%seed: f32) -> tensor<1x256x128xf32> {
  %e = tensor.empty() : tensor<1x256x128xf32>
  %r = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]}
      outs(%e : tensor<1x256x128xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 1 : index
    %j = linalg.index 2 : index
    %c131 = arith.constant 131 : index
    %k = arith.muli %i, %c131 : index
    %l = arith.addi %k, %j : index
    %n = arith.index_cast %l : index to i64
    %f = arith.sitofp %n : i64 to f32
    %g = arith.mulf %f, %seed : f32
    %s = math.sin %g : f32
    linalg.yield %s : f32
  } -> tensor<1x256x128xf32>
  return %r : tensor<1x256x128xf32>
}

func.func @main() -> (tensor<1x256x128xf32>, tensor<1x4x256x32xf32>) {
  %s1 = arith.constant 0.37 : f32
  %s2 = arith.constant 0.71 : f32
  %x = func.call @fill3(%s1) : (f32) -> tensor<1x256x128xf32>
  %wx = func.call @fill3(%s2) : (f32) -> tensor<1x256x128xf32>
  %w = tensor.collapse_shape %wx [[0, 1], [2]] : tensor<1x256x128xf32> into tensor<256x128xf32>
  %wq = tensor.extract_slice %w[0, 0] [128, 128] [1, 1] : tensor<256x128xf32> to tensor<128x128xf32>
  %y = s2s.linear %x, %wq : (tensor<1x256x128xf32>, tensor<128x128xf32>) -> tensor<1x256x128xf32>
  %q = tensor.expand_shape %y [[0], [1, 2], [3]] output_shape [1, 4, 64, 128]
      : tensor<1x256x128xf32> into tensor<1x4x64x128xf32>
  %qt = tensor.expand_shape %x [[0], [1], [2, 3]] output_shape [1, 256, 4, 32]
      : tensor<1x256x128xf32> into tensor<1x256x4x32xf32>
  %e = tensor.empty() : tensor<1x4x256x32xf32>
  %qh = linalg.transpose ins(%qt : tensor<1x256x4x32xf32>) outs(%e : tensor<1x4x256x32xf32>) permutation = [0, 2, 1, 3]
  %o = s2s.scaled_dot_product_attention %qh, %qh, %qh causal
      : (tensor<1x4x256x32xf32>, tensor<1x4x256x32xf32>, tensor<1x4x256x32xf32>) -> tensor<1x4x256x32xf32>
  return %y, %o : tensor<1x256x128xf32>, tensor<1x4x256x32xf32>
}
