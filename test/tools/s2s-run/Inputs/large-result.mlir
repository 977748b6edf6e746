// A [2, 10, 256] result whose element (a, b, c) is 10000 a + 1000 b + c.
func.func @main() -> tensor<2x10x256xf32> {
  %e = tensor.empty() : tensor<2x10x256xf32>
  %r = linalg.generic {
      indexing_maps = [affine_map<(a, b, c) -> (a, b, c)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      outs(%e : tensor<2x10x256xf32>) {
  ^bb0(%out: f32):
    %a = linalg.index 0 : index
    %b = linalg.index 1 : index
    %c = linalg.index 2 : index
    %c10000 = arith.constant 10000 : index
    %c1000 = arith.constant 1000 : index
    %a1 = arith.muli %a, %c10000 : index
    %b1 = arith.muli %b, %c1000 : index
    %ab = arith.addi %a1, %b1 : index
    %v = arith.addi %ab, %c : index
    %i = arith.index_cast %v : index to i64
    %f = arith.sitofp %i : i64 to f32
    linalg.yield %f : f32
  } -> tensor<2x10x256xf32>
  return %r : tensor<2x10x256xf32>
}
