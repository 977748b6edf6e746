//===- CheckDescriptors.cpp - what a caller's memref descriptors must be --===//
//
// The s2s-bufferization-check-descriptors pass: each memref argument of a
// public function with a C interface takes any strided descriptor of its
// rank, is checked at the function's start (offset 0, the static sizes,
// row-major strides) and viewed as the identity-layout type its body
// was compiled for. A failed check is a cf.assert in an entry, a status in
// a `<name>_check_shapes` function. See the pass description in
// include/s2s/Bufferization/Passes.td.
//
//===----------------------------------------------------------------------===//

#include "s2s/Bufferization/Passes.h"

#include "Status.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_S2SBUFFERIZATIONCHECKDESCRIPTORSPASS
#include "s2s/Bufferization/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;

namespace {
/// One argument's check: whether its descriptor is what the body needs,
/// and the message that says what that is.
struct DescriptorCheck {
  Value holds;
  std::string message;
};
} // namespace

/// "[?, 8]".
static std::string shapeString(ArrayRef<int64_t> shape) {
  std::string out = "[";
  for (auto [i, d] : llvm::enumerate(shape))
    out += (i ? ", " : "") +
           (ShapedType::isDynamic(d) ? std::string("?") : std::to_string(d));
  return out + "]";
}

/// Opens every identity-layout memref argument of `func` to any strided
/// descriptor of its rank, checks it at the start of the body and casts it
/// back; returns the checks in argument order.
static SmallVector<DescriptorCheck> openArguments(func::FuncOp func) {
  MLIRContext *ctx = func.getContext();
  Block &entry = func.front();
  OpBuilder b = OpBuilder::atBlockBegin(&entry);
  Location loc = func.getLoc();
  SmallVector<Type> inputs(func.getArgumentTypes());
  SmallVector<DescriptorCheck> checks;
  for (BlockArgument arg : entry.getArguments()) {
    auto type = dyn_cast<MemRefType>(arg.getType());
    if (!type || !type.getLayout().isIdentity())
      continue;
    int64_t rank = type.getRank();
    auto layout = StridedLayoutAttr::get(
        ctx, ShapedType::kDynamic,
        SmallVector<int64_t>(rank, ShapedType::kDynamic));
    auto open =
        MemRefType::get(SmallVector<int64_t>(rank, ShapedType::kDynamic),
                        type.getElementType(), layout, type.getMemorySpace());
    arg.setType(open);
    inputs[arg.getArgNumber()] = open;

    auto meta = memref::ExtractStridedMetadataOp::create(b, loc, arg);
    auto index = [&](int64_t v) {
      return arith::ConstantIndexOp::create(b, loc, v).getResult();
    };
    auto cmp = [&](arith::CmpIPredicate pred, Value x, Value y) {
      return arith::CmpIOp::create(b, loc, pred, x, y).getResult();
    };
    auto both = [&](Value x, Value y) {
      return arith::AndIOp::create(b, loc, x, y).getResult();
    };
    Value holds = cmp(arith::CmpIPredicate::eq, meta.getOffset(), index(0));
    // Row-major: stride d is the product of the sizes after d (any stride
    // for a dimension of size 0 or 1, which no index steps along).
    Value expected = index(1);
    SmallVector<Value> rowMajor(rank);
    for (int64_t d = rank - 1; d >= 0; --d) {
      Value size = meta.getSizes()[d], stride = meta.getStrides()[d];
      holds = both(holds, type.isDynamicDim(d)
                              ? cmp(arith::CmpIPredicate::sge, size, index(0))
                              : cmp(arith::CmpIPredicate::eq, size,
                                    index(type.getDimSize(d))));
      Value small = cmp(arith::CmpIPredicate::sle, size, index(1));
      holds = both(holds, arith::OrIOp::create(
                              b, loc, small,
                              cmp(arith::CmpIPredicate::eq, stride, expected)));
      rowMajor[d] = expected;
      if (d > 0)
        expected = arith::MulIOp::create(b, loc, expected, size);
    }
    // The argument as the body's type: a view that cannot be folded away
    // (a memref.cast would fold into its users and leave them the open
    // type), with the static sizes and strides of that type.
    auto [staticStrides, staticOffset] = type.getStridesAndOffset();
    SmallVector<OpFoldResult> sizes, strides;
    for (int64_t d = 0; d < rank; ++d) {
      sizes.push_back(type.isDynamicDim(d)
                          ? OpFoldResult(meta.getSizes()[d])
                          : OpFoldResult(b.getIndexAttr(type.getDimSize(d))));
      strides.push_back(ShapedType::isDynamic(staticStrides[d])
                            ? OpFoldResult(rowMajor[d])
                            : OpFoldResult(b.getIndexAttr(staticStrides[d])));
    }
    auto cast = memref::ReinterpretCastOp::create(
        b, loc, type, arg, b.getIndexAttr(staticOffset), sizes, strides);
    arg.replaceAllUsesExcept(cast, SmallPtrSet<Operation *, 2>{meta, cast});

    // A check function's messages speak of its entry.
    StringRef entryName = func.getName();
    if (func->hasAttr("s2s.shape_checks"))
      entryName.consume_back("_check_shapes");
    std::string name;
    if (auto onnxName =
            func.getArgAttrOfType<StringAttr>(arg.getArgNumber(), "onnx.name"))
      name = " ('" + onnxName.getValue().str() + "')";
    checks.push_back(
        {holds, "argument #" + std::to_string(arg.getArgNumber()) + name +
                    " of @" + entryName.str() +
                    ": its memref descriptor must have offset 0, sizes " +
                    shapeString(type.getShape()) +
                    " and row-major (C-order) strides"});
  }
  func.setType(FunctionType::get(ctx, inputs, func.getResultTypes()));
  return checks;
}

/// Adds `checks` to the status that the check function `func` returns:
/// numbered after its shape checks, whose status comes first.
static void addToStatus(func::FuncOp func, ArrayRef<DescriptorCheck> checks) {
  MLIRContext *ctx = func.getContext();
  auto messages = func->getAttrOfType<ArrayAttr>("s2s.shape_checks");
  SmallVector<Attribute> all(messages.begin(), messages.end());
  int64_t first = all.size() + 1;
  for (const DescriptorCheck &check : checks)
    all.push_back(StringAttr::get(ctx, check.message));
  func->setAttr("s2s.shape_checks", ArrayAttr::get(ctx, all));

  SmallVector<func::ReturnOp> returns;
  func.walk([&](func::ReturnOp ret) { returns.push_back(ret); });
  for (func::ReturnOp ret : returns) {
    OpBuilder b(ret);
    Location loc = ret.getLoc();
    Type i32 = b.getI32Type();
    Value status = ret.getOperand(0);
    SmallVector<s2s::NumberedCheck> numbered;
    for (auto [k, check] : llvm::enumerate(checks))
      numbered.push_back({check.holds, first + static_cast<int64_t>(k)});
    Value descriptors = s2s::firstFailedCheck(
        b, loc, numbered, arith::ConstantIntOp::create(b, loc, i32, 0));
    Value zero = arith::ConstantIntOp::create(b, loc, i32, 0);
    Value shapesHold =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, status, zero);
    ret->setOperand(
        0, arith::SelectOp::create(b, loc, shapesHold, descriptors, status));
  }
}

namespace {
struct S2SBufferizationCheckDescriptorsPass
    : s2s::impl::S2SBufferizationCheckDescriptorsPassBase<
          S2SBufferizationCheckDescriptorsPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      if (!func.isPublic() || func.isExternal() ||
          !func->hasAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName()))
        continue;
      SmallVector<DescriptorCheck> checks = openArguments(func);
      if (checks.empty())
        continue;
      if (func->hasAttr("s2s.shape_checks") &&
          func.getFunctionType().getNumResults() == 1) {
        addToStatus(func, checks);
        continue;
      }
      // In an entry: before anything reads the arguments.
      Operation *after = checks.back().holds.getDefiningOp();
      OpBuilder b(after->getBlock(), std::next(Block::iterator(after)));
      for (const DescriptorCheck &check : checks)
        cf::AssertOp::create(b, func.getLoc(), check.holds, check.message);
    }
  }
};
} // namespace
