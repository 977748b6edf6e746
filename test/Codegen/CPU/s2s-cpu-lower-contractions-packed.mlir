// RUN: s2s-opt %s --s2s-cpu-lower-contractions="pack-depth=32" -split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="vector-bits=128 axpy-vectors=2 pack-min-rows=8 pack-depth=8 pack-cols=8" -split-input-file | FileCheck %s --check-prefix=SSE
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="pack-min-rows=0" -split-input-file | FileCheck %s --check-prefix=OFF
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="threads=2 parallel-min-flops=0 pack-depth=32" -split-input-file | FileCheck %s --check-prefix=PAR

// The packed dot kernel: x W^T with many rows of x. W^T is copied a block at
// a time into panels of 4 vectors of columns per k (16x16 register
// transposes), and the axpy kernel runs on the panels.

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// m = 70 (11 six-row tiles and a four-row tile), n = 80 (one full panel of
/// 64 columns and one of 16), k = 48 (a block of 32 and one of 16).
// CHECK-LABEL: func.func @packed_dot(
// CHECK-SAME:    %[[X:.+]]: memref<70x48xf32>, %[[W:.+]]: memref<80x48xf32>, %[[Y:.+]]: memref<70x80xf32>
// CHECK:         %[[BUF:.+]] = memref.alloca() {alignment = 64 : i64} : memref<2x32x64xf32>
// The full panels: blocks of columns, then of k.
// CHECK:         scf.for %[[JC:.+]] = %c0 to %c64 step %c128 {
// CHECK:           scf.for %[[PC:.+]] = %c0 to %c48 step %c32 {
// CHECK:             %[[DEPTH:.+]] = arith.minsi %c32, %{{.+}} : index
// Pack: 16 rows of W, 16 k each, transposed by 4 rounds of 16 shuffles.
// CHECK:             scf.for %[[P:.+]] = %c0 to %{{.+}} step %c1 {
// CHECK:               scf.for %[[KK:.+]] = %c0 to %[[DEPTH]] step %c16 {
// CHECK:                 %[[K:.+]] = arith.addi %[[PC]], %[[KK]] : index
// CHECK-COUNT-16:        vector.load %[[W]][%{{.+}}, %[[K]]] : memref<80x48xf32>, vector<16xf32>
// CHECK-COUNT-64:        vector.shuffle
// CHECK:                 vector.store %{{.+}}, %[[BUF]][%[[P]], %[[KK]], %c0] : memref<2x32x64xf32>, vector<16xf32>
// Six-row tiles against each panel: 24 accumulators over the block's k.
// CHECK:             scf.for %[[I:.+]] = %c0 to %c66 step %c6 {
// CHECK:               scf.for %[[P2:.+]] = %c0 to %{{.+}} step %c1 {
// CHECK-COUNT-24:        vector.load %[[Y]]
// CHECK:                 %[[ACC:.+]]:24 = scf.for %[[KK2:.+]] = %c0 to %[[DEPTH]] step %c1 iter_args(
// CHECK-COUNT-4:           vector.load %[[BUF]][%[[P2]], %[[KK2]], %{{.+}}] : memref<2x32x64xf32>, vector<16xf32>
// CHECK:                   %[[KX:.+]] = arith.addi %[[PC]], %[[KK2]] : index
// CHECK:                   memref.load %[[X]][%[[I]], %[[KX]]] : memref<70x48xf32>
// CHECK:                   vector.broadcast
// CHECK-COUNT-4:           vector.fma
// CHECK:                 scf.yield
// CHECK-COUNT-24:        vector.store %[[ACC]]#{{[0-9]+}}, %[[Y]]
// The last four rows.
// CHECK:             scf.for %{{.+}} = %c0 to %{{.+}} step %c1 {
// CHECK:               scf.for {{.+}} iter_args(
// CHECK-COUNT-16:        vector.fma
// The last 16 columns: a panel of one vector.
// CHECK:         scf.for %[[PC3:.+]] = %c0 to %c48 step %c32 {
// CHECK:           scf.for {{.+}} step %c16 {
// CHECK-COUNT-16:    vector.load %[[W]]
// CHECK-COUNT-64:    vector.shuffle
// CHECK:           scf.for %{{.+}} = %c0 to %c66 step %c6 {
// CHECK:             scf.for {{.+}} iter_args(
// CHECK-COUNT-6:       vector.fma
// CHECK-NOT:     vector.reduction
// CHECK-NOT:     linalg.generic
// CHECK:         return

/// 128-bit vectors: 4x4 transposes, panels of 2 vectors, blocks of 8.
// SSE-LABEL: func.func @packed_dot(
// SSE:         memref.alloca() {alignment = 64 : i64} : memref<1x8x8xf32>
// SSE:         scf.for {{.+}} step %c4 {
// SSE-COUNT-4:   vector.load {{.+}} : memref<80x48xf32>, vector<4xf32>
// SSE-COUNT-8:   vector.shuffle {{.+}} : vector<4xf32>, vector<4xf32>
// SSE-NOT:     vector.reduction

/// pack-min-rows=0: the dot kernel, with horizontal sums.
// OFF-LABEL: func.func @packed_dot(
// OFF-NOT:     memref.alloca
// OFF:         vector.reduction <add>

func.func @packed_dot(%x: memref<70x48xf32>, %w: memref<80x48xf32>,
                      %y: memref<70x80xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<70x48xf32>, memref<80x48xf32>)
      outs(%y : memref<70x80xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// Limits: fewer rows than pack-min-rows (the packing would not pay back),
/// and n or k not a multiple of the vector width: the dot kernel.
// SSE-LABEL: func.func @not_packed(
// CHECK-LABEL: func.func @not_packed(
// CHECK-NOT:     memref.alloca
// CHECK-COUNT-3: vector.reduction <add>
// CHECK:         return
func.func @not_packed(%x: memref<32x64xf32>, %w: memref<64x64xf32>,
                      %y: memref<32x64xf32>, %x2: memref<64x64xf32>,
                      %w2: memref<72x64xf32>, %y2: memref<64x72xf32>,
                      %x3: memref<64x72xf32>, %w3: memref<64x72xf32>,
                      %y3: memref<64x64xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<32x64xf32>, memref<64x64xf32>)
      outs(%y : memref<32x64xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x2, %w2 : memref<64x64xf32>, memref<72x64xf32>)
      outs(%y2 : memref<64x72xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x3, %w3 : memref<64x72xf32>, memref<64x72xf32>)
      outs(%y3 : memref<64x64xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// Two threads: the blocks of columns (narrowed to 128 columns so that each
/// thread gets one) run in parallel, each packing into its own buffer; the
/// last 16 columns follow, packed into a buffer of the function.
// PAR-LABEL: func.func @packed_parallel(
// PAR:         %[[BUF2:.+]] = memref.alloca() {alignment = 64 : i64} : memref<2x32x64xf32>
// PAR:         scf.parallel (%[[JC:.+]]) = (%c0) to (%c256) step (%c128) {
// PAR-NEXT:      %[[BUF:.+]] = memref.alloca() {alignment = 64 : i64} : memref<2x32x64xf32>
// PAR:           vector.store %{{.+}}, %[[BUF]]
// PAR:           vector.load %[[BUF]]
// PAR:         scf.reduce
// PAR:         vector.store %{{.+}}, %[[BUF2]]
// PAR:         vector.load %[[BUF2]]
func.func @packed_parallel(%x: memref<64x32xf32>, %w: memref<272x32xf32>,
                           %y: memref<64x272xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<64x32xf32>, memref<272x32xf32>)
      outs(%y : memref<64x272xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// An RNN step's h W^T in a time loop, W read-only in it: W is packed once
/// into a buffer before the loop (freed after it), and each step runs the
/// axpy kernel over the panels, panels outermost. Few rows do not matter:
/// the packing is paid once for all steps.
// CHECK-LABEL: func.func @prepacked(
// CHECK-SAME:    %[[H:[a-zA-Z0-9_]+]]: memref<4x32xf32>, %[[W:[a-zA-Z0-9_]+]]: memref<80x32xf32>,
// CHECK:         %[[BUF:.+]] = memref.alloc() {alignment = 64 : i64} : memref<2x32x64xf32>
// CHECK:         scf.for %[[P:.+]] = %c0 to %c1 step %c1 {
// CHECK:           scf.for %[[KK:.+]] = %c0 to %c32 step %c16 {
// CHECK-COUNT-16:    vector.load %[[W]]
// CHECK-COUNT-64:    vector.shuffle
// CHECK:             vector.store %{{.+}}, %[[BUF]][%[[P]], %[[KK]], %c0]
// The last 16 columns: panel 1, one vector.
// CHECK:         scf.for %[[KK2:.+]] = %c0 to %c32 step %c16 {
// CHECK-COUNT-16:  vector.load %[[W]]
// CHECK:           vector.store %{{.+}}, %[[BUF]][%c1, %[[KK2]], %c0]
// CHECK:         scf.for %[[T:.+]] = %{{.+}} to %{{.+}} step %{{.+}} {
// CHECK:           scf.for %[[P3:.+]] = %c0 to %c1 step %c1 {
// CHECK:             scf.for {{.+}} = %c0 to %c32 step %c1 iter_args(
// CHECK-COUNT-4:       vector.load %[[BUF]][%[[P3]], %{{.+}}, %{{.+}}]
// CHECK-COUNT-16:      vector.fma
// CHECK:           scf.for {{.+}} = %c0 to %c32 step %c1 iter_args(
// CHECK:             vector.load %[[BUF]][%c1, %{{.+}}, %c0]
// CHECK-COUNT-4:     vector.fma
// CHECK-NOT:       vector.reduction
// CHECK:         memref.dealloc %[[BUF]] : memref<2x32x64xf32>
// CHECK-NEXT:    return
/// pack-min-rows=0 turns it off.
// OFF-LABEL: func.func @prepacked(
// OFF-NOT:     memref.alloc
// OFF:         vector.reduction
func.func @prepacked(%h: memref<4x32xf32>, %w: memref<80x32xf32>,
                     %y: memref<4x80xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.for %t = %c0 to %c8 step %c1 {
    linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                    iterator_types = ["parallel", "parallel", "reduction"]}
        ins(%h, %w : memref<4x32xf32>, memref<80x32xf32>)
        outs(%y : memref<4x80xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
  }
  return
}

// -----

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// Limits of packing before a loop: W written in the loop (here through a
/// view of it), or defined in it: the dot kernel in each step.
// CHECK-LABEL: func.func @not_prepacked(
// CHECK-NOT:     memref.alloc
// CHECK:         vector.reduction
// CHECK:         vector.reduction
func.func @not_prepacked(%h: memref<4x32xf32>, %w: memref<80x32xf32>,
                         %y: memref<4x80xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %one = arith.constant 1.0 : f32
  scf.for %t = %c0 to %c8 step %c1 {
    linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                    iterator_types = ["parallel", "parallel", "reduction"]}
        ins(%h, %w : memref<4x32xf32>, memref<80x32xf32>)
        outs(%y : memref<4x80xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
    %row = memref.subview %w[0, 0] [1, 32] [1, 1]
        : memref<80x32xf32> to memref<32xf32, strided<[1]>>
    linalg.fill ins(%one : f32) outs(%row : memref<32xf32, strided<[1]>>)
  }
  scf.for %t = %c0 to %c8 step %c1 {
    %local = memref.alloca() : memref<80x32xf32>
    linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                    iterator_types = ["parallel", "parallel", "reduction"]}
        ins(%h, %local : memref<4x32xf32>, memref<80x32xf32>)
        outs(%y : memref<4x80xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
  }
  return
}

// -----

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// A zero fill of C before the packed kernel: kept when k = 48 takes two
/// blocks of pack-depth = 32 (the second block adds to what the first
/// stored), dropped when k = 32 is one block (tiles start from zero).
// CHECK-LABEL: func.func @packed_from_zero(
// CHECK-SAME:    %[[Y:[a-zA-Z0-9]+]]: memref<64x64xf32>,
// CHECK-SAME:    %[[Y2:[a-zA-Z0-9]+]]: memref<64x64xf32>)
// CHECK:         linalg.fill ins(%{{.+}} : f32) outs(%[[Y]] : memref<64x64xf32>)
// CHECK:         vector.load %[[Y]]
// CHECK-NOT:     linalg.fill
// CHECK-NOT:     vector.load %[[Y2]]
// CHECK:         vector.store %{{.+}}, %[[Y2]]
// CHECK:         return
func.func @packed_from_zero(%x: memref<64x48xf32>, %w: memref<64x48xf32>,
                            %x2: memref<64x32xf32>, %w2: memref<64x32xf32>,
                            %y: memref<64x64xf32>, %y2: memref<64x64xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%y : memref<64x64xf32>)
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<64x48xf32>, memref<64x48xf32>)
      outs(%y : memref<64x64xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  linalg.fill ins(%zero : f32) outs(%y2 : memref<64x64xf32>)
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x2, %w2 : memref<64x32xf32>, memref<64x32xf32>)
      outs(%y2 : memref<64x64xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}
