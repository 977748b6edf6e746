//===- s2s-compile.cpp - ahead-of-time compilation of s2s models ----------===//
//
// s2s-compile model.mlir --emit=mlir|linalg|llvm|asm|obj|shared -o FILE
//             [--header=FILE.h] [--symbol-prefix=PREFIX]
//             [--bind=NAME=FILE.npy | --bind=FILE.npz ...]
//
// Compiles every public function of the model for the host CPU. `mlir`
// prints the verified model, `linalg` the model lowered to linalg on
// tensors, `llvm` the optimized LLVM IR, `asm` and `obj` native code, and
// `shared` a shared library linked with the system's C compiler driver.
// --header writes a C header declaring each entry point's C interface
// (docs/Tools/s2s-compile.md describes the calling convention). --bind
// compiles arrays into the code in place of the arguments they name.
//
//===----------------------------------------------------------------------===//

#include "s2s/Compiler/Compiler.h"

#include "mlir/Support/FileUtilities.h"
#include "s2s/Support/ExitCodes.h"
#include "s2s/Support/ToolOptions.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Target/TargetMachine.h"

using namespace mlir;
using namespace mlir::s2s;
namespace cl = llvm::cl;

namespace {

enum class EmitKind { MLIR, Linalg, LLVMIR, Assembly, Object, Shared };

cl::OptionCategory compileCategory("s2s-compile options");
PluginFlags pluginFlags(compileCategory);
TargetFlags targetFlags(compileCategory);

cl::opt<std::string> inputFilename(cl::Positional, cl::desc("<model.mlir>"),
                                   cl::Required, cl::cat(compileCategory));
cl::opt<std::string> outputFilename("o", cl::desc("Output file"),
                                    cl::value_desc("file"), cl::Required,
                                    cl::cat(compileCategory));
cl::opt<EmitKind> emitKind(
    "emit", cl::desc("What to produce"), cl::Required,
    cl::values(clEnumValN(EmitKind::MLIR, "mlir", "the verified model (MLIR)"),
               clEnumValN(EmitKind::Linalg, "linalg",
                          "the model lowered to linalg on tensors (MLIR)"),
               clEnumValN(EmitKind::LLVMIR, "llvm", "optimized LLVM IR"),
               clEnumValN(EmitKind::Assembly, "asm", "host assembly"),
               clEnumValN(EmitKind::Object, "obj", "a host object file"),
               clEnumValN(EmitKind::Shared, "shared", "a shared library")),
    cl::cat(compileCategory));
cl::opt<std::string>
    pipelineOptions("pipeline-options",
                    cl::desc("Options of the s2s-to-llvm pipeline, e.g. "
                             "'lower-contractions=false vector-bits=256'"),
                    cl::init(""), cl::cat(compileCategory));
// --threads is read by takeThreadsFlag (LLVM registers an option of that
// name itself).
cl::extrahelp threadsHelp(kThreadsFlagHelp);
cl::extrahelp passManagerHelp(kPassManagerFlagsHelp);
cl::opt<std::string> symbolPrefix(
    "symbol-prefix",
    cl::desc("Prepend this to the name of every entry point (and so to its "
             "exported symbols), so that several models link into one "
             "program"),
    cl::value_desc("prefix"), cl::init(""), cl::cat(compileCategory));
cl::list<std::string> bindValues(
    "bind",
    cl::desc("Bind the argument NAME to the array in FILE (.npy or .pb) at "
             "compile time, or each argument to the array of its name in "
             "FILE.npz or to its file NAME.npy in DIR: the compiled code holds "
             "the arrays and the entry "
             "points no longer take those arguments"),
    cl::value_desc("NAME=FILE|FILE.npz|DIR"), cl::cat(compileCategory));
cl::opt<std::string> headerFilename(
    "header", cl::desc("Also write a C header declaring the entry points"),
    cl::value_desc("file.h"), cl::init(""), cl::cat(compileCategory));

int fail(const llvm::Twine &message, int code) {
  llvm::errs() << "error: " << message << "\n";
  return code;
}

/// "FOO_BAR_H" for "out/foo-bar.h".
std::string headerGuard(StringRef path) {
  std::string guard;
  for (char c : llvm::sys::path::filename(path))
    guard.push_back(llvm::isAlnum(c) ? llvm::toUpper(c) : '_');
  return "S2S_MODEL_" + guard;
}

/// Links `object` into the shared library `output` with the C compiler
/// driver ($CC, else cc), and with `openMPRuntime` (a path) unless empty.
int linkShared(StringRef object, StringRef output, StringRef openMPRuntime) {
  const char *cc = std::getenv("CC");
  llvm::ErrorOr<std::string> driver =
      llvm::sys::findProgramByName(cc && *cc ? cc : "cc");
  if (!driver)
    return fail("cannot find a C compiler driver to link the shared library "
                "(set CC or install gcc)",
                kExitCompileError);
  SmallVector<StringRef> args = {*driver, "-shared", "-o",
                                 output,  object,    "-lm"};
  std::string rpath;
  if (!openMPRuntime.empty()) {
    rpath = ("-Wl,-rpath," + llvm::sys::path::parent_path(openMPRuntime)).str();
    args.push_back(openMPRuntime);
    args.push_back(rpath);
  }
  std::string error;
  int rc =
      llvm::sys::ExecuteAndWait(*driver, args, std::nullopt, {}, 0, 0, &error);
  if (rc != 0)
    return fail("linking " + output + " with " + *driver + " failed" +
                    (error.empty() ? "" : ": " + error),
                kExitCompileError);
  return kExitSuccess;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  registerPassManagerFlags();
  llvm::Expected<std::optional<unsigned>> threads = takeThreadsFlag(argc, argv);
  if (!threads) {
    llvm::errs() << "error: " << llvm::toString(threads.takeError()) << "\n";
    return kExitBadInput;
  }
  if (!s2s::parseToolCommandLine(
          argc, argv, "s2s-compile: compile an s2s model ahead of time\n",
          compileCategory))
    return kExitBadInput;
  auto options = parsePipelineOptions(pipelineOptions, *threads);
  if (!options)
    return kExitBadInput;

  CompilerSession session;
  if (failed(session.loadPlugins(pluginFlags)) ||
      failed(checkPassPipeline(pluginFlags.passes)))
    return kExitBadInput;
  // The kernels take their vector width from the target, unless the
  // pipeline options give one.
  llvm::Expected<std::unique_ptr<llvm::TargetMachine>> targetMachine =
      createTargetMachine(targetFlags.getSpec());
  if (!targetMachine)
    return fail(llvm::toString(targetMachine.takeError()), kExitBadInput);
  if (llvm::Error error = fitPipelineOptionsToTarget(*options, **targetMachine))
    return fail(llvm::toString(std::move(error)), kExitBadInput);
  OwningOpRef<ModuleOp> module = session.load(inputFilename);
  if (!module)
    return kExitCompileError;
  if (failed(runPassPipeline(*module, pluginFlags.passes)))
    return kExitCompileError;
  if (failed(addSymbolPrefix(*module, symbolPrefix)))
    return kExitBadInput;
  if (!bindValues.empty()) {
    llvm::Expected<std::vector<ArgumentBinding>> bindings =
        readArgumentBindings(bindValues);
    if (!bindings)
      return fail(llvm::toString(bindings.takeError()), kExitBadInput);
    if (failed(bindArguments(*module, getPublicFunctions(*module), *bindings)))
      return kExitBadInput;
  }

  // Every public function is an entry point with a C interface.
  std::vector<EntryPoint> entries;
  for (func::FuncOp func : getPublicFunctions(*module)) {
    FailureOr<EntryPoint> entry = getEntryPoint(func);
    if (failed(entry))
      return kExitBadInput;
    entries.push_back(*entry);
  }
  if (entries.empty())
    return fail(inputFilename + " has no public function to compile",
                kExitBadInput);

  // The header, once the module is lowered (the shape checks are known
  // then).
  auto writeHeader = [&]() -> int {
    if (headerFilename.empty())
      return kExitSuccess;
    std::string error;
    auto header = openOutputFile(headerFilename, &error);
    if (!header)
      return fail(error, kExitBadInput);
    bool lowered = emitKind != EmitKind::MLIR && emitKind != EmitKind::Linalg;
    // The OpenMP note only for code that runs parallel loops (known once
    // the module is lowered).
    int64_t threads =
        lowered && !usesOpenMP(*module) ? 1 : int64_t(options->threads);
    writeCHeader(header->os(), entries, headerGuard(headerFilename),
                 llvm::sys::path::filename(inputFilename), threads,
                 options->runtimeThreads,
                 lowered ? getModelInfoSymbol(symbolPrefix) : "");
    header->keep();
    return kExitSuccess;
  };

  std::string error;
  auto output = openOutputFile(outputFilename, &error);
  if (!output)
    return fail(error, kExitBadInput);

  if (emitKind == EmitKind::MLIR || emitKind == EmitKind::Linalg) {
    if (emitKind == EmitKind::Linalg &&
        failed(lowerToLinalg(*module, *options)))
      return kExitCompileError;
    module->print(output->os());
    output->keep();
    return writeHeader();
  }

  if (failed(lowerToLLVMDialect(*module, *options)))
    return kExitCompileError;
  for (EntryPoint &entry : entries) {
    entry.shapeChecks = getShapeCheckMessages(*module, entry);
    entry.statusMessages = getStatusMessages(*module, entry);
  }
  if (int rc = writeHeader())
    return rc;
  std::string openMPRuntime;
  if (emitKind == EmitKind::Shared && usesOpenMP(*module)) {
    llvm::Expected<std::string> path = getOpenMPRuntimePath();
    if (!path)
      return fail(llvm::toString(path.takeError()), kExitCompileError);
    openMPRuntime = *path;
  }
  llvm::LLVMContext llvmContext;
  llvm::Expected<std::unique_ptr<llvm::Module>> llvmModule =
      translateToLLVMIR(*module, llvmContext, **targetMachine);
  if (!llvmModule)
    return fail(llvm::toString(llvmModule.takeError()), kExitCompileError);
  internalizeAllButCInterfaces(**llvmModule);
  // The description of the entry points, for programs that load the
  // library without its header (s2s.load_library).
  addModelInfo(**llvmModule, getModelInfoSymbol(symbolPrefix),
               getModelInfo(entries));

  switch (emitKind) {
  case EmitKind::LLVMIR:
    (*llvmModule)->print(output->os(), nullptr);
    output->keep();
    return kExitSuccess;
  case EmitKind::Assembly:
  case EmitKind::Object: {
    auto fileType = emitKind == EmitKind::Assembly
                        ? llvm::CodeGenFileType::AssemblyFile
                        : llvm::CodeGenFileType::ObjectFile;
    if (llvm::Error err = emitMachineCode(**llvmModule, **targetMachine,
                                          fileType, output->os()))
      return fail(llvm::toString(std::move(err)), kExitCompileError);
    output->keep();
    return kExitSuccess;
  }
  case EmitKind::Shared: {
    SmallString<128> objectPath;
    if (std::error_code ec =
            llvm::sys::fs::createTemporaryFile("s2s-compile", "o", objectPath))
      return fail("cannot create a temporary object file: " + ec.message(),
                  kExitCompileError);
    llvm::FileRemover removeObject(objectPath);
    {
      std::string objError;
      auto object = openOutputFile(objectPath, &objError);
      if (!object)
        return fail(objError, kExitCompileError);
      if (llvm::Error err =
              emitMachineCode(**llvmModule, **targetMachine,
                              llvm::CodeGenFileType::ObjectFile, object->os()))
        return fail(llvm::toString(std::move(err)), kExitCompileError);
      object->keep();
    }
    // The linker writes the library itself; drop the placeholder output.
    output.reset();
    return linkShared(objectPath, outputFilename, openMPRuntime);
  }
  default:
    llvm_unreachable("handled above");
  }
}
