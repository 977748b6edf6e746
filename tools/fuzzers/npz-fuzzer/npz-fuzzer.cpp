//===- npz-fuzzer.cpp - libFuzzer harness for the .npz reader -------------===//
//
// Feeds arbitrary bytes to parseNpz, the reader of s2s-run's and
// s2s-compile's --input=FILE.npz and --bind=FILE.npz: a ZIP archive whose
// offsets and sizes come from the file, with deflated members. A parse
// either fails with an error or yields arrays whose storage holds exactly
// their shapes' elements; anything else (a crash, a read past the buffer
// under ASan, an allocation the sizes in the file do not justify) is a bug.
// Built and run by utils/fuzz.sh.
//
//===----------------------------------------------------------------------===//

#include "s2s/Runtime/Npy.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <cstdlib>

using namespace mlir::s2s;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef contents(reinterpret_cast<const char *>(data), size);
  llvm::Expected<std::vector<NpzMember>> members =
      parseNpz(contents, "fuzz.npz");
  if (!members) {
    llvm::consumeError(members.takeError());
    return 0;
  }
  for (const NpzMember &member : *members) {
    const NpyArray &array = member.array;
    int64_t elements = 1;
    for (int64_t dim : array.shape) {
      if (dim < 0)
        abort();
      elements *= dim;
    }
    if (array.getNumElements() != elements ||
        array.storage.size() * 8 < array.getByteSize())
      abort();
    for (int64_t i = 0; i < elements; ++i)
      (void)array.getAsDouble(i);
  }
  return 0;
}
