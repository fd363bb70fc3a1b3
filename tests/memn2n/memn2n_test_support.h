#pragma once
// Small hand-made bAbI examples for MemN2N tests (and, through tests/support/babi_data.h, the real data).
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "datasets/babi/babi_batch.h"
#include "tests/support/babi_data.h"

namespace mann::testing {

// Two stories over a 7-word vocabulary (ids 1..6; 0 is nil), the second one shorter.
inline std::vector<BabiExample> tiny_babi_examples() {
  BabiExample a;
  a.task = 1;
  a.story = {{1, 2, 3}, {4, 2}, {5, 6, 1}, {2}};
  a.question = {3, 1};
  a.answer = 5;
  a.supporting = {2};
  BabiExample b;
  b.task = 2;
  b.story = {{6, 5}, {3, 3, 4}};
  b.question = {2, 6, 4};
  b.answer = 1;
  b.supporting = {0, 1};
  return {a, b};
}

inline BabiBatchShape tiny_babi_shape() {
  return BabiBatchShape{5, 3, 3, 2};
}

}  // namespace mann::testing
