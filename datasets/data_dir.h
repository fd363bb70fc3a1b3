#pragma once
// Where datasets live on disk: one data directory, chosen by the command line / config, else the
// MANN_DATA environment variable, else ./data.
#include <string>

namespace mann {

// The data directory: `cli_or_config_value` when non-empty, else $MANN_DATA when set and non-empty, else
// "./data".
std::string resolve_data_dir(const std::string& cli_or_config_value);

// Which of the three rules resolve_data_dir used, for error messages ("--data-dir / config value",
// "environment variable MANN_DATA", "default ./data").
std::string data_dir_origin(const std::string& cli_or_config_value);

}  // namespace mann
