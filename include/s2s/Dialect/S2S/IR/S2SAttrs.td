//===- S2SAttrs.td - s2s enum attributes -------------------*- tablegen -*-===//
//
// Enum attributes of the s2s dialect: RNN direction and activation, and the
// score function of Seq2Seq attention.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_DIALECT_S2S_IR_S2SATTRS_TD
#define S2S_DIALECT_S2S_IR_S2SATTRS_TD

include "s2s/Dialect/S2S/IR/S2SDialect.td"
include "mlir/IR/EnumAttr.td"

def S2S_Direction : I32EnumAttr<"Direction",
    "direction in which a recurrent layer walks the sequence", [
      I32EnumAttrCase<"forward", 0>,
      I32EnumAttrCase<"reverse", 1>,
      I32EnumAttrCase<"bidirectional", 2>
    ]> {
  let cppNamespace = "::mlir::s2s";
  let genSpecializedAttr = 0;
}

def S2S_DirectionAttr : EnumAttr<S2S_Dialect, S2S_Direction, "direction">;

def S2S_Activation : I32EnumAttr<"Activation",
    "nonlinearity of an Elman RNN", [
      I32EnumAttrCase<"tanh", 0>,
      I32EnumAttrCase<"relu", 1>
    ]> {
  let cppNamespace = "::mlir::s2s";
  let genSpecializedAttr = 0;
}

def S2S_ActivationAttr : EnumAttr<S2S_Dialect, S2S_Activation, "activation">;

def S2S_CellKind : I32EnumAttr<"CellKind",
    "kind of recurrent cell", [
      I32EnumAttrCase<"rnn", 0>,
      I32EnumAttrCase<"lstm", 1>,
      I32EnumAttrCase<"gru", 2>
    ]> {
  let cppNamespace = "::mlir::s2s";
  let genSpecializedAttr = 0;
}

def S2S_CellKindAttr : EnumAttr<S2S_Dialect, S2S_CellKind, "cell">;

def S2S_AttentionScore : I32EnumAttr<"AttentionScore",
    "score function of Seq2Seq attention", [
      I32EnumAttrCase<"dot", 0>,
      I32EnumAttrCase<"general", 1>,
      I32EnumAttrCase<"additive", 2>
    ]> {
  let cppNamespace = "::mlir::s2s";
  let genSpecializedAttr = 0;
}

def S2S_AttentionScoreAttr
    : EnumAttr<S2S_Dialect, S2S_AttentionScore, "score">;

#endif // S2S_DIALECT_S2S_IR_S2SATTRS_TD
