//===- mlir-pipeline-fuzzer.cpp - libFuzzer harness for s2s-to-llvm -------===//
//
// Feeds MLIR text to what s2s-compile does with a model: parse and verify,
// check the entry points, run the s2s-to-llvm pipeline, translate the result
// to LLVM IR. Each step either fails with a diagnostic or hands on valid IR:
// a crash, a hang, a sanitizer report, a pass that leaves invalid IR, a
// failure without a diagnostic or a lowered module that does not translate
// is a bug.
//
// Random bytes rarely parse, so the harness brings its own mutator
// (LLVMFuzzerCustomMutator) that edits the text where the IR stays
// parseable: it renames one size everywhere it occurs (the model usually
// stays consistent, with the new size), changes one dimension, an integer or
// float attribute, an enum keyword, the element type, drops an optional
// keyword, or picks other pipeline options; one mutation in eight is
// libFuzzer's own byte-level one. An input may start with a line
//   // s2s-fuzz-options: <s2s-to-llvm pipeline options>
// giving the pipeline's options.
//
// Seeded with the test suite's models (tools/fuzzers/corpus/mlir); built and
// run by utils/fuzz.sh.
//
//===----------------------------------------------------------------------===//

#include "s2s/Compiler/Compiler.h"
#include "s2s/Transforms/Pipelines.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace mlir;

extern "C" size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t maxSize);

static constexpr llvm::StringLiteral kOptionsPrefix = "// s2s-fuzz-options:";

/// One context for the whole run: registering and loading the dialects
/// dominates otherwise.
static MLIRContext &getContext() {
  static MLIRContext *context = [] {
    DialectRegistry registry;
    s2s::registerCompilerDialects(registry);
    auto *ctx = new MLIRContext(registry, MLIRContext::Threading::DISABLED);
    ctx->loadAllAvailableDialects();
    ctx->printOpOnDiagnostic(false);
    return ctx;
  }();
  return *context;
}

[[noreturn]] static void bug(const llvm::Twine &message) {
  llvm::errs() << "mlir-pipeline-fuzzer: " << message << "\n";
  abort();
}

/// Verifies the IR after every pass: a pass that leaves invalid IR is a bug
/// even when a later pass would trip over it.
namespace {
struct VerifyAfterEachPass : public PassInstrumentation {
  void runAfterPass(Pass *pass, Operation *op) override {
    if (failed(verify(op)))
      bug("pass '" + pass->getArgument() + "' left invalid IR");
  }
};
} // namespace

/// The dialects of the models s2s-compile is for (and of what the ONNX
/// importer produces); a module with ops of other dialects is not fuzzed.
static bool isModelDialect(StringRef name) {
  return llvm::is_contained({"builtin", "func", "s2s", "arith", "math",
                             "tensor", "linalg", "scf", "cf"},
                            name);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  MLIRContext &context = getContext();
  StringRef text(reinterpret_cast<const char *>(data), size);

  // Errors are expected; what matters is that every failure has one and no
  // success has one.
  int errors = 0;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    if (diag.getSeverity() == DiagnosticSeverity::Error)
      ++errors;
    return success();
  });

  std::string optionsText;
  if (text.starts_with(kOptionsPrefix))
    optionsText = text.drop_front(kOptionsPrefix.size())
                      .take_until([](char c) { return c == '\n'; })
                      .trim()
                      .str();
  std::unique_ptr<s2s::S2SPipelineOptions> options =
      s2s::S2SPipelineOptions::createFromString(optionsText);
  if (!options || failed(options->verify([](const llvm::Twine &) {})))
    return -1;

  // MLIR's lexer finds the end of its buffer by the NUL after it, which
  // libFuzzer's input does not have.
  std::string source = text.str();
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(
      StringRef(source.c_str(), source.size()), ParserConfig(&context));
  if (!module) {
    if (!errors)
      bug("the parser failed without a diagnostic");
    return 0;
  }
  bool foreign = false;
  module->walk([&](Operation *op) {
    if (!isModelDialect(op->getName().getDialectNamespace()))
      foreign = true;
  });
  if (foreign)
    return -1;

  // The entry points, as s2s-compile checks them.
  SmallVector<func::FuncOp> publics = s2s::getPublicFunctions(*module);
  if (publics.empty())
    return -1;
  for (func::FuncOp func : publics)
    if (failed(s2s::getEntryPoint(func))) {
      if (!errors)
        bug("an entry point was refused without a diagnostic");
      return 0;
    }

  PassManager pm(&context);
  pm.enableVerifier(false);
  pm.addInstrumentation(std::make_unique<VerifyAfterEachPass>());
  s2s::buildS2SToLLVMPipeline(pm, *options);
  if (failed(pm.run(*module))) {
    if (!errors)
      bug("the s2s-to-llvm pipeline failed without a diagnostic");
    return 0;
  }
  if (errors)
    bug("the s2s-to-llvm pipeline reported an error but succeeded");

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(*module, llvmContext);
  if (!llvmModule)
    bug("the lowered module does not translate to LLVM IR");
  std::string problems;
  llvm::raw_string_ostream os(problems);
  if (llvm::verifyModule(*llvmModule, &os))
    bug("the LLVM IR does not verify: " + problems);
  return 0;
}

//===----------------------------------------------------------------------===//
// The IR-aware mutator
//===----------------------------------------------------------------------===//

namespace {
/// A piece of the text to replace.
struct Span {
  size_t begin, end;
};

class Mutator {
public:
  Mutator(std::string text, unsigned seed) : text(std::move(text)), rng(seed) {
    scan();
  }

  /// Applies one mutation; false when the text offered nothing for it.
  bool mutate(unsigned kind);

  const std::string &getText() const { return text; }

private:
  void scan();
  size_t pick(size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(rng);
  }
  template <typename T, size_t N> const T &pickOf(const T (&list)[N]) {
    return list[pick(N)];
  }
  void replace(Span span, StringRef with) {
    text.replace(span.begin, span.end - span.begin, with.str());
  }
  StringRef at(Span span) const {
    return StringRef(text).slice(span.begin, span.end);
  }
  /// The words of the text that are in `list`.
  std::vector<Span> wordsAmong(ArrayRef<StringRef> list) const {
    std::vector<Span> found;
    for (Span span : words)
      if (llvm::is_contained(list, at(span)))
        found.push_back(span);
    return found;
  }
  /// Replaces every span whose text is `from` by `to`, last first so that
  /// the earlier offsets stay valid.
  void replaceAll(const std::vector<Span> &spans, StringRef from, StringRef to);

  bool renameSize();
  bool changeDimension();
  bool changeInteger();
  bool changeFloat();
  bool swapKeyword();
  bool dropKeyword();
  bool changeElementType();
  bool changeOptions();

  std::string text;
  std::minstd_rand rng;
  /// The dimensions of the tensor types (digits or '?', before an 'x').
  std::vector<Span> dims;
  /// Integers in `keyword(<int>)` of the s2s ops' custom syntax.
  std::vector<Span> integers;
  /// Floats in `keyword(<float>)` and after `arith.constant`.
  std::vector<Span> floats;
  /// Words of the s2s ops' syntax.
  std::vector<Span> words;
};
} // namespace

static bool isWordChar(char c) { return llvm::isAlnum(c) || c == '_'; }

void Mutator::scan() {
  StringRef s(text);
  for (size_t i = 0; i < s.size(); ++i) {
    // Dimensions of `tensor<4x?x8xf32>`.
    if (s.substr(i).starts_with("tensor<")) {
      size_t j = i + 7;
      while (j < s.size()) {
        size_t k = j;
        if (s[k] == '?')
          ++k;
        else
          while (k < s.size() && llvm::isDigit(s[k]))
            ++k;
        if (k == j || k >= s.size() || s[k] != 'x')
          break;
        dims.push_back({j, k});
        j = k + 1;
      }
      i = j;
      continue;
    }
    // `name(<number>)`.
    if (s[i] == '(' && i > 0 && isWordChar(s[i - 1])) {
      size_t j = i + 1, k = j;
      if (k < s.size() && s[k] == '-')
        ++k;
      size_t digits = k;
      while (k < s.size() && (llvm::isDigit(s[k]) || s[k] == '.' ||
                              s[k] == 'e' || s[k] == 'E' ||
                              ((s[k] == '-' || s[k] == '+') &&
                               (s[k - 1] == 'e' || s[k - 1] == 'E'))))
        ++k;
      if (k > digits && k < s.size() && s[k] == ')') {
        StringRef number = s.slice(j, k);
        if (number.find_first_of(".eE") == StringRef::npos)
          integers.push_back({j, k});
        else
          floats.push_back({j, k});
      }
      continue;
    }
    if (llvm::isAlpha(s[i]) && (i == 0 || !isWordChar(s[i - 1]))) {
      size_t k = i;
      while (k < s.size() && isWordChar(s[k]))
        ++k;
      words.push_back({i, k});
      i = k - 1;
    }
  }
}

void Mutator::replaceAll(const std::vector<Span> &spans, StringRef from,
                         StringRef to) {
  for (auto it = spans.rbegin(); it != spans.rend(); ++it)
    if (at(*it) == from)
      replace(*it, to);
}

static const char *const kSizes[] = {"0",  "1",  "2",  "3",  "4",  "5",
                                     "7",  "8",  "9",  "13", "16", "17",
                                     "31", "33", "64", "?"};

bool Mutator::renameSize() {
  if (dims.empty())
    return false;
  std::string from = at(dims[pick(dims.size())]).str();
  std::string to = pickOf(kSizes);
  if (from == to)
    return false;
  replaceAll(dims, from, to);
  return true;
}

bool Mutator::changeDimension() {
  if (dims.empty())
    return false;
  replace(dims[pick(dims.size())], pickOf(kSizes));
  return true;
}

bool Mutator::changeInteger() {
  static const char *const values[] = {"0",
                                       "1",
                                       "-1",
                                       "2",
                                       "3",
                                       "-2",
                                       "7",
                                       "64",
                                       "4096",
                                       "2147483648",
                                       "-9223372036854775808"};
  if (integers.empty())
    return false;
  replace(integers[pick(integers.size())], pickOf(values));
  return true;
}

bool Mutator::changeFloat() {
  static const char *const values[] = {"0.0",     "-0.0",     "1.0",
                                       "-1.0",    "0.5",      "1.0e-30",
                                       "3.0e+38", "-3.0e+38", "1.0e+300"};
  if (floats.empty())
    return false;
  replace(floats[pick(floats.size())], pickOf(values));
  return true;
}

/// Keyword families of the s2s ops' syntax: a keyword may become another of
/// its family.
static const std::vector<std::vector<StringRef>> kKeywordFamilies = {
    {"forward", "reverse", "bidirectional"},
    {"tanh", "relu"},
    {"dot", "general", "additive"},
};

bool Mutator::swapKeyword() {
  std::vector<std::pair<Span, const std::vector<StringRef> *>> found;
  for (Span span : words)
    for (const std::vector<StringRef> &family : kKeywordFamilies)
      if (llvm::is_contained(family, at(span)))
        found.push_back({span, &family});
  if (found.empty())
    return false;
  auto [span, family] = found[pick(found.size())];
  replace(span, (*family)[pick(family->size())]);
  return true;
}

bool Mutator::dropKeyword() {
  static const StringRef optional[] = {"causal",       "batch_first",
                                       "keepdim",      "linear_before_reset",
                                       "need_weights", "peepholes"};
  std::vector<Span> found = wordsAmong(optional);
  if (found.empty())
    return false;
  replace(found[pick(found.size())], "");
  return true;
}

bool Mutator::changeElementType() {
  static const StringRef types[] = {"f32", "f64", "f16", "i32", "i64", "i1"};
  std::vector<Span> found = wordsAmong(types);
  // `4xf32` is one word to the scan: the element type follows an 'x'.
  StringRef s(text);
  for (Span dim : dims) {
    size_t begin = dim.end + 1, end = begin;
    while (end < s.size() && isWordChar(s[end]))
      ++end;
    if (llvm::is_contained(types, s.slice(begin, end)))
      found.push_back({begin, end});
  }
  if (found.empty())
    return false;
  std::string from = at(found[pick(found.size())]).str();
  std::string to = pickOf(types).str();
  llvm::sort(found, [](Span a, Span b) { return a.begin < b.begin; });
  found.erase(std::unique(found.begin(), found.end(),
                          [](Span a, Span b) { return a.begin == b.begin; }),
              found.end());
  replaceAll(found, from, to);
  return from != to;
}

bool Mutator::changeOptions() {
  static const char *const presets[] = {
      "",
      "threads=2 parallel-min-flops=0 rnn-parallel-min-flops=0 "
      "pack-min-rows=1 attention-block-q=8 attention-block-k=8 "
      "rnn-block-units=3 rnn-block-rows=2",
      "attention-block-q=1 attention-block-k=1 rnn-block-units=1 "
      "rnn-block-rows=1",
      "attention-block-k=2 attention-key-splits=64",
      "vector-bits=256 pack-min-rows=0",
      "vector-bits=128 dot-block-cols=1",
      "tile-attention=false fuse-rnn-steps=false",
      "lower-contractions=false plan-buffers=false",
      "check-values=false",
      "raise-attention=false hoist-rnn-input=false fuse-elementwise=false "
      "pack-qkv=false approximate-math=false",
  };
  static const char *const names[] = {
      "attention-block-q", "attention-block-k",  "rnn-block-units",
      "rnn-block-rows",    "vector-bits",        "dot-block-cols",
      "pack-min-rows",     "pack-depth",         "pack-cols",
      "threads",           "parallel-min-flops", "attention-key-splits"};
  static const char *const values[] = {"0",  "1",  "2",   "3",   "7",
                                       "16", "64", "128", "512", "-1"};
  std::string options = pickOf(presets);
  if (pick(2)) {
    if (!options.empty())
      options += " ";
    options += std::string(pickOf(names)) + "=" + pickOf(values);
  }
  StringRef s(text);
  if (s.starts_with(kOptionsPrefix)) {
    size_t eol = s.find('\n');
    text.erase(0, eol == StringRef::npos ? text.size() : eol + 1);
  }
  text = (kOptionsPrefix + " " + options + "\n").str() + text;
  return true;
}

bool Mutator::mutate(unsigned kind) {
  switch (kind) {
  case 0:
  case 1:
  case 8:
    return renameSize();
  case 2:
    return changeDimension();
  case 3:
    return changeInteger();
  case 4:
    return changeFloat();
  case 5:
    return swapKeyword();
  case 6:
    return dropKeyword();
  case 7:
    return changeElementType();
  default:
    return changeOptions();
  }
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size,
                                          size_t maxSize, unsigned seed) {
  std::minstd_rand rng(seed);
  unsigned kind = rng() % 10;
  // One in eight: libFuzzer's byte-level mutations (they find the
  // parser's and verifiers' limits).
  if (rng() % 8 == 0)
    return LLVMFuzzerMutate(data, size, maxSize);
  Mutator mutator(std::string(reinterpret_cast<char *>(data), size), rng());
  // Mutations that found nothing to change fall back to the next kind.
  for (unsigned tries = 0; tries < 10; ++tries)
    if (mutator.mutate((kind + tries) % 10))
      break;
  const std::string &text = mutator.getText();
  if (text.size() > maxSize)
    return LLVMFuzzerMutate(data, size, maxSize);
  std::memcpy(data, text.data(), text.size());
  return text.size();
}
