#include "framework/train/schedule.h"

#include <cmath>
#include <numbers>
#include <sstream>
#include <vector>

#include "framework/autodiff/errors.h"

namespace mann {

namespace {

std::string fmt(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

}  // namespace

std::string ConstantSchedule::describe() const {
  return "constant(" + fmt(base_) + ")";
}

StepDecaySchedule::StepDecaySchedule(float base, float factor, int64_t every)
    : base_(base), factor_(factor), every_(every) {
  if (every <= 0) throw UserError("step schedule: 'every' must be positive, got " + std::to_string(every));
  if (!(factor > 0.f)) throw UserError("step schedule: factor must be positive");
}

float StepDecaySchedule::lr(int64_t t) const {
  const int64_t k = t < 0 ? 0 : t / every_;
  return static_cast<float>(base_ * std::pow(static_cast<double>(factor_), static_cast<double>(k)));
}

std::string StepDecaySchedule::describe() const {
  return "step(" + fmt(base_) + ", x" + fmt(factor_) + " every " + std::to_string(every_) + ")";
}

ExponentialSchedule::ExponentialSchedule(float base, float gamma) : base_(base), gamma_(gamma) {
  if (!(gamma > 0.f)) throw UserError("exponential schedule: gamma must be positive");
}

float ExponentialSchedule::lr(int64_t t) const {
  const double k = static_cast<double>(t < 0 ? 0 : t);
  return static_cast<float>(base_ * std::pow(static_cast<double>(gamma_), k));
}

std::string ExponentialSchedule::describe() const {
  return "exponential(" + fmt(base_) + ", gamma " + fmt(gamma_) + ")";
}

CosineSchedule::CosineSchedule(float base, float min_lr, int64_t period)
    : base_(base), min_(min_lr), period_(period) {
  if (period <= 0) throw UserError("cosine schedule: period must be positive");
}

float CosineSchedule::lr(int64_t t) const {
  if (t >= period_) return min_;
  const double x = static_cast<double>(t < 0 ? 0 : t) / static_cast<double>(period_);
  return static_cast<float>(min_ + (base_ - min_) * 0.5 * (1.0 + std::cos(std::numbers::pi * x)));
}

std::string CosineSchedule::describe() const {
  return "cosine(" + fmt(base_) + " -> " + fmt(min_) + " over " + std::to_string(period_) + ")";
}

std::unique_ptr<Schedule> parse_schedule(const std::string& text, float base) {
  const size_t colon = text.find(':');
  const std::string name = text.substr(0, colon);
  std::vector<double> n;
  if (colon != std::string::npos) {
    std::stringstream args(text.substr(colon + 1));
    std::string piece;
    while (std::getline(args, piece, ',')) {
      try {
        size_t used = 0;
        n.push_back(std::stod(piece, &used));
        if (used != piece.size()) throw std::invalid_argument(piece);
      } catch (const std::exception&) {
        throw UserError("schedule '" + text + "': '" + piece + "' is not a number");
      }
    }
  }
  auto want = [&](size_t lo, size_t hi, const char* usage) {
    if (n.size() < lo || n.size() > hi) throw UserError("schedule '" + text + "': expected " + usage);
  };
  if (name == "constant") {
    want(0, 0, "constant");
    return std::make_unique<ConstantSchedule>(base);
  }
  if (name == "step") {
    want(2, 2, "step:FACTOR,EVERY");
    return std::make_unique<StepDecaySchedule>(base, static_cast<float>(n[0]), static_cast<int64_t>(n[1]));
  }
  if (name == "exponential") {
    want(1, 1, "exponential:GAMMA");
    return std::make_unique<ExponentialSchedule>(base, static_cast<float>(n[0]));
  }
  if (name == "cosine") {
    want(1, 2, "cosine:PERIOD or cosine:PERIOD,MIN_LR");
    return std::make_unique<CosineSchedule>(base, n.size() > 1 ? static_cast<float>(n[1]) : 0.f,
                                            static_cast<int64_t>(n[0]));
  }
  throw UserError("unknown schedule '" + text +
                  "' (expected constant, step:FACTOR,EVERY, exponential:GAMMA, cosine:PERIOD[,MIN_LR])");
}

}  // namespace mann
