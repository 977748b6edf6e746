//===- Passes.h - s2s CPU code generation passes ----------------*- C++ -*-===//
//
// The passes of the CPU code generation stage, on memrefs after
// bufferization: contraction kernels, the scratch arena, copies, parallel
// elementwise loops and the OpenMP clean-ups.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_CODEGEN_CPU_PASSES_H
#define S2S_CODEGEN_CPU_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
namespace s2s {

#define GEN_PASS_DECL
#include "s2s/Codegen/CPU/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "s2s/Codegen/CPU/Passes.h.inc"

} // namespace s2s
} // namespace mlir

#endif // S2S_CODEGEN_CPU_PASSES_H
