// The encoder-decoder through the command line: `mann train` on a shortened experiments/seq2seq file,
// `mann eval` (greedy and beam), `mann lengths` writing its CSV and plots, config errors naming the key,
// every seq2seq experiment file building, and `mann list` documenting the new components.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("seq2seq");

namespace {
const std::string kExperiments = std::string(MANN_SOURCE_DIR) + "/experiments/seq2seq/";
const std::string kTiny =
    " --set train.steps=4 --set train.log_every=2 --set train.eval_every=4 --set eval.batches=1"
    " --set eval.batch=4 --set model.hidden=8 --set model.embed=4";
}  // namespace

TEST_CASE("mann train, eval and lengths on a tiny seq2seq experiment") {
  TempDir dir("seq2seq-cli");
  const std::string run = (dir.path() / "run").string();
  const auto trained = run_mann("train " + kExperiments + "reversal_attention.yaml --out " + run + kTiny);
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  CHECK(read_text(dir.path() / "run" / "metrics.csv").find("valid_exact_match") != std::string::npos);

  for (const char* beam : {"1", "3"}) {
    const auto evaluated = run_mann("eval " + run + " --set eval.beam_size=" + beam);
    REQUIRE_MESSAGE(evaluated.exit_code == 0, evaluated.output);
    CHECK(evaluated.output.find("exact_match") != std::string::npos);
    CHECK(evaluated.output.find("token_accuracy") != std::string::npos);
  }

  const std::string csv = dir.path("curve.csv");
  const auto lengths = run_mann("lengths " + run + " " + run + " --min 5 --max 15 --step 5 --out " + csv +
                                " --plot " + dir.path("curve.svg"));
  REQUIRE_MESSAGE(lengths.exit_code == 0, lengths.output);
  const std::string table = read_text(csv);
  CHECK(table.rfind("run,length,error,exact_match,token_accuracy,loss\n", 0) == 0);
  CHECK(std::count(table.begin(), table.end(), '\n') == 1 + 2 * 3);  // header, 2 runs x 3 lengths
  // Both runs share the experiment's name, so each row names its run directory too (every row: an
  // earlier version renamed only the first of a repeated pair).
  size_t named_rows = 0;
  for (size_t at = table.find(" (run),"); at != std::string::npos; at = table.find(" (run),", at + 1))
    ++named_rows;
  CHECK(named_rows == 2 * 3);
  CHECK(read_text(dir.path() / "curve.svg").find("<svg") != std::string::npos);
  const auto png = run_mann("lengths " + run + " --min 5 --max 5 --plot " + dir.path("curve.png"));
  CHECK_MESSAGE(png.exit_code == 0, png.output);
  CHECK(std::filesystem::file_size(dir.path() / "curve.png") > 0);

  const auto bad_metric = run_mann("lengths " + run + " --min 5 --max 5 --plot x.svg --metric bits");
  CHECK(bad_metric.exit_code != 0);
  CHECK(bad_metric.output.find("--metric") != std::string::npos);
}

TEST_CASE("mann lengths also measures the NTM sequence tasks (sequence accuracy by length)") {
  TempDir dir("lengths-copy");
  const std::string run = dir.path("run");
  const auto trained = run_mann("train " + std::string(MANN_SOURCE_DIR) + "/experiments/default.yaml --out " +
                                run + " --set train.steps=2 --set eval.batches=1 --set eval.batch=4");
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  const auto lengths =
      run_mann("lengths " + run + " --min 2 --max 4 --step 2 --plot " + dir.path("copy.svg"));
  REQUIRE_MESSAGE(lengths.exit_code == 0, lengths.output);
  CHECK(lengths.output.find("plot of seq_accuracy") != std::string::npos);
  CHECK(std::filesystem::exists(dir.path() / "copy.svg"));
}

TEST_CASE("seq2seq config mistakes name the key") {
  TempDir dir("seq2seq-bad");
  for (const auto& [setting, key] :
       {std::pair{"model.attention=dot", "model.attention"}, std::pair{"model.cell=rnn", "model.cell"},
        std::pair{"'model.attention={type: soft_content, score: bilinear}'", "score"},
        std::pair{"dataset.symbols=1", "dataset.symbols"}, std::pair{"eval.beam_size=0", "eval.beam_size"}}) {
    const auto r = run_mann("train " + kExperiments + "reversal_attention.yaml --out " + dir.path("run") +
                            " --force" + kTiny + " --set " + setting);
    CHECK_MESSAGE(r.exit_code != 0, std::string(setting));
    CHECK_MESSAGE(r.output.find(key) != std::string::npos, std::string(setting), ": ", r.output);
  }
}

TEST_CASE("every seq2seq experiment file builds and trains a step; attention modules are one line") {
  TempDir dir("seq2seq-validate");
  for (const char* file : {"reversal_attention.yaml", "reversal_no_attention.yaml",
                           "translation_attention.yaml", "translation_no_attention.yaml"}) {
    const auto r =
        run_mann("train " + kExperiments + file + " --out " + dir.path("run") + " --force" + kTiny);
    CHECK_MESSAGE(r.exit_code == 0, file, ": ", r.output);
  }
  for (const char* attention :
       {"{type: soft_content, score: dot}", "{type: soft_content, score: dot, project_key: true}",
        "{type: hard, score: additive}", "{type: gumbel, score: dot}"}) {
    const auto r =
        run_mann("train " + kExperiments + "translation_attention.yaml --out " + dir.path("run") +
                 " --force --set model.bidirectional=true --set 'model.attention=" + attention + "'" + kTiny);
    CHECK_MESSAGE(r.exit_code == 0, attention, ": ", r.output);
  }
  const auto listed = run_mann("list");
  for (const char* name : {"reversal", "toy_translation", "seq2seq", "beam_size", "bidirectional"})
    CHECK_MESSAGE(listed.output.find(name) != std::string::npos, name);
}

TEST_SUITE_END();
