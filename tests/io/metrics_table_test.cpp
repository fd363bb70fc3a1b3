#include <doctest/doctest.h>

#include <stdexcept>

#include "framework/train/metrics_table.h"

namespace mann {
namespace {

TEST_CASE("MetricsTable: rows in, columns out") {
  MetricsTable t;
  t.columns = {"step", "loss"};
  t.add_row({1, 0.5});
  t.add_row({2, 0.25});
  CHECK(t.column("step") == std::vector<double>{1, 2});
  CHECK(t.column("loss") == std::vector<double>{0.5, 0.25});
  CHECK(t.column_index("loss") == 1);
  CHECK(t.column_index("nope") == -1);
  CHECK_THROWS_AS(t.column("nope"), std::out_of_range);
  CHECK_THROWS_AS(t.add_row({3}), std::invalid_argument);
  CHECK(t.rows.size() == 2);
}

}  // namespace
}  // namespace mann
