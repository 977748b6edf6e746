// RUN: s2s-opt %s --s2s-bufferization-shape-functions --split-input-file \
// RUN:   | FileCheck %s

// Next to a public function with dynamic results, @<name>_result_shapes
// returns every result dimension (static ones too) from the argument sizes
// alone: the model's ops reify their sizes and are erased.

// CHECK-LABEL: func.func @main(
// CHECK:         s2s.lstm
// CHECK-LABEL: func.func @main_result_shapes(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<?x?x4xf32>
// CHECK-SAME:      -> tensor<6xi64>
// CHECK-NOT:     s2s.lstm
// CHECK-DAG:     %[[T:.+]] = tensor.dim %[[X]], %c0
// CHECK-DAG:     %[[B:.+]] = tensor.dim %[[X]], %c1
// CHECK-DAG:     %[[T64:.+]] = arith.index_cast %[[T]] : index to i64
// CHECK-DAG:     %[[B64:.+]] = arith.index_cast %[[B]] : index to i64
// CHECK:         %[[SHAPES:.+]] = tensor.from_elements %[[T64]], %[[B64]], %c4_i64, %c1_i64, %{{.+}}, %c4_i64 : tensor<6xi64>
// CHECK:         return %[[SHAPES]]
// CHECK-NOT:     func.func @main_check_shapes
func.func @main(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x16x4xf32>,
    %w_hh: tensor<1x16x4xf32>) -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(4)
      : (tensor<?x?x4xf32>, tensor<1x16x4xf32>, tensor<1x16x4xf32>)
      -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>, tensor<1x?x4xf32>)
  return %y, %h_n : tensor<?x?x4xf32>, tensor<1x?x4xf32>
}

// -----

// The checks of the entry block become @<name>_check_shapes: 0, or the
// number of the first check that fails, with the messages listed in
// s2s.shape_checks. The entry keeps its checks.

// CHECK-LABEL: func.func @gru(
// CHECK:         cf.assert %{{.+}}, "first rule"
// CHECK:         cf.assert %{{.+}}, "second rule"
// CHECK-LABEL: func.func @gru_result_shapes(
// CHECK-NOT:     cf.assert
// CHECK:         return
// CHECK-LABEL: func.func @gru_check_shapes(
// CHECK-SAME:      -> i32
// CHECK-SAME:      attributes {s2s.shape_checks = ["first rule", "second rule"]}
// CHECK-NOT:     s2s.gru
// CHECK-NOT:     cf.assert
// CHECK-DAG:     %[[OK1:.+]] = arith.cmpi eq, %{{.+}}, %{{.+}} : index
// CHECK-DAG:     %[[OK2:.+]] = arith.cmpi eq, %{{.+}}, %{{.+}} : index
// CHECK:         %[[S2:.+]] = arith.select %[[OK2]], %c0_i32, %c2_i32 : i32
// CHECK:         %[[S1:.+]] = arith.select %[[OK1]], %[[S2]], %c1_i32 : i32
// CHECK:         return %[[S1]] : i32
func.func @gru(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x12x4xf32>,
    %w_hh: tensor<1x12x4xf32>, %h0: tensor<1x?x4xf32>,
    %seq_lens: tensor<?xi64>) -> tensor<?x?x4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %b = tensor.dim %x, %c1 : tensor<?x?x4xf32>
  %b0 = tensor.dim %h0, %c1 : tensor<1x?x4xf32>
  %ok1 = arith.cmpi eq, %b0, %b : index
  cf.assert %ok1, "first rule"
  %n = tensor.dim %seq_lens, %c0 : tensor<?xi64>
  %ok2 = arith.cmpi eq, %n, %b : index
  cf.assert %ok2, "second rule"
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh h0(%h0) seq_lens(%seq_lens)
      hidden_size(4)
      : (tensor<?x?x4xf32>, tensor<1x12x4xf32>, tensor<1x12x4xf32>,
         tensor<1x?x4xf32>, tensor<?xi64>)
      -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>)
  return %y : tensor<?x?x4xf32>
}

// -----

/// Elementwise arith and math ops on tensors do not reify their shapes: the
/// size of their result is that of their first operand of the same shape,
/// so the sizes do not keep the computation alive.
// CHECK-LABEL: func.func @residual_result_shapes(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>
// CHECK-NOT:     s2s.linear
// CHECK-NOT:     arith.addf
// CHECK-NOT:     math.tanh
// CHECK-DAG:     tensor.dim %[[X]], %c0
// CHECK-DAG:     tensor.dim %[[X]], %c1
// CHECK:         tensor.from_elements
func.func @residual(%x: tensor<?x?x8xf32>, %w: tensor<8x8xf32>)
    -> tensor<?x?x8xf32> {
  %y = s2s.linear %x, %w : (tensor<?x?x8xf32>, tensor<8x8xf32>)
      -> tensor<?x?x8xf32>
  %t = math.tanh %y : tensor<?x?x8xf32>
  %r = arith.addf %x, %t : tensor<?x?x8xf32>
  return %r : tensor<?x?x8xf32>
}

// -----

/// A token history that a decoding loop writes one row per step keeps the
/// sizes of its initial value: the result shape function reads them from
/// the arguments, and the loop (the whole decoder) is dead and erased; for
/// scf.for and for scf.while.
// CHECK-LABEL: func.func @greedy_for_result_shapes(
// CHECK-SAME:      %[[Y:[a-zA-Z0-9_]+]]: tensor<?xi64>
// CHECK-NOT:     scf.for
// CHECK-NOT:     s2s.argmax
// CHECK:         %[[B:.+]] = tensor.dim %[[Y]], %c0
// CHECK:         %[[B64:.+]] = arith.index_cast %[[B]] : index to i64
// CHECK:         tensor.from_elements %c16_i64, %[[B64]] : tensor<2xi64>
func.func @greedy_for(%y0: tensor<?xi64>, %table: tensor<16x16xf32>)
    -> tensor<16x?xi64> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0 : i64
  %b = tensor.dim %y0, %c0 : tensor<?xi64>
  %empty = tensor.empty(%b) : tensor<16x?xi64>
  %toks0 = linalg.fill ins(%zero : i64) outs(%empty : tensor<16x?xi64>)
      -> tensor<16x?xi64>
  %res:2 = scf.for %i = %c0 to %c16 step %c1
      iter_args(%y = %y0, %toks = %toks0) -> (tensor<?xi64>, tensor<16x?xi64>) {
    %logits = s2s.embedding %y, %table
        : (tensor<?xi64>, tensor<16x16xf32>) -> tensor<?x16xf32>
    %next = s2s.argmax %logits dim(1) : (tensor<?x16xf32>) -> tensor<?xi64>
    %row = tensor.expand_shape %next [[0, 1]] output_shape [1, %b]
        : tensor<?xi64> into tensor<1x?xi64>
    %toks_next = tensor.insert_slice %row into %toks[%i, 0] [1, %b] [1, 1]
        : tensor<1x?xi64> into tensor<16x?xi64>
    scf.yield %next, %toks_next : tensor<?xi64>, tensor<16x?xi64>
  }
  return %res#1 : tensor<16x?xi64>
}

// -----

// CHECK-LABEL: func.func @greedy_while_result_shapes(
// CHECK-SAME:      %[[Y:[a-zA-Z0-9_]+]]: tensor<?xi64>
// CHECK-NOT:     scf.while
// CHECK-NOT:     s2s.argmax
// CHECK:         %[[B:.+]] = tensor.dim %[[Y]], %c0
// CHECK:         %[[B64:.+]] = arith.index_cast %[[B]] : index to i64
// CHECK:         tensor.from_elements %c16_i64, %[[B64]] : tensor<2xi64>
func.func @greedy_while(%y0: tensor<?xi64>, %table: tensor<16x16xf32>)
    -> tensor<?x?xi64> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0 : i64
  %b = tensor.dim %y0, %c0 : tensor<?xi64>
  %empty = tensor.empty(%c16, %b) : tensor<?x?xi64>
  %toks0 = linalg.fill ins(%zero : i64) outs(%empty : tensor<?x?xi64>)
      -> tensor<?x?xi64>
  %res:3 = scf.while (%i = %c0, %y = %y0, %toks = %toks0)
      : (index, tensor<?xi64>, tensor<?x?xi64>)
      -> (index, tensor<?xi64>, tensor<?x?xi64>) {
    %go = arith.cmpi slt, %i, %c16 : index
    scf.condition(%go) %i, %y, %toks : index, tensor<?xi64>, tensor<?x?xi64>
  } do {
  ^bb0(%i: index, %y: tensor<?xi64>, %toks: tensor<?x?xi64>):
    %logits = s2s.embedding %y, %table
        : (tensor<?xi64>, tensor<16x16xf32>) -> tensor<?x16xf32>
    %next = s2s.argmax %logits dim(1) : (tensor<?x16xf32>) -> tensor<?xi64>
    %toks_next = tensor.insert_slice %next into %toks[%i, 0] [1, %b] [1, 1]
        : tensor<?xi64> into tensor<?x?xi64>
    %i_next = arith.addi %i, %c1 : index
    scf.yield %i_next, %next, %toks_next : index, tensor<?xi64>, tensor<?x?xi64>
  }
  return %res#2 : tensor<?x?xi64>
}

// -----

/// A loop that replaces the value (a concatenation that grows it) does not
/// keep its sizes: the loop stays in the result shape function.
// CHECK-LABEL: func.func @growing_while_result_shapes(
// CHECK:         scf.while
func.func @growing_while(%x0: tensor<?xf32>) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %res:2 = scf.while (%i = %c0, %x = %x0) : (index, tensor<?xf32>)
      -> (index, tensor<?xf32>) {
    %go = arith.cmpi slt, %i, %c4 : index
    scf.condition(%go) %i, %x : index, tensor<?xf32>
  } do {
  ^bb0(%i: index, %x: tensor<?xf32>):
    %longer = tensor.concat dim(0) %x, %x
        : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
    %c1 = arith.constant 1 : index
    %i_next = arith.addi %i, %c1 : index
    scf.yield %i_next, %longer : index, tensor<?xf32>
  }
  return %res#1 : tensor<?xf32>
}

// -----

/// A check of values (here a size read from an input) is not in the check
/// function, which reads sizes only; it stays in the entry, where the entry
/// point's status makes it once the sizes are known to be right.
// CHECK-LABEL: func.func @values(
// CHECK:         cf.assert %{{.+}}, "x has a row"
// CHECK:         tensor.extract
// CHECK:         cf.assert %{{.+}}, "n holds the rows of x"
// CHECK-LABEL: func.func @values_check_shapes(
// CHECK-SAME:      s2s.shape_checks = ["x has a row"]
// CHECK-NOT:     tensor.extract
// CHECK:         return
func.func @values(%x: tensor<?x4xf32>, %n: tensor<1xi64>) -> tensor<?x4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %rows = tensor.dim %x, %c0 : tensor<?x4xf32>
  %nonempty = arith.cmpi sge, %rows, %c1 : index
  cf.assert %nonempty, "x has a row"
  %v = tensor.extract %n[%c0] : tensor<1xi64>
  %vi = arith.index_cast %v : i64 to index
  %fits = arith.cmpi eq, %vi, %rows : index
  cf.assert %fits, "n holds the rows of x"
  return %x : tensor<?x4xf32>
}

// -----

/// Static results and no checks: nothing to add. Private functions are not
/// entry points.
// CHECK-LABEL: func.func @negative_static(
// CHECK-NOT:     func.func @negative_static_
// CHECK-NOT:     func.func @negative_private_
func.func @negative_static(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  return %x : tensor<2x3xf32>
}

func.func private @negative_private(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  return %x : tensor<?x3xf32>
}
