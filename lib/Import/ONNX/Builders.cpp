//===- Builders.cpp - building blocks of the ONNX importer ----------------===//
//
// What the node handlers emit with: ONNX broadcasting and elementwise
// generics (folded when the operands are constants), broadcasts,
// transposes, reshapes through collapse/expand_shape, slices, concatenation,
// matmuls of any rank and element type casts. Each folds constant operands
// small enough to fold, with the element type's own arithmetic.
//
//===----------------------------------------------------------------------===//

#include "ImporterInternals.h"

#include "mlir/Dialect/CommonFolders.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

Attribute onnx_import::foldCast(Attribute operand, RankedTensorType type) {
  Type from =
      cast<ShapedType>(cast<TypedAttr>(operand).getType()).getElementType();
  Type to = type.getElementType();
  auto fromF = dyn_cast<FloatType>(from);
  auto toF = dyn_cast<FloatType>(to);
  if (fromF && toF)
    return constFoldCastOp<FloatAttr, FloatAttr, APFloat, APFloat, void>(
        operand, type, [&](const APFloat &x, bool &ok) {
          APFloat y = x;
          bool lost;
          ok = y.convert(toF.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                         &lost) != APFloat::opInvalidOp;
          return y;
        });
  if (fromF)
    return constFoldCastOp<FloatAttr, IntegerAttr, APFloat, APInt, void>(
        operand, type, [&](const APFloat &x, bool &ok) {
          if (to.isInteger(1))
            return APInt(1, !x.isZero());
          // Toward zero, as arith.fptosi; out of range does not fold.
          llvm::APSInt y(to.getIntOrFloatBitWidth(), /*isUnsigned=*/false);
          bool exact;
          APFloat::opStatus status =
              x.convertToInteger(y, APFloat::rmTowardZero, &exact);
          ok = status == APFloat::opOK || status == APFloat::opInexact;
          return APInt(y);
        });
  bool fromBool = from.isInteger(1);
  if (toF)
    return constFoldCastOp<IntegerAttr, FloatAttr, APInt, APFloat, void>(
        operand, type, [&](const APInt &x, bool &) {
          APFloat y(toF.getFloatSemantics());
          y.convertFromAPInt(x, /*IsSigned=*/!fromBool,
                             APFloat::rmNearestTiesToEven);
          return y;
        });
  unsigned width = to.getIntOrFloatBitWidth();
  return constFoldCastOp<IntegerAttr, IntegerAttr, APInt, APInt, void>(
      operand, type, [&](const APInt &x, bool &) {
        if (width == 1)
          return APInt(1, !x.isZero());
        return fromBool ? x.zextOrTrunc(width) : x.sextOrTrunc(width);
      });
}

Value Importer::filled(ArrayRef<int64_t> shape, TypedAttr value) {
  return linalg::FillOp::create(builder, loc, scalarConst(value),
                                empty(shape, value.getType()))
      .getResult(0);
}

Value Importer::requireInput(unsigned i, StringRef what) {
  Value v = input(i);
  if (!v)
    (void)fail("input #" + Twine(i) + " (" + what + ") is missing");
  return v;
}

FailureOr<int64_t> Importer::normalizeAxis(int64_t axis, int64_t rank,
                                           StringRef what) {
  if (axis < -rank || axis >= rank)
    return fail(what + " " + Twine(axis) + " is out of range for rank " +
                Twine(rank) + " (expected [" + Twine(-rank) + ", " +
                Twine(rank - 1) + "])");
  return axis < 0 ? axis + rank : axis;
}

FailureOr<SmallVector<int64_t>>
Importer::broadcastShapes(ArrayRef<Value> operands) {
  int64_t rank = 0;
  for (Value v : operands)
    rank = std::max(rank, rankOf(v));
  SmallVector<int64_t> shape(rank, 1);
  for (Value v : operands) {
    ArrayRef<int64_t> s = shapeOf(v);
    int64_t offset = rank - s.size();
    for (auto [i, dim] : llvm::enumerate(s)) {
      int64_t &out = shape[offset + i];
      if (dim == out || dim == 1)
        continue;
      if (out == 1) {
        out = dim;
        continue;
      }
      std::string shapes;
      llvm::raw_string_ostream os(shapes);
      llvm::interleaveComma(operands, os,
                            [&](Value o) { os << shapeString(shapeOf(o)); });
      return fail("operand shapes " + shapes + " do not broadcast: dimension " +
                  Twine(offset + i) + " of the result would be both " +
                  Twine(out) + " and " + Twine(dim));
    }
  }
  return shape;
}

FailureOr<Value> Importer::elementwise(ArrayRef<Value> operands, Type resultElt,
                                       BodyFn body, FoldFn fold) {
  FailureOr<SmallVector<int64_t>> shape = broadcastShapes(operands);
  if (failed(shape))
    return failure();
  int64_t n = product(*shape);

  // Fold small constant operands.
  if (fold && n <= kMaxFoldElements) {
    SmallVector<Attribute> attrs;
    for (Value v : operands) {
      DenseElementsAttr attr = foldable(v);
      if (!attr)
        break;
      attrs.push_back(broadcastAttr(attr, *shape));
    }
    if (attrs.size() == operands.size())
      if (auto folded = dyn_cast_or_null<DenseElementsAttr>(
              fold(attrs, RankedTensorType::get(*shape, resultElt))))
        return constant(folded);
  }

  int64_t rank = shape->size();
  SmallVector<AffineMap> maps;
  for (Value v : operands) {
    ArrayRef<int64_t> s = shapeOf(v);
    int64_t offset = rank - s.size();
    SmallVector<AffineExpr> exprs;
    for (auto [i, dim] : llvm::enumerate(s))
      exprs.push_back(dim == 1 && (*shape)[offset + i] != 1
                          ? builder.getAffineConstantExpr(0)
                          : builder.getAffineDimExpr(offset + i));
    maps.push_back(AffineMap::get(rank, 0, exprs, context));
  }
  maps.push_back(builder.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto op = linalg::GenericOp::create(
      builder, loc, TypeRange{RankedTensorType::get(*shape, resultElt)},
      operands, ValueRange{empty(*shape, resultElt)}, maps, iterators,
      [&](OpBuilder &b, Location l, ValueRange args) {
        linalg::YieldOp::create(b, l,
                                body(b, l, args.take_front(operands.size())));
      });
  return op.getResult(0);
}

Value Importer::broadcastTo(Value v, ArrayRef<int64_t> shape) {
  if (shapeOf(v) == shape)
    return v;
  // A generic reading `v` through a broadcasting map (the caller has
  // checked that `v` broadcasts to `shape`).
  Type elt = eltOf(v);
  ArrayRef<int64_t> s = shapeOf(v);
  int64_t rank = shape.size(), offset = rank - s.size();
  if (DenseElementsAttr attr = foldable(v);
      attr && product(shape) <= kMaxFoldElements)
    return constant(broadcastAttr(attr, shape));
  SmallVector<AffineExpr> exprs;
  for (auto [i, dim] : llvm::enumerate(s))
    exprs.push_back(dim == 1 && shape[offset + i] != 1
                        ? builder.getAffineConstantExpr(0)
                        : builder.getAffineDimExpr(offset + i));
  SmallVector<AffineMap> maps = {AffineMap::get(rank, 0, exprs, context),
                                 builder.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             builder, loc, TypeRange{RankedTensorType::get(shape, elt)},
             ValueRange{v}, ValueRange{empty(shape, elt)}, maps, iterators,
             [](OpBuilder &b, Location l, ValueRange args) {
               linalg::YieldOp::create(b, l, args[0]);
             })
      .getResult(0);
}

Value Importer::transpose(Value v, ArrayRef<int64_t> perm) {
  ArrayRef<int64_t> shape = shapeOf(v);
  SmallVector<int64_t> out;
  for (int64_t p : perm)
    out.push_back(shape[p]);
  if (llvm::equal(perm, llvm::seq<int64_t>(0, perm.size())))
    return v;
  // A transpose of a transpose is one transpose (or none): exports around
  // recurrent layers transpose back and forth.
  if (auto inner = v.getDefiningOp<linalg::TransposeOp>()) {
    ArrayRef<int64_t> first = inner.getPermutation();
    SmallVector<int64_t> composed;
    for (int64_t p : perm)
      composed.push_back(first[p]);
    return transpose(inner.getInput(), composed);
  }
  return linalg::TransposeOp::create(builder, loc, v, empty(out, eltOf(v)),
                                     perm)
      .getResult()[0];
}

/// The reassociation that groups consecutive dimensions of `from` into the
/// dimensions of `to` (which has fewer), if there is one.
static std::optional<SmallVector<ReassociationIndices>>
reassociationFor(ArrayRef<int64_t> from, ArrayRef<int64_t> to) {
  SmallVector<ReassociationIndices> groups;
  size_t i = 0;
  for (int64_t target : to) {
    ReassociationIndices group;
    int64_t acc = 1;
    while (i < from.size() && (group.empty() || acc < target)) {
      acc *= from[i];
      group.push_back(i++);
    }
    if (acc != target || group.empty())
      return std::nullopt;
    groups.push_back(group);
  }
  // Trailing unit dimensions join the last group.
  while (i < from.size() && from[i] == 1 && !groups.empty())
    groups.back().push_back(i++);
  if (i != from.size() || groups.empty())
    return std::nullopt;
  return groups;
}

Value Importer::reshape(Value v, ArrayRef<int64_t> shape) {
  ArrayRef<int64_t> from = shapeOf(v);
  if (from == shape)
    return v;
  Type elt = eltOf(v);
  auto type = RankedTensorType::get(shape, elt);
  if (DenseElementsAttr attr = constAttr(v))
    return constant(attr.reshape(type));
  // Reshapes compose: start from the value before the last one.
  if (auto expand = v.getDefiningOp<tensor::ExpandShapeOp>())
    return reshape(expand.getSrc(), shape);
  if (auto collapse = v.getDefiningOp<tensor::CollapseShapeOp>())
    return reshape(collapse.getSrc(), shape);
  if (from.size() > shape.size() && !shape.empty()) {
    if (auto groups = reassociationFor(from, shape))
      return tensor::CollapseShapeOp::create(builder, loc, type, v, *groups);
  } else if (from.size() < shape.size() && !from.empty()) {
    if (auto groups = reassociationFor(shape, from))
      return tensor::ExpandShapeOp::create(builder, loc, type, v, *groups);
  }
  // Collapse to the finest shape both refine, then expand: [5, 2, 16] ->
  // [5, 32] -> [5, 8, 4].
  int64_t total = product(from);
  if (total > 1 && !from.empty() && !shape.empty()) {
    SmallVector<int64_t> breaks;
    int64_t pf = 1;
    for (int64_t d : from) {
      pf *= d;
      int64_t pt = 1;
      for (int64_t e : shape) {
        pt *= e;
        if (pt == pf && (breaks.empty() || breaks.back() != pf))
          breaks.push_back(pf);
      }
    }
    SmallVector<int64_t> middle;
    int64_t prev = 1;
    for (int64_t b : breaks) {
      middle.push_back(b / prev);
      prev = b;
    }
    auto down = reassociationFor(from, middle);
    auto up = reassociationFor(shape, middle);
    if (down && up && middle.size() < from.size() &&
        middle.size() < shape.size()) {
      Value mid = tensor::CollapseShapeOp::create(
          builder, loc, RankedTensorType::get(middle, elt), v, *down);
      return tensor::ExpandShapeOp::create(builder, loc, type, mid, *up);
    }
  }
  // General case: through one dimension.
  auto flatType = RankedTensorType::get({product(from)}, elt);
  Value flat = v;
  if (from.empty())
    flat = tensor::ExpandShapeOp::create(builder, loc, flatType, v,
                                         ArrayRef<ReassociationIndices>{});
  else if (from.size() != 1)
    flat = tensor::CollapseShapeOp::create(
        builder, loc, flatType, v,
        ArrayRef<ReassociationIndices>{
            llvm::to_vector(llvm::seq<int64_t>(0, from.size()))});
  if (shape.empty())
    return tensor::CollapseShapeOp::create(builder, loc, type, flat,
                                           ArrayRef<ReassociationIndices>{});
  if (shape.size() == 1)
    return flat;
  return tensor::ExpandShapeOp::create(
      builder, loc, type, flat,
      ArrayRef<ReassociationIndices>{
          llvm::to_vector(llvm::seq<int64_t>(0, shape.size()))});
}

Value Importer::slice(Value v, ArrayRef<int64_t> offsets,
                      ArrayRef<int64_t> sizes, ArrayRef<int64_t> strides) {
  SmallVector<int64_t> unit(sizes.size(), 1);
  if (strides.empty())
    strides = unit;
  if (offsets == ArrayRef<int64_t>(SmallVector<int64_t>(sizes.size(), 0)) &&
      sizes == shapeOf(v) && strides == ArrayRef<int64_t>(unit))
    return v;
  auto type = RankedTensorType::get(sizes, eltOf(v));
  // An empty result: its offsets may be the size of the dimension, which
  // tensor.extract_slice does not take. A constant, so that shape
  // computations on it still fold.
  if (llvm::is_contained(sizes, 0))
    return emptyConstant(sizes, eltOf(v));
  if (DenseElementsAttr attr = foldable(v)) {
    ArrayRef<int64_t> from = shapeOf(v);
    int64_t rank = sizes.size();
    return constant(pickElements(attr, type, [&](int64_t flat) {
      SmallVector<int64_t> index(rank);
      for (int64_t d = rank - 1; d >= 0; --d) {
        index[d] = flat % sizes[d];
        flat /= sizes[d];
      }
      int64_t pos = 0;
      for (int64_t d = 0; d < rank; ++d)
        pos = pos * from[d] + offsets[d] + index[d] * strides[d];
      return pos;
    }));
  }
  return tensor::ExtractSliceOp::create(
      builder, loc, type, v, getAsIndexOpFoldResult(context, offsets),
      getAsIndexOpFoldResult(context, sizes),
      getAsIndexOpFoldResult(context, strides));
}

Value Importer::concat(ArrayRef<Value> parts, int64_t axis) {
  if (parts.size() == 1)
    return parts[0];
  SmallVector<int64_t> shape(shapeOf(parts[0]));
  shape[axis] = 0;
  for (Value p : parts)
    shape[axis] += shapeOf(p)[axis];
  Type elt = eltOf(parts[0]);
  // Fold constants.
  SmallVector<DenseElementsAttr> attrs;
  for (Value p : parts)
    if (DenseElementsAttr attr = foldable(p))
      attrs.push_back(attr);
  if (attrs.size() == parts.size() && product(shape) <= kMaxFoldElements) {
    SmallVector<Attribute> out;
    int64_t outer = product(ArrayRef<int64_t>(shape).take_front(axis));
    SmallVector<SmallVector<Attribute>> elements;
    for (DenseElementsAttr attr : attrs)
      elements.emplace_back(attr.getValues<Attribute>());
    for (int64_t o = 0; o < outer; ++o)
      for (auto [attr, elts] : llvm::zip(attrs, elements)) {
        int64_t chunk = product(attr.getType().getShape().drop_front(axis));
        out.append(elts.begin() + o * chunk, elts.begin() + (o + 1) * chunk);
      }
    return constant(
        DenseElementsAttr::get(RankedTensorType::get(shape, elt), out));
  }
  Value result = empty(shape, elt);
  int64_t offset = 0;
  for (Value p : parts) {
    ArrayRef<int64_t> s = shapeOf(p);
    SmallVector<int64_t> offsets(shape.size(), 0), strides(shape.size(), 1);
    offsets[axis] = offset;
    result = tensor::InsertSliceOp::create(
        builder, loc, p, result, getAsIndexOpFoldResult(context, offsets),
        getAsIndexOpFoldResult(context, s),
        getAsIndexOpFoldResult(context, strides));
    offset += s[axis];
  }
  return result;
}

/// Reorders the `order.size()` blocks of `block` rows along `axis`: block k
/// of the result is block order[k] of `v`. Constants are reordered here.
Value Importer::permuteBlocks(Value v, int64_t axis, int64_t block,
                              ArrayRef<int64_t> order) {
  if (DenseElementsAttr attr = constAttr(v)) {
    if (attr.isSplat())
      return v;
    ArrayRef<int64_t> shape = attr.getType().getShape();
    ArrayRef<char> raw = attr.getRawData();
    int64_t eltBytes = raw.size() / attr.getNumElements();
    if (eltBytes > 0 && !attr.getElementType().isInteger(1)) {
      int64_t outer = product(shape.take_front(axis));
      int64_t inner = product(shape.drop_front(axis + 1)) * eltBytes;
      int64_t rows = shape[axis];
      std::vector<char> out(raw.size());
      for (int64_t o = 0; o < outer; ++o)
        for (auto [k, src] : llvm::enumerate(order))
          std::memcpy(out.data() + (o * rows + k * block) * inner,
                      raw.data() + (o * rows + src * block) * inner,
                      block * inner);
      return constant(DenseElementsAttr::getFromRawBuffer(attr.getType(), out));
    }
  }
  ArrayRef<int64_t> shape = shapeOf(v);
  SmallVector<Value> parts;
  for (int64_t src : order) {
    SmallVector<int64_t> offsets(shape.size(), 0), sizes(shape);
    offsets[axis] = src * block;
    sizes[axis] = block;
    parts.push_back(slice(v, offsets, sizes));
  }
  return concat(parts, axis);
}

Value Importer::matmul(Value a, Value b) {
  ArrayRef<int64_t> as = shapeOf(a), bs = shapeOf(b);
  Type elt = eltOf(a);
  int64_t ra = as.size(), rb = bs.size();
  auto contract = [&](Value x, Value y, bool batched) -> Value {
    ArrayRef<int64_t> xs = shapeOf(x), ys = shapeOf(y);
    SmallVector<int64_t> out;
    if (batched)
      out = {xs[0], xs[1], ys[2]};
    else
      out = {xs[0], ys[1]};
    Value init = filled(out, builder.getZeroAttr(elt));
    auto type = RankedTensorType::get(out, elt);
    if (batched)
      return linalg::BatchMatmulOp::create(builder, loc, TypeRange{type},
                                           ValueRange{x, y}, ValueRange{init})
          .getResult(0);
    return linalg::MatmulOp::create(builder, loc, TypeRange{type},
                                    ValueRange{x, y}, ValueRange{init})
        .getResult(0);
  };
  if (ra == 2 && rb == 2)
    return contract(a, b, false);
  if (rb == 2) {
    // [..., M, K] x [K, N]: flatten the leading dimensions.
    int64_t k = as.back();
    Value flat = reshape(a, {product(as) / k, k});
    Value prod = contract(flat, b, false);
    SmallVector<int64_t> out(as);
    out.back() = bs[1];
    return reshape(prod, out);
  }
  // Batched: broadcast the batch dimensions, then one batch dimension.
  SmallVector<int64_t> batchA(as.drop_back(2)), batchB(bs.drop_back(2));
  int64_t batchRank = std::max(batchA.size(), batchB.size());
  SmallVector<int64_t> batch(batchRank, 1);
  for (int i = 0; i < 2; ++i) {
    ArrayRef<int64_t> src = i ? batchB : batchA;
    for (auto [j, d] : llvm::enumerate(src)) {
      int64_t &o = batch[batchRank - src.size() + j];
      o = o == 1 ? d : o;
    }
  }
  auto expandBatch = [&](Value v, ArrayRef<int64_t> s) -> Value {
    SmallVector<int64_t> want(batch);
    want.append({s[s.size() - 2], s.back()});
    if (ArrayRef<int64_t>(want) == s)
      return v;
    // linalg.broadcast adds dimensions; first drop the unit ones that grow.
    SmallVector<int64_t> kept, keptShape, added;
    int64_t offset = want.size() - s.size();
    for (int64_t d = 0; d < static_cast<int64_t>(want.size()); ++d) {
      int64_t srcDim = d - offset;
      if (srcDim >= 0 && (s[srcDim] == want[d])) {
        kept.push_back(srcDim);
        keptShape.push_back(s[srcDim]);
      } else {
        added.push_back(d);
      }
    }
    Value src = reshape(v, keptShape);
    return linalg::BroadcastOp::create(builder, loc, src, empty(want, eltOf(v)),
                                       added)
        .getResult()[0];
  };
  if (ra == 1 || rb == 1)
    return nullptr; // handled by the caller
  Value x = expandBatch(a, as), y = expandBatch(b, bs);
  int64_t nb = product(batch);
  int64_t m = as[ra - 2], k = as[ra - 1], n = bs[rb - 1];
  Value x3 = reshape(x, {nb, m, k}), y3 = reshape(y, {nb, k, n});
  Value prod = contract(x3, y3, true);
  SmallVector<int64_t> out(batch);
  out.append({m, n});
  return reshape(prod, out);
}

Value Importer::castTo(Value v, Type to) {
  Type from = eltOf(v);
  if (from == to)
    return v;
  FailureOr<Value> r = elementwise(
      {v}, to,
      [&](OpBuilder &b, Location l, ValueRange a) -> Value {
        Value x = a[0];
        auto fromF = dyn_cast<FloatType>(from), toF = dyn_cast<FloatType>(to);
        if (fromF && toF)
          return fromF.getWidth() < toF.getWidth()
                     ? arith::ExtFOp::create(b, l, to, x).getResult()
                     : arith::TruncFOp::create(b, l, to, x).getResult();
        if (to.isInteger(1)) {
          if (fromF) {
            Value zero =
                arith::ConstantOp::create(b, l, from, b.getFloatAttr(from, 0));
            return arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNE, x,
                                         zero);
          }
          Value zero =
              arith::ConstantOp::create(b, l, from, b.getIntegerAttr(from, 0));
          return arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, x, zero);
        }
        if (fromF)
          return arith::FPToSIOp::create(b, l, to, x);
        if (toF)
          return from.isInteger(1)
                     ? arith::UIToFPOp::create(b, l, to, x).getResult()
                     : arith::SIToFPOp::create(b, l, to, x).getResult();
        unsigned fw = from.getIntOrFloatBitWidth(),
                 tw = to.getIntOrFloatBitWidth();
        if (fw < tw)
          return from.isInteger(1)
                     ? arith::ExtUIOp::create(b, l, to, x).getResult()
                     : arith::ExtSIOp::create(b, l, to, x).getResult();
        return arith::TruncIOp::create(b, l, to, x);
      },
      [&](ArrayRef<Attribute> a, RankedTensorType type) {
        return foldCast(a[0], type);
      });
  return *r;
}
