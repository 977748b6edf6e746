//===- EntryPoints.cpp - entry points of a module -------------------------===//
//
// The entry points of a compiled module: choosing the entry function,
// keeping only it, prefixing symbols, its argument and result types (the
// EntryPoint the tools and the runtime read), and the messages of its
// run-time checks.
//
//===----------------------------------------------------------------------===//

#include "s2s/Compiler/Compiler.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::s2s;

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
