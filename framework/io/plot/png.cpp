#include "framework/io/plot/png.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "framework/io/plot/checksum.h"
#include "framework/io/plot/file_output.h"

namespace mann::plot {

namespace {

constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
constexpr std::size_t kMaxStoredBlock = 65535;  // LEN is a 16-bit field

void put_u32_be(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void put_u16_le(std::vector<std::uint8_t>& out, std::uint16_t v) {
  out.push_back(static_cast<std::uint8_t>(v & 0xFF));
  out.push_back(static_cast<std::uint8_t>(v >> 8));
}

// length, type, data, CRC over type + data.
void put_chunk(std::vector<std::uint8_t>& out, std::string_view type, const std::vector<std::uint8_t>& data) {
  put_u32_be(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t type_at = out.size();
  out.insert(out.end(), type.begin(), type.end());
  out.insert(out.end(), data.begin(), data.end());
  put_u32_be(out, crc32(std::span<const std::uint8_t>(out.data() + type_at, out.size() - type_at)));
}

// Scanlines with filter type 0 (None) in front of each row, as the PNG format requires.
std::vector<std::uint8_t> filtered_scanlines(const Image& image) {
  const std::size_t row_bytes = static_cast<std::size_t>(image.width()) * 3;
  std::vector<std::uint8_t> raw;
  raw.reserve((row_bytes + 1) * image.height());
  for (int y = 0; y < image.height(); ++y) {
    raw.push_back(0);
    const auto row = image.rgb().begin() + static_cast<std::ptrdiff_t>(y * row_bytes);
    raw.insert(raw.end(), row, row + static_cast<std::ptrdiff_t>(row_bytes));
  }
  return raw;
}

// zlib header, stored deflate blocks, Adler-32 of the uncompressed data.
std::vector<std::uint8_t> zlib_stored(const std::vector<std::uint8_t>& raw) {
  std::vector<std::uint8_t> out;
  out.reserve(raw.size() + raw.size() / kMaxStoredBlock * 5 + 16);
  // CMF 0x78: deflate with a 32K window; FLG 0x01: no dictionary, fastest level, and 0x7801 % 31 == 0.
  out.push_back(0x78);
  out.push_back(0x01);
  std::size_t pos = 0;
  do {  // at least one block, so even empty data makes a valid stream
    const std::size_t len = std::min(kMaxStoredBlock, raw.size() - pos);
    const bool last = pos + len == raw.size();
    out.push_back(last ? 1 : 0);  // BFINAL bit, BTYPE 00 (stored); the rest of the byte is padding
    put_u16_le(out, static_cast<std::uint16_t>(len));
    put_u16_le(out, static_cast<std::uint16_t>(~len & 0xFFFF));
    out.insert(out.end(), raw.begin() + static_cast<std::ptrdiff_t>(pos),
               raw.begin() + static_cast<std::ptrdiff_t>(pos + len));
    pos += len;
  } while (pos < raw.size());
  put_u32_be(out, adler32(raw));
  return out;
}

}  // namespace

std::vector<std::uint8_t> encode_png(const Image& image) {
  std::vector<std::uint8_t> header;
  put_u32_be(header, static_cast<std::uint32_t>(image.width()));
  put_u32_be(header, static_cast<std::uint32_t>(image.height()));
  // bit depth 8, colour type 2 (RGB), compression 0, filter method 0, no interlace
  header.insert(header.end(), {8, 2, 0, 0, 0});

  std::vector<std::uint8_t> png(std::begin(kSignature), std::end(kSignature));
  put_chunk(png, "IHDR", header);
  put_chunk(png, "IDAT", zlib_stored(filtered_scanlines(image)));
  put_chunk(png, "IEND", {});
  return png;
}

void write_png(const std::filesystem::path& path, const Image& image) {
  const std::vector<std::uint8_t> bytes = encode_png(image);
  write_file_atomically(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace mann::plot
