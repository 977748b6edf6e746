//===- Target.h - the CPU the kernels are shaped for ------------*- C++ -*-===//
//
// What the CPU code generation needs to know of its target: the width of a
// vector register, how many there are, whether the target has fused
// multiply-add and a bf16 dot product. Every kernel takes its shape from here,
// not from the host it happens to be compiled on.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_CODEGEN_CPU_TARGET_H
#define S2S_CODEGEN_CPU_TARGET_H

#include "mlir/IR/Types.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace mlir {
namespace s2s {
namespace cpu {

/// The vector unit of a CPU target.
struct CPUTarget {
  /// Width of a vector register in bits (512 with AVX-512, 256 with AVX2,
  /// 128 with SSE or NEON).
  int64_t vectorBits = 512;
  /// Number of vector registers the register allocator can use.
  int64_t vectorRegisters = 32;
  /// Whether the target has fused multiply-add instructions.
  bool hasFMA = true;
  /// Whether the target has AVX512-BF16's dot product of bf16 pairs
  /// accumulated in f32 (vdpbf16ps) on 512-bit registers.
  bool hasBF16Dot = false;

  /// Lanes of a vector register of `elementType` (an int or float type).
  int64_t vectorWidth(Type elementType) const {
    return vectorBits / elementType.getIntOrFloatBitWidth();
  }

  /// Whether `vectorBits` is the register width of a vector unit the
  /// kernels support (128, 256 or 512).
  static bool isSupportedVectorBits(int64_t vectorBits) {
    return vectorBits == 128 || vectorBits == 256 || vectorBits == 512;
  }

  /// An x86-64 target with `vectorBits`-wide registers: 32 of them with
  /// AVX-512, 16 otherwise.
  static CPUTarget fromVectorBits(int64_t vectorBits);

  /// An x86-64 target with the features `hasFeature` says it has (LLVM's
  /// names: "avx512f", "avx", "fma", "avx512bf16"): 512-bit registers with
  /// AVX-512F, 256 with AVX, else SSE's 128.
  static CPUTarget
  fromX86Features(llvm::function_ref<bool(llvm::StringRef)> hasFeature);

  /// The CPU this process runs on.
  static CPUTarget host();
};

} // namespace cpu
} // namespace s2s
} // namespace mlir

#endif // S2S_CODEGEN_CPU_TARGET_H
