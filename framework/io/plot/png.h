#pragma once
// A PNG encoder with no external library: 8-bit RGB, one IDAT chunk holding a zlib stream of *stored*
// (uncompressed) deflate blocks. Files are about as big as the raw pixels, but every viewer reads them.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "framework/io/plot/image.h"

namespace mann::plot {

// The complete PNG file as bytes.
std::vector<std::uint8_t> encode_png(const Image& image);

// Writes through a temporary file that is renamed over `path`, so a crash never leaves a half-written
// image in place of a good one. Throws UserError when the file cannot be written.
void write_png(const std::filesystem::path& path, const Image& image);

}  // namespace mann::plot
