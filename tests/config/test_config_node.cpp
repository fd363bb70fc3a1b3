#include <doctest/doctest.h>

#include "config_test_util.h"
#include "framework/config/config_node.h"
#include "tests/support/temp_dir.h"

using mann::ConfigError;
using mann::ConfigNode;
using mann::load_config_file;
using mann::load_config_string;
using mann::testing::catch_config_error;

namespace {

const char* const kExperiment =
    "name: copy\n"            // line 1
    "model:\n"                // line 2
    "  type: ntm\n"           // line 3
    "  sizes: [8, 16, 32]\n"  // line 4
    "  addressing:\n"         // line 5
    "    score: cosine\n"     // line 6
    "train:\n"                // line 7
    "  lr: abc\n"             // line 8
    "  steps: 1.5\n"          // line 9
    "  verbose: yes\n"        // line 10
    "  empty:\n"              // line 11
    "  tag: '~'\n";           // line 12

}  // namespace

TEST_CASE("config node: kinds, order, positions and key paths") {
  const ConfigNode root = load_config_string(kExperiment, "exp.yaml");
  REQUIRE(root.is_map());
  CHECK(root.keys() == std::vector<std::string>{"name", "model", "train"});
  CHECK(root.path() == "");

  const ConfigNode& score = root.at("model").at("addressing").at("score");
  CHECK(score.is_scalar());
  CHECK(score.text() == "cosine");
  CHECK(score.path() == "model.addressing.score");
  CHECK(score.pos().file == "exp.yaml");
  CHECK(score.pos().line == 6);
  CHECK(score.pos().column == 12);
  CHECK(score.key_pos().line == 6);
  CHECK(score.key_pos().column == 5);

  const ConfigNode& sizes = root.at("model").at("sizes");
  CHECK(sizes.is_sequence());
  CHECK(sizes.size() == 3);
  CHECK(sizes.items()[1].path() == "model.sizes[1]");
  CHECK(sizes.items()[1].pos().column == 14);

  // `key:` with nothing after it is null, positioned at the key rather than at the next line.
  const ConfigNode& empty = root.at("train").at("empty");
  CHECK(empty.is_null());
  CHECK(empty.pos().line == 11);
  CHECK(empty.pos().column == 3);
  // A quoted "~" is text, not null.
  CHECK(root.at("train").at("tag").is_scalar());
  CHECK(root.at("train").at("tag").text() == "~");
}

TEST_CASE("config node: typed access") {
  const ConfigNode root = load_config_string(kExperiment, "exp.yaml");
  CHECK(root.at("model").at("sizes").as<std::vector<int>>() == std::vector<int>{8, 16, 32});
  CHECK(root.at("model").at("sizes").as<std::vector<int64_t>>() == std::vector<int64_t>{8, 16, 32});
  CHECK(root.at("train").at("steps").as<double>() == doctest::Approx(1.5));
  CHECK(root.at("train").at("steps").as<float>() == doctest::Approx(1.5f));
  CHECK(root.at("train").at("verbose").as<bool>() == true);
  CHECK(root.at("name").as<std::string>() == "copy");
  CHECK(load_config_string("x: +3", "s").at("x").as<int>() == 3);
  CHECK(load_config_string("x: -7", "s").at("x").as<int64_t>() == -7);
  CHECK(load_config_string("x: 1e-3", "s").at("x").as<double>() == doctest::Approx(0.001));
  CHECK(load_config_string("x: -.inf", "s").at("x").as<double>() < 0);
  CHECK(load_config_string("x: 4", "s").at("x").as<float>() == 4.0f);
  CHECK(load_config_string("x: False", "s").at("x").as<bool>() == false);
  CHECK(load_config_string("x: [a, b]", "s").at("x").as<std::vector<std::string>>() ==
        std::vector<std::string>{"a", "b"});
}

TEST_CASE("config node: typed access errors name file, line, column and key path") {
  const ConfigNode root = load_config_string(kExperiment, "exp.yaml");

  ConfigError e = catch_config_error([&] { root.at("train").at("lr").as<double>(); });
  CHECK(std::string(e.what()) == "exp.yaml:8:7: key `train.lr`: expected a number, got `abc`");
  CHECK(e.pos().line == 8);
  CHECK(e.pos().column == 7);
  CHECK(e.key_path() == "train.lr");

  e = catch_config_error([&] { root.at("train").at("steps").as<int>(); });
  CHECK(std::string(e.what()) == "exp.yaml:9:10: key `train.steps`: expected an integer, got `1.5`");

  e = catch_config_error([&] { root.at("name").as<bool>(); });
  CHECK(std::string(e.what()) == "exp.yaml:1:7: key `name`: expected a boolean (true/false), got `copy`");

  e = catch_config_error([&] { root.at("model").as<std::string>(); });
  CHECK(std::string(e.what()) == "exp.yaml:3:3: key `model`: expected a string, got a map");

  e = catch_config_error([&] { root.at("name").as<std::vector<int>>(); });
  CHECK(e.problem() == "expected a list of integers, got `copy`");

  // A bad list element is reported at the element, with its index in the path.
  const ConfigNode list = load_config_string("xs: [1, 2, x]\n", "l.yaml");
  e = catch_config_error([&] { list.at("xs").as<std::vector<int>>(); });
  CHECK(std::string(e.what()) == "l.yaml:1:12: key `xs[2]`: expected an integer, got `x`");

  e = catch_config_error([&] { load_config_string("x: 99999999999", "s").at("x").as<int>(); });
  CHECK(e.problem() == "integer `99999999999` is out of range");

  e = catch_config_error([&] { root.at("train").at("missing"); });
  CHECK(std::string(e.what()) == "exp.yaml:8:3: key `train`: missing required key `missing`");
}

TEST_CASE("config node: YAML syntax errors and unreadable files") {
  mann::testing::TempDir dir;
  const std::string path = dir.write("broken.yaml", "a: 1\nb: c: d\n");
  ConfigError e = catch_config_error([&] { load_config_file(path); });
  CHECK(e.pos().file == path);
  CHECK(e.pos().line == 2);
  CHECK(e.pos().column == 5);
  CHECK(std::string(e.what()) == path + ":2:5: YAML syntax error: illegal map value");

  const std::string missing = dir.path("nope.yaml");
  e = catch_config_error([&] { load_config_file(missing); });
  CHECK(std::string(e.what()) == "cannot read file " + missing + ": it does not exist");
  e = catch_config_error([&] { load_config_file(dir.path("")); });
  CHECK(e.problem().starts_with("cannot read file"));

  // Duplicate keys are a mistake yaml-cpp lets through silently.
  e = catch_config_error([] { load_config_string("a: 1\nb: 2\na: 3\n", "d.yaml"); });
  CHECK(std::string(e.what()) == "d.yaml:3:1: key `a`: duplicate key (first defined at line 1)");

  const ConfigNode empty = load_config_file(dir.write("empty.yaml", "# nothing\n"));
  CHECK(empty.is_null());
}

TEST_CASE("config node: to_yaml round trip") {
  const std::string text =
      "name: copy\n"
      "nums: [1, 2.5, -3]\n"
      "nested:\n"
      "  deeper: {a: 1, b: [x, y]}\n"
      "  empty_map: {}\n"
      "  empty_list: []\n"
      "  nothing: ~\n"
      "quoted_null: 'null'\n"
      "quoted_tilde: '~'\n"
      "colon: 'a: b'\n"
      "dash: '- x'\n"
      "blank: ''\n"
      "multi: \"line1\\nline2\"\n"
      "zzz_order_kept: 1\n"
      "aaa: 2\n";
  const ConfigNode original = load_config_string(text, "rt.yaml");
  const std::string emitted = mann::to_yaml(original);
  const ConfigNode again = load_config_string(emitted, "rt2.yaml");
  CHECK(original.same_content(again));
  CHECK(again.at("quoted_null").is_scalar());
  CHECK(again.at("nested").at("nothing").is_null());
  CHECK(again.keys().back() == "aaa");
  // Emitting twice is stable.
  CHECK(mann::to_yaml(again) == emitted);
}

TEST_CASE("config node: building and editing in code") {
  ConfigNode root = ConfigNode::map();
  ConfigNode& model = root.set("model", ConfigNode::map());
  model.set("hops", ConfigNode::scalar("3"));
  CHECK(root.at("model").at("hops").path() == "model.hops");
  CHECK(root.at("model").at("hops").as<int>() == 3);
  ConfigNode list = ConfigNode::sequence();
  list.push_back(ConfigNode::scalar("1"));
  root.set("xs", std::move(list));
  CHECK(root.at("xs").items()[0].path() == "xs[0]");
  CHECK(root.erase("xs"));
  CHECK_FALSE(root.contains("xs"));
  CHECK_THROWS_AS(root.text(), std::logic_error);
}
