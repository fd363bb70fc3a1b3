#pragma once
// Small IDX files for tests of the image readers: bytes of an IDX array, written gzip-compressed or not,
// and a Fashion-MNIST look-alike folder of synthetic 28x28 items.
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace mann::testing {

// The bytes of an unsigned-byte IDX file: magic (0, 0, 0x08, rank), big-endian dims, values.
inline std::vector<std::uint8_t> idx_bytes(const std::vector<std::uint32_t>& dims,
                                           const std::vector<std::uint8_t>& values) {
  std::vector<std::uint8_t> bytes = {0, 0, 0x08, static_cast<std::uint8_t>(dims.size())};
  for (std::uint32_t d : dims)
    for (int shift : {24, 16, 8, 0}) bytes.push_back(static_cast<std::uint8_t>(d >> shift));
  bytes.insert(bytes.end(), values.begin(), values.end());
  return bytes;
}

// Writes `bytes` as they are.
inline void write_raw_file(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// Writes `bytes` gzip-compressed.
inline void write_gzip_file(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
  std::filesystem::create_directories(path.parent_path());
  gzFile file = gzopen(path.string().c_str(), "wb");
  if (file == nullptr) throw std::runtime_error("cannot write " + path.string());
  if (!bytes.empty()) gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(file);
}

// Pixels of synthetic item i: never 0, different for every item and place, so an item can be found on a
// canvas by its values.
inline std::uint8_t synthetic_pixel(int item, int y, int x) {
  return static_cast<std::uint8_t>(1 + (item * 97 + y * 31 + x * 7 + (x * y) % 13) % 255);
}

// n synthetic 28x28 items, labels i % 10, as an IDX image file's and label file's values.
inline std::vector<std::uint8_t> synthetic_images(int n) {
  std::vector<std::uint8_t> values;
  for (int i = 0; i < n; ++i)
    for (int y = 0; y < 28; ++y)
      for (int x = 0; x < 28; ++x) values.push_back(synthetic_pixel(i, y, x));
  return values;
}
inline std::vector<std::uint8_t> synthetic_labels(int n) {
  std::vector<std::uint8_t> labels;
  for (int i = 0; i < n; ++i) labels.push_back(static_cast<std::uint8_t>(i % 10));
  return labels;
}

// The four Fashion-MNIST files in `dir`, with `train` and `test` synthetic items.
inline void write_synthetic_fashion_mnist(const std::filesystem::path& dir, int train, int test) {
  const auto n = [](int count) { return static_cast<std::uint32_t>(count); };
  write_gzip_file(dir / "train-images-idx3-ubyte.gz", idx_bytes({n(train), 28, 28}, synthetic_images(train)));
  write_gzip_file(dir / "train-labels-idx1-ubyte.gz", idx_bytes({n(train)}, synthetic_labels(train)));
  write_gzip_file(dir / "t10k-images-idx3-ubyte.gz", idx_bytes({n(test), 28, 28}, synthetic_images(test)));
  write_gzip_file(dir / "t10k-labels-idx1-ubyte.gz", idx_bytes({n(test)}, synthetic_labels(test)));
}

}  // namespace mann::testing
