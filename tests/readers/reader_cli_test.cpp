// The readers through the command line: `mann train` on a shortened experiments/readers file, `mann eval`
// of its checkpoint (the validation error the run recorded), `mann attention` drawing the document
// attention with the answer marked, config mistakes naming their key, and missing CNN data saying where.
#include <doctest/doctest.h>

#include <string>

#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("readers");

namespace {
const std::string kExperiments = std::string(MANN_SOURCE_DIR) + "/experiments/readers/";
const std::string kTiny =
    " --set train.steps=4 --set train.log_every=2 --set train.eval_every=4 --set train.checkpoint_every=4"
    " --set dataset.train_questions=40 --set dataset.eval_questions=10 --set model.hidden=4 --set "
    "model.embed=4"
    " --set model.attention.additive_hidden=4";
}  // namespace

TEST_CASE("mann train, eval and attention on a tiny reader experiment") {
  TempDir dir("readers-cli");
  const std::string run = dir.path("run");
  const auto trained = run_mann("train " + kExperiments + "stories_impatient.yaml --out " + run + kTiny);
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  CHECK(read_text(dir.path() / "run" / "metrics.csv").find("valid_accuracy") != std::string::npos);

  const auto evaluated = run_mann("eval " + run + " --split test");
  REQUIRE_MESSAGE(evaluated.exit_code == 0, evaluated.output);
  CHECK(evaluated.output.find("accuracy") != std::string::npos);

  const auto drawn = run_mann("attention " + run + " --example 2 --out " + dir.path("attention.svg"));
  REQUIRE_MESSAGE(drawn.exit_code == 0, drawn.output);
  const std::string svg = read_text(dir.path() / "attention.svg");
  CHECK(svg.find("(predicted: @entity") != std::string::npos);
  CHECK(svg.find("[@entity") != std::string::npos);  // the answer marked among the document's tokens
  const auto out_of_range = run_mann("attention " + run + " --example 10");
  CHECK(out_of_range.exit_code != 0);
  CHECK(out_of_range.output.find("has 10 questions") != std::string::npos);
}

TEST_CASE("reader config mistakes name the key; missing CNN questions say what and where") {
  TempDir dir("readers-bad");
  for (const auto& [setting, key] : {std::pair{"model.reader=patient", "model.reader"},
                                     std::pair{"model.candidates=some", "model.candidates"},
                                     std::pair{"dataset.max_facts=100", "dataset.max_facts"},
                                     std::pair{"model.hidden=0", "model.hidden"}}) {
    const auto r = run_mann("train " + kExperiments + "stories_attentive.yaml --out " + dir.path("run") +
                            " --force" + kTiny + " --set " + setting);
    CHECK_MESSAGE(r.exit_code != 0, std::string(setting));
    CHECK_MESSAGE(r.output.find(key) != std::string::npos, std::string(setting), ": ", r.output);
  }
  const auto cnn = run_mann("train " + kExperiments + "cnn_attentive.yaml --out " + dir.path("cnn") +
                            " --data-dir " + dir.path("nothing"));
  CHECK(cnn.exit_code != 0);
  CHECK(cnn.output.find("cnn/questions/training") != std::string::npos);
  CHECK(cnn.output.find("DMQA") != std::string::npos);
}

TEST_SUITE_END();
