//===- RecurrentStep.h - one step of a recurrent cell -----------*- C++ -*-===//
//
// The step of a recurrent cell as the recurrent lowerings build it: the
// gate math after the two contractions (buildCellStep), or, in a layer, the
// fused step whose GEMM over blocks of hidden units is followed by the gate
// math of each block (packFusedWeights, buildFusedStep). Private to
// lib/Conversion/S2SToLinalg.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_LIB_CONVERSION_S2STOLINALG_RECURRENTSTEP_H
#define S2S_LIB_CONVERSION_S2STOLINALG_RECURRENTSTEP_H

#include "TensorBuilder.h"

#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include <optional>

namespace mlir {
namespace s2s {

struct CellSpec {
  CellKind kind;
  Activation activation = Activation::tanh;
  bool linearBeforeReset = true;
  /// Clamp every gate pre-activation to [-clip, clip] (ONNX's clip).
  std::optional<double> clip = std::nullopt;

  int64_t numGates() const { return getNumGates(kind); }
};

/// The recurrent weights of one direction: w_hh [G*H, H], the optional
/// bias b_hh [G*H] and, for an LSTM, the optional peepholes [3*H] (i, f, o).
struct RecurrentWeights {
  Value wHh, bHh, peepholes;
};

/// The state after one step: h' and, for an LSTM, c'.
struct CellState {
  Value h, c;
};

/// The recurrent weights of one direction as the fused step reads them.
struct FusedWeights {
  /// Blocks of `units` hidden units from `begin` on (a last, shorter block
  /// has a run of its own), W_hh packed by packGateBlocks.
  struct BlockRun {
    int64_t begin, count, units;
    Value packed;
  };
  SmallVector<BlockRun, 2> runs;
  /// b_hh [G, H] and peepholes [3, H] (optional).
  Value bias, peepholes;
  /// Steps of fewer FLOPs loop over their blocks in sequence.
  int64_t parallelMinFlops = 0;
};

/// With seq_lens, the fused step's rows in groups: a group whose sequences
/// have all ended at step t is skipped.
struct RowGroups {
  /// Rows per group and the longest sequence of each group, [ceil(batch /
  /// rows)] of seq_lens' type. `rows` divides a static batch; a dynamic
  /// batch has a last group of the remaining rows (`partial`).
  int64_t rows = 0;
  bool partial = false;
  Value longest;
  /// The step's time index.
  Value t;
};

/// The clip attribute of a layer op as a double.
std::optional<double> clipOf(std::optional<APFloat> clip);

/// Whether a step of `spec` is one GEMM and then elementwise math (not a
/// GRU with linear_before_reset = false, whose n-gate GEMM reads r * h).
bool canFuseStep(const CellSpec &spec);

/// Computes one step of the cell `spec` from the input gates
/// gx = x W_ih^T + b_ih [B, G*H] and the state h (and c) [B, H]: the
/// recurrent GEMM h W_hh^T + b_hh, then the gate math over the whole step.
CellState buildCellStep(TensorBuilder &tb, const CellSpec &spec,
                        const RecurrentWeights &w, Value gx, Value h, Value c);

/// Packs the weights of one direction for the fused step, in blocks of
/// `units` hidden units.
FusedWeights packFusedWeights(TensorBuilder &tb, const CellSpec &spec,
                              const RecurrentWeights &w, int64_t hidden,
                              int64_t units, int64_t parallelMinFlops);

/// One step with the gate math fused into the recurrent GEMM: a loop over
/// blocks of hidden units, each computing the GEMM h W_hh^T of all G gates
/// of its units (one [B, H] x [H, G*U] product) and then their
/// nonlinearities, writing its columns of h' (and c'). The blocks are
/// independent: an scf.forall when the step has at least
/// `fw.parallelMinFlops` FLOPs, else an scf.for. With `groups`, the batch
/// is split into groups of rows as well, and the tile of a group whose
/// sequences have all ended is not computed (seq_lens keeps their state).
CellState buildFusedStep(TensorBuilder &tb, const CellSpec &spec,
                         const FusedWeights &fw, Value gx, Value h, Value c,
                         const RowGroups &groups);

} // namespace s2s
} // namespace mlir

#endif // S2S_LIB_CONVERSION_S2STOLINALG_RECURRENTSTEP_H
