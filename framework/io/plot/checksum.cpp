#include "framework/io/plot/checksum.h"

#include <algorithm>
#include <array>

namespace mann::plot {

namespace {

// The byte-at-a-time table: entry n is the CRC of the single byte n, so each input byte costs one lookup.
constexpr std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}

constexpr std::array<std::uint32_t, 256> kCrcTable = make_crc_table();

}  // namespace

std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t crc) {
  // The register is kept inverted between calls so that a running value composes like one long call.
  std::uint32_t c = crc ^ 0xFFFFFFFFu;
  for (std::uint8_t byte : data) c = kCrcTable[(c ^ byte) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::uint32_t adler32(std::span<const std::uint8_t> data, std::uint32_t adler) {
  constexpr std::uint32_t kMod = 65521;  // largest prime below 2^16
  // 5552 is the longest run for which the 32-bit sums cannot overflow before the modulo (zlib's NMAX).
  constexpr std::size_t kRun = 5552;
  std::uint32_t a = adler & 0xFFFF, b = adler >> 16;
  std::size_t i = 0;
  while (i < data.size()) {
    const std::size_t end = std::min(data.size(), i + kRun);
    for (; i < end; ++i) {
      a += data[i];
      b += a;
    }
    a %= kMod;
    b %= kMod;
  }
  return (b << 16) | a;
}

}  // namespace mann::plot
