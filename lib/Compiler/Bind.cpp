//===- Bind.cpp - arguments bound to arrays at compile time ---------------===//
//
// --bind replaces arguments of the entry points (a model's weights, most
// often) by constants holding arrays read from .npy/.npz files, so that the
// compiled library carries them and its callers pass only the real inputs.
//
//===----------------------------------------------------------------------===//

#include "s2s/Compiler/Compiler.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/SymbolTable.h"
#include "s2s/Runtime/TensorProto.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace mlir::s2s;

llvm::Expected<std::vector<ArgumentBinding>>
mlir::s2s::readArgumentBindings(ArrayRef<std::string> values,
                                OptionSpelling spelling) {
  std::string option = spellOption(spelling, "bind");
  std::vector<ArgumentBinding> bindings;
  llvm::StringMap<std::string> sourceOf;
  auto add = [&](std::string name, NpyArray array,
                 std::string source) -> llvm::Error {
    auto [it, inserted] = sourceOf.try_emplace(name, source);
    if (!inserted)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     option + ": argument '" + name +
                                         "' is bound twice (" + it->second +
                                         ", " + source + ")");
    bindings.push_back({std::move(name), std::move(array), std::move(source)});
    return llvm::Error::success();
  };
  for (const std::string &value : values) {
    auto [name, path] = StringRef(value).split('=');
    if (path.empty() && llvm::sys::fs::is_directory(value)) {
      // DIR: every NAME.npy in it binds the argument NAME.
      std::vector<std::string> files;
      std::error_code ec;
      for (llvm::sys::fs::directory_iterator it(value, ec), end;
           it != end && !ec; it.increment(ec))
        if (StringRef(it->path()).ends_with(".npy"))
          files.push_back(it->path());
      if (ec)
        return llvm::createStringError(
            ec, spellOption(spelling, "bind", value) + ": " + ec.message());
      if (files.empty())
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       spellOption(spelling, "bind", value) +
                                           ": the directory holds no .npy "
                                           "file");
      llvm::sort(files);
      for (const std::string &file : files) {
        llvm::Expected<NpyArray> array = readNpy(file);
        if (!array)
          return array.takeError();
        if (llvm::Error err =
                add(llvm::sys::path::stem(file).str(), std::move(*array), file))
          return std::move(err);
      }
      continue;
    }
    if (path.empty()) {
      // FILE.npz: every array binds the argument it is named after.
      if (!StringRef(value).ends_with(".npz"))
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            spellOption(spelling, "bind", value) +
                ": expected NAME=FILE.npy (or .pb), FILE.npz or a directory "
                "of NAME.npy files");
      llvm::Expected<std::vector<NpzMember>> members = readNpz(value);
      if (!members)
        return members.takeError();
      for (NpzMember &member : *members)
        if (llvm::Error err = add(member.name, std::move(member.array),
                                  value + ":" + member.name))
          return std::move(err);
      continue;
    }
    if (name.empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     spellOption(spelling, "bind", value) +
                                         ": the argument name is empty");
    llvm::Expected<NpyArray> array = readArrayFile(path);
    if (!array)
      return array.takeError();
    if (llvm::Error err = add(name.str(), std::move(*array), path.str()))
      return std::move(err);
  }
  return bindings;
}

/// The elements of `array` as an attribute of `type`.
static DenseElementsAttr getElementsAttr(RankedTensorType type,
                                         const NpyArray &array) {
  if (array.dtype == DType::Bool) {
    const auto *bytes = static_cast<const uint8_t *>(array.data());
    SmallVector<bool> values(bytes, bytes + array.getNumElements());
    return DenseElementsAttr::get(type, ArrayRef<bool>(values));
  }
  ArrayRef<char> raw(static_cast<const char *>(array.data()),
                     array.getByteSize());
  return DenseElementsAttr::getFromRawBuffer(type, raw);
}

/// Binds the arguments of `func` named in `bindings`; marks the bindings
/// used.
static LogicalResult bindFunctionArguments(func::FuncOp func,
                                           ArrayRef<ArgumentBinding> bindings,
                                           llvm::BitVector &used,
                                           OptionSpelling spelling) {
  llvm::BitVector erase(func.getNumArguments());
  OpBuilder builder(func.getBody());
  for (auto [index, binding] : llvm::enumerate(bindings)) {
    std::optional<unsigned> argIndex;
    for (unsigned i = 0; i < func.getNumArguments(); ++i)
      if (getArgumentName(func, i) == binding.name)
        argIndex = i;
    if (!argIndex)
      continue;
    used.set(index);
    BlockArgument arg = func.getArgument(*argIndex);
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    auto describe = [&] {
      std::string s;
      llvm::raw_string_ostream os(s);
      os << spellOption(spelling, "bind") << ": argument #" << *argIndex << " ("
         << binding.name << ") of @" << func.getName() << " has type "
         << arg.getType() << ", but " << binding.source << " holds "
         << getDTypeName(binding.array.dtype) << " "
         << formatShape(binding.array.shape);
      return s;
    };
    bool fits = type &&
                getDType(type.getElementType()) == binding.array.dtype &&
                isShapeOf(type, binding.array.shape);
    if (!fits)
      return func.emitError() << describe();
    // The constant has the array's static shape; a cast gives the uses the
    // argument's type when that has dynamic sizes.
    auto constType =
        RankedTensorType::get(binding.array.shape, type.getElementType());
    Location loc =
        NameLoc::get(builder.getStringAttr(binding.source), arg.getLoc());
    Value value = arith::ConstantOp::create(
        builder, loc, getElementsAttr(constType, binding.array));
    if (constType != type)
      value = tensor::CastOp::create(builder, loc, type, value);
    arg.replaceAllUsesWith(value);
    erase.set(*argIndex);
  }
  if (erase.none())
    return success();
  return func.eraseArguments(erase);
}

LogicalResult mlir::s2s::bindArguments(ModuleOp module,
                                       ArrayRef<func::FuncOp> funcs,
                                       ArrayRef<ArgumentBinding> bindings,
                                       OptionSpelling spelling) {
  if (bindings.empty())
    return success();
  llvm::BitVector used(bindings.size());
  for (func::FuncOp func : funcs) {
    bool binds = llvm::any_of(llvm::seq(func.getNumArguments()), [&](auto i) {
      StringAttr name = getArgumentName(func, i);
      return name && llvm::any_of(bindings, [&](const ArgumentBinding &b) {
               return b.name == name.getValue();
             });
    });
    if (!binds)
      continue;
    // Calls of the function would no longer match its signature.
    if (!SymbolTable::symbolKnownUseEmpty(func, module))
      return func.emitError()
             << spellOption(spelling, "bind") << ": cannot bind arguments of @"
             << func.getName() << ", which other functions of the module call";
    if (failed(bindFunctionArguments(func, bindings, used, spelling)))
      return failure();
  }
  for (auto [index, binding] : llvm::enumerate(bindings)) {
    if (used.test(index))
      continue;
    std::string names;
    for (func::FuncOp func : funcs)
      for (unsigned i = 0; i < func.getNumArguments(); ++i)
        if (StringAttr name = getArgumentName(func, i))
          names += (names.empty() ? "" : ", ") + name.str();
    return emitError(module.getLoc())
           << spellOption(spelling, "bind")
           << ": no entry point has an argument named '" << binding.name
           << "' (from " << binding.source << "; their named arguments: "
           << (names.empty() ? std::string("none") : names) << ")";
  }
  return success();
}
