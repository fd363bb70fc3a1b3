#include "tools/parent_watch.h"

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

namespace mann {
namespace {
constexpr const char* kVariable = "MANN_PARENT_PID";
}

std::string parent_pid_variable() {
  return std::string(kVariable) + "=" + std::to_string(getpid());
}

void die_with_parent_if_asked() {
  const char* value = std::getenv(kVariable);
  if (!value || !*value) return;
  const pid_t parent = static_cast<pid_t>(std::atol(value));
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  // The parent may have died between the spawn and the prctl: then nobody would send the signal.
  if (getppid() != parent) std::_Exit(1);
  unsetenv(kVariable);  // not inherited by anything this process starts
}

}  // namespace mann
