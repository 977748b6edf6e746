// RUN: s2s-opt %s --s2s-bufferization-prepare-entry-points -split-input-file | FileCheck %s

/// A public function with a body is an entry point: its tensor arguments
/// become read-only for bufferization (ranked or not), other arguments keep
/// no attribute, and it gets the C interface.
// CHECK-LABEL: func.func @entry_point(
// CHECK-SAME:      %{{.+}}: tensor<4xf32> {bufferization.writable = false},
// CHECK-SAME:      %{{[a-zA-Z0-9_]+}}: index,
// CHECK-SAME:      %{{[a-zA-Z0-9_]+}}: memref<4xf32>,
// CHECK-SAME:      %{{.+}}: tensor<*xf32> {bufferization.writable = false})
// CHECK-SAME:      -> tensor<4xf32> attributes {llvm.emit_c_interface} {
func.func @entry_point(%x: tensor<4xf32>, %n: index, %m: memref<4xf32>,
    %u: tensor<*xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

/// Private functions are called from inside the module only: no attribute.
// CHECK-LABEL: func.func private @negative_private_function(
// CHECK-SAME:      %{{[a-zA-Z0-9_]+}}: tensor<4xf32>) -> tensor<4xf32> {
// CHECK-NOT:   bufferization.writable
// CHECK-NOT:   llvm.emit_c_interface
func.func private @negative_private_function(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

/// A declaration has no body to call.
// CHECK-LABEL: func.func private @negative_declaration(tensor<4xf32>) -> tensor<4xf32>{{$}}
func.func private @negative_declaration(%x: tensor<4xf32>) -> tensor<4xf32>

// -----

/// Existing argument and function attributes are kept.
// CHECK-LABEL: func.func @existing_attributes(
// CHECK-SAME:      %{{.+}}: tensor<4xf32> {bufferization.writable = false, test.arg = 1 : i32})
// CHECK-SAME:      attributes {llvm.emit_c_interface, test.func}
func.func @existing_attributes(%x: tensor<4xf32> {test.arg = 1 : i32})
    attributes {test.func} {
  return
}

// -----

/// A public function without tensor arguments still gets the C interface.
// CHECK-LABEL: func.func @no_arguments() -> tensor<4xf32> attributes {llvm.emit_c_interface}
func.func @no_arguments() -> tensor<4xf32> {
  %c = arith.constant dense<1.0> : tensor<4xf32>
  return %c : tensor<4xf32>
}

// -----

/// A tensor returned more than once is copied for each repeat, so that every
/// result gets a buffer of its own as an out-parameter; the first occurrence
/// and non-tensor results are returned as they are.
// CHECK-LABEL: func.func @repeated_results(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<4xf32> {bufferization.writable = false},
// CHECK-SAME:      %[[N:[a-zA-Z0-9_]+]]: index)
// CHECK:         %[[Y:.+]] = arith.addf %[[X]], %[[X]] : tensor<4xf32>
// CHECK:         %[[EMPTY1:.+]] = tensor.empty() : tensor<4xf32>
// CHECK:         %[[COPY1:.+]] = linalg.copy ins(%[[Y]] : tensor<4xf32>) outs(%[[EMPTY1]] : tensor<4xf32>) -> tensor<4xf32>
// CHECK:         %[[EMPTY2:.+]] = tensor.empty() : tensor<4xf32>
// CHECK:         %[[COPY2:.+]] = linalg.copy ins(%[[Y]] : tensor<4xf32>) outs(%[[EMPTY2]] : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NOT:     linalg.copy
// CHECK:         return %[[Y]], %[[N]], %[[COPY1]], %[[N]], %[[COPY2]] :
func.func @repeated_results(%x: tensor<4xf32>, %n: index)
    -> (tensor<4xf32>, index, tensor<4xf32>, index, tensor<4xf32>) {
  %y = arith.addf %x, %x : tensor<4xf32>
  return %y, %n, %y, %n, %y
      : tensor<4xf32>, index, tensor<4xf32>, index, tensor<4xf32>
}

// -----

/// An argument returned twice: the second result is a copy too.
// CHECK-LABEL: func.func @argument_returned_twice(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<2x3xf32> {bufferization.writable = false})
// CHECK:         %[[EMPTY:.+]] = tensor.empty() : tensor<2x3xf32>
// CHECK:         %[[COPY:.+]] = linalg.copy ins(%[[X]] : tensor<2x3xf32>) outs(%[[EMPTY]] : tensor<2x3xf32>)
// CHECK:         return %[[X]], %[[COPY]] :
func.func @argument_returned_twice(%x: tensor<2x3xf32>)
    -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  return %x, %x : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

/// Results of a private function are not out-parameters: no copy.
// CHECK-LABEL: func.func private @negative_private_repeated_results(
// CHECK-NOT:     linalg.copy
// CHECK:         return %[[X:[a-zA-Z0-9_]+]], %[[X]] :
func.func private @negative_private_repeated_results(%x: tensor<4xf32>)
    -> (tensor<4xf32>, tensor<4xf32>) {
  return %x, %x : tensor<4xf32>, tensor<4xf32>
}
