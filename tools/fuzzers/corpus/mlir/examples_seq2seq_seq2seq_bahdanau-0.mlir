func.func @main(%src: tensor<7x3xi64>,
                %v: tensor<12xf32>,
                %src_emb_weight: tensor<20x8xf32>,
                %tgt_emb_weight: tensor<15x8xf32>,
                %enc_weight_ih_l0: tensor<48x8xf32>,
                %enc_weight_hh_l0: tensor<48x16xf32>,
                %enc_bias_ih_l0: tensor<48xf32>,
                %enc_bias_hh_l0: tensor<48xf32>,
                %W_query_weight: tensor<12x16xf32>,
                %W_keys_weight: tensor<12x16xf32>,
                %dec_weight_ih: tensor<48x24xf32>,
                %dec_weight_hh: tensor<48x16xf32>,
                %dec_bias_ih: tensor<48xf32>,
                %dec_bias_hh: tensor<48xf32>,
                %out_weight: tensor<15x32xf32>,
                %out_bias: tensor<15xf32>) -> tensor<6x3xi64> {

  %src_emb = s2s.embedding %src, %src_emb_weight
      : (tensor<7x3xi64>, tensor<20x8xf32>) -> tensor<7x3x8xf32>

  %enc_w_ih = tensor.expand_shape %enc_weight_ih_l0 [[0, 1], [2]]
      output_shape [1, 48, 8] : tensor<48x8xf32> into tensor<1x48x8xf32>
  %enc_w_hh = tensor.expand_shape %enc_weight_hh_l0 [[0, 1], [2]]
      output_shape [1, 48, 16] : tensor<48x16xf32> into tensor<1x48x16xf32>
  %enc_b_ih = tensor.expand_shape %enc_bias_ih_l0 [[0, 1]]
      output_shape [1, 48] : tensor<48xf32> into tensor<1x48xf32>
  %enc_b_hh = tensor.expand_shape %enc_bias_hh_l0 [[0, 1]]
      output_shape [1, 48] : tensor<48xf32> into tensor<1x48xf32>

  %enc_out, %h_n = s2s.gru %src_emb, %enc_w_ih, %enc_w_hh
      b_ih(%enc_b_ih) b_hh(%enc_b_hh) hidden_size(16)
      : (tensor<7x3x8xf32>, tensor<1x48x8xf32>, tensor<1x48x16xf32>,
         tensor<1x48xf32>, tensor<1x48xf32>)
      -> (tensor<7x3x16xf32>, tensor<1x3x16xf32>)

  %enc_bt_init = tensor.empty() : tensor<3x7x16xf32>
  %enc_bt = linalg.transpose ins(%enc_out : tensor<7x3x16xf32>)
      outs(%enc_bt_init : tensor<3x7x16xf32>) permutation = [1, 0, 2]

  %h_init = tensor.collapse_shape %h_n [[0, 1], [2]]
      : tensor<1x3x16xf32> into tensor<3x16xf32>


  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %steps = arith.constant 6 : index
  %bos = arith.constant dense<1> : tensor<3xi64>
  %tokens_init = arith.constant dense<0> : tensor<6x3xi64>

  %h_last, %y_last, %tokens = scf.for %step = %c0 to %steps step %c1
      iter_args(%h = %h_init, %y = %bos, %toks = %tokens_init)
      -> (tensor<3x16xf32>, tensor<3xi64>, tensor<6x3xi64>) {
    %emb = s2s.embedding %y, %tgt_emb_weight
        : (tensor<3xi64>, tensor<15x8xf32>) -> tensor<3x8xf32>

    %query = tensor.expand_shape %h [[0, 1], [2]] output_shape [3, 1, 16]
        : tensor<3x16xf32> into tensor<3x1x16xf32>
    %ctx3, %weights = s2s.attention additive %query, %enc_bt, %enc_bt
        w_query(%W_query_weight) w_keys(%W_keys_weight) v(%v)
        : (tensor<3x1x16xf32>, tensor<3x7x16xf32>, tensor<3x7x16xf32>,
           tensor<12x16xf32>, tensor<12x16xf32>, tensor<12xf32>)
        -> (tensor<3x1x16xf32>, tensor<3x1x7xf32>)
    %ctx = tensor.collapse_shape %ctx3 [[0, 1], [2]]
        : tensor<3x1x16xf32> into tensor<3x16xf32>

    %dec_in = tensor.concat dim(1) %emb, %ctx
        : (tensor<3x8xf32>, tensor<3x16xf32>) -> tensor<3x24xf32>
    %h_next = s2s.gru_cell %dec_in, %h, %dec_weight_ih, %dec_weight_hh
        b_ih(%dec_bias_ih) b_hh(%dec_bias_hh)
        : (tensor<3x24xf32>, tensor<3x16xf32>, tensor<48x24xf32>,
           tensor<48x16xf32>, tensor<48xf32>, tensor<48xf32>)
        -> tensor<3x16xf32>

    %out_in = tensor.concat dim(1) %h_next, %ctx
        : (tensor<3x16xf32>, tensor<3x16xf32>) -> tensor<3x32xf32>
    %logits = s2s.linear %out_in, %out_weight, %out_bias
        : (tensor<3x32xf32>, tensor<15x32xf32>, tensor<15xf32>)
        -> tensor<3x15xf32>
    %y_next = s2s.argmax %logits dim(1) : (tensor<3x15xf32>) -> tensor<3xi64>

    %toks_next = tensor.insert_slice %y_next into %toks[%step, 0] [1, 3] [1, 1]
        : tensor<3xi64> into tensor<6x3xi64>

    scf.yield %h_next, %y_next, %toks_next
        : tensor<3x16xf32>, tensor<3xi64>, tensor<6x3xi64>
  }

  return %tokens : tensor<6x3xi64>
}
