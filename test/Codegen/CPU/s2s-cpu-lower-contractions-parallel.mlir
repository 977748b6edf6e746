// RUN: s2s-opt %s --s2s-cpu-lower-contractions="threads=2 parallel-min-flops=0" -split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="threads=2" -split-input-file | FileCheck %s --check-prefix=SMALL
// RUN: s2s-opt %s --s2s-cpu-lower-contractions -split-input-file | FileCheck %s --check-prefix=SEQ

// With threads > 1, one loop of a kernel becomes scf.parallel: the
// outermost with at least `threads` iterations. Below parallel-min-flops
// (the SMALL prefix: the default, 4 MFLOP, is above all of these) and with
// one thread (the SEQ prefix), every loop stays sequential.

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// Four blocks of 64 columns: the column blocks run in parallel; rows and
/// tiles stay loops inside.
// CHECK-LABEL: func.func @dot_column_blocks(
// CHECK:         scf.parallel (%[[JB:.+]]) = (%c0) to (%c256) step (%c64) {
// CHECK:           scf.for %{{.+}} = %c0 to %c12 step %c6 {
// CHECK:             scf.for %{{.+}} = %[[JB]] to %{{.+}} step %c4 {
// CHECK:               vector.fma
// CHECK-NOT:     scf.parallel
// SMALL-LABEL: func.func @dot_column_blocks(
// SMALL-NOT:     scf.parallel
// SEQ-LABEL: func.func @dot_column_blocks(
// SEQ-NOT:       scf.parallel
// SMALL-LABEL: func.func @dot_row_tiles(
// SEQ-LABEL: func.func @dot_row_tiles(
func.func @dot_column_blocks(%x: memref<12x64xf32>, %w: memref<256x64xf32>,
                             %y: memref<12x256xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<12x64xf32>, memref<256x64xf32>)
      outs(%y : memref<12x256xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %c, %m : f32
    linalg.yield %s : f32
  }
  return
}

// -----

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// Fewer than two column blocks (8 columns) but four 6-row tiles: the row
/// tiles run in parallel.
// CHECK-LABEL: func.func @dot_row_tiles(
// CHECK:         scf.parallel (%{{.+}}) = (%c0) to (%c24) step (%c6) {
// CHECK:           scf.for
// CHECK:             vector.fma
// CHECK-NOT:     scf.parallel
func.func @dot_row_tiles(%x: memref<24x64xf32>, %w: memref<8x64xf32>,
                         %y: memref<24x8xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<24x64xf32>, memref<8x64xf32>)
      outs(%y : memref<24x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %c, %m : f32
    linalg.yield %s : f32
  }
  return
}

// -----

#bt_a = affine_map<(h, i, j, k) -> (h, i, k)>
#bt_b = affine_map<(h, i, j, k) -> (h, j, k)>
#bt_c = affine_map<(h, i, j, k) -> (h, i, j)>

/// A batch (heads) loop of at least two iterations is the parallel one.
// CHECK-LABEL: func.func @batch_heads(
// CHECK:         scf.parallel (%{{.+}}) = (%c0) to (%c4) step (%c1) {
// CHECK-NOT:       scf.parallel
// CHECK:           vector.fma
func.func @batch_heads(%q: memref<4x12x64xf32>, %k: memref<4x256x64xf32>,
                       %s: memref<4x12x256xf32>) {
  linalg.generic {indexing_maps = [#bt_a, #bt_b, #bt_c],
                  iterator_types = ["parallel", "parallel", "parallel",
                                    "reduction"]}
      ins(%q, %k : memref<4x12x64xf32>, memref<4x256x64xf32>)
      outs(%s : memref<4x12x256xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  }
  return
}

// -----

#nn_a = affine_map<(i, j, k) -> (i, k)>
#nn_b = affine_map<(i, j, k) -> (k, j)>
#nn_c = affine_map<(i, j, k) -> (i, j)>

/// Axpy kernel: two panels of 64 columns in parallel.
// CHECK-LABEL: func.func @axpy_panels(
// CHECK:         scf.parallel (%{{.+}}) = (%c0) to (%c128) step (%c64) {
// CHECK:           vector.broadcast
// CHECK:           vector.fma
func.func @axpy_panels(%p: memref<12x32xf32>, %v: memref<32x128xf32>,
                       %o: memref<12x128xf32>) {
  linalg.generic {indexing_maps = [#nn_a, #nn_b, #nn_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%p, %v : memref<12x32xf32>, memref<32x128xf32>)
      outs(%o : memref<12x128xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %c, %m : f32
    linalg.yield %s : f32
  }
  return
}

// -----

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// Inside a parallel loop (an attention block) the kernel already has its
/// thread: no nested parallel loop.
// CHECK-LABEL: func.func @inside_parallel(
// CHECK:         scf.parallel
// CHECK-NOT:       scf.parallel
// CHECK:           vector.fma
func.func @inside_parallel(%x: memref<2x12x64xf32>, %w: memref<256x64xf32>,
                           %y: memref<2x12x256xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.parallel (%b) = (%c0) to (%c2) step (%c1) {
    %xb = memref.subview %x[%b, 0, 0] [1, 12, 64] [1, 1, 1]
        : memref<2x12x64xf32> to memref<12x64xf32, strided<[64, 1], offset: ?>>
    %yb = memref.subview %y[%b, 0, 0] [1, 12, 256] [1, 1, 1]
        : memref<2x12x256xf32> to memref<12x256xf32, strided<[256, 1], offset: ?>>
    linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                    iterator_types = ["parallel", "parallel", "reduction"]}
        ins(%xb, %w : memref<12x64xf32, strided<[64, 1], offset: ?>>,
                      memref<256x64xf32>)
        outs(%yb : memref<12x256xf32, strided<[256, 1], offset: ?>>) {
    ^bb0(%a: f32, %bb: f32, %c: f32):
      %m = arith.mulf %a, %bb : f32
      %s = arith.addf %c, %m : f32
      linalg.yield %s : f32
    }
    scf.reduce
  }
  return
}
