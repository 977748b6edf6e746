// RUN: s2s-opt %s --s2s-cpu-copies-to-linalg -split-input-file -verify-diagnostics

/// linalg.copy cannot express a copy of unranked memrefs, and lowering it as
/// is would call the memrefCopy runtime function: the pass reports it rather
/// than dropping or keeping it silently.
func.func @unranked_copy(%src: memref<*xf32>, %dst: memref<*xf32>) {
  // expected-error @+1 {{'memref.copy' op copies an unranked memref, which s2s cannot lower without the memrefCopy runtime function}}
  memref.copy %src, %dst : memref<*xf32> to memref<*xf32>
  return
}
