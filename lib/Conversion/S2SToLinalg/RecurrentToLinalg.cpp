//===- RecurrentToLinalg.cpp - lower s2s RNN/LSTM/GRU ops -----------------===//
//
// Lowers the recurrent layers (s2s.rnn, s2s.lstm, s2s.gru) and cells
// (s2s.rnn_cell, s2s.lstm_cell, s2s.gru_cell) to linalg on tensors.
//
// A cell step is two contractions (x W_ih^T + b_ih, h W_hh^T + b_hh) and one
// elementwise linalg.generic that applies the gate nonlinearities. In a
// layer lowered by convert-s2s-to-linalg-fused-rnn (defined here), the step
// is instead a loop over blocks of hidden
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
#include "RecurrentStep.h"
#include "TensorBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/DialectConversion.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"
#include "llvm/ADT/TypeSwitch.h"

#include <optional>

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_CONVERTS2STOLINALGFUSEDRNNPASS
#include "s2s/Conversion/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;
using namespace mlir::s2s;

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

/// The longest sequence of each group of `rows` rows of `seqLens` [B]: a
/// reduction over [B / rows, rows] when `rows` divides a static B, else a
/// loop over the rows into ceil(B / rows) groups (no length is negative in
/// the result: a group starts at 0). The type of `seqLens` may be static
/// where x's batch is dynamic.
static Value longestPerGroup(TensorBuilder &tb, Value seqLens, int64_t rows) {
  int64_t batch = TensorBuilder::shapeOf(seqLens)[0];
  Type lenType = TensorBuilder::elementTypeOf(seqLens);
  if (ShapedType::isDynamic(batch) || batch % rows != 0) {
    OpBuilder &b = tb.builder();
    Location loc = tb.getLoc();
    OpFoldResult size = tb.dimOf(seqLens, 0);
    OpFoldResult numGroups =
        tb.sizeFloorDiv(tb.sizeAdd(size, tb.size(rows - 1)), tb.size(rows));
    Value init = tb.filledInt({numGroups}, lenType, 0);
    Value rowsValue = tb.indexConst(rows);
    auto loop = scf::ForOp::create(
        b, loc, tb.indexConst(0), tb.indexValue(size), tb.indexConst(1),
        ValueRange{init},
        [&](OpBuilder &lb, Location l, Value row, ValueRange args) {
          Value g = arith::DivUIOp::create(lb, l, row, rowsValue);
          Value len = tensor::ExtractOp::create(lb, l, seqLens, row);
          Value longest = tensor::ExtractOp::create(lb, l, args[0], g);
          Value max = arith::MaxSIOp::create(lb, l, longest, len);
          scf::YieldOp::create(
              lb, l,
              ValueRange{tensor::InsertOp::create(lb, l, max, args[0], g)
                             .getResult()});
        });
    return loop.getResult(0);
  }
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
  // A static batch is split into equal groups (none if no size fits); a
  // dynamic one into groups of rnn-block-rows rows and the rest.
  std::optional<int64_t> staticBatch = getConstantIntValue(batch);
  if (fuse && r.seqLens) {
    groups.rows =
        staticBatch ? rowsPerGroup(*staticBatch, r.blockRows) : r.blockRows;
    groups.partial = !staticBatch;
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
                                    RowGroups{groups.rows, groups.partial,
                                              groups.longest, t})
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

/// A recurrent layer's lowering: unfused (convert-s2s-to-linalg) or with
/// the fused-step options (convert-s2s-to-linalg-fused-rnn).
template <typename OpTy> struct LayerLowering : OpConversionPattern<OpTy> {
  LayerLowering(MLIRContext *ctx,
                std::optional<ConvertS2SToLinalgFusedRNNPassOptions> fused)
      : OpConversionPattern<OpTy>(ctx), fused(fused) {}

  /// How the steps of `spec` run: hidden units per block of a fused step
  /// (0: not fused; by default a block's GEMM has 64 columns, four AVX-512
  /// vectors: 16 units of an LSTM or GRU, 64 of an Elman RNN).
  StepSchedule scheduleFor(const CellSpec &spec) const {
    if (!fused)
      return {};
    int64_t units = fused->rnnBlockUnits > 0
                        ? fused->rnnBlockUnits
                        : std::max<int64_t>(16, 64 / spec.numGates() / 16 * 16);
    return {units, fused->rnnParallelMinFlops, fused->rnnBlockRows};
  }

  std::optional<ConvertS2SToLinalgFusedRNNPassOptions> fused;
};

/// The cell of each step of a recurrent layer, for its lowering and for the
/// fused-step pass's choice of layers.
static CellSpec layerSpec(RNNOp op) {
  return {op.getCellKind(), op.getActivation(), true, clipOf(op.getClip())};
}
static CellSpec layerSpec(LSTMOp op) {
  return {op.getCellKind(), Activation::tanh, true, clipOf(op.getClip())};
}
static CellSpec layerSpec(GRUOp op) {
  return {op.getCellKind(), Activation::tanh, op.getLinearBeforeReset(),
          clipOf(op.getClip())};
}
static CellSpec layerSpec(RecurrenceOp op) {
  return {op.getCellKind(), op.getActivation(), op.getLinearBeforeReset()};
}

struct RNNOpLowering : LayerLowering<RNNOp> {
  using LayerLowering::LayerLowering;
  LogicalResult
  matchAndRewrite(RNNOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    CellSpec spec = layerSpec(op);
    return lowerLayer(op, adaptor, spec, nullptr, nullptr, scheduleFor(spec),
                      rewriter);
  }
};

struct LSTMOpLowering : LayerLowering<LSTMOp> {
  using LayerLowering::LayerLowering;
  LogicalResult
  matchAndRewrite(LSTMOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    CellSpec spec = layerSpec(op);
    return lowerLayer(op, adaptor, spec, adaptor.getC0(),
                      adaptor.getPeepholes(), scheduleFor(spec), rewriter);
  }
};

struct GRUOpLowering : LayerLowering<GRUOp> {
  using LayerLowering::LayerLowering;
  LogicalResult
  matchAndRewrite(GRUOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    CellSpec spec = layerSpec(op);
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
    CellSpec spec = layerSpec(op);
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

void mlir::s2s::populateRecurrentToLinalgPatterns(RewritePatternSet &patterns) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<CellOpLowering<GRUCellOp>, CellOpLowering<LSTMCellOp>,
               CellOpLowering<RNNCellOp>>(ctx);
  patterns
      .add<GRUOpLowering, LSTMOpLowering, RecurrenceOpLowering, RNNOpLowering>(
          ctx, std::nullopt);
}

//===----------------------------------------------------------------------===//
// convert-s2s-to-linalg-fused-rnn
//===----------------------------------------------------------------------===//

void mlir::s2s::populateS2SToLinalgFusedRNNPatterns(
    RewritePatternSet &patterns,
    const ConvertS2SToLinalgFusedRNNPassOptions &options) {
  patterns
      .add<GRUOpLowering, LSTMOpLowering, RecurrenceOpLowering, RNNOpLowering>(
          patterns.getContext(), options);
}

LogicalResult mlir::s2s::verifyConvertS2SToLinalgFusedRNNOptions(
    const ConvertS2SToLinalgFusedRNNPassOptions &options,
    OptionErrorFn emitError) {
  return checkLowerBounds(
      {{"rnn-block-units", options.rnnBlockUnits, 0},
       {"rnn-block-rows", options.rnnBlockRows, 0},
       {"rnn-parallel-min-flops", options.rnnParallelMinFlops, 0}},
      emitError);
}

namespace {
struct ConvertS2SToLinalgFusedRNNPass
    : s2s::impl::ConvertS2SToLinalgFusedRNNPassBase<
          ConvertS2SToLinalgFusedRNNPass> {
  using ConvertS2SToLinalgFusedRNNPassBase::ConvertS2SToLinalgFusedRNNPassBase;

  void runOnOperation() override {
    ConvertS2SToLinalgFusedRNNPassOptions options{
        rnnBlockUnits, rnnParallelMinFlops, rnnBlockRows};
    if (failed(verifyConvertS2SToLinalgFusedRNNOptions(
            options, [&](const Twine &message) {
              emitError(getOperation()->getLoc())
                  << getArgument() << ": " << message;
            })))
      return signalPassFailure();
    RewritePatternSet patterns(&getContext());
    populateS2SToLinalgFusedRNNPatterns(patterns, options);
    // The layers whose step is one GEMM and then elementwise math.
    auto selected = [](Operation *op) {
      return TypeSwitch<Operation *, bool>(op)
          .Case<RNNOp, LSTMOp, GRUOp, RecurrenceOp>(
              [](auto layer) { return canFuseStep(layerSpec(layer)); })
          .Default([](Operation *) { return false; });
    };
    if (failed(applyScheduledLowering(getOperation(), selected,
                                      std::move(patterns))))
      return signalPassFailure();
    if (!markWeights)
      TensorBuilder::stripWeightMarks(getOperation());
  }
};
} // namespace
