//===- Compiler.cpp - compiling s2s models to native code -----------------===//
//
// Loading, entry point selection, lowering, translation to LLVM IR for the
// host CPU, machine code emission and the C header of the entry points.
//
//===----------------------------------------------------------------------===//

#include "s2s/Compiler/Compiler.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/AsmParser/AsmParserState.h"
#include "mlir/Bytecode/BytecodeReader.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "mlir/Transforms/Passes.h"
#include "s2s/Import/ONNX/ONNXImporter.h"
#include "s2s/InitAllDialects.h"
#include "s2s/InitAllPasses.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

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

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

SmallVector<func::FuncOp> mlir::s2s::getPublicFunctions(ModuleOp module) {
  SmallVector<func::FuncOp> funcs;
  for (auto func : module.getOps<func::FuncOp>())
    if (func.isPublic() && !func.isExternal())
      funcs.push_back(func);
  return funcs;
}

LogicalResult mlir::s2s::keepOnlyEntry(ModuleOp module, func::FuncOp entry) {
  for (auto func : module.getOps<func::FuncOp>())
    if (func != entry && func.isPublic())
      func.setPrivate();
  PassManager pm(module.getContext());
  pm.addPass(createSymbolDCEPass());
  return pm.run(module);
}

LogicalResult mlir::s2s::addSymbolPrefix(ModuleOp module, StringRef prefix) {
  if (prefix.empty())
    return success();
  bool identifier =
      (llvm::isAlpha(prefix.front()) || prefix.front() == '_') &&
      llvm::all_of(prefix, [](char c) { return llvm::isAlnum(c) || c == '_'; });
  if (!identifier)
    return module.emitError()
           << "symbol prefix '" << prefix
           << "' is not a C identifier (a letter or '_', then letters, "
              "digits or '_')";
  SymbolTable symbols(module);
  for (func::FuncOp func : getPublicFunctions(module)) {
    std::string name = (prefix + func.getName()).str();
    if (symbols.lookup(name))
      return func.emitError()
             << "cannot rename @" << func.getName() << " to @" << name
             << " (symbol prefix '" << prefix
             << "'): the module has a symbol of that name already";
    if (failed(symbols.rename(func, name)))
      return func.emitError()
             << "cannot rename @" << func.getName() << " to @" << name;
  }
  return success();
}

FailureOr<func::FuncOp> mlir::s2s::findEntryFunction(ModuleOp module,
                                                     StringRef name,
                                                     OptionSpelling spelling) {
  SmallVector<func::FuncOp> funcs = getPublicFunctions(module);
  auto names = [&] {
    std::string list;
    llvm::raw_string_ostream os(list);
    llvm::interleaveComma(funcs, os,
                          [&](func::FuncOp f) { os << '@' << f.getName(); });
    return list.empty() ? std::string("none") : list;
  };
  if (!name.empty()) {
    for (func::FuncOp func : funcs)
      if (func.getName() == name)
        return func;
    return module.emitError()
           << "unknown entry function '" << name
           << "'; the public functions of the module are: " << names();
  }
  if (funcs.size() == 1)
    return funcs.front();
  for (func::FuncOp func : funcs)
    if (func.getName() == "main")
      return func;
  return module.emitError()
         << "cannot choose an entry function: the module has " << funcs.size()
         << " public functions (" << names()
         << ") and none is named 'main'; pass "
         << spellOption(spelling, "entry", "NAME");
}

std::string mlir::s2s::spellOption(OptionSpelling spelling, StringRef name,
                                   std::optional<StringRef> value) {
  // Python's keyword arguments spell words with underscores.
  std::string text = spelling == OptionSpelling::CommandLine
                         ? ("--" + name).str()
                         : name.str();
  if (spelling == OptionSpelling::Python)
    llvm::replace(text, '-', '_');
  if (value)
    text += spelling == OptionSpelling::CommandLine
                ? ("=" + *value).str()
                : ("='" + *value + "'").str();
  return text;
}

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

bool mlir::s2s::isShapeOf(RankedTensorType type, ArrayRef<int64_t> shape) {
  return type.getRank() == static_cast<int64_t>(shape.size()) &&
         llvm::all_of(llvm::zip_equal(type.getShape(), shape), [](auto dims) {
           auto [want, got] = dims;
           return ShapedType::isDynamic(want) || want == got;
         });
}

FailureOr<EntryPoint> mlir::s2s::getEntryPoint(func::FuncOp func) {
  EntryPoint entry;
  entry.name = func.getName().str();
  auto check = [&](Type type, StringRef kind,
                   unsigned index) -> FailureOr<RankedTensorType> {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor || !getDType(tensor.getElementType()))
      return func.emitError()
             << "entry function @" << func.getName() << ": " << kind << " #"
             << index << " has type " << type
             << "; entry points take and return ranked tensors of f32, f64, "
                "i32, i64 or i1";
    return tensor;
  };
  for (auto [i, type] : llvm::enumerate(func.getArgumentTypes())) {
    FailureOr<RankedTensorType> t = check(type, "argument", i);
    if (failed(t))
      return failure();
    entry.inputs.push_back(*t);
    StringAttr name = getArgumentName(func, i);
    entry.inputNames.push_back(name ? name.str() : std::string());
  }
  for (auto [i, type] : llvm::enumerate(func.getResultTypes())) {
    FailureOr<RankedTensorType> t = check(type, "result", i);
    if (failed(t))
      return failure();
    entry.results.push_back(*t);
  }
  return entry;
}

/// The strings of the array attribute `attr` of the symbol `name`.
static SmallVector<std::string> getMessages(ModuleOp module, StringRef name,
                                            StringRef attr) {
  SmallVector<std::string> messages;
  Operation *func = SymbolTable::lookupSymbolIn(module, name);
  if (!func)
    return messages;
  if (auto list = func->getAttrOfType<ArrayAttr>(attr))
    for (Attribute message : list)
      if (auto text = dyn_cast<StringAttr>(message))
        messages.push_back(text.str());
  return messages;
}

SmallVector<std::string>
mlir::s2s::getShapeCheckMessages(ModuleOp module, const EntryPoint &entry) {
  return getMessages(module, entry.getCheckShapesName(), "s2s.shape_checks");
}

SmallVector<std::string> mlir::s2s::getStatusMessages(ModuleOp module,
                                                      const EntryPoint &entry) {
  return getMessages(module, entry.name, "s2s.status_messages");
}

//===----------------------------------------------------------------------===//
// Lowering and code generation
//===----------------------------------------------------------------------===//

/// Whether the tool registered the pass-manager options (the Python module
/// has no command line).
static bool passManagerFlagsRegistered = false;

void mlir::s2s::registerPassManagerFlags() {
  passManagerFlagsRegistered = true;
  // --mlir-print-ir-after=<pass> and the like name passes by their
  // registered argument: s2s's and upstream's.
  mlir::registerAllPasses();
  s2s::registerAllPasses();
  registerPassManagerCLOptions();
  registerDefaultTimingManagerCLOptions();
  registerAsmPrinterCLOptions();
}

/// A pass manager with the command line's pass-manager options (IR
/// printing, timing, statistics) when the tool registered them.
static FailureOr<std::unique_ptr<PassManager>>
createPassManager(ModuleOp module) {
  auto pm = std::make_unique<PassManager>(module->getContext());
  if (!passManagerFlagsRegistered)
    return pm;
  if (failed(applyPassManagerCLOptions(*pm)))
    return failure();
  applyDefaultTimingPassManagerCLOptions(*pm);
  return pm;
}

/// The passes of `pipeline` to add to a pass manager on the module: the
/// list inside builtin.module(...) when it is written so, else as written.
static StringRef passesOnModule(StringRef pipeline) {
  StringRef inner = pipeline.trim();
  if (inner.consume_front("builtin.module(") && inner.consume_back(")"))
    return inner;
  return pipeline;
}

LogicalResult mlir::s2s::checkPassPipeline(StringRef pipeline) {
  if (pipeline.empty())
    return success();
  std::string error;
  llvm::raw_string_ostream errorStream(error);
  OpPassManager pm(ModuleOp::getOperationName());
  if (succeeded(parsePassPipeline(passesOnModule(pipeline), pm, errorStream)))
    return success();
  llvm::errs() << "error: invalid --passes '" << pipeline << "': " << error
               << "\n";
  return failure();
}

LogicalResult mlir::s2s::runPassPipeline(ModuleOp module, StringRef pipeline) {
  if (pipeline.empty())
    return success();
  FailureOr<std::unique_ptr<PassManager>> pm = createPassManager(module);
  if (failed(pm) || failed(parsePassPipeline(passesOnModule(pipeline), **pm)))
    return failure();
  return (*pm)->run(module);
}

LogicalResult mlir::s2s::lowerToLLVMDialect(ModuleOp module,
                                            const S2SPipelineOptions &options) {
  FailureOr<std::unique_ptr<PassManager>> pm = createPassManager(module);
  if (failed(pm))
    return failure();
  // The argument names are the tools' (getEntryPoint has read them); LLVM
  // IR has no use for them.
  for (auto func : module.getOps<func::FuncOp>())
    for (unsigned i = 0; i < func.getNumArguments(); ++i)
      func.removeArgAttr(i, kArgumentNameAttr);
  buildS2SToLLVMPipeline(**pm, options);
  return (*pm)->run(module);
}

LogicalResult mlir::s2s::lowerToLinalg(ModuleOp module,
                                       const S2SPipelineOptions &options) {
  FailureOr<std::unique_ptr<PassManager>> pm = createPassManager(module);
  if (failed(pm))
    return failure();
  buildS2SToLinalgPipeline(**pm, options);
  return (*pm)->run(module);
}

mlir::s2s::TargetFlags::TargetFlags(llvm::cl::OptionCategory &category)
    : triple("mtriple",
             llvm::cl::desc("The target triple to compile for (default: the "
                            "host's), e.g. aarch64-linux-gnu"),
             llvm::cl::value_desc("triple"), llvm::cl::init(""),
             llvm::cl::cat(category)),
      cpu("mcpu",
          llvm::cl::desc("The CPU to compile for (default: the host's, or "
                         "'generic' for another triple), e.g. haswell"),
          llvm::cl::value_desc("cpu"), llvm::cl::init(""),
          llvm::cl::cat(category)),
      attrs("mattr",
            llvm::cl::desc("Target features to add or remove, e.g. "
                           "'-avx512f' or '+avx2,+fma'"),
            llvm::cl::value_desc("+a,-b"), llvm::cl::init(""),
            llvm::cl::cat(category)) {}

bool mlir::s2s::TargetSpec::isCrossTarget() const {
  return !triple.empty() && llvm::Triple(llvm::Triple::normalize(triple)) !=
                                llvm::Triple(llvm::sys::getProcessTriple());
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
mlir::s2s::createTargetMachine(const TargetSpec &spec,
                               llvm::CodeGenOptLevel optLevel, bool forJIT,
                               OptionSpelling spelling) {
  bool cross = spec.isCrossTarget();
  if (cross) {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
  }
  llvm::Triple triple(cross ? llvm::Triple::normalize(spec.triple)
                            : llvm::sys::getProcessTriple());
  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return llvm::createStringError("unknown " +
                                   spellOption(spelling, "mtriple") + " '" +
                                   spec.triple + "': " + error);
  bool hostCPU = !cross && (spec.cpu.empty() || spec.cpu == "native");
  std::string cpu = hostCPU            ? llvm::sys::getHostCPUName().str()
                    : spec.cpu.empty() ? std::string("generic")
                                       : spec.cpu;
  llvm::SubtargetFeatures features;
  if (hostCPU)
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      features.AddFeature(feature.getKey(), feature.getValue());
  if (!spec.attrs.empty())
    for (StringRef attr : llvm::split(spec.attrs, ','))
      if (!attr.trim().empty())
        features.AddFeature(attr.trim());
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget(
      target->createMCSubtargetInfo(triple, cpu, features.getString()));
  if (!subtarget || !subtarget->isCPUStringValid(cpu))
    return llvm::createStringError("unknown " + spellOption(spelling, "mcpu") +
                                   " '" + cpu + "' for " + triple.str());
  llvm::TargetOptions options;
  // A JIT's machine: the target's JIT code model (x86-64: large, since the
  // JIT's memory may be more than 2 GiB away from the process's libraries,
  // as under AddressSanitizer) and relocation model, as orc's
  // JITTargetMachineBuilder creates it.
  std::optional<llvm::Reloc::Model> relocation;
  if (!forJIT)
    relocation = llvm::Reloc::PIC_;
  std::unique_ptr<llvm::TargetMachine> machine(
      target->createTargetMachine(triple, cpu, features.getString(), options,
                                  relocation, std::nullopt, optLevel, forJIT));
  if (!machine)
    return llvm::createStringError("cannot create a target machine for " +
                                   triple.str() + " (" + cpu + ")");
  return machine;
}

cpu::CPUTarget
mlir::s2s::getCPUTarget(const llvm::TargetMachine &targetMachine) {
  const llvm::MCSubtargetInfo *subtarget = targetMachine.getMCSubtargetInfo();
  if (targetMachine.getTargetTriple().isX86())
    return cpu::CPUTarget::fromX86Features([&](StringRef name) {
      return subtarget->checkFeatures(("+" + name).str());
    });
  cpu::CPUTarget result = cpu::CPUTarget::fromVectorBits(128);
  // AArch64: NEON's 128-bit registers (SVE's width is not known at compile
  // time), 32 of them, with fused multiply-add.
  bool aarch64 = targetMachine.getTargetTriple().isAArch64();
  result.vectorRegisters = aarch64 ? 32 : 16;
  result.hasFMA = aarch64;
  return result;
}

llvm::Error mlir::s2s::fitPipelineOptionsToTarget(
    S2SPipelineOptions &options, const llvm::TargetMachine &targetMachine) {
  cpu::CPUTarget target = getCPUTarget(targetMachine);
  if (options.vectorBits == 0) {
    options.vectorBits = target.vectorBits;
    if (options.vectorRegisters == 0)
      options.vectorRegisters = target.vectorRegisters;
    options.fma = target.hasFMA;
    options.avx512BF16 = target.hasBF16Dot;
    return llvm::Error::success();
  }
  if (options.avx512BF16 && !target.hasBF16Dot)
    return llvm::createStringError(
        "pipeline option 'avx512-bf16' asks for AVX512-BF16, which the "
        "target (" +
        targetMachine.getTargetTriple().str() + ", " +
        targetMachine.getTargetCPU().str() +
        ") does not have: its instructions would not compile");
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<llvm::Module>>
mlir::s2s::translateToLLVMIR(ModuleOp module, llvm::LLVMContext &llvmContext,
                             llvm::TargetMachine &targetMachine) {
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, llvmContext);
  if (!llvmModule)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "translation to LLVM IR failed");
  ExecutionEngine::setupTargetTripleAndDataLayout(llvmModule.get(),
                                                  &targetMachine);
  if (llvm::Error err = makeOptimizingTransformer(
          /*optLevel=*/3, /*sizeLevel=*/0, &targetMachine)(llvmModule.get()))
    return std::move(err);
  return llvmModule;
}

llvm::Error mlir::s2s::emitMachineCode(llvm::Module &llvmModule,
                                       llvm::TargetMachine &targetMachine,
                                       llvm::CodeGenFileType fileType,
                                       llvm::raw_pwrite_stream &os) {
  llvm::legacy::PassManager pm;
  if (targetMachine.addPassesToEmitFile(pm, os, nullptr, fileType))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the host target cannot emit this file "
                                   "type");
  pm.run(llvmModule);
  return llvm::Error::success();
}

void mlir::s2s::internalizeAllButCInterfaces(llvm::Module &llvmModule) {
  for (llvm::Function &fn : llvmModule.functions()) {
    if (fn.isDeclaration() || fn.getName().starts_with("_mlir_ciface_"))
      continue;
    fn.setLinkage(llvm::GlobalValue::InternalLinkage);
  }
}

//===----------------------------------------------------------------------===//
// The description of the entry points
//===----------------------------------------------------------------------===//

std::string mlir::s2s::getModelInfoSymbol(StringRef symbolPrefix) {
  return (symbolPrefix + "s2s_model_info").str();
}

static std::string printType(Type type) {
  std::string text;
  llvm::raw_string_ostream(text) << type;
  return text;
}

std::string mlir::s2s::getModelInfo(ArrayRef<EntryPoint> entries) {
  llvm::json::Array list;
  for (const EntryPoint &entry : entries) {
    llvm::json::Array inputs, results;
    for (auto [type, name] : llvm::zip_equal(entry.inputs, entry.inputNames))
      inputs.push_back(
          llvm::json::Object{{"name", name}, {"type", printType(type)}});
    for (RankedTensorType type : entry.results)
      results.push_back(llvm::json::Object{{"type", printType(type)}});
    llvm::json::Array checks(entry.shapeChecks), statuses(entry.statusMessages);
    list.push_back(
        llvm::json::Object{{"name", entry.name},
                           {"inputs", std::move(inputs)},
                           {"results", std::move(results)},
                           {"shape_checks", std::move(checks)},
                           {"status_messages", std::move(statuses)}});
  }
  llvm::json::Object info{{"format", 1}, {"entries", std::move(list)}};
  std::string text;
  llvm::raw_string_ostream(text) << llvm::json::Value(std::move(info));
  return text;
}

void mlir::s2s::addModelInfo(llvm::Module &llvmModule, StringRef symbol,
                             StringRef info) {
  llvm::Constant *text = llvm::ConstantDataArray::getString(
      llvmModule.getContext(), info, /*AddNull=*/true);
  new llvm::GlobalVariable(llvmModule, text->getType(), /*isConstant=*/true,
                           llvm::GlobalValue::ExternalLinkage, text, symbol);
}

llvm::Expected<std::vector<EntryPoint>>
mlir::s2s::parseModelInfo(MLIRContext *context, StringRef info) {
  auto error = [](const llvm::Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "bad model description: " + message);
  };
  llvm::Expected<llvm::json::Value> json = llvm::json::parse(info);
  if (!json)
    return error(llvm::toString(json.takeError()));
  const llvm::json::Object *root = json->getAsObject();
  const llvm::json::Array *list = root ? root->getArray("entries") : nullptr;
  if (!list || root->getInteger("format") != 1)
    return error("not format 1 with a list of entries");
  auto parseTensor =
      [&](const llvm::json::Value &value) -> FailureOr<RankedTensorType> {
    const llvm::json::Object *object = value.getAsObject();
    std::optional<StringRef> text =
        object ? object->getString("type") : std::nullopt;
    if (!text)
      return failure();
    auto type = dyn_cast_or_null<RankedTensorType>(parseType(*text, context));
    if (!type || !getDType(type.getElementType()))
      return failure();
    return type;
  };
  auto strings = [](const llvm::json::Object &object, StringRef key,
                    SmallVector<std::string> &out) {
    if (const llvm::json::Array *array = object.getArray(key))
      for (const llvm::json::Value &v : *array)
        if (std::optional<StringRef> s = v.getAsString())
          out.push_back(s->str());
  };
  std::vector<EntryPoint> entries;
  for (const llvm::json::Value &value : *list) {
    const llvm::json::Object *object = value.getAsObject();
    std::optional<StringRef> name =
        object ? object->getString("name") : std::nullopt;
    const llvm::json::Array *inputs =
        object ? object->getArray("inputs") : nullptr;
    const llvm::json::Array *results =
        object ? object->getArray("results") : nullptr;
    if (!name || !inputs || !results)
      return error("an entry without name, inputs or results");
    EntryPoint &entry = entries.emplace_back();
    entry.name = name->str();
    for (const llvm::json::Value &input : *inputs) {
      FailureOr<RankedTensorType> type = parseTensor(input);
      if (failed(type))
        return error("an argument of @" + entry.name + " has no valid type");
      entry.inputs.push_back(*type);
      std::optional<StringRef> inputName =
          input.getAsObject()->getString("name");
      entry.inputNames.push_back(inputName ? inputName->str() : "");
    }
    for (const llvm::json::Value &result : *results) {
      FailureOr<RankedTensorType> type = parseTensor(result);
      if (failed(type))
        return error("a result of @" + entry.name + " has no valid type");
      entry.results.push_back(*type);
    }
    strings(*object, "shape_checks", entry.shapeChecks);
    strings(*object, "status_messages", entry.statusMessages);
  }
  return entries;
}

//===----------------------------------------------------------------------===//
// C header
//===----------------------------------------------------------------------===//

StringRef mlir::s2s::getCElementType(Type type) {
  if (type.isF32())
    return "float";
  if (type.isF64())
    return "double";
  if (type.isInteger(1))
    return "bool";
  if (type.isSignlessInteger(32))
    return "int32_t";
  if (type.isSignlessInteger(64))
    return "int64_t";
  return "void";
}

/// "s2s_memref_f32_3d".
static std::string descriptorName(RankedTensorType type) {
  std::string elt;
  llvm::raw_string_ostream os(elt);
  type.getElementType().print(os);
  return "s2s_memref_" + elt + "_" + std::to_string(type.getRank()) + "d";
}

/// The out-parameter of a result shape function: tensor<Nxi64>.
static RankedTensorType getResultShapesType(const EntryPoint &entry) {
  MLIRContext *ctx = entry.results.front().getContext();
  return RankedTensorType::get({entry.getNumResultDims()},
                               IntegerType::get(ctx, 64));
}

/// The C parameter names of `entry`'s inputs: each input's name when it is
/// a C identifier (other characters replaced by '_'), is no C or C++
/// keyword and is unique, else `in<i>`.
static SmallVector<std::string> getCParameterNames(const EntryPoint &entry) {
  static const llvm::StringSet<> keywords = {
      "auto",      "bool",     "break",    "case",     "char",      "class",
      "const",     "continue", "default",  "delete",   "do",        "double",
      "else",      "enum",     "extern",   "false",    "float",     "for",
      "friend",    "goto",     "if",       "inline",   "int",       "long",
      "namespace", "new",      "operator", "private",  "protected", "public",
      "register",  "restrict", "return",   "short",    "signed",    "sizeof",
      "static",    "struct",   "switch",   "template", "this",      "true",
      "typedef",   "typename", "union",    "unsigned", "virtual",   "void",
      "volatile",  "while"};
  SmallVector<std::string> names;
  llvm::StringSet<> used;
  for (unsigned i = 0; i < entry.inputs.size(); ++i) {
    std::string name = entry.inputNames[i];
    for (char &c : name)
      if (!llvm::isAlnum(c) && c != '_')
        c = '_';
    // Not `in<N>` or `out<N>`, the names of unnamed parameters.
    auto generated = [&](StringRef prefix) {
      StringRef rest = name;
      return rest.consume_front(prefix) && !rest.empty() &&
             llvm::all_of(rest, llvm::isDigit);
    };
    bool ok = !name.empty() && !llvm::isDigit(name[0]) &&
              !keywords.contains(name) && !generated("in") &&
              !generated("out") && used.insert(name).second;
    names.push_back(ok ? name : "in" + std::to_string(i));
  }
  return names;
}

void mlir::s2s::writeCHeader(llvm::raw_ostream &os,
                             ArrayRef<EntryPoint> entries, StringRef guard,
                             StringRef modelName, int64_t threads,
                             bool runtimeThreads, StringRef modelInfoSymbol) {
  os << "/* " << modelName << ": generated by s2s-compile. */\n"
     << "/*\n"
     << " * Calling convention (see docs/Tools/s2s-compile.md): each entry\n"
     << " * point takes a pointer to a memref descriptor per input, then one\n"
     << " * per output. The caller owns every buffer: it fills the inputs,\n"
     << " * allocates the outputs (not overlapping any input: they are\n"
     << " * written while the inputs are read) with the shapes declared\n"
     << " * below and sets\n"
     << " * `allocated` and `aligned` to the data, `offset` to 0, `sizes` to\n"
     << " * the shape and `strides` to the C-order (row-major) strides.\n"
     << " * Inputs are only read. Scratch buffers live in a static arena\n"
     << " * per entry point (planned at compile time; its pages are touched\n"
     << " * by the first call and reused by later ones). A call is\n"
     << " * thread-safe: one that finds the arena in use allocates its own.\n"
     << " *\n"
     << " * Dynamic dimensions (? below) take their size from the call: an\n"
     << " * input's from its descriptor's `sizes`. Dimensions that the model\n"
     << " * relates (the batch of x and of h0, the length of keys and\n"
     << " * values) must agree. When a result has a dynamic dimension, the\n"
     << " * entry point <name> comes with <name>_result_shapes, which takes\n"
     << " * the same inputs and writes the size of every dimension of every\n"
     << " * result, in order, into a 1-d int64 buffer (of the length given\n"
     << " * below): call it first and allocate the outputs with those shapes.\n"
     << " * Where the model relates dynamic sizes, <name>_check_shapes says\n"
     << " * whether the inputs' sizes fit (0) or which rule they break.\n"
     << " *\n"
     << " * Each entry point checks its arguments (the descriptors, and the\n"
     << " * sizes against the model's shape rules) and returns 0 once it has\n"
     << " * computed the results, else the number of the first check that\n"
     << " * fails (listed below), having computed and written nothing.\n";
  if (threads > 1) {
    if (runtimeThreads)
      os << " *\n"
         << " * Compiled with --threads=0: the entry points run OpenMP\n"
         << " * parallel loops on as many threads as the OpenMP runtime\n"
         << " * chooses when they run (OMP_NUM_THREADS, else one per logical\n"
         << " * CPU; the work is split into chunks for " << threads
         << " threads), so link\n"
         << " * with the OpenMP runtime (libomp), e.g.\n";
    else
      os << " *\n"
         << " * Compiled with threads=" << threads
         << ": the entry points run OpenMP parallel\n"
         << " * loops, so link with the OpenMP runtime (libomp), e.g.\n";
    os << " * -L/usr/lib/llvm-22/lib -lomp -Wl,-rpath,/usr/lib/llvm-22/lib\n"
       << " * (LLVM's runtime: the code also sets its blocktime with\n"
       << " * kmp_set_blocktime, which GNU libgomp does not provide).\n";
  }
  os << " */\n"
     << "#ifndef " << guard << "\n#define " << guard << "\n\n"
     << "#include <stdbool.h>\n#include <stdint.h>\n\n"
     << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n";

  // One descriptor struct per (element type, rank) used.
  llvm::SmallVector<std::string> emitted;
  for (const EntryPoint &entry : entries) {
    SmallVector<RankedTensorType> types(entry.inputs);
    types.append(entry.results.begin(), entry.results.end());
    if (entry.hasDynamicResults())
      types.push_back(getResultShapesType(entry));
    for (RankedTensorType type : types) {
      std::string name = descriptorName(type);
      if (llvm::is_contained(emitted, name))
        continue;
      emitted.push_back(name);
      StringRef elt = getCElementType(type.getElementType());
      os << "#ifndef S2S_DEFINED_" << llvm::StringRef(name).upper() << "\n"
         << "#define S2S_DEFINED_" << llvm::StringRef(name).upper() << "\n"
         << "typedef struct {\n"
         << "  " << elt << " *allocated;\n"
         << "  " << elt << " *aligned;\n"
         << "  int64_t offset;\n";
      if (type.getRank() > 0)
        os << "  int64_t sizes[" << type.getRank() << "];\n"
           << "  int64_t strides[" << type.getRank() << "];\n";
      os << "} " << name << ";\n#endif\n\n";
    }
  }

  for (const EntryPoint &entry : entries) {
    os << "/* @" << entry.name << "\n";
    for (auto [i, type] : llvm::enumerate(entry.inputs)) {
      os << " *   input  " << i;
      if (!entry.inputNames[i].empty())
        os << " (" << entry.inputNames[i] << ")";
      os << ": " << type << "\n";
    }
    for (auto [i, type] : llvm::enumerate(entry.results))
      os << " *   output " << i << ": " << type << "\n";
    if (!entry.statusMessages.empty()) {
      os << " * returns 0, or the number of the first check that fails:\n";
      for (auto [i, message] : llvm::enumerate(entry.statusMessages))
        os << " *   " << i + 1 << ": " << message << "\n";
    }
    os << " */\nint32_t " << entry.getCInterfaceName() << "(";
    SmallVector<std::string> params;
    SmallVector<std::string> names = getCParameterNames(entry);
    for (auto [i, type] : llvm::enumerate(entry.inputs))
      params.push_back("const " + descriptorName(type) + " *" + names[i]);
    for (auto [i, type] : llvm::enumerate(entry.results))
      params.push_back(descriptorName(type) + " *out" + std::to_string(i));
    if (params.empty())
      os << "void";
    llvm::interleave(params, os, ",\n    ");
    os << ");\n\n";
    if (!entry.shapeChecks.empty()) {
      os << "/* @" << entry.getCheckShapesName()
         << ": 0 when the sizes of these inputs fit @" << entry.name
         << ",\n * else the number of the first shape rule they break:\n";
      for (auto [i, message] : llvm::enumerate(entry.shapeChecks))
        os << " *   " << i + 1 << ": " << message << "\n";
      os << " * @" << entry.name
         << " returns the same numbers; call this first to allocate the\n"
         << " * outputs only for sizes that fit.\n */\n"
         << "int32_t " << entry.getCheckShapesCInterfaceName() << "(";
      SmallVector<std::string> inputParams(
          ArrayRef<std::string>(params).take_front(entry.inputs.size()));
      if (inputParams.empty())
        os << "void";
      llvm::interleave(inputParams, os, ",\n    ");
      os << ");\n\n";
    }
    if (!entry.hasDynamicResults())
      continue;
    RankedTensorType shapesType = getResultShapesType(entry);
    os << "/* @" << entry.getResultShapesName() << ": the "
       << entry.getNumResultDims() << " dimensions of the results of @"
       << entry.name << "\n * for these inputs, in order, into `shapes` ("
       << shapesType << ").\n */\nvoid "
       << entry.getResultShapesCInterfaceName() << "(";
    params.resize(entry.inputs.size());
    params.push_back(descriptorName(shapesType) + " *shapes");
    llvm::interleave(params, os, ",\n    ");
    os << ");\n\n";
  }
  if (!modelInfoSymbol.empty())
    os << "/* The entry points described in JSON (names, argument names and\n"
       << " * types, result types, shape check and status messages), as\n"
       << " * the Python module's s2s.load_library reads them. */\n"
       << "extern const char " << modelInfoSymbol << "[];\n\n";
  os << "#ifdef __cplusplus\n} /* extern \"C\" */\n#endif\n\n"
     << "#endif /* " << guard << " */\n";
}
