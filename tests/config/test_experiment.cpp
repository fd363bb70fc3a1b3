#include <doctest/doctest.h>

#include "config_test_util.h"
#include "framework/config/experiment.h"
#include "framework/config/registry.h"
#include "tests/support/temp_dir.h"

using mann::ConfigError;
using mann::ConfigNode;
using mann::load_config_string;
using mann::testing::catch_config_error;
using mann::testing::TempDir;

namespace {

mann::Registry experiment_registry() {
  mann::Registry r;
  r.add_spec({"dataset", "copy", "Copy task.", {{"length", "int", "", true, "Sequence length."}}});
  r.add_spec({"model", "lstm", "LSTM baseline.", {{"hidden", "int", "100", false, "Hidden units."}}});
  return r;
}

}  // namespace

TEST_CASE("experiment: top-level keys are validated with suggestions") {
  const mann::Registry r = experiment_registry();
  const ConfigNode ok = load_config_string(
      "name: copy\nseed: 3\ndataset: {type: copy, length: 5}\nmodel: {type: lstm}\ntrain: {lr: 0.1}\n",
      "e.yaml");
  CHECK_NOTHROW(mann::validate_experiment(ok, r));

  const ConfigNode typo = load_config_string(
      "name: copy\n"
      "dataset: {type: copy, length: 5}\n"
      "modle: {type: lstm}\n",
      "e.yaml");
  ConfigError e = catch_config_error([&] { mann::validate_experiment(typo, r); });
  CHECK(std::string(e.what()) ==
        "e.yaml:3:1: key `modle`: unknown key for experiment; did you mean `model`?");

  const ConfigNode no_model = load_config_string("dataset: {type: copy, length: 5}\n", "e.yaml");
  e = catch_config_error([&] { mann::validate_experiment(no_model, r); });
  CHECK(std::string(e.what()) ==
        "e.yaml:1:1: key `model`: missing required option of experiment (The model to train.)");

  const ConfigNode nested = load_config_string(
      "dataset: {type: copy, lenght: 5}\n"
      "model: {type: lstm}\n",
      "e.yaml");
  e = catch_config_error([&] { mann::validate_experiment(nested, r); });
  CHECK(std::string(e.what()) ==
        "e.yaml:1:23: key `dataset.lenght`: unknown key for dataset `copy`; did you mean `length`?");

  const ConfigNode seed = load_config_string("seed: x1\n", "e.yaml");
  e = catch_config_error([&] { mann::validate_experiment(seed, r); });
  CHECK(std::string(e.what()) == "e.yaml:1:7: key `seed`: expected an integer, got `x1`");
}

TEST_CASE("experiment: an unknown key set on the command line is reported there") {
  TempDir dir;
  const std::string file = dir.write("e.yaml", "dataset: {type: copy, length: 5}\nmodel: {type: lstm}\n");
  const ConfigNode root = mann::load_experiment(file, {"model.hiden=3"});
  ConfigError e = catch_config_error([&] { mann::validate_experiment(root, experiment_registry()); });
  CHECK(std::string(e.what()) ==
        "<command line>:1:1: key `model.hiden`: unknown key for model `lstm`; did you mean `hidden`?");
}

TEST_CASE("experiment: precedence defaults < base < file < --set") {
  TempDir dir;
  dir.write("base.yaml",
            "train:\n"
            "  lr: 0.1\n"      // 2: base overrides the default, file overrides base
            "  steps: 500\n"   // 3: base overrides the default
            "  batch: 16\n");  // 4: base overrides default, --set overrides base
  const std::string file = dir.write("exp.yaml",
                                     "base: base.yaml\n"
                                     "train:\n"
                                     "  lr: 0.01\n"   // 3
                                     "  clip: 5\n");  // 4: overridden by --set
  const ConfigNode defaults = load_config_string(
      "train: {lr: 1.0, steps: 1, batch: 1, clip: 1, warmup: 7}\nseed: 42\n", "<defaults>");

  const ConfigNode root = mann::load_experiment(file, {"train.clip=2.5", "train.batch=64"}, &defaults);
  const ConfigNode& train = root.at("train");
  CHECK(train.at("warmup").as<int>() == 7);  // defaults only
  CHECK(train.at("warmup").pos().file == "<defaults>");
  CHECK(train.at("steps").as<int>() == 500);  // base
  CHECK(train.at("steps").pos().file == dir.path("base.yaml"));
  CHECK(train.at("steps").pos().line == 3);
  CHECK(train.at("lr").as<double>() == doctest::Approx(0.01));  // file
  CHECK(train.at("lr").pos().file == file);
  CHECK(train.at("lr").pos().line == 3);
  CHECK(train.at("clip").as<double>() == doctest::Approx(2.5));  // --set beats file
  CHECK(train.at("batch").as<int>() == 64);                      // --set beats base
  CHECK(train.at("batch").pos().file == "<command line>");
  CHECK(root.at("seed").as<int>() == 42);
  CHECK_FALSE(root.contains("base"));

  // Later --set options win over earlier ones.
  const ConfigNode twice = mann::load_experiment(file, {"seed=1", "seed=2"});
  CHECK(twice.at("seed").as<int>() == 2);
}
