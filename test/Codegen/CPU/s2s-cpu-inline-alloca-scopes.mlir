// RUN: s2s-opt %s --s2s-cpu-inline-alloca-scopes -split-input-file | FileCheck %s

/// The scope convert-scf-to-openmp puts around a loop body is inlined even
/// though the body calls a function (which the canonicalizer must assume
/// may allocate); its static alloca moves to the start of the parallel
/// region, once per thread.
// CHECK-LABEL: func.func @parallel_body(
// CHECK:         omp.parallel {
// CHECK-NEXT:      %[[BUF:.+]] = memref.alloca() : memref<16xf32>
// CHECK:           omp.loop_nest (%[[I:.+]]) : index
// CHECK-NOT:         memref.alloca_scope
// CHECK:             memref.store %{{.+}}, %[[BUF]][%[[I]]]
// CHECK:             func.call @consume(%[[BUF]])
// CHECK:             omp.yield
func.func private @consume(memref<16xf32>)
func.func @parallel_body(%f: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
        memref.alloca_scope {
          %buf = memref.alloca() : memref<16xf32>
          memref.store %f, %buf[%i] : memref<16xf32>
          func.call @consume(%buf) : (memref<16xf32>) -> ()
        }
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

/// A dynamically sized alloca cannot be hoisted: the scope stays.
// CHECK-LABEL: func.func @dynamic_alloca(
// CHECK:         memref.alloca_scope {
// CHECK:           memref.alloca(%{{.+}}) : memref<?xf32>
func.func @dynamic_alloca(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
        memref.alloca_scope {
          %buf = memref.alloca(%n) : memref<?xf32>
        }
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

/// A scope that returns values is replaced by them.
// CHECK-LABEL: func.func @scope_results(
// CHECK-NOT:     memref.alloca_scope
// CHECK:         %[[S:.+]] = arith.addf
// CHECK:         return %[[S]]
func.func @scope_results(%a: f32) -> f32 {
  %r = memref.alloca_scope -> (f32) {
    %s = arith.addf %a, %a : f32
    memref.alloca_scope.return %s : f32
  }
  return %r : f32
}
