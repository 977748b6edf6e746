//===- S2SOps.td - s2s op definitions ----------------------*- tablegen -*-===//
//
// The ops of the s2s dialect. Every op is value-semantic, infers its result
// types from its operands and attributes, and checks the shapes of its
// operands (OperandShapesVerifiedFirst) before the inferred result types are
// compared with the declared ones, so that an inconsistent operand is named
// in the diagnostic.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_DIALECT_S2S_IR_S2SOPS_TD
#define S2S_DIALECT_S2S_IR_S2SOPS_TD

include "s2s/Dialect/S2S/IR/S2SDialect.td"
include "s2s/Dialect/S2S/IR/S2SAttrs.td"
include "s2s/Dialect/S2S/IR/S2SInterfaces.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

/// Runs `verifyOperandShapes()` ahead of result type inference.
def S2S_OperandShapesVerifiedFirst
    : NativeOpTrait<"OperandShapesVerifiedFirst"> {
  let cppNamespace = "::mlir::OpTrait::s2s";
}

class S2S_Op<string mnemonic, list<Trait> traits = []>
    : Op<S2S_Dialect, mnemonic,
         !listconcat(traits, [S2S_OperandShapesVerifiedFirst,
                              InferTypeOpAdaptor,
                              DeclareOpInterfaceMethods<
                                  ReifyRankedShapedTypeOpInterface,
                                  ["reifyResultShapes"]>])> {
  code extraBaseClassDeclaration = [{
    /// Checks every shape, element type and attribute rule of the op; emits
    /// an error naming the offending operand or attribute on failure.
    ::mlir::LogicalResult verifyOperandShapes();
  }];
  let extraClassDeclaration = extraBaseClassDeclaration;
}

def S2S_FloatTensor : RankedTensorOf<[AnyFloat]>;
def S2S_Float1DTensor : 1DTensorOf<[AnyFloat]>;
def S2S_Float2DTensor : 2DTensorOf<[AnyFloat]>;
def S2S_Float3DTensor : 3DTensorOf<[AnyFloat]>;
def S2S_Float4DTensor : 4DTensorOf<[AnyFloat]>;
def S2S_SeqLensTensor : 1DTensorOf<[I32, I64]>;
/// A boolean (true = may attend) or additive floating-point mask.
def S2S_MaskTensor : RankedTensorOf<[I1, AnyFloat]>;

//===----------------------------------------------------------------------===//
// Recurrent layers over a whole sequence
//===----------------------------------------------------------------------===//

/// Operands and attributes shared by s2s.rnn, s2s.lstm and s2s.gru. The
/// LSTM adds its cell state c0 after h0; the order below is the operand order.
defvar S2S_RNNLayerWeights = (ins
  S2S_Float3DTensor:$x,
  S2S_Float3DTensor:$w_ih,
  S2S_Float3DTensor:$w_hh,
  Optional<S2S_Float2DTensor>:$b_ih,
  Optional<S2S_Float2DTensor>:$b_hh,
  Optional<S2S_Float3DTensor>:$h0);

defvar S2S_RNNLayerAttrs = (ins
  Optional<S2S_SeqLensTensor>:$seq_lens,
  ConfinedAttr<I64Attr, [IntPositive]>:$hidden_size,
  DefaultValuedAttr<S2S_DirectionAttr,
                    "::mlir::s2s::Direction::forward">:$direction,
  UnitAttr:$batch_first,
  OptionalAttr<F64Attr>:$clip);

class S2S_RNNLayerOp<string mnemonic, list<Trait> traits = []>
    : S2S_Op<mnemonic, !listconcat(traits, [Pure, AttrSizedOperandSegments,
        DeclareOpInterfaceMethods<S2S_RecurrentOpInterface, ["getCellKind"]>])> {
  let hasCanonicalizer = 1;
  let extraClassDeclaration = extraBaseClassDeclaration # [{
    /// Number of directions: 2 if bidirectional, else 1.
    int64_t getNumDirections() {
      return getDirection() == ::mlir::s2s::Direction::bidirectional ? 2 : 1;
    }
  }];
}

def S2S_RNNOp : S2S_RNNLayerOp<"rnn"> {
  let summary = "Elman RNN layer over a whole sequence (nn.RNN)";
  let description = [{
    One layer of an Elman RNN, as `torch.nn.RNN` with `num_layers = 1`:

    ```
    h_t = act(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)
    ```

    `x` is `[T, B, I]`, or `[B, T, I]` with `batch_first`. Weights stack the
    directions: `w_ih : [D, H, I]`, `w_hh : [D, H, H]`, `b_ih, b_hh : [D, H]`
    (both or neither). `h0 : [D, B, H]` defaults to zeros. With `seq_lens :
    [B]`, sequence `b` has `seq_lens[b]` valid steps: `y` is zero past them and
    `h_n` holds each direction's state at its last valid step (PyTorch's
    packed-sequence rules); each length must lie in `[0, T]`, checked at
    run time (`s2s-insert-value-checks`). Results: `y : [T, B, D*H]` (`[B, T, D*H]` with
    `batch_first`), the forward half first, and `h_n : [D, B, H]`.

    With `clip(c)` (ONNX's attribute of the same name; the three layer ops
    share it) every gate pre-activation is clamped to `[-c, c]` before its
    nonlinearity. PyTorch has no such option.

    Example:

    ```mlir
    %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
        hidden_size(4) direction bidirectional activation relu
        : (tensor<4x3x5xf32>, tensor<2x4x5xf32>, tensor<2x4x4xf32>,
           tensor<2x4xf32>, tensor<2x4xf32>)
        -> (tensor<4x3x8xf32>, tensor<2x3x4xf32>)
    ```
  }];
  let arguments = !con(S2S_RNNLayerWeights, S2S_RNNLayerAttrs, (ins
    DefaultValuedAttr<S2S_ActivationAttr,
                      "::mlir::s2s::Activation::tanh">:$activation));
  let results = (outs S2S_Float3DTensor:$y, S2S_Float3DTensor:$h_n);
  let assemblyFormat = [{
    $x `,` $w_ih `,` $w_hh
    (`b_ih` `(` $b_ih^ `)`)? (`b_hh` `(` $b_hh^ `)`)?
    (`h0` `(` $h0^ `)`)? (`seq_lens` `(` $seq_lens^ `)`)?
    `hidden_size` `(` $hidden_size `)`
    (`direction` `` $direction^)?
    (`activation` `` $activation^)?
    (`batch_first` $batch_first^)?
    (`clip` `(` $clip^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_LSTMOp : S2S_RNNLayerOp<"lstm"> {
  let summary = "LSTM layer over a whole sequence (nn.LSTM)";
  let description = [{
    One layer of an LSTM, as `torch.nn.LSTM` with `num_layers = 1` and no
    projection. Gates in PyTorch's order i, f, g, o:

    ```
    i, f, g, o = split(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh, 4)
    c_t = sigmoid(f) * c_{t-1} + sigmoid(i) * tanh(g)
    h_t = sigmoid(o) * tanh(c_t)
    ```

    `w_ih : [D, 4H, I]`, `w_hh : [D, 4H, H]`, `b_ih, b_hh : [D, 4H]` (both or
    neither); `h0, c0 : [D, B, H]`, each defaulting to zeros. Layout,
    `seq_lens` and directions as in `s2s.rnn`. Results: `y : [T, B, D*H]`,
    `h_n, c_n : [D, B, H]`.

    Optional `peepholes : [D, 3H]` (ONNX's `P`; PyTorch has none) add the
    cell state to the gates, in the order i, f, o:

    ```
    i = sigmoid(... + p_i * c_{t-1}),  f = sigmoid(... + p_f * c_{t-1})
    o = sigmoid(... + p_o * c_t)
    ```

    `clip(c)` clamps every gate pre-activation to `[-c, c]`, as in `s2s.rnn`.

    Example:

    ```mlir
    %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
        h0(%h0) c0(%c0) hidden_size(16)
        : (tensor<6x2x8xf32>, tensor<1x64x8xf32>, tensor<1x64x16xf32>,
           tensor<1x64xf32>, tensor<1x64xf32>, tensor<1x2x16xf32>,
           tensor<1x2x16xf32>)
        -> (tensor<6x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>)
    ```
  }];
  let arguments = !con(S2S_RNNLayerWeights,
                       (ins Optional<S2S_Float3DTensor>:$c0,
                            Optional<S2S_Float2DTensor>:$peepholes),
                       S2S_RNNLayerAttrs);
  let results = (outs S2S_Float3DTensor:$y, S2S_Float3DTensor:$h_n,
                      S2S_Float3DTensor:$c_n);
  let assemblyFormat = [{
    $x `,` $w_ih `,` $w_hh
    (`b_ih` `(` $b_ih^ `)`)? (`b_hh` `(` $b_hh^ `)`)?
    (`h0` `(` $h0^ `)`)? (`c0` `(` $c0^ `)`)?
    (`peepholes` `(` $peepholes^ `)`)?
    (`seq_lens` `(` $seq_lens^ `)`)?
    `hidden_size` `(` $hidden_size `)`
    (`direction` `` $direction^)?
    (`batch_first` $batch_first^)?
    (`clip` `(` $clip^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_GRUOp : S2S_RNNLayerOp<"gru"> {
  let summary = "GRU layer over a whole sequence (nn.GRU)";
  let description = [{
    One layer of a GRU, as `torch.nn.GRU` with `num_layers = 1`. Gates in
    PyTorch's order r, z, n:

    ```
    r = sigmoid(x W_ir^T + b_ir + h W_hr^T + b_hr)
    z = sigmoid(x W_iz^T + b_iz + h W_hz^T + b_hz)
    n = tanh(x W_in^T + b_in + r * (h W_hn^T + b_hn))    linear_before_reset
    n = tanh(x W_in^T + b_in + (r * h) W_hn^T + b_hn)     otherwise
    h' = (1 - z) * n + z * h
    ```

    `linear_before_reset` defaults to `true`, PyTorch's form; `false` is the
    original GRU (and ONNX's default). `clip(c)` clamps every gate
    pre-activation to `[-c, c]`, as in `s2s.rnn`. `w_ih : [D, 3H, I]`, `w_hh : [D, 3H,
    H]`, `b_ih, b_hh : [D, 3H]` (both or neither), `h0 : [D, B, H]`. Layout,
    `seq_lens` and directions as in `s2s.rnn`.

    Example:

    ```mlir
    %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
        seq_lens(%lens) hidden_size(4)
        : (tensor<6x3x4xf32>, tensor<1x12x4xf32>, tensor<1x12x4xf32>,
           tensor<1x12xf32>, tensor<1x12xf32>, tensor<1x3x4xf32>,
           tensor<3xi64>)
        -> (tensor<6x3x4xf32>, tensor<1x3x4xf32>)
    ```
  }];
  let arguments = !con(S2S_RNNLayerWeights, S2S_RNNLayerAttrs, (ins
    DefaultValuedAttr<BoolAttr, "true">:$linear_before_reset));
  let results = (outs S2S_Float3DTensor:$y, S2S_Float3DTensor:$h_n);
  let assemblyFormat = [{
    $x `,` $w_ih `,` $w_hh
    (`b_ih` `(` $b_ih^ `)`)? (`b_hh` `(` $b_hh^ `)`)?
    (`h0` `(` $h0^ `)`)? (`seq_lens` `(` $seq_lens^ `)`)?
    `hidden_size` `(` $hidden_size `)`
    (`direction` `` $direction^)?
    (`batch_first` $batch_first^)?
    (`clip` `(` $clip^ `)`)?
    (`linear_before_reset` `(` $linear_before_reset^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_RecurrenceOp : S2S_Op<"recurrence", [Pure, AttrSizedOperandSegments,
    DeclareOpInterfaceMethods<S2S_RecurrentOpInterface, ["getCellKind"]>]> {
  let summary = "the recurrence of an RNN/LSTM/GRU layer, inputs projected";
  let hasCanonicalizer = 1;
  let description = [{
    The part of a recurrent layer that runs over time, given the input
    projections of every step: `x_gates = x W_ih^T + b_ih` for all steps and
    directions at once, `[T, B, D*G*H]` (`[B, T, D*G*H]` with
    `batch_first`), direction `d`'s gates in columns `[d*G*H, (d+1)*G*H)` in
    the cell's gate order. This is what `s2s-hoist-rnn-input` leaves of an
    `s2s.rnn`, `s2s.lstm` or `s2s.gru` after moving the input projection into
    one `s2s.linear` (a single GEMM) before the recurrence; each step is then
    one GEMM with `w_hh` and the gate math.

    `cell` is `rnn` (with `activation`), `lstm` or `gru` (with
    `linear_before_reset`). The other operands, attributes and results are
    those of the layer op: `w_hh : [D, G*H, H]`, `b_hh : [D, G*H]`, `h0` (and
    for an LSTM `c0`) `: [D, B, H]`, `seq_lens : [B]`; results `y`, `h_n` and,
    for an LSTM only, `c_n`.

    Example:

    ```mlir
    %y, %h_n, %c_n = s2s.recurrence lstm %x_gates, %w_hh b_hh(%b_hh)
        hidden_size(16)
        : (tensor<6x2x64xf32>, tensor<1x64x16xf32>, tensor<1x64xf32>)
        -> (tensor<6x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>)
    ```
  }];
  let arguments = (ins
    S2S_CellKindAttr:$cell,
    S2S_Float3DTensor:$x_gates,
    S2S_Float3DTensor:$w_hh,
    Optional<S2S_Float2DTensor>:$b_hh,
    Optional<S2S_Float3DTensor>:$h0,
    Optional<S2S_Float3DTensor>:$c0,
    Optional<S2S_SeqLensTensor>:$seq_lens,
    ConfinedAttr<I64Attr, [IntPositive]>:$hidden_size,
    DefaultValuedAttr<S2S_DirectionAttr,
                      "::mlir::s2s::Direction::forward">:$direction,
    UnitAttr:$batch_first,
    DefaultValuedAttr<S2S_ActivationAttr,
                      "::mlir::s2s::Activation::tanh">:$activation,
    DefaultValuedAttr<BoolAttr, "true">:$linear_before_reset);
  let results = (outs S2S_Float3DTensor:$y, S2S_Float3DTensor:$h_n,
                      Optional<S2S_Float3DTensor>:$c_n);
  let assemblyFormat = [{
    `` $cell $x_gates `,` $w_hh
    (`b_hh` `(` $b_hh^ `)`)?
    (`h0` `(` $h0^ `)`)? (`c0` `(` $c0^ `)`)?
    (`seq_lens` `(` $seq_lens^ `)`)?
    `hidden_size` `(` $hidden_size `)`
    (`direction` `` $direction^)?
    (`batch_first` $batch_first^)?
    (`activation` `` $activation^)?
    (`linear_before_reset` `(` $linear_before_reset^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = extraBaseClassDeclaration # [{
    /// Number of directions: 2 if bidirectional, else 1.
    int64_t getNumDirections() {
      return getDirection() == ::mlir::s2s::Direction::bidirectional ? 2 : 1;
    }
  }];
}

//===----------------------------------------------------------------------===//
// Recurrent cells: one time step
//===----------------------------------------------------------------------===//

class S2S_CellOpBase<string mnemonic, list<Trait> traits = []>
    : S2S_Op<mnemonic, !listconcat(traits, [Pure, AttrSizedOperandSegments,
        DeclareOpInterfaceMethods<S2S_RecurrentOpInterface, ["getCellKind"]>])>;

def S2S_RNNCellOp : S2S_CellOpBase<"rnn_cell"> {
  let summary = "one step of an Elman RNN (nn.RNNCell)";
  let description = [{
    `h_next = act(x W_ih^T + b_ih + h W_hh^T + b_hh)` with `x : [B, I]`,
    `h : [B, H]`, `w_ih : [H, I]`, `w_hh : [H, H]`, `b_ih, b_hh : [H]` (both
    or neither). For decoder loops written by hand.

    Example:

    ```mlir
    %h_next = s2s.rnn_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
        : (tensor<3x5xf32>, tensor<3x7xf32>, tensor<7x5xf32>,
           tensor<7x7xf32>, tensor<7xf32>, tensor<7xf32>) -> tensor<3x7xf32>
    ```
  }];
  let arguments = (ins
    S2S_Float2DTensor:$x,
    S2S_Float2DTensor:$h,
    S2S_Float2DTensor:$w_ih,
    S2S_Float2DTensor:$w_hh,
    Optional<S2S_Float1DTensor>:$b_ih,
    Optional<S2S_Float1DTensor>:$b_hh,
    DefaultValuedAttr<S2S_ActivationAttr,
                      "::mlir::s2s::Activation::tanh">:$activation);
  let results = (outs S2S_Float2DTensor:$h_next);
  let assemblyFormat = [{
    $x `,` $h `,` $w_ih `,` $w_hh
    (`b_ih` `(` $b_ih^ `)`)? (`b_hh` `(` $b_hh^ `)`)?
    (`activation` `` $activation^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_LSTMCellOp : S2S_CellOpBase<"lstm_cell"> {
  let summary = "one step of an LSTM (nn.LSTMCell)";
  let description = [{
    One LSTM step with gates i, f, g, o (see `s2s.lstm`): `x : [B, I]`,
    `h, c : [B, H]`, `w_ih : [4H, I]`, `w_hh : [4H, H]`, `b_ih, b_hh : [4H]`
    (both or neither). Results `h_next, c_next : [B, H]`.

    Example:

    ```mlir
    %h_next, %c_next = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh
        b_ih(%b_ih) b_hh(%b_hh)
        : (tensor<3x5xf32>, tensor<3x7xf32>, tensor<3x7xf32>,
           tensor<28x5xf32>, tensor<28x7xf32>, tensor<28xf32>, tensor<28xf32>)
        -> (tensor<3x7xf32>, tensor<3x7xf32>)
    ```
  }];
  let arguments = (ins
    S2S_Float2DTensor:$x,
    S2S_Float2DTensor:$h,
    S2S_Float2DTensor:$c,
    S2S_Float2DTensor:$w_ih,
    S2S_Float2DTensor:$w_hh,
    Optional<S2S_Float1DTensor>:$b_ih,
    Optional<S2S_Float1DTensor>:$b_hh);
  let results = (outs S2S_Float2DTensor:$h_next, S2S_Float2DTensor:$c_next);
  let assemblyFormat = [{
    $x `,` $h `,` $c `,` $w_ih `,` $w_hh
    (`b_ih` `(` $b_ih^ `)`)? (`b_hh` `(` $b_hh^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_GRUCellOp : S2S_CellOpBase<"gru_cell"> {
  let summary = "one step of a GRU (nn.GRUCell)";
  let description = [{
    One GRU step with gates r, z, n (see `s2s.gru`): `x : [B, I]`,
    `h : [B, H]`, `w_ih : [3H, I]`, `w_hh : [3H, H]`, `b_ih, b_hh : [3H]`
    (both or neither). `linear_before_reset` defaults to `true` (PyTorch).

    Example:

    ```mlir
    %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
        : (tensor<3x5xf32>, tensor<3x7xf32>, tensor<21x5xf32>,
           tensor<21x7xf32>, tensor<21xf32>, tensor<21xf32>) -> tensor<3x7xf32>
    ```
  }];
  let arguments = (ins
    S2S_Float2DTensor:$x,
    S2S_Float2DTensor:$h,
    S2S_Float2DTensor:$w_ih,
    S2S_Float2DTensor:$w_hh,
    Optional<S2S_Float1DTensor>:$b_ih,
    Optional<S2S_Float1DTensor>:$b_hh,
    DefaultValuedAttr<BoolAttr, "true">:$linear_before_reset);
  let results = (outs S2S_Float2DTensor:$h_next);
  let assemblyFormat = [{
    $x `,` $h `,` $w_ih `,` $w_hh
    (`b_ih` `(` $b_ih^ `)`)? (`b_hh` `(` $b_hh^ `)`)?
    (`linear_before_reset` `(` $linear_before_reset^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Attention
//===----------------------------------------------------------------------===//

def S2S_AttentionOp : S2S_Op<"attention", [Pure, AttrSizedOperandSegments]> {
  let summary = "Seq2Seq attention of decoder queries over encoder states";
  let hasCanonicalizer = 1;
  let description = [{
    Luong and Bahdanau attention. For `query : [B, Tq, Dq]`, `keys : [B, Tk,
    Dk]` and `values : [B, Tk, Dv]`, the score of query `i` and key `j` is

    * `dot` (Luong): `q_i . k_j`, with `Dq == Dk`;
    * `general` (Luong): `q_i^T W k_j` with `w : [Dq, Dk]`;
    * `additive` (Bahdanau; Luong's concat is the same form):
      `v . tanh(W_query q_i + W_keys k_j)` with `w_query : [A, Dq]`,
      `w_keys : [A, Dk]` and `v : [A]`.

    `weights = softmax_j(score)` and `ctx = weights @ values`. The
    optional boolean `mask` (true = may attend) has rank 3 and broadcasts to
    `[B, Tq, Tk]` (each dimension 1 or full, e.g. `[B, 1, Tk]` for padding);
    a query whose keys are all masked gets zero weights and a zero context vector.
    Results: `ctx : [B, Tq, Dv]` (the context vectors), `weights : [B, Tq, Tk]`.

    Example:

    ```mlir
    %ctx, %weights = s2s.attention additive %query, %keys, %values
        w_query(%w_query) w_keys(%w_keys) v(%v) mask(%mask)
        : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x6xf32>,
           tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>,
           tensor<2x3x5xi1>) -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
    ```
  }];
  let arguments = (ins
    S2S_AttentionScoreAttr:$score,
    S2S_Float3DTensor:$query,
    S2S_Float3DTensor:$keys,
    S2S_Float3DTensor:$values,
    Optional<S2S_Float2DTensor>:$w,
    Optional<S2S_Float2DTensor>:$w_query,
    Optional<S2S_Float2DTensor>:$w_keys,
    Optional<S2S_Float1DTensor>:$v,
    Optional<RankedTensorOf<[I1]>>:$mask);
  let results = (outs S2S_Float3DTensor:$ctx, S2S_Float3DTensor:$weights);
  let assemblyFormat = [{
    `` $score $query `,` $keys `,` $values
    (`w` `(` $w^ `)`)?
    (`w_query` `(` $w_query^ `)`)? (`w_keys` `(` $w_keys^ `)`)?
    (`v` `(` $v^ `)`)?
    (`mask` `(` $mask^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_ScaledDotProductAttentionOp
    : S2S_Op<"scaled_dot_product_attention", [Pure]> {
  let summary = "softmax(q k^T * scale + mask) v, with grouped-query heads";
  let hasCanonicalizer = 1;
  let description = [{
    Scaled dot-product attention as
    `torch.nn.functional.scaled_dot_product_attention`, over `query : [B, H,
    Tq, D]`, `key : [B, Hkv, Tk, D]` and `value : [B, Hkv, Tk, Dv]`. When
    `H` is a multiple of `Hkv`, query head `h` uses key/value head
    `h / (H / Hkv)` (grouped-query attention).

    * `scale` defaults to `1 / sqrt(D)`.
    * `mask` is boolean (true = may attend) or additive (same float type as
      the query, added to the scaled scores); its shape broadcasts to `[B, H,
      Tq, Tk]` (rank 2 to 4, aligned right, each dimension 1 or full).
    * `causal`: query `i` may attend key `j` iff `j <= i + Tk - Tq`
      (bottom-right aligned, as a KV cache needs). It combines with a mask.

    A query row with every key masked produces zeros. Result: `[B, H, Tq,
    Dv]`.

    Example:

    ```mlir
    %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
        scale(0.35355339059327373) causal
        : (tensor<1x4x5x8xf32>, tensor<1x2x12x8xf32>, tensor<1x2x12x8xf32>,
           tensor<1x1x5x12xi1>) -> tensor<1x4x5x8xf32>
    ```
  }];
  let arguments = (ins
    S2S_Float4DTensor:$query,
    S2S_Float4DTensor:$key,
    S2S_Float4DTensor:$value,
    Optional<S2S_MaskTensor>:$mask,
    OptionalAttr<F64Attr>:$scale,
    UnitAttr:$causal);
  let results = (outs S2S_Float4DTensor:$out);
  let assemblyFormat = [{
    $query `,` $key `,` $value
    (`mask` `(` $mask^ `)`)?
    (`scale` `(` $scale^ `)`)?
    (`causal` $causal^)?
    attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = extraBaseClassDeclaration # [{
    /// The softmax scale: the `scale` attribute, or 1/sqrt(D).
    double getScaleOrDefault();
  }];
}

def S2S_MultiHeadAttentionOp : S2S_Op<"multi_head_attention",
    [Pure, AttrSizedOperandSegments]> {
  let summary = "multi-head attention (nn.MultiheadAttention)";
  let hasCanonicalizer = 1;
  let description = [{
    Multi-head attention as `torch.nn.MultiheadAttention` in eval mode.
    `query : [Tq, B, E]` (`[B, Tq, E]` with `batch_first`); `key : [Tk, B,
    Ek]` and `value : [Tk, B, Ev]` are given together or not at all
    (self-attention: key = value = query).

    Projections, exactly one form:

    * packed: `in_proj_weight : [3E, E]` stacks W_q; W_k; W_v (requires
      `Ek == Ev == E`);
    * separate: `q_proj_weight : [E, E]`, `k_proj_weight : [E, Ek]`,
      `v_proj_weight : [E, Ev]`.

    `in_proj_bias : [3E]` and `out_proj_bias : [E]` are optional;
    `out_proj_weight : [E, E]` is not. `num_heads` divides `E`.

    Masks (boolean: true = may attend, the inverse of PyTorch's
    `key_padding_mask`; or additive float): `key_padding_mask : [B, Tk]`,
    `attn_mask : [Tq, Tk]` or `[B * num_heads, Tq, Tk]`. `causal` adds a
    bottom-right aligned causal mask. A query with every key masked gets zeros.

    Results: `out` with the layout of `query`, and with `need_weights` the
    attention weights averaged over heads, `[B, Tq, Tk]`.

    Example (self-attention):

    ```mlir
    %out, %avg = s2s.multi_head_attention %x
        in_proj_weight(%w_in) in_proj_bias(%b_in)
        out_proj_weight(%w_out) out_proj_bias(%b_out)
        key_padding_mask(%kpm) num_heads(4) batch_first need_weights
        : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<96xf32>,
           tensor<32x32xf32>, tensor<32xf32>, tensor<2x10xi1>)
        -> (tensor<2x10x32xf32>, tensor<2x10x10xf32>)
    ```
  }];
  let arguments = (ins
    S2S_Float3DTensor:$query,
    Optional<S2S_Float3DTensor>:$key,
    Optional<S2S_Float3DTensor>:$value,
    Optional<S2S_Float2DTensor>:$in_proj_weight,
    Optional<S2S_Float2DTensor>:$q_proj_weight,
    Optional<S2S_Float2DTensor>:$k_proj_weight,
    Optional<S2S_Float2DTensor>:$v_proj_weight,
    Optional<S2S_Float1DTensor>:$in_proj_bias,
    S2S_Float2DTensor:$out_proj_weight,
    Optional<S2S_Float1DTensor>:$out_proj_bias,
    Optional<S2S_MaskTensor>:$key_padding_mask,
    Optional<S2S_MaskTensor>:$attn_mask,
    ConfinedAttr<I64Attr, [IntPositive]>:$num_heads,
    UnitAttr:$batch_first,
    UnitAttr:$causal,
    UnitAttr:$need_weights);
  let results = (outs S2S_Float3DTensor:$out,
                      Optional<S2S_Float3DTensor>:$avg_weights);
  let assemblyFormat = [{
    $query (`,` $key^ `,` $value)?
    (`in_proj_weight` `(` $in_proj_weight^ `)`)?
    (`q_proj_weight` `(` $q_proj_weight^ `)`)?
    (`k_proj_weight` `(` $k_proj_weight^ `)`)?
    (`v_proj_weight` `(` $v_proj_weight^ `)`)?
    (`in_proj_bias` `(` $in_proj_bias^ `)`)?
    `out_proj_weight` `(` $out_proj_weight `)`
    (`out_proj_bias` `(` $out_proj_bias^ `)`)?
    (`key_padding_mask` `(` $key_padding_mask^ `)`)?
    (`attn_mask` `(` $attn_mask^ `)`)?
    `num_heads` `(` $num_heads `)`
    (`batch_first` $batch_first^)?
    (`causal` $causal^)?
    (`need_weights` $need_weights^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_CachedMultiHeadAttentionOp
    : S2S_Op<"cached_multi_head_attention",
             [Pure, AttrSizedOperandSegments]> {
  let summary = "multi-head self-attention of a decoding step, with a KV cache";
  let hasCanonicalizer = 1;
  let description = [{
    The self-attention of an autoregressive decoder, one step at a time:
    `s2s.multi_head_attention` of `query` with itself, where the keys and
    values of the positions decoded before come from a cache instead of
    being projected again.

    `query : [S, B, E]` (`[B, S, E]` with `batch_first`) holds the `S`
    positions of this step (1 while generating, the prompt's length when
    filling the cache). Its key and value projections, split into heads,
    `[B, num_heads, S, E / num_heads]`, are written into `key_cache` and
    `value_cache : [B, num_heads, T_max, E / num_heads]` at positions
    `[pos, pos + S)`, as `s2s.kv_cache_append` along dimension 2 does (in
    place after bufferization); every query then attends over the valid
    prefix `[0, pos + S)` of the updated caches. `causal` makes query `i`
    (position `pos + i`) see keys `0 .. pos + i` only (bottom-right aligned);
    it does not matter when `S = 1`.

    Projections, masks and biases are those of `s2s.multi_head_attention`,
    except that the masks cover the cache's capacity, of which the valid
    prefix is read: `key_padding_mask : [B, T_max]`, `attn_mask : [S, T_max]`
    or `[B * num_heads, S, T_max]` (boolean: true = may attend; or additive).
    A query with every key masked gets zeros. The separate projection
    weights are `[E, E]` each (self-attention).

    Results: `out` with the layout of `query`, and the updated caches
    (`key_cache_out`, `value_cache_out`, the types of the caches). `pos`
    must lie in `[0, T_max - S]`: `s2s-to-llvm` checks that at run time
    (`s2s-insert-value-checks`), and the lowering clamps it rather than
    write out of bounds.

    Example (one generated token, batch 1, 8 heads of 64, capacity 512):

    ```mlir
    %out, %k_cache_next, %v_cache_next = s2s.cached_multi_head_attention %x
        cache(%k_cache, %v_cache) at(%pos)
        in_proj_weight(%w_in) in_proj_bias(%b_in)
        out_proj_weight(%w_out) out_proj_bias(%b_out)
        num_heads(8) batch_first
        : (tensor<1x1x512xf32>, tensor<1x8x512x64xf32>,
           tensor<1x8x512x64xf32>, index, tensor<1536x512xf32>,
           tensor<1536xf32>, tensor<512x512xf32>, tensor<512xf32>)
        -> (tensor<1x1x512xf32>, tensor<1x8x512x64xf32>,
            tensor<1x8x512x64xf32>)
    ```
  }];
  let arguments = (ins
    S2S_Float3DTensor:$query,
    S2S_Float4DTensor:$key_cache,
    S2S_Float4DTensor:$value_cache,
    Index:$pos,
    Optional<S2S_Float2DTensor>:$in_proj_weight,
    Optional<S2S_Float2DTensor>:$q_proj_weight,
    Optional<S2S_Float2DTensor>:$k_proj_weight,
    Optional<S2S_Float2DTensor>:$v_proj_weight,
    Optional<S2S_Float1DTensor>:$in_proj_bias,
    S2S_Float2DTensor:$out_proj_weight,
    Optional<S2S_Float1DTensor>:$out_proj_bias,
    Optional<S2S_MaskTensor>:$key_padding_mask,
    Optional<S2S_MaskTensor>:$attn_mask,
    ConfinedAttr<I64Attr, [IntPositive]>:$num_heads,
    UnitAttr:$batch_first,
    UnitAttr:$causal);
  let results = (outs S2S_Float3DTensor:$out,
                      S2S_Float4DTensor:$key_cache_out,
                      S2S_Float4DTensor:$value_cache_out);
  let assemblyFormat = [{
    $query `cache` `(` $key_cache `,` $value_cache `)` `at` `(` $pos `)`
    (`in_proj_weight` `(` $in_proj_weight^ `)`)?
    (`q_proj_weight` `(` $q_proj_weight^ `)`)?
    (`k_proj_weight` `(` $k_proj_weight^ `)`)?
    (`v_proj_weight` `(` $v_proj_weight^ `)`)?
    (`in_proj_bias` `(` $in_proj_bias^ `)`)?
    `out_proj_weight` `(` $out_proj_weight `)`
    (`out_proj_bias` `(` $out_proj_bias^ `)`)?
    (`key_padding_mask` `(` $key_padding_mask^ `)`)?
    (`attn_mask` `(` $attn_mask^ `)`)?
    `num_heads` `(` $num_heads `)`
    (`batch_first` $batch_first^)?
    (`causal` $causal^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Building blocks
//===----------------------------------------------------------------------===//

def S2S_LinearOp : S2S_Op<"linear", [Pure]> {
  let summary = "y = x W^T + b (nn.Linear)";
  let description = [{
    `input : [..., In]`, `weight : [Out, In]` (PyTorch's layout), optional
    `bias : [Out]`; result `[..., Out]`.

    Example:

    ```mlir
    %y = s2s.linear %x, %w, %b
        : (tensor<2x5x16xf32>, tensor<12x16xf32>, tensor<12xf32>)
        -> tensor<2x5x12xf32>
    ```
  }];
  let arguments = (ins
    S2S_FloatTensor:$input,
    S2S_Float2DTensor:$weight,
    Optional<S2S_Float1DTensor>:$bias);
  let results = (outs S2S_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_LayerNormOp : S2S_Op<"layer_norm", [Pure, AttrSizedOperandSegments]> {
  let summary = "layer normalization over the trailing dims (nn.LayerNorm)";
  let description = [{
    Normalizes `input` over its trailing dimensions `normalized_shape`:
    `y = (x - mean) / sqrt(var + eps) * weight + bias`, with the biased
    variance, as `torch.nn.LayerNorm`. `weight` and `bias` have shape
    `normalized_shape` and are optional (each defaults to the identity).
    `eps` defaults to 1e-5.

    Example:

    ```mlir
    %y = s2s.layer_norm %x weight(%gamma) bias(%beta) normalized_shape([16])
        : (tensor<2x5x16xf32>, tensor<16xf32>, tensor<16xf32>)
        -> tensor<2x5x16xf32>
    ```
  }];
  let arguments = (ins
    S2S_FloatTensor:$input,
    Optional<S2S_FloatTensor>:$weight,
    Optional<S2S_FloatTensor>:$bias,
    DenseI64ArrayAttr:$normalized_shape,
    DefaultValuedAttr<F64Attr, "1e-5">:$eps);
  let results = (outs S2S_FloatTensor:$output);
  let assemblyFormat = [{
    $input (`weight` `(` $weight^ `)`)? (`bias` `(` $bias^ `)`)?
    `normalized_shape` `(` $normalized_shape `)`
    (`eps` `(` $eps^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_EmbeddingOp : S2S_Op<"embedding", [NoMemoryEffect]> {
  let summary = "embedding lookup (nn.Embedding)";
  let description = [{
    Gathers rows of `weight : [V, E]` at integer `indices : [...]`; the
    result is `[..., E]`. Every index must lie in `[0, V)`: `s2s-to-llvm`
    checks that at run time (`s2s-insert-value-checks`; an entry point
    returns the check's status), and the lowering clamps an out-of-range
    index rather than reading out of bounds.

    Example:

    ```mlir
    %emb = s2s.embedding %tokens, %table
        : (tensor<7x3xi64>, tensor<20x8xf32>) -> tensor<7x3x8xf32>
    ```
  }];
  let arguments = (ins
    RankedTensorOf<[I32, I64]>:$indices,
    S2S_Float2DTensor:$weight);
  let results = (outs S2S_FloatTensor:$output);
  let assemblyFormat = [{
    $indices `,` $weight attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_ArgMaxOp : S2S_Op<"argmax", [Pure]> {
  let summary = "index of the largest element along a dimension";
  let description = [{
    As `torch.argmax(input, dim, keepdim)`: the index (`i64`) of the first
    largest element along `dim` (negative counts from the end). NaN counts
    as the largest value. The dimension is dropped unless `keepdim`.
    Greedy decoding takes the argmax of the logits.

    Example:

    ```mlir
    %token = s2s.argmax %logits dim(1) : (tensor<3x15xf32>) -> tensor<3xi64>
    ```
  }];
  let arguments = (ins
    S2S_FloatTensor:$input,
    I64Attr:$dim,
    UnitAttr:$keepdim);
  let results = (outs RankedTensorOf<[I64]>:$output);
  let assemblyFormat = [{
    $input `dim` `(` $dim `)` (`keepdim` $keepdim^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Decoding
//===----------------------------------------------------------------------===//

def S2S_LogSoftmaxOp : S2S_Op<"log_softmax", [Pure]> {
  let summary = "logarithm of the softmax along a dimension";
  let description = [{
    As `torch.log_softmax(input, dim)`:
    `y = x - max(x) - log(sum(exp(x - max(x))))` along `dim` (negative counts
    from the end), computed so that it does not overflow. Beam search adds
    the log-probabilities of the tokens it chooses. A size of 0 along `dim`
    gives an empty result.

    Example:

    ```mlir
    %logp = s2s.log_softmax %logits dim(-1)
        : (tensor<8x15xf32>) -> tensor<8x15xf32>
    ```
  }];
  let arguments = (ins S2S_FloatTensor:$input, I64Attr:$dim);
  let results = (outs S2S_FloatTensor:$output);
  let assemblyFormat = [{
    $input `dim` `(` $dim `)` attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_TopKOp : S2S_Op<"top_k", [Pure]> {
  let summary = "the k largest elements along a dimension and their indices";
  let description = [{
    As `torch.topk(input, k, dim, largest=True, sorted=True)`: along `dim`
    (negative counts from the end), the `k` largest elements in descending
    order and their indices (`i64`); the result has the shape of `input`
    with size `k` along `dim`. The order is total, so the result does not
    depend on the implementation: of equal elements the one with the lower
    index comes first (PyTorch leaves that order unspecified), and NaN is
    larger than any number (as in `s2s.argmax`). `k` must not exceed the
    size of `dim`, which must be static. Beam search takes the top k of the
    scores of all continuations of a sentence's beams.

    Example:

    ```mlir
    %values, %indices = s2s.top_k %scores k(4) dim(1)
        : (tensor<2x60xf32>) -> (tensor<2x4xf32>, tensor<2x4xi64>)
    ```
  }];
  let arguments = (ins
    S2S_FloatTensor:$input,
    ConfinedAttr<I64Attr, [IntNonNegative]>:$k,
    I64Attr:$dim);
  let results = (outs S2S_FloatTensor:$values, RankedTensorOf<[I64]>:$indices);
  let assemblyFormat = [{
    $input `k` `(` $k `)` `dim` `(` $dim `)`
    attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_IndexSelectOp : S2S_Op<"index_select", [Pure]> {
  let summary = "slices of a tensor at given indices along a dimension";
  let description = [{
    As `torch.index_select(input, dim, indices)`: the result has the shape
    of `input` with `len(indices)` along `dim` (negative counts from the
    end), and slice `i` along `dim` is slice `indices[i]` of `input`. Every
    index must lie in `[0, size of dim)`: `s2s-to-llvm` checks that at run
    time (`s2s-insert-value-checks`), and the lowering clamps an
    out-of-range index rather than reading out of bounds. Beam search
    reorders its hidden states, KV caches and token histories by the beam
    each new hypothesis came from.

    Example:

    ```mlir
    %h = s2s.index_select %hidden, %origin dim(0)
        : (tensor<8x128xf32>, tensor<8xi64>) -> tensor<8x128xf32>
    ```
  }];
  let arguments = (ins
    RankedTensorOf<[AnyFloat, AnySignlessInteger]>:$input,
    1DTensorOf<[I32, I64]>:$indices,
    I64Attr:$dim);
  let results = (outs RankedTensorOf<[AnyFloat, AnySignlessInteger]>:$output);
  let assemblyFormat = [{
    $input `,` $indices `dim` `(` $dim `)`
    attr-dict `:` functional-type(operands, results)
  }];
}

def S2S_KVCacheAppendOp : S2S_Op<"kv_cache_append", [Pure]> {
  let summary = "write new keys or values into a cache in place; its valid prefix";
  let description = [{
    A decoder's KV cache of fixed capacity: `cache` holds the keys (or
    values) of the positions decoded so far along dimension `dim` (the
    sequence dimension: 2 of `[B, H, T_max, D]`), `new_entries` those of
    the `S` positions of this step (the same shape with `S <= T_max` along
    `dim`). The op writes them at positions `[pos, pos + S)` and returns the
    updated
    cache (`cache_out`, the type of `cache`) and its valid prefix
    (`valid`: positions `[0, pos + S)`, a dynamic size along `dim`), which
    attention reads with a bottom-right aligned causal mask.

    The write is destination-passing: after bufferization `cache_out` is the
    buffer of `cache` (when nothing else reads `cache` later, as in a
    decoding loop that carries it), written in place, and `valid` is a view
    of it; no step copies the cache. `S <= T_max` is checked by the
    verifier, or at run time for dynamic sizes (`s2s-insert-shape-checks`).
    `pos` must lie in `[0, T_max - S]`: `s2s-to-llvm` checks that at run
    time (`s2s-insert-value-checks`), and the lowering clamps it rather than
    write out of bounds.

    Example:

    ```mlir
    %k_cache_next, %keys = s2s.kv_cache_append %k into %k_cache at(%pos) dim(2)
        : (tensor<1x8x1x64xf32>, tensor<1x8x512x64xf32>, index)
        -> (tensor<1x8x512x64xf32>, tensor<1x8x?x64xf32>)
    ```
  }];
  let arguments = (ins
    S2S_FloatTensor:$new_entries,
    S2S_FloatTensor:$cache,
    Index:$pos,
    I64Attr:$dim);
  let results = (outs S2S_FloatTensor:$cache_out, S2S_FloatTensor:$valid);
  let assemblyFormat = [{
    $new_entries `into` $cache `at` `(` $pos `)` `dim` `(` $dim `)`
    attr-dict `:` functional-type(operands, results)
  }];
}

#endif // S2S_DIALECT_S2S_IR_S2SOPS_TD
