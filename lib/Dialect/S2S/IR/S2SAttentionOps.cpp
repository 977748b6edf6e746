//===- S2SAttentionOps.cpp - verifiers of the attention ops -----------------===//
//
// Operand checks and result type inference of s2s.attention,
// s2s.scaled_dot_product_attention and s2s.multi_head_attention.
//
//===----------------------------------------------------------------------===//

#include "OperandChecks.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"

#include <cmath>

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::detail;

//===----------------------------------------------------------------------===//
// AttentionOp
//===----------------------------------------------------------------------===//

LogicalResult AttentionOp::verifyOperandShapes() {
  auto qType = getTensorType(getQuery());
  auto kType = getTensorType(getKeys());
  auto vType = getTensorType(getValues());
  int64_t b = qType.getDimSize(0), tq = qType.getDimSize(1),
          dq = qType.getDimSize(2);
  int64_t tk = kType.getDimSize(1), dk = kType.getDimSize(2),
          dv = vType.getDimSize(2);
  Type elt = qType.getElementType();
  OperandChecker check(
      *this,
      symbolLegend({{"B", b}, {"Tq", tq}, {"Dq", dq}, {"Tk", tk}, {"Dk", dk}}));
  if (failed(check.shape("keys", getKeys(), {b, tk, dk}, "[B, Tk, Dk]")) ||
      failed(check.elementType("keys", getKeys(), elt, "query")) ||
      failed(check.shape("values", getValues(), {b, tk, dv}, "[B, Tk, Dv]")) ||
      failed(check.elementType("values", getValues(), elt, "query")))
    return failure();

  // Each score function takes exactly its own parameters.
  AttentionScore score = getScore();
  std::pair<StringRef, Value> params[] = {{"w", getW()},
                                          {"w_query", getWQuery()},
                                          {"w_keys", getWKeys()},
                                          {"v", getV()}};
  for (auto [name, value] : params) {
    bool wanted = score == AttentionScore::general
                      ? name == "w"
                      : score == AttentionScore::additive && name != "w";
    if (wanted && !value)
      return emitOpError() << "score '" << stringifyAttentionScore(score)
                           << "' requires operand '" << name << "'";
    if (!wanted && value)
      return emitOpError() << "operand '" << name << "' is not used by score '"
                           << stringifyAttentionScore(score) << "'";
  }

  switch (score) {
  case AttentionScore::dot:
    if (!dimsAgree(dq, dk))
      return emitOpError() << "score 'dot' needs query and keys of one "
                           << "feature size, but Dq = " << dq
                           << " and Dk = " << dk;
    break;
  case AttentionScore::general:
    if (failed(check.shape("w", getW(), {dq, dk}, "[Dq, Dk]")) ||
        failed(check.elementType("w", getW(), elt, "query")))
      return failure();
    break;
  case AttentionScore::additive: {
    int64_t a = getTensorType(getV()).getDimSize(0);
    check.setLegend(symbolLegend({{"A", a}, {"Dq", dq}, {"Dk", dk}}));
    if (failed(check.elementType("v", getV(), elt, "query")) ||
        failed(check.shape("w_query", getWQuery(), {a, dq}, "[A, Dq]")) ||
        failed(check.elementType("w_query", getWQuery(), elt, "query")) ||
        failed(check.shape("w_keys", getWKeys(), {a, dk}, "[A, Dk]")) ||
        failed(check.elementType("w_keys", getWKeys(), elt, "query")))
      return failure();
    break;
  }
  }

  if (Value mask = getMask()) {
    check.setLegend(symbolLegend({{"B", b}, {"Tq", tq}, {"Tk", tk}}));
    if (failed(check.broadcastable("mask", mask, {b, tq, tk}, "[B, Tq, Tk]",
                                   /*minRank=*/3)))
      return failure();
  }
  return success();
}

LogicalResult AttentionOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location>,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &results) {
  auto qType = getTensorType(adaptor.getQuery());
  auto kType = getTensorType(adaptor.getKeys());
  auto vType = getTensorType(adaptor.getValues());
  int64_t b = qType.getDimSize(0), tq = qType.getDimSize(1);
  Type elt = qType.getElementType();
  results.push_back(RankedTensorType::get({b, tq, vType.getDimSize(2)}, elt));
  results.push_back(RankedTensorType::get({b, tq, kType.getDimSize(1)}, elt));
  return success();
}

//===----------------------------------------------------------------------===//
// ScaledDotProductAttentionOp
//===----------------------------------------------------------------------===//

double ScaledDotProductAttentionOp::getScaleOrDefault() {
  if (FloatAttr scale = getScaleAttr())
    return scale.getValueAsDouble();
  return 1.0 / std::sqrt(static_cast<double>(
                   getTensorType(getQuery()).getDimSize(3)));
}

LogicalResult ScaledDotProductAttentionOp::verifyOperandShapes() {
  auto qType = getTensorType(getQuery());
  auto kType = getTensorType(getKey());
  auto vType = getTensorType(getValue());
  int64_t b = qType.getDimSize(0), h = qType.getDimSize(1),
          tq = qType.getDimSize(2), d = qType.getDimSize(3);
  int64_t hkv = kType.getDimSize(1), tk = kType.getDimSize(2),
          dv = vType.getDimSize(3);
  Type elt = qType.getElementType();
  OperandChecker check(*this, symbolLegend({{"B", b},
                                            {"H", h},
                                            {"Hkv", hkv},
                                            {"Tq", tq},
                                            {"Tk", tk},
                                            {"D", d}}));
  if (failed(
          check.shape("key", getKey(), {b, hkv, tk, d}, "[B, Hkv, Tk, D]")) ||
      failed(check.elementType("key", getKey(), elt, "query")) ||
      failed(check.shape("value", getValue(), {b, hkv, tk, dv},
                         "[B, Hkv, Tk, Dv]")) ||
      failed(check.elementType("value", getValue(), elt, "query")))
    return failure();
  if (!ShapedType::isDynamic(h) && !ShapedType::isDynamic(hkv) &&
      (hkv == 0 || h % hkv != 0))
    return emitOpError() << "the key/value heads (Hkv = " << hkv
                         << ") must divide the query heads (H = " << h << ")";
  if (Value mask = getMask()) {
    if (failed(check.maskElementType("mask", mask, elt)) ||
        failed(check.broadcastable("mask", mask, {b, h, tq, tk},
                                   "[B, H, Tq, Tk]", /*minRank=*/2)))
      return failure();
  }
  if (FloatAttr scale = getScaleAttr())
    if (!std::isfinite(scale.getValueAsDouble()))
      return emitOpError() << "attribute 'scale' must be finite, but is "
                           << scale.getValueAsDouble();
  return success();
}

LogicalResult ScaledDotProductAttentionOp::inferReturnTypes(
    MLIRContext *, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &results) {
  auto qType = getTensorType(adaptor.getQuery());
  auto vType = getTensorType(adaptor.getValue());
  SmallVector<int64_t> shape(qType.getShape());
  shape[3] = vType.getDimSize(3);
  results.push_back(RankedTensorType::get(shape, qType.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// MultiHeadAttentionOp
//===----------------------------------------------------------------------===//

namespace {
/// Batch, length and feature size of an MHA input in its layout.
struct SequenceDims {
  int64_t batch, length, features;

  static SequenceDims get(Value value, bool batchFirst) {
    auto type = getTensorType(value);
    return {type.getDimSize(batchFirst ? 0 : 1),
            type.getDimSize(batchFirst ? 1 : 0), type.getDimSize(2)};
  }

  /// The shape in the given layout.
  SmallVector<int64_t> shape(bool batchFirst) const {
    if (batchFirst)
      return {batch, length, features};
    return {length, batch, features};
  }
};

/// The projection operands of an MHA op.
struct Projections {
  Value packed, q, k, v, inBias, out, outBias;

  template <typename OpTy> static Projections of(OpTy op) {
    return {op.getInProjWeight(), op.getQProjWeight(), op.getKProjWeight(),
            op.getVProjWeight(),  op.getInProjBias(),  op.getOutProjWeight(),
            op.getOutProjBias()};
  }
};
} // namespace

/// Checks the projections of an MHA op with embedding size `e`, key and
/// value features `ek` and `ev`, and element type `elt`: packed or
/// separate, never both, and every shape.
static LogicalResult verifyProjections(Operation *op, OperandChecker &check,
                                       const Projections &p, int64_t e,
                                       int64_t ek, int64_t ev, Type elt) {
  check.setLegend(symbolLegend({{"E", e}, {"Ek", ek}, {"Ev", ev}}));
  bool separate = p.q || p.k || p.v;
  if (p.packed && separate)
    return op->emitOpError() << "takes either 'in_proj_weight' or "
                             << "'q_proj_weight', 'k_proj_weight' and "
                             << "'v_proj_weight', not both";
  if (p.packed) {
    if (!dimsAgree(ek, e) || !dimsAgree(ev, e))
      return op->emitOpError()
             << "packed 'in_proj_weight' needs key and value "
             << "of the query's embedding size E = " << e << ", but Ek = " << ek
             << " and Ev = " << ev << "; use separate projection weights";
    if (failed(check.shape("in_proj_weight", p.packed, {mulDims(3, e), e},
                           "[3*E, E]")) ||
        failed(check.elementType("in_proj_weight", p.packed, elt, "query")))
      return failure();
  } else {
    std::tuple<StringRef, Value, int64_t, StringRef> projs[] = {
        {"q_proj_weight", p.q, e, "[E, E]"},
        {"k_proj_weight", p.k, ek, "[E, Ek]"},
        {"v_proj_weight", p.v, ev, "[E, Ev]"}};
    for (auto [name, weight, in, rule] : projs) {
      if (!weight)
        return op->emitOpError()
               << "requires 'in_proj_weight' or all of 'q_proj_weight', "
               << "'k_proj_weight' and 'v_proj_weight', but '" << name
               << "' is missing";
      if (failed(check.shape(name, weight, {e, in}, rule)) ||
          failed(check.elementType(name, weight, elt, "query")))
        return failure();
    }
  }
  if (failed(check.optional("in_proj_bias", p.inBias, {mulDims(3, e)}, "[3*E]",
                            elt, "query")) ||
      failed(check.shape("out_proj_weight", p.out, {e, e}, "[E, E]")) ||
      failed(check.elementType("out_proj_weight", p.out, elt, "query")) ||
      failed(
          check.optional("out_proj_bias", p.outBias, {e}, "[E]", elt, "query")))
    return failure();
  return success();
}

/// Checks the masks of an MHA op: `key_padding_mask : [B, Tk]` and
/// `attn_mask : [Tq, Tk]` or `[B*num_heads, Tq, Tk]`, where `tqName` and
/// `tkName` name Tq and Tk in the rules.
static LogicalResult verifyMasks(OperandChecker &check, Value keyPadding,
                                 Value attnMask, int64_t b, int64_t heads,
                                 int64_t tq, int64_t tk, StringRef tqName,
                                 StringRef tkName, Type elt) {
  check.setLegend(symbolLegend(
      {{"B", b}, {"num_heads", heads}, {tqName, tq}, {tkName, tk}}));
  std::string tqRule = tqName.str(), tkRule = tkName.str();
  if (keyPadding)
    if (failed(check.maskElementType("key_padding_mask", keyPadding, elt)) ||
        failed(check.shape("key_padding_mask", keyPadding, {b, tk},
                           "[B, " + tkRule + "]")))
      return failure();
  if (!attnMask)
    return success();
  if (failed(check.maskElementType("attn_mask", attnMask, elt)))
    return failure();
  int64_t rank = getTensorType(attnMask).getRank();
  SmallVector<int64_t> perHead = {mulDims(b, heads), tq, tk};
  std::string perHeadRule = "[B*num_heads, " + tqRule + ", " + tkRule + "]";
  std::string sharedRule = "[" + tqRule + ", " + tkRule + "]";
  if (rank == 3)
    return check.shape("attn_mask", attnMask, perHead, perHeadRule);
  if (rank == 2)
    return check.shape("attn_mask", attnMask, {tq, tk}, sharedRule);
  // Neither rank: the check fails on the rank and names both shapes.
  (void)check.shape("attn_mask", attnMask, perHead,
                    sharedRule + " = " + formatShape({tq, tk}) + " or " +
                        perHeadRule);
  return failure();
}

LogicalResult MultiHeadAttentionOp::verifyOperandShapes() {
  bool batchFirst = getBatchFirst();
  StringRef layout = batchFirst ? "[B, Tk, " : "[Tk, B, ";
  SequenceDims q = SequenceDims::get(getQuery(), batchFirst);
  int64_t e = q.features, b = q.batch, tq = q.length;
  int64_t heads = getNumHeads();
  Type elt = getTensorType(getQuery()).getElementType();
  OperandChecker check(*this);

  if (failed(check.together("key", getKey(), "value", getValue())))
    return failure();
  SequenceDims k = q, v = q;
  if (getKey()) {
    k = SequenceDims::get(getKey(), batchFirst);
    v = SequenceDims::get(getValue(), batchFirst);
    check.setLegend(symbolLegend({{"B", b}, {"Tk", k.length}}));
    if (failed(check.shape(
            "key", getKey(),
            {batchFirst ? b : k.length, batchFirst ? k.length : b, k.features},
            (layout + "Ek]").str())) ||
        failed(check.elementType("key", getKey(), elt, "query")) ||
        failed(check.shape(
            "value", getValue(),
            {batchFirst ? b : k.length, batchFirst ? k.length : b, v.features},
            (layout + "Ev]").str())) ||
        failed(check.elementType("value", getValue(), elt, "query")))
      return failure();
  }

  if (!ShapedType::isDynamic(e) && e % heads != 0)
    return emitOpError() << "attribute 'num_heads' (" << heads
                         << ") must divide the embedding size E (" << e << ")";
  if (failed(verifyProjections(*this, check, Projections::of(*this), e,
                               k.features, v.features, elt)))
    return failure();
  return verifyMasks(check, getKeyPaddingMask(), getAttnMask(), b, heads, tq,
                     k.length, "Tq", "Tk", elt);
}

LogicalResult
MultiHeadAttentionOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &results) {
  auto qType = getTensorType(adaptor.getQuery());
  results.push_back(qType);
  if (!adaptor.getNeedWeights())
    return success();
  bool batchFirst = adaptor.getBatchFirst();
  SequenceDims q = SequenceDims::get(adaptor.getQuery(), batchFirst);
  int64_t tk = q.length;
  if (Value key = adaptor.getKey())
    tk = SequenceDims::get(key, batchFirst).length;
  results.push_back(
      RankedTensorType::get({q.batch, q.length, tk}, qType.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// CachedMultiHeadAttentionOp
//===----------------------------------------------------------------------===//

LogicalResult CachedMultiHeadAttentionOp::verifyOperandShapes() {
  bool batchFirst = getBatchFirst();
  SequenceDims q = SequenceDims::get(getQuery(), batchFirst);
  int64_t e = q.features, b = q.batch, s = q.length;
  int64_t heads = getNumHeads();
  Type elt = getTensorType(getQuery()).getElementType();
  OperandChecker check(*this);

  if (!ShapedType::isDynamic(e) && e % heads != 0)
    return emitOpError() << "attribute 'num_heads' (" << heads
                         << ") must divide the embedding size E (" << e << ")";
  int64_t headSize = ShapedType::isDynamic(e) ? e : e / heads;
  int64_t tMax = getTensorType(getKeyCache()).getDimSize(2);
  check.setLegend(symbolLegend({{"B", b},
                                {"num_heads", heads},
                                {"T_max", tMax},
                                {"E / num_heads", headSize}}));
  for (auto [name, cache] :
       {std::pair<StringRef, Value>{"key_cache", getKeyCache()},
        {"value_cache", getValueCache()}})
    if (failed(check.shape(name, cache, {b, heads, tMax, headSize},
                           "[B, num_heads, T_max, E / num_heads]")) ||
        failed(check.elementType(name, cache, elt, "query")))
      return failure();
  if (!ShapedType::isDynamic(s) && !ShapedType::isDynamic(tMax) && s > tMax)
    return emitOpError() << "needs room in the caches for the " << s
                         << " positions of 'query' (S), but their capacity "
                         << "T_max (dimension 2 of 'key_cache') is " << tMax;
  if (failed(verifyProjections(*this, check, Projections::of(*this), e, e, e,
                               elt)))
    return failure();
  return verifyMasks(check, getKeyPaddingMask(), getAttnMask(), b, heads, s,
                     tMax, "S", "T_max", elt);
}

LogicalResult CachedMultiHeadAttentionOp::inferReturnTypes(
    MLIRContext *, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &results) {
  results.push_back(adaptor.getQuery().getType());
  results.push_back(adaptor.getKeyCache().getType());
  results.push_back(adaptor.getValueCache().getType());
  return success();
}
