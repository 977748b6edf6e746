//===- S2SShapeRules.cpp - shape rules that involve dynamic sizes --------===//
//
// The rules relating the dimensions of an s2s op's operands that the
// verifier checks where both sizes are static (the batch of h0 is x's, keys
// and values have one length, a mask's dimensions are the scores'), listed
// for those that involve a dynamic size: s2s-insert-shape-checks checks them
// at run time, and the lowering refuses operands that state one side of a
// rule statically and the other dynamically.
//
//===----------------------------------------------------------------------===//

#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::s2s;

SmallVector<DimRule> mlir::s2s::getDimRules(Operation *op) {
  SmallVector<DimRule> rules;
  auto add = [&](StringRef name, Value value, int64_t dim, StringRef refName,
                 Value ref, int64_t refDim, int64_t factor = 1) {
    if (value && ref)
      rules.push_back({name, value, dim, refName, ref, refDim, factor});
  };
  // A mask of rank r aligned right with `target` (the named dimensions of
  // the scores): each dimension is a static 1 (broadcast) or the target's.
  auto addMask = [&](StringRef name, Value mask,
                     ArrayRef<std::tuple<StringRef, Value, int64_t>> target) {
    if (!mask)
      return;
    auto type = cast<RankedTensorType>(mask.getType());
    int64_t offset = static_cast<int64_t>(target.size()) - type.getRank();
    for (int64_t i = 0; i < type.getRank(); ++i) {
      if (type.getDimSize(i) == 1 || offset + i < 0)
        continue;
      auto [refName, ref, refDim] = target[offset + i];
      add(name, mask, i, refName, ref, refDim);
    }
  };
  llvm::TypeSwitch<Operation *>(op)
      .Case<RNNOp, LSTMOp, GRUOp>([&](auto layer) {
        int64_t batchDim = layer.getBatchFirst() ? 0 : 1;
        Value x = layer.getX();
        add("h0", layer.getH0(), 1, "x", x, batchDim);
        if constexpr (std::is_same_v<decltype(layer), LSTMOp>)
          add("c0", layer.getC0(), 1, "x", x, batchDim);
        add("seq_lens", layer.getSeqLens(), 0, "x", x, batchDim);
      })
      .Case([&](RecurrenceOp layer) {
        int64_t batchDim = layer.getBatchFirst() ? 0 : 1;
        Value x = layer.getXGates();
        add("h0", layer.getH0(), 1, "x_gates", x, batchDim);
        add("c0", layer.getC0(), 1, "x_gates", x, batchDim);
        add("seq_lens", layer.getSeqLens(), 0, "x_gates", x, batchDim);
      })
      .Case<RNNCellOp, GRUCellOp>(
          [&](auto cell) { add("h", cell.getH(), 0, "x", cell.getX(), 0); })
      .Case([&](LSTMCellOp cell) {
        add("h", cell.getH(), 0, "x", cell.getX(), 0);
        add("c", cell.getC(), 0, "x", cell.getX(), 0);
      })
      .Case([&](AttentionOp attn) {
        Value q = attn.getQuery(), k = attn.getKeys();
        add("keys", k, 0, "query", q, 0);
        add("values", attn.getValues(), 0, "query", q, 0);
        add("values", attn.getValues(), 1, "keys", k, 1);
        addMask("mask", attn.getMask(),
                {{"query", q, 0}, {"query", q, 1}, {"keys", k, 1}});
      })
      .Case([&](ScaledDotProductAttentionOp attn) {
        Value q = attn.getQuery(), k = attn.getKey();
        add("key", k, 0, "query", q, 0);
        add("value", attn.getValue(), 0, "query", q, 0);
        add("value", attn.getValue(), 2, "key", k, 2);
        addMask(
            "mask", attn.getMask(),
            {{"query", q, 0}, {"query", q, 1}, {"query", q, 2}, {"key", k, 2}});
      })
      .Case([&](KVCacheAppendOp append) {
        // The new entries have the cache's shape but along `dim`.
        auto type = cast<RankedTensorType>(append.getCache().getType());
        int64_t dim = static_cast<int64_t>(append.getDim());
        if (dim < 0)
          dim += type.getRank();
        for (int64_t i = 0; i < type.getRank(); ++i)
          if (i != dim)
            add("new_entries", append.getNewEntries(), i, "cache",
                append.getCache(), i);
      })
      .Case([&](ArgMaxOp argmax) {
        // The maximum of no elements is undefined (PyTorch raises).
        auto type = cast<RankedTensorType>(argmax.getInput().getType());
        int64_t dim = static_cast<int64_t>(argmax.getDim());
        if (dim < 0)
          dim += type.getRank();
        if (dim >= 0 && dim < type.getRank())
          rules.push_back({"input", argmax.getInput(), dim, "", nullptr, 0});
      })
      .Case([&](CachedMultiHeadAttentionOp attn) {
        bool batchFirst = attn.getBatchFirst();
        int64_t batchDim = batchFirst ? 0 : 1, timeDim = batchFirst ? 1 : 0;
        Value q = attn.getQuery(), kc = attn.getKeyCache();
        add("key_cache", kc, 0, "query", q, batchDim);
        add("value_cache", attn.getValueCache(), 0, "query", q, batchDim);
        add("value_cache", attn.getValueCache(), 2, "key_cache", kc, 2);
        if (Value kpm = attn.getKeyPaddingMask()) {
          add("key_padding_mask", kpm, 0, "query", q, batchDim);
          add("key_padding_mask", kpm, 1, "key_cache", kc, 2);
        }
        if (Value am = attn.getAttnMask()) {
          int64_t rank = cast<RankedTensorType>(am.getType()).getRank();
          if (rank == 3)
            add("attn_mask", am, 0, "query", q, batchDim, attn.getNumHeads());
          add("attn_mask", am, rank - 2, "query", q, timeDim);
          add("attn_mask", am, rank - 1, "key_cache", kc, 2);
        }
      })
      .Case([&](MultiHeadAttentionOp attn) {
        bool batchFirst = attn.getBatchFirst();
        int64_t batchDim = batchFirst ? 0 : 1, timeDim = batchFirst ? 1 : 0;
        Value q = attn.getQuery();
        Value k = attn.getKey() ? attn.getKey() : q;
        StringRef kName = attn.getKey() ? "key" : "query";
        if (attn.getKey()) {
          add("key", k, batchDim, "query", q, batchDim);
          add("value", attn.getValue(), batchDim, "query", q, batchDim);
          add("value", attn.getValue(), timeDim, "key", k, timeDim);
        }
        if (Value kpm = attn.getKeyPaddingMask()) {
          add("key_padding_mask", kpm, 0, "query", q, batchDim);
          add("key_padding_mask", kpm, 1, kName, k, timeDim);
        }
        if (Value am = attn.getAttnMask()) {
          int64_t rank = cast<RankedTensorType>(am.getType()).getRank();
          if (rank == 3)
            add("attn_mask", am, 0, "query", q, batchDim, attn.getNumHeads());
          add("attn_mask", am, rank - 2, "query", q, timeDim);
          add("attn_mask", am, rank - 1, kName, k, timeDim);
        }
      });
  // Rules between static dimensions were checked by the verifier.
  llvm::erase_if(rules, [](const DimRule &rule) {
    return !cast<RankedTensorType>(rule.value.getType())
                .isDynamicDim(rule.dim) &&
           (!rule.ref || !cast<RankedTensorType>(rule.ref.getType())
                              .isDynamicDim(rule.refDim));
  });
  return rules;
}
