#pragma once
// The shared bAbI data folder for tests that need the real files, and the skip every such test starts with.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mann::testing {

// The shared bAbI folder (holding en/ and en-10k/): $MANN_BABI_TEST_DIR, else next to the checkout (main
// repo or a worktree), else in it.
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

// Declares `const std::optional<std::string> var` holding the bAbI folder, or ends the current test case
// with a message when the data is not there (a test case, not a helper: it returns from the caller).
#define MANN_BABI_DATA_OR_SKIP(var)                                        \
  const std::optional<std::string> var = ::mann::testing::babi_data_dir(); \
  if (!var) {                                                              \
    MESSAGE("bAbI data not found (set MANN_BABI_TEST_DIR); skipping");     \
    return;                                                                \
  }
