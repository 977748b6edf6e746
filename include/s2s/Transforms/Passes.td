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

#endif // S2S_TRANSFORMS_PASSES_TD
