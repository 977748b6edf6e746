//===- S2SToLinalg.cpp - lower s2s ops to linalg on tensors ---------------===//
//
// The convert-s2s-to-linalg pass and the lowering of the building-block ops
// (s2s.linear, s2s.layer_norm, s2s.embedding, s2s.argmax). The recurrent and
// attention ops are lowered in RecurrentToLinalg.cpp and
// AttentionToLinalg.cpp.
//
//===----------------------------------------------------------------------===//

#include "s2s/Conversion/S2SToLinalg/S2SToLinalg.h"

#include "Patterns.h"
#include "TensorBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/TypeSwitch.h"
#include "s2s/Dialect/S2S/IR/S2SDialect.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include <limits>

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_CONVERTS2STOLINALGPASS
#include "s2s/Conversion/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;
using namespace mlir::s2s;

namespace {

//===----------------------------------------------------------------------===//
// s2s.linear
//===----------------------------------------------------------------------===//

struct LinearOpLowering : OpConversionPattern<LinearOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(LinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    SmallVector<OpFoldResult> sizes = tb.sizesOf(adaptor.getInput());
    sizes.back() = tb.dimOf(adaptor.getWeight(), 0);
    Value flat = tb.linear(tb.flattenLeading(adaptor.getInput()),
                           adaptor.getWeight(), adaptor.getBias());
    rewriter.replaceOp(op, tb.unflattenLeading(flat, sizes));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// s2s.layer_norm
//===----------------------------------------------------------------------===//

struct LayerNormOpLowering : OpConversionPattern<LayerNormOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(LayerNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value x = adaptor.getInput();
    SmallVector<OpFoldResult> shape = tb.sizesOf(x);
    Type elt = TensorBuilder::elementTypeOf(x);
    int64_t rank = shape.size();
    ArrayRef<int64_t> normalized = op.getNormalizedShape();
    int64_t normRank = normalized.size();
    // M rows (the leading dimensions, which may be dynamic) of N elements
    // (normalized_shape, static).
    int64_t n = 1;
    for (int64_t size : normalized)
      n *= size;
    OpFoldResult m = tb.size(1);
    for (int64_t i = 0; i < rank - normRank; ++i)
      m = tb.sizeMul(m, shape[i]);

    // View x as [M, N] and the affine parameters as [N].
    Value x2 = tb.collapseTo2D(x, rank - normRank);
    auto flatParam = [&](Value param) -> Value {
      if (!param || normRank == 1)
        return param;
      ReassociationIndices all;
      for (int64_t i = 0; i < normRank; ++i)
        all.push_back(i);
      return tb.collapse(param, {all});
    };
    Value gamma = flatParam(adaptor.getWeight());
    Value beta = flatParam(adaptor.getBias());

    MLIRContext *ctx = rewriter.getContext();
    AffineExpr r, c;
    bindDims(ctx, r, c);
    AffineMap id = tb.identityMap(2), rowMap = tb.mapOf(2, {r}),
              colMap = tb.mapOf(2, {c});
    Value count = tb.floatConst(elt, static_cast<double>(n));

    // mean, centered x, biased variance.
    SmallVector<OpFoldResult> rowsByCols = {m, tb.size(n)};
    Value sum = tb.reduceLast(
        x2, 0.0, [](OpBuilder &b, Location loc, Value v, Value acc) -> Value {
          return arith::AddFOp::create(b, loc, v, acc);
        });
    Value centered = tb.map(
        {x2, sum}, {id, rowMap}, rowsByCols, elt,
        [&](OpBuilder &b, Location loc, ValueRange a) {
          Value mean = arith::DivFOp::create(b, loc, a[1], count);
          linalg::YieldOp::create(
              b, loc, arith::SubFOp::create(b, loc, a[0], mean).getResult());
        });
    Value squares = tb.reduceLast(
        centered, 0.0, [](OpBuilder &b, Location loc, Value v, Value acc) {
          Value sq = arith::MulFOp::create(b, loc, v, v);
          return arith::AddFOp::create(b, loc, sq, acc).getResult();
        });
    Value eps = tb.floatConst(elt, op.getEps().convertToDouble());
    SmallVector<Value> inputs = {centered, squares};
    SmallVector<AffineMap> maps = {id, rowMap};
    if (gamma) {
      inputs.push_back(gamma);
      maps.push_back(colMap);
    }
    if (beta) {
      inputs.push_back(beta);
      maps.push_back(colMap);
    }
    bool hasGamma = static_cast<bool>(gamma), hasBeta = static_cast<bool>(beta);
    Value y = tb.map(inputs, maps, rowsByCols, elt,
                     [&](OpBuilder &b, Location loc, ValueRange a) {
                       Value var = arith::DivFOp::create(b, loc, a[1], count);
                       Value rstd = math::RsqrtOp::create(
                           b, loc, arith::AddFOp::create(b, loc, var, eps));
                       Value v = arith::MulFOp::create(b, loc, a[0], rstd);
                       unsigned next = 2;
                       if (hasGamma)
                         v = arith::MulFOp::create(b, loc, v, a[next++]);
                       if (hasBeta)
                         v = arith::AddFOp::create(b, loc, v, a[next++]);
                       linalg::YieldOp::create(b, loc, v);
                     });
    rewriter.replaceOp(op, tb.expandFrom2D(y, shape, rank - normRank));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// s2s.embedding
//===----------------------------------------------------------------------===//

struct EmbeddingOpLowering : OpConversionPattern<EmbeddingOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(EmbeddingOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value indices = adaptor.getIndices(), table = adaptor.getWeight();
    SmallVector<OpFoldResult> outShape = tb.sizesOf(indices);
    outShape.push_back(tb.dimOf(table, 1));
    unsigned rank = outShape.size();
    // The last row, which clamps the indices (computed here when the table
    // has a dynamic number of rows).
    OpFoldResult lastRow = tb.sizeSub(tb.dimOf(table, 0), tb.size(1));
    std::optional<int64_t> staticLastRow = getConstantIntValue(lastRow);
    Value dynamicLastRow = staticLastRow ? Value() : tb.indexValue(lastRow);
    SmallVector<AffineExpr> indexExprs;
    for (unsigned i = 0; i + 1 < rank; ++i)
      indexExprs.push_back(rewriter.getAffineDimExpr(i));
    Value result = tb.map(
        indices, {tb.mapOf(rank, indexExprs)}, outShape,
        TensorBuilder::elementTypeOf(table),
        [&](OpBuilder &b, Location loc, ValueRange a) {
          // Clamp the row so that a bad token id cannot read out of bounds.
          Value row =
              arith::IndexCastOp::create(b, loc, b.getIndexType(), a[0]);
          Value lo = arith::ConstantIndexOp::create(b, loc, 0);
          Value hi =
              staticLastRow
                  ? arith::ConstantIndexOp::create(b, loc, *staticLastRow)
                  : dynamicLastRow;
          row = arith::MaxSIOp::create(b, loc, row, lo);
          row = arith::MinSIOp::create(b, loc, row, hi);
          Value col = linalg::IndexOp::create(b, loc, rank - 1);
          linalg::YieldOp::create(
              b, loc,
              tensor::ExtractOp::create(b, loc, table, ValueRange{row, col})
                  .getResult());
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// s2s.argmax
//===----------------------------------------------------------------------===//

struct ArgMaxOpLowering : OpConversionPattern<ArgMaxOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ArgMaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value input = adaptor.getInput();
    SmallVector<OpFoldResult> shape = tb.sizesOf(input);
    int64_t rank = shape.size();
    int64_t dim = static_cast<int64_t>(op.getDim());
    if (dim < 0)
      dim += rank;
    Type elt = TensorBuilder::elementTypeOf(input);
    Type i64 = rewriter.getI64Type();

    SmallVector<OpFoldResult> reducedShape;
    SmallVector<AffineExpr> outExprs;
    SmallVector<utils::IteratorType> iterators;
    for (int64_t i = 0; i < rank; ++i) {
      iterators.push_back(i == dim ? utils::IteratorType::reduction
                                   : utils::IteratorType::parallel);
      if (i == dim)
        continue;
      reducedShape.push_back(shape[i]);
      outExprs.push_back(rewriter.getAffineDimExpr(i));
    }
    AffineMap outMap = tb.mapOf(rank, outExprs);
    Value bestInit = tb.fill(tb.empty(reducedShape, elt), tb.negInf(elt));
    Value indexInit =
        tb.filledInt(reducedShape, i64, std::numeric_limits<int64_t>::max());
    // Takes element j when it is larger, or equal with a smaller index; NaN
    // is larger than any number. The choice does not depend on the order in
    // which elements are visited.
    SmallVector<Value> results = tb.generic(
        input, {bestInit, indexInit}, {tb.identityMap(rank), outMap, outMap},
        iterators, [&](OpBuilder &b, Location loc, ValueRange a) {
          Value x = a[0], best = a[1], bestIndex = a[2];
          Value j = arith::IndexCastOp::create(
              b, loc, i64, linalg::IndexOp::create(b, loc, dim));
          Value xNaN =
              arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
          Value bestNaN = arith::CmpFOp::create(
              b, loc, arith::CmpFPredicate::UNO, best, best);
          Value greater = arith::OrIOp::create(
              b, loc,
              arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, best),
              arith::AndIOp::create(
                  b, loc, xNaN,
                  arith::XOrIOp::create(
                      b, loc, bestNaN,
                      arith::ConstantIntOp::create(b, loc, 1, 1))));
          Value equal = arith::OrIOp::create(
              b, loc,
              arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, x, best),
              arith::AndIOp::create(b, loc, xNaN, bestNaN));
          Value earlier = arith::CmpIOp::create(
              b, loc, arith::CmpIPredicate::slt, j, bestIndex);
          Value take = arith::OrIOp::create(
              b, loc, greater, arith::AndIOp::create(b, loc, equal, earlier));
          linalg::YieldOp::create(
              b, loc,
              ValueRange{arith::SelectOp::create(b, loc, take, x, best),
                         arith::SelectOp::create(b, loc, take, j, bestIndex)});
        });
    Value indices = results[1];
    if (op.getKeepdim()) {
      // The unit dimension joins its neighbour's reassociation group.
      SmallVector<ReassociationIndices> reassociation;
      for (int64_t i = 0; i < rank - 1; ++i)
        reassociation.push_back({i < dim ? i : i + 1});
      if (!reassociation.empty()) {
        if (dim == 0)
          reassociation.front().insert(reassociation.front().begin(), 0);
        else
          reassociation[dim - 1].push_back(dim);
      }
      SmallVector<OpFoldResult> keptShape(shape);
      keptShape[dim] = tb.size(1);
      indices = tb.expand(indices, keptShape, reassociation);
    }
    rewriter.replaceOp(op, indices);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

/// An operand and the dimensions of it that may be dynamic.
struct DynamicDims {
  StringRef name;
  Value value;
  /// The dimensions that may be dynamic; all when `all` is set.
  SmallVector<int64_t, 2> dims;
  bool all = false;
};

/// The batch and sequence dimensions of the operands of `op` (which the
/// lowering takes as dynamic sizes); every other dimension (features,
/// heads, weights) must be static.
static SmallVector<DynamicDims> getDynamicDims(Operation *op) {
  auto dims = [](StringRef name, Value value, ArrayRef<int64_t> which) {
    return DynamicDims{name, value, SmallVector<int64_t, 2>(which), false};
  };
  auto any = [](StringRef name, Value value) {
    return DynamicDims{name, value, {}, true};
  };
  return llvm::TypeSwitch<Operation *, SmallVector<DynamicDims>>(op)
      .Case<RNNOp, GRUOp>([&](auto layer) -> SmallVector<DynamicDims> {
        return {dims("x", layer.getX(), {0, 1}),
                dims("h0", layer.getH0(), {1}),
                dims("seq_lens", layer.getSeqLens(), {0})};
      })
      .Case([&](LSTMOp layer) -> SmallVector<DynamicDims> {
        return {dims("x", layer.getX(), {0, 1}),
                dims("h0", layer.getH0(), {1}), dims("c0", layer.getC0(), {1}),
                dims("seq_lens", layer.getSeqLens(), {0})};
      })
      .Case([&](RecurrenceOp layer) -> SmallVector<DynamicDims> {
        return {dims("x_gates", layer.getXGates(), {0, 1}),
                dims("h0", layer.getH0(), {1}), dims("c0", layer.getC0(), {1}),
                dims("seq_lens", layer.getSeqLens(), {0})};
      })
      .Case<RNNCellOp, GRUCellOp>([&](auto cell) -> SmallVector<DynamicDims> {
        return {dims("x", cell.getX(), {0}), dims("h", cell.getH(), {0})};
      })
      .Case([&](LSTMCellOp cell) -> SmallVector<DynamicDims> {
        return {dims("x", cell.getX(), {0}), dims("h", cell.getH(), {0}),
                dims("c", cell.getC(), {0})};
      })
      .Case([&](AttentionOp attn) -> SmallVector<DynamicDims> {
        return {dims("query", attn.getQuery(), {0, 1}),
                dims("keys", attn.getKeys(), {0, 1}),
                dims("values", attn.getValues(), {0, 1}),
                any("mask", attn.getMask())};
      })
      .Case([&](ScaledDotProductAttentionOp attn) -> SmallVector<DynamicDims> {
        return {dims("query", attn.getQuery(), {0, 2}),
                dims("key", attn.getKey(), {0, 2}),
                dims("value", attn.getValue(), {0, 2}),
                any("mask", attn.getMask())};
      })
      .Case([&](MultiHeadAttentionOp attn) -> SmallVector<DynamicDims> {
        return {dims("query", attn.getQuery(), {0, 1}),
                dims("key", attn.getKey(), {0, 1}),
                dims("value", attn.getValue(), {0, 1}),
                any("key_padding_mask", attn.getKeyPaddingMask()),
                any("attn_mask", attn.getAttnMask())};
      })
      .Case([&](LinearOp linear) -> SmallVector<DynamicDims> {
        SmallVector<int64_t> leading = llvm::to_vector(llvm::seq<int64_t>(
            0, cast<RankedTensorType>(linear.getInput().getType()).getRank() -
                   1));
        return {dims("input", linear.getInput(), leading)};
      })
      .Case([&](LayerNormOp norm) -> SmallVector<DynamicDims> {
        int64_t rank =
            cast<RankedTensorType>(norm.getInput().getType()).getRank();
        int64_t normRank = norm.getNormalizedShape().size();
        SmallVector<int64_t> leading =
            llvm::to_vector(llvm::seq<int64_t>(0, rank - normRank));
        return {dims("input", norm.getInput(), leading)};
      })
      .Case([&](EmbeddingOp embedding) -> SmallVector<DynamicDims> {
        // The table is a weight: static, so that the verifier can refuse
        // an empty one that indices would be read from.
        return {any("indices", embedding.getIndices())};
      })
      .Case([&](ArgMaxOp argmax) -> SmallVector<DynamicDims> {
        return {any("input", argmax.getInput())};
      })
      .Default([](Operation *) { return SmallVector<DynamicDims>(); });
}

/// Reports an operand of an s2s op with a dynamic dimension that the
/// lowering needs static: a feature, head or weight dimension; and two
/// dimensions a shape rule ties (the batch of x and of h0) of which one is
/// static and the other dynamic: the lowering reads each size from one
/// operand and needs their types to agree.
static LogicalResult checkStaticFeatureDims(Operation *op) {
  for (const DimRule &rule : getDimRules(op)) {
    if (!rule.ref)
      continue;
    auto type = cast<RankedTensorType>(rule.value.getType());
    auto refType = cast<RankedTensorType>(rule.ref.getType());
    if (type.isDynamicDim(rule.dim) == refType.isDynamicDim(rule.refDim))
      continue;
    bool valueStatic = !type.isDynamicDim(rule.dim);
    const DimRule &r = rule;
    auto describe = [&](StringRef name, int64_t dim, RankedTensorType t) {
      std::string text;
      llvm::raw_string_ostream os(text);
      os << "dimension " << dim << " of '" << name << "' (type " << t << ")";
      return text;
    };
    return op->emitOpError()
           << "cannot be lowered to linalg: "
           << describe(valueStatic ? r.name : r.refName,
                       valueStatic ? r.dim : r.refDim,
                       valueStatic ? type : refType)
           << " is static, but "
           << describe(valueStatic ? r.refName : r.name,
                       valueStatic ? r.refDim : r.dim,
                       valueStatic ? refType : type)
           << ", which must "
           << (r.factor != 1 ? "match it" : "equal it")
           << ", is dynamic; write both static or both dynamic";
  }
  SmallVector<DynamicDims> allowed = getDynamicDims(op);
  for (auto [i, operand] : llvm::enumerate(op->getOperands())) {
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    if (!type || type.hasStaticShape())
      continue;
    const DynamicDims *entry = llvm::find_if(
        allowed, [&](const DynamicDims &d) { return d.value == operand; });
    if (entry != allowed.end() && entry->all)
      continue;
    for (int64_t dim = 0; dim < type.getRank(); ++dim) {
      if (!type.isDynamicDim(dim) ||
          (entry != allowed.end() && llvm::is_contained(entry->dims, dim)))
        continue;
      InFlightDiagnostic diag = op->emitOpError()
                                << "cannot be lowered to linalg: dimension "
                                << dim << " of operand ";
      if (entry != allowed.end())
        diag << "'" << entry->name << "'";
      else
        diag << "#" << i;
      diag << " (type " << type
           << ") is dynamic; only batch and sequence dimensions may be "
              "dynamic, feature, head and weight dimensions must be static";
      return diag;
    }
  }
  return success();
}

} // namespace

LogicalResult mlir::s2s::verifyConvertS2SToLinalgOptions(
    const ConvertS2SToLinalgPassOptions &options, OptionErrorFn emitError) {
  return checkLowerBounds(
      {{"attention-block-q", options.attentionBlockQ, 1},
       {"attention-block-k", options.attentionBlockK, 1},
       {"rnn-block-units", options.rnnBlockUnits, 0},
       {"rnn-block-rows", options.rnnBlockRows, 0},
       {"rnn-parallel-min-flops", options.rnnParallelMinFlops, 0}},
      emitError);
}

namespace {
struct ConvertS2SToLinalgPass
    : s2s::impl::ConvertS2SToLinalgPassBase<ConvertS2SToLinalgPass> {
  using s2s::impl::ConvertS2SToLinalgPassBase<
      ConvertS2SToLinalgPass>::ConvertS2SToLinalgPassBase;

  void runOnOperation() override {
    ConvertS2SToLinalgPassOptions options;
    options.tileAttention = tileAttention;
    options.attentionBlockQ = attentionBlockQ;
    options.attentionBlockK = attentionBlockK;
    options.fuseRNNSteps = fuseRNNSteps;
    options.rnnBlockUnits = rnnBlockUnits;
    options.rnnBlockRows = rnnBlockRows;
    options.rnnParallelMinFlops = rnnParallelMinFlops;
    options.polynomialExp = polynomialExp;
    if (failed(verifyConvertS2SToLinalgOptions(
            options, [&](const Twine &message) {
              emitError(getOperation()->getLoc())
                  << getArgument() << ": " << message;
            })))
      return signalPassFailure();
    bool ok = true;
    getOperation()->walk([&](Operation *op) {
      if (isa<S2SDialect>(op->getDialect()) &&
          failed(checkStaticFeatureDims(op)))
        ok = false;
    });
    if (!ok)
      return signalPassFailure();

    MLIRContext *ctx = &getContext();
    ConversionTarget target(*ctx);
    configureS2SToLinalgConversionTarget(target);
    RewritePatternSet patterns(ctx);
    populateS2SToLinalgConversionPatterns(patterns, options);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void mlir::s2s::configureS2SToLinalgConversionTarget(ConversionTarget &target) {
  target.addIllegalDialect<S2SDialect>();
  target
      .addLegalDialect<arith::ArithDialect, bufferization::BufferizationDialect,
                       linalg::LinalgDialect, math::MathDialect,
                       scf::SCFDialect, tensor::TensorDialect>();
}

void mlir::s2s::populateS2SToLinalgConversionPatterns(
    RewritePatternSet &patterns, const ConvertS2SToLinalgPassOptions &options) {
  patterns.add<ArgMaxOpLowering, EmbeddingOpLowering, LayerNormOpLowering,
               LinearOpLowering>(patterns.getContext());
  populateRecurrentToLinalgPatterns(patterns, options);
  populateAttentionToLinalgPatterns(patterns, options);
}
