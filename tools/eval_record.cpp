#include "tools/eval_record.h"

#include <fstream>
#include <sstream>

namespace mann {
namespace {

// The text of `"key": ` 's value in the one-line JSON object `mann eval --json` writes: a number or a
// string without escapes (names and paths as eval writes them).
std::string json_field(const std::string& json, const std::string& key, size_t from = 0) {
  const size_t at = json.find("\"" + key + "\": ", from);
  if (at == std::string::npos) return "";
  size_t start = at + key.size() + 4;
  if (json[start] == '"') {
    const size_t end = json.find('"', start + 1);
    return json.substr(start + 1, end - start - 1);
  }
  const size_t end = json.find_first_of(",}", start);
  return json.substr(start, end - start);
}

}  // namespace

std::filesystem::path eval_record_path(const std::filesystem::path& run_dir, const std::string& split) {
  return run_dir / ("eval_" + split + ".json");
}

std::optional<std::string> recorded_primary_metric(const std::filesystem::path& run_dir,
                                                   const std::string& split) {
  std::ifstream in(eval_record_path(run_dir, split));
  std::string json;
  if (!in || !std::getline(in, json)) return std::nullopt;
  const size_t metrics = json.find("\"metrics\": {\"");
  if (metrics == std::string::npos) return std::nullopt;
  const size_t name_start = metrics + 13;
  const std::string name = json.substr(name_start, json.find('"', name_start) - name_start);
  const std::string value = json_field(json, name, metrics);
  const std::string file = std::filesystem::path(json_field(json, "checkpoint")).filename().string();
  return name + " " + value + " (" + file + ", step " + json_field(json, "step") + ")";
}

}  // namespace mann
