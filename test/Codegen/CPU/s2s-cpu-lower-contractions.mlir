// RUN: s2s-opt %s --s2s-cpu-lower-contractions -split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="vector-bits=256 dot-rows=2 dot-cols=3" -split-input-file | FileCheck %s --check-prefix=AVX2
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="threads=2 parallel-min-flops=0" -split-input-file | FileCheck %s --check-prefix=PAR

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// x W^T with k a multiple of the vector width and m, n multiples of the
/// tile: column blocks, then 6x4 tiles, 24 accumulators carried over k,
/// reduced into C.
// CHECK-LABEL: func.func @dot_kernel(
// CHECK-SAME:    %[[X:.+]]: memref<12x64xf32>, %[[W:.+]]: memref<8x64xf32>, %[[Y:.+]]: memref<12x8xf32>
// CHECK:         scf.for %[[I:.+]] = %{{.+}} to %{{.+}} step %c6
// CHECK:           scf.for %[[J:.+]] = %{{.+}} to %{{.+}} step %c4
// CHECK:             %[[ACC:.+]]:24 = scf.for %[[K:.+]] = %c0 to %c64 step %c16 iter_args(
// CHECK-COUNT-6:       vector.load %[[X]][{{.+}}, %[[K]]] : memref<12x64xf32>, vector<16xf32>
// CHECK-COUNT-4:       vector.load %[[W]][{{.+}}, %[[K]]] : memref<8x64xf32>, vector<16xf32>
// CHECK-COUNT-24:      vector.fma
// CHECK:               scf.yield
// CHECK-COUNT-24:    vector.reduction <add>, %{{.+}} fastmath<reassoc>
// CHECK-NOT:       linalg.generic
// AVX2-LABEL: func.func @dot_kernel(
// AVX2:         step %c2
// AVX2:           step %c3
// AVX2:             scf.for {{.+}} step %c8 iter_args(
// AVX2-COUNT-6:       vector.fma {{.+}} : vector<8xf32>
func.func @dot_kernel(%x: memref<12x64xf32>, %w: memref<8x64xf32>,
                      %y: memref<12x8xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<12x64xf32>, memref<8x64xf32>)
      outs(%y : memref<12x8xf32>) {
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

/// Odd sizes: m = 7 and n = 6 leave one-row and one-column kernels, and
/// k = 20 a masked vector step after the full ones.
// CHECK-LABEL: func.func @dot_kernel_tails(
// CHECK-DAG:     %[[MASK:.+]] = arith.constant dense<[true, true, true, true, false, false, false, false, false, false, false, false, false, false, false, false]> : vector<16xi1>
// CHECK:         scf.for %{{.+}} = %c0 to %c6 step %c6
// CHECK:           scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c4
// CHECK:             vector.maskedload %{{.+}}, %[[MASK]]
// CHECK:         scf.for %{{.+}} = %c6 to %c7 step %c1
// CHECK:           scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c1
func.func @dot_kernel_tails(%x: memref<7x20xf32>, %w: memref<6x20xf32>,
                            %y: memref<7x6xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<7x20xf32>, memref<6x20xf32>)
      outs(%y : memref<7x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

#pv_p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#pv_v = affine_map<(b, h, i, e, j) -> (b, h floordiv 2, j, e)>
#pv_o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>

/// p v of grouped-query attention: n (= e) is contiguous in v and the
/// output, so the axpy kernel keeps a 6 x 64 tile of the output in
/// registers; the key/value head is h floordiv 2.
// CHECK-LABEL: func.func @axpy_kernel_gqa(
// CHECK-SAME:    %[[P:.+]]: memref<1x4x6x10xf32>, %[[V:.+]]: memref<1x2x10x64xf32>, %[[O:.+]]: memref<1x4x6x64xf32>
// CHECK:         scf.for %[[B:.+]] = %c0 to %c1
// CHECK:           scf.for %[[H:.+]] = %c0 to %c4
// CHECK:             scf.for {{.+}} step %c6
// CHECK-COUNT-24:      vector.load %[[O]]
// CHECK:               scf.for %[[J:.+]] = %c0 to %c10 step %c1 iter_args(
// CHECK:                 %[[KV:.+]] = affine.apply #{{.+}}(%[[B]], %[[H]], {{.+}})
// CHECK:                 vector.load %[[V]][%[[B]], %[[KV]], %[[J]], %{{.+}}]
// CHECK-COUNT-3:         vector.load %[[V]][%[[B]], %{{.+}}, %[[J]], %{{.+}}]
// CHECK:                 memref.load %[[P]]
// CHECK:                 vector.broadcast
// CHECK-COUNT-4:         vector.fma
// CHECK-COUNT-24:      vector.store
func.func @axpy_kernel_gqa(%p: memref<1x4x6x10xf32>, %v: memref<1x2x10x64xf32>,
                           %o: memref<1x4x6x64xf32>) {
  linalg.generic {indexing_maps = [#pv_p, #pv_v, #pv_o],
                  iterator_types = ["parallel", "parallel", "parallel",
                                    "parallel", "reduction"]}
      ins(%p, %v : memref<1x4x6x10xf32>, memref<1x2x10x64xf32>)
      outs(%o : memref<1x4x6x64xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  }
  return
}

// -----

#st_k = affine_map<(i, j, e) -> (i, e)>
#st_q = affine_map<(i, j, e) -> (e, j)>
#st_s = affine_map<(i, j, e) -> (i, j)>
#fill = affine_map<(i, j) -> ()>
#id = affine_map<(i, j) -> (i, j)>

/// A contraction into a buffer just set to zero (as the linalg.fill
/// generalized to a generic, with a view in between that touches no
/// memory): the fill is dropped, and each tile starts from zero registers
/// instead of loading C.
// CHECK-LABEL: func.func @axpy_kernel_from_zero(
// CHECK-SAME:    %[[K:.+]]: memref<12x8xf32>, %[[QT:.+]]: memref<8x64xf32>, %[[S:.+]]: memref<12x64xf32>
// CHECK-DAG:     %[[ZERO:.+]] = arith.constant dense<0.000000e+00> : vector<16xf32>
// CHECK-NOT:     linalg.generic
// CHECK-NOT:     vector.load %[[S]]
// CHECK:         scf.for %{{.+}} = %c0 to %c8 step %c1 iter_args(%{{.+}} = %[[ZERO]], %{{.+}} = %[[ZERO]],
// CHECK-COUNT-24: vector.store %{{.+}}, %[[S]]
func.func @axpy_kernel_from_zero(%k: memref<12x8xf32>, %qt: memref<8x64xf32>,
                                 %s: memref<12x64xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.generic {indexing_maps = [#fill, #id],
                  iterator_types = ["parallel", "parallel"]}
      ins(%zero : f32) outs(%s : memref<12x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  }
  %view = memref.subview %k[0, 0] [12, 8] [1, 1]
      : memref<12x8xf32> to memref<12x8xf32, strided<[8, 1]>>
  linalg.generic {indexing_maps = [#st_k, #st_q, #st_s],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%view, %qt : memref<12x8xf32, strided<[8, 1]>>, memref<8x64xf32>)
      outs(%s : memref<12x64xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  }
  return
}

// -----

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// The dot kernel from a linalg.fill of zero: the horizontal sums are
/// stored without reading C.
// CHECK-LABEL: func.func @dot_kernel_from_zero(
// CHECK-SAME:    %[[X:.+]]: memref<6x64xf32>, %[[W:.+]]: memref<4x64xf32>, %[[Y:.+]]: memref<6x4xf32>
// CHECK-NOT:     linalg.fill
// CHECK-NOT:     memref.load %[[Y]]
// CHECK:         %[[SUM:.+]] = vector.reduction <add>
// CHECK-NEXT:    memref.store %[[SUM]], %[[Y]]
func.func @dot_kernel_from_zero(%x: memref<6x64xf32>, %w: memref<4x64xf32>,
                                %y: memref<6x4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%y : memref<6x4xf32>)
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<6x64xf32>, memref<4x64xf32>)
      outs(%y : memref<6x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %p : f32
    linalg.yield %r : f32
  }
  return
}

// -----

#st_k = affine_map<(i, j, e) -> (i, e)>
#st_q = affine_map<(i, j, e) -> (e, j)>
#st_s = affine_map<(i, j, e) -> (i, j)>

/// Fills the kernel must keep: of a value other than +0.0, of another
/// buffer, or with a write of C in between. Each kernel loads its C tile.
// CHECK-LABEL: func.func @negative_fills_kept(
// CHECK:         linalg.fill ins(%{{.+}} : f32) outs(%[[S1:.+]] : memref<6x16xf32>)
// CHECK:         vector.load %[[S1]]
// CHECK:         linalg.fill ins(%{{.+}} : f32) outs(%[[OTHER:.+]] : memref<6x16xf32>)
// CHECK:         vector.load %[[S2:[^\[]+]]
// CHECK:         linalg.fill ins(%{{.+}} : f32) outs(%[[S3:.+]] : memref<6x16xf32>)
// CHECK-NEXT:    memref.store
// CHECK:         vector.load %[[S3]]
func.func @negative_fills_kept(%k: memref<6x8xf32>, %qt: memref<8x16xf32>,
                               %s1: memref<6x16xf32>, %s2: memref<6x16xf32>,
                               %other: memref<6x16xf32>,
                               %s3: memref<6x16xf32>) {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %c0 = arith.constant 0 : index
  linalg.fill ins(%one : f32) outs(%s1 : memref<6x16xf32>)
  linalg.generic {indexing_maps = [#st_k, #st_q, #st_s],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%k, %qt : memref<6x8xf32>, memref<8x16xf32>)
      outs(%s1 : memref<6x16xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  }
  linalg.fill ins(%zero : f32) outs(%other : memref<6x16xf32>)
  linalg.generic {indexing_maps = [#st_k, #st_q, #st_s],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%k, %qt : memref<6x8xf32>, memref<8x16xf32>)
      outs(%s2 : memref<6x16xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  }
  linalg.fill ins(%zero : f32) outs(%s3 : memref<6x16xf32>)
  memref.store %one, %s3[%c0, %c0] : memref<6x16xf32>
  linalg.generic {indexing_maps = [#st_k, #st_q, #st_s],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%k, %qt : memref<6x8xf32>, memref<8x16xf32>)
      outs(%s3 : memref<6x16xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  }
  return
}

// -----

#st_k = affine_map<(i, j, e) -> (i, e)>
#st_q = affine_map<(i, j, e) -> (e, j)>
#st_s = affine_map<(i, j, e) -> (i, j)>
#fill1 = affine_map<(j) -> ()>
#id1 = affine_map<(j) -> (j)>
#id2 = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>

/// A column maximum of C right after the axpy kernel (tiled attention's
/// block maximum over keys, x > a ? x : a): taken into the epilogue of the
/// tiles, which fold their rows in order into M while in registers; the
/// kernel moves after M's -inf fill, and the maximum's pass over C goes.
/// With threads (PAR), a kernel whose row tiles may run in parallel keeps
/// the separate maximum.
// CHECK-LABEL: func.func @axpy_column_max(
// CHECK-SAME:    %[[K:.+]]: memref<12x8xf32>, %[[QT:.+]]: memref<8x64xf32>, %[[S:.+]]: memref<12x64xf32>
// CHECK:         %[[M:.+]] = memref.alloc() : memref<64xf32>
// CHECK:         linalg.generic {{.+}} outs(%[[M]] : memref<64xf32>)
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for %{{.+}} = %c0 to %c8 step %c1 iter_args(
// CHECK-COUNT-24:    vector.store %{{.+}}, %[[S]]
// CHECK:             %[[M0:.+]] = vector.load %[[M]][%{{.+}}] : memref<64xf32>, vector<16xf32>
// CHECK-NEXT:        %[[GT0:.+]] = arith.cmpf ogt, %{{.+}}, %[[M0]] : vector<16xf32>
// CHECK-NEXT:        %[[M1:.+]] = arith.select %[[GT0]], %{{.+}}, %[[M0]] : vector<16xi1>, vector<16xf32>
// CHECK-COUNT-5:     arith.select
// CHECK-NEXT:        vector.store %{{.+}}, %[[M]][%{{.+}}] : memref<64xf32>, vector<16xf32>
// CHECK-NOT:     linalg.generic
// CHECK:         return %[[M]]
// PAR-LABEL: func.func @axpy_column_max(
// PAR:         scf.parallel
// PAR:         linalg.generic {{.+}} iterator_types = ["reduction", "parallel"]
func.func @axpy_column_max(%k: memref<12x8xf32>, %qt: memref<8x64xf32>,
                           %s: memref<12x64xf32>) -> memref<64xf32> {
  %neg_inf = arith.constant 0xFF800000 : f32
  linalg.generic {indexing_maps = [#st_k, #st_q, #st_s],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%k, %qt : memref<12x8xf32>, memref<8x64xf32>)
      outs(%s : memref<12x64xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %p : f32
    linalg.yield %r : f32
  }
  %m = memref.alloc() : memref<64xf32>
  linalg.generic {indexing_maps = [#fill1, #id1],
                  iterator_types = ["parallel"]}
      ins(%neg_inf : f32) outs(%m : memref<64xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  }
  linalg.generic {indexing_maps = [#id2, #col],
                  iterator_types = ["reduction", "parallel"]}
      ins(%s : memref<12x64xf32>) outs(%m : memref<64xf32>) {
  ^bb0(%x: f32, %a: f32):
    %gt = arith.cmpf ogt, %x, %a : f32
    %max = arith.select %gt, %x, %a : f32
    linalg.yield %max : f32
  }
  return %m : memref<64xf32>
}

// -----

#st_k = affine_map<(i, j, e) -> (i, e)>
#st_q = affine_map<(i, j, e) -> (e, j)>
#st_s = affine_map<(i, j, e) -> (i, j)>
#id2 = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>

/// arith.maximumf is folded in as arith.maximumf (its NaN and signed-zero
/// order kept); 20 columns: one whole vector and a masked one.
// CHECK-LABEL: func.func @axpy_column_maximumf(
// CHECK-SAME:    %{{.+}}: memref<3x20xf32>
// CHECK:         %[[M:.+]] = memref.alloc() : memref<20xf32>
// CHECK:         linalg.fill {{.+}} outs(%[[M]] : memref<20xf32>)
// CHECK:         vector.load %[[M]]
// CHECK-COUNT-3: arith.maximumf %{{.+}} : vector<16xf32>
// CHECK:         vector.store %{{.+}}, %[[M]]
// CHECK:         vector.maskedload %[[M]]
// CHECK-COUNT-3: arith.maximumf %{{.+}} : vector<16xf32>
// CHECK:         vector.maskedstore %[[M]]
// CHECK-NOT:     linalg.generic
func.func @axpy_column_maximumf(%k: memref<3x8xf32>, %qt: memref<8x20xf32>,
                                %s: memref<3x20xf32>) -> memref<20xf32> {
  %neg_inf = arith.constant 0xFF800000 : f32
  linalg.generic {indexing_maps = [#st_k, #st_q, #st_s],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%k, %qt : memref<3x8xf32>, memref<8x20xf32>)
      outs(%s : memref<3x20xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %p : f32
    linalg.yield %r : f32
  }
  %m = memref.alloc() : memref<20xf32>
  linalg.fill ins(%neg_inf : f32) outs(%m : memref<20xf32>)
  linalg.generic {indexing_maps = [#id2, #col],
                  iterator_types = ["reduction", "parallel"]}
      ins(%s : memref<3x20xf32>) outs(%m : memref<20xf32>) {
  ^bb0(%x: f32, %a: f32):
    %max = arith.maximumf %x, %a : f32
    linalg.yield %max : f32
  }
  return %m : memref<20xf32>
}

// -----

#st_k = affine_map<(i, j, e) -> (i, e)>
#st_q = affine_map<(i, j, e) -> (e, j)>
#st_s = affine_map<(i, j, e) -> (i, j)>
#id2 = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>

/// Column maxima the kernel must leave as they are: C changed in between
/// (a scale, as a mask would), and a maximum into a buffer that is not
/// fresh (the caller's, which might alias the operands).
// CHECK-LABEL: func.func @negative_column_max(
// CHECK-COUNT-2: linalg.generic {{.+}} iterator_types = ["reduction", "parallel"]
func.func @negative_column_max(%k: memref<6x8xf32>, %qt: memref<8x16xf32>,
                               %s: memref<6x16xf32>, %s2: memref<6x16xf32>,
                               %out: memref<16xf32>) -> memref<16xf32> {
  %two = arith.constant 2.0 : f32
  linalg.generic {indexing_maps = [#st_k, #st_q, #st_s],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%k, %qt : memref<6x8xf32>, memref<8x16xf32>)
      outs(%s : memref<6x16xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %p : f32
    linalg.yield %r : f32
  }
  linalg.generic {indexing_maps = [#id2],
                  iterator_types = ["parallel", "parallel"]}
      outs(%s : memref<6x16xf32>) {
  ^bb0(%x: f32):
    %y = arith.mulf %x, %two : f32
    linalg.yield %y : f32
  }
  %m = memref.alloc() : memref<16xf32>
  linalg.generic {indexing_maps = [#id2, #col],
                  iterator_types = ["reduction", "parallel"]}
      ins(%s : memref<6x16xf32>) outs(%m : memref<16xf32>) {
  ^bb0(%x: f32, %a: f32):
    %max = arith.maximumf %x, %a : f32
    linalg.yield %max : f32
  }
  linalg.generic {indexing_maps = [#st_k, #st_q, #st_s],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%k, %qt : memref<6x8xf32>, memref<8x16xf32>)
      outs(%s2 : memref<6x16xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %p : f32
    linalg.yield %r : f32
  }
  linalg.generic {indexing_maps = [#id2, #col],
                  iterator_types = ["reduction", "parallel"]}
      ins(%s2 : memref<6x16xf32>) outs(%out : memref<16xf32>) {
  ^bb0(%x: f32, %a: f32):
    %max = arith.maximumf %x, %a : f32
    linalg.yield %max : f32
  }
  return %m : memref<16xf32>
}

// -----

#qw_q = affine_map<(b, i, e, d) -> (b, i, d)>
#qw_w = affine_map<(b, i, e, d) -> (d, e)>
#qw_o = affine_map<(b, i, e, d) -> (b, i, e)>

/// n = 20 is one whole vector and a masked one of 4 lanes.
// CHECK-LABEL: func.func @axpy_kernel_masked_columns(
// CHECK-DAG:     %[[MASK:.+]] = arith.constant dense<[true, true, true, true, false, {{.+}}]> : vector<16xi1>
// CHECK:         vector.maskedload %{{.+}}, %[[MASK]]
// CHECK:         vector.maskedstore %{{.+}}, %[[MASK]]
func.func @axpy_kernel_masked_columns(%q: memref<2x3x8xf32>,
                                      %w: memref<8x20xf32>,
                                      %o: memref<2x3x20xf32>) {
  linalg.generic {indexing_maps = [#qw_q, #qw_w, #qw_o],
                  iterator_types = ["parallel", "parallel", "parallel",
                                    "reduction"]}
      ins(%q, %w : memref<2x3x8xf32>, memref<8x20xf32>)
      outs(%o : memref<2x3x20xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  }
  return
}

// -----

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// What the kernels leave alone: a body that is not a multiply-add, a
/// dynamic size, an inner dimension with a stride, and tensors.
// CHECK-LABEL: func.func @negative_not_mul_add(
// CHECK:         linalg.generic
func.func @negative_not_mul_add(%x: memref<8x64xf32>, %w: memref<12x64xf32>,
                                %y: memref<8x12xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<8x64xf32>, memref<12x64xf32>)
      outs(%y : memref<8x12xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.subf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

/// A dynamic number of rows (a batch, a sequence): full tiles of 6 rows up
/// to the last whole tile, then one shorter tile whose size (1 to 5) is
/// chosen at run time, each a kernel of its own.
// CHECK-LABEL: func.func @dynamic_rows(
// CHECK-SAME:      %{{.+}}: memref<?x64xf32>, %{{.+}}: memref<12x64xf32>, %[[Y:.+]]: memref<?x12xf32>)
// CHECK:         %[[M:.+]] = memref.dim %[[Y]], %c0
// CHECK:         %[[TILES:.+]] = arith.divui %[[M]], %c6
// CHECK:         %[[FULL:.+]] = arith.muli %[[TILES]], %c6
// CHECK:         scf.for %{{.+}} = %c0 to %[[FULL]] step %c6
// CHECK:           vector.fma
// CHECK:         %[[REST:.+]] = arith.subi %[[M]], %[[FULL]]
// CHECK:         scf.index_switch %[[REST]]
// CHECK:         case 1 {
// CHECK:         case 5 {
// CHECK:         default {
// CHECK-NOT:     linalg.generic
func.func @dynamic_rows(%x: memref<?x64xf32>, %w: memref<12x64xf32>,
                        %y: memref<?x12xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<?x64xf32>, memref<12x64xf32>)
      outs(%y : memref<?x12xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

/// Only the rows may be dynamic: a dynamic k is left as a generic.
// CHECK-LABEL: func.func @negative_dynamic_k(
// CHECK:         linalg.generic
func.func @negative_dynamic_k(%x: memref<8x?xf32>, %w: memref<12x?xf32>,
                              %y: memref<8x12xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<8x?xf32>, memref<12x?xf32>)
      outs(%y : memref<8x12xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// CHECK-LABEL: func.func @negative_strided_inner(
// CHECK:         linalg.generic
func.func @negative_strided_inner(
    %x: memref<8x64xf32, strided<[1, 8]>>, %w: memref<12x64xf32>,
    %y: memref<8x12xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<8x64xf32, strided<[1, 8]>>, memref<12x64xf32>)
      outs(%y : memref<8x12xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// CHECK-LABEL: func.func @negative_tensors(
// CHECK:         linalg.generic
func.func @negative_tensors(%x: tensor<8x64xf32>, %w: tensor<12x64xf32>,
                            %y: tensor<8x12xf32>) -> tensor<8x12xf32> {
  %r = linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                       iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<8x64xf32>, tensor<12x64xf32>)
      outs(%y : tensor<8x12xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<8x12xf32>
  return %r : tensor<8x12xf32>
}

// -----

#nn_a = affine_map<(i, j, k) -> (i, k)>
#nn_b = affine_map<(i, j, k) -> (k, j)>
#nn_c = affine_map<(i, j, k) -> (i, j)>

/// The axpy kernel over dynamic n and k (a block of tiled attention over a
/// dynamic length): full panels of 4 vectors up to the last whole one, the
/// whole vectors after them as one narrower panel of 1 to 3 vectors chosen
/// at run time, then the last partial vector under a mask of the lanes left
/// ([0, 1, ..] < lanes); the k loop runs to the dynamic size.
// CHECK-LABEL: func.func @axpy_dynamic_columns(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: memref<8x?xf32>, %{{.+}}: memref<?x?xf32>, %[[Y:[a-zA-Z0-9_]+]]: memref<8x?xf32>)
// CHECK:         %[[N:.+]] = memref.dim %[[Y]], %c1
// CHECK:         %[[PANELS:.+]] = arith.divui %[[N]], %c64
// CHECK:         %[[FULL:.+]] = arith.muli %[[PANELS]], %c64
// CHECK:         scf.for %{{.+}} = %c0 to %[[FULL]] step %c64
// CHECK:           %[[K:.+]] = memref.dim %[[X]], %c1
// CHECK:           scf.for %{{.+}} = %c0 to %[[K]] step %c1 iter_args({{.*}}) -> (vector<16xf32>,
// CHECK:         scf.index_switch
// CHECK:         case 1 {
// CHECK:         case 3 {
// CHECK:         %[[LANES:.+]] = arith.subi %[[N]], %{{.+}}
// CHECK:         %[[PARTIAL:.+]] = arith.cmpi sgt, %[[LANES]], %c0
// CHECK:         scf.if %[[PARTIAL]] {
// CHECK:           %[[BOUND:.+]] = vector.broadcast %{{.+}} : i32 to vector<16xi32>
// CHECK:           %[[MASK:.+]] = arith.cmpi slt, %{{.+}}, %[[BOUND]] : vector<16xi32>
// CHECK:           vector.maskedload %[[Y]][%{{.+}}], %[[MASK]]
// CHECK-NOT:     linalg.generic
func.func @axpy_dynamic_columns(%x: memref<8x?xf32>, %w: memref<?x?xf32>,
                                %y: memref<8x?xf32>) {
  linalg.generic {indexing_maps = [#nn_a, #nn_b, #nn_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<8x?xf32>, memref<?x?xf32>)
      outs(%y : memref<8x?xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}
