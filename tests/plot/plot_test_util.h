#pragma once
// Test helpers for plot files: a scratch directory, and a PNG reader that checks every chunk's CRC and
// inflates the IDAT zlib stream with zlib itself (the encoder deflates it, level 6).
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <zlib.h>
#include "framework/io/plot/color.h"

namespace mann::plot::testing {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("mann_plot_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::filesystem::path path(const std::string& name) const { return path_ / name; }
  std::filesystem::path dir() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
  const std::string s = read_text(path);
  return {s.begin(), s.end()};
}

inline std::uint32_t be32(const std::vector<std::uint8_t>& b, std::size_t at) {
  return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) |
         b[at + 3];
}

struct PngChunk {
  std::string type;
  std::vector<std::uint8_t> data;
};

struct DecodedPng {
  int width = 0, height = 0;
  std::vector<PngChunk> chunks;
  std::vector<std::uint8_t> rgb;  // filter bytes removed

  Color pixel(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 3;
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
  }
};

// Parses the signature and chunks (CHECKing each CRC), inflates the zlib stream (zlib checks its
// Adler-32), then the scanlines (CHECKing filter type 0).
inline DecodedPng decode_png(const std::vector<std::uint8_t>& file) {
  DecodedPng png;
  static const std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  REQUIRE(file.size() >= 8);
  REQUIRE(std::equal(std::begin(kSignature), std::end(kSignature), file.begin()));
  std::size_t pos = 8;
  std::vector<std::uint8_t> zlib;
  while (pos < file.size()) {
    REQUIRE(pos + 12 <= file.size());
    const std::uint32_t length = be32(file, pos);
    REQUIRE(pos + 12 + length <= file.size());
    PngChunk chunk;
    chunk.type.assign(file.begin() + pos + 4, file.begin() + pos + 8);
    chunk.data.assign(file.begin() + pos + 8, file.begin() + pos + 8 + length);
    const std::uint32_t stored_crc = be32(file, pos + 8 + length);
    CHECK(stored_crc == crc32(0L, file.data() + pos + 4, length + 4));
    if (chunk.type == "IDAT") zlib.insert(zlib.end(), chunk.data.begin(), chunk.data.end());
    png.chunks.push_back(std::move(chunk));
    pos += 12 + length;
  }
  REQUIRE(png.chunks.size() >= 3);
  REQUIRE(png.chunks.front().type == "IHDR");
  REQUIRE(png.chunks.back().type == "IEND");
  const std::vector<std::uint8_t>& ihdr = png.chunks.front().data;
  REQUIRE(ihdr.size() == 13);
  png.width = static_cast<int>(be32(ihdr, 0));
  png.height = static_cast<int>(be32(ihdr, 4));
  CHECK(ihdr[8] == 8);  // bit depth
  CHECK(ihdr[9] == 2);  // RGB

  // zlib stream (inflated with zlib itself) holding one filtered scanline per row.
  const std::size_t row = static_cast<std::size_t>(png.width) * 3 + 1;
  std::vector<std::uint8_t> raw(row * png.height);
  uLongf raw_size = static_cast<uLongf>(raw.size());
  REQUIRE(uncompress(raw.data(), &raw_size, zlib.data(), static_cast<uLong>(zlib.size())) == Z_OK);
  REQUIRE(raw_size == raw.size());

  for (int y = 0; y < png.height; ++y) {
    CHECK(raw[y * row] == 0);  // filter type None
    png.rgb.insert(png.rgb.end(), raw.begin() + y * row + 1, raw.begin() + (y + 1) * row);
  }
  return png;
}

inline DecodedPng decode_png(const std::filesystem::path& path) {
  return decode_png(read_bytes(path));
}

// Number of non-overlapping occurrences of `needle` in `haystack`.
inline int count_of(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace mann::plot::testing
