#include "framework/train/progress.h"

#include <unistd.h>

#include <cctype>
#include <cmath>
#include <map>
#include <sstream>
#include <vector>

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

std::string format_epochs(int64_t steps, int64_t steps_per_epoch) {
  if (steps_per_epoch <= 0) return "0";
  if (steps % steps_per_epoch == 0) return std::to_string(steps / steps_per_epoch);
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(steps) / static_cast<double>(steps_per_epoch));
  return text;
}

namespace {

// Training metrics that are a switch (0 or 1, averaged over the report) read better as words.
bool is_switch_metric(const std::string& name) {
  return name == "linear_start";
}

// "task12_error" -> {"taskN_error", 12}; {"", 0} for a name without a number inside.
std::pair<std::string, int> numbered_family(const std::string& name) {
  const size_t first = name.find_first_of("0123456789");
  if (first == std::string::npos || first == 0) return {"", 0};
  size_t end = first;
  while (end < name.size() && std::isdigit(static_cast<unsigned char>(name[end]))) ++end;
  if (end < name.size() && name[end] != '_') return {"", 0};
  return {name.substr(0, first) + "N" + name.substr(end), std::stoi(name.substr(first, end - first))};
}

std::string short_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", value);
  return text;
}

}  // namespace

std::string format_eval_metrics(const Metrics& metrics) {
  constexpr size_t kFamilyMinimum = 4;  // fewer numbered metrics stay on the main line
  constexpr size_t kLineWidth = 100;
  std::map<std::string, std::vector<std::pair<int, double>>> families;
  std::vector<std::string> family_order;
  for (const auto& [name, value] : metrics) {
    const auto [family, number] = numbered_family(name);
    if (family.empty()) continue;
    if (!families.count(family)) family_order.push_back(family);
    families[family].emplace_back(number, value);
  }
  std::ostringstream main;
  for (const auto& [name, value] : metrics) {
    const std::string family = numbered_family(name).first;
    if (!family.empty() && families[family].size() >= kFamilyMinimum) continue;
    main << " " << name << " " << value;
  }
  std::string out = main.str();
  for (const std::string& family : family_order) {
    if (families[family].size() < kFamilyMinimum) continue;
    std::string line = "\n  " + family + " ";
    for (const auto& [number, value] : families[family]) {
      const std::string item = " " + std::to_string(number) + ":" + short_number(value);
      if (line.size() + item.size() > kLineWidth) {
        out += line;
        line = "\n" + std::string(family.size() + 3, ' ');
      }
      line += item;
    }
    out += line;
  }
  return out;
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
  if (steps_per_epoch_ > 0)  // epochs completed, of the run's (as the run's header says it: 5.3)
    line << " (epoch " << step / steps_per_epoch_ << "/" << format_epochs(total_, steps_per_epoch_) << ")";
  for (const auto& [name, value] : metrics) {
    if (is_switch_metric(name) && std::isfinite(value)) {
      std::string words = name;
      for (char& ch : words) ch = ch == '_' ? ' ' : ch;
      line << "  " << words << ": " << (value >= 0.5 ? "on" : "off");
    } else {
      line << "  " << name << " " << value;
    }
  }
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
  log(line.str());
}

void ProgressReporter::log(const std::string& text) {
  if (!log_) return;
  std::fprintf(log_, "%s\n", text.c_str());
  std::fflush(log_);
}

void ProgressReporter::message(const std::string& text) {
  if (line_open_) std::fprintf(out_, "\r\033[K");
  std::fprintf(out_, "%s\n", text.c_str());
  line_open_ = false;
  std::fflush(out_);
  log(text);
}

void ProgressReporter::finish() {
  if (line_open_) std::fputc('\n', out_);
  line_open_ = false;
  std::fflush(out_);
}

}  // namespace mann
