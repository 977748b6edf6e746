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
  int64_t m = shapeOf(a)[transA ? 1 : 0], k = shapeOf(a)[transA ? 0 : 1];
  int64_t kb = shapeOf(b)[transB ? 1 : 0], n = shapeOf(b)[transB ? 0 : 1];
  if (k != kb)
    return fail("the inner dimensions disagree: A" +
                StringRef(transA ? "^T" : "") + " is " + shapeString({m, k}) +
                " and B" + StringRef(transB ? "^T" : "") + " is " +
                shapeString({kb, n}));
  Type elt = eltOf(a);
  // x W^T + b as PyTorch's nn.Linear exports it.
  if (!transA && transB && alpha == 1.0 && beta == 1.0 &&
      (!c || (rankOf(c) == 1 && shapeOf(c)[0] == n))) {
    return Value(LinearOp::create(builder, loc,
                                  RankedTensorType::get({m, n}, elt), a, b, c)
                     .getResult());
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
    if (shapeOf(*sum) != ArrayRef<int64_t>{m, n})
      return fail("input C of shape " + shapeString(shapeOf(c)) +
                  " does not broadcast to " + shapeString({m, n}));
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
  Value x = vecA ? reshape(a, {1, shapeOf(a)[0]}) : a;
  Value y = vecB ? reshape(b, {shapeOf(b)[0], 1}) : b;
  int64_t k1 = shapeOf(x).back(), k2 = shapeOf(y)[rankOf(y) - 2];
  if (k1 != k2)
    return fail("the inner dimensions disagree: A has shape " +
                shapeString(shapeOf(a)) + " and B has shape " +
                shapeString(shapeOf(b)) + " (" + Twine(k1) + " vs " +
                Twine(k2) + ")");
  if (rankOf(x) > 2 || rankOf(y) > 2) {
    ArrayRef<int64_t> bx = shapeOf(x).drop_back(2),
                      by = shapeOf(y).drop_back(2);
    for (size_t i = 0; i < std::min(bx.size(), by.size()); ++i) {
      int64_t dx = bx[bx.size() - 1 - i], dy = by[by.size() - 1 - i];
      if (dx != dy && dx != 1 && dy != 1)
        return fail("the batch dimensions of A " + shapeString(shapeOf(a)) +
                    " and B " + shapeString(shapeOf(b)) + " do not broadcast");
    }
  }
  Value r = matmul(x, y);
  SmallVector<int64_t> s(shapeOf(r));
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
