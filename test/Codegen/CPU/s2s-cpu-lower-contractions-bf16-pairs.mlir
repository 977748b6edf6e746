// RUN: s2s-opt %s --s2s-cpu-lower-contractions=bf16-dot -split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="bf16-dot pack-min-rows=1" -split-input-file | FileCheck %s --check-prefix=PACKED
// RUN: s2s-opt %s --s2s-cpu-lower-contractions -split-input-file | FileCheck %s --check-prefix=ROUND
// RUN: not s2s-opt %s --s2s-cpu-lower-contractions="bf16-dot vector-bits=256" -split-input-file 2>&1 | FileCheck %s --check-prefix=ERR

// bf16 products (s2s-linalg-bf16-weights round-activations): A rounded to
// bf16 in the body, B stored as bf16. With bf16-dot (AVX512-BF16), A is
// rounded once into a buffer of pairs (two bf16 per i32) and the kernels
// multiply pairs with vdpbf16ps. Without it, the kernels round A as they
// load it and run their f32 FMAs: the same products on every target.

// ERR: option 'bf16-dot' needs vector-bits=512, but vector-bits is 256

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

// The dot kernel: 16 pairs of A from the buffer, 32 bf16 of B as stored.
// CHECK-LABEL: func.func @dot_pairs(
// CHECK-SAME:    %[[X:.+]]: memref<4x64xf32>, %[[W:.+]]: memref<8x64xbf16>
// CHECK:         %[[P:.+]] = memref.alloca() {{.*}} : memref<4x32xi32>
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             %[[R:.+]] = vector.load %[[X]]{{.+}} : memref<4x64xf32>, vector<16xf32>
// CHECK:             %[[N:.+]] = arith.truncf %[[R]] : vector<16xf32> to vector<16xbf16>
// CHECK:             %[[I:.+]] = vector.bitcast %[[N]] : vector<16xbf16> to vector<8xi32>
// CHECK:             vector.store %[[I]], %[[P]]
// CHECK:         scf.for {{.+}} iter_args(
// CHECK:           %[[AI:.+]] = vector.load %[[P]]{{.+}} : memref<4x32xi32>, vector<16xi32>
// CHECK:           %[[A:.+]] = vector.bitcast %[[AI]] : vector<16xi32> to vector<32xbf16>
// CHECK:           %[[B:.+]] = vector.load %[[W]]{{.+}} : memref<8x64xbf16>, vector<32xbf16>
// CHECK:           llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"({{.+}}, %[[A]], %[[B]]) : (vector<16xf32>, vector<32xbf16>, vector<32xbf16>) -> vector<16xf32>
// CHECK:         vector.reduction <add>
// CHECK-NOT:     linalg.generic

// Without bf16-dot: A rounded once into an f32 copy (on the stack: small
// and static), which the kernel reads as it is; f32 FMAs on widened
// weights.
// ROUND-LABEL: func.func @dot_pairs(
// ROUND-SAME:    %[[X:.+]]: memref<4x64xf32>, %[[W:.+]]: memref<8x64xbf16>
// ROUND:         %[[COPY:.+]] = memref.alloca() {{.*}} : memref<4x64xf32>
// ROUND:         scf.for
// ROUND:           scf.for
// ROUND:             %[[S:.+]] = memref.load %[[X]]
// ROUND:             %[[N:.+]] = arith.truncf %[[S]] : f32 to bf16
// ROUND:             %[[R:.+]] = arith.extf %[[N]] : bf16 to f32
// ROUND:             memref.store %[[R]], %[[COPY]]
// ROUND-NOT:     arith.truncf
// ROUND:         %[[A:.+]] = vector.load %[[COPY]]{{.+}} : memref<4x64xf32>, vector<16xf32>
// ROUND:         %[[B:.+]] = vector.load %[[W]]{{.+}} : memref<8x64xbf16>, vector<16xbf16>
// ROUND:         %[[BW:.+]] = arith.extf %[[B]] : vector<16xbf16> to vector<16xf32>
// ROUND:         vector.fma %[[A]], %[[BW]]
// ROUND-NOT:     llvm.call_intrinsic
// ROUND-NOT:     arith.truncf
// ROUND:         return
func.func @dot_pairs(%x: memref<4x64xf32>, %w: memref<8x64xbf16>,
                     %y: memref<4x8xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<4x64xf32>, memref<8x64xbf16>)
      outs(%y : memref<4x8xf32>) {
  ^bb0(%a: f32, %b: bf16, %acc: f32):
    %an = arith.truncf %a : f32 to bf16
    %aw = arith.extf %an : bf16 to f32
    %bw = arith.extf %b : bf16 to f32
    %p = arith.mulf %aw, %bw : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

// Packed: panels of 32-bit pairs, 16 rows of W (32 k each) transposed in
// registers; the tile broadcasts one pair of A per row.
// PACKED-LABEL: func.func @packed_pairs(
// PACKED-SAME:    %[[X:.+]]: memref<8x64xf32>, %[[W:.+]]: memref<16x64xbf16>
// PACKED-DAG:     %[[BUF:.+]] = memref.alloca() {{.*}} : memref<1x32x64xi32>
// PACKED-DAG:     %[[P:.+]] = memref.alloca() {{.*}} : memref<8x32xi32>
// PACKED:         arith.truncf {{.+}} : vector<16xf32> to vector<16xbf16>
// PACKED:         %[[B:.+]] = vector.load %[[W]]{{.+}} : memref<16x64xbf16>, vector<32xbf16>
// PACKED:         vector.bitcast %[[B]] : vector<32xbf16> to vector<16xi32>
// PACKED:         vector.shuffle {{.+}} : vector<16xi32>, vector<16xi32>
// PACKED:         vector.store {{.+}}, %[[BUF]]{{.+}} : memref<1x32x64xi32>, vector<16xi32>
// PACKED:         scf.for {{.+}} iter_args(
// PACKED:           %[[PB:.+]] = vector.load %[[BUF]]{{.+}} : memref<1x32x64xi32>, vector<16xi32>
// PACKED:           %[[BP:.+]] = vector.bitcast %[[PB]] : vector<16xi32> to vector<32xbf16>
// PACKED:           %[[AI:.+]] = memref.load %[[P]]{{.+}} : memref<8x32xi32>
// PACKED:           %[[AS:.+]] = vector.broadcast %[[AI]] : i32 to vector<16xi32>
// PACKED:           %[[A:.+]] = vector.bitcast %[[AS]] : vector<16xi32> to vector<32xbf16>
// PACKED:           llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"({{.+}}, %[[A]], %[[BP]])
// PACKED-NOT:     linalg.generic
func.func @packed_pairs(%x: memref<8x64xf32>, %w: memref<16x64xbf16>,
                        %y: memref<8x16xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<8x64xf32>, memref<16x64xbf16>)
      outs(%y : memref<8x16xf32>) {
  ^bb0(%a: f32, %b: bf16, %acc: f32):
    %an = arith.truncf %a : f32 to bf16
    %aw = arith.extf %an : bf16 to f32
    %bw = arith.extf %b : bf16 to f32
    %p = arith.mulf %aw, %bw : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// The axpy kernel: rows k and k + 1 of W interleaved into pairs.

#a = affine_map<(i, j, k) -> (i, k)>
#b = affine_map<(i, j, k) -> (k, j)>
#c = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @axpy_pairs(
// CHECK-SAME:    %[[X:.+]]: memref<4x64xf32>, %[[W:.+]]: memref<64x32xbf16>
// CHECK:         %[[P:.+]] = memref.alloca() {{.*}} : memref<4x32xi32>
// CHECK:         scf.for {{.+}} iter_args(
// CHECK:           %[[B0:.+]] = vector.load %[[W]]{{.+}} : memref<64x32xbf16>, vector<16xbf16>
// CHECK:           %[[B1:.+]] = vector.load %[[W]]{{.+}} : memref<64x32xbf16>, vector<16xbf16>
// CHECK:           %[[B:.+]] = vector.shuffle %[[B0]], %[[B1]] [0, 16, 1, 17, 2, 18, {{.+}}, 15, 31] : vector<16xbf16>, vector<16xbf16>
// CHECK:           %[[AI:.+]] = memref.load %[[P]]{{.+}} : memref<4x32xi32>
// CHECK:           %[[AS:.+]] = vector.broadcast %[[AI]] : i32 to vector<16xi32>
// CHECK:           %[[A:.+]] = vector.bitcast %[[AS]] : vector<16xi32> to vector<32xbf16>
// CHECK:           llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"({{.+}}, %[[A]], %[[B]])

// ROUND-LABEL: func.func @axpy_pairs(
// ROUND:         %[[COPY:.+]] = memref.alloca() {{.*}} : memref<4x64xf32>
// ROUND:             arith.truncf {{.+}} : f32 to bf16
// ROUND:         scf.for {{.+}} iter_args(
// ROUND:           memref.load %[[COPY]]{{.+}} : memref<4x64xf32>
// ROUND-NOT:       arith.truncf
// ROUND:           vector.fma
func.func @axpy_pairs(%x: memref<4x64xf32>, %w: memref<64x32xbf16>,
                      %y: memref<4x32xf32>) {
  linalg.generic {indexing_maps = [#a, #b, #c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<4x64xf32>, memref<64x32xbf16>)
      outs(%y : memref<4x32xf32>) {
  ^bb0(%a: f32, %b: bf16, %acc: f32):
    %an = arith.truncf %a : f32 to bf16
    %aw = arith.extf %an : bf16 to f32
    %bw = arith.extf %b : bf16 to f32
    %p = arith.mulf %aw, %bw : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A read-only in the loop: its pairs are made once before it (if it runs),
// with the pre-packed panels of W; the loop only multiplies.

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @invariant_a(
// CHECK-SAME:    %[[X:.+]]: memref<2x64xf32>, %[[W:.+]]: memref<16x64xbf16>
// CHECK:         %[[P:.+]] = memref.alloca() {{.*}} : memref<2x32xi32>
// CHECK:         %[[RUNS:.+]] = arith.cmpi slt, %{{.+}}, %[[N:.+]] : index
// CHECK:         scf.if %[[RUNS]] {
// CHECK:           arith.truncf {{.+}} : vector<16xf32> to vector<16xbf16>
// CHECK:         %[[BUF:.+]] = memref.alloc() {{.*}} : memref<1x32x64xi32>
// CHECK:         scf.for %{{.+}} = %{{.+}} to %{{.+}} step
// CHECK-NOT:       arith.truncf
// CHECK:           llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"
// CHECK:         memref.dealloc %[[BUF]]
// Without bf16-dot: the f32 copy of rounded A likewise, once before the loop.
// ROUND-LABEL: func.func @invariant_a(
// ROUND:         %[[COPY:.+]] = memref.alloca() {{.*}} : memref<2x64xf32>
// ROUND:         %[[RUNS:.+]] = arith.cmpi slt, %{{.+}}, %[[N:.+]] : index
// ROUND:         scf.if %[[RUNS]] {
// ROUND:               arith.truncf {{.+}} : f32 to bf16
// ROUND:         scf.for %{{.+}} = %{{.+}} to %[[N]] step
// ROUND-NOT:       arith.truncf
// ROUND:           vector.fma
// ROUND:         return
func.func @invariant_a(%x: memref<2x64xf32>, %w: memref<16x64xbf16>,
                       %y: memref<2x16xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %t = %c0 to %n step %c1 {
    linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                    iterator_types = ["parallel", "parallel", "reduction"]}
        ins(%x, %w : memref<2x64xf32>, memref<16x64xbf16>)
        outs(%y : memref<2x16xf32>) {
    ^bb0(%a: f32, %b: bf16, %acc: f32):
      %an = arith.truncf %a : f32 to bf16
      %aw = arith.extf %an : bf16 to f32
      %bw = arith.extf %b : bf16 to f32
      %p = arith.mulf %aw, %bw : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
  }
  return
}

// -----

// A written in the loop (a recurrent state): rounded at every run, inside.

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @written_a(
// CHECK:         memref.alloc() {{.*}} : memref<1x32x64xi32>
// CHECK:         scf.for
// CHECK:           memref.copy
// CHECK:           arith.truncf {{.+}} : vector<16xf32> to vector<16xbf16>
// CHECK:           llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"
// ROUND-LABEL: func.func @written_a(
// ROUND:         scf.for
// ROUND:           memref.copy
// ROUND:           arith.truncf {{.+}} : f32 to bf16
// ROUND:           vector.fma
func.func @written_a(%x: memref<2x64xf32>, %w: memref<16x64xbf16>,
                     %y: memref<2x16xf32>, %h: memref<2x64xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %t = %c0 to %n step %c1 {
    memref.copy %x, %h : memref<2x64xf32> to memref<2x64xf32>
    linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                    iterator_types = ["parallel", "parallel", "reduction"]}
        ins(%h, %w : memref<2x64xf32>, memref<16x64xbf16>)
        outs(%y : memref<2x16xf32>) {
    ^bb0(%a: f32, %b: bf16, %acc: f32):
      %an = arith.truncf %a : f32 to bf16
      %aw = arith.extf %an : bf16 to f32
      %bw = arith.extf %b : bf16 to f32
      %p = arith.mulf %aw, %bw : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
  }
  return
}

// -----

// A dynamic number of rows: the pairs of A on the heap, freed after.

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @dynamic_rows(
// CHECK-SAME:    %[[X:.+]]: memref<?x64xf32>
// CHECK:         %[[M:.+]] = memref.dim %[[X]], %{{.+}} : memref<?x64xf32>
// CHECK:         %[[P:.+]] = memref.alloc(%[[M]]) {{.*}} : memref<?x32xi32>
// CHECK:         llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"
// CHECK:         memref.dealloc %[[P]]
// Without bf16-dot: the f32 copy of A on the heap too.
// ROUND-LABEL: func.func @dynamic_rows(
// ROUND-SAME:    %[[X:.+]]: memref<?x64xf32>
// ROUND:         %[[M:.+]] = memref.dim %[[X]], %{{.+}} : memref<?x64xf32>
// ROUND:         %[[COPY:.+]] = memref.alloc(%[[M]]) {{.*}} : memref<?x64xf32>
// ROUND:         arith.truncf {{.+}} : f32 to bf16
// ROUND:         vector.fma
// ROUND:         memref.dealloc %[[COPY]]
func.func @dynamic_rows(%x: memref<?x64xf32>, %w: memref<16x64xbf16>,
                        %y: memref<?x16xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<?x64xf32>, memref<16x64xbf16>)
      outs(%y : memref<?x16xf32>) {
  ^bb0(%a: f32, %b: bf16, %acc: f32):
    %an = arith.truncf %a : f32 to bf16
    %aw = arith.extf %an : bf16 to f32
    %bw = arith.extf %b : bf16 to f32
    %p = arith.mulf %aw, %bw : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Limits: k not a multiple of 32 (48), or the weights as A and the rounded
// activations as B (W x): no pairs; the rounded operand copied once,
// rounded, and f32 FMAs.

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @k_48(
// CHECK-NOT:     llvm.call_intrinsic
// CHECK:         %[[COPY:.+]] = memref.alloca() {{.*}} : memref<4x48xf32>
// CHECK:             arith.truncf {{.+}} : f32 to bf16
// CHECK:         vector.load %[[COPY]]
// CHECK-NOT:     arith.truncf
// CHECK:         vector.fma
// CHECK-NOT:     llvm.call_intrinsic
// CHECK:         return
func.func @k_48(%x: memref<4x48xf32>, %w: memref<8x48xbf16>,
                %y: memref<4x8xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<4x48xf32>, memref<8x48xbf16>)
      outs(%y : memref<4x8xf32>) {
  ^bb0(%a: f32, %b: bf16, %acc: f32):
    %an = arith.truncf %a : f32 to bf16
    %aw = arith.extf %an : bf16 to f32
    %bw = arith.extf %b : bf16 to f32
    %p = arith.mulf %aw, %bw : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// CHECK-LABEL: func.func @weights_first(
// CHECK-SAME:    %[[W:.+]]: memref<4x64xbf16>, %[[X:.+]]: memref<8x64xf32>
// CHECK-NOT:     llvm.call_intrinsic
// CHECK:         %[[COPY:.+]] = memref.alloca() {{.*}} : memref<8x64xf32>
// CHECK:             arith.truncf {{.+}} : f32 to bf16
// CHECK:         vector.load %[[COPY]]{{.+}} : memref<8x64xf32>, vector<16xf32>
// CHECK-NOT:     arith.truncf
// CHECK:         vector.fma
// CHECK-NOT:     llvm.call_intrinsic
// CHECK:         return
func.func @weights_first(%w: memref<4x64xbf16>, %x: memref<8x64xf32>,
                         %y: memref<4x8xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%w, %x : memref<4x64xbf16>, memref<8x64xf32>)
      outs(%y : memref<4x8xf32>) {
  ^bb0(%a: bf16, %b: f32, %acc: f32):
    %aw = arith.extf %a : bf16 to f32
    %bn = arith.truncf %b : f32 to bf16
    %bw = arith.extf %bn : bf16 to f32
    %p = arith.mulf %aw, %bw : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// The axpy kernel's B, a slice of a buffer that no loop writes (a fused
// recurrent step's block of W_hh): the whole buffer interleaved into pairs
// once before the outermost loop, the kernel loading pairs as they are.
// One row (batch 1) makes too few accumulators to hide vdpbf16ps's
// latency: two sets, over alternate pairs, added at the end.

#a = affine_map<(i, j, k) -> (i, k)>
#b = affine_map<(i, j, k) -> (k, j)>
#c = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @interleaved_before_loop(
// CHECK-SAME:    %[[X:.+]]: memref<1x64xf32>, %[[W:.+]]: memref<2x64x32xbf16>
// CHECK:         %[[I:.+]] = memref.alloc() {{.*}} : memref<2x32x64xbf16>
// CHECK:         %[[R0:.+]] = vector.load %[[W]]{{.+}} : memref<2x64x32xbf16>, vector<16xbf16>
// CHECK:         %[[R1:.+]] = vector.load %[[W]]{{.+}} : memref<2x64x32xbf16>, vector<16xbf16>
// CHECK:         %[[P:.+]] = vector.shuffle %[[R0]], %[[R1]] [0, 16, 1, 17, {{.+}}] : vector<16xbf16>, vector<16xbf16>
// CHECK:         vector.store %[[P]], %[[I]]{{.+}} : memref<2x32x64xbf16>, vector<32xbf16>
// CHECK:         scf.for
// CHECK:           scf.for %[[BLK:.+]] = 
// CHECK:             %[[ACC:.+]]:4 = scf.for {{.+}} iter_args(
// CHECK-NOT:           vector.shuffle
// CHECK:               vector.load %[[I]][%[[BLK]], {{.+}}] : memref<2x32x64xbf16>, vector<32xbf16>
// CHECK:               llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"
// CHECK:             arith.addf %[[ACC]]#0, %[[ACC]]#2 : vector<16xf32>
// CHECK:             arith.addf %[[ACC]]#1, %[[ACC]]#3 : vector<16xf32>
// CHECK:         memref.dealloc %[[I]]
func.func @interleaved_before_loop(%x: memref<1x64xf32>, %w: memref<2x64x32xbf16>,
                                   %y: memref<1x32xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.for %t = %c0 to %n step %c1 {
    scf.for %blk = %c0 to %c2 step %c1 {
      %wb = memref.subview %w[%blk, 0, 0] [1, 64, 32] [1, 1, 1]
          : memref<2x64x32xbf16> to memref<64x32xbf16, strided<[32, 1], offset: ?>>
      linalg.generic {indexing_maps = [#a, #b, #c],
                      iterator_types = ["parallel", "parallel", "reduction"]}
          ins(%x, %wb : memref<1x64xf32>, memref<64x32xbf16, strided<[32, 1], offset: ?>>)
          outs(%y : memref<1x32xf32>) {
      ^bb0(%a: f32, %b: bf16, %acc: f32):
        %an = arith.truncf %a : f32 to bf16
        %aw = arith.extf %an : bf16 to f32
        %bw = arith.extf %b : bf16 to f32
        %p = arith.mulf %aw, %bw : f32
        %s = arith.addf %acc, %p : f32
        linalg.yield %s : f32
      }
    }
  }
  return
}

// -----

// A rounding other than to nearest even is not the kernels': the
// contraction is left to the loop lowering.

#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @toward_zero(
// CHECK:         linalg.generic
// CHECK:           arith.truncf {{.+}} toward_zero : f32 to bf16
// ROUND-LABEL: func.func @toward_zero(
// ROUND:         linalg.generic
// PACKED-LABEL: func.func @toward_zero(
// PACKED:         linalg.generic
func.func @toward_zero(%x: memref<4x64xf32>, %w: memref<8x64xbf16>,
                       %y: memref<4x8xf32>) {
  linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<4x64xf32>, memref<8x64xbf16>)
      outs(%y : memref<4x8xf32>) {
  ^bb0(%a: f32, %b: bf16, %acc: f32):
    %an = arith.truncf %a toward_zero : f32 to bf16
    %aw = arith.extf %an : bf16 to f32
    %bw = arith.extf %b : bf16 to f32
    %p = arith.mulf %aw, %bw : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}
