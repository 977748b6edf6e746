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

/// Left on the heap: a buffer that is returned, one passed to a call that
/// returns a memref (which may be the buffer), one whose base buffer is
/// taken apart for a conditional free. No arena when nothing qualifies.
// CHECK-NOT:   memref.global
// CHECK-LABEL: func.func @left_alone(
// CHECK-NOT:     memref.view
// CHECK-NOT:     memref.atomic_rmw
// CHECK:         return
func.func private @consume(memref<8xf32>) -> memref<8xf32>
func.func @left_alone(%c: i1) -> memref<8xf32> {
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

/// Buffers of dynamic size: the arena is a heap block that grows to the
/// largest size a call has needed (its address and size in two globals).
/// Where the first buffer is allocated, the sizes are computed (a size
/// computed later without reading memory is computed there again): the
/// static buffers at their offsets, then a slot per group of dynamic
/// buffers with disjoint lifetimes (%a and %b share one, as large as the
/// larger, each aligned to 64 bytes). A free arena smaller than that is
/// freed and allocated again; a call that finds it taken allocates a block
/// of its own. A size read from memory after that point stays on the heap.
// CHECK:       llvm.func @free(!llvm.ptr)
// CHECK:       llvm.func @malloc(i64) -> !llvm.ptr
// CHECK:       llvm.mlir.global private @growing_arena_address(0 : i64)
// CHECK:       llvm.mlir.global private @growing_arena_bytes(0 : i64)
// CHECK:       memref.global "private" @growing_arena_busy : memref<i32> = dense<0>
// CHECK-LABEL: func.func @growing(
// CHECK-SAME:    %[[X:[a-z0-9]+]]: memref<?x8xf32>, %[[LENS:[a-z0-9]+]]: memref<1xindex>
// CHECK:         %[[N:.+]] = memref.dim %[[X]], %c0
// CHECK:         %[[M:.+]] = arith.muli %[[N]], %c2 : index
// CHECK:         %[[A0:.+]] = arith.muli %c32, %[[N]] : index
// CHECK:         %[[A1:.+]] = arith.addi %[[A0]], %c63 : index
// CHECK:         %[[ABYTES:.+]] = arith.andi %[[A1]], %c-64 : index
// CHECK:         %[[B0:.+]] = arith.muli %{{.+}}, %[[M]] : index
// CHECK:         %[[B1:.+]] = arith.addi %[[B0]], %c63 : index
// CHECK:         %[[BBYTES:.+]] = arith.andi %[[B1]], %c-64 : index
// CHECK:         %[[SLOT:.+]] = arith.maxui %[[ABYTES]], %[[BBYTES]] : index
// CHECK:         %[[NEED:.+]] = arith.addi %c8192, %[[SLOT]] : index
// CHECK:         %[[PREV:.+]] = memref.atomic_rmw assign
// CHECK:         %[[OWNS:.+]] = arith.cmpi eq, %[[PREV]]
// CHECK:         %[[BASE:.+]] = scf.if %[[OWNS]] -> (memref<?xi8>) {
// CHECK:           %[[NEED64:.+]] = arith.index_cast %[[NEED]] : index to i64
// CHECK:           %[[CAP:.+]] = llvm.load %{{.+}} : !llvm.ptr -> i64
// CHECK:           %[[SMALL:.+]] = arith.cmpi ult, %[[CAP]], %[[NEED64]] : i64
// CHECK:           scf.if %[[SMALL]] {
// CHECK:             llvm.call @free(
// CHECK:             %[[FRESH:.+]] = llvm.call @malloc(
// CHECK:             cf.assert %{{.+}}, "@growing: cannot allocate its scratch memory (malloc failed)"
// CHECK:             llvm.store %[[NEED64]]
// CHECK:           }
// CHECK:           %[[DESC:.+]] = llvm.insertvalue %{{.+}}[4, 0]
// CHECK:           %[[ARENA:.+]] = builtin.unrealized_conversion_cast %[[DESC]] : !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)> to memref<?xi8>
// CHECK:           scf.yield %[[ARENA]]
// CHECK:         } else {
// CHECK:           %[[OWN:.+]] = memref.alloc(%[[NEED]]) {alignment = 64 : i64} : memref<?xi8>
// CHECK:           scf.yield %[[OWN]]
// CHECK:         }
// CHECK:         memref.view %[[BASE]][%{{.+}}][] : memref<?xi8> to memref<32x64xf32>
// CHECK:         memref.view %[[BASE]][%c8192][%[[N]]] : memref<?xi8> to memref<?x8xf32>
// CHECK:         %[[M2:.+]] = arith.muli %[[N]], %c2 : index
// CHECK:         memref.view %[[BASE]][%c8192][%[[M2]]] : memref<?xi8> to memref<?x8xf32>
// CHECK:         %[[LEN:.+]] = memref.load %[[LENS]]
// CHECK:         %[[C:.+]] = memref.alloc(%[[LEN]]) {alignment = 64 : i64} : memref<?xf32>
// CHECK:         memref.dealloc %[[C]]
// CHECK:         scf.if %[[OWNS]] {
// CHECK:           memref.atomic_rmw assign
// CHECK:         } else {
// CHECK:           memref.dealloc %[[BASE]] : memref<?xi8>
// CHECK:         }
/// The heap arena is freed when the code is unloaded: a destructor of the
/// module frees it (and forgets it).
// CHECK-LABEL: llvm.func internal @s2s_release_arenas()
// CHECK:         %[[ZERO:.+]] = llvm.mlir.constant(0 : i64) : i64
// CHECK:         %[[AREF:.+]] = llvm.mlir.addressof @growing_arena_address
// CHECK:         %[[ADDR:.+]] = llvm.load %[[AREF]] : !llvm.ptr -> i64
// CHECK:         %[[PTR:.+]] = llvm.inttoptr %[[ADDR]] : i64 to !llvm.ptr
// CHECK:         llvm.call @free(%[[PTR]])
// CHECK:         llvm.store %[[ZERO]], %[[AREF]]
// CHECK:         %[[BREF:.+]] = llvm.mlir.addressof @growing_arena_bytes
// CHECK:         llvm.store %[[ZERO]], %[[BREF]]
// CHECK:         llvm.return
// CHECK:       llvm.mlir.global_dtors dtors = [@s2s_release_arenas], priorities = [65535 : i32], data = [#llvm.zero]
func.func @growing(%x: memref<?x8xf32>, %lens: memref<1xindex>) {
  %cst = arith.constant 1.0 : f32
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %n = memref.dim %x, %c0 : memref<?x8xf32>
  %fixed = memref.alloc() {alignment = 64 : i64} : memref<32x64xf32>
  linalg.fill ins(%cst : f32) outs(%fixed : memref<32x64xf32>)
  memref.dealloc %fixed : memref<32x64xf32>
  %a = memref.alloc(%n) {alignment = 64 : i64} : memref<?x8xf32>
  linalg.fill ins(%cst : f32) outs(%a : memref<?x8xf32>)
  memref.dealloc %a : memref<?x8xf32>
  %m = arith.muli %n, %c2 : index
  %b = memref.alloc(%m) {alignment = 64 : i64} : memref<?x8xf32>
  linalg.fill ins(%cst : f32) outs(%b : memref<?x8xf32>)
  memref.dealloc %b : memref<?x8xf32>
  %len = memref.load %lens[%c0] : memref<1xindex>
  %c = memref.alloc(%len) {alignment = 64 : i64} : memref<?xf32>
  linalg.fill ins(%cst : f32) outs(%c : memref<?xf32>)
  memref.dealloc %c : memref<?xf32>
  return
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

// -----

/// Static buffers of more than 1 GiB together: the arena is a heap block
/// allocated at the first call (a global that large would be mapped by the
/// loader with the library, called or not, and could not report a
/// failure), and a failed malloc is a message with the size.
// DEFAULT-NOT:   memref.global "private" @large_arena :
// DEFAULT:       llvm.mlir.global private @large_arena_address(0 : i64)
// DEFAULT-LABEL: func.func @large(
// DEFAULT:         llvm.call @malloc
// DEFAULT:         cf.assert %{{.+}}, "@large: cannot allocate its scratch memory of 1207959552 bytes (malloc failed)"
// DEFAULT:         memref.view
// DEFAULT:         memref.view
func.func @large(%out: memref<4xf32>) {
  %cst = arith.constant 1.0 : f32
  %a = memref.alloc() {alignment = 64 : i64} : memref<268435456xf32>
  %b = memref.alloc() {alignment = 64 : i64} : memref<33554432xf32>
  linalg.fill ins(%cst : f32) outs(%a : memref<268435456xf32>)
  linalg.fill ins(%cst : f32) outs(%b : memref<33554432xf32>)
  %va = memref.subview %a[0] [4] [1] : memref<268435456xf32> to memref<4xf32, strided<[1]>>
  memref.copy %va, %out : memref<4xf32, strided<[1]>> to memref<4xf32>
  %vb = memref.subview %b[0] [4] [1] : memref<33554432xf32> to memref<4xf32, strided<[1]>>
  memref.copy %vb, %out : memref<4xf32, strided<[1]>> to memref<4xf32>
  memref.dealloc %a : memref<268435456xf32>
  memref.dealloc %b : memref<33554432xf32>
  return
}

// -----

/// Heap buffers left alone (here carried from one iteration to the next)
/// are checked after their allocation when they are of 1 MiB or more, or
/// of a dynamic size: a failed malloc is a message naming the buffer, not a
/// write through a null pointer. Smaller ones are not checked.
// DEFAULT-LABEL: func.func @checked(
// DEFAULT:         %[[BIG:.+]] = memref.alloc() : memref<262144xf32>
// DEFAULT-NEXT:    %[[P:.+]] = memref.extract_aligned_pointer_as_index %[[BIG]]
// DEFAULT-NEXT:    %[[C0:.+]] = arith.constant 0 : index
// DEFAULT-NEXT:    %[[OK:.+]] = arith.cmpi ne, %[[P]], %[[C0]] : index
// DEFAULT-NEXT:    cf.assert %[[OK]], "{{.*}}s2s-cpu-plan-buffers.mlir:{{[0-9]+}}:{{[0-9]+}}: @checked: cannot allocate 1048576 bytes for a buffer of type memref<262144xf32> (malloc failed)"
// DEFAULT:         %[[DYN:.+]] = memref.alloc(%{{.+}}) : memref<?xf32>
// DEFAULT-NEXT:    memref.extract_aligned_pointer_as_index %[[DYN]]
// DEFAULT:         cf.assert %{{.+}}, "{{.*}}@checked: cannot allocate a buffer of type memref<?xf32> (malloc failed)"
// DEFAULT:         %[[SMALL:.+]] = memref.alloc() : memref<8xf32>
// DEFAULT-NOT:     cf.assert
// DEFAULT:         return
func.func @checked(%big0: memref<262144xf32>, %dyn0: memref<?xf32>,
                   %small0: memref<8xf32>)
    -> (memref<262144xf32>, memref<?xf32>, memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %r:3 = scf.for %i = %c0 to %c4 step %c1
      iter_args(%big = %big0, %dyn = %dyn0, %small = %small0)
      -> (memref<262144xf32>, memref<?xf32>, memref<8xf32>) {
    %nbig = memref.alloc() : memref<262144xf32>
    memref.copy %big, %nbig : memref<262144xf32> to memref<262144xf32>
    %n = memref.dim %dyn, %c0 : memref<?xf32>
    %ndyn = memref.alloc(%n) : memref<?xf32>
    memref.copy %dyn, %ndyn : memref<?xf32> to memref<?xf32>
    %nsmall = memref.alloc() : memref<8xf32>
    memref.copy %small, %nsmall : memref<8xf32> to memref<8xf32>
    scf.yield %nbig, %ndyn, %nsmall
        : memref<262144xf32>, memref<?xf32>, memref<8xf32>
  }
  return %r#0, %r#1, %r#2 : memref<262144xf32>, memref<?xf32>, memref<8xf32>
}
