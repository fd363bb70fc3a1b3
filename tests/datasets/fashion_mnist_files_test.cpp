// The IDX reader, the gzip reader and the search for the Fashion-MNIST files, on small files written here.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "datasets/image/fashion_mnist_files.h"
#include "datasets/image/gzip_file.h"
#include "datasets/image/idx_file.h"
#include "datasets/image/labelled_images.h"
#include "framework/autodiff/errors.h"
#include "tests/support/idx_files.h"
#include "tests/support/temp_dir.h"

using mann::UserError;
using mann::testing::idx_bytes;
using mann::testing::TempDir;
using mann::testing::write_gzip_file;
using mann::testing::write_raw_file;

namespace {

std::vector<std::uint8_t> counting(int n) {
  std::vector<std::uint8_t> values;
  for (int i = 0; i < n; ++i) values.push_back(static_cast<std::uint8_t>(i));
  return values;
}

// The message of the UserError that `read` throws; fails the test when it throws none.
template <class F>
std::string error_of(F read) {
  try {
    read();
  } catch (const UserError& e) {
    return e.what();
  }
  FAIL("no UserError");
  return "";
}

}  // namespace

TEST_CASE("fashion_mnist idx: a well-formed gzip IDX file is read with its dims and values") {
  const TempDir dir("idx");
  const std::string path = dir.path("a.gz");
  write_gzip_file(path, idx_bytes({2, 3, 4}, counting(24)));
  const mann::IdxArray array = mann::read_idx_gz(path, 3);
  CHECK(array.dims == std::vector<std::uint32_t>{2, 3, 4});
  CHECK(array.values == counting(24));
}

TEST_CASE("fashion_mnist idx: damaged and foreign files are refused with a reason naming the file") {
  const TempDir dir("idx");
  const std::string path = dir.path("bad.gz");
  const auto read = [&] { return mann::read_idx_gz(path, 3); };

  write_raw_file(path, idx_bytes({2, 3, 4}, counting(24)));
  std::string message = error_of(read);
  CHECK(message.find("not a gzip file") != std::string::npos);
  CHECK(message.find(path) != std::string::npos);

  write_gzip_file(path, idx_bytes({2, 3, 4}, counting(20)));
  message = error_of(read);
  CHECK(message.find("truncated") != std::string::npos);
  CHECK(message.find(path) != std::string::npos);

  write_gzip_file(path, idx_bytes({2, 3, 4}, counting(30)));
  CHECK(error_of(read).find("6 bytes after") != std::string::npos);

  std::vector<std::uint8_t> foreign = idx_bytes({2, 3, 4}, counting(24));
  foreign[0] = 0x50;  // a text file, say
  write_gzip_file(path, foreign);
  CHECK(error_of(read).find("not an IDX file") != std::string::npos);

  std::vector<std::uint8_t> floats = idx_bytes({2, 3, 4}, counting(24));
  floats[2] = 0x0d;
  write_gzip_file(path, floats);
  CHECK(error_of(read).find("type 0x0d") != std::string::npos);

  write_gzip_file(path, idx_bytes({24}, counting(24)));
  CHECK(error_of(read).find("1 dimensions; expected 3") != std::string::npos);

  write_gzip_file(path, {0, 0, 8, 3, 0, 0});
  CHECK(error_of(read).find("truncated inside its IDX header") != std::string::npos);

  CHECK(error_of([&] { mann::read_idx_gz(dir.path("absent.gz")); }).find("cannot open") != std::string::npos);
  write_gzip_file(path, idx_bytes({2, 3, 4}, counting(24)));
  CHECK(error_of([&] { mann::read_gzip_file(path, 10); }).find("more than 10 bytes") != std::string::npos);
}

TEST_CASE("fashion_mnist idx: a gzip stream cut short is reported as truncated") {
  const TempDir dir("idx");
  const std::string whole = dir.path("whole.gz"), cut = dir.path("cut.gz");
  write_gzip_file(whole, idx_bytes({100, 28, 28}, mann::testing::synthetic_images(100)));
  const auto size = std::filesystem::file_size(whole);
  std::filesystem::copy_file(whole, cut);
  std::filesystem::resize_file(cut, size / 2);
  const std::string message = error_of([&] { mann::read_idx_gz(cut); });
  CHECK(message.find("truncated") != std::string::npos);
  CHECK(message.find(cut) != std::string::npos);
}

TEST_CASE("fashion_mnist idx: images and labels must agree in count and labels must be classes") {
  const TempDir dir("idx");
  const std::string images = dir.path("images.gz"), labels = dir.path("labels.gz");
  write_gzip_file(images, idx_bytes({3, 28, 28}, mann::testing::synthetic_images(3)));
  write_gzip_file(labels, idx_bytes({2}, {1, 2}));
  const std::string message = error_of([&] { mann::read_idx_labelled_images(images, labels, 10); });
  CHECK(message.find("3 images") != std::string::npos);
  CHECK(message.find("2 labels") != std::string::npos);

  write_gzip_file(labels, idx_bytes({3}, {1, 10, 2}));
  CHECK(error_of([&] { mann::read_idx_labelled_images(images, labels, 10); }).find("label 10 of item 1") !=
        std::string::npos);

  write_gzip_file(labels, idx_bytes({3}, {4, 0, 9}));
  const mann::LabelledImages set = mann::read_idx_labelled_images(images, labels, 10);
  CHECK(set.size() == 3);
  CHECK(set.height == 28);
  CHECK(set.width == 28);
  CHECK(set.labels == std::vector<int>{4, 0, 9});
  CHECK(set.image(2)[28 * 5 + 3] == mann::testing::synthetic_pixel(2, 5, 3));
}

TEST_CASE(
    "fashion_mnist files: found in <data dir>/fashion-mnist, in the data dir itself, else the system dir") {
  const TempDir dir("fmnist-files");
  const std::string system_dir = dir.path("system");
  const auto& names = mann::fashion_mnist_file_names();
  for (const std::string& name : names) write_raw_file(dir / ("data/fashion-mnist/" + name), {});
  mann::FashionMnistFiles files = mann::find_fashion_mnist_files(dir.path("data"), system_dir);
  CHECK(files.directory == dir.path("data/fashion-mnist"));
  CHECK(files.train_images == dir.path("data/fashion-mnist/train-images-idx3-ubyte.gz"));
  CHECK(files.test_labels == dir.path("data/fashion-mnist/t10k-labels-idx1-ubyte.gz"));

  for (const std::string& name : names) write_raw_file(dir / ("flat/" + name), {});
  CHECK(mann::find_fashion_mnist_files(dir.path("flat"), system_dir).directory == dir.path("flat"));

  for (const std::string& name : names) write_raw_file(std::filesystem::path(system_dir) / name, {});
  CHECK(mann::find_fashion_mnist_files(dir.path("empty"), system_dir).directory == system_dir);
}

TEST_CASE("fashion_mnist files: missing files name the places looked and the Debian package") {
  const TempDir dir("fmnist-files");
  const std::string data_dir = dir.path("data"), system_dir = dir.path("system");
  std::string message = error_of([&] { mann::find_fashion_mnist_files(data_dir, system_dir); });
  CHECK(message.find("apt-get install dataset-fashion-mnist") != std::string::npos);
  CHECK(message.find(data_dir + "/fashion-mnist/train-images-idx3-ubyte.gz") != std::string::npos);
  CHECK(message.find(system_dir + "/train-images-idx3-ubyte.gz") != std::string::npos);
  CHECK(message.find("--data-dir") != std::string::npos);

  write_raw_file(dir / "data/fashion-mnist/train-images-idx3-ubyte.gz", {});
  message = error_of([&] { mann::find_fashion_mnist_files(data_dir, system_dir); });
  CHECK(message.find("incomplete") != std::string::npos);
  CHECK(message.find("t10k-labels-idx1-ubyte.gz") != std::string::npos);
  CHECK(message.find("apt-get install dataset-fashion-mnist") != std::string::npos);
}
