// Option constraints declared in a spec (ranges, choices) and empty values are refused by validate() at the
// value's file:line with its key, before any factory sees them.
#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "config_test_util.h"
#include "framework/config/registry.h"

using mann::ComponentSpec;
using mann::ConfigNode;
using mann::OptionSpec;
using mann::Registry;
using mann::testing::catch_config_error;

namespace {

ComponentSpec optimizer_spec() {
  return {
      "optimizer",
      "toy",
      "An optimizer with constrained options.",
      {OptionSpec("lr", "float", "0.1").in(mann::above(0)),
       OptionSpec("momentum", "float", "0").in(mann::from_up_to_excluding(0, 1)),
       OptionSpec("noise", "float", "0").in(mann::between(0, 1)), OptionSpec("offset", "float", "0"),
       OptionSpec("widths", "int_list", "[1]").in(mann::at_least(1)), OptionSpec("steps", "int", "1000"),
       OptionSpec("split", "string", "valid").one_of({"valid", "test"}), OptionSpec("extra", "map", "{}")}};
}

// The message of validating `text` (an optimizer map), "" when it passes.
std::string problem_with(const std::string& text) {
  Registry r;
  r.add_spec(optimizer_spec());
  const ConfigNode node = mann::load_config_string(text, "o.yaml");
  try {
    mann::validate(node, *r.find("optimizer", "toy"), r);
  } catch (const mann::ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("option constraints: NaN, infinities and values outside the range are refused with file:line") {
  CHECK(problem_with("lr: 0.5\nmomentum: 0.9\nnoise: 1\nwidths: [2, 3]\n").empty());
  CHECK(problem_with("lr: .nan\n") == "o.yaml:1:5: key `lr`: expected a number, got `.nan` (not a number)");
  CHECK(problem_with("lr: .inf\n") == "o.yaml:1:5: key `lr`: must be > 0, got `.inf`");
  CHECK(problem_with("lr: 0\n") == "o.yaml:1:5: key `lr`: must be > 0, got `0`");
  CHECK(problem_with("lr: -1e-3\n") == "o.yaml:1:5: key `lr`: must be > 0, got `-1e-3`");
  CHECK(problem_with("momentum: 1\n") == "o.yaml:1:11: key `momentum`: must be in [0, 1), got `1`");
  CHECK(problem_with("noise: .NaN\n") ==
        "o.yaml:1:8: key `noise`: expected a number, got `.NaN` (not a number)");
  CHECK(problem_with("noise: 1.5\n") == "o.yaml:1:8: key `noise`: must be in [0, 1], got `1.5`");
  CHECK(problem_with("widths: [2, 0]\n") == "o.yaml:1:13: key `widths[1]`: must be >= 1, got `0`");
  // NaN means nothing for any option; an unranged option may still be infinite.
  CHECK(problem_with("offset: .nan\n") ==
        "o.yaml:1:9: key `offset`: expected a number, got `.nan` (not a number)");
  CHECK(problem_with("offset: -.inf\n").empty());
}

TEST_CASE("option constraints: a string with choices takes one of them, with a suggestion") {
  CHECK(problem_with("split: test\n").empty());
  CHECK(problem_with("split: vaild\n") ==
        "o.yaml:1:8: key `split`: must be one of valid, test, got `vaild`; did you mean `valid`?");
  CHECK(problem_with("split: banana\n") ==
        "o.yaml:1:8: key `split`: must be one of valid, test, got `banana`");
}

TEST_CASE("option constraints: an empty value is refused instead of silently meaning the default") {
  CHECK(problem_with("steps: ~\n") ==
        "o.yaml:1:8: key `steps`: empty value: give one, or leave the key out for the default 1000");
  CHECK(problem_with("steps:\nlr: 1\n") ==
        "o.yaml:1:1: key `steps`: empty value: give one, or leave the key out for the default 1000");
  CHECK(problem_with("lr: null\n").starts_with("o.yaml:1:5: key `lr`: empty value"));
  CHECK(problem_with("extra:\n").empty());  // an empty section: all its defaults
}

TEST_CASE("option constraints: a default outside its own range is a programming error") {
  Registry r;
  CHECK_THROWS_AS(r.add_spec({"optimizer", "bad", "", {OptionSpec("lr", "float", "0").in(mann::above(0))}}),
                  std::logic_error);
  CHECK_THROWS_AS(
      r.add_spec({"optimizer", "bad2", "", {OptionSpec("name", "string", "x").in(mann::above(0))}}),
      std::logic_error);
}
