// `mann train` refuses a wrong value of an enum option (NTM's controller, MemN2N's encoding, an addressing
// module's score) as it refuses any string option with choices: at the file:line and key, with the
// choices and the nearest one, before any model is built.
#include <doctest/doctest.h>

#include <string>

#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("tools");

TEST_CASE("mann train refuses a misspelt enum option at its file:line with the choices and the nearest") {
  TempDir dir("enum-refusals");
  const std::string file = dir.write("exp.yaml", R"(name: tiny
dataset: {type: copy, bits: 4, min_length: 1, max_length: 3}
model:
  type: ntm
  controller: fedforward
  read_addressing: {type: soft_content, score: cosin}
train: {steps: 2}
)");
  const CommandResult r = run_mann("train " + file + " --dry-run");
  CHECK_MESSAGE(r.exit_code == 1, r.output);
  CHECK_MESSAGE(r.output.find(file + ":5:15: key `model.controller`: must be one of lstm, feedforward, got "
                                     "`fedforward`; did you mean `feedforward`?") != std::string::npos,
                r.output);
  const CommandResult score = run_mann("train " + file + " --dry-run --set model.controller=feedforward");
  CHECK_MESSAGE(score.exit_code == 1, score.output);
  CHECK_MESSAGE(
      score.output.find(file + ":6:48: key `model.read_addressing.score`: must be one of dot, "
                               "scaled_dot, cosine, additive, got `cosin`; did you mean `cosine`?") !=
          std::string::npos,
      score.output);
}

TEST_SUITE_END();
