// RUN: s2s-opt %s --s2s-to-llvm='vector-bits=128 fma=false' | FileCheck %s --check-prefix=NOFMA
// RUN: s2s-opt %s --s2s-to-llvm='vector-bits=128 fma=true' | FileCheck %s --check-prefix=FMA

/// A target without fused multiply-add (fma=false, e.g. baseline x86-64):
/// the GEMM kernel and the polynomial exp of the softmax multiply and add;
/// no llvm.intr.fma is left to become calls of libm's fmaf. With FMA, the
/// kernel accumulates with it.
// NOFMA-NOT: llvm.intr.fma
// NOFMA:     llvm.fmul
// NOFMA-NOT: llvm.intr.fma
// FMA:       llvm.intr.fma
func.func @main(%q: tensor<2x4x8x16xf32>, %k: tensor<2x4x8x16xf32>,
                %v: tensor<2x4x8x16xf32>) -> tensor<2x4x8x16xf32> {
  %o = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>)
      -> tensor<2x4x8x16xf32>
  return %o : tensor<2x4x8x16xf32>
}
