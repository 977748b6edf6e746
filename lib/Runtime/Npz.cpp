//===- Npz.cpp - reading NumPy .npz bundles -------------------------------===//
//
// An .npz file is a ZIP archive with one .npy file per array, written by
// numpy.savez (members stored) or numpy.savez_compressed (members
// deflated). The reader walks the archive's central directory (with the
// ZIP64 extensions NumPy writes for large members), takes each member's data
// from behind its local header, inflates it when compressed and parses it as
// .npy. Every offset and size read from the file is checked against the
// file's size before it is used.
//
//===----------------------------------------------------------------------===//

#include "s2s/Runtime/Npy.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/MemoryBuffer.h"

#include <zlib.h>

using namespace mlir;
using namespace mlir::s2s;
using llvm::StringRef;

static llvm::Error npzError(StringRef path, const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 path + ": " + message);
}

namespace {
/// Little-endian reads at checked offsets of the archive.
class Reader {
public:
  explicit Reader(StringRef bytes) : bytes(bytes) {}
  bool has(uint64_t offset, uint64_t size) const {
    return offset <= bytes.size() && size <= bytes.size() - offset;
  }
  uint16_t u16(uint64_t offset) const {
    return llvm::support::endian::read16le(bytes.data() + offset);
  }
  uint32_t u32(uint64_t offset) const {
    return llvm::support::endian::read32le(bytes.data() + offset);
  }
  uint64_t u64(uint64_t offset) const {
    return llvm::support::endian::read64le(bytes.data() + offset);
  }
  StringRef slice(uint64_t offset, uint64_t size) const {
    return bytes.substr(offset, size);
  }
  uint64_t size() const { return bytes.size(); }

private:
  StringRef bytes;
};

/// A member of the archive as its central directory entry describes it.
struct Member {
  std::string name;
  uint16_t method = 0;
  uint64_t compressedSize = 0, size = 0, localHeaderOffset = 0;
};
} // namespace

constexpr uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr uint32_t kZip64EndLocator = 0x07064b50;
constexpr uint32_t kZip64EndOfCentralDirectory = 0x06064b50;
constexpr uint32_t kCentralDirectoryEntry = 0x02014b50;
constexpr uint32_t kLocalHeader = 0x04034b50;
constexpr uint32_t kZip32Max = 0xffffffff;

/// Inflates a raw deflate stream of `size` bytes.
static llvm::Expected<std::string> inflateMember(StringRef path,
                                                 StringRef member,
                                                 StringRef compressed,
                                                 uint64_t size) {
  std::string out(size, '\0');
  z_stream stream = {};
  // Negative window bits: a raw deflate stream, no zlib header.
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
    return npzError(path, "cannot initialize zlib");
  stream.next_in =
      reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
  stream.avail_in = compressed.size();
  stream.next_out = reinterpret_cast<Bytef *>(out.data());
  stream.avail_out = out.size();
  int rc = inflate(&stream, Z_FINISH);
  uint64_t produced = stream.total_out;
  inflateEnd(&stream);
  if (rc != Z_STREAM_END || produced != size)
    return npzError(path, "member '" + member +
                              "' does not inflate to its recorded size of " +
                              llvm::Twine(size) + " bytes");
  return out;
}

llvm::Expected<std::vector<NpzMember>> mlir::s2s::readNpz(StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!buffer)
    return npzError(path, "cannot read file: " + buffer.getError().message());
  return parseNpz((*buffer)->getBuffer(), path);
}

llvm::Expected<std::vector<NpzMember>>
mlir::s2s::parseNpz(StringRef contents, StringRef path) {
  Reader zip(contents);

  // The end of central directory record: 22 bytes and a comment of up to
  // 64 KiB at the end of the file.
  std::optional<uint64_t> end;
  for (uint64_t back = 22; back <= std::min<uint64_t>(zip.size(), 22 + 65535);
       ++back)
    if (zip.u32(zip.size() - back) == kEndOfCentralDirectory) {
      end = zip.size() - back;
      break;
    }
  if (!end)
    return npzError(path, "not an .npz file (no ZIP end of central directory "
                          "record)");
  uint64_t count = zip.u16(*end + 10);
  uint64_t directorySize = zip.u32(*end + 12);
  uint64_t directoryOffset = zip.u32(*end + 16);
  // ZIP64: the locator just before points to the 64-bit record.
  if (*end >= 20 && zip.u32(*end - 20) == kZip64EndLocator) {
    uint64_t record = zip.u64(*end - 20 + 8);
    if (!zip.has(record, 56) || zip.u32(record) != kZip64EndOfCentralDirectory)
      return npzError(path, "bad ZIP64 end of central directory record");
    count = zip.u64(record + 32);
    directorySize = zip.u64(record + 40);
    directoryOffset = zip.u64(record + 48);
  }
  if (!zip.has(directoryOffset, directorySize))
    return npzError(path, "the central directory lies outside the file");

  std::vector<Member> members;
  uint64_t at = directoryOffset;
  for (uint64_t i = 0; i < count; ++i) {
    if (!zip.has(at, 46) || zip.u32(at) != kCentralDirectoryEntry)
      return npzError(path, "bad central directory entry #" + llvm::Twine(i));
    Member member;
    member.method = zip.u16(at + 10);
    member.compressedSize = zip.u32(at + 20);
    member.size = zip.u32(at + 24);
    uint64_t nameLen = zip.u16(at + 28), extraLen = zip.u16(at + 30),
             commentLen = zip.u16(at + 32);
    member.localHeaderOffset = zip.u32(at + 42);
    if (!zip.has(at + 46, nameLen + extraLen + commentLen))
      return npzError(path,
                      "truncated central directory entry #" + llvm::Twine(i));
    member.name = zip.slice(at + 46, nameLen).str();
    // ZIP64 extra field: the 64-bit values of the fields that read
    // 0xffffffff, in the order size, compressed size, offset.
    uint64_t extra = at + 46 + nameLen, extraEnd = extra + extraLen;
    while (extra + 4 <= extraEnd) {
      uint16_t id = zip.u16(extra), len = zip.u16(extra + 2);
      if (extra + 4 + len > extraEnd)
        break;
      if (id == 0x0001) {
        uint64_t field = extra + 4, fieldEnd = field + len;
        for (uint64_t *value :
             {&member.size, &member.compressedSize, &member.localHeaderOffset})
          if (*value == kZip32Max && field + 8 <= fieldEnd) {
            *value = zip.u64(field);
            field += 8;
          }
      }
      extra += 4 + len;
    }
    members.push_back(std::move(member));
    at += 46 + nameLen + extraLen + commentLen;
  }

  std::vector<NpzMember> arrays;
  llvm::StringSet<> seen;
  for (const Member &member : members) {
    StringRef name = member.name;
    if (!name.consume_back(".npy"))
      return npzError(path, "member '" + member.name + "' is not an .npy file");
    if (!seen.insert(name).second)
      return npzError(path, "holds two arrays named '" + name + "'");
    uint64_t header = member.localHeaderOffset;
    if (!zip.has(header, 30) || zip.u32(header) != kLocalHeader)
      return npzError(path, "bad local header of member '" + member.name + "'");
    uint64_t data = header + 30 + zip.u16(header + 26) + zip.u16(header + 28);
    if (!zip.has(data, member.compressedSize))
      return npzError(path, "member '" + member.name +
                                "' extends past the end of the file");
    StringRef stored = zip.slice(data, member.compressedSize);
    std::string inflated;
    std::string memberName = (path + ":" + member.name).str();
    if (member.method == 8) {
      // Inflating is bounded by the recorded size, which must be plausible:
      // deflate compresses at most about 1032:1.
      if (member.size / 1032 > member.compressedSize + 1)
        return npzError(path, "member '" + member.name +
                                  "' claims an implausible size");
      llvm::Expected<std::string> out =
          inflateMember(path, member.name, stored, member.size);
      if (!out)
        return out.takeError();
      inflated = std::move(*out);
      stored = inflated;
    } else if (member.method != 0) {
      return npzError(path, "member '" + member.name +
                                "' uses ZIP compression method " +
                                llvm::Twine(member.method) +
                                " (s2s reads stored and deflated members, "
                                "as numpy.savez and savez_compressed write)");
    } else if (member.size != member.compressedSize) {
      return npzError(path, "stored member '" + member.name +
                                "' has two different sizes");
    }
    llvm::Expected<NpyArray> array = parseNpy(stored, memberName);
    if (!array)
      return array.takeError();
    arrays.push_back({name.str(), std::move(*array)});
  }
  return arrays;
}
