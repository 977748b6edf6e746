//===- Reductions.cpp - ONNX reductions, Softmax, LayerNorm, ArgMax -------===//
//
// The ops that reduce over axes: Reduce{Mean,Sum,Max,Min,SumSquare} as
// linalg.generic with reduction iterators (axes from an attribute or, in
// newer opsets, a constant input), Softmax as linalg.softmax (before opset
// 13 over the flattened trailing dimensions), LayerNormalization as
// s2s.layer_norm with its optional statistics outputs, ArgMax as s2s.argmax.
//
//===----------------------------------------------------------------------===//

#include "ImporterInternals.h"

#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include "mlir/Dialect/Math/IR/Math.h"

#include <cmath>

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

FailureOr<Value> Importer::importReduce(const NodeAttributes &attrs,
                                        bool axesAsInput) {
  StringRef op = opType;
  Value x = requireInput(0, "data");
  if (!x)
    return failure();
  int64_t rank = rankOf(x);
  SmallVector<int64_t> axes;
  if (axesAsInput) {
    if (Value a = input(1)) {
      FailureOr<SmallVector<int64_t>> ints = constInts(a, "an axes input");
      if (failed(ints))
        return failure();
      axes = std::move(*ints);
    }
  } else if (auto a = attrs.getInts("axes")) {
    axes = *a;
  }
  if (axes.empty()) {
    if (attrs.getInt("noop_with_empty_axes", 0))
      return x;
    axes = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  }
  SmallVector<bool> reduced(rank, false);
  for (int64_t a : axes) {
    FailureOr<int64_t> ax = normalizeAxis(a, rank);
    if (failed(ax))
      return failure();
    reduced[*ax] = true;
  }
  bool keep = attrs.getInt("keepdims", 1);
  SymShape s = sizesOf(x);
  SymShape outShape, keptShape;
  SmallVector<AffineExpr> outExprs;
  SymSize count(1);
  for (int64_t d = 0; d < rank; ++d) {
    if (reduced[d]) {
      count = count * s[d];
      if (keep)
        keptShape.push_back(1);
      continue;
    }
    outShape.push_back(s[d]);
    keptShape.push_back(s[d]);
    outExprs.push_back(builder.getAffineDimExpr(d));
  }
  Type elt = eltOf(x);
  if (!isa<FloatType>(elt))
    return unsupported(op + " of " + typeString(elt));
  double init = op == "ReduceMax"   ? -INFINITY
                : op == "ReduceMin" ? INFINITY
                                    : 0;
  Value acc = filled(outShape, builder.getFloatAttr(elt, init));
  SmallVector<utils::IteratorType> iterators;
  for (int64_t d = 0; d < rank; ++d)
    iterators.push_back(reduced[d] ? utils::IteratorType::reduction
                                   : utils::IteratorType::parallel);
  SmallVector<AffineMap> maps = {builder.getMultiDimIdentityMap(rank),
                                 AffineMap::get(rank, 0, outExprs, context)};
  auto generic = linalg::GenericOp::create(
      builder, loc, TypeRange{acc.getType()}, ValueRange{x}, ValueRange{acc},
      maps, iterators, [&](OpBuilder &b, Location l, ValueRange a) {
        Value v;
        if (op == "ReduceMax")
          v = arith::MaximumFOp::create(b, l, a[0], a[1]);
        else if (op == "ReduceMin")
          v = arith::MinimumFOp::create(b, l, a[0], a[1]);
        else if (op == "ReduceSumSquare")
          v = arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, a[0], a[0]), a[1]);
        else
          v = arith::AddFOp::create(b, l, a[0], a[1]);
        linalg::YieldOp::create(b, l, v);
      });
  Value result = generic.getResult(0);
  if (op == "ReduceMean") {
    Value n;
    if (std::optional<int64_t> c = count.getConstant()) {
      n = constant(DenseElementsAttr::get(
          RankedTensorType::get({}, elt),
          builder.getFloatAttr(elt, static_cast<double>(*c))));
    } else {
      Value i = arith::IndexCastOp::create(builder, loc, builder.getI64Type(),
                                           materialize(count));
      n = tensor::FromElementsOp::create(
          builder, loc, RankedTensorType::get({}, elt),
          ValueRange{arith::SIToFPOp::create(builder, loc, elt, i)});
    }
    result = *elementwise(
        {result, n}, elt, [](OpBuilder &b, Location l, ValueRange a) {
          return arith::DivFOp::create(b, l, a[0], a[1]).getResult();
        });
  }
  return reshape(result, keptShape);
}

FailureOr<Value> Importer::importSoftmax(const NodeAttributes &attrs,
                                         bool onAxis) {
  Value x = requireInput(0, "input");
  if (!x)
    return failure();
  int64_t rank = rankOf(x);
  int64_t dflt = onAxis ? -1 : 1;
  FailureOr<int64_t> axis = normalizeAxis(attrs.getInt("axis", dflt), rank);
  if (failed(axis))
    return failure();
  auto softmax = [&](Value v, int64_t dim) {
    return linalg::SoftmaxOp::create(builder, loc, TypeRange{v.getType()}, v,
                                     empty(sizesOf(v), eltOf(v)), dim)
        .getResult()[0];
  };
  if (onAxis || *axis == rank - 1)
    return softmax(x, *axis);
  // Before opset 13: over the flattened trailing dims from axis.
  SymShape s = sizesOf(x);
  ArrayRef<SymSize> sr(s);
  Value flat = reshape(x, {onnx_import::product(sr.take_front(*axis)),
                           onnx_import::product(sr.drop_front(*axis))});
  return reshape(softmax(flat, 1), s);
}

FailureOr<SmallVector<Value>>
Importer::importLayerNorm(const NodeAttributes &attrs) {
  Value x = requireInput(0, "X"), scale = requireInput(1, "Scale"),
        bias = input(2);
  if (!x || !scale)
    return failure();
  int64_t rank = rankOf(x);
  FailureOr<int64_t> axis = normalizeAxis(attrs.getInt("axis", -1), rank);
  if (failed(axis))
    return failure();
  if (attrs.getInt("stash_type", 1) != 1)
    return unsupported("stash_type=" + Twine(attrs.getInt("stash_type", 1)) +
                       " on " + nodeLabel);
  SmallVector<int64_t> normalized(shapeOf(x).drop_front(*axis));
  if (ShapedType::isDynamicShape(normalized))
    return unsupported("normalizing over dimensions of dynamic size (X has "
                       "shape " +
                       sizesString(sizesOf(x)) + ", axis " + Twine(*axis) +
                       "): the normalized dimensions must be static");
  // Scale and B broadcast to the normalized shape.
  auto fit = [&](Value v, StringRef name) -> FailureOr<Value> {
    if (!v)
      return Value();
    // Aligned right, each dimension equal or 1.
    ArrayRef<int64_t> vs = shapeOf(v);
    bool fits = vs.size() <= normalized.size();
    for (size_t i = 0; fits && i < vs.size(); ++i) {
      int64_t want = normalized[normalized.size() - vs.size() + i];
      fits = vs[i] == want || vs[i] == 1;
    }
    if (!fits)
      return fail("input " + name + " of shape " + shapeString(vs) +
                  " does not broadcast to the normalized shape " +
                  shapeString(normalized));
    return broadcastTo(v, symShape(normalized));
  };
  FailureOr<Value> w = fit(scale, "Scale"), b = fit(bias, "B");
  if (failed(w) || failed(b))
    return failure();
  double eps = attrs.getFloat("epsilon", 1e-5);
  SmallVector<Value> results = {
      LayerNormOp::create(builder, loc, typeOf(x), x, *w, *b,
                          builder.getDenseI64ArrayAttr(normalized),
                          builder.getF64FloatAttr(eps))
          .getResult()};
  if (!hasOutput(1) && !hasOutput(2))
    return results;
  // Mean and InvStdDev: [d0, ..., d(axis-1), 1, ..., 1].
  Type elt = eltOf(x);
  SymShape statShape = sizesOf(x);
  for (int64_t d = *axis; d < rank; ++d)
    statShape[d] = 1;
  int64_t count = product(normalized);
  SymShape outer(ArrayRef<SymSize>(sizesOf(x)).take_front(*axis));
  auto reduceMean = [&](Value v) -> Value {
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < *axis; ++d)
      exprs.push_back(builder.getAffineDimExpr(d));
    SmallVector<utils::IteratorType> iterators;
    for (int64_t d = 0; d < rank; ++d)
      iterators.push_back(d < *axis ? utils::IteratorType::parallel
                                    : utils::IteratorType::reduction);
    Value acc = filled(outer, builder.getZeroAttr(elt));
    auto sum = linalg::GenericOp::create(
        builder, loc, TypeRange{acc.getType()}, ValueRange{v}, ValueRange{acc},
        ArrayRef<AffineMap>{builder.getMultiDimIdentityMap(rank),
                            AffineMap::get(rank, 0, exprs, context)},
        iterators, [](OpBuilder &b, Location l, ValueRange a) {
          linalg::YieldOp::create(
              b, l, arith::AddFOp::create(b, l, a[0], a[1]).getResult());
        });
    Value n = floatConst(elt, static_cast<double>(count));
    Value mean = *elementwise(
        {sum.getResult(0)}, elt, [&](OpBuilder &b, Location l, ValueRange a) {
          return arith::DivFOp::create(b, l, a[0], n).getResult();
        });
    return reshape(mean, statShape);
  };
  Value mean = reduceMean(x);
  Value centered =
      *elementwise({x, mean}, elt, [](OpBuilder &b, Location l, ValueRange a) {
        return arith::SubFOp::create(b, l, a[0], a[1]).getResult();
      });
  Value square =
      *elementwise({centered}, elt, [](OpBuilder &b, Location l, ValueRange a) {
        return arith::MulFOp::create(b, l, a[0], a[0]).getResult();
      });
  Value var = reduceMean(square);
  Value epsV = floatConst(elt, eps);
  Value invStd =
      *elementwise({var}, elt, [&](OpBuilder &b, Location l, ValueRange a) {
        return math::RsqrtOp::create(b, l,
                                     arith::AddFOp::create(b, l, a[0], epsV))
            .getResult();
      });
  results.append({mean, invStd});
  return results;
}

FailureOr<Value> Importer::importArgMax(const NodeAttributes &attrs) {
  Value x = requireInput(0, "data");
  if (!x)
    return failure();
  if (attrs.getInt("select_last_index", 0))
    return unsupported("select_last_index=1 on " + nodeLabel);
  if (!isFloat(x))
    return unsupported("ArgMax of " + typeString(eltOf(x)));
  FailureOr<int64_t> axis = normalizeAxis(attrs.getInt("axis", 0), rankOf(x));
  if (failed(axis))
    return failure();
  bool keep = attrs.getInt("keepdims", 1);
  SymShape out = sizesOf(x);
  if (keep)
    out[*axis] = 1;
  else
    out.erase(out.begin() + *axis);
  return record(ArgMaxOp::create(builder, loc,
                                 RankedTensorType::get(staticShape(out),
                                                       builder.getI64Type()),
                                 x, builder.getI64IntegerAttr(*axis),
                                 keep ? builder.getUnitAttr() : nullptr)
                    .getResult(),
                out);
}

void onnx_import::populateReductionHandlers(HandlerTable &table) {
  // The axes are an attribute, then an input: ReduceSum from opset 13, the
  // others from 18.
  for (StringRef op : {"ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin",
                       "ReduceSumSquare"}) {
    table.on(op, 1, oneResult([](Importer &im, const NodeAttributes &attrs) {
               return im.importReduce(attrs, /*axesAsInput=*/false);
             }));
    table.on(op, op == "ReduceSum" ? 13 : 18,
             oneResult([](Importer &im, const NodeAttributes &attrs) {
               return im.importReduce(attrs, /*axesAsInput=*/true);
             }));
  }
  // Softmax before opset 13 normalizes the flattened trailing dimensions
  // from the axis (default 1), from 13 on the axis alone (default -1).
  table.on("Softmax", 1,
           oneResult([](Importer &im, const NodeAttributes &attrs) {
             return im.importSoftmax(attrs, /*onAxis=*/false);
           }));
  table.on("Softmax", 13,
           oneResult([](Importer &im, const NodeAttributes &attrs) {
             return im.importSoftmax(attrs, /*onAxis=*/true);
           }));
  table.on("LayerNormalization", 17, &Importer::importLayerNorm);
  table.on("ArgMax", 1, &Importer::importArgMax);
}
