//===- ModelInfo.cpp - the description of the entry points ----------------===//
//
// The description of a compiled module's entry points (names, element
// types and shapes, as JSON) that shared libraries carry in a global and
// that the tools read back.
//
//===----------------------------------------------------------------------===//

#include "s2s/Compiler/Compiler.h"

#include "mlir/AsmParser/AsmParser.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/JSON.h"

using namespace mlir;
using namespace mlir::s2s;

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
