//===- KernelEmitter.h - builds the contraction kernels ---------*- C++ -*-===//
//
// The builder shared by the contraction kernels: one KernelEmitter emits one
// contraction's kernel in place of its linalg.generic. Its methods are
// defined by kernel family: the loops, constants and vector accesses every
// kernel uses in KernelEmitter.cpp, then DotKernel.cpp, AxpyKernel.cpp,
// PackedKernel.cpp and Epilogues.cpp. Private to lib/Codegen/CPU.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_LIB_CODEGEN_CPU_KERNELEMITTER_H
#define S2S_LIB_CODEGEN_CPU_KERNELEMITTER_H

#include "s2s/Codegen/CPU/Kernels.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseMap.h"

namespace mlir {
namespace s2s {
namespace cpu {

/// A memref whose innermost dimension has unit stride.
bool hasUnitInnerStride(Value v);

/// Whether something in `loop` may write the buffer `value` views (or free
/// it). Inputs of the entry points are never written and do not overlap
/// outputs (the s2s calling convention), so only views of the same root
/// count.
bool mayBeWrittenIn(Value value, Operation *loop);

/// The outermost loop around `op` (scf.for, or also scf.parallel with
/// `throughParallel`; through those only) outside which `value` is defined
/// and in which nothing writes it, or null.
Operation *findReadOnlyLoop(Operation *op, Value value,
                            bool throughParallel = true);

//===----------------------------------------------------------------------===//
// Epilogues
//===----------------------------------------------------------------------===//

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

/// The column maximum of `c`'s C that follows it, with nothing in between
/// but ops that touch no memory, allocations and fills of fresh buffers
/// (its own initial -inf), or nullopt. C must be [m, n], without batch
/// dimensions, and the maximum's buffer fresh too.
std::optional<ColumnMax> matchColumnMaxAfter(const Contraction &c);

/// The zero fill of exactly `c` that `op` follows, with nothing in between
/// that touches memory, or null.
Operation *matchZeroFillBefore(linalg::GenericOp op, Value c);

//===----------------------------------------------------------------------===//
// KernelEmitter
//===----------------------------------------------------------------------===//

class KernelEmitter {
public:
  /// With `bf16Dot` (the target has AVX512-BF16), a contraction of a
  /// rounded A and a bf16 B that fits runs on bf16 pairs (see fitsPairs).
  KernelEmitter(RewriterBase &rewriter, const Contraction &c,
                int64_t vectorWidth, const KernelShapes &shapes,
                ContractionKernel kernel, bool bf16Dot = false);

  /// Emits the kernel; with `threads` > 1, one of its loops is an
  /// scf.parallel loop (see chooseParallelLoop).
  void emit(int64_t threads);

  /// Packs B once before `loop` (in which B is read-only) instead of in
  /// each run of the contraction (the pre-packed kernel).
  void packBefore(Operation *loop) { hoistLoop = loop; }

  /// Whether the kernel computes each tile of C over the whole of k in one
  /// pass (not the packed kernel's blocks of k), so that it can start from
  /// zero instead of from C.
  bool coversKInOnePass() const {
    return kernel != ContractionKernel::Packed ||
           packDepth >= c.loopSizes[c.kDim];
  }

  /// Computes `max` (see ColumnMax) in the epilogue of the axpy tiles: each
  /// tile folds its rows, in order, into max[n] for its columns.
  void fuseColumnMax(const ColumnMax &max);

  /// C is zero before the kernel (a fill the caller removes): tiles start
  /// from zero registers instead of loading C.
  void startFromZero();

private:
  //===--- Building blocks (KernelEmitter.cpp) ----------------------------===//

  /// Creates (once) a constant at the start of the enclosing function, so
  /// that the kernels' loops share them.
  Value constant(TypedAttr value);
  Value cst(int64_t v) { return constant(b.getIndexAttr(v)); }
  Value zeroVector();
  /// A constant mask enabling the first `count` lanes.
  Value prefixMask(int64_t count);
  /// Loops `body(iv)` from `lo` to `hi` by `step` (constants); an
  /// scf.parallel loop when `parallel`.
  void loop(int64_t lo, int64_t hi, int64_t step,
            function_ref<void(Value)> body, bool parallel = false);
  /// Loops `body(iv)` over [lo, lo + count) by `step`.
  void loopFrom(Value lo, int64_t count, int64_t step,
                function_ref<void(Value)> body);
  /// Loops `body(iv)` over [0, count) (a value).
  void loopTo(Value count, function_ref<void(Value)> body);
  void loopStep(Value count, int64_t step, function_ref<void(Value)> body);
  /// The indices of `map` with dimension values `dims`.
  SmallVector<Value> indices(AffineMap map);
  Value offset(Value base, int64_t delta);
  /// A vector of `vw` elements of `memref` at `idx` (masked when `mask` is
  /// given), widened to the kernel's element type when `memref` holds a
  /// narrower one (bf16 weights; `passthru` is then narrowed too).
  Value load(Value memref, ValueRange idx, Value mask, Value passthru);
  /// One element, widened as by `load`.
  Value loadScalar(Value memref, ValueRange idx);
  /// `value`, loaded from `memref`, rounded to bf16 and back when the body
  /// rounds that operand (activations with bf16 products) and it has no
  /// rounded copy (B of the pre-packed kernel, rounded as it is packed).
  Value roundedIfNeeded(Value memref, Value value);
  void store(Value value, Value memref, ValueRange idx, Value mask);

  /// The size of loop `dim`: a constant, or a memref.dim of an operand
  /// indexed by it.
  Value loopSize(unsigned dim);
  /// Whether the number of rows m is dynamic.
  bool dynamicRows() const {
    return ShapedType::isDynamic(c.loopSizes[c.mDim]);
  }
  /// With a dynamic m: `tile(i, mr)` over the full tiles of `mr` rows (an
  /// scf.parallel loop when `parallel`), then one shorter tile of the rows
  /// after them, `tile(i, r)` with r in 1 .. mr-1 chosen at run time (an
  /// scf.index_switch over the kernels of each size).
  void forEachDynamicRowTile(int64_t mr,
                             function_ref<void(Value, int64_t)> tile,
                             bool parallel = false);

  /// Which loop of the kernel runs in parallel.
  enum class ParallelLoop { None, Batch, Cols, Rows };
  /// Picks the outermost loop with at least `threads` iterations: a batch
  /// loop, else the column blocks (dot) or panels (axpy), else the row
  /// tiles. Every iteration of each writes a disjoint part of C.
  void chooseParallelLoop(int64_t threads);
  int64_t dotColsPerBlock() const;
  /// The batch loops from `level` inwards around the kernel.
  void emitBatch(unsigned level);

  //===--- bf16 pairs (BF16Pairs.cpp) -------------------------------------===//
  /// Whether the kernel multiplies bf16 pairs with vdpbf16ps: the target
  /// has it, A is rounded and B is bf16 in the body, C is f32 with 16
  /// lanes, and k is static, a multiple of 32 and contiguous in A.
  static bool fitsPairs(const Contraction &c, int64_t vw);
  /// Rounds A (all rows, all k) into `aPairs`, two bf16 per i32, then
  /// emits `kernelBody`: before the outermost loop in which A is read-only
  /// (without batch loops), else at each run of the kernel.
  void emitPairsOfA(function_ref<void()> kernelBody);
  /// Without pairs: each rounded operand (the activations of bf16 products)
  /// rounded once into an f32 copy of its shape, which `body` then reads as
  /// any f32 operand: before the outermost loop in which the operand is
  /// read-only, else at each run. B of the pre-packed kernel stays rounded
  /// as it is packed.
  void emitRoundedCopies(function_ref<void()> body);
  /// A scratch buffer of `type`: on the stack at the start of scratchBlock()
  /// when `onStack` (static), else on the heap at the insertion point.
  Value allocScratch(MemRefType type, ValueRange dynamicSizes, bool onStack);
  /// Emits `body` at the insertion point, which is before `loop`, guarded
  /// by `loop` running at least once (its operands may be valid only then),
  /// or unguarded when `loop` is null.
  void emitIfLoopRuns(Operation *loop, function_ref<void()> body);
  /// Axpy kernel: when B (a [k, n] slice of the last two dimensions of a
  /// buffer, or the buffer itself) is read-only in an enclosing loop, that
  /// buffer's rows interleaved into pairs once before the loop (bPairs),
  /// so that the kernel loads pairs as they are. Leaves bPairs null when B
  /// does not fit.
  void interleaveBBefore();
  /// acc + the dot products of the bf16 pairs of `x` and `y` (vdpbf16ps).
  Value dotPairs(Value acc, Value x, Value y);
  /// Pair `kp` of A's row `row` broadcast to every lane, as bf16.
  Value broadcastPairOfA(Value row, Value kp);
  /// The mr x nv tile at (i0, j0) over the pairs [kp0, kp0 + pairCount)
  /// of k, `loadB(kk, v)` giving vector v of B's pair kp0 + kk as bf16.
  void emitPairTileOver(Value i0, int64_t mr, Value j0, int64_t nv, Value mask,
                        Value kp0, Value pairCount,
                        function_ref<Value(Value, int64_t)> loadB);
  /// The axpy kernel's tile on pairs (see interleaveBBefore).
  void emitAxpyPairTile(Value i0, int64_t mr, Value j0, int64_t nv, Value mask);
  /// The lanes of `even` and `odd` (rows k and k + 1 of B) alternated:
  /// vw pairs of bf16.
  Value interleaveRows(Value even, Value odd);

  //===--- Tiles (AxpyKernel.cpp) -----------------------------------------===//
  /// Loads the mr x nv tile of C at (i0, j0) (zeros from startFromZero),
  /// lets `update` compute the new tile, stores it and folds the column
  /// maximum.
  void emitTile(Value i0, int64_t mr, Value j0, int64_t nv, Value mask,
                function_ref<SmallVector<Value>(ValueRange)> update);

  //===--- Dot kernel (DotKernel.cpp) -------------------------------------===//
  void emitDot();
  void emitDotTile(Value i0, int64_t mr, Value j0, int64_t nr);

  //===--- Axpy kernel (AxpyKernel.cpp) -----------------------------------===//
  void emitAxpy();
  void emitAxpyTile(Value i0, int64_t mr, Value j0, int64_t nv, int64_t tail,
                    Value mask);
  void
  emitDynamicColumns(int64_t nBlock,
                     function_ref<void(Value, int64_t, Value)> rowsAgainst);
  void emitAxpyTileOver(Value i0, int64_t mr, Value j0, int64_t nv, Value mask,
                        Value k0, Value kCount,
                        function_ref<Value(Value, int64_t)> loadB);

  //===--- Packed kernels (PackedKernel.cpp) ------------------------------===//
  void emitPackedDot();
  void emitPackedBlock(Value jc, Value panels, int64_t nv);
  void packPanel(Value buffer, Value p, Value col0, int64_t nv, Value pc,
                 Value depth);
  void emitPanelTile(Value buffer, Value p, Value i, int64_t rows, Value col0,
                     int64_t nv, Value pc, Value depth);
  void emitPrepackedDot();
  Value packBuffer();
  /// The block whose start holds the scratch buffers of the current
  /// parallel body (one per thread) or of the function.
  Block *scratchBlock();

  //===--- Epilogues (Epilogues.cpp) --------------------------------------===//
  void foldColumnMax(ValueRange tile, int64_t mr, Value j0, int64_t nv,
                     Value mask);

  RewriterBase &b;
  Location loc;
  /// The contraction; its rounded operands are replaced by rounded copies
  /// while the kernel is emitted without pairs (emitRoundedCopies).
  Contraction c;
  int64_t vw, dotRows, dotCols, dotBlockCols, axpyRows, axpyVectors;
  ContractionKernel kernel;
  /// C is zero before the kernel (see startFromZero).
  bool fromZero = false;
  /// The fused column maximum's buffer (see fuseColumnMax), or null.
  Value columnMax;
  MaxKind columnMaxKind = MaxKind::Maximum;
  /// The loop B is packed before (the pre-packed kernel).
  Operation *hoistLoop = nullptr;
  /// The packed kernel's block sizes.
  int64_t packDepth = 0, packCols = 0;
  /// bf16 pairs (see fitsPairs): A's pairs as i32 [m, k / 2] during a run.
  bool pairs = false;
  Value aPairs;
  /// The axpy kernel's B interleaved (see interleaveBBefore): bPairs[lead..,
  /// q, 2n + s] = B's buffer[lead.., 2q + s, n], and B's leading indices.
  Value bPairs;
  SmallVector<Value> bPairsLead;
  VectorType pairType, pairBitsType;
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

} // namespace cpu
} // namespace s2s
} // namespace mlir

#endif // S2S_LIB_CODEGEN_CPU_KERNELEMITTER_H
