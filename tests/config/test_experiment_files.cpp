// Every experiment file the project ships validates, and builds (dataset, model, optimizer, schedule,
// trainer lengths) where its data is at hand: a change to an option's type or to a shared base file cannot
// quietly break a file that no other test trains.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "framework/config/experiment.h"
#include "tests/support/babi_data.h"
#include "tools/experiment.h"

using namespace mann;

TEST_SUITE_BEGIN("config");

namespace {

std::vector<std::string> experiment_files() {
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::string(MANN_SOURCE_DIR) + "/experiments"))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

bool contains(const std::string& s, const char* part) {
  return s.find(part) != std::string::npos;
}

// Whether a file of the same folder says `base: <file's name>`.
bool is_base_of_another(const std::string& file, const std::vector<std::string>& files) {
  const std::filesystem::path path(file);
  for (const std::string& other : files) {
    if (other == file || std::filesystem::path(other).parent_path() != path.parent_path()) continue;
    const ConfigNode* base = load_config_file(other).find("base");
    if (base && base->as<std::string>() == path.filename().string()) return true;
  }
  return false;
}

// The shipped experiment files that are not only a base of others, each validated.
struct RunnableFile {
  std::string path;
  ConfigNode config;
  bool is_babi = false;      // reads the bAbI files (babi, babi_cloze)
  bool needs_files = false;  // reads files the suite never has (rc_questions: CNN / Daily Mail)
};

std::vector<RunnableFile> runnable_files() {
  const std::vector<std::string> files = experiment_files();
  std::vector<RunnableFile> runnable;
  for (const std::string& file : files) {
    // A fragment without a dataset (ntm/base.yaml) is only a base: its children validate it.
    if (!load_experiment(file).find("dataset")) continue;
    ConfigNode config = load_and_validate(file, {});
    const std::string type = config.at("dataset").at("type").as<std::string>();
    const bool is_babi = type == "babi" || type == "babi_cloze";
    runnable.push_back({file, std::move(config), is_babi, type == "rc_questions"});
  }
  return runnable;
}

Experiment build_file(const RunnableFile& file, const BuildOptions& options) {
  CAPTURE(file.path);
  Experiment e;
  CHECK_NOTHROW(e = build_experiment(file.config, options));
  CHECK(e.trainer.steps > 0);
  return e;
}

}  // namespace

TEST_CASE("every experiment file validates; a file without a dataset is another's base") {
  const std::vector<std::string> files = experiment_files();
  CHECK(files.size() >= 50);
  int runnable = 0;
  for (const std::string& file : files) {
    CAPTURE(file);
    if (!load_experiment(file).find("dataset")) {
      CHECK_MESSAGE(is_base_of_another(file, files), "has no dataset and no file inherits it");
      continue;
    }
    CHECK_NOTHROW(load_and_validate(file, {}));
    ++runnable;
  }
  CHECK(runnable >= 45);
}

TEST_CASE("every experiment file on generated data builds") {
  int built = 0;
  for (const RunnableFile& file : runnable_files()) {
    if (file.is_babi || file.needs_files) continue;
    build_file(file, {});
    ++built;
  }
  // Generated data is always there, so the count is the same on every machine.
  CHECK(built >= 20);
}

TEST_CASE("every bAbI 1k experiment file builds and trains whole epochs" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(babi);
  BuildOptions options;
  options.data_dir = babi;
  int built = 0;
  for (const RunnableFile& file : runnable_files()) {
    // The 10k files differ from their 1k twins only in the data set, and loading 10k takes long.
    if (!file.is_babi || contains(file.path, "10k")) continue;
    const Experiment e = build_file(file, options);
    if (file.config.at("dataset").at("type").as<std::string>() != "babi") continue;  // readers: steps, not epochs
    REQUIRE(e.trainer.steps_per_epoch > 0);
    CHECK(e.trainer.steps % e.trainer.steps_per_epoch == 0);
    ++built;
  }
  CHECK(built >= 10);
}

TEST_SUITE_END();
