// RUN: s2s-opt %s --s2s-cpu-plan-buffers -split-input-file -verify-diagnostics

/// A buffer larger than any process can address (2^47 bytes) is refused at
/// compile time, at the location of the op it was made for, with its size.
func.func @too_large(%out: memref<4xf32>) {
  %cst = arith.constant 1.0 : f32
  // expected-error @below {{a buffer of type 'memref<100000000000000x4xf32>' needs 1600000000000000 bytes, more than a process can address (2^47 bytes); the sizes of the tensor this op computes are too large}}
  %a = memref.alloc() : memref<100000000000000x4xf32>
  linalg.fill ins(%cst : f32) outs(%a : memref<100000000000000x4xf32>)
  memref.dealloc %a : memref<100000000000000x4xf32>
  return
}

// -----

/// A size whose bytes do not fit in 64 bits.
func.func @overflow() {
  // expected-error @below {{a buffer of type 'memref<4611686018427387904x4xf32>' needs more than 2^63 bytes, more than a process can address (2^47 bytes)}}
  %a = memref.alloc() : memref<4611686018427387904x4xf32>
  memref.dealloc %a : memref<4611686018427387904x4xf32>
  return
}
