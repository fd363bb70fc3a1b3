#pragma once
// The indices 0..n-1 in an order drawn uniformly (Fisher-Yates): which item goes first, which quadrant or
// grid cell each item takes.
#include <numeric>
#include <utility>
#include <vector>

#include "framework/util/rng.h"

namespace mann {

// 0..n-1 shuffled by `rng`; the same generator state always gives the same order.
inline std::vector<int> random_order(int n, Rng& rng) {
  std::vector<int> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  for (int i = n - 1; i > 0; --i)
    std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(rng.uniform_int(i + 1))]);
  return order;
}

}  // namespace mann
