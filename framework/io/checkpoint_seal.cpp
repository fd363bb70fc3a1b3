#include "framework/io/checkpoint_seal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <functional>
#include <string>
#include <system_error>
#include <vector>

#include "framework/io/checkpoint.h"
#include "framework/util/unique_fd.h"

namespace mann {

namespace {

constexpr std::array<unsigned char, 8> kMagic = {'M', 'A', 'N', 'N', 'S', 'E', 'A', 'L'};
constexpr std::array<unsigned char, 8> kHdf5Signature = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
constexpr uint32_t kSealVersion = 1;
constexpr size_t kTableOffset = 32;
constexpr size_t kHeaderCrcOffset = 24;
constexpr uint64_t kMaxChunks = (kCheckpointUserBlockSize - kTableOffset) / 4;
constexpr uint64_t kChunkGranule = 4096;
constexpr size_t kReadBuffer = 1 << 20;  // memory bound of verification, whatever the file size

using Block = std::array<unsigned char, kCheckpointUserBlockSize>;

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

template <typename T>
void put(Block& block, size_t offset, T value) {
  for (size_t i = 0; i < sizeof(T); ++i) block[offset + i] = static_cast<unsigned char>(value >> (8 * i));
}

template <typename T>
T get(const Block& block, size_t offset) {
  T value = 0;
  for (size_t i = 0; i < sizeof(T); ++i) value |= static_cast<T>(block[offset + i]) << (8 * i);
  return value;
}

// CRC of the user block without its own CRC field.
uint32_t header_crc(const Block& block) {
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, block.data(), kHeaderCrcOffset);
  crc = crc32(crc, block.data() + kHeaderCrcOffset + 4,
              static_cast<uInt>(kCheckpointUserBlockSize - kHeaderCrcOffset - 4));
  return static_cast<uint32_t>(crc);
}

// The smallest multiple of kChunkGranule that splits `payload` bytes into at most kMaxChunks chunks.
uint64_t chunk_size_for(uint64_t payload) {
  const uint64_t granules = (payload + kChunkGranule - 1) / kChunkGranule;
  return std::max<uint64_t>(1, (granules + kMaxChunks - 1) / kMaxChunks) * kChunkGranule;
}

// Reads exactly `size` bytes at `offset` (fewer only at end of file); returns the count read.
size_t read_at(int fd, unsigned char* buffer, size_t size, uint64_t offset, const std::string& what) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd, buffer + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_errno("cannot read " + what);
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  return done;
}

// Copies up to `size` payload bytes starting at payload offset `at` into `buffer`; returns the count.
using PayloadReader = std::function<size_t(uint64_t at, unsigned char* buffer, size_t size)>;

// CRC-32 of each chunk of the payload, streamed through a bounded buffer.
std::vector<uint32_t> chunk_crcs(const PayloadReader& read, uint64_t payload, uint64_t chunk_size,
                                 const std::string& what) {
  std::vector<uint32_t> crcs;
  std::vector<unsigned char> buffer(static_cast<size_t>(std::min<uint64_t>(kReadBuffer, chunk_size)));
  for (uint64_t start = 0; start < payload; start += chunk_size) {
    const uint64_t end = std::min(payload, start + chunk_size);
    uLong crc = crc32(0L, Z_NULL, 0);
    for (uint64_t at = start; at < end;) {
      const size_t want = static_cast<size_t>(std::min<uint64_t>(buffer.size(), end - at));
      const size_t got = read(at, buffer.data(), want);
      if (got != want) throw std::system_error(EIO, std::generic_category(), what + " shrank while read");
      crc = crc32(crc, buffer.data(), static_cast<uInt>(got));
      at += got;
    }
    crcs.push_back(static_cast<uint32_t>(crc));
  }
  return crcs;
}

PayloadReader file_payload(int fd, const std::string& what) {
  return [fd, what](uint64_t at, unsigned char* buffer, size_t size) {
    return read_at(fd, buffer, size, kCheckpointUserBlockSize + at, what);
  };
}

Block make_seal(const PayloadReader& read, uint64_t payload, const std::string& what) {
  const uint64_t chunk_size = chunk_size_for(payload);
  const std::vector<uint32_t> crcs = chunk_crcs(read, payload, chunk_size, what);
  Block block{};
  std::memcpy(block.data(), kMagic.data(), kMagic.size());
  put<uint32_t>(block, 8, kSealVersion);
  put<uint32_t>(block, 12, static_cast<uint32_t>(chunk_size));
  put<uint64_t>(block, 16, payload);
  put<uint32_t>(block, 28, static_cast<uint32_t>(crcs.size()));
  for (size_t i = 0; i < crcs.size(); ++i) put<uint32_t>(block, kTableOffset + 4 * i, crcs[i]);
  put<uint32_t>(block, kHeaderCrcOffset, header_crc(block));
  return block;
}

[[noreturn]] void throw_no_user_block(const std::string& what) {
  throw std::system_error(EINVAL, std::generic_category(),
                          "cannot seal " + what + ": it has no HDF5 user block of " +
                              std::to_string(kCheckpointUserBlockSize) + " bytes");
}

uint64_t file_size(int fd, const std::string& what) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw_errno("cannot stat " + what);
  return static_cast<uint64_t>(st.st_size);
}

bool starts_with(const unsigned char* bytes, const std::array<unsigned char, 8>& prefix) {
  return std::memcmp(bytes, prefix.data(), prefix.size()) == 0;
}

}  // namespace

void seal_image(std::span<unsigned char> image) {
  if (image.size() < kCheckpointUserBlockSize + kHdf5Signature.size() ||
      !starts_with(image.data() + kCheckpointUserBlockSize, kHdf5Signature))
    throw_no_user_block("a checkpoint image");
  const uint64_t payload = image.size() - kCheckpointUserBlockSize;
  const PayloadReader read = [&](uint64_t at, unsigned char* buffer, size_t size) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(size, payload - at));
    std::memcpy(buffer, image.data() + kCheckpointUserBlockSize + at, n);
    return n;
  };
  const Block block = make_seal(read, payload, "a checkpoint image");
  std::memcpy(image.data(), block.data(), block.size());
}

void seal_checkpoint(const std::filesystem::path& path) {
  const std::string what = path.string();
  UniqueFd fd(::open(path.c_str(), O_RDWR | O_CLOEXEC));
  if (!fd.valid()) throw_errno("cannot open " + what + " to seal it");
  const uint64_t size = file_size(fd.get(), what);
  std::array<unsigned char, 8> signature{};
  if (size < kCheckpointUserBlockSize ||
      read_at(fd.get(), signature.data(), signature.size(), kCheckpointUserBlockSize, what) !=
          signature.size() ||
      !starts_with(signature.data(), kHdf5Signature))
    throw_no_user_block(what);
  const Block block = make_seal(file_payload(fd.get(), what), size - kCheckpointUserBlockSize, what);
  if (::pwrite(fd.get(), block.data(), block.size(), 0) != static_cast<ssize_t>(block.size()))
    throw_errno("cannot write the seal of " + what);
  if (!fd.close()) throw_errno("cannot close " + what + " after sealing it");
}

SealStatus verify_checkpoint_seal(const std::filesystem::path& path) {
  const std::string where = path.string();
  const auto refuse = [&](const std::string& why) -> CheckpointError {
    return CheckpointError(where + ": " + why);
  };
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) throw refuse(std::string("cannot open: ") + std::strerror(errno));
  const uint64_t size = file_size(fd.get(), where);
  Block block{};
  const size_t head = read_at(fd.get(), block.data(), block.size(), 0, where);

  if (head < kMagic.size() || !starts_with(block.data(), kMagic)) {
    if (head >= kHdf5Signature.size() && starts_with(block.data(), kHdf5Signature))
      return SealStatus::unsealed;
    std::array<unsigned char, 8> later{};
    if (read_at(fd.get(), later.data(), later.size(), kCheckpointUserBlockSize, where) == later.size() &&
        starts_with(later.data(), kHdf5Signature)) {
      throw refuse("corrupted: its seal (the checksum header in bytes 0-511) is damaged");
    }
    throw refuse("not an HDF5 file, so not a mann checkpoint");
  }
  if (head < block.size())
    throw refuse("truncated: only " + std::to_string(size) + " bytes, less than its seal header");
  if (get<uint32_t>(block, kHeaderCrcOffset) != header_crc(block))
    throw refuse("corrupted: its seal (the checksum header in bytes 0-511) does not match its own checksum");
  const uint32_t version = get<uint32_t>(block, 8);
  if (version != kSealVersion)
    throw refuse("sealed with seal version " + std::to_string(version) + "; this mann knows version " +
                 std::to_string(kSealVersion));
  const uint64_t chunk_size = get<uint32_t>(block, 12);
  const uint64_t payload = get<uint64_t>(block, 16);
  const uint64_t chunks = get<uint32_t>(block, 28);
  if (chunk_size == 0 || chunks > kMaxChunks || chunks != (payload + chunk_size - 1) / chunk_size)
    throw refuse("corrupted: its seal describes an impossible chunk layout");

  const uint64_t present = size - kCheckpointUserBlockSize;
  if (present < payload)
    throw refuse("truncated: " + std::to_string(size) + " bytes, but it was written with " +
                 std::to_string(payload + kCheckpointUserBlockSize));
  if (present > payload)
    throw refuse(std::to_string(present - payload) + " bytes of garbage appended after its end (byte " +
                 std::to_string(payload + kCheckpointUserBlockSize) + ")");
  const std::vector<uint32_t> crcs = chunk_crcs(file_payload(fd.get(), where), payload, chunk_size, where);
  for (size_t i = 0; i < crcs.size(); ++i) {
    if (crcs[i] == get<uint32_t>(block, kTableOffset + 4 * i)) continue;
    const uint64_t first = kCheckpointUserBlockSize + i * chunk_size;
    const uint64_t last = std::min(size, first + chunk_size) - 1;
    throw refuse("corrupted: bytes " + std::to_string(first) + "-" + std::to_string(last) +
                 " do not match the checksum they were written with");
  }
  return SealStatus::verified;
}

}  // namespace mann
