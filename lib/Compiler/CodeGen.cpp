//===- CodeGen.cpp - lowering and code generation -------------------------===//
//
// Running the s2s pipelines on a module (with the command line's
// pass-manager options), the target machine of a TargetSpec and the
// kernels' view of it, translation to optimized LLVM IR and machine code
// emission.
//
//===----------------------------------------------------------------------===//

#include "s2s/Compiler/Compiler.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/AsmState.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "s2s/InitAllPasses.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

using namespace mlir;
using namespace mlir::s2s;

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
