//===- s2s-run.cpp - compile and run an s2s model in a JIT ----------------===//
//
// s2s-run model.mlir|model.onnx [--entry=NAME] --input=a.npy ...
//         [--output=out.npy ...]
//         [--expect=want.npy ... --rtol=R --atol=A] [--repeat=N]
//
// Compiles the model in-process with the s2s-to-llvm pipeline, JIT-runs the
// entry function on .npy inputs (one per argument, in order; ONNX TensorProto
// .pb files are read too), and writes the
// results to .npy files or prints them. With --expect, compares each result
// with a reference and exits non-zero on a mismatch, printing the worst
// element. With --repeat, prints the first-call latency and the median and
// minimum time of the following calls.
//
//===----------------------------------------------------------------------===//

#include "s2s/Compiler/Compiler.h"
#include "s2s/Runtime/Npy.h"
#include "s2s/Runtime/TensorProto.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "s2s/Support/ExitCodes.h"
#include "s2s/Support/ToolOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <malloc.h>
#include <signal.h>
#include <unistd.h>

using namespace mlir;
using namespace mlir::s2s;
namespace cl = llvm::cl;

namespace {

/// A check that fails inside the compiled computation writes its message
/// to standard error and calls abort(): s2s-run exits with kExitStopped
/// rather than print LLVM's crash report, which is for its own bugs.
extern "C" void exitOnCompiledAbort(int) { _exit(kExitStopped); }

/// Routes SIGABRT to exitOnCompiledAbort while the compiled code runs.
class CompiledAbortGuard {
public:
  CompiledAbortGuard() {
    struct sigaction action = {};
    action.sa_handler = exitOnCompiledAbort;
    sigemptyset(&action.sa_mask);
    sigaction(SIGABRT, &action, &previous);
  }
  ~CompiledAbortGuard() { sigaction(SIGABRT, &previous, nullptr); }

private:
  struct sigaction previous = {};
};

cl::OptionCategory runCategory("s2s-run options");
PluginFlags pluginFlags(runCategory);
TargetFlags targetFlags(runCategory);

cl::opt<std::string> inputFilename(cl::Positional,
                                   cl::desc("<model.mlir or model.onnx>"),
                                   cl::Required, cl::cat(runCategory));
cl::opt<std::string> entryName(
    "entry",
    cl::desc("Function to run (default: the only public function, or main)"),
    cl::init(""), cl::cat(runCategory));
cl::list<std::string> inputFiles(
    "input",
    cl::desc("An .npy file (or ONNX TensorProto .pb file) per argument: "
             "in order, or NAME=FILE for the argument named NAME (its SSA "
             "name in the .mlir file, its input name in an ONNX model)"),
    cl::value_desc("[name=]file.npy"), cl::cat(runCategory));
cl::list<std::string>
    outputFiles("output",
                cl::desc("An .npy file per result, in order (default: print)"),
                cl::value_desc("file.npy"), cl::cat(runCategory));
cl::list<std::string> expectFiles(
    "expect",
    cl::desc("An .npy (or TensorProto .pb) file with the expected value of "
             "each result"),
    cl::value_desc("file.npy"), cl::cat(runCategory));
cl::opt<double> rtol("rtol", cl::desc("Relative tolerance of --expect"),
                     cl::init(1e-5), cl::cat(runCategory));
cl::opt<double> atol("atol", cl::desc("Absolute tolerance of --expect"),
                     cl::init(1e-8), cl::cat(runCategory));
cl::opt<unsigned>
    repeat("repeat",
           cl::desc("Run N more times and print the median and minimum time"),
           cl::init(0), cl::cat(runCategory));
cl::opt<std::string>
    pipelineOptions("pipeline-options",
                    cl::desc("Options of the s2s-to-llvm pipeline, e.g. "
                             "'lower-contractions=false vector-bits=256'"),
                    cl::init(""), cl::cat(runCategory));
// --threads is read by takeThreadsFlag (LLVM registers an option of that
// name itself).
cl::extrahelp threadsHelp(kThreadsFlagHelp);
cl::extrahelp passManagerHelp(kPassManagerFlagsHelp);
cl::opt<bool> quiet("quiet", cl::desc("Do not print the results"),
                    cl::init(false), cl::cat(runCategory));

//===----------------------------------------------------------------------===//
// Values crossing the JIT boundary
//===----------------------------------------------------------------------===//

std::optional<DType> dtypeOf(Type type) {
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

/// A strided memref descriptor {allocated, aligned, offset, sizes[R],
/// strides[R]} describing an NpyArray in C order.
struct Descriptor {
  std::vector<int64_t> words;

  explicit Descriptor(NpyArray &array) {
    int64_t rank = array.shape.size();
    words.resize(3 + 2 * rank);
    auto ptr = reinterpret_cast<int64_t>(array.data());
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
  void *get() { return words.data(); }
};

/// The arguments of a packed call of a JIT-compiled function: a pointer to
/// a descriptor of each array, in order, then `result` (when given) for a
/// scalar result.
class PackedArgs {
public:
  PackedArgs(llvm::ArrayRef<NpyArray *> arrays, void *result = nullptr) {
    for (NpyArray *array : arrays)
      descriptors.emplace_back(*array);
    for (Descriptor &d : descriptors)
      pointers.push_back(d.get());
    for (void *&ptr : pointers)
      args.push_back(&ptr);
    if (result)
      args.push_back(result);
  }
  void **get() { return args.data(); }

private:
  std::vector<Descriptor> descriptors;
  std::vector<void *> pointers, args;
};

std::string typeString(Type type) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << type;
  return s;
}

/// Loads input `index` and checks it against the argument type: the element
/// type, the rank and every static dimension (a dynamic one takes the
/// file's size).
llvm::Expected<NpyArray> loadInput(const EntryPoint &entry, unsigned index,
                                   StringRef path) {
  RankedTensorType type = entry.inputs[index];
  llvm::Expected<NpyArray> array = readArrayFile(path);
  if (!array)
    return array.takeError();
  DType want = *dtypeOf(type.getElementType());
  std::string argument = "argument #" + std::to_string(index);
  if (!entry.inputNames[index].empty())
    argument += " (" + entry.inputNames[index] + ")";
  auto fail = [&](const llvm::Twine &what) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "input #" + llvm::Twine(index) + " (" +
                                       path + "): " + argument + " has type " +
                                       typeString(type) + ", " + what);
  };
  if (array->dtype != want)
    return fail("so the file must hold " + getDTypeName(want) +
                ", but it holds " + getDTypeName(array->dtype));
  bool shapeMatches =
      static_cast<int64_t>(array->shape.size()) == type.getRank() &&
      llvm::all_of(llvm::zip_equal(array->shape, type.getShape()),
                   [](auto dims) {
                     auto [got, want] = dims;
                     return ShapedType::isDynamic(want) || got == want;
                   });
  if (!shapeMatches)
    return fail("so the file must have shape " + formatShape(type.getShape()) +
                ", but it has shape " + formatShape(array->shape));
  return array;
}

/// The file of each argument of `entry`: `--input=NAME=FILE` for the
/// argument named NAME, the other --input values for the remaining
/// arguments in order.
llvm::Expected<std::vector<std::string>>
assignInputFiles(const EntryPoint &entry) {
  auto error = [](const llvm::Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
  };
  auto listNames = [&] {
    std::string names;
    for (auto [i, name] : llvm::enumerate(entry.inputNames))
      names +=
          (i ? ", " : "") + (name.empty() ? "#" + std::to_string(i) : name);
    return names;
  };
  std::vector<std::string> files(entry.inputs.size());
  std::vector<std::string> positional;
  for (const std::string &value : inputFiles) {
    auto [name, path] = StringRef(value).split('=');
    const auto *it = name.empty() || path.empty()
                         ? entry.inputNames.end()
                         : llvm::find(entry.inputNames, name);
    if (it == entry.inputNames.end()) {
      // A path, unless it names no file and looks like NAME=FILE.
      if (!path.empty() && !name.empty() && !llvm::sys::fs::exists(value) &&
          llvm::all_of(name, [](char c) {
            return llvm::isAlnum(c) || c == '_' || c == '.';
          }))
        return error("--input=" + value + ": @" + entry.name +
                     " has no argument named '" + name +
                     "' (its arguments: " + listNames() + ")");
      positional.push_back(value);
      continue;
    }
    size_t index = it - entry.inputNames.begin();
    if (!files[index].empty())
      return error("--input=" + value + ": argument '" + name + "' of @" +
                   entry.name + " is given twice");
    files[index] = path.str();
  }
  size_t named = llvm::count_if(files, [](auto &f) { return !f.empty(); });
  if (named + positional.size() != files.size())
    return error("@" + entry.name + " takes " + llvm::Twine(files.size()) +
                 " arguments, but " + llvm::Twine(named + positional.size()) +
                 " --input files were given");
  auto next = positional.begin();
  for (std::string &file : files)
    if (file.empty())
      file = *next++;
  return files;
}

//===----------------------------------------------------------------------===//
// Printing and comparing results
//===----------------------------------------------------------------------===//

void printElement(llvm::raw_ostream &os, const NpyArray &array, int64_t i) {
  double v = array.getAsDouble(i);
  switch (array.dtype) {
  case DType::Float32:
  case DType::Float64:
    os << llvm::format("%.6g", v);
    return;
  case DType::Bool:
    os << (v != 0 ? "true" : "false");
    return;
  default:
    os << array.getAsInt64(i);
  }
}

/// Results of more elements than this are printed summarized: the first
/// and last kPrintEdge entries of each dimension, "..." between (as NumPy
/// prints).
constexpr int64_t kPrintThreshold = 1000;
constexpr int64_t kPrintEdge = 3;

/// Prints the sub-array of `array` at dimension `dim` starting at element
/// `offset` (`stride` elements per entry of that dimension).
void printSubArray(llvm::raw_ostream &os, const NpyArray &array, int64_t dim,
                   int64_t offset, bool summarize) {
  int64_t rank = array.shape.size(), size = array.shape[dim];
  int64_t stride = 1;
  for (int64_t d = dim + 1; d < rank; ++d)
    stride *= array.shape[d];
  bool skip = summarize && size > 2 * kPrintEdge;
  os << "[";
  for (int64_t i = 0; i < size; ++i) {
    if (skip && i == kPrintEdge) {
      // "..." in place of the middle entries.
      if (dim == rank - 1)
        os << ", ...";
      else
        os << "\n" << std::string(dim + 1, ' ') << "...";
      i = size - kPrintEdge - 1;
      continue;
    }
    if (i > 0) {
      if (dim == rank - 1)
        os << ", ";
      else
        os << "\n" << std::string(dim + 1, ' ');
    }
    if (dim == rank - 1)
      printElement(os, array, offset + i);
    else
      printSubArray(os, array, dim + 1, offset + i * stride, summarize);
  }
  os << "]";
}

/// Prints `array` with nested brackets, one innermost row per line; an
/// array of more than kPrintThreshold elements is summarized.
void printArray(llvm::raw_ostream &os, const NpyArray &array) {
  if (array.shape.empty()) {
    printElement(os, array, 0);
    os << "\n";
    return;
  }
  bool summarize = array.getNumElements() > kPrintThreshold;
  printSubArray(os, array, 0, 0, summarize);
  os << "\n";
  if (summarize)
    os << "(" << array.getNumElements()
       << " elements, summarized; --output=FILE.npy writes them all)\n";
}

/// The multi-index of element `flat` of `shape`.
std::string indexOf(llvm::ArrayRef<int64_t> shape, int64_t flat) {
  SmallVector<int64_t> index(shape.size());
  for (int64_t d = shape.size() - 1; d >= 0; --d) {
    index[d] = flat % shape[d];
    flat /= shape[d];
  }
  return formatShape(index);
}

/// Compares result `index` with its expected array; prints a verdict.
bool compareResult(unsigned index, const NpyArray &got, const NpyArray &want,
                   llvm::StringRef wantFile) {
  llvm::raw_ostream &os = llvm::outs();
  if (got.dtype != want.dtype || got.shape != want.shape) {
    llvm::errs() << "error: result #" << index << " is "
                 << getDTypeName(got.dtype) << " " << formatShape(got.shape)
                 << ", but " << wantFile << " holds "
                 << getDTypeName(want.dtype) << " " << formatShape(want.shape)
                 << "\n";
    return false;
  }
  int64_t n = got.getNumElements(), bad = 0, worst = -1;
  double worstExcess = -1, worstDiff = 0, maxDiff = 0;
  for (int64_t i = 0; i < n; ++i) {
    double g = got.getAsDouble(i), w = want.getAsDouble(i);
    double diff = std::fabs(g - w);
    double tol = atol + rtol * std::fabs(w);
    bool ok = (std::isnan(g) && std::isnan(w)) || g == w || diff <= tol;
    double excess = std::isnan(diff) ? INFINITY : diff - tol;
    if (!ok)
      ++bad;
    if (!std::isnan(diff))
      maxDiff = std::max(maxDiff, diff);
    if (excess > worstExcess) {
      worstExcess = excess;
      worst = i;
      worstDiff = diff;
    }
  }
  if (bad == 0) {
    os << "result #" << index << ": matches " << wantFile << " (" << n
       << " elements, max |diff| " << llvm::format("%.3g", maxDiff) << ")\n";
    return true;
  }
  llvm::errs() << "error: result #" << index << " differs from " << wantFile
               << " in " << bad << " of " << n << " elements (rtol "
               << llvm::format("%g", rtol.getValue()) << ", atol "
               << llvm::format("%g", atol.getValue()) << "); worst at "
               << indexOf(got.shape, worst) << ": got ";
  printElement(llvm::errs(), got, worst);
  llvm::errs() << ", expected ";
  printElement(llvm::errs(), want, worst);
  llvm::errs() << " (|diff| " << llvm::format("%.3g", worstDiff) << ")\n";
  return false;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  registerPassManagerFlags();
  // Compiled code allocates its large scratch buffers with malloc on every
  // call; glibc would map them fresh and unmap them on free, and a first
  // touch of fresh memory costs 10-15 us per 4 KiB page here. Keep freed
  // memory in this process instead, so that --repeat measures the steady
  // state (the first call is reported apart).
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
  llvm::Expected<std::optional<unsigned>> threads = takeThreadsFlag(argc, argv);
  if (!threads) {
    llvm::errs() << "error: " << llvm::toString(threads.takeError()) << "\n";
    return kExitBadInput;
  }
  if (!s2s::parseToolCommandLine(
          argc, argv, "s2s-run: compile an s2s model and run it in a JIT\n",
          runCategory))
    return kExitBadInput;
  auto options = parsePipelineOptions(pipelineOptions, *threads);
  if (!options)
    return kExitBadInput;

  auto usageError = [&](const llvm::Twine &message) {
    llvm::errs() << "error: " << message << "\n";
    return kExitBadInput;
  };
  CompilerSession session;
  if (failed(session.loadPlugins(pluginFlags)) ||
      failed(checkPassPipeline(pluginFlags.passes)))
    return kExitBadInput;
  // The code runs here: --mcpu and --mattr may narrow the host's features
  // (to test the code of another x86 CPU), but the triple is the host's.
  if (targetFlags.getSpec().isCrossTarget())
    return usageError("s2s-run runs the compiled code on this machine, so "
                      "--mtriple must be the host's (" +
                      llvm::sys::getProcessTriple() +
                      "); compile for another with s2s-compile");
  llvm::Expected<std::unique_ptr<llvm::TargetMachine>> targetMachine =
      createTargetMachine(targetFlags.getSpec(),
                          llvm::CodeGenOptLevel::Aggressive, /*forJIT=*/true);
  if (!targetMachine)
    return usageError(llvm::toString(targetMachine.takeError()));
  if (options->vectorBits == 0) {
    cpu::CPUTarget target = getCPUTarget(**targetMachine);
    options->vectorBits = target.vectorBits;
    options->fma = target.hasFMA;
  }
  OwningOpRef<ModuleOp> module = session.load(inputFilename);
  if (!module)
    return kExitCompileError;
  if (failed(runPassPipeline(*module, pluginFlags.passes)))
    return kExitCompileError;
  FailureOr<func::FuncOp> func = findEntryFunction(*module, entryName);
  if (failed(func))
    return kExitBadInput;
  FailureOr<EntryPoint> entry = getEntryPoint(*func);
  if (failed(entry))
    return kExitBadInput;

  // Check the command line against the signature before compiling.
  llvm::Expected<std::vector<std::string>> files = assignInputFiles(*entry);
  if (!files)
    return usageError(llvm::toString(files.takeError()));
  if (!outputFiles.empty() && outputFiles.size() != entry->results.size())
    return usageError("@" + entry->name + " returns " +
                      llvm::Twine(entry->results.size()) + " results, but " +
                      llvm::Twine(outputFiles.size()) +
                      " --output files were given");
  if (!expectFiles.empty() && expectFiles.size() != entry->results.size())
    return usageError("@" + entry->name + " returns " +
                      llvm::Twine(entry->results.size()) + " results, but " +
                      llvm::Twine(expectFiles.size()) +
                      " --expect files were given");

  std::vector<NpyArray> inputs, outputs, expected;
  for (unsigned i = 0; i < entry->inputs.size(); ++i) {
    llvm::Expected<NpyArray> array = loadInput(*entry, i, (*files)[i]);
    if (!array)
      return usageError(llvm::toString(array.takeError()));
    inputs.push_back(std::move(*array));
  }
  for (const std::string &file : expectFiles) {
    llvm::Expected<NpyArray> array = readArrayFile(file);
    if (!array)
      return usageError(llvm::toString(array.takeError()));
    expected.push_back(std::move(*array));
  }

  // Compile what the entry needs only.
  if (failed(keepOnlyEntry(*module, *func)) ||
      failed(lowerToLLVMDialect(*module, *options)))
    return kExitCompileError;
  auto optimize = makeOptimizingTransformer(3, 0, targetMachine->get());
  ExecutionEngineOptions engineOptions;
  engineOptions.transformer = optimize;
  std::string openMPRuntime;
  if (usesOpenMP(*module)) {
    llvm::Expected<std::string> path = getOpenMPRuntimePath();
    if (!path) {
      llvm::errs() << "error: " << llvm::toString(path.takeError()) << "\n";
      return kExitCompileError;
    }
    openMPRuntime = *path;
  }
  SmallVector<StringRef> sharedLibs;
  if (!openMPRuntime.empty())
    sharedLibs.push_back(openMPRuntime);
  engineOptions.sharedLibPaths = sharedLibs;
  engineOptions.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
  // The engine owns the target machine that optimized and compiles the code.
  auto engine = ExecutionEngine::create(*module, engineOptions,
                                        std::move(*targetMachine));
  if (!engine) {
    llvm::errs() << "error: cannot create the JIT: "
                 << llvm::toString(engine.takeError()) << "\n";
    return kExitCompileError;
  }

  // Compile now, so that the first call is timed without the JIT's work.
  using PackedFn = void (*)(void **);
  auto lookup = [&](const std::string &symbol,
                    const std::string &name) -> PackedFn {
    auto fn = (*engine)->lookupPacked(symbol);
    if (fn)
      return *fn;
    llvm::errs() << "error: cannot compile @" << name << ": "
                 << llvm::toString(fn.takeError()) << "\n";
    return nullptr;
  };
  PackedFn packed = lookup(entry->getCInterfaceName(), entry->name);
  if (!packed)
    return kExitCompileError;
  std::vector<NpyArray *> inputArrays;
  for (NpyArray &array : inputs)
    inputArrays.push_back(&array);

  // The input sizes against the model's shape rules, when some are
  // dynamic: the check function gives the number of the first rule broken.
  SmallVector<std::string> checkMessages =
      getShapeCheckMessages(*module, *entry);
  if (!checkMessages.empty()) {
    PackedFn checkFn = lookup(entry->getCheckShapesCInterfaceName(),
                              entry->getCheckShapesName());
    if (!checkFn)
      return kExitCompileError;
    int32_t status = 0;
    checkFn(PackedArgs(inputArrays, &status).get());
    if (status != 0) {
      llvm::errs() << "error: the input sizes do not fit @" << entry->name
                   << ": ";
      if (status > 0 && static_cast<size_t>(status) <= checkMessages.size())
        llvm::errs() << checkMessages[status - 1];
      else
        llvm::errs() << "shape check " << status << " failed";
      llvm::errs() << "\n";
      return kExitBadInput;
    }
  }

  // The shapes of the results: declared, or from the result shape function
  // when some are dynamic.
  SmallVector<SmallVector<int64_t>> resultShapes;
  for (RankedTensorType type : entry->results)
    resultShapes.emplace_back(type.getShape());
  if (entry->hasDynamicResults()) {
    PackedFn shapeFn = lookup(entry->getResultShapesCInterfaceName(),
                              entry->getResultShapesName());
    if (!shapeFn)
      return kExitCompileError;
    NpyArray shapes =
        NpyArray::zeros(DType::Int64, {entry->getNumResultDims()});
    std::vector<NpyArray *> shapeArrays(inputArrays);
    shapeArrays.push_back(&shapes);
    shapeFn(PackedArgs(shapeArrays).get());
    int64_t next = 0;
    for (auto [i, shape] : llvm::enumerate(resultShapes))
      for (int64_t &dim : shape) {
        int64_t size = shapes.getAsInt64(next++);
        if (size < 0 || (!ShapedType::isDynamic(dim) && size != dim)) {
          llvm::errs() << "error: @" << entry->getResultShapesName()
                       << " gives result #" << i << " the size " << size
                       << " where its type " << entry->results[i] << " allows "
                       << (ShapedType::isDynamic(dim)
                               ? std::string("sizes >= 0")
                               : std::to_string(dim))
                       << "\n";
          return kExitCompileError;
        }
        dim = size;
      }
  }

  // Arguments: a pointer to each input descriptor, then to each output's.
  for (auto [type, shape] : llvm::zip_equal(entry->results, resultShapes))
    outputs.push_back(NpyArray::zeros(*dtypeOf(type.getElementType()), shape));
  std::vector<NpyArray *> arrays(inputArrays);
  for (NpyArray &array : outputs)
    arrays.push_back(&array);
  // The entry point returns 0, or the number of the first check of its
  // arguments that fails (nothing computed).
  int32_t status = 0;
  PackedArgs args(arrays, &status);

  using Clock = std::chrono::steady_clock;
  auto call = [&]() -> double {
    // Only the compiled code's abort() means "stopped with its message".
    CompiledAbortGuard abortGuard;
    auto start = Clock::now();
    packed(args.get());
    return std::chrono::duration<double, std::milli>(Clock::now() - start)
        .count();
  };
  double firstCall = call();
  if (status != 0) {
    SmallVector<std::string> statusMessages =
        getStatusMessages(*module, *entry);
    llvm::errs() << "error: @" << entry->name << " returned status " << status
                 << ": ";
    if (status > 0 && static_cast<size_t>(status) <= statusMessages.size())
      llvm::errs() << statusMessages[status - 1];
    else
      llvm::errs() << "unknown status";
    llvm::errs() << "\n";
    return kExitBadInput;
  }
  if (repeat > 0) {
    std::vector<double> times;
    for (unsigned i = 0; i < repeat; ++i)
      times.push_back(call());
    std::sort(times.begin(), times.end());
    double median =
        times.size() % 2
            ? times[times.size() / 2]
            : (times[times.size() / 2 - 1] + times[times.size() / 2]) / 2;
    llvm::outs() << llvm::format(
        "time per call: median %.4f ms, min %.4f ms over %u runs; first "
        "call %.4f ms\n",
        median, times.front(), repeat.getValue(), firstCall);
  }

  // Results.
  for (auto [i, array] : llvm::enumerate(outputs)) {
    if (!outputFiles.empty()) {
      if (llvm::Error err = writeNpy(outputFiles[i], array)) {
        llvm::errs() << "error: " << llvm::toString(std::move(err)) << "\n";
        return kExitBadInput;
      }
      continue;
    }
    if (quiet)
      continue;
    llvm::outs() << "result #" << i << ": "
                 << RankedTensorType::get(array.shape,
                                          entry->results[i].getElementType())
                 << "\n";
    printArray(llvm::outs(), array);
  }
  bool allMatch = true;
  for (auto [i, array] : llvm::enumerate(outputs))
    if (i < expected.size())
      allMatch &= compareResult(i, array, expected[i], expectFiles[i]);
  return allMatch ? kExitSuccess : kExitMismatch;
}
