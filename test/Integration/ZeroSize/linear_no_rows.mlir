// s2s.linear over 0 rows: an empty result.

// RUN: s2s-run %s --input=%S/Inputs/linear_no_rows/x.npy --input=%S/Inputs/linear_no_rows/w.npy --input=%S/Inputs/linear_no_rows/b.npy --expect=%S/Inputs/linear_no_rows/out.npy --quiet | FileCheck %s
// CHECK: result #0: matches {{.*}}/out.npy (0 elements

func.func @main(%x: tensor<0x7xf32>, %w: tensor<4x7xf32>, %b: tensor<4xf32>)
    -> tensor<0x4xf32> {
  %out = s2s.linear %x, %w, %b
      : (tensor<0x7xf32>, tensor<4x7xf32>, tensor<4xf32>) -> tensor<0x4xf32>
  return %out : tensor<0x4xf32>
}
