//===- Target.cpp - the CPU the kernels are shaped for --------------------===//
//
// Describes CPU targets for the kernels: the host, from LLVM's view of its
// features, or a register width given by the user.
//
//===----------------------------------------------------------------------===//

#include "s2s/Codegen/CPU/Target.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/TargetParser/Host.h"

using namespace mlir;
using namespace mlir::s2s::cpu;

CPUTarget CPUTarget::fromVectorBits(int64_t vectorBits) {
  CPUTarget target;
  target.vectorBits = vectorBits;
  target.vectorRegisters = vectorBits >= 512 ? 32 : 16;
  return target;
}

CPUTarget CPUTarget::fromX86Features(
    llvm::function_ref<bool(llvm::StringRef)> hasFeature) {
  int64_t bits = 128;
  if (hasFeature("avx512f"))
    bits = 512;
  else if (hasFeature("avx"))
    bits = 256;
  CPUTarget target = fromVectorBits(bits);
  target.hasFMA = hasFeature("fma");
  target.hasBF16Dot = bits == 512 && hasFeature("avx512bf16");
  return target;
}

CPUTarget CPUTarget::host() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  return fromX86Features(
      [&](llvm::StringRef name) { return features.lookup(name); });
}
