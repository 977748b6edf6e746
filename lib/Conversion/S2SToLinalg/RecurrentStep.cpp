//===- RecurrentStep.cpp - one step of a recurrent cell ------------------===//
//
// The gate math of the RNN, LSTM and GRU cells after their contractions,
// and the fused step of a layer: W_hh rearranged once into blocks of hidden
// units whose GEMM columns hold every gate of their units, and per step a
// loop over the blocks (threads when large enough), each GEMM followed by
// the gate math of its units; with seq_lens, row groups whose sequences
// have ended are skipped.
//
//===----------------------------------------------------------------------===//

#include "RecurrentStep.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::s2s;

/// Reads gate `gate` of a [B, G, H] tensor at (b, j).
static AffineMap gateMap(TensorBuilder &tb, int64_t gate) {
  MLIRContext *ctx = tb.builder().getContext();
  return tb.mapOf(2,
                  {getAffineDimExpr(0, ctx), getAffineConstantExpr(gate, ctx),
                   getAffineDimExpr(1, ctx)});
}

/// The clip attribute of a layer op as a double.
std::optional<double> mlir::s2s::clipOf(std::optional<APFloat> clip) {
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
bool mlir::s2s::canFuseStep(const CellSpec &spec) {
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
CellState mlir::s2s::buildCellStep(TensorBuilder &tb, const CellSpec &spec,
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

/// Packs the weights of one direction for the fused step, in blocks of
/// `units` hidden units.
FusedWeights mlir::s2s::packFusedWeights(TensorBuilder &tb,
                                         const CellSpec &spec,
                                         const RecurrentWeights &w,
                                         int64_t hidden, int64_t units,
                                         int64_t parallelMinFlops) {
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

/// One step with the gate math fused into the recurrent GEMM: a loop over
/// blocks of hidden units, each computing the GEMM h W_hh^T of all G gates
/// of its units (one [B, H] x [H, G*U] product) and then their
/// nonlinearities, writing its columns of h' (and c'). The blocks are
/// independent: an scf.forall when the step has at least
/// `fw.parallelMinFlops` FLOPs, else an scf.for. With `groups`, the batch
/// is split into groups of rows as well, and the tile of a group whose
/// sequences have all ended is not computed (seq_lens keeps their state).
CellState mlir::s2s::buildFusedStep(TensorBuilder &tb, const CellSpec &spec,
                                    const FusedWeights &fw, Value gx, Value h,
                                    Value c, const RowGroups &groups) {
  OpBuilder &b = tb.builder();
  Location loc = tb.getLoc();
  SmallVector<OpFoldResult> hShape = tb.sizesOf(h);
  OpFoldResult batch = hShape[0];
  int64_t hidden = TensorBuilder::shapeOf(h)[1], gates = spec.numGates();
  Type elt = TensorBuilder::elementTypeOf(h);
  bool isLSTM = spec.kind == CellKind::lstm;
  // Rows of a tile: the batch, a static group, or (a dynamic batch's
  // groups) at most `groups.rows`, computed per group.
  OpFoldResult rows = groups.rows ? tb.size(groups.rows) : batch;
  OpFoldResult numGroups = tb.size(1);
  if (groups.rows)
    numGroups = tb.sizeFloorDiv(tb.sizeAdd(batch, tb.size(groups.rows - 1)),
                                tb.size(groups.rows));
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
    // written into `dest` (h', c'): its offsets, sizes and new contents.
    auto tile = [&](OpBuilder &ib, Value g, Value n, ValueRange dest,
                    SmallVector<OpFoldResult> &offsets,
                    SmallVector<OpFoldResult> &sizes) {
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
      OpFoldResult tileRows =
          g && groups.partial ? t.sizeMin(rows, t.sizeSub(batch, row0)) : rows;
      sizes = {tileRows, t.size(units)};
      auto compute = [&](TensorBuilder &cb) {
        AffineExpr i, j, k;
        bindDims(ib.getContext(), i, j, k);
        Value hRows =
            g ? cb.slice(h, {row0, zero}, {tileRows, cb.size(hidden)}) : h;
        Value gh = cb.contract(hRows, cb.mapOf(3, {i, k}),
                               cb.row(run.packed, n), cb.mapOf(3, {k, j}),
                               {tileRows, cb.size(gates * units)}, 3,
                               /*numReductions=*/1);
        TensorBuilder::markWeights(gh, 1);
        GateTiles tiles;
        tiles.gx = cb.slice(gx3, {row0, zero, first},
                            {tileRows, cb.size(gates), cb.size(units)});
        tiles.gh = cb.expand(gh, {tileRows, cb.size(gates), cb.size(units)},
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
      SmallVector<Type> types(
          dest.size(),
          RankedTensorType::get(
              {groups.partial ? ShapedType::kDynamic : groups.rows, units},
              elt));
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

    SmallVector<OpFoldResult> offsets, sizes;
    OpFoldResult one = b.getIndexAttr(1);
    if (parallel) {
      SmallVector<OpFoldResult> lbs = {b.getIndexAttr(0)},
                                ubs = {b.getIndexAttr(run.count)},
                                steps = {one};
      if (groups.rows) {
        lbs.insert(lbs.begin(), b.getIndexAttr(0));
        ubs.insert(ubs.begin(), numGroups);
        steps.push_back(one);
      }
      auto forall =
          scf::ForallOp::create(b, loc, lbs, ubs, steps, outs, std::nullopt);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(forall.getTerminator());
      SmallVector<Value> ivs = forall.getInductionVars();
      ValueRange shared = forall.getRegionIterArgs();
      SmallVector<Value> tiles = tile(b, groups.rows ? ivs[0] : Value(),
                                      ivs.back(), shared, offsets, sizes);
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
      SmallVector<Value> tiles = tile(b, g, n, dest, offsets, sizes);
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
          scf::ForOp::create(b, loc, tb.indexConst(0), tb.indexValue(numGroups),
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
