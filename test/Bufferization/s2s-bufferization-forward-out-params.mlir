// RUN: s2s-opt %s --s2s-bufferization-forward-out-params -split-input-file | FileCheck %s

/// The result is computed in an allocation and copied into the output
/// argument through an expand_shape: the allocation becomes a collapsed
/// view of the output, and the copy goes.
// CHECK-LABEL: func.func @through_expand(
// CHECK-SAME:    %[[IN:.+]]: memref<8x4xf32>, %[[OUT:.+]]: memref<1x8x4xf32>)
// CHECK-NEXT:    %[[VIEW:.+]] = memref.collapse_shape %[[OUT]] {{\[\[}}0, 1], [2]] : memref<1x8x4xf32> into memref<8x4xf32>
// CHECK-NEXT:    linalg.copy ins(%[[IN]] : memref<8x4xf32>) outs(%[[VIEW]] : memref<8x4xf32>)
// CHECK-NEXT:    return
func.func @through_expand(%in: memref<8x4xf32>, %out: memref<1x8x4xf32>) {
  %buf = memref.alloc() : memref<8x4xf32>
  linalg.copy ins(%in : memref<8x4xf32>) outs(%buf : memref<8x4xf32>)
  %e = memref.expand_shape %buf [[0, 1], [2]] output_shape [1, 8, 4]
      : memref<8x4xf32> into memref<1x8x4xf32>
  memref.copy %e, %out : memref<1x8x4xf32> to memref<1x8x4xf32>
  return
}

// -----

/// Through a collapse_shape, and directly.
// CHECK-LABEL: func.func @through_collapse(
// CHECK-SAME:    %{{.+}}: memref<2x4xf32>, %[[OUT:.+]]: memref<8xf32>, %[[OUT2:.+]]: memref<2x4xf32>)
// CHECK-DAG:     %[[VIEW:.+]] = memref.expand_shape %[[OUT]] {{\[\[}}0, 1]] output_shape [2, 4] : memref<8xf32> into memref<2x4xf32>
// CHECK-DAG:     linalg.copy ins(%{{.+}} : memref<2x4xf32>) outs(%[[VIEW]] : memref<2x4xf32>)
// CHECK-DAG:     linalg.copy ins(%{{.+}} : memref<2x4xf32>) outs(%[[OUT2]] : memref<2x4xf32>)
// CHECK-NOT:     memref.alloc
// CHECK-NOT:     memref.copy
func.func @through_collapse(%in: memref<2x4xf32>, %out: memref<8xf32>,
                            %out2: memref<2x4xf32>) {
  %buf = memref.alloc() : memref<2x4xf32>
  linalg.copy ins(%in : memref<2x4xf32>) outs(%buf : memref<2x4xf32>)
  %c = memref.collapse_shape %buf [[0, 1]] : memref<2x4xf32> into memref<8xf32>
  memref.copy %c, %out : memref<8xf32> to memref<8xf32>
  %buf2 = memref.alloc() : memref<2x4xf32>
  linalg.copy ins(%in : memref<2x4xf32>) outs(%buf2 : memref<2x4xf32>)
  memref.copy %buf2, %out2 : memref<2x4xf32> to memref<2x4xf32>
  return
}

// -----

/// One allocation returned twice: the later output takes it; the earlier
/// copy then reads that output.
// CHECK-LABEL: func.func @returned_twice(
// CHECK-SAME:    %{{.+}}: memref<4xf32>, %[[A:.+]]: memref<4xf32>, %[[B:.+]]: memref<4xf32>)
// CHECK-NOT:     memref.alloc
// CHECK:         linalg.copy ins(%{{.+}} : memref<4xf32>) outs(%[[B]] : memref<4xf32>)
// CHECK:         memref.copy %[[B]], %[[A]]
func.func @returned_twice(%in: memref<4xf32>, %a: memref<4xf32>,
                          %b: memref<4xf32>) {
  %buf = memref.alloc() : memref<4xf32>
  linalg.copy ins(%in : memref<4xf32>) outs(%buf : memref<4xf32>)
  memref.copy %buf, %a : memref<4xf32> to memref<4xf32>
  memref.copy %buf, %b : memref<4xf32> to memref<4xf32>
  return
}

// -----

/// Left alone: the output argument has another use (it is read), the
/// source is not an allocation (a loop result), the copy is not in the
/// entry block.
// CHECK-LABEL: func.func @negative_other_use(
// CHECK:         memref.alloc
// CHECK:         memref.copy
func.func @negative_other_use(%in: memref<4xf32>, %out: memref<4xf32>) {
  %buf = memref.alloc() : memref<4xf32>
  linalg.add ins(%in, %out : memref<4xf32>, memref<4xf32>)
      outs(%buf : memref<4xf32>)
  memref.copy %buf, %out : memref<4xf32> to memref<4xf32>
  return
}

// CHECK-LABEL: func.func @negative_argument_source(
// CHECK:         memref.copy
func.func @negative_argument_source(%in: memref<4xf32>, %out: memref<4xf32>) {
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}

// CHECK-LABEL: func.func @negative_loop_result(
// CHECK:         scf.for
// CHECK:         memref.copy %{{.+}}, %{{.+}} : memref<4xf32> to memref<4xf32>
func.func @negative_loop_result(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %c2 step %c1 iter_args(%acc = %in) -> memref<4xf32> {
    %n = memref.alloc() : memref<4xf32>
    linalg.add ins(%acc, %acc : memref<4xf32>, memref<4xf32>)
        outs(%n : memref<4xf32>)
    scf.yield %n : memref<4xf32>
  }
  memref.copy %r, %out : memref<4xf32> to memref<4xf32>
  return
}

// CHECK-LABEL: func.func @negative_not_entry_block(
// CHECK:         scf.if
// CHECK:           memref.copy
func.func @negative_not_entry_block(%in: memref<4xf32>, %out: memref<4xf32>,
                                    %p: i1) {
  %buf = memref.alloc() : memref<4xf32>
  linalg.copy ins(%in : memref<4xf32>) outs(%buf : memref<4xf32>)
  scf.if %p {
    memref.copy %buf, %out : memref<4xf32> to memref<4xf32>
  }
  return
}

// -----

/// In an entry point (public, with a C interface), an output with dynamic
/// sizes takes them from the caller's descriptor: they are checked against
/// the result's where the allocation was, before anything writes the output.
// CHECK-LABEL: func.func @entry_dynamic(
// CHECK-SAME:      %[[IN:[a-z0-9]+]]: memref<?x4xf32>, %[[OUT:[a-z0-9]+]]: memref<1x?x4xf32>)
// CHECK:         %[[N:.+]] = memref.dim %[[IN]], %c0
// CHECK:         %[[VIEW:.+]] = memref.collapse_shape %[[OUT]] {{\[}}[0, 1], [2]]
// CHECK:         %[[D:.+]] = memref.dim %[[VIEW]], %c0
// CHECK:         %[[OK:.+]] = arith.cmpi eq, %[[D]], %[[N]] : index
// CHECK:         cf.assert %[[OK]], "argument #1 of @entry_dynamic (an output): its sizes must be those of the result the model computes for it"
// CHECK:         linalg.copy ins(%[[IN]] : memref<?x4xf32>) outs(%[[VIEW]] : memref<?x4xf32>)
// CHECK-NOT:     memref.copy
func.func @entry_dynamic(%in: memref<?x4xf32>, %out: memref<1x?x4xf32>)
    attributes {llvm.emit_c_interface} {
  %c0 = arith.constant 0 : index
  %n = memref.dim %in, %c0 : memref<?x4xf32>
  %buf = memref.alloc(%n) : memref<?x4xf32>
  linalg.copy ins(%in : memref<?x4xf32>) outs(%buf : memref<?x4xf32>)
  %e = memref.expand_shape %buf [[0, 1], [2]] output_shape [1, %n, 4]
      : memref<?x4xf32> into memref<1x?x4xf32>
  memref.copy %e, %out : memref<1x?x4xf32> to memref<1x?x4xf32>
  return
}

// -----

/// Not forwarded (the source is an argument): the check is before the copy.
/// A private function's caller is the compiled code: no check.
// CHECK-LABEL: func.func @entry_copy(
// CHECK-SAME:      %[[IN:[a-z0-9]+]]: memref<?xf32>, %[[OUT:[a-z0-9]+]]: memref<?xf32>)
// CHECK:         %[[DIN:.+]] = memref.dim %[[IN]], %c0
// CHECK:         %[[DOUT:.+]] = memref.dim %[[OUT]], %c0
// CHECK:         %[[OK:.+]] = arith.cmpi eq, %[[DOUT]], %[[DIN]] : index
// CHECK:         cf.assert %[[OK]], "argument #1 of @entry_copy (an output): its sizes must be those of the result the model computes for it"
// CHECK:         memref.copy %[[IN]], %[[OUT]]
// CHECK-LABEL: func.func private @not_an_entry(
// CHECK-NOT:     cf.assert
func.func @entry_copy(%in: memref<?xf32>, %out: memref<?xf32>)
    attributes {llvm.emit_c_interface} {
  memref.copy %in, %out : memref<?xf32> to memref<?xf32>
  return
}
func.func private @not_an_entry(%in: memref<?xf32>, %out: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %in, %c0 : memref<?xf32>
  %buf = memref.alloc(%n) : memref<?xf32>
  memref.copy %in, %buf : memref<?xf32> to memref<?xf32>
  memref.copy %buf, %out : memref<?xf32> to memref<?xf32>
  return
}
