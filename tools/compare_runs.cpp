// The process side of `mann compare`: a small pool of `mann train` children. Children rather than threads: a
// run that crashes or diverges cannot take the others down, and each run is exactly what `mann train` would
// produce on its own.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>
#include <ostream>

#include "framework/distributed/world.h"
#include "tools/compare.h"
#include "tools/interrupt.h"
#include "tools/parent_watch.h"

extern char** environ;

namespace mann {
namespace fs = std::filesystem;

std::string file_tail(const fs::path& path, int lines) {
  std::ifstream in(path);
  std::deque<std::string> tail;
  for (std::string line; std::getline(in, line);) {
    tail.push_back(line);
    if (static_cast<int>(tail.size()) > lines) tail.pop_front();
  }
  std::string out;
  for (const std::string& line : tail) out += line + "\n";
  return out;
}

namespace {

// Starts `mann train` for one run with stdout and stderr going to its train.log; the child's pid, or -1.
pid_t spawn_training(const CompareRun& run, const std::vector<std::string>& overrides) {
  fs::create_directories(run.dir);
  const bool resume = run.resume_from > 0;
  std::vector<std::string> args = {"mann", "train"};
  if (resume) {
    // The checkpoint's config is the one asked for (plan_run checked) apart from the length.
    args.insert(args.end(),
                {"--resume", run.dir.string(), "--set", "train.steps=" + run.experiment->steps_text});
  } else {
    args.push_back(run.experiment->path);
    for (const std::string& s : overrides) args.insert(args.end(), {"--set", s});
    for (const std::string& s : run.experiment->overrides) args.insert(args.end(), {"--set", s});
    // After the user's overrides, so the seed of the run always wins.
    args.insert(args.end(), {"--set", "seed=" + std::to_string(run.seed), "--out", run.dir.string()});
  }
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string log = run.log().string();
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | (resume ? O_APPEND : O_TRUNC), 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  // Under mpirun this process is a rank; the child must not take itself for that rank too.
  std::vector<char*> env;
  for (char** e = environ; *e; ++e)
    if (!distributed::is_launcher_variable(*e)) env.push_back(*e);
  std::string parent = parent_pid_variable();  // the child dies with this process (tools/parent_watch.h)
  env.push_back(parent.data());
  env.push_back(nullptr);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    std::ofstream(run.log()) << "mann compare: cannot start mann train: " << std::strerror(error) << "\n";
    return -1;
  }
  return pid;
}

// How often the pool looks for finished children and for Ctrl-C.
constexpr useconds_t kPollMicroseconds = 50000;

std::string describe(const CompareRun& run) {
  return run.experiment->label + " seed " + std::to_string(run.seed);
}

void mark_failed(CompareRun& run, int exit_code) {
  run.status = CompareRun::Status::Failed;
  run.exit_code = exit_code;
  run.failure = "mann train exited with code " + std::to_string(exit_code) + "; the end of " +
                run.log().string() + ":\n" + file_tail(run.log(), 15);
}

}  // namespace

void train_runs(const std::vector<CompareRun*>& runs, const std::vector<std::string>& overrides, int jobs,
                std::ostream& progress) {
  std::map<pid_t, CompareRun*> running;
  size_t next = 0;
  bool stopping = false;
  while ((next < runs.size() && !stopping) || !running.empty()) {
    if (!stopping && interrupt_signal() != 0) {
      // Children in this terminal's process group had the Ctrl-C too; SIGTERM reaches the others (a
      // `kill` of this process alone). Either way each stops after its step and saves a checkpoint.
      stopping = true;
      progress << "interrupted: stopping " << running.size()
               << " training run(s) at their next step (each saves a checkpoint)\n"
               << std::flush;
      for (const auto& [pid, unused] : running) kill(pid, SIGTERM);
    }
    while (!stopping && static_cast<int>(running.size()) < jobs && next < runs.size()) {
      CompareRun& run = *runs[next++];
      const pid_t pid = spawn_training(run, overrides);
      if (pid < 0) {
        mark_failed(run, -1);
        progress << "failed to start " << describe(run) << "\n";
        continue;
      }
      running[pid] = &run;
      progress << "training " << describe(run);
      if (run.resume_from > 0)
        progress << " from step " << run.resume_from << " (resuming " << run.dir.string() << ")";
      progress << " -> " << run.log().string() << "\n" << std::flush;
    }
    if (running.empty()) continue;
    int status = 0;
    // Not a blocking wait: a signal that lands just before it would go unnoticed until a child ends.
    const pid_t pid = waitpid(-1, &status, WNOHANG);
    if (pid == 0) {
      usleep(kPollMicroseconds);
      continue;
    }
    if (pid < 0) {
      if (errno == EINTR) continue;
      for (auto& [unused, run] : running) mark_failed(*run, -1);  // no children left to wait for
      return;
    }
    const auto it = running.find(pid);
    if (it == running.end()) continue;  // not one of ours
    CompareRun& run = *it->second;
    running.erase(it);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (code == 0) {
      run.status = CompareRun::Status::Trained;
      progress << "finished " << describe(run) << "\n";
    } else if (stopping) {
      mark_failed(run, code);
      progress << "stopped " << describe(run) << " (" << run.dir.string() << " keeps its checkpoint)\n";
    } else {
      mark_failed(run, code);
      progress << "FAILED " << describe(run) << " (exit code " << code << ", see " << run.log().string()
               << ")\n";
    }
    progress << std::flush;
  }
}

}  // namespace mann
