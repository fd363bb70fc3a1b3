#include "framework/io/plot/png.h"

#include <algorithm>
#include <string>
#include <string_view>

#include <zlib.h>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/file_output.h"

namespace mann::plot {

namespace {

constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

void put_u32_be(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

// length, type, data, CRC over type + data.
void put_chunk(std::vector<std::uint8_t>& out, std::string_view type, const std::vector<std::uint8_t>& data) {
  put_u32_be(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t type_at = out.size();
  out.insert(out.end(), type.begin(), type.end());
  out.insert(out.end(), data.begin(), data.end());
  put_u32_be(out, static_cast<std::uint32_t>(
                      crc32(0L, out.data() + type_at, static_cast<uInt>(out.size() - type_at))));
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

// The zlib stream of the IDAT chunk. Heatmaps are large areas of few colours, so deflate shrinks them
// about a hundredfold.
std::vector<std::uint8_t> zlib_compressed(const std::vector<std::uint8_t>& raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::vector<std::uint8_t> out(size);
  if (compress2(out.data(), &size, raw.data(), static_cast<uLong>(raw.size()), 6) != Z_OK)
    throw UserError("PNG: zlib could not compress the image");
  out.resize(size);
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
  put_chunk(png, "IDAT", zlib_compressed(filtered_scanlines(image)));
  put_chunk(png, "IEND", {});
  return png;
}

void write_png(const std::filesystem::path& path, const Image& image) {
  const std::vector<std::uint8_t> bytes = encode_png(image);
  write_file_atomically(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace mann::plot
