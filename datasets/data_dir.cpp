#include "datasets/data_dir.h"

#include <cstdlib>

namespace mann {

namespace {

const char* env_data_dir() {
  const char* env = std::getenv("MANN_DATA");
  return (env != nullptr && env[0] != '\0') ? env : nullptr;
}

}  // namespace

std::string resolve_data_dir(const std::string& cli_or_config_value) {
  if (!cli_or_config_value.empty()) return cli_or_config_value;
  if (const char* env = env_data_dir()) return env;
  return "./data";
}

std::string data_dir_origin(const std::string& cli_or_config_value) {
  if (!cli_or_config_value.empty()) return "--data-dir / config value";
  if (env_data_dir() != nullptr) return "environment variable MANN_DATA";
  return "default ./data (neither --data-dir nor MANN_DATA set)";
}

bool data_dir_chosen(const std::string& cli_or_config_value) {
  return !cli_or_config_value.empty() || env_data_dir() != nullptr;
}

}  // namespace mann
