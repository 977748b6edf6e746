// RUN: s2s-opt %s --s2s-cpu-lower-contractions -split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="pack-min-rows=1" -split-input-file | FileCheck %s --check-prefix=PACKED

// Weights stored as bf16 (s2s-linalg-bf16-weights): the kernels load them
// as bf16 vectors, half the bytes, and widen them in registers before the
// f32 FMAs; the activations and accumulators stay f32.

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @dot_bf16(
// CHECK-SAME:    %[[X:.+]]: memref<12x64xf32>, %[[W:.+]]: memref<8x64xbf16>
// CHECK:         scf.for {{.+}} iter_args(
// CHECK:           vector.load %[[X]]{{.+}} : memref<12x64xf32>, vector<16xf32>
// CHECK:           %[[B:.+]] = vector.load %[[W]]{{.+}} : memref<8x64xbf16>, vector<16xbf16>
// CHECK:           arith.extf %[[B]] : vector<16xbf16> to vector<16xf32>
// CHECK:           vector.fma {{.+}} : vector<16xf32>
// CHECK-NOT:     linalg.generic
func.func @dot_bf16(%x: memref<12x64xf32>, %w: memref<8x64xbf16>,
                    %y: memref<12x8xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<12x64xf32>, memref<8x64xbf16>)
      outs(%y : memref<12x8xf32>) {
  ^bb0(%a: f32, %b: bf16, %acc: f32):
    %bw = arith.extf %b : bf16 to f32
    %p = arith.mulf %a, %bw : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// The packed kernel widens them as it packs its panels, which stay f32.

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

// PACKED-LABEL: func.func @packed_bf16(
// PACKED-SAME:    %[[X:.+]]: memref<32x64xf32>, %[[W:.+]]: memref<16x64xbf16>
// PACKED:         %[[BUF:.+]] = memref.alloca() {{.*}} : memref<1x64x64xf32>
// PACKED:         %[[B:.+]] = vector.load %[[W]]{{.+}} : memref<16x64xbf16>, vector<16xbf16>
// PACKED:         arith.extf %[[B]] : vector<16xbf16> to vector<16xf32>
// PACKED:         vector.store {{.+}}, %[[BUF]]
func.func @packed_bf16(%x: memref<32x64xf32>, %w: memref<16x64xbf16>,
                       %y: memref<32x16xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<32x64xf32>, memref<16x64xbf16>)
      outs(%y : memref<32x16xf32>) {
  ^bb0(%a: f32, %b: bf16, %acc: f32):
    %bw = arith.extf %b : bf16 to f32
    %p = arith.mulf %a, %bw : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// The axpy kernel (n contiguous in the weights, k in the tail masked): bf16
// rows of W, loaded with a bf16 zero passthru, widened.

#a = affine_map<(i, j, k) -> (i, k)>
#b = affine_map<(i, j, k) -> (k, j)>
#c = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @axpy_bf16(
// CHECK-SAME:    %[[X:.+]]: memref<4x8xf32>, %[[W:.+]]: memref<8x20xbf16>
// CHECK:         %[[B:.+]] = vector.load %[[W]]{{.+}} : memref<8x20xbf16>, vector<16xbf16>
// CHECK:         %[[BW:.+]] = arith.extf %[[B]] : vector<16xbf16> to vector<16xf32>
// CHECK:         memref.load %[[X]]
// CHECK:         vector.broadcast
// CHECK:         vector.fma %{{.+}}, %[[BW]], %{{.+}} : vector<16xf32>
// CHECK:         %[[T:.+]] = vector.maskedload %[[W]]{{.+}} : memref<8x20xbf16>, vector<16xi1>, vector<16xbf16> into vector<16xbf16>
// CHECK:         arith.extf %[[T]] : vector<16xbf16> to vector<16xf32>
// CHECK-NOT:     linalg.generic
func.func @axpy_bf16(%x: memref<4x8xf32>, %w: memref<8x20xbf16>,
                     %y: memref<4x20xf32>) {
  linalg.generic {indexing_maps = [#a, #b, #c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<4x8xf32>, memref<8x20xbf16>)
      outs(%y : memref<4x20xf32>) {
  ^bb0(%in: f32, %wb: bf16, %acc: f32):
    %bw = arith.extf %wb : bf16 to f32
    %p = arith.mulf %in, %bw : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Limit: a body that uses the narrow input for anything else than the
// product is not a contraction the kernels implement; it stays a generic.

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @not_a_widening(
// CHECK:         linalg.generic
// CHECK-NOT:     vector.fma
func.func @not_a_widening(%x: memref<12x64xf32>, %w: memref<8x64xbf16>,
                          %y: memref<12x8xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<12x64xf32>, memref<8x64xbf16>)
      outs(%y : memref<12x8xf32>) {
  ^bb0(%a: f32, %b: bf16, %acc: f32):
    %bw = arith.extf %b : bf16 to f32
    %sq = arith.mulf %bw, %bw : f32
    %p = arith.mulf %a, %sq : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// bf16 weights read-only in a loop (a recurrent step's h W^T): packed once
// before the loop, widened while packing, into an f32 buffer that each step
// reads; and a dynamic number of rows, whose row tiles read the bf16
// weights as the static ones do.

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @prepacked_bf16(
// CHECK-SAME:    %[[H:[a-zA-Z0-9_]+]]: memref<4x32xf32>, %[[W:[a-zA-Z0-9_]+]]: memref<32x32xbf16>
// CHECK:         %[[BUF:.+]] = memref.alloc() {alignment = 64 : i64} : memref<1x32x64xf32>
// CHECK:         %[[B:.+]] = vector.load %[[W]]{{.+}} : memref<32x32xbf16>, vector<16xbf16>
// CHECK:         arith.extf %[[B]] : vector<16xbf16> to vector<16xf32>
// CHECK:         vector.store %{{.+}}, %[[BUF]]
// CHECK:         scf.for
// CHECK-NOT:       bf16
// CHECK:           vector.load %[[BUF]]
// CHECK:           vector.fma
// CHECK:         memref.dealloc %[[BUF]]
func.func @prepacked_bf16(%h: memref<4x32xf32>, %w: memref<32x32xbf16>,
                          %y: memref<4x32xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.for %t = %c0 to %c8 step %c1 {
    linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                    iterator_types = ["parallel", "parallel", "reduction"]}
        ins(%h, %w : memref<4x32xf32>, memref<32x32xbf16>)
        outs(%y : memref<4x32xf32>) {
    ^bb0(%a: f32, %b: bf16, %acc: f32):
      %bw = arith.extf %b : bf16 to f32
      %p = arith.mulf %a, %bw : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
  }
  return
}

// CHECK-LABEL: func.func @dynamic_rows_bf16(
// CHECK-SAME:    %[[X:[a-zA-Z0-9_]+]]: memref<?x64xf32>, %[[W:[a-zA-Z0-9_]+]]: memref<8x64xbf16>
// CHECK:         scf.index_switch
// CHECK:         %[[B:.+]] = vector.load %[[W]]{{.+}} : memref<8x64xbf16>, vector<16xbf16>
// CHECK:         arith.extf %[[B]] : vector<16xbf16> to vector<16xf32>
// CHECK-NOT:     linalg.generic
func.func @dynamic_rows_bf16(%x: memref<?x64xf32>, %w: memref<8x64xbf16>,
                             %y: memref<?x8xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<?x64xf32>, memref<8x64xbf16>)
      outs(%y : memref<?x8xf32>) {
  ^bb0(%a: f32, %b: bf16, %acc: f32):
    %bw = arith.extf %b : bf16 to f32
    %p = arith.mulf %a, %bw : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}
