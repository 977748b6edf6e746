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

#include "llvm/Support/MathExtras.h"

#include <cstdlib>
#include <numeric>

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

FailureOr<Value> Importer::importReshape(const NodeAttributes &attrs) {
  Value x = requireInput(0, "data"), shapeIn = requireInput(1, "shape");
  if (!x || !shapeIn)
    return failure();
  FailureOr<SymShape> wanted = shapeOperand(shapeIn, "a shape input");
  if (failed(wanted))
    return failure();
  SymShape want = std::move(*wanted);
  bool allowZero = attrs.getInt("allowzero", 0);
  SymShape s = sizesOf(x);
  SymSize total = onnx_import::product(s);
  // Entries that are sizes (constants, products of dimensions) are
  // resolved here; any other integer known at run time only may be 0 or
  // -1 there, and is resolved there.
  bool runTime = false;
  int64_t infer = -1;
  SymSize known(1);
  for (auto [i, d] : llvm::enumerate(want)) {
    if (!d.isConstant()) {
      if (!isKnownSize(d)) {
        runTime = true;
        continue;
      }
      // A size that is 0 at run time copies the input's dimension, which
      // is then 0 too unless the size is not a multiple of it: checked.
      if (!allowZero && i < s.size() && d != s[i]) {
        ArrayRef<unsigned> mine = d.getSymbols(), theirs = s[i].getSymbols();
        bool implied = llvm::all_of(
            mine, [&](unsigned id) { return llvm::is_contained(theirs, id); });
        if (!implied)
          check(
              arith::OrIOp::create(
                  builder, loc,
                  arith::CmpIOp::create(
                      builder, loc, arith::CmpIPredicate::ne, materialize(d),
                      arith::ConstantIndexOp::create(builder, loc, 0)),
                  arith::CmpIOp::create(
                      builder, loc, arith::CmpIPredicate::eq, materialize(s[i]),
                      arith::ConstantIndexOp::create(builder, loc, 0))),
              "entry " + Twine(i) + " of the shape (" + sizeString(d) +
                  ") is 0, which copies dimension " + Twine(i) +
                  " of the input (" + sizeString(s[i]) +
                  "); s2s computed the reshape as if it did not");
      }
      known = known * d;
      continue;
    }
    int64_t c = *d.getConstant();
    if (c == 0 && !allowZero) {
      if (i >= s.size())
        return fail("shape " + sizesString(want) + " copies dimension " +
                    Twine(i) + " of an input of shape " + sizesString(s));
      d = s[i];
      known = known * d;
      continue;
    }
    if (c < -1)
      return fail("shape " + sizesString(want) + " has a negative entry " +
                  Twine(c) + " (only -1 infers a dimension)");
    if (c == -1) {
      if (infer >= 0)
        return fail("shape " + sizesString(want) + " has two -1 entries");
      infer = i;
      continue;
    }
    if (onnx_import::product({known, d}).getFactor() ==
        std::numeric_limits<int64_t>::max())
      return fail("shape " + sizesString(want) +
                  " is too large: its size overflows");
    known = known * d;
  }

  if (runTime) {
    // Resolve every entry at run time: 0 copies (unless allowzero), -1
    // takes what the others leave.
    Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
    Value one = arith::ConstantIndexOp::create(builder, loc, 1);
    Value minusOne = arith::ConstantIndexOp::create(builder, loc, -1);
    SmallVector<Value> resolved, isInfer;
    Value numInfer = zero, others = one;
    for (auto [i, d] : llvm::enumerate(want)) {
      Value e = materialize(d);
      if (!allowZero && i < s.size()) {
        Value isZero = arith::CmpIOp::create(builder, loc,
                                             arith::CmpIPredicate::eq, e, zero);
        e = arith::SelectOp::create(builder, loc, isZero, materialize(s[i]), e);
      }
      Value inf = arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::eq,
                                        e, minusOne);
      check(arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::sge, e,
                                  minusOne),
            "entry " + Twine(i) +
                " of the shape is negative (only -1 infers a dimension)");
      numInfer = arith::AddIOp::create(
          builder, loc, numInfer,
          arith::SelectOp::create(builder, loc, inf, one, zero));
      others = arith::MulIOp::create(
          builder, loc, others,
          arith::SelectOp::create(builder, loc, inf, one, e));
      resolved.push_back(e);
      isInfer.push_back(inf);
    }
    check(arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::sle,
                                numInfer, one),
          "the shape has more than one -1 entry");
    Value totalV = materialize(total);
    // others == 0 with a -1 entry: nothing to infer from.
    Value safeOthers = arith::MaxSIOp::create(builder, loc, others, one);
    Value inferred = arith::DivSIOp::create(builder, loc, totalV, safeOthers);
    SymShape out;
    for (auto [e, inf] : llvm::zip(resolved, isInfer))
      out.push_back(
          newSymbol(arith::SelectOp::create(builder, loc, inf, inferred, e), "",
                    /*isSize=*/true));
    Value count = materialize(onnx_import::product(out));
    check(arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::eq, count,
                                totalV),
          "cannot reshape " + sizesString(s) +
              ": the shape computed at run time has a different number of "
              "elements");
    return reshape(x, out);
  }

  if (infer >= 0) {
    if (known == SymSize(0))
      return fail("cannot reshape " + sizesString(s) + " to " +
                  sizesString(want) +
                  ": the other entries leave nothing to "
                  "infer -1 from");
    FailureOr<SymSize> q = divide(total, known);
    if (failed(q))
      return failure();
    if (total.isConstant() && known.isConstant() &&
        total.getFactor() % known.getFactor())
      return fail("cannot reshape " + sizesString(s) + " to " +
                  sizesString(want));
    want[infer] = *q;
  }
  // The product of the entries' constant factors other than 0 must fit in
  // int64: a 0 entry makes the element count 0, but the product of the
  // others is still the size of a dimension group of the reshape.
  int64_t magnitude = 1;
  for (const SymSize &d : want)
    if (d.getFactor() != 0 &&
        llvm::MulOverflow(magnitude, std::abs(d.getFactor()), magnitude))
      return fail("shape " + sizesString(want) +
                  " is too large: its size overflows");
  if (failed(requireEqual(
          onnx_import::product(want), total,
          "cannot reshape " + sizesString(s) + " (" + sizeString(total) +
              " elements) to " + sizesString(want) + " (" +
              sizeString(onnx_import::product(want)) + " elements)")))
    return failure();
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
  SymShape dsSizes = sizesOf(data), isSizes = sizesOf(indices);
  SymShape outSizes(ArrayRef<SymSize>(dsSizes).take_front(*axis));
  outSizes.append(isSizes.begin(), isSizes.end());
  outSizes.append(dsSizes.begin() + *axis + 1, dsSizes.end());
  SmallVector<int64_t> ds(shapeOf(data)), out = staticShape(outSizes);
  Type elt = eltOf(data), indexElt = eltOf(indices);
  if (!indexElt.isInteger(32) && !indexElt.isInteger(64))
    return fail("indices must hold int32 or int64, but hold " +
                typeString(indexElt));
  SymSize nSize = dsSizes[*axis];
  int64_t n = nSize.staticSize();
  auto outType = RankedTensorType::get(out, elt);
  if (DenseElementsAttr indexAttr = constAttr(indices);
      indexAttr && nSize.isConstant()) {
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
      // (data constant: every size static)
      int64_t inner = product(ArrayRef<int64_t>(ds).drop_front(*axis + 1));
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
  // Run-time indices, or a dimension of run-time size: each index must be
  // in [-n, n), checked before the gather reads (an entry's status when the
  // indices are an input).
  if (!constAttr(indices) || !nSize.isConstant())
    checkIndicesInRange(indices, nSize,
                        "dimension " + Twine(*axis) + " of 'data'");
  // An embedding lookup: rows of a 2-D table (s2s.embedding clamps the row,
  // so negative run-time indices are counted from the end first).
  if (*axis == 0 && ds.size() == 2 && isa<FloatType>(elt) &&
      nSize.isConstant()) {
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
    return record(
        EmbeddingOp::create(builder, loc, outType, indices, data).getResult(),
        outSizes);
  }
  // General gather: a generic that extracts from `data`.
  int64_t rank = out.size(), ir = isSizes.size();
  SmallVector<AffineExpr> idxExprs;
  for (int64_t d = 0; d < ir; ++d)
    idxExprs.push_back(builder.getAffineDimExpr(*axis + d));
  SmallVector<AffineMap> maps = {AffineMap::get(rank, 0, idxExprs, context),
                                 builder.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  Value sizeOutside = nSize.isConstant() ? Value() : materialize(nSize);
  auto op = linalg::GenericOp::create(
      builder, loc, TypeRange{RankedTensorType::get(out, elt)},
      ValueRange{indices}, ValueRange{empty(outSizes, elt)}, maps, iterators,
      [&](OpBuilder &b, Location l, ValueRange args) {
        Value idx = arith::IndexCastOp::create(b, l, b.getIndexType(), args[0]);
        Value size = sizeOutside
                         ? sizeOutside
                         : arith::ConstantIndexOp::create(b, l, n).getResult();
        Value zero = arith::ConstantIndexOp::create(b, l, 0);
        Value neg =
            arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, idx, zero);
        Value wrapped = arith::AddIOp::create(b, l, idx, size);
        idx = arith::SelectOp::create(b, l, neg, wrapped, idx);
        // Indices out of range are reported by the check above; with the
        // checks removed (check-values=false), clamp rather than read out
        // of bounds.
        Value maxIdx =
            sizeOutside
                ? arith::SubIOp::create(b, l, size,
                                        arith::ConstantIndexOp::create(b, l, 1))
                      .getResult()
                : arith::ConstantIndexOp::create(b, l, n - 1).getResult();
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
  SymShape starts, ends;
  SmallVector<int64_t> axes, steps;
  if (!fromInputs) {
    starts = symShape(attrs.getInts("starts").value_or(SmallVector<int64_t>{}));
    ends = symShape(attrs.getInts("ends").value_or(SmallVector<int64_t>{}));
    axes = attrs.getInts("axes").value_or(SmallVector<int64_t>{});
  } else {
    if (!input(1) || !input(2))
      return fail("inputs starts and ends are required");
    // Starts and ends may be known at run time only; axes and steps decide
    // the result's shape and must be constants.
    for (auto [i, out] :
         {std::make_pair(1u, &starts), std::make_pair(2u, &ends)}) {
      FailureOr<SymShape> e =
          elementsOf(input(i), "input '" + inputNames[i] + "'");
      if (failed(e))
        return failure();
      *out = std::move(*e);
    }
    for (auto [i, out] :
         {std::make_pair(3u, &axes), std::make_pair(4u, &steps)}) {
      if (!input(i))
        continue;
      if (!constAttr(input(i)))
        return unsupported("input '" + inputNames[i] +
                           "' that is not a constant (the axes and steps "
                           "of a slice decide its shape)");
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
  SymShape s = sizesOf(x);
  SymShape offsets(rank, SymSize(0)), sizes(s);
  SmallVector<int64_t> strides(rank, 1);
  constexpr int64_t kHuge = std::numeric_limits<int64_t>::max() / 2;
  for (size_t i = 0; i < starts.size(); ++i) {
    FailureOr<int64_t> axis = normalizeAxis(axes[i], rank);
    if (failed(axis))
      return failure();
    SymSize dim = s[*axis];
    int64_t step = steps[i];
    if (step <= 0)
      return unsupported("steps=" + Twine(step) + " on " + nodeLabel +
                         " (only positive steps)");
    // ONNX: negative positions count from the end; then clamped to
    // [0, dim].
    auto clampIdx = [&](const SymSize &v) -> SymSize {
      std::optional<int64_t> c = v.getConstant();
      if (c && dim.isConstant()) {
        int64_t d = *dim.getConstant(), p = *c;
        if (p < 0)
          p += d;
        return std::max<int64_t>(0, std::min(p, d));
      }
      if (c && *c >= kHuge)
        return dim;
      if (c && (*c == 0 || *c <= -kHuge))
        return SymSize(0);
      Value p = materialize(v), d = materialize(dim);
      Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
      Value neg = arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::slt,
                                        p, zero);
      p = arith::SelectOp::create(builder, loc, neg,
                                  arith::AddIOp::create(builder, loc, p, d), p);
      p = arith::MinSIOp::create(
          builder, loc, arith::MaxSIOp::create(builder, loc, p, zero), d);
      return newSymbol(p, "", /*isSize=*/true);
    };
    SymSize start = clampIdx(starts[i]), end = clampIdx(ends[i]);
    SymSize count;
    if (start.isConstant() && end.isConstant()) {
      int64_t st = *start.getConstant(), en = *end.getConstant();
      count = en > st ? (en - st + step - 1) / step : 0;
    } else {
      SymSize diff = maximum(SymSize(0), sub(end, start));
      if (step == 1) {
        count = diff;
      } else {
        FailureOr<SymSize> q = divide(add(diff, step - 1), step);
        if (failed(q))
          return failure();
        count = *q;
      }
    }
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
  SymShape xs = sizesOf(x);
  SymSize dim = xs[*axis];
  SymShape sizes;
  if (Value s = input(1)) {
    FailureOr<SymShape> e = elementsOf(s, "a split input");
    if (failed(e))
      return failure();
    sizes = std::move(*e);
  } else if (auto a = attrs.getInts("split")) {
    sizes = symShape(*a);
  } else {
    int64_t parts = attrs.getInt("num_outputs", numResults);
    if (parts <= 0)
      return fail("cannot split into " + Twine(parts) + " outputs");
    FailureOr<SymSize> each = divide(add(dim, parts - 1), parts);
    if (failed(each))
      return failure();
    for (int64_t i = 0; i < parts; ++i)
      sizes.push_back(
          maximum(SymSize(0), minimum(*each, sub(dim, *each * SymSize(i)))));
  }
  auto message = [&]() {
    return "split sizes " + sizesString(sizes) + " do not divide dimension " +
           Twine(*axis).str() + " of size " + sizeString(dim) + " into " +
           Twine(numResults).str() + " outputs";
  };
  if (static_cast<int64_t>(sizes.size()) != numResults)
    return fail(message());
  SymSize total(0);
  for (const SymSize &size : sizes) {
    if (std::optional<int64_t> c = size.getConstant(); c && *c < 0)
      return fail(message());
    if (!isKnownSize(size))
      check(arith::CmpIOp::create(
                builder, loc, arith::CmpIPredicate::sge, materialize(size),
                arith::ConstantIndexOp::create(builder, loc, 0)),
            message() + " (a size is negative)");
    total = add(total, size);
  }
  if (failed(requireEqual(total, dim, message())))
    return failure();
  SmallVector<Value> out;
  SymSize offset(0);
  for (const SymSize &size : sizes) {
    SymShape offsets(rankOf(x), SymSize(0)), sz(xs);
    offsets[*axis] = offset;
    sz[*axis] = size;
    out.push_back(slice(x, offsets, sz));
    offset = add(offset, size);
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
  auto isEmpty = [&](Value v) {
    return onnx_import::product(sizesOf(v)) == SymSize(0);
  };
  SmallVector<Value> parts;
  llvm::copy_if(present, std::back_inserter(parts),
                [&](Value v) { return !isEmpty(v); });
  Value ref = parts.empty() ? present[0] : parts[0];
  FailureOr<int64_t> axis = normalizeAxis(attrs.getInt("axis", 0), rankOf(ref));
  if (failed(axis))
    return failure();
  SymShape s0 = sizesOf(ref);
  for (Value p : parts.empty() ? present : parts) {
    SymShape s = sizesOf(p);
    auto message = [&]() {
      return "inputs of shapes " + sizesString(s0) + " and " + sizesString(s) +
             " cannot be concatenated along axis " + Twine(*axis).str();
    };
    if (s.size() != s0.size() || eltOf(p) != eltOf(ref))
      return fail(message());
    for (size_t d = 0; d < s.size(); ++d)
      if (d != static_cast<size_t>(*axis) &&
          failed(requireEqual(s[d], s0[d], message())))
        return failure();
  }
  if (parts.empty()) {
    SymShape shape(s0);
    shape[*axis] = 0;
    for (Value p : present)
      shape[*axis] = add(shape[*axis], sizesOf(p)[*axis]);
    SmallVector<int64_t> st = staticShape(shape);
    if (!ShapedType::isDynamicShape(st))
      return emptyConstant(st, eltOf(ref));
    return empty(shape, eltOf(ref));
  }
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
  // Constants, or the sizes known at run time only.
  SymShape sizes = sizesOf(x);
  return fromElements(
      ArrayRef<SymSize>(sizes).slice(start, end - start),
      RankedTensorType::get({end - start}, builder.getI64Type()));
}

FailureOr<Value> Importer::importSize(const NodeAttributes &) {
  Value x = requireInput(0, "data");
  if (!x)
    return failure();
  return fromElements({onnx_import::product(sizesOf(x))},
                      RankedTensorType::get({}, builder.getI64Type()));
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
  SymShape s = sizesOf(x);
  SymShape out;
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
      out.push_back(isNew[d] ? SymSize(1) : s[j++]);
  } else {
    int64_t rank = s.size();
    // Without axes, the dimensions of static size 1.
    SmallVector<bool> drop(rank, axes.empty());
    if (axes.empty())
      for (int64_t d = 0; d < rank; ++d)
        drop[d] = s[d] == SymSize(1);
    for (int64_t a : axes) {
      FailureOr<int64_t> ax = normalizeAxis(a, rank);
      if (failed(ax))
        return failure();
      if (failed(requireEqual(s[*ax], SymSize(1),
                              "cannot squeeze dimension " + Twine(*ax) +
                                  " of size " + sizeString(s[*ax]) +
                                  " (shape " + sizesString(s) + ")")))
        return failure();
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
  SymShape s = sizesOf(x);
  ArrayRef<SymSize> sr(s);
  return reshape(x, {onnx_import::product(sr.take_front(axis)),
                     onnx_import::product(sr.drop_front(axis))});
}

FailureOr<Value> Importer::importExpand(const NodeAttributes &attrs) {
  Value x = requireInput(0, "input"), s = requireInput(1, "shape");
  if (!x || !s)
    return failure();
  FailureOr<SymShape> elements = shapeOperand(s, "a shape");
  if (failed(elements))
    return failure();
  SymShape shape = std::move(*elements);
  SmallVector<int64_t> known;
  for (const SymSize &d : shape) {
    if (std::optional<int64_t> c = d.getConstant()) {
      if (*c < 0)
        return fail("shape " + sizesString(shape) +
                    " has a negative dimension");
      known.push_back(*c);
    }
  }
  if (!isRepresentable(known))
    return fail("shape " + sizesString(shape) +
                " is too large: its size "
                "overflows");
  // Broadcast x and the shape, dimension by dimension (aligned right): a 1
  // in either takes the other's size. A size known at run time only that
  // may be 1 there keeps x's size when it is.
  SymShape xs = sizesOf(x);
  int64_t rank = std::max(xs.size(), shape.size());
  SymShape out(rank, SymSize(1));
  for (int64_t d = 0; d < rank; ++d) {
    int64_t i = d - (rank - static_cast<int64_t>(xs.size()));
    int64_t j = d - (rank - static_cast<int64_t>(shape.size()));
    SymSize a = i >= 0 ? xs[i] : SymSize(1);
    SymSize e = j >= 0 ? shape[j] : SymSize(1);
    std::string message = "input of shape " + sizesString(xs) +
                          " does not broadcast to shape " + sizesString(shape);
    if (e == SymSize(1) || e == a) {
      out[d] = a;
    } else if (a == SymSize(1)) {
      out[d] = e;
      if (!isKnownSize(e))
        check(arith::CmpIOp::create(
                  builder, loc, arith::CmpIPredicate::sge, materialize(e),
                  arith::ConstantIndexOp::create(builder, loc, 0)),
              message + " (a size is negative)");
    } else if (a.isConstant() && e.isConstant()) {
      return fail(message);
    } else {
      // e must be 1 or a at run time; x's size stays.
      Value isOne = arith::CmpIOp::create(
          builder, loc, arith::CmpIPredicate::eq, materialize(e),
          arith::ConstantIndexOp::create(builder, loc, 1));
      Value same = arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::eq,
                                         materialize(e), materialize(a));
      check(arith::OrIOp::create(builder, loc, isOne, same),
            message + ": dimension " + Twine(d).str() + " must be 1 or " +
                sizeString(a));
      out[d] = a;
    }
  }
  return broadcastTo(x, out);
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
