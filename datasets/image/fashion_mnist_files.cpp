#include "datasets/image/fashion_mnist_files.h"

#include <filesystem>

#include "datasets/data_dir.h"
#include "framework/autodiff/errors.h"

namespace mann {

namespace fs = std::filesystem;

namespace {

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

}  // namespace

const std::vector<std::string>& fashion_mnist_file_names() {
  static const std::vector<std::string> names = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                                 "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};
  return names;
}

std::vector<std::string> fashion_mnist_search_dirs(const std::string& data_dir_value,
                                                   const std::string& system_dir) {
  std::vector<std::string> dirs;
  // Without --data-dir or MANN_DATA the shared ./data default is not searched: the files are installed.
  if (data_dir_chosen(data_dir_value)) {
    const fs::path root(resolve_data_dir(data_dir_value));
    dirs.push_back((root / "fashion-mnist").string());
    dirs.push_back(root.string());
  }
  dirs.push_back(system_dir);
  return dirs;
}

FashionMnistFiles find_fashion_mnist_files(const std::string& data_dir_value, const std::string& system_dir) {
  const std::vector<std::string>& names = fashion_mnist_file_names();
  const std::vector<std::string> dirs = fashion_mnist_search_dirs(data_dir_value, system_dir);
  for (const std::string& dir : dirs) {
    std::vector<std::string> missing;
    for (const std::string& name : names)
      if (!is_file(fs::path(dir) / name)) missing.push_back(name);
    if (missing.size() == names.size()) continue;
    if (!missing.empty()) {
      std::string msg = "Fashion-MNIST in " + dir + " is incomplete; missing:\n";
      for (const std::string& name : missing) msg += "  " + (fs::path(dir) / name).string() + "\n";
      msg += std::string("Copy the four files there again, or install them with `sudo apt-get install ") +
             kFashionMnistPackage + "` (into " + system_dir + ")";
      throw UserError(msg);
    }
    const auto path = [&](int i) { return (fs::path(dir) / names[i]).string(); };
    return {dir, path(0), path(1), path(2), path(3)};
  }
  std::string msg =
      "Fashion-MNIST data file '" + names[0] + "' (and the other three) not found. Looked in:\n";
  for (const std::string& dir : dirs) msg += "  " + (fs::path(dir) / names[0]).string() + "\n";
  if (data_dir_chosen(data_dir_value))
    msg += "The data directory " + resolve_data_dir(data_dir_value) + " comes from the " +
           data_dir_origin(data_dir_value) + ".\n";
  msg += std::string("Install the data with `sudo apt-get install ") + kFashionMnistPackage +
         "` (Debian/Ubuntu; " + "it goes to " + system_dir + "), or put " + names[0] + ", " + names[1] +
         ", " + names[2] + " and " + names[3] +
         " in <data dir>/fashion-mnist/ and pass --data-dir or set MANN_DATA";
  throw UserError(msg);
}

}  // namespace mann
