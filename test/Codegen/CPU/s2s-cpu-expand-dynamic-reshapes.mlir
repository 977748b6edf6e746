// RUN: s2s-opt %s --s2s-cpu-expand-dynamic-reshapes --split-input-file \
// RUN:   | FileCheck %s

// An expand_shape that splits a dimension into several dynamic ones becomes
// a reinterpret_cast of the source's base buffer (expand-strided-metadata
// crashes on it in MLIR 22).

// CHECK-LABEL: func.func @two_dynamic
// CHECK-SAME:    (%[[A:.+]]: memref<?x16xf32>, %[[T:.+]]: index, %[[B:.+]]: index)
// CHECK:         %[[BASE:.+]], %{{.+}}, %{{.+}}:2, %{{.+}}:2 = memref.extract_strided_metadata %[[A]]
// CHECK:         %[[S0:.+]] = arith.muli %[[B]], %c16 : index
// CHECK:         %[[R:.+]] = memref.reinterpret_cast %[[BASE]] to offset: [0], sizes: [%[[T]], %[[B]], 16], strides: [%[[S0]], 16, 1] : memref<f32> to memref<?x?x16xf32>
// CHECK:         return %[[R]]
func.func @two_dynamic(%a: memref<?x16xf32>, %t: index, %b: index)
    -> memref<?x?x16xf32> {
  %e = memref.expand_shape %a [[0, 1], [2]] output_shape [%t, %b, 16]
      : memref<?x16xf32> into memref<?x?x16xf32>
  return %e : memref<?x?x16xf32>
}

// -----

/// A strided source with an offset: the source's stride and offset carry
/// over.
// CHECK-LABEL: func.func @strided_source
// CHECK:         %[[BASE:.+]], %[[OFF:.+]], %{{.+}}:2, %{{.+}}:2 = memref.extract_strided_metadata
// CHECK:         memref.reinterpret_cast %[[BASE]] to offset: [%[[OFF]]], sizes: [%{{.+}}, %{{.+}}, 4], strides: [%{{.+}}, 32, 1]
func.func @strided_source(%a: memref<?x4xf32, strided<[32, 1], offset: ?>>,
    %t: index, %b: index)
    -> memref<?x?x4xf32, strided<[?, 32, 1], offset: ?>> {
  %e = memref.expand_shape %a [[0, 1], [2]] output_shape [%t, %b, 4]
      : memref<?x4xf32, strided<[32, 1], offset: ?>>
        into memref<?x?x4xf32, strided<[?, 32, 1], offset: ?>>
  return %e : memref<?x?x4xf32, strided<[?, 32, 1], offset: ?>>
}

// -----

/// At most one dynamic size per group: left to expand-strided-metadata.
// CHECK-LABEL: func.func @negative_one_dynamic
// CHECK:         memref.expand_shape
// CHECK-NOT:     memref.reinterpret_cast
func.func @negative_one_dynamic(%a: memref<?x16xf32>, %t: index)
    -> memref<?x4x16xf32> {
  %e = memref.expand_shape %a [[0, 1], [2]] output_shape [%t, 4, 16]
      : memref<?x16xf32> into memref<?x4x16xf32>
  return %e : memref<?x4x16xf32>
}
