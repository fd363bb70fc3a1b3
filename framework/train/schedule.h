#pragma once
// Learning-rate schedules: the rate as a function of an epoch or step counter t (starting at 0). The
// caller decides what t counts and calls optimizer.set_learning_rate(schedule.lr(t)).
#include <cstdint>
#include <memory>
#include <string>

namespace mann {

class Schedule {
 public:
  virtual ~Schedule() = default;
  virtual float lr(int64_t t) const = 0;
  virtual std::string describe() const = 0;
};

// lr(t) = base.
class ConstantSchedule : public Schedule {
 public:
  explicit ConstantSchedule(float base) : base_(base) {}
  float lr(int64_t) const override { return base_; }
  std::string describe() const override;

 private:
  float base_;
};

// lr(t) = base * factor^floor(t / every), e.g. MemN2N: halve every 25 epochs (factor 0.5, every 25).
class StepDecaySchedule : public Schedule {
 public:
  StepDecaySchedule(float base, float factor, int64_t every);
  float lr(int64_t t) const override;
  std::string describe() const override;

 private:
  float base_, factor_;
  int64_t every_;
};

// lr(t) = base * gamma^t.
class ExponentialSchedule : public Schedule {
 public:
  ExponentialSchedule(float base, float gamma);
  float lr(int64_t t) const override;
  std::string describe() const override;

 private:
  float base_, gamma_;
};

// Cosine annealing (Loshchilov & Hutter 2017, without restarts):
// lr(t) = min + (base - min) * (1 + cos(pi * t / period)) / 2 for t < period, then min.
class CosineSchedule : public Schedule {
 public:
  CosineSchedule(float base, float min_lr, int64_t period);
  float lr(int64_t t) const override;
  std::string describe() const override;

 private:
  float base_, min_;
  int64_t period_;
};

// What the trainer asks a schedule about at optimizer step `step` (from 0): the epoch where the data has
// epochs (steps_per_epoch > 0), else the step itself. A run of S steps spans schedule_counter(S - 1) + 1.
inline int64_t schedule_counter(int64_t step, int64_t steps_per_epoch) {
  return steps_per_epoch > 0 ? step / steps_per_epoch : step;
}

// Builds a schedule from text and a base rate: "constant", "step:FACTOR,EVERY", "exponential:GAMMA",
// "cosine:PERIOD" or "cosine:PERIOD,MIN_LR". Throws UserError on anything else.
std::unique_ptr<Schedule> parse_schedule(const std::string& text, float base);

}  // namespace mann
