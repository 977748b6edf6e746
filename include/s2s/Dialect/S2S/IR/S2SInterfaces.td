//===- S2SInterfaces.td - interfaces of s2s ops ------------*- tablegen -*-===//
//
// RecurrentOpInterface: what every recurrent op (the layers s2s.rnn,
// s2s.lstm, s2s.gru, their s2s.recurrence, and the cells) says of its cell,
// so that the cell kind and its gate count are defined once.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_DIALECT_S2S_IR_S2SINTERFACES_TD
#define S2S_DIALECT_S2S_IR_S2SINTERFACES_TD

include "mlir/IR/OpBase.td"

def S2S_RecurrentOpInterface : OpInterface<"RecurrentOpInterface"> {
  let cppNamespace = "::mlir::s2s";
  let description = [{
    An op that runs a recurrent cell (Elman RNN, LSTM or GRU) for one step
    or a whole sequence. Its weights hold `getNumGates()` blocks of
    `hidden_size` rows in the cell's gate order (PyTorch's: LSTM i, f, g,
    o; GRU r, z, n).
  }];
  let methods = [
    InterfaceMethod<"The kind of cell each step runs.",
      "::mlir::s2s::CellKind", "getCellKind">,
    InterfaceMethod<"Gate blocks per step: 1 (RNN), 4 (LSTM) or 3 (GRU).",
      "int64_t", "getNumGates", (ins), [{}], [{
        return ::mlir::s2s::getNumGates($_op.getCellKind());
      }]>,
  ];
}

#endif // S2S_DIALECT_S2S_IR_S2SINTERFACES_TD
