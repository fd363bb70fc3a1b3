#include "tools/cli_support.h"

#include <Eigen/Core>
#include <filesystem>

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

std::string single_positional(const std::vector<std::string>& given, const std::string& what) {
  for (size_t i = 0; i < given.size(); ++i) {
    const bool looks_like_override = given[i].find('=') != std::string::npos;
    if (looks_like_override && (i > 0 || !std::filesystem::exists(given[i])))
      throw po::error("`" + given[i] + "` is not " + what + "; to override a config key write `--set " +
                      given[i] + "`");
  }
  if (given.size() > 1)
    throw po::error("one " + what + " only, but `" + given[1] + "` follows `" + given[0] + "`");
  return given.empty() ? "" : given.front();
}

void set_threads(int threads) {
  if (threads < 1) throw po::error("--threads must be at least 1");
  Eigen::setNbThreads(threads);
}

std::string run_label(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  const fs::path normal = fs::absolute(path).lexically_normal();
  const fs::path p = normal.has_filename() ? normal : normal.parent_path();  // "runs/x/" names runs/x
  if (fs::is_directory(p)) return p.filename().string();
  if (p.filename() == "metrics.csv") return p.parent_path().filename().string();
  if (p.parent_path().filename() == "checkpoints") return p.parent_path().parent_path().filename().string();
  return p.stem().string();
}

}  // namespace mann
