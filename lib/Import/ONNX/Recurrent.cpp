//===- Recurrent.cpp - ONNX LSTM, GRU and RNN -----------------------------===//
//
// Imports ONNX's recurrent layers as s2s.lstm, s2s.gru and s2s.rnn: checks
// the attributes s2s can honour (direction, layout, clip, the default
// activations), checks the shapes of the weights and states, reorders the
// gates from ONNX's order to s2s's (at import time for constant weights),
// splits the bias and brings the results back to ONNX's layouts.
//
//===----------------------------------------------------------------------===//

#include "ImporterInternals.h"

#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

FailureOr<SmallVector<Value>>
Importer::importRecurrent(const NodeAttributes &attrs) {
  bool isLSTM = opType == "LSTM", isGRU = opType == "GRU";
  int64_t gates = isLSTM ? 4 : isGRU ? 3 : 1;
  SmallVector<StringRef> known = {
      "activation_alpha", "activation_beta", "activations", "clip",
      "direction",        "hidden_size",     "layout"};
  if (isLSTM)
    known.push_back("input_forget");
  if (isGRU)
    known.push_back("linear_before_reset");
  SmallVector<std::string> extra = attrs.unknown(known);
  if (!extra.empty())
    return fail("unknown attribute '" + extra.front() + "'");

  Value x = requireInput(0, "X"), w = requireInput(1, "W"),
        r = requireInput(2, "R");
  if (!x || !w || !r)
    return failure();
  Value bias = input(3), seqLens = input(4), h0 = input(5);
  Value c0 = isLSTM ? input(6) : Value();
  Value peep = isLSTM ? input(7) : Value();

  // Attributes.
  std::string direction = attrs.getString("direction", "forward");
  Direction dir;
  if (direction == "forward")
    dir = Direction::forward;
  else if (direction == "reverse")
    dir = Direction::reverse;
  else if (direction == "bidirectional")
    dir = Direction::bidirectional;
  else {
    return fail("attribute direction='" + direction +
                "' is not one of forward, reverse, bidirectional");
  }
  int64_t numDirs = dir == Direction::bidirectional ? 2 : 1;
  int64_t layout = attrs.getInt("layout", 0);
  if (layout != 0 && layout != 1)
    return fail("attribute layout=" + Twine(layout) + " is not 0 or 1");
  if (attrs.has("activation_alpha") || attrs.has("activation_beta"))
    return unsupported("attribute activation_alpha/activation_beta on " +
                       nodeLabel + " (s2s's activations take no parameters)");
  if (isLSTM && attrs.getInt("input_forget", 0) != 0)
    return unsupported(
        "input_forget=" + Twine(attrs.getInt("input_forget", 0)) + " on " +
        nodeLabel);
  std::optional<double> clip;
  if (attrs.has("clip"))
    clip = attrs.getFloat("clip", 0);
  if (clip && *clip <= 0)
    return fail("attribute clip=" + formatNumber(*clip) + " must be positive");

  // Activations: s2s has the defaults, and tanh or relu for the Elman RNN.
  SmallVector<std::string> acts = attrs.getStrings("activations");
  Activation rnnActivation = Activation::tanh;
  {
    SmallVector<std::string> defaults;
    if (isLSTM)
      defaults = {"Sigmoid", "Tanh", "Tanh"};
    else if (isGRU)
      defaults = {"Sigmoid", "Tanh"};
    else
      defaults = {"Tanh"};
    size_t per = defaults.size();
    if (!acts.empty() && acts.size() != per * numDirs)
      return fail("attribute activations has " + Twine(acts.size()) +
                  " entries, expected " + Twine(per * numDirs) + " (" +
                  Twine(per) + " per direction)");
    if (!isLSTM && !isGRU && !acts.empty()) {
      std::string first = StringRef(acts[0]).lower();
      for (const std::string &a : acts)
        if (StringRef(a).lower() != first)
          return unsupported("activations=" + llvm::join(acts, ",") + " on " +
                             nodeLabel + " (directions must share one)");
      if (first == "relu")
        rnnActivation = Activation::relu;
      else if (first != "tanh")
        return unsupported("activations=" + acts[0] + " on " + nodeLabel +
                           " (s2s.rnn supports Tanh and Relu)");
    } else {
      for (size_t i = 0; i < acts.size(); ++i)
        if (StringRef(acts[i]).lower() != StringRef(defaults[i % per]).lower())
          return unsupported("activations=" + llvm::join(acts, ",") + " on " +
                             nodeLabel + " (s2s." + StringRef(opType).lower() +
                             " supports only " + llvm::join(defaults, ",") +
                             ")");
    }
  }

  // Shapes.
  if (rankOf(x) != 3)
    return fail("input X must have rank 3, but has shape " +
                shapeString(shapeOf(x)));
  SymShape xs = sizesOf(x);
  SymSize seq = layout ? xs[1] : xs[0], batch = layout ? xs[0] : xs[1],
          inSize = xs[2];
  int64_t hidden = attrs.getInt("hidden_size", 0);
  if (!attrs.has("hidden_size") && rankOf(r) == 3)
    hidden = shapeOf(r)[2];
  if (hidden <= 0)
    return fail("attribute hidden_size must be positive");
  int64_t g = gates * hidden;
  auto expect = [&](Value v, StringRef name, ArrayRef<SymSize> want,
                    StringRef rule) -> LogicalResult {
    if (!v)
      return success();
    SymShape got = sizesOf(v);
    std::string message = "input " + name.str() + " must have shape " +
                          rule.str() + " = " + sizesString(want) +
                          ", but has shape " + sizesString(got);
    if (got.size() != want.size())
      return fail(message);
    for (auto [a, b] : llvm::zip(got, want))
      if (failed(requireEqual(a, b, message)))
        return failure();
    return success();
  };
  std::string gh = gates == 1 ? "H" : Twine(gates).str() + "*H";
  SymShape stateShape = layout ? SymShape{batch, numDirs, hidden}
                               : SymShape{numDirs, batch, hidden};
  std::string stateRule = layout ? "[batch, D, H]" : "[D, batch, H]";
  if (failed(expect(w, "W", {numDirs, g, inSize},
                    "[D, " + gh + ", input_size]")) ||
      failed(expect(r, "R", {numDirs, g, hidden}, "[D, " + gh + ", H]")) ||
      failed(expect(bias, "B", {numDirs, 2 * g}, "[D, 2*" + gh + "]")) ||
      failed(expect(seqLens, "sequence_lens", {batch}, "[batch]")) ||
      failed(expect(h0, "initial_h", stateShape, stateRule)) ||
      failed(expect(c0, "initial_c", stateShape, stateRule)) ||
      failed(expect(peep, "P", {numDirs, 3 * hidden}, "[D, 3*H]")))
    return failure();
  Type elt = eltOf(x);
  Value operands[] = {w, r, bias, h0, c0, peep};
  StringRef names[] = {"W", "R", "B", "initial_h", "initial_c", "P"};
  for (auto [v, name] : llvm::zip(operands, names))
    if (v && eltOf(v) != elt)
      return fail("input " + name + " has element type " +
                  typeString(eltOf(v)) + ", but X has " + typeString(elt));
  if (!isa<FloatType>(elt))
    return fail("input X must hold floats, but holds " + typeString(elt));
  if (seqLens && !eltOf(seqLens).isInteger(32) && !eltOf(seqLens).isInteger(64))
    return fail("input sequence_lens must hold int32 or int64");

  // Gate order: ONNX LSTM i,o,f,c -> i,f,c,o; GRU z,r,h -> r,z,h.
  SmallVector<int64_t> order;
  if (isLSTM)
    order = {0, 2, 3, 1};
  else if (isGRU)
    order = {1, 0, 2};
  auto reorder = [&](Value v, int64_t axis) {
    return order.empty() ? v : permuteBlocks(v, axis, hidden, order);
  };
  Value wIh = reorder(w, 1), wHh = reorder(r, 1), bIh, bHh;
  if (bias) {
    bIh = reorder(slice(bias, {0, 0}, {numDirs, g}), 1);
    bHh = reorder(slice(bias, {0, g}, {numDirs, g}), 1);
  }
  // Peepholes: ONNX i,o,f -> s2s i,f,o.
  if (peep) {
    DenseElementsAttr pAttr = constAttr(peep);
    if (!(pAttr && pAttr.isSplat() && pAttr.getSplatValue<APFloat>().isZero()))
      peep = permuteBlocks(peep, 1, hidden, {0, 2, 1});
    else
      peep = nullptr;
  }
  if (layout) {
    if (h0)
      h0 = transpose(h0, {1, 0, 2});
    if (c0)
      c0 = transpose(c0, {1, 0, 2});
  }

  auto yType = RankedTensorType::get(
      staticShape(layout ? SymShape{batch, seq, numDirs * hidden}
                         : SymShape{seq, batch, numDirs * hidden}),
      elt);
  auto stateType =
      RankedTensorType::get(staticShape({numDirs, batch, hidden}), elt);
  IntegerAttr hiddenAttr = builder.getI64IntegerAttr(hidden);
  auto dirAttr = DirectionAttr::get(context, dir);
  UnitAttr batchFirst = layout ? builder.getUnitAttr() : nullptr;
  FloatAttr clipAttr = clip ? builder.getF64FloatAttr(*clip) : nullptr;
  SmallVector<Value> results;
  if (isLSTM) {
    auto op = LSTMOp::create(builder, loc, yType, stateType, stateType, x, wIh,
                             wHh, bIh, bHh, h0, c0, peep, seqLens, hiddenAttr,
                             dirAttr, batchFirst, clipAttr);
    results = {op.getY(), op.getHN(), op.getCN()};
  } else if (isGRU) {
    bool lbr = attrs.getInt("linear_before_reset", 0) != 0;
    auto op = GRUOp::create(builder, loc, yType, stateType, x, wIh, wHh, bIh,
                            bHh, h0, seqLens, hiddenAttr, dirAttr, batchFirst,
                            clipAttr, builder.getBoolAttr(lbr));
    results = {op.getY(), op.getHN()};
  } else {
    auto op =
        RNNOp::create(builder, loc, yType, stateType, x, wIh, wHh, bIh, bHh, h0,
                      seqLens, hiddenAttr, dirAttr, batchFirst, clipAttr,
                      ActivationAttr::get(context, rnnActivation));
    results = {op.getY(), op.getHN()};
  }

  // Back to ONNX's layouts: Y [T, D, B, H] (layout 1: [B, T, D, H]),
  // Y_h / Y_c [D, B, H] (layout 1: [B, D, H]).
  Value y = results[0];
  if (layout) {
    y = reshape(y, {batch, seq, numDirs, hidden});
  } else {
    y = transpose(reshape(y, {seq, batch, numDirs, hidden}), {0, 2, 1, 3});
  }
  results[0] = y;
  if (layout)
    for (size_t i = 1; i < results.size(); ++i)
      results[i] = transpose(results[i], {1, 0, 2});
  return results;
}

void onnx_import::populateRecurrentHandlers(HandlerTable &table) {
  for (StringRef op : {"LSTM", "GRU", "RNN"})
    table.on(op, 1, &Importer::importRecurrent);
}
