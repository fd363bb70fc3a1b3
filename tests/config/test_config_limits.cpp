// Hostile or corrupt YAML is refused with a file:line message, never a crash, a hang or gigabytes read:
// recursive aliases, deep nesting, alias bombs, second documents, unknown tags, non-regular and huge files,
// and large maps load in linear time.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>

#include "config_test_util.h"
#include "framework/config/config_limits.h"
#include "framework/config/config_node.h"
#include "framework/config/experiment.h"
#include "framework/config/inherit.h"
#include "tests/support/temp_dir.h"

using mann::ConfigError;
using mann::load_config_file;
using mann::load_config_string;
using mann::testing::catch_config_error;
using mann::testing::TempDir;

namespace {

std::string error_loading(const std::string& text) {
  return catch_config_error([&] { load_config_string(text, "f.yaml"); }).what();
}

// Seconds to load an experiment file of `keys` keys, as `mann train` does (parse, then merge under the
// defaults), best of three: a loaded machine only ever makes a run slower.
double seconds_to_load_keys(int keys) {
  TempDir dir("config-keys");
  std::string text;
  for (int i = 0; i < keys; ++i) text += "key" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  const std::string file = dir.write("big.yaml", text);
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const mann::ConfigNode node = mann::load_experiment(file);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    REQUIRE(node.size() == static_cast<size_t>(keys));
  }
  return best;
}

}  // namespace

TEST_CASE("config limits: a recursive alias is refused at its line (it crashed mann 0.1.0)") {
  CHECK(error_loading("a: &x [*x]\n") ==
        "f.yaml:1:4: key `a[0]`: recursive alias: this value contains itself");
  CHECK(error_loading("seed: 1\nb: &m {c: *m}\n") ==
        "f.yaml:2:4: key `b.c`: recursive alias: this value contains itself");
  // The input that crashed, kept from ../shared/fuzz.
  const ConfigError e = catch_config_error(
      [] { load_config_file(MANN_SOURCE_DIR "/tests/data/fuzz/yaml_recursive_alias.yaml"); });
  CHECK(e.pos().line == 1);
  CHECK(e.problem() == "recursive alias: this value contains itself");
  // Shared (non-recursive) aliases still work.
  const mann::ConfigNode shared = load_config_string("a: &x [1, 2]\nb: *x\n", "f.yaml");
  CHECK(shared.at("b").as<std::vector<int>>() == std::vector<int>{1, 2});
}

TEST_CASE("config limits: deep nesting and alias bombs are refused, not followed") {
  // 100k open brackets used to be a stack overflow waiting to happen.
  const std::string deep(100000, '[');
  CHECK(catch_config_error([&] { load_config_string(deep, "f.yaml"); }).pos().file == "f.yaml");
  std::string nested = "a: ";
  for (int i = 0; i < mann::kMaxConfigDepth + 1; ++i) nested += "[";
  for (int i = 0; i < mann::kMaxConfigDepth + 1; ++i) nested += "]";
  CHECK(error_loading(nested + "\n").find("nested more than 64 levels deep") != std::string::npos);
  // Each line doubles the values: 2^30 after 30 lines, from 1 KiB of text.
  std::string bomb = "a0: &a0 [x, x]\n";
  for (int i = 1; i <= 30; ++i)
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + "]\n";
  CHECK(error_loading(bomb).find("more than 1000000 values") != std::string::npos);
}

TEST_CASE("config limits: a second document and unknown tags are refused, not ignored") {
  CHECK(error_loading("seed: 1\n---\nseed: 2\n") ==
        "f.yaml:2:1: a second YAML document (after `---`): a config holds one document");
  CHECK(error_loading("# comment\n---\nseed: 1\n---\nseed: 2\n").starts_with("f.yaml:4:1: a second YAML"));
  CHECK(load_config_string("---\nseed: 1\n", "f.yaml").at("seed").as<int>() == 1);  // one marked document
  CHECK(error_loading("seed: !foo 3\n") == "f.yaml:1:7: key `seed`: unsupported YAML tag `!foo`");
  CHECK(load_config_string("seed: !!int 3\n", "f.yaml").at("seed").as<int>() == 3);
}

TEST_CASE("config limits: directories, FIFOs, devices and huge files are refused before reading") {
  TempDir dir("config-limits");
  const auto problem = [](const std::string& path) {
    return catch_config_error([&] { load_config_file(path); }).problem();
  };
  CHECK(problem(dir.path().string()) == "cannot read file " + dir.path().string() + ": it is a directory");
  const std::string fifo = dir.path("pipe.yaml");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(problem(fifo) == "cannot read file " + fifo + ": it is not a regular file");      // used to block
  CHECK(problem("/dev/zero") == "cannot read file /dev/zero: it is not a regular file");  // read 2 GB
  const std::string huge = dir.path("huge.yaml");
  std::filesystem::resize_file(dir.write("huge.yaml", ""), mann::kMaxConfigBytes + 1);
  CHECK(problem(huge).ends_with("bytes is more than a config file may have (16 MiB)"));

  // The same through `base:`, at the base line of the file that names it.
  for (const std::string& base : {std::string("pipe.yaml"), std::string("/dev/zero"), std::string("."),
                                  std::string("huge.yaml"), std::string("nowhere.yaml")}) {
    const std::string child = dir.write("child.yaml", "seed: 1\nbase: " + base + "\n");
    const ConfigError e = catch_config_error([&] { mann::load_config_with_bases(child); });
    CHECK(e.pos().file == child);
    CHECK(e.pos().line == 2);
    CHECK(e.problem().starts_with("cannot read file "));
  }
}

TEST_CASE("config limits: loading grows linearly with the number of keys") {
  // 40k keys took 12.5 s (20 s through mann train) when every key was looked up by a scan of the ones
  // before it, in the duplicate check and again in the merge. Four times the keys
  // must take well under sixteen times as long (quadratic); linear is four.
  const double small = seconds_to_load_keys(5000);
  const double large = seconds_to_load_keys(20000);
  CHECK_MESSAGE(large < 10 * small + 0.05, "5k keys: " << small << " s, 20k keys: " << large << " s");
  CHECK(large < 2.0);
}
