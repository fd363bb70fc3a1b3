#include "tools/run_lock.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "framework/autodiff/errors.h"

namespace mann {
namespace fs = std::filesystem;

namespace {

std::string holder_pid(int fd) {
  char text[32] = {};
  const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  std::string pid = n > 0 ? std::string(text, static_cast<size_t>(n)) : "";
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid.empty() ? "unknown" : pid;
}

// A zombie (killed, not yet reaped by its parent) writes nothing any more, so it counts as gone.
bool process_running(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (std::getline(stat, line)) {
    const size_t name_end = line.rfind(')');
    return name_end == std::string::npos || line.compare(name_end, 4, ") Z ") != 0;
  }
  return ::kill(pid, 0) == 0 || errno == EPERM;
}

}  // namespace

RunDirectoryLock::RunDirectoryLock(const fs::path& run_dir) {
  const fs::path file = run_dir / "train.lock";
  std::error_code ec;
  fs::create_directories(run_dir, ec);
  if (ec) throw UserError("cannot create run directory " + run_dir.string() + ": " + ec.message());
  fd_ = UniqueFd(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
  if (!fd_.valid())
    throw UserError("cannot lock run directory " + run_dir.string() + ": cannot open " + file.string() +
                    ": " + std::strerror(errno));
  if (::flock(fd_.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK)
      throw UserError("cannot lock run directory " + run_dir.string() + ": " + std::strerror(errno));
    throw UserError("run directory " + run_dir.string() + " is in use by another `mann train` (PID " +
                    holder_pid(fd_.get()) + ", see " + file.string() +
                    "); wait for it to finish or choose another --out");
  }
  // Best effort (a full disk leaves it empty): the PID serves only the message a second run prints.
  if (::ftruncate(fd_.get(), 0) == 0) {
    const std::string pid = std::to_string(::getpid()) + "\n";
    [[maybe_unused]] const ssize_t written = ::pwrite(fd_.get(), pid.data(), pid.size(), 0);
  }
}

std::vector<fs::path> remove_stale_temporaries(const fs::path& dir) {
  std::vector<fs::path> removed;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const size_t mark = name.rfind(".tmp-");
    if (mark == std::string::npos) continue;
    const std::string digits = name.substr(mark + 5);
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    const auto pid = static_cast<pid_t>(std::stol(digits));
    if (pid != ::getpid() && process_running(pid))
      continue;  // a live writer, e.g. an older mann without locks
    std::error_code ignored;
    if (fs::remove(entry.path(), ignored)) removed.push_back(entry.path());
  }
  return removed;
}

}  // namespace mann
