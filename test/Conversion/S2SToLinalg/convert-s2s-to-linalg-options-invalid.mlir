// RUN: not s2s-opt %s --convert-s2s-to-linalg-tiled-attention="attention-block-q=0" 2>&1 | FileCheck %s --check-prefix=BLOCK-Q
// RUN: not s2s-opt %s --convert-s2s-to-linalg-tiled-attention="attention-block-k=0" 2>&1 | FileCheck %s --check-prefix=BLOCK-K
// RUN: not s2s-opt %s --convert-s2s-to-linalg-tiled-attention="attention-key-splits=0" 2>&1 | FileCheck %s --check-prefix=SPLITS
// RUN: not s2s-opt %s --convert-s2s-to-linalg-fused-rnn="rnn-block-units=-1" 2>&1 | FileCheck %s --check-prefix=UNITS
// RUN: not s2s-opt %s --convert-s2s-to-linalg-fused-rnn="rnn-block-rows=-2" 2>&1 | FileCheck %s --check-prefix=ROWS

/// Block sizes divide trip counts: the pass refuses sizes that would divide
/// by zero (a crash until it checked them), naming the option, its range and
/// the value, without dumping the module.
// BLOCK-Q: error: convert-s2s-to-linalg-tiled-attention: option 'attention-block-q' must be at least 1, but is 0
// BLOCK-Q-NOT: see current operation
// BLOCK-K: error: convert-s2s-to-linalg-tiled-attention: option 'attention-block-k' must be at least 1, but is 0
// SPLITS: error: convert-s2s-to-linalg-tiled-attention: option 'attention-key-splits' must be at least 1, but is 0
// UNITS: error: convert-s2s-to-linalg-fused-rnn: option 'rnn-block-units' must be at least 0, but is -1
// ROWS: error: convert-s2s-to-linalg-fused-rnn: option 'rnn-block-rows' must be at least 0, but is -2
func.func @sdpa(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>,
    %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %o = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>)
      -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}
