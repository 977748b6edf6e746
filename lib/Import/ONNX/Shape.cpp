//===- Shape.cpp - ONNX ops that move data around -------------------------===//
//
// The ops that change shapes or pick elements without arithmetic: Reshape,
// Flatten, Squeeze/Unsqueeze, Transpose, Expand, Concat, Split, Slice,
// Gather, Shape and Size. Shapes must be constants once folded; constant
// operands fold here, so a PyTorch export's Shape -> Gather -> Concat ->
// Reshape chain becomes one reshape.
//
//===----------------------------------------------------------------------===//

#include "ImporterInternals.h"

#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include <numeric>

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

FailureOr<Value> Importer::importReshape(const NodeAttributes &attrs) {
  Value x = requireInput(0, "data"), shapeIn = requireInput(1, "shape");
  if (!x || !shapeIn)
    return failure();
  if (!constAttr(shapeIn))
    return unsupported("a shape input '" + inputNames[1] +
                       "' that is not a constant (s2s needs static shapes)");
  FailureOr<SmallVector<int64_t>> wanted = constInts(shapeIn, "a shape input");
  if (failed(wanted))
    return failure();
  SmallVector<int64_t> want = std::move(*wanted);
  bool allowZero = attrs.getInt("allowzero", 0);
  ArrayRef<int64_t> s = shapeOf(x);
  int64_t known = 1, infer = -1;
  for (auto [i, d] : llvm::enumerate(want)) {
    if (d == 0 && !allowZero) {
      if (i >= s.size())
        return fail("shape " + shapeString(want) + " copies dimension " +
                    Twine(i) + " of an input of shape " + shapeString(s));
      d = s[i];
    }
    if (d < -1)
      return fail("shape " + shapeString(want) + " has a negative entry " +
                  Twine(d) + " (only -1 infers a dimension)");
    if (d == -1) {
      if (infer >= 0)
        return fail("shape " + shapeString(want) + " has two -1 entries");
      infer = i;
      continue;
    }
    if (llvm::MulOverflow(known, d, known))
      return fail("shape " + shapeString(want) +
                  " is too large: its size "
                  "overflows");
  }
  int64_t total = product(s);
  if (infer >= 0) {
    if (known == 0 || total % known)
      return fail("cannot reshape " + shapeString(s) + " to " +
                  shapeString(want));
    want[infer] = total / known;
  }
  if (product(want) != total)
    return fail("cannot reshape " + shapeString(s) + " (" + Twine(total) +
                " elements) to " + shapeString(want) + " (" +
                Twine(product(want)) + " elements)");
  return reshape(x, want);
}

FailureOr<Value> Importer::importGather(const NodeAttributes &attrs) {
  Value data = requireInput(0, "data"), indices = requireInput(1, "indices");
  if (!data || !indices)
    return failure();
  FailureOr<int64_t> axis =
      normalizeAxis(attrs.getInt("axis", 0), rankOf(data));
  if (failed(axis))
    return failure();
  ArrayRef<int64_t> ds = shapeOf(data), is = shapeOf(indices);
  SmallVector<int64_t> out(ds.take_front(*axis));
  out.append(is.begin(), is.end());
  out.append(ds.begin() + *axis + 1, ds.end());
  Type elt = eltOf(data), indexElt = eltOf(indices);
  if (!indexElt.isInteger(32) && !indexElt.isInteger(64))
    return fail("indices must hold int32 or int64, but hold " +
                typeString(indexElt));
  int64_t n = ds[*axis];
  auto outType = RankedTensorType::get(out, elt);
  if (DenseElementsAttr indexAttr = constAttr(indices)) {
    // Constant indices: checked, and counted from the end, here.
    SmallVector<int64_t> idx;
    for (APInt i : indexAttr.getValues<APInt>()) {
      int64_t v = i.getSExtValue();
      if (v < -n || v >= n)
        return fail("index " + Twine(v) + " is out of range for dimension " +
                    Twine(*axis) + " of size " + Twine(n) + " (expected [" +
                    Twine(-n) + ", " + Twine(n - 1) + "])");
      idx.push_back(v < 0 ? v + n : v);
    }
    if (DenseElementsAttr dataAttr = foldable(data);
        dataAttr && product(out) <= kMaxFoldElements) {
      int64_t inner = product(ds.drop_front(*axis + 1));
      int64_t count = idx.size();
      return constant(pickElements(dataAttr, outType, [&](int64_t flat) {
        int64_t j = flat % inner, rest = flat / inner;
        int64_t k = rest % count, o = rest / count;
        return (o * n + idx[k]) * inner + j;
      }));
    }
    SmallVector<APInt> wrapped;
    for (int64_t i : idx)
      wrapped.push_back(APInt(indexElt.getIntOrFloatBitWidth(), i, true));
    indices =
        constant(DenseElementsAttr::get(typeOf(indices), ArrayRef(wrapped)));
  }
  // An embedding lookup: rows of a 2-D table (s2s.embedding clamps the row,
  // so negative run-time indices are counted from the end first).
  if (*axis == 0 && ds.size() == 2 && isa<FloatType>(elt)) {
    if (!constAttr(indices))
      indices = *elementwise(
          {indices}, indexElt, [&](OpBuilder &b, Location l, ValueRange a) {
            Value zero = arith::ConstantOp::create(
                b, l, indexElt, b.getIntegerAttr(indexElt, 0));
            Value size = arith::ConstantOp::create(
                b, l, indexElt, b.getIntegerAttr(indexElt, n));
            Value neg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt,
                                              a[0], zero);
            Value fromEnd = arith::AddIOp::create(b, l, a[0], size);
            return arith::SelectOp::create(b, l, neg, fromEnd, a[0])
                .getResult();
          });
    return Value(
        EmbeddingOp::create(builder, loc, outType, indices, data).getResult());
  }
  // General gather: a generic that extracts from `data`.
  int64_t rank = out.size(), ir = is.size();
  SmallVector<AffineExpr> idxExprs;
  for (int64_t d = 0; d < ir; ++d)
    idxExprs.push_back(builder.getAffineDimExpr(*axis + d));
  SmallVector<AffineMap> maps = {AffineMap::get(rank, 0, idxExprs, context),
                                 builder.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto op = linalg::GenericOp::create(
      builder, loc, TypeRange{RankedTensorType::get(out, elt)},
      ValueRange{indices}, ValueRange{empty(out, elt)}, maps, iterators,
      [&](OpBuilder &b, Location l, ValueRange args) {
        Value idx = arith::IndexCastOp::create(b, l, b.getIndexType(), args[0]);
        Value size = arith::ConstantIndexOp::create(b, l, n);
        Value zero = arith::ConstantIndexOp::create(b, l, 0);
        Value neg =
            arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, idx, zero);
        Value wrapped = arith::AddIOp::create(b, l, idx, size);
        idx = arith::SelectOp::create(b, l, neg, wrapped, idx);
        // Clamp rather than read out of bounds (the only choice for an
        // index out of range at run time: there is no error to return).
        Value maxIdx = arith::ConstantIndexOp::create(b, l, n - 1);
        idx = arith::MinSIOp::create(
            b, l, arith::MaxSIOp::create(b, l, idx, zero), maxIdx);
        SmallVector<Value> coords;
        for (int64_t d = 0; d < *axis; ++d)
          coords.push_back(linalg::IndexOp::create(b, l, d));
        coords.push_back(idx);
        for (int64_t d = *axis + 1; d < static_cast<int64_t>(ds.size()); ++d)
          coords.push_back(linalg::IndexOp::create(b, l, d - 1 + ir));
        Value v = tensor::ExtractOp::create(b, l, data, coords);
        linalg::YieldOp::create(b, l, v);
      });
  return op.getResult(0);
}

FailureOr<Value> Importer::importSlice(const NodeAttributes &attrs,
                                       bool fromInputs) {
  Value x = requireInput(0, "data");
  if (!x)
    return failure();
  SmallVector<int64_t> starts, ends, axes, steps;
  if (!fromInputs) {
    starts = attrs.getInts("starts").value_or(SmallVector<int64_t>{});
    ends = attrs.getInts("ends").value_or(SmallVector<int64_t>{});
    axes = attrs.getInts("axes").value_or(SmallVector<int64_t>{});
  } else {
    for (unsigned i = 1; i < 5; ++i) {
      Value v = input(i);
      if (v && !constAttr(v))
        return unsupported(
            "input '" + inputNames[i] +
            "' that is not a constant (s2s needs static shapes)");
    }
    if (!input(1) || !input(2))
      return fail("inputs starts and ends are required");
    for (auto [i, out] :
         {std::make_pair(1u, &starts), std::make_pair(2u, &ends),
          std::make_pair(3u, &axes), std::make_pair(4u, &steps)}) {
      if (!input(i))
        continue;
      FailureOr<SmallVector<int64_t>> ints =
          constInts(input(i), "input '" + inputNames[i] + "'");
      if (failed(ints))
        return failure();
      *out = std::move(*ints);
    }
  }
  int64_t rank = rankOf(x);
  if (axes.empty())
    axes = llvm::to_vector(llvm::seq<int64_t>(0, starts.size()));
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (starts.size() != ends.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return fail("starts, ends, axes and steps must have the same length");
  ArrayRef<int64_t> s = shapeOf(x);
  SmallVector<int64_t> offsets(rank, 0), sizes(s), strides(rank, 1);
  for (size_t i = 0; i < starts.size(); ++i) {
    FailureOr<int64_t> axis = normalizeAxis(axes[i], rank);
    if (failed(axis))
      return failure();
    int64_t dim = s[*axis], step = steps[i];
    if (step <= 0)
      return unsupported("steps=" + Twine(step) + " on " + nodeLabel +
                         " (only positive steps)");
    auto clampIdx = [&](int64_t v) {
      if (v < 0)
        v += dim;
      return std::max<int64_t>(0, std::min(v, dim));
    };
    int64_t start = clampIdx(starts[i]), end = clampIdx(ends[i]);
    int64_t count = end > start ? (end - start + step - 1) / step : 0;
    offsets[*axis] = start;
    sizes[*axis] = count;
    strides[*axis] = step;
  }
  return slice(x, offsets, sizes, strides);
}

FailureOr<SmallVector<Value>>
Importer::importSplit(const NodeAttributes &attrs) {
  int64_t numResults = outputNames.size();
  Value x = requireInput(0, "input");
  if (!x)
    return failure();
  FailureOr<int64_t> axis = normalizeAxis(attrs.getInt("axis", 0), rankOf(x));
  if (failed(axis))
    return failure();
  int64_t dim = shapeOf(x)[*axis];
  SmallVector<int64_t> sizes;
  if (Value s = input(1)) {
    FailureOr<SmallVector<int64_t>> ints = constInts(s, "a split input");
    if (failed(ints))
      return failure();
    sizes = std::move(*ints);
  } else if (auto a = attrs.getInts("split")) {
    sizes = *a;
  } else {
    int64_t parts = attrs.getInt("num_outputs", numResults);
    int64_t each = (dim + parts - 1) / parts;
    for (int64_t i = 0; i < parts; ++i)
      sizes.push_back(std::min(each, dim - i * each));
  }
  int64_t total = std::accumulate(sizes.begin(), sizes.end(), int64_t(0));
  if (total != dim || static_cast<int64_t>(sizes.size()) != numResults ||
      llvm::any_of(sizes, [](int64_t size) { return size < 0; }))
    return fail("split sizes " + shapeString(sizes) +
                " do not divide dimension " + Twine(*axis) + " of size " +
                Twine(dim) + " into " + Twine(numResults) + " outputs");
  SmallVector<Value> out;
  int64_t offset = 0;
  for (int64_t size : sizes) {
    SmallVector<int64_t> offsets(rankOf(x), 0), sz(shapeOf(x));
    offsets[*axis] = offset;
    sz[*axis] = size;
    out.push_back(slice(x, offsets, sz));
    offset += size;
  }
  return out;
}

FailureOr<Value> Importer::importTranspose(const NodeAttributes &attrs) {
  Value x = requireInput(0, "data");
  if (!x)
    return failure();
  int64_t rank = rankOf(x);
  SmallVector<int64_t> perm =
      attrs.getInts("perm").value_or(SmallVector<int64_t>{});
  if (perm.empty())
    for (int64_t i = rank - 1; i >= 0; --i)
      perm.push_back(i);
  SmallVector<int64_t> sorted(perm);
  llvm::sort(sorted);
  if (!llvm::equal(sorted, llvm::seq<int64_t>(0, rank)))
    return fail("perm " + shapeString(perm) + " is not a permutation of the " +
                Twine(rank) + " dimensions");
  return transpose(x, perm);
}

FailureOr<Value> Importer::importConcat(const NodeAttributes &attrs) {
  SmallVector<Value> present;
  for (Value v : inputs)
    if (v)
      present.push_back(v);
  if (present.empty())
    return fail("has no inputs");
  // Empty inputs add nothing (and tensor.insert_slice takes no offset past
  // the end); the shape rules are those of the others, as ONNX Runtime
  // takes them. With every input empty, the first one rules.
  auto isEmpty = [&](Value v) { return product(shapeOf(v)) == 0; };
  SmallVector<Value> parts;
  llvm::copy_if(present, std::back_inserter(parts),
                [&](Value v) { return !isEmpty(v); });
  Value ref = parts.empty() ? present[0] : parts[0];
  FailureOr<int64_t> axis = normalizeAxis(attrs.getInt("axis", 0), rankOf(ref));
  if (failed(axis))
    return failure();
  ArrayRef<int64_t> s0 = shapeOf(ref);
  SmallVector<int64_t> shape(s0);
  shape[*axis] = 0;
  for (Value p : parts.empty() ? present : parts) {
    ArrayRef<int64_t> s = shapeOf(p);
    bool ok = s.size() == s0.size() && eltOf(p) == eltOf(ref);
    for (size_t d = 0; ok && d < s.size(); ++d)
      ok = d == static_cast<size_t>(*axis) || s[d] == s0[d];
    if (!ok)
      return fail("inputs of shapes " + shapeString(s0) + " and " +
                  shapeString(s) + " cannot be concatenated along axis " +
                  Twine(*axis));
    shape[*axis] += s[*axis];
  }
  if (parts.empty())
    return emptyConstant(shape, eltOf(ref));
  return concat(parts, *axis);
}

FailureOr<Value> Importer::importShape(const NodeAttributes &attrs) {
  Value x = requireInput(0, "data");
  if (!x)
    return failure();
  int64_t rank = rankOf(x);
  int64_t start = attrs.getInt("start", 0), end = attrs.getInt("end", rank);
  if (start < 0)
    start += rank;
  if (end < 0)
    end += rank;
  start = std::clamp<int64_t>(start, 0, rank);
  end = std::clamp<int64_t>(end, start, rank);
  return int64Const(shapeOf(x).slice(start, end - start));
}

FailureOr<Value> Importer::importSize(const NodeAttributes &) {
  Value x = requireInput(0, "data");
  if (!x)
    return failure();
  return constant(DenseElementsAttr::get(
      RankedTensorType::get({}, builder.getI64Type()), product(shapeOf(x))));
}

FailureOr<Value> Importer::importSqueeze(const NodeAttributes &attrs,
                                         bool unsqueeze, bool axesAsInput) {
  Value x = requireInput(0, "data");
  if (!x)
    return failure();
  SmallVector<int64_t> axes;
  if (axesAsInput) {
    if (Value a = input(1)) {
      FailureOr<SmallVector<int64_t>> ints = constInts(a, "an axes input");
      if (failed(ints))
        return failure();
      axes = std::move(*ints);
    }
  } else {
    axes = attrs.getInts("axes").value_or(SmallVector<int64_t>{});
  }
  ArrayRef<int64_t> s = shapeOf(x);
  SmallVector<int64_t> out;
  if (unsqueeze) {
    int64_t rank = s.size() + axes.size();
    SmallVector<bool> isNew(rank, false);
    for (int64_t a : axes) {
      FailureOr<int64_t> ax = normalizeAxis(a, rank);
      if (failed(ax))
        return failure();
      if (isNew[*ax])
        return fail("axis " + Twine(a) + " repeats in axes " +
                    shapeString(axes));
      isNew[*ax] = true;
    }
    size_t j = 0;
    for (int64_t d = 0; d < rank; ++d)
      out.push_back(isNew[d] ? 1 : s[j++]);
  } else {
    int64_t rank = s.size();
    SmallVector<bool> drop(rank, axes.empty());
    if (axes.empty())
      for (int64_t d = 0; d < rank; ++d)
        drop[d] = s[d] == 1;
    for (int64_t a : axes) {
      FailureOr<int64_t> ax = normalizeAxis(a, rank);
      if (failed(ax))
        return failure();
      if (s[*ax] != 1)
        return fail("cannot squeeze dimension " + Twine(*ax) + " of size " +
                    Twine(s[*ax]) + " (shape " + shapeString(s) + ")");
      drop[*ax] = true;
    }
    for (int64_t d = 0; d < rank; ++d)
      if (!drop[d])
        out.push_back(s[d]);
  }
  return reshape(x, out);
}

FailureOr<Value> Importer::importFlatten(const NodeAttributes &attrs) {
  Value x = requireInput(0, "input");
  if (!x)
    return failure();
  int64_t rank = rankOf(x), axis = attrs.getInt("axis", 1);
  if (axis < -rank || axis > rank)
    return fail("axis " + Twine(axis) + " is out of range for rank " +
                Twine(rank) + " (expected [" + Twine(-rank) + ", " +
                Twine(rank) + "])");
  if (axis < 0)
    axis += rank;
  ArrayRef<int64_t> s = shapeOf(x);
  return reshape(x, {product(s.take_front(axis)), product(s.drop_front(axis))});
}

FailureOr<Value> Importer::importExpand(const NodeAttributes &attrs) {
  Value x = requireInput(0, "input"), s = requireInput(1, "shape");
  if (!x || !s)
    return failure();
  FailureOr<SmallVector<int64_t>> ints = constInts(s, "a shape");
  if (failed(ints))
    return failure();
  SmallVector<int64_t> shape = std::move(*ints);
  if (llvm::any_of(shape, [](int64_t d) { return d < 0; }))
    return fail("shape " + shapeString(shape) + " has a negative dimension");
  if (!isRepresentable(shape))
    return fail("shape " + shapeString(shape) +
                " is too large: its size "
                "overflows");
  Value target = empty(shape, eltOf(x));
  FailureOr<SmallVector<int64_t>> out = broadcastShapes({x, target});
  if (failed(out))
    return failure();
  return broadcastTo(x, *out);
}

void onnx_import::populateShapeHandlers(HandlerTable &table) {
  table.on("Reshape", 5, &Importer::importReshape);
  table.on("Flatten", 1, &Importer::importFlatten);
  // Squeeze and Unsqueeze take their axes as an input from opset 13.
  for (bool unsqueeze : {false, true}) {
    StringRef op = unsqueeze ? "Unsqueeze" : "Squeeze";
    table.on(op, 1,
             oneResult([unsqueeze](Importer &im, const NodeAttributes &attrs) {
               return im.importSqueeze(attrs, unsqueeze,
                                       /*axesAsInput=*/false);
             }));
    table.on(op, 13,
             oneResult([unsqueeze](Importer &im, const NodeAttributes &attrs) {
               return im.importSqueeze(attrs, unsqueeze,
                                       /*axesAsInput=*/true);
             }));
  }
  table.on("Transpose", 1, &Importer::importTranspose);
  table.on("Expand", 8, &Importer::importExpand);
  table.on("Concat", 1, &Importer::importConcat);
  table.on("Split", 1, &Importer::importSplit);
  // Slice takes starts, ends, axes and steps as inputs from opset 10.
  table.on("Slice", 1, oneResult([](Importer &im, const NodeAttributes &attrs) {
             return im.importSlice(attrs, /*fromInputs=*/false);
           }));
  table.on("Slice", 10,
           oneResult([](Importer &im, const NodeAttributes &attrs) {
             return im.importSlice(attrs, /*fromInputs=*/true);
           }));
  table.on("Gather", 1, &Importer::importGather);
  table.on("Shape", 1, &Importer::importShape);
  table.on("Size", 1, &Importer::importSize);
}
