#!/usr/bin/env bash
#===- import-onnx-node-tests.sh - copy ONNX backend node tests ------------===#
#
# Copies the ONNX backend node tests that s2s runs (model.onnx and
# test_data_set_*/{input,output}_*.pb) from Debian's libonnx-testdata into
# test/ONNX/node/<case>/ and writes one lit test per case, so that the test
# suite does not depend on the installed package. Rerun after changing the
# list; a case listed in UNSUPPORTED gets a test expecting the importer's
# "unsupported" diagnostic instead of a numeric comparison.
#
#   utils/import-onnx-node-tests.sh [DATA_DIR]
#
#===----------------------------------------------------------------------===#

set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${1:-/usr/share/libonnx-testdata/data/node}
DST=test/ONNX/node

PATTERNS=(
  'test_lstm_*' 'test_gru_*' 'test_rnn_*' 'test_simple_rnn_*'
  'test_softmax_*' 'test_layer_normalization_*' 'test_matmul_*' 'test_gemm_*'
  # Shape operands that are graph inputs: computed at run time.
  'test_reshape_*' 'test_split_*' 'test_constantofshape_*' 'test_expand_*'
  'test_range_float_type_positive_delta' 'test_range_int32_type_negative_delta'
  'test_slice*' 'test_unsqueeze_*' 'test_squeeze*'
  # Causal masks (torch.triu, torch.tril).
  'test_tril*' 'test_triu*'
)

# case -> the text the "unsupported" diagnostic must contain.
declare -A UNSUPPORTED=(
  # Axes decide which dimensions a slice changes, or the result's rank.
  [test_slice]="input 'axes' that is not a constant"
  [test_slice_default_steps]="input 'axes' that is not a constant"
  [test_slice_end_out_of_bounds]="input 'axes' that is not a constant"
  [test_slice_neg]="input 'axes' that is not a constant"
  [test_slice_neg_steps]="input 'axes' that is not a constant"
  [test_slice_negative_axes]="input 'axes' that is not a constant"
  [test_slice_start_out_of_bounds]="input 'axes' that is not a constant"
  [test_squeeze]="an axes input that is not a constant"
  [test_squeeze_negative_axes]="an axes input that is not a constant"
  [test_unsqueeze_axis_0]="an axes input that is not a constant"
  [test_unsqueeze_axis_1]="an axes input that is not a constant"
  [test_unsqueeze_axis_2]="an axes input that is not a constant"
  [test_unsqueeze_negative_axes]="an axes input that is not a constant"
  [test_unsqueeze_three_axes]="an axes input that is not a constant"
  [test_unsqueeze_two_axes]="an axes input that is not a constant"
  [test_unsqueeze_unsorted_axes]="an axes input that is not a constant"
)

for pattern in "${PATTERNS[@]}"; do
  for dir in "$SRC"/$pattern; do
    [ -f "$dir/model.onnx" ] || continue
    name=$(basename "$dir")
    out="$DST/$name"
    rm -rf "$out"
    mkdir -p "$out"
    cp "$dir/model.onnx" "$out/"
    for set in "$dir"/test_data_set_*; do
      cp -r "$set" "$out/"
    done
    {
      echo "# ONNX backend node test $name (from libonnx-testdata)."
      if [ -n "${UNSUPPORTED[$name]:-}" ]; then
        echo "# RUN: not s2s-run %S/model.onnx 2>&1 | FileCheck %s"
        echo "# CHECK: error: {{.*}}model.onnx: {{.*}}unsupported: ${UNSUPPORTED[$name]}"
      else
        for set in "$out"/test_data_set_*; do
          s=$(basename "$set")
          args=""
          for f in $(ls "$set" | grep '^input_' | sort -V); do
            args+=" --input=%S/$s/$f"
          done
          checks=()
          i=0
          for f in $(ls "$set" | grep '^output_' | sort -V); do
            args+=" --expect=%S/$s/$f"
            checks+=("# CHECK: result #$i: matches")
            i=$((i + 1))
          done
          echo "# RUN: s2s-run %S/model.onnx$args --rtol=1e-4 --atol=1e-5 --quiet | FileCheck %s"
          printf '%s\n' "${checks[@]}"
        done
      fi
    } > "$out/$name.test"
  done
done
echo "cases in $DST: $(ls "$DST" | wc -l)"
