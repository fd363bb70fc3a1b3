#pragma once
// Reading back what `mann attention` writes: an HDF5 file of panels, and the first bytes of an image.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "framework/io/hdf5_io.h"

namespace mann::testing {

inline h5::Handle open_h5(const std::filesystem::path& path) {
  return h5::Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "cannot open " + path.string());
}

inline h5::Handle open_dataset(hid_t file, const std::string& name) {
  return h5::Handle(H5Dopen2(file, name.c_str(), H5P_DEFAULT), "cannot open dataset " + name);
}

inline std::string file_start(const std::filesystem::path& path, size_t bytes) {
  std::ifstream in(path, std::ios::binary);
  std::string start(bytes, '\0');
  in.read(start.data(), static_cast<std::streamsize>(bytes));
  start.resize(static_cast<size_t>(in.gcount()));
  return start;
}

inline bool is_svg(const std::filesystem::path& path) {
  return file_start(path, 256).find("<svg") != std::string::npos;
}

inline bool is_png(const std::filesystem::path& path) {
  return file_start(path, 8) == "\x89PNG\r\n\x1a\n";
}

// h5dump's verdict on a file, when h5dump is installed (true otherwise).
inline bool h5dump_reads(const std::filesystem::path& path) {
  if (std::system("command -v h5dump > /dev/null 2>&1") != 0) return true;
  return std::system(("h5dump -H '" + path.string() + "' > /dev/null 2>&1").c_str()) == 0;
}

}  // namespace mann::testing
