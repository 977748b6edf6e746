//===- S2SDialect.td - s2s dialect definition --------------*- tablegen -*-===//
//
// The s2s dialect: graph-level ops of sequence models (RNN family, Seq2Seq
// attention, Transformer attention) on value-semantic ranked tensors.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_DIALECT_S2S_IR_S2SDIALECT_TD
#define S2S_DIALECT_S2S_IR_S2SDIALECT_TD

include "mlir/IR/OpBase.td"

def S2S_Dialect : Dialect {
  let name = "s2s";
  let cppNamespace = "::mlir::s2s";
  let summary = "Graph-level ops of sequence models (Seq2Seq and Transformer)";
  let description = [{
    The `s2s` dialect describes the layers of sequence models as a PyTorch
    user writes them: whole-sequence recurrent layers (`s2s.rnn`, `s2s.lstm`,
    `s2s.gru`) and their single-step cells, Seq2Seq attention (Luong dot and
    general, Bahdanau additive), scaled dot-product attention and
    multi-head attention as in the Transformer, the small ops a model
    needs around them (linear, layer norm, embedding lookup, argmax), and
    the ops of decoding loops (log-softmax, top-k, index select for beam
    search, a KV cache written in place).

    Conventions:

    * Ops are value-semantic: ranked tensors in, ranked tensors out.
    * Shapes, weight layouts, gate orders and defaults follow the PyTorch
      module of the same name, so weights move over unchanged. Recurrent
      layers stack the weights of both directions in a leading `D` dimension:
      `w_ih : [D, G*H, I]`, `w_hh : [D, G*H, H]`, biases `[D, G*H]`, with
      `G` = 1 (RNN), 4 (LSTM, gates i, f, g, o) or 3 (GRU, gates r, z, n).
    * Every boolean mask means `true` = may attend. A causal mask is aligned
      bottom-right: query `i` may attend key `j` iff `j <= i + Tk - Tq`.
      A query row whose keys are all masked produces zeros.
    * Batch and sequence dimensions may be dynamic (`?`): the verifier
      checks what is known, and every op reifies the sizes of its results
      from its operands (ReifyRankedShapedTypeOpInterface, as `tensor.dim`
      ops). The lowering needs feature, head and weight dimensions static.
  }];
  // Result sizes are reified as tensor.dim of the operands.
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
  let useDefaultAttributePrinterParser = 1;
  let extraClassDeclaration = [{
    /// The unit attribute that marks a `cf.assert` checking values given at
    /// run time (token ids, seq_lens, gather indices) rather than sizes:
    /// the pipeline's check-values=false removes these checks.
    static constexpr ::llvm::StringLiteral getValueCheckAttrName() {
      return ::llvm::StringLiteral("s2s.value_check");
    }
  }];
}

#endif // S2S_DIALECT_S2S_IR_S2SDIALECT_TD
