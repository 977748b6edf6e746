//===- s2s-run.cpp - compile and run an s2s model in a JIT ----------------===//
//
// s2s-run model.mlir|model.onnx [--entry=NAME] --input=[NAME=]a.npy ...
//         [--bind=NAME=w.npy | --bind=weights.npz ...] [--output=out.npy ...]
//         [--expect=want.npy ... --rtol=R --atol=A --scale-tol=S]
//         [--repeat=N]
//
// Compiles the model in-process with the s2s-to-llvm pipeline (through
// CompiledFunction), JIT-runs the entry function on .npy inputs (one per
// argument, in order or by name, or from .npz bundles; ONNX TensorProto .pb
// files are read too), and writes the results to .npy files or prints them.
// With --expect, compares each result with a reference and exits non-zero on
// a mismatch, printing the worst element. With --repeat, prints the
// first-call latency and the median and minimum time of the following calls.
//
//===----------------------------------------------------------------------===//

#include "s2s/Compiler/CompiledFunction.h"
#include "s2s/Compiler/Compiler.h"
#include "s2s/Runtime/Npy.h"
#include "s2s/Runtime/TensorProto.h"

#include "s2s/Support/ExitCodes.h"
#include "s2s/Support/ToolOptions.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"

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
             "name in the .mlir file, its input name in an ONNX model), or "
             "FILE.npz for the arguments named after its arrays"),
    cl::value_desc("[name=]file.npy|file.npz"), cl::cat(runCategory));
cl::list<std::string> bindValues(
    "bind",
    cl::desc("Bind the argument NAME to the array in FILE (.npy or .pb) at "
             "compile time, or each argument to the array of its name in "
             "FILE.npz or to its file NAME.npy in DIR; the other arguments "
             "take --input arrays"),
    cl::value_desc("NAME=FILE|FILE.npz|DIR"), cl::cat(runCategory));
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
cl::opt<double>
    scaleTol("scale-tol",
             cl::desc("Tolerance of --expect relative to each result's "
                      "largest expected magnitude: an element may also differ "
                      "by this times max |expected| (for reduced-precision "
                      "modes such as bf16-weights)"),
             cl::init(0), cl::cat(runCategory));
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

/// Where the array of an argument comes from: a file, or a member of an
/// .npz bundle already read.
struct InputSource {
  std::string file;
  std::optional<NpyArray> array;
};

/// Reads input `index` (unless read already) and checks it against the
/// argument's type: the element type, the rank and every static dimension
/// (a dynamic one takes the file's size).
llvm::Expected<NpyArray> loadInput(const EntryPoint &entry, unsigned index,
                                   InputSource &source) {
  llvm::Expected<NpyArray> array =
      source.array ? std::move(*source.array) : readArrayFile(source.file);
  if (!array)
    return array.takeError();
  if (llvm::Error err =
          checkArgument(entry, index, array->dtype, array->shape, "the file"))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "input #" + llvm::Twine(index) + " (" +
                                       source.file +
                                       "): " + llvm::toString(std::move(err)));
  return array;
}

/// The source of each argument of `entry`: `--input=NAME=FILE` for the
/// argument named NAME, the arrays of an `--input=FILE.npz` for the
/// arguments they are named after, the other --input values for the
/// remaining arguments in order.
llvm::Expected<std::vector<InputSource>> assignInputs(const EntryPoint &entry) {
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
  std::vector<InputSource> sources(entry.inputs.size());
  std::vector<std::string> positional;
  auto assign = [&](StringRef name, InputSource source,
                    StringRef value) -> llvm::Error {
    const auto *it = llvm::find(entry.inputNames, name);
    if (it == entry.inputNames.end())
      return error("--input=" + value + ": @" + entry.name +
                   " has no argument named '" + name +
                   "' (its arguments: " + listNames() + ")");
    InputSource &slot = sources[it - entry.inputNames.begin()];
    if (!slot.file.empty())
      return error("--input=" + value + ": argument '" + name + "' of @" +
                   entry.name + " is given twice");
    slot = std::move(source);
    return llvm::Error::success();
  };
  for (const std::string &value : inputFiles) {
    if (StringRef(value).ends_with(".npz")) {
      llvm::Expected<std::vector<NpzMember>> members = readNpz(value);
      if (!members)
        return members.takeError();
      for (NpzMember &member : *members)
        if (llvm::Error err = assign(
                member.name,
                {value + ":" + member.name, std::move(member.array)}, value))
          return std::move(err);
      continue;
    }
    auto [name, path] = StringRef(value).split('=');
    bool isNamed = !name.empty() && !path.empty() &&
                   llvm::is_contained(entry.inputNames, name);
    if (!isNamed) {
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
    if (llvm::Error err = assign(name, {path.str(), std::nullopt}, value))
      return std::move(err);
  }
  size_t named =
      llvm::count_if(sources, [](auto &s) { return !s.file.empty(); });
  if (named + positional.size() != sources.size())
    return error("@" + entry.name + " takes " + llvm::Twine(sources.size()) +
                 " arguments, but " + llvm::Twine(named + positional.size()) +
                 " --input arrays were given");
  auto next = positional.begin();
  for (InputSource &source : sources)
    if (source.file.empty())
      source.file = *next++;
  return sources;
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
  double scaled = 0;
  if (scaleTol > 0) {
    double largest = 0;
    for (int64_t i = 0; i < n; ++i)
      if (std::isfinite(want.getAsDouble(i)))
        largest = std::max(largest, std::fabs(want.getAsDouble(i)));
    scaled = scaleTol * largest;
  }
  for (int64_t i = 0; i < n; ++i) {
    double g = got.getAsDouble(i), w = want.getAsDouble(i);
    double diff = std::fabs(g - w);
    double tol = atol + rtol * std::fabs(w) + scaled;
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
               << llvm::format("%g", atol.getValue());
  if (scaleTol > 0)
    llvm::errs() << ", scale-tol " << llvm::format("%g", scaleTol.getValue())
                 << " = " << llvm::format("%g", scaled);
  llvm::errs() << "); worst at " << indexOf(got.shape, worst) << ": got ";
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
  if (llvm::Error error = fitPipelineOptionsToTarget(*options, **targetMachine))
    return usageError(llvm::toString(std::move(error)));
  OwningOpRef<ModuleOp> module = session.load(inputFilename);
  if (!module)
    return kExitCompileError;
  if (failed(runPassPipeline(*module, pluginFlags.passes)))
    return kExitCompileError;
  FailureOr<func::FuncOp> func = findEntryFunction(*module, entryName);
  if (failed(func))
    return kExitBadInput;
  if (!bindValues.empty()) {
    llvm::Expected<std::vector<ArgumentBinding>> bindings =
        readArgumentBindings(bindValues);
    if (!bindings)
      return usageError(llvm::toString(bindings.takeError()));
    if (failed(bindArguments(*module, {*func}, *bindings)))
      return kExitBadInput;
  }
  FailureOr<EntryPoint> entry = getEntryPoint(*func);
  if (failed(entry))
    return kExitBadInput;

  // Check the command line against the signature before compiling.
  llvm::Expected<std::vector<InputSource>> sources = assignInputs(*entry);
  if (!sources)
    return usageError(llvm::toString(sources.takeError()));
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
    llvm::Expected<NpyArray> array = loadInput(*entry, i, (*sources)[i]);
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
  llvm::Expected<std::unique_ptr<CompiledFunction>> jit =
      CompiledFunction::compile(*module, *func, *options,
                                std::move(*targetMachine));
  if (!jit) {
    llvm::errs() << "error: " << llvm::toString(jit.takeError()) << "\n";
    return kExitCompileError;
  }
  SmallVector<ArrayView> inputViews;
  for (NpyArray &array : inputs)
    inputViews.push_back(ArrayView::get(array));

  // The shapes of the results: declared, or from the result shape function
  // when some are dynamic (after the inputs passed the shape checks).
  llvm::Expected<SmallVector<SmallVector<int64_t>>> resultShapes =
      (*jit)->getResultShapes(inputViews);
  if (!resultShapes) {
    llvm::errs() << "error: " << llvm::toString(resultShapes.takeError())
                 << "\n";
    return kExitBadInput;
  }
  for (auto [type, shape] : llvm::zip_equal(entry->results, *resultShapes))
    outputs.push_back(NpyArray::zeros(*getDType(type.getElementType()), shape));
  SmallVector<ArrayView> outputViews;
  for (NpyArray &array : outputs)
    outputViews.push_back(ArrayView::get(array));

  using Clock = std::chrono::steady_clock;
  auto call = [&](double &ms) -> llvm::Error {
    // Only the compiled code's abort() means "stopped with its message".
    CompiledAbortGuard abortGuard;
    auto start = Clock::now();
    llvm::Error err = (*jit)->call(inputViews, outputViews);
    ms =
        std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return err;
  };
  double firstCall = 0;
  if (llvm::Error err = call(firstCall)) {
    llvm::errs() << "error: " << llvm::toString(std::move(err)) << "\n";
    return kExitBadInput;
  }
  if (repeat > 0) {
    std::vector<double> times;
    for (unsigned i = 0; i < repeat; ++i) {
      double ms = 0;
      llvm::cantFail(call(ms));
      times.push_back(ms);
    }
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
