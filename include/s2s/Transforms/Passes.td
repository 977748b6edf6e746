//===- Passes.td - s2s passes outside the dialect ----------*- tablegen -*-===//

#ifndef S2S_TRANSFORMS_PASSES_TD
#define S2S_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def S2SPrepareEntryPointsPass
    : Pass<"s2s-prepare-entry-points", "::mlir::ModuleOp"> {
  let summary = "Give public functions the s2s calling convention";
  let description = [{
    Prepares every public `func.func` with a body to be called from outside
    the module (by `s2s-run`, or by C code linking an `s2s-compile` object):

    * tensor arguments are marked `bufferization.writable = false`, so that
      bufferization never writes into the caller's input buffers (which may
      be read-only constants) and allocates fresh destinations instead;
    * a tensor returned more than once is copied for each repeat, so that
      every result has a buffer of its own when results become
      caller-allocated out-parameters;
    * the function gets `llvm.emit_c_interface`, which makes the LLVM
      lowering emit `_mlir_ciface_<name>` taking pointers to memref
      descriptors.

    Together with `buffer-results-to-out-params` in the `s2s-to-llvm`
    pipeline this gives the C calling convention documented in
    docs/Tools/s2s-compile.md: inputs, then outputs, each as a pointer to a
    strided memref descriptor, the caller owning every buffer.

    Before:
    ```mlir
    func.func @main(%x: tensor<4xf32>) -> tensor<4xf32>
    ```
    After:
    ```mlir
    func.func @main(%x: tensor<4xf32> {bufferization.writable = false})
        -> tensor<4xf32> attributes {llvm.emit_c_interface}
    ```
  }];
  let dependentDialects = [
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def S2SCopiesToLinalgPass : Pass<"s2s-copies-to-linalg"> {
  let summary = "Rewrite memref.copy as linalg.copy";
  let description = [{
    The LLVM lowering turns a `memref.copy` between non-contiguous memrefs
    into a call to `memrefCopy` from MLIR's C runner utilities, a runtime
    library that compiled s2s code must not depend on. This pass rewrites
    every `memref.copy` as a `linalg.copy`, which lowers to loops like any
    other linalg op. A copy of unranked memrefs, which linalg cannot
    express, is reported as an error; the s2s pipeline never creates one.

    Before:
    ```mlir
    memref.copy %src, %dst : memref<4x8xf32, strided<[16, 1]>> to memref<4x8xf32>
    ```
    After:
    ```mlir
    linalg.copy ins(%src : memref<4x8xf32, strided<[16, 1]>>)
                outs(%dst : memref<4x8xf32>)
    ```
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def S2SDecomposeAggregatesPass : Pass<"s2s-decompose-aggregates"> {
  let summary = "Decompose linalg.softmax into linalg.generic ops";
  let description = [{
    Rewrites every linalg op implementing `AggregatedOpInterface`
    (`linalg.softmax`) into the ops it is made of: a max reduction, the
    shifted exponentials, a sum reduction and a division, each a
    `linalg.generic` (with `linalg.fill` initial values). The ONNX importer
    emits `linalg.softmax` so that graph passes can recognize attention; what
    is left of it must be decomposed before bufferization and loop lowering,
    which do not know the aggregate op. Nothing else is touched.

    Before:
    ```mlir
    %y = linalg.softmax dimension(1) ins(%x : tensor<2x5xf32>)
        outs(%init : tensor<2x5xf32>) -> tensor<2x5xf32>
    ```
    After (abridged):
    ```mlir
    %max = linalg.generic {... iterator_types = ["parallel", "reduction"]}
        ins(%x : tensor<2x5xf32>) outs(%minus_inf : tensor<2xf32>) {
          ... arith.maxnumf ...
        }
    %exp = linalg.generic {...} ins(%x, %max : ...) { ... math.exp ... }
    %sum = linalg.generic {... "reduction" ...} ins(%exp : ...) { ... arith.addf ... }
    %y = linalg.generic {...} ins(%exp, %sum : ...) { ... arith.divf ... }
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::math::MathDialect"];
}

def S2SLowerContractionsPass : Pass<"s2s-lower-contractions"> {
  let summary = "Register-blocked vector kernels for linalg contractions";
  let description = [{
    Rewrites every `linalg.generic` on memrefs that computes
    `C[batch.., m, n] += A[.., m, .., k] * B[.., n, .., k]` (one reduction
    dimension, a multiply-add body, static shapes, unit inner strides) into a
    loop nest of vector FMAs, choosing one of two kernels:

    * **dot**, when k is the innermost dimension of A and B (x W^T of
      `s2s.linear` and the RNN gates, q k^T of attention): a
      `dot-rows` x `dot-cols` tile of C accumulates in as many vector
      registers while k advances a vector at a time; the partial sums are
      reduced horizontally and added to C. No operand is copied.
    * **axpy**, when n is the innermost dimension of B and C (p v of
      attention, q W of Luong's general score): an `axpy-rows` x
      (`axpy-vectors` * lanes) tile of C stays in registers while each step
      broadcasts one element of A.

    Leading parallel dimensions (batch, heads) become loops around the
    kernel; their index maps may be any affine expression (grouped-query
    heads use `h floordiv group`). Remainders use one-row or one-column
    kernels and masked vector loads and stores. Contractions that do not
    fit (dynamic shapes, strided inner dimensions, several reductions) are
    left alone for the loop lowering.

    The horizontal sums reassociate the additions over k, so results differ
    from a sequential sum in the last bits, as any BLAS's do.

    Before:
    ```mlir
    linalg.generic {indexing_maps = [(i, j, k) -> (i, k), (i, j, k) -> (j, k),
                                     (i, j, k) -> (i, j)],
                    iterator_types = ["parallel", "parallel", "reduction"]}
        ins(%x, %w : memref<64x512xf32>, memref<256x512xf32>)
        outs(%y : memref<64x256xf32>) { mulf, addf }
    ```
    After: `scf.for` over 4-row and 4-column tiles, an inner `scf.for` over k
    carrying 16 `vector<16xf32>` accumulators updated by `vector.fma`, and
    `vector.reduction <add>` into `%y`.
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "int64_t", /*default=*/"512",
           "Width of the vector registers in bits">,
    Option<"dotRows", "dot-rows", "int64_t", /*default=*/"6",
           "Rows of C per dot-kernel tile">,
    Option<"dotCols", "dot-cols", "int64_t", /*default=*/"4",
           "Columns of C per dot-kernel tile">,
    Option<"dotBlockCols", "dot-block-cols", "int64_t", /*default=*/"64",
           "Columns of C per cache block of the dot kernel (rows of B "
           "kept in cache while all of A passes)">,
    Option<"axpyRows", "axpy-rows", "int64_t", /*default=*/"6",
           "Rows of C per axpy-kernel tile">,
    Option<"axpyVectors", "axpy-vectors", "int64_t", /*default=*/"4",
           "Vectors of C columns per axpy-kernel tile">,
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def S2SApproximateMathPass : Pass<"s2s-approximate-math"> {
  let summary = "Polynomial approximations of exp, tanh, log and erf";
  let description = [{
    Rewrites the `math` functions of the gates and the softmax (`math.exp`,
    `math.tanh`, `math.log`, `math.erf`, ...) on f32 into the
    polynomial and rational approximations of upstream MLIR, made of `arith`
    ops only. Unlike the libm calls they would otherwise become, these
    vectorize: LLVM turns the elementwise loops around them into vector code.
    The approximations are accurate to a few ulp in f32.

    Before:
    ```mlir
    %e = math.exp %x : f32
    ```
    After: a range reduction, a polynomial and an exponent reconstruction in
    `arith` ops (`arith.mulf`, `math.fma`, `arith.bitcast`, ...).
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
    "::mlir::vector::VectorDialect",
  ];
}

#endif // S2S_TRANSFORMS_PASSES_TD
