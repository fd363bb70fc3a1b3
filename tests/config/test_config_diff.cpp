// config_differences: the keys where two configs differ, what `mann compare` names before it refuses to
// reuse a run of another configuration.
#include <doctest/doctest.h>

#include "framework/config/config_diff.h"

using namespace mann;

TEST_CASE("config_differences names each differing key path with both values") {
  const ConfigNode a = load_config_string(
      "seed: 1\ntrain: {steps: 10, optimizer: {type: adam, lr: 0.01}}\nmodel: {sizes: [1, 2]}\n", "<a>");
  const ConfigNode b = load_config_string(
      "seed: 1\ntrain: {steps: 10, optimizer: {type: adam, lr: 0.0001}}\nmodel: {sizes: [1, 3], extra: x}\n",
      "<b>");
  const std::vector<ConfigDifference> d = config_differences(a, b);
  REQUIRE(d.size() == 3);
  CHECK(d[0].path == "train.optimizer.lr");
  CHECK(d[0].left == "0.01");
  CHECK(d[0].right == "0.0001");
  CHECK(d[1].path == "model.sizes");  // lists compare as a whole
  CHECK(d[2].path == "model.extra");
  CHECK(d[2].left == "absent");
  CHECK(describe_differences(d, "there", "here", 1) ==
        "train.optimizer.lr: 0.01 there, 0.0001 here; and 2 more");

  CHECK(config_differences(a, a).empty());
  // The same number written two ways is the same value.
  CHECK(config_differences(load_config_string("lr: 0.01", "<x>"), load_config_string("lr: 1e-2", "<y>"))
            .empty());
}
