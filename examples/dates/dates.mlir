// The date translator (examples/dates/model.py), decoding to EOS.
//
// A GRU encoder over the embedded source characters, and a GRUCell decoder
// that attends over the encoder states with Bahdanau (additive) attention,
// trained by examples/dates/train.py to write dates given in words in ISO
// form ("the 4th of july two thousand four" -> "2004-07-04"). Two entry
// points decode a batch of sentences of different lengths:
//
//   @greedy       greedy decoding: argmax of the logits at every step
//   @beam_search  beam search of width 4 with a length penalty (alpha = 1)
//
// Both are scf.while loops that stop as soon as every sentence (every beam)
// has emitted EOS, or after max_len steps. A sentence whose decoding (every
// beam of which) has finished leaves the state the loop carries, so that
// it costs no further work. The semantics are those of
// greedy() and beam_search() in model.py, which the tests match token for
// token (test/Examples/dates.test).
//
// Sizes: source vocabulary 38 (PAD = 0), target vocabulary 14 (PAD = 0,
// BOS = 1, EOS = 2, the digits, '-'), embeddings E = 32, hidden H = 64,
// attention A = 32. The batch B and the source length T are dynamic.
//
// Arguments of both entry points, in order:
//    0 src               tensor<?x?xi64>   source character ids [T, B], PAD after the end
//    1 src_lens          tensor<?xi64>     source lengths [B], each in [1, T]
//    2 max_len           tensor<i64>       the most target tokens to produce
//                                          (at most 12, the capacity)
//    3 v                 tensor<32xf32>    attention score vector
//    4 src_emb_weight    tensor<38x32xf32> source embedding table
//    5 tgt_emb_weight    tensor<14x32xf32> target embedding table
//    6 enc_weight_ih_l0  tensor<192x32xf32>  encoder GRU W_ih (gates r, z, n)
//    7 enc_weight_hh_l0  tensor<192x64xf32>  encoder GRU W_hh
//    8 enc_bias_ih_l0    tensor<192xf32>
//    9 enc_bias_hh_l0    tensor<192xf32>
//   10 W_query_weight    tensor<32x64xf32> attention query projection
//   11 W_keys_weight     tensor<32x64xf32> attention key projection
//   12 dec_weight_ih     tensor<192x96xf32>  decoder GRUCell W_ih, input [emb; ctx]
//   13 dec_weight_hh     tensor<192x64xf32>
//   14 dec_bias_ih       tensor<192xf32>
//   15 dec_bias_hh       tensor<192xf32>
//   16 out_weight        tensor<14x128xf32>  output projection, input [h; ctx]
//   17 out_bias          tensor<14xf32>
// (the state_dict of model.py, '.' written '_', as weights/*.npy).
//
// The encoder and the decoder step are private functions called by both
// entry points; s2s-to-llvm inlines them.

//===----------------------------------------------------------------------===//
// Encoder
//===----------------------------------------------------------------------===//

// Runs the GRU over each sentence for its own length (seq_lens): the
// encoder states past a sentence's end are zero, and its final state is the
// one after its last character. Returns the initial decoder state h [B, H],
// the encoder states batch-major [B, T, H] (keys = values of the attention)
// and the attention mask [B, 1, T] (true = a real character).
func.func private @encode(%src: tensor<?x?xi64>, %src_lens: tensor<?xi64>,
                          %src_emb_weight: tensor<38x32xf32>,
                          %enc_weight_ih_l0: tensor<192x32xf32>,
                          %enc_weight_hh_l0: tensor<192x64xf32>,
                          %enc_bias_ih_l0: tensor<192xf32>,
                          %enc_bias_hh_l0: tensor<192xf32>)
    -> (tensor<?x64xf32>, tensor<?x?x64xf32>, tensor<?x1x?xi1>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %T = tensor.dim %src, %c0 : tensor<?x?xi64>
  %B = tensor.dim %src, %c1 : tensor<?x?xi64>

  %emb = s2s.embedding %src, %src_emb_weight
      : (tensor<?x?xi64>, tensor<38x32xf32>) -> tensor<?x?x32xf32>
  %w_ih = tensor.expand_shape %enc_weight_ih_l0 [[0, 1], [2]]
      output_shape [1, 192, 32] : tensor<192x32xf32> into tensor<1x192x32xf32>
  %w_hh = tensor.expand_shape %enc_weight_hh_l0 [[0, 1], [2]]
      output_shape [1, 192, 64] : tensor<192x64xf32> into tensor<1x192x64xf32>
  %b_ih = tensor.expand_shape %enc_bias_ih_l0 [[0, 1]]
      output_shape [1, 192] : tensor<192xf32> into tensor<1x192xf32>
  %b_hh = tensor.expand_shape %enc_bias_hh_l0 [[0, 1]]
      output_shape [1, 192] : tensor<192xf32> into tensor<1x192xf32>
  %enc_out, %h_n = s2s.gru %emb, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      seq_lens(%src_lens) hidden_size(64)
      : (tensor<?x?x32xf32>, tensor<1x192x32xf32>, tensor<1x192x64xf32>,
         tensor<1x192xf32>, tensor<1x192xf32>, tensor<?xi64>)
      -> (tensor<?x?x64xf32>, tensor<1x?x64xf32>)

  %enc_bt_init = tensor.empty(%B, %T) : tensor<?x?x64xf32>
  %enc_bt = linalg.transpose ins(%enc_out : tensor<?x?x64xf32>)
      outs(%enc_bt_init : tensor<?x?x64xf32>) permutation = [1, 0, 2]
  %h = tensor.collapse_shape %h_n [[0, 1], [2]]
      : tensor<1x?x64xf32> into tensor<?x64xf32>

  // mask[b, 0, t] = t < src_lens[b].
  %mask_init = tensor.empty(%B, %T) : tensor<?x1x?xi1>
  %mask = linalg.generic {
      indexing_maps = [affine_map<(b, o, t) -> (b)>,
                       affine_map<(b, o, t) -> (b, o, t)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%src_lens : tensor<?xi64>) outs(%mask_init : tensor<?x1x?xi1>) {
  ^bb0(%len: i64, %out: i1):
    %t = linalg.index 2 : index
    %t64 = arith.index_cast %t : index to i64
    %real = arith.cmpi slt, %t64, %len : i64
    linalg.yield %real : i1
  } -> tensor<?x1x?xi1>
  return %h, %enc_bt, %mask
      : tensor<?x64xf32>, tensor<?x?x64xf32>, tensor<?x1x?xi1>
}

//===----------------------------------------------------------------------===//
// Decoder step
//===----------------------------------------------------------------------===//

// One step for N rows (sentences, or beams): the previous tokens y [N] and
// states h [N, H] -> (logits [N, V], h' [N, H]).
//   ctx    = additive attention of h over enc_bt (masked)
//   h'     = GRUCell([tgt_emb(y); ctx], h)
//   logits = out([h'; ctx])
func.func private @decode_step(%y: tensor<?xi64>, %h: tensor<?x64xf32>,
                               %enc_bt: tensor<?x?x64xf32>,
                               %mask: tensor<?x1x?xi1>,
                               %v: tensor<32xf32>,
                               %tgt_emb_weight: tensor<14x32xf32>,
                               %W_query_weight: tensor<32x64xf32>,
                               %W_keys_weight: tensor<32x64xf32>,
                               %dec_weight_ih: tensor<192x96xf32>,
                               %dec_weight_hh: tensor<192x64xf32>,
                               %dec_bias_ih: tensor<192xf32>,
                               %dec_bias_hh: tensor<192xf32>,
                               %out_weight: tensor<14x128xf32>,
                               %out_bias: tensor<14xf32>)
    -> (tensor<?x14xf32>, tensor<?x64xf32>) {
  %c0 = arith.constant 0 : index
  %N = tensor.dim %h, %c0 : tensor<?x64xf32>
  %emb = s2s.embedding %y, %tgt_emb_weight
      : (tensor<?xi64>, tensor<14x32xf32>) -> tensor<?x32xf32>
  %query = tensor.expand_shape %h [[0, 1], [2]] output_shape [%N, 1, 64]
      : tensor<?x64xf32> into tensor<?x1x64xf32>
  %ctx3, %weights = s2s.attention additive %query, %enc_bt, %enc_bt
      w_query(%W_query_weight) w_keys(%W_keys_weight) v(%v) mask(%mask)
      : (tensor<?x1x64xf32>, tensor<?x?x64xf32>, tensor<?x?x64xf32>,
         tensor<32x64xf32>, tensor<32x64xf32>, tensor<32xf32>,
         tensor<?x1x?xi1>) -> (tensor<?x1x64xf32>, tensor<?x1x?xf32>)
  %ctx = tensor.collapse_shape %ctx3 [[0, 1], [2]]
      : tensor<?x1x64xf32> into tensor<?x64xf32>
  %dec_in = tensor.concat dim(1) %emb, %ctx
      : (tensor<?x32xf32>, tensor<?x64xf32>) -> tensor<?x96xf32>
  %h_next = s2s.gru_cell %dec_in, %h, %dec_weight_ih, %dec_weight_hh
      b_ih(%dec_bias_ih) b_hh(%dec_bias_hh)
      : (tensor<?x96xf32>, tensor<?x64xf32>, tensor<192x96xf32>,
         tensor<192x64xf32>, tensor<192xf32>, tensor<192xf32>)
      -> tensor<?x64xf32>
  %out_in = tensor.concat dim(1) %h_next, %ctx
      : (tensor<?x64xf32>, tensor<?x64xf32>) -> tensor<?x128xf32>
  %logits = s2s.linear %out_in, %out_weight, %out_bias
      : (tensor<?x128xf32>, tensor<14x128xf32>, tensor<14xf32>)
      -> tensor<?x14xf32>
  return %logits, %h_next : tensor<?x14xf32>, tensor<?x64xf32>
}

//===----------------------------------------------------------------------===//
// Greedy decoding
//===----------------------------------------------------------------------===//

// Returns the tokens [12, B] and the number of steps run, steps <=
// min(max_len, 12): row t < steps holds the tokens of step t (PAD after a
// sentence's EOS), the rows past steps hold PAD. (The caller allocates the
// results before the call, so their sizes may not depend on the data: 12
// is the capacity, max_len the budget of this call.)
func.func @greedy(%src: tensor<?x?xi64>, %src_lens: tensor<?xi64>,
                  %max_len_t: tensor<i64>,
                  %v: tensor<32xf32>,
                  %src_emb_weight: tensor<38x32xf32>,
                  %tgt_emb_weight: tensor<14x32xf32>,
                  %enc_weight_ih_l0: tensor<192x32xf32>,
                  %enc_weight_hh_l0: tensor<192x64xf32>,
                  %enc_bias_ih_l0: tensor<192xf32>,
                  %enc_bias_hh_l0: tensor<192xf32>,
                  %W_query_weight: tensor<32x64xf32>,
                  %W_keys_weight: tensor<32x64xf32>,
                  %dec_weight_ih: tensor<192x96xf32>,
                  %dec_weight_hh: tensor<192x64xf32>,
                  %dec_bias_ih: tensor<192xf32>,
                  %dec_bias_hh: tensor<192xf32>,
                  %out_weight: tensor<14x128xf32>,
                  %out_bias: tensor<14xf32>)
    -> (tensor<12x?xi64>, tensor<i64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %pad = arith.constant 0 : i64
  %bos = arith.constant 1 : i64
  %eos = arith.constant 2 : i64
  %B = tensor.dim %src, %c1 : tensor<?x?xi64>
  %max_len_i64 = tensor.extract %max_len_t[] : tensor<i64>
  %zero = arith.constant 0 : i64
  %capacity = arith.constant 12 : i64
  %max_len_nonneg = arith.maxsi %max_len_i64, %zero : i64
  %max_len_clamped = arith.minsi %max_len_nonneg, %capacity : i64
  %max_len = arith.index_cast %max_len_clamped : i64 to index
  %c12 = arith.constant 12 : index

  %h0, %enc_bt, %mask = func.call @encode(%src, %src_lens, %src_emb_weight,
      %enc_weight_ih_l0, %enc_weight_hh_l0, %enc_bias_ih_l0, %enc_bias_hh_l0)
      : (tensor<?x?xi64>, tensor<?xi64>, tensor<38x32xf32>,
         tensor<192x32xf32>, tensor<192x64xf32>, tensor<192xf32>,
         tensor<192xf32>)
      -> (tensor<?x64xf32>, tensor<?x?x64xf32>, tensor<?x1x?xi1>)

  %y_empty = tensor.empty(%B) : tensor<?xi64>
  %y0 = linalg.fill ins(%bos : i64) outs(%y_empty : tensor<?xi64>)
      -> tensor<?xi64>
  %rows0 = linalg.generic {
      indexing_maps = [affine_map<(b) -> (b)>], iterator_types = ["parallel"]}
      outs(%y_empty : tensor<?xi64>) {
  ^bb0(%unused: i64):
    %b = linalg.index 0 : index
    %b_i64 = arith.index_cast %b : index to i64
    linalg.yield %b_i64 : i64
  } -> tensor<?xi64>
  %tokens_empty = tensor.empty(%c12, %B) : tensor<?x?xi64>
  %tokens0 = linalg.fill ins(%pad : i64) outs(%tokens_empty : tensor<?x?xi64>)
      -> tensor<?x?xi64>

  // The loop carries the N sentences still decoding: `rows` says which
  // sentence each is, h and y are theirs. Each step selects their encoder
  // states and masks (the key projection of the attention is computed once,
  // before the loop, and selected the same way), and a sentence that emits
  // EOS leaves them, so that a finished sentence costs no further work. Its
  // column of `tokens` keeps PAD from then on.
  %loop:5 = scf.while (%step = %c0, %rows = %rows0, %h = %h0, %y = %y0,
                       %tokens = %tokens0)
      : (index, tensor<?xi64>, tensor<?x64xf32>, tensor<?xi64>,
         tensor<?x?xi64>)
     -> (index, tensor<?xi64>, tensor<?x64xf32>, tensor<?xi64>,
         tensor<?x?xi64>) {
    %n = tensor.dim %rows, %c0 : tensor<?xi64>
    %in_budget = arith.cmpi slt, %step, %max_len : index
    %some_left = arith.cmpi sgt, %n, %c0 : index
    %go = arith.andi %in_budget, %some_left : i1
    scf.condition(%go) %step, %rows, %h, %y, %tokens
        : index, tensor<?xi64>, tensor<?x64xf32>, tensor<?xi64>,
          tensor<?x?xi64>
  } do {
  ^bb0(%step: index, %rows: tensor<?xi64>, %h: tensor<?x64xf32>,
       %y: tensor<?xi64>, %tokens: tensor<?x?xi64>):
    %n = tensor.dim %rows, %c0 : tensor<?xi64>
    %enc_a = s2s.index_select %enc_bt, %rows dim(0)
        : (tensor<?x?x64xf32>, tensor<?xi64>) -> tensor<?x?x64xf32>
    %mask_a = s2s.index_select %mask, %rows dim(0)
        : (tensor<?x1x?xi1>, tensor<?xi64>) -> tensor<?x1x?xi1>
    %logits, %h_next = func.call @decode_step(%y, %h, %enc_a, %mask_a, %v,
        %tgt_emb_weight, %W_query_weight, %W_keys_weight, %dec_weight_ih,
        %dec_weight_hh, %dec_bias_ih, %dec_bias_hh, %out_weight, %out_bias)
        : (tensor<?xi64>, tensor<?x64xf32>, tensor<?x?x64xf32>,
           tensor<?x1x?xi1>, tensor<32xf32>, tensor<14x32xf32>,
           tensor<32x64xf32>, tensor<32x64xf32>, tensor<192x96xf32>,
           tensor<192x64xf32>, tensor<192xf32>, tensor<192xf32>,
           tensor<14x128xf32>, tensor<14xf32>)
        -> (tensor<?x14xf32>, tensor<?x64xf32>)
    %best = s2s.argmax %logits dim(1) : (tensor<?x14xf32>) -> tensor<?xi64>

    // Each token goes to its sentence's column; `keep` lists, in order, the
    // rows that did not emit EOS.
    %keep_init = tensor.empty(%n) : tensor<?xi64>
    %scan:3 = scf.for %i = %c0 to %n step %c1
        iter_args(%kept = %c0, %t = %tokens, %keep = %keep_init)
        -> (index, tensor<?x?xi64>, tensor<?xi64>) {
      %tok = tensor.extract %best[%i] : tensor<?xi64>
      %row = tensor.extract %rows[%i] : tensor<?xi64>
      %col = arith.index_cast %row : i64 to index
      %t_next = tensor.insert %tok into %t[%step, %col] : tensor<?x?xi64>
      %is_eos = arith.cmpi eq, %tok, %eos : i64
      %kept_next:2 = scf.if %is_eos -> (index, tensor<?xi64>) {
        scf.yield %kept, %keep : index, tensor<?xi64>
      } else {
        %i_i64 = arith.index_cast %i : index to i64
        %keep_next = tensor.insert %i_i64 into %keep[%kept] : tensor<?xi64>
        %count = arith.addi %kept, %c1 : index
        scf.yield %count, %keep_next : index, tensor<?xi64>
      }
      scf.yield %kept_next#0, %t_next, %kept_next#1
          : index, tensor<?x?xi64>, tensor<?xi64>
    }
    %keep = tensor.extract_slice %scan#2[0] [%scan#0] [1]
        : tensor<?xi64> to tensor<?xi64>
    %rows_next = s2s.index_select %rows, %keep dim(0)
        : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %h_kept = s2s.index_select %h_next, %keep dim(0)
        : (tensor<?x64xf32>, tensor<?xi64>) -> tensor<?x64xf32>
    %y_kept = s2s.index_select %best, %keep dim(0)
        : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %step_next = arith.addi %step, %c1 : index
    scf.yield %step_next, %rows_next, %h_kept, %y_kept, %scan#1
        : index, tensor<?xi64>, tensor<?x64xf32>, tensor<?xi64>,
          tensor<?x?xi64>
  }

  // Sized from the arguments, so that the result sizes (which the caller
  // asks for before the call) do not depend on the loop.
  %result = tensor.extract_slice %loop#4[0, 0] [12, %B] [1, 1]
      : tensor<?x?xi64> to tensor<12x?xi64>
  %steps_i64 = arith.index_cast %loop#0 : index to i64
  %steps = tensor.from_elements %steps_i64 : tensor<i64>
  return %result, %steps : tensor<12x?xi64>, tensor<i64>
}

//===----------------------------------------------------------------------===//
// Beam search
//===----------------------------------------------------------------------===//

// Each element of `x` [N] repeated for the K = 4 beams of its sentence:
// out[b*K + j] = x[b] (the sentence of each beam row).
func.func private @per_beam(%x: tensor<?xi64>) -> tensor<?xi64> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xi64>
  %init = tensor.empty(%n) : tensor<?x4xi64>
  %out2 = linalg.generic {
      indexing_maps = [affine_map<(b, j) -> (b)>,
                       affine_map<(b, j) -> (b, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<?xi64>) outs(%init : tensor<?x4xi64>) {
  ^bb0(%v: i64, %unused: i64):
    linalg.yield %v : i64
  } -> tensor<?x4xi64>
  %out = tensor.collapse_shape %out2 [[0, 1]]
      : tensor<?x4xi64> into tensor<?xi64>
  return %out : tensor<?xi64>
}

// The K beams of sentence `sent`, at position `from` of the sentences a beam
// search loop carries (their token histories [capacity, N*K] and scores
// [N, K]), written into the results (histories [capacity, B*K], scores
// [B, K]).
func.func private @write_beams(%results: tensor<?x?xi64>,
                               %result_scores: tensor<?x4xf32>,
                               %history: tensor<?x?xi64>,
                               %scores: tensor<?x4xf32>, %from: index,
                               %sent: index)
    -> (tensor<?x?xi64>, tensor<?x4xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %capacity = tensor.dim %history, %c0 : tensor<?x?xi64>
  %from_col = arith.muli %from, %c4 : index
  %to_col = arith.muli %sent, %c4 : index
  %beams = tensor.extract_slice %history[0, %from_col] [%capacity, 4] [1, 1]
      : tensor<?x?xi64> to tensor<?x4xi64>
  %results_next = tensor.insert_slice %beams into
      %results[0, %to_col] [%capacity, 4] [1, 1]
      : tensor<?x4xi64> into tensor<?x?xi64>
  %row = tensor.extract_slice %scores[%from, 0] [1, 4] [1, 1]
      : tensor<?x4xf32> to tensor<1x4xf32>
  %scores_next = tensor.insert_slice %row into
      %result_scores[%sent, 0] [1, 4] [1, 1]
      : tensor<1x4xf32> into tensor<?x4xf32>
  return %results_next, %scores_next : tensor<?x?xi64>, tensor<?x4xf32>
}

// After a beam search step over the N sentences `sents` (finished flags
// [N*K], histories [capacity, N*K], scores [N, K]): the sentences whose K
// beams have all finished go to the results (@write_beams). Returns how
// many sentences are kept, their positions among the N (in order), the
// rows of their beams (position * K + j), and the results.
func.func private @finished_sentences(%done: tensor<?xi1>,
                                      %sents: tensor<?xi64>,
                                      %history: tensor<?x?xi64>,
                                      %scores: tensor<?x4xf32>,
                                      %results: tensor<?x?xi64>,
                                      %result_scores: tensor<?x4xf32>)
    -> (index, tensor<?xi64>, tensor<?xi64>, tensor<?x?xi64>,
        tensor<?x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %k = arith.constant 4 : i64
  %true = arith.constant true
  %n = tensor.dim %sents, %c0 : tensor<?xi64>
  %done2 = tensor.expand_shape %done [[0, 1]] output_shape [%n, 4]
      : tensor<?xi1> into tensor<?x4xi1>
  %all_init = tensor.empty(%n) : tensor<?xi1>
  %all_fill = linalg.fill ins(%true : i1) outs(%all_init : tensor<?xi1>)
      -> tensor<?xi1>
  %finished = linalg.reduce ins(%done2 : tensor<?x4xi1>)
      outs(%all_fill : tensor<?xi1>) dimensions = [1]
    (%flag: i1, %acc: i1) {
      %both = arith.andi %flag, %acc : i1
      linalg.yield %both : i1
    }
  %keep_init = tensor.empty(%n) : tensor<?xi64>
  %scan:4 = scf.for %i = %c0 to %n step %c1
      iter_args(%kept = %c0, %res = %results, %res_scores = %result_scores,
                %keep = %keep_init)
      -> (index, tensor<?x?xi64>, tensor<?x4xf32>, tensor<?xi64>) {
    %is_finished = tensor.extract %finished[%i] : tensor<?xi1>
    %out:4 = scf.if %is_finished
        -> (index, tensor<?x?xi64>, tensor<?x4xf32>, tensor<?xi64>) {
      %sent = tensor.extract %sents[%i] : tensor<?xi64>
      %sent_idx = arith.index_cast %sent : i64 to index
      %res_next, %res_scores_next = func.call @write_beams(%res,
          %res_scores, %history, %scores, %i, %sent_idx)
          : (tensor<?x?xi64>, tensor<?x4xf32>, tensor<?x?xi64>,
             tensor<?x4xf32>, index, index)
          -> (tensor<?x?xi64>, tensor<?x4xf32>)
      scf.yield %kept, %res_next, %res_scores_next, %keep
          : index, tensor<?x?xi64>, tensor<?x4xf32>, tensor<?xi64>
    } else {
      %i_i64 = arith.index_cast %i : index to i64
      %keep_next = tensor.insert %i_i64 into %keep[%kept] : tensor<?xi64>
      %count = arith.addi %kept, %c1 : index
      scf.yield %count, %res, %res_scores, %keep_next
          : index, tensor<?x?xi64>, tensor<?x4xf32>, tensor<?xi64>
    }
    scf.yield %out#0, %out#1, %out#2, %out#3
        : index, tensor<?x?xi64>, tensor<?x4xf32>, tensor<?xi64>
  }
  %keep = tensor.extract_slice %scan#3[0] [%scan#0] [1]
      : tensor<?xi64> to tensor<?xi64>
  %rows_init = tensor.empty(%scan#0) : tensor<?x4xi64>
  %rows2 = linalg.generic {
      indexing_maps = [affine_map<(b, j) -> (b)>,
                       affine_map<(b, j) -> (b, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%keep : tensor<?xi64>) outs(%rows_init : tensor<?x4xi64>) {
  ^bb0(%b: i64, %out: i64):
    %j = linalg.index 1 : index
    %j64 = arith.index_cast %j : index to i64
    %base = arith.muli %b, %k : i64
    %row = arith.addi %base, %j64 : i64
    linalg.yield %row : i64
  } -> tensor<?x4xi64>
  %rows = tensor.collapse_shape %rows2 [[0, 1]]
      : tensor<?x4xi64> into tensor<?xi64>
  return %scan#0, %keep, %rows, %scan#1, %scan#2
      : index, tensor<?xi64>, tensor<?xi64>, tensor<?x?xi64>, tensor<?x4xf32>
}

// Beam search of width K = 4: the beams of the i-th of the N sentences
// still decoding are rows i*K + j of a batch of N*K rows. Returns
//   best   [12, B]     the tokens of each sentence's best hypothesis
//   beams  [12, B, K]  the tokens of every beam
//   scores [B, K]      the summed log-probabilities of the beams
//   steps  []          the number of steps run: rows past it hold PAD
// (12 rows, the capacity, as in @greedy).
// Each step scores every continuation of every beam (the beam's score plus
// the token's log-probability; a finished beam continues with PAD at no
// cost and nothing else), keeps the K best of each sentence (s2s.top_k:
// descending, equal scores by the lower index), and reorders the states,
// finished flags and token histories by the beam each came from
// (s2s.index_select). A sentence whose K beams have all finished leaves
// the batch (@finished_sentences). The best hypothesis maximizes
// score / length^alpha,
// length counting the tokens up to and including EOS (max_len without
// one), alpha = 1; equal values go to the lower beam.
func.func @beam_search(%src: tensor<?x?xi64>, %src_lens: tensor<?xi64>,
                       %max_len_t: tensor<i64>,
                       %v: tensor<32xf32>,
                       %src_emb_weight: tensor<38x32xf32>,
                       %tgt_emb_weight: tensor<14x32xf32>,
                       %enc_weight_ih_l0: tensor<192x32xf32>,
                       %enc_weight_hh_l0: tensor<192x64xf32>,
                       %enc_bias_ih_l0: tensor<192xf32>,
                       %enc_bias_hh_l0: tensor<192xf32>,
                       %W_query_weight: tensor<32x64xf32>,
                       %W_keys_weight: tensor<32x64xf32>,
                       %dec_weight_ih: tensor<192x96xf32>,
                       %dec_weight_hh: tensor<192x64xf32>,
                       %dec_bias_ih: tensor<192xf32>,
                       %dec_bias_hh: tensor<192xf32>,
                       %out_weight: tensor<14x128xf32>,
                       %out_bias: tensor<14xf32>)
    -> (tensor<12x?xi64>, tensor<12x?x4xi64>, tensor<?x4xf32>, tensor<i64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %k = arith.constant 4 : i64
  %vocab = arith.constant 14 : i64
  %pad = arith.constant 0 : i64
  %bos = arith.constant 1 : i64
  %eos = arith.constant 2 : i64
  %false = arith.constant false
  %zero = arith.constant 0.0 : f32
  %neg_inf = arith.constant 0xFF800000 : f32
  %alpha = arith.constant 1.0 : f32
  %B = tensor.dim %src, %c1 : tensor<?x?xi64>
  %R = arith.muli %B, %c4 : index
  %max_len_i64 = tensor.extract %max_len_t[] : tensor<i64>
  %zero_i64 = arith.constant 0 : i64
  %capacity = arith.constant 12 : i64
  %max_len_nonneg = arith.maxsi %max_len_i64, %zero_i64 : i64
  %max_len_clamped = arith.minsi %max_len_nonneg, %capacity : i64
  %max_len = arith.index_cast %max_len_clamped : i64 to index
  %c12 = arith.constant 12 : index

  %h_sent, %enc_sent, %mask_sent = func.call @encode(%src, %src_lens,
      %src_emb_weight, %enc_weight_ih_l0, %enc_weight_hh_l0, %enc_bias_ih_l0,
      %enc_bias_hh_l0)
      : (tensor<?x?xi64>, tensor<?xi64>, tensor<38x32xf32>,
         tensor<192x32xf32>, tensor<192x64xf32>, tensor<192xf32>,
         tensor<192xf32>)
      -> (tensor<?x64xf32>, tensor<?x?x64xf32>, tensor<?x1x?xi1>)

  %sents_init = tensor.empty(%B) : tensor<?xi64>
  %sents0 = linalg.generic {
      indexing_maps = [affine_map<(b) -> (b)>], iterator_types = ["parallel"]}
      outs(%sents_init : tensor<?xi64>) {
  ^bb0(%out: i64):
    %b = linalg.index 0 : index
    %b64 = arith.index_cast %b : index to i64
    linalg.yield %b64 : i64
  } -> tensor<?xi64>
  // Row r of the beams belongs to sentence r / K.
  %sentence = func.call @per_beam(%sents0) : (tensor<?xi64>) -> tensor<?xi64>
  %h0 = s2s.index_select %h_sent, %sentence dim(0)
      : (tensor<?x64xf32>, tensor<?xi64>) -> tensor<?x64xf32>

  // Beam 0 of each sentence starts at score 0, the others at -inf, so that
  // the first step continues beam 0 only.
  %scores_init = tensor.empty(%B) : tensor<?x4xf32>
  %scores0 = linalg.generic {
      indexing_maps = [affine_map<(b, j) -> (b, j)>],
      iterator_types = ["parallel", "parallel"]}
      outs(%scores_init : tensor<?x4xf32>) {
  ^bb0(%out: f32):
    %j = linalg.index 1 : index
    %first = arith.cmpi eq, %j, %c0 : index
    %s = arith.select %first, %zero, %neg_inf : f32
    linalg.yield %s : f32
  } -> tensor<?x4xf32>
  %y_empty = tensor.empty(%R) : tensor<?xi64>
  %y0 = linalg.fill ins(%bos : i64) outs(%y_empty : tensor<?xi64>)
      -> tensor<?xi64>
  %done_empty = tensor.empty(%R) : tensor<?xi1>
  %done0 = linalg.fill ins(%false : i1) outs(%done_empty : tensor<?xi1>)
      -> tensor<?xi1>
  %history_empty = tensor.empty(%c12, %R) : tensor<?x?xi64>
  %history0 = linalg.fill ins(%pad : i64)
      outs(%history_empty : tensor<?x?xi64>) -> tensor<?x?xi64>

  // The loop carries the N sentences whose beams are not all finished:
  // `sents` says which sentence each is, and h, y, the finished flags, the
  // scores and the token histories are those of their N*K beams. Each step selects the encoder states and
  // masks of their beams (the key projection of the attention is computed
  // once, before the loop, and selected the same way). When every beam of a
  // sentence has finished, its histories and scores go to the results and
  // it leaves the loop, so that it costs no further work: its beams would
  // only have continued with PAD at no cost, in the same order.
  %loop:9 = scf.while (%step = %c0, %sents = %sents0, %h = %h0, %y = %y0,
                       %done = %done0, %scores = %scores0,
                       %history = %history0, %results = %history0,
                       %result_scores = %scores0)
      : (index, tensor<?xi64>, tensor<?x64xf32>, tensor<?xi64>,
         tensor<?xi1>, tensor<?x4xf32>, tensor<?x?xi64>, tensor<?x?xi64>,
         tensor<?x4xf32>)
     -> (index, tensor<?xi64>, tensor<?x64xf32>, tensor<?xi64>,
         tensor<?xi1>, tensor<?x4xf32>, tensor<?x?xi64>, tensor<?x?xi64>,
         tensor<?x4xf32>) {
    %n = tensor.dim %sents, %c0 : tensor<?xi64>
    %in_budget = arith.cmpi slt, %step, %max_len : index
    %some_left = arith.cmpi sgt, %n, %c0 : index
    %go = arith.andi %in_budget, %some_left : i1
    scf.condition(%go) %step, %sents, %h, %y, %done, %scores, %history,
        %results, %result_scores
        : index, tensor<?xi64>, tensor<?x64xf32>, tensor<?xi64>,
          tensor<?xi1>, tensor<?x4xf32>, tensor<?x?xi64>, tensor<?x?xi64>,
          tensor<?x4xf32>
  } do {
  ^bb0(%step: index, %sents: tensor<?xi64>, %h: tensor<?x64xf32>,
       %y: tensor<?xi64>, %done: tensor<?xi1>, %scores: tensor<?x4xf32>,
       %history: tensor<?x?xi64>, %results: tensor<?x?xi64>,
       %result_scores: tensor<?x4xf32>):
    %n = tensor.dim %sents, %c0 : tensor<?xi64>
    %beam_sents = func.call @per_beam(%sents)
        : (tensor<?xi64>) -> tensor<?xi64>
    %enc_a = s2s.index_select %enc_sent, %beam_sents dim(0)
        : (tensor<?x?x64xf32>, tensor<?xi64>) -> tensor<?x?x64xf32>
    %mask_a = s2s.index_select %mask_sent, %beam_sents dim(0)
        : (tensor<?x1x?xi1>, tensor<?xi64>) -> tensor<?x1x?xi1>
    %logits, %h_next = func.call @decode_step(%y, %h, %enc_a, %mask_a, %v,
        %tgt_emb_weight, %W_query_weight, %W_keys_weight, %dec_weight_ih,
        %dec_weight_hh, %dec_bias_ih, %dec_bias_hh, %out_weight, %out_bias)
        : (tensor<?xi64>, tensor<?x64xf32>, tensor<?x?x64xf32>,
           tensor<?x1x?xi1>, tensor<32xf32>, tensor<14x32xf32>,
           tensor<32x64xf32>, tensor<32x64xf32>, tensor<192x96xf32>,
           tensor<192x64xf32>, tensor<192xf32>, tensor<192xf32>,
           tensor<14x128xf32>, tensor<14xf32>)
        -> (tensor<?x14xf32>, tensor<?x64xf32>)
    %logp = s2s.log_softmax %logits dim(1)
        : (tensor<?x14xf32>) -> tensor<?x14xf32>

    // cand[b, j, t] = scores[b, j] + logp[b*K + j, t]; a finished beam has
    // log-probability 0 for PAD and -inf for every other token.
    %logp3 = tensor.expand_shape %logp [[0, 1], [2]]
        output_shape [%n, 4, 14] : tensor<?x14xf32> into tensor<?x4x14xf32>
    %done2 = tensor.expand_shape %done [[0, 1]] output_shape [%n, 4]
        : tensor<?xi1> into tensor<?x4xi1>
    %cand_init = tensor.empty(%n) : tensor<?x4x14xf32>
    %cand3 = linalg.generic {
        indexing_maps = [affine_map<(b, j, t) -> (b, j, t)>,
                         affine_map<(b, j, t) -> (b, j)>,
                         affine_map<(b, j, t) -> (b, j)>,
                         affine_map<(b, j, t) -> (b, j, t)>],
        iterator_types = ["parallel", "parallel", "parallel"]}
        ins(%logp3, %scores, %done2
            : tensor<?x4x14xf32>, tensor<?x4xf32>, tensor<?x4xi1>)
        outs(%cand_init : tensor<?x4x14xf32>) {
    ^bb0(%lp: f32, %score: f32, %finished: i1, %out: f32):
      %t = linalg.index 2 : index
      %is_pad = arith.cmpi eq, %t, %c0 : index
      %pad_lp = arith.select %is_pad, %zero, %neg_inf : f32
      %token_lp = arith.select %finished, %pad_lp, %lp : f32
      %c = arith.addf %score, %token_lp : f32
      linalg.yield %c : f32
    } -> tensor<?x4x14xf32>
    %cand = tensor.collapse_shape %cand3 [[0], [1, 2]]
        : tensor<?x4x14xf32> into tensor<?x56xf32>
    %best, %flat = s2s.top_k %cand k(4) dim(1)
        : (tensor<?x56xf32>) -> (tensor<?x4xf32>, tensor<?x4xi64>)

    // The beam each new hypothesis extends (as a row) and its token.
    %rows_init = tensor.empty(%n) : tensor<?x4xi64>
    %tok_init = tensor.empty(%n) : tensor<?x4xi64>
    %split:2 = linalg.generic {
        indexing_maps = [affine_map<(b, j) -> (b, j)>,
                         affine_map<(b, j) -> (b, j)>,
                         affine_map<(b, j) -> (b, j)>],
        iterator_types = ["parallel", "parallel"]}
        ins(%flat : tensor<?x4xi64>)
        outs(%rows_init, %tok_init : tensor<?x4xi64>, tensor<?x4xi64>) {
    ^bb0(%f: i64, %o0: i64, %o1: i64):
      %b = linalg.index 0 : index
      %b64 = arith.index_cast %b : index to i64
      %origin = arith.divui %f, %vocab : i64
      %token = arith.remui %f, %vocab : i64
      %base = arith.muli %b64, %k : i64
      %row = arith.addi %base, %origin : i64
      linalg.yield %row, %token : i64, i64
    } -> (tensor<?x4xi64>, tensor<?x4xi64>)
    %rows = tensor.collapse_shape %split#0 [[0, 1]]
        : tensor<?x4xi64> into tensor<?xi64>
    %tokens = tensor.collapse_shape %split#1 [[0, 1]]
        : tensor<?x4xi64> into tensor<?xi64>

    %nk = arith.muli %n, %c4 : index
    %done_beams = s2s.index_select %done, %rows dim(0)
        : (tensor<?xi1>, tensor<?xi64>) -> tensor<?xi1>
    %history_beams = s2s.index_select %history, %rows dim(1)
        : (tensor<?x?xi64>, tensor<?xi64>) -> tensor<?x?xi64>
    %done_init = tensor.empty(%nk) : tensor<?xi1>
    %done_next = linalg.generic {
        indexing_maps = [affine_map<(r) -> (r)>, affine_map<(r) -> (r)>,
                         affine_map<(r) -> (r)>],
        iterator_types = ["parallel"]}
        ins(%done_beams, %tokens : tensor<?xi1>, tensor<?xi64>)
        outs(%done_init : tensor<?xi1>) {
    ^bb0(%was_done: i1, %token: i64, %out: i1):
      %is_eos = arith.cmpi eq, %token, %eos : i64
      %now_done = arith.ori %was_done, %is_eos : i1
      linalg.yield %now_done : i1
    } -> tensor<?xi1>
    %history_next = tensor.insert_slice %tokens into
        %history_beams[%step, 0] [1, %nk] [1, 1]
        : tensor<?xi64> into tensor<?x?xi64>

    // A sentence whose beams have all finished goes to the results; `keep`
    // lists, in order, the others, and `keep_rows` their beams (whose
    // states come from the rows before this step's reordering that they
    // extend).
    %kept_n, %keep, %keep_rows, %res_next, %res_scores_next =
        func.call @finished_sentences(%done_next, %sents, %history_next,
                                      %best, %results, %result_scores)
        : (tensor<?xi1>, tensor<?xi64>, tensor<?x?xi64>, tensor<?x4xf32>,
           tensor<?x?xi64>, tensor<?x4xf32>)
        -> (index, tensor<?xi64>, tensor<?xi64>, tensor<?x?xi64>,
            tensor<?x4xf32>)
    %from_rows = s2s.index_select %rows, %keep_rows dim(0)
        : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %h_kept = s2s.index_select %h_next, %from_rows dim(0)
        : (tensor<?x64xf32>, tensor<?xi64>) -> tensor<?x64xf32>
    %y_kept = s2s.index_select %tokens, %keep_rows dim(0)
        : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %done_kept = s2s.index_select %done_next, %keep_rows dim(0)
        : (tensor<?xi1>, tensor<?xi64>) -> tensor<?xi1>
    %scores_kept = s2s.index_select %best, %keep dim(0)
        : (tensor<?x4xf32>, tensor<?xi64>) -> tensor<?x4xf32>
    %history_kept = s2s.index_select %history_next, %keep_rows dim(1)
        : (tensor<?x?xi64>, tensor<?xi64>) -> tensor<?x?xi64>
    %sents_kept = s2s.index_select %sents, %keep dim(0)
        : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %step_next = arith.addi %step, %c1 : index
    scf.yield %step_next, %sents_kept, %h_kept, %y_kept, %done_kept,
        %scores_kept, %history_kept, %res_next, %res_scores_next
        : index, tensor<?xi64>, tensor<?x64xf32>, tensor<?xi64>,
          tensor<?xi1>, tensor<?x4xf32>, tensor<?x?xi64>, tensor<?x?xi64>,
          tensor<?x4xf32>
  }

  // The sentences still decoding when the budget ran out go to the results
  // as they stand.
  %n_left = tensor.dim %loop#1, %c0 : tensor<?xi64>
  %flushed:2 = scf.for %i = %c0 to %n_left step %c1
      iter_args(%res = %loop#7, %res_scores = %loop#8)
      -> (tensor<?x?xi64>, tensor<?x4xf32>) {
    %sent = tensor.extract %loop#1[%i] : tensor<?xi64>
    %sent_idx = arith.index_cast %sent : i64 to index
    %res_next, %res_scores_next = func.call @write_beams(%res, %res_scores,
        %loop#6, %loop#5, %i, %sent_idx)
        : (tensor<?x?xi64>, tensor<?x4xf32>, tensor<?x?xi64>,
           tensor<?x4xf32>, index, index)
        -> (tensor<?x?xi64>, tensor<?x4xf32>)
    scf.yield %res_next, %res_scores_next
        : tensor<?x?xi64>, tensor<?x4xf32>
  }

  // Sized from the arguments, so that the result sizes (which the caller
  // asks for before the call) do not depend on the loop.
  %history = tensor.extract_slice %flushed#0[0, 0] [12, %R] [1, 1]
      : tensor<?x?xi64> to tensor<12x?xi64>
  %scores = tensor.extract_slice %flushed#1[0, 0] [%B, 4] [1, 1]
      : tensor<?x4xf32> to tensor<?x4xf32>

  // The length of each beam: the position of its first EOS plus one, or
  // max_len.
  %max_len_fill = tensor.empty(%R) : tensor<?xi64>
  %length_init = linalg.fill ins(%max_len_clamped : i64)
      outs(%max_len_fill : tensor<?xi64>) -> tensor<?xi64>
  %length = linalg.generic {
      indexing_maps = [affine_map<(t, r) -> (t, r)>,
                       affine_map<(t, r) -> (r)>],
      iterator_types = ["reduction", "parallel"]}
      ins(%history : tensor<12x?xi64>) outs(%length_init : tensor<?xi64>) {
  ^bb0(%token: i64, %acc: i64):
    // Rows past the steps run hold PAD, never EOS.
    %t = linalg.index 0 : index
    %t64 = arith.index_cast %t : index to i64
    %one = arith.constant 1 : i64
    %here = arith.addi %t64, %one : i64
    %is_eos = arith.cmpi eq, %token, %eos : i64
    %candidate = arith.select %is_eos, %here, %acc : i64
    %first = arith.minsi %candidate, %acc : i64
    linalg.yield %first : i64
  } -> tensor<?xi64>
  %length2 = tensor.expand_shape %length [[0, 1]] output_shape [%B, 4]
      : tensor<?xi64> into tensor<?x4xi64>
  %norm_init = tensor.empty(%B) : tensor<?x4xf32>
  %norm = linalg.generic {
      indexing_maps = [affine_map<(b, j) -> (b, j)>,
                       affine_map<(b, j) -> (b, j)>,
                       affine_map<(b, j) -> (b, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%scores, %length2 : tensor<?x4xf32>, tensor<?x4xi64>)
      outs(%norm_init : tensor<?x4xf32>) {
  ^bb0(%score: f32, %len: i64, %out: f32):
    %len_f = arith.sitofp %len : i64 to f32
    %penalty = math.powf %len_f, %alpha : f32
    %n = arith.divf %score, %penalty : f32
    linalg.yield %n : f32
  } -> tensor<?x4xf32>
  %best_beam = s2s.argmax %norm dim(1) : (tensor<?x4xf32>) -> tensor<?xi64>
  %best_rows_init = tensor.empty(%B) : tensor<?xi64>
  %best_rows = linalg.generic {
      indexing_maps = [affine_map<(b) -> (b)>, affine_map<(b) -> (b)>],
      iterator_types = ["parallel"]}
      ins(%best_beam : tensor<?xi64>) outs(%best_rows_init : tensor<?xi64>) {
  ^bb0(%j: i64, %out: i64):
    %b = linalg.index 0 : index
    %b64 = arith.index_cast %b : index to i64
    %base = arith.muli %b64, %k : i64
    %row = arith.addi %base, %j : i64
    linalg.yield %row : i64
  } -> tensor<?xi64>
  %best_tokens = s2s.index_select %history, %best_rows dim(1)
      : (tensor<12x?xi64>, tensor<?xi64>) -> tensor<12x?xi64>
  %beams = tensor.expand_shape %history [[0], [1, 2]]
      output_shape [12, %B, 4] : tensor<12x?xi64> into tensor<12x?x4xi64>
  %steps_i64 = arith.index_cast %loop#0 : index to i64
  %steps = tensor.from_elements %steps_i64 : tensor<i64>
  return %best_tokens, %beams, %scores, %steps
      : tensor<12x?xi64>, tensor<12x?x4xi64>, tensor<?x4xf32>, tensor<i64>
}
