// RUN: s2s-opt %s --s2s-cpu-lower-contractions -split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="vector-bits=128" -split-input-file | FileCheck %s --check-prefix=SSE

// Transposing copies: a linalg.generic that only copies, reading its input
// along a different loop than the one its output is contiguous in (both
// multiples of the vector width), is copied in vw x vw blocks: vw vector
// loads along the input's rows, a register transpose by shuffles, vw vector
// stores along the output's rows.

/// A [32, 48] -> [48, 32] transpose: 16 x 16 blocks (3 x 2 of them).
// CHECK-LABEL: func.func @transpose_2d(
// CHECK-SAME:      %[[IN:[a-zA-Z0-9_]+]]: memref<32x48xf32>, %[[OUT:[a-zA-Z0-9_]+]]: memref<48x32xf32>)
// CHECK-NOT:     linalg.generic
// CHECK:         scf.for %[[I:[a-zA-Z0-9_]+]] = %{{.+}} to %{{.+}} step %{{.+}} {
// CHECK:           scf.for %[[J:[a-zA-Z0-9_]+]] = %{{.+}} to %{{.+}} step %{{.+}} {
// CHECK-COUNT-16:    vector.load %[[IN]][%{{.+}}, %[[I]]] : memref<32x48xf32>, vector<16xf32>
// CHECK-COUNT-64:    vector.shuffle
// CHECK-COUNT-16:    vector.store %{{.+}}, %[[OUT]][%{{.+}}, %[[J]]] : memref<48x32xf32>, vector<16xf32>
// SSE-LABEL:   func.func @transpose_2d(
// SSE-COUNT-4:   vector.load %{{.+}} : memref<32x48xf32>, vector<4xf32>
// SSE-COUNT-8:   vector.shuffle
// SSE-COUNT-4:   vector.store %{{.+}} : memref<48x32xf32>, vector<4xf32>
#in_2d = affine_map<(i, j) -> (j, i)>
#out_2d = affine_map<(i, j) -> (i, j)>
func.func @transpose_2d(%in: memref<32x48xf32>, %out: memref<48x32xf32>) {
  linalg.generic {indexing_maps = [#in_2d, #out_2d],
                  iterator_types = ["parallel", "parallel"]}
      ins(%in : memref<32x48xf32>) outs(%out : memref<48x32xf32>) {
  ^bb0(%a: f32, %b: f32):
    linalg.yield %a : f32
  }
  return
}

// -----

/// The recurrent weights' rearrangement of the fused RNN step: other loops
/// stay loops around the blocks.
// CHECK-LABEL: func.func @gate_blocks(
// CHECK-NOT:     linalg.generic
// CHECK-COUNT-4: scf.for
// CHECK-COUNT-16: vector.load %{{.+}} : memref<4x2x16x32xf32>, vector<16xf32>
// CHECK-COUNT-16: vector.store %{{.+}} : memref<2x32x4x16xf32>, vector<16xf32>
#in_4d = affine_map<(n, k, g, j) -> (g, n, j, k)>
#out_4d = affine_map<(n, k, g, j) -> (n, k, g, j)>
func.func @gate_blocks(%in: memref<4x2x16x32xf32>, %out: memref<2x32x4x16xf32>) {
  linalg.generic {indexing_maps = [#in_4d, #out_4d],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%in : memref<4x2x16x32xf32>) outs(%out : memref<2x32x4x16xf32>) {
  ^bb0(%a: f32, %b: f32):
    linalg.yield %a : f32
  }
  return
}

// -----

/// Left alone: a transposed dimension that is not a multiple of the vector
/// width, a copy that does not transpose, a body that calls math (not
/// elementwise arith), and one that reads its output.
// CHECK-LABEL: func.func @not_transpose_copies(
// CHECK-COUNT-4: linalg.generic
// CHECK-NOT:     vector.shuffle
#swap = affine_map<(i, j) -> (j, i)>
#same = affine_map<(i, j) -> (i, j)>
func.func @not_transpose_copies(%a: memref<20x32xf32>, %b: memref<32x20xf32>,
                                %c: memref<32x32xf32>, %d: memref<32x32xf32>) {
  linalg.generic {indexing_maps = [#swap, #same],
                  iterator_types = ["parallel", "parallel"]}
      ins(%a : memref<20x32xf32>) outs(%b : memref<32x20xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  linalg.generic {indexing_maps = [#same, #same],
                  iterator_types = ["parallel", "parallel"]}
      ins(%c : memref<32x32xf32>) outs(%d : memref<32x32xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  linalg.generic {indexing_maps = [#swap, #same],
                  iterator_types = ["parallel", "parallel"]}
      ins(%c : memref<32x32xf32>) outs(%d : memref<32x32xf32>) {
  ^bb0(%x: f32, %y: f32):
    %e = math.exp %x : f32
    linalg.yield %e : f32
  }
  linalg.generic {indexing_maps = [#swap, #same],
                  iterator_types = ["parallel", "parallel"]}
      ins(%c : memref<32x32xf32>) outs(%d : memref<32x32xf32>) {
  ^bb0(%x: f32, %y: f32):
    %sum = arith.addf %x, %y : f32
    linalg.yield %sum : f32
  }
  return
}

// -----

/// A body of elementwise arith (the attention's scaled, transposed query
/// block) is applied to the loaded vectors: values from outside and
/// constants broadcast.
// CHECK-LABEL: func.func @scaled_transpose(
// CHECK-SAME:      %{{.+}}: memref<16x16xf32>, %{{.+}}: memref<16x16xf32>, %[[SCALE:.+]]: f32)
// CHECK-NOT:     linalg.generic
// CHECK:         %[[ROW:.+]] = vector.load
// CHECK:         %[[S:.+]] = vector.broadcast %[[SCALE]] : f32 to vector<16xf32>
// CHECK:         %[[SCALED:.+]] = arith.mulf %[[ROW]], %[[S]] : vector<16xf32>
// CHECK:         %[[ONE:.+]] = arith.constant 1.000000e+00 : f32
// CHECK:         %[[ONES:.+]] = vector.broadcast %[[ONE]] : f32 to vector<16xf32>
// CHECK:         arith.addf %[[SCALED]], %[[ONES]] : vector<16xf32>
// CHECK:         vector.shuffle
// CHECK:         vector.store
func.func @scaled_transpose(%a: memref<16x16xf32>, %b: memref<16x16xf32>,
                            %scale: f32) {
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (j, i)>,
                                   affine_map<(i, j) -> (i, j)>],
                  iterator_types = ["parallel", "parallel"]}
      ins(%a : memref<16x16xf32>) outs(%b : memref<16x16xf32>) {
  ^bb0(%x: f32, %y: f32):
    %m = arith.mulf %x, %scale : f32
    %one = arith.constant 1.0 : f32
    %r = arith.addf %m, %one : f32
    linalg.yield %r : f32
  }
  return
}
