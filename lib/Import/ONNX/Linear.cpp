//===- Linear.cpp - ONNX Gemm and MatMul ----------------------------------===//
//
// Gemm becomes s2s.linear where it is nn.Linear's x W^T + b, otherwise
// transposes, a matmul, scaling and a broadcast add of C. MatMul follows
// NumPy: rank-1 operands gain and lose a unit dimension, batch dimensions
// broadcast (see Importer::matmul for the ops of each rank).
//
//===----------------------------------------------------------------------===//

#include "ImporterInternals.h"

#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include "mlir/Dialect/CommonFolders.h"

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

FailureOr<Value> Importer::importGemm(const NodeAttributes &attrs) {
  Value a = requireInput(0, "A"), b = requireInput(1, "B"), c = input(2);
  if (!a || !b)
    return failure();
  if (rankOf(a) != 2 || rankOf(b) != 2)
    return fail("inputs A and B must have rank 2, but have shapes " +
                shapeString(shapeOf(a)) + " and " + shapeString(shapeOf(b)));
  bool transA = attrs.getInt("transA", 0), transB = attrs.getInt("transB", 0);
  double alpha = attrs.getFloat("alpha", 1.0),
         beta = attrs.getFloat("beta", 1.0);
  SymShape as = sizesOf(a), bs = sizesOf(b);
  SymSize m = as[transA ? 1 : 0], k = as[transA ? 0 : 1];
  SymSize kb = bs[transB ? 1 : 0], n = bs[transB ? 0 : 1];
  if (failed(requireEqual(
          k, kb,
          "the inner dimensions disagree: A" + StringRef(transA ? "^T" : "") +
              " is " + sizesString({m, k}) + " and B" +
              StringRef(transB ? "^T" : "") + " is " + sizesString({kb, n}))))
    return failure();
  Type elt = eltOf(a);
  // x W^T + b as PyTorch's nn.Linear exports it.
  if (!transA && transB && alpha == 1.0 && beta == 1.0 &&
      (!c || (rankOf(c) == 1 && sizesOf(c)[0] == n))) {
    return record(LinearOp::create(
                      builder, loc,
                      RankedTensorType::get(staticShape({m, n}), elt), a, b, c)
                      .getResult(),
                  {m, n});
  }
  if (transA)
    a = transpose(a, {1, 0});
  if (transB)
    b = transpose(b, {1, 0});
  Value y = matmul(a, b);
  if (alpha != 1.0) {
    Value s = constant(DenseElementsAttr::get(
        RankedTensorType::get({}, elt), builder.getFloatAttr(elt, alpha)));
    y = *elementwise({y, s}, elt, [](OpBuilder &bb, Location l, ValueRange v) {
      return arith::MulFOp::create(bb, l, v[0], v[1]).getResult();
    });
  }
  if (c && beta != 0.0) {
    if (beta != 1.0) {
      Value s = constant(DenseElementsAttr::get(
          RankedTensorType::get({}, elt), builder.getFloatAttr(elt, beta)));
      c = *elementwise(
          {c, s}, elt,
          [](OpBuilder &bb, Location l, ValueRange v) {
            return arith::MulFOp::create(bb, l, v[0], v[1]).getResult();
          },
          [](ArrayRef<Attribute> v, RankedTensorType type) {
            return constFoldBinaryOp<FloatAttr, APFloat, void>(
                v, type,
                [](const APFloat &x, const APFloat &y) { return x * y; });
          });
    }
    FailureOr<Value> sum =
        elementwise({y, c}, elt, [](OpBuilder &bb, Location l, ValueRange v) {
          return arith::AddFOp::create(bb, l, v[0], v[1]).getResult();
        });
    if (failed(sum))
      return failure();
    if (sizesOf(*sum) != SymShape{m, n})
      return fail("input C of shape " + sizesString(sizesOf(c)) +
                  " does not broadcast to " + sizesString({m, n}));
    y = *sum;
  }
  return y;
}

FailureOr<Value> Importer::importMatMul(const NodeAttributes &) {
  Value a = requireInput(0, "A"), b = requireInput(1, "B");
  if (!a || !b)
    return failure();
  // numpy.matmul: scalars are not matrices.
  if (rankOf(a) == 0 || rankOf(b) == 0)
    return fail("operands must have rank at least 1, but A has shape " +
                shapeString(shapeOf(a)) + " and B has shape " +
                shapeString(shapeOf(b)));
  bool vecA = rankOf(a) == 1, vecB = rankOf(b) == 1;
  Value x = vecA ? reshape(a, {1, sizesOf(a)[0]}) : a;
  Value y = vecB ? reshape(b, {sizesOf(b)[0], 1}) : b;
  SymShape xs = sizesOf(x), ys = sizesOf(y);
  SymSize k1 = xs.back(), k2 = ys[ys.size() - 2];
  if (failed(requireEqual(k1, k2,
                          "the inner dimensions disagree: A has shape " +
                              sizesString(sizesOf(a)) + " and B has shape " +
                              sizesString(sizesOf(b)) + " (" + sizeString(k1) +
                              " vs " + sizeString(k2) + ")")))
    return failure();
  if (xs.size() > 2 || ys.size() > 2) {
    ArrayRef<SymSize> bx = ArrayRef<SymSize>(xs).drop_back(2),
                      by = ArrayRef<SymSize>(ys).drop_back(2);
    for (size_t i = 0; i < std::min(bx.size(), by.size()); ++i) {
      const SymSize &dx = bx[bx.size() - 1 - i], &dy = by[by.size() - 1 - i];
      if (dx != dy && dx.isConstant() && dy.isConstant() && dx != SymSize(1) &&
          dy != SymSize(1))
        return fail("the batch dimensions of A " + sizesString(sizesOf(a)) +
                    " and B " + sizesString(sizesOf(b)) + " do not broadcast");
    }
  }
  Value r = matmul(x, y);
  SymShape s = sizesOf(r);
  if (vecA)
    s.erase(s.end() - 2);
  if (vecB)
    s.pop_back();
  return reshape(r, s);
}

void onnx_import::populateLinearHandlers(HandlerTable &table) {
  table.on("Gemm", 1, &Importer::importGemm);
  table.on("MatMul", 1, &Importer::importMatMul);
}
