//===- PackedKernel.cpp - dot contractions on panels of B
//-------------------===//
//
// Dot contractions (k contiguous in B) whose B is transposed into panels of
// whole vectors, so that the axpy tile runs on them: no horizontal sums,
// contiguous panels, k in blocks. Per call (C with many rows: the packing
// pays back) or once before a loop in which B is read-only (an RNN's
// h W_hh^T at every step).
//
//===----------------------------------------------------------------------===//

#include "KernelEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace mlir::s2s::cpu;

/// B is copied, a block of `packCols` rows by `packDepth` k at a time,
/// into panels of `axpyVectors` vectors of n per k (transposed with
/// register shuffles), and the axpy kernel runs on the panels: no
/// horizontal sums, and the panels are read contiguously. The packing
/// costs one pass over B per call, which pays back when C has many rows.
void KernelEmitter::emitPackedDot() {
  int64_t n = c.loopSizes[c.nDim];
  int64_t nr = axpyVectors * vw;
  int64_t fullCols = n / nr * nr;
  loop(
      0, fullCols, packCols,
      [&](Value jc) {
        Value width = arith::MinSIOp::create(
            b, loc, cst(packCols),
            arith::SubIOp::create(b, loc, cst(fullCols), jc));
        Value panels = arith::DivUIOp::create(b, loc, width, cst(nr));
        emitPackedBlock(jc, panels, axpyVectors);
      },
      parallelLoop == ParallelLoop::Cols);
  // The last columns, fewer than a panel.
  if (fullCols < n)
    emitPackedBlock(cst(fullCols), cst(1), (n - fullCols) / vw);
}

/// The columns [jc, jc + panels * nv * vw) of C, all rows, over all k.
void KernelEmitter::emitPackedBlock(Value jc, Value panels, int64_t nv) {
  int64_t m = c.loopSizes[c.mDim], k = c.loopSizes[c.kDim];
  int64_t nr = axpyVectors * vw;
  int64_t mr = axpyRows, mFull = m / mr * mr;
  Value buffer = packBuffer();
  loop(0, k, packDepth, [&](Value pc) {
    Value depth = arith::MinSIOp::create(
        b, loc, cst(packDepth), arith::SubIOp::create(b, loc, cst(k), pc));
    loopTo(panels, [&](Value p) {
      Value col0 = arith::AddIOp::create(
          b, loc, jc, arith::MulIOp::create(b, loc, p, cst(nr)));
      packPanel(buffer, p, col0, nv, pc, depth);
    });
    // Every row tile against every panel; the row tile stays in cache.
    auto tiles = [&](Value i, int64_t rows) {
      loopTo(panels, [&](Value p) {
        Value col0 = arith::AddIOp::create(
            b, loc, jc, arith::MulIOp::create(b, loc, p, cst(nr)));
        emitPanelTile(buffer, p, i, rows, col0, nv, pc, depth);
      });
    };
    if (dynamicRows()) {
      forEachDynamicRowTile(mr, tiles);
      return;
    }
    loop(0, mFull, mr, [&](Value i) { tiles(i, mr); });
    if (mFull < m)
      tiles(cst(mFull), m - mFull);
  });
}

/// Packs panel `p` of `buffer`: buffer[p, kk, v * vw + i] =
/// B[col0 + v * vw + i, pc + kk] for kk < depth, v < nv, i < vw; with bf16
/// pairs, buffer[p, q, v * vw + i] = the pair (B[.., pc + 2q],
/// B[.., pc + 2q + 1]) as one i32, for 2q < depth. Either way vw rows of B
/// (vw elements, or vw pairs, of k each) are transposed in registers.
void KernelEmitter::packPanel(Value buffer, Value p, Value col0, int64_t nv,
                              Value pc, Value depth) {
  Value count = pairs ? arith::DivUIOp::create(b, loc, depth, cst(2)) : depth;
  loopStep(count, vw, [&](Value q) {
    Value kk = pairs ? arith::MulIOp::create(b, loc, q, cst(2)) : q;
    dims[c.kDim] = arith::AddIOp::create(b, loc, pc, kk);
    for (int64_t v = 0; v < nv; ++v) {
      SmallVector<Value> rows;
      for (int64_t i = 0; i < vw; ++i) {
        dims[c.nDim] = offset(col0, v * vw + i);
        if (!pairs) {
          rows.push_back(load(c.b, indices(c.bMap), nullptr, nullptr));
          continue;
        }
        Value row =
            vector::LoadOp::create(b, loc, pairType, c.b, indices(c.bMap));
        rows.push_back(vector::BitCastOp::create(b, loc, pairBitsType, row));
      }
      transposeInRegisters(b, loc, rows);
      for (int64_t i = 0; i < vw; ++i)
        vector::StoreOp::create(b, loc, rows[i], buffer,
                                ValueRange{p, offset(q, i), cst(v * vw)});
    }
  });
}

/// The axpy tile of `rows` rows at (i, col0) over k in [pc, pc + depth),
/// reading B from panel `p` of `buffer`.
void KernelEmitter::emitPanelTile(Value buffer, Value p, Value i, int64_t rows,
                                  Value col0, int64_t nv, Value pc,
                                  Value depth) {
  if (pairs) {
    emitPairTileOver(
        i, rows, col0, nv, nullptr, arith::DivUIOp::create(b, loc, pc, cst(2)),
        arith::DivUIOp::create(b, loc, depth, cst(2)), [&](Value q, int64_t v) {
          Value bits = vector::LoadOp::create(b, loc, pairBitsType, buffer,
                                              ValueRange{p, q, cst(v * vw)});
          return vector::BitCastOp::create(b, loc, pairType, bits);
        });
    return;
  }
  emitAxpyTileOver(
      i, rows, col0, nv, nullptr, pc, depth, [&](Value kk, int64_t v) {
        return vector::LoadOp::create(b, loc, vecType, buffer,
                                      ValueRange{p, kk, cst(v * vw)});
      });
}

/// B is read-only in `hoistLoop`, which runs the contraction many times
/// (an RNN's h W_hh^T per step): the whole of B is packed into panels
/// once before that loop (into a buffer freed after it), and each run is
/// the axpy kernel over the panels, every row tile of A against a panel
/// while it is in cache.
void KernelEmitter::emitPrepackedDot() {
  int64_t m = c.loopSizes[c.mDim], n = c.loopSizes[c.nDim],
          k = c.loopSizes[c.kDim];
  int64_t nr = axpyVectors * vw;
  int64_t fullPanels = n / nr, tailVectors = (n - fullPanels * nr) / vw;
  int64_t panels = fullPanels + (tailVectors > 0 ? 1 : 0);
  int64_t mr = axpyRows, mFull = m / mr * mr;

  // Pack before the loop.
  Value buffer;
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(hoistLoop);
    auto type = pairs ? MemRefType::get({panels, k / 2, nr}, b.getI32Type())
                      : MemRefType::get({panels, k, nr}, elt);
    buffer = memref::AllocOp::create(b, loc, type, b.getI64IntegerAttr(64));
    // Index constants made here must dominate the loop's uses too: they
    // are created at the start of the function like every constant.
    loop(0, fullPanels, 1, [&](Value p) {
      packPanel(buffer, p, arith::MulIOp::create(b, loc, p, cst(nr)),
                axpyVectors, cst(0), cst(k));
    });
    if (tailVectors > 0)
      packPanel(buffer, cst(fullPanels), cst(fullPanels * nr), tailVectors,
                cst(0), cst(k));
    b.setInsertionPointAfter(hoistLoop);
    memref::DeallocOp::create(b, loc, buffer);
  }

  // Each run: panels outermost, so that a panel serves every row tile.
  auto rowsAgainst = [&](Value p, int64_t nv) {
    Value col0 = arith::MulIOp::create(b, loc, p, cst(nr));
    if (dynamicRows()) {
      forEachDynamicRowTile(mr, [&](Value i, int64_t rows) {
        emitPanelTile(buffer, p, i, rows, col0, nv, cst(0), cst(k));
      });
      return;
    }
    loop(0, mFull, mr, [&](Value i) {
      emitPanelTile(buffer, p, i, mr, col0, nv, cst(0), cst(k));
    });
    if (mFull < m)
      emitPanelTile(buffer, p, cst(mFull), m - mFull, col0, nv, cst(0), cst(k));
  };
  loop(
      0, fullPanels, 1, [&](Value p) { rowsAgainst(p, axpyVectors); },
      parallelLoop == ParallelLoop::Cols);
  if (tailVectors > 0)
    rowsAgainst(cst(fullPanels), tailVectors);
}

/// The packing buffer of the current parallel body (one per thread) or of
/// the function, created once at its start.
Value KernelEmitter::packBuffer() {
  Block *block = scratchBlock();
  Value &cached = packBuffers[block];
  if (!cached) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(block);
    int64_t nr = axpyVectors * vw;
    // Pairs: one i32 per pair of k.
    auto type = pairs ? MemRefType::get({packCols / nr, packDepth / 2, nr},
                                        b.getI32Type())
                      : MemRefType::get({packCols / nr, packDepth, nr}, elt);
    cached = memref::AllocaOp::create(b, loc, type, ValueRange(),
                                      b.getI64IntegerAttr(64));
  }
  return cached;
}

Block *KernelEmitter::scratchBlock() {
  Block *block = b.getInsertionBlock();
  Operation *op = block->getParentOp();
  while (!isa<scf::ParallelOp, FunctionOpInterface>(op)) {
    block = op->getBlock();
    op = block->getParentOp();
  }
  if (isa<FunctionOpInterface>(op))
    block = &op->getRegion(0).front();
  return block;
}
