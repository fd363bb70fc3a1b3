#include <doctest/doctest.h>
#include <hdf5.h>

#include <cmath>
#include <cstdlib>
#include <regex>

#include "checkpoint_fixtures.h"

namespace mann {
namespace {

using testing::counting_matrix;
using testing::sample_checkpoint;
using testing::TempDir;

// Element by element, not via isApprox: the layout must survive exactly.
void check_same(const Matrix& actual, const Matrix& expected, const std::string& what) {
  INFO(what);
  REQUIRE(actual.rows() == expected.rows());
  REQUIRE(actual.cols() == expected.cols());
  for (Index i = 0; i < expected.rows(); ++i) {
    for (Index j = 0; j < expected.cols(); ++j) CHECK(actual(i, j) == expected(i, j));
  }
}

TEST_CASE("checkpoint: every part survives a write/read round trip") {
  TempDir dir;
  const CheckpointData in = sample_checkpoint();
  write_checkpoint(dir / "ckpt.h5", in);
  const CheckpointData out = read_checkpoint(dir / "ckpt.h5");
  CHECK(H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL) == 0);  // every handle was closed

  CHECK(out.source == dir / "ckpt.h5");
  CHECK(out.format_version == 1);
  CHECK(out.mann_version == MANN_VERSION);
  CHECK(std::regex_match(out.created, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  CHECK(out.experiment == in.experiment);
  CHECK(out.config_yaml == in.config_yaml);
  CHECK(out.rng_state == in.rng_state);

  REQUIRE(out.params.size() == in.params.size());
  for (size_t k = 0; k < in.params.size(); ++k) {
    CHECK(out.params[k].first == in.params[k].first);  // model order, not HDF5's name order
    check_same(out.params[k].second, in.params[k].second, in.params[k].first);
  }
  CHECK(out.params[1].second(2, 6) == -5.f + 20.f + 0.6f);

  CHECK(out.optimizer_type == "adam");
  CHECK(out.optimizer_step == 1234);
  CHECK(out.optimizer_scalars == in.optimizer_scalars);
  REQUIRE(out.optimizer_slots.size() == in.optimizer_slots.size());
  for (const auto& [param, slots] : in.optimizer_slots) {
    REQUIRE(out.optimizer_slots.count(param) == 1);
    REQUIRE(out.optimizer_slots.at(param).size() == slots.size());
    for (const auto& [slot, value] : slots)
      check_same(out.optimizer_slots.at(param).at(slot), value, param + "/" + slot);
  }

  CHECK(out.progress.step == 1234);
  CHECK(out.progress.epoch == 7);
  CHECK(out.progress.examples_seen == 39488);
  CHECK(out.progress.best_metric == 0.0625);
  CHECK(out.progress.best_step == 1000);
  CHECK(out.progress.best_metric_name == "valid_error");

  CHECK(out.metrics == in.metrics);
  CHECK(out.metrics.column("loss") == std::vector<double>{2.5, 1.25, 0.625});

  REQUIRE(out.attention.size() == in.attention.size());
  for (const auto& [key, value] : in.attention) check_same(out.attention.at(key), value, key);
  CHECK(out.extra == in.extra);

  // The restored generator continues the original stream.
  Rng original(42), restored;
  for (int i = 0; i < 5; ++i) original.next();
  restored.set_state(out.rng_state);
  CHECK(restored.next() == original.next());
}

TEST_CASE("checkpoint: nested parameter names become nested groups") {
  TempDir dir;
  write_checkpoint(dir / "ckpt.h5", sample_checkpoint());
  const hid_t file = H5Fopen((dir / "ckpt.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(file >= 0);
  const hid_t group = H5Gopen2(file, "/params/model/hop2", H5P_DEFAULT);
  CHECK(group >= 0);
  const hid_t dataset = H5Dopen2(file, "/params/model/hop2/C", H5P_DEFAULT);
  REQUIRE(dataset >= 0);
  // Stored row-major: the file's second element is row 0, column 1.
  float values[21];
  CHECK(H5Dread(dataset, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values) >= 0);
  CHECK(values[1] == counting_matrix(7, 3, 1.f)(0, 1));
  CHECK(values[3] == counting_matrix(7, 3, 1.f)(1, 0));
  H5Dclose(dataset);
  H5Gclose(group);
  H5Fclose(file);
}

TEST_CASE("checkpoint: a minimal checkpoint (no params, metrics, attention or extra) round-trips") {
  TempDir dir;
  CheckpointData in;
  in.params.emplace_back("empty", Matrix(0, 3));
  write_checkpoint(dir / "min.h5", in);
  const CheckpointData out = read_checkpoint(dir / "min.h5");
  REQUIRE(out.params.size() == 1);
  CHECK(out.params[0].second.rows() == 0);
  CHECK(out.params[0].second.cols() == 3);
  CHECK(out.metrics.columns.empty());
  CHECK(out.metrics.rows.empty());
  CHECK(out.attention.empty());
  CHECK(out.extra.empty());
  CHECK(std::isnan(out.progress.best_metric));
  CHECK(out.progress.best_step == -1);
  CHECK(out.rng_state.empty());
}

TEST_CASE("checkpoint: a large rng state and config survive") {
  TempDir dir;
  CheckpointData in;
  in.rng_state = Rng(7).state();
  REQUIRE(in.rng_state.size() > 4000);
  in.config_yaml = std::string(100000, 'x');
  write_checkpoint(dir / "big.h5", in);
  const CheckpointData out = read_checkpoint(dir / "big.h5");
  CHECK(out.rng_state == in.rng_state);
  CHECK(out.config_yaml == in.config_yaml);
}

TEST_CASE("checkpoint: invalid names are refused before anything is written") {
  TempDir dir;
  const auto refused = [&](const CheckpointData& d, const std::string& fragment) {
    try {
      write_checkpoint(dir / "bad.h5", d);
      FAIL("expected CheckpointError mentioning: " << fragment);
    } catch (const CheckpointError& e) {
      const std::string message = e.what();
      CHECK_MESSAGE(message.find(fragment) != std::string::npos, message);
      CHECK(message.rfind((dir / "bad.h5").string(), 0) == 0);
    }
    CHECK(!std::filesystem::exists(dir / "bad.h5"));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 0);
  };
  CheckpointData d;
  d.params = {{"a//b", Matrix(1, 1)}};
  refused(d, "empty path component");
  d.params = {{"w", Matrix(1, 1)}, {"w", Matrix(1, 1)}};
  refused(d, "duplicate parameter name 'w'");
  d.params = {{"enc", Matrix(1, 1)}, {"enc/W", Matrix(1, 1)}};
  refused(d, "clash");
  d.params.clear();
  d.optimizer_scalars["step"] = 1;
  refused(d, "reserved");
  d.optimizer_scalars.clear();
  d.metrics.columns = {"a,b"};
  refused(d, "metrics column name 'a,b'");
}

TEST_CASE("checkpoint: h5dump can read the file") {
  if (std::system("command -v h5dump > /dev/null 2>&1") != 0) {
    MESSAGE("h5dump not on PATH; skipping");
    return;
  }
  TempDir dir;
  write_checkpoint(dir / "ckpt.h5", sample_checkpoint());
  const std::string command =
      "h5dump -H '" + (dir / "ckpt.h5").string() + "' > '" + (dir / "dump.txt").string() + "' 2>&1";
  CHECK(std::system(command.c_str()) == 0);
  std::ifstream dump(dir / "dump.txt");
  const std::string text((std::istreambuf_iterator<char>(dump)), std::istreambuf_iterator<char>());
  CHECK(text.find("ATTRIBUTE \"format_version\"") != std::string::npos);
  CHECK(text.find("DATASET \"C\"") != std::string::npos);
  // Full dump too: data and variable-length strings must decode.
  const std::string full = "h5dump '" + (dir / "ckpt.h5").string() + "' > /dev/null 2>&1";
  CHECK(std::system(full.c_str()) == 0);
}

}  // namespace
}  // namespace mann
