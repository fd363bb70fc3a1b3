#include "framework/io/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace mann {

namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// fsync through a read-only descriptor: enough on Linux for both regular files and directories.
void fsync_path(const std::filesystem::path& path, int flags, const std::string& what) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | flags);
  if (fd < 0) throw_errno("cannot open " + what + " " + path.string());
  if (::fsync(fd) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    throw_errno("cannot fsync " + what + " " + path.string());
  }
  ::close(fd);
}

}  // namespace

std::filesystem::path atomic_temp_path(const std::filesystem::path& target) {
  std::filesystem::path temp = target;
  temp += ".tmp-" + std::to_string(::getpid());
  return temp;
}

void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path& temp)>& write) {
  const std::filesystem::path temp = atomic_temp_path(target);
  try {
    write(temp);
    fsync_path(temp, 0, "file");
    if (::rename(temp.c_str(), target.c_str()) != 0) {
      throw_errno("cannot rename " + temp.string() + " to " + target.string());
    }
  } catch (...) {
    std::error_code ignored;  // best effort: the original error is the one worth reporting
    std::filesystem::remove(temp, ignored);
    throw;
  }
  // After the rename the new file is in place; only its durability across a power cut remains.
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  fsync_path(dir, O_DIRECTORY, "directory");
}

}  // namespace mann
