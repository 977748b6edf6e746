//===- CompiledFunction.h - calling compiled entry points -------*- C++ -*-===//
//
// What s2s-run and the Python module share: an entry point compiled in this
// process by LLVM's JIT, or found in a library that s2s-compile wrote, called
// on arrays the caller owns (no copies), with its shape checks, result shape
// function and returned status turned into errors that carry the model's own
// messages.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_COMPILER_COMPILEDFUNCTION_H
#define S2S_COMPILER_COMPILEDFUNCTION_H

#include "s2s/Compiler/Compiler.h"

#include <functional>

namespace mlir {
class ExecutionEngine;

namespace s2s {

/// An array as a compiled function takes it: element type, sizes and
/// C-ordered data that the caller owns.
struct ArrayView {
  DType dtype = DType::Float32;
  ArrayRef<int64_t> shape;
  void *data = nullptr;

  static ArrayView get(NpyArray &array) {
    return {array.dtype, array.shape, array.data()};
  }
};

/// Checks an array of `dtype` and `shape` against argument `index` of
/// `entry`: the element type, the rank and every static size. The error
/// reads "argument #I (NAME) has type T, so WHAT must hold/have ..., but it
/// holds/has ...".
llvm::Error checkArgument(const EntryPoint &entry, unsigned index, DType dtype,
                          ArrayRef<int64_t> shape, StringRef what);

/// An entry point compiled to native code: by the JIT in this process
/// (compile), or ahead of time by s2s-compile into a shared library
/// (loadLibrary).
class CompiledFunction {
public:
  ~CompiledFunction();

  /// Compiles `func` of `module` for `targetMachine` (which must be made
  /// for the host with `forJIT`): makes the module's other functions
  /// private and drops what `func` does not call, lowers the module in place
  /// with `options`, and JIT-compiles it, loading the OpenMP runtime when the
  /// code needs it. Diagnostics of the lowering go to the context's handler;
  /// the error says which step failed.
  static llvm::Expected<std::unique_ptr<CompiledFunction>>
  compile(ModuleOp module, func::FuncOp func, const S2SPipelineOptions &options,
          std::unique_ptr<llvm::TargetMachine> targetMachine);

  /// The entry points of the shared library `path` that s2s-compile wrote
  /// (with `symbolPrefix`, as given to s2s-compile --symbol-prefix), read
  /// from the description it exports (getModelInfoSymbol); their types live
  /// in `context`. The library stays loaded for the life of the process.
  static llvm::Expected<std::vector<std::unique_ptr<CompiledFunction>>>
  loadLibrary(MLIRContext *context, StringRef path, StringRef symbolPrefix);

  /// The entry point's signature, with its shape check and status messages.
  const EntryPoint &getEntryPoint() const { return entry; }

  /// The sizes of the results for `inputs`: runs the entry point's shape
  /// check (the error gives the message of the first rule broken) and, when
  /// results have dynamic sizes, its result shape function. The inputs must
  /// have passed checkArgument.
  llvm::Expected<SmallVector<SmallVector<int64_t>>>
  getResultShapes(ArrayRef<ArrayView> inputs);

  /// Calls the entry point; `results` must have the sizes getResultShapes
  /// gives. The error gives the message of the status it returned.
  llvm::Error call(ArrayRef<ArrayView> inputs, ArrayRef<ArrayView> results);

  /// A function of the C interface, called with a pointer to a memref
  /// descriptor per array; its int32 result (0 for a void function).
  using Invoker = std::function<int32_t(ArrayRef<void *> descriptors)>;

private:
  CompiledFunction() = default;

  std::unique_ptr<ExecutionEngine> engine;
  EntryPoint entry;
  Invoker function, checkShapes, resultShapes;
};

} // namespace s2s
} // namespace mlir

#endif // S2S_COMPILER_COMPILEDFUNCTION_H
