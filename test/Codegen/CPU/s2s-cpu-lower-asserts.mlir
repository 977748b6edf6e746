// RUN: s2s-opt %s --s2s-cpu-lower-asserts | FileCheck %s

// Each check branches, when it fails, to a block of its own that writes the
// message and a newline to standard error (fd 2, unbuffered: nothing is
// lost when abort follows) and aborts; the code after the check moves to
// the block the check branches to when it holds.

// CHECK-DAG: llvm.mlir.global internal constant @s2s_check_message_0("sizes must agree\0A")
// CHECK-DAG: llvm.mlir.global internal constant @s2s_check_message_1("offset must be 0\0A")
// CHECK-DAG: llvm.func @write(i32, !llvm.ptr, i64) -> i64
// CHECK-DAG: llvm.func @abort()

// CHECK-LABEL: func.func @two_checks(
// CHECK-SAME:      %[[A:.+]]: i1, %[[B:.+]]: i1)
// CHECK:         cf.cond_br %[[A]], ^[[OK1:.+]], ^[[FAIL1:[a-z0-9]+]]
// CHECK:       ^[[FAIL1]]:
// CHECK:         %[[MSG:.+]] = llvm.mlir.addressof @s2s_check_message_0
// CHECK:         %[[FD:.+]] = llvm.mlir.constant(2 : i32) : i32
// CHECK:         %[[LEN:.+]] = llvm.mlir.constant(17 : i64) : i64
// CHECK:         llvm.call @write(%[[FD]], %{{.+}}, %[[LEN]])
// CHECK:         llvm.call @abort()
// CHECK:         llvm.unreachable
// CHECK:       ^[[OK1]]:
// CHECK:         cf.cond_br %[[B]], ^[[OK2:.+]], ^[[FAIL2:[a-z0-9]+]]
// CHECK:       ^[[FAIL2]]:
// CHECK:         llvm.mlir.addressof @s2s_check_message_1
// CHECK:       ^[[OK2]]:
// CHECK:         call @use()
// CHECK:         return
func.func private @use()
func.func @two_checks(%a: i1, %b: i1) {
  cf.assert %a, "sizes must agree"
  cf.assert %b, "offset must be 0"
  func.call @use() : () -> ()
  return
}

// A function without checks is unchanged.
// CHECK-LABEL: func.func @no_checks(
// CHECK-NEXT:    return
func.func @no_checks() {
  return
}
