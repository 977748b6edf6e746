//===- Compiler.h - compiling s2s models to native code ---------*- C++ -*-===//
//
// What s2s-run and s2s-compile share: loading a model, choosing and checking
// its entry function, lowering it to the LLVM dialect, translating it to LLVM
// IR optimized for the host CPU, and emitting assembly or object code.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_COMPILER_COMPILER_H
#define S2S_COMPILER_COMPILER_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Support/LLVM.h"
#include "s2s/Codegen/CPU/Target.h"
#include "s2s/Runtime/Npy.h"
#include "s2s/Transforms/Pipelines.h"
#include "llvm/Support/CodeGen.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>

namespace llvm {
class LLVMContext;
class SourceMgr;
class Module;
class TargetMachine;
class raw_pwrite_stream;
} // namespace llvm

namespace mlir {
class DialectRegistry;
class MLIRContext;
class SourceMgrDiagnosticHandler;

namespace s2s {

/// Registers the dialects a model may use (s2s and every upstream dialect)
/// and the translations to LLVM IR.
void registerCompilerDialects(DialectRegistry &registry);

/// What a tool holds while it compiles a model: a context with every
/// dialect registered and loaded, the host target initialized, and a source
/// manager whose diagnostic handler prints file:line:col and the source line.
/// The plugin options of s2s-run and s2s-compile, in the tool's option
/// category: --load-pass-plugin and --load-dialect-plugin (as in s2s-opt)
/// and --passes, a pipeline of upstream, s2s or plugin passes run on the
/// model before it is compiled.
struct PluginFlags {
  explicit PluginFlags(llvm::cl::OptionCategory &category);

  llvm::cl::list<std::string> passPlugins;
  llvm::cl::list<std::string> dialectPlugins;
  llvm::cl::opt<std::string> passes;
};

/// Checks that `pipeline` (textual, as mlir-opt's --pass-pipeline, e.g.
/// "builtin.module(my-pass)"; without the builtin.module(...) around it, it
/// is nested in one) parses, its passes registered (those of pass
/// plugins once loaded); failure after reporting why not.
LogicalResult checkPassPipeline(StringRef pipeline);

/// Runs `pipeline` on `module` with the command line's pass-manager
/// options; nothing when it is empty.
LogicalResult runPassPipeline(ModuleOp module, StringRef pipeline);

class CompilerSession {
public:
  /// Diagnostics and errors go to `errorOS` (standard error for the tools,
  /// a string for the Python module).
  explicit CompilerSession(llvm::raw_ostream &errorOS = llvm::errs());
  ~CompilerSession();

  MLIRContext &getContext() { return *context; }

  /// Parses and verifies `path` ("-" for stdin), or imports it when it is an
  /// ONNX model (a ".onnx" file or a serialized ModelProto). Null on
  /// failure, after reporting the problem.
  OwningOpRef<ModuleOp> load(StringRef path);

  /// Loads the plugins of the command line (PluginFlags): the passes of the
  /// pass plugins into the pass registry, the dialects of the dialect
  /// plugins into this session's context. Call before load(). Failure after
  /// reporting the file that could not be loaded and why.
  LogicalResult loadPlugins(const PluginFlags &flags);

private:
  llvm::raw_ostream &errorOS;
  std::unique_ptr<MLIRContext> context;
  std::unique_ptr<llvm::SourceMgr> sourceMgr;
  std::unique_ptr<SourceMgrDiagnosticHandler> diagnostics;
};

/// Removes `--threads=N` / `--threads N` (also with one dash) from the
/// command line and returns N, or nothing when absent; an error for a value
/// that is not a number. The tools read this flag themselves because LLVM
/// registers a `threads` option of its own.
llvm::Expected<std::optional<unsigned>> takeThreadsFlag(int &argc, char **argv);

/// The tools' help text of --threads.
inline constexpr const char *kThreadsFlagHelp =
    "\nThreads:\n"
    "  --threads=<N>  Threads of the compiled code (default 1; 0: as many\n"
    "                 as the OpenMP runtime chooses when the code runs,\n"
    "                 OMP_NUM_THREADS or one per logical CPU). Above 1,\n"
    "                 attention blocks and large contractions run as OpenMP\n"
    "                 parallel loops, and the code needs the OpenMP runtime\n"
    "                 (libomp).\n";

/// The --help text of the MLIR pass-manager options the tools accept.
inline constexpr const char *kPassManagerFlagsHelp =
    "\nMLIR pass-manager options (as in mlir-opt; accepted, not listed "
    "above):\n"
    "  --mlir-print-ir-after-all, --mlir-print-ir-before-all,\n"
    "  --mlir-print-ir-after=<pass>, --mlir-print-ir-before=<pass>,\n"
    "  --mlir-print-ir-after-failure, --mlir-print-ir-tree-dir=<dir>,\n"
    "  --mlir-timing, --mlir-pass-statistics, --mlir-print-op-generic, ...\n"
    "  (IR is printed to standard error.)\n";

/// Registers the MLIR pass-manager, timing and IR printer command-line
/// options, which every pass manager of lowerToLLVMDialect / lowerToLinalg
/// then applies. Call before parsing the command line.
void registerPassManagerFlags();

/// How messages name an option of the caller: the tools' command-line flag
/// (`--bind=w.npz`) or the Python module's keyword argument (`bind='w.npz'`).
enum class OptionSpelling { CommandLine, Python };

/// Option `name` (the command line's spelling, e.g. "pipeline-options"), with
/// `value` when one is given, as `spelling` writes it: `--name`,
/// `--name=value`; `name` with underscores for dashes, `name='value'`.
std::string spellOption(OptionSpelling spelling, StringRef name,
                        std::optional<StringRef> value = std::nullopt);

/// Parses the options of the s2s-to-llvm pipeline from the tools'
/// --pipeline-options string; reports a bad one (naming the option as
/// `spelling` writes it) and returns null. A `threads` value from the
/// tools' --threads flag overrides the string's (0: one thread per logical
/// CPU of the host).
std::unique_ptr<S2SPipelineOptions>
parsePipelineOptions(StringRef options,
                     std::optional<unsigned> threads = std::nullopt,
                     llvm::raw_ostream &errorOS = llvm::errs(),
                     OptionSpelling spelling = OptionSpelling::CommandLine);

/// An entry function as the tools see it: its name and the tensor types of
/// its arguments and results (whose dimensions may be dynamic).
/// The argument attribute that names an entry point's argument: set from
/// the source's SSA name (`%x`) when a .mlir file is loaded; an imported
/// ONNX model's arguments carry `onnx.name` instead.
inline constexpr const char *kArgumentNameAttr = "s2s.name";

/// The name of argument `i` of `func`: its `s2s.name`, else the `onnx.name`
/// of an imported model; null when it has neither.
StringAttr getArgumentName(func::FuncOp func, unsigned i);

/// An array that takes the place of an entry point's argument at compile
/// time (the tools' --bind): the compiled code holds it as a constant and
/// the argument leaves the signature.
struct ArgumentBinding {
  /// The name of the argument it binds.
  std::string name;
  NpyArray array;
  /// Where the array comes from, for messages ("w.npy", "weights.npz:w").
  std::string source;
};

/// Reads the values of the tools' --bind option: `NAME=FILE` (.npy, or an
/// ONNX TensorProto .pb) binds the argument NAME; `FILE.npz` binds each
/// argument named after one of its arrays; a directory binds each argument
/// NAME to its file NAME.npy. An error names the file and what is wrong,
/// or a name bound twice, and the option as `spelling` writes it.
llvm::Expected<std::vector<ArgumentBinding>>
readArgumentBindings(ArrayRef<std::string> values,
                     OptionSpelling spelling = OptionSpelling::CommandLine);

/// Replaces each argument of `funcs` that a binding names by an
/// `arith.constant` holding its array (through a `tensor.cast` when the
/// argument's type has dynamic sizes) and removes it from the function's
/// signature. Emits an error and fails when an array's element type or
/// shape does not fit the argument's type, when a binding names no argument
/// of `funcs`, or when a function that loses arguments is called within
/// `module` (naming the option as `spelling` writes it).
LogicalResult
bindArguments(ModuleOp module, ArrayRef<func::FuncOp> funcs,
              ArrayRef<ArgumentBinding> bindings,
              OptionSpelling spelling = OptionSpelling::CommandLine);

struct EntryPoint {
  std::string name;
  SmallVector<RankedTensorType> inputs;
  /// The inputs' names (`s2s.name`, else `onnx.name`; empty when unnamed).
  SmallVector<std::string> inputNames;
  SmallVector<RankedTensorType> results;
  /// The messages of its shape checks, status 1 first (known once the
  /// module is lowered: getShapeCheckMessages).
  SmallVector<std::string> shapeChecks;
  /// The messages of the checks whose number the entry point returns,
  /// status 1 first (known once the module is lowered: getStatusMessages);
  /// the shape checks are the first of them.
  SmallVector<std::string> statusMessages;

  /// The symbol of the C interface function: `_mlir_ciface_<name>`.
  std::string getCInterfaceName() const { return "_mlir_ciface_" + name; }

  /// Whether a result has a dynamic dimension: its shape is then known
  /// only at run time, from the result shape function.
  bool hasDynamicResults() const {
    return llvm::any_of(
        results, [](RankedTensorType type) { return !type.hasStaticShape(); });
  }
  /// The function s2s-bufferization-result-shapes adds for an entry with
  /// dynamic results: `<name>_result_shapes`, and its C interface symbol.
  std::string getResultShapesName() const { return name + "_result_shapes"; }
  std::string getResultShapesCInterfaceName() const {
    return "_mlir_ciface_" + getResultShapesName();
  }
  /// The function s2s-bufferization-shape-functions adds for an entry
  /// whose shape rules involve dynamic sizes: `<name>_check_shapes`,
  /// returning 0 or the number of the first rule broken.
  std::string getCheckShapesName() const { return name + "_check_shapes"; }
  std::string getCheckShapesCInterfaceName() const {
    return "_mlir_ciface_" + getCheckShapesName();
  }
  /// The number of values the result shape function writes: the sum of
  /// the result ranks.
  int64_t getNumResultDims() const {
    int64_t n = 0;
    for (RankedTensorType type : results)
      n += type.getRank();
    return n;
  }
};

/// The .npy element type of tensors of `type`, if entry points take it
/// (f32, f64, i32, i64, i1).
std::optional<DType> getDType(Type type);

/// Whether an array of `shape` fits `type`: the same rank and, where `type`
/// has a static size, that size (a dynamic one takes the array's).
bool isShapeOf(RankedTensorType type, ArrayRef<int64_t> shape);

/// The public functions of `module` that have a body.
SmallVector<func::FuncOp> getPublicFunctions(ModuleOp module);

/// Chooses the entry function: `name` when given; else the module's only
/// public function, or the one named `main`. Emits an error listing the
/// candidates when there is no such function (and, when the module has
/// several, the option that chooses one, as `spelling` writes it).
FailureOr<func::FuncOp>
findEntryFunction(ModuleOp module, StringRef name,
                  OptionSpelling spelling = OptionSpelling::CommandLine);

/// Makes every public function of `module` but `entry` private and erases
/// the functions that `entry` does not call, so that compiling the module
/// compiles only what running `entry` needs (s2s-run).
LogicalResult keepOnlyEntry(ModuleOp module, func::FuncOp entry);

/// Renames every public function `@f` of `module` to `@<prefix>f`, and its
/// uses with it, so that the exported symbols of two compiled models
/// (`_mlir_ciface_<prefix>f`, ...) differ. `prefix` must be a C identifier
/// (or empty: nothing changes). Emits an error and fails when it is not, or
/// when a new name is taken already.
LogicalResult addSymbolPrefix(ModuleOp module, StringRef prefix);

/// Checks that every argument and result of `func` is a ranked tensor of
/// f32, f64, i32, i64 or i1, and returns its signature.
FailureOr<EntryPoint> getEntryPoint(func::FuncOp func);

/// The messages of the shape checks of `entry` in the (lowered or not)
/// `module`, in the order of their status codes (from 1); empty when the
/// entry has no check function.
SmallVector<std::string> getShapeCheckMessages(ModuleOp module,
                                               const EntryPoint &entry);

/// The messages of the statuses that `entry` returns in the lowered
/// `module` (s2s-bufferization-return-status), status 1 first.
SmallVector<std::string> getStatusMessages(ModuleOp module,
                                           const EntryPoint &entry);

/// Runs the s2s-to-llvm pipeline on `module`.
LogicalResult lowerToLLVMDialect(ModuleOp module,
                                 const S2SPipelineOptions &options);

/// Runs the s2s-to-linalg pipeline on `module` (s2s ops become linalg on
/// tensors; nothing is bufferized).
LogicalResult lowerToLinalg(ModuleOp module, const S2SPipelineOptions &options);

/// Whether the lowered `module` runs OpenMP parallel regions (it was
/// compiled with threads > 1 and has parallel loops), so that running it
/// needs the OpenMP runtime.
bool usesOpenMP(ModuleOp module);

/// The path of the OpenMP runtime (libomp) found when s2s was configured,
/// or an error saying how to get it.
llvm::Expected<std::string> getOpenMPRuntimePath();

/// The CPU to compile for, as llc spells it: a target triple, a CPU name and
/// target features ("+avx2,-avx512f"). Empty members mean the host's.
struct TargetSpec {
  std::string triple, cpu, attrs;

  /// Whether a triple other than the host's is asked for.
  bool isCrossTarget() const;
};

/// The target options of s2s-run and s2s-compile: --mtriple (s2s-run
/// accepts the host's only: it runs the code here), --mcpu and --mattr.
struct TargetFlags {
  explicit TargetFlags(llvm::cl::OptionCategory &category);

  TargetSpec getSpec() const { return {triple, cpu, attrs}; }

  llvm::cl::opt<std::string> triple;
  llvm::cl::opt<std::string> cpu;
  llvm::cl::opt<std::string> attrs;
};

/// A target machine for `spec`: its triple (else the host's), CPU (else the
/// host's CPU for the host triple, "generic" for another; "native" is the
/// host's) and features (the host's when the CPU is, then `attrs`). An
/// error names an unknown triple or CPU (and the option, as `spelling`
/// writes it). With `forJIT`, the machine is set
/// up as LLVM's JITs set up theirs (a code model that reaches any address:
/// JIT-compiled code may land far from the libraries it calls); otherwise
/// it emits position-independent code for objects and shared libraries.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createTargetMachine(
    const TargetSpec &spec = {},
    llvm::CodeGenOptLevel optLevel = llvm::CodeGenOptLevel::Aggressive,
    bool forJIT = false, OptionSpelling spelling = OptionSpelling::CommandLine);

/// The vector unit of `targetMachine` as the kernels see it: the widest
/// vector registers its features give (512 bits with AVX-512F, 256 with
/// AVX or AVX2, 128 with SSE or NEON) and whether it has FMA.
cpu::CPUTarget getCPUTarget(const llvm::TargetMachine &targetMachine);

/// Fits `options` to `targetMachine`: with vector-bits=0 (the target's),
/// the kernels' width, registers, FMA and AVX512-BF16 are the target's.
/// Fails (an Error naming the option and the target) when the options ask
/// for AVX512-BF16 that the target does not have: its instructions would
/// not compile.
llvm::Error
fitPipelineOptionsToTarget(S2SPipelineOptions &options,
                           const llvm::TargetMachine &targetMachine);

/// Translates a module in the LLVM dialect to LLVM IR for `targetMachine`
/// and optimizes it at -O3.
llvm::Expected<std::unique_ptr<llvm::Module>>
translateToLLVMIR(ModuleOp module, llvm::LLVMContext &llvmContext,
                  llvm::TargetMachine &targetMachine);

/// Emits `llvmModule` as assembly or as an object file.
llvm::Error emitMachineCode(llvm::Module &llvmModule,
                            llvm::TargetMachine &targetMachine,
                            llvm::CodeGenFileType fileType,
                            llvm::raw_pwrite_stream &os);

/// Gives every function but the C interface wrappers `_mlir_ciface_*`
/// internal linkage, so that an object file exports only the documented
/// entry points (and `main` in a model does not clash with a program's).
void internalizeAllButCInterfaces(llvm::Module &llvmModule);

/// The symbol of the description of its entry points that s2s-compile
/// writes into objects and libraries: `<symbolPrefix>s2s_model_info`.
std::string getModelInfoSymbol(StringRef symbolPrefix);

/// The description of `entries` as JSON: for each entry point its name, the
/// names and types of its arguments, the types of its results, and the
/// messages of its shape checks and statuses. What a program needs to call
/// the entry points of a library it did not see compiled (the Python
/// module's s2s.load_library).
std::string getModelInfo(ArrayRef<EntryPoint> entries);

/// Adds `info` to `llvmModule` as an exported, NUL-terminated constant
/// string named `symbol`.
void addModelInfo(llvm::Module &llvmModule, StringRef symbol, StringRef info);

/// Reads the entry points back from getModelInfo's JSON; their types are
/// parsed in `context`.
llvm::Expected<std::vector<EntryPoint>> parseModelInfo(MLIRContext *context,
                                                       StringRef info);

/// The C type of an element type ("float", "int64_t", "bool", ...).
StringRef getCElementType(Type elementType);

/// Writes a C header declaring the C interface of every entry point, with
/// the memref descriptor structs they take.
/// `threads` > 1 notes that the code needs the OpenMP runtime.
/// `modelInfoSymbol`, unless empty, is declared as the description of the
/// entry points (addModelInfo).
void writeCHeader(llvm::raw_ostream &os, ArrayRef<EntryPoint> entries,
                  StringRef guard, StringRef modelName, int64_t threads = 1,
                  bool runtimeThreads = false, StringRef modelInfoSymbol = "");

} // namespace s2s
} // namespace mlir

#endif // S2S_COMPILER_COMPILER_H
