// RUN: s2s-opt %s --s2s-cpu-plan-buffers="min-bytes=0" -split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-cpu-plan-buffers="min-bytes=1024" -split-input-file | FileCheck %s --check-prefix=MIN
// RUN: s2s-opt %s --s2s-cpu-plan-buffers -split-input-file | FileCheck %s --check-prefix=DEFAULT

/// Two buffers whose lifetimes do not overlap share offset 0; a third, alive
/// alongside both, goes after the larger (largest first, lowest offset). The arena is a zero-initialized
/// private global taken through an atomic flag; the deallocs are gone and
/// the flag is cleared (or the fresh arena freed) before returning.
// CHECK:       memref.global "private" @lifetimes_arena : memref<8448xi8> = uninitialized {alignment = 64 : i64}
// CHECK:       memref.global "private" @lifetimes_arena_busy : memref<i32> = dense<0>
// CHECK-LABEL: func.func @lifetimes(
// CHECK-SAME:    %[[OUT:.+]]: memref<64xf32>
// CHECK:         %[[FLAG:.+]] = memref.get_global @lifetimes_arena_busy : memref<i32>
// CHECK:         %[[PREV:.+]] = memref.atomic_rmw assign %{{.+}}, %[[FLAG]][] : (i32, memref<i32>) -> i32
// CHECK:         %[[OWNS:.+]] = arith.cmpi eq, %[[PREV]], %{{.+}} : i32
// CHECK:         %[[BASE:.+]] = scf.if %[[OWNS]] -> (memref<8448xi8>) {
// CHECK:           %[[G:.+]] = memref.get_global @lifetimes_arena : memref<8448xi8>
// CHECK:           scf.yield %[[G]]
// CHECK:         } else {
// CHECK:           %[[FRESH:.+]] = memref.alloc() {alignment = 64 : i64} : memref<8448xi8>
// CHECK:           scf.yield %[[FRESH]]
// CHECK:         }
// CHECK:         %[[CL:.+]] = arith.constant 8192 : index
// CHECK:         %[[LONG:.+]] = memref.view %[[BASE]][%[[CL]]][] : memref<8448xi8> to memref<64xf32>
// CHECK:         %[[CA:.+]] = arith.constant 0 : index
// CHECK:         %[[A:.+]] = memref.view %[[BASE]][%[[CA]]][] : memref<8448xi8> to memref<32x64xf32>
// CHECK:         linalg.fill {{.+}} outs(%[[A]] : memref<32x64xf32>)
// CHECK:         %[[CB:.+]] = arith.constant 0 : index
// CHECK:         %[[B:.+]] = memref.view %[[BASE]][%[[CB]]][] : memref<8448xi8> to memref<16x64xf32>
// CHECK:         memref.copy %[[LONG]], %[[OUT]]
// CHECK-NOT:     memref.dealloc %
// CHECK:         scf.if %[[OWNS]] {
// CHECK:           memref.atomic_rmw assign %{{.+}}, %[[FLAG]][] : (i32, memref<i32>) -> i32
// CHECK:         } else {
// CHECK:           memref.dealloc %[[BASE]] : memref<8448xi8>
// CHECK:         }
// CHECK:         return
/// By default only buffers of 64 KiB or more go in the arena.
// DEFAULT-NOT: memref.global
// DEFAULT-LABEL: func.func @lifetimes(
// MIN-LABEL: func.func @lifetimes(
// MIN:         memref.alloc() {alignment = 64 : i64} : memref<64xf32>
// MIN:         memref.view {{.+}} to memref<32x64xf32>
// MIN:         memref.view {{.+}} to memref<16x64xf32>
func.func @lifetimes(%out: memref<64xf32>) {
  %cst = arith.constant 1.0 : f32
  %long = memref.alloc() {alignment = 64 : i64} : memref<64xf32>
  linalg.fill ins(%cst : f32) outs(%long : memref<64xf32>)
  %a = memref.alloc() {alignment = 64 : i64} : memref<32x64xf32>
  linalg.fill ins(%cst : f32) outs(%a : memref<32x64xf32>)
  memref.dealloc %a : memref<32x64xf32>
  %b = memref.alloc() {alignment = 64 : i64} : memref<16x64xf32>
  linalg.fill ins(%cst : f32) outs(%b : memref<16x64xf32>)
  memref.dealloc %b : memref<16x64xf32>
  memref.copy %long, %out : memref<64xf32> to memref<64xf32>
  memref.dealloc %long : memref<64xf32>
  return
}

// -----

/// Left on the heap: a buffer of dynamic size, one that is returned, one
/// passed to a call that returns a memref (which may be the buffer), one
/// whose base buffer is taken apart for a conditional free. No arena when
/// nothing qualifies.
// CHECK-NOT:   memref.global
// CHECK-LABEL: func.func @left_alone(
// CHECK-NOT:     memref.view
// CHECK-NOT:     memref.atomic_rmw
// CHECK:         return
func.func private @consume(memref<8xf32>) -> memref<8xf32>
func.func @left_alone(%n: index, %c: i1) -> memref<8xf32> {
  %dynamic = memref.alloc(%n) : memref<?xf32>
  memref.dealloc %dynamic : memref<?xf32>
  %passed = memref.alloc() : memref<8xf32>
  %same = func.call @consume(%passed) : (memref<8xf32>) -> memref<8xf32>
  memref.dealloc %passed : memref<8xf32>
  %taken_apart = memref.alloc() : memref<8xf32>
  %base, %offset, %size, %stride = memref.extract_strided_metadata %taken_apart
      : memref<8xf32> -> memref<f32>, index, index, index
  scf.if %c {
    memref.dealloc %base : memref<f32>
  }
  %returned = memref.alloc() : memref<8xf32>
  return %returned : memref<8xf32>
}

// -----

/// An output buffer of a private function (no memref results) is used only
/// during the call: it goes in the arena of the caller.
// CHECK:       memref.global "private" @caller_arena : memref<64xi8>
// CHECK-LABEL: func.func @caller(
// CHECK:         %[[V:.+]] = memref.view {{.+}} to memref<8xf32>
// CHECK:         call @fill(%[[V]])
func.func private @fill(%out: memref<8xf32>) {
  %cst = arith.constant 1.0 : f32
  linalg.fill ins(%cst : f32) outs(%out : memref<8xf32>)
  return
}
func.func @caller(%out: memref<8xf32>) {
  %tmp = memref.alloc() : memref<8xf32>
  func.call @fill(%tmp) : (memref<8xf32>) -> ()
  memref.copy %tmp, %out : memref<8xf32> to memref<8xf32>
  memref.dealloc %tmp : memref<8xf32>
  return
}

// -----

/// A temporary of each iteration of a loop nest moves out of both loops and
/// into the arena; one carried to the next iteration (yielded) and one in a
/// parallel loop stay where they are.
// CHECK:       memref.global "private" @loops_arena : memref<256xi8>
// CHECK-LABEL: func.func @loops(
// CHECK:         %[[T:.+]] = memref.view {{.+}} to memref<64xf32>
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             linalg.fill {{.+}} outs(%[[T]] : memref<64xf32>)
// CHECK-NOT:         memref.dealloc %[[T]]
// CHECK:         %[[C:.+]] = scf.for {{.+}} iter_args(
// CHECK:           memref.alloc() : memref<8xf32>
// CHECK:         scf.parallel
// CHECK:           memref.alloc() : memref<16xf32>
// CHECK:           memref.dealloc
func.func @loops(%out: memref<64xf32>, %init: memref<8xf32>) -> memref<8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %cst = arith.constant 1.0 : f32
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %j = %c0 to %c4 step %c1 {
      %tmp = memref.alloc() : memref<64xf32>
      linalg.fill ins(%cst : f32) outs(%tmp : memref<64xf32>)
      memref.copy %tmp, %out : memref<64xf32> to memref<64xf32>
      memref.dealloc %tmp : memref<64xf32>
    }
  }
  %carried = scf.for %i = %c0 to %c4 step %c1 iter_args(%prev = %init) -> memref<8xf32> {
    %next = memref.alloc() : memref<8xf32>
    memref.copy %prev, %next : memref<8xf32> to memref<8xf32>
    scf.yield %next : memref<8xf32>
  }
  scf.parallel (%i) = (%c0) to (%c4) step (%c1) {
    %own = memref.alloc() : memref<16xf32>
    linalg.fill ins(%cst : f32) outs(%own : memref<16xf32>)
    memref.dealloc %own : memref<16xf32>
    scf.reduce
  }
  return %carried : memref<8xf32>
}
