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
