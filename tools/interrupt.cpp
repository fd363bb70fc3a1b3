#include "tools/interrupt.h"

#include <csignal>
#include <initializer_list>

namespace mann {
namespace {

volatile std::sig_atomic_t received = 0;

void record(int signal) {
  if (received == 0) received = signal;
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action = {};
  action.sa_handler = record;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // the second one of a kind is not caught
  for (int signal : {SIGINT, SIGTERM}) {
    struct sigaction previous = {};
    sigaction(signal, &action, &previous);
    // A process started to ignore it (a shell's background job, nohup) keeps ignoring it.
    if (previous.sa_handler == SIG_IGN) sigaction(signal, &previous, nullptr);
  }
}

int interrupt_signal() {
  return received;
}

}  // namespace mann
