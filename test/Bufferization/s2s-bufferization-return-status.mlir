// RUN: s2s-opt %s --s2s-bufferization-return-status --split-input-file \
// RUN:   --verify-diagnostics | FileCheck %s

/// The entry point returns the status of the checks computed from its
/// arguments alone: a check that its check function also makes keeps that
/// function's number (1); the others follow (2, 3). The lowest number that
/// fails is returned, and only 0 runs the body, now @main_body (private, no
/// C interface) without those checks. A check that reads an input's values
/// (3) is made only once the others hold (the descriptor it reads through
/// is right then); a check on a value the body computes stays in the body.
// CHECK-LABEL: func.func @main(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: memref<?xf32>, %[[N:[a-z0-9]+]]: memref<?xf32>, %[[LENS:[a-z0-9]+]]: memref<1xindex>, %[[OUT:[a-z0-9]+]]: memref<?xf32>) -> i32
// CHECK-SAME:      attributes {llvm.emit_c_interface, s2s.status_messages = ["x and n have one length", "out has x's length", "lens[0] is at most x's length"]}
// CHECK:         %[[DX:.+]] = memref.dim %[[X]], %c0
// CHECK:         %[[DOUT:.+]] = memref.dim %[[OUT]], %c0
// CHECK:         %[[OUT_OK:.+]] = arith.cmpi eq, %[[DX]], %[[DOUT]]
// CHECK:         %[[DN:.+]] = memref.dim %[[N]], %c0
// CHECK:         %[[SAME:.+]] = arith.cmpi eq, %[[DX]], %[[DN]]
// CHECK:         %[[S2:.+]] = arith.select %[[OUT_OK]], %c0_i32, %c2_i32 : i32
// CHECK:         %[[S1:.+]] = arith.select %[[SAME]], %[[S2]], %c1_i32 : i32
// CHECK:         %[[SIZES_OK:.+]] = arith.cmpi eq, %[[S1]], %[[ZERO:.+]] : i32
// CHECK:         %[[S:.+]] = scf.if %[[SIZES_OK]] -> (i32) {
// CHECK:           %[[LEN:.+]] = memref.load %[[LENS]][%c0]
// CHECK:           %[[FITS:.+]] = arith.cmpi ule, %[[LEN]], %[[DX]]
// CHECK:           %[[S3:.+]] = arith.select %[[FITS]], %[[ZERO]], %c3_i32 : i32
// CHECK:           scf.yield %[[S3]] : i32
// CHECK:         } else {
// CHECK:           scf.yield %[[S1]] : i32
// CHECK:         }
// CHECK:         %[[GO:.+]] = arith.cmpi eq, %[[S]], %{{.+}} : i32
// CHECK:         scf.if %[[GO]] {
// CHECK:           func.call @main_body(%[[X]], %[[N]], %[[LENS]], %[[OUT]])
// CHECK:         }
// CHECK:         return %[[S]] : i32
// CHECK-LABEL: func.func private @main_body(
// CHECK-NOT:     attributes
// CHECK-NOT:     cf.assert %{{.+}}, "out has x's length"
// CHECK-NOT:     cf.assert %{{.+}}, "x and n have one length"
// CHECK-NOT:     cf.assert %{{.+}}, "lens[0] is at most x's length"
// CHECK:         memref.copy
// CHECK:         cf.assert %{{.+}}, "the scratch sum is positive"
func.func @main_check_shapes(%x: memref<?xf32>, %n: memref<?xf32>) -> i32
    attributes {llvm.emit_c_interface,
                s2s.shape_checks = ["x and n have one length"]} {
  %c0 = arith.constant 0 : i32
  return %c0 : i32
}
func.func @main(%x: memref<?xf32>, %n: memref<?xf32>, %lens: memref<1xindex>,
                %out: memref<?xf32>) attributes {llvm.emit_c_interface} {
  %c0 = arith.constant 0 : index
  %dx = memref.dim %x, %c0 : memref<?xf32>
  %dout = memref.dim %out, %c0 : memref<?xf32>
  %same_out = arith.cmpi eq, %dx, %dout : index
  cf.assert %same_out, "out has x's length"
  %dn = memref.dim %n, %c0 : memref<?xf32>
  %same = arith.cmpi eq, %dx, %dn : index
  cf.assert %same, "x and n have one length"
  %len = memref.load %lens[%c0] : memref<1xindex>
  %fits = arith.cmpi ule, %len, %dx : index
  cf.assert %fits, "lens[0] is at most x's length"
  memref.copy %x, %out : memref<?xf32> to memref<?xf32>
  %scratch = memref.alloc() : memref<1xf32>
  %cst = arith.constant 1.0 : f32
  memref.store %cst, %scratch[%c0] : memref<1xf32>
  %v = memref.load %scratch[%c0] : memref<1xf32>
  %zero = arith.constant 0.0 : f32
  %positive = arith.cmpf ogt, %v, %zero : f32
  cf.assert %positive, "the scratch sum is positive"
  memref.dealloc %scratch : memref<1xf32>
  return
}

// -----

/// Sizes of buffers are followed to what they are made from: the size of an
/// allocation is its operand, here the size of an argument.
// CHECK-LABEL: func.func @through_alloc(
// CHECK-SAME:      s2s.status_messages = ["out has x's length"]
// CHECK-LABEL: func.func private @through_alloc_body(
// CHECK-NOT:     cf.assert
func.func @through_alloc(%x: memref<?xf32>, %out: memref<?xf32>)
    attributes {llvm.emit_c_interface} {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?xf32>
  %tmp = memref.alloc(%n) : memref<?xf32>
  memref.copy %x, %tmp : memref<?xf32> to memref<?xf32>
  %dtmp = memref.dim %tmp, %c0 : memref<?xf32>
  %dout = memref.dim %out, %c0 : memref<?xf32>
  %ok = arith.cmpi eq, %dtmp, %dout : index
  cf.assert %ok, "out has x's length"
  memref.copy %tmp, %out : memref<?xf32> to memref<?xf32>
  memref.dealloc %tmp : memref<?xf32>
  return
}

// -----

/// A loop that writes a buffer in place and yields it unchanged (an RNN's
/// output over its time loop): the size of its result is the size of its
/// initial value, so a check on it is a status. A loop that yields another
/// buffer may change the size: that check stays in the body.
// CHECK-LABEL: func.func @through_loop(
// CHECK-SAME:      s2s.status_messages = ["out has x's length"]
// CHECK-LABEL: func.func private @through_loop_body(
// CHECK:         scf.for
// CHECK:         cf.assert %{{.+}}, "out has the swapped buffer's length"
// CHECK-NOT:     cf.assert
func.func @through_loop(%x: memref<?xf32>, %out: memref<?xf32>)
    attributes {llvm.emit_c_interface} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %n = memref.dim %x, %c0 : memref<?xf32>
  %tmp = memref.alloc(%n) : memref<?xf32>
  %other = memref.alloc() : memref<7xf32>
  %other_dyn = memref.cast %other : memref<7xf32> to memref<?xf32>
  %r:2 = scf.for %i = %c0 to %c4 step %c1
      iter_args(%acc = %tmp, %swap = %other_dyn)
      -> (memref<?xf32>, memref<?xf32>) {
    memref.copy %x, %acc : memref<?xf32> to memref<?xf32>
    scf.yield %acc, %x : memref<?xf32>, memref<?xf32>
  }
  %dr = memref.dim %r#0, %c0 : memref<?xf32>
  %dout = memref.dim %out, %c0 : memref<?xf32>
  %ok = arith.cmpi eq, %dr, %dout : index
  cf.assert %ok, "out has x's length"
  %ds = memref.dim %r#1, %c0 : memref<?xf32>
  %ok2 = arith.cmpi eq, %ds, %dout : index
  cf.assert %ok2, "out has the swapped buffer's length"
  memref.copy %r#0, %out : memref<?xf32> to memref<?xf32>
  memref.dealloc %tmp : memref<?xf32>
  memref.dealloc %other : memref<7xf32>
  return
}

// -----

/// Without checks the status is always 0. Private functions, functions with
/// results and the check and result shape functions are not entry points.
// CHECK-LABEL: func.func @no_checks(
// CHECK-SAME:      -> i32 attributes {llvm.emit_c_interface, s2s.status_messages = []}
// CHECK:         %[[ZERO:.+]] = arith.constant 0 : i32
// CHECK:         return %[[ZERO]] : i32
// CHECK-LABEL: func.func private @no_checks_body(
// CHECK-LABEL: func.func private @helper(
// CHECK-SAME:      ) {
// CHECK-LABEL: func.func @with_result(
// CHECK-SAME:      -> f32 attributes {llvm.emit_c_interface}
// CHECK-LABEL: func.func @no_checks_result_shapes(
// CHECK-SAME:      ) attributes {llvm.emit_c_interface, s2s.result_shapes}
// CHECK-NOT:     func.func private @no_checks_result_shapes_body
func.func @no_checks(%out: memref<4xf32>) attributes {llvm.emit_c_interface} {
  %cst = arith.constant 1.0 : f32
  linalg.fill ins(%cst : f32) outs(%out : memref<4xf32>)
  return
}
func.func private @helper(%out: memref<4xf32>) {
  return
}
func.func @with_result() -> f32 attributes {llvm.emit_c_interface} {
  %cst = arith.constant 1.0 : f32
  return %cst : f32
}
func.func @no_checks_result_shapes(%shapes: memref<1xi64>)
    attributes {llvm.emit_c_interface, s2s.result_shapes} {
  return
}

// -----

func.func private @taken_body()
// expected-error @below {{cannot move the body of @taken to @taken_body: the module already has a symbol of that name}}
func.func @taken(%out: memref<4xf32>) attributes {llvm.emit_c_interface} {
  return
}
