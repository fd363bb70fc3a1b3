// What a learner hands out for plots (NTM paper, figure 6): one evaluation example's inputs, outputs and the
// recorded read/write weightings, add and read vectors, as (time x width) matrices.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "framework/views/attention_views.h"
#include "tools/experiment.h"

using namespace mann;

TEST_SUITE_BEGIN("ntm");

TEST_CASE("a learner's attention maps of one example: inputs, outputs and every head's weightings") {
  Experiment e =
      build_experiment(load_and_validate(std::string(MANN_SOURCE_DIR) + "/experiments/ntm/copy_short.yaml",
                                         {"dataset.eval_min_length=4", "dataset.eval_max_length=4"}));
  Rng rng(3);
  const std::map<std::string, Matrix> maps = e.learner->views()->attention_maps(rng);
  const Index steps = 2 * 4 + 1;  // copy of length 4: input, delimiter, output
  for (const char* name : {"input", "target", "output", "read0", "write0", "add0", "read_vector0"}) {
    REQUIRE_MESSAGE(maps.count(name), name);
    CHECK(maps.at(name).rows() == steps);
  }
  CHECK(maps.at("input").cols() == 9);
  CHECK(maps.at("output").cols() == 8);
  CHECK(maps.at("write0").cols() == 16);  // copy_short's memory_slots
  CHECK(maps.at("read_vector0").cols() == 10);
  CHECK(maps.at("output").minCoeff() >= 0.f);
  CHECK(maps.at("output").maxCoeff() <= 1.f);
}

TEST_SUITE_END();
