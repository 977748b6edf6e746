//===- LowerContractions.cpp - contractions to CPU kernels ----------------===//
//
// Kernel selection and the s2s-cpu-lower-contractions pass. A contraction
// gets the pre-packed kernel when it runs in a loop that leaves B alone,
// the packed kernel when C has many rows, else the dot or axpy kernel its
// layout calls for; each kernel takes the epilogues next to it (a zero
// fill before, a column maximum after). The pass first lowers the
// transposing copies, then every contraction.
//
//===----------------------------------------------------------------------===//

#include "KernelEmitter.h"

#include "s2s/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SCPULOWERCONTRACTIONSPASS
#include "s2s/Codegen/CPU/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::cpu;

//===----------------------------------------------------------------------===//
// Kernel entry points
//===----------------------------------------------------------------------===//

/// Matches `op` as a contraction for `target`. Matching counts f32 lanes
/// whatever the element type (it only rules out contractions too small for
/// a vector kernel); the kernels use the lanes of C's element type.
static FailureOr<Contraction> matchFor(RewriterBase &rewriter,
                                       linalg::GenericOp op,
                                       const CPUTarget &target) {
  std::optional<Contraction> c =
      matchContraction(op, target.vectorWidth(rewriter.getF32Type()));
  if (!c)
    return rewriter.notifyMatchFailure(op, "not a contraction the kernels "
                                           "implement");
  return *c;
}

static int64_t vectorWidthOf(const Contraction &c, const CPUTarget &target) {
  return target.vectorWidth(cast<MemRefType>(c.c.getType()).getElementType());
}

/// Emits `kernel` for `c` in place of its generic (B packed before
/// `hoistLoop` for the pre-packed kernel), with the epilogues it can take.
static ContractionKernel emitKernel(RewriterBase &rewriter,
                                    const Contraction &c,
                                    ContractionKernel kernel,
                                    Operation *hoistLoop,
                                    const KernelConfig &config) {
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(c.op);
  // A kernel inside a parallel loop already has its thread.
  int64_t threads = config.threads;
  if (c.op->getParentOfType<scf::ParallelOp>() ||
      c.op->getParentOfType<scf::ForallOp>())
    threads = 1;
  KernelEmitter emitter(rewriter, c, vectorWidthOf(c, config.target),
                        config.shapes.resolvedFor(config.target), kernel,
                        config.target.hasBF16Dot);
  if (hoistLoop)
    emitter.packBefore(hoistLoop);
  // A zero fill of C just before: the kernel starts from zero instead.
  if (Operation *fill = matchZeroFillBefore(c.op, c.c))
    if (emitter.coversKInOnePass()) {
      rewriter.eraseOp(fill);
      emitter.startFromZero();
    }
  // A column maximum of C right after: in the tiles' epilogue. The kernel
  // goes where the maximum was (after its buffer's fill; nothing in between
  // touches A, B or C).
  std::optional<ColumnMax> max;
  if (kernel == ContractionKernel::Axpy && threads == 1)
    max = matchColumnMaxAfter(c);
  if (max) {
    emitter.fuseColumnMax(*max);
    rewriter.setInsertionPoint(max->op);
  }
  emitter.emit(threads);
  if (max)
    rewriter.eraseOp(max->op);
  rewriter.eraseOp(c.op);
  return kernel;
}

FailureOr<ContractionKernel>
mlir::s2s::cpu::lowerToDotKernel(RewriterBase &rewriter, linalg::GenericOp op,
                                 const KernelConfig &config) {
  FailureOr<Contraction> c = matchFor(rewriter, op, config.target);
  if (failed(c))
    return failure();
  if (c->kind != KernelKind::Dot)
    return rewriter.notifyMatchFailure(op, "k is not contiguous in A and B");
  return emitKernel(rewriter, *c, ContractionKernel::Dot, nullptr, config);
}

FailureOr<ContractionKernel>
mlir::s2s::cpu::lowerToAxpyKernel(RewriterBase &rewriter, linalg::GenericOp op,
                                  const KernelConfig &config) {
  FailureOr<Contraction> c = matchFor(rewriter, op, config.target);
  if (failed(c))
    return failure();
  if (c->kind != KernelKind::Axpy)
    return rewriter.notifyMatchFailure(op, "n is not contiguous in B");
  return emitKernel(rewriter, *c, ContractionKernel::Axpy, nullptr, config);
}

FailureOr<ContractionKernel> mlir::s2s::cpu::lowerToPackedKernel(
    RewriterBase &rewriter, linalg::GenericOp op, const KernelConfig &config) {
  FailureOr<Contraction> c = matchFor(rewriter, op, config.target);
  if (failed(c))
    return failure();
  if (!fitsPanels(*c, vectorWidthOf(*c, config.target)))
    return rewriter.notifyMatchFailure(
        op, "B does not fit panels of whole vectors");
  return emitKernel(rewriter, *c, ContractionKernel::Packed, nullptr, config);
}

FailureOr<ContractionKernel>
mlir::s2s::cpu::lowerToPrepackedKernel(RewriterBase &rewriter,
                                       linalg::GenericOp op, Operation *loop,
                                       const KernelConfig &config) {
  FailureOr<Contraction> c = matchFor(rewriter, op, config.target);
  if (failed(c))
    return failure();
  if (!fitsPanels(*c, vectorWidthOf(*c, config.target)) ||
      !c->batchDims.empty())
    return rewriter.notifyMatchFailure(
        op, "B does not fit panels of whole vectors, or there are batch "
            "loops");
  // `loop` must be one of the scf.for ops around the contraction in which
  // B is invariant: those from the contraction up to the outermost one.
  Operation *outermost = findInvariantLoopOfB(*c);
  bool invariant = false;
  for (Operation *parent = op->getParentOp(); outermost && parent;
       parent = parent->getParentOp()) {
    if (parent == loop) {
      invariant = true;
      break;
    }
    if (parent == outermost)
      break;
  }
  if (!invariant)
    return rewriter.notifyMatchFailure(
        op, "B is not defined outside the loop, or the loop may write it");
  return emitKernel(rewriter, *c, ContractionKernel::Prepacked, loop, config);
}

KernelShapes KernelShapes::resolvedFor(const CPUTarget &target) const {
  // Measured on AVX2 code (--mcpu=haswell, this machine): x W^T with W
  // 512x512, 4 and 16 rows, dot 6x4 / 4x2: 0.041 / 0.026 ms and 0.17 /
  // 0.10 ms (6x4 spills 62 times); 256 rows packed, axpy 6x4 / 6x2: 2.5-2.8
  // / 1.4 ms.
  bool many = target.vectorRegisters >= 32;
  KernelShapes resolved = *this;
  auto orDefault = [](int64_t &value, int64_t fallback) {
    if (value <= 0)
      value = fallback;
  };
  orDefault(resolved.dotRows, many ? 6 : 4);
  orDefault(resolved.dotCols, many ? 4 : 2);
  orDefault(resolved.axpyRows, 6);
  orDefault(resolved.axpyVectors, many ? 4 : 2);
  return resolved;
}

/// lowerContraction on the contraction `c`, already matched.
static FailureOr<ContractionKernel>
lowerMatchedContraction(RewriterBase &rewriter, const Contraction &c,
                        const KernelConfig &config, int64_t parallelMinFlops) {
  KernelConfig chosen = config;
  const KernelShapes &shapes = config.shapes;
  // A dynamic size (a batch, a sequence) is taken to be large: enough rows
  // to pack B and, with the other sizes, to use the threads.
  int64_t assumed = std::max<int64_t>(shapes.packMinRows, 64);
  auto sizeOf = [&](int64_t size) {
    return ShapedType::isDynamic(size) ? assumed : size;
  };
  int64_t m = sizeOf(c.loopSizes[c.mDim]);
  int64_t flops = 2;
  for (int64_t size : c.loopSizes)
    flops *= sizeOf(size);
  if (flops < parallelMinFlops)
    chosen.threads = 1;
  bool panels = fitsPanels(c, vectorWidthOf(c, config.target));
  // B invariant in an enclosing loop: packed once, before it.
  if (panels && c.batchDims.empty() && shapes.packMinRows > 0 &&
      m >= shapes.prepackMinRows)
    if (Operation *loop = findInvariantLoopOfB(c))
      return emitKernel(rewriter, c, ContractionKernel::Prepacked, loop,
                        chosen);
  if (panels && shapes.packMinRows > 0 && m >= shapes.packMinRows)
    return emitKernel(rewriter, c, ContractionKernel::Packed, nullptr, chosen);
  return emitKernel(rewriter, c,
                    c.kind == KernelKind::Dot ? ContractionKernel::Dot
                                              : ContractionKernel::Axpy,
                    nullptr, chosen);
}

FailureOr<ContractionKernel>
mlir::s2s::cpu::lowerContraction(RewriterBase &rewriter, linalg::GenericOp op,
                                 const KernelConfig &config,
                                 int64_t parallelMinFlops) {
  FailureOr<Contraction> c = matchFor(rewriter, op, config.target);
  if (failed(c))
    return failure();
  return lowerMatchedContraction(rewriter, *c, config, parallelMinFlops);
}

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

LogicalResult mlir::s2s::verifyS2SCPULowerContractionsOptions(
    const S2SCPULowerContractionsPassOptions &options,
    OptionErrorFn emitError) {
  if (!CPUTarget::isSupportedVectorBits(options.vectorBits)) {
    emitError("option 'vector-bits' must be 128, 256 or 512, but is " +
              Twine(options.vectorBits));
    return failure();
  }
  if (options.bf16Dot && options.vectorBits != 512) {
    emitError("option 'bf16-dot' needs vector-bits=512, but vector-bits is " +
              Twine(options.vectorBits));
    return failure();
  }
  return checkLowerBounds({{"vector-registers", options.vectorRegisters, 0},
                           {"dot-rows", options.dotRows, 0},
                           {"dot-cols", options.dotCols, 0},
                           {"dot-block-cols", options.dotBlockCols, 1},
                           {"axpy-rows", options.axpyRows, 0},
                           {"axpy-vectors", options.axpyVectors, 0},
                           {"pack-min-rows", options.packMinRows, 0},
                           {"prepack-min-rows", options.prepackMinRows, 0},
                           {"pack-depth", options.packDepth, 1},
                           {"pack-cols", options.packCols, 1},
                           {"threads", options.threads, 1},
                           {"parallel-min-flops", options.parallelMinFlops, 0}},
                          emitError);
}

namespace {
struct S2SCPULowerContractionsPass
    : s2s::impl::S2SCPULowerContractionsPassBase<S2SCPULowerContractionsPass> {
  using S2SCPULowerContractionsPassBase::S2SCPULowerContractionsPassBase;

  void runOnOperation() override {
    S2SCPULowerContractionsPassOptions options;
    options.vectorBits = vectorBits;
    options.vectorRegisters = vectorRegisters;
    options.bf16Dot = bf16Dot;
    options.dotRows = dotRows;
    options.dotCols = dotCols;
    options.dotBlockCols = dotBlockCols;
    options.axpyRows = axpyRows;
    options.axpyVectors = axpyVectors;
    options.packMinRows = packMinRows;
    options.prepackMinRows = prepackMinRows;
    options.packDepth = packDepth;
    options.packCols = packCols;
    options.threads = threads;
    options.parallelMinFlops = parallelMinFlops;
    if (failed(verifyS2SCPULowerContractionsOptions(
            options, [&](const Twine &message) {
              emitError(getOperation()->getLoc())
                  << getArgument() << ": " << message;
            })))
      return signalPassFailure();
    KernelConfig config;
    config.target = CPUTarget::fromVectorBits(options.vectorBits);
    if (options.vectorRegisters > 0)
      config.target.vectorRegisters = options.vectorRegisters;
    config.target.hasBF16Dot = options.bf16Dot;
    config.shapes = {
        options.dotRows,        options.dotCols,     options.dotBlockCols,
        options.axpyRows,       options.axpyVectors, options.packMinRows,
        options.prepackMinRows, options.packDepth,   options.packCols};
    config.threads = options.threads;

    // The contractions are found before anything changes: their kernels
    // erase the fills and maxima next to them, which are never
    // contractions themselves.
    int64_t matchWidth =
        config.target.vectorWidth(Float32Type::get(&getContext()));
    SmallVector<linalg::GenericOp> generics;
    SmallVector<Contraction> contractions;
    getOperation()->walk([&](linalg::GenericOp op) {
      generics.push_back(op);
      if (std::optional<Contraction> c = matchContraction(op, matchWidth))
        contractions.push_back(std::move(*c));
    });
    IRRewriter rewriter(&getContext());
    // Transposing copies (weights rearranged before a loop, layout
    // changes) as register-transposed blocks; then the contractions.
    for (linalg::GenericOp op : generics)
      (void)lowerTransposingCopy(rewriter, op, config.target);
    for (const Contraction &c : contractions)
      (void)lowerMatchedContraction(rewriter, c, config, parallelMinFlops);
  }
};
} // namespace
