// The treebank through the command line: `mann train` on a shortened experiments/parsing file writes the
// parsing metrics, `mann eval` and `mann attention` work on the run, a missing grammar file is reported at
// its key, and `corpus: files` reads a treebank directory or lists the files it lacks.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("treebank");

namespace {
const std::string kAttention = std::string(MANN_SOURCE_DIR) + "/experiments/parsing/attention.yaml";
const std::string kTiny =
    " --set train.steps=4 --set train.log_every=2 --set train.eval_every=4 --set eval.batches=1"
    " --set eval.batch=4 --set model.hidden=8 --set model.embed=4 --set dataset.train_sentences=100"
    " --set dataset.valid_sentences=20 --set dataset.test_sentences=20";
}  // namespace

TEST_CASE("mann train, eval and attention on a tiny parsing experiment") {
  TempDir dir("treebank-cli");
  const std::string run = dir.path("run");
  const auto trained = run_mann("train " + kAttention + " --out " + run + kTiny);
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  const std::string metrics = read_text(dir.path() / "run" / "metrics.csv");
  for (const char* column : {"valid_f1", "valid_ill_formed", "valid_f1_len_1_10", "valid_f1_len_21_30"})
    CHECK_MESSAGE(metrics.find(column) != std::string::npos, column);
  const auto evaluated = run_mann("eval " + run);
  REQUIRE_MESSAGE(evaluated.exit_code == 0, evaluated.output);
  CHECK(evaluated.output.find("f1_len_11_20") != std::string::npos);
  const auto drawn = run_mann("attention " + run + " --out " + dir.path("parse.svg"));
  REQUIRE_MESSAGE(drawn.exit_code == 0, drawn.output);
  CHECK(read_text(dir.path("parse.svg")).find("(S") != std::string::npos);
}

TEST_CASE("a grammar file that cannot be read is reported at dataset.grammar") {
  TempDir dir("treebank-cli");
  const auto r =
      run_mann("train " + kAttention + " --dry-run --set dataset.grammar=" + dir.path("none.pcfg") + kTiny);
  CHECK(r.exit_code != 0);
  CHECK_MESSAGE(r.output.find("grammar") != std::string::npos, r.output);
  CHECK_MESSAGE(r.output.find("cannot read the grammar file") != std::string::npos, r.output);
}

TEST_CASE("corpus: files reads <data dir>/treebank, or lists the files it lacks") {
  TempDir dir("treebank-cli");
  std::filesystem::create_directories(dir.path() / "treebank");
  const std::string files = " --set dataset.corpus=files --data-dir " + dir.path().string() + kTiny;
  const auto missing = run_mann("train " + kAttention + " --dry-run" + files);
  CHECK(missing.exit_code != 0);
  CHECK_MESSAGE(missing.output.find("lacks train.mrg valid.mrg test.mrg") != std::string::npos,
                missing.output);
  for (const char* name : {"train.mrg", "valid.mrg", "test.mrg"})
    std::ofstream(dir.path() / "treebank" / name)
        << "( (S (NP-SBJ (DT the) (NN cat)) (VP (VBZ sees) (NP (DT a) (NN dog))) (. .)) )\n"
           "( (S (NP-SBJ (PRP it)) (VP (VBZ sleeps) (-NONE- *)) (. .)) )\n";
  const auto trained = run_mann("train " + kAttention + " --out " + dir.path("run") + files);
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
}
