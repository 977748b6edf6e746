//===- npy-fuzzer.cpp - libFuzzer harness for the .npy reader -------------===//
//
// Feeds arbitrary bytes to parseNpy, the reader s2s-run and the Python API
// use for every input file. A parse either fails with an error or yields an
// array whose storage holds exactly its shape's elements; anything else
// (a crash, an overflowing size, a read past the buffer under ASan) is a
// bug. Built and run by utils/fuzz.sh.
//
//===----------------------------------------------------------------------===//

#include "s2s/Runtime/Npy.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <cstdlib>

using namespace mlir::s2s;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef contents(reinterpret_cast<const char *>(data), size);
  llvm::Expected<NpyArray> array = parseNpy(contents, "fuzz.npy");
  if (!array) {
    llvm::consumeError(array.takeError());
    return 0;
  }
  // What the parser promises of an array it returns.
  int64_t elements = 1;
  for (int64_t dim : array->shape) {
    if (dim < 0)
      abort();
    elements *= dim;
  }
  if (array->getNumElements() != elements ||
      array->storage.size() * 8 < array->getByteSize())
    abort();
  // Every element is readable.
  for (int64_t i = 0; i < elements; ++i)
    (void)array->getAsDouble(i);
  return 0;
}
