#pragma once
// The bAbI v1.2 file layout: canonical file names of the 20 tasks and where to find them under a data
// directory.
#include <string>
#include <vector>

namespace mann {

struct BabiFileNames {
  std::string train;  // e.g. "qa1_single-supporting-fact_train.txt"
  std::string test;   // e.g. "qa1_single-supporting-fact_test.txt"
};

// Task 1..20; throws UserError otherwise.
BabiFileNames babi_task_file_names(int task);

// "1".."20" -> {n}; "joint" or "all" -> {1, ..., 20}; "1,2,5" -> {1, 2, 5}. Throws UserError otherwise.
std::vector<int> parse_babi_tasks(const std::string& spec);

// "en" (1k training questions per task) or "en-10k".
inline const char* babi_variant_folder(bool ten_k) {
  return ten_k ? "en-10k" : "en";
}

// The path of `file_name` of the chosen variant under `data_dir`, accepting <data_dir>/babi/<variant>/ and,
// when data_dir is the babi folder itself, <data_dir>/<variant>/. `data_dir_origin` says where data_dir
// came from. Throws UserError naming the file, every place looked and what to download when absent.
std::string find_babi_file(const std::string& data_dir, const std::string& data_dir_origin, bool ten_k,
                           const std::string& file_name);

}  // namespace mann
