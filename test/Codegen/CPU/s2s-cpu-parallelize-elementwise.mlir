// RUN: s2s-opt %s --s2s-cpu-parallelize-elementwise="threads=2" -split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-cpu-parallelize-elementwise -split-input-file | FileCheck %s --check-prefix=ONE

#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (i)>

/// A large elementwise op and a row-wise reduction: two chunks of rows on
/// an scf.parallel loop each (one iteration per thread, the chunk at row
/// i * 256), the same generic on subviews inside.
// CHECK-LABEL: func.func @large(
// CHECK-SAME:    %[[X:.+]]: memref<512x256xf32>, %[[Y:.+]]: memref<512x256xf32>, %[[S:.+]]: memref<512xf32>
// CHECK:         scf.parallel (%[[I:.+]]) = (%c0{{.*}}) to (%c2{{.*}}) step (%c1{{.*}}) {
// CHECK:           affine.apply #{{.+}}(%[[I]])
// CHECK:           %[[XS:.+]] = memref.subview %[[X]][%{{.+}}, 0] [256, 256] [1, 1]
// CHECK:           %[[YS:.+]] = memref.subview %[[Y]][%{{.+}}, 0] [256, 256] [1, 1]
// CHECK:           linalg.generic {{.+}} ins(%[[XS]] : {{.+}}) outs(%[[YS]] : {{.+}})
// CHECK:             math.tanh
// CHECK:         scf.parallel
// CHECK:           %[[SS:.+]] = memref.subview %[[S]][%{{.+}}] [256] [1]
// CHECK:           linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]} {{.+}} outs(%[[SS]] :
/// One thread: nothing changes.
// ONE-LABEL: func.func @large(
// ONE-NOT:     scf.parallel
func.func @large(%x: memref<512x256xf32>, %y: memref<512x256xf32>,
                 %s: memref<512xf32>) {
  linalg.generic {indexing_maps = [#id, #id],
                  iterator_types = ["parallel", "parallel"]}
      ins(%x : memref<512x256xf32>) outs(%y : memref<512x256xf32>) {
  ^bb0(%a: f32, %b: f32):
    %t = math.tanh %a : f32
    linalg.yield %t : f32
  }
  linalg.generic {indexing_maps = [#id, #row],
                  iterator_types = ["parallel", "reduction"]}
      ins(%x : memref<512x256xf32>) outs(%s : memref<512xf32>) {
  ^bb0(%a: f32, %b: f32):
    %t = arith.addf %a, %b : f32
    linalg.yield %t : f32
  }
  return
}

// -----

#id = affine_map<(i, j) -> (i, j)>

/// Left alone: too small (fewer than 65536 iterations), inside a loop, and
/// a first dimension of 1 is skipped for the next parallel one.
// CHECK-LABEL: func.func @limits(
// CHECK:         linalg.fill {{.+}} outs(%{{.+}} : memref<64x64xf32>)
// CHECK:         scf.for
// CHECK-NEXT:      linalg.generic {{.+}} outs(%{{.+}} : memref<512x256xf32>)
// CHECK:         scf.parallel
// CHECK:           memref.subview %{{.+}}[0, %{{.+}}, 0] [1, 256, 256]
func.func @limits(%small: memref<64x64xf32>, %x: memref<512x256xf32>,
                  %y: memref<512x256xf32>, %z: memref<1x512x256xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %cst = arith.constant 0.0 : f32
  linalg.fill ins(%cst : f32) outs(%small : memref<64x64xf32>)
  scf.for %i = %c0 to %c4 step %c1 {
    linalg.generic {indexing_maps = [#id, #id],
                    iterator_types = ["parallel", "parallel"]}
        ins(%x : memref<512x256xf32>) outs(%y : memref<512x256xf32>) {
    ^bb0(%a: f32, %b: f32):
      %t = math.exp %a : f32
      linalg.yield %t : f32
    }
  }
  linalg.fill ins(%cst : f32) outs(%z : memref<1x512x256xf32>)
  return
}

// -----

#id = affine_map<(i, j) -> (i, j)>

/// Dynamic sizes: split at run time into chunks of ceil(rows / threads) rows
/// when the op then has at least 65536 iterations and at least one row per
/// thread, else run as it is.
// CHECK-LABEL: func.func @dynamic(
// CHECK-SAME:    %[[X:[a-z0-9]+]]: memref<?x256xf32>, %[[Y:[a-z0-9]+]]: memref<?x256xf32>
// CHECK:         %[[ROWS:.+]] = memref.dim %[[X]], %c0
// CHECK:         %[[N:.+]] = arith.muli %{{.+}}, %c256
// CHECK:         %[[ENOUGH_ROWS:.+]] = arith.cmpi uge, %[[ROWS]], %c2
// CHECK:         %[[LARGE:.+]] = arith.cmpi uge, %[[N]], %c65536
// CHECK:         %[[BOTH:.+]] = arith.andi %[[LARGE]], %[[ENOUGH_ROWS]]
// CHECK:         scf.if %[[BOTH]] {
// CHECK:           scf.parallel (%{{.+}}) = (%c0{{.*}}) to (%c2{{.*}}) step (%c1{{.*}}) {
// CHECK:             %[[LEN:.+]] = affine.max
// CHECK:             %[[XS:.+]] = memref.subview %[[X]][%{{.+}}, 0] [%[[LEN]], 256] [1, 1]
// CHECK:             linalg.generic {{.+}} ins(%[[XS]] : memref<?x256xf32, strided<[256, 1], offset: ?>>)
// CHECK:         } else {
// CHECK:           linalg.generic {{.+}} ins(%[[X]] : memref<?x256xf32>) outs(%[[Y]] : memref<?x256xf32>)
// CHECK:         }
// ONE-LABEL: func.func @dynamic(
// ONE-NOT:     scf.if
func.func @dynamic(%x: memref<?x256xf32>, %y: memref<?x256xf32>) {
  linalg.generic {indexing_maps = [#id, #id],
                  iterator_types = ["parallel", "parallel"]}
      ins(%x : memref<?x256xf32>) outs(%y : memref<?x256xf32>) {
  ^bb0(%a: f32, %b: f32):
    %t = math.tanh %a : f32
    linalg.yield %t : f32
  }
  return
}
