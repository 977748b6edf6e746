//===- JIT.cpp - running compiled entry points in-process -----------------===//

#include "s2s/Compiler/JIT.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "llvm/Target/TargetMachine.h"

using namespace mlir;
using namespace mlir::s2s;

std::optional<DType> mlir::s2s::getDType(Type type) {
  if (type.isF32())
    return DType::Float32;
  if (type.isF64())
    return DType::Float64;
  if (type.isInteger(1))
    return DType::Bool;
  if (type.isSignlessInteger(32))
    return DType::Int32;
  if (type.isSignlessInteger(64))
    return DType::Int64;
  return std::nullopt;
}

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::Error mlir::s2s::checkArgument(const EntryPoint &entry, unsigned index,
                                     DType dtype, ArrayRef<int64_t> shape,
                                     StringRef what) {
  RankedTensorType type = entry.inputs[index];
  std::string argument = "argument #" + std::to_string(index);
  if (!entry.inputNames[index].empty())
    argument += " (" + entry.inputNames[index] + ")";
  std::string typeText;
  llvm::raw_string_ostream(typeText) << type;
  DType want = *getDType(type.getElementType());
  if (dtype != want)
    return makeError(argument + " has type " + typeText + ", so " + what +
                     " must hold " + getDTypeName(want) + ", but it holds " +
                     getDTypeName(dtype));
  bool shapeMatches =
      static_cast<int64_t>(shape.size()) == type.getRank() &&
      llvm::all_of(llvm::zip_equal(shape, type.getShape()), [](auto dims) {
        auto [got, want] = dims;
        return ShapedType::isDynamic(want) || got == want;
      });
  if (!shapeMatches)
    return makeError(argument + " has type " + typeText + ", so " + what +
                     " must have shape " + formatShape(type.getShape()) +
                     ", but it has shape " + formatShape(shape));
  return llvm::Error::success();
}

namespace {
/// The arguments of a packed call of a JIT-compiled function: a pointer to
/// a strided memref descriptor {allocated, aligned, offset, sizes[R],
/// strides[R]} of each array, in order, then `result` (when given) for a
/// scalar result.
class PackedArgs {
public:
  PackedArgs(ArrayRef<ArrayView> arrays, void *result = nullptr) {
    for (const ArrayView &array : arrays) {
      int64_t rank = array.shape.size();
      std::vector<int64_t> &words = descriptors.emplace_back(3 + 2 * rank);
      auto ptr = reinterpret_cast<int64_t>(array.data);
      words[0] = ptr;
      words[1] = ptr;
      words[2] = 0;
      int64_t stride = 1;
      for (int64_t i = rank - 1; i >= 0; --i) {
        words[3 + i] = array.shape[i];
        words[3 + rank + i] = stride;
        stride *= array.shape[i];
      }
    }
    for (std::vector<int64_t> &d : descriptors)
      pointers.push_back(d.data());
    for (void *&ptr : pointers)
      args.push_back(&ptr);
    if (result)
      args.push_back(result);
  }
  void **get() { return args.data(); }

private:
  std::vector<std::vector<int64_t>> descriptors;
  std::vector<void *> pointers, args;
};
} // namespace

JITFunction::~JITFunction() = default;

llvm::Expected<std::unique_ptr<JITFunction>>
JITFunction::create(ModuleOp module, func::FuncOp func,
                    const S2SPipelineOptions &options,
                    std::unique_ptr<llvm::TargetMachine> targetMachine) {
  FailureOr<EntryPoint> entry = s2s::getEntryPoint(func);
  if (failed(entry))
    return makeError("@" + func.getName() + " cannot be an entry point");
  if (failed(keepOnlyEntry(module, func)) ||
      failed(lowerToLLVMDialect(module, options)))
    return makeError("cannot lower @" + entry->name);
  entry->shapeChecks = getShapeCheckMessages(module, *entry);
  entry->statusMessages = getStatusMessages(module, *entry);

  // The options refer to the transformer (a function_ref): it must outlive
  // ExecutionEngine::create.
  std::function<llvm::Error(llvm::Module *)> optimize =
      makeOptimizingTransformer(3, 0, targetMachine.get());
  ExecutionEngineOptions engineOptions;
  engineOptions.transformer = optimize;
  std::string openMPRuntime;
  if (usesOpenMP(module)) {
    llvm::Expected<std::string> path = getOpenMPRuntimePath();
    if (!path)
      return path.takeError();
    openMPRuntime = *path;
  }
  SmallVector<StringRef> sharedLibs;
  if (!openMPRuntime.empty())
    sharedLibs.push_back(openMPRuntime);
  engineOptions.sharedLibPaths = sharedLibs;
  engineOptions.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
  // The engine owns the target machine that optimizes and compiles the code.
  auto engine =
      ExecutionEngine::create(module, engineOptions, std::move(targetMachine));
  if (!engine)
    return makeError("cannot create the JIT: " +
                     llvm::toString(engine.takeError()));

  std::unique_ptr<JITFunction> jit(new JITFunction());
  jit->engine = std::move(*engine);
  jit->entry = std::move(*entry);
  // Compile now, so that the first call runs without the JIT's work.
  auto lookup = [&](const std::string &symbol, const std::string &name,
                    PackedFn &fn) -> llvm::Error {
    auto found = jit->engine->lookupPacked(symbol);
    if (!found)
      return makeError("cannot compile @" + name + ": " +
                       llvm::toString(found.takeError()));
    fn = *found;
    return llvm::Error::success();
  };
  const EntryPoint &e = jit->entry;
  if (llvm::Error err = lookup(e.getCInterfaceName(), e.name, jit->function))
    return std::move(err);
  if (!e.shapeChecks.empty())
    if (llvm::Error err = lookup(e.getCheckShapesCInterfaceName(),
                                 e.getCheckShapesName(), jit->checkShapes))
      return std::move(err);
  if (e.hasDynamicResults())
    if (llvm::Error err = lookup(e.getResultShapesCInterfaceName(),
                                 e.getResultShapesName(), jit->resultShapes))
      return std::move(err);
  return jit;
}

llvm::Expected<SmallVector<SmallVector<int64_t>>>
JITFunction::getResultShapes(ArrayRef<ArrayView> inputs) {
  assert(inputs.size() == entry.inputs.size() && "one array per argument");
  // The input sizes against the model's shape rules: the check function
  // gives the number of the first rule broken.
  if (checkShapes) {
    int32_t status = 0;
    checkShapes(PackedArgs(inputs, &status).get());
    if (status != 0) {
      std::string message =
          status > 0 && static_cast<size_t>(status) <= entry.shapeChecks.size()
              ? entry.shapeChecks[status - 1]
              : "shape check " + std::to_string(status) + " failed";
      return makeError("the input sizes do not fit @" + entry.name + ": " +
                       message);
    }
  }
  SmallVector<SmallVector<int64_t>> shapes;
  for (RankedTensorType type : entry.results)
    shapes.emplace_back(type.getShape());
  if (!resultShapes)
    return shapes;
  std::vector<int64_t> sizes(entry.getNumResultDims());
  SmallVector<ArrayView> arrays(inputs);
  int64_t sizesShape[] = {static_cast<int64_t>(sizes.size())};
  arrays.push_back({DType::Int64, sizesShape, sizes.data()});
  resultShapes(PackedArgs(arrays).get());
  int64_t next = 0;
  for (auto [i, shape] : llvm::enumerate(shapes))
    for (int64_t &dim : shape) {
      int64_t size = sizes[next++];
      if (size < 0 || (!ShapedType::isDynamic(dim) && size != dim)) {
        std::string typeText;
        llvm::raw_string_ostream(typeText) << entry.results[i];
        return makeError("@" + entry.getResultShapesName() + " gives result #" +
                         llvm::Twine(i) + " the size " + llvm::Twine(size) +
                         " where its type " + typeText + " allows " +
                         (ShapedType::isDynamic(dim) ? std::string("sizes >= 0")
                                                     : std::to_string(dim)));
      }
      dim = size;
    }
  return shapes;
}

llvm::Error JITFunction::call(ArrayRef<ArrayView> inputs,
                              ArrayRef<ArrayView> results) {
  assert(inputs.size() == entry.inputs.size() && "one array per argument");
  assert(results.size() == entry.results.size() && "one array per result");
  SmallVector<ArrayView> arrays(inputs);
  llvm::append_range(arrays, results);
  // The entry point returns 0, or the number of the first check of its
  // arguments that fails (nothing computed).
  int32_t status = 0;
  function(PackedArgs(arrays, &status).get());
  if (status == 0)
    return llvm::Error::success();
  std::string message =
      status > 0 && static_cast<size_t>(status) <= entry.statusMessages.size()
          ? entry.statusMessages[status - 1]
          : "unknown status";
  return makeError("@" + entry.name + " returned status " +
                   llvm::Twine(status) + ": " + message);
}
