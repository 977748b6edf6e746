//===- Compiler.cpp - loading s2s models ----------------------------------===//
//
// The compiler session: its context and dialects, loading a model (MLIR
// text or bytecode, or an ONNX file through the importer), plugins, and
// the tools' shared flags (--threads, the pipeline options, the OpenMP
// runtime). The rest of the library: EntryPoints.cpp (choosing and
// describing entry points), CodeGen.cpp (pipelines, target machines, LLVM
// IR, machine code), ModelInfo.cpp (the entry points' description carried
// by compiled code), CHeader.cpp (their C header), Bind.cpp and
// CompiledFunction.cpp.
//
//===----------------------------------------------------------------------===//

#include "s2s/Compiler/Compiler.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/AsmParser/AsmParserState.h"
#include "mlir/Bytecode/BytecodeReader.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "s2s/Import/ONNX/ONNXImporter.h"
#include "s2s/InitAllDialects.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"

#include <thread>

using namespace mlir;
using namespace mlir::s2s;

void mlir::s2s::registerCompilerDialects(DialectRegistry &registry) {
  mlir::registerAllDialects(registry);
  registerAllExtensions(registry);
  registerAllToLLVMIRTranslations(registry);
  s2s::registerAllDialects(registry);
}

CompilerSession::CompilerSession(llvm::raw_ostream &errorOS)
    : errorOS(errorOS) {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  DialectRegistry registry;
  registerCompilerDialects(registry);
  context = std::make_unique<MLIRContext>(registry);
  context->loadAllAvailableDialects();
  // Diagnostics name the place in the model; the op in generic form (for
  // an error on a function, the whole function) would bury them.
  context->printOpOnDiagnostic(false);
  sourceMgr = std::make_unique<llvm::SourceMgr>();
  diagnostics = std::make_unique<SourceMgrDiagnosticHandler>(
      *sourceMgr, context.get(), errorOS);
}

CompilerSession::~CompilerSession() = default;

StringAttr mlir::s2s::getArgumentName(func::FuncOp func, unsigned i) {
  if (auto name = func.getArgAttrOfType<StringAttr>(i, kArgumentNameAttr))
    return name;
  return func.getArgAttrOfType<StringAttr>(i, "onnx.name");
}

/// Gives each argument of the module's functions that has neither
/// `s2s.name` nor `onnx.name` the name it has in the source (`%x` -> "x"),
/// unless that is a number (`%0`).
static void nameArgumentsFromSource(ModuleOp module,
                                    const AsmParserState &asmState) {
  Builder builder(module.getContext());
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    const AsmParserState::BlockDefinition *def =
        asmState.getBlockDef(&func.front());
    if (!def)
      continue;
    for (auto [i, arg] : llvm::enumerate(def->arguments)) {
      if (i >= func.getNumArguments() || getArgumentName(func, i))
        continue;
      StringRef text(arg.loc.Start.getPointer(),
                     arg.loc.End.getPointer() - arg.loc.Start.getPointer());
      if (!text.consume_front("%") || text.empty() ||
          llvm::all_of(text, llvm::isDigit))
        continue;
      func.setArgAttr(i, kArgumentNameAttr, builder.getStringAttr(text));
    }
  }
}

OwningOpRef<ModuleOp> CompilerSession::load(StringRef path) {
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> file = openInputFile(path, &error);
  if (!file) {
    // There is no source location to attach this to.
    errorOS << "error: " << error << "\n";
    return nullptr;
  }
  if (isONNXModel(path, file->getBuffer())) {
    ONNXDiagnosticPrinter printer(context.get(), errorOS);
    FailureOr<OwningOpRef<ModuleOp>> module =
        importONNXModel(context.get(), file->getBuffer(), path);
    if (failed(module))
      return nullptr;
    return std::move(*module);
  }
  unsigned bufferId =
      sourceMgr->AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  // MLIR bytecode keeps no SSA names: parsed as it is.
  if (isBytecode(*sourceMgr->getMemoryBuffer(bufferId)))
    return parseSourceFile<ModuleOp>(*sourceMgr, context.get());
  // Parsed with the parser's record of the source (as the MLIR language
  // server does), to read the functions' argument names.
  ParserConfig config(context.get());
  AsmParserState asmState;
  Block block;
  if (failed(parseAsmSourceFile(*sourceMgr, &block, config, &asmState)))
    return nullptr;
  Location fileLoc = FileLineColLoc::get(
      context.get(),
      sourceMgr->getMemoryBuffer(bufferId)->getBufferIdentifier(), 0, 0);
  OwningOpRef<ModuleOp> module =
      mlir::detail::constructContainerOpForParserIfNecessary<ModuleOp>(
          &block, context.get(), fileLoc);
  if (module)
    nameArgumentsFromSource(*module, asmState);
  return module;
}

mlir::s2s::PluginFlags::PluginFlags(llvm::cl::OptionCategory &category)
    : passPlugins("load-pass-plugin",
                  llvm::cl::desc("Load passes from a plugin library (see "
                                 "docs/WritingAPassPlugin.md); run them "
                                 "with --passes"),
                  llvm::cl::value_desc("plugin.so"), llvm::cl::cat(category)),
      dialectPlugins("load-dialect-plugin",
                     llvm::cl::desc("Load dialects from a plugin library"),
                     llvm::cl::value_desc("plugin.so"),
                     llvm::cl::cat(category)),
      passes("passes",
             llvm::cl::desc("A pass pipeline run on the model before it is "
                            "compiled, e.g. 'my-pass,canonicalize' "
                            "(nested in builtin.module(...) unless written "
                            "so)"),
             llvm::cl::value_desc("pipeline"), llvm::cl::init(""),
             llvm::cl::cat(category)) {}

LogicalResult CompilerSession::loadPlugins(const PluginFlags &flags) {
  for (const std::string &path : flags.passPlugins) {
    llvm::Expected<PassPlugin> plugin = PassPlugin::load(path);
    if (!plugin) {
      llvm::errs() << "error: cannot load the pass plugin " << path << ": "
                   << llvm::toString(plugin.takeError()) << "\n";
      return failure();
    }
    plugin->registerPassRegistryCallbacks();
  }
  for (const std::string &path : flags.dialectPlugins) {
    llvm::Expected<DialectPlugin> plugin = DialectPlugin::load(path);
    if (!plugin) {
      llvm::errs() << "error: cannot load the dialect plugin " << path << ": "
                   << llvm::toString(plugin.takeError()) << "\n";
      return failure();
    }
    DialectRegistry registry;
    plugin->registerDialectRegistryCallbacks(registry);
    context->appendDialectRegistry(registry);
  }
  return success();
}

llvm::Expected<std::optional<unsigned>>
mlir::s2s::takeThreadsFlag(int &argc, char **argv) {
  std::optional<unsigned> threads;
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    StringRef arg = argv[i];
    if (arg == "--") {
      // Everything after "--" is positional.
      for (; i < argc; ++i)
        argv[out++] = argv[i];
      break;
    }
    StringRef name = arg.starts_with("--")  ? arg.drop_front(2)
                     : arg.starts_with("-") ? arg.drop_front(1)
                                            : StringRef();
    StringRef value;
    if (name == "threads") {
      if (i + 1 >= argc)
        return llvm::createStringError("--threads needs a value");
      value = argv[++i];
    } else if (name.starts_with("threads=")) {
      value = name.drop_front(strlen("threads="));
    } else {
      argv[out++] = argv[i];
      continue;
    }
    unsigned n;
    if (value.getAsInteger(10, n))
      return llvm::createStringError(
          "--threads must be a non-negative number, but is '" + value + "'");
    threads = n;
  }
  argc = out;
  argv[argc] = nullptr;
  return threads;
}

std::unique_ptr<S2SPipelineOptions> mlir::s2s::parsePipelineOptions(
    StringRef options, std::optional<unsigned> threads,
    llvm::raw_ostream &errorOS, OptionSpelling spelling) {
  auto parsed = S2SPipelineOptions::createFromString(options);
  if (!parsed) {
    errorOS << "error: invalid " << spellOption(spelling, "pipeline-options")
            << " '" << options << "'\n";
    return parsed;
  }
  if (threads) {
    // --threads=0: the OpenMP runtime chooses the count when the code runs;
    // the work is split for this machine's count (at least 2, so that the
    // code is parallel wherever it runs).
    parsed->threads =
        *threads ? *threads : std::max(2u, std::thread::hardware_concurrency());
    parsed->runtimeThreads = *threads == 0;
  }
  if (failed(parsed->verify([&](const Twine &message) {
        errorOS << "error: " << message << "\n";
      })))
    return nullptr;
  return parsed;
}

bool mlir::s2s::usesOpenMP(ModuleOp module) {
  bool found = false;
  module->walk([&](Operation *op) {
    if (isa<omp::OpenMPDialect>(op->getDialect())) {
      found = true;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return found;
}

llvm::Expected<std::string> mlir::s2s::getOpenMPRuntimePath() {
  StringRef path = S2S_OPENMP_RUNTIME;
  if (path.empty() || !llvm::sys::fs::exists(path))
    return llvm::createStringError(
        "code compiled with threads > 1 needs the OpenMP runtime, but "
        "libomp was not found" +
        (path.empty() ? std::string(" when s2s was configured")
                      : " at " + path.str()) +
        " (install libomp-22-dev and reconfigure)");
  return path.str();
}
