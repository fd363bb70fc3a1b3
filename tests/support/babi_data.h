#pragma once
// The shared bAbI data folder for tests that need the real files, and the skip every such test starts with.
#include <doctest/doctest.h>

#include <cstdio>
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

// Whether the bAbI data is missing. The first call says so on stderr, naming where it looked and how to
// point the tests at it, so that a skipped data test is never mistaken for a passed one.
inline bool babi_data_missing() {
  static const bool missing = [] {
    if (babi_data_dir()) return false;
    std::fprintf(stderr,
                 "mann tests: bAbI v1.2 data not found ($MANN_BABI_TEST_DIR, ../shared/data/babi beside the "
                 "checkout): the tests that need it are skipped. Get it from "
                 "https://research.facebook.com/downloads/babi/ and set MANN_BABI_TEST_DIR to the folder "
                 "holding en/ and en-10k/.\n");
    return true;
  }();
  return missing;
}

}  // namespace mann::testing

// Decorates a test case that needs the bAbI files: doctest skips it (counted as skipped) when they are
// missing. `TEST_CASE("..." MANN_NEEDS_BABI_DATA)`
#define MANN_NEEDS_BABI_DATA *doctest::skip(::mann::testing::babi_data_missing())

// Declares `const std::string var`, the bAbI folder, in a test case decorated with MANN_NEEDS_BABI_DATA.
#define MANN_BABI_DATA(var)                                                        \
  const std::optional<std::string> var##_found = ::mann::testing::babi_data_dir(); \
  REQUIRE_MESSAGE(var##_found, "bAbI data vanished during the run");               \
  const std::string var = *var##_found
