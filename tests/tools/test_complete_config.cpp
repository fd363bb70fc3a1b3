// A resolved config is complete: every option with a default carries its effective value, in config.yaml,
// `mann train --dry-run` and `mann inspect --config`, and re-reading it changes nothing.
#include <doctest/doctest.h>

#include "framework/config/config_error.h"
#include "tests/tools/cli_support.h"
#include "tools/experiment.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("tools");

namespace {
const std::string kToy = std::string(MANN_SOURCE_DIR) + "/experiments/toy/";
}

TEST_CASE("a resolved config carries every default, nested components' included") {
  const mann::ConfigNode config = mann::load_and_validate(kToy + "retrieval_hard.yaml", {});
  const mann::ConfigNode& addressing = config.at("model").at("addressing");
  CHECK(addressing.at("baseline").text() == "ema");      // hard attention's defaults, never in the file
  CHECK(config.at("model").contains("entropy_weight"));  // the model's REINFORCE options too
  CHECK(config.at("train").at("clip_norm").text() == "0");
  CHECK(config.at("train").at("optimizer").contains("beta1"));   // defaults of the file's optimizer
  CHECK(config.at("eval").at("split").text() == "valid");        // a section the file sets only in part
  CHECK(config.at("output").at("dir").text() == "runs/{name}");  // a section the file leaves out
  CHECK_FALSE(config.contains("sweep"));                         // nothing invented for options without one

  // Stored and read back (resume, eval, compare), it is the same config.
  const mann::ConfigNode again = mann::parse_stored_config(mann::to_yaml(config), "<stored>");
  CHECK(mann::to_yaml(again) == mann::to_yaml(config));
}

TEST_CASE("seq2seq's attention block is completed too, and `none` stays none") {
  const std::string seq2seq = std::string(MANN_SOURCE_DIR) + "/experiments/seq2seq/";
  const mann::ConfigNode hard =
      mann::load_and_validate(seq2seq + "reversal_attention.yaml", {"model.attention.type=hard"});
  CHECK(hard.at("model").at("attention").at("baseline").text() == "ema");
  CHECK(hard.at("model").at("attention").contains("samples"));
  const mann::ConfigNode none = mann::load_and_validate(seq2seq + "reversal_no_attention.yaml", {});
  CHECK(none.at("model").at("attention").text() == "none");
  // A typo inside the block is caught when the file is read, at its key.
  CHECK_THROWS_AS(mann::load_and_validate(seq2seq + "reversal_attention.yaml", {"model.attention.scroe=dot"}),
                  mann::ConfigError);
  CHECK_THROWS_AS(mann::load_and_validate(seq2seq + "reversal_attention.yaml", {"model.attention=nothing"}),
                  mann::ConfigError);
}

TEST_CASE("config.yaml, --dry-run and inspect --config show the complete config") {
  TempDir dir("complete-config");
  const std::string run = dir.path("run");
  const std::string command = "train " + kToy + "retrieval_hard.yaml --set train.steps=2 --out " + run;
  const CommandResult dry = run_mann(command + " --dry-run");
  REQUIRE_MESSAGE(dry.exit_code == 0, dry.output);
  CHECK(dry.output.find("baseline: ema") != std::string::npos);
  CHECK(dry.output.find("entropy_weight:") != std::string::npos);

  const CommandResult trained = run_mann(command);
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  CHECK(read_text(dir.path() / "run" / "config.yaml").find("baseline: ema") != std::string::npos);
  const CommandResult inspected = run_mann("inspect " + run + " --config");
  REQUIRE_MESSAGE(inspected.exit_code == 0, inspected.output);
  CHECK(inspected.output.find("baseline: ema") != std::string::npos);
}

TEST_SUITE_END();
