//===- Attention.cpp - ONNX Attention (opset 23) --------------------------===//
//
// Imports ONNX's Attention as s2s.scaled_dot_product_attention: 4-D
// [B, H, S, D] inputs, or 3-D ones split into heads; grouped-query heads;
// boolean or additive masks; is_causal, which ONNX aligns top-left and s2s
// bottom-right (the same for square scores, otherwise spelled out as a
// mask). What s2s cannot honour (a KV cache, softcap, other output modes or
// softmax precisions) is rejected.
//
//===----------------------------------------------------------------------===//

#include "ImporterInternals.h"

#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include <cmath>

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

FailureOr<SmallVector<Value>>
Importer::importAttention(const NodeAttributes &attrs) {
  Value q = requireInput(0, "Q"), k = requireInput(1, "K"),
        v = requireInput(2, "V"), mask = input(3);
  if (!q || !k || !v)
    return failure();
  if (input(4) || input(5))
    return unsupported("the past_key/past_value inputs of " + nodeLabel +
                       " (no KV cache)");
  SmallVector<std::string> extra =
      attrs.unknown({"is_causal", "scale", "q_num_heads", "kv_num_heads",
                     "softcap", "qk_matmul_output_mode", "softmax_precision"});
  if (!extra.empty())
    return fail("unknown attribute '" + extra.front() + "'");
  if (attrs.getFloat("softcap", 0) != 0)
    return unsupported("softcap=" + formatNumber(attrs.getFloat("softcap", 0)) +
                       " on " + nodeLabel);
  if (attrs.getInt("qk_matmul_output_mode", 0) != 0)
    return unsupported("qk_matmul_output_mode=" +
                       Twine(attrs.getInt("qk_matmul_output_mode", 0)) +
                       " on " + nodeLabel);
  Type elt = eltOf(q);
  if (attrs.has("softmax_precision")) {
    int64_t precision = attrs.getInt("softmax_precision", 0);
    bool same = (precision == onnx::TensorProto::FLOAT && elt.isF32()) ||
                (precision == onnx::TensorProto::DOUBLE && elt.isF64());
    if (!same)
      return unsupported("softmax_precision=" + Twine(precision) + " on " +
                         nodeLabel + " (the softmax runs in the input type)");
  }
  int64_t rank = rankOf(q);
  if (rank != 3 && rank != 4)
    return fail("Q must have rank 3 or 4, but has shape " +
                shapeString(shapeOf(q)));
  bool threeD = rank == 3;
  int64_t qHeads = attrs.getInt("q_num_heads", 0),
          kvHeads = attrs.getInt("kv_num_heads", 0);
  // [B, S, heads*D] -> [B, heads, S, D].
  auto toHeads = [&](Value x, int64_t heads, StringRef name) -> Value {
    if (rankOf(x) != rank) {
      (void)fail("Q, K and V must have the same rank, but " + name +
                 " has shape " + shapeString(shapeOf(x)));
      return nullptr;
    }
    if (!threeD)
      return x;
    SymShape s = sizesOf(x);
    std::optional<SymSize> perHead =
        heads > 0 ? s[2].divideExactly(heads) : std::nullopt;
    if (!perHead) {
      (void)fail("3-D input " + name + " of shape " + sizesString(s) +
                 " needs q_num_heads and kv_num_heads dividing its last "
                 "dimension");
      return nullptr;
    }
    return transpose(reshape(x, {s[0], s[1], heads, *perHead}), {0, 2, 1, 3});
  };
  q = toHeads(q, qHeads, "Q");
  k = q ? toHeads(k, kvHeads, "K") : nullptr;
  v = k ? toHeads(v, kvHeads, "V") : nullptr;
  if (!v)
    return failure();
  SymShape qs = sizesOf(q), ks = sizesOf(k), vs = sizesOf(v);
  std::string fitMessage =
      "Q " + sizesString(qs) + ", K " + sizesString(ks) + " and V " +
      sizesString(vs) +
      " do not fit [B, H, S, D], [B, Hkv, L, D], [B, Hkv, L, Dv] with H a "
      "multiple of Hkv";
  if (!qs[1].isConstant() || !ks[1].isConstant() ||
      qs[1].getFactor() % std::max<int64_t>(ks[1].getFactor(), 1) != 0 ||
      ks[1] == SymSize(0))
    return fail(fitMessage);
  if (failed(requireEqual(ks[0], qs[0], fitMessage)) ||
      failed(requireEqual(vs[0], qs[0], fitMessage)) ||
      failed(requireEqual(ks[3], qs[3], fitMessage)) ||
      failed(requireEqual(vs[1], ks[1], fitMessage)) ||
      failed(requireEqual(vs[2], ks[2], fitMessage)))
    return failure();
  SymSize seqQ = qs[2], seqK = ks[2];
  if (mask) {
    int64_t mr = rankOf(mask);
    bool boolMask = eltOf(mask).isInteger(1);
    if (mr < 2 || mr > 4 || (!boolMask && eltOf(mask) != elt))
      return fail("attn_mask must be bool or " + typeString(elt) +
                  " of rank 2 to 4, but is " + typeString(mask.getType()));
  }
  bool causal = attrs.getInt("is_causal", 0) != 0;
  UnitAttr causalAttr;
  if (causal && seqQ == seqK) {
    causalAttr = builder.getUnitAttr();
  } else if (causal) {
    // ONNX aligns the causal mask top-left (query i sees keys j <= i), s2s
    // bottom-right: spell it out as a mask.
    Value tri;
    if (seqQ.isConstant() && seqK.isConstant()) {
      SmallVector<bool> allowed;
      for (int64_t i = 0; i < *seqQ.getConstant(); ++i)
        for (int64_t j = 0; j < *seqK.getConstant(); ++j)
          allowed.push_back(j <= i);
      tri = constant(DenseElementsAttr::get(
          RankedTensorType::get(staticShape({seqQ, seqK}), builder.getI1Type()),
          ArrayRef<bool>(allowed)));
    } else {
      // The same triangle computed from the positions.
      Type i1 = builder.getI1Type();
      tri =
          linalg::GenericOp::create(
              builder, loc,
              TypeRange{RankedTensorType::get(staticShape({seqQ, seqK}), i1)},
              ValueRange{}, ValueRange{empty({seqQ, seqK}, i1)},
              ArrayRef<AffineMap>{builder.getMultiDimIdentityMap(2)},
              SmallVector<utils::IteratorType>(2,
                                               utils::IteratorType::parallel),
              [](OpBuilder &b, Location l, ValueRange) {
                Value i = linalg::IndexOp::create(b, l, 0);
                Value j = linalg::IndexOp::create(b, l, 1);
                linalg::YieldOp::create(
                    b, l,
                    arith::CmpIOp::create(b, l, arith::CmpIPredicate::sle, j, i)
                        .getResult());
              })
              .getResult(0);
      record(tri, {seqQ, seqK});
    }
    if (!mask) {
      mask = tri;
    } else {
      // The mask and the causal triangle combined; a mask that does not
      // broadcast with it is reported by elementwise.
      FailureOr<Value> combined;
      if (eltOf(mask).isInteger(1)) {
        combined = elementwise(
            {mask, tri}, builder.getI1Type(),
            [](OpBuilder &b, Location l, ValueRange a) {
              return arith::AndIOp::create(b, l, a[0], a[1]).getResult();
            });
      } else {
        Value minusInf = constant(
            DenseElementsAttr::get(RankedTensorType::get({}, elt),
                                   builder.getFloatAttr(elt, -INFINITY)));
        combined =
            elementwise({tri, mask, minusInf}, elt,
                        [](OpBuilder &b, Location l, ValueRange a) {
                          return arith::SelectOp::create(b, l, a[0], a[1], a[2])
                              .getResult();
                        });
      }
      if (failed(combined))
        return failure();
      mask = *combined;
    }
  }
  FloatAttr scale;
  if (attrs.has("scale"))
    scale = builder.getF64FloatAttr(attrs.getFloat("scale", 1));
  auto type =
      RankedTensorType::get(staticShape({qs[0], qs[1], seqQ, vs[3]}), elt);
  Value out = ScaledDotProductAttentionOp::create(builder, loc, type, q, k, v,
                                                  mask, scale, causalAttr)
                  .getResult();
  if (threeD)
    out = reshape(transpose(out, {0, 2, 1, 3}), {qs[0], seqQ, qs[1] * vs[3]});
  return SmallVector<Value>{out};
}

void onnx_import::populateAttentionHandlers(HandlerTable &table) {
  table.on("Attention", 23, &Importer::importAttention);
}
