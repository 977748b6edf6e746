//===- LowerContractions.cpp - register-blocked contraction kernels -------===//
//
// Rewrites the contractions of the s2s lowering (after bufferization, on
// memrefs) into register-blocked loop nests of vector FMAs for the host's
// vector registers. Two kernel shapes cover every contraction the lowering
// produces:
//
//  * "dot" (C[m, n] += sum_k A[m, k] * B[n, k], k contiguous in A and B):
//    x W^T of s2s.linear and the RNN gates, q k^T of attention. An MR x NR
//    tile of outputs accumulates in MR*NR vector registers over k, which are
//    reduced horizontally at the end. With many rows, or inside a loop that
//    does not write B, B is first packed into panels (per call, or once
//    before the loop) and the axpy kernel runs on them instead.
//  * "axpy" (C[m, n] += sum_k A[m, k] * B[k, n], n contiguous in B and C):
//    p v of attention, q W of Luong's general score, a fused RNN step's
//    block of gates. An MR x (NV*VW) tile of C stays in registers while k
//    advances, each step broadcasting A[m, k].
//
// Copies that transpose (a generic moving, perhaps scaling, elements whose
// input and output are contiguous along different loops) become 16x16
// blocks transposed in registers by shuffles.
//
// Leading "batch" loops (b, h of attention, whose maps may divide the head
// index for grouped-query attention) become plain loops around the kernel.
// Sizes must be static; the rows (and dot-kernel columns) left over after
// the full tiles form one smaller tile, and tails in k or n use masked
// vector loads and stores.
//
//===----------------------------------------------------------------------===//

#include "s2s/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SLOWERCONTRACTIONSPASS
#include "s2s/Transforms/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {

/// Transposes the square block whose rows are the vectors `rows` (as many
/// as lanes), in place, with log2(lanes) rounds of two-input shuffles
/// (exchanging bit d of the row and lane indices in round d).
static void transposeBlock(OpBuilder &b, Location loc,
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

//===----------------------------------------------------------------------===//
// Transposing copies
//===----------------------------------------------------------------------===//

/// A memref whose innermost dimension has unit stride.
static bool hasUnitInnerStride(Value v) {
  auto type = dyn_cast<MemRefType>(v.getType());
  if (!type || !type.hasStaticShape() || type.getRank() == 0)
    return false;
  auto [strides, offset] = type.getStridesAndOffset();
  return strides.back() == 1;
}

/// A copy out[perm_o(i)] = f(in[perm_i(i)]) (f: elementwise arith, as a
/// scale) whose input and output are contiguous along different loops
/// `inDim` and `outDim`, both multiples of the vector width: copied in
/// vw x vw blocks transposed in registers instead of element by element.
struct TransposeCopy {
  linalg::GenericOp op;
  unsigned inDim, outDim;
};

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
      transposeBlock(b, loc, rows);
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

//===----------------------------------------------------------------------===//
// Matching
//===----------------------------------------------------------------------===//

enum class KernelKind { Dot, Axpy };

/// A contraction C[batch, m, n] += A[.., m, .., k] * B[.., n, .., k] in the
/// loop space of its linalg.generic.
struct Contraction {
  linalg::GenericOp op;
  KernelKind kind;
  Value a, b, c;
  AffineMap aMap, bMap, cMap;
  SmallVector<unsigned> batchDims;
  unsigned mDim, nDim, kDim;
  SmallVector<int64_t> loopSizes;
};

/// The body is `out + in0 * in1` (in either operand order).
static bool isMulAddBody(linalg::GenericOp op) {
  Block &body = op.getRegion().front();
  if (body.getOperations().size() != 3)
    return false;
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  auto add = yield.getOperand(0).getDefiningOp<arith::AddFOp>();
  if (!add)
    return false;
  Value acc = body.getArgument(2);
  Value prod = add.getLhs() == acc ? add.getRhs() : add.getLhs();
  if (add.getLhs() != acc && add.getRhs() != acc)
    return false;
  auto mul = prod.getDefiningOp<arith::MulFOp>();
  if (!mul)
    return false;
  Value in0 = body.getArgument(0), in1 = body.getArgument(1);
  return (mul.getLhs() == in0 && mul.getRhs() == in1) ||
         (mul.getLhs() == in1 && mul.getRhs() == in0);
}

/// Whether `map` reads dimension `dim` anywhere.
static bool usesDim(AffineMap map, unsigned dim) {
  return map.isFunctionOfDim(dim);
}

/// `map`'s last result is exactly dimension `dim`.
static bool lastResultIs(AffineMap map, unsigned dim) {
  auto expr = dyn_cast<AffineDimExpr>(map.getResults().back());
  return expr && expr.getPosition() == dim;
}

static std::optional<Contraction> matchContraction(linalg::GenericOp op,
                                                   int64_t vectorWidth) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || !isMulAddBody(op))
    return std::nullopt;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  SmallVector<unsigned> parallel;
  std::optional<unsigned> reduction;
  for (auto [i, it] : llvm::enumerate(iterators)) {
    if (it == utils::IteratorType::parallel)
      parallel.push_back(i);
    else if (reduction)
      return std::nullopt; // one reduction dimension only
    else
      reduction = i;
  }
  if (!reduction || parallel.size() < 2)
    return std::nullopt;

  Contraction c;
  c.op = op;
  c.a = op.getDpsInputOperand(0)->get();
  c.b = op.getDpsInputOperand(1)->get();
  c.c = op.getDpsInitOperand(0)->get();
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  c.aMap = maps[0];
  c.bMap = maps[1];
  c.cMap = maps[2];
  c.kDim = *reduction;
  c.nDim = parallel.back();
  c.mDim = parallel[parallel.size() - 2];
  c.batchDims.assign(parallel.begin(), parallel.end() - 2);
  if (op.hasDynamicShape())
    return std::nullopt;
  c.loopSizes = op.getStaticLoopRanges();
  if (llvm::any_of(c.loopSizes, ShapedType::isDynamic))
    return std::nullopt;

  // C is indexed by the parallel dimensions, in order.
  if (c.cMap.getNumResults() != parallel.size())
    return std::nullopt;
  for (auto [i, dim] : llvm::enumerate(parallel)) {
    auto expr = dyn_cast<AffineDimExpr>(c.cMap.getResult(i));
    if (!expr || expr.getPosition() != dim)
      return std::nullopt;
  }
  // A reads m and k but not n; B reads n and k but not m. Swap the inputs
  // when the generic lists them the other way round.
  auto fits = [&](AffineMap aMap, AffineMap bMap) {
    return usesDim(aMap, c.mDim) && !usesDim(aMap, c.nDim) &&
           usesDim(bMap, c.nDim) && !usesDim(bMap, c.mDim) &&
           usesDim(aMap, c.kDim) && usesDim(bMap, c.kDim);
  };
  if (!fits(c.aMap, c.bMap)) {
    std::swap(c.a, c.b);
    std::swap(c.aMap, c.bMap);
    if (!fits(c.aMap, c.bMap))
      return std::nullopt;
  }
  // m, n and k must appear as plain dimensions (batch dimensions may be any
  // affine expression, as for grouped-query heads).
  for (AffineExpr expr :
       llvm::concat<const AffineExpr>(c.aMap.getResults(), c.bMap.getResults()))
    for (unsigned dim : {c.mDim, c.nDim, c.kDim})
      if (expr.isFunctionOfDim(dim) && !isa<AffineDimExpr>(expr))
        return std::nullopt;
  if (!hasUnitInnerStride(c.a) || !hasUnitInnerStride(c.b) ||
      !hasUnitInnerStride(c.c))
    return std::nullopt;
  Type elt = cast<MemRefType>(c.c.getType()).getElementType();
  if (!elt.isF32() && !elt.isF64())
    return std::nullopt;

  if (lastResultIs(c.aMap, c.kDim) && lastResultIs(c.bMap, c.kDim))
    c.kind = KernelKind::Dot;
  else if (lastResultIs(c.bMap, c.nDim))
    c.kind = KernelKind::Axpy;
  else
    return std::nullopt;
  // Too small to be worth a vector kernel.
  int64_t inner =
      c.kind == KernelKind::Dot ? c.loopSizes[c.kDim] : c.loopSizes[c.nDim];
  if (inner < vectorWidth / 2)
    return std::nullopt;
  return c;
}

/// How a column maximum combines an element x with the running maximum a.
enum class MaxKind {
  Maximum, // arith.maximumf
  Greater, // x > a ? x : a (arith.cmpf ogt and arith.select)
};

/// M[n] = max(M[n], max over m of C[m, n]), a linalg.generic reading C (of
/// an axpy contraction) right after the contraction computes it: the
/// kernel takes it into the epilogue of its tiles, while they are in
/// registers (the block maximum of tiled attention's scores).
struct ColumnMax {
  linalg::GenericOp op;
  Value max;
  MaxKind kind;
};

/// The combining op of a column-max body over (in = element, out =
/// running maximum), if that is all the body does.
static std::optional<MaxKind> maxKindOf(linalg::GenericOp op) {
  Block &body = op.getRegion().front();
  Value in = body.getArgument(0), out = body.getArgument(1);
  Value yielded = cast<linalg::YieldOp>(body.getTerminator()).getOperand(0);
  if (auto max = yielded.getDefiningOp<arith::MaximumFOp>()) {
    if (body.getOperations().size() == 2 &&
        ((max.getLhs() == in && max.getRhs() == out) ||
         (max.getLhs() == out && max.getRhs() == in)))
      return MaxKind::Maximum;
    return std::nullopt;
  }
  auto select = yielded.getDefiningOp<arith::SelectOp>();
  if (!select || body.getOperations().size() != 3 ||
      select.getTrueValue() != in || select.getFalseValue() != out)
    return std::nullopt;
  auto cmp = select.getCondition().getDefiningOp<arith::CmpFOp>();
  if (!cmp || cmp.getPredicate() != arith::CmpFPredicate::OGT ||
      cmp.getLhs() != in || cmp.getRhs() != out)
    return std::nullopt;
  return MaxKind::Greater;
}

namespace {
/// A fill on buffers: `out` set to `value` everywhere.
struct BufferFill {
  Value out, value;
};
} // namespace

/// `op` as a fill on buffers: a linalg.fill, or the linalg.generic it
/// generalizes to (one scalar input yielded at every point of its output).
static std::optional<BufferFill> matchBufferFill(Operation *op) {
  if (auto fill = dyn_cast<linalg::FillOp>(op)) {
    if (!fill.hasPureBufferSemantics())
      return std::nullopt;
    return BufferFill{fill.getOutputs()[0], fill.getInputs()[0]};
  }
  auto generic = dyn_cast<linalg::GenericOp>(op);
  if (!generic || !generic.hasPureBufferSemantics() ||
      generic.getNumDpsInputs() != 1 || generic.getNumDpsInits() != 1 ||
      generic.getNumParallelLoops() != generic.getNumLoops() ||
      !generic.getMatchingIndexingMap(generic.getDpsInitOperand(0))
           .isIdentity())
    return std::nullopt;
  Value scalar = generic.getDpsInputs()[0];
  Block &body = generic.getRegion().front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  if (isa<ShapedType>(scalar.getType()) || body.getOperations().size() != 1 ||
      yield.getValues()[0] != body.getArgument(0))
    return std::nullopt;
  return BufferFill{generic.getDpsInits()[0], scalar};
}

/// Whether `buffer` is allocated after `op` in op's block: memory nothing
/// before its allocation can alias.
static bool allocatedAfter(Value buffer, Operation *op) {
  auto alloc = buffer.getDefiningOp<memref::AllocOp>();
  return alloc && alloc->getBlock() == op->getBlock() &&
         op->isBeforeInBlock(alloc);
}

/// Whether `op` fills a buffer allocated after `after` in the same block.
static bool fillsFreshBuffer(Operation *op, Operation *after) {
  std::optional<BufferFill> fill = matchBufferFill(op);
  return fill && allocatedAfter(fill->out, after);
}

/// The column maximum of `c`'s C that follows it, with nothing in between
/// but ops that touch no memory, allocations and fills of fresh buffers
/// (its own initial -inf), or nullopt. C must be [m, n], without batch
/// dimensions, and the maximum's buffer fresh too.
static std::optional<ColumnMax> columnMaxAfter(const Contraction &c) {
  if (c.kind != KernelKind::Axpy || !c.batchDims.empty())
    return std::nullopt;
  for (Operation *next = c.op->getNextNode(); next;
       next = next->getNextNode()) {
    auto generic = dyn_cast<linalg::GenericOp>(next);
    if (generic && generic.hasPureBufferSemantics() &&
        generic.getNumDpsInputs() == 1 && generic.getNumDpsInits() == 1 &&
        generic.getDpsInputs()[0] == c.c) {
      MLIRContext *ctx = generic.getContext();
      SmallVector<AffineMap> maps = generic.getIndexingMapsArray();
      SmallVector<utils::IteratorType> iterators =
          generic.getIteratorTypesArray();
      Value max = generic.getDpsInits()[0];
      std::optional<MaxKind> kind = maxKindOf(generic);
      if (!kind || iterators.size() != 2 ||
          iterators[0] != utils::IteratorType::reduction ||
          iterators[1] != utils::IteratorType::parallel ||
          !maps[0].isIdentity() ||
          maps[1] != AffineMap::get(2, 0, getAffineDimExpr(1, ctx)) ||
          !allocatedAfter(max, c.op))
        return std::nullopt;
      return ColumnMax{generic, max, *kind};
    }
    if (isMemoryEffectFree(next) || isa<memref::AllocOp>(next) ||
        fillsFreshBuffer(next, c.op))
      continue;
    return std::nullopt;
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Code generation
//===----------------------------------------------------------------------===//

/// Whether B of a dot contraction can be transposed into panels of whole
/// vectors: n and k multiples of the (power of two) vector width.
static bool fitsPanels(const Contraction &c, int64_t vw) {
  return c.kind == KernelKind::Dot && llvm::isPowerOf2_64(vw) &&
         c.loopSizes[c.nDim] % vw == 0 && c.loopSizes[c.kDim] % vw == 0;
}

/// Tile and block sizes of the kernels (the pass options).
struct KernelShapes {
  int64_t dotRows, dotCols, dotBlockCols, axpyRows, axpyVectors;
  int64_t packMinRows, packDepth, packCols;
};

class KernelEmitter {
public:
  KernelEmitter(RewriterBase &rewriter, const Contraction &c,
                int64_t vectorWidth, const KernelShapes &shapes)
      : b(rewriter), loc(c.op->getLoc()), c(c), vw(vectorWidth),
        dotRows(shapes.dotRows), dotCols(shapes.dotCols),
        dotBlockCols(shapes.dotBlockCols), axpyRows(shapes.axpyRows),
        axpyVectors(shapes.axpyVectors) {
    elt = cast<MemRefType>(c.c.getType()).getElementType();
    vecType = VectorType::get({vw}, elt);
    int64_t m = c.loopSizes[c.mDim], n = c.loopSizes[c.nDim],
            k = c.loopSizes[c.kDim];
    packed =
        fitsPanels(c, vw) && shapes.packMinRows > 0 && m >= shapes.packMinRows;
    if (packed) {
      int64_t nr = axpyVectors * vw;
      packDepth = std::min(std::max(shapes.packDepth / vw, int64_t(1)) * vw, k);
      packCols = std::max(shapes.packCols / nr, int64_t(1)) * nr;
      packCols = std::min<int64_t>(packCols, llvm::alignTo(n, nr));
    }
  }

  /// Emits the kernel; with `threads` > 1, one of its loops is an
  /// scf.parallel loop (see chooseParallelLoop).
  void emit(int64_t threads) {
    dims.assign(c.loopSizes.size(), Value());
    if (threads > 1)
      chooseParallelLoop(threads);
    emitBatch(0);
  }

  /// Packs B once before `loop` (in which B is read-only) instead of in
  /// each run of the contraction.
  void packBefore(Operation *loop) {
    hoistLoop = loop;
    prepacked = true;
    packed = false;
  }

  /// Whether the kernel computes each tile of C over the whole of k in one
  /// pass (not the packed kernel's blocks of k), so that it can start from
  /// zero instead of from C.
  bool coversKInOnePass() const {
    return !packed || packDepth >= c.loopSizes[c.kDim];
  }

  /// Whether the kernel is the plain axpy kernel (no packing).
  bool isAxpy() const {
    return c.kind == KernelKind::Axpy && !packed && !prepacked;
  }

  /// Computes `max` (see ColumnMax) in the epilogue of the axpy tiles: each
  /// tile folds its rows, in order, into max[n] for its columns.
  void fuseColumnMax(const ColumnMax &max) {
    assert(isAxpy() && "the column maximum needs the axpy kernel's tiles");
    columnMax = max.max;
    columnMaxKind = max.kind;
  }

  /// C is zero before the kernel (a fill the caller removes): tiles start
  /// from zero registers instead of loading C.
  void startFromZero() {
    assert(coversKInOnePass() && "the packed kernel's k blocks accumulate");
    fromZero = true;
  }

private:
  /// Creates (once) a constant at the start of the enclosing function, so
  /// that the kernels' loops share them.
  Value constant(TypedAttr value) {
    Value &cached = constants[value];
    if (!cached) {
      OpBuilder::InsertionGuard guard(b);
      Region *region = c.op->getParentRegion();
      while (!isa<FunctionOpInterface>(region->getParentOp()))
        region = region->getParentOp()->getParentRegion();
      b.setInsertionPointToStart(&region->front());
      cached = arith::ConstantOp::create(b, loc, value);
    }
    return cached;
  }

  Value cst(int64_t v) { return constant(b.getIndexAttr(v)); }

  Value zeroVector() {
    return constant(DenseElementsAttr::get(vecType, b.getZeroAttr(elt)));
  }

  /// A constant mask enabling the first `count` lanes.
  Value prefixMask(int64_t count) {
    SmallVector<bool> lanes(vw, false);
    for (int64_t i = 0; i < count; ++i)
      lanes[i] = true;
    auto type = VectorType::get({vw}, b.getI1Type());
    return constant(DenseElementsAttr::get(type, lanes));
  }

  /// Loops `body(iv)` from `lo` to `hi` by `step` (constants); an
  /// scf.parallel loop when `parallel`.
  void loop(int64_t lo, int64_t hi, int64_t step,
            function_ref<void(Value)> body, bool parallel = false) {
    if (lo >= hi)
      return;
    OpBuilder::InsertionGuard guard(b);
    if (parallel) {
      auto parOp =
          scf::ParallelOp::create(b, loc, ValueRange{cst(lo)},
                                  ValueRange{cst(hi)}, ValueRange{cst(step)});
      b.setInsertionPointToStart(parOp.getBody());
      body(parOp.getInductionVars()[0]);
      return;
    }
    auto forOp = scf::ForOp::create(b, loc, cst(lo), cst(hi), cst(step));
    b.setInsertionPointToStart(forOp.getBody());
    body(forOp.getInductionVar());
  }

  /// Which loop of the kernel runs in parallel.
  enum class ParallelLoop { None, Batch, Cols, Rows };

  /// Picks the outermost loop with at least `threads` iterations: a batch
  /// loop, else the column blocks (dot) or panels (axpy), else the row
  /// tiles. Every iteration of each writes a disjoint part of C.
  void chooseParallelLoop(int64_t threads) {
    for (unsigned level = 0; level < c.batchDims.size(); ++level) {
      if (c.loopSizes[c.batchDims[level]] >= threads) {
        parallelLoop = ParallelLoop::Batch;
        parallelBatchLevel = level;
        return;
      }
    }
    int64_t m = c.loopSizes[c.mDim], n = c.loopSizes[c.nDim];
    if (prepacked) {
      if (n / (axpyVectors * vw) >= threads)
        parallelLoop = ParallelLoop::Cols;
      return;
    }
    if (packed) {
      // Column blocks only: the threads pack their own blocks of B. Narrower
      // blocks when there are fewer than `threads` of them.
      int64_t nr = axpyVectors * vw;
      int64_t fullCols = n / nr * nr;
      int64_t perThread =
          llvm::alignTo(llvm::divideCeil(fullCols, threads), nr);
      packCols = std::min(packCols, std::max(nr, perThread));
      int64_t blocks = llvm::divideCeil(fullCols, packCols);
      if (blocks >= threads)
        parallelLoop = ParallelLoop::Cols;
      return;
    }
    int64_t colBlocks, rowTiles;
    if (c.kind == KernelKind::Dot) {
      colBlocks = n / dotColsPerBlock();
      rowTiles = m / dotRows;
    } else {
      colBlocks = n / (axpyVectors * vw);
      rowTiles = m / axpyRows;
    }
    if (colBlocks >= threads)
      parallelLoop = ParallelLoop::Cols;
    else if (rowTiles >= threads)
      parallelLoop = ParallelLoop::Rows;
  }

  int64_t dotColsPerBlock() const {
    return std::max<int64_t>(dotBlockCols / dotCols, 1) * dotCols;
  }

  /// Loops `body(iv)` over [lo, lo + count) by `step`.
  void loopFrom(Value lo, int64_t count, int64_t step,
                function_ref<void(Value)> body) {
    if (count <= 0)
      return;
    Value hi = arith::AddIOp::create(b, loc, lo, cst(count));
    auto forOp = scf::ForOp::create(b, loc, lo, hi, cst(step));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(forOp.getBody());
    body(forOp.getInductionVar());
  }

  /// The indices of `map` with dimension values `dims`.
  SmallVector<Value> indices(AffineMap map) {
    SmallVector<Value> result;
    for (AffineExpr expr : map.getResults()) {
      if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
        result.push_back(dims[dim.getPosition()]);
        continue;
      }
      SmallVector<Value> operands;
      for (unsigned i = 0; i < map.getNumDims(); ++i)
        operands.push_back(dims[i] ? dims[i] : cst(0));
      result.push_back(affine::AffineApplyOp::create(
          b, loc, AffineMap::get(map.getNumDims(), 0, expr), operands));
    }
    return result;
  }

  Value offset(Value base, int64_t delta) {
    if (delta == 0)
      return base;
    return arith::AddIOp::create(b, loc, base, cst(delta));
  }

  void emitBatch(unsigned level) {
    if (level < c.batchDims.size()) {
      unsigned dim = c.batchDims[level];
      loop(
          0, c.loopSizes[dim], 1,
          [&](Value iv) {
            dims[dim] = iv;
            emitBatch(level + 1);
          },
          parallelLoop == ParallelLoop::Batch && level == parallelBatchLevel);
      return;
    }
    if (prepacked)
      emitPrepackedDot();
    else if (packed)
      emitPackedDot();
    else if (c.kind == KernelKind::Dot)
      emitDot();
    else
      emitAxpy();
  }

  //===------------------------------------------------------------------===//
  // Dot kernel: C[m, n] += sum_k A[m, k] * B[n, k]
  //===------------------------------------------------------------------===//

  /// Columns are taken in blocks of `dotBlockCols` rows of B, which stay
  /// in cache while every row tile of A passes over them.
  void emitDot() {
    int64_t m = c.loopSizes[c.mDim], n = c.loopSizes[c.nDim];
    int64_t mFull = m / dotRows * dotRows, nFull = n / dotCols * dotCols;
    int64_t block = dotColsPerBlock();
    int64_t blocksEnd = nFull / block * block;
    // Every row of C against the columns [j0, j0 + width), width a multiple
    // of dotCols (or the single-column tail when nr is 1).
    auto rowsAgainst = [&](Value j0, int64_t width, int64_t nr) {
      auto tiles = [&](int64_t mLo, int64_t mHi, int64_t mr, bool parallel) {
        loop(
            mLo, mHi, mr,
            [&](Value i) {
              loopFrom(j0, width, nr,
                       [&](Value j) { emitDotTile(i, mr, j, nr); });
            },
            parallel);
      };
      tiles(0, mFull, dotRows, parallelLoop == ParallelLoop::Rows);
      // The remaining rows as one shorter tile.
      tiles(mFull, m, m - mFull, false);
    };
    loop(
        0, blocksEnd, block, [&](Value jb) { rowsAgainst(jb, block, dotCols); },
        parallelLoop == ParallelLoop::Cols);
    if (blocksEnd < nFull)
      rowsAgainst(cst(blocksEnd), nFull - blocksEnd, dotCols);
    // The remaining columns as one narrower tile.
    if (nFull < n)
      rowsAgainst(cst(nFull), n - nFull, n - nFull);
  }

  void emitDotTile(Value i0, int64_t mr, Value j0, int64_t nr) {
    int64_t k = c.loopSizes[c.kDim];
    int64_t kFull = k / vw * vw;
    Value zero = zeroVector();
    SmallVector<Value> init(mr * nr, zero);

    // One k step of vector width `vw`; `mask` guards the tail.
    auto step = [&](Value kIv, ValueRange acc, Value mask) {
      dims[c.kDim] = kIv;
      SmallVector<Value> as, bs;
      for (int64_t r = 0; r < mr; ++r) {
        dims[c.mDim] = offset(i0, r);
        as.push_back(load(c.a, indices(c.aMap), mask, zero));
      }
      for (int64_t col = 0; col < nr; ++col) {
        dims[c.nDim] = offset(j0, col);
        bs.push_back(load(c.b, indices(c.bMap), mask, zero));
      }
      SmallVector<Value> next;
      for (int64_t r = 0; r < mr; ++r)
        for (int64_t col = 0; col < nr; ++col)
          next.push_back(
              vector::FMAOp::create(b, loc, as[r], bs[col], acc[r * nr + col]));
      return next;
    };

    SmallVector<Value> acc = init;
    if (kFull > 0) {
      auto kLoop = scf::ForOp::create(
          b, loc, cst(0), cst(kFull), cst(vw), init,
          [&](OpBuilder &, Location, Value kIv, ValueRange args) {
            scf::YieldOp::create(b, loc, step(kIv, args, nullptr));
          });
      acc = SmallVector<Value>(kLoop.getResults());
    }
    if (kFull < k) {
      Value mask = prefixMask(k - kFull);
      acc = step(cst(kFull), acc, mask);
    }

    // Horizontal sums, added to C.
    for (int64_t r = 0; r < mr; ++r) {
      dims[c.mDim] = offset(i0, r);
      for (int64_t col = 0; col < nr; ++col) {
        dims[c.nDim] = offset(j0, col);
        Value sum = vector::ReductionOp::create(
            b, loc, vector::CombiningKind::ADD, acc[r * nr + col],
            arith::FastMathFlags::reassoc);
        SmallVector<Value> cIdx = indices(c.cMap);
        if (!fromZero) {
          Value old = memref::LoadOp::create(b, loc, c.c, cIdx);
          sum = arith::AddFOp::create(b, loc, old, sum);
        }
        memref::StoreOp::create(b, loc, sum, c.c, cIdx);
      }
    }
  }

  //===------------------------------------------------------------------===//
  // Axpy kernel: C[m, n] += sum_k A[m, k] * B[k, n]
  //===------------------------------------------------------------------===//

  /// Column panels outermost: the panel of B (K x nv vectors) stays in cache
  /// while every row tile of A passes over it.
  void emitAxpy() {
    int64_t m = c.loopSizes[c.mDim], n = c.loopSizes[c.nDim];
    int64_t nBlock = axpyVectors * vw;
    int64_t mFull = m / axpyRows * axpyRows;
    int64_t nFull = n / nBlock * nBlock;
    int64_t nVecFull = n / vw * vw;
    // Every row of C against the panel at j0 of nv vectors (`tail` masks a
    // single partial vector).
    auto rowsAgainst = [&](Value j0, int64_t nv, int64_t tail) {
      loop(
          0, mFull, axpyRows,
          [&](Value i) { emitAxpyTile(i, axpyRows, j0, nv, tail); },
          parallelLoop == ParallelLoop::Rows);
      // The remaining rows as one shorter tile.
      if (mFull < m)
        emitAxpyTile(cst(mFull), m - mFull, j0, nv, tail);
    };
    loop(
        0, nFull, nBlock, [&](Value j) { rowsAgainst(j, axpyVectors, 0); },
        parallelLoop == ParallelLoop::Cols);
    // The whole vectors after the last full panel as one narrower panel,
    // then one masked vector.
    if (nVecFull > nFull)
      rowsAgainst(cst(nFull), (nVecFull - nFull) / vw, 0);
    if (nVecFull < n)
      rowsAgainst(cst(nVecFull), 1, n - nVecFull);
  }

  /// An mr x (nv * vw) tile at (i0, j0); `tail` > 0 masks a single partial
  /// vector of that many lanes.
  void emitAxpyTile(Value i0, int64_t mr, Value j0, int64_t nv, int64_t tail) {
    Value mask;
    if (tail > 0)
      mask = prefixMask(tail);
    Value zero = zeroVector();
    emitAxpyTileOver(i0, mr, j0, nv, mask, cst(0), cst(c.loopSizes[c.kDim]),
                     [&](Value kIv, int64_t v) {
                       dims[c.kDim] = kIv;
                       dims[c.nDim] = offset(j0, v * vw);
                       return load(c.b, indices(c.bMap), mask, zero);
                     });
  }

  /// The axpy tile at (i0, j0) over k in [k0, k0 + kCount): C's tile stays
  /// in registers; `loadB(kk, v)` gives vector v of B's row k0 + kk.
  void emitAxpyTileOver(Value i0, int64_t mr, Value j0, int64_t nv, Value mask,
                        Value k0, Value kCount,
                        function_ref<Value(Value, int64_t)> loadB) {
    Value zero = zeroVector();
    // Load the C tile (zero when C is known to be zero).
    dims[c.kDim] = cst(0);
    SmallVector<Value> init;
    for (int64_t r = 0; r < mr; ++r) {
      dims[c.mDim] = offset(i0, r);
      for (int64_t v = 0; v < nv; ++v) {
        dims[c.nDim] = offset(j0, v * vw);
        init.push_back(fromZero ? zero
                                : load(c.c, indices(c.cMap), mask, zero));
      }
    }
    auto kLoop = scf::ForOp::create(
        b, loc, cst(0), kCount, cst(1), init,
        [&](OpBuilder &, Location, Value kk, ValueRange acc) {
          SmallVector<Value> bs;
          for (int64_t v = 0; v < nv; ++v)
            bs.push_back(loadB(kk, v));
          dims[c.kDim] = arith::AddIOp::create(b, loc, k0, kk);
          SmallVector<Value> next;
          for (int64_t r = 0; r < mr; ++r) {
            dims[c.mDim] = offset(i0, r);
            Value scalar = memref::LoadOp::create(b, loc, c.a, indices(c.aMap));
            Value splat = vector::BroadcastOp::create(b, loc, vecType, scalar);
            for (int64_t v = 0; v < nv; ++v)
              next.push_back(
                  vector::FMAOp::create(b, loc, splat, bs[v], acc[r * nv + v]));
          }
          scf::YieldOp::create(b, loc, next);
        });
    for (int64_t r = 0; r < mr; ++r) {
      dims[c.mDim] = offset(i0, r);
      for (int64_t v = 0; v < nv; ++v) {
        dims[c.nDim] = offset(j0, v * vw);
        store(kLoop.getResult(r * nv + v), c.c, indices(c.cMap), mask);
      }
    }
    if (columnMax)
      foldColumnMax(kLoop.getResults(), mr, j0, nv, mask);
  }

  /// max[j0 + v * vw + lane] folds in rows 0..mr-1 of the tile `tile`, in
  /// order, as the column-max generic would.
  void foldColumnMax(ValueRange tile, int64_t mr, Value j0, int64_t nv,
                     Value mask) {
    for (int64_t v = 0; v < nv; ++v) {
      Value col = offset(j0, v * vw);
      Value acc = load(columnMax, col, mask, zeroVector());
      for (int64_t r = 0; r < mr; ++r) {
        Value x = tile[r * nv + v];
        if (columnMaxKind == MaxKind::Maximum) {
          acc = arith::MaximumFOp::create(b, loc, x, acc);
        } else {
          Value greater =
              arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, acc);
          acc = arith::SelectOp::create(b, loc, greater, x, acc);
        }
      }
      store(acc, columnMax, col, mask);
    }
  }

  //===------------------------------------------------------------------===//
  // Packed dot kernel: C[m, n] += sum_k A[m, k] * B[n, k], B transposed
  //===------------------------------------------------------------------===//

  /// B is copied, a block of `packCols` rows by `packDepth` k at a time,
  /// into panels of `axpyVectors` vectors of n per k (transposed with
  /// register shuffles), and the axpy kernel runs on the panels: no
  /// horizontal sums, and the panels are read contiguously. The packing
  /// costs one pass over B per call, which pays back when C has many rows.
  void emitPackedDot() {
    int64_t n = c.loopSizes[c.nDim];
    int64_t nr = axpyVectors * vw;
    int64_t fullCols = n / nr * nr;
    loop(
        0, fullCols, packCols,
        [&](Value jc) {
          Value width = arith::MinSIOp::create(
              b, loc, cst(packCols),
              arith::SubIOp::create(b, loc, cst(fullCols), jc));
          Value panels = arith::DivUIOp::create(b, loc, width, cst(nr));
          emitPackedBlock(jc, panels, axpyVectors);
        },
        parallelLoop == ParallelLoop::Cols);
    // The last columns, fewer than a panel.
    if (fullCols < n)
      emitPackedBlock(cst(fullCols), cst(1), (n - fullCols) / vw);
  }

  /// The columns [jc, jc + panels * nv * vw) of C, all rows, over all k.
  void emitPackedBlock(Value jc, Value panels, int64_t nv) {
    int64_t m = c.loopSizes[c.mDim], k = c.loopSizes[c.kDim];
    int64_t nr = axpyVectors * vw;
    int64_t mr = axpyRows, mFull = m / mr * mr;
    Value buffer = packBuffer();
    loop(0, k, packDepth, [&](Value pc) {
      Value depth = arith::MinSIOp::create(
          b, loc, cst(packDepth), arith::SubIOp::create(b, loc, cst(k), pc));
      loopTo(panels, [&](Value p) {
        Value col0 = arith::AddIOp::create(
            b, loc, jc, arith::MulIOp::create(b, loc, p, cst(nr)));
        packPanel(buffer, p, col0, nv, pc, depth);
      });
      // Every row tile against every panel; the row tile stays in cache.
      auto tiles = [&](Value i, int64_t rows) {
        loopTo(panels, [&](Value p) {
          Value col0 = arith::AddIOp::create(
              b, loc, jc, arith::MulIOp::create(b, loc, p, cst(nr)));
          emitPanelTile(buffer, p, i, rows, col0, nv, pc, depth);
        });
      };
      loop(0, mFull, mr, [&](Value i) { tiles(i, mr); });
      if (mFull < m)
        tiles(cst(mFull), m - mFull);
    });
  }

  /// Packs panel `p` of `buffer`: buffer[p, kk, v * vw + i] =
  /// B[col0 + v * vw + i, pc + kk] for kk < depth, v < nv, i < vw.
  void packPanel(Value buffer, Value p, Value col0, int64_t nv, Value pc,
                 Value depth) {
    loopStep(depth, vw, [&](Value kk) {
      dims[c.kDim] = arith::AddIOp::create(b, loc, pc, kk);
      for (int64_t v = 0; v < nv; ++v) {
        SmallVector<Value> rows;
        for (int64_t i = 0; i < vw; ++i) {
          dims[c.nDim] = offset(col0, v * vw + i);
          rows.push_back(load(c.b, indices(c.bMap), nullptr, nullptr));
        }
        transposeBlock(b, loc, rows);
        for (int64_t i = 0; i < vw; ++i)
          vector::StoreOp::create(b, loc, rows[i], buffer,
                                  ValueRange{p, offset(kk, i), cst(v * vw)});
      }
    });
  }

  /// The axpy tile of `rows` rows at (i, col0) over k in [pc, pc + depth),
  /// reading B from panel `p` of `buffer`.
  void emitPanelTile(Value buffer, Value p, Value i, int64_t rows, Value col0,
                     int64_t nv, Value pc, Value depth) {
    emitAxpyTileOver(
        i, rows, col0, nv, nullptr, pc, depth, [&](Value kk, int64_t v) {
          return vector::LoadOp::create(b, loc, vecType, buffer,
                                        ValueRange{p, kk, cst(v * vw)});
        });
  }

  //===------------------------------------------------------------------===//
  // Pre-packed dot kernel: B packed once before the loops it is invariant in
  //===------------------------------------------------------------------===//

  /// B is read-only in `hoistLoop`, which runs the contraction many times
  /// (an RNN's h W_hh^T per step): the whole of B is packed into panels
  /// once before that loop (into a buffer freed after it), and each run is
  /// the axpy kernel over the panels, every row tile of A against a panel
  /// while it is in cache.
  void emitPrepackedDot() {
    int64_t m = c.loopSizes[c.mDim], n = c.loopSizes[c.nDim],
            k = c.loopSizes[c.kDim];
    int64_t nr = axpyVectors * vw;
    int64_t fullPanels = n / nr, tailVectors = (n - fullPanels * nr) / vw;
    int64_t panels = fullPanels + (tailVectors > 0 ? 1 : 0);
    int64_t mr = axpyRows, mFull = m / mr * mr;

    // Pack before the loop.
    Value buffer;
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(hoistLoop);
      auto type = MemRefType::get({panels, k, nr}, elt);
      buffer = memref::AllocOp::create(b, loc, type, b.getI64IntegerAttr(64));
      // Index constants made here must dominate the loop's uses too: they
      // are created at the start of the function like every constant.
      loop(0, fullPanels, 1, [&](Value p) {
        packPanel(buffer, p, arith::MulIOp::create(b, loc, p, cst(nr)),
                  axpyVectors, cst(0), cst(k));
      });
      if (tailVectors > 0)
        packPanel(buffer, cst(fullPanels), cst(fullPanels * nr), tailVectors,
                  cst(0), cst(k));
      b.setInsertionPointAfter(hoistLoop);
      memref::DeallocOp::create(b, loc, buffer);
    }

    // Each run: panels outermost, so that a panel serves every row tile.
    auto rowsAgainst = [&](Value p, int64_t nv) {
      Value col0 = arith::MulIOp::create(b, loc, p, cst(nr));
      loop(0, mFull, mr, [&](Value i) {
        emitPanelTile(buffer, p, i, mr, col0, nv, cst(0), cst(k));
      });
      if (mFull < m)
        emitPanelTile(buffer, p, cst(mFull), m - mFull, col0, nv, cst(0),
                      cst(k));
    };
    loop(
        0, fullPanels, 1, [&](Value p) { rowsAgainst(p, axpyVectors); },
        parallelLoop == ParallelLoop::Cols);
    if (tailVectors > 0)
      rowsAgainst(cst(fullPanels), tailVectors);
  }

  /// The packing buffer of the current parallel body (one per thread) or of
  /// the function, created once at its start.
  Value packBuffer() {
    Block *block = b.getInsertionBlock();
    Operation *op = block->getParentOp();
    while (!isa<scf::ParallelOp, FunctionOpInterface>(op)) {
      block = op->getBlock();
      op = block->getParentOp();
    }
    if (isa<FunctionOpInterface>(op))
      block = &op->getRegion(0).front();
    Value &cached = packBuffers[block];
    if (!cached) {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(block);
      int64_t nr = axpyVectors * vw;
      auto type = MemRefType::get({packCols / nr, packDepth, nr}, elt);
      cached = memref::AllocaOp::create(b, loc, type, ValueRange(),
                                        b.getI64IntegerAttr(64));
    }
    return cached;
  }

  /// Loops `body(iv)` over [0, count) (a value).
  void loopTo(Value count, function_ref<void(Value)> body) {
    loopStep(count, 1, body);
  }

  void loopStep(Value count, int64_t step, function_ref<void(Value)> body) {
    auto forOp = scf::ForOp::create(b, loc, cst(0), count, cst(step));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(forOp.getBody());
    body(forOp.getInductionVar());
  }

  Value load(Value memref, ValueRange idx, Value mask, Value passthru) {
    if (mask)
      return vector::MaskedLoadOp::create(b, loc, vecType, memref, idx, mask,
                                          passthru);
    return vector::LoadOp::create(b, loc, vecType, memref, idx);
  }

  void store(Value value, Value memref, ValueRange idx, Value mask) {
    if (mask)
      vector::MaskedStoreOp::create(b, loc, memref, idx, mask, value);
    else
      vector::StoreOp::create(b, loc, value, memref, idx);
  }

  RewriterBase &b;
  Location loc;
  const Contraction &c;
  int64_t vw, dotRows, dotCols, dotBlockCols, axpyRows, axpyVectors;
  /// The pre-packed kernel and the loop B is packed before.
  bool prepacked = false;
  /// C is zero before the kernel (see startFromZero).
  bool fromZero = false;
  /// The fused column maximum's buffer (see fuseColumnMax), or null.
  Value columnMax;
  MaxKind columnMaxKind = MaxKind::Maximum;
  Operation *hoistLoop = nullptr;
  /// The packed kernel and its block sizes.
  bool packed = false;
  int64_t packDepth = 0, packCols = 0;
  llvm::DenseMap<Block *, Value> packBuffers;
  Type elt;
  VectorType vecType;
  ParallelLoop parallelLoop = ParallelLoop::None;
  unsigned parallelBatchLevel = 0;
  /// The current value of each loop dimension while emitting.
  SmallVector<Value> dims;
  /// Constants already created at the start of the function.
  llvm::DenseMap<Attribute, Value> constants;
};

/// Whether `op` sets every element of `out` to +0.0.
static bool isZeroFill(Operation *op, Value out) {
  std::optional<BufferFill> fill = matchBufferFill(op);
  FloatAttr value;
  return fill && fill->out == out &&
         matchPattern(fill->value, m_Constant(&value)) &&
         value.getValue().isPosZero();
}

/// The zero fill of exactly C that `op` follows, with nothing in between
/// that touches memory, or null.
static Operation *zeroFillBefore(linalg::GenericOp op, Value c) {
  for (Operation *prev = op->getPrevNode(); prev; prev = prev->getPrevNode()) {
    if (isZeroFill(prev, c))
      return prev;
    if (!isMemoryEffectFree(prev))
      return nullptr;
  }
  return nullptr;
}

/// Whether something in `loop` may write the buffer `value` views (or
/// free it): any user of one of its aliases inside the loop with a write
/// or free effect on it, or without known effects.
static bool mayBeWrittenIn(Value value, Operation *loop) {
  Value root = value;
  while (auto view = root.getDefiningOp<ViewLikeOpInterface>())
    root = view.getViewSource();
  SmallVector<Value> aliases = {root};
  while (!aliases.empty()) {
    Value alias = aliases.pop_back_val();
    for (OpOperand &use : alias.getUses()) {
      Operation *user = use.getOwner();
      if (auto view = dyn_cast<ViewLikeOpInterface>(user)) {
        if (view.getViewSource() == alias) {
          llvm::append_range(aliases, user->getResults());
          continue;
        }
      }
      if (!loop->isAncestor(user))
        continue;
      auto effects = dyn_cast<MemoryEffectOpInterface>(user);
      if (!effects)
        return true;
      SmallVector<MemoryEffects::EffectInstance> found;
      effects.getEffectsOnValue(alias, found);
      for (auto &effect : found)
        if (isa<MemoryEffects::Write, MemoryEffects::Free>(effect.getEffect()))
          return true;
    }
  }
  return false;
}

/// The outermost scf.for around `c` (through scf.for ops only) in which B is
/// defined outside and read-only, or null.
static Operation *invariantLoopOfB(const Contraction &c) {
  Operation *found = nullptr;
  Value b = c.b;
  for (Operation *parent = c.op->getParentOp();
       auto loop = dyn_cast_if_present<scf::ForOp>(parent);
       parent = parent->getParentOp()) {
    if (loop.getRegion().isAncestor(b.getParentRegion()) ||
        mayBeWrittenIn(b, loop))
      break;
    found = loop;
  }
  return found;
}

struct S2SLowerContractionsPass
    : s2s::impl::S2SLowerContractionsPassBase<S2SLowerContractionsPass> {
  using S2SLowerContractionsPassBase::S2SLowerContractionsPassBase;

  void runOnOperation() override {
    SmallVector<Contraction> found;
    getOperation()->walk([&](linalg::GenericOp op) {
      int64_t width = vectorBits / 32;
      if (auto c = matchContraction(op, width))
        found.push_back(*c);
    });
    IRRewriter rewriter(&getContext());
    // Transposing copies (weights rearranged before a loop, layout
    // changes) as register-transposed blocks.
    SmallVector<TransposeCopy> copies;
    getOperation()->walk([&](linalg::GenericOp op) {
      if (auto t = matchTransposeCopy(op, vectorBits / 32))
        copies.push_back(*t);
    });
    for (TransposeCopy &t : copies) {
      rewriter.setInsertionPoint(t.op);
      emitTransposeCopy(rewriter, t, vectorBits / 32);
      rewriter.eraseOp(t.op);
    }
    for (Contraction &c : found) {
      Type elt = cast<MemRefType>(c.c.getType()).getElementType();
      int64_t width = vectorBits / elt.getIntOrFloatBitWidth();
      rewriter.setInsertionPoint(c.op);
      // Kernels inside a parallel loop already have their thread.
      int64_t flops = 2;
      for (int64_t size : c.loopSizes)
        flops *= size;
      bool nested = c.op->getParentOfType<scf::ParallelOp>() ||
                    c.op->getParentOfType<scf::ForallOp>();
      int64_t kernelThreads =
          nested || flops < parallelMinFlops ? 1 : threads.getValue();
      KernelShapes shapes{dotRows,     dotCols,     dotBlockCols, axpyRows,
                          axpyVectors, packMinRows, packDepth,    packCols};
      KernelEmitter emitter(rewriter, c, width, shapes);
      // B invariant in an enclosing loop: packed once, before it.
      if (fitsPanels(c, width) && c.batchDims.empty() && packMinRows > 0 &&
          c.loopSizes[c.mDim] >= prepackMinRows)
        if (Operation *loop = invariantLoopOfB(c))
          emitter.packBefore(loop);
      // A zero fill of C just before: the kernel starts from zero instead.
      if (Operation *fill = zeroFillBefore(c.op, c.c))
        if (emitter.coversKInOnePass()) {
          rewriter.eraseOp(fill);
          emitter.startFromZero();
        }
      // A column maximum of C right after: in the tiles' epilogue. The
      // kernel goes where the maximum was (after its buffer's fill; nothing
      // in between touches A, B or C).
      std::optional<ColumnMax> max;
      if (emitter.isAxpy() && kernelThreads == 1)
        max = columnMaxAfter(c);
      if (max) {
        emitter.fuseColumnMax(*max);
        rewriter.setInsertionPoint(max->op);
      }
      emitter.emit(kernelThreads);
      if (max)
        rewriter.eraseOp(max->op);
      rewriter.eraseOp(c.op);
    }
  }
};

} // namespace
