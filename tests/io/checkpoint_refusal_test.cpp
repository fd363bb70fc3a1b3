// read_checkpoint must refuse anything that is not a complete, current mann checkpoint, and say why.
#include <doctest/doctest.h>
#include <hdf5.h>

#include <random>

#include "checkpoint_fixtures.h"
#include "framework/io/checkpoint_seal.h"

namespace mann {
namespace {

using testing::check_refused;
using testing::sample_checkpoint;
using testing::TempDir;
using testing::write_text;

// Opens a written checkpoint for editing with the plain HDF5 API, as a foreign tool would, and re-seals it
// afterwards so that the edit reaches the reader's checks behind the checksum.
struct EditFile {
  explicit EditFile(const std::filesystem::path& file)
      : path(file), id(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT)) {
    REQUIRE(id >= 0);
  }
  ~EditFile() {
    H5Fclose(id);
    seal_checkpoint(path);
  }
  std::filesystem::path path;
  hid_t id;
};

TEST_CASE("checkpoint refused: missing file") {
  TempDir dir;
  check_refused(dir / "nothing.h5", "no such file");
  check_refused(dir.path(), "not a regular file");
}

TEST_CASE("checkpoint refused: not an HDF5 file") {
  TempDir dir;
  write_text(dir / "notes.h5", "model: memn2n\nthis is a YAML file, not a checkpoint\n");
  check_refused(dir / "notes.h5", "not an HDF5 file");

  std::mt19937 gen(3);
  std::string noise(4096, '\0');
  for (char& c : noise) c = static_cast<char>(gen());
  write_text(dir / "noise.h5", noise);
  check_refused(dir / "noise.h5", "not an HDF5 file");

  write_text(dir / "empty.h5", "");
  check_refused(dir / "empty.h5", "not an HDF5 file");
}

TEST_CASE("checkpoint refused: an HDF5 file without the mann marker") {
  TempDir dir;
  const std::filesystem::path path = dir / "other.h5";
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  REQUIRE(file >= 0);
  const hsize_t dims[2] = {2, 2};
  const float values[4] = {1, 2, 3, 4};
  const hid_t space = H5Screate_simple(2, dims, nullptr);
  const hid_t dataset =
      H5Dcreate2(file, "weights", H5T_IEEE_F32LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  H5Dwrite(dataset, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values);
  H5Dclose(dataset);
  H5Sclose(space);
  H5Fclose(file);
  check_refused(path, "not a mann checkpoint");
}

TEST_CASE("checkpoint refused: a different format marker") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  write_checkpoint(path, sample_checkpoint());
  {
    EditFile edit(path);
    REQUIRE(H5Adelete(edit.id, "format") >= 0);
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attr = H5Acreate2(edit.id, "format", H5T_STD_I32LE, space, H5P_DEFAULT, H5P_DEFAULT);
    const int value = 1;
    H5Awrite(attr, H5T_NATIVE_INT, &value);
    H5Aclose(attr);
    H5Sclose(space);
  }
  check_refused(path, "not a mann checkpoint");
}

TEST_CASE("checkpoint refused: truncated file") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  write_checkpoint(path, sample_checkpoint());
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() > 1000);
  write_text(dir / "half.h5", bytes.substr(0, bytes.size() / 2));
  check_refused(dir / "half.h5", "truncated");
  write_text(dir / "head.h5", bytes.substr(0, 100));  // signature intact, little else
  check_refused(dir / "head.h5", "truncated");
}

TEST_CASE("checkpoint refused: another format version") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  write_checkpoint(path, sample_checkpoint());
  {
    EditFile edit(path);
    const hid_t attr = H5Aopen(edit.id, "format_version", H5P_DEFAULT);
    REQUIRE(attr >= 0);
    const int64_t version = 2;
    CHECK(H5Awrite(attr, H5T_NATIVE_INT64, &version) >= 0);
    H5Aclose(attr);
  }
  check_refused(path, "written by format version 2; this mann reads version 1");
}

TEST_CASE("checkpoint refused: missing or malformed parts") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  const auto with_edit = [&](const std::function<void(hid_t)>& edit) {
    write_checkpoint(path, sample_checkpoint());
    EditFile file(path);
    edit(file.id);
  };

  const std::vector<std::pair<std::string, std::string>> parts = {
      {"/progress", "group"}, {"/optimizer", "group"}, {"/metrics", "group"},
      {"/params", "group"},   {"/config", "dataset"},  {"/rng", "dataset"}};
  for (const auto& [part, kind] : parts) {
    SUBCASE(part.c_str()) {
      with_edit([&](hid_t file) { REQUIRE(H5Ldelete(file, part.c_str(), H5P_DEFAULT) >= 0); });
      check_refused(path, "missing " + kind + " " + part);
    }
  }
  SUBCASE("progress attribute") {
    with_edit([](hid_t file) { REQUIRE(H5Adelete_by_name(file, "progress", "epoch", H5P_DEFAULT) >= 0); });
    check_refused(path, "missing attribute 'epoch' of /progress");
  }
  SUBCASE("parameter listed but absent") {
    with_edit([](hid_t file) { REQUIRE(H5Ldelete(file, "/params/model/A", H5P_DEFAULT) >= 0); });
    check_refused(path, "lists parameter 'model/A' but it is missing");
  }
  SUBCASE("metrics column of another length") {
    with_edit([](hid_t file) {
      REQUIRE(H5Ldelete(file, "/metrics/loss", H5P_DEFAULT) >= 0);
      const hsize_t n = 2;
      const double values[2] = {1, 2};
      const hid_t space = H5Screate_simple(1, &n, nullptr);
      const hid_t ds =
          H5Dcreate2(file, "/metrics/loss", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
      H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values);
      H5Dclose(ds);
      H5Sclose(space);
    });
    check_refused(path, "metrics column 'loss' has 2 values but 'step' has 3");
  }
  SUBCASE("parameter that is not 2-D") {
    with_edit([](hid_t file) {
      REQUIRE(H5Ldelete(file, "/params/bias", H5P_DEFAULT) >= 0);
      const hsize_t n = 3;
      const float values[3] = {1, 2, 3};
      const hid_t space = H5Screate_simple(1, &n, nullptr);
      const hid_t ds =
          H5Dcreate2(file, "/params/bias", H5T_IEEE_F32LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
      H5Dwrite(ds, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values);
      H5Dclose(ds);
      H5Sclose(space);
    });
    check_refused(path, "dataset /params/bias is 1-D, expected 2-D");
  }
}

TEST_CASE("checkpoint: reading tolerates fixed-length strings and files without /params order") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  write_checkpoint(path, sample_checkpoint());
  {
    EditFile edit(path);
    REQUIRE(H5Adelete_by_name(edit.id, "params", "order", H5P_DEFAULT) >= 0);
    REQUIRE(H5Adelete(edit.id, "experiment") >= 0);
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, 5);  // exactly the length: no terminator in the file
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attr = H5Acreate2(edit.id, "experiment", type, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(attr, type, "fixed");
    H5Aclose(attr);
    H5Sclose(space);
    H5Tclose(type);
  }
  const CheckpointData out = read_checkpoint(path);
  CHECK(out.experiment == "fixed");
  REQUIRE(out.params.size() == 4);
  CHECK(out.params[0].first == "bias");  // name order
  CHECK(out.params[3].first == "model/hop2/C");
}

}  // namespace
}  // namespace mann
