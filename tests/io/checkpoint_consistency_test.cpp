// A checkpoint whose values no run can produce is refused with the value's name: NaN weights would make
// `mann eval` report nonsense with exit code 0, and a garbage best metric would freeze best.h5 forever.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "checkpoint_fixtures.h"

namespace mann {
namespace {

using testing::check_refused;
using testing::counting_matrix;
using testing::sample_checkpoint;
using testing::TempDir;

constexpr double kInf = std::numeric_limits<double>::infinity();

void check_written_refused(const CheckpointData& data, const std::string& fragment) {
  TempDir dir;
  write_checkpoint(dir / "ckpt.h5", data);
  check_refused(dir / "ckpt.h5", fragment);
}

TEST_CASE("checkpoint consistency: non-finite parameters and optimizer state are refused by name") {
  CheckpointData d = sample_checkpoint();
  d.params[1].second(2, 5) = std::nanf("");
  check_written_refused(d, "parameter 'model/A' holds NaN at (2, 5)");

  d = sample_checkpoint();
  d.params[2].second(0, 0) = -std::numeric_limits<float>::infinity();
  check_written_refused(d, "parameter 'bias' holds an infinite value");

  d = sample_checkpoint();
  d.optimizer_slots["bias"]["v"](0, 0) = std::nanf("");
  check_written_refused(d, "optimizer slot 'bias/v' holds NaN");

  d = sample_checkpoint();
  d.optimizer_scalars["lr"] = kInf;
  check_written_refused(d, "optimizer hyperparameter 'lr' is inf");
}

TEST_CASE("checkpoint consistency: optimizer slots must match their parameter") {
  CheckpointData d = sample_checkpoint();
  d.params[0].second = counting_matrix(3, 7, 1.f);  // model/hop2/C reshaped, its slots not
  check_written_refused(d, "optimizer slot 'model/hop2/C/m' is (7x3) but its parameter is (3x7)");

  d = sample_checkpoint();
  d.optimizer_slots["ghost"]["m"] = counting_matrix(1, 1, 0.f);
  check_written_refused(d, "optimizer slot 'ghost/m' belongs to no parameter");
}

TEST_CASE("checkpoint consistency: progress counters and the best metric") {
  CheckpointData d = sample_checkpoint();
  d.progress.step = -3;
  check_written_refused(d, "progress step is negative");

  d = sample_checkpoint();
  d.progress.best_step = d.progress.step + 1;
  check_written_refused(d, "best_step 1235 is not between -1 (none yet) and step 1234");

  for (const double garbage : {std::nan(""), -kInf, kInf}) {
    CAPTURE(garbage);
    d = sample_checkpoint();
    d.progress.best_metric = garbage;
    check_written_refused(d, "progress best_metric is");
  }

  d = sample_checkpoint();
  d.progress.best_step = -1;  // no best yet, but a value
  check_written_refused(d, "best_step -1 says there is no best yet");

  d = sample_checkpoint();
  d.progress.best_step = 300;  // the history's valid_error at step 300 is 0.0625
  d.progress.best_metric = -1e300;
  check_written_refused(d, "disagrees with the metrics history");
  d.progress.best_metric = 0.0625;
  TempDir dir;
  write_checkpoint(dir / "ok.h5", d);
  CHECK(read_checkpoint(dir / "ok.h5").progress.best_step == 300);
}

}  // namespace
}  // namespace mann
