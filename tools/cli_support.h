#pragma once
// Boost.Program_options plumbing shared by the subcommands: parsing with positional arguments, --help.
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "tools/commands.h"

namespace mann {

namespace po = boost::program_options;

// Parses args into vm; returns false after printing help or the version (--help, --version).
bool parse_command_line(const Args& args, const std::string& usage, po::options_description& options,
                        const po::positional_options_description& positional, po::variables_map& vm);

// The one positional argument of a command (`what` names it in messages; "" when none was given). A
// second one is refused, and one that looks like `key=value` is pointed to --set: `mann train exp.yaml
// train.steps=100` is a common slip.
std::string single_positional(const std::vector<std::string>& given, const std::string& what);

// Sets the number of threads Eigen may use for large products (1 keeps runs bit-reproducible and is
// fastest for the small matrices of these models).
void set_threads(int threads);

// The name a chart's legend gives the run behind `path`: a run directory's own name; RUN for
// RUN/metrics.csv and for RUN/checkpoints/X.h5; any other file's name without its extension.
std::string run_label(const std::filesystem::path& path);

}  // namespace mann
