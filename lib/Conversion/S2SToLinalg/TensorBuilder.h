//===- TensorBuilder.h - tensor-level building blocks -----------*- C++ -*-===//
//
// A small builder of the linalg/tensor/arith IR that the s2s lowerings share:
// empty and filled tensors, slices, transposes, reshapes, contractions
// (x W^T, batched matmuls), elementwise linalg.generic ops, row reductions
// and a softmax that gives fully masked rows zeros. Sizes are mixed
// (OpFoldResult): static sizes are attributes and give the same IR as a
// static shape, dynamic ones are index values (tensor.dim of an operand, or
// computed). The `ArrayRef<int64_t>` overloads take static shapes.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_LIB_CONVERSION_S2STOLINALG_TENSORBUILDER_H
#define S2S_LIB_CONVERSION_S2STOLINALG_TENSORBUILDER_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace mlir {
namespace s2s {

/// Builds tensor IR at one location with one builder.
class TensorBuilder {
public:
  using BodyFn = function_ref<void(OpBuilder &, Location, ValueRange /*args*/)>;

  TensorBuilder(OpBuilder &b, Location loc) : b(b), loc(loc) {}

  OpBuilder &builder() { return b; }
  Location location() const { return loc; }
  Location getLoc() const { return loc; }

  /// From now on, tensors to be written (`empty`, and what builds on it)
  /// are bufferization.alloc_tensor ops rather than tensor.empty: each is a
  /// buffer of its own, which CSE does not merge with an equal one (two
  /// merged empties that are both written would be copied at every
  /// iteration of a loop).
  void useFreshBuffers() { freshBuffers = true; }

  //===--------------------------------------------------------------------===//
  // Scalars and whole tensors
  //===--------------------------------------------------------------------===//

  Value floatConst(Type type, double value);
  Value indexConst(int64_t value);
  /// -inf of the float type `type`.
  Value negInf(Type type);

  /// A static size.
  OpFoldResult size(int64_t value) { return b.getIndexAttr(value); }
  /// `size` as an index value (a constant when static).
  Value indexValue(OpFoldResult size);
  /// The sizes of `v`: attributes where static, tensor.dim where dynamic.
  SmallVector<OpFoldResult> sizesOf(Value v);
  /// Dimension `dim` of `v`, as sizesOf.
  OpFoldResult dimOf(Value v, int64_t dim);
  /// a * b, a + b, a - b, min(a, b) and a floordiv b of sizes, folded
  /// when both are static.
  OpFoldResult sizeMul(OpFoldResult a, OpFoldResult b);
  OpFoldResult sizeAdd(OpFoldResult a, OpFoldResult b);
  OpFoldResult sizeSub(OpFoldResult a, OpFoldResult b);
  OpFoldResult sizeMin(OpFoldResult a, OpFoldResult b);
  OpFoldResult sizeFloorDiv(OpFoldResult a, OpFoldResult b);

  Value empty(ArrayRef<OpFoldResult> sizes, Type elementType);
  Value empty(ArrayRef<int64_t> shape, Type elementType);
  /// A tensor of `sizes` filled with `value`.
  Value filled(ArrayRef<OpFoldResult> sizes, Type elementType, double value);
  Value filled(ArrayRef<int64_t> shape, Type elementType, double value);
  /// A tensor of integer `elementType` filled with `value`.
  Value filledInt(ArrayRef<OpFoldResult> sizes, Type elementType,
                  int64_t value);
  Value filledInt(ArrayRef<int64_t> shape, Type elementType, int64_t value);
  Value fill(Value tensor, Value scalar);

  static ArrayRef<int64_t> shapeOf(Value v) {
    return cast<RankedTensorType>(v.getType()).getShape();
  }
  static Type elementTypeOf(Value v) {
    return cast<RankedTensorType>(v.getType()).getElementType();
  }

  //===--------------------------------------------------------------------===//
  // Data movement
  //===--------------------------------------------------------------------===//

  /// Slice of `source` at `offsets` with `sizes` (unit strides); dimensions
  /// listed in `dropDims` (which must have size 1) are dropped.
  Value slice(Value source, ArrayRef<OpFoldResult> offsets,
              ArrayRef<OpFoldResult> sizes, ArrayRef<int64_t> dropDims = {});
  Value slice(Value source, ArrayRef<OpFoldResult> offsets,
              ArrayRef<int64_t> sizes, ArrayRef<int64_t> dropDims = {});
  /// Inserts `source` into `dest` at `offsets`; `sizes` is the slice shape in
  /// `dest`'s rank (the source may have unit dimensions dropped).
  Value insert(Value source, Value dest, ArrayRef<OpFoldResult> offsets,
               ArrayRef<OpFoldResult> sizes);
  Value insert(Value source, Value dest, ArrayRef<OpFoldResult> offsets,
               ArrayRef<int64_t> sizes);
  /// `slice(source[index])` along dimension 0, dropping it.
  Value row(Value source, OpFoldResult index);
  /// Rows [first, first + count) of `source` along dimension 0; null when
  /// `source` is null (an absent optional operand).
  Value rows(Value source, int64_t first, int64_t count);
  Value transpose(Value source, ArrayRef<int64_t> permutation);
  /// `source` expanded to `sizes`.
  Value expand(Value source, ArrayRef<OpFoldResult> sizes,
               ArrayRef<ReassociationIndices> reassociation);
  Value expand(Value source, ArrayRef<int64_t> shape,
               ArrayRef<ReassociationIndices> reassociation);
  Value collapse(Value source, ArrayRef<ReassociationIndices> reassociation);
  /// Reshapes `[d0, ..., dn-1, k]` to `[d0*...*dn-1, k]` (a rank-1 input
  /// becomes `[1, k]`).
  Value flattenLeading(Value source);
  /// Inverse of flattenLeading, back to `sizes` (whose last one is the
  /// second dimension of `source`).
  Value unflattenLeading(Value source, ArrayRef<OpFoldResult> sizes);
  /// Views `source` as [M, N]: M the product of its first `split` dimensions
  /// (1 when `split` is 0), N that of the others.
  Value collapseTo2D(Value source, int64_t split);
  /// Inverse of collapseTo2D, back to `sizes`.
  Value expandFrom2D(Value source, ArrayRef<OpFoldResult> sizes, int64_t split);

  //===--------------------------------------------------------------------===//
  // linalg.generic
  //===--------------------------------------------------------------------===//

  /// A linalg.generic with `inputs` and fresh outputs of `outputShapes`
  /// (initialized with `outputInits`, one value per output, or left empty
  /// when `outputInits` is empty).
  SmallVector<Value> generic(ValueRange inputs, ValueRange outputInits,
                             ArrayRef<AffineMap> maps,
                             ArrayRef<utils::IteratorType> iterators,
                             BodyFn body);

  /// An elementwise op over `shape`: every input is read through its own map
  /// (identity when `maps` is empty) and one output of `elementType` is
  /// produced.
  Value map(ValueRange inputs, ArrayRef<AffineMap> inputMaps,
            ArrayRef<OpFoldResult> sizes, Type elementType, BodyFn body);
  Value map(ValueRange inputs, ArrayRef<AffineMap> inputMaps,
            ArrayRef<int64_t> shape, Type elementType, BodyFn body);

  /// x W^T: `x : [M, K]`, `w : [N, K]` -> `[M, N]`, plus `bias : [N]` when
  /// given. The contraction's second input is marked as weights
  /// (markWeights).
  Value linear(Value x, Value w, Value bias = nullptr);

  /// Marks input `input` of the linalg.generic defining `contraction` as the
  /// weights of a model (kWeightInputAttrName); the contractions built here
  /// are otherwise marked as reading two activations (kNoWeightsAttrName).
  /// The lowering passes keep the marks only when asked to (their
  /// `mark-weights` option). See s2s/Support/WeightMarks.h.
  static void markWeights(Value contraction, unsigned input);
  /// Removes the marks of markWeights from the ops under `root`.
  static void stripWeightMarks(Operation *root);
  /// a + b for tensors of one shape.
  Value add(Value a, Value b);

  /// Sum over the last dimension of a contraction: out[outDims] +=
  /// lhs[lhsMap] * rhs[rhsMap] over an iteration space of `numLoops` loops,
  /// whose last `numReductions` loops are reductions.
  Value contract(Value lhs, AffineMap lhsMap, Value rhs, AffineMap rhsMap,
                 ArrayRef<OpFoldResult> outSizes, unsigned numLoops,
                 unsigned numReductions);
  Value contract(Value lhs, AffineMap lhsMap, Value rhs, AffineMap rhsMap,
                 ArrayRef<int64_t> outShape, unsigned numLoops,
                 unsigned numReductions);

  /// Like contract, accumulating into `init` instead of zeros. The generic
  /// is marked as a contraction of two activations (see markWeights).
  Value contractInto(Value lhs, AffineMap lhsMap, Value rhs, AffineMap rhsMap,
                     Value init, unsigned numLoops, unsigned numReductions);

  /// Reduces the last dimension of `input` with `combine` from `init`.
  Value reduceLast(
      Value input, double init,
      function_ref<Value(OpBuilder &, Location, Value /*elem*/, Value /*acc*/)>
          combine);

  /// Reduces the first dimension of the rank-2 `input` (a column
  /// reduction: the result has one element per column).
  Value reduceFirst(
      Value input, double init,
      function_ref<Value(OpBuilder &, Location, Value /*elem*/, Value /*acc*/)>
          combine);

  /// numer / denom with `denom` broadcast along the last dimension of
  /// `numer`; 0 where `denom` is 0 (a row that saw no unmasked element).
  Value divideRowsOrZero(Value numer, Value denom);

  /// The running maximum `max` as the shift of exp(s - shift): -inf (no
  /// element seen, or all masked) becomes 0, so that -inf - shift stays -inf.
  Value safeShift(Value max);

  /// Softmax over the last dimension. Elements equal to -inf get weight 0; a
  /// row whose elements are all -inf gets zeros (not NaN).
  /// `polynomialExp` as for expNonPositive.
  Value softmaxLast(Value scores, bool polynomialExp = true);

  //===--------------------------------------------------------------------===//
  // Scalar math inside bodies
  //===--------------------------------------------------------------------===//

  /// exp(x) for x <= 0 (the shifted scores of a softmax), as a vectorizable
  /// f32 polynomial within about 1 ulp: below -88, and at -inf, exactly 0; a
  /// NaN stays NaN. Other element types use math.exp (-inf giving 0).
  /// With `polynomial` false, always math.exp (-inf giving 0).
  static Value expNonPositive(OpBuilder &b, Location loc, Value x,
                              bool polynomial = true);
  static Value sigmoid(OpBuilder &b, Location loc, Value x);
  static Value tanh(OpBuilder &b, Location loc, Value x);
  static Value relu(OpBuilder &b, Location loc, Value x);

  /// Affine map helpers.
  AffineMap identityMap(unsigned rank);
  /// A map of `numDims` dims to the results `exprs`.
  AffineMap mapOf(unsigned numDims, ArrayRef<AffineExpr> exprs);

private:
  OpBuilder &b;
  Location loc;
  bool freshBuffers = false;
};

} // namespace s2s
} // namespace mlir

#endif // S2S_LIB_CONVERSION_S2STOLINALG_TENSORBUILDER_H
