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
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
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

Value Importer::empty(ArrayRef<SymSize> sizes, Type elt) {
  SmallVector<int64_t> shape = staticShape(sizes);
  if (!ShapedType::isDynamicShape(shape))
    return tensor::EmptyOp::create(builder, loc, shape, elt);
  return record(tensor::EmptyOp::create(builder, loc, foldResults(sizes), elt),
                sizes);
}

Value Importer::filled(ArrayRef<SymSize> sizes, TypedAttr value) {
  return linalg::FillOp::create(builder, loc, scalarConst(value),
                                empty(sizes, value.getType()))
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

// Not OpTrait::util::getBroadcastedShape: that takes two shapes of static
// sizes or kDynamic and takes a kDynamic to match whatever it meets; here
// any number of operands broadcast over symbolic sizes, a run-time size
// that must equal another gets a check, and a mismatch names the operands.
FailureOr<SymShape> Importer::broadcastShapes(ArrayRef<Value> operands) {
  int64_t rank = 0;
  SmallVector<SymShape> sizes;
  for (Value v : operands) {
    rank = std::max(rank, rankOf(v));
    sizes.push_back(sizesOf(v));
  }
  auto shapes = [&]() {
    std::string out;
    for (auto [i, s] : llvm::enumerate(sizes))
      out += (i ? ", " : "") + sizesString(s);
    return out;
  };
  SymShape shape(rank, SymSize(1));
  // Per dimension: a constant other than 1 rules, else the dynamic size
  // with the fewest symbols computed at run time (an input's dimension T
  // rather than min(T, 64) of a slice: the ops after it then see T, as the
  // ONNX graph's other tensors do), the first of those; the other sizes must
  // be 1 (constants) or equal it.
  for (int64_t d = 0; d < rank; ++d) {
    SymSize &out = shape[d];
    for (const SymShape &s : sizes) {
      int64_t i = d - (rank - static_cast<int64_t>(s.size()));
      if (i < 0 || s[i] == SymSize(1))
        continue;
      if (out == SymSize(1) || (!out.isConstant() && s[i].isConstant()) ||
          (!out.isConstant() && !s[i].isConstant() &&
           computedSymbols(s[i]) < computedSymbols(out)))
        out = s[i];
    }
    for (auto [k, s] : llvm::enumerate(sizes)) {
      int64_t i = d - (rank - static_cast<int64_t>(s.size()));
      if (i < 0 || s[i] == SymSize(1) || s[i] == out)
        continue;
      if (s[i].isConstant() && out.isConstant())
        return fail("operand shapes " + shapes() +
                    " do not broadcast: dimension " + Twine(d) +
                    " of the result would be both " + sizeString(out) +
                    " and " + sizeString(s[i]));
      (void)requireEqual(
          s[i], out,
          "operand #" + Twine(k) + " of shape " + sizesString(s) +
              " does not broadcast with the others (" + shapes() +
              "): its dimension " + Twine(i) + " must be " + sizeString(out) +
              " (a dimension of dynamic size broadcasts only as the "
              "result's size)");
    }
  }
  return shape;
}

/// The indexing map that reads an operand of `sizes` at the positions of
/// a result of `shape` (ONNX broadcasting: aligned right, a constant 1
/// that grows reads index 0).
static AffineMap broadcastMap(ArrayRef<SymSize> sizes, ArrayRef<SymSize> shape,
                              MLIRContext *context) {
  int64_t rank = shape.size(), offset = rank - sizes.size();
  SmallVector<AffineExpr> exprs;
  for (auto [i, dim] : llvm::enumerate(sizes))
    exprs.push_back(dim == SymSize(1) && shape[offset + i] != SymSize(1)
                        ? getAffineConstantExpr(0, context)
                        : getAffineDimExpr(offset + i, context));
  return AffineMap::get(rank, 0, exprs, context);
}

FailureOr<Value> Importer::elementwise(ArrayRef<Value> operands, Type resultElt,
                                       BodyFn body, FoldFn fold) {
  FailureOr<SymShape> shape = broadcastShapes(operands);
  if (failed(shape))
    return failure();
  SmallVector<int64_t> staticOut = staticShape(*shape);

  // Fold small constant operands.
  if (fold && !ShapedType::isDynamicShape(staticOut) &&
      onnx_import::product(staticOut) <= kMaxFoldElements) {
    SmallVector<Attribute> attrs;
    for (Value v : operands) {
      DenseElementsAttr attr = foldable(v);
      if (!attr)
        break;
      attrs.push_back(broadcastAttr(attr, staticOut));
    }
    if (attrs.size() == operands.size())
      if (auto folded = dyn_cast_or_null<DenseElementsAttr>(
              fold(attrs, RankedTensorType::get(staticOut, resultElt))))
        return constant(folded);
  }

  int64_t rank = shape->size();
  SmallVector<AffineMap> maps;
  for (Value v : operands)
    maps.push_back(broadcastMap(sizesOf(v), *shape, context));
  maps.push_back(builder.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto op = linalg::GenericOp::create(
      builder, loc, TypeRange{RankedTensorType::get(staticOut, resultElt)},
      operands, ValueRange{empty(*shape, resultElt)}, maps, iterators,
      [&](OpBuilder &b, Location l, ValueRange args) {
        linalg::YieldOp::create(b, l,
                                body(b, l, args.take_front(operands.size())));
      });
  return op.getResult(0);
}

Value Importer::broadcastTo(Value v, ArrayRef<SymSize> sizes) {
  SymShape from = sizesOf(v);
  if (ArrayRef<SymSize>(from) == sizes)
    return v;
  // A generic reading `v` through a broadcasting map (the caller has
  // checked that `v` broadcasts to `sizes`).
  Type elt = eltOf(v);
  SmallVector<int64_t> shape = staticShape(sizes);
  int64_t rank = shape.size();
  if (DenseElementsAttr attr = foldable(v);
      attr && !ShapedType::isDynamicShape(shape) &&
      onnx_import::product(shape) <= kMaxFoldElements)
    return constant(broadcastAttr(attr, shape));
  SmallVector<AffineMap> maps = {broadcastMap(from, sizes, context),
                                 builder.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             builder, loc, TypeRange{RankedTensorType::get(shape, elt)},
             ValueRange{v}, ValueRange{empty(sizes, elt)}, maps, iterators,
             [](OpBuilder &b, Location l, ValueRange args) {
               linalg::YieldOp::create(b, l, args[0]);
             })
      .getResult(0);
}

Value Importer::transpose(Value v, ArrayRef<int64_t> perm) {
  SymShape sizes = sizesOf(v);
  SymShape out;
  for (int64_t p : perm)
    out.push_back(sizes[p]);
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

/// The groups of consecutive dimensions of `fine` whose products are the
/// dimensions of `coarse` (fewer), if there are: each group is the
/// shortest run reaching its product, trailing unit dimensions join the
/// last group. (getReassociationIndicesForCollapse, which reshapeStatic
/// uses, sees every run-time size as kDynamic, so it cannot tell which
/// dynamic dimensions multiply to which: [B, T, H] -> [B*T, H] and
/// [B, T*H] are both ?x?x? -> ?x?.)
static std::optional<SmallVector<ReassociationIndices>>
symbolicGroups(ArrayRef<SymSize> fine, ArrayRef<SymSize> coarse) {
  SmallVector<ReassociationIndices> groups;
  size_t i = 0;
  for (const SymSize &target : coarse) {
    ReassociationIndices group;
    SymSize acc(1);
    while (i < fine.size() && (group.empty() || acc != target)) {
      acc = acc * fine[i];
      group.push_back(i++);
      if (acc == target)
        break;
    }
    if (acc != target || group.empty())
      return std::nullopt;
    groups.push_back(group);
  }
  while (i < fine.size() && fine[i] == SymSize(1) && !groups.empty())
    groups.back().push_back(i++);
  if (i != fine.size() || groups.empty())
    return std::nullopt;
  return groups;
}

Value Importer::reshape(Value v, ArrayRef<SymSize> sizes) {
  SmallVector<int64_t> shape = staticShape(sizes);
  if (typeOf(v).hasStaticShape() && !ShapedType::isDynamicShape(shape))
    return reshapeStatic(v, shape);
  SymShape from = sizesOf(v);
  if (ArrayRef<SymSize>(from) == sizes)
    return v;
  Type elt = eltOf(v);
  // Reshapes compose: start from the value before the last one.
  if (auto expand = v.getDefiningOp<tensor::ExpandShapeOp>())
    return reshape(expand.getSrc(), sizes);
  if (auto collapse = v.getDefiningOp<tensor::CollapseShapeOp>())
    return reshape(collapse.getSrc(), sizes);
  // The types of collapse_shape and expand_shape have a dynamic size
  // exactly where a dimension of the group is dynamic; a size the importer
  // knows to be constant all the same (a 0 among them, or sizes computed
  // at run time whose product is constant) goes through a tensor.cast.
  auto castTo = [&](Value x, ArrayRef<int64_t> shape,
                    ArrayRef<SymSize> sizes) -> Value {
    auto type = RankedTensorType::get(shape, elt);
    if (x.getType() == type)
      return x;
    return record(tensor::CastOp::create(builder, loc, type, x), sizes);
  };
  auto collapseTo = [&](Value x, ArrayRef<SymSize> to,
                        ArrayRef<ReassociationIndices> groups) {
    ArrayRef<int64_t> src = shapeOf(x);
    SmallVector<int64_t> shape = staticShape(to);
    SmallVector<int64_t> typeShape;
    for (auto [k, group] : llvm::enumerate(groups))
      typeShape.push_back(
          llvm::any_of(group,
                       [&](int64_t i) { return ShapedType::isDynamic(src[i]); })
              ? ShapedType::kDynamic
              : shape[k]);
    Value out = record(
        tensor::CollapseShapeOp::create(
            builder, loc, RankedTensorType::get(typeShape, elt), x, groups),
        to);
    return castTo(out, shape, to);
  };
  auto expandTo = [&](Value x, ArrayRef<SymSize> to,
                      ArrayRef<ReassociationIndices> groups) {
    SmallVector<int64_t> shape = staticShape(to);
    SmallVector<int64_t> srcShape;
    for (const ReassociationIndices &group : groups) {
      bool dynamic = llvm::any_of(
          group, [&](int64_t i) { return ShapedType::isDynamic(shape[i]); });
      int64_t size = 1;
      if (!dynamic)
        for (int64_t i : group)
          size *= shape[i];
      srcShape.push_back(dynamic ? ShapedType::kDynamic : size);
    }
    SymShape groupSizes;
    for (const ReassociationIndices &group : groups)
      groupSizes.push_back(onnx_import::product(
          llvm::map_to_vector(group, [&](int64_t i) { return to[i]; })));
    x = castTo(x, srcShape, groupSizes);
    return record(tensor::ExpandShapeOp::create(
                      builder, loc, RankedTensorType::get(shape, elt), x,
                      groups, foldResults(to)),
                  to);
  };
  if (from.size() > sizes.size() && !sizes.empty()) {
    if (auto groups = symbolicGroups(from, sizes))
      return collapseTo(v, sizes, *groups);
  } else if (from.size() < sizes.size() && !from.empty()) {
    if (auto groups = symbolicGroups(sizes, from))
      return expandTo(v, sizes, *groups);
  }
  // Through the finest sizes both refine: the products both shapes reach.
  SmallVector<SymSize> reached;
  SymSize pf(1);
  for (const SymSize &d : from) {
    pf = pf * d;
    SymSize pt(1);
    for (const SymSize &e : sizes) {
      pt = pt * e;
      if (pt == pf && (reached.empty() || reached.back() != pf)) {
        reached.push_back(pf);
        break;
      }
    }
  }
  SymShape middle;
  SymSize prev(1);
  for (const SymSize &r : reached) {
    std::optional<SymSize> q = r.divideExactly(prev);
    if (!q)
      break;
    middle.push_back(*q);
    prev = r;
  }
  if (middle.size() == reached.size() && !middle.empty() &&
      middle.size() < from.size() && middle.size() < sizes.size()) {
    auto down = symbolicGroups(from, middle);
    auto up = symbolicGroups(sizes, middle);
    if (down && up)
      return expandTo(collapseTo(v, middle, *down), sizes, *up);
  }
  // General case: through one dimension.
  SymSize total = onnx_import::product(from);
  Value flat = v;
  if (from.size() != 1)
    flat = collapseTo(v, {total},
                      ArrayRef<ReassociationIndices>{
                          llvm::to_vector(llvm::seq<int64_t>(0, from.size()))});
  if (sizes.size() == 1)
    return flat;
  return expandTo(flat, sizes,
                  ArrayRef<ReassociationIndices>{
                      llvm::to_vector(llvm::seq<int64_t>(0, sizes.size()))});
}

Value Importer::reshapeStatic(Value v, ArrayRef<int64_t> shape) {
  ArrayRef<int64_t> from = shapeOf(v);
  if (from == shape)
    return v;
  Type elt = eltOf(v);
  auto type = RankedTensorType::get(shape, elt);
  if (DenseElementsAttr attr = constAttr(v))
    return constant(attr.reshape(type));
  // Reshapes compose: start from the value before the last one.
  if (auto expand = v.getDefiningOp<tensor::ExpandShapeOp>())
    return reshapeStatic(expand.getSrc(), shape);
  if (auto collapse = v.getDefiningOp<tensor::CollapseShapeOp>())
    return reshapeStatic(collapse.getSrc(), shape);
  if (from.size() > shape.size() && !shape.empty()) {
    if (auto groups = getReassociationIndicesForCollapse(from, shape))
      return tensor::CollapseShapeOp::create(builder, loc, type, v, *groups);
  } else if (from.size() < shape.size() && !from.empty()) {
    if (auto groups = getReassociationIndicesForCollapse(shape, from))
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
    auto down = getReassociationIndicesForCollapse(from, middle);
    auto up = getReassociationIndicesForCollapse(shape, middle);
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

Value Importer::slice(Value v, ArrayRef<SymSize> offsetSizes,
                      ArrayRef<SymSize> sizeSizes, ArrayRef<int64_t> strides) {
  SmallVector<int64_t> unit(sizeSizes.size(), 1);
  if (strides.empty())
    strides = unit;
  SymShape from = sizesOf(v);
  if (llvm::all_of(offsetSizes,
                   [](const SymSize &o) { return o == SymSize(0); }) &&
      ArrayRef<SymSize>(from) == sizeSizes &&
      strides == ArrayRef<int64_t>(unit))
    return v;
  SmallVector<int64_t> sizes = staticShape(sizeSizes);
  auto type = RankedTensorType::get(sizes, eltOf(v));
  // An empty result: its offsets may be the size of the dimension, which
  // tensor.extract_slice does not take. A constant, so that shape
  // computations on it still fold.
  if (llvm::is_contained(sizes, 0) || llvm::is_contained(shapeOf(v), 0)) {
    if (!ShapedType::isDynamicShape(sizes))
      return emptyConstant(sizes, eltOf(v));
    return empty(sizeSizes, eltOf(v));
  }
  SmallVector<int64_t> offsets = staticShape(offsetSizes);
  DenseElementsAttr attr = foldable(v);
  if (attr && !ShapedType::isDynamicShape(sizes) &&
      !ShapedType::isDynamicShape(offsets)) {
    ArrayRef<int64_t> fromShape = shapeOf(v);
    int64_t rank = sizes.size();
    return constant(pickElements(attr, type, [&](int64_t flat) {
      SmallVector<int64_t> index(rank);
      for (int64_t d = rank - 1; d >= 0; --d) {
        index[d] = flat % sizes[d];
        flat /= sizes[d];
      }
      int64_t pos = 0;
      for (int64_t d = 0; d < rank; ++d)
        pos = pos * fromShape[d] + offsets[d] + index[d] * strides[d];
      return pos;
    }));
  }
  Value out = tensor::ExtractSliceOp::create(
      builder, loc, type, v, foldResults(offsetSizes), foldResults(sizeSizes),
      getAsIndexOpFoldResult(context, strides));
  return record(out, sizeSizes);
}

Value Importer::concat(ArrayRef<Value> parts, int64_t axis) {
  if (parts.size() == 1)
    return parts[0];
  SymShape sizes = sizesOf(parts[0]);
  sizes[axis] = 0;
  for (Value p : parts)
    sizes[axis] = add(sizes[axis], sizesOf(p)[axis]);
  SmallVector<int64_t> shape = staticShape(sizes);
  Type elt = eltOf(parts[0]);
  // Fold constants.
  SmallVector<DenseElementsAttr> attrs;
  for (Value p : parts)
    if (DenseElementsAttr attr = foldable(p))
      attrs.push_back(attr);
  if (attrs.size() == parts.size() && !ShapedType::isDynamicShape(shape) &&
      onnx_import::product(shape) <= kMaxFoldElements) {
    SmallVector<Attribute> out;
    int64_t outer =
        onnx_import::product(ArrayRef<int64_t>(shape).take_front(axis));
    SmallVector<SmallVector<Attribute>> elements;
    for (DenseElementsAttr attr : attrs)
      elements.emplace_back(attr.getValues<Attribute>());
    for (int64_t o = 0; o < outer; ++o)
      for (auto [attr, elts] : llvm::zip(attrs, elements)) {
        int64_t chunk =
            onnx_import::product(attr.getType().getShape().drop_front(axis));
        out.append(elts.begin() + o * chunk, elts.begin() + (o + 1) * chunk);
      }
    return constant(
        DenseElementsAttr::get(RankedTensorType::get(shape, elt), out));
  }
  Value result = empty(sizes, elt);
  SymSize offset(0);
  for (Value p : parts) {
    SymShape s = sizesOf(p);
    SmallVector<SymSize> offsets(shape.size(), SymSize(0));
    SmallVector<int64_t> strides(shape.size(), 1);
    offsets[axis] = offset;
    result = tensor::InsertSliceOp::create(
        builder, loc, p, result, foldResults(offsets), foldResults(s),
        getAsIndexOpFoldResult(context, strides));
    offset = add(offset, s[axis]);
  }
  return record(result, sizes);
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
  SymShape shape = sizesOf(v);
  SmallVector<Value> parts;
  for (int64_t src : order) {
    SymShape offsets(shape.size(), SymSize(0)), sizes(shape);
    offsets[axis] = src * block;
    sizes[axis] = block;
    parts.push_back(slice(v, offsets, sizes));
  }
  return concat(parts, axis);
}

Value Importer::matmul(Value a, Value b) {
  SymShape as = sizesOf(a), bs = sizesOf(b);
  Type elt = eltOf(a);
  int64_t ra = as.size(), rb = bs.size();
  auto contract = [&](Value x, Value y, bool batched) -> Value {
    SymShape xs = sizesOf(x), ys = sizesOf(y);
    SymShape out;
    if (batched)
      out = {xs[0], xs[1], ys[2]};
    else
      out = {xs[0], ys[1]};
    Value init = filled(out, builder.getZeroAttr(elt));
    auto type = RankedTensorType::get(staticShape(out), elt);
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
    SymSize k = as.back();
    Value flat = reshape(
        a, {onnx_import::product(ArrayRef<SymSize>(as).drop_back()), k});
    Value prod = contract(flat, b, false);
    SymShape out(as);
    out.back() = bs[1];
    return reshape(prod, out);
  }
  // Batched: broadcast the batch dimensions, then one batch dimension.
  SymShape batchA(ArrayRef<SymSize>(as).drop_back(2)),
      batchB(ArrayRef<SymSize>(bs).drop_back(2));
  int64_t batchRank = std::max(batchA.size(), batchB.size());
  SymShape batch(batchRank, SymSize(1));
  for (int i = 0; i < 2; ++i) {
    ArrayRef<SymSize> src = i ? batchB : batchA;
    for (auto [j, d] : llvm::enumerate(src)) {
      SymSize &o = batch[batchRank - src.size() + j];
      if (o == SymSize(1))
        o = d;
      else if (d != SymSize(1))
        (void)requireEqual(d, o,
                           "the batch dimensions of the operands of shapes " +
                               sizesString(as) + " and " + sizesString(bs) +
                               " do not broadcast");
    }
  }
  auto expandBatch = [&](Value v, ArrayRef<SymSize> s) -> Value {
    SymShape want(batch);
    want.append({s[s.size() - 2], s.back()});
    if (ArrayRef<SymSize>(want) == s)
      return v;
    // linalg.broadcast adds dimensions; first drop the unit ones that grow.
    SmallVector<int64_t> added;
    SymShape keptShape;
    int64_t offset = want.size() - s.size();
    for (int64_t d = 0; d < static_cast<int64_t>(want.size()); ++d) {
      int64_t srcDim = d - offset;
      if (srcDim >= 0 && (s[srcDim] == want[d] || s[srcDim] != SymSize(1)))
        keptShape.push_back(s[srcDim]);
      else
        added.push_back(d);
    }
    Value src = reshape(v, keptShape);
    return linalg::BroadcastOp::create(builder, loc, src, empty(want, eltOf(v)),
                                       added)
        .getResult()[0];
  };
  if (ra == 1 || rb == 1)
    return nullptr; // handled by the caller
  Value x = expandBatch(a, as), y = expandBatch(b, bs);
  SymSize nb = onnx_import::product(batch);
  SymSize m = as[ra - 2], k = as[ra - 1], n = bs[rb - 1];
  Value x3 = reshape(x, {nb, m, k}), y3 = reshape(y, {nb, k, n});
  Value prod = contract(x3, y3, true);
  SymShape out(batch);
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
