#!/usr/bin/env bash
# Compiles the Transformer encoder layer example in s2s-run's JIT, runs it on
# the bundled inputs (data/, from the golden case transformer_encoder_layer)
# and checks the output against PyTorch's within the case's tolerance.
#
#   examples/transformer/run.sh [S2S_RUN] [extra s2s-run options]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
s2s_run=${1:-s2s-run}
shift || true
data=$here/data
inputs=()
for name in x key_padding_mask self_attn_in_proj_weight \
            self_attn_in_proj_bias self_attn_out_proj_weight \
            self_attn_out_proj_bias linear1_weight linear1_bias \
            linear2_weight linear2_bias norm1_weight norm1_bias \
            norm2_weight norm2_bias; do
  inputs+=("--input=$data/$name.npy")
done
exec "$s2s_run" "$here/transformer_encoder_layer.mlir" "${inputs[@]}" \
  --expect="$data/y.npy" --rtol=2e-4 --atol=1e-4 --repeat=100 --quiet "$@"
