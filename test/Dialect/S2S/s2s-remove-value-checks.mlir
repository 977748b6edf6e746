// RUN: s2s-opt %s --s2s-remove-value-checks -split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-insert-value-checks --s2s-remove-value-checks \
// RUN:   -split-input-file | FileCheck %s --check-prefix=ROUNDTRIP

/// A check of values (marked s2s.value_check) goes, and with it the loop
/// that computed its condition; a check of sizes stays, and so does a
/// value that something else uses.
// CHECK-LABEL: func.func @checks(
// CHECK-SAME:      %[[IDS:[a-zA-Z0-9_]+]]: tensor<?xi64>, %[[N:[a-zA-Z0-9_]+]]: index)
// CHECK:         %[[DIM:.+]] = tensor.dim %[[IDS]]
// CHECK:         %[[SAME:.+]] = arith.cmpi eq, %[[DIM]], %[[N]]
// CHECK-NEXT:    cf.assert %[[SAME]], "ids has n elements"
// CHECK-NOT:     scf.for
// CHECK-NOT:     cf.assert
// CHECK:         return %[[DIM]]
func.func @checks(%ids: tensor<?xi64>, %n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %true = arith.constant true
  %zero = arith.constant 0 : i64
  %dim = tensor.dim %ids, %c0 : tensor<?xi64>
  %same = arith.cmpi eq, %dim, %n : index
  cf.assert %same, "ids has n elements"
  %ok = scf.for %i = %c0 to %dim step %c1 iter_args(%all = %true) -> (i1) {
    %id = tensor.extract %ids[%i] : tensor<?xi64>
    %nonneg = arith.cmpi sge, %id, %zero : i64
    %next = arith.andi %all, %nonneg : i1
    scf.yield %next : i1
  }
  cf.assert %ok, "every id is at least 0" {s2s.value_check}
  return %dim : index
}

// -----

/// The condition's computation shares a constant with the loop it feeds
/// (the loop's lower bound and the dim's index): each op is erased once.
// CHECK-LABEL: func.func @shared_constant(
// CHECK-NEXT:    return
func.func @shared_constant(%ids: tensor<?xi64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %true = arith.constant true
  %zero = arith.constant 0 : i64
  %dim = tensor.dim %ids, %c0 : tensor<?xi64>
  %ok = scf.for %i = %c0 to %dim step %c1 iter_args(%all = %true) -> (i1) {
    %id = tensor.extract %ids[%i] : tensor<?xi64>
    %nonneg = arith.cmpi sge, %id, %zero : i64
    %next = arith.andi %all, %nonneg : i1
    scf.yield %next : i1
  }
  cf.assert %ok, "every id is at least 0" {s2s.value_check}
  return
}

// -----

/// What s2s-insert-value-checks inserts is marked, so it is all removed.
// ROUNDTRIP-LABEL: func.func @embedding(
// ROUNDTRIP-NOT:     scf.for
// ROUNDTRIP-NOT:     cf.assert
// ROUNDTRIP:         s2s.embedding
func.func @embedding(%ids: tensor<?xi64>, %table: tensor<5x3xf32>)
    -> tensor<?x3xf32> {
  %e = s2s.embedding %ids, %table
      : (tensor<?xi64>, tensor<5x3xf32>) -> tensor<?x3xf32>
  return %e : tensor<?x3xf32>
}
