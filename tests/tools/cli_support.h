#pragma once
// Running the `mann` binary from tests: exit code and combined output.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace mann::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline CommandResult run_mann(const std::string& arguments) {
  return run_command(std::string(MANN_BINARY) + " " + arguments);
}

// Starts `mann ARGUMENTS...` in the background (a child of this process, so that its exit code can be
// read) with stdout and stderr going to `log`; its pid, or -1.
inline pid_t start_mann(std::vector<std::string> arguments, const std::filesystem::path& log) {
  arguments.insert(arguments.begin(), MANN_BINARY);
  std::vector<char*> argv;
  for (std::string& a : arguments) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = -1;
  if (posix_spawn(&pid, MANN_BINARY, &actions, nullptr, argv.data(), ::environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// Waits for a process started by start_mann: its exit code, or 128 + the signal that ended it.
inline int wait_exit_code(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Runs a bash script of the repository (`tools/fuzz/...`) with `arguments` and `--build` naming this build's
// directory, as the fuzz and kill-campaign samples do. Exit code 77 means a tool it needs is missing.
inline CommandResult run_repository_script(const std::string& script, const std::string& arguments) {
  const std::filesystem::path build = std::filesystem::path(MANN_BINARY).parent_path();
  return run_command("bash " + (std::filesystem::path(MANN_SOURCE_DIR) / script).string() + " " + arguments +
                     " --build " + build.string());
}

// Number of (possibly overlapping) occurrences of `what` in `text`.
inline int count_occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace mann::testing
