// Training lengths and intervals given in steps or in epochs (`train.steps: 100 epochs`).
#include <doctest/doctest.h>

#include <string>

#include "framework/config/duration.h"
#include "tests/config/config_test_util.h"
#include "tests/support/babi_data.h"
#include "tools/experiment.h"

using namespace mann;
using mann::testing::catch_config_error;

TEST_SUITE_BEGIN("config");

namespace {

Duration parse(const std::string& text) {
  return parse_duration(load_config_string("train: {steps: " + text + "}", "d.yaml").at("train").at("steps"));
}

const std::string kCopy = std::string(MANN_SOURCE_DIR) + "/experiments/ntm/copy_short.yaml";

}  // namespace

TEST_CASE("duration: steps as a plain integer or with a unit, epochs with a unit") {
  CHECK(parse("2900").count == 2900);
  CHECK_FALSE(parse("2900").epochs);
  CHECK(parse("2900 steps").count == 2900);
  CHECK_FALSE(parse("1 step").epochs);
  CHECK(parse("0").count == 0);  // the `every` options use 0 for "only at the end"
  const Duration d = parse("100 epochs");
  CHECK(d.count == 100);
  CHECK(d.epochs);
  CHECK(parse("1 epoch").epochs);
}

TEST_CASE("duration: anything else is refused at its position") {
  for (const char* bad : {"1.5", "ten epochs", "3 weeks", "-2", "3 epochs later", "epochs", "{a: 1}"}) {
    CAPTURE(bad);
    const ConfigError e = catch_config_error([&] { parse(bad); });
    const std::string what = e.what();
    CHECK(what.starts_with("d.yaml:1:"));
    CHECK(what.find("key `train.steps`: expected a number of steps") != std::string::npos);
  }
}

TEST_CASE("duration: epochs become steps through the dataset's epoch, and are refused without one") {
  Experiment e = build_experiment(
      load_and_validate(kCopy, {"train.steps=3 epochs", "train.steps_per_epoch=7", "train.eval_every=1 epoch",
                                "train.log_every=2 steps", "train.checkpoint_every=0"}));
  CHECK(e.trainer.steps == 21);
  CHECK(e.trainer.eval_every == 7);
  CHECK(e.trainer.log_every == 2);
  CHECK(e.trainer.checkpoint_every == 0);

  // Validation catches a bad unit before anything is built.
  ConfigError bad = catch_config_error([&] { load_and_validate(kCopy, {"train.eval_every=2 weeks"}); });
  CHECK(std::string(bad.what()).find("key `train.eval_every`") != std::string::npos);

  // Generated data has no epoch unless the file says what one is.
  const ConfigError none =
      catch_config_error([&] { build_experiment(load_and_validate(kCopy, {"train.steps=3 epochs"})); });
  CHECK(std::string(none.what()).find("key `train.steps`: counts epochs, but this dataset has none") !=
        std::string::npos);
  // Zero steps or epochs is refused before any data is loaded.
  for (const char* zero : {"train.steps=0", "train.steps=0 epochs"}) {
    const ConfigError err = catch_config_error([&] { build_experiment(load_and_validate(kCopy, {zero})); });
    CHECK(std::string(err.what()).find("key `train.steps`: must be positive") != std::string::npos);
  }
}

TEST_CASE("duration: the bAbI recipes count epochs of their own data" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(data);
  const std::string dir = std::string(MANN_SOURCE_DIR) + "/experiments/babi/";
  // One 1k task: 900 training questions in batches of 32 = 29 steps an epoch, 100 epochs.
  Experiment one = build_experiment(load_and_validate(dir + "pe_ls_rn_3hop_1k.yaml", {}), {data});
  CHECK(one.trainer.steps_per_epoch == 29);
  CHECK(one.trainer.steps == 2900);
  CHECK(one.trainer.eval_every == 29);
  CHECK(one.trainer.checkpoint_every == 290);
  // Two tasks: 1,800 questions = 57 steps an epoch (ceil(1800 / 32)), so the same file trains 5,700 steps.
  Experiment two =
      build_experiment(load_and_validate(dir + "pe_ls_rn_3hop_1k.yaml", {"dataset.task=1,2"}), {data});
  CHECK(two.trainer.steps == 5700);
}

TEST_CASE(
    "duration: a cosine schedule without a period anneals over the whole run, in the trainer's counter") {
  const std::string cosine = "train.schedule={type: cosine, min_lr: 0.0}";
  // Steps where the data has no epochs: the rate reaches min_lr at the last step, whatever train.steps is.
  for (int steps : {40, 300}) {
    Experiment e =
        build_experiment(load_and_validate(kCopy, {cosine, "train.steps=" + std::to_string(steps)}));
    CHECK(e.schedule->describe().ends_with(" over " + std::to_string(steps) + ")"));
    CHECK(e.schedule->lr(steps / 2) == doctest::Approx(e.schedule->lr(0) / 2));
  }
  // Epochs where it has them (the trainer then passes epochs), a partial last epoch counted.
  Experiment epochs =
      build_experiment(load_and_validate(kCopy, {cosine, "train.steps=20", "train.steps_per_epoch=7"}));
  CHECK(epochs.schedule->describe().ends_with(" over 3)"));
  // An explicit period is kept.
  Experiment fixed = build_experiment(
      load_and_validate(kCopy, {"train.schedule={type: cosine, period: 12}", "train.steps=300"}));
  CHECK(fixed.schedule->describe().ends_with(" over 12)"));
  const ConfigError negative =
      catch_config_error([&] { load_and_validate(kCopy, {"train.schedule={type: cosine, period: -1}"}); });
  CHECK(std::string(negative.what()).find("key `train.schedule.period`: must be >= 0") != std::string::npos);
}

TEST_SUITE_END();
