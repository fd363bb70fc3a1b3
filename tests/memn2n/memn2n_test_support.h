#pragma once
// Small hand-made bAbI examples and the shared bAbI data folder for MemN2N tests.
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "datasets/babi/babi_batch.h"

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

// The shared bAbI folder (holding en/ and en-10k/): $MANN_BABI_TEST_DIR, else next to the checkout.
inline std::optional<std::string> babi_data_dir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("MANN_BABI_TEST_DIR")) candidates.push_back(env);
  candidates.push_back(MANN_SOURCE_DIR "/../shared/data/babi");
  candidates.push_back(MANN_SOURCE_DIR "/../../shared/data/babi");
  candidates.push_back(MANN_SOURCE_DIR "/shared/data/babi");
  for (const std::string& c : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(c + "/en/qa1_single-supporting-fact_train.txt", ec)) return c;
  }
  return std::nullopt;
}

}  // namespace mann::testing
