#pragma once
// Shared by the checkpoint tests: a scratch directory removed afterwards, and a checkpoint that exercises
// every part of the schema (nested names, 1x1 and non-square shapes, NaN-free values with distinct entries).
#include <doctest/doctest.h>
#include <hdf5.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "framework/io/checkpoint.h"
#include "framework/util/rng.h"
#include "tests/support/temp_dir.h"

namespace mann::testing {

// Entry (i, j) = base + 10 * i + j / 10: a transposed or column-major reading would not match.
inline Matrix counting_matrix(Index rows, Index cols, float base) {
  Matrix m(rows, cols);
  for (Index i = 0; i < rows; ++i) {
    for (Index j = 0; j < cols; ++j)
      m(i, j) = base + 10.f * static_cast<float>(i) + static_cast<float>(j) / 10.f;
  }
  return m;
}

inline CheckpointData sample_checkpoint() {
  CheckpointData d;
  d.experiment = "babi-task1";
  d.config_yaml = "model:\n  type: memn2n\n  hops: 3\ntraining:\n  lr: 0.01  # comment\n";
  Rng rng(42);
  for (int i = 0; i < 5; ++i) rng.next();
  d.rng_state = rng.state();
  d.params = {{"model/hop2/C", counting_matrix(7, 3, 1.f)},
              {"model/A", counting_matrix(3, 7, -5.f)},
              {"bias", counting_matrix(1, 1, 0.25f)},
              {"model/hop1/C", counting_matrix(2, 4, 100.f)}};
  d.optimizer_type = "adam";
  d.optimizer_step = 1234;
  d.optimizer_scalars = {{"lr", 0.01}, {"beta1", 0.9}, {"beta2", 0.999}, {"eps", 1e-8}};
  d.optimizer_slots["model/hop2/C"] = {{"m", counting_matrix(7, 3, 0.5f)},
                                       {"v", counting_matrix(7, 3, 0.75f)}};
  d.optimizer_slots["bias"] = {{"m", counting_matrix(1, 1, 3.f)}, {"v", counting_matrix(1, 1, 4.f)}};
  d.progress.step = 1234;
  d.progress.epoch = 7;
  d.progress.examples_seen = 39488;
  d.progress.best_metric = 0.0625;
  d.progress.best_step = 1000;
  d.progress.best_metric_name = "valid_error";
  d.metrics.columns = {"step", "loss", "valid_error"};
  d.metrics.add_row({100, 2.5, 0.75});
  d.metrics.add_row({200, 1.25, 0.5});
  d.metrics.add_row({300, 0.625, 0.0625});
  d.attention["example0/hop1"] = counting_matrix(4, 6, 0.f);
  d.attention["example0/hop2"] = counting_matrix(4, 6, 1.f);
  d.attention["example1/hop1"] = counting_matrix(2, 5, 2.f);
  d.extra["vocabulary"] = "<pad>\nmary\njohn\nkitchen\ncafé\n";
  d.extra["dataset/name"] = "babi-en-10k";
  return d;
}

// read_checkpoint must refuse `path` with a message that starts with the path and contains `fragment`.
inline void check_refused(const std::filesystem::path& path, const std::string& fragment) {
  try {
    read_checkpoint(path);
    FAIL("expected CheckpointError for " << path);
  } catch (const CheckpointError& e) {
    const std::string message = e.what();
    INFO(message);
    CHECK(message.rfind(path.string() + ": ", 0) == 0);
    CHECK(message.find(fragment) != std::string::npos);
  }
  CHECK(H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL) == 0);  // a refused file is not left open
}

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace mann::testing
