//===- Importer.cpp - the ONNX graph walk and its entry points ------------===//
//
// Walks the nodes of an ONNX graph in order (ONNX requires a topological
// order) and dispatches each to the handler its op type and the model's
// opset select in the handler table; the handlers (one file per op family)
// emit s2s or upstream ops on statically shaped tensors. Shapes are computed
// here, so every mismatch is reported with the node that causes it rather
// than by a verifier later.
//
// Emission contract (what the graph passes match):
//   MatMul     rank 2 x rank 2 -> linalg.matmul; rank 3 x rank 3 ->
//              linalg.batch_matmul; higher ranks collapse their batch
//              dimensions to one (after a linalg.broadcast where they
//              differ), use linalg.batch_matmul and expand back; rank N x
//              rank 2 collapses to rank 2, linalg.matmul, expand.
//   Transpose  linalg.transpose.   Softmax  linalg.softmax on the axis.
//   elementwise ops: one linalg.generic each, parallel iterators, ONNX
//              broadcasting (aligned right) in the indexing maps, a body of
//              one arith/math op (Where -> arith.select).
//   constants: arith.constant dense<...>.
// Shape computations on static shapes (Shape, Gather, Concat, Slice,
// Unsqueeze, arithmetic on their results, ...) are folded to constants, with
// the exact integer and float arithmetic of the element type.
//
// This file also holds the graph's signature (value infos), the handler
// table and the printer of the importer's diagnostics.
//
//===----------------------------------------------------------------------===//

#include "ImporterInternals.h"

#include "s2s/Runtime/TensorProto.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <limits>
#include <numeric>

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::onnx_import;

bool mlir::s2s::isONNXModel(StringRef path, StringRef contents) {
  if (path.ends_with(".onnx"))
    return true;
  // A ModelProto starts with ir_version: field 1, varint (tag byte 0x08).
  // MLIR text starts with printable characters and bytecode with "ML".
  return !contents.empty() && contents[0] == '\x08';
}

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

int64_t onnx_import::product(ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t dim : shape)
    if (llvm::MulOverflow(count, dim, count))
      return std::numeric_limits<int64_t>::max();
  return count;
}

bool onnx_import::isRepresentable(ArrayRef<int64_t> shape) {
  return getCheckedByteSize(DType::Float64, shape).has_value();
}

std::string onnx_import::shapeString(ArrayRef<int64_t> shape) {
  return formatShape(shape);
}

std::string onnx_import::formatNumber(double v) {
  std::string s;
  llvm::raw_string_ostream(s) << llvm::format("%g", v);
  return s;
}

std::string onnx_import::typeString(Type type) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << type;
  return s;
}

NodeAttributes::NodeAttributes(const onnx::NodeProto &node) {
  for (const onnx::AttributeProto &attr : node.attribute())
    byName[attr.name()] = &attr;
}

std::optional<SmallVector<int64_t>>
NodeAttributes::getInts(StringRef name) const {
  const onnx::AttributeProto *a = get(name);
  if (!a)
    return std::nullopt;
  return SmallVector<int64_t>(a->ints().begin(), a->ints().end());
}

SmallVector<std::string> NodeAttributes::getStrings(StringRef name) const {
  SmallVector<std::string> out;
  if (const onnx::AttributeProto *a = get(name))
    for (const std::string &s : a->strings())
      out.push_back(s);
  return out;
}

SmallVector<std::string>
NodeAttributes::unknown(ArrayRef<StringRef> known) const {
  SmallVector<std::string> out;
  for (auto &entry : byName)
    if (!llvm::is_contained(known, entry.first()))
      out.push_back(entry.first().str());
  llvm::sort(out);
  return out;
}

//===----------------------------------------------------------------------===//
// The handler table
//===----------------------------------------------------------------------===//

void HandlerTable::on(StringRef opType, int64_t sinceVersion,
                      NodeHandler handler) {
  auto &versions = handlers[opType];
  versions.emplace_back(sinceVersion, std::move(handler));
  llvm::sort(versions,
             [](const auto &a, const auto &b) { return a.first < b.first; });
}

NodeHandler onnx_import::oneResult(SingleResultHandler handler) {
  return [handler = std::move(handler)](
             Importer &importer,
             const NodeAttributes &attrs) -> FailureOr<SmallVector<Value>> {
    FailureOr<Value> v = handler(importer, attrs);
    if (failed(v))
      return failure();
    return SmallVector<Value>{*v};
  };
}

void HandlerTable::on(
    StringRef opType, int64_t sinceVersion,
    FailureOr<Value> (Importer::*handler)(const NodeAttributes &)) {
  on(opType, sinceVersion,
     oneResult([handler](Importer &importer, const NodeAttributes &attrs) {
       return (importer.*handler)(attrs);
     }));
}

void HandlerTable::on(StringRef opType, int64_t sinceVersion,
                      FailureOr<SmallVector<Value>> (Importer::*handler)(
                          const NodeAttributes &)) {
  on(opType, sinceVersion,
     [handler](Importer &importer, const NodeAttributes &attrs) {
       return (importer.*handler)(attrs);
     });
}

const NodeHandler *HandlerTable::lookup(StringRef opType, int64_t opset) const {
  auto it = handlers.find(opType);
  if (it == handlers.end())
    return nullptr;
  const NodeHandler *found = nullptr;
  for (const auto &[version, handler] : it->second)
    if (version <= opset)
      found = &handler;
  return found;
}

int64_t HandlerTable::oldestVersion(StringRef opType) const {
  auto it = handlers.find(opType);
  return it == handlers.end() || it->second.empty() ? 0
                                                    : it->second.front().first;
}

/// The handlers of every op the importer knows.
static const HandlerTable &handlerTable() {
  static const HandlerTable table = [] {
    HandlerTable t;
    populateElementwiseHandlers(t);
    populateShapeHandlers(t);
    populateConstantHandlers(t);
    populateReductionHandlers(t);
    populateLinearHandlers(t);
    populateRecurrentHandlers(t);
    populateAttentionHandlers(t);
    return t;
  }();
  return table;
}

//===----------------------------------------------------------------------===//
// Types and values
//===----------------------------------------------------------------------===//

Importer::Importer(MLIRContext *context, StringRef path,
                   const ONNXImportOptions &options)
    : context(context), builder(context), path(path.str()), options(options),
      fileLoc(FileLineColLoc::get(context, path, 0, 0)), loc(fileLoc),
      diagLoc(fileLoc) {}

FailureOr<Type> Importer::convertElementType(int type, StringRef what,
                                             Location at) {
  switch (type) {
  case onnx::TensorProto::FLOAT:
    return Type(builder.getF32Type());
  case onnx::TensorProto::DOUBLE:
    return Type(builder.getF64Type());
  case onnx::TensorProto::INT32:
    return Type(builder.getI32Type());
  case onnx::TensorProto::INT64:
    return Type(builder.getI64Type());
  case onnx::TensorProto::BOOL:
    return Type(builder.getI1Type());
  default:
    break;
  }
  StringRef name = onnx::TensorProto_DataType_IsValid(type)
                       ? StringRef(onnx::TensorProto_DataType_Name(
                             static_cast<onnx::TensorProto_DataType>(type)))
                       : StringRef("invalid");
  errorReported = true;
  emitError(at) << "unsupported: element type " << name << " of " << what
                << " (supported: FLOAT, DOUBLE, INT32, INT64, BOOL)";
  return failure();
}

FailureOr<RankedTensorType>
Importer::convertValueInfo(const onnx::ValueInfoProto &info) {
  std::string what = "'" + info.name() + "'";
  if (!info.type().has_tensor_type())
    return failModel("unsupported: " + what + " is not a tensor");
  const onnx::TypeProto_Tensor &tensor = info.type().tensor_type();
  FailureOr<Type> elt = convertElementType(tensor.elem_type(), what, fileLoc);
  if (failed(elt))
    return failure();
  if (!tensor.has_shape())
    return failModel("unsupported: " + what +
                     " has no shape (s2s needs to know the rank)");
  SmallVector<int64_t> shape;
  for (const onnx::TensorShapeProto_Dimension &dim : tensor.shape().dim()) {
    // dim_param or no size: known when the model runs.
    if (!dim.has_dim_value() || dim.dim_value() < 0) {
      shape.push_back(ShapedType::kDynamic);
      continue;
    }
    shape.push_back(dim.dim_value());
  }
  SmallVector<int64_t> known;
  for (int64_t d : shape)
    known.push_back(ShapedType::isDynamic(d) ? 0 : d);
  if (!isRepresentable(known))
    return failModel("unsupported: " + what + " has shape " +
                     shapeString(shape) +
                     ", too large: its size in bytes overflows");
  return RankedTensorType::get(shape, *elt);
}

//===----------------------------------------------------------------------===//
// The graph
//===----------------------------------------------------------------------===//

FailureOr<OwningOpRef<ModuleOp>> Importer::run(const onnx::ModelProto &model) {
  for (const onnx::OperatorSetIdProto &set : model.opset_import())
    if (set.domain().empty() || set.domain() == "ai.onnx")
      opset = set.version();
  // Before IR version 3 a model has no opset_import and means opset 1;
  // later models must name their opset.
  if (opset == 0) {
    if (model.ir_version() >= 3)
      return LogicalResult(emitError(fileLoc)
                           << "the model imports no opset of the default "
                              "domain (ai.onnx): its nodes have no meaning");
    opset = 1;
  }
  const onnx::GraphProto &graph = model.graph();
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  builder.setInsertionPointToEnd(module->getBody());

  // Signature: graph inputs that are not initializers, then (optionally)
  // the initializers.
  llvm::StringMap<const onnx::TensorProto *> initializers;
  for (const onnx::TensorProto &init : graph.initializer())
    initializers[init.name()] = &init;
  SmallVector<Type> argTypes;
  SmallVector<std::string> argNames;
  for (const onnx::ValueInfoProto &info : graph.input()) {
    // Initializers listed as inputs are added with the initializers below
    // (or are constants).
    if (initializers.count(info.name()))
      continue;
    FailureOr<RankedTensorType> type = convertValueInfo(info);
    if (failed(type))
      return failure();
    argTypes.push_back(*type);
    argNames.push_back(info.name());
  }
  if (options.initializersAsArguments) {
    for (const onnx::TensorProto &init : graph.initializer()) {
      llvm::Expected<NpyArray> array = convertTensorProto(init, init.name());
      if (!array)
        return failModel("initializer " + llvm::toString(array.takeError()));
      FailureOr<Type> elt =
          convertElementType(init.data_type(), init.name(), fileLoc);
      if (failed(elt))
        return failure();
      argTypes.push_back(RankedTensorType::get(array->shape, *elt));
      argNames.push_back(init.name());
    }
  }
  SmallVector<Type> resultTypes;
  for (const onnx::ValueInfoProto &info : graph.output()) {
    FailureOr<RankedTensorType> type = convertValueInfo(info);
    if (failed(type))
      return failure();
    resultTypes.push_back(*type);
  }
  auto func =
      func::FuncOp::create(builder, fileLoc, options.functionName,
                           builder.getFunctionType(argTypes, resultTypes));
  Block *entry = func.addEntryBlock();
  for (auto [i, name] : llvm::enumerate(argNames)) {
    values[name] = entry->getArgument(i);
    func.setArgAttr(i, "onnx.name", builder.getStringAttr(name));
  }
  builder.setInsertionPointToEnd(entry);

  // The inputs' dynamic dimensions: a symbol each, one per dim_param
  // (inputs that share a dim_param must agree, checked when called).
  llvm::StringMap<std::pair<SymSize, std::string>> byParam;
  unsigned argIndex = 0;
  for (const onnx::ValueInfoProto &info : graph.input()) {
    if (initializers.count(info.name()))
      continue;
    Value arg = entry->getArgument(argIndex++);
    RankedTensorType type = typeOf(arg);
    if (type.hasStaticShape())
      continue;
    SymShape sizes;
    for (auto [d, dim] :
         llvm::enumerate(info.type().tensor_type().shape().dim())) {
      if (!type.isDynamicDim(d)) {
        sizes.push_back(type.getDimSize(d));
        continue;
      }
      Value size = tensor::DimOp::create(builder, fileLoc, arg, d);
      std::string where =
          "dimension " + std::to_string(d) + " of '" + info.name() + "'";
      if (!dim.has_dim_param() || dim.dim_param().empty()) {
        sizes.push_back(newSymbol(size, "", /*isSize=*/true));
        continue;
      }
      auto it = byParam.find(dim.dim_param());
      if (it == byParam.end()) {
        SymSize sym = newSymbol(size, dim.dim_param(), /*isSize=*/true);
        byParam[dim.dim_param()] = {sym, where};
        sizes.push_back(sym);
        continue;
      }
      auto [sym, first] = it->second;
      check(arith::CmpIOp::create(builder, fileLoc, arith::CmpIPredicate::eq,
                                  size, symbols[sym.getSymbols()[0]].value),
            where + " ('" + dim.dim_param() + "') must equal " + first +
                " (also '" + dim.dim_param() + "')");
      sizes.push_back(sym);
    }
    record(arg, sizes);
  }

  if (!options.initializersAsArguments)
    for (const onnx::TensorProto &init : graph.initializer()) {
      loc = NameLoc::get(builder.getStringAttr(init.name()), fileLoc);
      Value v = fromTensorProto(init, "initializer '" + init.name() + "'");
      if (!v)
        return failure();
      values[init.name()] = v;
    }

  const HandlerTable &table = handlerTable();
  for (auto [index, node] : llvm::enumerate(graph.node())) {
    opType = node.op_type();
    nodeLabel = (node.name().empty()
                     ? "node #" + Twine(index)
                     : "node '" + node.name() + "' (#" + Twine(index) + ")")
                    .str() +
                " (" + opType + ")";
    std::string locName = node.name().empty()
                              ? opType + "#" + std::to_string(index)
                              : node.name();
    loc = NameLoc::get(builder.getStringAttr(locName), fileLoc);
    diagLoc = NameLoc::get(builder.getStringAttr(nodeLabel), fileLoc);
    inputs.clear();
    inputNames.assign(node.input().begin(), node.input().end());
    outputNames.assign(node.output().begin(), node.output().end());
    for (const std::string &name : node.input()) {
      if (name.empty()) {
        inputs.push_back(nullptr);
        continue;
      }
      auto it = values.find(name);
      if (it == values.end())
        return fail("input '" + name +
                    "' is not defined by a graph input, an initializer or "
                    "an earlier node");
      inputs.push_back(it->second);
    }

    if (!node.domain().empty() && node.domain() != "ai.onnx")
      return unsupported("op domain '" + node.domain() + "'");
    const NodeHandler *handler = table.lookup(opType, opset);
    if (!handler) {
      if (table.knows(opType))
        return unsupported("op type '" + opType + "' at opset " + Twine(opset) +
                           " (s2s imports it from opset " +
                           Twine(table.oldestVersion(opType)) + ")");
      return unsupported("op type '" + opType + "'");
    }
    NodeAttributes attrs(node);
    FailureOr<std::optional<SmallVector<Value>>> computed =
        importShapeComputation(attrs);
    if (failed(computed))
      return failure();
    FailureOr<SmallVector<Value>> results =
        *computed ? FailureOr<SmallVector<Value>>(**computed)
                  : (*handler)(*this, attrs);
    if (failed(results)) {
      if (!errorReported)
        return fail("cannot import");
      return failure();
    }
    for (auto [i, name] : llvm::enumerate(node.output())) {
      if (name.empty())
        continue;
      if (i >= results->size() || !(*results)[i])
        return unsupported("output #" + Twine(i) + " ('" + name + "')");
      values[name] = (*results)[i];
    }
  }

  SmallVector<Value> returned;
  for (auto [i, info] : llvm::enumerate(graph.output())) {
    auto it = values.find(info.name());
    if (it == values.end())
      return failModel("graph output '" + info.name() +
                       "' is not produced by any node");
    Value v = it->second;
    auto want = cast<RankedTensorType>(resultTypes[i]);
    if (typeOf(v) != want) {
      if (failed(verifyCompatibleShape(want, typeOf(v))) ||
          want.getElementType() != eltOf(v))
        return failModel("graph output '" + info.name() + "' is declared as " +
                         typeString(want) + ", but the graph computes " +
                         typeString(typeOf(v)));
      // A size declared static that the graph computes at run time is
      // checked there.
      SymShape got = sizesOf(v);
      for (int64_t d = 0; d < want.getRank(); ++d)
        if (!want.isDynamicDim(d) &&
            failed(requireEqual(
                got[d], want.getDimSize(d),
                "graph output '" + info.name() + "': dimension " + Twine(d) +
                    " is declared as " + Twine(want.getDimSize(d)) +
                    ", but the graph computes " + sizeString(got[d]))))
          return failure();
      v = tensor::CastOp::create(builder, fileLoc, want, v);
    }
    returned.push_back(v);
  }
  func::ReturnOp::create(builder, fileLoc, returned);
  // Drop what folding left unused (shape constants, unused outputs).
  SmallVector<Operation *> ops;
  entry->walk([&](Operation *op) { ops.push_back(op); });
  for (Operation *op : llvm::reverse(ops))
    if (isOpTriviallyDead(op))
      op->erase();
  if (failed(verify(*module)))
    return failModel("the imported module does not verify (see above)");
  return std::move(module);
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

FailureOr<OwningOpRef<ModuleOp>>
mlir::s2s::importONNXModel(MLIRContext *context, StringRef contents,
                           StringRef path, const ONNXImportOptions &options) {
  Location fileLoc = FileLineColLoc::get(context, path, 0, 0);
  onnx::ModelProto model;
  if (contents.empty() ||
      !model.ParseFromArray(contents.data(), static_cast<int>(contents.size())))
    return LogicalResult(
        emitError(fileLoc)
        << "not a valid ONNX model (the protobuf does not parse: the file "
           "is truncated or corrupt)");
  if (!model.has_graph())
    return LogicalResult(emitError(fileLoc) << "the ONNX model has no graph");
  for (const char *dialect :
       {"arith", "cf", "func", "linalg", "math", "scf", "tensor", "s2s"})
    if (!context->getOrLoadDialect(dialect))
      return LogicalResult(emitError(UnknownLoc::get(context))
                           << "dialect '" << dialect << "' is not registered");
  Importer importer(context, path, options);
  return importer.run(model);
}

/// Prints `loc` as the importer's messages name places: "<path>: " for the
/// model, "<path>: <node>: " for a node.
static void printLocation(Location loc, raw_ostream &os) {
  if (auto name = dyn_cast<NameLoc>(loc)) {
    printLocation(name.getChildLoc(), os);
    os << name.getName().getValue() << ": ";
    return;
  }
  if (auto file = dyn_cast<FileLineColLoc>(loc)) {
    os << file.getFilename().getValue() << ": ";
    return;
  }
  if (isa<UnknownLoc>(loc))
    return;
  os << loc << ": ";
}

static StringRef severityName(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Error:
    return "error";
  case DiagnosticSeverity::Warning:
    return "warning";
  case DiagnosticSeverity::Note:
    return "note";
  case DiagnosticSeverity::Remark:
    return "remark";
  }
  llvm_unreachable("unknown severity");
}

ONNXDiagnosticPrinter::ONNXDiagnosticPrinter(MLIRContext *context,
                                             raw_ostream &os)
    : ScopedDiagnosticHandler(context) {
  setHandler([&os](Diagnostic &diag) {
    auto print = [&os](Diagnostic &d) {
      os << severityName(d.getSeverity()) << ": ";
      printLocation(d.getLocation(), os);
      os << d << "\n";
    };
    print(diag);
    for (Diagnostic &note : diag.getNotes())
      print(note);
    return success();
  });
}
