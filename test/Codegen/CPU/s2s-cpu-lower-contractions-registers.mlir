// RUN: s2s-opt %s --s2s-cpu-lower-contractions="vector-bits=256" | FileCheck %s --check-prefix=SIXTEEN
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="vector-bits=512" | FileCheck %s --check-prefix=THIRTYTWO
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="vector-bits=256 vector-registers=32" | FileCheck %s --check-prefix=AVX2-32
// RUN: s2s-opt %s --s2s-cpu-lower-contractions="vector-bits=256 dot-rows=3 dot-cols=3" | FileCheck %s --check-prefix=GIVEN

/// The dot tile is as large as the target's vector registers hold without
/// spilling: with 16 (AVX2, SSE) 4 rows x 2 columns (8 accumulators, 4
/// vectors of A, one of B), with 32 (AVX-512, NEON) 6 x 4. The register
/// count follows the width (32 with 512 bits) unless vector-registers gives
/// it; dot-rows and dot-cols, when given, win.
// SIXTEEN:      scf.for %{{.+}} = %c0 to %c12 step %c4 {
// SIXTEEN:        scf.for %{{.+}} = %c0 to %{{.+}} step %c2 {
// SIXTEEN:          scf.for {{.+}} -> (vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>) {
// THIRTYTWO:    scf.for %{{.+}} = %c0 to %c12 step %c6 {
// THIRTYTWO:      scf.for %{{.+}} = %c0 to %{{.+}} step %c4 {
// THIRTYTWO:        %{{.+}}:24 = scf.for {{.+}} -> (vector<16xf32>,
// AVX2-32:      scf.for %{{.+}} = %c0 to %c12 step %c6 {
// AVX2-32:        scf.for %{{.+}} = %c0 to %{{.+}} step %c4 {
// AVX2-32:          %{{.+}}:24 = scf.for {{.+}} -> (vector<8xf32>,
// GIVEN:        scf.for %{{.+}} = %c0 to %c12 step %c3 {
// GIVEN:          scf.for %{{.+}} = %c0 to %{{.+}} step %c3 {
// GIVEN:            %{{.+}}:9 = scf.for

#a = affine_map<(m, n, k) -> (m, k)>
#b = affine_map<(m, n, k) -> (n, k)>
#c = affine_map<(m, n, k) -> (m, n)>
func.func @dot(%x: memref<12x64xf32>, %w: memref<8x64xf32>, %y: memref<12x8xf32>) {
  linalg.generic {indexing_maps = [#a, #b, #c], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<12x64xf32>, memref<8x64xf32>) outs(%y : memref<12x8xf32>) {
  ^bb0(%p: f32, %q: f32, %r: f32):
    %m = arith.mulf %p, %q : f32
    %s = arith.addf %r, %m : f32
    linalg.yield %s : f32
  }
  return
}
