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
// has emitted EOS, or after max_len steps. The semantics are those of
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

// Whether every element of the flags is set (true for none).
func.func private @all_set(%flags: tensor<?xi1>) -> i1 {
  %true = arith.constant true
  %init = tensor.from_elements %true : tensor<i1>
  %all = linalg.reduce ins(%flags : tensor<?xi1>) outs(%init : tensor<i1>)
      dimensions = [0]
    (%flag: i1, %acc: i1) {
      %both = arith.andi %flag, %acc : i1
      linalg.yield %both : i1
    }
  %value = tensor.extract %all[] : tensor<i1>
  return %value : i1
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
  %false = arith.constant false
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
  %done_empty = tensor.empty(%B) : tensor<?xi1>
  %done0 = linalg.fill ins(%false : i1) outs(%done_empty : tensor<?xi1>)
      -> tensor<?xi1>
  %tokens_empty = tensor.empty(%c12, %B) : tensor<?x?xi64>
  %tokens0 = linalg.fill ins(%pad : i64) outs(%tokens_empty : tensor<?x?xi64>)
      -> tensor<?x?xi64>

  %loop:5 = scf.while (%step = %c0, %h = %h0, %y = %y0, %done = %done0,
                       %tokens = %tokens0)
      : (index, tensor<?x64xf32>, tensor<?xi64>, tensor<?xi1>,
         tensor<?x?xi64>)
     -> (index, tensor<?x64xf32>, tensor<?xi64>, tensor<?xi1>,
         tensor<?x?xi64>) {
    %in_budget = arith.cmpi slt, %step, %max_len : index
    %all_done = func.call @all_set(%done) : (tensor<?xi1>) -> i1
    %true = arith.constant true
    %some_left = arith.xori %all_done, %true : i1
    %go = arith.andi %in_budget, %some_left : i1
    scf.condition(%go) %step, %h, %y, %done, %tokens
        : index, tensor<?x64xf32>, tensor<?xi64>, tensor<?xi1>,
          tensor<?x?xi64>
  } do {
  ^bb0(%step: index, %h: tensor<?x64xf32>, %y: tensor<?xi64>,
       %done: tensor<?xi1>, %tokens: tensor<?x?xi64>):
    %logits, %h_next = func.call @decode_step(%y, %h, %enc_bt, %mask, %v,
        %tgt_emb_weight, %W_query_weight, %W_keys_weight, %dec_weight_ih,
        %dec_weight_hh, %dec_bias_ih, %dec_bias_hh, %out_weight, %out_bias)
        : (tensor<?xi64>, tensor<?x64xf32>, tensor<?x?x64xf32>,
           tensor<?x1x?xi1>, tensor<32xf32>, tensor<14x32xf32>,
           tensor<32x64xf32>, tensor<32x64xf32>, tensor<192x96xf32>,
           tensor<192x64xf32>, tensor<192xf32>, tensor<192xf32>,
           tensor<14x128xf32>, tensor<14xf32>)
        -> (tensor<?x14xf32>, tensor<?x64xf32>)
    %best = s2s.argmax %logits dim(1) : (tensor<?x14xf32>) -> tensor<?xi64>

    // A finished sentence emits PAD; a sentence that emits EOS is finished.
    %next_init = tensor.empty(%B) : tensor<?xi64>
    %done_init = tensor.empty(%B) : tensor<?xi1>
    %next:2 = linalg.generic {
        indexing_maps = [affine_map<(b) -> (b)>, affine_map<(b) -> (b)>,
                         affine_map<(b) -> (b)>, affine_map<(b) -> (b)>],
        iterator_types = ["parallel"]}
        ins(%best, %done : tensor<?xi64>, tensor<?xi1>)
        outs(%next_init, %done_init : tensor<?xi64>, tensor<?xi1>) {
    ^bb0(%tok: i64, %was_done: i1, %o0: i64, %o1: i1):
      %emitted = arith.select %was_done, %pad, %tok : i64
      %is_eos = arith.cmpi eq, %emitted, %eos : i64
      %now_done = arith.ori %was_done, %is_eos : i1
      linalg.yield %emitted, %now_done : i64, i1
    } -> (tensor<?xi64>, tensor<?xi1>)

    %tokens_next = tensor.insert_slice %next#0 into %tokens[%step, 0] [1, %B]
        [1, 1] : tensor<?xi64> into tensor<?x?xi64>
    %step_next = arith.addi %step, %c1 : index
    scf.yield %step_next, %h_next, %next#0, %next#1, %tokens_next
        : index, tensor<?x64xf32>, tensor<?xi64>, tensor<?xi1>,
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

// Beam search of width K = 4: the beams of sentence b are rows b*K + j of
// a batch of R = B*K rows. Returns
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
// (s2s.index_select). The best hypothesis maximizes score / length^alpha,
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

  // Row r of the beams belongs to sentence r / K.
  %sentence_init = tensor.empty(%R) : tensor<?xi64>
  %sentence = linalg.generic {
      indexing_maps = [affine_map<(r) -> (r)>], iterator_types = ["parallel"]}
      outs(%sentence_init : tensor<?xi64>) {
  ^bb0(%out: i64):
    %r = linalg.index 0 : index
    %r64 = arith.index_cast %r : index to i64
    %b = arith.divui %r64, %k : i64
    linalg.yield %b : i64
  } -> tensor<?xi64>
  %h0 = s2s.index_select %h_sent, %sentence dim(0)
      : (tensor<?x64xf32>, tensor<?xi64>) -> tensor<?x64xf32>
  %enc_bt = s2s.index_select %enc_sent, %sentence dim(0)
      : (tensor<?x?x64xf32>, tensor<?xi64>) -> tensor<?x?x64xf32>
  %mask = s2s.index_select %mask_sent, %sentence dim(0)
      : (tensor<?x1x?xi1>, tensor<?xi64>) -> tensor<?x1x?xi1>

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

  %loop:6 = scf.while (%step = %c0, %h = %h0, %y = %y0, %done = %done0,
                       %scores = %scores0, %history = %history0)
      : (index, tensor<?x64xf32>, tensor<?xi64>, tensor<?xi1>,
         tensor<?x4xf32>, tensor<?x?xi64>)
     -> (index, tensor<?x64xf32>, tensor<?xi64>, tensor<?xi1>,
         tensor<?x4xf32>, tensor<?x?xi64>) {
    %in_budget = arith.cmpi slt, %step, %max_len : index
    %all_done = func.call @all_set(%done) : (tensor<?xi1>) -> i1
    %true = arith.constant true
    %some_left = arith.xori %all_done, %true : i1
    %go = arith.andi %in_budget, %some_left : i1
    scf.condition(%go) %step, %h, %y, %done, %scores, %history
        : index, tensor<?x64xf32>, tensor<?xi64>, tensor<?xi1>,
          tensor<?x4xf32>, tensor<?x?xi64>
  } do {
  ^bb0(%step: index, %h: tensor<?x64xf32>, %y: tensor<?xi64>,
       %done: tensor<?xi1>, %scores: tensor<?x4xf32>,
       %history: tensor<?x?xi64>):
    %logits, %h_next = func.call @decode_step(%y, %h, %enc_bt, %mask, %v,
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
        output_shape [%B, 4, 14] : tensor<?x14xf32> into tensor<?x4x14xf32>
    %done2 = tensor.expand_shape %done [[0, 1]] output_shape [%B, 4]
        : tensor<?xi1> into tensor<?x4xi1>
    %cand_init = tensor.empty(%B) : tensor<?x4x14xf32>
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
    %rows_init = tensor.empty(%B) : tensor<?x4xi64>
    %tok_init = tensor.empty(%B) : tensor<?x4xi64>
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

    %h_beams = s2s.index_select %h_next, %rows dim(0)
        : (tensor<?x64xf32>, tensor<?xi64>) -> tensor<?x64xf32>
    %done_beams = s2s.index_select %done, %rows dim(0)
        : (tensor<?xi1>, tensor<?xi64>) -> tensor<?xi1>
    %history_beams = s2s.index_select %history, %rows dim(1)
        : (tensor<?x?xi64>, tensor<?xi64>) -> tensor<?x?xi64>
    %done_init = tensor.empty(%R) : tensor<?xi1>
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
        %history_beams[%step, 0] [1, %R] [1, 1]
        : tensor<?xi64> into tensor<?x?xi64>
    %step_next = arith.addi %step, %c1 : index
    scf.yield %step_next, %h_beams, %tokens, %done_next, %best, %history_next
        : index, tensor<?x64xf32>, tensor<?xi64>, tensor<?xi1>,
          tensor<?x4xf32>, tensor<?x?xi64>
  }
  // Sized from the arguments, so that the result sizes (which the caller
  // asks for before the call) do not depend on the loop.
  %history = tensor.extract_slice %loop#5[0, 0] [12, %R] [1, 1]
      : tensor<?x?xi64> to tensor<12x?xi64>
  %scores = tensor.extract_slice %loop#4[0, 0] [%B, 4] [1, 1]
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
