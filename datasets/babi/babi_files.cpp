#include "datasets/babi/babi_files.h"

#include <array>
#include <filesystem>
#include <sstream>

#include "framework/autodiff/errors.h"

namespace mann {

namespace fs = std::filesystem;

namespace {

// Task names as in the v1.2 release (tasks_1-20_v1-2.tar.gz).
constexpr std::array<const char*, 20> kTaskNames = {"single-supporting-fact",
                                                    "two-supporting-facts",
                                                    "three-supporting-facts",
                                                    "two-arg-relations",
                                                    "three-arg-relations",
                                                    "yes-no-questions",
                                                    "counting",
                                                    "lists-sets",
                                                    "simple-negation",
                                                    "indefinite-knowledge",
                                                    "basic-coreference",
                                                    "conjunction",
                                                    "compound-coreference",
                                                    "time-reasoning",
                                                    "basic-deduction",
                                                    "basic-induction",
                                                    "positional-reasoning",
                                                    "size-reasoning",
                                                    "path-finding",
                                                    "agents-motivations"};

int parse_task_number(const std::string& s, const std::string& spec) {
  size_t used = 0;
  int task = 0;
  try {
    task = std::stoi(s, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != s.size() || task < 1 || task > 20) {
    throw UserError("bAbI task '" + spec +
                    "' is not valid: use a task number 1..20, a comma-separated list " +
                    "of them, or 'joint' for all 20 tasks");
  }
  return task;
}

}  // namespace

BabiFileNames babi_task_file_names(int task) {
  if (task < 1 || task > 20) throw UserError("bAbI task " + std::to_string(task) + " does not exist (1..20)");
  const std::string stem = "qa" + std::to_string(task) + "_" + kTaskNames[task - 1];
  return {stem + "_train.txt", stem + "_test.txt"};
}

std::vector<int> parse_babi_tasks(const std::string& spec) {
  std::vector<int> tasks;
  if (spec == "joint" || spec == "all") {
    for (int t = 1; t <= 20; ++t) tasks.push_back(t);
    return tasks;
  }
  std::stringstream ss(spec);
  std::string part;
  while (std::getline(ss, part, ',')) tasks.push_back(parse_task_number(part, spec));
  if (tasks.empty()) parse_task_number("", spec);  // throws the usage message
  return tasks;
}

std::string find_babi_file(const std::string& data_dir, const std::string& data_dir_origin, bool ten_k,
                           const std::string& file_name) {
  const std::string variant = babi_variant_folder(ten_k);
  const fs::path root(data_dir);
  const std::array<fs::path, 2> candidates = {root / "babi" / variant / file_name,
                                              root / variant / file_name};
  for (const fs::path& p : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  std::error_code ec;
  std::string msg = "bAbI data file '" + file_name + "' (" + variant + ") not found. Looked in:\n";
  for (const fs::path& p : candidates) msg += "  " + p.string() + "\n";
  msg += "Data directory '" + data_dir + "' comes from the " + data_dir_origin;
  msg += fs::is_directory(root, ec) ? ".\n" : " and does not exist.\n";
  // When data_dir is the babi folder itself, point at the file inside it rather than at <dir>/babi/.
  const bool is_babi_folder = fs::is_directory(root / variant, ec) && !fs::is_directory(root / "babi", ec);
  const fs::path wanted = is_babi_folder ? candidates[1] : candidates[0];
  msg +=
      "Download bAbI tasks v1.2 from https://research.facebook.com/downloads/babi/ (tasks_1-20_v1-2.tar.gz); "
      "unpack so that " +
      wanted.string() + " exists, or set MANN_DATA / --data-dir";
  throw UserError(msg);
}

}  // namespace mann
