// RUN: not s2s-opt %s --s2s-cpu-lower-contractions="vector-bits=7" 2>&1 | FileCheck %s --check-prefix=BITS7
// RUN: not s2s-opt %s --s2s-cpu-lower-contractions="vector-bits=100" 2>&1 | FileCheck %s --check-prefix=BITS100
// RUN: not s2s-opt %s --s2s-cpu-lower-contractions="dot-rows=-1" 2>&1 | FileCheck %s --check-prefix=ROWS
// RUN: not s2s-opt %s --s2s-cpu-lower-contractions="vector-registers=-2" 2>&1 | FileCheck %s --check-prefix=REGS
// RUN: not s2s-opt %s --s2s-cpu-lower-contractions="pack-depth=-1" 2>&1 | FileCheck %s --check-prefix=DEPTH

/// Register widths other than a vector unit's, and negative tile sizes and
/// register counts (0: from the target), are refused (vector-bits=7
/// divided by zero; 100 made 3-lane vectors).
// BITS7: error: s2s-cpu-lower-contractions: option 'vector-bits' must be 128, 256 or 512, but is 7
// BITS7-NOT: see current operation
// BITS100: error: s2s-cpu-lower-contractions: option 'vector-bits' must be 128, 256 or 512, but is 100
// ROWS: error: s2s-cpu-lower-contractions: option 'dot-rows' must be at least 0, but is -1
// REGS: error: s2s-cpu-lower-contractions: option 'vector-registers' must be at least 0, but is -2
// DEPTH: error: s2s-cpu-lower-contractions: option 'pack-depth' must be at least 1, but is -1
func.func @matmul(%a: memref<8x16xf32>, %b: memref<16x16xf32>,
    %c: memref<8x16xf32>) {
  linalg.matmul ins(%a, %b : memref<8x16xf32>, memref<16x16xf32>)
      outs(%c : memref<8x16xf32>)
  return
}
