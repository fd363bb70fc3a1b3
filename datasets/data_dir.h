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

// Whether a data directory was chosen (`cli_or_config_value` or $MANN_DATA) rather than left to the ./data
// default; datasets installed system-wide (Fashion-MNIST) look in a chosen one only.
bool data_dir_chosen(const std::string& cli_or_config_value);

}  // namespace mann
