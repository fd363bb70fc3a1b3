#include <doctest/doctest.h>

#include "checkpoint_fixtures.h"

namespace mann {
namespace {

TEST_CASE("check_param_shapes: matching shapes pass, in any order") {
  const CheckpointData d = testing::sample_checkpoint();
  CHECK_NOTHROW(check_param_shapes(
      d, {{"bias", 1, 1}, {"model/A", 3, 7}, {"model/hop1/C", 2, 4}, {"model/hop2/C", 7, 3}}));
}

TEST_CASE("check_param_shapes: names every missing, extra and wrong-shape parameter") {
  CheckpointData d = testing::sample_checkpoint();
  d.source = "runs/x/ckpt.h5";
  try {
    check_param_shapes(d, {{"bias", 1, 1}, {"model/A", 7, 3}, {"model/hop2/C", 7, 3}, {"model/W", 5, 5}});
    FAIL("expected CheckpointError");
  } catch (const CheckpointError& e) {
    const std::string message = e.what();
    INFO(message);
    CHECK(message.rfind("runs/x/ckpt.h5: parameters do not match the model:", 0) == 0);
    CHECK(message.find("parameter 'model/A' is (3x7) in the checkpoint but the model expects (7x3)") !=
          std::string::npos);
    CHECK(message.find("parameter 'model/W' (5x5) is missing from the checkpoint") != std::string::npos);
    CHECK(message.find("parameter 'model/hop1/C' (2x4) is in the checkpoint but not in the model") !=
          std::string::npos);
    CHECK(message.find("'bias'") == std::string::npos);
  }
}

TEST_CASE("check_param_shapes: state that may be missing is not required, but must match when present") {
  const CheckpointData d = testing::sample_checkpoint();
  const std::vector<ParamShape> model = {
      {"bias", 1, 1}, {"model/A", 3, 7}, {"model/hop1/C", 2, 4}, {"model/hop2/C", 7, 3}};
  std::vector<ParamShape> with_new_state = model;
  with_new_state.push_back({"state/new_flag", 1, 1, /*may_be_missing=*/true});
  CHECK_NOTHROW(check_param_shapes(d, with_new_state));
  std::vector<ParamShape> required = model;
  required.push_back({"state/new_flag", 1, 1});
  CHECK_THROWS_AS(check_param_shapes(d, required), CheckpointError);
  std::vector<ParamShape> resized = model;
  resized[0].may_be_missing = true;
  resized[0].cols = 2;  // present with another shape: still refused
  CHECK_THROWS_AS(check_param_shapes(d, resized), CheckpointError);
}

}  // namespace
}  // namespace mann
