//===- CompiledFunction.cpp - calling compiled entry points ---------------===//

#include "s2s/Compiler/CompiledFunction.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Target/TargetMachine.h"

#include <array>
#include <utility>

using namespace mlir;
using namespace mlir::s2s;

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
  if (!isShapeOf(type, shape))
    return makeError(argument + " has type " + typeText + ", so " + what +
                     " must have shape " + formatShape(type.getShape()) +
                     ", but it has shape " + formatShape(shape));
  return llvm::Error::success();
}

namespace {
/// Strided memref descriptors {allocated, aligned, offset, sizes[R],
/// strides[R]} of arrays in C order, and a pointer to each.
class Descriptors {
public:
  explicit Descriptors(ArrayRef<ArrayView> arrays) {
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
  }
  ArrayRef<void *> get() const { return pointers; }

private:
  std::vector<std::vector<int64_t>> descriptors;
  std::vector<void *> pointers;
};

/// An invoker of a JIT-compiled function through its packed interface: a
/// pointer to each argument (here, to each descriptor pointer), then to the
/// result when it has one.
CompiledFunction::Invoker packedInvoker(void (*packed)(void **),
                                        bool hasResult) {
  return [=](ArrayRef<void *> descriptors) {
    SmallVector<void *> pointers(descriptors);
    SmallVector<void *> args;
    for (void *&ptr : pointers)
      args.push_back(&ptr);
    int32_t result = 0;
    if (hasResult)
      args.push_back(&result);
    packed(args.data());
    return result;
  };
}

/// Calling a C function of N pointer parameters, for N chosen at run time:
/// a table of callers, one per N.
constexpr size_t kMaxDescriptors = 128;
template <size_t> using Pointer = void *;
template <typename R, size_t... I>
int32_t callWith(void *fn, ArrayRef<void *> args, std::index_sequence<I...>) {
  auto typed = reinterpret_cast<R (*)(Pointer<I>...)>(fn);
  if constexpr (std::is_void_v<R>) {
    typed(args[I]...);
    return 0;
  } else {
    return typed(args[I]...);
  }
}
template <typename R, size_t... N>
constexpr std::array<int32_t (*)(void *, ArrayRef<void *>), sizeof...(N)>
callerTable(std::index_sequence<N...>) {
  return {[](void *fn, ArrayRef<void *> args) {
    return callWith<R>(fn, args, std::make_index_sequence<N>());
  }...};
}

/// An invoker of a function of the C interface (`_mlir_ciface_*`) that
/// returns R (int32_t or void).
template <typename R> CompiledFunction::Invoker cInvoker(void *fn) {
  static constexpr auto table =
      callerTable<R>(std::make_index_sequence<kMaxDescriptors + 1>());
  return [fn](ArrayRef<void *> descriptors) {
    return table[descriptors.size()](fn, descriptors);
  };
}
} // namespace

CompiledFunction::~CompiledFunction() = default;

llvm::Expected<std::unique_ptr<CompiledFunction>>
CompiledFunction::compile(ModuleOp module, func::FuncOp func,
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

  std::unique_ptr<CompiledFunction> compiled(new CompiledFunction());
  compiled->engine = std::move(*engine);
  compiled->entry = std::move(*entry);
  // Compile now, so that the first call runs without the JIT's work.
  auto lookup = [&](const std::string &symbol, const std::string &name,
                    bool hasResult, Invoker &invoker) -> llvm::Error {
    auto found = compiled->engine->lookupPacked(symbol);
    if (!found)
      return makeError("cannot compile @" + name + ": " +
                       llvm::toString(found.takeError()));
    invoker = packedInvoker(*found, hasResult);
    return llvm::Error::success();
  };
  const EntryPoint &e = compiled->entry;
  if (llvm::Error err =
          lookup(e.getCInterfaceName(), e.name, true, compiled->function))
    return std::move(err);
  if (!e.shapeChecks.empty())
    if (llvm::Error err =
            lookup(e.getCheckShapesCInterfaceName(), e.getCheckShapesName(),
                   true, compiled->checkShapes))
      return std::move(err);
  if (e.hasDynamicResults())
    if (llvm::Error err =
            lookup(e.getResultShapesCInterfaceName(), e.getResultShapesName(),
                   false, compiled->resultShapes))
      return std::move(err);
  return compiled;
}

llvm::Expected<std::vector<std::unique_ptr<CompiledFunction>>>
CompiledFunction::loadLibrary(MLIRContext *context, StringRef path,
                              StringRef symbolPrefix) {
  // A path, not a name for the dynamic linker to search.
  SmallString<256> absolute(path);
  if (std::error_code ec = llvm::sys::fs::make_absolute(absolute))
    return makeError("cannot load " + path + ": " + ec.message());
  std::string error;
  llvm::sys::DynamicLibrary library =
      llvm::sys::DynamicLibrary::getPermanentLibrary(absolute.c_str(), &error);
  if (!library.isValid())
    return makeError("cannot load " + path + ": " + error);
  std::string infoSymbol = getModelInfoSymbol(symbolPrefix);
  const auto *info =
      static_cast<const char *>(library.getAddressOfSymbol(infoSymbol.c_str()));
  if (!info)
    return makeError(path + " has no symbol " + infoSymbol +
                     " (a library that s2s-compile --emit=shared wrote "
                     "exports it, with its --symbol-prefix in front)");
  llvm::Expected<std::vector<EntryPoint>> entries =
      parseModelInfo(context, info);
  if (!entries)
    return makeError(path + ": " + llvm::toString(entries.takeError()));
  std::vector<std::unique_ptr<CompiledFunction>> functions;
  for (EntryPoint &e : *entries) {
    std::unique_ptr<CompiledFunction> f(new CompiledFunction());
    auto find = [&](const std::string &symbol) -> void * {
      return library.getAddressOfSymbol(symbol.c_str());
    };
    void *fn = find(e.getCInterfaceName());
    void *check = e.shapeChecks.empty()
                      ? nullptr
                      : find(e.getCheckShapesCInterfaceName());
    void *shapes = e.hasDynamicResults()
                       ? find(e.getResultShapesCInterfaceName())
                       : nullptr;
    if (!fn || (!e.shapeChecks.empty() && !check) ||
        (e.hasDynamicResults() && !shapes))
      return makeError(path + " lacks a function of @" + e.name +
                       " that its description names");
    if (e.inputs.size() + e.results.size() > kMaxDescriptors)
      return makeError("@" + e.name + " takes more than " +
                       llvm::Twine(kMaxDescriptors) + " arrays");
    f->function = cInvoker<int32_t>(fn);
    if (check)
      f->checkShapes = cInvoker<int32_t>(check);
    if (shapes)
      f->resultShapes = cInvoker<void>(shapes);
    f->entry = std::move(e);
    functions.push_back(std::move(f));
  }
  return functions;
}

llvm::Expected<SmallVector<SmallVector<int64_t>>>
CompiledFunction::getResultShapes(ArrayRef<ArrayView> inputs) {
  assert(inputs.size() == entry.inputs.size() && "one array per argument");
  // The input sizes against the model's shape rules: the check function
  // gives the number of the first rule broken.
  if (checkShapes) {
    int32_t status = checkShapes(Descriptors(inputs).get());
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
  resultShapes(Descriptors(arrays).get());
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

llvm::Error CompiledFunction::call(ArrayRef<ArrayView> inputs,
                                   ArrayRef<ArrayView> results) {
  assert(inputs.size() == entry.inputs.size() && "one array per argument");
  assert(results.size() == entry.results.size() && "one array per result");
  SmallVector<ArrayView> arrays(inputs);
  llvm::append_range(arrays, results);
  // The entry point returns 0, or the number of the first check of its
  // arguments that fails (nothing computed).
  int32_t status = function(Descriptors(arrays).get());
  if (status == 0)
    return llvm::Error::success();
  std::string message =
      status > 0 && static_cast<size_t>(status) <= entry.statusMessages.size()
          ? entry.statusMessages[status - 1]
          : "unknown status";
  return makeError("@" + entry.name + " returned status " +
                   llvm::Twine(status) + ": " + message);
}
