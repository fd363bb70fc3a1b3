#include "datasets/image/idx_file.h"

#include <cstdio>

#include "datasets/image/gzip_file.h"
#include "framework/autodiff/errors.h"

namespace mann {

namespace {

constexpr std::size_t kMagicBytes = 4;
constexpr int kMaxRank = 4;

std::string hex_byte(std::uint8_t b) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02x", b);
  return text;
}

std::uint32_t big_endian_u32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

}  // namespace

IdxArray parse_idx(std::span<const std::uint8_t> bytes, const std::string& source, int expected_rank) {
  const std::string where = "'" + source + "'";
  if (bytes.size() < kMagicBytes)
    throw UserError(where + " is too short for an IDX file (" + std::to_string(bytes.size()) + " bytes)");
  if (bytes[0] != 0 || bytes[1] != 0)
    throw UserError(where + " is not an IDX file: its magic number starts with " + hex_byte(bytes[0]) + " " +
                    hex_byte(bytes[1]) + " instead of 0x00 0x00");
  if (bytes[2] != kIdxUnsignedByte)
    throw UserError(where + " holds IDX elements of type " + hex_byte(bytes[2]) +
                    "; only unsigned bytes (0x08) are read");
  const int rank = bytes[3];
  if (rank < 1 || rank > kMaxRank || (expected_rank > 0 && rank != expected_rank))
    throw UserError(where + " has " + std::to_string(rank) + " dimensions; expected " +
                    (expected_rank > 0 ? std::to_string(expected_rank) : "1.." + std::to_string(kMaxRank)));
  const std::size_t header = kMagicBytes + 4 * static_cast<std::size_t>(rank);
  if (bytes.size() < header)
    throw UserError(where + " is truncated inside its IDX header (" + std::to_string(bytes.size()) +
                    " bytes, the header needs " + std::to_string(header) + ")");

  IdxArray array;
  std::size_t count = 1;
  for (int d = 0; d < rank; ++d) {
    const std::uint32_t size = big_endian_u32(bytes.data() + kMagicBytes + 4 * d);
    if (size == 0) throw UserError(where + " has an empty dimension " + std::to_string(d));
    array.dims.push_back(size);
    count *= size;  // at most 4 factors below 2^32 of a file that fits in memory: checked against its size
    if (count > bytes.size())
      throw UserError(where + " is truncated: its header announces more elements than the file holds (" +
                      std::to_string(bytes.size() - header) + " data bytes)");
  }
  const std::size_t data = bytes.size() - header;
  if (data < count)
    throw UserError(where + " is truncated: " + std::to_string(data) + " data bytes, the header announces " +
                    std::to_string(count));
  if (data > count)
    throw UserError(where + " has " + std::to_string(data - count) +
                    " bytes after the data its header announces (not an IDX file of this shape)");
  array.values.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header), bytes.end());
  return array;
}

IdxArray read_idx_gz(const std::string& path, int expected_rank) {
  const std::vector<std::uint8_t> bytes = read_gzip_file(path);
  return parse_idx(bytes, path, expected_rank);
}

}  // namespace mann
