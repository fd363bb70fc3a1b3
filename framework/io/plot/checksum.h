#pragma once
// The two checksums a PNG file needs: CRC-32 over each chunk (type + data) and Adler-32 over the
// uncompressed zlib payload. Both take a running value so that data can be fed in pieces.
#include <cstdint>
#include <span>

namespace mann::plot {

// CRC-32 as used by PNG, zlib and gzip (reflected polynomial 0xEDB88320). Start with crc = 0; pass the
// previous result to continue over more data.
std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t crc = 0);

// Adler-32 as used by zlib. Start with adler = 1; pass the previous result to continue over more data.
std::uint32_t adler32(std::span<const std::uint8_t> data, std::uint32_t adler = 1);

}  // namespace mann::plot
