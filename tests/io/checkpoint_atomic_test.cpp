// A save that fails or crashes part-way must leave the previous checkpoint readable and unchanged.
#include <doctest/doctest.h>
#include <hdf5.h>

#include <stdexcept>

#include "checkpoint_fixtures.h"
#include "framework/io/atomic_file.h"

namespace mann {
namespace {

using testing::counting_matrix;
using testing::sample_checkpoint;
using testing::TempDir;

struct SimulatedCrash : std::runtime_error {
  using std::runtime_error::runtime_error;
};

size_t file_count(const std::filesystem::path& dir) {
  return static_cast<size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

TEST_CASE("checkpoint: an interrupted save leaves the previous checkpoint intact") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  const CheckpointData a = sample_checkpoint();
  write_checkpoint(path, a);

  CheckpointData b = sample_checkpoint();
  b.experiment = "run-b";
  b.params[0].second = counting_matrix(7, 3, 999.f);
  b.progress.step = 5000;

  for (const char* crash_at : {"root", "params", "optimizer", "extra", "closed"}) {
    CAPTURE(crash_at);
    bool temp_seen = false;
    const auto hook = [&](std::string_view stage) {
      if (stage != crash_at) return;
      temp_seen = std::filesystem::exists(atomic_temp_path(path));
      throw SimulatedCrash(std::string("crash at ") + crash_at);
    };
    CHECK_THROWS_AS(write_checkpoint(path, b, hook), SimulatedCrash);
    CHECK(temp_seen);  // the write really was in progress, in the temporary
    CHECK(!std::filesystem::exists(atomic_temp_path(path)));  // and was cleaned up
    CHECK(file_count(dir.path()) == 1);
    CHECK(H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL) == 0);  // unwinding closed every handle

    const CheckpointData back = read_checkpoint(path);
    CHECK(back.experiment == a.experiment);
    CHECK(back.progress.step == a.progress.step);
    CHECK(back.params[0].second == a.params[0].second);
  }
}

TEST_CASE("checkpoint: a stale temporary from a killed process does not affect reads or the next save") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  write_checkpoint(path, sample_checkpoint());
  // A process killed mid-save leaves its temporary behind (here: garbage under our own pid's name).
  testing::write_text(atomic_temp_path(path), "half-written");
  CHECK(read_checkpoint(path).experiment == "babi-task1");

  CheckpointData next = sample_checkpoint();
  next.experiment = "next";
  write_checkpoint(path, next);
  CHECK(read_checkpoint(path).experiment == "next");
  CHECK(!std::filesystem::exists(atomic_temp_path(path)));
}

TEST_CASE("checkpoint: overwriting an existing checkpoint replaces it completely") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  write_checkpoint(path, sample_checkpoint());

  CheckpointData smaller;
  smaller.experiment = "smaller";
  smaller.params.emplace_back("only", counting_matrix(2, 2, 1.f));
  write_checkpoint(path, smaller);

  const CheckpointData back = read_checkpoint(path);
  CHECK(back.experiment == "smaller");
  REQUIRE(back.params.size() == 1);
  CHECK(back.params[0].first == "only");
  CHECK(back.attention.empty());  // nothing left over from the first file
  CHECK(back.optimizer_slots.empty());
  CHECK(file_count(dir.path()) == 1);
}

TEST_CASE("checkpoint: a save into a missing directory fails with the path and leaves nothing") {
  TempDir dir;
  const std::filesystem::path path = dir / "no-such-dir" / "ckpt.h5";
  try {
    write_checkpoint(path, sample_checkpoint());
    FAIL("expected CheckpointError");
  } catch (const CheckpointError& e) {
    CHECK(std::string(e.what()).rfind(path.string() + ": ", 0) == 0);
  }
  CHECK(file_count(dir.path()) == 0);
}

}  // namespace
}  // namespace mann
