#pragma once
// The IDX format of the MNIST family (LeCun et al.): a 4-byte magic (0, 0, element type, number of
// dimensions), each dimension as a big-endian uint32, then the elements in row-major order. Only unsigned
// bytes (type 0x08) are read, which is what MNIST and Fashion-MNIST hold for both images and labels.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace mann {

// An IDX array of unsigned bytes.
struct IdxArray {
  std::vector<std::uint32_t> dims;   // outermost first, e.g. {60000, 28, 28}
  std::vector<std::uint8_t> values;  // row-major; size is the product of dims
};

// The element type byte of unsigned 8-bit data.
inline constexpr std::uint8_t kIdxUnsignedByte = 0x08;

// Parses the bytes of an (already decompressed) IDX file. `source` names it in messages. Throws UserError
// when the magic is wrong (not IDX), the element type is not 0x08, the number of dimensions differs from
// `expected_rank` (0: any of 1..4), a dimension is zero, or the data is shorter (truncated) or longer than
// the header says.
IdxArray parse_idx(std::span<const std::uint8_t> bytes, const std::string& source, int expected_rank = 0);

// Reads a gzip-compressed IDX file (e.g. train-images-idx3-ubyte.gz) and parses it; errors name the file.
IdxArray read_idx_gz(const std::string& path, int expected_rank = 0);

}  // namespace mann
