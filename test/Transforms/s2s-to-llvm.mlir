// RUN: s2s-opt %s --s2s-to-llvm -split-input-file | FileCheck %s

/// Only the llvm dialect is left (and s2s attributes: the status messages),
/// and no copy calls memrefCopy from MLIR's C
/// runner utilities (the strided copies into y[t, :, 0:H] and y[t, :, H:2H]
/// of a bidirectional layer would, without s2s-cpu-copies-to-linalg).
// RUN: s2s-opt %s --s2s-to-llvm -split-input-file | FileCheck %s --check-prefix=LLVM-ONLY
// LLVM-ONLY-NOT: {{[[:space:]"](arith|bufferization|cf|func|linalg|math|memref|scf|tensor|ub)\.[a-z_]+}}
// LLVM-ONLY-NOT: {{[[:space:]"]s2s\.[a-z_]+ [^=]}}
// LLVM-ONLY-NOT: memrefCopy

// The whole pipeline on a small encoder: a bidirectional LSTM, then a
// residual arith.addf on tensors (turned into linalg by the pipeline).

/// The C interface takes one pointer to a rank-3 memref descriptor per input
/// (x, w_ih, w_hh) and then one per output (the residual sum and h_n), which
/// the caller allocates, and returns the status of the checks of its
/// arguments (s2s-bufferization-return-status); the computation is in
/// @encoder_body.
/// The gates' exp and tanh are polynomial approximations: no libm call.
// CHECK-LABEL: llvm.func @encoder(
// CHECK-SAME:      -> i32 attributes {llvm.emit_c_interface, s2s.status_messages = ["argument #0 of @encoder: its memref descriptor must have offset 0, sizes [6, 2, 8] and row-major (C-order) strides",
// CHECK:         llvm.cond_br
// CHECK:         llvm.call @encoder_body(
// CHECK:         llvm.return %{{.+}} : i32
// CHECK-LABEL: llvm.func @_mlir_ciface_encoder(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: !llvm.ptr, %[[W_IH:[a-zA-Z0-9_]+]]: !llvm.ptr, %[[W_HH:[a-zA-Z0-9_]+]]: !llvm.ptr,
// CHECK-SAME:      %[[RES:[a-zA-Z0-9_]+]]: !llvm.ptr, %[[H_N:[a-zA-Z0-9_]+]]: !llvm.ptr) -> i32 attributes {llvm.emit_c_interface
// CHECK-DAG:     llvm.load %[[X]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<3 x i64>, array<3 x i64>)>
// CHECK-DAG:     llvm.load %[[W_IH]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<3 x i64>, array<3 x i64>)>
// CHECK-DAG:     llvm.load %[[W_HH]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<3 x i64>, array<3 x i64>)>
// CHECK-DAG:     llvm.load %[[RES]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<3 x i64>, array<3 x i64>)>
// CHECK-DAG:     llvm.load %[[H_N]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<3 x i64>, array<3 x i64>)>
// CHECK:         %[[STATUS:.+]] = llvm.call @encoder(
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-LABEL: llvm.func @encoder_body(
// CHECK-NOT:     llvm.intr.tanh
// CHECK-NOT:     llvm.intr.exp
// CHECK:         llvm.fadd
// CHECK:         llvm.return
func.func @encoder(%x: tensor<6x2x8xf32>, %w_ih: tensor<2x16x8xf32>,
    %w_hh: tensor<2x16x4xf32>) -> (tensor<6x2x8xf32>, tensor<2x2x4xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(4)
      direction bidirectional
      : (tensor<6x2x8xf32>, tensor<2x16x8xf32>, tensor<2x16x4xf32>)
      -> (tensor<6x2x8xf32>, tensor<2x2x4xf32>, tensor<2x2x4xf32>)
  %res = arith.addf %x, %y : tensor<6x2x8xf32>
  return %res, %h_n : tensor<6x2x8xf32>, tensor<2x2x4xf32>
}

// -----

/// A tensor returned twice still gives two out-parameters (the repeat is a
/// copy), and a private helper is inlined into its caller: no function of
/// its own, no C interface.
// CHECK-NOT:   llvm.func @helper(
// CHECK-LABEL: llvm.func @returned_twice(
// CHECK-LABEL: llvm.func @_mlir_ciface_returned_twice(
// CHECK-SAME:      %{{[a-zA-Z0-9_]+}}: !llvm.ptr, %{{[a-zA-Z0-9_]+}}: !llvm.ptr, %{{[a-zA-Z0-9_]+}}: !llvm.ptr) -> i32 attributes {llvm.emit_c_interface
// CHECK-NOT:   @helper
func.func private @helper(%x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %y = arith.mulf %x, %x : tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

func.func @returned_twice(%x: tensor<4x3xf32>)
    -> (tensor<4x3xf32>, tensor<4x3xf32>) {
  %y = call @helper(%x) : (tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y, %y : tensor<4x3xf32>, tensor<4x3xf32>
}
