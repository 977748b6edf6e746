// RUN: s2s-opt %s --s2s-cpu-keep-threads-awake | FileCheck %s
// RUN: s2s-opt %s --s2s-cpu-keep-threads-awake="blocktime-ms=5" | FileCheck %s --check-prefix=FIVE
// RUN: s2s-opt %s --s2s-cpu-keep-threads-awake="blocktime-ms=0" | FileCheck %s --check-prefix=OFF

// A loop that forks a parallel region per iteration runs with the calling
// thread's OpenMP blocktime set (1 ms by default), restored after it.

// CHECK-LABEL: func.func @time_loop(
// CHECK:         %[[OLD:.+]] = call @kmp_get_blocktime() : () -> i32
// CHECK:         %[[SPIN:.+]] = arith.constant 1 : i32
// CHECK:         call @kmp_set_blocktime(%[[SPIN]]) : (i32) -> ()
// CHECK-NEXT:    scf.for
// CHECK-NEXT:      omp.parallel
// CHECK-NEXT:        omp.terminator
// CHECK-NEXT:      }
// CHECK-NEXT:    }
// CHECK-NEXT:    call @kmp_set_blocktime(%[[OLD]]) : (i32) -> ()
// CHECK-NEXT:    return
// FIVE-LABEL:  func.func @time_loop(
// FIVE:          arith.constant 5 : i32
// OFF-NOT:       kmp_
func.func @time_loop(%buf: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  scf.for %t = %c0 to %c64 step %c1 {
    omp.parallel {
      omp.terminator
    }
  }
  return
}

/// Nested loops: only the outermost one is bracketed.
// CHECK-LABEL: func.func @nested_loops(
// CHECK-COUNT-1: call @kmp_get_blocktime
// CHECK:         scf.for
// CHECK-NEXT:      scf.for
// CHECK-NOT:     call @kmp_get_blocktime
// CHECK:         call @kmp_set_blocktime
// CHECK-NEXT:    return
func.func @nested_loops() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %j = %c0 to %c4 step %c1 {
      omp.parallel {
        omp.terminator
      }
    }
  }
  return
}

/// Regions one after the other (a Transformer layer's GEMMs, attention and
/// elementwise ops): from before the first to after the last; what comes
/// before and after them runs with the runtime's setting.
// CHECK-LABEL: func.func @regions_in_sequence(
// CHECK:         memref.store
// CHECK-NEXT:    %[[OLD:.+]] = call @kmp_get_blocktime() : () -> i32
// CHECK:         call @kmp_set_blocktime
// CHECK-NEXT:    omp.parallel
// CHECK:         memref.store
// CHECK:         omp.parallel
// CHECK:         }
// CHECK-NEXT:    call @kmp_set_blocktime(%[[OLD]]) : (i32) -> ()
// CHECK-NEXT:    memref.store
// CHECK-NEXT:    return
func.func @regions_in_sequence(%buf: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  memref.store %zero, %buf[%c0] : memref<8xf32>
  omp.parallel {
    omp.terminator
  }
  memref.store %zero, %buf[%c0] : memref<8xf32>
  omp.parallel {
    omp.terminator
  }
  memref.store %zero, %buf[%c0] : memref<8xf32>
  return
}

/// Left alone: a loop without a parallel region beside a single parallel
/// region (with a loop inside it): one fork, nothing to wait for.
// CHECK-LABEL: func.func @nothing_to_keep_awake(
// CHECK-NOT:     call @kmp
// CHECK:         return
func.func @nothing_to_keep_awake(%buf: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c8 step %c1 {
    memref.store %zero, %buf[%i] : memref<8xf32>
  }
  omp.parallel {
    scf.for %i = %c0 to %c8 step %c1 {
      memref.store %zero, %buf[%i] : memref<8xf32>
    }
    omp.terminator
  }
  return
}

// The runtime's functions are declared once.
// CHECK: func.func private @kmp_get_blocktime() -> i32
// CHECK: func.func private @kmp_set_blocktime(i32)
