//===- RecurrentToLinalg.cpp - lower s2s RNN/LSTM/GRU ops -----------------===//
//
// Lowers the recurrent layers (s2s.rnn, s2s.lstm, s2s.gru) and cells
// (s2s.rnn_cell, s2s.lstm_cell, s2s.gru_cell) to linalg on tensors.
//
// A cell step is two contractions (x W_ih^T + b_ih, h W_hh^T + b_hh) and one
// elementwise linalg.generic that applies the gate nonlinearities. In a
// layer (fuse-rnn-steps), the step is instead a loop over blocks of hidden
// units, each the GEMM of all gates of its units (W_hh rearranged once,
// before the loop, so that a block's gates are adjacent columns) followed
// by their gate math: the blocks are independent and run on threads, and
// with seq_lens, blocks of rows whose sequences have ended are skipped. A
// layer is one scf.for over time that advances every direction (a bidirectional
// layer's two steps are independent work in the same iteration), carrying
// the states and the output tensor y: the IR does not grow with the
// sequence length. With seq_lens, steps past a sequence's end keep its
// state and write zeros to y, which also gives the reverse direction its
// packed-sequence start, and the loop ends with the longest sequence.
//
//===----------------------------------------------------------------------===//

#include "Patterns.h"
#include "TensorBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/DialectConversion.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"

using namespace mlir;
using namespace mlir::s2s;

namespace {

//===----------------------------------------------------------------------===//
// One cell step
//===----------------------------------------------------------------------===//

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

} // namespace

/// Reads gate `gate` of a [B, G, H] tensor at (b, j).
static AffineMap gateMap(TensorBuilder &tb, int64_t gate) {
  MLIRContext *ctx = tb.builder().getContext();
  return tb.mapOf(2,
                  {getAffineDimExpr(0, ctx), getAffineConstantExpr(gate, ctx),
                   getAffineDimExpr(1, ctx)});
}

/// The clip attribute of a layer op as a double.
static std::optional<double> clipOf(std::optional<APFloat> clip) {
  if (!clip)
    return std::nullopt;
  return clip->convertToDouble();
}

/// Clamps a gate pre-activation to [-clip, clip] when the cell clips.
static Value clipGate(OpBuilder &b, Location loc, const CellSpec &spec,
                      Value x) {
  if (!spec.clip)
    return x;
  Type type = x.getType();
  Value hi =
      arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, *spec.clip));
  Value lo = arith::ConstantOp::create(b, loc, type,
                                       b.getFloatAttr(type, -*spec.clip));
  return arith::MinimumFOp::create(
      b, loc, arith::MaximumFOp::create(b, loc, x, lo), hi);
}

/// Whether a step of `spec` is one GEMM and then elementwise math (not a
/// GRU with linear_before_reset = false, whose n-gate GEMM reads r * h).
static bool canFuseStep(const CellSpec &spec) {
  return spec.kind != CellKind::gru || spec.linearBeforeReset;
}

/// The GRU's new state (1 - z) * n + z * h.
static Value gruUpdate(OpBuilder &b, Location loc, Value z, Value n,
                       Value hPrev) {
  Type type = z.getType();
  Value one =
      arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, 1.0));
  Value keep = arith::SubFOp::create(b, loc, one, z);
  Value fresh = arith::MulFOp::create(b, loc, keep, n);
  Value old = arith::MulFOp::create(b, loc, z, hPrev);
  return arith::AddFOp::create(b, loc, fresh, old);
}

/// The operands of a cell's gate math over a tile of U hidden units.
struct GateTiles {
  /// x W_ih^T + b_ih and h W_hh^T as [B, G, U].
  Value gx, gh;
  /// b_hh as [G, U] when it is not in `gh` yet (optional).
  Value bias;
  /// The state h (and c) [B, U].
  Value h, c;
  /// LSTM peepholes as [3, U] (optional).
  Value peepholes;
  /// Where h' (and c') are written [B, U] (optional: fresh tensors).
  Value hInit = nullptr, cInit = nullptr;
};

/// The gate nonlinearities of one step, elementwise over [B, U]: one
/// linalg.generic yielding h' (and c'). `spec` is not a GRU with
/// linear_before_reset = false (which needs r before its n-gate GEMM).
static CellState buildGateMath(TensorBuilder &tb, const CellSpec &spec,
                               const GateTiles &t) {
  SmallVector<OpFoldResult> hShape = tb.sizesOf(t.h);
  int64_t gates = spec.numGates();
  Type elt = TensorBuilder::elementTypeOf(t.h);
  MLIRContext *ctx = tb.builder().getContext();
  AffineMap id = tb.identityMap(2);
  // Inputs: gx gates, gh gates, bias gates, h, c, peepholes.
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  for (Value v : {t.gx, t.gh})
    for (int64_t g = 0; g < gates; ++g) {
      inputs.push_back(v);
      // A single gate may come as [B, U].
      maps.push_back(TensorBuilder::shapeOf(v).size() == 2 ? id
                                                           : gateMap(tb, g));
    }
  bool bias = static_cast<bool>(t.bias);
  if (bias)
    for (int64_t g = 0; g < gates; ++g) {
      inputs.push_back(t.bias);
      maps.push_back(tb.mapOf(
          2, {getAffineConstantExpr(g, ctx), getAffineDimExpr(1, ctx)}));
    }
  // The GRU reads h, the LSTM c.
  unsigned stateIdx = inputs.size();
  bool isLSTM = spec.kind == CellKind::lstm;
  if (spec.kind != CellKind::rnn) {
    inputs.push_back(isLSTM ? t.c : t.h);
    maps.push_back(id);
  }
  bool peep = static_cast<bool>(t.peepholes);
  if (peep)
    for (int64_t g = 0; g < 3; ++g) {
      inputs.push_back(t.peepholes);
      maps.push_back(tb.mapOf(
          2, {getAffineConstantExpr(g, ctx), getAffineDimExpr(1, ctx)}));
    }
  SmallVector<Value> inits = {t.hInit ? t.hInit : tb.empty(hShape, elt)};
  if (isLSTM)
    inits.push_back(t.cInit ? t.cInit : tb.empty(hShape, elt));
  maps.append(inits.size(), id);
  SmallVector<utils::IteratorType> par(2, utils::IteratorType::parallel);

  SmallVector<Value> outs = tb.generic(
      inputs, inits, maps, par,
      [&spec, gates, bias, stateIdx, isLSTM, peep](OpBuilder &b, Location loc,
                                                   ValueRange a) {
        // h W_hh^T + b_hh of gate g, and gx + that.
        auto hidden = [&](int64_t g) {
          Value v = a[gates + g];
          return bias ? arith::AddFOp::create(b, loc, v, a[2 * gates + g])
                            .getResult()
                      : v;
        };
        auto sum = [&](int64_t g) {
          return arith::AddFOp::create(b, loc, a[g], hidden(g)).getResult();
        };
        auto gate = [&](int64_t g) { return clipGate(b, loc, spec, sum(g)); };
        if (spec.kind == CellKind::rnn) {
          Value out = spec.activation == Activation::relu
                          ? TensorBuilder::relu(b, loc, gate(0))
                          : TensorBuilder::tanh(b, loc, gate(0));
          linalg::YieldOp::create(b, loc, out);
          return;
        }
        if (isLSTM) {
          // Gates i, f, g, o; peephole p (i, f, o) times the state, added
          // before the clip.
          Value cPrev = a[stateIdx];
          auto peepGate = [&](int64_t g, int64_t p, Value state) {
            Value pre = sum(g);
            Value term =
                arith::MulFOp::create(b, loc, a[stateIdx + 1 + p], state);
            return clipGate(b, loc, spec,
                            arith::AddFOp::create(b, loc, pre, term));
          };
          Value i = TensorBuilder::sigmoid(
              b, loc, peep ? peepGate(0, 0, cPrev) : gate(0));
          Value f = TensorBuilder::sigmoid(
              b, loc, peep ? peepGate(1, 1, cPrev) : gate(1));
          Value g = TensorBuilder::tanh(b, loc, gate(2));
          // The output gate's peephole reads the new cell state.
          Value o = peep ? Value() : TensorBuilder::sigmoid(b, loc, gate(3));
          Value fc = arith::MulFOp::create(b, loc, f, cPrev);
          Value ig = arith::MulFOp::create(b, loc, i, g);
          Value cNext = arith::AddFOp::create(b, loc, fc, ig);
          if (peep)
            o = TensorBuilder::sigmoid(b, loc, peepGate(3, 2, cNext));
          Value hNext = arith::MulFOp::create(
              b, loc, o, TensorBuilder::tanh(b, loc, cNext));
          linalg::YieldOp::create(b, loc, ValueRange{hNext, cNext});
          return;
        }
        // GRU, gates r, z, n: n = tanh(gx_n + r * (h W_hn^T + b_hn)),
        // h' = (1 - z) * n + z * h.
        Value r = TensorBuilder::sigmoid(b, loc, gate(0));
        Value z = TensorBuilder::sigmoid(b, loc, gate(1));
        Value rh = arith::MulFOp::create(b, loc, r, hidden(2));
        Value n = TensorBuilder::tanh(
            b, loc,
            clipGate(b, loc, spec, arith::AddFOp::create(b, loc, a[2], rh)));
        linalg::YieldOp::create(b, loc, gruUpdate(b, loc, z, n, a[stateIdx]));
      });
  return {outs[0], isLSTM ? outs[1] : Value()};
}

/// Computes one step of the cell `spec` from the input gates
/// gx = x W_ih^T + b_ih [B, G*H] and the state h (and c) [B, H]: the
/// recurrent GEMM h W_hh^T + b_hh, then the gate math over the whole step.
static CellState buildCellStep(TensorBuilder &tb, const CellSpec &spec,
                               const RecurrentWeights &w, Value gx, Value h,
                               Value c) {
  SmallVector<OpFoldResult> hShape = tb.sizesOf(h);
  OpFoldResult batch = hShape[0];
  int64_t hidden = TensorBuilder::shapeOf(h)[1], gates = spec.numGates();
  Type elt = TensorBuilder::elementTypeOf(h);
  AffineMap id = tb.identityMap(2);
  auto asGates = [&](Value v, int64_t numGates) {
    return tb.expand(v, {batch, tb.size(numGates), tb.size(hidden)},
                     {{0}, {1, 2}});
  };
  if (spec.kind == CellKind::rnn)
    return buildGateMath(tb, spec,
                         {gx, tb.linear(h, w.wHh, w.bHh), {}, h, c, {}});
  Value gx3 = asGates(gx, gates);
  if (canFuseStep(spec)) {
    Value gh3 = asGates(tb.linear(h, w.wHh, w.bHh), gates);
    Value peepholes =
        w.peepholes ? tb.expand(w.peepholes, {3, hidden}, {{0, 1}}) : Value();
    return buildGateMath(tb, spec, {gx3, gh3, {}, h, c, peepholes});
  }

  // n = tanh(x W_in^T + b_in + (r * h) W_hn^T + b_hn): r first, then the
  // n-gate contraction of the reset state.
  Value ghRZ = asGates(tb.linear(h, tb.rows(w.wHh, 0, 2 * hidden),
                                 tb.rows(w.bHh, 0, 2 * hidden)),
                       2);
  Value resetState = tb.map(
      {gx3, ghRZ, h}, {gateMap(tb, 0), gateMap(tb, 0), id}, hShape, elt,
      [&spec](OpBuilder &b, Location loc, ValueRange a) {
        Value r = TensorBuilder::sigmoid(
            b, loc,
            clipGate(b, loc, spec, arith::AddFOp::create(b, loc, a[0], a[1])));
        linalg::YieldOp::create(
            b, loc, arith::MulFOp::create(b, loc, r, a[2]).getResult());
      });
  Value ghN = tb.linear(resetState, tb.rows(w.wHh, 2 * hidden, hidden),
                        tb.rows(w.bHh, 2 * hidden, hidden));
  return {tb.map({gx3, gx3, ghRZ, ghN, h},
                 {gateMap(tb, 1), gateMap(tb, 2), gateMap(tb, 1), id, id},
                 hShape, elt,
                 [&](OpBuilder &b, Location loc, ValueRange a) {
                   Value z = TensorBuilder::sigmoid(
                       b, loc,
                       clipGate(b, loc, spec,
                                arith::AddFOp::create(b, loc, a[0], a[2])));
                   Value n = TensorBuilder::tanh(
                       b, loc,
                       clipGate(b, loc, spec,
                                arith::AddFOp::create(b, loc, a[1], a[3])));
                   linalg::YieldOp::create(b, loc,
                                           gruUpdate(b, loc, z, n, a[4]));
                 }),
          nullptr};
}

/// W_hh [G*H, K] rearranged for the fused step: `count` blocks of `units`
/// hidden units from unit `begin` on, as [count, K, G*U] where block n,
/// row k, column g*U + j holds W_hh[g*H + begin + n*U + j, k]. One block
/// is the B operand of one GEMM that yields every gate of its units.
static Value packGateBlocks(TensorBuilder &tb, Value w, int64_t gates,
                            int64_t hidden, int64_t begin, int64_t count,
                            int64_t units) {
  int64_t k = TensorBuilder::shapeOf(w)[1];
  Value w3 = tb.expand(w, {gates, hidden, k}, {{0, 1}, {2}});
  OpFoldResult zero = tb.builder().getIndexAttr(0);
  Value rows = tb.slice(w3, {zero, tb.builder().getIndexAttr(begin), zero},
                        {gates, count * units, k});
  Value w4 = tb.expand(rows, {gates, count, units, k}, {{0}, {1, 2}, {3}});
  MLIRContext *ctx = tb.builder().getContext();
  AffineExpr n, kk, g, j;
  bindDims(ctx, n, kk, g, j);
  // A pure permutation: the kernels copy it in register-transposed blocks.
  Value blocks =
      tb.map({w4}, {tb.mapOf(4, {g, n, j, kk})}, {count, k, gates, units},
             TensorBuilder::elementTypeOf(w),
             [](OpBuilder &b, Location loc, ValueRange a) {
               linalg::YieldOp::create(b, loc, a[0]);
             });
  return tb.collapse(blocks, {{0}, {1}, {2, 3}});
}

namespace {
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
} // namespace

/// Packs the weights of one direction for the fused step, in blocks of
/// `units` hidden units.
static FusedWeights packFusedWeights(TensorBuilder &tb, const CellSpec &spec,
                                     const RecurrentWeights &w, int64_t hidden,
                                     int64_t units, int64_t parallelMinFlops) {
  int64_t gates = spec.numGates();
  FusedWeights fw;
  fw.parallelMinFlops = parallelMinFlops;
  units = std::min(units, hidden);
  int64_t full = hidden / units, tail = hidden % units;
  fw.runs.push_back({0, full, units,
                     packGateBlocks(tb, w.wHh, gates, hidden, 0, full, units)});
  if (tail)
    fw.runs.push_back(
        {full * units, 1, tail,
         packGateBlocks(tb, w.wHh, gates, hidden, full * units, 1, tail)});
  if (w.bHh)
    fw.bias = tb.expand(w.bHh, {gates, hidden}, {{0, 1}});
  if (w.peepholes)
    fw.peepholes = tb.expand(w.peepholes, {3, hidden}, {{0, 1}});
  return fw;
}

namespace {
/// With seq_lens, the fused step's rows in groups: a group whose sequences
/// have all ended at step t is skipped.
struct RowGroups {
  /// Rows per group (dividing the batch) and the longest sequence of each
  /// group, [batch / rows] of seq_lens' type.
  int64_t rows = 0;
  Value longest;
  /// The step's time index.
  Value t;
};
} // namespace

/// One step with the gate math fused into the recurrent GEMM: a loop over
/// blocks of hidden units, each computing the GEMM h W_hh^T of all G gates
/// of its units (one [B, H] x [H, G*U] product) and then their
/// nonlinearities, writing its columns of h' (and c'). The blocks are
/// independent: an scf.forall when the step has at least
/// `fw.parallelMinFlops` FLOPs, else an scf.for. With `groups`, the batch
/// is split into groups of rows as well, and the tile of a group whose
/// sequences have all ended is not computed (seq_lens keeps their state).
static CellState buildFusedStep(TensorBuilder &tb, const CellSpec &spec,
                                const FusedWeights &fw, Value gx, Value h,
                                Value c, const RowGroups &groups) {
  OpBuilder &b = tb.builder();
  Location loc = tb.getLoc();
  SmallVector<OpFoldResult> hShape = tb.sizesOf(h);
  // Row groups need a static batch (RowGroups): rows is then static too.
  OpFoldResult batch = hShape[0];
  int64_t hidden = TensorBuilder::shapeOf(h)[1], gates = spec.numGates();
  Type elt = TensorBuilder::elementTypeOf(h);
  bool isLSTM = spec.kind == CellKind::lstm;
  OpFoldResult rows = groups.rows ? tb.size(groups.rows) : batch;
  int64_t numGroups =
      groups.rows ? TensorBuilder::shapeOf(h)[0] / groups.rows : 1;
  Value gx3 =
      tb.expand(gx, {batch, tb.size(gates), tb.size(hidden)}, {{0}, {1, 2}});
  // h' and c' in buffers of their own, which the blocks write in place.
  TensorBuilder fresh(b, loc);
  fresh.useFreshBuffers();
  SmallVector<Value> outs = {fresh.empty(hShape, elt)};
  if (isLSTM)
    outs.push_back(fresh.empty(hShape, elt));
  // A dynamic batch counts as one row: the decision to run the blocks on
  // threads is made at compile time.
  int64_t flops = 2 *
                  std::max<int64_t>(1, getConstantIntValue(batch).value_or(1)) *
                  hidden * gates * hidden;
  bool parallel = flops >= fw.parallelMinFlops;

  for (const FusedWeights::BlockRun &run : fw.runs) {
    int64_t units = run.units;
    // The tile of row group `g` (null: the whole batch) and unit block `n`,
    // written into `dest` (h', c'): its offsets and new contents.
    auto tile = [&](OpBuilder &ib, Value g, Value n, ValueRange dest,
                    SmallVector<OpFoldResult> &offsets) {
      TensorBuilder t(ib, loc);
      t.useFreshBuffers();
      Value first = arith::AddIOp::create(
          ib, loc, t.indexConst(run.begin),
          arith::MulIOp::create(ib, loc, n, t.indexConst(units)));
      OpFoldResult zero = ib.getIndexAttr(0);
      OpFoldResult row0 =
          g ? OpFoldResult(
                  arith::MulIOp::create(ib, loc, g, t.indexConst(groups.rows))
                      .getResult())
            : zero;
      offsets = {row0, first};
      SmallVector<OpFoldResult> sizes = {rows, t.size(units)};
      auto compute = [&](TensorBuilder &cb) {
        AffineExpr i, j, k;
        bindDims(ib.getContext(), i, j, k);
        Value hRows =
            g ? cb.slice(h, {row0, zero}, {rows, cb.size(hidden)}) : h;
        Value gh =
            cb.contract(hRows, cb.mapOf(3, {i, k}), cb.row(run.packed, n),
                        cb.mapOf(3, {k, j}), {rows, cb.size(gates * units)}, 3,
                        /*numReductions=*/1);
        GateTiles tiles;
        tiles.gx = cb.slice(gx3, {row0, zero, first},
                            {rows, cb.size(gates), cb.size(units)});
        tiles.gh = cb.expand(gh, {rows, cb.size(gates), cb.size(units)},
                             {{0}, {1, 2}});
        tiles.bias = fw.bias ? cb.slice(fw.bias, {zero, first}, {gates, units})
                             : Value();
        tiles.h = cb.slice(h, offsets, sizes);
        tiles.c = isLSTM ? cb.slice(c, offsets, sizes) : Value();
        tiles.peepholes =
            fw.peepholes ? cb.slice(fw.peepholes, {zero, first}, {3, units})
                         : Value();
        tiles.hInit = cb.slice(dest[0], offsets, sizes);
        if (isLSTM)
          tiles.cInit = cb.slice(dest[1], offsets, sizes);
        CellState next = buildGateMath(cb, spec, tiles);
        SmallVector<Value> result = {next.h};
        if (isLSTM)
          result.push_back(next.c);
        return result;
      };
      if (!g)
        return compute(t);
      // A group whose sequences have all ended keeps its (unused) tile.
      Type lenType = TensorBuilder::elementTypeOf(groups.longest);
      Value longest = tensor::ExtractOp::create(ib, loc, groups.longest, g);
      Value tLen = arith::IndexCastOp::create(ib, loc, lenType, groups.t);
      Value active = arith::CmpIOp::create(ib, loc, arith::CmpIPredicate::sgt,
                                           longest, tLen);
      SmallVector<Type> types(dest.size(),
                              RankedTensorType::get({groups.rows, units}, elt));
      auto ifOp = scf::IfOp::create(ib, loc, types, active,
                                    /*withElseRegion=*/true);
      {
        OpBuilder::InsertionGuard guard(ib);
        ib.setInsertionPointToStart(ifOp.thenBlock());
        TensorBuilder cb(ib, loc);
        cb.useFreshBuffers();
        scf::YieldOp::create(ib, loc, compute(cb));
        ib.setInsertionPointToStart(ifOp.elseBlock());
        SmallVector<Value> kept;
        for (Value d : dest)
          kept.push_back(cb.slice(d, offsets, sizes));
        scf::YieldOp::create(ib, loc, kept);
      }
      return SmallVector<Value>(ifOp.getResults());
    };

    SmallVector<OpFoldResult> offsets;
    OpFoldResult one = b.getIndexAttr(1);
    SmallVector<OpFoldResult> sizes = {rows, b.getIndexAttr(units)};
    if (parallel) {
      SmallVector<OpFoldResult> lbs = {b.getIndexAttr(0)},
                                ubs = {b.getIndexAttr(run.count)},
                                steps = {one};
      if (groups.rows) {
        lbs.insert(lbs.begin(), b.getIndexAttr(0));
        ubs.insert(ubs.begin(), b.getIndexAttr(numGroups));
        steps.push_back(one);
      }
      auto forall =
          scf::ForallOp::create(b, loc, lbs, ubs, steps, outs, std::nullopt);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(forall.getTerminator());
      ValueRange ivs = forall.getInductionVars();
      ValueRange shared = forall.getRegionIterArgs();
      SmallVector<Value> tiles =
          tile(b, groups.rows ? ivs[0] : Value(), ivs.back(), shared, offsets);
      b.setInsertionPointToStart(forall.getTerminator().getBody());
      for (auto [value, dest] : llvm::zip(tiles, shared))
        tensor::ParallelInsertSliceOp::create(b, loc, value, dest, offsets,
                                              sizes,
                                              ArrayRef<OpFoldResult>{one, one});
      outs.assign(forall.getResults().begin(), forall.getResults().end());
      continue;
    }
    // In sequence: blocks, then row groups.
    auto blocks =
        scf::ForOp::create(b, loc, tb.indexConst(0), tb.indexConst(run.count),
                           tb.indexConst(1), outs);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(blocks.getBody());
    Value n = blocks.getInductionVar();
    auto body = [&](Value g, ValueRange dest) {
      SmallVector<Value> tiles = tile(b, g, n, dest, offsets);
      SmallVector<Value> updated;
      for (auto [value, d] : llvm::zip(tiles, dest))
        updated.push_back(
            tensor::InsertSliceOp::create(b, loc, value, d, offsets, sizes,
                                          ArrayRef<OpFoldResult>{one, one}));
      return updated;
    };
    if (!groups.rows) {
      scf::YieldOp::create(b, loc, body(Value(), blocks.getRegionIterArgs()));
    } else {
      auto rowLoop =
          scf::ForOp::create(b, loc, tb.indexConst(0), tb.indexConst(numGroups),
                             tb.indexConst(1), blocks.getRegionIterArgs());
      {
        OpBuilder::InsertionGuard inner(b);
        b.setInsertionPointToStart(rowLoop.getBody());
        scf::YieldOp::create(
            b, loc,
            body(rowLoop.getInductionVar(), rowLoop.getRegionIterArgs()));
      }
      scf::YieldOp::create(b, loc, rowLoop.getResults());
    }
    outs.assign(blocks.getResults().begin(), blocks.getResults().end());
  }
  return {outs[0], isLSTM ? outs[1] : Value()};
}

//===----------------------------------------------------------------------===//
// Whole-sequence layers
//===----------------------------------------------------------------------===//

namespace {
/// How the steps of a layer run (see LayerLowering::scheduleFor).
struct StepSchedule {
  int64_t blockUnits = 0, parallelMinFlops = 0, blockRows = 0;
};

/// What the time loops of a layer need, whatever provides its input gates.
struct Recurrence {
  CellSpec spec;
  Direction direction;
  int64_t numDirections, hidden;
  /// The sequence length and the batch (static or dynamic).
  OpFoldResult seqLen, batch;
  Type elementType;
  /// w_hh [D, G*H, H], b_hh [D, G*H] (optional).
  Value wHh, bHh;
  /// Optional h0, c0 [D, B, H] and seq_lens [B].
  Value h0, c0, seqLens;
  /// Optional LSTM peepholes [D, 3*H].
  Value peepholes = nullptr;
  /// Hidden units per block of a fused step (0: GEMM, then gate math).
  int64_t blockUnits = 0;
  /// Fused steps of fewer FLOPs run their blocks in sequence.
  int64_t parallelMinFlops = 0;
  /// With seq_lens, at most this many rows per group of a fused step.
  int64_t blockRows = 0;
};

/// The input gates [B, G*H] of direction `d` at time step `t`.
using InputGatesFn =
    function_ref<Value(TensorBuilder &, int64_t /*d*/, Value /*t*/)>;
} // namespace

/// The number of steps worth running with `seqLens` [B]: the longest
/// sequence, clamped to [0, seqLen].
static Value longestSequence(TensorBuilder &tb, Value seqLens,
                             OpFoldResult seqLen) {
  OpBuilder &b = tb.builder();
  Location loc = tb.getLoc();
  Type lenType = TensorBuilder::elementTypeOf(seqLens);
  Value init = tb.filledInt(ArrayRef<int64_t>{}, lenType, 0);
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps = {tb.identityMap(1),
                                 AffineMap::get(1, 0, {}, ctx)};
  Value longest = tb.generic(
      {seqLens}, {init}, maps, {utils::IteratorType::reduction},
      [&](OpBuilder &bb, Location bl, ValueRange a) {
        linalg::YieldOp::create(
            bb, bl, ValueRange{arith::MaxSIOp::create(bb, bl, a[0], a[1])});
      })[0];
  Value steps = arith::IndexCastOp::create(
      b, loc, b.getIndexType(), tensor::ExtractOp::create(b, loc, longest));
  return arith::MinSIOp::create(b, loc, steps, tb.indexValue(seqLen));
}

/// Rows per group of a fused step with seq_lens: the largest divisor of
/// the batch up to `maxRows` and below the batch, and at least 4 (or
/// `maxRows` if smaller: tiles of a few rows keep the GEMM kernel
/// efficient), or 0 (no groups) when there is none.
static int64_t rowsPerGroup(int64_t batch, int64_t maxRows) {
  int64_t least = std::max<int64_t>(1, std::min<int64_t>(4, maxRows));
  for (int64_t rows = std::min(maxRows, batch - 1); rows >= least; --rows)
    if (batch % rows == 0)
      return rows;
  return 0;
}

/// The longest sequence of each group of `rows` rows of `seqLens` [B].
static Value longestPerGroup(TensorBuilder &tb, Value seqLens, int64_t rows) {
  int64_t batch = TensorBuilder::shapeOf(seqLens)[0];
  Type lenType = TensorBuilder::elementTypeOf(seqLens);
  Value grouped = tb.expand(seqLens, {batch / rows, rows}, {{0, 1}});
  Value init = tb.filledInt({batch / rows}, lenType, 0);
  MLIRContext *ctx = tb.builder().getContext();
  SmallVector<AffineMap> maps = {tb.identityMap(2),
                                 tb.mapOf(2, {getAffineDimExpr(0, ctx)})};
  return tb.generic(
      {grouped}, {init}, maps,
      {utils::IteratorType::parallel, utils::IteratorType::reduction},
      [](OpBuilder &b, Location loc, ValueRange a) {
        linalg::YieldOp::create(
            b, loc, ValueRange{arith::MaxSIOp::create(b, loc, a[0], a[1])});
      })[0];
}

/// Emits one scf.for over time that advances every direction (the forward
/// one at t = iv, the reverse one at t = steps-1 - iv) and returns
/// {y, h_n[, c_n]} with y time-major [T, B, D*H]. With seq_lens the loop
/// stops after the longest sequence, y starting as zeros.
static SmallVector<Value> buildRecurrence(OpBuilder &rewriter, Location loc,
                                          const Recurrence &r,
                                          InputGatesFn inputGates) {
  TensorBuilder tb(rewriter, loc);
  bool isLSTM = r.spec.kind == CellKind::lstm;
  OpFoldResult batch = r.batch;
  int64_t hidden = r.hidden;
  OpFoldResult hiddenSize = tb.size(hidden);
  Type elt = r.elementType;
  SmallVector<OpFoldResult> yShape = {r.seqLen, batch,
                                      tb.size(r.numDirections * hidden)};
  Value y = r.seqLens ? tb.filled(yShape, elt, 0.0) : tb.empty(yShape, elt);
  SmallVector<OpFoldResult> stateShape = {tb.size(r.numDirections), batch,
                                          hiddenSize};
  Value hN = tb.empty(stateShape, elt);
  Value cN = isLSTM ? tb.empty(stateShape, elt) : Value();
  Value lb = tb.indexConst(0), step = tb.indexConst(1);
  Value ub = r.seqLens ? longestSequence(tb, r.seqLens, r.seqLen)
                       : tb.indexValue(r.seqLen);
  Value last = r.seqLens ? arith::SubIOp::create(rewriter, loc, ub, step)
                         : tb.indexValue(tb.sizeSub(r.seqLen, tb.size(1)));

  // Per direction: weights, and the initial state in the loop's arguments.
  unsigned stateSize = isLSTM ? 2 : 1;
  SmallVector<RecurrentWeights> weights;
  SmallVector<FusedWeights> fused;
  bool fuse = r.blockUnits > 0 && canFuseStep(r.spec);
  // With seq_lens, fused steps skip the row groups that have ended.
  RowGroups groups;
  std::optional<int64_t> staticBatch = getConstantIntValue(batch);
  if (fuse && r.seqLens && staticBatch) {
    groups.rows = rowsPerGroup(*staticBatch, r.blockRows);
    if (groups.rows)
      groups.longest = longestPerGroup(tb, r.seqLens, groups.rows);
  }
  SmallVector<Value> iterArgs;
  for (int64_t d = 0; d < r.numDirections; ++d) {
    OpFoldResult dir = rewriter.getIndexAttr(d);
    weights.push_back({tb.row(r.wHh, dir), r.bHh ? tb.row(r.bHh, dir) : Value(),
                       r.peepholes ? tb.row(r.peepholes, dir) : Value()});
    if (fuse)
      fused.push_back(packFusedWeights(tb, r.spec, weights.back(), hidden,
                                       r.blockUnits, r.parallelMinFlops));
    auto initialState = [&](Value given) {
      return given ? tb.row(given, dir)
                   : tb.filled({batch, hiddenSize}, elt, 0.0);
    };
    iterArgs.push_back(initialState(r.h0));
    if (isLSTM)
      iterArgs.push_back(initialState(r.c0));
  }
  iterArgs.push_back(y);

  auto loop = scf::ForOp::create(
      rewriter, loc, lb, ub, step, iterArgs,
      [&](OpBuilder &b, Location nloc, Value iv, ValueRange args) {
        TensorBuilder body(b, nloc);
        Value yAcc = args.back();
        SmallVector<Value> yields;
        for (int64_t d = 0; d < r.numDirections; ++d) {
          bool reverse = r.direction == Direction::reverse || d == 1;
          Value t = reverse ? arith::SubIOp::create(b, nloc, last, iv) : iv;
          Value h = args[d * stateSize];
          Value c = isLSTM ? args[d * stateSize + 1] : Value();
          Value gx = inputGates(body, d, t);
          CellState next =
              fuse ? buildFusedStep(body, r.spec, fused[d], gx, h, c,
                                    RowGroups{groups.rows, groups.longest, t})
                   : buildCellStep(body, r.spec, weights[d], gx, h, c);
          Value out = next.h;
          if (r.seqLens) {
            // valid(b) = t < seq_lens[b]: advance the state and emit h';
            // otherwise keep the state and emit zeros.
            Type lenType = TensorBuilder::elementTypeOf(r.seqLens);
            Value tLen = arith::IndexCastOp::create(b, nloc, lenType, t);
            Value zero = body.floatConst(elt, 0.0);
            SmallVector<OpFoldResult> hShape = {batch, hiddenSize};
            MLIRContext *ctx = b.getContext();
            AffineMap lenMap = body.mapOf(2, {getAffineDimExpr(0, ctx)});
            AffineMap id = body.identityMap(2);
            SmallVector<Value> inputs = {r.seqLens, next.h, h};
            SmallVector<AffineMap> maps = {lenMap, id, id};
            SmallVector<Value> inits = {body.empty(hShape, elt),
                                        body.empty(hShape, elt)};
            if (isLSTM) {
              inputs.append({next.c, c});
              maps.append({id, id});
              inits.push_back(body.empty(hShape, elt));
            }
            maps.append(inits.size(), id);
            SmallVector<utils::IteratorType> par(2,
                                                 utils::IteratorType::parallel);
            SmallVector<Value> masked = body.generic(
                inputs, inits, maps, par,
                [&](OpBuilder &bb, Location bl, ValueRange a) {
                  Value valid = arith::CmpIOp::create(
                      bb, bl, arith::CmpIPredicate::sgt, a[0], tLen);
                  SmallVector<Value> results = {
                      arith::SelectOp::create(bb, bl, valid, a[1], a[2]),
                      arith::SelectOp::create(bb, bl, valid, a[1], zero)};
                  if (isLSTM)
                    results.push_back(
                        arith::SelectOp::create(bb, bl, valid, a[3], a[4]));
                  linalg::YieldOp::create(bb, bl, results);
                });
            next.h = masked[0];
            out = masked[1];
            if (isLSTM)
              next.c = masked[2];
          }
          SmallVector<OpFoldResult> offsets = {t, b.getIndexAttr(0),
                                               b.getIndexAttr(d * hidden)};
          yAcc = body.insert(out, yAcc, offsets,
                             {b.getIndexAttr(1), batch, hiddenSize});
          yields.push_back(next.h);
          if (isLSTM)
            yields.push_back(next.c);
        }
        yields.push_back(yAcc);
        scf::YieldOp::create(b, nloc, yields);
      });

  for (int64_t d = 0; d < r.numDirections; ++d) {
    SmallVector<OpFoldResult> stateOffsets = {rewriter.getIndexAttr(d),
                                              rewriter.getIndexAttr(0),
                                              rewriter.getIndexAttr(0)};
    SmallVector<OpFoldResult> stateSizes = {tb.size(1), batch, hiddenSize};
    hN = tb.insert(loop.getResult(d * stateSize), hN, stateOffsets, stateSizes);
    if (isLSTM)
      cN = tb.insert(loop.getResult(d * stateSize + 1), cN, stateOffsets,
                     stateSizes);
  }
  SmallVector<Value> results = {loop.getResults().back(), hN};
  if (isLSTM)
    results.push_back(cN);
  return results;
}

/// Lowers a recurrent op over time: makes `input` ([T, B, *], or [B, T, *]
/// with batch_first) time-major, runs the time loops with the gates
/// `inputGates` computes from it, and replaces `op` with y (in the op's
/// layout), h_n and, for an LSTM, c_n.
template <typename OpTy>
static void
lowerOverTime(OpTy op, typename OpTy::Adaptor adaptor, const CellSpec &spec,
              Value input, Value c0, Value peepholes, StepSchedule schedule,
              ConversionPatternRewriter &rewriter,
              function_ref<Value(TensorBuilder &, int64_t /*d*/, Value /*t*/,
                                 Value /*timeMajorInput*/)>
                  inputGates) {
  Location loc = op.getLoc();
  TensorBuilder tb(rewriter, loc);
  // A batch of no sequences: every result is empty, and there is nothing
  // to slice rows or row groups from.
  if (op.getHN().getType().getDimSize(1) == 0) {
    // (The sequence length may still be dynamic: the sizes come from the
    // op.)
    ReifiedRankedShapedTypeDims sizes;
    if (failed(reifyResultShapes(rewriter, op, sizes)))
      return;
    SmallVector<Value> empty;
    for (auto [type, shape] : llvm::zip_equal(op->getResultTypes(), sizes))
      empty.push_back(
          tb.empty(shape, cast<RankedTensorType>(type).getElementType()));
    rewriter.replaceOp(op, empty);
    return;
  }
  bool batchFirst = op.getBatchFirst();
  if (batchFirst)
    input = tb.transpose(input, {1, 0, 2});
  SmallVector<OpFoldResult> shape = tb.sizesOf(input);
  Recurrence r{spec,
               op.getDirection(),
               op.getNumDirections(),
               static_cast<int64_t>(op.getHiddenSize()),
               shape[0],
               shape[1],
               TensorBuilder::elementTypeOf(input),
               adaptor.getWHh(),
               adaptor.getBHh(),
               adaptor.getH0(),
               c0,
               adaptor.getSeqLens(),
               peepholes,
               schedule.blockUnits,
               schedule.parallelMinFlops,
               schedule.blockRows};
  SmallVector<Value> results = buildRecurrence(
      rewriter, loc, r, [&](TensorBuilder &body, int64_t d, Value t) {
        return inputGates(body, d, t, input);
      });
  if (batchFirst)
    results[0] = tb.transpose(results[0], {1, 0, 2});
  rewriter.replaceOp(op, results);
}

/// Lowers s2s.rnn/lstm/gru: the input gates of each step are x_t W_ih^T +
/// b_ih, computed in the loop (s2s-hoist-rnn-input moves them out).
template <typename OpTy>
static LogicalResult lowerLayer(OpTy op, typename OpTy::Adaptor adaptor,
                                const CellSpec &spec, Value c0, Value peepholes,
                                StepSchedule schedule,
                                ConversionPatternRewriter &rewriter) {
  TensorBuilder tb(rewriter, op.getLoc());
  SmallVector<Value> wIh, bIh;
  for (int64_t d = 0; d < op.getNumDirections(); ++d) {
    OpFoldResult dir = rewriter.getIndexAttr(d);
    wIh.push_back(tb.row(adaptor.getWIh(), dir));
    bIh.push_back(adaptor.getBIh() ? tb.row(adaptor.getBIh(), dir) : Value());
  }
  lowerOverTime(op, adaptor, spec, adaptor.getX(), c0, peepholes, schedule,
                rewriter,
                [&](TensorBuilder &body, int64_t d, Value t, Value x) {
                  return body.linear(body.row(x, t), wIh[d], bIh[d]);
                });
  return success();
}

namespace {

/// A recurrent layer's lowering, with the fused-step options.
template <typename OpTy> struct LayerLowering : OpConversionPattern<OpTy> {
  LayerLowering(MLIRContext *ctx,
                const ConvertS2SToLinalgPassOptions &passOptions)
      : OpConversionPattern<OpTy>(ctx), fuseSteps(passOptions.fuseRNNSteps),
        blockUnits(passOptions.rnnBlockUnits),
        parallelMinFlops(passOptions.rnnParallelMinFlops),
        blockRows(passOptions.rnnBlockRows) {}

  /// How the steps of `spec` run: hidden units per block of a fused step
  /// (0: not fused; by default a block's GEMM has 64 columns, four AVX-512
  /// vectors: 16 units of an LSTM or GRU, 64 of an Elman RNN).
  StepSchedule scheduleFor(const CellSpec &spec) const {
    if (!fuseSteps)
      return {};
    int64_t units = blockUnits > 0
                        ? blockUnits
                        : std::max<int64_t>(16, 64 / spec.numGates() / 16 * 16);
    return {units, parallelMinFlops, blockRows};
  }

  bool fuseSteps;
  int64_t blockUnits, parallelMinFlops, blockRows;
};

struct RNNOpLowering : LayerLowering<RNNOp> {
  using LayerLowering::LayerLowering;
  LogicalResult
  matchAndRewrite(RNNOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    CellSpec spec{op.getCellKind(), op.getActivation(), true,
                  clipOf(op.getClip())};
    return lowerLayer(op, adaptor, spec, nullptr, nullptr, scheduleFor(spec),
                      rewriter);
  }
};

struct LSTMOpLowering : LayerLowering<LSTMOp> {
  using LayerLowering::LayerLowering;
  LogicalResult
  matchAndRewrite(LSTMOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    CellSpec spec{op.getCellKind(), Activation::tanh, true,
                  clipOf(op.getClip())};
    return lowerLayer(op, adaptor, spec, adaptor.getC0(),
                      adaptor.getPeepholes(), scheduleFor(spec), rewriter);
  }
};

struct GRUOpLowering : LayerLowering<GRUOp> {
  using LayerLowering::LayerLowering;
  LogicalResult
  matchAndRewrite(GRUOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    CellSpec spec{op.getCellKind(), Activation::tanh, op.getLinearBeforeReset(),
                  clipOf(op.getClip())};
    return lowerLayer(op, adaptor, spec, nullptr, nullptr, scheduleFor(spec),
                      rewriter);
  }
};

//===----------------------------------------------------------------------===//
// Cells
//===----------------------------------------------------------------------===//

/// The cell ops differ only in their gate math and whether they carry c.
template <typename OpTy> struct CellOpLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value gx = tb.linear(adaptor.getX(), adaptor.getWIh(), adaptor.getBIh());
    RecurrentWeights w{adaptor.getWHh(), adaptor.getBHh()};
    if constexpr (std::is_same_v<OpTy, LSTMCellOp>) {
      CellState next = buildCellStep(tb, CellSpec{op.getCellKind()}, w, gx,
                                     adaptor.getH(), adaptor.getC());
      rewriter.replaceOp(op, {next.h, next.c});
    } else {
      CellSpec spec = std::is_same_v<OpTy, RNNCellOp>
                          ? CellSpec{op.getCellKind(), specActivation(op)}
                          : CellSpec{op.getCellKind(), Activation::tanh,
                                     specLinearBeforeReset(op)};
      rewriter.replaceOp(op,
                         buildCellStep(tb, spec, w, gx, adaptor.getH(), {}).h);
    }
    return success();
  }

  static Activation specActivation(OpTy op) {
    if constexpr (std::is_same_v<OpTy, RNNCellOp>)
      return op.getActivation();
    return Activation::tanh;
  }
  static bool specLinearBeforeReset(OpTy op) {
    if constexpr (std::is_same_v<OpTy, GRUCellOp>)
      return op.getLinearBeforeReset();
    return true;
  }
};

/// s2s.recurrence: the input gates of step t of direction d are columns
/// [d*G*H, (d+1)*G*H) of x_gates[t].
struct RecurrenceOpLowering : LayerLowering<RecurrenceOp> {
  using LayerLowering::LayerLowering;
  LogicalResult
  matchAndRewrite(RecurrenceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    CellSpec spec{op.getCellKind(), op.getActivation(),
                  op.getLinearBeforeReset()};
    int64_t gates = spec.numGates() * op.getHiddenSize();
    lowerOverTime(op, adaptor, spec, adaptor.getXGates(), adaptor.getC0(),
                  /*peepholes=*/nullptr, scheduleFor(spec), rewriter,
                  [&](TensorBuilder &body, int64_t d, Value t, Value xGates) {
                    OpBuilder &b = body.builder();
                    SmallVector<OpFoldResult> offsets = {
                        t, b.getIndexAttr(0), b.getIndexAttr(d * gates)};
                    SmallVector<OpFoldResult> sizes = {b.getIndexAttr(1),
                                                       body.dimOf(xGates, 1),
                                                       b.getIndexAttr(gates)};
                    return body.slice(xGates, offsets, sizes,
                                      /*dropDims=*/{0});
                  });
    return success();
  }
};

} // namespace

void mlir::s2s::populateRecurrentToLinalgPatterns(
    RewritePatternSet &patterns, const ConvertS2SToLinalgPassOptions &options) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<CellOpLowering<GRUCellOp>, CellOpLowering<LSTMCellOp>,
               CellOpLowering<RNNCellOp>>(ctx);
  patterns
      .add<GRUOpLowering, LSTMOpLowering, RecurrenceOpLowering, RNNOpLowering>(
          ctx, options);
}
