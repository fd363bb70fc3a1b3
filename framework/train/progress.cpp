#include "framework/train/progress.h"

#include <unistd.h>

#include <cmath>
#include <sstream>

namespace mann {

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const auto s = static_cast<int64_t>(seconds + 0.5);
  char buffer[32];
  if (s >= 3600)
    std::snprintf(buffer, sizeof buffer, "%lldh%02lldm", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60));
  else
    std::snprintf(buffer, sizeof buffer, "%lldm%02llds", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  return buffer;
}

ProgressReporter::ProgressReporter(std::FILE* out, int live)
    : out_(out), live_(live < 0 ? isatty(fileno(out)) != 0 : live != 0) {}

void ProgressReporter::start(int64_t first_step, int64_t total_steps, int64_t steps_per_epoch) {
  first_step_ = last_step_ = first_step;
  total_ = total_steps;
  steps_per_epoch_ = steps_per_epoch;
  start_ = last_time_ = std::chrono::steady_clock::now();
}

void ProgressReporter::report(int64_t step, const Metrics& metrics, bool final_line) {
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  // Rate over the whole run so far: steadier than over the last interval.
  rate_ = elapsed > 0 ? static_cast<double>(step - first_step_) / elapsed : 0;
  last_step_ = step;
  last_time_ = now;
  std::ostringstream line;
  line << "step " << step << "/" << total_;
  if (steps_per_epoch_ > 0)  // epochs completed, of the run's (last one possibly partial)
    line << " (epoch " << step / steps_per_epoch_ << "/" << (total_ + steps_per_epoch_ - 1) / steps_per_epoch_
         << ")";
  for (const auto& [name, value] : metrics) line << "  " << name << " " << value;
  char rate[64];
  std::snprintf(rate, sizeof rate, "  %.1f steps/s  ETA %s", rate_,
                format_duration(rate_ > 0 ? static_cast<double>(total_ - step) / rate_ : NAN).c_str());
  line << rate;
  if (live_) {
    std::fprintf(out_, "\r\033[K%s", line.str().c_str());
    line_open_ = !final_line;
    if (final_line) std::fputc('\n', out_);
  } else {
    std::fprintf(out_, "%s\n", line.str().c_str());
  }
  std::fflush(out_);
}

void ProgressReporter::message(const std::string& text) {
  if (line_open_) std::fprintf(out_, "\r\033[K");
  std::fprintf(out_, "%s\n", text.c_str());
  line_open_ = false;
  std::fflush(out_);
}

void ProgressReporter::finish() {
  if (line_open_) std::fputc('\n', out_);
  line_open_ = false;
  std::fflush(out_);
}

}  // namespace mann
