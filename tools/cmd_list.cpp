// `mann list`: every registered component (and the plain experiment sections) with their options.
#include <iostream>

#include "tools/cli_support.h"
#include "tools/experiment.h"

namespace mann {

int list_command(const Args& args) {
  po::options_description options("list options");
  po::variables_map vm;
  if (!parse_command_line(args, "usage: mann list", options, {}, vm)) return kOk;
  std::cout << builtin_registry().format_listing();
  return kOk;
}

}  // namespace mann
