#include "tools/run_record.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "framework/util/utc_time.h"

namespace mann {
namespace {

// An argument as a shell reads it back: quoted when it holds anything but plain characters.
std::string shell_quoted(const std::string& arg) {
  if (!arg.empty() && arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                            "_-+=.,/:@%") == std::string::npos)
    return arg;
  std::string out = "'";
  for (char ch : arg) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

// Runs a shell command; its first output line, and whether it exited 0.
bool first_line_of(const std::string& command, std::string& line) {
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return false;
  std::array<char, 256> buffer{};
  line = fgets(buffer.data(), buffer.size(), pipe) ? buffer.data() : "";
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  const int status = pclose(pipe);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

void append_run_record(const std::filesystem::path& run_dir, const std::string& command, const Args& args) {
  std::ofstream out(run_dir / "command.txt", std::ios::app);
  out << "# " << utc_now_iso8601() << "\nmann " << command;
  for (const std::string& arg : args) out << ' ' << shell_quoted(arg);
  out << '\n';
#ifdef MANN_SOURCE_DIR
  const std::string git = "git -C " + shell_quoted(MANN_SOURCE_DIR);
  std::string commit, unused;
  if (first_line_of(git + " rev-parse HEAD", commit) && !commit.empty()) {
    const bool clean = first_line_of(git + " diff --quiet HEAD", unused);
    out << "# git commit " << commit << (clean ? "" : " plus uncommitted changes") << '\n';
  }
#endif
}

}  // namespace mann
