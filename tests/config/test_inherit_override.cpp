#include <doctest/doctest.h>

#include "config_test_util.h"
#include "framework/config/inherit.h"
#include "framework/config/override.h"
#include "tests/support/temp_dir.h"

using mann::apply_override;
using mann::ConfigError;
using mann::ConfigNode;
using mann::load_config_string;
using mann::testing::catch_config_error;
using mann::testing::TempDir;

TEST_CASE("inherit: base chain deep-merges and keeps each node's file position") {
  TempDir dir;
  const std::string grand = dir.write("common/grand.yaml",
                                      "seed: 1\n"          // 1
                                      "train:\n"           // 2
                                      "  lr: 0.1\n"        // 3
                                      "  steps: 100\n"     // 4
                                      "  sizes: [1, 2]\n"  // 5
                                      "output: {dir: runs}\n");
  const std::string parent = dir.write("common/parent.yaml",
                                       "base: grand.yaml\n"  // relative to common/
                                       "train:\n"
                                       "  steps: 200\n"  // 3
                                       "  sizes: [3]\n"  // 4
                                       "name: parent\n");
  const std::string child = dir.write("exp/child.yaml",
                                      "base: ../common/parent.yaml\n"
                                      "name: child\n"  // 2
                                      "train:\n"
                                      "  lr: 0.01\n"  // 4
                                      "  extra: true\n");
  const ConfigNode root = mann::load_config_with_bases(child);
  CHECK_FALSE(root.contains("base"));
  // Keys keep the order in which the chain first introduced them.
  CHECK(root.keys() == std::vector<std::string>{"seed", "train", "output", "name"});
  CHECK(root.at("train").keys() == std::vector<std::string>{"lr", "steps", "sizes", "extra"});

  const ConfigNode& lr = root.at("train").at("lr");
  CHECK(lr.as<double>() == doctest::Approx(0.01));
  CHECK(lr.pos().file == child);
  CHECK(lr.pos().line == 4);

  const ConfigNode& steps = root.at("train").at("steps");
  CHECK(steps.as<int>() == 200);
  CHECK(steps.pos().file == parent);
  CHECK(steps.pos().line == 3);

  // Sequences replace rather than concatenate.
  CHECK(root.at("train").at("sizes").as<std::vector<int>>() == std::vector<int>{3});

  const ConfigNode& seed = root.at("seed");
  CHECK(seed.pos().file == grand);
  CHECK(seed.pos().line == 1);
  CHECK(root.at("output").at("dir").path() == "output.dir");
  CHECK(root.at("name").as<std::string>() == "child");

  // An error on an inherited value points into the base file.
  ConfigError e = catch_config_error([&] { root.at("output").at("dir").as<int>(); });
  CHECK(std::string(e.what()) == grand + ":6:15: key `output.dir`: expected an integer, got `runs`");
}

TEST_CASE("inherit: a component whose type changes is replaced, not merged") {
  ConfigNode base = load_config_string("model: {type: ntm, hops: 3, width: 8}\n", "base.yaml");
  const ConfigNode over = load_config_string("model: {type: lstm, width: 16}\n", "child.yaml");
  mann::merge_into(base, over);
  CHECK(base.at("model").keys() == std::vector<std::string>{"type", "width"});

  ConfigNode same = load_config_string("model: {type: ntm, hops: 3, width: 8}\n", "base.yaml");
  mann::merge_into(same, load_config_string("model: {type: ntm, width: 16}\n", "child.yaml"));
  CHECK(same.at("model").keys() == std::vector<std::string>{"type", "hops", "width"});
  CHECK(same.at("model").at("width").as<int>() == 16);
}

TEST_CASE("inherit: cycles, missing and malformed bases") {
  TempDir dir;
  const std::string a = dir.write("a.yaml", "base: b.yaml\nx: 1\n");
  const std::string b = dir.write("b.yaml", "y: 2\nbase: ./a.yaml\n");
  ConfigError e = catch_config_error([&] { mann::load_config_with_bases(a); });
  CHECK(e.pos().file == b);
  CHECK(e.pos().line == 2);
  CHECK(e.pos().column == 7);
  CHECK(e.key_path() == "base");
  CHECK(e.problem() == "base cycle: " + a + " -> " + b + " -> " + a);

  const std::string self = dir.write("self.yaml", "base: self.yaml\n");
  e = catch_config_error([&] { mann::load_config_with_bases(self); });
  CHECK(e.problem() == "base cycle: " + self + " -> " + self);

  const std::string missing = dir.write("missing.yaml", "x: 1\nbase: nowhere.yaml\n");
  e = catch_config_error([&] { mann::load_config_with_bases(missing); });
  CHECK(std::string(e.what()) ==
        missing + ":2:7: key `base`: cannot read file " + dir.path("nowhere.yaml") + ": it does not exist");

  const std::string listed = dir.write("listed.yaml", "base: [a.yaml]\n");
  e = catch_config_error([&] { mann::load_config_with_bases(listed); });
  CHECK(e.problem() == "expected a file name, got a list");

  // Two files sharing a base is not a cycle.
  const std::string shared = dir.write("shared.yaml", "z: 3\n");
  dir.write("c1.yaml", "base: shared.yaml\n");
  CHECK(mann::load_config_with_bases(dir.path("c1.yaml")).at("z").as<int>() == 3);
  CHECK(mann::load_config_with_bases(shared).at("z").as<int>() == 3);
}

TEST_CASE("override: --set parses YAML values and creates nested keys") {
  ConfigNode root = load_config_string("train:\n  lr: 0.1\nmodel:\n  type: ntm\n", "f.yaml");
  apply_override(root, "train.lr=0.005");
  apply_override(root, "model.sizes=[1, 2]");
  apply_override(root, "model.addressing={type: hard, sharpen: true}");
  apply_override(root, "eval.every.steps=10");  // three new levels
  apply_override(root, "name = spaced ");
  apply_override(root, "model.note=a=b");  // only the first '=' splits
  apply_override(root, "train.clip=");     // empty value: null

  const ConfigNode& lr = root.at("train").at("lr");
  CHECK(lr.as<double>() == doctest::Approx(0.005));
  CHECK(lr.pos().file == "<command line>");
  CHECK(lr.pos().line == 1);
  CHECK(lr.pos().column == 1);
  CHECK(root.at("model").at("sizes").as<std::vector<int>>() == std::vector<int>{1, 2});
  const ConfigNode& addressing = root.at("model").at("addressing");
  CHECK(addressing.is_map());
  CHECK(addressing.at("type").as<std::string>() == "hard");
  CHECK(addressing.at("sharpen").as<bool>());
  CHECK(addressing.at("sharpen").path() == "model.addressing.sharpen");
  CHECK(addressing.at("sharpen").pos().file == "<command line>");
  CHECK(root.at("eval").at("every").at("steps").as<int>() == 10);
  CHECK(root.at("eval").at("every").at("steps").path() == "eval.every.steps");
  CHECK(root.at("name").as<std::string>() == "spaced");
  CHECK(root.at("model").at("note").as<std::string>() == "a=b");
  CHECK(root.at("train").at("clip").is_null());
  // Untouched values keep their file position.
  CHECK(root.at("model").at("type").pos().file == "f.yaml");

  // A type error on an overridden value points at the command line.
  apply_override(root, "train.lr=fast");
  ConfigError e = catch_config_error([&] { root.at("train").at("lr").as<double>(); });
  CHECK(std::string(e.what()) == "<command line>:1:1: key `train.lr`: expected a number, got `fast`");
}

TEST_CASE("override: malformed --set") {
  ConfigNode root = load_config_string("train:\n  lr: 0.1\n", "f.yaml");
  ConfigError e = catch_config_error([&] { apply_override(root, "train.lr"); });
  CHECK(std::string(e.what()) == "<command line>:1:1: malformed --set `train.lr`: expected key=value");
  e = catch_config_error([&] { apply_override(root, "=3"); });
  CHECK(e.problem().starts_with("malformed --set `=3`: expected key=value"));
  e = catch_config_error([&] { apply_override(root, "train..lr=3"); });
  CHECK(e.problem().starts_with("malformed --set `train..lr=3`: expected key=value"));
  e = catch_config_error([&] { apply_override(root, "train.lr=[1, 2"); });
  CHECK(e.key_path() == "train.lr");
  CHECK(e.problem().starts_with("invalid value in --set `train.lr=[1, 2`: YAML syntax error"));
  // Descending through a scalar is refused at that scalar's position in the file.
  e = catch_config_error([&] { apply_override(root, "train.lr.x=3"); });
  CHECK(std::string(e.what()) ==
        "f.yaml:2:7: key `train.lr`: cannot set `train.lr.x`: `train.lr` is `0.1`, not a map");
}
