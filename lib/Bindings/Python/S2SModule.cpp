//===- S2SModule.cpp - the s2s Python module (_s2s) -----------------------===//
//
// Compiles a model (.mlir, MLIR bytecode or .onnx) in-process, or loads the
// entry points of a library that s2s-compile wrote, and calls them on NumPy
// arrays: inputs are passed without copies when they
// are C-contiguous and of the argument's element type, results are NumPy
// arrays the compiled code writes into. Compiler diagnostics become the
// message of s2s.CompileError; inputs that do not fit the signature or the
// model's shape rules raise ValueError. s2s/__init__.py is the public face.
//
//===----------------------------------------------------------------------===//

#include "s2s/Compiler/CompiledFunction.h"
#include "s2s/Compiler/Compiler.h"

#include "llvm/Target/TargetMachine.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace py = pybind11;
using namespace mlir;
using namespace mlir::s2s;

namespace {

/// Raised for a model that does not compile; the message holds the
/// compiler's diagnostics.
PyObject *compileError = nullptr;

[[noreturn]] void throwCompileError(const std::string &message) {
  PyErr_SetString(compileError, message.c_str());
  throw py::error_already_set();
}

/// NumPy's dtype of `dtype` ("float32", ...).
py::dtype toNumPy(DType dtype) { return py::dtype(getDTypeName(dtype).str()); }

/// The dtype of a NumPy array as .npy files spell it ("<f4", "|b1"): none
/// for another type or byte order.
std::optional<DType> fromNumPy(const py::dtype &dtype) {
  return parseDTypeDescr(py::str(dtype.attr("str")).cast<std::string>());
}

/// A type's shape for Python: None for a dynamic size.
py::tuple shapeTuple(RankedTensorType type) {
  py::list dims;
  for (int64_t d : type.getShape())
    dims.append(ShapedType::isDynamic(d) ? py::object(py::none())
                                         : py::object(py::int_(d)));
  return py::tuple(dims);
}

/// (shape, dtype) of each of `types`.
py::list describeTypes(ArrayRef<RankedTensorType> types) {
  py::list list;
  for (RankedTensorType type : types)
    list.append(py::make_tuple(shapeTuple(type),
                               toNumPy(*getDType(type.getElementType()))));
  return list;
}

/// A compiled entry point and what keeps it alive: the context that owns
/// the types of its signature (a compiler session's, or one shared by the
/// entry points of a library).
class Function {
public:
  Function(std::shared_ptr<CompilerSession> session,
           OwningOpRef<ModuleOp> module, std::unique_ptr<CompiledFunction> jit)
      : session(std::move(session)), module(std::move(module)),
        jit(std::move(jit)) {}
  Function(std::shared_ptr<MLIRContext> context,
           std::unique_ptr<CompiledFunction> jit)
      : context(std::move(context)), jit(std::move(jit)) {}
  ~Function() {
    // The code before the module and the context.
    jit.reset();
    module = nullptr;
  }

  const EntryPoint &entry() const { return jit->getEntryPoint(); }

  py::object call(py::args args, py::kwargs kwargs) {
    const EntryPoint &e = entry();
    size_t n = e.inputs.size();
    std::vector<py::object> given(n);
    if (args.size() > n)
      throw py::type_error("@" + e.name + " takes " + std::to_string(n) +
                           " arguments, but " + std::to_string(args.size()) +
                           " were given");
    for (size_t i = 0; i < args.size(); ++i)
      given[i] = args[i];
    for (auto [key, value] : kwargs) {
      std::string name = py::str(key);
      auto it = llvm::find(e.inputNames, name);
      if (it == e.inputNames.end())
        throw py::type_error("@" + e.name + " has no argument named '" + name +
                             "'");
      size_t i = it - e.inputNames.begin();
      if (given[i])
        throw py::type_error("argument '" + name + "' of @" + e.name +
                             " is given twice");
      given[i] = py::reinterpret_borrow<py::object>(value);
    }
    // Inputs: C-contiguous arrays of the argument's element type as they
    // are; other array-likes converted (a copy).
    std::vector<py::array> arrays;
    SmallVector<SmallVector<int64_t>> shapes;
    SmallVector<ArrayView> views;
    for (size_t i = 0; i < n; ++i) {
      if (!given[i])
        throw py::type_error(
            "@" + e.name + ": argument #" + std::to_string(i) +
            (e.inputNames[i].empty() ? "" : " (" + e.inputNames[i] + ")") +
            " is missing");
      DType want = *getDType(e.inputs[i].getElementType());
      py::array array;
      if (py::isinstance<py::array>(given[i]))
        array = py::reinterpret_borrow<py::array>(given[i]);
      else
        array = py::module_::import("numpy").attr("asarray")(given[i],
                                                             toNumPy(want));
      std::optional<DType> dtype = fromNumPy(array.dtype());
      if (!dtype)
        throw py::value_error(
            "@" + e.name + ": argument #" + std::to_string(i) +
            " is an array of " + std::string(py::str(array.dtype())) +
            "; entry points take float32, float64, int32, int64 or bool");
      if (!(array.flags() & py::array::c_style))
        array = py::array::ensure(array, py::array::c_style);
      SmallVector<int64_t> &shape = shapes.emplace_back();
      for (py::ssize_t d = 0; d < array.ndim(); ++d)
        shape.push_back(array.shape(d));
      if (llvm::Error err = checkArgument(e, i, *dtype, shape, "the array"))
        throw py::value_error("@" + e.name + ": " +
                              llvm::toString(std::move(err)));
      views.push_back({*dtype, {}, const_cast<void *>(array.data())});
      arrays.push_back(std::move(array));
    }
    for (auto [view, shape] : llvm::zip_equal(views, shapes))
      view.shape = shape;

    llvm::Expected<SmallVector<SmallVector<int64_t>>> resultShapes =
        jit->getResultShapes(views);
    if (!resultShapes)
      throw py::value_error(llvm::toString(resultShapes.takeError()));
    std::vector<py::array> results;
    SmallVector<ArrayView> resultViews;
    for (auto [type, shape] : llvm::zip_equal(e.results, *resultShapes)) {
      DType dtype = *getDType(type.getElementType());
      std::vector<py::ssize_t> dims(shape.begin(), shape.end());
      py::array result(toNumPy(dtype), dims);
      resultViews.push_back({dtype, shape, result.mutable_data()});
      results.push_back(std::move(result));
    }
    llvm::Error status = llvm::Error::success();
    {
      // The compiled code runs without the interpreter's lock.
      py::gil_scoped_release release;
      status = jit->call(views, resultViews);
    }
    if (status)
      throw py::value_error(llvm::toString(std::move(status)));
    if (results.size() == 1)
      return results.front();
    py::tuple tuple(results.size());
    for (size_t i = 0; i < results.size(); ++i)
      tuple[i] = results[i];
    return tuple;
  }

private:
  std::shared_ptr<CompilerSession> session;
  std::shared_ptr<MLIRContext> context;
  OwningOpRef<ModuleOp> module;
  std::unique_ptr<CompiledFunction> jit;
};

/// s2s._s2s.compile: see s2s.compile in __init__.py.
std::unique_ptr<Function>
compile(const std::string &path, const std::string &entryName, unsigned threads,
        const std::string &pipelineOptions, const std::string &cpu,
        const std::string &features, py::dict bind,
        const std::vector<std::string> &bindFiles) {
  std::string messages;
  llvm::raw_string_ostream errorOS(messages);
  auto fail = [&](const std::string &what) {
    throwCompileError(messages.empty() ? what : what + "\n" + messages);
  };
  // Bound arrays, copied into the compiled code.
  llvm::Expected<std::vector<ArgumentBinding>> bindings =
      readArgumentBindings(bindFiles, OptionSpelling::Python);
  if (!bindings)
    fail(llvm::toString(bindings.takeError()));
  for (auto [key, value] : bind) {
    std::string name = py::str(key);
    auto array = py::array::ensure(py::reinterpret_borrow<py::object>(value),
                                   py::array::c_style);
    std::optional<DType> dtype =
        array ? fromNumPy(array.dtype()) : std::nullopt;
    if (!dtype)
      throw py::value_error("bind['" + name +
                            "'] must be an array of float32, float64, int32, "
                            "int64 or bool");
    std::vector<int64_t> shape(array.shape(), array.shape() + array.ndim());
    NpyArray npy = NpyArray::zeros(*dtype, shape);
    std::memcpy(npy.data(), array.data(), npy.getByteSize());
    bindings->push_back({name, std::move(npy), "bind['" + name + "']"});
  }

  auto session = std::make_shared<CompilerSession>(errorOS);
  std::unique_ptr<S2SPipelineOptions> options = parsePipelineOptions(
      pipelineOptions, threads, errorOS, OptionSpelling::Python);
  if (!options)
    fail("invalid pipeline options '" + pipelineOptions + "'");
  llvm::Expected<std::unique_ptr<llvm::TargetMachine>> targetMachine =
      createTargetMachine({"", cpu, features},
                          llvm::CodeGenOptLevel::Aggressive, /*forJIT=*/true,
                          OptionSpelling::Python);
  if (!targetMachine)
    fail(llvm::toString(targetMachine.takeError()));
  if (llvm::Error error = fitPipelineOptionsToTarget(*options, **targetMachine))
    fail(llvm::toString(std::move(error)));
  OwningOpRef<ModuleOp> module = session->load(path);
  if (!module)
    fail("cannot load " + path);
  FailureOr<func::FuncOp> func =
      findEntryFunction(*module, entryName, OptionSpelling::Python);
  if (failed(func))
    fail("no entry function in " + path);
  if (failed(
          bindArguments(*module, {*func}, *bindings, OptionSpelling::Python)))
    fail("cannot bind the arguments of @" + func->getName().str());
  llvm::Expected<std::unique_ptr<CompiledFunction>> jit =
      CompiledFunction::compile(*module, *func, *options,
                                std::move(*targetMachine));
  if (!jit)
    fail(llvm::toString(jit.takeError()));
  return std::make_unique<Function>(std::move(session), std::move(module),
                                    std::move(*jit));
}

/// s2s._s2s.load_library: see s2s.load_library in __init__.py.
py::dict loadLibrary(const std::string &path, const std::string &prefix) {
  auto context = std::make_shared<MLIRContext>();
  llvm::Expected<std::vector<std::unique_ptr<CompiledFunction>>> functions =
      CompiledFunction::loadLibrary(context.get(), path, prefix);
  if (!functions)
    throw py::value_error(llvm::toString(functions.takeError()));
  py::dict entries;
  for (std::unique_ptr<CompiledFunction> &f : *functions) {
    std::string name = f->getEntryPoint().name;
    entries[py::str(name)] =
        py::cast(std::make_unique<Function>(context, std::move(f)));
  }
  return entries;
}

} // namespace

PYBIND11_MODULE(_s2s, m) {
  m.doc() = "s2s: compile sequence models to native code and run them on "
            "NumPy arrays";
  compileError = PyErr_NewExceptionWithDoc(
      "s2s.CompileError",
      "A model that does not load, bind or compile; the message holds the "
      "compiler's diagnostics.",
      PyExc_RuntimeError, nullptr);
  m.attr("CompileError") = py::handle(compileError);
  m.def("_compile", &compile, py::arg("path"), py::arg("entry"),
        py::arg("threads"), py::arg("pipeline_options"), py::arg("mcpu"),
        py::arg("mattr"), py::arg("bind"), py::arg("bind_files"));
  m.def("_load_library", &loadLibrary, py::arg("path"), py::arg("prefix"));
  py::class_<Function>(m, "Function",
                       "An entry point of a model compiled in this process.")
      .def("__call__", &Function::call)
      .def_property_readonly(
          "name", [](const Function &f) { return f.entry().name; },
          "The entry point's name.")
      .def_property_readonly(
          "input_names",
          [](const Function &f) {
            const auto &names = f.entry().inputNames;
            return std::vector<std::string>(names.begin(), names.end());
          },
          "The arguments' names ('' for an unnamed one).")
      .def_property_readonly(
          "inputs",
          [](const Function &f) { return describeTypes(f.entry().inputs); },
          "(shape, dtype) of each argument; None for a dynamic size.")
      .def_property_readonly(
          "results",
          [](const Function &f) { return describeTypes(f.entry().results); },
          "(shape, dtype) of each result; None for a dynamic size.");
}
