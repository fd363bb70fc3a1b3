#include "tools/cli_support.h"

#include <Eigen/Core>

namespace mann {

bool parse_command_line(const Args& args, const std::string& usage, po::options_description& options,
                        const po::positional_options_description& positional, po::variables_map& vm) {
  options.add_options()("help,h", "show this help")("version", "print the version");
  po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout << usage << "\n\n" << options << "\n";
    return false;
  }
  if (vm.count("version")) {
    std::cout << "mann " << MANN_VERSION << "\n";
    return false;
  }
  po::notify(vm);
  return true;
}

void set_threads(int threads) {
  if (threads < 1) throw po::error("--threads must be at least 1");
  Eigen::setNbThreads(threads);
}

}  // namespace mann
