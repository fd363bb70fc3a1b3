// `mann sweep`'s grid expansion: the cartesian product in file order, --set overrides and labels.
#include <doctest/doctest.h>

#include "framework/config/config_error.h"
#include "framework/config/config_node.h"
#include "tools/sweep_grid.h"

using namespace mann;

namespace {
ConfigNode grid(const std::string& yaml) {
  return load_config_string(yaml, "<test>").at("sweep");
}
}  // namespace

TEST_CASE("sweep grid: the cartesian product, first key slowest, as --set overrides with labels") {
  const auto points = expand_sweep_grid(grid("sweep: {train.lr: [0.01, 0.005], model.hops: [1, 2, 3]}"));
  REQUIRE(points.size() == 6);
  CHECK(points[0].overrides == std::vector<std::string>{"train.lr=0.01", "model.hops=1"});
  CHECK(points[0].label == "train.lr=0.01+model.hops=1");
  CHECK(points[2].overrides == std::vector<std::string>{"train.lr=0.01", "model.hops=3"});
  CHECK(points[3].label == "train.lr=0.005+model.hops=1");
  CHECK(points[5].label == "train.lr=0.005+model.hops=3");
}

TEST_CASE("sweep grid: single values, structured values in flow syntax, labels safe for paths and CSV") {
  const auto points =
      expand_sweep_grid(grid("sweep:\n  seed: 3\n  train.optimizer: [{type: sgd, lr: 0.1}, {type: adam}]\n"));
  REQUIRE(points.size() == 2);
  CHECK(points[0].overrides == std::vector<std::string>{"seed=3", "train.optimizer={type: sgd, lr: 0.1}"});
  CHECK(points[1].overrides[1] == "train.optimizer={type: adam}");
  CHECK(points[0].label == "seed=3+train.optimizer=_type__sgd__lr__0.1_");
}

TEST_CASE("sweep grid: an empty grid or an empty list is refused") {
  CHECK_THROWS_AS(expand_sweep_grid(grid("sweep: {}")), ConfigError);
  CHECK_THROWS_AS(expand_sweep_grid(grid("sweep: [1, 2]")), ConfigError);
  CHECK_THROWS_AS(expand_sweep_grid(grid("sweep: {train.lr: []}")), ConfigError);
}
