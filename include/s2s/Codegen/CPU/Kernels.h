//===- Kernels.h - register-blocked CPU kernels -----------------*- C++ -*-===//
//
// The memref-level code generation of s2s: contractions and transposing
// copies, after bufferization, rewritten into register-blocked loop nests
// of vector operations shaped for a CPUTarget. Each kernel family is a
// function on RewriterBase that matches its op, emits the kernel in place
// of it and erases it, or fails without touching the IR:
//
//  * the dot kernel (DotKernel.cpp): C[m, n] += sum_k A[m, k] * B[n, k], k
//    contiguous in A and B; MR x NR tiles of vector accumulators, reduced
//    horizontally at the end;
//  * the axpy kernel (AxpyKernel.cpp): C[m, n] += sum_k A[m, k] * B[k, n],
//    n contiguous in B and C; an MR x (NV * VW) tile of C in registers while
//    k advances, broadcasting A[m, k];
//  * the packed kernels (PackedKernel.cpp): a dot contraction whose B is
//    transposed into panels (per call, or once before a loop in which B is
//    read-only) for the axpy kernel;
//  * epilogues (Epilogues.cpp): a zero fill of C before the kernel becomes
//    tiles starting from zero; a column maximum of C after it is folded into
//    the tiles while they are in registers;
//  * transposing copies (TransposeCopy.cpp): a copy whose input and output
//    are contiguous along different loops, as blocks transposed in
//    registers.
//
// `lowerContraction` picks the kernel for a contraction as the
// s2s-cpu-lower-contractions pass does.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_CODEGEN_CPU_KERNELS_H
#define S2S_CODEGEN_CPU_KERNELS_H

#include "s2s/Codegen/CPU/Target.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

#include <optional>

namespace mlir {
namespace s2s {
namespace cpu {

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

/// Which operand the contiguous dimension of a contraction's B is: k (dot)
/// or n (axpy).
enum class KernelKind { Dot, Axpy };

/// A contraction C[batch, m, n] += A[.., m, .., k] * B[.., n, .., k] in the
/// loop space of its linalg.generic (on memrefs, f32 or f64). Sizes are
/// static, but for m (every kernel) and n and k (the axpy kernel), which
/// may be dynamic: `loopSizes` then holds ShapedType::kDynamic.
struct Contraction {
  linalg::GenericOp op;
  KernelKind kind;
  Value a, b, c;
  AffineMap aMap, bMap, cMap;
  /// Parallel loops before m and n; their maps may be any affine
  /// expression (a grouped-query head index h floordiv g).
  SmallVector<unsigned> batchDims;
  unsigned mDim, nDim, kDim;
  SmallVector<int64_t> loopSizes;
  /// Whether the body rounds A (B) to bf16 before multiplying (activations
  /// with bf16 products). An input stored as bf16 (weights) is widened.
  bool roundedA = false, roundedB = false;
};

/// Matches `op` as a contraction one of the kernels implements with
/// `vectorWidth` lanes, or nullopt.
std::optional<Contraction> matchContraction(linalg::GenericOp op,
                                            int64_t vectorWidth);

/// Whether B of a dot contraction can be transposed into panels of whole
/// vectors: n and k multiples of the (power of two) vector width.
bool fitsPanels(const Contraction &c, int64_t vectorWidth);

/// The outermost scf.for around `c` (through scf.for ops only) in which B is
/// defined outside and read-only, or null.
Operation *findInvariantLoopOfB(const Contraction &c);

/// Tile and block sizes of the kernels.
struct KernelShapes {
  /// Rows and columns of C per dot tile (dotRows * dotCols accumulators);
  /// 0: from the target's registers (resolvedFor).
  int64_t dotRows = 0, dotCols = 0;
  /// Columns of C per cache block of the dot kernel.
  int64_t dotBlockCols = 64;
  /// Rows and vectors of C per axpy tile; 0: from the target's registers.
  int64_t axpyRows = 0, axpyVectors = 0;
  /// Contractions with at least this many rows pack B (0: never).
  int64_t packMinRows = 64;
  /// Contractions in a loop that does not write B pack it once before the
  /// loop from this many rows.
  int64_t prepackMinRows = 1;
  /// k and n extents of a packed block of B.
  int64_t packDepth = 256, packCols = 256;

  /// These shapes with each 0 replaced by the tile that `target`'s vector
  /// registers hold without spilling: with 32 (AVX-512, NEON), dot 6 x 4
  /// (24 accumulators, 6 vectors of A, one of B) and axpy 6 rows x 4
  /// vectors (24 accumulators, 4 of B, one broadcast); with 16 (AVX2, SSE),
  /// dot 4 x 2 and axpy 6 x 2.
  KernelShapes resolvedFor(const CPUTarget &target) const;
};

/// How one contraction is computed.
struct KernelConfig {
  CPUTarget target;
  KernelShapes shapes;
  /// Threads of the kernel: above 1, one of its loops is an scf.parallel
  /// loop (the outermost with enough iterations).
  int64_t threads = 1;
};

/// The kernel a contraction was lowered to.
enum class ContractionKernel { Dot, Axpy, Packed, Prepacked };

/// Lowers the dot contraction `op` to the dot kernel.
FailureOr<ContractionKernel> lowerToDotKernel(RewriterBase &rewriter,
                                              linalg::GenericOp op,
                                              const KernelConfig &config);

/// Lowers the axpy contraction `op` to the axpy kernel, folding a column
/// maximum of C that follows it into the epilogue (with one thread).
FailureOr<ContractionKernel> lowerToAxpyKernel(RewriterBase &rewriter,
                                               linalg::GenericOp op,
                                               const KernelConfig &config);

/// Lowers the dot contraction `op`, whose B fits panels, to the packed
/// kernel: B transposed into panels a block at a time, per call.
FailureOr<ContractionKernel> lowerToPackedKernel(RewriterBase &rewriter,
                                                 linalg::GenericOp op,
                                                 const KernelConfig &config);

/// Lowers the dot contraction `op`, without batch loops, to the axpy kernel
/// over panels of B packed once before `loop`, an enclosing scf.for in which
/// B is defined outside and read-only (see findInvariantLoopOfB).
FailureOr<ContractionKernel> lowerToPrepackedKernel(RewriterBase &rewriter,
                                                    linalg::GenericOp op,
                                                    Operation *loop,
                                                    const KernelConfig &config);

/// Lowers the contraction `op` with the kernel its shape calls for: B packed
/// before an invariant loop, else per call when C has at least
/// `packMinRows` rows, else the dot or axpy kernel. Contractions of fewer
/// than `parallelMinFlops` FLOPs, or already in a parallel loop, run on one
/// thread.
FailureOr<ContractionKernel> lowerContraction(RewriterBase &rewriter,
                                              linalg::GenericOp op,
                                              const KernelConfig &config,
                                              int64_t parallelMinFlops);

//===----------------------------------------------------------------------===//
// Transposing copies
//===----------------------------------------------------------------------===//

/// Lowers `op`, a copy out[perm_o(i)] = f(in[perm_i(i)]) (f elementwise
/// arith on f32, as a scale) whose input and output are contiguous along
/// different loops, both multiples of the vector width, to loops around
/// vw x vw blocks transposed in registers.
LogicalResult lowerTransposingCopy(RewriterBase &rewriter, linalg::GenericOp op,
                                   const CPUTarget &target);

/// Transposes the square block whose rows are the vectors `rows` (as many
/// as lanes), in place, with two-input shuffles.
void transposeInRegisters(OpBuilder &b, Location loc,
                          SmallVectorImpl<Value> &rows);

} // namespace cpu
} // namespace s2s
} // namespace mlir

#endif // S2S_CODEGEN_CPU_KERNELS_H
