//===- ShapeFunctions.cpp - what a caller must know about dynamic shapes --===//
//
// The s2s-bufferization-shape-functions pass adds, next to each public
// function whose shapes are dynamic, two public functions that take the
// same arguments:
//
//  * `<name>_check_shapes` returns 0 when the arguments' sizes satisfy
//    every shape rule of the entry's ops (the cf.assert checks of
//    s2s-insert-shape-checks in its body), else the number of the first
//    rule broken; the messages are the function's `s2s.shape_checks`;
//  * `<name>_result_shapes` returns every result dimension as one tensor
//    of i64, so that a caller allocates the results before the call.
//
// Each is the entry's body with its results replaced, simplified through
// the ops' ReifyRankedShapedTypeOpInterface and through loops that update
// a tensor in place (scf.for, scf.while), so that what the sizes and checks
// do not depend on is dead and erased: for the s2s ops, sizes are
// dimensions of the arguments.
//
//===----------------------------------------------------------------------===//

#include "s2s/Bufferization/Passes.h"

#include "Status.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Patterns.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SBUFFERIZATIONSHAPEFUNCTIONSPASS
#include "s2s/Bufferization/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

/// Whether a result of `func` is a tensor with a dynamic dimension.
static bool hasDynamicResult(func::FuncOp func) {
  return llvm::any_of(func.getResultTypes(), [](Type type) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    return tensor && !tensor.hasStaticShape();
  });
}

/// A public copy of `func` named `name` returning `resultType`, inserted
/// after `func`, or an error when the module has a symbol of that name.
static FailureOr<func::FuncOp> cloneAs(func::FuncOp func, StringRef name,
                                       Type resultType, SymbolTable &symbols) {
  if (symbols.lookup(name))
    return func.emitError() << "cannot add the shape function @" << name
                            << ": the module already has a symbol of that "
                            << "name";
  auto clone = cast<func::FuncOp>(func->clone());
  clone.setName(name);
  clone.setType(FunctionType::get(func.getContext(), func.getArgumentTypes(),
                                  resultType));
  // Result attributes (if any) describe the entry's results.
  clone.removeResAttrsAttr();
  symbols.insert(clone, std::next(Block::iterator(func)));
  return clone;
}

namespace {
/// tensor.dim of the result of an elementwise op on tensors (arith and
/// math ops, which do not reify their shapes) as tensor.dim of its first
/// tensor operand: the operands and results of such an op have one shape.
struct DimOfElementwise : OpRewritePattern<tensor::DimOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tensor::DimOp dim,
                                PatternRewriter &rewriter) const override {
    Operation *def = dim.getSource().getDefiningOp();
    if (!def || !def->hasTrait<OpTrait::Elementwise>() ||
        def->getNumRegions() != 0)
      return failure();
    auto resultType = cast<RankedTensorType>(dim.getSource().getType());
    for (Value operand : def->getOperands()) {
      auto type = dyn_cast<RankedTensorType>(operand.getType());
      if (!type || type.getShape() != resultType.getShape())
        continue;
      rewriter.replaceOpWithNewOp<tensor::DimOp>(dim, operand, dim.getIndex());
      return success();
    }
    return failure();
  }
};

/// Whether `value` has the sizes of `arg` because it is `arg` updated in
/// place: `arg` itself, or through the destination of destination-style
/// ops (tensor.insert_slice among them), the caches of s2s.kv_cache_append
/// and s2s.cached_multi_head_attention, and tensor.cast.
static bool updatesInPlace(Value value, Value arg) {
  while (value != arg) {
    auto result = dyn_cast<OpResult>(value);
    if (!result)
      return false;
    Operation *def = result.getOwner();
    if (auto dps = dyn_cast<DestinationStyleOpInterface>(def))
      value = dps.getTiedOpOperand(result)->get();
    else if (auto append = dyn_cast<s2s::KVCacheAppendOp>(def);
             append && result.getResultNumber() == 0)
      value = append.getCache();
    else if (auto attn = dyn_cast<s2s::CachedMultiHeadAttentionOp>(def);
             attn && result.getResultNumber() > 0)
      value = result.getResultNumber() == 1 ? attn.getKeyCache()
                                            : attn.getValueCache();
    else if (auto cast = dyn_cast<tensor::CastOp>(def))
      value = cast.getSource();
    else
      return false;
  }
  return true;
}

/// tensor.dim of a result of an scf.while as tensor.dim of its initial
/// value, where every iteration updates the value in place: the
/// scf.condition passes on before-argument i updated in place, and the
/// scf.yield after-argument i (the sizes of a token history that the loop
/// writes one row at a time do not depend on the loop).
struct DimOfWhileResult : OpRewritePattern<tensor::DimOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tensor::DimOp dim,
                                PatternRewriter &rewriter) const override {
    auto result = dyn_cast<OpResult>(dim.getSource());
    auto loop = result ? dyn_cast<scf::WhileOp>(result.getOwner()) : nullptr;
    if (!loop)
      return failure();
    unsigned i = result.getResultNumber();
    if (i >= loop.getInits().size() ||
        loop.getInits()[i].getType() != result.getType())
      return failure();
    if (!updatesInPlace(loop.getConditionOp().getArgs()[i],
                        loop.getBeforeArguments()[i]) ||
        !updatesInPlace(loop.getYieldOp().getResults()[i],
                        loop.getAfterArguments()[i]))
      return failure();
    rewriter.replaceOpWithNewOp<tensor::DimOp>(dim, loop.getInits()[i],
                                               dim.getIndex());
    return success();
  }
};
} // namespace

/// Rewrites sizes of op results as sizes of their operands; the
/// computation that no longer has a use is erased.
static LogicalResult simplify(func::FuncOp func) {
  MLIRContext *ctx = func.getContext();
  RewritePatternSet patterns(ctx);
  patterns.add<DimOfElementwise, DimOfWhileResult>(ctx);
  memref::populateResolveRankedShapedTypeResultDimsPatterns(patterns);
  // The sizes of scf.for results and iteration arguments updated in place.
  scf::populateSCFForLoopCanonicalizationPatterns(patterns);
  tensor::DimOp::getCanonicalizationPatterns(patterns, ctx);
  if (failed(applyPatternsGreedily(func, std::move(patterns))))
    return func.emitError() << "cannot simplify @" << func.getName();
  return success();
}

/// Whether `value` depends on the values (not only the sizes) of tensors:
/// it is computed through a tensor.extract or an op with regions (a loop
/// over elements). The sizes of a tensor (tensor.dim) do not count.
static bool readsTensorValues(Value value, DenseSet<Operation *> &seen) {
  Operation *def = value.getDefiningOp();
  if (!def || !seen.insert(def).second || isa<tensor::DimOp>(def))
    return false;
  if (isa<tensor::ExtractOp>(def) || def->getNumRegions() != 0)
    return true;
  return llvm::any_of(def->getOperands(), [&](Value operand) {
    return readsTensorValues(operand, seen);
  });
}

/// The cf.assert ops directly in the entry block of `func` whose condition
/// depends on sizes only, in order. Checks of values (token ids in range, a
/// shape read from an input) stay in the entry, where
/// s2s-bufferization-return-status makes them once the sizes are known to
/// be right: the check function reads no tensor's values.
static SmallVector<cf::AssertOp> topLevelChecks(func::FuncOp func) {
  SmallVector<cf::AssertOp> checks;
  for (auto check : func.getBody().front().getOps<cf::AssertOp>()) {
    DenseSet<Operation *> seen;
    if (!readsTensorValues(check.getArg(), seen))
      checks.push_back(check);
  }
  return checks;
}

/// Builds `<name>_check_shapes` for `func` from the checks in its entry
/// block (nested ones, which depend on loop-carried values, stay only in
/// the entry).
static LogicalResult buildCheckFunction(func::FuncOp func,
                                        SymbolTable &symbols) {
  SmallVector<cf::AssertOp> checks = topLevelChecks(func);
  if (checks.empty())
    return success();
  MLIRContext *ctx = func.getContext();
  Type i32 = IntegerType::get(ctx, 32);
  FailureOr<func::FuncOp> clone =
      cloneAs(func, (func.getName() + "_check_shapes").str(), i32, symbols);
  if (failed(clone))
    return failure();
  SmallVector<Attribute> messages;
  for (cf::AssertOp check : checks)
    messages.push_back(check.getMsgAttr());
  (*clone)->setAttr("s2s.shape_checks", ArrayAttr::get(ctx, messages));

  // status = the number of the first check that fails, or 0.
  SmallVector<cf::AssertOp> cloned = topLevelChecks(*clone);
  SmallVector<func::ReturnOp> returns;
  clone->walk([&](func::ReturnOp ret) { returns.push_back(ret); });
  for (func::ReturnOp ret : returns) {
    OpBuilder b(ret);
    Location loc = ret.getLoc();
    SmallVector<s2s::NumberedCheck> numbered;
    for (auto [i, check] : llvm::enumerate(cloned))
      numbered.push_back({check.getArg(), static_cast<int64_t>(i) + 1});
    func::ReturnOp::create(
        b, loc,
        s2s::firstFailedCheck(b, loc, numbered,
                              arith::ConstantIntOp::create(b, loc, i32, 0)));
    ret.erase();
  }
  clone->walk([](cf::AssertOp check) { check.erase(); });
  return simplify(*clone);
}

/// Builds `<name>_result_shapes` for `func`.
static LogicalResult buildResultShapesFunction(func::FuncOp func,
                                               SymbolTable &symbols) {
  MLIRContext *ctx = func.getContext();
  std::string name = (func.getName() + "_result_shapes").str();
  int64_t numDims = 0;
  for (Type type : func.getResultTypes()) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor)
      return func.emitError()
             << "result shape function: @" << func.getName() << " returns "
             << type << ", which is not a ranked tensor";
    numDims += tensor.getRank();
  }
  auto shapesType = RankedTensorType::get({numDims}, IntegerType::get(ctx, 64));
  FailureOr<func::FuncOp> clone = cloneAs(func, name, shapesType, symbols);
  if (failed(clone))
    return failure();
  func::FuncOp shapes = *clone;
  shapes->setAttr("s2s.result_shapes", UnitAttr::get(ctx));
  // The checks are the entry's and the check function's business.
  shapes.walk([](cf::AssertOp check) { check.erase(); });

  // Every return: the sizes of its operands instead.
  SmallVector<func::ReturnOp> returns;
  shapes.walk([&](func::ReturnOp ret) { returns.push_back(ret); });
  for (func::ReturnOp ret : returns) {
    OpBuilder b(ret);
    Location loc = ret.getLoc();
    SmallVector<Value> dims;
    for (Value result : ret.getOperands()) {
      auto type = cast<RankedTensorType>(result.getType());
      for (int64_t i = 0; i < type.getRank(); ++i) {
        Value size =
            type.isDynamicDim(i)
                ? tensor::DimOp::create(b, loc, result, i).getResult()
                : arith::ConstantIndexOp::create(b, loc, type.getDimSize(i))
                      .getResult();
        dims.push_back(
            arith::IndexCastOp::create(b, loc, b.getI64Type(), size));
      }
    }
    Value vector = tensor::FromElementsOp::create(b, loc, shapesType, dims);
    func::ReturnOp::create(b, loc, vector);
    ret.erase();
  }

  return simplify(shapes);
}

namespace {
struct S2SBufferizationShapeFunctionsPass
    : s2s::impl::S2SBufferizationShapeFunctionsPassBase<
          S2SBufferizationShapeFunctionsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<func::FuncOp> entries;
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        entries.push_back(func);
    for (func::FuncOp func : entries) {
      if (failed(buildCheckFunction(func, symbols)) ||
          (hasDynamicResult(func) &&
           failed(buildResultShapesFunction(func, symbols))))
        return signalPassFailure();
    }
  }
};
} // namespace
