//===- TransposeCopy.cpp - copies transposed in registers ----------------===//
//
// Copies that transpose (a generic moving, perhaps scaling, elements whose
// input and output are contiguous along different loops: weights
// rearranged before a loop, layout changes, attention's scaled query
// block) as vw x vw blocks: vw vector loads, the body's elementwise ops on
// vectors, a transpose in registers by shuffles, vw vector stores.
//
//===----------------------------------------------------------------------===//

#include "KernelEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;
using namespace mlir::s2s::cpu;

/// Transposes the square block whose rows are the vectors `rows` (as many
/// as lanes), in place, with log2(lanes) rounds of two-input shuffles
/// (exchanging bit d of the row and lane indices in round d).
///
/// Not upstream's vector.transpose lowering: its shuffle form for registers
/// (VectorTransposeLowering::Shuffle16x16) is for 16x16 blocks only, and
/// every other width (4 and 8 lanes: SSE, AVX2, NEON) gets one shuffle of
/// lanes^2 elements (Shuffle1D) that the backend must split; this butterfly
/// is the same two-input shuffles at every power-of-two width.
void mlir::s2s::cpu::transposeInRegisters(OpBuilder &b, Location loc,
                                          SmallVectorImpl<Value> &rows) {
  auto vw = static_cast<int64_t>(rows.size());
  for (int64_t d = vw / 2; d >= 1; d /= 2) {
    SmallVector<int64_t> lo, hi;
    for (int64_t l = 0; l < vw; ++l) {
      bool upper = l & d;
      lo.push_back(upper ? vw + l - d : l);
      hi.push_back(upper ? vw + l : l + d);
    }
    for (int64_t i = 0; i < vw; ++i) {
      if (i & d)
        continue;
      Value x = rows[i], y = rows[i + d];
      rows[i] = vector::ShuffleOp::create(b, loc, x, y, lo);
      rows[i + d] = vector::ShuffleOp::create(b, loc, x, y, hi);
    }
  }
}

namespace {
/// A copy out[perm_o(i)] = f(in[perm_i(i)]) (f: elementwise arith, as a
/// scale) whose input and output are contiguous along different loops
/// `inDim` and `outDim`, both multiples of the vector width: copied in
/// vw x vw blocks transposed in registers instead of element by element.
struct TransposeCopy {
  linalg::GenericOp op;
  unsigned inDim, outDim;
};

} // namespace

static std::optional<TransposeCopy> matchTransposeCopy(linalg::GenericOp op,
                                                       int64_t vw) {
  if (op.getNumDpsInputs() != 1 || op.getNumDpsInits() != 1 ||
      op.getNumReductionLoops() != 0)
    return std::nullopt;
  // The body maps its input element through elementwise arith ops whose
  // other operands are defined outside (a scale, a constant).
  Block &body = op.getRegion().front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  if (yield.getNumOperands() != 1 || !body.getArgument(1).use_empty())
    return std::nullopt;
  for (Operation &inner : body.without_terminator()) {
    bool elementwise =
        inner.getDialect() ==
            inner.getContext()->getLoadedDialect<arith::ArithDialect>() &&
        inner.hasTrait<OpTrait::Elementwise>() && isPure(&inner) &&
        inner.getNumResults() == 1 && inner.getResult(0).getType().isF32();
    bool constant = isa<arith::ConstantOp>(inner);
    if (!elementwise && !constant)
      return std::nullopt;
    for (Value operand : inner.getOperands())
      if (!operand.getType().isF32())
        return std::nullopt;
  }
  if (op.hasDynamicShape())
    return std::nullopt;
  Value in = op.getDpsInputs()[0], out = op.getDpsInits()[0];
  auto inType = dyn_cast<MemRefType>(in.getType());
  if (!inType || !inType.getElementType().isF32() || !hasUnitInnerStride(in) ||
      !hasUnitInnerStride(out))
    return std::nullopt;
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (!maps[0].isPermutation() || !maps[1].isPermutation())
    return std::nullopt;
  unsigned inDim = maps[0].getDimPosition(maps[0].getNumResults() - 1);
  unsigned outDim = maps[1].getDimPosition(maps[1].getNumResults() - 1);
  SmallVector<int64_t> sizes = op.getStaticLoopRanges();
  if (inDim == outDim || sizes[inDim] % vw != 0 || sizes[outDim] % vw != 0)
    return std::nullopt;
  return TransposeCopy{op, inDim, outDim};
}

/// `t`'s body applied to the vector `x` (lanes of its input element).
static Value applyBody(OpBuilder &b, Location loc, TransposeCopy t, Value x) {
  Block &body = t.op.getRegion().front();
  auto vecType = cast<VectorType>(x.getType());
  IRMapping mapping;
  mapping.map(body.getArgument(0), x);
  auto vectorOf = [&](Value v) -> Value {
    if (Value mapped = mapping.lookupOrNull(v))
      return mapped;
    // Defined outside the body: the same value in every lane.
    return vector::BroadcastOp::create(b, loc, vecType, v);
  };
  for (Operation &inner : body.without_terminator()) {
    if (auto constant = dyn_cast<arith::ConstantOp>(inner)) {
      Value scalar = b.clone(inner)->getResult(0);
      mapping.map(constant.getResult(),
                  vector::BroadcastOp::create(b, loc, vecType, scalar));
      continue;
    }
    SmallVector<Value> operands;
    for (Value operand : inner.getOperands())
      operands.push_back(vectorOf(operand));
    OperationState state(loc, inner.getName(), operands, TypeRange{vecType},
                         inner.getAttrs());
    mapping.map(inner.getResult(0), b.create(state)->getResult(0));
  }
  return vectorOf(body.getTerminator()->getOperand(0));
}

/// Emits `t` as loops over its other dimensions around vw x vw blocks:
/// vw vector loads along inDim, the body's elementwise ops, a register
/// transpose, vw vector stores along outDim.
static void emitTransposeCopy(OpBuilder &b, TransposeCopy t, int64_t vw) {
  Location loc = t.op.getLoc();
  SmallVector<int64_t> sizes = t.op.getStaticLoopRanges();
  SmallVector<AffineMap> maps = t.op.getIndexingMapsArray();
  Value in = t.op.getDpsInputs()[0], out = t.op.getDpsInits()[0];
  auto vecType = VectorType::get({vw}, b.getF32Type());
  SmallVector<Value> dims(sizes.size());
  auto cst = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v).getResult();
  };
  auto indices = [&](AffineMap map) {
    SmallVector<Value> idx;
    for (AffineExpr e : map.getResults())
      idx.push_back(dims[cast<AffineDimExpr>(e).getPosition()]);
    return idx;
  };
  std::function<void(unsigned)> nest = [&](unsigned d) {
    if (d == sizes.size()) {
      Value i0 = dims[t.inDim], o0 = dims[t.outDim];
      SmallVector<Value> rows;
      for (int64_t r = 0; r < vw; ++r) {
        dims[t.outDim] = arith::AddIOp::create(b, loc, o0, cst(r));
        rows.push_back(applyBody(
            b, loc, t,
            vector::LoadOp::create(b, loc, vecType, in, indices(maps[0]))));
      }
      transposeInRegisters(b, loc, rows);
      dims[t.outDim] = o0;
      for (int64_t r = 0; r < vw; ++r) {
        dims[t.inDim] = arith::AddIOp::create(b, loc, i0, cst(r));
        vector::StoreOp::create(b, loc, rows[r], out, indices(maps[1]));
      }
      dims[t.inDim] = i0;
      return;
    }
    int64_t step = d == t.inDim || d == t.outDim ? vw : 1;
    auto loop = scf::ForOp::create(b, loc, cst(0), cst(sizes[d]), cst(step));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    dims[d] = loop.getInductionVar();
    nest(d + 1);
  };
  nest(0);
}

LogicalResult mlir::s2s::cpu::lowerTransposingCopy(RewriterBase &rewriter,
                                                   linalg::GenericOp op,
                                                   const CPUTarget &target) {
  int64_t vw = target.vectorWidth(rewriter.getF32Type());
  std::optional<TransposeCopy> t = matchTransposeCopy(op, vw);
  if (!t)
    return rewriter.notifyMatchFailure(op, "not a transposing f32 copy");
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(op);
  emitTransposeCopy(rewriter, *t, vw);
  rewriter.eraseOp(op);
  return success();
}
