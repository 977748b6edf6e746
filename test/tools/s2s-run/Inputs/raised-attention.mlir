// Attention written in linalg over a dynamic batch and lengths, with a
// select-based key-padding mask of a finite masked value: what
// s2s-raise-attention turns into s2s.scaled_dot_product_attention (see
// test/Dialect/S2S/s2s-raise-attention.mlir, @dynamic_batch).
func.func @main(%q: tensor<?x?x8xf32>, %k: tensor<?x?x8xf32>,
    %v: tensor<?x?x8xf32>, %pad: tensor<?x1x?xi1>) -> tensor<?x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %scale = arith.constant 0.35355339059327373 : f32
  %neg = arith.constant -1.0e9 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %q, %c0 : tensor<?x?x8xf32>
  %tq = tensor.dim %q, %c1 : tensor<?x?x8xf32>
  %tk = tensor.dim %k, %c1 : tensor<?x?x8xf32>
  %e1 = tensor.empty(%n, %tq, %tk) : tensor<?x?x?xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<?x?x?xf32>)
      -> tensor<?x?x?xf32>
  %s = linalg.batch_matmul indexing_maps = [
      affine_map<(b, m, n, k) -> (b, m, k)>,
      affine_map<(b, m, n, k) -> (b, n, k)>,
      affine_map<(b, m, n, k) -> (b, m, n)>]
      ins(%q, %k : tensor<?x?x8xf32>, tensor<?x?x8xf32>)
      outs(%z1 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %scaled = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%s : tensor<?x?x?xf32>) outs(%e1 : tensor<?x?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = arith.mulf %in, %scale : f32
    linalg.yield %r : f32
  } -> tensor<?x?x?xf32>
  %masked = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, 0, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%scaled, %pad : tensor<?x?x?xf32>, tensor<?x1x?xi1>)
      outs(%e1 : tensor<?x?x?xf32>) {
  ^bb0(%in: f32, %m: i1, %out: f32):
    %r = arith.select %m, %neg, %in : f32
    linalg.yield %r : f32
  } -> tensor<?x?x?xf32>
  %p = linalg.softmax dimension(2) ins(%masked : tensor<?x?x?xf32>)
      outs(%e1 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %e2 = tensor.empty(%n, %tq) : tensor<?x?x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<?x?x8xf32>)
      -> tensor<?x?x8xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<?x?x?xf32>, tensor<?x?x8xf32>)
      outs(%z2 : tensor<?x?x8xf32>) -> tensor<?x?x8xf32>
  return %out : tensor<?x?x8xf32>
}
