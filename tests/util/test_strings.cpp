// join: the one separator-joining helper used for messages, CSV headers and checkpoint attributes.
#include <doctest/doctest.h>

#include "framework/util/strings.h"

using mann::join;

TEST_SUITE_BEGIN("util");

TEST_CASE("join puts the separator between items only") {
  CHECK(join({}, ", ").empty());
  CHECK(join({"step"}, ",") == "step");
  CHECK(join({"step", "epoch", "loss"}, ",") == "step,epoch,loss");
  CHECK(join({"a", "", "c"}, ", ") == "a, , c");  // empty items keep their place
}

TEST_SUITE_END();
