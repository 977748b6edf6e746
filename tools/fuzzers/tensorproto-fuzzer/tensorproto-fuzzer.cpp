//===- tensorproto-fuzzer.cpp - libFuzzer harness for TensorProto files ---===//
//
// Feeds arbitrary bytes to the TensorProto reader (the input_*.pb and
// output_*.pb files of ONNX test data sets that s2s-run reads): protobuf
// parsing, then convertTensorProto. A conversion either fails with an error
// or yields an array of exactly its shape's size; sizes read from the file
// must never be trusted before they are checked. Built and run by
// utils/fuzz.sh.
//
//===----------------------------------------------------------------------===//

#include "s2s/Runtime/TensorProto.h"

#include "onnx/onnx_pb.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <cstdlib>

using namespace mlir::s2s;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  onnx::TensorProto tensor;
  if (!tensor.ParseFromArray(data, static_cast<int>(size)))
    return 0;
  llvm::Expected<NpyArray> array = convertTensorProto(tensor, "fuzz.pb");
  if (!array) {
    llvm::consumeError(array.takeError());
    return 0;
  }
  if (array->storage.size() * 8 < array->getByteSize())
    abort();
  for (int64_t i = 0, e = array->getNumElements(); i < e; ++i)
    (void)array->getAsDouble(i);
  return 0;
}
