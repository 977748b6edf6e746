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

CPUTarget CPUTarget::host() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  int64_t bits = 128;
  if (features.lookup("avx512f"))
    bits = 512;
  else if (features.lookup("avx2") || features.lookup("avx"))
    bits = 256;
  CPUTarget target = fromVectorBits(bits);
  target.hasFMA = features.lookup("fma");
  return target;
}
