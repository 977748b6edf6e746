#!/usr/bin/env bash
# Compiles the Seq2Seq example in s2s-run's JIT and decodes the bundled
# source sentences (data/, from the golden case seq2seq_bahdanau_greedy),
# checking the tokens against the golden ones exactly and timing the call.
#
#   examples/seq2seq/run.sh [S2S_RUN] [extra s2s-run options]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
s2s_run=${1:-s2s-run}
shift || true
data=$here/data
inputs=()
for name in src v src_emb_weight tgt_emb_weight enc_weight_ih_l0 \
            enc_weight_hh_l0 enc_bias_ih_l0 enc_bias_hh_l0 W_query_weight \
            W_keys_weight dec_weight_ih dec_weight_hh dec_bias_ih \
            dec_bias_hh out_weight out_bias; do
  inputs+=("--input=$data/$name.npy")
done
exec "$s2s_run" "$here/seq2seq_bahdanau.mlir" "${inputs[@]}" \
  --expect="$data/tokens.npy" --rtol=0 --atol=0 --repeat=100 "$@"
