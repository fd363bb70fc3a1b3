#pragma once
// Finding and waiting for processes from tests that start `mann` in the background and kill it.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace mann::testing {

// A file of /proc/PID with its NUL separators turned into spaces ("" if the process is gone).
inline std::string proc_text(const std::filesystem::path& pid_dir, const char* file) {
  std::ifstream in(pid_dir / file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (char& c : text)
    if (c == '\0') c = ' ';
  return text;
}

// Processes whose command line contains `needle` and, if given, whose environment contains `variable`.
inline std::vector<pid_t> processes_with(const std::string& needle, const std::string& variable = "") {
  std::vector<pid_t> pids;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    if (proc_text(entry.path(), "cmdline").find(needle) == std::string::npos) continue;
    if (!variable.empty() &&
        (" " + proc_text(entry.path(), "environ")).find(" " + variable + " ") == std::string::npos)
      continue;
    pids.push_back(static_cast<pid_t>(std::stol(name)));
  }
  return pids;
}

// Polls `done` every 20 ms for up to `seconds`; whether it became true.
template <class Condition>
bool wait_for(Condition done, double seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace mann::testing
